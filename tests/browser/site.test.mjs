// End-to-end test of the generated HTML reference in a real headless Chromium (Debian's),
// driven by playwright-core. Run by CTest:  node --test site.test.mjs
//   env: ERRCAT=<errcat binary>  SOURCE_DIR=<checkout>  [CHROMIUM=/usr/bin/chromium]
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const errcat = process.env.ERRCAT;
const source = process.env.SOURCE_DIR;
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
assert.ok(errcat && source, "set ERRCAT and SOURCE_DIR");
assert.ok(fs.existsSync(executablePath), `no Chromium at ${executablePath}: run scripts/install-deps.sh --browser`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), "errcat-browser-"));
const site = path.join(work, "site");
const hostile = path.join(work, "hostile");
const history = path.join(work, "history-site");
let browser;
let server;
let serverUrl;

before(async () => {
  execFileSync(errcat, ["docs", "--format", "html", "-o", site, path.join(source, "catalog")]);
  execFileSync(errcat, ["docs", "--format", "html", "-o", hostile, path.join(source, "tests/data/hostile/injection.yaml")]);
  // A three-release history of catalog/ in a real git repository, locked at each release.
  const repo = path.join(work, "repo");
  // The catalogs only: the releases are of token.yaml alone, and its translations follow the newest.
  fs.cpSync(path.join(source, "catalog"), path.join(repo, "catalog"), {
    recursive: true,
    filter: (from) => !fs.statSync(from).isFile() || !/\ntranslation: /.test(fs.readFileSync(from, "utf8")),
  });
  const git = (...args) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com",
                                                "-c", "commit.gpgsign=false", ...args], { cwd: repo });
  git("init", "-q", ".");
  for (const release of ["v1.0", "v1.1", "v1.2"]) {
    if (release !== "v1.0")
      fs.copyFileSync(path.join(source, "tests/data/changelog", release, "token.yaml"), path.join(repo, "catalog/token.yaml"));
    execFileSync(errcat, ["lock", "--version", release.slice(1), "catalog"], { cwd: repo, stdio: "ignore" });
    git("add", "-A");
    git("commit", "-qm", release);
    git("tag", release);
  }
  execFileSync(errcat, ["docs", "--format", "html", "-o", history, "--changelog", "git:v1.0..v1.2", "catalog"],
               { cwd: repo, stdio: "ignore" });
  browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  server = http.createServer((req, res) => {
    const file = path.join(site, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!file.startsWith(site) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end(fs.readFileSync(path.join(site, "404.html")));
      return;
    }
    const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
    res.end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${server.address().port}/`;
});

after(async () => {
  await browser?.close();
  server?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

// A page that records console errors, page errors, dialogs and requests leaving the site.
async function openPage(options = {}) {
  const context = await browser.newContext(options);
  // Every Content-Security-Policy violation becomes a console error, so it counts as a problem.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`));
  });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("dialog", async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith("file://") && !url.startsWith(serverUrl) && !url.startsWith("data:"))
      problems.push(`external request: ${url}`);
  });
  return { page, problems, context };
}

const fileUrl = (dir, name) => pathToFileURL(path.join(dir, name)).href;

