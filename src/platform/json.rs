//! The app's JSON reader: the browser's own `JSON.parse`, then serde-wasm-bindgen into
//! the content model's shapes (why the app does not use serde_json: `core::json`).

use crate::core::json::{ReadJson, unreadable};
use crate::core::problem::Problem;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;

pub struct BrowserJson;

impl ReadJson for BrowserJson {
    fn read<T: DeserializeOwned>(&self, file: &str, bytes: &[u8]) -> Result<T, Problem> {
        let text = std::str::from_utf8(bytes).map_err(|error| unreadable(file.to_string(), &error.to_string()))?;
        let value = js_sys::JSON::parse(text).map_err(|error| {
            let message = error.dyn_into::<js_sys::Error>().map(|e| String::from(e.message()));
            unreadable(file.to_string(), &message.unwrap_or_default())
        })?;
        serde_wasm_bindgen::from_value(value).map_err(|error| unreadable(file.to_string(), &error.to_string()))
    }
}

/// What `localStorage` keeps under `key`, read with the browser's `JSON.parse`; `None`
/// when there is nothing, the storage cannot be used or the text is not JSON.
/// (gloo's `LocalStorage::get`/`set` would bring serde_json into the wasm.)
pub fn stored(key: &str) -> Option<wasm_bindgen::JsValue> {
    let text = <gloo::storage::LocalStorage as gloo::storage::Storage>::raw()
        .get_item(key)
        .ok()
        .flatten()?;
    js_sys::JSON::parse(&text).ok()
}

/// Keeps `value` in `localStorage` under `key` as JSON text, written as serde_json
/// would (`None` as `null`); `false` when it cannot be written (storage off or full).
pub fn store<T: serde::Serialize + ?Sized>(key: &str, value: &T) -> bool {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let Ok(value) = serde::Serialize::serialize(value, &serializer) else {
        return false;
    };
    let Ok(text) = js_sys::JSON::stringify(&value) else {
        return false;
    };
    <gloo::storage::LocalStorage as gloo::storage::Storage>::raw()
        .set_item(key, &String::from(text))
        .is_ok()
}
