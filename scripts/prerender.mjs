// Prerenders every page of the built app into its own HTML file, with its content in it
// (issue #22; why this way and what it measured: docs/rendering.md).
//
// The built app is loaded in headless Chromium (Debian's, through playwright-core) at a
// phone's width, in Spanish, on a personal device, and each page is copied from the DOM
// once it has rendered with the content in dist/data/: home, /opciones (start page),
// /oferta, /directorio, /acerca-de and /directorio/<id> for every entry. Each copy becomes
// dist/<path>/index.html (home: dist/index.html): the app shell (kept as
// dist/prerender/app-shell.html, the template of every later run) with
//   - the copy in <div id="prerendered">, before the loading screen and the app's mount
//     point, both hidden by the stylesheet (.pre) until the page's script says otherwise;
//   - the page's own <title>, description, canonical URL, Open Graph and Twitter tags;
//   - the page's script (scripts/prerender-page.js, minified), which hides the copy
//     before the first paint where it would be wrong on this device and swaps the app in
//     once it shows the same page; the Content-Security-Policy names it by its hash.
// Then sitemap.xml and robots.txt, and the service worker's cache version renewed for
// the new index.html.
//
// The public origin (for canonical URLs, og:url, og:image and the sitemap) comes from
// RUMBO_PUBLIC_ORIGIN or deploy/public-origin; without one those are left out, and this
// script says so.
//
// Run after every build (make build, make test) and after every change to the data
// (make pages, after rumbo-data import/manifest): an entry's page shows the data it was
// made from.
//
//   node scripts/prerender.mjs [DIR=dist]
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync, readdirSync, cpSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { policyFor } from "./csp.mjs";
import { startServer } from "./serve.mjs";
import { tool } from "./tools.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = process.argv[2] || join(root, "dist");
const started = Date.now();

function fail(message) {
  console.error(`prerender: ${message}`);
  process.exit(1);
}
const read = (path) => readFileSync(path, "utf8");
const sha256 = (data, encoding = "hex") => createHash("sha256").update(data).digest(encoding);
const escape = (text) => String(text).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

// --- What to render, and from what --------------------------------------------------
if (!existsSync(join(dir, "index.html"))) fail(`${dir}/index.html is missing: build the app first (trunk build --release)`);
// Not at the top of dist/: no page loads it (and the size report counts top-level pages).
const shellPath = join(dir, "prerender", "app-shell.html");
const index = read(join(dir, "index.html"));
// A fresh build's index.html is the shell; after a run it is the home page's copy.
mkdirSync(dirname(shellPath), { recursive: true });
if (!/\bdata-page=/.test(index)) writeFileSync(shellPath, index);
if (!existsSync(shellPath)) fail(`${shellPath} is missing and index.html is already a prerendered page: rebuild the app`);
const shell = read(shellPath);
if (!shell.includes("__CSP__") && !/Content-Security-Policy/.test(shell)) fail("the app shell has no Content-Security-Policy");

let origin = (process.env.RUMBO_PUBLIC_ORIGIN || "").trim();
if (!origin && existsSync(join(root, "deploy", "public-origin"))) origin = read(join(root, "deploy", "public-origin")).trim();
origin = origin.replace(/\/+$/, "");
if (origin && !/^https?:\/\/[^/\s]+$/.test(origin)) fail(`the public origin "${origin}" is not like https://example.org`);

const manifest = JSON.parse(read(join(dir, "data", "manifest.json")));
const directory = JSON.parse(read(join(dir, "data", "directory.json")));
const catalog = JSON.parse(read(join(root, "locales", "es.json")));
const routes = ["/", "/opciones", "/oferta", "/directorio", "/acerca-de", ...directory.entries.map((entry) => `/directorio/${entry.id}`)];
for (const route of routes) if (!/^\/[a-z0-9/-]*$/.test(route)) fail(`${route} is not a path this script can write`);

// Pages of an earlier run go first: an entry taken out of the data loses its page.
const listPath = join(dir, "prerender", "pages.txt");
if (existsSync(listPath)) {
  for (const route of read(listPath).split("\n").filter((r) => r && r !== "/")) {
    rmSync(join(dir, route, "index.html"), { force: true });
    for (let d = join(dir, route); d !== dir && existsSync(d) && readdirSync(d).length === 0; d = dirname(d)) rmdirSync(d);
  }
}
// While the copies are made, every address gets the shell, as in a fresh build.
writeFileSync(join(dir, "index.html"), shell);

// --- The page's script, minified like the rest of the first load --------------------
let terser;
try {
  terser = tool("terser");
} catch (error) {
  fail(error.message);
}
const pageScript = (await terser.minify(read(join(root, "scripts", "prerender-page.js")), { compress: true, mangle: true })).code;

