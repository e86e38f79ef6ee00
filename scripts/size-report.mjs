// Size report of a build: raw, gzip and brotli bytes of every file in dist/, and the
// first-load total (what a phone downloads before the app can be used: index.html,
// JS, wasm, CSS). With --budget KB it also fails when the first load (brotli) is over.
//
//   node scripts/size-report.mjs [DIR=dist] [--budget 250]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, extname } from "node:path";
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";

const args = process.argv.slice(2);
const budgetAt = args.indexOf("--budget");
const budgetKb = budgetAt >= 0 ? Number(args[budgetAt + 1]) : null;
const dir = args.find((a, i) => !a.startsWith("--") && (budgetAt < 0 || i !== budgetAt + 1)) || "dist";

function* files(path) {
  for (const name of readdirSync(path)) {
    const full = join(path, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else yield full;
  }
}

const FIRST_LOAD = new Set([".html", ".js", ".wasm", ".css"]);
const rows = [];
for (const path of files(dir)) {
  const body = readFileSync(path);
  const name = relative(dir, path);
  rows.push({
    name,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
    // sw.js is registered by the app once it runs, so it is not on the way to it.
    firstLoad: FIRST_LOAD.has(extname(name)) && !name.includes("/") && name !== "sw.js",
  });
}
rows.sort((a, b) => b.raw - a.raw);

const pad = (v, n) => String(v).padStart(n);
const sum = (list, key) => list.reduce((total, row) => total + row[key], 0);
console.log(`Size report of ${dir}/ (bytes)`);
console.log(`${"file".padEnd(44)} ${pad("raw", 10)} ${pad("gzip", 10)} ${pad("brotli", 10)}`);
for (const row of rows) {
  console.log(`${(row.firstLoad ? "* " : "  ") + row.name.padEnd(42)} ${pad(row.raw, 10)} ${pad(row.gzip, 10)} ${pad(row.brotli, 10)}`);
}
const first = rows.filter((r) => r.firstLoad);
console.log(`${"total, all files".padEnd(44)} ${pad(sum(rows, "raw"), 10)} ${pad(sum(rows, "gzip"), 10)} ${pad(sum(rows, "brotli"), 10)}`);
console.log(`${"total, first load (*)".padEnd(44)} ${pad(sum(first, "raw"), 10)} ${pad(sum(first, "gzip"), 10)} ${pad(sum(first, "brotli"), 10)}`);

if (budgetKb !== null) {
  const used = sum(first, "brotli");
  const limit = budgetKb * 1000;
  const verdict = used <= limit ? "within" : "OVER";
  console.log(`first-load budget: ${used} of ${limit} bytes brotli: ${verdict} budget`);
  if (used > limit) process.exit(1);
}
