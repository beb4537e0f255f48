// Browser benchmark of the HTML reference (issue 17), in Debian's Chromium via playwright-core
// (the browser tests' locked copy in tests/browser/node_modules):
//   node bench/browser/site_bench.mjs SITE_DIR LABEL [ERROR_PAGE] [CATALOG_PAGE]
// For each page kind, over file:// and over http (a plain static server in this process, so
// that both regimes serve the same bytes), and, given ERRCAT=<errcat> and SERVE_CATALOG=<the
// catalogs SITE_DIR was built from>, over http from `errcat serve` (the same bytes: a test
// compares them; its live script is not counted), each in a new browser context (an empty cache):
//  - load: the navigation's load event (ms) and the bytes of every resource the page loaded;
//  - search: on an error page, "/" then a query typed at 40 ms a key; the bytes of search data
//    (search-index.* or search/*) fetched from the page's start until the first results, the
//    time from the first keystroke to the first results (cold: the data is fetched on the
//    way) and from the last keystroke of a second query to its results (warm), and the
//    main thread's long tasks (> 50 ms) while typing;
//  - filter: on the index, choosing an HTTP status, until the count of shown errors changes.
// Every figure is the median of RUNS (default 3). Prints one JSON object per line.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { median, startServe } from "./serve_process.mjs";

const require = createRequire(new URL("../../tests/browser/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const [site, label, errorPage = "SYN0000500.html", catalogPage = "catalog/synth01.html"] = process.argv.slice(2);
if (!site || !label) {
  console.error("usage: site_bench.mjs SITE_DIR LABEL [ERROR_PAGE] [CATALOG_PAGE]");
  process.exit(2);
}
const runs = Number(process.env.RUNS || 3);
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
                ".svg": "image/svg+xml" };
const server = http.createServer((req, res) => {
  const file = path.join(site, decodeURIComponent(new URL(req.url, "http://x").pathname));
  if (!file.startsWith(site) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
  fs.createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const httpBase = `http://127.0.0.1:${server.address().port}/`;
const bases = { file: pathToFileURL(site + "/").href, http: httpBase };
const serve = process.env.ERRCAT && process.env.SERVE_CATALOG
  ? await startServe(process.env.ERRCAT, process.env.SERVE_CATALOG) : null;
if (serve) bases.serve = serve.url;

// The file a request of the site reads, so that its bytes count the same over both protocols.
function fileOf(url) {
  for (const base of Object.values(bases))
    if (url.startsWith(base)) return path.join(site, decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length)));
  return null;
}
const bytesOf = (urls) => urls.reduce((sum, u) => {
  const f = fileOf(u);
  return sum + (f && fs.existsSync(f) && fs.statSync(f).isFile() ? fs.statSync(f).size : 0);
}, 0);
const isSearchData = (u) => /search-index\.|\/search\//.test(u);

const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"],
});

async function fresh() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  page.setDefaultTimeout(300000);
  return { context, page, requests };
}

async function load(base, name) {
  const { context, page, requests } = await fresh();
  await page.goto(base + name, { waitUntil: "load", timeout: 300000 });
  const ms = await page.evaluate(() => performance.getEntriesByType("navigation")[0].loadEventEnd);
  const bytes = bytesOf(requests);
  await context.close();
  return { ms, bytes };
}