// --- The copies ------------------------------------------------------------------------
let chromium;
try {
  ({ chromium } = createRequire(join(root, "e2e", "package.json"))("playwright-core"));
} catch {
  fail("playwright-core is missing: cd e2e && npm ci");
}
const server = await startServer({ dir, port: 0 });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
// A phone (Lighthouse's mobile profile's screen), Spanish, a personal device, no service
// worker (it would answer from what it cached, not from dist/).
const context = await browser.newContext({ locale: "es-GT", viewport: { width: 412, height: 823 }, serviceWorkers: "block" });
const page = await context.newPage();
const errors = [];
page.on("pageerror", (error) => errors.push(String(error)));

const timeDependent = [catalog.directory_open_now, catalog.directory_closed_now];
const copies = new Map();
try {
  for (const route of routes) {
    await page.goto(base + route);
    // The same test as the page's script: the page, with its content, and nothing loading.
    await page.waitForFunction(() => {
      const main = document.querySelector("#app main");
      return document.documentElement.hasAttribute("data-content-shown") && !!main && !!main.querySelector("h1") && !main.querySelector(":scope > p.notice[role=status]") && !document.querySelector("#app .data-progress") && !document.getElementById("loader");
    }, null, { timeout: 30_000 });
    await page.waitForTimeout(50);
    const copy = await page.evaluate((timeDependent) => {
      const app = document.getElementById("app");
      // "Open now" is true when the copy is made, not when it is read: it keeps its place
      // (no shift when the app takes over) but is not shown (style: .prerender-unknown).
      for (const element of app.querySelectorAll(".open-now, .result .tag")) {
        if (element.classList.contains("open-now") || timeDependent.includes(element.textContent.trim())) element.classList.add("prerender-unknown");
      }
      // So is what the about page says of the device that made the copy (when it saved
      // the content, whether offline use is ready): never of the reader's.
      for (const element of app.querySelectorAll(".device-state")) element.classList.add("prerender-unknown");
      const main = app.querySelector("main");
      const h1 = main.querySelector("h1").textContent.trim();
      const kind = main.querySelector(".entry-kind")?.textContent.trim();
      const lead = [...main.querySelectorAll(":scope > p")].map((p) => p.textContent.trim()).find((text) => text.length > 40);
      return { title: document.title, h1, kind, lead, html: app.innerHTML, notFound: !!main.querySelector(".notice-warning") && !kind && /\/directorio\/./.test(location.pathname) };
    }, timeDependent);
    if (errors.length) throw new Error(`${route}: ${errors.join("; ")}`);
    copies.set(route, copy);
  }
} catch (error) {
  writeFileSync(join(dir, "index.html"), shell);
  await browser.close();
  server.close();
  fail(String(error.stack || error));
}
await browser.close();
server.close();

// --- The pages ---------------------------------------------------------------------------
const inlineScripts = (html) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes, body]) => !/\bsrc\s*=/.test(attributes) && !/type\s*=\s*"?application\/json/.test(attributes) && body.length > 0)
    .map(([, , body]) => `'sha256-${sha256(Buffer.from(body, "utf8"), "base64")}'`);

function description(route, copy) {
  if (route === "/") return null; // the shell's own description is the home page's
  if (copy.kind) return `${copy.h1}: ${copy.kind}. ${catalog.centre_name}.`;
  return copy.lead ? (copy.lead.length > 200 ? copy.lead.slice(0, 197).replace(/\s+\S*$/, "") + "…" : copy.lead) : null;
}

function noAppNotice() {
  const text = `${escape(catalog.no_app_assessment)} <a href="/directorio">${escape(catalog.nav_directory)}</a> · <a href="/acerca-de">${escape(catalog.nav_about)}</a>`;
  return `<noscript><p class="notice notice-warning">${text}</p></noscript><p class="notice notice-warning" data-no-app hidden>${text}</p>`;
}

