// What a person sees while the app itself downloads, and when it cannot.
//
// On a slow or costly connection the wasm takes seconds to arrive; without this the
// page would stay blank, and a cut download would leave it blank for good. index.html
// shows the centre's name and "Cargando Rumbo…" from its first bytes; this module
// (Trunk's initializer, see index.html) puts that message in the language the person
// chose before, shows the download's progress, and on failure says so in plain words
// with a button to try again. When the app starts it replaces all of this.
//
// The texts come from the interface catalogs (locales/*.json, keys loader_*), written
// into index.html by scripts/post-build.mjs; a language without them falls back to
// Spanish, as the app does.

const LANG_KEY = "rumbo.lang"; // src/platform/preferences.rs

function savedLang() {
  try {
    // gloo's LocalStorage keeps values as JSON, so the code is stored quoted.
    return JSON.parse(localStorage.getItem(LANG_KEY) || "null");
  } catch {
    return null; // storage disabled or the value is not ours
  }
}

function catalogs() {
  try {
    return JSON.parse(document.getElementById("loader-texts").textContent);
  } catch {
    return {}; // without the catalog block the Spanish already in the page stays
  }
}

/** `promise`, or undefined after `ms`: a step that hangs must not keep the retry from reloading. */
const within = (ms, promise) =>
  Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms))]);

/** Resolves to `worker` once it has installed, or null if it fails or takes too long. */
function installed(worker, ms) {
  if (!worker) return Promise.resolve(null);
  if (worker.state === "installed") return Promise.resolve(worker);
  const settled = new Promise((resolve) => {
    worker.addEventListener("statechange", () => {
      if (worker.state === "installed") resolve(worker);
      if (worker.state === "redundant") resolve(null);
    });
  });
  return within(ms, settled).then((result) => result || null);
}

// Before "Intentar de nuevo" reloads: the build this page runs may be the one at fault
// (published broken: it downloads and then cannot start), and a reload alone would run
// it again, from the offline cache, for as long as the browser stays open. So the retry
// first asks for the newest build; one that installs (the worker checks every file, see
// public/sw.js) takes over before the reload. With none newer and a connection, the
// broken build's worker is unregistered, so the reload fetches the app afresh, which
// then registers a worker again. Offline, the worker stays: it is all the device has.
// (Promise chains, not async functions: Trunk's minifier cannot read those.)
function recover() {
  const container = navigator.serviceWorker;
  if (!container) return Promise.resolve();
  return container
    .getRegistration()
    .then((registration) => {
      if (!registration) return undefined;
      return within(10000, registration.update().catch(() => {}))
        .then(() => installed(registration.installing || registration.waiting, 30000))
        .then((ready) => {
          if (ready) {
            const taken = new Promise((resolve) => container.addEventListener("controllerchange", resolve, { once: true }));
            ready.postMessage({ type: "skip-waiting" });
            return within(10000, taken);
          }
          if (container.controller && navigator.onLine) return registration.unregister();
          return undefined;
        });
    })
    .catch(() => {
      // Whatever failed here, the reload is still the best next step.
    });
}

export default function initializer() {
  const loader = document.getElementById("loader");
  const status = document.getElementById("loader-status");
  const progress = document.getElementById("loader-progress");
  const retry = document.getElementById("loader-retry");
  const all = catalogs();
  const texts = { ...all.es };
  const lang = savedLang();
  // A language without a catalog (or without these texts) keeps the page in Spanish.
  if (typeof lang === "string" && all[lang]?.loader_loading) {
    Object.assign(texts, all[lang]);
    document.documentElement.lang = lang;
    if (texts.loader_title) document.title = texts.loader_title;
    for (const element of document.querySelectorAll("[data-text]")) {
      const text = texts[element.dataset.text];
      if (text) element.textContent = text;
    }
  }

  let finished = false;
  const fail = () => {
    if (finished || !loader) return;
    finished = true;
    window.removeEventListener("unhandledrejection", fail);
    const unsupported = typeof WebAssembly !== "object";
    status.textContent = texts[unsupported ? "loader_unsupported" : "loader_failed"] || status.textContent;
    progress.hidden = true;
    retry.hidden = unsupported;
    loader.classList.add("loader-failed");
  };
  retry?.addEventListener("click", () => {
    retry.disabled = true;
    recover().finally(() => location.reload());
  });
  // A download cut half-way rejects inside Trunk's reader, not through the init
  // promise, and would otherwise leave "Cargando…" on screen forever.
  window.addEventListener("unhandledrejection", fail);

  return {
    onStart() {
      if (typeof WebAssembly !== "object") fail();
    },
    onProgress({ current, total }) {
      if (finished || !progress || !total) return;
      progress.max = total;
      progress.value = Math.min(current, total);
    },
    onSuccess() {
      finished = true;
      window.removeEventListener("unhandledrejection", fail);
      loader?.remove();
    },
    onFailure(error) {
      console.error("Rumbo could not start:", error);
      fail();
    },
  };
}
