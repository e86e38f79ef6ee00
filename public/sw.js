// Rumbo's service worker: the app shell works offline once loaded.
//
// The build (scripts/post-build.mjs) replaces the two placeholders below with the files
// it produced, each with the SHA-256 of its bytes, and a version derived from them, so
// every build gets its own cache and nobody runs half an old app and half a new one: a
// new worker waits until the page asks it to take over (the person taps "reload"), then
// deletes the old caches. Data files under /data/ are not touched: the app verifies
// them and keeps the last good copy in IndexedDB, and a cached copy here would hide new
// versions from it.
//
// Nothing unchecked is ever kept. A build is installed only when every file it lists
// arrives with the bytes the build wrote: a deploy published half-way (a new sw.js
// whose wasm is not there yet and is answered with index.html, or an old copy from a
// cache on the way) fails the install, and the device keeps the build it has, which
// works offline. A shell file missing from the cache later is fetched, checked, and
// only then put back.
const VERSION = "__RUMBO_BUILD__";
const SHELL = { "__RUMBO_SHELL__": "" };
const CACHE = `rumbo-shell-${VERSION}`;

async function sha256Hex(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** `response` for shell file `path` if its bytes are the build's, else null. */
async function verified(path, response) {
  if (!response.ok || !Object.hasOwn(SHELL, path)) return null;
  const body = await response.arrayBuffer();
  if ((await sha256Hex(body)) !== SHELL[path]) return null;
  // The body is already decoded: its encoding and length headers no longer describe it.
  const headers = new Headers(response.headers);
  headers.delete("content-encoding");
  headers.delete("content-length");
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const checked = await Promise.all(
        Object.keys(SHELL).map(async (path) => {
          // Past the browser's HTTP cache, which may hold another build's copy.
          const good = await verified(path, await fetch(path, { cache: "reload" }));
          if (!good) throw new Error(`sw: ${path} is not the file build ${VERSION} wrote`);
          return [path, good];
        }),
      );
      const cache = await caches.open(CACHE);
      await Promise.all(checked.map(([path, response]) => cache.put(path, response)));
    })().catch(async (error) => {
      await caches.delete(CACHE);
      throw error; // the install fails; the worker in charge stays
    }),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith("rumbo-shell-") && name !== CACHE).map((name) => caches.delete(name)),
      ))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;

  if (url.pathname.startsWith("/data/")) return;
  if (request.mode === "navigate") {
    event.respondWith(prerenderedPage(event));
  } else {
    event.respondWith(cacheFirst(request));
  }
});

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  const path = new URL(request.url).pathname;
  if (!Object.hasOwn(SHELL, path)) return response;
  // A shell file missing from the cache (evicted, or deleted by hand) is put back, so
  // the app works offline again without waiting for the next build; only with the
  // bytes this build wrote.
  const good = await verified(path, response.clone());
  if (!good) return response;
  await cache.put(path, good.clone());
  return good;
}

// Prerendered pages (scripts/prerender.mjs): every route has its own HTML with its
// content in it. A navigation gets the copy of that page this worker kept from an
// earlier visit, at once, and renews it in the background; a page not kept yet comes
// from the network and is kept. Offline, or with no answer within PAGE_WAIT_MS, it gets
// the app shell's index.html, whose app renders any route from the content on the
// device (as every navigation did before pages were prerendered). A page is kept only
// if it loads this build's app, so a kept page never asks for files this cache lacks;
// its script shows the loading screen instead of the copy where the copy is older than
// the content the device shows.
const PAGE_WAIT_MS = 4000;

async function prerenderedPage(event) {
  const cache = await caches.open(CACHE);
  const key = new URL(event.request.url).pathname;
  const renewed = fetch(event.request)
    .then(async (response) => {
      const text = response.ok && response.type === "basic" ? await response.clone().text() : "";
      const app = Object.keys(SHELL).filter((url) => url.endsWith(".wasm"));
      if (text && app.length > 0 && app.every((url) => text.includes(url))) await cache.put(key, response.clone());
      return response;
    })
    .catch(() => null);
  event.waitUntil(renewed);
  const kept = await cache.match(key);
  if (kept) return kept;
  const late = new Promise((resolve) => setTimeout(resolve, PAGE_WAIT_MS, null));
  return (await Promise.race([renewed, late])) || cacheFirst(new Request("/index.html"));
}
