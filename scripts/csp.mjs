// The Content-Security-Policy of Rumbo, in one place: the build writes it into
// index.html (<meta>), and the static server sends it as a header too, where
// `frame-ancestors` (ignored in <meta>) also stops other sites from framing the app.

/** The policy, given the hashes ('sha256-…') of the inline scripts index.html has. */
export function policyFor(scriptHashes, { meta = false } = {}) {
  const directives = [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets the browser compile our WebAssembly; nothing else is eval'd.
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.join(" ")}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ];
  if (!meta) directives.push("frame-ancestors 'none'");
  return directives.join("; ");
}

/** The script hashes named in an index.html that post-build.mjs has filled in. */
export function scriptHashesIn(html) {
  return [...html.matchAll(/'sha256-[A-Za-z0-9+/=]+'/g)].map((m) => m[0]);
}
