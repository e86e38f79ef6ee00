//! The interface's message catalogs (locales/*.json) must agree: Spanish and English are
//! complete, so a key in one and not the other is a bug. Further languages (K'iche',
//! Mam) may be partial because they fall back to Spanish, but may not invent keys.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;

fn keys(lang: &str) -> BTreeSet<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(format!("{lang}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let object = json
        .as_object()
        .unwrap_or_else(|| panic!("{} is not a JSON object", path.display()));
    for (key, value) in object {
        let text = value
            .as_str()
            .unwrap_or_else(|| panic!("{lang}.json: {key} is not a string"));
        assert!(!text.trim().is_empty(), "{lang}.json: {key} is blank");
    }
    object.keys().cloned().collect()
}

fn catalogs() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut langs: Vec<String> = std::fs::read_dir(dir)
        .expect("locales/")
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".json").map(str::to_string))
        .collect();
    langs.sort();
    langs
}

#[test]
fn spanish_and_english_have_exactly_the_same_keys() {
    let es = keys("es");
    let en = keys("en");
    let only_es: Vec<_> = es.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&es).collect();
    assert!(
        only_es.is_empty() && only_en.is_empty(),
        "only in es: {only_es:?}; only in en: {only_en:?}"
    );
}

#[test]
fn other_catalogs_only_translate_keys_spanish_has() {
    let es = keys("es");
    for lang in catalogs() {
        let extra: Vec<_> = keys(&lang).difference(&es).cloned().collect();
        assert!(extra.is_empty(), "{lang}.json has keys Spanish lacks: {extra:?}");
    }
}

#[test]
fn every_catalog_is_a_language_the_app_offers() {
    for lang in catalogs() {
        assert!(
            rumbo::core::text::lang::Lang::from_code(&lang).is_some(),
            "locales/{lang}.json: language not in Lang::ALL"
        );
    }
}
