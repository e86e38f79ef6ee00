// The directory as people use it: forgiving search, filters, an entry by deep link,
// saving a contact, favourites that stay, and accessibility of list and entry pages.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, openPage, visit, axeViolations } from "./support.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function search(page, text) {
  await page.getByLabel("Buscar").fill(text);
  await page.locator(".result-count").waitFor();
  return page.locator(".result a").allTextContents();
}

/** Picks a place in the place picker (Spanish page): a country, then what is typed. */
async function usePlace(page, country, region) {
  if (country) await page.getByLabel("Su país").selectOption(country);
  await page.getByLabel("Estado, departamento o región").fill(region);
  await page.getByRole("button", { name: "Usar este lugar" }).click();
}

async function openDirectory(page) {
  await visit(page, env.base, "/directorio");
  await page.getByLabel("Buscar").waitFor();
}

test("search ignores accents and case, and forgives a typo", async () => {
  const { context, page } = await openPage(env.browser);
  await openDirectory(page);
  const withAccent = await search(page, "Los Ángeles");
  const without = await search(page, "los angeles");
  assert.deepEqual(withAccent, without);
  assert.ok(without.includes("Consulado de Guatemala en Los Ángeles"), without.join(" | "));
  // A typo still finds the offices of Quetzaltenango, the centre among them.
  const typo = await search(page, "quetzaltenago");
  assert.match(typo[0], /Quetzaltenango/);
  assert.ok(typo.includes("Centro de Recursos para Migrantes de Quetzaltenango"), typo.join(" | "));
  const xela = await search(page, "xela");
  assert.equal(xela[0], "Centro de Recursos para Migrantes de Quetzaltenango");
  await search(page, "zzzz qqqq");
  await page.locator(".notice", { hasText: "No encontramos contactos" }).waitFor();
  await context.close();
});

test("filtering by service narrows the list and shows counts", async () => {
  const { context, page } = await openPage(env.browser);
  await openDirectory(page);
  const all = await page.locator(".result").count();
  const option = page.locator("#filter-service option", { hasText: "Trabajo temporal en el extranjero" });
  const label = await option.textContent();
  const expected = Number(label.match(/\((\d+)\)/)[1]);
  await page.locator("#filter-service").selectOption({ label });
  await page.waitForFunction((n) => document.querySelectorAll(".result").length === n, expected);
  assert.ok(expected > 0 && expected < all);
  assert.ok((await page.locator(".result a").allTextContents()).some((n) => n.includes("Programa de Trabajo Temporal")));
  await context.close();
});

test("a filter keeps showing the value in force when the words leave none of it", async () => {
  const { context, page } = await openPage(env.browser);
  await openDirectory(page);
  await page.locator("#filter-country").selectOption("GT");
  await search(page, "houston");
  await page.locator(".notice", { hasText: "No encontramos contactos" }).waitFor();
  // Not "Estados Unidos (1)" while Guatemala still filters: the person sees why
  // nothing is found, and can choose "Todos".
  assert.equal(await page.locator("#filter-country").inputValue(), "GT");
  assert.match(await page.locator("#filter-country option:checked").textContent(), /^Guatemala \(0\)$/);
  await page.locator("#filter-country").selectOption("");
  await page.locator(".result a", { hasText: "Houston" }).waitFor();
  // The countries are named in the language shown, also after switching (the names are
  // kept once asked for: per language).
  assert.match(await page.locator("#filter-country option[value=US]").textContent(), /^Estados Unidos \(\d+\)$/);
  await page.getByRole("button", { name: "English" }).click();
  await page.locator("#filter-country option[value=US]", { hasText: /^United States \(\d+\)$/ }).waitFor({ state: "attached" });
  await page.locator(".result .result-meta", { hasText: "Houston, Texas, United States" }).first().waitFor();
  await page.getByRole("button", { name: "Español" }).click();
  await page.locator("#filter-country option[value=US]", { hasText: /^Estados Unidos \(\d+\)$/ }).waitFor({ state: "attached" });
  // A filter with nothing to choose is not offered.
  const data = JSON.parse(readFileSync(new URL("../public/data/directory.json", import.meta.url), "utf8"));
  const anyLanguage = data.entries.some((e) => (e.languages ?? []).length > 0);
  assert.equal(await page.locator("#filter-language").isVisible(), anyLanguage);
  await context.close();
});

