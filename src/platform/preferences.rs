//! Small settings that must be known before the first paint, kept in `localStorage`
//! because it answers synchronously (IndexedDB would make the first screen flash in
//! the wrong language).

use crate::core::text::lang::Lang;
use crate::platform::json;
use gloo::storage::{LocalStorage, Storage};

const LANG_KEY: &str = "rumbo.lang";

/// The language the person chose on this device, if any.
pub fn saved_lang() -> Option<Lang> {
    json::stored(LANG_KEY)?
        .as_string()
        .and_then(|code| Lang::from_code(&code))
}

/// The language the link this page was opened from was made in (`core::text::link_language`),
/// for a device where nobody has chosen one.
pub fn link_lang() -> Option<Lang> {
    let hash = web_sys::window()?.location().hash().ok()?;
    crate::core::text::link_language::read(&hash).0
}

/// Remembers the chosen language. Failing to store (storage disabled or full) is not
/// worth bothering the person about: the switch still works for this visit.
pub fn save_lang(lang: Lang) {
    json::store(LANG_KEY, lang.code());
}

/// Forgets the chosen language, so the next person on a shared device starts in Spanish.
pub fn forget_lang() {
    LocalStorage::delete(LANG_KEY);
}

const CONTENT_KEY: &str = "rumbo.content-version";

/// Notes the content version the app shows. A prerendered page names the version it was
/// made from, and its script hides it before the first paint when this device would show
/// another one; the same script swaps the app in only once it shows content, marked on
/// `<html data-content-shown>` (scripts/prerender-page.js, docs/rendering.md).
pub fn note_content_version(version: u64) {
    let version = version.to_string();
    let _ = LocalStorage::raw().set_item(CONTENT_KEY, &version);
    let _ = gloo::utils::document_element().set_attribute("data-content-shown", &version);
}