function pageFor(route, copy) {
  let html = shell;
  const attributes = ` class="pre" data-page="${route}"` + (route === "/" ? "" : ` data-content="${manifest.content_version}"`);
  html = html.replace(/<html\b([^>]*)>/, (tag, existing) => `<html${existing}${attributes}>`);
  html = html.replace(/<title>[\s\S]*?<\/title>/, `<title>${escape(copy.title)}</title>`);
  const described = description(route, copy);
  const shellDescription = /<meta\b[^>]*\bname="?description"?[^>]*>/.exec(html);
  if (!shellDescription) fail("the app shell has no meta description");
  const text = described ?? /content="([^"]*)"/.exec(shellDescription[0])?.[1] ?? "";
  const url = origin + (route === "/" ? "/" : route);
  const tags = [
    `<meta name="description" content="${described ? escape(described) : text}">`,
    origin && `<link rel="canonical" href="${escape(url)}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:site_name" content="Rumbo">`,
    `<meta property="og:locale" content="es_GT">`,
    `<meta property="og:title" content="${escape(route === "/" ? copy.title : copy.h1)}">`,
    `<meta property="og:description" content="${described ? escape(described) : text}">`,
    origin && `<meta property="og:url" content="${escape(url)}">`,
    origin && `<meta property="og:image" content="${escape(origin)}/icon-512.png">`,
    origin && `<meta property="og:image:type" content="image/png"><meta property="og:image:width" content="512"><meta property="og:image:height" content="512">`,
    origin && `<meta property="og:image:alt" content="Rumbo">`,
    `<meta name="twitter:card" content="summary">`,
    `<meta name="twitter:title" content="${escape(route === "/" ? copy.title : copy.h1)}">`,
    `<meta name="twitter:description" content="${described ? escape(described) : text}">`,
    `<script>${pageScript}</script>`,
  ].filter(Boolean);
  html = html.replace(shellDescription[0], tags.join(""));
  let body = copy.html;
  // The questions need the app; the pages that ask them say so where it cannot run.
  if (route === "/opciones" || route === "/oferta") body = body.replace(/(<h1\b[^>]*>[\s\S]*?<\/h1>)/, `$1${noAppNotice()}`);
  const loader = /<div\b[^>]*\bid="?loader"?[\s>]/.exec(html);
  if (!loader) fail("the app shell has no loading screen (#loader)");
  html = html.slice(0, loader.index) + `<div id="prerendered">${body}</div>` + html.slice(loader.index);
  if (!/<div\b[^>]*\bid="?app"?[\s>]/.test(html)) fail('the app shell has no <div id="app">');
  // The app starts after the page's first paint, not during it: its 315 KB wasm was
  // preloaded from the first bytes and, on a slow link, competed with the stylesheet the
  // first paint waits for (Lighthouse counted it on the way to the largest paint:
  // docs/rendering.md). The copy is readable meanwhile; the app follows one frame later.
  const wasmPreload = [...html.matchAll(/<link\b[^>]*_bg\.wasm[^>]*>/g)].filter(([link]) => /\brel="?preload"?/.test(link));
  if (wasmPreload.length !== 1) fail(`the app shell has ${wasmPreload.length} preloads of the wasm, prerender expects 1`);
  html = html.replace(wasmPreload[0][0], "");
  const start = "const wasm = await __trunkInitializer(";
  if (html.split(start).length !== 2) fail("Trunk's loader no longer has the shape prerender expects (the app's start)");
  html = html.replace(start, "await new Promise((go) => { requestAnimationFrame(() => setTimeout(go)); setTimeout(go, 1000); });\n" + start);
  // The policy, with the hashes of Trunk's loader and of the page's script.
  const csp = /<meta\b[^>]*Content-Security-Policy[^>]*>/i.exec(html);
  if (!csp) fail("the app shell has no Content-Security-Policy meta tag");
  html = html.replace(csp[0], `<meta http-equiv="Content-Security-Policy" content="${policyFor(inlineScripts(html), { meta: true })}">`);
  return html;
}

const written = [];
for (const [route, copy] of copies) {
  if (copy.notFound) fail(`${route}: the app says the entry is not there`);
  const file = route === "/" ? join(dir, "index.html") : join(dir, route, "index.html");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, pageFor(route, copy));
  written.push(route);
}
writeFileSync(listPath, written.join("\n") + "\n");

// --- Sitemap and robots.txt ------------------------------------------------------------------
rmSync(join(dir, "sitemap.xml"), { force: true });
let robots = "User-agent: *\nDisallow: /ajustes\n";
if (origin) {
  const urls = written
    .map((route) => `<url><loc>${escape(origin + route)}</loc><lastmod>${escape(manifest.date)}</lastmod></url>`)
    .join("\n");
  writeFileSync(join(dir, "sitemap.xml"), `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`);
  robots += `Sitemap: ${origin}/sitemap.xml\n`;
}
writeFileSync(join(dir, "robots.txt"), robots);

// --- The service worker's version: index.html (in its precache) has changed ----------------
{
  const swPath = join(dir, "sw.js");
  const sw = read(swPath);
  const list = /const SHELL = (\{[^\n]*?\});/.exec(sw);
  const version = /const VERSION = "([0-9a-f]{16})";/.exec(sw);
  if (!list || !version) fail("dist/sw.js no longer has the SHELL digests and VERSION that post-build writes");
  // As scripts/post-build.mjs writes them: each shell file's SHA-256, which the worker
  // checks before it installs a build, and a version from every path and digest.
  const digests = JSON.parse(list[1]);
  for (const url of Object.keys(digests)) digests[url] = sha256(readFileSync(join(dir, url)));
  const urls = Object.keys(digests).sort();
  const renewed = sha256(urls.map((url) => url + ":" + digests[url]).join("\n")).slice(0, 16);
  writeFileSync(
    swPath,
    sw.replace(list[0], `const SHELL = ${JSON.stringify(digests)};`).replace(version[0], `const VERSION = "${renewed}";`),
  );
}

console.log(
  `prerender: ${written.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s from content version ${manifest.content_version}` +
    (origin ? `, public origin ${origin}` : "; no public origin (RUMBO_PUBLIC_ORIGIN or deploy/public-origin): canonical URLs, og:url, og:image and sitemap.xml left out"),
);
