// Shared devices as the centre uses them: a kiosk tablet that forgets each person
// (idle warning, reset, "Finish"), shows QR codes instead of links out, and needs the
// staff PIN to be switched off; and an outreach phone that counts anonymous tallies
// offline and exports them as CSV. Runs on the fictitious fixture data.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, axeViolations, controlledByServiceWorker, launch, openPage, visit } from "./support.mjs";
import { writeFixtureData } from "./fixture-data.mjs";

let env;
let copy;
before(async () => {
  copy = mkdtempSync(join(tmpdir(), "rumbo-kiosk-"));
  cpSync(DIST, copy, { recursive: true });
  writeFixtureData(join(copy, "data"));
  env = await launch({ dir: copy });
});
after(async () => {
  await env?.close();
  rmSync(copy, { recursive: true, force: true });
});

const PIN = "2468";
/** The device settings staff would have saved, hashed as the app hashes a PIN. */
function settings(mode, extra = {}) {
  const salt = "fixture-salt";
  const sha256 = createHash("sha256").update(`rumbo-pin:${salt}:${PIN}`).digest("hex");
  return { mode, pin: { salt, sha256 }, idle_seconds: 90, warning_seconds: 20, ...extra };
}

/** Opens the app once, stores the device settings, and reloads on the start page. */
async function device(page, value) {
  await visit(page, env.base, "/acerca-de");
  await page.evaluate((v) => localStorage.setItem("rumbo.device", JSON.stringify(v)), value);
  await visit(page, env.base, "/");
}

