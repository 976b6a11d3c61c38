// Plays HLS where the browser cannot on its own, by loading hls.js (served from this site) on demand.
(function () {
  var videos = document.querySelectorAll('video[data-hls]');
  if (!videos.length) return;
  var probe = document.createElement('video');
  if (probe.canPlayType('application/vnd.apple.mpegurl')) return; // native HLS
  var script = document.createElement('script');
  script.src = '/assets/vendor/hls.min.js';
  script.onload = function () {
    if (!window.Hls?.isSupported()) return;
    videos.forEach(function (video) {
      var hls = new window.Hls();
      hls.loadSource(video.getAttribute('data-hls'));
      hls.attachMedia(video);
    });
  };
  document.head.appendChild(script);
})();
