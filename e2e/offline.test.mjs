// Offline once loaded: the service worker precaches the shell, so after one visit the
// app reloads and deep links open with no network; a new build is offered, not forced.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, controlledByServiceWorker, launch, openPage, visit } from "./support.mjs";

let env;
let copy;
before(async () => {
  // A private copy of dist/, so one test can publish a "new build" without touching dist/.
  copy = mkdtempSync(join(tmpdir(), "rumbo-dist-"));
  cpSync(DIST, copy, { recursive: true });
  env = await launch({ dir: copy });
});
after(async () => {
  await env?.close();
  rmSync(copy, { recursive: true, force: true });
});

/**
 * Publishes a "new build" in the served copy: the same files, another version in sw.js.
 * Returns what puts the old one back.
 */
function publishNewBuild(suffix) {
  const swPath = join(copy, "sw.js");
  const original = readFileSync(swPath, "utf8");
  writeFileSync(swPath, original.replace(/const VERSION = "([0-9a-f]+)"/, `const VERSION = "$1${suffix}"`));
  return () => writeFileSync(swPath, original);
}

test("after one visit the home page and deep links load with no network", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/");
  await controlledByServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await page.locator("main h1", { hasText: "Información veraz" }).first().waitFor();
  await page.locator(".status-offline").waitFor();

  for (const [path, heading] of [["/acerca-de", "Acerca de Rumbo"], ["/directorio", "Directorio de contactos"], ["/opciones", "¿Cuáles son mis opciones?"]]) {
    await page.goto(env.base + path);
    await page.locator("main h1", { hasText: heading }).first().waitFor();
  }
  await context.setOffline(false);
  await page.locator(".status-offline").waitFor({ state: "detached" });
  assert.deepEqual(page.errors.filter((e) => !e.includes("ERR_INTERNET_DISCONNECTED")), []);
  await context.close();
});

test("offline after one visit: the assessment completes and the directory searches", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/");
  await controlledByServiceWorker(page);
  // Let the first download finish before the network goes.
  await visit(page, env.base, "/acerca-de");
  await page.locator("#app .data-on-device", { hasText: "Guardada en este dispositivo" }).waitFor();
  await context.setOffline(true);

  await page.goto(env.base + "/opciones");
  await page.getByRole("button", { name: "Empezar" }).click();
  for (const label of ["Vivo en Guatemala y estoy pensando en migrar", "Sí", "De 25 a 40 años", "Seguridad"]) {
    await page.locator("main").getByRole("button", { name: label, exact: true }).click();
  }
  await page.getByRole("button", { name: "Ver mis opciones" }).click();
  await page.locator(".outcome h3", { hasText: "Protección" }).waitFor();

  await page.goto(env.base + "/directorio");
  await page.getByLabel("Buscar").fill("intecap");
  await page.locator(".result a", { hasText: "INTECAP" }).waitFor();
  await page.locator(".result a", { hasText: "INTECAP" }).click();
  await page.locator("main h1", { hasText: "INTECAP" }).first().waitFor();
  await page.locator(".contact-note", { hasText: "necesita conexión" }).waitFor();
  await context.close();
});

test("a new build waits until the person chooses to update, then takes over", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/");
  await controlledByServiceWorker(page);
  const before = await page.evaluate(() => caches.keys());

  const unpublish = publishNewBuild("next");
  try {
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const update = page.getByRole("button", { name: "Actualizar" });
    await update.waitFor();
    // The new build has precached beside the old one, which still serves the page.
    const waiting = await page.evaluate(() => caches.keys());
    assert.equal(waiting.length, 2, `both builds cached while waiting: ${waiting}`);
    assert.ok(waiting.includes(before[0]));

    await Promise.all([page.waitForEvent("load"), update.click()]);
    // The reloaded page may show its prerendered copy beside the app for a moment.
    await page.locator("main h1").first().waitFor();
    const after = await page.evaluate(() => caches.keys());
    assert.equal(after.length, 1, `old caches removed: ${after}`);
    assert.match(after[0], /next$/);
  } finally {
    unpublish();
  }
  await context.close();
});