/** Everything the browser keeps for the app's origin, as text. */
async function storedEverywhere(page) {
  return page.evaluate(async () => {
    const local = Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
    const session = Object.keys(sessionStorage);
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open("rumbo");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const settingsKeys = await new Promise((resolve) => {
      const request = db.transaction("settings").objectStore("settings").getAllKeys();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return { local, session, settingsKeys };
  });
}

/** From the kiosk's welcome screen to the fixture's first question; its heading. */
async function firstQuestion(page) {
  await page.locator("main").getByRole("link", { name: "¿Cuáles son mis opciones?" }).click();
  await page.getByRole("button", { name: "Empezar" }).click();
  const question = page.getByRole("heading", { name: /¿Qué edad tiene\?/ });
  await question.waitFor();
  return question;
}

/** Opens the staff settings with the PIN, at the outreach tallies' table. */
async function openTallies(page) {
  await visit(page, env.base, "/ajustes");
  await page.getByLabel("PIN del personal").fill(PIN);
  await page.getByRole("button", { name: "Desbloquear" }).click();
  await page.locator(".tallies-table").waitFor();
}

/** The fixture's one question, answered, up to its results. */
async function completeAssessment(page, lang = "es") {
  const words = lang === "es"
    ? { tool: "¿Cuáles son mis opciones?", start: "Empezar", answer: "18 o más", results: "Ver mis opciones", outcome: "Resultado ficticio" }
    : { tool: "What are my options?", start: "Start", answer: "18 or more", results: "See my options", outcome: "Fictitious outcome" };
  await page.getByRole("navigation").getByRole("link", { name: words.tool }).click();
  await page.getByRole("button", { name: words.start }).click();
  await page.getByRole("button", { name: words.answer, exact: true }).click();
  await page.getByRole("button", { name: words.results }).click();
  await page.locator(".outcome h3", { hasText: words.outcome }).waitFor();
}

test("staff make a device a kiosk with a PIN, and only the PIN turns it off", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/ajustes");
  // No password field: the browser would offer to save the PIN and, on a kiosk, fill it
  // in for anyone. The PIN fields are masked all the same.
  assert.equal(await page.locator('input[type="password"]').count(), 0);
  const pinField = page.locator("#settings-new-pin");
  assert.equal(await pinField.getAttribute("autocomplete"), "off");
  assert.equal(await pinField.evaluate((el) => getComputedStyle(el).webkitTextSecurity), "disc");
  await page.getByLabel(/Quiosco/).check();
  await page.getByRole("button", { name: "Guardar y reiniciar" }).click();
  await page.getByText("necesitan un PIN").waitFor();
  // The field to correct takes focus, marked invalid and described by the message.
  const newPin = page.getByLabel(/PIN nuevo/);
  await page.waitForFunction(() => document.activeElement?.id === "settings-new-pin");
  assert.equal(await newPin.getAttribute("aria-invalid"), "true");
  assert.match(await page.locator(`#${await newPin.getAttribute("aria-describedby")}`).textContent(), /necesitan un PIN/);
  assert.equal(await page.getByLabel(/Segundos sin uso/).getAttribute("aria-invalid"), "false");

  await newPin.fill(PIN);
  await page.getByRole("button", { name: "Guardar y reiniciar" }).click();
  await page.locator("main h1", { hasText: "Bienvenida, bienvenido" }).first().waitFor();
  assert.ok(await page.locator("body.kiosk").count(), "kiosk styles on");
  const stored = await page.evaluate(() => localStorage.getItem("rumbo.device"));
  assert.match(stored, /"mode":"kiosk"/);
  assert.ok(!stored.includes(PIN), `the PIN is stored hashed: ${stored}`);
  assert.deepEqual(await axeViolations(page), [], "welcome screen");

  // Holding the app's name opens the settings, which ask for the PIN.
  await page.locator(".brand-name").dispatchEvent("pointerdown");
  await page.locator("main h1", { hasText: "Ajustes del dispositivo" }).first().waitFor({ timeout: 6000 });
  await page.getByLabel("PIN del personal").fill("1111");
  await page.getByRole("button", { name: "Desbloquear" }).click();
  await page.getByText("El PIN no es correcto.").waitFor();
  assert.equal(await page.getByLabel(/Personal:/).count(), 0, "nothing to change while locked");
  await page.getByLabel("PIN del personal").fill(PIN);
  await page.getByRole("button", { name: "Desbloquear" }).click();
  await page.getByLabel(/Personal:/).check();
  await page.getByRole("button", { name: "Guardar y reiniciar" }).click();
  await page.locator("main h1", { hasText: "Información veraz" }).first().waitFor();
  assert.equal(await page.locator("body.kiosk").count(), 0);
  await context.close();
});

test("an idle kiosk warns, 'I'm still here' keeps the session, then the reset forgets the person", async () => {
  const { context, page } = await openPage(env.browser);
  await device(page, settings("kiosk", { idle_seconds: 2, warning_seconds: 4 }));
  await page.locator("main h1", { hasText: "Bienvenida, bienvenido" }).first().waitFor();
  const historyAtStart = await page.evaluate(() => history.length);

  await page.locator(".welcome-languages").getByRole("button", { name: "English" }).click();
  await page.locator("html[lang=en]").waitFor();
  await page.locator("main").getByRole("link", { name: "What are my options?" }).click();
  await page.getByRole("button", { name: "Start" }).click();
  await page.getByRole("button", { name: "18 or more", exact: true }).click();
  await page.getByRole("heading", { name: "Check your answers" }).waitFor();

  const warning = page.getByRole("alertdialog", { name: "Are you still there?" });
  await warning.waitFor({ timeout: 10_000 });
  assert.match(await warning.textContent(), /in \d seconds/);
  // The answers behind it can be neither seen nor reached by a screen reader.
  assert.equal(await warning.evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(11, 31, 43)", "the overlay is opaque");
  assert.deepEqual(await page.evaluate(() => ["header", "main", "footer"].map((tag) => document.querySelector(tag).closest("[inert]") !== null)), [true, true, true]);
  await page.getByRole("button", { name: "I'm still here" }).click();
  await warning.waitFor({ state: "detached" });
  await page.getByRole("heading", { name: "Check your answers" }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Check your answers", "focus is back where the person was");
  assert.equal(await page.locator("[inert]").count(), 0, "the page is usable again");

  // A touch anywhere on the warning but its buttons also says the person is there.
  await warning.waitFor({ timeout: 10_000 });
  await page.getByRole("heading", { name: "Are you still there?" }).click();
  await warning.waitFor({ state: "detached" });
  await page.getByRole("heading", { name: "Check your answers" }).waitFor();

  // This time nobody answers the warning; the last second is said in the singular.
  await warning.waitFor({ timeout: 10_000 });
  await warning.getByText("in 1 second ").waitFor({ timeout: 6_000 });
  await page.locator("main h1", { hasText: "Bienvenida, bienvenido" }).first().waitFor({ timeout: 15_000 });
  await page.locator("html[lang=es]").waitFor();
  assert.equal(new URL(page.url()).pathname + new URL(page.url()).hash, "/");
  assert.equal(await page.evaluate(() => history.length), historyAtStart, "no history entry was added");
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  const html = await page.content();
  for (const trace of ["18 or more", "18 o más", "Check your answers", "Revise sus respuestas"]) {
    assert.ok(!html.includes(trace), `"${trace}" is gone from the page`);
  }
  const stored = await storedEverywhere(page);
  // The content version the device shows (for prerendered pages, docs/rendering.md) is
  // the device's, like its settings, not the person's.
  assert.deepEqual(Object.keys(stored.local).sort(), ["rumbo.content-version", "rumbo.device"], "only the device's own settings stay");
  assert.deepEqual(stored.session, []);
  assert.deepEqual(stored.settingsKeys, [], "nothing of the person in IndexedDB");
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a clock that jumps (the tablet setting its time) neither wipes a person mid-answer nor keeps them", async () => {
  const { context, page } = await openPage(env.browser);
  await device(page, settings("kiosk", { idle_seconds: 2, warning_seconds: 4 }));
  const question = await firstQuestion(page);

  // Five years forward: nobody has been away for five years.
  await page.evaluate(() => { const real = Date.now; Date.now = () => real() + 5 * 365 * 86_400_000; });
  await page.waitForTimeout(1_500);
  assert.equal(await question.count(), 1, "still on the question after the clock jumped forward");
  assert.equal(await page.getByRole("alertdialog").count(), 0);

  // Ten years back: the person's idle time still counts, and the reset still comes.
  await page.evaluate(() => { const real = Date.now; Date.now = () => real() - 10 * 365 * 86_400_000; });
  await page.locator("main h1", { hasText: "Bienvenida, bienvenido" }).first().waitFor({ timeout: 15_000 });
  await context.close();
});

test("a kiosk that slept with its screen off longer than the idle time forgets the person on waking", async () => {
  const { context, page } = await openPage(env.browser);
  await device(page, settings("kiosk", { idle_seconds: 60, warning_seconds: 20 }));
  await firstQuestion(page);
  // The screen goes off and the tablet sleeps for five minutes (performance.now does
  // not advance in deep sleep, the wall clock does), then it wakes.
  await page.evaluate(async () => {
    const setHidden = (hidden) => {
      Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
      document.dispatchEvent(new Event("visibilitychange"));
    };
    setHidden(true);
    const real = Date.now;
    Date.now = () => real() + 5 * 60_000;
    setHidden(false);
  });
  await page.locator("main h1", { hasText: "Bienvenida, bienvenido" }).first().waitFor({ timeout: 5_000 });
  await context.close();
});

test("a person listening to an option read aloud is not warned away", async () => {
  const { context, page } = await openPage(env.browser);
  // Headless Chromium has no voices: a stand-in that is reading until told to stop.
  await page.addInitScript(() => {
    const synthesis = { speaking: true, speak() {}, cancel() { this.speaking = false; }, getVoices: () => [] };
    Object.defineProperty(window, "speechSynthesis", { value: synthesis, configurable: true });
  });
  await device(page, settings("kiosk", { idle_seconds: 2, warning_seconds: 4 }));
  await firstQuestion(page);
  await page.waitForTimeout(4_000);
  assert.equal(await page.getByRole("alertdialog").count(), 0, "no warning while it reads");
  await page.evaluate(() => { window.speechSynthesis.speaking = false; });
  await page.getByRole("alertdialog").waitFor({ timeout: 6_000 });
  await context.close();
});

test("time idle before the screen went off counts with the time it was off", async () => {
  const { context, page } = await openPage(env.browser);
  await device(page, settings("kiosk", { idle_seconds: 30, warning_seconds: 20 }));
  const question = await firstQuestion(page);
  // The person leaves; two seconds later the screen goes off, and the next person wakes
  // the tablet 49 s after that: 51 s in all, past the 50 s of idle time and warning.
  await page.waitForTimeout(2_000);
  await page.evaluate(() => {
    const setHidden = (hidden) => {
      Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
      document.dispatchEvent(new Event("visibilitychange"));
    };
    setHidden(true);
    const real = Date.now;
    Date.now = () => real() + 49_000;
    setHidden(false);
  });
  await page.locator("main h1", { hasText: "Bienvenida, bienvenido" }).first().waitFor({ timeout: 5_000 });
  assert.equal(await question.count(), 0);
  await context.close();
});

test("on shared devices, Back stays in the app and Forward does not reopen the last page", async () => {
  for (const mode of ["kiosk", "outreach"]) {
    const { context, page } = await openPage(env.browser);
    await device(page, settings(mode));
    const origin = new URL(env.base).origin;
    if (mode === "kiosk") {
      await firstQuestion(page);
    } else {
      await page.getByRole("navigation").getByRole("link", { name: "¿Cuáles son mis opciones?" }).click();
      await page.getByRole("button", { name: "Empezar" }).click();
      await page.getByRole("heading", { name: /¿Qué edad tiene\?/ }).waitFor();
    }
    // The Android back gesture, twice: the app is still there, at its start.
    for (let i = 0; i < 2; i++) {
      await page.goBack();
      assert.equal(new URL(page.url()).origin, origin, `${mode}: Back left the app`);
      await page.locator("main h1").first().waitFor();
    }
    assert.equal(await page.evaluate(() => navigation.canGoForward), false, `${mode}: nothing to go Forward to`);
    await context.close();
  }
});

test("on a kiosk, answering adds no history entry the next person could go back to", async () => {
  const { context, page } = await openPage(env.browser);
  await device(page, settings("kiosk"));
  const before = await page.evaluate(() => history.length);
  await firstQuestion(page);
  await page.getByRole("button", { name: "18 o más", exact: true }).click();
  await page.getByRole("button", { name: "Ver mis opciones" }).waitFor();
  assert.equal(await page.evaluate(() => history.length), before);
  await context.close();
});

test("'Finish' forgets the person at once", async () => {
  const { context, page } = await openPage(env.browser);
  await device(page, settings("kiosk"));
  await completeAssessment(page);
  await page.getByRole("button", { name: "Terminar" }).click();
  await page.locator("main h1", { hasText: "Bienvenida, bienvenido" }).first().waitFor();
  // The welcome page never shows results: what must be gone is the answers behind it.
  // Kept, the assessment would reopen on the last person's results.
  await page.locator("main").getByRole("link", { name: "¿Cuáles son mis opciones?" }).click();
  await page.locator("main h1", { hasText: "¿Cuáles son mis opciones?" }).first().waitFor();
  await page.getByRole("button", { name: "Empezar", exact: true }).waitFor();
  assert.equal(await page.locator(".outcome").count(), 0, "the assessment starts afresh");
  await context.close();
});

test("Forward cannot reopen a page the previous person saw, after Back or after 'Finish'", async () => {
  const { context, page } = await openPage(env.browser);
  await device(page, settings("kiosk"));
  const onWelcome = async () => {
    await page.locator("main h1", { hasText: "Bienvenida, bienvenido" }).first().waitFor();
    assert.equal(new URL(page.url()).pathname, "/");
  };

  // A person opens a contact, then goes Back (the Android back gesture) and walks away:
  // the app starts afresh on the welcome page, and the contact must not be Forward.
  await visit(page, env.base, "/directorio/centro-ficticio");
  await page.goBack();
  await onWelcome();
  await page.goForward();
  await onWelcome();

  // Forward entries the app did not see being made (a page restored from the browser's
  // cache keeps them) go when the person taps 'Finish'.
  await page.evaluate(() => { history.pushState(null, "", "/directorio/centro-ficticio"); history.back(); });
  await page.waitForFunction(() => location.pathname === "/" && navigation.canGoForward);
  await page.getByRole("button", { name: "Terminar" }).click();
  await page.waitForFunction(() => document.readyState === "complete" && !navigation.canGoForward);
  await onWelcome();
  await page.goForward();
  await onWelcome();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("on a shared device the browser is not let remember the place a person types", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/directorio");
  assert.equal(await page.locator("#place-region").getAttribute("autocomplete"), "address-level1", "a personal phone may");
  await device(page, settings("outreach"));
  await visit(page, env.base, "/directorio");
  assert.equal(await page.locator("#place-region").getAttribute("autocomplete"), "off");
  await context.close();
});

test("each 'Copiar número' button names the number it copies, grouped to read, copied to dial", async () => {
  const { context, page } = await openPage(env.browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await visit(page, env.base, "/directorio/centro-ficticio");
  // Read as the country writes it, not as twelve digits in a row.
  await page.getByRole("link", { name: "Llamar al +1 555 010 0123" }).waitFor();
  const copy = page.getByRole("button", { name: "Copiar número +1 555 010 0123" });
  await copy.click();
  await page.getByRole("button", { name: "Copiado. +1 555 010 0123" }).waitFor();
  // What is pasted into a phone's dialler is the number as stored, without spaces.
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "+15550100123");
  await context.close();
});

test("a hotline's short number is called as it is dialled", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/directorio/centro-ficticio");
  const call = page.getByRole("link", { name: "Llamar al 555" });
  assert.equal(await call.getAttribute("href"), "tel:555");
  await page.locator(".contact-note", { hasText: "Línea ficticia" }).waitFor();
  await context.close();
});

test("on the kiosk, calls, email and websites are QR codes, never links out", async () => {
  const { context, page } = await openPage(env.browser);
  await device(page, settings("kiosk"));
  await visit(page, env.base, "/directorio/centro-ficticio");
  await page.locator("main h1", { hasText: "Centro Ficticio de Pruebas" }).first().waitFor();
  const outward = await page.locator('a[href^="tel:"], a[href^="mailto:"], a[href^="https:"], a[href^="geo:"], a[target="_blank"]').count();
  assert.equal(outward, 0, "no link leaves the app");
  assert.equal(await page.getByRole("button", { name: /favorito/i }).count(), 0, "no favourites on a shared tablet");
  await page.getByText("Llamar al +1 555 010 0123").click();
  const qr = page.getByRole("img", { name: "Código QR de +1 555 010 0123" });
  await qr.waitFor();
  assert.deepEqual(await axeViolations(page), [], "entry page on the kiosk");
  await context.close();
});

test("on the kiosk, a contact opened from the results leads back to them", async () => {
  const { context, page } = await openPage(env.browser);
  await device(page, settings("kiosk"));
  await completeAssessment(page);
  await page.locator(".outcome").getByRole("link", { name: "Centro Ficticio de Pruebas" }).click();
  await page.locator("main h1", { hasText: "Centro Ficticio de Pruebas" }).first().waitFor();
  // No history on a kiosk: the page itself must offer the way back.
  await page.getByRole("link", { name: "Volver a mis opciones" }).click();
  await page.locator(".outcome h3", { hasText: "Resultado ficticio" }).waitFor();
  // Back at the link they followed, not at the top of the results.
  await page.waitForFunction(() => document.activeElement?.textContent === "Centro Ficticio de Pruebas");
  // Gone on to the directory, the same contact leads back to the directory.
  await page.getByRole("navigation").getByRole("link", { name: "Directorio" }).click();
  await page.locator(".result").getByRole("link", { name: "Centro Ficticio de Pruebas" }).click();
  await page.locator("main h1", { hasText: "Centro Ficticio de Pruebas" }).first().waitFor();
  await page.getByRole("link", { name: "Volver al directorio" }).waitFor();
  assert.equal(await page.getByRole("link", { name: "Volver a mis opciones" }).count(), 0);
  await context.close();
});

test("outreach: three people offline, 'Next person' between them, and a CSV of counts without answers", async () => {
  const { context, page } = await openPage(env.browser, { acceptDownloads: true });
  await device(page, settings("outreach"));
  // Offline only once the data is on the device and the service worker serves the app.
  await visit(page, env.base, "/acerca-de");
  await page.locator("#app .data-on-device", { hasText: "Guardada en este dispositivo" }).waitFor();
  await controlledByServiceWorker(page);
  await context.setOffline(true);
  await visit(page, env.base, "/");
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  });

  for (let person = 0; person < 3; person++) {
    await completeAssessment(page);
    if (person === 0) {
      // Looking at the results again after checking the answers, starting again, or
      // opening a contact twice is the same person, counted once.
      await page.getByRole("button", { name: "Revisar mis respuestas" }).click();
      await page.getByRole("button", { name: "Ver mis opciones" }).click();
      await page.locator(".outcome h3", { hasText: "Resultado ficticio" }).waitFor();
      await page.getByRole("button", { name: "Empezar de nuevo" }).click();
      await page.getByRole("button", { name: "Empezar" }).waitFor();
      assert.equal(await page.getByRole("button", { name: "Recuperar mis respuestas" }).count(), 0,
        "on a shared device, answers cleared are not kept for whoever comes next");
      await completeAssessment(page);
      for (let look = 0; look < 2; look++) {
        await page.locator(".outcome").getByRole("link", { name: "Centro Ficticio de Pruebas" }).click();
        await page.locator("main h1", { hasText: "Centro Ficticio de Pruebas" }).first().waitFor();
        await page.getByRole("link", { name: "Volver a mis opciones" }).click();
        await page.locator(".outcome h3", { hasText: "Resultado ficticio" }).waitFor();
      }
    }
    await page.getByRole("button", { name: "Siguiente persona" }).click();
    await page.locator("main h1", { hasText: "Información veraz" }).first().waitFor();
    assert.ok(!(await page.content()).includes("Resultado ficticio"), "the last person's results are gone");
  }
  await page.locator("main").getByRole("link", { name: "Buscar un contacto" }).click();
  await page.getByRole("link", { name: "Centro Ficticio de Pruebas" }).click();
  await page.locator("main h1", { hasText: "Centro Ficticio de Pruebas" }).first().waitFor();

  await openTallies(page);
  assert.equal(await page.evaluate(() => document.activeElement.matches("main h1")), true, "focus on the heading once unlocked");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Descargar CSV" }).click()]);
  const saved = join(copy, "conteos.csv");
  await download.saveAs(saved); // throws if the download failed or was cancelled
  const csv = readFileSync(saved, "utf8");
  assert.equal(
    csv,
    "fecha,medida,clave,cantidad\n" +
      `${today},evaluaciones_completadas,,3\n` +
      `${today},opcion_mostrada,fixture-outcome,3\n` +
      `${today},contactos_abiertos,resource_centre,2\n`,
  );

  const focused = () => page.evaluate(() => document.activeElement.textContent);
  await page.getByRole("button", { name: "Borrar conteos" }).click();
  assert.equal(await focused(), "Cancelar", "the confirmation takes focus on the safe answer");
  await page.getByRole("button", { name: "Cancelar" }).click();
  assert.equal(await focused(), "Borrar conteos", "focus returns to the button that asked");
  await page.getByRole("button", { name: "Borrar conteos" }).click();
  await page.getByRole("button", { name: "Sí, borrar" }).click();
  await page.getByText("Aún no hay conteos en este dispositivo.").waitFor();
  assert.equal(await focused(), "Conteos anónimos", "focus goes to the section once its button is gone");
  assert.deepEqual(page.errors.filter((e) => !e.includes("ERR_INTERNET_DISCONNECTED")), []);
  await context.close();
});

test("after five wrong PINs the next try waits, across a reload, and the right PIN then unlocks", async () => {
  const { context, page } = await openPage(env.browser);
  await device(page, settings("kiosk"));
  await visit(page, env.base, "/ajustes");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("PIN del personal").fill("0000");
    await page.getByRole("button", { name: "Desbloquear" }).click();
    await page.getByText("El PIN no es correcto.").waitFor();
  }
  await page.reload();
  await page.getByLabel("PIN del personal").fill(PIN);
  await page.getByRole("button", { name: "Desbloquear" }).click();
  await page.getByRole("alert").filter({ hasText: "Vuelva a probar en 1 min." }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Guardar y reiniciar" }).count(), 0, "still locked, even with the right PIN");
  // Half a minute later (as if): the right PIN unlocks.
  await page.evaluate(() => {
    const [count, wall, mono] = localStorage.getItem("rumbo.pin-tries").split(",").map(Number);
    localStorage.setItem("rumbo.pin-tries", `${count},${wall - 31_000},${mono - 31_000}`);
  });
  await page.getByRole("button", { name: "Desbloquear" }).click();
  await page.getByRole("button", { name: "Guardar y reiniciar" }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("rumbo.pin-tries")), null, "the count starts again");
  // The old SHA-256 hash the fixture stored is replaced by a PBKDF2 one, which still opens it.
  const pin = JSON.parse(await page.evaluate(() => localStorage.getItem("rumbo.device"))).pin;
  assert.equal(pin.iterations, 600000);
  assert.match(pin.pbkdf2_sha256, /^[0-9a-f]{64}$/);
  assert.match(pin.salt, /^[0-9a-f]{32}$/);
  assert.equal(pin.sha256, undefined);
  await visit(page, env.base, "/ajustes");
  await page.getByLabel("PIN del personal").fill(PIN);
  await page.getByRole("button", { name: "Desbloquear" }).click();
  await page.getByRole("button", { name: "Guardar y reiniciar" }).waitFor();
  await context.close();
});

