// An obviously fictitious data set (manifest, directory, assessment) for e2e tests that
// need data of their own. Never shipped: it is written into temporary copies of dist/.
import { createHash, createPrivateKey, sign } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const keys = join(dirname(fileURLToPath(import.meta.url)), "..", "keys");

/** The secret seed (hex) in a key file written by `rumbo-data keygen`. */
function seedOf(path) {
  return readFileSync(path, "utf8").split("\n").map((l) => l.trim()).find((l) => l && !l.startsWith("#"));
}

/** The repository's development key (public on purpose: keys/development.secret). */
export const DEVELOPMENT_SEED = seedOf(join(keys, "development.secret"));
/** A key no build trusts, as a hostile host would have. */
export const STRANGER_SEED = "42".repeat(32);

/** The text of manifest.json.sig for `bytes`, signed with the Ed25519 `seed` (hex). */
export function signature(bytes, seed = DEVELOPMENT_SEED) {
  const der = Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), Buffer.from(seed, "hex")]);
  const key = createPrivateKey({ key: der, format: "der", type: "pkcs8" });
  return sign(null, Buffer.from(bytes), key).toString("hex") + "\n";
}

/** Signs `dir`/manifest.json as `rumbo-data sign` does (by default with the development key). */
export function signManifest(dir, seed = DEVELOPMENT_SEED) {
  writeFileSync(join(dir, "manifest.json.sig"), signature(readFileSync(join(dir, "manifest.json")), seed));
}

const text = (es, en) => ({ es, en });

export const FIXTURE_DIRECTORY = {
  entries: [
    {
      id: "centro-ficticio",
      name: text("Centro Ficticio de Pruebas", "Fictitious Test Centre"),
      aliases: ["Xela"],
      kind: "resource_centre",
      services: ["information", "skills_certification"],
      description: text("Un centro que no existe, para pruebas.", "A centre that does not exist, for tests."),
      address: { street: "1 Calle Ficticia", city: "Quetzaltenango", country: "GT" },
      location: { latitude: 14.8347, longitude: -91.518, precision: "city" },
      phones: [
        { number: "+15550100123", kind: "voice" },
        { number: "+15550100124", kind: "whatsapp" },
        // A national short number, as hotlines have (manifest format 2).
        { number: "555", kind: "voice", note: text("Línea ficticia", "Fictitious line") },
      ],
      email: "info@ficticio.example",
      website: "https://ficticio.example",
      // Out of order, as data can come: the page lists Monday to Sunday.
      hours: {
        time_zone: "America/Guatemala",
        weekly: [
          { day: "sat", opens: "09:00", closes: "12:00" },
          { day: "mon", opens: "08:00", closes: "16:00" },
          { day: "sun", opens: "00:00", closes: "24:00" },
        ],
      },
      languages: ["spa", "quc"],
      tags: ["information"],
      verified_on: "2026-01-01",
      source: "https://ficticio.example/fuente",
    },
  ],
};

export const FIXTURE_FLOW = {
  version: 1,
  questions: [
    {
      id: "age",
      kind: "single_choice",
      prompt: text("¿Qué edad tiene? (prueba)", "How old are you? (test)"),
      why: text("Para la prueba.", "For the test."),
      options: [
        { id: "under_18", label: text("Menos de 18", "Under 18") },
        { id: "adult", label: text("18 o más", "18 or more") },
      ],
    },
  ],
  outcomes: [
    {
      id: "fixture-outcome",
      title: text("Resultado ficticio", "Fictitious outcome"),
      summary: text("Solo para pruebas.", "For tests only."),
      rank: 1,
      directory_tags: ["information"],
      sources: [{ title: text("Fuente ficticia", "Fictitious source"), url: "https://ficticio.example/fuente" }],
      reviewed_on: "2026-01-01",
    },
  ],
};

/** Writes the fixture's data files and a matching manifest into `dir`. */
export function writeFixtureData(dir, { contentVersion = 1 } = {}) {
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (const [name, value] of [["directory.json", FIXTURE_DIRECTORY], ["assessment.json", FIXTURE_FLOW]]) {
    const bytes = Buffer.from(JSON.stringify(value, null, 2), "utf8");
    writeFileSync(join(dir, name), bytes);
    files.push({ name, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length });
  }
  const manifest = { schema_version: 2, content_version: contentVersion, date: "2026-11-24", files };
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  signManifest(dir);
}