test("which consulate serves Texas: the nearest ones, labelled as nearest, not as yours", async () => {
  const { context, page } = await openPage(env.browser);
  await openDirectory(page);
  await page.getByLabel("Tipo").selectOption("consulate");
  await usePlace(page, "US", "TX");
  const serving = page.locator(".serving");
  await serving.getByRole("heading", { name: "Las más cercanas a Texas, Estados Unidos" }).waitFor();
  // No service area is recorded yet: the directory says so instead of claiming one.
  assert.match(await serving.textContent(), /no indica qué oficina atiende Texas/);
  const texas = ["Consulado de Guatemala en Dallas", "Consulado de Guatemala en Del Rio", "Consulado de Guatemala en Houston", "Consulado de Guatemala en McAllen"];
  // The offices located in Texas, all of them, nearest first.
  const nearest = await serving.locator("li a").allTextContents();
  assert.deepEqual([...nearest].sort(), texas);
  assert.match(await serving.locator("li").first().textContent(), /a unos \d+ km/);
  // The whole list is now nearest first, with distances.
  await page.locator(".result-count", { hasText: "resultados, ordenados por distancia desde Texas, Estados Unidos." }).waitFor();
  assert.ok(texas.includes(await page.locator(".result a").first().textContent()));
  await page.getByRole("button", { name: "Quitar el lugar" }).click();
  await serving.waitFor({ state: "detached" });
  // The pressed button went with the place; focus stays in the picker, not at the top.
  assert.equal(await page.evaluate(() => document.activeElement.id), "place-region");
  await context.close();
});

test("from a place picked, what cannot serve there comes last and says so", async () => {
  const { context, page } = await openPage(env.browser);
  await openDirectory(page);
  await usePlace(page, "US", "Texas");
  await page.locator(".result-count", { hasText: "ordenados por distancia desde Texas" }).waitFor();
  await search(page, "policía");
  const results = page.locator(".result");
  const texts = await results.allTextContents();
  const guatemalan = texts.findIndex((t) => t.includes("110 – Policía Nacional Civil"));
  assert.ok(guatemalan >= 0, texts.join(" | "));
  assert.match(texts[guatemalan], /No atiende a personas en Texas, Estados Unidos/);
  // What can serve someone in Texas is not marked, and comes first.
  const servable = texts.map((t, i) => [t, i]).filter(([t]) => !t.includes("No atiende"));
  assert.ok(servable.length > 0 && servable.every(([, i]) => i < guatemalan), texts.join(" | "));
  await context.close();
});

test("the consulate in the person's own state is offered first, though not placed on the map", async () => {
  const { context, page } = await openPage(env.browser);
  await openDirectory(page);
  await page.getByLabel("Tipo").selectOption("consulate");
  await usePlace(page, "US", "Maryland");
  const serving = page.locator(".serving");
  await serving.getByRole("heading", { name: "Las más cercanas a Maryland, Estados Unidos" }).waitFor();
  assert.equal(await serving.locator("li a").first().textContent(), "Consulado de Guatemala en Maryland");
  await page.locator(".result-count", { hasText: "ordenados por distancia" }).waitFor();
  assert.equal(await page.locator(".result a").first().textContent(), "Consulado de Guatemala en Maryland");
  // A known place with no office of the type chosen is not called an unknown place.
  await page.getByLabel("Tipo").selectOption("government_office");
  await serving.getByText("no tiene oficinas de este tipo para Maryland, Estados Unidos").waitFor();
  assert.equal(await page.getByText("No conocemos ese lugar").count(), 0);
  await context.close();
});

test("a city the directory knows is taken as its state", async () => {
  const { context, page } = await openPage(env.browser);
  await openDirectory(page);
  await usePlace(page, "US", "los angeles");
  await page.locator(".serving").getByRole("heading", { name: /California, Estados Unidos/ }).waitFor();
  await usePlace(page, "GT", "Xela");
  await page.locator(".serving").getByRole("heading", { name: /Quetzaltenango, Guatemala/ }).waitFor();
  await context.close();
});

