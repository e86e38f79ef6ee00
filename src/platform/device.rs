//! The device's own settings (kiosk, outreach or personal use) and the wipe between
//! two people on a shared device.
//!
//! Settings live in `localStorage` because the first paint depends on them (a kiosk
//! must open on its welcome screen, not flash the personal home page). They describe
//! the device, never a person.

use crate::core::kiosk::DeviceSettings;
use crate::platform::{preferences, speech};
use gloo::storage::{LocalStorage, SessionStorage, Storage};

const KEY: &str = "rumbo.device";

/// The device's settings; a personal device when none were saved or they are unreadable.
pub fn load() -> DeviceSettings {
    LocalStorage::get::<DeviceSettings>(KEY).unwrap_or_default()
}

/// Saves the settings; `false` when the browser refused (storage off or full), so staff
/// are told the change did not stick.
pub fn save(settings: &DeviceSettings) -> bool {
    LocalStorage::set(KEY, settings).is_ok() && LocalStorage::get::<DeviceSettings>(KEY).is_ok_and(|s| &s == settings)
}

/// Forgets the person who just used the device and starts afresh for the next one.
///
/// Everything of theirs is in memory (answers, search, open dialogs, scroll), in the
/// address (a share fragment) or is their language choice. Loading the start page anew
/// with `location.replace` drops the first two without adding a history entry; shared
/// devices navigate with replace only (see `ui::shared_device`), so no earlier page of
/// theirs is left to go back to.
pub fn forget_person() {
    speech::stop();
    preferences::forget_lang();
    SessionStorage::clear();
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace("/");
    }
}

/// Fresh randomness for salting a new staff PIN.
pub fn random_salt() -> String {
    (0..4)
        .map(|_| format!("{:08x}", (js_sys::Math::random() * f64::from(u32::MAX)) as u32))
        .collect()
}

/// Today's date on the device's clock, `YYYY-MM-DD`, for the daily tallies.
pub fn local_date() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}
