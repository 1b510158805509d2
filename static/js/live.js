// The live page before a session opens: reload when the stream opens (no meta
// refresh: it would interrupt screen readers). The page gives the seconds left
// in data-seconds on #live-soon.
(function () {
  "use strict";
  var soon = document.getElementById("live-soon");
  if (!soon) {
    return;
  }
  var seconds = parseInt(soon.dataset.seconds, 10);
  if (seconds < 86400) {
    setTimeout(function () { window.location.reload(); }, (seconds + 2) * 1000);
  }
})();
