// Trunk post_build hook: finishes the staged build in three ways.
//
// 0. Loading screen texts. index.html shows the centre's name and "Cargando Rumbo…"
//    before the app starts (public/loader.js). Its {{key}} placeholders are filled from
//    locales/es.json, and {{loader_texts}} with every catalog's loader_* texts, so the
//    catalogs stay the one place where interface text is written and translated.
// 1. Content-Security-Policy. Trunk loads the wasm with a small inline
//    <script type="module">. Rather than allow 'unsafe-inline', the policy names that
//    exact script by its SHA-256, so any other inline script is refused.
// 2. Service worker. sw.js gets the shell files this build produced, each with the
//    SHA-256 of its bytes (the worker installs the build only when every file arrives
//    with them), and a version derived from them, so each build precaches into its own cache.
// Before all this, the wasm-bindgen glue is minified with terser (Trunk's own minifier
// cannot parse it and leaves it as it is): 2 KB less brotli on the first load.
//
// Run by Trunk with TRUNK_STAGING_DIR set; also usable as `node scripts/post-build.mjs DIR`.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { policyFor } from "./csp.mjs";
import { shortenNames } from "./short-names.mjs";
import { tool } from "./tools.mjs";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) fail("no TRUNK_STAGING_DIR and no directory given");

function fail(message) {
  console.error(`post-build: ${message}`);
  process.exit(1);
}
const sha256 = (data, encoding = "hex") => createHash("sha256").update(data).digest(encoding);

const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");

// The wasm-bindgen glue, minified, and the names it shares with the wasm shortened
// (scripts/short-names.mjs). Both files are then named from a hash of what they now hold,
// not of what Trunk built: they are served as immutable, so a change to this script (or
// to terser) that changed them under the same name would leave phones with the old file,
// which the page's renewed integrity hashes would then refuse.
let wasmName = readdirSync(dir).find((name) => name.endsWith("_bg.wasm"));
let glueName = wasmName?.replace(/_bg\.wasm$/, ".js");
if (!glueName || !html.includes(`/${glueName}`)) fail("cannot find the wasm-bindgen glue that index.html loads");
function renewIntegrity(file, bytes) {
  const digest = "sha384-" + createHash("sha384").update(bytes).digest("base64");
  let renewed = 0;
  html = html.replace(/<link\b[^>]*>/g, (tag) => {
    if (!tag.includes(`/${file}`) || !/sha384-/.test(tag)) return tag;
    renewed += 1;
    return tag.replace(/sha384-[A-Za-z0-9+/=]+/, digest);
  });
  if (renewed !== 1) fail(`index.html no longer names the integrity of ${file} the way post-build expects`);
}
{
  let terser;
  try {
    terser = tool("terser");
  } catch (error) {
    fail(error.message);
  }
  const gluePath = join(dir, glueName);
  const source = readFileSync(gluePath, "utf8");
  const { code } = await terser.minify(source, { module: true, compress: true, mangle: true });
  const wasmPath = join(dir, wasmName);
  const short = shortenNames(readFileSync(wasmPath), code);
  if (!WebAssembly.validate(short.wasm)) fail("the wasm with shortened names does not validate");
  const trunkBase = glueName.slice(0, -".js".length);
  const base = trunkBase.replace(/-[0-9a-f]+$/, "") + "-" + sha256(Buffer.concat([short.wasm, Buffer.from(short.js)])).slice(0, 16);
  rmSync(gluePath);
  rmSync(wasmPath);
  glueName = `${base}.js`;
  wasmName = `${base}_bg.wasm`;
  writeFileSync(join(dir, glueName), short.js);
  writeFileSync(join(dir, wasmName), short.wasm);
  const named = html.split(`/${trunkBase}`).length - 1;
  if (named !== 4) fail(`index.html names ${trunkBase} ${named} times, post-build expects 4 (preload and load of each file)`);
  html = html.replaceAll(`/${trunkBase}`, `/${base}`);
  renewIntegrity(glueName, short.js);
  renewIntegrity(wasmName, short.wasm);
}

// 0. Loading screen texts
html = fillTexts(html);

function fillTexts(page) {
  const locales = join(dirname(fileURLToPath(import.meta.url)), "..", "locales");
  const catalogs = Object.fromEntries(
    readdirSync(locales)
      .filter((name) => name.endsWith(".json"))
      .map((name) => [name.slice(0, -5), JSON.parse(readFileSync(join(locales, name), "utf8"))]),
  );
  const loaderTexts = Object.fromEntries(
    Object.entries(catalogs).map(([lang, catalog]) => [
      lang,
      Object.fromEntries(Object.entries(catalog).filter(([key]) => key.startsWith("loader_") || key.endsWith("_name"))),
    ]),
  );
  // Inside <script> only "</" could end the block early; \u003c keeps it JSON.
  const json = JSON.stringify(loaderTexts).replaceAll("<", "\\u003c");
  const escape = (text) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
  const filled = page.replace(/\{\{(\w+)\}\}/g, (placeholder, key) => {
    if (key === "loader_texts") return json;
    if (typeof catalogs.es?.[key] !== "string") fail(`index.html asks for ${placeholder}, which locales/es.json lacks`);
    return escape(catalogs.es[key]);
  });
  return filled;
}

// Trunk tells the loader the wasm's size before wasm-opt shrinks it (~10% more), which
// would leave the progress bar stuck short of the end; give it the size of the file
// it will actually download.
html = html.replace(/(_bg\.wasm', )(\d+)(, initializer\(\))/, (match, before, size, after) => {
  const wasm = readdirSync(dir).find((name) => name.endsWith("_bg.wasm"));
  return before + statSync(join(dir, wasm)).size + after;
});
if (!/_bg\.wasm', \d+, initializer\(\)/.test(html)) fail("Trunk's loader no longer has the shape post-build expects (wasm size)");

// 1. CSP
const hashes = [];
for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  // Data blocks (type="application/json") never run, so they need no hash.
  // (Trunk's minifier drops the quotes of attribute values that need none.)
  if (/\bsrc\s*=/.test(attributes) || /type\s*=\s*"?application\/json/.test(attributes) || body.length === 0) continue;
  hashes.push(`'sha256-${sha256(Buffer.from(body, "utf8"), "base64")}'`);
}
if (!html.includes("__CSP__")) fail("index.html has no __CSP__ placeholder");
// The minified page has `content=__CSP__`; the policy has spaces, so it needs its quotes.
html = html.replace(/"?__CSP__"?/, `"${policyFor(hashes, { meta: true })}"`);
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
const digests = Object.fromEntries(shell.map((url) => [url, sha256(readFileSync(join(dir, url)))]));
const version = sha256(shell.map((url) => url + ":" + digests[url]).join("\n")).slice(0, 16);
const swPath = join(dir, "sw.js");
const sw = readFileSync(swPath, "utf8");
const placeholder = '{ "__RUMBO_SHELL__": "" }';
if (!sw.includes(placeholder) || !sw.includes("__RUMBO_BUILD__")) fail("sw.js lacks its placeholders");
writeFileSync(swPath, sw.replace(placeholder, JSON.stringify(digests)).replace("__RUMBO_BUILD__", version));

console.log(`post-build: CSP with ${hashes.length} inline script hash(es); sw.js precaches ${shell.length} files as build ${version}`);
