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
  retry?.addEventListener("click", () => location.reload());
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
