// Badges > batch printing, in the Wagtail admin.
// On the form: show only the ticket types of the edition chosen, and say how
// many badges the filters match as they change. On a batch's page: poll the
// batch's status every second and move the progress bar until the PDF is ready.
// Both pages work without this script (a "Count" button, a refresh link).
(function () {
  "use strict";

  function getJSON(url) {
    return fetch(url, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      cache: "no-store",
    }).then(function (response) {
      if (!response.ok || response.headers.get("Content-Type").indexOf("application/json") !== 0) {
        throw new Error(response.status);
      }
      return response.json();
    });
  }

  function setText(element, text) {
    // Rewriting the same text would make screen readers announce it again.
    if (element && element.textContent !== text) {
      element.textContent = text;
    }
  }

  // The form ------------------------------------------------------------------------

  var form = document.querySelector("[data-badge-count-form]");
  if (form) {
    var output = form.querySelector("[data-badge-count]");
    var countButton = form.querySelector("[data-badge-count-button]");
    var edition = form.elements.edition;
    var timer = null;
    var asked = 0;

    var showTicketTypes = function () {
      var chosen = edition ? edition.value : "";
      form.querySelectorAll("input[data-edition]").forEach(function (input) {
        var item = input.closest("label");
        item = (item && item.parentElement) || input;
        var shown = !chosen || input.dataset.edition === chosen;
        item.hidden = !shown;
        if (!shown) {
          input.checked = false;
        }
      });
    };

    var count = function () {
      var params = new URLSearchParams(new FormData(form));
      params.delete("csrfmiddlewaretoken");
      params.delete("action");
      var ask = ++asked;
      getJSON(form.dataset.countUrl + "?" + params.toString())
        .then(function (data) {
          if (ask === asked) {
            setText(output, data.text);
          }
        })
        .catch(function () {
          if (countButton) {
            countButton.hidden = false; // the server can still count
          }
        });
    };

    if (countButton) {
      countButton.hidden = true;
    }
    showTicketTypes();
    form.addEventListener("change", function (event) {
      if (event.target === edition) {
        showTicketTypes();
      }
      clearTimeout(timer);
      timer = setTimeout(count, 200);
    });
  }

  // A batch's progress ---------------------------------------------------------------

  var section = document.querySelector("[data-badge-batch]");
  if (section && section.dataset.finished !== "true") {
    var bar = section.querySelector("progress");
    var progress = section.querySelector("[data-progress]");
    var message = section.querySelector("[data-message]");
    var download = section.querySelector("[data-download]");
    var failures = 0;

    var poll = function () {
      getJSON(section.dataset.statusUrl)
        .then(function (state) {
          failures = 0;
          bar.max = Math.max(state.total, 1);
          bar.value = state.done;
          setText(bar, state.progress);
          setText(progress, state.progress);
          setText(message, state.message);
          if (state.download_url) {
            download.href = state.download_url;
            download.hidden = false;
          }
          if (!state.finished) {
            setTimeout(poll, 1000);
          }
        })
        .catch(function () {
          // A dropped request or a restarting server: try again, less often.
          failures += 1;
          setTimeout(poll, Math.min(1000 * Math.pow(2, failures), 30000));
        });
    };
    setTimeout(poll, 1000);
  }
})();
