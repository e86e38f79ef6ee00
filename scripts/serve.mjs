// A static server for dist/ that behaves as production hosting should (README,
// "Deploying"): SPA fallback to index.html for app routes, the Content-Security-Policy
// as a header, hashed assets cached as immutable, index.html / sw.js / data manifest
// never cached, brotli or gzip when the browser accepts it. Used by `make serve` and
// by the e2e tests, so what the tests check is what deployers are told to configure.
//
//   node scripts/serve.mjs [DIR=dist] [PORT=8080] [HOST=127.0.0.1]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";
import { policyFor, scriptHashesIn } from "./csp.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".webmanifest", ".wasm", ".svg", ".txt", ".csv"]);
// Trunk names built assets like rumbo-0123456789abcdef.js: safe to cache forever. The
// hash is a u64 printed without leading zeros, so it is sometimes shorter than 16.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;

// `csp: false` leaves the policy header out: for pages not built by post-build.mjs (the
// load benchmark's hello world), whose inline loader no header names.
export function startServer({ dir = "dist", port = 8080, host = "127.0.0.1", csp = true } = {}) {
  const root = resolve(dir);
  const compressed = new Map(); // path+encoding+file version → bytes, so repeated requests are cheap

  async function fileFor(urlPath) {
    let decoded;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return null; // a malformed %-escape names no file; an app route still gets the app
    }
    let path = normalize(join(root, decoded));
    if (path !== root && !path.startsWith(root + sep)) return null; // no escaping dist/
    try {
      let info = await stat(path);
      if (info.isDirectory()) {
        path = join(path, "index.html");
        info = await stat(path);
      }
      return { path, body: await readFile(path), version: `${info.mtimeMs}:${info.size}` };
    } catch {
      return null;
    }
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      let file = await fileFor(url.pathname);
      // App routes (no file extension) fall back to index.html; a missing asset is a 404.
      if (!file && extname(url.pathname) === "") file = await fileFor("/index.html");
      if (!file) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
        res.end("Not found");
        return;
      }
      const ext = extname(file.path);
      const headers = {
        "content-type": TYPES[ext] || "application/octet-stream",
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        "permissions-policy": "geolocation=(self), camera=(), microphone=()",
      };
      if (HASHED.test(file.path)) headers["cache-control"] = "public, max-age=31536000, immutable";
      else headers["cache-control"] = "no-cache";
      if (ext === ".html" && csp) {
        headers["content-security-policy"] = policyFor(scriptHashesIn(file.body.toString("utf8")));
      }
      let body = file.body;
      const accepts = String(req.headers["accept-encoding"] || "");
      const encoding = !COMPRESSIBLE.has(ext) ? null : /\bbr\b/.test(accepts) ? "br" : /\bgzip\b/.test(accepts) ? "gzip" : null;
      if (encoding) {
        const key = `${file.path}:${encoding}:${file.version}`;
        if (!compressed.has(key)) {
          compressed.set(key, encoding === "br"
            ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
            : gzipSync(body, { level: 9 }));
        }
        body = compressed.get(key);
        headers["content-encoding"] = encoding;
        headers["vary"] = "accept-encoding";
      }
      headers["content-length"] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end(String(error));
    }
  });
  return new Promise((ready) => server.listen(port, host, () => ready(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = "dist", port = "8080", host = "127.0.0.1"] = process.argv.slice(2);
  const server = await startServer({ dir, port: Number(port), host });
  const { address, port: bound } = server.address();
  console.log(`Rumbo is served from ${dir}/ at http://${address}:${bound}/ (Ctrl+C stops it)`);
}
