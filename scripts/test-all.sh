#!/usr/bin/env bash
# Runs every test layer of Rumbo, in the order a failure is cheapest to find:
#   0. lint:    cargo fmt --check, then cargo clippy with warnings as errors, on the host
#               (every target) and on wasm32 (the app: library and its binary)
#   1. host:    cargo test (the pure core, the staff's data tool, catalog checks)
#   2. browser: wasm-bindgen-test in headless Chromium (IndexedDB and other browser code)
#   3. build:   trunk build --release --offline, every page prerendered, then the size report
#   4. e2e:     Playwright (playwright-core + Debian's Chromium) against dist/
# It installs whatever is missing first, keeps going after a failed layer so one run
# shows everything, and ends with a summary: one line per layer, then the totals.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export PATH="$HOME/.cargo/bin:${RUMBO_TOOLS_DIR:-$HOME/.local/share/rumbo-tools}/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
# dist/ serves the repository's data, signed with the development key: this build must
# trust it (see the Makefile and README, "Deploying").
export RUMBO_ALLOW_DEV_KEY=1
logs=$(mktemp -d)
started=$(date +%s)

bash scripts/setup.sh --browser || { echo "setup failed"; exit 1; }
if [ ! -d e2e/node_modules ] || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci in e2e/ failed"; exit 1; }
fi
cargo fetch --quiet || { echo "cargo fetch failed"; exit 1; }

declare -a names results passed failed seconds
run_layer() { # name log-parser command...
  local name=$1 parser=$2; shift 2
  local log="$logs/$name.log" t0=$(date +%s) status
  printf '\n==== %s: %s\n' "$name" "$*"
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  local counts; counts=$("$parser" "$log")
  names+=("$name"); seconds+=($(( $(date +%s) - t0 )))
  passed+=("${counts% *}"); failed+=("${counts#* }")
  if [ "$status" = 0 ]; then results+=(ok); else results+=(FAILED); fi
}
# "N passed; M failed" lines of cargo test and wasm-bindgen-test, summed.
cargo_counts() {
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
       END { print p + 0, f + 0 }' "$1"
}
# Node's test runner, spec reporter: "ℹ pass N" / "ℹ fail N".
node_counts() {
  awk 'NF == 3 && $2 == "pass" { p = $3 } NF == 3 && $2 == "fail" { f = $3 } END { print p + 0, f + 0 }' "$1"
}
# A layer that is one check: 1 passed or 1 failed by its exit status.
step_counts() { if grep -q '^step: ok$' "$1"; then echo "1 0"; else echo "0 1"; fi; }
step() { "$@" && echo "step: ok"; }

run_layer lint step_counts step bash -c 'cargo fmt --check && cargo clippy --quiet --all-targets -- -D warnings && cargo clippy --quiet --target wasm32-unknown-unknown --lib --bin rumbo -- -D warnings'
run_layer host cargo_counts cargo test --quiet
run_layer browser cargo_counts cargo test --target wasm32-unknown-unknown --test 'browser_*'
run_layer build step_counts step bash -c 'trunk build --release --offline && node scripts/prerender.mjs dist && node scripts/size-report.mjs dist --budget 388'
if [ -f dist/index.html ]; then
  run_layer e2e node_counts node --test --test-concurrency=1 --test-timeout=600000 --test-reporter=spec e2e/
else
  names+=(e2e); results+=("FAILED (no dist/)"); passed+=(0); failed+=(1); seconds+=(0)
fi

total_passed=0; total_failed=0; ok=1
printf '\n==== Summary (%ss in all)\n' "$(( $(date +%s) - started ))"
for i in "${!names[@]}"; do
  printf '%-8s %-20s %5s passed %5s failed %5ss\n' "${names[$i]}" "${results[$i]}" "${passed[$i]}" "${failed[$i]}" "${seconds[$i]}"
  total_passed=$(( total_passed + passed[i] )); total_failed=$(( total_failed + failed[i] ))
  [ "${results[$i]}" = ok ] || ok=0
done
# A layer that failed without a failing test (a compile error, say) still fails the run.
if [ "$ok" = 0 ] && [ "$total_failed" = 0 ]; then total_failed=1; fi
echo "$total_passed passed, $total_failed failed"
[ "$ok" = 1 ]
