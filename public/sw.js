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
    // Every app route is index.html (the router picks the page), even offline.
    event.respondWith(cacheFirst(new Request("/index.html")));
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
