//! The pure core: everything Rumbo knows and decides, with no browser in sight.
//!
//! Nothing here may depend on `web-sys`, `leptos` or any other browser crate, so the whole
//! module compiles and is tested on the host in seconds.

pub mod answers;
pub mod assessment;
pub mod condition;
pub mod contacts;
pub mod content;
pub mod directory;
pub mod directory_csv;
pub mod engine;
pub mod geo;
pub mod json;
pub mod kiosk;
pub mod lang;
pub mod line_mentions;
pub mod link_language;
pub mod links;
pub mod manifest;
pub mod opening;
pub mod order;
pub mod phone_display;
pub mod problem;
pub mod qr;
pub mod saved_settings;
pub mod search;
pub mod serving;
pub mod share_code;
pub mod tallies;
pub mod update;
pub mod validate;
pub mod vcard;
