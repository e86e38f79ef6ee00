// Content sync as a person lives it: data shown from the device at once, a newly
// published version picked up while the app is open, and bad or cut data refused
// while the last good copy stays.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, launch, openPage, visit } from "./support.mjs";
import { signManifest, writeFixtureData } from "./fixture-data.mjs";

let env;
let copy;
let original;
let good; // the fixture's files as first published, to restore after each test
before(async () => {
  // The app built from dist/, serving an obviously fictitious data set of its own, so
  // these tests do not depend on (or disturb) the real content.
  copy = mkdtempSync(join(tmpdir(), "rumbo-data-"));
  cpSync(DIST, copy, { recursive: true });
  good = mkdtempSync(join(tmpdir(), "rumbo-data-good-"));
  writeFixtureData(good);
  cpSync(good, join(copy, "data"), { recursive: true });
  original = readFileSync(join(copy, "data", "manifest.json"), "utf8");
  env = await launch({ dir: copy });
});
after(async () => {
  await env?.close();
  rmSync(copy, { recursive: true, force: true });
  rmSync(good, { recursive: true, force: true });
});

const manifestPath = () => join(copy, "data", "manifest.json");
const version = () => JSON.parse(original).content_version;

/** Publishes a new content version: `change` edits directory.json's text. */
function publish(change, { hashOf = (text) => text } = {}) {
  const manifest = JSON.parse(original);
  const file = manifest.files.find((f) => f.name === "directory.json");
  const text = change(readFileSync(join(copy, "data", "directory.json"), "utf8"));
  writeFileSync(join(copy, "data", "directory.json"), text);
  const hashed = Buffer.from(hashOf(text), "utf8");
  file.sha256 = createHash("sha256").update(hashed).digest("hex");
  file.bytes = hashed.length;
  manifest.content_version += 1;
  writeManifest(manifest);
}

/** Writes `manifest` as the centre publishes it: signed with the (development) key. */
function writeManifest(manifest) {
  writeFileSync(manifestPath(), JSON.stringify(manifest, null, 2));
  signManifest(join(copy, "data"));
}

function restore() {
  cpSync(good, join(copy, "data"), { recursive: true });
}

async function shownVersion(page) {
  await visit(page, env.base, "/acerca-de");
  const line = page.locator("#app .data-on-device p").first();
  await line.filter({ hasText: "Versión de la información" }).waitFor();
  return Number((await line.textContent()).match(/Versión de la información: (\d+)/)[1]);
}

test("the first visit downloads the content and reports its version and date", async () => {
  const { context, page } = await openPage(env.browser);
  assert.equal(await shownVersion(page), version());
  await page.locator("#app .data-on-device", { hasText: "Guardada en este dispositivo" }).waitFor();
  await page.locator("#app .data-on-device", { hasText: "Uso sin conexión: activado" }).waitFor();
  // Screen readers hear that the download finished (the progress bar just goes).
  const said = page.getByRole("status").filter({ hasText: "Información descargada y guardada en este dispositivo." });
  assert.equal(await said.count(), 1);
  // Not when the content comes from the device.
  await page.reload();
  await page.locator("main h1").first().waitFor();
  await page.locator("#app .data-on-device", { hasText: "Guardada en este dispositivo" }).waitFor();
  assert.equal(await said.count(), 0);
  await context.close();
});

test("a version published while the app is open is picked up on the next check", async () => {
  const { context, page } = await openPage(env.browser);
  assert.equal(await shownVersion(page), version());
  try {
    publish((text) => text + "\n");
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await page.locator("#app .data-on-device", { hasText: `Versión de la información: ${version() + 1}` }).waitFor();
    // And it is the device's copy now: offline, a reload still shows it.
    await context.setOffline(true);
    await page.reload();
    await page.locator("#app .data-on-device", { hasText: `Versión de la información: ${version() + 1}` }).waitFor();
  } finally {
    restore();
  }
  await context.close();
});

