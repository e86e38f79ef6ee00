// The example nginx configuration in deploy/ does what README's "Deploying" asks:
// SPA fallback, caching rules, wasm type, compression, headers; and the app runs
// behind it, offline shell included.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, DIST } from "./support.mjs";

const NGINX = "/usr/sbin/nginx";
let prefix, nginx, base;

const freePort = () => new Promise((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

before(async () => {
  assert.ok(existsSync(NGINX), "nginx is installed by scripts/setup.sh --browser");
  prefix = mkdtempSync(join(tmpdir(), "rumbo-nginx-"));
  chmodSync(prefix, 0o755); // nginx's workers run as an unprivileged user
  symlinkSync(DIST, join(prefix, "dist"));
  const port = await freePort();
  const conf = readFileSync(new URL("../deploy/nginx.conf", import.meta.url), "utf8").replace("127.0.0.1:8090", `127.0.0.1:${port}`);
  writeFileSync(join(prefix, "nginx.conf"), conf);
  nginx = spawn(NGINX, ["-p", prefix + "/", "-c", "nginx.conf", "-e", "stderr"], { stdio: ["ignore", "inherit", "inherit"] });
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    try { await fetch(base + "/"); return; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error("nginx did not start");
});
after(async () => {
  if (nginx) {
    const exited = once(nginx, "exit");
    nginx.kill();
    await exited;
  }
  if (prefix) rmSync(prefix, { recursive: true, force: true });
});

test("app routes fall back to index.html; a missing asset is a 404", async () => {
  for (const path of ["/", "/directorio", "/acerca-de"]) {
    const response = await fetch(base + path);
    assert.equal(response.status, 200, path);
    assert.match(response.headers.get("content-type"), /text\/html/, path);
    assert.equal(response.headers.get("cache-control"), "no-cache", path);
    assert.equal(response.headers.get("content-security-policy"), "frame-ancestors 'none'", path);
    // The page's own policy, in a <meta> (minified: attributes in any order, quotes only where needed).
    const meta = (await response.text()).match(/<meta\b[^>]*http-equiv="?Content-Security-Policy[^>]*>/)?.[0];
    assert.match(meta ?? "", /content="default-src 'self'/, path);
  }
  assert.equal((await fetch(base + "/missing-0123456789abcdef.js")).status, 404);
  assert.equal((await fetch(base + "/nothing.png")).status, 404);
});

test("hashed assets are immutable, wasm has its type and is compressed", async () => {
  const wasm = readdirSync(DIST).find((name) => name.endsWith("_bg.wasm"));
  const response = await fetch(`${base}/${wasm}`, { headers: { "accept-encoding": "gzip" } });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "application/wasm");
  assert.equal(response.headers.get("cache-control"), "public, max-age=31536000, immutable");
  assert.equal(response.headers.get("content-encoding"), "gzip");
  const sw = await fetch(base + "/sw.js");
  assert.equal(sw.headers.get("cache-control"), "no-cache");
});

test("the app's wasm and glue are named from what they hold, so an immutable cache never serves a stale one", () => {
  // post-build changes both after Trunk has named them (minified, names shortened).
  const wasm = readdirSync(DIST).find((name) => name.endsWith("_bg.wasm"));
  const glue = wasm.replace(/_bg\.wasm$/, ".js");
  const hash = createHash("sha256")
    .update(Buffer.concat([readFileSync(join(DIST, wasm)), readFileSync(join(DIST, glue))]))
    .digest("hex")
    .slice(0, 16);
  assert.equal(wasm, `rumbo-${hash}_bg.wasm`);
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  assert.ok(html.includes(`/${glue}`) && html.includes(`/${wasm}`), "index.html loads them by those names");
});

test("the app runs behind nginx with its CSP and works offline after one visit", async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(base + "/acerca-de");
    await page.locator("main h1", { hasText: "Acerca de Rumbo" }).first().waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.locator("main h1", { hasText: "Acerca de Rumbo" }).first().waitFor();
    await context.setOffline(true);
    await page.goto(base + "/directorio");
    await page.locator("main h1", { hasText: "Directorio" }).first().waitFor();
    // Offline, the app's background look for new data fails, as it should.
    assert.deepEqual(errors.filter((e) => !e.includes("ERR_INTERNET_DISCONNECTED")), []);
  } finally {
    await browser.close();
  }
});
