// What the browser benchmarks share: `errcat serve` started as a child process, and medians.
import { spawn } from "node:child_process";

// Starts `errcat serve --port 0 CATALOGS` and resolves, once it prints its address, with the
// child, the address and its stderr so far (`log()`, which keeps growing).
export function startServe(errcat, catalogs) {
  const child = spawn(errcat, ["serve", "--port", "0", catalogs], { stdio: ["ignore", "ignore", "pipe"] });
  child.stderr.setEncoding("utf8");
  let said = "";
  return new Promise((resolve, reject) => {
    child.stderr.on("data", (text) => {
      said += text;
      const m = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(said);
      if (m) resolve({ child, url: m[1], log: () => said });
    });
    child.on("exit", (code) => reject(new Error(`errcat serve exited with ${code}: ${said}`)));
  });
}

// The median, to a tenth.
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return Math.round(10 * m) / 10;
}
