// The pathway editor's live preview: as fields change, the form's current values (CSRF token
// included) go to /pathways/<slug>/preview.svg, which checks and draws them without saving.
// The drawing is shown as an <img> (an SVG in an image runs nothing); problems are shown
// beside their fields, as a save would show them. Without JavaScript the preview is the
// diagram as last saved, and every button still works.
(function () {
  "use strict";
  var form = document.getElementById("pathway-form");
  var image = document.getElementById("preview-image");
  var status = document.getElementById("preview-status");
  if (!form || !image || !status || !window.fetch || !window.FormData) { return; }
  var url = form.getAttribute("data-preview");
  var timer = null;
  var latest = 0;

  function clearPreviewErrors() {
    var shown = form.querySelectorAll("[data-preview-error]");
    for (var i = 0; i < shown.length; i++) { shown[i].parentNode.removeChild(shown[i]); }
    var marked = form.querySelectorAll("[data-preview-invalid]");
    for (var j = 0; j < marked.length; j++) {
      marked[j].removeAttribute("aria-invalid");
      marked[j].removeAttribute("data-preview-invalid");
    }
  }

  function showErrors(errors) {
    var count = 0;
    Object.keys(errors).forEach(function (id) {
      var target = document.getElementById(id);
      (errors[id] || []).forEach(function (message) {
        count += 1;
        var note = document.createElement("p");
        note.className = "error";
        note.setAttribute("data-preview-error", "");
        note.textContent = message;
        if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) {
          target.setAttribute("aria-invalid", "true");
          target.setAttribute("data-preview-invalid", "");
          target.parentNode.appendChild(note);
        } else if (target) {
          var legend = target.querySelector("legend");
          target.insertBefore(note, legend ? legend.nextSibling : target.firstChild);
        } else {
          status.parentNode.appendChild(note);
        }
      });
    });
    return count;
  }

  function refresh() {
    var ticket = ++latest;
    var body = new FormData(form);
    status.removeAttribute("data-state");
    status.textContent = "Updating the preview…";
    fetch(url, { method: "POST", body: body, credentials: "same-origin" })
      .then(function (response) {
        if (ticket !== latest) { return null; }
        if (response.ok) {
          return response.text().then(function (svg) {
            if (ticket !== latest) { return; }
            clearPreviewErrors();
            image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
            image.alt = "Diagram of the pathway as in the form (not saved yet)";
            status.textContent = "Preview of your changes (not saved yet).";
          });
        }
        if (response.status === 422) {
          return response.json().then(function (answer) {
            if (ticket !== latest) { return; }
            clearPreviewErrors();
            var count = showErrors(answer.errors || {});
            status.setAttribute("data-state", "error");
            status.textContent = count === 1 ? "1 problem to fix: see the field marked."
              : count + " problems to fix: see the fields marked.";
          });
        }
        status.textContent = "The preview could not be updated (" + response.status + ").";
        return null;
      })
      .catch(function () {
        if (ticket === latest) { status.textContent = "The preview could not be updated."; }
      });
  }

  function later() {
    if (timer) { window.clearTimeout(timer); }
    timer = window.setTimeout(refresh, 600);
  }

  form.addEventListener("change", later);
  form.addEventListener("input", function (event) {
    // Typing in the "add" rows changes nothing yet; the rows already in the pathway do.
    var name = event.target && event.target.name || "";
    if (name.indexOf("add_") !== 0) { later(); }
  });
})();
