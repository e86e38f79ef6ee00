// Trunk post_build hook: writes the Content-Security-Policy into the staged index.html.
//
// Trunk loads the wasm with a small inline <script type="module">. Rather than allow
// 'unsafe-inline', the policy names that exact script by its SHA-256, so any other
// inline script (an injected one, say) is refused. Run by Trunk with
// TRUNK_STAGING_DIR set; also usable as `node scripts/post-build.mjs DIR`.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { policyFor } from "./csp.mjs";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error("post-build: no TRUNK_STAGING_DIR and no directory given");
  process.exit(2);
}
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");

const hashes = [];
for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  const [, attributes, body] = match;
  if (/\bsrc\s*=/.test(attributes) || body.length === 0) continue;
  hashes.push(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
}

if (!html.includes("__CSP__")) {
  console.error("post-build: index.html has no __CSP__ placeholder");
  process.exit(1);
}
html = html.replace("__CSP__", policyFor(hashes, { meta: true }));
writeFileSync(indexPath, html);
console.log(`post-build: CSP written with ${hashes.length} inline script hash(es)`);