test("in English, a long distance is written with its thousands separated", async () => {
  const { context, page } = await openPage(env.browser);
  await context.addInitScript(() => localStorage.setItem("rumbo.lang", JSON.stringify("en")));
  await visit(page, env.base, "/directorio");
  await page.getByLabel("Type").selectOption("consulate");
  // Yukon: the nearest consulate, Vancouver's, is well over a thousand kilometres away.
  await page.getByLabel("Your country").selectOption("CA");
  await page.getByLabel("State, department or region").fill("Yukon");
  await page.getByRole("button", { name: "Use this place" }).click();
  const first = page.locator(".serving li").first();
  await first.waitFor();
  assert.match(await first.textContent(), /Vancouver · about \d,\d{3} km away/);
  await context.close();
});

test("near me sorts by the device's position, asked only on the tap", async () => {
  const { context, page } = await openPage(env.browser, {
    geolocation: { latitude: 41.88, longitude: -87.63 },
    permissions: ["geolocation"],
  });
  await openDirectory(page);
  await page.getByRole("button", { name: "Cerca de mí" }).click();
  await page.locator(".result-count", { hasText: "resultados, ordenados por distancia desde su ubicación." }).waitFor();
  assert.equal(await page.locator(".result a").first().textContent(), "Consulado de Guatemala en Chicago");
  assert.match(await page.locator(".result .result-meta").first().textContent(), /km/);
  assert.equal(await page.locator(".serving").count(), 0, "a position is not a place: no claim about who serves it");
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  assert.ok(!stored.includes("41.88"), "the position is not stored");
  await context.close();
});

test("a person in Mexico or Canada is placed by their state or province, and offered it as they type", async () => {
  const { context, page } = await openPage(env.browser);
  await openDirectory(page);
  await page.getByLabel("Su país").selectOption("MX");
  // The field suggests the country's states.
  const suggested = await page.locator("#place-picker-regions option").evaluateAll((os) => os.map((o) => o.value));
  assert.ok(suggested.includes("Chiapas") && suggested.includes("Quintana Roo"), suggested.join(" | "));
  // Consulates only: shelters and offices in Chiapas are offered too without the filter.
  await page.getByLabel("Tipo").selectOption("consulate");
  await usePlace(page, null, "chiapas");
  const serving = page.locator(".serving");
  await serving.getByRole("heading", { name: "Las más cercanas a Chiapas, México" }).waitFor();
  assert.equal(await page.getByText("No conocemos ese lugar").count(), 0);
  await page.locator(".result-count", { hasText: "ordenados por distancia" }).waitFor();
  // The two consulates in Chiapas, where people with a border worker's card work, come first.
  const chiapas = (await serving.locator("li a").allTextContents()).slice(0, 2);
  assert.deepEqual(chiapas.sort(), [
    "Consulado General de Guatemala en Tapachula",
    "Consulado General de Guatemala en Tuxtla Gutiérrez",
  ]);
  // Jalisco has no office of its own; the one the ministry says serves it is named as such.
  await usePlace(page, null, "Jalisco");
  await serving.getByRole("heading", { name: /Jalisco, México/ }).waitFor();
  assert.match(await serving.textContent(), /Consulado General de Guatemala en San Luis Potosí/);
  await usePlace(page, "CA", "ON");
  // Toronto's consulate serves Ontario by its district, and is said to.
  await serving.getByRole("heading", { name: "Oficinas que atienden Ontario, Canadá" }).waitFor();
  assert.equal(await page.getByText("No conocemos ese lugar").count(), 0);
  assert.equal(await serving.locator("li a").first().textContent(), "Consulado General de Guatemala en Toronto");
  // The whole list from Ontario: Toronto, then Montreal, with distances, before the US.
  const list = (await page.locator(".result a").allTextContents()).slice(0, 2);
  assert.deepEqual(list, ["Consulado General de Guatemala en Toronto", "Consulado General de Guatemala en Montreal"]);
  assert.match(await page.locator(".result .result-meta").first().textContent(), /km/);
  await context.close();
});

