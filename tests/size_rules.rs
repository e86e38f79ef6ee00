//! Code patterns that make the app's download larger, kept out of the code the browser
//! runs. Each was measured (docs/size.md): a `t!` in a view, a slice sort or a float
//! printed with `{:.N}`, a second JSON parser each compile extra copies of library code
//! into the wasm. The rules apply to the code of the app's three layers before a file's
//! `#[cfg(test)]` module; the staff's tool (`src/bin/rumbo-data/`) runs only on the host.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Each app source file's code outside its tests, with the file's path.
fn app_code() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for layer in ["src/core", "src/platform", "src/ui"] {
        rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(layer), &mut files);
    }
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap().to_string();
            (path.display().to_string(), code)
        })
        .collect()
}

/// The lines of the app's code that contain any of `patterns`, as "file:line: text".
fn offending_lines(patterns: &[&str], except: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (path, code) in app_code() {
        if except.iter().any(|e| path.ends_with(e)) {
            continue;
        }
        for (at, line) in code.lines().enumerate() {
            let is_comment = line.trim_start().starts_with("//");
            if !is_comment && patterns.iter().any(|p| line.contains(p)) {
                found.push(format!("{path}:{}: {}", at + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn views_use_the_shared_text_macros_not_t() {
    let found = offending_lines(&["t!(i18n"], &[]);
    assert!(
        found.is_empty(),
        "use tr!/tr_with!/tr_signal! (src/ui/text.rs) instead of t!, see docs/size.md:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_app_sorts_through_core_order() {
    let found = offending_lines(
        &[
            ".sort()",
            ".sort_by(",
            ".sort_by_key(",
            ".sort_unstable",
            ".sort_by_cached_key(",
        ],
        &["src/core/order.rs"],
    );
    assert!(
        found.is_empty(),
        "sort with crate::core::order instead of slice sorts, see docs/size.md:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_app_prints_no_floats_with_a_precision() {
    let found = offending_lines(&[":.1}", ":.2}", ":.3}", ":.4}", ":.5}", ":.6}"], &[]);
    assert!(
        found.is_empty(),
        "print coordinates with links::coordinate and numbers as integers, see docs/size.md:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_app_reads_json_through_the_cores_reader() {
    // One serde_json reader for content (core::json::SerdeJson); gloo's typed
    // `localStorage` access (`get`, `set`) would add its own code for small values that
    // `platform::json` reads with the browser.
    let found = offending_lines(
        &["serde_json", "Storage::get(", "Storage::get::<", "Storage::set("],
        &["src/core/json.rs"],
    );
    assert!(
        found.is_empty(),
        "read content through core::json::ReadJson, small stored values through platform::json, see docs/size.md:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_language_comes_from_the_apps_own_context() {
    // leptos_i18n's generated `use_i18n` would find no context (the app provides its
    // own, `ui::language::I18n`: the crate's context parses the browser's languages
    // with ICU, 13 KB of the download) and panic at run time.
    let found: Vec<String> = offending_lines(&["use_i18n"], &[])
        .into_iter()
        .filter(|line| line.contains("ui::i18n::") || line.contains("leptos_i18n::"))
        .collect();
    assert!(
        found.is_empty(),
        "use crate::ui::language::use_i18n, see docs/size.md:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_rules_see_the_code_they_guard() {
    // If the scan found no files or cut them wrongly, the tests above would pass vacuously.
    let code = app_code();
    assert!(code.len() > 40, "only {} source files found", code.len());
    assert!(
        offending_lines(&["tr!("], &[]).len() > 100,
        "the views' tr! uses are not seen"
    );
    assert!(!offending_lines(&["order::sort"], &["src/core/order.rs"]).is_empty());
}
