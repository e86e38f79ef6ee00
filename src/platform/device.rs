//! The device's own settings (kiosk, outreach or personal use) and the wipe between
//! two people on a shared device.
//!
//! Settings live in `localStorage` because the first paint depends on them (a kiosk
//! must open on its welcome screen, not flash the personal home page). They describe
//! the device, never a person.

use crate::core::device::pin::{Instant, PBKDF2_ITERATIONS, PinHash, PinTries};
use crate::core::device::settings::DeviceSettings;
use crate::core::device::settings::{Access, Field, Fields, Saved, pins_kiosk};
use crate::platform::{json, preferences, share, speech};
use gloo::storage::{LocalStorage, SessionStorage, Storage};
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const KEY: &str = "rumbo.device";
/// Kept in the tab's session storage once the app was opened at a kiosk's start
/// address (`/?dispositivo=kiosco`), so a reload on another page (a pull-to-refresh on
/// the settings page) is still the pinned kiosk.
const PINNED: &str = "rumbo.pinned-kiosk";

/// Whether the device is a kiosk by its start address (see
/// `core::device::settings::PINNED_KIOSK_PARAM`): the address now, or earlier in this tab.
pub fn pinned_kiosk() -> bool {
    let storage = SessionStorage::raw();
    let by_address = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .is_some_and(|query| pins_kiosk(&query));
    if by_address {
        let _ = storage.set_item(PINNED, "1");
    }
    by_address || storage.get_item(PINNED).ok().flatten().is_some()
}

