//! The thin browser layer: everything that touches `web-sys`, kept small so the rules
//! stay in [`crate::core`]. Tested in headless Chromium with `wasm-bindgen-test`.

pub mod data_store;
pub mod db;
pub mod device;
pub mod favourites;
pub mod fetch;
pub mod format;
pub mod geolocation;
pub mod json;
pub mod network;
pub mod preferences;
pub mod service_worker;
pub mod share;
pub mod speech;
pub mod sync;
pub mod tallies;
