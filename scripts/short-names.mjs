// Shorter names between the wasm and its JS glue, for a smaller download.
//
// wasm-bindgen names every function the wasm imports from the glue, and many it exports
// to it, like `__wbg_getItem_9fb6a1c4e2d07b35`: some 330 names whose hex hashes cannot be
// compressed, written once in the wasm and once in the glue. Each name here becomes a
// short one ("a", "b", … "aB", …) in both files, the same way every build; nothing
// else changes. (7 KB less brotli on the first load, docs/size.md.)
//
// Only names the glue spells out are renamed, so a name that something else might
// use (the wasm's `memory`, `main`) keeps its name.

const RENAMED = /^(__wbg_|__wbindgen_|__wasm_bindgen_|__externref_|wasm_bindgen__|intounderlying)[A-Za-z0-9_]*$/;

function readU32(buf, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[at++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return [value >>> 0, at];
}

function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

function readName(buf, at) {
  const [length, start] = readU32(buf, at);
  return [buf.subarray(start, start + length).toString("utf8"), start + length];
}

const name = (text) => {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([u32(bytes.length), bytes]);
};

function shortName(index) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let text = "";
  do {
    text = letters[index % letters.length] + text;
    index = Math.floor(index / letters.length);
  } while (index > 0);
  return text;
}

// Skips an import's description (function, table, memory or global).
function skipImport(buf, at) {
  const kind = buf[at++];
  if (kind === 0) return readU32(buf, at)[1];
  if (kind === 1) at++; // a table's element type
  if (kind === 1 || kind === 2) {
    const flags = buf[at++];
    at = readU32(buf, at)[1];
    return flags & 1 ? readU32(buf, at)[1] : at;
  }
  if (kind === 3) return at + 2; // a global's type and mutability
  throw new Error(`unknown import kind ${kind}`);
}

/**
 * The wasm and its glue with the names they share shortened: `{ wasm, js, renamed }`.
 * `wasm` is a Buffer, `js` the glue's text.
 */
export function shortenNames(wasm, js) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  const spelled = (text) => RENAMED.test(text) && new RegExp(`\\b${text}\\b`).test(js);
  const renamed = new Map();
  const rename = (text) => {
    if (!spelled(text)) return text;
    if (!renamed.has(text)) renamed.set(text, shortName(renamed.size));
    return renamed.get(text);
  };

  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = readU32(wasm, at + 1);
    const end = body + size;
    if (id !== 2 && id !== 7) {
      parts.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    let [count, p] = readU32(wasm, body);
    const out = [u32(count)];
    for (let i = 0; i < count; i++) {
      if (id === 2) {
        let module, field;
        [module, p] = readName(wasm, p);
        [field, p] = readName(wasm, p);
        const description = p;
        p = skipImport(wasm, p);
        out.push(name(module), name(rename(field)), wasm.subarray(description, p));
      } else {
        let field;
        [field, p] = readName(wasm, p);
        const description = p;
        p = readU32(wasm, p + 1)[1]; // kind, then index
        out.push(name(rename(field)), wasm.subarray(description, p));
      }
    }
    if (p !== end) throw new Error(`section ${id} read to ${p}, ends at ${end}`);
    const section = Buffer.concat(out);
    parts.push(Buffer.from([id]), u32(section.length), section);
    at = end;
  }

  for (const [from, to] of renamed) js = js.replace(new RegExp(`\\b${from}\\b`, "g"), to);
  return { wasm: Buffer.concat(parts), js, renamed: renamed.size };
}
