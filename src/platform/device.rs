//! The device's own settings (kiosk, outreach or personal use) and the wipe between
//! two people on a shared device.
//!
//! Settings live in `localStorage` because the first paint depends on them (a kiosk
//! must open on its welcome screen, not flash the personal home page). They describe
//! the device, never a person.

use crate::core::device::pin::PinHash;
use crate::core::device::settings::DeviceSettings;
use crate::core::device::settings::{Field, Fields, Saved};
use crate::platform::{json, preferences, speech};
use gloo::storage::{LocalStorage, SessionStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

const KEY: &str = "rumbo.device";

/// The device's settings: a personal device when none were saved; what can be read of a
/// record that cannot be read whole (see `core::device::settings`).
pub fn load() -> DeviceSettings {
    saved().map(|saved| saved.settings).unwrap_or_default()
}

/// Whether settings were saved on this device but could not all be read (damaged, or
/// written by another version): the settings page tells staff to check and save them.
pub fn unreadable() -> bool {
    saved().is_some_and(|saved| saved.damaged)
}

fn saved() -> Option<Saved> {
    let record = LocalStorage::raw().get_item(KEY).ok().flatten()?;
    Some(read_record(&record))
}

/// Reads the saved record field by field (the rules are `core::device::settings`), with the
/// browser's own JSON reader: serde would bring one reader per field type into the
/// download for these few values.
fn read_record(record: &str) -> Saved {
    let Ok(value) = js_sys::JSON::parse(record) else {
        return Saved::unreadable();
    };
    if !value.is_object() || value.is_null() || js_sys::Array::is_array(&value) {
        return Saved::unreadable();
    }
    let member = |of: &JsValue, name: &str| {
        js_sys::Reflect::get(of, &name.into())
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    };
    let whole = |v: &JsValue| {
        v.as_f64()
            .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
            .map(|n| n as u32)
    };
    let pin = |v: &JsValue| {
        Some(PinHash {
            salt: member(v, "salt")?.as_string()?,
            sha256: member(v, "sha256")?.as_string()?,
        })
    };
    Saved::from_fields(Fields {
        mode: field(member(&value, "mode"), |v| v.as_string()),
        pin: field(member(&value, "pin"), pin),
        idle_seconds: field(member(&value, "idle_seconds"), whole),
        warning_seconds: field(member(&value, "warning_seconds"), whole),
    })
}

fn field<T>(value: Option<JsValue>, read: impl Fn(&JsValue) -> Option<T>) -> Field<T> {
    match value {
        None => Field::Absent,
        Some(value) => read(&value).map_or(Field::Unreadable, Field::Read),
    }
}

/// Saves the settings; `false` when the browser refused (storage off or full), so staff
/// are told the change did not stick.
pub fn save(settings: &DeviceSettings) -> bool {
    json::store(KEY, settings) && saved().is_some_and(|saved| &saved.settings == settings)
}

const PIN_TRIES: &str = "rumbo.pin-tries";

/// Wrong PINs in a row and when the last was entered (wall-clock ms), kept across
/// reloads so a reload does not reset the wait. Written as `count,ms`.
pub fn pin_tries() -> (u32, f64) {
    let saved = LocalStorage::raw()
        .get_item(PIN_TRIES)
        .ok()
        .flatten()
        .unwrap_or_default();
    let mut parts = saved.split(',');
    let count = parts.next().and_then(|c| c.parse().ok()).unwrap_or(0);
    let at = parts.next().and_then(|t| t.parse::<i64>().ok()).unwrap_or(0);
    (count, at as f64)
}

/// Records a wrong PIN, or clears the count after the right one.
pub fn record_pin_try(right: bool) {
    let storage = LocalStorage::raw();
    if right {
        let _ = storage.remove_item(PIN_TRIES);
    } else {
        let (count, _) = pin_tries();
        let now = js_sys::Date::now() as i64;
        let _ = storage.set_item(PIN_TRIES, &format!("{},{now}", count.saturating_add(1)));
    }
}

/// Forgets the person who just used the device and starts afresh for the next one.
///
/// Everything of theirs is in memory (answers, search, open dialogs, scroll), in the
/// address (a share fragment) or is their language choice. Loading the start page anew
/// with `location.replace` drops the first two without adding a history entry; shared
/// devices navigate with replace only (see `ui::shared_device`), so no earlier page of
/// theirs is left to go back to, and `drop_forward_history` removes any left Forward.
pub fn forget_person() {
    speech::stop();
    preferences::forget_lang();
    SessionStorage::clear();
    drop_forward_history(Some("/"));
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace("/");
    }
}

/// Cuts off the browser's Forward entries, which on a shared device are pages an
/// earlier person saw: they exist when someone went Back (the Android back gesture)
/// and the browser kept the pages after it. Pushing an entry makes the browser discard
/// every entry after the current one; with `start_page` the current entry is first
/// pointed there, so neither entry left names a page that person saw.
///
/// Only browsers with the Navigation API (Chrome, which the centre's tablets run) tell
/// whether there are Forward entries; elsewhere nothing is done rather than adding a
/// history entry on every start.
pub fn drop_forward_history(start_page: Option<&str>) {
    let Some(window) = web_sys::window() else { return };
    let can_go_forward = js_sys::Reflect::get(&window, &"navigation".into())
        .and_then(|navigation| js_sys::Reflect::get(&navigation, &"canGoForward".into()))
        .is_ok_and(|value| value.is_truthy());
    let Ok(history) = window.history() else { return };
    if can_go_forward {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", start_page);
        let _ = history.push_state_with_url(&JsValue::NULL, "", start_page);
    }
}

/// Keeps one history entry of the app's own behind the current one on a shared device.
/// There every navigation replaces the current entry, so Back (Android's back gesture)
/// left the app for whatever came before it — a blank or the browser's start page — and
/// Forward then reopened the last person's page. With an entry behind, Back stays in
/// the app and shows its start page; called again after each Back, it puts a fresh entry
/// on top, which also drops the Forward one.
///
/// Needs the Navigation API (Chrome, which the centre's tablets run) to tell whether the
/// entry behind is already the app's; elsewhere nothing is done rather than adding an
/// entry at every start.
pub fn keep_an_entry_behind() {
    let Some(window) = web_sys::window() else { return };
    let index = js_sys::Reflect::get(&window, &"navigation".into())
        .and_then(|navigation| js_sys::Reflect::get(&navigation, &"currentEntry".into()))
        .and_then(|entry| js_sys::Reflect::get(&entry, &"index".into()))
        .ok()
        .and_then(|index| index.as_f64());
    // `index` counts only this site's entries: 0 means none of the app's is behind.
    // The entry behind is pointed at the start page, never at the page shown now: that
    // address may carry a person's answers (a share link's fragment).
    if index == Some(0.0)
        && let Ok(history) = window.history()
        && let Ok(here) = window.location().href()
    {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some("/"));
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&here));
    }
}

/// Milliseconds on a clock that only moves forward at one second per second
/// (`performance.now`), for the idle reset. The wall clock jumps when a tablet sets its
/// time on finding a signal: forward, it wiped a person mid-answer; backward, it never
/// reset and left their answers to the next person.
pub fn monotonic_ms() -> f64 {
    web_sys::window()
        .and_then(|window| js_sys::Reflect::get(&window, &"performance".into()).ok())
        .and_then(|performance| {
            let now: js_sys::Function = js_sys::Reflect::get(&performance, &"now".into())
                .ok()?
                .dyn_into()
                .ok()?;
            now.call0(&performance).ok()?.as_f64()
        })
        .unwrap_or_else(js_sys::Date::now)
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
