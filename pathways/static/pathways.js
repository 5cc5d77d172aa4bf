// Pathways: small enhancements shared by every page. Each page works without this file.
//
// Suggestions as you type: an <input data-suggest="/suggest/occupations" list="ID"> gets its
// <datalist id="ID"> filled from the URL's JSON answer, [{"value": …, "label": …}, …].
(function () {
  "use strict";

  function suggest(input) {
    var list = document.getElementById(input.getAttribute("list"));
    if (!list) { return; }
    var timer = null;
    var asked = "";
    var controller = null;

    function fill(options) {
      list.replaceChildren.apply(list, options.map(function (option) {
        var element = document.createElement("option");
        element.value = option.value;        // text, never markup
        if (option.label && option.label !== option.value) { element.label = option.label; }
        return element;
      }));
    }

    function ask() {
      var query = input.value.trim();
      if (query.length < 2 || query === asked) { return; }
      asked = query;
      if (controller) { controller.abort(); }
      controller = new AbortController();
      var url = new URL(input.getAttribute("data-suggest"), window.location.href);
      url.searchParams.set("q", query);
      fetch(url, { headers: { Accept: "application/json" }, signal: controller.signal })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(fill)
        .catch(function () { /* a lost suggestion is not an error: typing still works */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, 150);
    });
  }

  document.querySelectorAll("input[data-suggest][list]").forEach(suggest);

  // Printing: a folded <details> (a skill-by-skill table, say) prints its contents too, and
  // folds back afterwards.
  var unfolded = [];
  window.addEventListener("beforeprint", function () {
    unfolded = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) {
      return !d.open;
    });
    unfolded.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    unfolded.forEach(function (d) { d.open = false; });
    unfolded = [];
  });
})();