test("search TOK005 from the index, open it, read its message, switch to dark theme", async () => {
  const { page, problems, context } = await openPage({ colorScheme: "light" });
  await page.goto(fileUrl(site, "index.html"));
  await page.keyboard.press("/");  // "/" focuses search
  assert.equal(await page.evaluate(() => document.activeElement.id), "search-input");
  await page.keyboard.type("TOK005");
  const first = page.locator("#search-results li").first();
  await first.waitFor();
  assert.match(await first.innerText(), /^TOK005\s+TokenExpiryTooFar/);
  await page.keyboard.press("Enter");  // Enter opens the first hit
  await page.waitForURL(/TOK005\.html$/);

  const message = await page.locator("#error-message").innerText();
  assert.match(message, /cannot be more than \{max_hours: int\} hours/);
  assert.match(message, /Provided expiry date: \{provided_expiry: string\}/);
  assert.equal(await page.locator("h1 #error-code").innerText(), "TOK005");
  assert.equal(await page.locator("button.copy").getAttribute("data-copy"), "TOK005");
  assert.deepEqual(await page.locator(".breadcrumbs li").allInnerTexts(),
                   ["Error reference", "Token Related Messages", "TOK005"]);

  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await background(), "rgb(255, 255, 255)");
  await page.locator("#theme-toggle").click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  assert.equal(await background(), "rgb(13, 17, 23)");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a German page: search in German, switch to French, the same error", async () => {
  const { page, problems, context } = await openPage();
  await page.goto(fileUrl(site, "de/TOK005.html"));
  assert.equal(await page.evaluate(() => document.documentElement.lang), "de");
  await page.locator("#search-input").fill("abgelaufen");
  const first = page.locator("#search-results li").first();
  await first.waitFor();
  assert.match(await first.innerText(), /abgelaufen/);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/de\/TOK0\d\d\.html$/);  // a result in the German tree
  await page.locator('nav.languages a[hreflang="fr"]').click();
  await page.waitForURL(/\/fr\/TOK0\d\d\.html$/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "fr");
  assert.match(await page.locator(".banner.untranslated").innerText(), /Not translated into fr/);
  await page.locator('nav.languages a[hreflang="en"]').click();
  await page.waitForURL((url) => /\/site\/TOK0\d\d\.html$/.test(url.pathname));
  assert.equal(await page.locator(".banner.untranslated").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the system's dark preference applies without a click", async () => {
  const { page, problems, context } = await openPage({ colorScheme: "dark" });
  await page.goto(fileUrl(site, "947.html"));
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(13, 17, 23)");
  assert.match(await page.locator("table.fields").innerText(), /Remediation Category\s+Data Connect Fix/);
  assert.deepEqual(problems, []);
  await context.close();
});

// The rows of a list once the page has drawn the filters' view (drawn from the search data,
// so after a change the count shows first what was asked, then the rows follow).
async function rowsShown(page, countText) {
  await page.waitForFunction((t) => document.getElementById("filter-count").textContent === t, countText);
  await page.waitForFunction((n) => document.querySelectorAll("#error-table tbody tr:not([hidden])").length === n,
                             Number(countText.split(" ")[0]));
  return page.locator("#error-table tbody tr:not([hidden])").count();
}

test("filters by catalog, severity and HTTP status, and the URL keeps them", async () => {
  const { page, problems, context } = await openPage();
  await page.goto(fileUrl(site, "index.html"));
  assert.equal(await rowsShown(page, "26 of 26 errors"), 26);
  await page.selectOption("#filter-catalog", "open_finance");
  assert.equal(await rowsShown(page, "2 of 26 errors"), 2);
  await page.selectOption("#filter-status", "500");
  assert.equal(await rowsShown(page, "1 of 26 errors"), 1);
  assert.match(page.url(), /index\.html\?catalog=open_finance&status=500$/);
  await page.selectOption("#filter-catalog", "");
  await page.selectOption("#filter-status", "401");
  assert.equal(await rowsShown(page, "3 of 26 errors"), 3);
  await page.selectOption("#filter-status", "");
  // Tags: data_source_login.yaml tags seven errors "login", one of them "facebook-ads".
  await page.selectOption("#filter-tag", "login");
  assert.equal(await rowsShown(page, "7 of 26 errors"), 7);
  await page.selectOption("#filter-tag", "facebook-ads");
  assert.equal(await rowsShown(page, "1 of 26 errors"), 1);
  assert.match(await page.locator("#error-table tbody tr").first().innerText(), /^LOGIN002\b/);
  await page.selectOption("#filter-tag", "");
  // A linked view opens as it was left.
  await page.goto(fileUrl(site, "index.html") + "?severity=error&status=401");
  assert.equal(await rowsShown(page, "3 of 26 errors"), 3);
  assert.equal(await page.locator("#filter-status").inputValue(), "401");
  assert.deepEqual(problems, []);
  await context.close();
});

