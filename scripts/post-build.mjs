// Trunk post_build hook: finishes the staged build in two ways.
//
// 1. Content-Security-Policy. Trunk loads the wasm with a small inline
//    <script type="module">. Rather than allow 'unsafe-inline', the policy names that
//    exact script by its SHA-256, so any other inline script is refused.
// 2. Service worker. sw.js gets the list of shell files this build produced and a
//    version derived from their contents, so each build precaches into its own cache.
//
// Run by Trunk with TRUNK_STAGING_DIR set; also usable as `node scripts/post-build.mjs DIR`.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { policyFor } from "./csp.mjs";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) fail("no TRUNK_STAGING_DIR and no directory given");

function fail(message) {
  console.error(`post-build: ${message}`);
  process.exit(1);
}
const sha256 = (data, encoding = "hex") => createHash("sha256").update(data).digest(encoding);

// 1. CSP
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
const hashes = [];
for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (/\bsrc\s*=/.test(attributes) || body.length === 0) continue;
  hashes.push(`'sha256-${sha256(Buffer.from(body, "utf8"), "base64")}'`);
}
if (!html.includes("__CSP__")) fail("index.html has no __CSP__ placeholder");
html = html.replace("__CSP__", policyFor(hashes, { meta: true }));
writeFileSync(indexPath, html);

// 2. Service worker
function* files(path) {
  for (const name of readdirSync(path)) {
    const full = join(path, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else yield full;
  }
}
const shell = [...files(dir)]
  .map((path) => "/" + relative(dir, path).split("\\").join("/"))
  .filter((url) => url !== "/sw.js" && !url.startsWith("/data/"))
  .sort();
const version = sha256(shell.map((url) => url + ":" + sha256(readFileSync(join(dir, url)))).join("\n")).slice(0, 16);
const swPath = join(dir, "sw.js");
const sw = readFileSync(swPath, "utf8");
if (!sw.includes('["__RUMBO_SHELL__"]') || !sw.includes("__RUMBO_BUILD__")) fail("sw.js lacks its placeholders");
writeFileSync(swPath, sw.replace('["__RUMBO_SHELL__"]', JSON.stringify(shell)).replace("__RUMBO_BUILD__", version));

console.log(`post-build: CSP with ${hashes.length} inline script hash(es); sw.js precaches ${shell.length} files as build ${version}`);
