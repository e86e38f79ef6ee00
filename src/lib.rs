//! Rumbo: the web app of the Migrant Resource Centre in Quetzaltenango.
//!
//! Three layers, one folder each:
//! - [`core`]: the rules of the app (content model, assessment engine, directory search,
//!   share codes, validation). Pure Rust, no browser: tested on the host with `cargo test`.
//! - `platform` (wasm32 only): the thin browser layer: IndexedDB, data sync, storage,
//!   service worker, speech. Tested in headless Chromium with `wasm-bindgen-test`.
//! - `ui` (wasm32 only): Leptos components and routes; views hold no business rules.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod platform;

#[cfg(target_arch = "wasm32")]
pub mod ui;
