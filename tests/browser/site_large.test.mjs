// The HTML reference of a 10k-error set (issue 17) in headless Chromium: no page loads search
// data until the reader searches; a search fetches a few small fragments; filters work over all
// errors, not only the rows a page holds, and a filtered view can be linked; long lists page.
//   env: ERRCAT=<errcat binary>  MAKE_CATALOG=<bench/make_catalog>  [CHROMIUM=/usr/bin/chromium]
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const errcat = process.env.ERRCAT;
const makeCatalog = process.env.MAKE_CATALOG;
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
assert.ok(errcat && makeCatalog, "set ERRCAT and MAKE_CATALOG");

const work = fs.mkdtempSync(path.join(os.tmpdir(), "errcat-large-"));
const site = path.join(work, "site");
const catalogs = path.join(work, "catalog");
let browser;
// What the catalogs hold, read from their YAML, to check the pages against.
const errors = [];  // {code, catalog, status}

before(async () => {
  execFileSync(makeCatalog, ["--errors", "10000", "--files", "4", "--out", catalogs]);
  execFileSync(errcat, ["docs", "--format", "html", "-o", site, catalogs], { stdio: "ignore" });
  for (const file of fs.readdirSync(catalogs).sort()) {
    let current = null;
    for (const line of fs.readFileSync(path.join(catalogs, file), "utf8").split("\n")) {
      let m;
      if ((m = /^  - code: (\S+)/.exec(line))) errors.push(current = { code: m[1], catalog: file.replace(".yaml", ""), status: "" });
      else if ((m = /^    http_status: (\d+)/.exec(line)) && current) current.status = m[1];
    }
  }
  assert.equal(errors.length, 10000);
  browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
});

after(async () => {
  await browser?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

async function openPage(options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [], requests = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => requests.push(r.url()));
  return { page, problems, requests, context };
}
const url = (name) => pathToFileURL(path.join(site, name)).href;
const bytes = (urls) => urls.reduce((sum, u) => sum + fs.statSync(new URL(u).pathname.replace(/\?.*$/, "")).size, 0);
const searchData = (requests) => requests.filter((u) => u.includes("/search/"));

async function shown(page, countText) {
  await page.waitForFunction((t) => document.getElementById("filter-count").textContent === t, countText);
  return page.locator("#error-table tbody tr").evaluateAll((rows) => rows.map((r) => r.cells[0].innerText.trim()));
}

test("no search data until the search box is used; a search fetches under 100 KB", async () => {
  const { page, problems, requests, context } = await openPage();
  await page.goto(url("SYN0005000.html"));
  await page.waitForTimeout(200);
  assert.deepEqual(searchData(requests), [], "search data loaded with the page");
  await page.keyboard.press("/");
  await page.keyboard.type("SYN00070");
  await page.waitForFunction(() => /^SYN00070/.test(document.querySelector("#search-results li")?.innerText || ""));
  const hits = await page.locator("#search-results li code").allInnerTexts();
  assert.deepEqual(hits.slice(0, 3), ["SYN0007000", "SYN0007001", "SYN0007002"]);
  assert.equal(hits.length, 20);
  const fetched = bytes(searchData(requests));
  assert.ok(fetched > 0 && fetched <= 100 * 1024, `${fetched} bytes of search data`);
  // A code typed with two letters swapped still finds it.
  await page.locator("#search-input").fill("SNY0007001");
  await page.waitForFunction(() => document.querySelector("#search-results li code")?.innerText === "SYN0007001");
  // Words of the causes and resolution steps are searched too: the probe's cause.
  await page.locator("#search-input").fill("benchmarks");
  await page.waitForFunction(() => document.querySelector("#search-results li code")?.innerText === "SYN0000001");
  await page.keyboard.press("Enter");
  await page.waitForURL(/SYN0000001\.html$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("filters work over all 10k errors, and the filtered view's URL opens it again", async () => {
  const { page, problems, context } = await openPage();
  await page.goto(url("index.html"));
  assert.equal((await shown(page, "10000 of 10000 errors")).length, 100);
  const status = errors[1234].status;
  const expected = errors.filter((e) => e.catalog === "synth02" && e.status === status).map((e) => e.code);
  await page.selectOption("#filter-catalog", "synth02");
  await page.selectOption("#filter-status", status);
  const rows = await shown(page, `${expected.length} of 10000 errors`);
  assert.deepEqual(rows, expected.slice(0, 100));
  const linked = page.url();
  assert.match(linked, new RegExp(`\\?catalog=synth02&status=${status}$`));
  const again = await openPage();
  await again.page.goto(linked);
  assert.deepEqual(await shown(again.page, `${expected.length} of 10000 errors`), expected.slice(0, 100));
  assert.equal(await again.page.locator("#filter-catalog").inputValue(), "synth02");
  await again.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test("long lists page: the index's pages and a catalog's, in both themes and on a phone", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, problems, context } =
      await openPage({ colorScheme, viewport: { width: 375, height: 740 }, isMobile: true });
    await page.goto(url("index.html"));
    await shown(page, "10000 of 10000 errors");
    assert.deepEqual(await page.locator("#pager a").allInnerTexts(), ["1", "2", "3", "100", "Next"]);
    await page.locator("#pager a", { hasText: "Next" }).click();
    await page.waitForURL(/index\.html\?page=2$/);
    const second = await shown(page, "10000 of 10000 errors");
    assert.deepEqual(second, errors.slice(100, 200).map((e) => e.code));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `index overflows by ${overflow}px`);
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(dark, colorScheme === "dark" ? "rgb(13, 17, 23)" : "rgb(255, 255, 255)");

    const synth01 = errors.filter((e) => e.catalog === "synth01").map((e) => e.code);
    await page.goto(url("catalog/synth01.html") + "?page=3");
    await page.waitForFunction(() => /^Errors 201–300 of/.test(document.getElementById("filter-count").textContent));
    assert.deepEqual(await page.locator("#error-table tbody tr td:first-child").allInnerTexts(), synth01.slice(200, 300));
    assert.deepEqual(problems, []);
    await context.close();
  }
});
