// The app shell as a person meets it: Spanish first, a language switch that sticks,
// deep links that load, no accessibility violations, everything reachable by keyboard.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, openPage, visit, axeViolations, layoutProblems } from "./support.mjs";

// `ready`: what shows once the page's data has loaded (its heading comes earlier).
const ROUTES = [
  { path: "/", es: "Información veraz para decidir con seguridad", en: "Truthful information to decide safely", ready: "main a[href='/opciones']" },
  { path: "/opciones", es: "¿Cuáles son mis opciones?", en: "What are my options?", ready: "main button" },
  { path: "/directorio", es: "Directorio de contactos", en: "Contact directory", ready: ".results-list li a" },
  { path: "/acerca-de", es: "Acerca de Rumbo", en: "About Rumbo", ready: "main h2" },
];

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test("the home page renders in Spanish even when the browser prefers English", async () => {
  const { context, page } = await openPage(env.browser, { locale: "en-US" });
  await visit(page, env.base, "/");
  assert.equal(await page.locator("main h1").textContent(), ROUTES[0].es);
  assert.equal(await page.getAttribute("html", "lang"), "es");
  assert.match(await page.title(), /Información veraz/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("switching to English changes the page, sets <html lang> and survives a reload", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/acerca-de");
  await page.getByRole("button", { name: "English" }).click();
  await page.locator("main h1", { hasText: "About Rumbo" }).first().waitFor();
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.getByRole("button", { name: "English" }).getAttribute("aria-pressed"), "true");
  assert.equal(await page.getByRole("link", { name: "Directory" }).count(), 1);

  await page.reload();
  await page.locator("main h1", { hasText: "About Rumbo" }).first().waitFor();
  assert.equal(await page.getAttribute("html", "lang"), "en");

  await page.getByRole("button", { name: "Español" }).click();
  await page.locator("main h1", { hasText: "Acerca de Rumbo" }).first().waitFor();
  await page.reload();
  // Back in Spanish the page's prerendered copy shows until the app takes over.
  await page.locator("main h1", { hasText: "Acerca de Rumbo" }).first().waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("the app asks nothing of any other origin and sets no cookie", async () => {
  const { context, page } = await openPage(env.browser);
  const origins = new Set();
  page.on("request", (request) => origins.add(new URL(request.url()).origin));
  for (const route of ROUTES) await visit(page, env.base, route.path);
  await page.getByRole("button", { name: "English" }).click();
  assert.deepEqual([...origins], [env.base]);
  assert.deepEqual(await context.cookies(), []);
  await context.close();
});

test("a deep link to every route loads directly, with the right heading", async () => {
  const { context, page } = await openPage(env.browser);
  for (const route of ROUTES) {
    const response = await visit(page, env.base, route.path);
    assert.equal(response.status(), 200, route.path);
    assert.equal(await page.locator("main h1").textContent(), route.es, route.path);
  }
  const response = await visit(page, env.base, "/no-existe");
  assert.equal(response.status(), 200);
  assert.equal(await page.locator("main h1").textContent(), "No encontramos esta página");
  // A mangled link (a cut %-escape) still gets the app, not a server error.
  const mangled = await visit(page, env.base, "/directorio/%E0%A4%A");
  assert.equal(mangled.status(), 200);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("navigating inside the app moves focus to the new page's heading", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/");
  await page.getByRole("navigation").getByRole("link", { name: "Directorio" }).click();
  await page.locator("main h1", { hasText: "Directorio de contactos" }).first().waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1");
  assert.equal(new URL(page.url()).pathname, "/directorio");
  assert.match(await page.title(), /^Directorio de contactos/);
  await context.close();
});

for (const lang of ["es", "en"]) {
  test(`axe-core finds no violations on any route (${lang})`, async () => {
    const { context, page } = await openPage(env.browser);
    await visit(page, env.base, "/");
    if (lang === "en") {
      await page.getByRole("button", { name: "English" }).click();
      await page.locator("html[lang=en]").waitFor();
    }
    for (const route of ROUTES) {
      await visit(page, env.base, route.path);
      await page.locator("main h1", { hasText: route[lang] }).first().waitFor();
      assert.deepEqual(await axeViolations(page), [], `${route.path} (${lang})`);
    }
    await context.close();
  });
}

test("the keyboard alone reaches every control, in order, with visible focus", async () => {
  const { context, page } = await openPage(env.browser);
  for (const route of ROUTES) {
    await visit(page, env.base, route.path);
    // Listed once the page's data is in: a list of the loading screen's controls would
    // pass with the directory's results never reached.
    await page.locator(route.ready).first().waitFor();
    const controls = await page.evaluate(() =>
      [...document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])")]
        .filter((el) => !el.disabled && el.getClientRects().length > 0)
        .map((el) => el.outerHTML),
    );
    const reached = new Set();
    for (let i = 0; i < controls.length + 5; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return { html: el.outerHTML, visible: style.outlineStyle !== "none" || style.boxShadow !== "none" };
      });
      if (controls.includes(focused.html)) {
        assert.ok(focused.visible, `focus is invisible on ${focused.html}`);
        reached.add(focused.html);
      }
    }
    if (route.path === "/directorio") {
      assert.ok(controls.some((html) => html.includes('href="/directorio/')), "the directory's results are among the controls");
    }
    const missed = controls.filter((html) => !reached.has(html));
    assert.deepEqual(missed, [], `${route.path}: not reachable by Tab`);
  }
  await context.close();
});

test("every control is at least 44 px high and the page reflows at 200% zoom", async () => {
  // 200% zoom on a 1280 px window is a 640 CSS px viewport with twice the pixel ratio.
  const { context, page } = await openPage(env.browser, { viewport: { width: 640, height: 800 }, deviceScaleFactor: 2 });
  for (const route of ROUTES) {
    await visit(page, env.base, route.path);
    assert.deepEqual(await layoutProblems(page), { small: [], overflow: 0 }, route.path);
  }
  await context.close();
});

test("on a 360 px phone the header leaves most of the screen to the page, its controls still 44 px", async () => {
  const { context, page } = await openPage(env.browser, { viewport: { width: 360, height: 740 } });
  await visit(page, env.base, "/directorio");
  const header = await page.locator(".site-header").evaluate((e) => e.getBoundingClientRect().height);
  // The languages beside the name: stacked, the header was 267 px.
  assert.ok(header <= 220, `header ${header} px`);
  const [name, languages] = await Promise.all([".brand-name", ".lang-switch"].map((s) => page.locator(s).boundingBox()));
  assert.ok(Math.abs(name.y - languages.y) < 10, "the languages share the name's row");
  assert.deepEqual(await layoutProblems(page), { small: [], overflow: 0 });
  await context.close();
});

test("in English, About marks the Spanish title it cites and dates read the British way", async () => {
  const { context, page } = await openPage(env.browser);
  await context.addInitScript(() => localStorage.setItem("rumbo.lang", JSON.stringify("en")));
  await visit(page, env.base, "/acerca-de");
  await page.locator('.source [lang="es"]', { hasText: "Presentan avances del Centro de Recursos" }).waitFor();
  const version = page.locator("#app .data-on-device p").first();
  await version.filter({ hasText: "published on" }).waitFor();
  assert.match(await version.textContent(), /published on \d{1,2} [A-Z][a-z]+ \d{4}\./, await version.textContent());
  await context.close();
});

test("with the phone's text at 200% on a 320 px screen, no page and no contact scrolls sideways", async () => {
  const { context, page } = await openPage(env.browser, { viewport: { width: 320, height: 640 } });
  // As a phone's largest font setting does: the root text size doubles, the width stays.
  await context.addInitScript(() => document.addEventListener("DOMContentLoaded", () => { document.documentElement.style.fontSize = "200%"; }));
  const data = JSON.parse(readFileSync(new URL("../public/data/directory.json", import.meta.url), "utf8"));
  const pages = [...ROUTES.map((r) => [r.path, r.es]), ...data.entries.map((e) => [`/directorio/${e.id}`, e.name.es])];
  for (const [path, heading] of pages) {
    await visit(page, env.base, path);
    await page.locator("main h1", { hasText: heading }).first().waitFor();
    assert.equal((await layoutProblems(page)).overflow, 0, path);
  }
  await context.close();
});

test("a place chosen in the directory and the staff settings fit a 320 px phone and 200% zoom, in both languages", async () => {
  const screens = [{ viewport: { width: 320, height: 640 } }, { viewport: { width: 640, height: 800 }, deviceScaleFactor: 2 }];
  for (const screen of screens) {
    for (const lang of ["es", "en"]) {
      const { context, page } = await openPage(env.browser, screen);
      await context.addInitScript((code) => localStorage.setItem("rumbo.lang", JSON.stringify(code)), lang);
      const where = `${screen.viewport.width} px, ${lang}`;
      await visit(page, env.base, "/directorio");
      // On a phone the place picker is folded away until asked for.
      const picker = page.locator("details.refine").last();
      await picker.waitFor();
      if (!(await picker.evaluate((d) => d.open))) await picker.locator("summary").click();
      await page.locator("#place-country").selectOption("US");
      await page.locator("#place-region").fill("Texas");
      await page.getByRole("button", { name: lang === "es" ? "Usar este lugar" : "Use this place" }).click();
      await page.locator(".serving li a").first().waitFor();
      assert.deepEqual(await layoutProblems(page), { small: [], overflow: 0 }, `directory with Texas, ${where}`);
      await visit(page, env.base, "/ajustes");
      assert.deepEqual(await layoutProblems(page), { small: [], overflow: 0 }, `settings, ${where}`);
      await context.close();
    }
  }
});

test("the skip link moves focus into the page, past the header", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/directorio");
  await page.getByLabel("Buscar").waitFor(); // the content has loaded: main has controls
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Saltar al contenido");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "main");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => Boolean(document.activeElement.closest("main"))), true, "the next Tab stays in the content");
  await context.close();
});
