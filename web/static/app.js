// zhnews serve: progressive enhancement only; every page works without it.
// No HTML is ever built from strings: text goes in through textContent and
// value.
(function () {
  "use strict";

  // "/" focuses the search box.
  document.addEventListener("keydown", function (e) {
    var q = document.getElementById("q");
    if (e.key === "/" && q && document.activeElement !== q &&
        !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
      e.preventDefault();
      q.focus();
      q.select();
    }
  });

  // On a phone the facets start folded, below the hits.
  if (window.matchMedia && window.matchMedia("(max-width: 760px)").matches) {
    document.querySelectorAll("details.facet").forEach(function (d) { d.open = false; });
  }

  // The legend of an article turns each kind of mark on and off.
  var body = document.getElementById("body");
  document.querySelectorAll(".legend .key").forEach(function (key) {
    key.setAttribute("role", "button");
    key.setAttribute("tabindex", "0");
    key.setAttribute("aria-pressed", "true");
    function toggle() {
      var kind = ["person", "org", "title", "date", "place"].filter(function (k) {
        return key.classList.contains(k);
      })[0];
      if (!kind || !body) { return; }
      var off = body.classList.toggle("hide-" + kind);
      key.classList.toggle("off", off);
      key.setAttribute("aria-pressed", off ? "false" : "true");
    }
    key.addEventListener("click", toggle);
    key.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); toggle(); }
    });
  });

  // Names suggested from /api/orgs and /api/people as one types.
  document.querySelectorAll("input[data-suggest]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var endpoint = input.getAttribute("data-suggest");
    if (!list || !endpoint || !window.fetch) { return; }
    var timer = 0, last = null, ctrl = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var prefix = input.value.trim();
        if (prefix === last) { return; }
        last = prefix;
        if (ctrl) { ctrl.abort(); }
        ctrl = window.AbortController ? new AbortController() : null;
        var url = endpoint + "?n=12&prefix=" + encodeURIComponent(prefix);
        fetch(url, { signal: ctrl ? ctrl.signal : undefined, headers: { "Accept": "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { items: [] }; })
          .then(function (data) {
            while (list.firstChild) { list.removeChild(list.firstChild); }
            (data.items || []).forEach(function (it) {
              var o = document.createElement("option");
              o.value = String(it.name);
              o.label = it.count + " 篇";
              list.appendChild(o);
            });
          })
          .catch(function () { /* suggestions are optional */ });
      }, 150);
    });
  });
})();