test("retired codes: hidden in the index until asked, found by their exact code, each with its tombstone", async () => {
  const { page, problems, context } = await openPage();
  await page.goto(fileUrl(history, "index.html"));
  assert.equal(await rowsShown(page, "26 of 26 errors"), 26);
  await page.locator("#filter-retired").check();
  assert.equal(await rowsShown(page, "27 of 27 codes"), 27);
  await page.selectOption("#filter-catalog", "token");
  await rowsShown(page, "14 of 27 codes");
  assert.equal(await page.locator("#error-table tbody tr.retired:not([hidden])").count(), 1);
  await page.locator("#filter-retired").uncheck();
  await page.selectOption("#filter-catalog", "");
  await rowsShown(page, "26 of 26 errors");
  // v1.2 deprecates TOK001: "Deprecated only" shows it alone, with its badge.
  await page.locator("#filter-deprecated").check();
  assert.equal(await rowsShown(page, "1 of 26 errors"), 1);
  assert.match(await page.locator("#error-table tbody tr").first().innerText(), /^TOK001\b.*deprecated/s);
  await page.locator("#filter-deprecated").uncheck();
  await rowsShown(page, "26 of 26 errors");

  // Search: a retired code's name finds nothing while retired codes are hidden ...
  await page.locator("#search-input").fill("TokenRequestNull");
  await page.waitForTimeout(50);
  assert.equal(await page.locator("#search-results li").count(), 0);
  // ... but its exact code, pasted from an old log, does, marked retired.
  await page.locator("#search-input").fill("TOK004");
  const hit = page.locator("#search-results li").first();
  await hit.waitFor();
  assert.match(await hit.innerText(), /TOK004\s+retired\s+TokenRequestNull/);
  await page.locator("#search-input").press("Enter");
  await page.waitForURL(/TOK004\.html$/);
  assert.match(await page.locator(".banner.retired").innerText(), /Retired in v1\.2\./);
  assert.match(await page.locator("main").innerText(), /It was TokenRequestNull\(\), value 4/);

  // The release notes, and an error page's history.
  await page.goto(fileUrl(history, "changes.html"));
  assert.deepEqual(await page.locator("main h2").allInnerTexts(),
                   ["Error changes from v1.1 to v1.2", "Error changes from v1.0 to v1.1"]);
  await page.goto(fileUrl(history, "TOK001.html"));
  assert.match(await page.locator(".facts").innerText(), /Deprecated in\s+v1\.1/i);
  assert.deepEqual(problems, []);  // CSP violations included
  await context.close();
});

test("a pasted log line finds the error that printed it, with its arguments", async () => {
  const { page, problems, context } = await openPage();
  await page.goto(fileUrl(site, "index.html"));
  await page.locator("#search-input").fill(
    "2026-12-02T10:00:00Z ERROR The expiry date of the token request cannot be more than 48 hours in the future. " +
    "Provided expiry date: 2026-12-01. Please adjust the expiry date accordingly. (req 7)");
  const first = page.locator("#search-results li").first();
  await first.waitFor();
  assert.match(await first.innerText(), /^TOK005\b.*max_hours = 48, provided_expiry = 2026-12-01/s);
  // A typed parameter takes only its type: "many" is no number of hours.
  await page.locator("#search-input").fill(
    "The expiry date of the token request cannot be more than many hours in the future. Provided expiry date: x. Please adjust");
  await page.waitForTimeout(50);
  const texts = await page.locator("#search-results li").allInnerTexts();
  assert.ok(!texts.some((t) => t.startsWith("TOK005")), texts.join("\n"));
  await page.locator("#search-input").fill("Token with ID 'a1b2' was not found.");
  assert.match(await page.locator("#search-results li").first().innerText(), /^TOK013\b.*token_id = a1b2/s);
  assert.deepEqual(problems, []);
  await context.close();
});

