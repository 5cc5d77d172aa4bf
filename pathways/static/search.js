// Search as you type. A <form data-live-search="RESULTS-ID"> with an <input name="q"> is a
// plain GET form that works without this file; with it, typing fetches the form's action with
// ?q=…&partial=1 (the results alone, rendered and escaped by the server) after a short pause
// and puts them in the element RESULTS-ID (an aria-live region). Escape clears the search.
(function () {
  "use strict";

  var PAUSE = 200;      // ms after the last key before asking
  var SHORTEST = 2;     // characters: one letter matches half the catalog

  function live(form) {
    var input = form.querySelector("input[name=q]");
    var results = document.getElementById(form.getAttribute("data-live-search"));
    if (!input || !results || !window.fetch || !window.AbortController) { return; }
    var onSearchPage = new URL(form.action, window.location.href).pathname === window.location.pathname;
    var timer = null;
    var shown = input.value.trim();
    var controller = null;

    function remember(query) {
      // On the search page itself the address follows the query, so Back and sharing work.
      if (!onSearchPage || !window.history.replaceState) { return; }
      var url = new URL(window.location.href);
      if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
      window.history.replaceState(null, "", url);
    }

    function clear() {
      if (controller) { controller.abort(); controller = null; }
      results.replaceChildren();
      shown = "";
      remember("");
    }

    function ask() {
      var query = input.value.trim();
      if (query === shown) { return; }
      if (query.length < SHORTEST) {
        if (!query) { clear(); }
        return;
      }
      if (controller) { controller.abort(); }
      controller = new AbortController();
      var url = new URL(form.action, window.location.href);
      url.searchParams.set("q", query);
      url.searchParams.set("partial", "1");
      results.setAttribute("aria-busy", "true");
      fetch(url, { headers: { Accept: "text/html" }, signal: controller.signal })
        .then(function (response) {
          if (!response.ok) { throw new Error("search answered " + response.status); }
          return response.text();
        })
        .then(function (html) {
          // The server's own template, every value escaped there: markup to show, not to trust
          // blindly — it comes from the same origin, and the CSP runs no inline script.
          var parsed = new DOMParser().parseFromString(html, "text/html");
          results.replaceChildren.apply(results, Array.prototype.slice.call(parsed.body.childNodes));
          shown = query;
          remember(query);
        })
        .catch(function () { /* aborted, or offline: pressing Search still works */ })
        .finally(function () { results.removeAttribute("aria-busy"); });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, PAUSE);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      event.preventDefault();
      window.clearTimeout(timer);
      input.value = "";
      clear();
    });
  }

  document.querySelectorAll("form[data-live-search]").forEach(live);
})();