test("a build published while the device was offline is offered once it is back online, without a reload", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/");
  await controlledByServiceWorker(page);
  await context.setOffline(true);
  await page.reload(); // opened offline: the browser's own update check fails
  await page.locator("main h1").first().waitFor();
  await page.waitForTimeout(3_000); // Chromium runs that check a moment after the load

  const unpublish = publishNewBuild("later");
  try {
    await context.setOffline(false); // the app hears "online" and looks for a build
    await page.getByRole("button", { name: "Actualizar" }).waitFor({ timeout: 20_000 });
  } finally {
    unpublish();
  }
  await context.close();
});

/** Asks the browser for the newest sw.js; what became of the worker it found. */
function settledUpdate(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update().catch(() => {});
    const worker = registration.installing || registration.waiting;
    if (!worker) return "none";
    if (worker.state !== "installing") return worker.state;
    return new Promise((resolve) => worker.addEventListener("statechange", () => {
      if (worker.state !== "installing") resolve(worker.state);
    }));
  });
}

test("a half-published or broken build never strands an offline device", async () => {
  const swPath = join(copy, "sw.js");
  const sw = readFileSync(swPath, "utf8");
  const wasm = readdirSync(copy).find((name) => name.endsWith("_bg.wasm"));
  const wasmPath = join(copy, wasm);
  const whole = readFileSync(wasmPath);
  const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");
  const nextVersion = (text, suffix) => text.replace(/const VERSION = "([0-9a-f]+)"/, `const VERSION = "$1${suffix}"`);

  // 1. A deploy caught half-way: the new sw.js names a wasm the server does not have yet
  // and answers with index.html (as an SPA fallback would). The old build stays, offline too.
  const half = wasm.replace(/-[0-9a-f]+_bg\.wasm$/, "-0123456789abcdef_bg.wasm");
  {
    const { context, page } = await openPage(env.browser);
    await visit(page, env.base, "/");
    await controlledByServiceWorker(page);
    const before = await page.evaluate(() => caches.keys());
    writeFileSync(join(copy, half), readFileSync(join(copy, "index.html")));
    writeFileSync(swPath, nextVersion(sw.replaceAll(wasm, half), "half"));
    try {
      assert.equal(await settledUpdate(page), "redundant", "the half-published build is not installed");
      assert.deepEqual(await page.evaluate(() => caches.keys()), before, "nothing of it was kept");
      assert.equal(await page.getByRole("button", { name: "Actualizar" }).count(), 0, "no update is offered");
      await context.setOffline(true);
      await page.reload();
      await page.locator("main h1", { hasText: "Información veraz" }).first().waitFor();
    } finally {
      writeFileSync(swPath, sw);
      rmSync(join(copy, half), { force: true });
      await context.close();
    }
  }

  // 2. A build published broken (its wasm, hashed as published, cannot start), taken up,
  // then a fix: "Intentar de nuevo" picks the fix up, without closing the browser.
  {
    const { context, page } = await openPage(env.browser);
    await visit(page, env.base, "/");
    await controlledByServiceWorker(page);
    const broken = whole.subarray(0, whole.length >> 1);
    // A real build's files have new names; here the broken wasm keeps the old one, so
    // the copy in the browser's HTTP cache must not stand in for it.
    await (await context.newCDPSession(page)).send("Network.clearBrowserCache");
    writeFileSync(wasmPath, broken);
    writeFileSync(swPath, nextVersion(sw.replace(sha256(whole), sha256(broken)), "broken"));
    try {
      assert.equal(await settledUpdate(page), "installed");
      await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Actualizar" }).click()]);
      const retry = page.getByRole("button", { name: "Intentar de nuevo" });
      await retry.waitFor({ timeout: 15_000 });

      writeFileSync(wasmPath, whole);
      writeFileSync(swPath, nextVersion(sw, "fixed"));
      await Promise.all([page.waitForEvent("load", { timeout: 60_000 }), retry.click()]);
      // The home page's prerendered copy shows at once, whatever the app's state: what
      // proves the retry took up the fix is that the fixed build is the only one kept
      // (its worker took over and removed the broken build's cache).
      let kept = [];
      for (const deadline = Date.now() + 30_000; Date.now() < deadline; await page.waitForTimeout(250)) {
        kept = await page.evaluate(() => caches.keys()).catch(() => []); // a reload may be under way
        if (kept.length === 1 && kept[0].endsWith("fixed")) break;
      }
      assert.deepEqual(kept.map((name) => name.endsWith("fixed")), [true], `caches: ${kept}`);
      await page.locator("main h1", { hasText: "Información veraz" }).first().waitFor({ timeout: 30_000 });
      assert.equal(await retry.isVisible(), false, "the app started: no retry left on screen");
      await context.setOffline(true);
      await page.reload();
      await page.locator("main h1", { hasText: "Información veraz" }).first().waitFor();
    } finally {
      writeFileSync(wasmPath, whole);
      writeFileSync(swPath, sw);
      await context.close();
    }
  }
});

