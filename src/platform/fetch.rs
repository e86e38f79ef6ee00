//! Downloading the content files: always from the network (never the HTTP cache, which
//! could hand back a stale manifest), and never waiting forever on a dead connection.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestCache, RequestInit, Response};

/// How long one file may take before the download counts as cut.
const TIMEOUT_MS: u32 = 30_000;

/// Why a download failed; all of them leave the device's data as it was.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// No connection, a cut connection or a timeout.
    Network(String),
    /// The server answered, but not with the file (404, 500…).
    Status(u16),
    /// The server said the file is larger than the most it may be.
    TooLarge,
}

/// The bytes at `url` (same origin, e.g. `/data/manifest.json`), with the browser's own
/// `fetch` (gloo-net's request builder is larger in the wasm than this one call); at
/// most `max` bytes: a response whose `Content-Length` says more is dropped before its
/// body is read, and a body that turns out longer is refused.
pub async fn bytes(url: &str, max: u64) -> Result<Vec<u8>, FetchError> {
    let window = web_sys::window().ok_or_else(|| FetchError::Network("no window".into()))?;
    let init = RequestInit::new();
    init.set_cache(RequestCache::NoStore);
    init.set_signal(Some(&AbortSignal::timeout_with_u32(TIMEOUT_MS)));
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(network)?
        .unchecked_into();
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let said = response.headers().get("content-length").ok().flatten();
    if said.and_then(|n| n.trim().parse::<u64>().ok()).is_some_and(|n| n > max) {
        return Err(FetchError::TooLarge);
    }
    let body = JsFuture::from(response.array_buffer().map_err(network)?)
        .await
        .map_err(network)?;
    let body = js_sys::Uint8Array::new(&body);
    if u64::from(body.length()) > max {
        return Err(FetchError::TooLarge);
    }
    Ok(body.to_vec())
}

/// The browser's description of a failed fetch ("TypeError: Failed to fetch").
fn network(error: JsValue) -> FetchError {
    FetchError::Network(match error.dyn_into::<js_sys::Error>() {
        Ok(error) => String::from(error.to_string()),
        Err(other) => format!("{other:?}"),
    })
}
