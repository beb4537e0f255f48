// `errcat serve` end to end: the real binary over a 10k-error set, Debian's Chromium, and node's
// HTTP client. A saved edit redraws the page it changes (and not the others); a broken save
// shows the diagnostics over the last good page, and the fix takes them away; nothing but the
// built site is served; SIGINT stops it cleanly.
//   env: ERRCAT=<errcat binary>  MAKE_CATALOG=<bench/make_catalog>  [CHROMIUM=/usr/bin/chromium]
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const errcat = process.env.ERRCAT;
const makeCatalog = process.env.MAKE_CATALOG;
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
assert.ok(errcat && makeCatalog, "set ERRCAT and MAKE_CATALOG");

const work = fs.mkdtempSync(path.join(os.tmpdir(), "errcat-serve-"));
const catalogs = path.join(work, "catalog");
const edited = path.join(catalogs, "synth07.yaml");
let browser, server, base, serverLog = "";

// Starts `errcat serve --port 0` and resolves with the URL it prints.
function startServer() {
  const child = spawn(errcat, ["serve", "--port", "0", catalogs], { stdio: ["ignore", "ignore", "pipe"] });
  child.stderr.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    child.stderr.on("data", (text) => {
      serverLog += text;
      const m = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(serverLog);
      if (m) resolve({ child, url: m[1] });
    });
    child.on("exit", (code) => reject(new Error(`errcat serve exited with ${code}:\n${serverLog}`)));
  });
}

// The first error of synth07.yaml, the one the tests edit.
const firstCode = () => /^  - code: (\S+)/m.exec(fs.readFileSync(edited, "utf8"))[1];
const secondCode = () => [...fs.readFileSync(edited, "utf8").matchAll(/^  - code: (\S+)/gm)][1][1];
function editFirst(from, to) {
  const text = fs.readFileSync(edited, "utf8");
  assert.ok(text.includes(from), `${from} in ${edited}`);
  fs.writeFileSync(edited, text.replace(from, to));
}

before(async () => {
  execFileSync(makeCatalog, ["--errors", "10000", "--files", "20", "--out", catalogs]);
  ({ child: server, url: base } = await startServer());
  browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) server.kill("SIGKILL");
  fs.rmSync(work, { recursive: true, force: true });
});

async function open(page_path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.goto(base + page_path);
  // The live script is connected once it has the server's first message.
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((r) => r.name.includes("/__errcat/live.js")));
  await page.waitForTimeout(300);
  // Marks this page's body: a page brought up to date gets a new one; a page left alone keeps it.
  await page.evaluate(() => { document.body.dataset.mark = "before"; window.__sameWindow = true; });
  return { page, problems, context };
}
const summary = (page) => page.locator("p.summary").innerText();

test("a saved edit brings the page it changes up to date, and only that page", async (t) => {
  const code = firstCode();
  const { page, problems } = await open(`${code}.html`);
  const other = await open(`${secondCode()}.html`);
  const before = await summary(page);
  const saved = Date.now();
  editFirst(`summary: ${before}`, `summary: Saved while serving. ${before}`);
  await page.waitForFunction(() => document.querySelector("p.summary")?.innerText.startsWith("Saved while serving."), null, { timeout: 10000 });
  t.diagnostic(`save to reloaded page: ${Date.now() - saved} ms (bench/browser/serve_bench.mjs measures it)`);
  assert.equal(await page.evaluate(() => document.body.dataset.mark), undefined, "the page has its new body");
  assert.equal(await page.evaluate(() => document.title), `${code}: Saved while serving. ${before} - Synthetic catalog 7`);
  await page.waitForTimeout(500);
  assert.equal(await other.page.evaluate(() => document.body.dataset.mark), "before", "an unchanged page was redrawn");
  assert.equal(await other.page.evaluate(() => window.__sameWindow), true, "an unchanged page was reloaded");
  assert.deepEqual(problems, []);
  // The rebuilt search data finds the new words.
  await page.keyboard.press("/");
  await page.keyboard.type("saved while serving");
  await page.waitForFunction((c) => document.querySelector("#search-results li code")?.innerText === c, code);
});

test("a broken save shows its diagnostics over the last good page; the fix removes them", async () => {
  const { page, problems } = await open(`${firstCode()}.html`);
  const good = await summary(page);
  editFirst("    retriable: true\n", "    retriable: maybe\n");
  const overlay = page.locator("#errcat-overlay");
  await overlay.waitFor({ timeout: 10000 });
  const text = await overlay.innerText();
  assert.match(text, new RegExp(`${edited.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+: error: .*\\[\\S+\\]`));
  assert.match(text, /1 error, 0 warnings/);
  assert.equal(await summary(page), good, "the last good page stays underneath");
  // The same text as `errcat check`.
  let check = "";
  try { execFileSync(errcat, ["check", "--color", "never", catalogs], { stdio: "pipe" }); } catch (e) { check = e.stderr.toString(); }
  assert.ok(text.includes(check.split("\n")[0]), `${text}\n---\n${check}`);
  // Another page opened while it is broken shows it too.
  const late = await open("index.html");
  await late.page.locator("#errcat-overlay").waitFor();
  editFirst("    retriable: maybe\n", "    retriable: false\n");
  await overlay.waitFor({ state: "detached", timeout: 10000 });
  await late.page.locator("#errcat-overlay").waitFor({ state: "detached" });
  assert.deepEqual(problems, []);
});

// A request as the client sends it, with its path exactly as written (no URL clean-up).
function get(rawPath) {
  return new Promise((resolve, reject) => {
    const u = new URL(base);
    const req = http.request({ host: u.hostname, port: u.port, path: rawPath, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode, type: res.headers["content-type"], body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("only the built site is served: ../, encoded dots, sources and symlinks get 404", async () => {
  fs.symlinkSync("/etc/passwd", path.join(catalogs, "passwd.html"));
  fs.symlinkSync("/etc", path.join(work, "etc"));
  for (const p of ["/../etc/passwd", "/../../../../etc/passwd", "/search/../../catalog/synth07.yaml",
                   "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/catalog/synth07.yaml",
                   "/synth07.yaml", "/passwd.html", "/etc/passwd", "/assets/..\\..\\etc\\passwd"]) {
    const r = await get(p);
    assert.equal(r.status, 404, p);
    assert.ok(!r.body.includes("root:"), p);
  }
  const index = await get("/");
  assert.equal(index.status, 200);
  assert.match(index.type, /^text\/html/);
  assert.match(index.body, /<script src="\/__errcat\/live.js"><\/script>\n<\/body>/);
  const state = JSON.parse((await get("/__errcat/state")).body);
  assert.equal(state.diagnostics, "");
  assert.equal((await get("/assets/errcat.css")).type, "text/css; charset=utf-8");
  assert.match(base, /^http:\/\/127\.0\.0\.1:/, "binds to loopback");
});

test("SIGINT stops the server cleanly", async () => {
  const exited = new Promise((resolve) => server.on("exit", (code, signal) => resolve({ code, signal })));
  server.kill("SIGINT");
  const { code, signal } = await exited;
  assert.equal(signal, null);
  assert.equal(code, 0);
  assert.match(serverLog, /errcat serve: stopped\n$/);
});
