// The browser benchmark's JSON lines (bench/browser.sh) as Markdown tables, one column per label:
//   node bench/browser/table.mjs FILE.jsonl...
import fs from "node:fs";

const rows = process.argv.slice(2).flatMap((f) =>
  fs.readFileSync(f, "utf8").split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l)));
const labels = [...new Set(rows.map((r) => r.label.replace(/100k$/, "")))];
const find = (errors, protocol, kind, label) =>
  rows.find((r) => r.errors === errors && r.kind === kind && (r.protocol || "") === protocol &&
                   r.label.replace(/100k$/, "") === label);
const sizes = [...new Set(rows.map((r) => r.errors))].sort((a, b) => a - b);
const kb = (b) => (b / 1024).toFixed(b < 10240 ? 1 : 0);
function table(title, columns, cell) {
  console.log(`\n${title}\n`);
  console.log(`| errors | ${columns.join(" | ")} |`);
  console.log(`| ---: | ${columns.map(() => "---:").join(" | ")} |`);
  for (const n of sizes) console.log(`| ${n} | ${columns.map((c) => cell(n, c)).join(" | ")} |`);
}
const both = (n, protocol, kind, f) => labels.map((l) => { const r = find(n, protocol, kind, l); return r ? f(r) : "-"; }).join(" / ");
table(`Generator (\`docs --format html\`), ${labels.join(" / ")}`, ["wall (s)", "peak RSS (MB)", "files", "site (MB)"],
      (n, c) => both(n, "", "generate", (r) => ({ "wall (s)": r.wallS, "peak RSS (MB)": r.peakMB, files: r.files, "site (MB)": r.siteMB })[c]));
for (const protocol of ["file", "http", "serve"].filter((p) => rows.some((r) => r.protocol === p))) {
  const over = protocol === "serve" ? "http from `errcat serve`" : protocol;
  table(`Load event (ms) and page weight (KB) over ${over}, cold browser cache, ${labels.join(" / ")}`,
        ["index", "catalog", "error", "404"],
        (n, c) => both(n, protocol, c, (r) => `${Math.round(r.loadMs)} ms, ${kb(r.bytes)} KB`));
  table(`Search and filters over ${over}, ${labels.join(" / ")}`,
        ["search data before first results (KB)", "first results, cold (ms)", "results, warm (ms)", "long tasks (> 50 ms)", "a status filter (ms)"],
        (n, c) => c === "a status filter (ms)" ? both(n, protocol, "filter", (r) => r.ms)
          : both(n, protocol, "search", (r) => ({ "search data before first results (KB)": kb(r.searchBytes),
              "first results, cold (ms)": Math.round(r.coldMs), "results, warm (ms)": Math.round(r.warmMs),
              "long tasks (> 50 ms)": r.longTasks })[c]));
}
const serveRows = rows.filter((r) => r.kind === "serve").sort((a, b) => a.errors - b.errors || b.files - a.files);
if (serveRows.length) {
  console.log("\n`errcat serve`: from a save to the page brought up to date (medians)\n");
  console.log("| label | errors | files | first build (ms) | rebuild of the pages (ms) | save to new page shown (ms, max) | data files after (ms) |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of serveRows)
    console.log(`| ${r.label} | ${r.errors} | ${r.files} | ${r.firstBuildMs} | ${r.serverMs} | ${r.shownMs} (${r.shownMaxMs}) | ${r.dataMs} |`);
}
