// Load benchmark (`make bench-load`; not a test: it prints figures). Lighthouse's mobile
// profile (its defaults: a mid-range phone's screen, 4x CPU slowdown, simulated slow 4G)
// on Rumbo's pages served from dist/ as in production (scripts/serve.mjs), and on a Leptos
// 0.8 CSR hello world built the same way (benches/hello-world, built by this script with
// Trunk into its own dist/) and served the same way, less the app's Content-Security-Policy
// header, which names only the app's inline scripts. Each page is measured RUNS times in
// Debian's Chromium (the flags of e2e/support.mjs); the table shows medians.
//
//   node e2e/bench-load.mjs [RUNS=3]        (after trunk build --release and scripts/prerender.mjs)
//
// Targets (issue #22): each page's LCP no later than the hello world's, score >= 0.95,
// CLS <= 0.02, TBT <= 150 ms. Lighthouse's JSON reports are kept in bench-results/.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startServer } from "../scripts/serve.mjs";
import { CHROMIUM, CHROMIUM_FLAGS } from "./support.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const runs = Number(process.argv[2] || 3);
const PAGES = ["/", "/directorio", "/directorio/consulado-houston", "/opciones"];
const CHROME_FLAGS = ["--headless=new", ...CHROMIUM_FLAGS];

const load = createRequire(join(root, "benches", "load", "package.json"));
let lighthouse, chromeLauncher;
try {
  lighthouse = (await import(pathToFileURL(load.resolve("lighthouse")))).default;
  chromeLauncher = await import(pathToFileURL(load.resolve("chrome-launcher")));
} catch (error) {
  console.error(`bench-load: Lighthouse is missing (cd benches/load && npm ci): ${error.message}`);
  process.exit(1);
}

const dist = process.env.RUMBO_DIST || join(root, "dist");
if (!existsSync(join(dist, "index.html"))) {
  console.error("bench-load: dist/ is missing: trunk build --release && node scripts/prerender.mjs dist");
  process.exit(1);
}
// The hello world, built as the app is (same Trunk, wasm-opt and release profile).
const hello = join(root, "benches", "hello-world");
console.error("bench-load: building the Leptos hello world (benches/hello-world)…");
execFileSync("trunk", ["build", "--release"], { cwd: hello, stdio: ["ignore", "ignore", "inherit"] });

const app = await startServer({ dir: dist, port: 0 });
const floor = await startServer({ dir: join(hello, "dist"), port: 0, csp: false });
const targets = [
  ...PAGES.map((path) => ({ name: path, url: `http://127.0.0.1:${app.address().port}${path}` })),
  { name: "hello world", url: `http://127.0.0.1:${floor.address().port}/` },
];

const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH || CHROMIUM, chromeFlags: CHROME_FLAGS });
const results = new Map(targets.map((t) => [t.name, []]));
mkdirSync(join(root, "bench-results"), { recursive: true });
try {
  for (let run = 0; run < runs; run++) {
    for (const target of targets) {
      const { lhr } = await lighthouse(target.url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
      if (lhr.runtimeError) throw new Error(`${target.name}: ${lhr.runtimeError.message}`);
      const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
      results.get(target.name).push({
        fcp: audit("first-contentful-paint"),
        lcp: audit("largest-contentful-paint"),
        tbt: audit("total-blocking-time"),
        cls: audit("cumulative-layout-shift"),
        score: lhr.categories.performance.score,
      });
      const file = target.name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home";
      writeFileSync(join(root, "bench-results", `lighthouse-${file}-${run + 1}.json`), JSON.stringify(lhr));
      console.error(`bench-load: ${target.name} run ${run + 1}/${runs}: LCP ${Math.round(audit("largest-contentful-paint"))} ms, score ${lhr.categories.performance.score}`);
    }
  }
} finally {
  chrome.kill();
  app.close();
  floor.close();
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const summary = new Map(
  [...results].map(([name, list]) => [name, Object.fromEntries(["fcp", "lcp", "tbt", "cls", "score"].map((k) => [k, median(list.map((r) => r[k]))]))]),
);
const floorLcp = summary.get("hello world").lcp;
const rows = [["page", "FCP", "LCP", "TBT", "CLS", "score", "meets targets"]];
for (const [name, m] of summary) {
  const misses = [];
  if (name !== "hello world") {
    if (m.lcp > floorLcp) misses.push("LCP");
    if (m.score < 0.95) misses.push("score");
    if (m.cls > 0.02) misses.push("CLS");
    if (m.tbt > 150) misses.push("TBT");
  }
  rows.push([
    name,
    `${Math.round(m.fcp)} ms`,
    `${Math.round(m.lcp)} ms`,
    `${Math.round(m.tbt)} ms`,
    m.cls.toFixed(3),
    m.score.toFixed(2),
    name === "hello world" ? "(the floor)" : misses.length ? `no: ${misses.join(", ")}` : "yes",
  ]);
}
const { version } = load("lighthouse/package.json");
console.log(`Lighthouse ${version}, mobile profile (its defaults), median of ${runs} runs each; LCP target: the hello world's ${Math.round(floorLcp)} ms`);
console.log(rows.map((r) => `| ${r.join(" | ")} |`).join("\n").replace(/\n/, "\n|" + " --- |".repeat(rows[0].length) + "\n"));
