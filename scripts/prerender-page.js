// The script of every prerendered page (scripts/prerender.mjs inlines it, minified, in
// the page's <head>, and names it by its hash in the page's Content-Security-Policy).
// It runs before the first paint and decides which of two things the person sees:
//
// - the prerendered copy (class "pre-wait"), until the app has rendered the same page
//   with its content; then the app is swapped in, in one frame, with scroll, focus and
//   anything typed kept ("pre-live");
// - the loading screen, then the app ("pre-stale"), where the copy would show something
//   the app will not: a language chosen on this device (or carried by the link), a
//   shared device (kiosk or outreach: never the personal pages), another content
//   version than the one the device shows, no connection (the app says so at the top),
//   or an address the copy was not made for (the host's fallback to index.html).
//
// Without WebAssembly the copy stays, and what only the app can do says so
// ([data-no-app]). Without JavaScript none of this runs: the copy is the page.
(() => {
  const root = document.documentElement;
  const page = root.dataset.page || "/";
  const content = root.dataset.content;
  const stored = (key) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  };
  // src/platform/preferences.rs: the language is stored as JSON ("en").
  let lang = null;
  try {
    lang = JSON.parse(stored("rumbo.lang") || "null");
  } catch {}
  // src/core/text/link_language.rs: "#en" or "#en~…" when nobody chose a language here.
  if (typeof lang !== "string") lang = (/^#([a-z]{2})(~|$)/.exec(location.hash) || [])[1] || null;
  // src/platform/device.rs: unreadable settings make the device a kiosk.
  const device = stored("rumbo.device");
  let mode = null;
  try {
    mode = device && JSON.parse(device).mode;
  } catch {}
  const shown = stored("rumbo.content-version");
  const trim = (path) => path.replace(/\/(index\.html)?$/, "");
  const stale =
    trim(location.pathname) !== trim(page) ||
    (lang && lang !== "es") ||
    (device !== null && mode !== "personal") ||
    (content && shown && shown !== content) ||
    navigator.onLine === false;
  root.classList.add(stale ? "pre-stale" : "pre-wait");
  if (stale) {
    // Gone, not only hidden: its ids (#main, the search field) are the app's too.
    document.addEventListener("DOMContentLoaded", () => document.getElementById("prerendered")?.remove());
    return;
  }

  // The copy was made on a narrow screen; the directory's filters start open on a wide
  // one (src/ui/pages/directory.rs), so open them before the first paint as the app will.
  const wide = matchMedia("(min-width: 40rem)").matches;
  const widen = () => {
    if (wide) for (const details of document.querySelectorAll("#prerendered details.refine")) details.open = true;
  };
  const parsing = new MutationObserver(widen);
  parsing.observe(root, { childList: true, subtree: true });

  document.addEventListener("DOMContentLoaded", () => {
    parsing.disconnect();
    widen();
    if (typeof WebAssembly !== "object") {
      for (const element of document.querySelectorAll("[data-no-app]")) element.hidden = false;
      return;
    }
    const app = document.getElementById("app");
    const copy = document.getElementById("prerendered");
    if (!app || !copy) return;
    // The app could not be loaded (public/loader.js): the copy stays, and says so at its
    // top with the loading screen's message and its "try again".
    const loader = document.getElementById("loader");
    const failed = new MutationObserver(() => {
      if (!loader.classList.contains("loader-failed") || !copy.isConnected) return;
      failed.disconnect();
      copy.querySelector("main")?.prepend(...["loader-status", "loader-retry"].map((id) => document.getElementById(id)).filter(Boolean));
    });
    if (loader) failed.observe(loader, { attributes: true, attributeFilter: ["class"] });
    // The app's page is there with its content: the app shows content (it marks
    // <html data-content-shown>, src/platform/preferences.rs; before that a download's
    // progress bar may come and go above the page), the page has its heading and no
    // "loading the content" (src/ui/data_status.rs, NoDataYet). Or the content could not
    // be had and the app says so (.data-notice): then the person needs the app's notice.
    const ready = () => {
      const main = app.querySelector("main");
      if (!main || !main.querySelector("h1")) return false;
      if (app.querySelector(".data-notice")) return true;
      // A list still being built (aria-busy: the directory builds its list a slice per
      // task while this copy is shown) is not swapped in half made.
      return (
        root.hasAttribute("data-content-shown") &&
        !main.querySelector(":scope > p.notice[role=status]") &&
        !app.querySelector(".data-progress") &&
        !main.querySelector("[aria-busy=true]")
      );
    };
    // The same control in the copy and in the app, by position: the copy's own additions
    // (the notes for browsers without the app, the loading screen's "try again") do not count.
    const controls = (within) =>
      [...within.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")].filter((control) => !control.closest("[data-no-app], #loader-retry"));
    // The copy's buttons ("English", "Empezar", "Compartir"…) do nothing until the app is
    // there: a press is kept, the button says it is busy, and the app's same button is
    // pressed at the swap, so no tap is lost on a slow phone. Links work as they are.
    let pressed = -1;
    copy.addEventListener(
      "click",
      (event) => {
        const button = event.target instanceof Element && event.target.closest("button");
        if (!button || !copy.contains(button) || button.id === "loader-retry") return;
        event.preventDefault();
        event.stopImmediatePropagation();
        copy.querySelector("[aria-busy]")?.removeAttribute("aria-busy");
        button.setAttribute("aria-busy", "true");
        pressed = controls(copy).indexOf(button);
      },
      true,
    );
    let queued = false;
    const swap = () => {
      queued = false;
      if (!ready()) return;
      watching.disconnect();
      const x = scrollX;
      const y = scrollY;
      const focused = copy.contains(document.activeElement) ? controls(copy).indexOf(document.activeElement) : -1;
      const typed = [...copy.querySelectorAll("input[id], textarea[id]")].filter((input) => input.value).map((input) => [input.id, input.value]);
      const opened = [...copy.querySelectorAll("details")].map((details) => details.open);
      // A filter chosen in the copy is chosen in the app (its lists answer "change").
      const chosen = [...copy.querySelectorAll("select[id]")]
        .filter((select) => [...select.options].some((option) => option.selected !== option.defaultSelected))
        .map((select) => [select.id, select.value]);
      copy.remove();
      root.classList.replace("pre-wait", "pre-live");
      [...app.querySelectorAll("details")].forEach((details, i) => {
        if (i < opened.length && details.open !== opened[i]) details.open = opened[i];
      });
      for (const [id, value] of typed) {
        const input = document.getElementById(id);
        if (input && !input.value) {
          input.value = value;
          input.dispatchEvent(new Event("input", { bubbles: true }));
        }
      }
      for (const [id, value] of chosen) {
        const select = document.getElementById(id);
        if (select instanceof HTMLSelectElement && select.value !== value) {
          select.value = value;
          select.dispatchEvent(new Event("change", { bubbles: true }));
        }
      }
      if (focused >= 0) controls(app)[focused]?.focus({ preventScroll: true });
      scrollTo(x, y);
      if (pressed >= 0) controls(app)[pressed]?.click();
    };
    const check = () => {
      if (!queued && ready()) {
        queued = true;
        requestAnimationFrame(swap);
      }
    };
    const watching = new MutationObserver(check);
    watching.observe(app, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["aria-busy"] });
    watching.observe(root, { attributes: true, attributeFilter: ["data-content-shown"] });
    check();
  });
})();
