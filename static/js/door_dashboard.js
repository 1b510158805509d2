// The door dashboard, live: refresh the figures every 30 seconds without
// reloading the page (the page's #door-dashboard is replaced by a fresh copy).
(function () {
  "use strict";
  if (!document.getElementById("door-dashboard")) {
    return;
  }
  setInterval(function () {
    fetch(window.location.href, { credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("door-dashboard");
        if (fresh) { document.getElementById("door-dashboard").replaceWith(fresh); }
      });
  }, 30000);
})();
