// Progressive enhancement only: every page reads and every link works without this file.
(function () {
  var bar = document.querySelector('[data-share-url]');
  if (!bar) return;
  var url = bar.getAttribute('data-share-url');
  var title = bar.getAttribute('data-share-title');
  var status = bar.querySelector('.share-status');
  var say = function (text) {
    if (status) status.textContent = text;
  };

  var native = bar.querySelector('[data-native-share]');
  if (native && typeof navigator.share === 'function') {
    native.hidden = false;
    native.addEventListener('click', function () {
      navigator.share({ title: title, url: url }).catch(function () {});
    });
  }

  var copy = bar.querySelector('[data-copy-link]');
  if (copy && navigator.clipboard && window.isSecureContext) {
    copy.addEventListener('click', function (event) {
      event.preventDefault();
      navigator.clipboard.writeText(url).then(
        function () {
          say('Link copied to the clipboard.');
        },
        function () {
          say(`Copying failed: the link is ${url}`);
        },
      );
    });
  }
})();
