// Shared set-up for the e2e tests: serve dist/ the way production should
// (scripts/serve.mjs), drive Debian's Chromium with playwright-core, and run axe-core.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../scripts/serve.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const DIST = process.env.RUMBO_DIST || join(here, "..", "dist");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Debian's Chromium as these machines run it: no sandbox, no GPU, no calls home. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Starts the static server (on dist/ or `dir`) on a free port and Chromium. */
export async function launch({ dir = DIST } = {}) {
  const server = await startServer({ dir, port: 0 });
  const { port } = server.address();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
  });
  return {
    browser,
    server,
    base: `http://127.0.0.1:${port}`,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/**
 * A fresh context (no storage shared with other tests) and a page in it that records
 * console errors and page errors, CSP violations included.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ locale: "en-US", ...options });
  const page = await context.newPage();
  page.errors = [];
  page.on("console", (message) => {
    if (message.type() === "error") page.errors.push(message.text());
  });
  page.on("pageerror", (error) => page.errors.push(String(error)));
  return { context, page };
}

/**
 * Loads a path and waits until the app has rendered its page heading (on a prerendered
 * page, until the app has taken it over: scripts/prerender-page.js).
 */
export async function visit(page, base, path) {
  const response = await page.goto(base + path);
  await page.waitForFunction(() => !document.documentElement.classList.contains("pre-wait"), null, { timeout: 60_000 });
  await page.locator("main h1").first().waitFor();
  return response;
}

/** Waits until the service worker controls the page, so it works offline from now on. */
export async function controlledByServiceWorker(page, timeout = 30_000) {
  const controlled = page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
  // A worker that never takes over must fail the test, not hang the suite.
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(async () => {
      // Where the worker got stuck (still installing, waiting, none registered) says
      // whether the app or the machine is at fault.
      const state = await page
        .evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          if (!registration) return "no registration";
          const of = (worker) => worker?.state ?? "none";
          return `installing ${of(registration.installing)}, waiting ${of(registration.waiting)}, active ${of(registration.active)}`;
        })
        .catch((error) => `unknown (${error})`);
      reject(new Error(`no service worker controls ${page.url()} after ${timeout} ms: ${state}`));
    }, timeout);
  });
  try {
    await Promise.race([controlled, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What makes a page hard to use on a small screen or zoomed in: controls under 44 CSS px
 * high (a checkbox or radio counts with its label, which toggles it; a link inside a
 * sentence is exempt, as WCAG 2.5.8 allows) and how far the page scrolls sideways.
 */
export async function layoutProblems(page) {
  return page.evaluate(() => {
    const small = [...document.querySelectorAll("main a[href], main button, header a[href], header button, select, input, summary")]
      .filter((el) => el.getClientRects().length > 0 && !el.classList.contains("skip-link"))
      .filter((el) => !(el.tagName === "A" && el.closest("p")))
      .map((el) => {
        const toggled = (el.type === "checkbox" || el.type === "radio") && el.id && document.querySelector(`label[for="${el.id}"]`);
        return { html: el.outerHTML.slice(0, 80), height: (toggled || el).getBoundingClientRect().height };
      })
      .filter(({ height }) => height < 44);
    const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    return { small, overflow };
  });
}

/** Runs axe-core (WCAG 2.1 A/AA) on the page and returns its violations. */
export async function axeViolations(page) {
  // page.evaluate runs through the DevTools protocol, which the page's CSP does not
  // govern, so the app's strict policy stays on while axe is injected.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