test("readable on a phone: nothing overflows sideways", async () => {
  const { page, problems, context } = await openPage({ viewport: { width: 375, height: 740 }, isMobile: true });
  for (const name of ["index.html", "TOK005.html", "947.html"]) {
    await page.goto(fileUrl(site, name));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name} overflows by ${overflow}px`);
  }
  await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR || work, "phone-947.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("works from a web server too, and its 404 page", async () => {
  const { page, problems, context } = await openPage();
  await page.goto(serverUrl + "index.html");
  await page.locator("#search-input").fill("expired");
  await page.locator("#search-results li").first().waitFor();
  assert.ok(await page.locator("#search-results li").count() > 3);
  const response = await page.goto(serverUrl + "no-such-page.html");
  assert.equal(response.status(), 404);
  assert.match(await page.locator("h1").innerText(), /Page not found/);
  assert.deepEqual(problems.filter((p) => !p.includes("404")), []);
  await context.close();
});

test("hostile catalog text is shown, never run", async () => {
  const { page, problems, context } = await openPage();
  await page.goto(fileUrl(hostile, "INJ001.html"));
  const text = await page.locator("main").innerText();
  assert.match(text, /<script>alert\('summary'\)<\/script> \{\{summary\}\}/);
  assert.match(text, /<svg onload=alert\('cause'\)>/);
  await page.goto(fileUrl(hostile, "catalog/injection.html"));
  assert.match(await page.locator("main").innerText(), /\{\{mustache\}\} and \{\{\{triple\}\}\}/);
  assert.deepEqual(problems, []);  // no dialog opened, no error
  await context.close();
});

const kCsp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
             "object-src 'none'; base-uri 'none'; form-action 'none'";

test("every page kind carries a strict CSP and runs under it in both themes", async () => {
  const pages = ["index.html", "catalog/token.html", "TOK005.html", "947.html", "404.html"];
  for (const colorScheme of ["light", "dark"]) {
    const { page, problems, context } = await openPage({ colorScheme });
    for (const name of pages) {
      for (const base of [fileUrl(site, name), serverUrl + name]) {
        await page.goto(base);
        const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
        assert.equal(csp, kCsp, `${name}: CSP`);
        assert.ok(!csp.includes("unsafe-inline"));
        // The scripts ran: the theme toggle is labelled by errcat.js; toggling stores the choice.
        assert.match(await page.locator("#theme-toggle").innerText(), /theme/i, `${name}: scripts did not run`);
        await page.locator("#theme-toggle").click();
        const chosen = await page.evaluate(() => document.documentElement.dataset.theme);
        assert.equal(chosen, colorScheme === "light" ? "dark" : "light");
        await page.reload();  // assets/theme.js applies the stored choice before paint
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), chosen);
        await page.evaluate(() => localStorage.clear());
      }
    }
    // The filter form submits nothing (its handler is in errcat.js, not inline).
    await page.goto(fileUrl(site, "index.html"));
    await page.locator("#filter-status").focus();
    await page.keyboard.press("Enter");
    assert.match(page.url(), /index\.html$/);
    assert.deepEqual(problems.filter((p) => !p.includes("404")), [], `${colorScheme}: ${problems.join("\n")}`);
    await context.close();
  }
});

test("the CSP check can fail: an inline script is reported", async () => {
  const broken = path.join(work, "csp-broken");
  fs.cpSync(site, broken, { recursive: true });
  const file = path.join(broken, "TOK005.html");
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("</main>", "<script>document.title='x'</script></main>"));
  const { page, problems, context } = await openPage();
  await page.goto(fileUrl(broken, "TOK005.html"));
  await page.waitForTimeout(100);
  assert.ok(problems.some((p) => /CSP violation|Content Security Policy/.test(p)), problems.join("\n"));
  assert.notEqual(await page.title(), "x");
  await context.close();
});