for (const [what, publishBad] of [
  ["a file that does not match its hash", () => publish((text) => text.replace("}", "} "), { hashOf: (t) => t + "x" })],
  ["a malformed file with a matching hash", () => publish((text) => text.slice(0, text.length / 2))],
  ["a manifest for a newer app", () => {
    const manifest = JSON.parse(original);
    manifest.schema_version = 99;
    manifest.content_version += 5;
    writeManifest(manifest);
  }],
  ["a file that is missing (404)", () => {
    const manifest = JSON.parse(original);
    manifest.content_version += 1;
    manifest.files.push({ name: "missing.json", sha256: "0".repeat(64), bytes: 10 });
    writeManifest(manifest);
  }],
]) {
  test(`${what} is refused: the last good data stays and a notice shows`, async () => {
    const { context, page } = await openPage(env.browser);
    assert.equal(await shownVersion(page), version());
    try {
      publishBad();
      await page.evaluate(() => window.dispatchEvent(new Event("online")));
      await page.locator(".data-notice").waitFor();
      assert.equal(await shownVersion(page), version());
      await page.reload();
      assert.equal(await shownVersion(page), version(), "still the good copy after a reload");
    } finally {
      restore();
    }
    await context.close();
  });
}

test("a download cut mid-way leaves the old data whole, and a later check completes", async () => {
  const { context, page } = await openPage(env.browser);
  assert.equal(await shownVersion(page), version());
  try {
    publish((text) => text + "\n");
    // The connection drops while the new file is coming.
    await page.route("**/data/directory.json", (route) => route.abort("connectionreset"));
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await page.locator(".data-notice").waitFor();
    await page.locator("#app .data-on-device", { hasText: `Versión de la información: ${version()},` }).waitFor();
    // Back online for real: the next check takes the new version.
    await page.unroute("**/data/directory.json");
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await page.locator("#app .data-on-device", { hasText: `Versión de la información: ${version() + 1},` }).waitFor();
  } finally {
    restore();
  }
  await context.close();
});

test("a connection that comes back during the first check is not missed", async () => {
  const { context, page } = await openPage(env.browser);
  assert.equal(await shownVersion(page), version());
  // The app opens again on a slow connection: its first check has asked for the
  // manifest and its answer (the version already on the device) is still on its way
  // when a new version is published and the connection comes back.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const slow = {};
  await page.route(/\/data\/manifest\.json(\.sig)?$/, async (route) => {
    const name = route.request().url().split("/").pop();
    if (!slow[name]) {
      slow[name] = true;
      const before = await route.fetch();
      await held;
      await route.fulfill({ response: before });
    } else {
      await route.continue();
    }
  });
  try {
    const firstAsked = page.waitForRequest((request) => request.url().endsWith("/data/manifest.json"));
    await page.reload();
    await firstAsked;
    await page.locator("#app .data-on-device", { hasText: `Versión de la información: ${version()},` }).waitFor();
    publish((text) => text + "\n");
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    release();
    await page.locator("#app .data-on-device", { hasText: `Versión de la información: ${version() + 1},` }).waitFor();
  } finally {
    restore();
  }
  await context.close();
});