test("a shell file missing from the offline cache is put back on the next visit", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/");
  await controlledByServiceWorker(page);
  const wasm = await page.evaluate(async () => {
    const cache = await caches.open((await caches.keys())[0]);
    const url = (await cache.keys()).map((r) => new URL(r.url).pathname).find((p) => p.endsWith(".wasm"));
    await cache.delete(url);
    return url;
  });
  await context.clearCookies();
  await page.reload();
  // The app's own page (not the prerendered copy, which shows before the wasm is asked for).
  await page.locator("#app main h1").waitFor();
  const cached = await page.evaluate(async (url) => Boolean(await (await caches.open((await caches.keys())[0])).match(url)), wasm);
  assert.ok(cached, `${wasm} is in the cache again`);
  await context.setOffline(true);
  await page.reload();
  await page.locator("main h1", { hasText: "Información veraz" }).first().waitFor();
  await context.close();
});

test("'Acerca de' does not say offline use is on while the app's files are not kept for it", async () => {
  // No service worker can install (as when the browser refuses it or storage is full);
  // e2e/data.test.mjs checks that it says "activado" once one does.
  const { context, page } = await openPage(env.browser, { serviceWorkers: "block" });
  await visit(page, env.base, "/acerca-de");
  await page.locator("#app .data-on-device", { hasText: "Guardada en este dispositivo" }).waitFor();
  await page.getByText("Uso sin conexión: todavía no está listo.").waitFor();
  assert.equal(await page.getByText("Uso sin conexión: activado.").count(), 0);
  await context.close();
});

test("offline with no information yet, the banner does not claim any is saved", async () => {
  const { context, page } = await openPage(env.browser);
  await page.route("**/data/**", (route) => route.abort("internetdisconnected"));
  await visit(page, env.base, "/");
  await context.setOffline(true);
  const banner = page.locator(".status-offline");
  await banner.waitFor();
  assert.match(await banner.textContent(), /se descargará cuando vuelva la conexión/);
  assert.ok(!(await banner.textContent()).includes("guardada"));
  await context.setOffline(false);
  await context.close();
});

test("the app is installable: a web app manifest with the icons browsers ask for", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/");
  const href = await page.getAttribute("link[rel=manifest]", "href");
  const manifest = await (await page.request.get(env.base + href)).json();
  assert.equal(manifest.start_url, "/");
  assert.equal(manifest.display, "standalone");
  assert.equal(manifest.lang, "es");
  assert.ok(manifest.translations.en.name);
  const sizes = manifest.icons.map((icon) => `${icon.sizes}:${icon.purpose}`);
  for (const wanted of ["192x192:any", "512x512:any", "512x512:maskable"]) assert.ok(sizes.includes(wanted), wanted);
  for (const icon of manifest.icons) {
    const response = await page.request.get(env.base + icon.src);
    assert.equal(response.status(), 200, icon.src);
    assert.equal(response.headers()["content-type"], icon.type, icon.src);
  }
  await context.close();
});
