// Content first (issue #22): every page of dist/ carries its content in its HTML
// (scripts/prerender.mjs), readable with no JavaScript, previewed by its own tags, taken
// over by the app without a shift or a wrong language or mode, and there offline.
import { signManifest } from "./fixture-data.mjs";
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DIST, controlledByServiceWorker, launch, openPage } from "./support.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const directory = JSON.parse(readFileSync(join(DIST, "data", "directory.json"), "utf8"));
const entries = directory.entries;
// An entry with a phone, for the links, and with a WhatsApp number if any has one.
const withPhone = entries.find((e) => e.phones?.some((p) => p.kind === "whatsapp") && e.email) ?? entries.find((e) => e.phones?.length);
const pageOf = (path) => readFileSync(join(DIST, path === "/" ? "index.html" : join(path, "index.html")), "utf8");
const tag = (html, attribute, name) => new RegExp(`<meta ${attribute}="${name}" content="([^"]*)"`).exec(html)?.[1];
const unescape = (text) => text?.replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** Counts layout shifts (the Layout Instability API) from the page's very start. */
const recordShifts = (context) =>
  context.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
const shiftsOf = (page) => page.evaluate(() => window.__shifts.reduce((sum, value) => sum + value, 0));
/** Holds the wasm until `release()`, so what shows before the app runs can be looked at. */
async function holdApp(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route("**/*.wasm", async (route) => { await held; await route.continue(); });
  return release;
}
const tookOver = (page) => page.waitForFunction(() => document.documentElement.classList.contains("pre-live"), null, { timeout: 30_000 });