/** Answers the data files with a wifi sign-in page, as a captive portal does. */
function captivePortal(page) {
  return page.route("**/data/directory.json", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<html><body>Iniciar sesión en la red ficticia</body></html>" }));
}

test("a damaged version is not downloaded again at every return; 'Intentar de nuevo' tries at once", async () => {
  const { context, page } = await openPage(env.browser);
  assert.equal(await shownVersion(page), version());
  let downloads = 0;
  page.on("request", (request) => { if (request.url().endsWith("/data/directory.json")) downloads += 1; });
  const notice = page.locator(".data-notice", { hasText: "llegó incompleta o dañada" });
  try {
    publish((text) => text + "\n");
    await captivePortal(page);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await notice.waitFor();
    assert.equal(downloads, 1);
    // The person leaves and comes back: the manifest is asked for, the same bad files not.
    const manifestAsked = page.waitForResponse((response) => response.url().endsWith("/data/manifest.json"));
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    await manifestAsked;
    // Still behind the portal, the person asks to try again: checks run one after the
    // other, so by the time this one is refused a download at the return would have
    // been counted.
    // (The notice may go and come back faster than a poll can see it gone: wait for the
    // retry's download itself, then for the notice it ends in.)
    const retried = page.waitForResponse((response) => response.url().endsWith("/data/directory.json"));
    await notice.getByRole("button", { name: "Intentar de nuevo" }).click();
    await retried;
    await notice.waitFor();
    assert.equal(downloads, 2, "downloaded for the person's retry, not for the return");
    // Closing the app and opening it again (a phone does that often) waits too.
    const heldBack = page.waitForEvent("console", (message) => message.text().includes("refused before"));
    await page.reload();
    await heldBack;
    assert.equal(downloads, 2, "not downloaded again when the app starts");
    // A connection that comes back tries at once (still the portal: refused again).
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await notice.waitFor();
    assert.equal(downloads, 3);
    // Signed in to the wifi: trying again takes the new version.
    await page.unroute("**/data/directory.json");
    await notice.getByRole("button", { name: "Intentar de nuevo" }).click();
    await page.locator("#app .data-on-device", { hasText: `Versión de la información: ${version() + 1},` }).waitFor();
    assert.equal(downloads, 4);
    assert.equal(await page.evaluate(() => localStorage.getItem("rumbo.refused")), null, "forgotten once taken");
    assert.equal(await notice.count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1", "focus is not lost with the notice");
  } finally {
    restore();
  }
  await context.close();
});

test("a first visit behind a captive portal can load the content once signed in", async () => {
  const { context, page } = await openPage(env.browser);
  await captivePortal(page);
  await visit(page, env.base, "/directorio");
  const notice = page.locator(".data-notice", { hasText: "No se pudo descargar la información" });
  await notice.waitFor();
  // Opened again soon after: the refused files are not fetched again, but the person
  // is told, and can still ask.
  await page.reload();
  await notice.waitFor();
  // Closing the notice does not turn the page into "downloading…".
  await notice.getByRole("button", { name: "Cerrar aviso" }).click();
  await page.locator("main", { hasText: "El directorio necesita la información" }).waitFor();
  assert.equal(await page.locator("main", { hasText: "Descargando" }).count(), 0);
  await page.reload();
  await notice.waitFor();
  await page.unroute("**/data/directory.json");
  await notice.getByRole("button", { name: "Intentar de nuevo" }).focus();
  await page.keyboard.press("Enter");
  await page.getByLabel("Buscar").waitFor();
  assert.equal(await notice.count(), 0);
  await context.close();
});

test("with storage unavailable the app runs from memory and says offline use is off", async () => {
  const { context, page } = await openPage(env.browser);
  await page.addInitScript(() => {
    // As in some private windows: IndexedDB refuses to open.
    Object.defineProperty(window, "indexedDB", { value: { open() { throw new DOMException("blocked", "InvalidStateError"); } } });
  });
  assert.equal(await shownVersion(page), version());
  await page.locator("#app .data-on-device", { hasText: "Uso sin conexión: desactivado" }).waitFor();
  await page.locator("#app .data-on-device", { hasText: "no está guardada en este dispositivo" }).waitFor();
  await context.close();
});

test("a full disk: the new version shows for now, the last saved copy stays for next time", async () => {
  const { context, page } = await openPage(env.browser);
  // Chromium's quota override (DevTools Storage.overrideQuotaForOrigin) does not reach
  // a test's browser context, so the disk fills the way the app sees it: every write is
  // refused with the QuotaExceededError a full phone gives.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (sessionStorage.getItem("disk-full")) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return put.apply(this, args);
    };
  });
  assert.equal(await shownVersion(page), version());
  try {
    await page.evaluate(() => sessionStorage.setItem("disk-full", "1"));
    publish((text) => text + "\n");
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await page.locator(".data-notice", { hasText: "no se pudo guardar" }).waitFor();
    await page.locator("#app .data-on-device", { hasText: `Versión de la información: ${version() + 1},` }).waitFor();
    // About says which copy offline use falls back on, not that nothing is saved.
    await page.locator("#app .data-on-device", { hasText: "Esta versión no se pudo guardar en este dispositivo: sin conexión verá la versión guardada el" }).waitFor();
    // Next visit, with no network: the copy saved before the disk filled is there.
    await page.evaluate(() => sessionStorage.removeItem("disk-full"));
    await page.route("**/data/**", (route) => route.abort("internetdisconnected"));
    await page.reload();
    assert.equal(await shownVersion(page), version());
  } finally {
    restore();
  }
  await context.close();
});

