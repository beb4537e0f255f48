// errcat serve's live page (never part of a built site): brings the page up to date when a save
// changed it, and shows the catalogs' diagnostics over it while they do not load (the last good
// page stays underneath). Told by server-sent events from /__errcat/events.
// A changed page is fetched and its body put in place of this one's, its scripts run again,
// at the same scroll position: a full reload costs the browser 3-4 times as long (it fetches,
// parses and runs every asset again). A page whose <head> changed, beyond its title, reloads.
(function () {
  "use strict";
  var page = decodeURIComponent(location.pathname).replace(/^\//, "");
  if (page === "" || page.slice(-1) === "/") page += "index.html";
  var version = null;
  var overlay = null;

  function show(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "errcat-overlay";
      overlay.setAttribute("role", "alertdialog");
      overlay.setAttribute("aria-label", "The catalogs have errors");
      overlay.style.cssText =
        "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;" +
        "background:rgba(20,20,24,0.94);color:#f5f5f5;font:14px/1.5 ui-monospace,monospace";
      var title = document.createElement("h2");
      title.textContent = "errcat: the catalogs have errors; this is the last good page";
      title.style.cssText = "margin:0 0 1rem;font:600 16px/1.4 system-ui,sans-serif;color:#ff8a80";
      var pre = document.createElement("pre");
      pre.style.cssText = "margin:0;white-space:pre-wrap";
      overlay.appendChild(title);
      overlay.appendChild(pre);
      document.body.appendChild(overlay);
    }
    overlay.lastChild.textContent = text;
  }

  function hide() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  // This live script's own tag, which a swapped-in body has too.
  function isLive(node) { return /\/__errcat\/live\.js$/.test(node.getAttribute("src") || ""); }
  function headOf(html) { return html.replace(/<title>[\s\S]*?<\/title>/, ""); }
  var head = headOf(document.head.innerHTML);
  function refresh() {
    fetch(location.pathname, { cache: "no-store" }).then(function (response) {
      return response.text();
    }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      if (headOf(doc.head.innerHTML) !== head) {
        location.reload();
        return;
      }
      var x = window.scrollX, y = window.scrollY;
      document.title = doc.title;
      var body = document.adoptNode(doc.body);
      // Scripts parsed by DOMParser never run: each is made again, so that it does.
      Array.prototype.forEach.call(body.querySelectorAll("script"), function (old) {
        if (isLive(old)) return;
        var script = document.createElement("script");
        Array.prototype.forEach.call(old.attributes, function (a) { script.setAttribute(a.name, a.value); });
        script.text = old.text;
        old.replaceWith(script);
      });
      overlay = null;
      document.body.replaceWith(body);
      window.scrollTo(x, y);
    }).catch(function () { location.reload(); });
  }

  var events = new EventSource("/__errcat/events");
  events.onmessage = function (event) {
    var update = JSON.parse(event.data);
    if (update.diagnostics) show(update.diagnostics);
    else hide();
    var mine = update.changed.indexOf(page) >= 0;
    if (version !== null && update.version !== version && mine && !update.diagnostics) refresh();
    // New search data: the page's search loads it again, and a query in the box runs again.
    var search = update.changed.some(function (p) { return /(^|\/)search\//.test(p); });
    if (search && window.ERRCAT_SEARCH_RESET) {
      window.ERRCAT_SEARCH_RESET();
      var box = document.getElementById("search-input");
      if (box && box.value) box.dispatchEvent(new Event("input"));
    }
    version = update.version;
  };
})();
