// Before the app runs: on a slow connection the page shows the centre's name and the
// download's progress, and a download that fails or is cut says so, in the person's
// language, with a way to try again, instead of a blank page that never changes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer, request } from "node:http";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DIST, launch, openPage, axeViolations } from "./support.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const wasmFile = () => readdirSync(DIST).find((name) => name.endsWith("_bg.wasm"));
const rememberEnglish = (context) =>
  context.addInitScript(() => localStorage.setItem("rumbo.lang", JSON.stringify("en")));

// Every public page is prerendered (e2e/prerender.test.mjs): the loading screen is what
// an address with no page of its own shows (the host's fallback to index.html), such as
// the staff's /ajustes, and what shows where the copy would be wrong (another language).
test("while the app downloads a page with no prerendered copy shows the centre's name and progress, then the app replaces it", async () => {
  const { context, page } = await openPage(env.browser);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(env.base + "/ajustes");

  const status = page.getByRole("status");
  await status.waitFor();
  assert.equal(await status.textContent(), "Cargando Rumbo…");
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "Rumbo");
  assert.match(await page.locator(".brand-centre").textContent(), /Centro de Recursos para Migrantes/);
  assert.equal(await page.getByRole("progressbar").count(), 1);

  release();
  await page.locator("main h1", { hasText: "Ajustes del dispositivo" }).first().waitFor();
  assert.equal(await page.locator("#loader").count(), 0, "the loading screen is gone once the app runs");
  assert.equal(await page.getByRole("main").count(), 1);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("the progress bar is measured against the wasm actually served, so it reaches the end", () => {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const [, name, size] = html.match(/'\/([^']+_bg\.wasm)', (\d+),/);
  assert.equal(name, wasmFile());
  assert.equal(Number(size), readFileSync(join(DIST, name)).length);
});

test("the loading screen speaks the language the person chose before", async () => {
  const { context, page } = await openPage(env.browser);
  await rememberEnglish(context);
  await page.route("**/*.wasm", () => {}); // never answered: the app stays loading
  await page.goto(env.base + "/");
  await page.getByRole("status").filter({ hasText: "Loading Rumbo…" }).waitFor();
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.locator(".brand-centre").textContent(), "Migrant Resource Centre · Quetzaltenango");
  await context.close();
});

test("a failed download says so in Spanish, passes axe, and 'Intentar de nuevo' loads the app", async () => {
  const { context, page } = await openPage(env.browser);
  await page.route("**/*.wasm", (route) => route.abort("internetdisconnected"));
  await page.goto(env.base + "/ajustes");
  const retry = page.getByRole("button", { name: "Intentar de nuevo" });
  await retry.waitFor();
  assert.match(await page.getByRole("status").textContent(), /no se pudo cargar.*conexión/i);
  assert.equal(await page.getByRole("progressbar").count(), 0, "no progress bar left spinning");
  assert.deepEqual(await axeViolations(page), []);

  await page.unroute("**/*.wasm");
  await retry.focus();
  await page.keyboard.press("Enter");
  await page.locator("main h1", { hasText: "Ajustes del dispositivo" }).first().waitFor();
  assert.equal(await page.locator("#loader").count(), 0);
  await context.close();
});

test("a damaged app file is reported in English for a person who chose English", async () => {
  const { context, page } = await openPage(env.browser);
  await rememberEnglish(context);
  const whole = readFileSync(join(DIST, wasmFile()));
  await page.route("**/*.wasm", (route) =>
    route.fulfill({ status: 200, contentType: "application/wasm", body: whole.subarray(0, whole.length >> 1) }),
  );
  await page.goto(env.base + "/");
  await page.getByRole("button", { name: "Try again" }).waitFor();
  assert.match(await page.getByRole("status").textContent(), /could not be loaded.*connection/);
  assert.equal(await page.title(), "Rumbo · Migrant Resource Centre", "the tab's title too");
  await context.close();
});

test("a connection cut half-way through the download ends in the failure message, not endless loading", async () => {
  // A proxy in front of the real server that sends half of the wasm, with the length of
  // the whole, and then drops the connection, as a phone losing signal would.
  const upstream = new URL(env.base);
  const proxy = createServer((req, res) => {
    if (req.url.endsWith(".wasm")) {
      const whole = readFileSync(join(DIST, wasmFile()));
      res.writeHead(200, { "content-type": "application/wasm", "content-length": whole.length });
      res.write(whole.subarray(0, whole.length >> 1), () => setTimeout(() => res.socket.destroy(), 100));
      return;
    }
    const forward = request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, "accept-encoding": "identity" } },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(forward);
  });
  await new Promise((ready) => proxy.listen(0, "127.0.0.1", ready));
  const { context, page } = await openPage(env.browser);
  try {
    await page.goto(`http://127.0.0.1:${proxy.address().port}/ajustes`);
    await page.getByRole("button", { name: "Intentar de nuevo" }).waitFor({ timeout: 15_000 });
    assert.match(await page.getByRole("status").textContent(), /no se pudo cargar/);
  } finally {
    await context.close();
    proxy.closeAllConnections();
    await new Promise((done) => proxy.close(done));
  }
});
