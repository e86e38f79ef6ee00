//! The pure core: everything Rumbo knows and decides, with no browser in sight.
//!
//! Nothing here may depend on `web-sys`, `leptos` or any other browser crate, so the whole
//! module compiles and is tested on the host in seconds.

pub mod lang;
pub mod qr;
