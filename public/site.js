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

// Social posts in articles: a card first; the network's frame only when the reader asks for it.
(function () {
  document.querySelectorAll('[data-embed-frame]').forEach(function (figure) {
    var consent = figure.querySelector('[data-embed-consent]');
    var button = figure.querySelector('[data-load-embed]');
    if (!consent || !button) return;
    consent.hidden = false;
    button.addEventListener('click', function () {
      var frame = document.createElement('iframe');
      frame.src = figure.getAttribute('data-embed-frame');
      frame.title = `Post on ${figure.getAttribute('data-embed-name')}`;
      frame.className = 'social-frame';
      frame.setAttribute('loading', 'lazy');
      frame.setAttribute('allow', 'encrypted-media; picture-in-picture; fullscreen');
      frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-presentation');
      figure.querySelector('.social-card').replaceWith(frame);
      frame.focus();
    });
  });
})();
