// Rumbo's service worker: the app shell works offline once loaded.
//
// The build (scripts/post-build.mjs) replaces the two placeholders below with the list
// of files it produced and a version derived from their contents, so every build gets
// its own cache and nobody runs half an old app and half a new one: a new worker waits
// until the page asks it to take over (the person taps "reload"), then deletes the old
// caches. Data files under /data/ are not touched: the app verifies them and keeps the
// last good copy in IndexedDB, and a cached copy here would hide new versions from it.
const VERSION = "__RUMBO_BUILD__";
const SHELL = ["__RUMBO_SHELL__"];
const CACHE = `rumbo-shell-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)));
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
  // A shell file missing from the cache (evicted, or deleted by hand) is put back, so
  // the app works offline again without waiting for the next build.
  if (response.ok && SHELL.includes(new URL(request.url).pathname)) {
    await cache.put(request, response.clone());
  }
  return response;
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
      const app = SHELL.filter((url) => url.endsWith(".wasm"));
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
