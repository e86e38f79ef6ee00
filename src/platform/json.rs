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
