// One Lighthouse run (mobile profile) of one page of dist/, its trace's main-thread tasks
// over 10 ms printed with what they hold: to see which work makes the TBT that
// `make bench-load` reports. Not a test, not part of `make test`.
//
//   node benches/load/lh-trace.mjs [/directorio]     (after make build; cd benches/load && npm ci)
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../../scripts/serve.mjs";
import { CHROMIUM, CHROMIUM_FLAGS } from "../../e2e/support.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const path = process.argv[2] || "/directorio";
const app = await startServer({ dir: process.env.RUMBO_DIST || join(root, "dist"), port: 0 });
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH || CHROMIUM, chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS] });
try {
  const result = await lighthouse(`http://127.0.0.1:${app.address().port}${path}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
  const events = result.artifacts.Trace.traceEvents;
  // The page's renderer: the main thread with the most work.
  const count = new Map();
  for (const e of events) if (e.ph === "X") count.set(`${e.pid}/${e.tid}`, (count.get(`${e.pid}/${e.tid}`) || 0) + 1);
  const mains = events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const main = mains.sort((a, b) => (count.get(`${b.pid}/${b.tid}`) || 0) - (count.get(`${a.pid}/${a.tid}`) || 0))[0];
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X").sort((a, b) => a.ts - b.ts);
  const start = mine[0].ts;
  console.log(`${path}: TBT ${Math.round(result.lhr.audits["total-blocking-time"].numericValue)} ms (simulated, 4x); tasks over 10 ms as observed (unthrottled):`);
  for (const task of mine.filter((e) => e.name === "RunTask" && e.dur > 10_000)) {
    const inside = new Map();
    for (const e of mine) {
      if (e !== task && e.ts >= task.ts && e.ts + (e.dur || 0) <= task.ts + task.dur) inside.set(e.name, (inside.get(e.name) || 0) + e.dur);
    }
    const top = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, dur]) => `${name} ${Math.round(dur / 1000)}`).join(", ");
    console.log(`  at ${Math.round((task.ts - start) / 1000)} ms, ${Math.round(task.dur / 1000)} ms: ${top}`);
  }
} finally {
  await chrome.kill();
  app.close();
}
