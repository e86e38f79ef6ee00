//! Dates in the person's language, through the browser's `Intl` (which already knows
//! every locale, so the wasm carries no locale data of its own).

use wasm_bindgen::JsValue;

/// A moment (ms since the epoch) as a long date, e.g. "24 de noviembre de 2026".
pub fn date_from_ms(ms: f64, lang: &str) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    js_sys::Date::new(&JsValue::from_f64(ms)).to_locale_date_string(lang, &options).into()
}

/// A calendar date `YYYY-MM-DD` (from the data files) as a long date. Read at noon so
/// no time zone moves it to the day before or after. Unreadable input is shown as is.
pub fn calendar_date(ymd: &str, lang: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(&format!("{ymd}T12:00:00")));
    if date.get_time().is_nan() {
        return ymd.to_string();
    }
    date_from_ms(date.get_time(), lang)
}
