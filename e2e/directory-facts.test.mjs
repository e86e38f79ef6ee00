// What the directory knows, said so people can act on it: the queries people type find
// what they mean and say the wanted fact first; a fact from an old source shows its age;
// where a fact is missing, a next step instead of a dead end; a correction goes to the
// centre with the entry it is about; an assessment result lists a few consulates, not
// the whole network.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signManifest } from "./fixture-data.mjs";
import { DIST, launch, openPage, visit } from "./support.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function search(page, text) {
  await page.getByLabel("Buscar").fill(text);
  // The list settles once typing is done: wait for the count to describe this query.
  await page.waitForTimeout(300);
  await page.locator(".result-count").waitFor();
  return page.locator(".result > a").allTextContents();
}

test("the queries people type find what they mean, the wanted fact said first", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/directorio");
  await page.locator(".results-list li").first().waitFor();

  const miami = await search(page, "miami consulado telefono");
  assert.equal(miami[0], "Consulado de Guatemala en Miami", miami.join(" | "));
  // No phone of Miami's is sourced: where to ask instead, not a dead end.
  const fact = await page.locator(".result").first().locator(".result-fact").textContent();
  assert.match(fact, /pregunte en: .*minex\.gob\.gt/i);

  const unpaid = await search(page, "salario no pagado");
  assert.ok(unpaid.some((name) => name.startsWith("División de Horas y Salarios")), unpaid.join(" | "));

  const embassy = await search(page, "embassy");
  assert.ok(embassy.filter((name) => name.startsWith("Consulado de Guatemala")).length >= 20, embassy.join(" | "));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a street from an old source shows its age, and a missing phone offers the next step", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/directorio/consulado-los-angeles");
  await page.getByText("1975 Riverside Drive").waitFor();
  await page.getByText("dato de 2017: confírmelo antes de ir").first().waitFor();

  await visit(page, env.base, "/directorio/consulado-miami");
  await page.getByText("Aún no tenemos un teléfono comprobado.").waitFor();
  const next = page.locator("main a[href*='minex.gob.gt']").first();
  await next.waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a result for a person in Texas lists at most a few consulates, with a way to see all", async () => {
  const { context, page } = await openPage(env.browser);
  await visit(page, env.base, "/opciones");
  const main = page.locator("main");
  await main.getByRole("button", { name: "Empezar", exact: true }).click();
  await main.getByRole("button", { name: "Vivo fuera de Guatemala", exact: true }).click();
  await main.getByRole("button", { name: "No", exact: true }).click();
  await main.getByRole("button", { name: "Documentos o ayuda del consulado", exact: true }).click();
  await main.getByLabel("Estado, departamento o región").fill("Houston");
  await main.getByRole("button", { name: "Continuar" }).click();
  await page.getByRole("button", { name: "Ver mis opciones" }).click();
  const contacts = page.locator("#outcome-consular_services .contacts li");
  await contacts.first().waitFor();
  const consulates = (await contacts.allTextContents()).filter((t) => t.startsWith("Consulado de Guatemala"));
  assert.ok(consulates.length >= 1 && consulates.length <= 3, consulates.join(" | "));
  assert.match(consulates[0], /Houston/, "the city the person typed, first");
  await page.locator("#outcome-consular_services").getByRole("link", { name: /Ver los otros \d+ consulados/ }).waitFor();
  await context.close();
});

test("'¿Algún dato está mal?' prepares a message to the centre naming the entry and the fact", async () => {
  // The shipped centre file has no channel yet (the section is hidden); a copy of the
  // app with an obviously fictitious address shows what staff get once they fill it.
  const copy = mkdtempSync(join(tmpdir(), "rumbo-centre-"));
  cpSync(DIST, copy, { recursive: true });
  const data = join(copy, "data");
  const centre = JSON.parse(readFileSync(join(data, "centre.json"), "utf8"));
  centre.email = "centro@ficticio.example";
  // Every fact the centre publishes names where it comes from: here, its own staff.
  centre.sources = [
    ...(centre.sources ?? []),
    { title: "Ficha del centro (ficticia)", publisher: "Centro ficticio", date: "2026-12-01", tier: "official", supports: ["email"] },
  ];
  const bytes = Buffer.from(JSON.stringify(centre, null, 2));
  writeFileSync(join(data, "centre.json"), bytes);
  const manifest = JSON.parse(readFileSync(join(data, "manifest.json"), "utf8"));
  const file = manifest.files.find((f) => f.name === "centre.json");
  Object.assign(file, { sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length });
  writeFileSync(join(data, "manifest.json"), JSON.stringify(manifest, null, 2));
  signManifest(data);
  const own = await launch({ dir: copy });
  try {
    const { context, page } = await openPage(own.browser);
    await visit(page, own.base, "/directorio/consulado-houston");
    await page.getByRole("heading", { name: "¿Algún dato está mal?" }).waitFor();
    await page.getByLabel("Dato").selectOption({ label: "Teléfono" });
    const href = await page.getByRole("link", { name: /Preparar un correo/ }).getAttribute("href");
    assert.match(href, /^mailto:centro@ficticio\.example\?/);
    const body = decodeURIComponent(href);
    assert.ok(body.includes("consulado-houston"), body);
    assert.ok(/Tel[eé]fono|phones/i.test(body), body);
    await context.close();
  } finally {
    await own.close();
    rmSync(copy, { recursive: true, force: true });
  }
});