test("a shared device fails closed and forgets everything", async () => {
  const { context, page } = await openPage(env.browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const locked = async (why) => {
    await visit(page, env.base, "/ajustes");
    await page.getByRole("alert").filter({ hasText: "nadie puede cambiarlos desde aquí" }).waitFor();
    assert.equal(await page.getByRole("button", { name: "Guardar y reiniciar" }).count(), 0, `${why}: nothing to save`);
    assert.equal(await page.getByRole("radio").count(), 0, `${why}: no mode to choose`);
    assert.equal(await page.getByRole("button", { name: "Desbloquear" }).count(), 0, `${why}: no PIN to try`);
  };
  // Three records this version cannot read, none with a PIN it can read: not JSON at all,
  // a PIN of the wrong kind, and a mode it does not know.
  await visit(page, env.base, "/acerca-de");
  await page.evaluate(() => localStorage.setItem("rumbo.device", "{\"mode\":\"kiosk\",\"pin\":"));
  await visit(page, env.base, "/");
  await page.locator("main h1", { hasText: "Bienvenida, bienvenido" }).first().waitFor();
  await locked("a record cut short");
  await device(page, { mode: "outreach", pin: 2468, idle_seconds: 90 });
  await locked("an unreadable PIN");
  await device(page, { mode: "library", idle_seconds: -5 });
  await page.locator("main h1", { hasText: "Bienvenida, bienvenido" }).first().waitFor();
  await locked("an unknown mode");

  // With a PIN it can still read, the PIN opens it, and the damage is reported.
  await device(page, settings("library", { idle_seconds: -5 }));
  await visit(page, env.base, "/ajustes");
  await page.getByRole("alert").filter({ hasText: "no se pudo leer" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Guardar y reiniciar" }).count(), 0, "locked until the PIN");
  await page.getByLabel("PIN del personal").fill(PIN);
  await page.getByRole("button", { name: "Desbloquear" }).click();
  assert.equal(await page.getByLabel(/Quiosco:/).isChecked(), true, "the form shows what the device does now");

  // A kiosk pinned by its start address stays one when its storage is gone.
  await page.evaluate(() => localStorage.clear());
  await visit(page, env.base, "/?dispositivo=kiosco");
  await page.locator("main h1", { hasText: "Bienvenida, bienvenido" }).first().waitFor();
  await locked("a pinned kiosk with no settings");

  // Outreach: the next person finds neither the share link nor, by Back, the last page.
  await context.clearCookies();
  const fresh = await context.newPage();
  await page.close();
  await device(fresh, settings("outreach"));
  await completeAssessment(fresh);
  await fresh.getByRole("button", { name: "Copiar enlace" }).click();
  assert.match(await fresh.evaluate(() => navigator.clipboard.readText()), /#/, "the share link was copied");
  await fresh.getByRole("button", { name: "Siguiente persona" }).click();
  await fresh.locator("main h1", { hasText: "Información veraz" }).first().waitFor();
  await fresh.waitForFunction(() => document.readyState === "complete");
  assert.equal(await fresh.evaluate(() => navigator.clipboard.readText()), "", "the clipboard is empty");
  await fresh.goBack();
  await fresh.waitForTimeout(1_500);
  await fresh.locator("main h1").first().waitFor();
  assert.equal(await fresh.locator(".outcome").count(), 0, "Back does not show the last person's results");
  assert.ok(!(await fresh.content()).includes("Resultado ficticio"));
  await context.close();
});

test("outreach: tallies the device cannot read can be cleared, and counting starts again", async () => {
  const { context, page } = await openPage(env.browser);
  await device(page, settings("outreach"));
  await visit(page, env.base, "/ajustes");
  // As a damaged record, or one from another version, could be.
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open("rumbo");
    open.onsuccess = () => {
      const tx = open.result.transaction("settings", "readwrite");
      tx.objectStore("settings").put({ days: "junk" }, "tallies");
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  }));
  await page.reload();
  await page.getByLabel("PIN del personal").fill(PIN);
  await page.getByRole("button", { name: "Desbloquear" }).click();
  await page.getByText("No se pudieron leer ni guardar los conteos").waitFor();
  await page.getByRole("button", { name: "Borrar conteos" }).click();
  await page.getByRole("button", { name: "Sí, borrar" }).click();
  await page.getByText("Aún no hay conteos en este dispositivo.").waitFor();
  // Counting works again.
  await page.getByRole("navigation").getByRole("link", { name: "Directorio" }).click();
  await page.getByRole("link", { name: "Centro Ficticio de Pruebas" }).click();
  await page.locator("main h1", { hasText: "Centro Ficticio de Pruebas" }).first().waitFor();
  await openTallies(page);
  await context.close();
});

test("on the kiosk every control is at least 48 px, text is not selectable and there is no context menu", async () => {
  const { context, page } = await openPage(env.browser, { viewport: { width: 800, height: 1280 } });
  await device(page, settings("kiosk"));
  for (const path of ["/", "/opciones", "/directorio", "/directorio/centro-ficticio"]) {
    await visit(page, env.base, path);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll("main a[href], main button, main summary, header a[href], header button, select, input")]
        .filter((el) => el.getClientRects().length > 0 && !el.classList.contains("skip-link"))
        .map((el) => ({ html: el.outerHTML.slice(0, 80), height: el.getBoundingClientRect().height }))
        .filter(({ height }) => height < 48),
    );
    assert.deepEqual(small, [], `${path}: controls under 48 px`);
  }
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).userSelect), "none");
  const menuBlocked = await page.evaluate(() => !document.querySelector("main h1").dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true })));
  assert.ok(menuBlocked, "the context menu is suppressed");
  await context.close();
});