async function search(base) {
  const { context, page, requests } = await fresh();
  await page.addInitScript(() => {
    window.__bench = { keys: [], changes: [], long: [] };
    document.addEventListener("keydown", () => window.__bench.keys.push(performance.now()), true);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.long.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: "longtask", buffered: true });
    const watch = () => {
      const results = document.getElementById("search-results");
      if (!results) return;
      new MutationObserver(() => {
        window.__bench.changes.push({ at: performance.now(), count: results.children.length,
                                      first: results.children.length ? results.children[0].textContent : "" });
      }).observe(results, { childList: true });
    };
    document.addEventListener("DOMContentLoaded", watch);
  });
  await page.goto(base + errorPage, { waitUntil: "load", timeout: 300000 });
  await page.waitForTimeout(200);  // the page's own start-up long tasks are not typing's
  const startTyping = await page.evaluate(() => performance.now());
  await page.keyboard.press("/");
  await page.keyboard.type("expired", { delay: 40 });
  await page.waitForFunction(() => window.__bench.changes.some((c) => c.count > 0), null, { timeout: 300000 });
  const cold = await page.evaluate(() => {
    const b = window.__bench;
    return { firstKey: b.keys[1], first: b.changes.find((c) => c.count > 0).at };  // keys[0] is "/"
  });
  // Search data up to the first results (what the page loaded with it counts in full): the
  // requests made by then. (Resource timing leaves file:// out, so the browser's own count.)
  const searchBytes = bytesOf(requests.filter(isSearchData));
  // Warm: a second query, until the results show its code.
  await page.locator("#search-input").fill("");
  await page.waitForTimeout(100);
  const mark = await page.evaluate(() => window.__bench.changes.length);
  await page.keyboard.type("SYN00007", { delay: 40 });
  await page.waitForFunction((m) => window.__bench.changes.slice(m).some((c) => /^SYN00007/.test(c.first)), mark,
                             { timeout: 300000 });
  const warm = await page.evaluate((m) => {
    const b = window.__bench;
    const last = b.keys[b.keys.length - 1];
    const done = b.changes.slice(m).find((c) => c.at >= last && /^SYN00007/.test(c.first))
              || b.changes.slice(m).reverse().find((c) => /^SYN00007/.test(c.first));
    return Math.max(0, done.at - last);
  }, mark);
  await page.waitForTimeout(100);
  const long = await page.evaluate((t0) => window.__bench.long.filter((l) => l.start >= t0), startTyping);
  await context.close();
  return { coldMs: cold.first - cold.firstKey, warmMs: warm, searchBytes,
           longTasks: long.length, longestMs: long.reduce((m, l) => Math.max(m, l.ms), 0) };
}

async function filter(base) {
  const { context, page } = await fresh();
  await page.goto(base + "index.html", { waitUntil: "load", timeout: 300000 });
  const status = await page.evaluate(() => {
    const options = [...document.querySelectorAll("#filter-status option")].map((o) => o.value).filter(Boolean);
    return options[Math.floor(options.length / 2)];
  });
  const before = await page.locator("#filter-count").innerText();
  const t0 = Date.now();
  await page.selectOption("#filter-status", status);
  await page.waitForFunction((b) => document.getElementById("filter-count").textContent !== b, before,
                             { timeout: 300000 });
  const ms = Date.now() - t0;
  await context.close();
  return { ms };
}

const kinds = { index: "index.html", catalog: catalogPage, error: errorPage, "404": "404.html" };
for (const [protocol, base] of Object.entries(bases)) {
  for (const [kind, name] of Object.entries(kinds)) {
    const samples = [];
    for (let i = 0; i < runs; ++i) samples.push(await load(base, name));
    console.log(JSON.stringify({ label, protocol, kind, loadMs: median(samples.map((s) => s.ms)),
                                 bytes: median(samples.map((s) => s.bytes)) }));
  }
  const s = [];
  for (let i = 0; i < runs; ++i) s.push(await search(base));
  console.log(JSON.stringify({ label, protocol, kind: "search", coldMs: median(s.map((x) => x.coldMs)),
                               warmMs: median(s.map((x) => x.warmMs)), searchBytes: median(s.map((x) => x.searchBytes)),
                               longTasks: median(s.map((x) => x.longTasks)), longestMs: median(s.map((x) => x.longestMs)) }));
  const f = [];
  for (let i = 0; i < runs; ++i) f.push(await filter(base));
  console.log(JSON.stringify({ label, protocol, kind: "filter", ms: median(f.map((x) => x.ms)) }));
}
await browser.close();
server.close();
serve?.child.kill("SIGINT");
