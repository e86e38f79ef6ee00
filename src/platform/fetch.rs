//! Downloading the content files: always from the network (never the HTTP cache, which
//! could hand back a stale manifest), and never waiting forever on a dead connection.

use gloo::net::http::Request;
use web_sys::{AbortSignal, RequestCache};

/// How long one file may take before the download counts as cut.
const TIMEOUT_MS: u32 = 30_000;

/// Why a download failed; all of them leave the device's data as it was.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// No connection, a cut connection or a timeout.
    Network(String),
    /// The server answered, but not with the file (404, 500…).
    Status(u16),
}

/// The bytes at `url` (same origin, e.g. `/data/manifest.json`).
pub async fn bytes(url: &str) -> Result<Vec<u8>, FetchError> {
    let signal = AbortSignal::timeout_with_u32(TIMEOUT_MS);
    let response = Request::get(url)
        .cache(RequestCache::NoStore)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    response.binary().await.map_err(|e| FetchError::Network(e.to_string()))
}
