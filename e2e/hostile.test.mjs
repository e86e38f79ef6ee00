// Trust under a hostile host: whatever the server hosting the data serves (a huge
// version number, a file nested to crash a reader, a manifest listing a 500 MB file, a
// publication signed with a key that is not the centre's), the honest data stays on
// the device or arrives, the app never fails, and the large file is never requested.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, launch, openPage, visit } from "./support.mjs";
import { STRANGER_SEED, signManifest, writeFixtureData } from "./fixture-data.mjs";

let env;
let copy;
let good;
before(async () => {
  copy = mkdtempSync(join(tmpdir(), "rumbo-hostile-"));
  cpSync(DIST, copy, { recursive: true });
  good = mkdtempSync(join(tmpdir(), "rumbo-hostile-good-"));
  writeFixtureData(good);
  cpSync(good, join(copy, "data"), { recursive: true });
  env = await launch({ dir: copy });
});
after(async () => {
  await env?.close();
  rmSync(copy, { recursive: true, force: true });
  rmSync(good, { recursive: true, force: true });
});

const data = (name) => join(copy, "data", name);
const original = () => JSON.parse(readFileSync(join(good, "manifest.json"), "utf8"));

/**
 * Publishes `files` (name → text) over the fixture's: the manifest lists each with its
 * true SHA-256 and size, at `version`, then `edit` may change it; signed with `seed`,
 * or left with the previous signature when `seed` is null.
 */
function publish({ files = {}, version, edit = () => {}, seed }) {
  const manifest = original();
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(data(name), text);
    const bytes = Buffer.from(text, "utf8");
    const entry = manifest.files.find((f) => f.name === name);
    entry.sha256 = createHash("sha256").update(bytes).digest("hex");
    entry.bytes = bytes.length;
  }
  manifest.content_version = version;
  edit(manifest);
  writeFileSync(data("manifest.json"), JSON.stringify(manifest, null, 2));
  if (seed !== null) signManifest(join(copy, "data"), seed);
}

/** An honest next version: the directory with one more line at its end. */
function publishHonestNext() {
  publish({ files: { "directory.json": readFileSync(join(good, "directory.json"), "utf8") + "\n" }, version: original().content_version + 1 });
}

/** The version the about page shows once this start's check has run its course. */
async function versionAfterCheck(page) {
  const checked = page.waitForResponse((r) => r.url().endsWith("/data/manifest.json"));
  await visit(page, env.base, "/acerca-de");
  await checked;
  // The check verifies, reads and refuses within moments; give it a few.
  await page.waitForTimeout(1500);
  const line = page.locator("#app .data-on-device p").filter({ hasText: "Versión de la información" }).first();
  await line.waitFor();
  return Number((await line.textContent()).match(/Versión de la información: (\d+)/)[1]);
}

const deepCondition = (depth) => '{"not":'.repeat(depth) + '{"answered":"age"}' + "}".repeat(depth);

for (const [what, hostile] of [
  [
    "a huge content version (the old signature kept)",
    () => publish({ version: 1e15, seed: null }),
  ],
  [
    "a condition nested 50,000 deep (validly hashed and signed)",
    () => {
      const flow = readFileSync(join(good, "assessment.json"), "utf8");
      const deep = flow.replace('"kind": "single_choice"', `"show_if": ${deepCondition(50_000)}, "kind": "single_choice"`);
      assert.notEqual(deep, flow);
      publish({ files: { "assessment.json": deep }, version: original().content_version + 1 });
    },
  ],
  [
    "a manifest listing a 500 MB file",
    () =>
      publish({
        version: original().content_version + 1,
        edit: (m) => m.files.push({ name: "huge.json", sha256: "0".repeat(64), bytes: 500 * 1024 * 1024 }),
      }),
  ],
  [
    "a data set signed with a key that is not the centre's",
    () =>
      publish({
        files: { "directory.json": readFileSync(join(good, "directory.json"), "utf8").replaceAll("Ficticio", "Falso") },
        version: original().content_version + 1,
        seed: STRANGER_SEED,
      }),
  ],
]) {
  test(`hostile publications never take over: ${what}`, async () => {
    const { context, page } = await openPage(env.browser);
    const requested = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    const honest = original().content_version;
    try {
      assert.equal(await versionAfterCheck(page), honest);
      hostile();
      // Picked up while open, then two starts of the app on it.
      await page.evaluate(() => window.dispatchEvent(new Event("online")));
      await page.waitForTimeout(1500);
      assert.equal(await versionAfterCheck(page), honest, "the honest data stays");
      assert.equal(await versionAfterCheck(page), honest, "still after a second reload");
      assert.deepEqual(page.errors, [], "no page error");
      assert.ok(!requested.includes("/data/huge.json"), "the large file is never requested");
      // The centre publishes the honest next version: it arrives.
      publishHonestNext();
      await page.evaluate(() => window.dispatchEvent(new Event("online")));
      await page.locator("#app .data-on-device", { hasText: `Versión de la información: ${honest + 1},` }).waitFor();
      assert.deepEqual(page.errors, [], "no page error");
    } finally {
      cpSync(good, join(copy, "data"), { recursive: true });
      rmSync(data("huge.json"), { force: true });
    }
    await context.close();
  });
}