test("a full disk on the first visit: shown now, and not promised for offline", async () => {
  const { context, page } = await openPage(env.browser);
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };
  });
  await visit(page, env.base, "/directorio");
  const notice = page.locator(".data-notice", { hasText: "no se pudo guardar" });
  await notice.waitFor();
  assert.match(await notice.textContent(), /sin conexión no estará disponible/);
  assert.ok(!(await notice.textContent()).includes("versión anterior"), "there is no earlier version to fall back on");
  await page.getByLabel("Buscar").waitFor(); // the content is shown all the same
  await context.close();
});

const UNDATED = "Guardada en este dispositivo (su reloj no tiene la fecha correcta).";

// The About page's "information on this device" section, opened with the clock at `when`.
async function aboutWithClockAt(page, when) {
  await page.clock.setFixedTime(new Date(when));
  await visit(page, env.base, "/acerca-de");
  return page.locator("#app .data-on-device");
}

test("a device whose clock is wrong does not say the information was saved in 2001", async () => {
  const { context, page } = await openPage(env.browser);
  const about = await aboutWithClockAt(page, "2001-01-01T12:00:00Z");
  await about.getByText(UNDATED).waitFor();
  assert.ok(!(await about.textContent()).includes("2001"), await about.textContent());
  await about.getByText("publicada el 24 de noviembre de 2026").waitFor();
  await context.close();
});

test("a copy saved while the clock was set ahead is not dated in the future once the clock is right", async () => {
  const { context, page } = await openPage(env.browser);
  const about = await aboutWithClockAt(page, "2027-09-01T12:00:00Z");
  await about.getByText("Guardada en este dispositivo el 1 de septiembre de 2027.").waitFor();
  await page.clock.setFixedTime(new Date("2026-11-26T12:00:00Z"));
  await page.reload();
  await about.getByText(UNDATED).waitFor();
  assert.ok(!(await about.textContent()).includes("2027"), await about.textContent());
  await context.close();
});

test("open now is judged on the entry's own clock", async () => {
  const { context, page } = await openPage(env.browser);
  // Monday 23 November 2026, 10:00 in Guatemala (UTC−6): the fixture opens 08:00–16:00.
  await page.clock.setFixedTime(new Date("2026-11-23T16:00:00Z"));
  await visit(page, env.base, "/directorio/centro-ficticio");
  await page.locator(".open-now.open", { hasText: "cierra a las 16:00" }).waitFor();
  // 17:00 in Guatemala is already 23:00 UTC: closed there.
  await page.clock.setFixedTime(new Date("2026-11-23T23:00:00Z"));
  await page.reload();
  await page.locator(".open-now.closed").waitFor();
  // The week from Monday, a day not listed as closed, the zone by its place.
  const rows = await page.locator(".hours tr").evaluateAll((rows) => rows.map((r) => r.textContent));
  assert.deepEqual(rows, [
    "Lunes08:00–16:00", "MartesCerrado", "MiércolesCerrado", "JuevesCerrado", "ViernesCerrado",
    "Sábado09:00–12:00", "DomingoAbierto las 24 horas",
  ]);
  assert.equal(await page.locator(".hours caption").textContent(), "Hora local de Guatemala");
  // Open round the clock on Sunday: open, not "closes at 24:00".
  await page.clock.setFixedTime(new Date("2026-11-29T18:00:00Z"));
  await page.reload();
  await page.locator(".open-now.open").waitFor();
  assert.equal(await page.locator(".open-now").textContent(), "Abierto ahora");
  await context.close();
});

test("a data update while the person is answering keeps their answers", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/opciones");
  await page.getByRole("button", { name: "Empezar" }).click();
  await page.getByRole("button", { name: "18 o más" }).click();
  await page.getByRole("button", { name: "Ver mis opciones" }).click();
  await page.locator(".outcome h3", { hasText: "Resultado ficticio" }).waitFor();
  try {
    publish((text) => text + "\n");
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await page.getByRole("navigation").getByRole("link", { name: "Acerca de" }).click();
    await page.locator("#app .data-on-device", { hasText: `Versión de la información: ${version() + 1},` }).waitFor();
    await page.getByRole("navigation").getByRole("link", { name: "¿Cuáles son mis opciones?" }).click();
    await page.locator(".outcome h3", { hasText: "Resultado ficticio" }).waitFor();
  } finally {
    restore();
  }
  await context.close();
});