test("an unknown place gets a clear message, not a guess, and drops the place before", async () => {
  const { context, page } = await openPage(env.browser);
  await openDirectory(page);
  await usePlace(page, null, "Texas");
  await page.locator(".serving").waitFor();
  // Only a country: distances from its middle would mean nothing.
  await usePlace(page, null, "");
  await page.getByText("Escriba su estado, departamento o región").waitFor();
  assert.equal(await page.locator(".serving").count(), 0);
  assert.ok(!(await page.locator(".result-count").textContent()).includes("ordenados por distancia"));
  await usePlace(page, null, "Atlantis");
  await page.getByText("No conocemos ese lugar.").waitFor();
  assert.equal(await page.locator(".serving").count(), 0);
  assert.ok(!(await page.locator(".result-count").textContent()).includes("ordenados por distancia"), "not sorted from the place before");
  // A screen reader on the field hears that it is wrong, and why.
  // A field with suggestions is a combobox to assistive technology.
  const field = page.getByRole("combobox", { name: "Estado, departamento o región" });
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  assert.match(await field.evaluate((el) => document.getElementById(el.getAttribute("aria-describedby")).textContent), /No conocemos ese lugar/);
  await context.close();
});

test("each address in an entry's source can be opened, to check the fact where it was read", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/directorio/consulado-tapachula");
  const provenance = page.locator(".provenance");
  await provenance.waitFor();
  // Each source names its publisher and date; its title opens the article in a new tab.
  const link = provenance.locator("a[href^='https://elorbe.com/']");
  assert.equal(await link.getAttribute("target"), "_blank");
  assert.match(await link.getAttribute("href"), /^https:\/\/elorbe\.com\/.*\.html$/);
  assert.match(await link.textContent(), /Reconoce cónsul/);
  assert.match(await provenance.textContent(), /El Orbe, 2025-11-02.*Diario del Sur, 2024-11-16/);
  await context.close();
});

test("a national line's page offers its number to call, and no street or hours to find", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/directorio/linea-110-pnc");
  await page.locator("main h1", { hasText: "110" }).first().waitFor();
  assert.equal(await page.locator("a[href='tel:110']").count(), 1);
  assert.equal(await page.getByRole("heading", { name: "Dirección" }).count(), 0);
  assert.equal(await page.getByRole("heading", { name: "Horario" }).count(), 0);
  assert.equal(await page.locator(".unknown").count(), 0, "nothing is missing that a line could have");
  // Found by what people type: the number itself, or the word for the crime.
  await visit(page, env.base, "/directorio");
  await page.getByLabel("Buscar").fill("extorsion");
  await page.locator(".result a", { hasText: "1574" }).first().waitFor();
  // An organisation known only by its province says which one.
  await page.getByLabel("Buscar").fill("RATTMAQ");
  await page.locator(".result .result-meta", { hasText: "Quebec, Canadá" }).waitFor();
  await context.close();
});

test("an entry opens by deep link with its provenance, and unknown facts say so", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/directorio/consulado-los-angeles");
  await page.locator("main h1", { hasText: "Consulado de Guatemala en Los Ángeles" }).first().waitFor();
  await page.locator("address", { hasText: "1975 Riverside Drive" }).waitFor();
  // The street is known and the point is only the city's centre: maps search the address.
  const osm = await page.getByRole("link", { name: /OpenStreetMap/ }).getAttribute("href");
  assert.match(osm, /^https:\/\/www\.openstreetmap\.org\/search\?query=1975%20Riverside%20Drive%2C%20Los%20Angeles/);
  assert.match(await page.locator('a[href^="geo:"]').getAttribute("href"), /\?q=1975%20Riverside%20Drive/);
  await page.locator(".provenance", { hasText: "Prensa Libre, 2017" }).waitFor();
  // On the English page a source's title, written in Spanish, is marked so: a screen
  // reader reads it with Spanish pronunciation.
  await page.getByRole("button", { name: "English" }).click();
  await page.locator('.provenance [lang="es"]', { hasText: "Inauguran nuevas instalaciones" }).waitFor();
  await page.getByRole("button", { name: "Español" }).click();
  assert.ok((await page.locator(".unknown").count()) >= 1, "hours are to be verified");
  // Its one sourced number, with what it is for; nothing else is made up.
  assert.equal(await page.locator("a[href^='tel:']").count(), 1);
  await page.locator(".contact-note", { hasText: "marque la opción 2" }).waitFor();
  // An office with no contact detail known says so, with no empty list.
  await visit(page, env.base, "/directorio/consulado-atlanta");
  await page.locator("main h1", { hasText: "Atlanta" }).first().waitFor();
  assert.equal(await page.locator("a[href^='tel:']").count(), 0, "no phone is invented");
  const contact = page.locator("section", { has: page.getByRole("heading", { name: "Contacto" }) });
  // What is not known says so, with where to turn instead; no list is left empty.
  assert.ok((await contact.locator(".unknown").count()) >= 1);
  for (const list of await contact.getByRole("list").all()) {
    assert.ok((await list.locator("li").count()) > 0, "no empty list when no contact detail is known");
  }
  const unknown = await visit(page, env.base, "/directorio/no-existe");
  assert.equal(unknown.status(), 200);
  await page.locator("main", { hasText: "No encontramos este contacto" }).waitFor();
  await context.close();
});

