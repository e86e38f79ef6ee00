//! Dates in the person's language, through the browser's `Intl` (which already knows
//! every locale, so the wasm carries no locale data of its own).

use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};

/// A moment (ms since the epoch) as a long date, e.g. "24 de noviembre de 2026".
pub fn date_from_ms(ms: f64, lang: &str) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    // The English text is British (centre, programme), so are its dates: "26 November
    // 2026", not "November 26, 2026".
    let locale = if lang == "en" { "en-GB" } else { lang };
    js_sys::Date::new(&JsValue::from_f64(ms))
        .to_locale_date_string(locale, &options)
        .into()
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

/// A country's name from its ISO 3166-1 code, in `lang` (Intl.DisplayNames), or the
/// code itself where the browser cannot name it.
pub fn country_name(code: &str, lang: &str) -> String {
    display_name("region", code, lang)
}

/// A language's name from its ISO 639 code (`spa`, `quc`), in `lang`.
pub fn language_name(code: &str, lang: &str) -> String {
    let name = display_name("language", code, lang);
    match crate::core::text::lang::guatemalan_language_name(code) {
        Some(known) if name == code => known.to_string(),
        _ => name,
    }
}

fn display_name(kind: &'static str, code: &str, lang: &str) -> String {
    thread_local! {
        /// One `Intl.DisplayNames` per kind and language, not one per name asked for: the
        /// directory's list and filters ask for names hundreds of times as they are built.
        static NAMERS: RefCell<HashMap<(&'static str, String), Option<JsValue>>> = RefCell::new(HashMap::new());
    }
    let namer = NAMERS.with(|namers| {
        namers
            .borrow_mut()
            .entry((kind, lang.to_string()))
            .or_insert_with(|| {
                let options = js_sys::Object::new();
                js_sys::Reflect::set(&options, &"type".into(), &kind.into()).ok()?;
                js_sys::Reflect::set(&options, &"fallback".into(), &"code".into()).ok()?;
                new_intl(
                    "DisplayNames",
                    &js_sys::Array::of2(&js_sys::Array::of1(&lang.into()), &options),
                )
            })
            .clone()
    });
    let named = namer.and_then(|names| {
        let of: js_sys::Function = js_sys::Reflect::get(&names, &"of".into()).ok()?.dyn_into().ok()?;
        of.call1(&names, &code.into()).ok()?.as_string()
    });
    named.unwrap_or_else(|| code.to_string())
}

/// Now, as the wall clock in `time_zone` (IANA) shows it, through `Intl` (which knows
/// every zone's daylight-saving rules). `None` if the browser does not know the zone.
pub fn local_time_in(time_zone: &str) -> Option<crate::core::directory::opening::LocalTime> {
    thread_local! {
        /// One formatter per zone: the list asks for the same few zones once per entry.
        static FORMATS: RefCell<HashMap<String, JsValue>> = RefCell::new(HashMap::new());
    }
    let format = match FORMATS.with(|formats| formats.borrow().get(time_zone).cloned()) {
        Some(format) => format,
        None => {
            let format = zone_format(time_zone)?;
            FORMATS.with(|formats| formats.borrow_mut().insert(time_zone.to_string(), format.clone()));
            format
        }
    };
    let parts_of: js_sys::Function = js_sys::Reflect::get(&format, &"formatToParts".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let parts: js_sys::Array = parts_of.call1(&format, &js_sys::Date::new_0()).ok()?.dyn_into().ok()?;
    let (mut weekday, mut hour, mut minute) = (None, None, None);
    for part in parts.iter() {
        let kind = js_sys::Reflect::get(&part, &"type".into()).ok()?.as_string()?;
        let value = js_sys::Reflect::get(&part, &"value".into()).ok()?.as_string()?;
        match kind.as_str() {
            "weekday" => weekday = crate::core::directory::opening::weekday_from_short(&value),
            "hour" => hour = value.parse::<u32>().ok(),
            "minute" => minute = value.parse::<u32>().ok(),
            _ => {}
        }
    }
    Some(crate::core::directory::opening::LocalTime {
        weekday: weekday?,
        minutes: hour? % 24 * 60 + minute?,
    })
}

/// An `Intl.DateTimeFormat` that gives the weekday, hour and minute in `time_zone`.
fn zone_format(time_zone: &str) -> Option<JsValue> {
    let options = js_sys::Object::new();
    for (key, value) in [
        ("timeZone", time_zone),
        ("weekday", "short"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("hourCycle", "h23"),
    ] {
        js_sys::Reflect::set(&options, &key.into(), &value.into()).ok()?;
    }
    new_intl("DateTimeFormat", &js_sys::Array::of2(&"en-US".into(), &options))
}

/// `new Intl[class](...args)`, or `None` where the browser lacks that part of `Intl`.
fn new_intl(class: &str, args: &js_sys::Array) -> Option<JsValue> {
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: js_sys::Function = js_sys::Reflect::get(&intl, &class.into()).ok()?.dyn_into().ok()?;
    js_sys::Reflect::construct(&constructor, args).ok()
}

/// Whether the place is open now, on its own clock (the browser applies the zone's
/// daylight-saving rules); `None` where the browser does not know the zone.
pub fn open_state_now(
    hours: &crate::core::directory::entry::Hours,
) -> Option<crate::core::directory::opening::OpenState> {
    local_time_in(&hours.time_zone).map(|now| crate::core::directory::opening::open_state(hours, now))
}
