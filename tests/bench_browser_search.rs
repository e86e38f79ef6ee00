//! The search benchmark in the browser: the same 10,000 synthetic entries as
//! `benches/search.rs`, searched by the release-built core in headless Chromium, timed
//! with the page's clock. A benchmark, not a test: it prints figures and asserts only
//! that searching finds something. Run with `make bench`.
#![cfg(target_arch = "wasm32")]

#[path = "support/synthetic.rs"]
mod synthetic;

use rumbo::core::directory::search::{Query, SearchIndex};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Milliseconds per run of `work`, averaged over `runs`.
fn time_ms(runs: u32, mut work: impl FnMut()) -> f64 {
    let start = js_sys::Date::now();
    for _ in 0..runs {
        work();
    }
    (js_sys::Date::now() - start) / f64::from(runs)
}

#[wasm_bindgen_test]
fn search_over_ten_thousand_entries() {
    let directory = synthetic::synthetic_directory(10_000, 2026);
    let mut index = None;
    let build = time_ms(3, || index = Some(SearchIndex::build(&directory)));
    let index = index.expect("built");
    let mut lines = vec![format!("browser: index build, 10k entries: {build:.1} ms")];
    for text in ["quetzaltenango", "quetzaltenago", "consulado texas", "pas"] {
        let query = Query {
            text: text.to_string(),
            ..Query::default()
        };
        let found = index.search(&query).entries.len();
        assert!(found > 0, "{text} finds entries");
        let each = time_ms(20, || {
            std::hint::black_box(index.search(&query));
        });
        lines.push(format!(
            "browser: search {text:?} ({found} found), 10k entries: {each:.2} ms"
        ));
    }
    for line in lines {
        web_sys::console::log_1(&line.into());
    }
}