test("save as contact downloads a vCard with the entry's details", async () => {
  const { context, page } = await openPage(env.browser, { acceptDownloads: true });
  await visit(page, env.base, "/directorio/consulado-los-angeles");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Guardar como contacto" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "consulado-los-angeles.vcf");
  const card = readFileSync(await download.path(), "utf8");
  assert.match(card, /^BEGIN:VCARD\r\nVERSION:4\.0\r\n/);
  assert.match(card, /\r\nFN:Consulado de Guatemala en Los Ángeles\r\n/);
  assert.match(card, /\r\nADR:;;1975 Riverside Drive;Los Angeles;California;90039;US\r\n/);
  assert.match(card, /END:VCARD\r\n$/);
  await context.close();
});

test("favourites stay on the device across a reload", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/directorio/intecap");
  await page.getByRole("button", { name: "Guardar en favoritos" }).click();
  await page.getByRole("button", { name: "Quitar de favoritos" }).waitFor();
  await page.reload();
  await page.getByRole("button", { name: "Quitar de favoritos" }).waitFor();
  await openDirectory(page);
  await page.locator(".favourites", { hasText: "INTECAP" }).waitFor();
  await context.close();
});

test("axe-core finds no violations on the list and an entry page", async () => {
  const { context, page } = await openPage(env.browser);
  await openDirectory(page);
  await search(page, "consulado");
  assert.deepEqual(await axeViolations(page), [], "list");
  await visit(page, env.base, "/directorio/centro-recursos-migrantes-quetzaltenango");
  await page.locator(".entry-qr svg").waitFor();
  assert.deepEqual(await axeViolations(page), [], "entry");
  await context.close();
});

test("one result is '1 resultado', not '1 resultados'", async () => {
  const { context, page } = await openPage(env.browser);
  await openDirectory(page);
  assert.deepEqual(await search(page, "Los Ángeles"), ["Consulado de Guatemala en Los Ángeles"]);
  assert.match(await page.locator(".result-count").textContent(), /^1 resultado$/);
  assert.equal(await page.getByRole("heading", { level: 2, name: "Resultados" }).count(), 1, "the list has a heading to jump to");
  await context.close();
});

test("while the content downloads, the directory says it is on its way, not that there is none", async () => {
  const { context, page } = await openPage(env.browser);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route("**/data/directory.json", async (route) => { await held; await route.continue(); });
  await page.goto(env.base + "/directorio");
  // Meanwhile the page's prerendered list shows (e2e/prerender.test.mjs), and the app,
  // not shown yet, says the content is on its way.
  await page.locator("#prerendered .results-list li").first().waitFor();
  const main = page.locator("#app main");
  await main.locator("p.notice[role=status]", { hasText: "Descargando la información" }).waitFor({ state: "attached" });
  assert.ok(!(await main.textContent()).includes("Conéctese a internet"), "not told to connect while it downloads");
  release();
  await page.getByLabel("Buscar").waitFor();
  await context.close();
});

