// errcat reference site: search, long lists with filters, theme toggle, copy button. Nothing
// leaves the site: the search and list data arrive in small search/*.js files, each loaded when
// first needed (as <script>s, so that they load from file:// too).
(function () {
  "use strict";
  // The root of this page's language tree (de/ for German pages): search data and the URLs in
  // it are relative to it.
  var script = document.currentScript || document.querySelector("script[data-root]");
  var root = (script && script.getAttribute("data-root")) || "";

  // --- Search and list data: search/*.js, loaded on demand (see docs/search_index.h). --------
  // Each file calls ERRCAT_SEARCH_PART(name, data); a <script> rather than fetch() so that it
  // loads from file:// too.
  var parts = {};
  window.ERRCAT_SEARCH_PART = function (name, data) {
    var part = parts[name];
    if (part) { part.data = data; part.done = true; }
  };
  function load(name) {
    var part = parts[name];
    if (!part) {
      part = parts[name] = {};
      part.promise = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = root + "search/" + name + ".js";
        tag.async = true;
        tag.onload = function () { part.done ? resolve(part.data) : reject(new Error("bad search file " + name)); };
        tag.onerror = function () { delete parts[name]; reject(new Error("cannot load search file " + name)); };
        document.head.appendChild(tag);
      });
    }
    return part.promise;
  }
  // errcat serve calls this when it has rebuilt the search data: later queries load it again.
  window.ERRCAT_SEARCH_RESET = function () { parts = {}; manifest = null; };
  function all(promises) { return Promise.all(promises); }
  var manifest = null;
  function ensureManifest() {
    return load("manifest").then(function (m) { manifest = m; return m; });
  }
  // The records of ordinals, in their order (one d<N>.js per kDocChunk ordinals).
  function records(ordinals) {
    return ensureManifest().then(function (m) {
      return all(ordinals.map(function (o) { return load("d" + Math.floor(o / m.chunk)); })).then(function (chunks) {
        return ordinals.map(function (o, i) { return chunks[i][o % m.chunk]; });
      });
    });
  }

  // The query's words, split as errcat split the catalogs' texts (search_index.cc SearchWords).
  function words(text) {
    return (text.replace(/[A-Z]/g, function (c) { return c.toLowerCase(); }).match(/[a-z0-9\u0080-\uffff]+/g) || [])
      .filter(function (w) { return w.length >= 2; });
  }
  // A name's words: TokenExpiryTooFar -> token expiry too far.
  function nameWords(text) {
    return words(text.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z])([A-Z][a-z])/g, "$1 $2"));
  }
  // The last fragment whose first key is not after `key`.
  function fragmentOf(firsts, key) {
    var lo = 0, hi = firsts.length - 1, found = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (firsts[mid] <= key) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }
  function startsWith(s, p) { return s.lastIndexOf(p, 0) === 0; }
  // Postings of the terms that start with `word`: its fragment and, when the run of such terms
  // goes on into the next, that one. [[term, postings], ...]
  function prefixTerms(word) {
    var firsts = manifest.terms;
    if (!firsts.length) return Promise.resolve([]);
    var i = fragmentOf(firsts, word), names = ["t" + i];
    if (i + 1 < firsts.length && startsWith(firsts[i + 1], word)) names.push("t" + (i + 1));
    return all(names.map(load)).then(function (fragments) {
      var out = [];
      fragments.forEach(function (entries) {
        entries.forEach(function (e) { if (startsWith(e[0], word)) out.push(e); });
      });
      return out;
    });
  }
  // score maps: ordinal -> best score.
  function keepBest(scores, o, s) { if (!(scores[o] >= s)) scores[o] = s; }
  function mergeBest(a, b) {
    var out = {};
    [a, b].forEach(function (m) { Object.keys(m).forEach(function (o) { keepBest(out, o, m[o]); }); });
    return out;
  }
  // Ranking: code exact > code prefix > name > summary > message > the other texts.
  var kFieldScore = { 6: 80, 5: 60, 4: 40, 3: 20, 2: 10 };
  function wordScores(word) {
    return prefixTerms(word).then(function (terms) {
      var scores = {};
      terms.forEach(function (entry) {
        var exact = entry[0] === word;
        entry[1].forEach(function (p) {
          var field = p & 7, o = (p - field) / 8;
          keepBest(scores, o, field === 6 && exact ? 100 : kFieldScore[field] + (exact ? 1 : 0));
        });
      });
      return scores;
    });
  }
  // One edit away (a character missing, added, changed or two swapped) from a code or a name's
  // word: keys are each term and its one-character deletions (search/f<N>.js).
  function typoScores(word) {
    if (word.length < 4 || /[^\x00-\x7f]/.test(word)) return Promise.resolve({});
    return load("fuzzy").then(function (firsts) {
      if (!firsts.length) return {};
      var keys = [word];
      for (var k = 0; k < word.length; k++) keys.push(word.slice(0, k) + word.slice(k + 1));
      var names = {};
      keys.forEach(function (key) { names["f" + fragmentOf(firsts, key)] = true; });
      return all(Object.keys(names).map(load)).then(function (fragments) {
        var wanted = {}, scores = {};
        keys.forEach(function (key) { wanted[key] = true; });
        fragments.forEach(function (entries) {
          entries.forEach(function (e) {
            if (!wanted[e[0]]) return;
            e[1].forEach(function (p) {
              var field = p & 7;
              keepBest(scores, (p - field) / 8, field === 6 ? 65 : 45);
            });
          });
        });
        return scores;
      });
    });
  }

  // Retired codes (tombstones) show in search results when the reader asks, and always for
  // their exact code: a code pasted from an old log still finds its page.
  var retiredBox = document.getElementById("filter-retired");
  function showRetired() {
    if (retiredBox) return retiredBox.checked;
    try { return localStorage.getItem("errcat-show-retired") === "1"; } catch (e) { return false; }
  }

  // A pasted rendered message (a log line will do): the message's literal pieces (from the
  // record, as errcat parsed the template), in order, in the text; the text between them is the
  // arguments, each of its parameter's type. A message without parameters is one piece.
  var kTypes = { "int": /^-?\d+$/, "uint": /^\d+$/, "bool": /^(true|false)$/, "string": /^/,
                 "double": /^-?(\d+(\.\d*)?([eE][+-]?\d+)?|inf|nan)$/ };
  function fill(entry, text) {
    var lits = entry.pieces || [entry.message || ""], slots = entry.slots || [];
    var literal = lits.join("").length;
    if (literal < 10 || !slots.length) return literal >= 10 && text.indexOf(lits[0]) >= 0 ? [] : null;
    var pos = lits[0] ? text.indexOf(lits[0]) : 0;
    if (pos < 0) return null;
    pos += lits[0].length;
    var values = [];
    for (var k = 1; k < lits.length; k++) {
      var lit = lits[k], q;
      if (lit) q = text.indexOf(lit, pos);
      else if (k === lits.length - 1) q = text.length;
      else return null;  // placeholders side by side: errcat match reports those
      if (q < 0) return null;
      var value = text.slice(pos, q), param = (entry.params || [])[slots[k - 1]] || "";
      var type = param.slice(param.indexOf(":") + 1);
      if (kTypes[type] && !kTypes[type].test(value)) return null;
      values.push(param.slice(0, param.indexOf(":")) + " = " + value);
      pos = q + lit.length;
    }
    return values;
  }

  // The best 20 hits for a query: [{record, args}], best first.
  function search(text) {
    var raw = text.trim(), qwords = words(raw), pasted = [];
    if (!qwords.length) return Promise.resolve([]);
    return ensureManifest().then(function () {
      return all(qwords.map(wordScores));
    }).then(function (perWord) {
      // A pasted log line holds more than the message (a time, a level, the arguments): the
      // errors that hold most of its words are read against it (fill) below.
      if (qwords.length >= 4 && raw.length >= 20) {
        var counts = {};
        perWord.forEach(function (m) { Object.keys(m).forEach(function (o) { counts[o] = (counts[o] || 0) + 1; }); });
        pasted = Object.keys(counts).filter(function (o) { return counts[o] >= 3; })
          .sort(function (a, b) { return counts[b] - counts[a] || a - b; }).slice(0, 20).map(Number);
      }
      // Every word must match; a word of a name typed whole and mistyped, or a code one edit
      // off, is looked up among the typo keys when the words alone find few.
      function combine(maps) {
        var out = {}, first = maps[0];
        Object.keys(first).forEach(function (o) {
          var s = first[o];
          for (var i = 1; i < maps.length && s > 0; i++) s = maps[i][o] ? Math.min(s, maps[i][o]) : 0;
          if (s > 0) out[o] = s;
        });
        return out;
      }
      var scores = combine(perWord);
      if (Object.keys(scores).length >= 20 || raw.length > 60) return scores;
      return all(qwords.map(typoScores)).then(function (typos) {
        var more = combine(perWord.map(function (m, i) { return mergeBest(m, typos[i]); }));
        // A name typed whole (TokenExpiryTooFar) and mistyped: its words, each one edit off.
        if (!Object.keys(more).length && qwords.length === 1) {
          var parts = nameWords(raw);
          if (parts.length > 1)
            return all(parts.map(function (w) {
              return all([wordScores(w), typoScores(w)]).then(function (two) { return mergeBest(two[0], two[1]); });
            })).then(function (maps) {
              var byParts = combine(maps);
              Object.keys(byParts).forEach(function (o) { byParts[o] = Math.min(byParts[o], 45); });
              return byParts;
            });
        }
        return more;
      });
    }).then(function (scores) {
      var retired = showRetired(), live = manifest.live, found = [];
      Object.keys(scores).forEach(function (key) {
        var o = +key, s = scores[key];
        if (o >= live) {
          if (!retired && s < 100) return;
          s -= 5;  // after a live error of the same rank
        }
        found.push({ o: o, s: s });
      });
      found.sort(function (a, b) { return b.s - a.s || a.o - b.o; });
      found = found.slice(0, 20);
      pasted.forEach(function (o) {
        if (o < live && !scores[o]) found.push({ o: o, s: 0 });
      });
      return records(found.map(function (f) { return f.o; })).then(function (recs) {
        var hits = recs.map(function (r, i) { return { record: r, score: found[i].s, args: null }; });
        // A pasted message that fits a template ranks above a name or summary hit; a longer
        // template that fits is the more specific.
        if (raw.length >= 10) {
          hits.forEach(function (h) {
            if (h.record.retired) return;
            var args = fill(h.record, raw);
            if (args) {
              h.args = args;
              var lits = h.record.pieces || [h.record.message || ""];
              h.score = Math.max(h.score, 90 + Math.min(lits.join("").length, 999) / 1000);
            }
          });
        }
        hits = hits.filter(function (h) { return h.score > 0; });
        hits.sort(function (a, b) { return b.score - a.score; });
        return hits.slice(0, 20);
      });
    });
  }

  // --- The search box. -----------------------------------------------------------------------
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var hits = [], hitsFor = null, asked = 0;
  function showHits(found, text) {
    hits = found;
    hitsFor = text;
    results.textContent = "";
    hits.forEach(function (hit, i) {
      var entry = hit.record;
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
      if (hit.args && hit.args.length) summary.textContent += " · " + hit.args.join(", ");
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
  }
  function render() {
    var ticket = ++asked, text = input.value;
    search(text).then(function (found) {
      if (ticket === asked) showHits(found, text);  // a later keystroke's answer wins
    }, function (err) {
      if (ticket === asked) showHits([], text);
      if (window.console) console.warn("errcat search: " + err.message);
    });
  }

  if (input) {
    // No search data until the reader is about to search.
    input.addEventListener("focus", function () { ensureManifest().catch(function () {}); });
    input.addEventListener("input", render);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        // The hits of what is typed now, when the last keystroke's are still on their way.
        (hitsFor === input.value ? Promise.resolve(hits) : search(input.value)).then(function (found) {
          if (found.length) window.location.href = root + found[0].record.url;
        });
      } else if (event.key === "Escape") {
        input.value = "";
        render();
      } else if (event.key === "ArrowDown" && hits.length) {
        event.preventDefault();
        results.querySelector("a").focus();
      }
    });
    // On the body, not the document: errcat serve swaps a changed page's body in and runs this
    // script again, and the old body's listener goes with it.
    document.body.addEventListener("keydown", function (event) {
      var tag = (event.target && event.target.tagName) || "";
      if (event.key === "/" && tag !== "INPUT" && tag !== "TEXTAREA" && tag !== "SELECT") {
        event.preventDefault();
        input.focus();
      }
    });
  }

  // --- Lists: the index (with filters) and each catalog's page, a page of rows at a time. ------
  // The page holds its first rows; any other page of the list, and any filtered view, is drawn
  // from the search data. The state is in the URL (?severity=error&status=404&page=2), so a
  // filtered view can be linked.
  var table = document.getElementById("error-table");
  var form = document.getElementById("filters");
  var pager = document.getElementById("pager");
  var count = document.getElementById("filter-count");
  var controls = form ? Array.prototype.slice.call(form.querySelectorAll("select, input[type=checkbox]")) : [];

  function bitmap(name) {
    return load(name).then(function (b64) {
      var text = atob(b64), bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      return bytes;
    });
  }
  function readState() {
    var params = new URLSearchParams(window.location.search), state = {};
    params.forEach(function (value, key) { state[key] = value; });
    return state;
  }
  function queryOf(state) {
    var params = new URLSearchParams();
    Object.keys(state).forEach(function (key) { if (state[key]) params.set(key, state[key]); });
    var text = params.toString();
    return text ? "?" + text : "";
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function link(href, child) {
    var a = el("a");
    a.href = href;
    if (typeof child === "string") a.textContent = child; else a.appendChild(child);
    return a;
  }
  function rowOf(r, columns) {
    var tr = el("tr", r.retired ? "retired" : "");
    var td = el("td");
    td.appendChild(link(root + r.url, el("code", "", r.code)));
    tr.appendChild(td);
    tr.appendChild(el("td", "", r.name));
    td = el("td", "", r.retired ? "" : r.summary);
    if (r.retired) {
      td.appendChild(el("span", "badge retired", "retired"));
      td.appendChild(document.createTextNode(r.summary.replace(/^Retired/, "")));
    } else if (r.deprecated) {
      td.appendChild(document.createTextNode(" "));
      td.appendChild(el("span", "badge deprecated", "deprecated"));
    }
    tr.appendChild(td);
    tr.appendChild(el("td", "", r.http_status ? String(r.http_status) : ""));
    if (columns > 4) {
      tr.appendChild(el("td", "", r.severity));
      td = el("td");
      if (r.retired) td.textContent = r.catalog;
      else td.appendChild(link(root + "catalog/" + r.catalog + ".html", r.catalog));
      tr.appendChild(td);
    }
    return tr;
  }
  function drawPager(state, pages) {
    if (!pager) return;
    pager.textContent = "";
    pager.hidden = pages <= 1;
    if (pages <= 1) return;
    var current = Math.min(Math.max(1, +state.page || 1), pages);
    function add(page, text, rel) {
      var s = Object.assign({}, state, { page: page > 1 ? String(page) : "" });
      var a = link(window.location.pathname.replace(/^.*\//, "") + queryOf(s), text);
      if (page === current) a.setAttribute("aria-current", "page");
      if (rel) a.rel = rel;
      pager.appendChild(a);
      pager.appendChild(document.createTextNode(" "));
    }
    if (current > 1) add(current - 1, "Previous", "prev");
    var shown = {};
    [1, current - 2, current - 1, current, current + 1, current + 2, pages].forEach(function (p) {
      if (p >= 1 && p <= pages) shown[p] = true;
    });
    var last = 0;
    Object.keys(shown).map(Number).sort(function (a, b) { return a - b; }).forEach(function (p) {
      if (p > last + 1) pager.appendChild(document.createTextNode("… "));
      add(p, String(p));
      last = p;
    });
    if (current < pages) add(current + 1, "Next", "next");
  }

  var drawn = 0;
  function drawList(state, initial) {
    var ticket = ++drawn;
    var rowsPerPage = +table.dataset.rows, live = +table.dataset.live, total = +table.dataset.total;
    var retired = table.dataset.list === "index" && state.retired === "1";
    var end = retired ? total : live;
    var sets = [];
    if (table.dataset.set) sets.push(table.dataset.set);
    controls.forEach(function (c) {
      if (c.tagName === "SELECT" && c.value) sets.push(c.options[c.selectedIndex].getAttribute("data-set"));
      if (c.type === "checkbox" && c.checked && c.getAttribute("data-set")) sets.push(c.getAttribute("data-set"));
    });
    var page = Math.max(1, +state.page || 1);
    var isCatalog = table.dataset.list === "catalog";
    function counted(shown, first, pages) {
      if (!count) return;
      if (!isCatalog) count.textContent = shown + " of " + end + (retired ? " codes" : " errors");
      else count.textContent = pages > 1 ? "Errors " + (first + 1) + "–" + Math.min(first + rowsPerPage, shown) + " of " + shown : "";
    }
    if (initial && page === 1 && (isCatalog || (sets.length === 0 && !retired))) {
      // The rows the page holds are the list's first: only the count and the pager to draw.
      var n = isCatalog ? +table.dataset.count : live;
      counted(n, 0, Math.ceil(n / rowsPerPage));
      drawPager(state, Math.ceil(n / rowsPerPage));
      return;
    }
    all(sets.filter(Boolean).map(bitmap)).then(function (maps) {
      var matches = [];
      for (var o = 0; o < end; o++) {
        var ok = true;
        for (var i = 0; i < maps.length && ok; i++) ok = (maps[i][o >> 3] >> (o & 7)) & 1;
        if (ok) matches.push(o);
      }
      var pages = Math.max(1, Math.ceil(matches.length / rowsPerPage));
      var current = Math.min(page, pages);
      var slice = matches.slice((current - 1) * rowsPerPage, current * rowsPerPage);
      return records(slice).then(function (recs) {
        if (ticket !== drawn) return;
        var body = table.tBodies[0], columns = table.tHead.rows[0].cells.length;
        var rows = document.createDocumentFragment();
        recs.forEach(function (r) { rows.appendChild(rowOf(r, columns)); });
        body.textContent = "";
        body.appendChild(rows);
        counted(matches.length, (current - 1) * rowsPerPage, pages);
        drawPager(state, pages);
      });
    }).catch(function (err) {
      if (count) count.textContent = "The list could not be loaded: " + err.message;
    });
  }

  if (table && table.dataset.list) {
    var state = readState();
    controls.forEach(function (c) {
      var key = c.name;
      if (key === "retired") {
        var stored = null;
        try { stored = localStorage.getItem("errcat-show-retired"); } catch (e) { /* file:// */ }
        c.checked = state.retired ? state.retired === "1" : stored === "1";
        state.retired = c.checked ? "1" : "";
      } else if (c.type === "checkbox") {
        c.checked = state[key] === "1";
      } else if (state[key]) {
        c.value = state[key];
        if (c.value !== state[key]) c.value = "";  // a value this site does not have
      }
    });
    controls.forEach(function (c) {
      c.addEventListener("change", function () {
        state[c.name] = c.type === "checkbox" ? (c.checked ? "1" : "") : c.value;
        state.page = "";
        if (c.name === "retired") {
          try { localStorage.setItem("errcat-show-retired", c.checked ? "1" : "0"); } catch (e) { /* file:// */ }
          if (input && input.value) render();
        }
        try { history.replaceState(null, "", queryOf(state) || window.location.pathname.replace(/^.*\//, "")); } catch (e) { /* a file:// that forbids it */ }
        drawList(state, false);
      });
    });
    drawList(state, true);
  }
  if (form) form.addEventListener("submit", function (e) { e.preventDefault(); });

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
