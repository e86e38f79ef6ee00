//! Small JSON values in `localStorage` (preferences, the last refused version), read
//! with the browser's `JSON.parse` and serde-wasm-bindgen. Content files are read by the
//! core's reader (`core::json::SerdeJson`), which is twice as fast on them.

/// What `localStorage` keeps under `key`, read with the browser's `JSON.parse`; `None`
/// when there is nothing, the storage cannot be used or the text is not JSON.
/// (gloo's typed `LocalStorage::get`/`set` cost more of the download: docs/size.md.)
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
