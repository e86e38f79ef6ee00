// The offer check ("¿Es real esta oferta de trabajo?", /oferta) with the shipped data, as
// people use it: from the home page to the result by keyboard, in Spanish and English,
// the three personas of tests/offer_flow.rs, offline after one visit, its share link,
// and on the kiosk the SeasonalJobs and Mintrab links as QR codes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { launch, openPage, visit, axeViolations, controlledByServiceWorker } from "./support.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const WORDS = {
  es: { cta: "Revisar una oferta", start: "Empezar", next: "Continuar", results: "Ver mis opciones", check: "Revise sus respuestas" },
  en: { cta: "Check an offer", start: "Start", next: "Continue", results: "See my options", check: "Check your answers" },
};

// [kind, Spanish, English]; "boxes" ticks each label then goes on.
const WHATSAPP_CANADA = [
  ["choice", "Por WhatsApp, Telegram o mensaje de texto", "By WhatsApp, Telegram or text message"],
  ["choice", "Canadá", "Canada"],
  ["choice", "Un reclutador, agencia o «tramitador» privado", "A private recruiter, agency or «fixer»"],
  ["boxes", ["Dinero «para la visa»"], ["Money «for the visa»"]],
  ["boxes", ["Que la visa es segura o garantizada"], ["That the visa is certain or guaranteed"]],
  ["choice", "No lo sé", "I don't know"],
  ["choice", "No, nada por escrito", "No, nothing in writing"],
  ["choice", "No", "No"],
];
const MINTRAB_US = [
  ["choice", "El Ministerio de Trabajo (Mintrab): su plataforma, una oficina o una feria de empleo", "The Ministry of Labour (Mintrab): its platform, an office or a job fair"],
  ["choice", "Estados Unidos", "United States"],
  ["choice", "El Programa de Trabajo Temporal del Mintrab", "The Mintrab's Temporary Work Programme"],
  ["boxes", [], []],
  ["boxes", [], []],
  ["choice", "Sí, con el empleador, el lugar, el salario, las fechas y un número de caso o de petición", "Yes, with the employer, place, wage, dates and a case or petition number"],
  ["choice", "No", "No"],
];
const PAID_US = [
  ["choice", "Una persona de la comunidad, o por la radio comunitaria", "A person in the community, or community radio"],
  ["choice", "Estados Unidos", "United States"],
  ["choice", "Un reclutador, agencia o «tramitador» privado", "A private recruiter, agency or «fixer»"],
  ["boxes", ["Dinero por el trámite, la inscripción o un lugar en la lista"], ["Money for the process, to sign up or for a place on the list"]],
  ["boxes", [], []],
  ["choice", "Sí, dice que está inscrito", "Yes, they say they are registered"],
  ["choice", "Algunos datos, pero sin número de caso o de petición", "Some details, but no case or petition number"],
  ["choice", "Sí", "Yes"],
];

/** Presses a control with the keyboard only: focus moves to it, Enter (or Space) acts. */
async function press(locator, key = "Enter") {
  await locator.focus();
  await locator.page().keyboard.press(key);
}

async function answer(page, [kind, es, en], lang) {
  const label = lang === "es" ? es : en;
  const main = page.locator("main");
  await main.locator("h2.question-prompt").waitFor();
  if (kind === "choice") await press(main.getByRole("button", { name: label, exact: true }));
  if (kind === "boxes") {
    for (const box of label) await press(main.getByLabel(box, { exact: true }), "Space");
    await press(main.getByRole("button", { name: WORDS[lang].next }));
  }
}

/** From the home page to the check's result, keyboard only. */
async function fromHome(page, steps, lang) {
  await visit(page, env.base, "/");
  if (lang === "en") {
    await page.getByRole("button", { name: "English" }).click();
    await page.locator("html[lang=en]").waitFor();
  }
  await press(page.locator("main").getByRole("link", { name: WORDS[lang].cta }));
  await press(page.getByRole("button", { name: WORDS[lang].start }));
  for (const step of steps) await answer(page, step, lang);
  await page.getByRole("heading", { name: WORDS[lang].check }).waitFor();
  await press(page.getByRole("button", { name: WORDS[lang].results }));
  await page.locator(".outcome").first().waitFor();
  return page.locator(".outcome h3").allTextContents();
}

const EXPECTED = {
  es: ["Señal de alerta: le piden dinero «para la visa»", "Señal de alerta: le garantizan la visa", "Señal de alerta: la oferta llegó por un canal informal", "Cómo comprobar la oferta en Guatemala", "Cómo comprobar una oferta de Canadá", "Dónde denunciar una oferta falsa"],
  en: ["Warning sign: they ask for money «for the visa»", "Warning sign: they guarantee the visa", "Warning sign: the offer came through an informal channel", "How to check the offer in Guatemala", "How to check a Canadian offer", "Where to report a fake offer"],
};

