//! Generates the `i18n` module of the interface's message catalogs (locales/*.json)
//! with leptos_i18n. Spanish is the default locale and the fallback for missing keys.
//! Only the wasm build uses the module, so the host build skips the work.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        return Ok(());
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR not set")?).join("i18n");
    // interpolate_display: messages with values can also be produced as plain strings
    // (for attributes such as aria-label and for text read aloud).
    let options = ParseOptions::default().interpolate_display(true);
    let cfg = Config::new("es")?.add_locale("en")?.parse_options(options);
    let infos = TranslationsInfos::parse(cfg)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;
    Ok(())
}
