//! The pure core: everything Rumbo knows and decides, with no browser in sight.
//!
//! Nothing here may depend on `web-sys`, `leptos` or any other browser crate, so the whole
//! module compiles and is tested on the host in seconds. The folders are what the core
//! serves; the files at this level are small helpers every folder shares.
//!
//! - [`assessment`]: the self-assessment — its flow as data, the engine that walks it, the
//!   screens a person moves through, share codes, and the contacts an outcome offers.
//! - [`directory`]: the contact directory — entries, search, which office serves a place,
//!   distance, opening hours, and the links and cards built from an entry.
//! - [`content`]: the published content as one checked whole — manifest, validation, and
//!   whether a new publication replaces the one on the device.
//! - [`device`]: shared devices — the kiosk and outreach modes, their saved settings, the
//!   staff PIN, the idle clock, and the anonymous tallies.
//! - [`text`]: languages, and the one way text is folded for comparing.

pub mod assessment;
pub mod content;
pub mod device;
pub mod digest;
pub mod directory;
pub mod json;
pub mod order;
pub mod problem;
pub mod qr;
pub mod text;