/// The device's settings as read (see `core::device::settings`): a personal device when
/// none were saved, unless pinned as a kiosk by its start address.
pub fn saved() -> Saved {
    let pinned = pinned_kiosk();
    // Storage that cannot be read at all (blocked, broken) is not "nothing saved".
    let record = match LocalStorage::raw().get_item(KEY) {
        Ok(record) => record,
        Err(_) => return Saved::unreadable().pinned(pinned),
    };
    match record {
        Some(record) => read_record(&record).pinned(pinned),
        None => Saved::none(pinned),
    }
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
        let salt = member(v, "salt")?.as_string()?;
        if let Some(key) = member(v, "pbkdf2_sha256") {
            return Some(PinHash::Pbkdf2 {
                salt,
                iterations: whole(&member(v, "iterations")?).filter(|n| *n > 0)?,
                pbkdf2_sha256: key.as_string()?,
            });
        }
        Some(PinHash::Sha256 {
            salt,
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
    json::store(KEY, settings)
        && LocalStorage::raw()
            .get_item(KEY)
            .ok()
            .flatten()
            .is_some_and(|record| &read_record(&record).settings == settings)
}

const PIN_TRIES: &str = "rumbo.pin-tries";

/// Wrong PINs in a row and when the last was entered, kept across reloads so a reload
/// does not reset the wait; as seen now (a clock set back restarts the wait, see
/// `core::device::pin::PinTries::seen_at`), and stored so.
pub fn pin_tries() -> PinTries {
    let storage = LocalStorage::raw();
    let saved = storage.get_item(PIN_TRIES).ok().flatten().unwrap_or_default();
    let stored = PinTries::from_record(&saved);
    let seen = stored.seen_at(now());
    if seen != stored {
        let _ = storage.set_item(PIN_TRIES, &seen.to_record());
    }
    seen
}

/// Records a wrong PIN, or clears the count after the right one.
pub fn record_pin_try(right: bool) {
    let storage = LocalStorage::raw();
    if right {
        let _ = storage.remove_item(PIN_TRIES);
    } else {
        let _ = storage.set_item(PIN_TRIES, &pin_tries().wrong_at(now()).to_record());
    }
}

/// Now, on the wall clock and on `performance.timeOrigin + performance.now()`.
pub fn now() -> Instant {
    let wall_ms = js_sys::Date::now();
    let origin = web_sys::window()
        .and_then(|window| Reflect::get(&window, &"performance".into()).ok())
        .and_then(|performance| Reflect::get(&performance, &"timeOrigin".into()).ok())
        .and_then(|origin| origin.as_f64());
    let mono_ms = origin.map_or(wall_ms, |origin| origin + monotonic_ms());
    Instant { wall_ms, mono_ms }
}

/// Fresh randomness for salting a new staff PIN: 16 bytes from `crypto.getRandomValues`,
/// in hex; `None` where the browser has none (then no PIN is set).
pub fn random_salt() -> Option<String> {
    let window: JsValue = web_sys::window()?.into();
    let crypto = Reflect::get(&window, &"crypto".into()).ok()?;
    let fill: Function = Reflect::get(&crypto, &"getRandomValues".into()).ok()?.dyn_into().ok()?;
    let bytes = Uint8Array::new_with_length(16);
    fill.call1(&crypto, &bytes).ok()?;
    Some(hex(&bytes.to_vec()))
}

/// PBKDF2-HMAC-SHA-256 of `pin` with `salt` (its UTF-8 text) over `iterations`, by the
/// browser's `crypto.subtle`: the 32-byte key in hex; `None` where it is unavailable
/// (an insecure origin) or fails.
pub async fn derive_pin_key(pin: &str, salt: &str, iterations: u32) -> Option<String> {
    let window: JsValue = web_sys::window()?.into();
    let crypto = Reflect::get(&window, &"crypto".into()).ok()?;
    let subtle = Reflect::get(&crypto, &"subtle".into())
        .ok()
        .filter(JsValue::is_object)?;
    let method = |name: &str| -> Option<Function> { Reflect::get(&subtle, &name.into()).ok()?.dyn_into().ok() };
    let usages = Array::of1(&"deriveBits".into());
    let import_args = Array::of5(
        &"raw".into(),
        &Uint8Array::from(pin.as_bytes()),
        &"PBKDF2".into(),
        &false.into(),
        &usages,
    );
    let importing = method("importKey")?.apply(&subtle, &import_args).ok()?;
    let key = JsFuture::from(Promise::from(importing)).await.ok()?;
    let params = Object::new();
    for (name, value) in [
        ("name", JsValue::from_str("PBKDF2")),
        ("hash", JsValue::from_str("SHA-256")),
        ("salt", Uint8Array::from(salt.as_bytes()).into()),
        ("iterations", JsValue::from(iterations)),
    ] {
        Reflect::set(&params, &name.into(), &value).ok()?;
    }
    let deriving = method("deriveBits")?
        .call3(&subtle, &params, &key, &JsValue::from(256))
        .ok()?;
    let bits = JsFuture::from(Promise::from(deriving)).await.ok()?;
    Some(hex(&Uint8Array::new(&bits).to_vec()))
}

/// A new staff PIN, hashed with a fresh salt (see `core::device::pin`); `None` where the
/// browser cannot, and then no PIN is stored.
pub async fn new_pin_hash(pin: &str) -> Option<PinHash> {
    let salt = random_salt()?;
    let key = derive_pin_key(pin, &salt, PBKDF2_ITERATIONS).await?;
    Some(PinHash::pbkdf2(&salt, &key))
}

/// Whether `pin` opens the settings, deriving its key in the browser when the stored
/// hash needs one.
pub async fn unlock(access: &Access, pin: &str) -> bool {
    let derived = match access {
        Access::Pin(hash) => match hash.derivation() {
            Some(how) => derive_pin_key(pin, &how.salt, how.iterations).await,
            None => None,
        },
        _ => None,
    };
    access.unlock(pin, derived.as_deref())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Where a shared device starts afresh: the start page, at the kiosk's start address
/// when it was opened there, so the next load is pinned too.
fn start_page() -> &'static str {
    if pinned_kiosk() { "/?dispositivo=kiosco" } else { "/" }
}

/// Forgets the person who just used the device and starts afresh for the next one.
///
/// Everything of theirs is in memory (answers, search, open dialogs, scroll), in the
/// address (a share fragment) or is their language choice. Loading the start page anew
/// with `location.replace` drops the first two without adding a history entry; shared
/// devices navigate with replace only (see `ui::shared_device`), so no earlier page of
/// theirs is left to go back to, and `drop_forward_history` removes any left Forward.
///
/// What the app copied for them (a share link, a number) is wiped from the clipboard
/// first, and then the page is left.
pub fn forget_person() {
    speech::stop();
    let start = start_page();
    wasm_bindgen_futures::spawn_local(async move {
        share::forget_copied().await;
        preferences::forget_lang();
        SessionStorage::clear();
        if start != "/" {
            let _ = SessionStorage::raw().set_item(PINNED, "1");
        }
        drop_forward_history(Some(start));
        if let Some(window) = web_sys::window() {
            let _ = window.location().replace(start);
        }
    });
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
