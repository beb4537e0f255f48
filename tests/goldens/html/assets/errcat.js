// errcat reference site: search, filters, theme toggle, copy button. No network requests:
// the search index arrives as search-index.js (a <script>, so it also works from file://).
(function () {
  "use strict";
  var index = window.ERRCAT_SEARCH_INDEX || [];
  // The search index is at the root of this page's language tree (de/ for German pages), and
  // its URLs are relative to that root.
  var root = (document.querySelector('script[src$="search-index.js"]').getAttribute("src") || "").replace(/search-index\.js$/, "");

  // --- Search: code, name, summary, message. ------------------------------------------------
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var hits = [];
  // Retired codes (tombstones) show in the index and in search results when the reader asks,
  // and always for their exact code: a code pasted from an old log still finds its page.
  var retiredBox = document.getElementById("filter-retired");
  function showRetired() {
    if (retiredBox) return retiredBox.checked;
    try { return localStorage.getItem("errcat-show-retired") === "1"; } catch (e) { return false; }
  }

  // A pasted rendered message (a log line will do): the message's literal pieces (from the
  // index, as errcat parsed the template), in order, in the text; the text between them is the
  // arguments, each of its parameter's type. A message without parameters is one piece.
  function pieces(entry) {
    var lits = entry.pieces || [entry.message];
    return { lits: lits, args: entry.slots || [], literal: lits.join("").length };
  }
  var kTypes = { "int": /^-?\d+$/, "uint": /^\d+$/, "bool": /^(true|false)$/, "string": /^/,
                 "double": /^-?(\d+(\.\d*)?([eE][+-]?\d+)?|inf|nan)$/ };
  function fill(entry, text) {
    var p = entry.parsed || (entry.parsed = pieces(entry));
    if (p.literal < 10 || !p.args.length) return p.literal >= 10 && text.indexOf(p.lits[0]) >= 0 ? [] : null;
    var pos = p.lits[0] ? text.indexOf(p.lits[0]) : 0;
    if (pos < 0) return null;
    pos += p.lits[0].length;
    var values = [];
    for (var k = 1; k < p.lits.length; k++) {
      var lit = p.lits[k], q;
      if (lit) q = text.indexOf(lit, pos);
      else if (k === p.lits.length - 1) q = text.length;
      else return null;  // placeholders side by side: errcat match reports those
      if (q < 0) return null;
      var value = text.slice(pos, q), param = (entry.params || [])[p.args[k - 1]] || "";
      var type = param.slice(param.indexOf(":") + 1);
      if (kTypes[type] && !kTypes[type].test(value)) return null;
      values.push(param.slice(0, param.indexOf(":")) + " = " + value);
      pos = q + lit.length;
    }
    return values;
  }

  function score(entry, query, raw) {
    var code = entry.code.toLowerCase();
    if (code === query) return 100;
    if (code.indexOf(query) === 0) return 80;
    if (entry.name.toLowerCase().indexOf(query) >= 0) return 60;
    if (code.indexOf(query) >= 0) return 50;
    if (entry.summary.toLowerCase().indexOf(query) >= 0) return 40;
    if (entry.message.toLowerCase().indexOf(query) >= 0) return 20;
    if (raw && raw.length >= 10 && !entry.retired) {
      var args = fill(entry, raw);
      // Above a name or summary hit; a longer template that fits is the more specific.
      if (args) { entry.args = args; return 90 + Math.min(entry.parsed.literal, 999) / 1000; }
    }
    return 0;
  }

  function search(text) {
    var raw = text.trim(), query = raw.toLowerCase();
    if (!query) return [];
    var found = [];
    var retired = showRetired();
    for (var i = 0; i < index.length; i++) {
      var s = score(index[i], query, raw);
      if (s > 0 && index[i].retired && !retired && s < 100) s = 0;
      if (s > 0 && index[i].retired) s -= 5;  // after a live error of the same rank
      if (s > 0) found.push({ entry: index[i], score: s, order: i });
      index[i].shownArgs = s > 90 && s < 91 ? index[i].args : null;  // a pasted message's arguments
    }
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return found.slice(0, 20).map(function (f) { return f.entry; });
  }

  function render() {
    hits = search(input.value);
    results.textContent = "";
    hits.forEach(function (entry, i) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      if (i === 0) li.className = "active";
      var a = document.createElement("a");
      a.href = root + entry.url;
      var code = document.createElement("code");
      code.textContent = entry.code;
      var summary = document.createElement("span");
      summary.className = "hit-summary";
      summary.textContent = " " + entry.name + " — " + entry.summary;
      if (entry.shownArgs && entry.shownArgs.length) summary.textContent += " · " + entry.shownArgs.join(", ");
      a.appendChild(code);
      if (entry.retired) {
        var badge = document.createElement("span");
        badge.className = "badge retired";
        badge.textContent = "retired";
        a.appendChild(document.createTextNode(" "));
        a.appendChild(badge);
      }
      a.appendChild(summary);
      li.appendChild(a);
      results.appendChild(li);
    });
    results.hidden = hits.length === 0;
    input.setAttribute("aria-expanded", hits.length ? "true" : "false");
    filterTable();
  }

  if (input) {
    input.addEventListener("input", render);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && hits.length) {
        event.preventDefault();
        window.location.href = root + hits[0].url;
      } else if (event.key === "Escape") {
        input.value = "";
        render();
      } else if (event.key === "ArrowDown" && hits.length) {
        event.preventDefault();
        results.querySelector("a").focus();
      }
    });
    document.addEventListener("keydown", function (event) {
      var tag = (event.target && event.target.tagName) || "";
      if (event.key === "/" && tag !== "INPUT" && tag !== "TEXTAREA" && tag !== "SELECT") {
        event.preventDefault();
        input.focus();
      }
    });
  }

  // --- Index filters: catalog, severity, HTTP status (and the search text). ----------------
  var table = document.getElementById("error-table");
  var filters = ["catalog", "severity", "status"].map(function (name) {
    return { key: name, select: document.getElementById("filter-" + name) };
  });

  function filterTable() {
    if (!table) return;
    var query = input ? input.value.trim().toLowerCase() : "";
    var matching = null;
    if (query) {
      matching = {};
      var raw = input.value.trim();
      index.forEach(function (entry) { if (score(entry, query, raw) > 0) matching[entry.code] = true; });
    }
    var shown = 0, total = 0;
    var retired = showRetired();
    var rows = table.tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var isRetired = row.dataset.retired === "true";
      if (isRetired && !retired) { row.hidden = true; continue; }
      total++;
      var ok = filters.every(function (f) {
        return !f.select || !f.select.value || (isRetired ? f.key === "catalog" && row.dataset.catalog === f.select.value : row.dataset[f.key] === f.select.value);
      });
      if (ok && matching) ok = !!matching[row.cells[0].textContent.trim()];
      row.hidden = !ok;
      if (ok) shown++;
    }
    var count = document.getElementById("filter-count");
    if (count) count.textContent = shown + " of " + total + (retired ? " codes" : " errors");
  }
  filters.forEach(function (f) { if (f.select) f.select.addEventListener("change", filterTable); });
  if (retiredBox) {
    try { retiredBox.checked = localStorage.getItem("errcat-show-retired") === "1"; } catch (e) { /* file:// */ }
    retiredBox.addEventListener("change", function () {
      try { localStorage.setItem("errcat-show-retired", retiredBox.checked ? "1" : "0"); } catch (e) { /* file:// */ }
      if (input && input.value) render(); else filterTable();
    });
  }
  var filterForm = document.getElementById("filters");
  if (filterForm) filterForm.addEventListener("submit", function (e) { e.preventDefault(); });
  filterTable();

  // --- Theme toggle: follows the system until the reader picks one. -----------------------
  var toggle = document.getElementById("theme-toggle");
  function currentTheme() {
    var set = document.documentElement.dataset.theme;
    if (set) return set;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  function label() {
    if (toggle) toggle.textContent = currentTheme() === "dark" ? "Light theme" : "Dark theme";
  }
  if (toggle) {
    toggle.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      document.documentElement.dataset.theme = next;
      try { localStorage.setItem("errcat-theme", next); } catch (e) { /* file:// may forbid storage */ }
      label();
    });
    label();
  }

  // --- Copy buttons. ------------------------------------------------------------------------
  document.querySelectorAll("button.copy").forEach(function (button) {
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-copy");
      function done() { button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy"; }, 1500); }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () {});
      } else {
        var area = document.createElement("textarea");
        area.value = text;
        document.body.appendChild(area);
        area.select();
        try { document.execCommand("copy"); done(); } catch (e) { /* nothing to do */ }
        document.body.removeChild(area);
      }
    });
  });
})();