test("every route and every entry has a page of its own with its content, title and description", () => {
  for (const [path, heading] of [["/", "Información veraz"], ["/opciones", "¿Cuáles son mis opciones?"], ["/directorio", "Directorio de contactos"], ["/acerca-de", "Acerca de Rumbo"]]) {
    const html = pageOf(path);
    assert.match(html, new RegExp(`<main[^>]*>\\s*<h1[^>]*>${heading}`), `${path} carries its heading`);
    assert.match(html, new RegExp(`data-page="${path}"`));
  }
  const list = pageOf("/directorio");
  for (const entry of entries) {
    assert.ok(list.includes(`href="/directorio/${entry.id}"`), `the list links ${entry.id}`);
    const html = pageOf(`/directorio/${entry.id}`);
    assert.equal(unescape(tag(html, "property", "og:title")), entry.name.es, `${entry.id}: the preview names the entry`);
    assert.match(unescape(/<title>([^<]*)<\/title>/.exec(html)[1]), new RegExp(entry.name.es.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    const city = entry.address.city ?? entry.address.region;
    if (city) assert.ok(unescape(tag(html, "name", "description")).includes(city), `${entry.id}: the description names ${city}`);
    assert.equal(tag(html, "name", "twitter:card"), "summary");
  }
  assert.match(readFileSync(join(DIST, "robots.txt"), "utf8"), /^Disallow: \/ajustes$/m);
});

test("with JavaScript off the list and an entry are readable and their links work", async () => {
  const { context, page } = await openPage(env.browser, { javaScriptEnabled: false });
  await page.goto(env.base + "/directorio");
  await page.getByRole("heading", { level: 1, name: "Directorio de contactos" }).waitFor();
  assert.equal(await page.locator("#prerendered .results-list li").count(), entries.length, "every entry listed");
  await page.getByRole("link", { name: withPhone.name.es, exact: true }).click();
  await page.waitForURL(`**/directorio/${withPhone.id}`);
  await page.getByRole("heading", { level: 1, name: withPhone.name.es }).waitFor();
  const phone = withPhone.phones.find((p) => p.kind !== "whatsapp") ?? withPhone.phones[0];
  const tel = page.locator(`a[href^="tel:"]`).first();
  assert.ok(await tel.isVisible(), "a phone link shows");
  assert.equal(await tel.getAttribute("href"), `tel:${phone.number}`);
  if (withPhone.phones.some((p) => p.kind === "whatsapp")) assert.ok(await page.locator(`a[href^="https://wa.me/"]`).first().isVisible(), "WhatsApp link");
  if (withPhone.email) assert.ok(await page.locator(`a[href="mailto:${withPhone.email}"]`).isVisible(), "e-mail link");
  if (withPhone.location) assert.ok(await page.locator(`a[href^="geo:"], a[href*="openstreetmap.org"]`).first().isVisible(), "map link");

  await page.goto(env.base + "/opciones");
  await page.locator("#prerendered main p:visible", { hasText: "Las preguntas necesitan un navegador más reciente" }).waitFor();
  assert.ok(await page.locator("#prerendered main").getByRole("link", { name: "Directorio" }).isVisible());

  // What the copy's maker knew of its own device is not claimed of the reader's.
  await page.goto(env.base + "/acerca-de");
  await page.locator("#prerendered .data-on-device p:visible", { hasText: "Versión de la información" }).waitFor();
  for (const claim of ["Guardada en este dispositivo", "Uso sin conexión"]) {
    assert.equal(await page.locator("#prerendered .data-on-device p:visible", { hasText: claim }).count(), 0, claim);
  }
  await context.close();
});

test("the app takes over a prerendered page with no layout shift, keeping scroll and focus", async () => {
  for (const path of ["/directorio", `/directorio/${withPhone.id}`, "/"]) {
    const { context, page } = await openPage(env.browser, { viewport: { width: 412, height: 823 } });
    await recordShifts(context);
    const release = await holdApp(page);
    await page.goto(env.base + path);
    assert.ok(await page.locator("#prerendered main h1").isVisible(), `${path}: the copy shows while the app downloads`);
    assert.equal(await page.locator("#loader").isVisible(), false, `${path}: no loading screen over content`);
    if (path === "/directorio") {
      await page.locator(`#prerendered a[href="/directorio/${withPhone.id}"]`).focus();
      await page.evaluate(() => scrollBy(0, -200));
    }
    // At the swap the app's page must already be there: never a blank or "loading" moment.
    await page.evaluate(() => {
      new MutationObserver((_, observer) => {
        if (document.getElementById("prerendered")) return;
        observer.disconnect();
        const main = document.querySelector("#app main");
        window.__atSwap = {
          heading: main?.querySelector("h1")?.textContent,
          loading: !!main?.querySelector(":scope > p.notice[role=status]"),
          listed: main?.querySelectorAll(".results-list li").length,
        };
      }).observe(document.body, { childList: true });
    });
    const scrolled = await page.evaluate(() => scrollY);
    release();
    await tookOver(page);
    const atSwap = await page.evaluate(() => window.__atSwap);
    assert.ok(atSwap?.heading && !atSwap.loading, `${path}: the app had its page when it was swapped in (${JSON.stringify(atSwap)})`);
    await page.waitForTimeout(500);
    const shifts = await shiftsOf(page);
    assert.ok(shifts <= 0.02, `${path}: layout shift ${shifts}`);
    if (path === "/directorio") {
      // The app builds its list a slice per task; the copy goes only once it is whole.
      assert.equal(atSwap.listed, entries.length, "the whole list at the swap");
      assert.ok(scrolled > 0);
      assert.equal(await page.evaluate(() => scrollY), scrolled, "scroll kept");
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")), `/directorio/${withPhone.id}`, "focus kept");
      assert.ok(await page.evaluate(() => document.activeElement.closest("#app") !== null));
    }
    assert.equal(await page.locator("#prerendered").count(), 0);
    assert.equal(await page.locator("main").count(), 1);
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});

test("where the copy would be wrong (English chosen, a kiosk, other content) it never shows", async () => {
  const cases = [
    ["English chosen on this device", "/directorio", () => localStorage.setItem("rumbo.lang", JSON.stringify("en")), "Contact directory"],
    ["a link made in English", "/directorio#en", () => {}, "Contact directory"],
    ["a kiosk", "/", () => localStorage.setItem("rumbo.device", JSON.stringify({ mode: "kiosk" })), null],
    ["newer content on the device", "/directorio", () => localStorage.setItem("rumbo.content-version", "999999"), "Directorio de contactos"],
  ];
  for (const [what, path, setUp, heading] of cases) {
    const { context, page } = await openPage(env.browser);
    await context.addInitScript(setUp);
    // Whether the copy was ever painted: checked on every frame from the first.
    await context.addInitScript(() => {
      window.__copyShown = false;
      const look = () => {
        const copy = document.getElementById("prerendered");
        if (copy && copy.getClientRects().length > 0) window.__copyShown = true;
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto(env.base + path);
    if (heading) await page.locator("#app main h1", { hasText: heading }).waitFor();
    else await page.locator("#app main").waitFor();
    if (what === "a kiosk") assert.equal(await page.locator("#app main h1", { hasText: "Información veraz" }).count(), 0, "no personal home on a kiosk");
    assert.equal(await page.evaluate(() => window.__copyShown), false, `${what}: the prerendered copy was shown`);
    await context.close();
  }
});

test("a press on the copy's buttons before the app is there is not lost, nor a filter chosen", async () => {
  const { context, page } = await openPage(env.browser);
  let release = await holdApp(page);
  await page.goto(env.base + "/opciones");
  const start = page.locator("#prerendered main").getByRole("button", { name: "Empezar" });
  await start.click();
  assert.equal(await start.getAttribute("aria-busy"), "true", "the button says it is waiting");
  release();
  await page.locator("#app main").getByText("¿Cuál es su situación?").first().waitFor();

  await context.close();

  // The language, pressed on the home page's copy (a new visitor: the first one's service
  // worker would serve the app at once).
  const home = await openPage(env.browser);
  release = await holdApp(home.page);
  await home.page.goto(env.base + "/");
  await home.page.locator("#prerendered").getByRole("button", { name: "English" }).click();
  release();
  await home.page.locator("#app main h1", { hasText: "Truthful information to decide safely" }).waitFor();
  await home.context.close();

  // A filter chosen in the directory's copy is in force once the app is there.
  const other = await openPage(env.browser, { viewport: { width: 1024, height: 800 } });
  release = await holdApp(other.page);
  await other.page.goto(env.base + "/directorio");
  const kind = other.page.locator("#prerendered select").first();
  const options = await kind.locator("option").evaluateAll((list) => list.map((o) => o.value));
  await kind.selectOption(options[1]);
  release();
  await tookOver(other.page);
  assert.equal(await other.page.locator("#app select").first().inputValue(), options[1]);
  const shown = await other.page.locator("#app .results-list li").count();
  assert.ok(shown > 0 && shown < entries.length, `the list is filtered (${shown} of ${entries.length})`);
  await other.context.close();
});

test("when the app cannot be loaded the copy stays and says so, with a way to try again", async () => {
  const { context, page } = await openPage(env.browser);
  await page.route("**/*.wasm", (route) => route.abort("internetdisconnected"));
  await page.goto(env.base + "/directorio");
  const retry = page.locator("#prerendered main").getByRole("button", { name: "Intentar de nuevo" });
  await retry.waitFor();
  assert.match(await page.locator("#prerendered main #loader-status").textContent(), /no se pudo cargar/);
  assert.equal(await page.locator("#prerendered .results-list li").count(), entries.length, "the list is still there");
  await page.unroute("**/*.wasm");
  await retry.click();
  await tookOver(page);
  await page.locator("#app main h1", { hasText: "Directorio de contactos" }).waitFor();
  await context.close();
});

test("offline after one visit every page still loads", async () => {
  const { context, page } = await openPage(env.browser);
  await page.goto(env.base + "/directorio");
  await controlledByServiceWorker(page);
  await tookOver(page);
  await page.locator("#app .data-on-device").first().waitFor({ timeout: 30_000 }).catch(() => {});
  await page.goto(env.base + `/directorio/${withPhone.id}`); // kept by the worker
  await page.locator("main h1", { hasText: withPhone.name.es }).first().waitFor();
  await context.setOffline(true);
  const pages = [["/", "Información veraz"], ["/opciones", "¿Cuáles son mis opciones?"], ["/directorio", "Directorio de contactos"], ["/acerca-de", "Acerca de Rumbo"], [`/directorio/${withPhone.id}`, withPhone.name.es], [`/directorio/${entries.at(-1).id}`, entries.at(-1).name.es]];
  for (const [path, heading] of pages) {
    await page.goto(env.base + path);
    await page.locator("#app main h1", { hasText: heading }).waitFor({ timeout: 20_000 });
  }
  await context.close();
});

test("publishing new data re-generates the entry pages, with the public origin's tags and sitemap", { timeout: 300_000 }, () => {
  const copy = mkdtempSync(join(tmpdir(), "rumbo-pages-"));
  try {
    cpSync(DIST, copy, { recursive: true });
    // A changed phone number, published as rumbo-data would: the file, its manifest and the signature.
    const changed = structuredClone(directory);
    const entry = changed.entries.find((e) => e.id === withPhone.id);
    const newNumber = "+50277778888";
    entry.phones[0].number = newNumber;
    const bytes = Buffer.from(JSON.stringify(changed, null, 2) + "\n");
    writeFileSync(join(copy, "data", "directory.json"), bytes);
    const manifest = JSON.parse(readFileSync(join(copy, "data", "manifest.json"), "utf8"));
    manifest.content_version += 1;
    const file = manifest.files.find((f) => f.name === "directory.json");
    file.sha256 = createHash("sha256").update(bytes).digest("hex");
    file.bytes = bytes.length;
    writeFileSync(join(copy, "data", "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    // Signed, as rumbo-data signs what it publishes: the app reads nothing unsigned.
    signManifest(join(copy, "data"));

    execFileSync("node", [join(root, "scripts", "prerender.mjs"), copy], { env: { ...process.env, RUMBO_PUBLIC_ORIGIN: "https://rumbo.example" }, stdio: "pipe" });
    const html = readFileSync(join(copy, "directorio", withPhone.id, "index.html"), "utf8");
    assert.ok(html.includes(`tel:${newNumber}`), "the new number is in the entry's page");
    assert.ok(!html.includes(`tel:${withPhone.phones[0].number}"`), "the old one is not");
    assert.match(html, new RegExp(`data-content="${manifest.content_version}"`));
    assert.match(html, new RegExp(`<link rel="canonical" href="https://rumbo.example/directorio/${withPhone.id}">`));
    assert.equal(tag(html, "property", "og:image"), "https://rumbo.example/icon-512.png");
    assert.equal(tag(html, "property", "og:url"), `https://rumbo.example/directorio/${withPhone.id}`);
    const sitemap = readFileSync(join(copy, "sitemap.xml"), "utf8");
    assert.ok(sitemap.includes(`<loc>https://rumbo.example/directorio/${withPhone.id}</loc>`));
    assert.ok(!sitemap.includes("/ajustes"));
    assert.match(readFileSync(join(copy, "robots.txt"), "utf8"), /Sitemap: https:\/\/rumbo.example\/sitemap.xml/);
    assert.ok(existsSync(join(copy, "prerender", "app-shell.html")));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
