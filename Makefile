# Rumbo's two commands (see README.md):
#   make serve   install what is missing, build, and serve the app at http://127.0.0.1:8080
#   make test    install what is missing and run every test layer, ending in a summary
.PHONY: serve test build size test-long pages bench-load

PATH := $(HOME)/.cargo/bin:$(HOME)/.local/share/rumbo-tools/node_modules/.bin:$(PATH)
export PATH
# The repository's sample data is signed with the published development key
# (keys/development.secret), which release builds refuse unless built with this; a
# centre's own build leaves it unset and trusts only keys/trusted.pub (README, Deploying).
RUMBO_ALLOW_DEV_KEY ?= 1
export RUMBO_ALLOW_DEV_KEY

serve:
	bash scripts/setup.sh --browser
	cargo fetch --quiet
	trunk build --release
	$(MAKE) pages
	node scripts/serve.mjs dist 8080 127.0.0.1

test:
	bash scripts/test-all.sh

# Not one of the two commands: the long property runs left out of `make test` (a million
# forged share codes with valid checksums, src/core/assessment/share_code.rs).
test-long:
	cargo test --lib -- --ignored

# Not one of the two commands; handy while working.
build:
	trunk build --release
	$(MAKE) pages

# Every page of dist/ as HTML with its content (scripts/prerender.mjs, docs/rendering.md),
# from the data in public/data: `rumbo-data import`, `manifest` and `sign` run it when
# dist/ is built (src/bin/rumbo-data/pages.rs). RUMBO_PUBLIC_ORIGIN=https://… names the public address for the
# canonical URLs, link previews and sitemap.xml.
pages:
	@[ -f dist/index.html ] || { echo "no dist/: run make build"; exit 1; }
	@[ -d e2e/node_modules ] || (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
	rm -rf dist/data && cp -r public/data dist/data
	node scripts/prerender.mjs dist

size: build
	node scripts/size-report.mjs dist

# Not one of the two commands: timings of search and serving over 10,000 synthetic
# entries, on the host (benches/search.rs) and in headless Chromium
# (tests/bench_browser_search.rs), then, where present, the app's load times.
.PHONY: bench
bench:
	cargo bench --bench search
	bash scripts/setup.sh --browser
	cargo test --release --target wasm32-unknown-unknown --test bench_browser_search -- --nocapture
	if [ -f e2e/bench-load.mjs ]; then \
	  bash scripts/setup.sh --browser && \
	  { [ -d e2e/node_modules ] || (cd e2e && npm ci --no-audit --no-fund --loglevel=error); } && \
	  $(MAKE) bench-load; \
	fi

# Not one of the two commands: Lighthouse's mobile profile on four pages and on a Leptos
# hello world built the same way (e2e/bench-load.mjs), 3 runs each, medians.
bench-load:
	bash scripts/setup.sh --browser
	[ -d e2e/node_modules ] || (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
	[ -d benches/load/node_modules ] || (cd benches/load && npm ci --no-audit --no-fund --loglevel=error)
	trunk build --release
	node scripts/prerender.mjs dist
	node e2e/bench-load.mjs 3