test("an entry's link opened without a connection says what it needs, not 'loading' for ever", async () => {
  const { context, page } = await openPage(env.browser);
  await page.route("**/data/directory.json", (route) => route.abort("internetdisconnected"));
  await visit(page, env.base, "/directorio/consulado-houston");
  const main = page.locator("main");
  await main.getByText("El directorio necesita la información del centro").waitFor();
  assert.equal(await page.locator("main h1").textContent(), "Directorio de contactos");
  assert.ok(!(await main.textContent()).includes("Cargando"), await main.textContent());
  await context.close();
});

test("what became of a share is said in the language shown, also after switching", async () => {
  const { context, page } = await openPage(env.browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await visit(page, env.base, "/directorio/consulado-houston");
  await page.getByRole("button", { name: "Compartir" }).click();
  const status = page.locator(".entry-message");
  await status.filter({ hasText: "Enlace copiado." }).waitFor();
  await page.getByRole("button", { name: "English" }).click();
  await status.filter({ hasText: "Link copied." }).waitFor();
  await context.close();
});

test("a contact shared in English opens in English on a phone with no language chosen", async () => {
  const { context, page } = await openPage(env.browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await visit(page, env.base, "/directorio/consulado-houston");
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("button", { name: "Share" }).click();
  await page.locator(".entry-message", { hasText: "Link copied." }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(new URL(link).pathname + new URL(link).hash, "/directorio/consulado-houston#en");
  const fresh = await openPage(env.browser);
  await fresh.page.goto(link);
  await fresh.page.locator("main h1").filter({ hasText: "Houston" }).first().waitFor();
  assert.equal(await fresh.page.getAttribute("html", "lang"), "en");
  await fresh.context.close();
  await context.close();
});

test("on a phone, what is typed shows its results on the same screen; filters and place unfold", async () => {
  const { context, page } = await openPage(env.browser, { viewport: { width: 390, height: 844 } });
  await openDirectory(page);
  await search(page, "houston");
  const top = await page.locator(".result").first().evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(top < 844, `the first result starts at ${top} px, below the screen`);
  assert.equal(await page.locator("#filter-kind").isVisible(), false, "filters folded away");
  await page.getByText("Filtrar por país, tipo o servicio").click();
  await page.locator("#filter-kind").selectOption("consulate");
  await page.locator(".refine summary", { hasText: "Filtrar por país, tipo o servicio (1)" }).waitFor();
  await page.getByText("¿Qué oficina le corresponde? Diga dónde está").click();
  await page.locator("#place-country").waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test("back from an entry, focus and the view are on the entry opened, not at the top", async () => {
  const { context, page } = await openPage(env.browser, { viewport: { width: 390, height: 844 } });
  await openDirectory(page);
  const link = page.locator(".result a").last();
  const name = await link.textContent();
  await link.click();
  await page.locator("main h1", { hasText: name }).first().waitFor();
  await page.goBack();
  await page.waitForFunction((n) => document.activeElement?.textContent === n, name);
  const inView = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  assert.ok(inView, "the focused link is on screen");
  await context.close();
});

test("screen readers hear the count once typing pauses, and the offices when a place is chosen", async () => {
  const { context, page } = await openPage(env.browser);
  await openDirectory(page);
  const status = page.locator("main p[role=status].visually-hidden");
  await page.waitForFunction(() => document.querySelector("main p[role=status].visually-hidden").textContent !== "");
  await status.evaluate((element) => {
    window.announcements = [];
    new MutationObserver(() => window.announcements.push(element.textContent))
      .observe(element, { childList: true, characterData: true, subtree: true });
  });
  await page.getByLabel("Buscar").pressSequentially("consulado", { delay: 40 });
  await page.waitForFunction(() => window.announcements.length > 0);
  await page.waitForTimeout(1000);
  const heard = await page.evaluate(() => window.announcements);
  assert.equal(heard.length, 1, `one announcement for the whole word, not one per letter: ${JSON.stringify(heard)}`);
  assert.equal(heard[0], await page.locator(".result-count").textContent());

  // The region that will hold "which office serves you" is there, empty, before the
  // place is chosen, so its content is announced when it arrives.
  const region = page.locator("main div[aria-live=polite]");
  assert.equal(await region.count(), 1);
  assert.equal((await region.textContent()).trim(), "");
  await usePlace(page, "US", "TX");
  await region.locator(".serving h2").waitFor();
  await context.close();
});
