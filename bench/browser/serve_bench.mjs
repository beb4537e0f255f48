// `errcat serve` from a save to the reloaded page (issue 17), in Debian's Chromium:
//   node bench/browser/serve_bench.mjs ERRCAT CATALOG_DIR LABEL
// Serves CATALOG_DIR, opens the page of the first error of its second file, then RUNS times
// (default 9) rewrites that error's summary in the YAML and times, from just before the write:
//  - shown: until the page shows the new summary (live.js fetches the page and swaps its body
//    in; a page whose <head> changed reloads);
//  - server: the rebuild of the pages, as errcat serve logs it ("N files changed in X ms");
//  - data: how long the data files (search data, errors.json, sitemap) took after it
//    ("of data (...) in X ms").
// One edit every 1.5 s, so that each starts from a quiet server. Prints one JSON object.
import { median, startServe } from "./serve_process.mjs";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(new URL("../../tests/browser/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const [errcat, catalogs, label] = process.argv.slice(2);
if (!errcat || !catalogs || !label) {
  console.error("usage: serve_bench.mjs ERRCAT CATALOG_DIR LABEL");
  process.exit(2);
}
const runs = Number(process.env.RUNS || 9);
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

const files = fs.readdirSync(catalogs).filter((f) => f.endsWith(".yaml")).sort();
const file = path.join(catalogs, files[Math.min(1, files.length - 1)]);
const code = /^  - code: (\S+)/m.exec(fs.readFileSync(file, "utf8"))[1];

const { child: server, url: base, log } = await startServe(errcat, catalogs);
const built = Number(/built \d+ files in (\d+) ms/.exec(log())[1]);

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
const page = await (await browser.newContext()).newPage();
await page.goto(`${base}${code}.html`);
await page.waitForTimeout(1000);
const shown = [], rebuild = [], data = [];
for (let i = 0; i < runs; ++i) {
  const text = fs.readFileSync(file, "utf8");
  const marker = `Edit ${i} `;
  const next = text.replace(/^(    summary: )(Edit \d+ )?/m, `$1${marker}`);
  const logged = log().length;
  const start = Date.now();
  fs.writeFileSync(file, next);
  await page.waitForFunction((m) => document.querySelector("p.summary")?.innerText.startsWith(m), marker.trim(), { polling: 5, timeout: 20000 });
  shown.push(Date.now() - start);
  await page.waitForTimeout(1500);
  const tail = log().slice(logged);
  rebuild.push(Number(/changed in (\d+) ms/.exec(tail)?.[1] ?? NaN));
  data.push(Number(/(?:search data| of data \(.*\)) in (\d+) ms/.exec(tail)?.[1] ?? NaN));
}
await browser.close();
server.kill("SIGINT");
console.log(JSON.stringify({ label, kind: "serve", runs, firstBuildMs: built, shownMs: median(shown),
                             shownMaxMs: Math.max(...shown), serverMs: median(rebuild),
                             dataMs: median(data) }));