for (const lang of ["es", "en"]) {
  test(`an offer by WhatsApp for Canada asking money for the visa, from home to its result by keyboard (${lang})`, async () => {
    const { context, page } = await openPage(env.browser);
    const titles = await fromHome(page, WHATSAPP_CANADA, lang);
    for (const title of EXPECTED[lang]) assert.ok(titles.includes(title), `${title} in ${titles}`);
    assert.deepEqual(await axeViolations(page), [], "the result");
    // The result leads to the assessment's work options.
    assert.ok(await page.locator('main a[href="/opciones"]').count());
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test("an offer through the Mintrab's programme with no payment: no sign, and how to confirm it", async () => {
  const { context, page } = await openPage(env.browser);
  const titles = await fromHome(page, MINTRAB_US, "es");
  assert.equal(titles[0], "No encontramos las señales de alerta que conocemos");
  assert.ok(!titles.some((t) => t.startsWith("Señal de alerta")), titles.join(" | "));
  assert.ok(titles.includes("Cómo comprobar una oferta de EE. UU."));
  assert.match(await page.locator(".outcome").first().textContent(), /no quiere decir que la oferta sea real/);
  await context.close();
});

test("someone who already paid a recruiter for a US job is told what to do now, reporting first", async () => {
  const { context, page } = await openPage(env.browser);
  const titles = await fromHome(page, PAID_US, "es");
  assert.equal(titles[0], "Si ya pagó: denuncie primero");
  const first = await page.locator(".outcome").first().locator("ol li").first().textContent();
  assert.match(first, /denuncia en una sede del Ministerio Público/);
  await context.close();
});

test("the screens of the check are axe clean", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/oferta");
  assert.deepEqual(await axeViolations(page), [], "start");
  await press(page.getByRole("button", { name: "Empezar" }));
  await answer(page, WHATSAPP_CANADA[0], "es");
  await answer(page, WHATSAPP_CANADA[1], "es");
  await answer(page, WHATSAPP_CANADA[2], "es");
  assert.deepEqual(await axeViolations(page), [], "a multiple-choice question");
  for (const step of WHATSAPP_CANADA.slice(3)) await answer(page, step, "es");
  await page.getByRole("heading", { name: "Revise sus respuestas" }).waitFor();
  assert.deepEqual(await axeViolations(page), [], "check your answers");
  await context.close();
});

test("the share link reopens the same result, and only on the check", async () => {
  const { context, page } = await openPage(env.browser);
  const titles = await fromHome(page, WHATSAPP_CANADA, "es");
  const link = await page.locator("#share-link").inputValue();
  assert.match(link, /\/oferta#r1\./);
  const other = await context.newPage();
  await other.goto(link);
  await other.locator(".outcome").first().waitFor();
  assert.deepEqual(await other.locator(".outcome h3").allTextContents(), titles);
  // The same code on the assessment is refused, not read as answers to other questions.
  await other.goto(link.replace("/oferta#", "/opciones#"));
  await other.locator("main [role=alert]").waitFor();
  assert.equal(await other.locator(".outcome").count(), 0);
  await context.close();
});

test("offline after one visit, the check completes", async () => {
  const { context, page } = await openPage(env.browser, { locale: "es-GT" });
  await visit(page, env.base, "/");
  await controlledByServiceWorker(page);
  await visit(page, env.base, "/acerca-de");
  await page.locator("#app .data-on-device", { hasText: "Guardada en este dispositivo" }).waitFor();
  await context.setOffline(true);
  await page.goto(env.base + "/oferta");
  await press(page.getByRole("button", { name: "Empezar" }));
  for (const step of MINTRAB_US) await answer(page, step, "es");
  await press(page.getByRole("button", { name: "Ver mis opciones" }));
  await page.locator(".outcome h3", { hasText: "No encontramos las señales de alerta" }).waitFor();
  await context.close();
});

test("on the kiosk, the SeasonalJobs and Mintrab links are QR codes", async () => {
  const { context, page } = await openPage(env.browser);
  const salt = "fixture-salt";
  const sha256 = createHash("sha256").update(`rumbo-pin:${salt}:2468`).digest("hex");
  await visit(page, env.base, "/acerca-de");
  await page.evaluate((v) => localStorage.setItem("rumbo.device", JSON.stringify(v)),
    { mode: "kiosk", pin: { salt, sha256 }, idle_seconds: 90, warning_seconds: 20 });
  await visit(page, env.base, "/oferta");
  await press(page.getByRole("button", { name: "Empezar" }));
  for (const step of MINTRAB_US) await answer(page, step, "es");
  await press(page.getByRole("button", { name: "Ver mis opciones" }));
  await page.locator(".outcome").first().waitFor();
  assert.equal(await page.locator('main a[href^="https:"], main a[target="_blank"]').count(), 0, "no link leaves the app");
  for (const [link, host] of [["SeasonalJobs.dol.gov: buscar la oferta", /seasonaljobs\.dol\.gov/], ["Mintrab: plataforma Tu Empleo", /tuempleo\.mintrabajo\.gob\.gt/]]) {
    const summary = page.locator(".onward summary", { hasText: link }).first();
    await press(summary);
    await page.getByRole("img", { name: host }).first().waitFor();
  }
  await context.close();
});
