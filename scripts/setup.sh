#!/usr/bin/env bash
# Installs every tool Rumbo's build and tests need, and skips in seconds what is
# already there at the right version. Only the package registries are reachable on
# our machines (no GitHub downloads), so each tool comes from crates.io, npm or Debian.
# Versions are pinned here and in Trunk.toml / Cargo.toml; change them together.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132
TERSER_VERSION=5.51.4
# Where npm-installed tools live: outside the checkout so a fresh clone on the same
# machine (as CI makes) reuses them.
TOOLS_DIR="${RUMBO_TOOLS_DIR:-$HOME/.local/share/rumbo-tools}"

want_browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

step() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

command -v cargo >/dev/null || { echo "setup.sh: Rust (cargo) is required: install it with rustup first" >&2; exit 1; }
command -v npm >/dev/null || { step "installing Node.js and npm (Debian)"; as_root apt-get update -qq; as_root apt-get install -y -qq nodejs npm; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

# make test checks formatting and clippy's warnings.
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    step "adding the $component component"
    rustup component add "$component"
  fi
done

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  step "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  # No --locked: its lock file pins a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! "$TOOLS_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  step "installing wasm-opt (npm binaryen@$BINARYEN_VERSION) into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
fi

# scripts/post-build.mjs minifies the wasm-bindgen glue with it (Trunk's minifier cannot).
if ! "$TOOLS_DIR/node_modules/.bin/terser" --version 2>/dev/null | grep -qx "terser $TERSER_VERSION"; then
  step "installing terser $TERSER_VERSION (npm) into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --loglevel=error "terser@$TERSER_VERSION"
fi

if [ "$want_browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/sbin/nginx ]; }; then
  step "installing Chromium, ChromeDriver and nginx (Debian; nginx for the deploy example test)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver nginx
fi

echo "setup: tools ready (trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, wasm-opt $BINARYEN_VERSION, terser $TERSER_VERSION)"
