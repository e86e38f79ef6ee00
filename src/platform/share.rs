//! Sharing and copying: the system share sheet where the browser has one (most phones),
//! otherwise the clipboard; and files saved from memory (a vCard), with no server.

use gloo::storage::{SessionStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What happened, so the view can say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// The share sheet was shown (the person may still have cancelled it).
    Sheet,
    /// The text was copied to the clipboard.
    Copied,
    /// Neither worked.
    Failed,
}

/// Opens the share sheet for `url`, or copies it where there is none.
pub async fn share_or_copy(title: &str, url: &str) -> Shared {
    let Some(window) = web_sys::window() else {
        return Shared::Failed;
    };
    let navigator = window.navigator();
    let share = js_sys::Reflect::get(&navigator, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(share) = share {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
        let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
        if let Ok(promise) = share.call1(&navigator, &data) {
            return match JsFuture::from(js_sys::Promise::from(promise)).await {
                Ok(_) => Shared::Sheet,
                // The person closed the sheet: that is their choice, not a failure.
                Err(e) if error_name(&e) == "AbortError" => Shared::Sheet,
                Err(_) => copy(url).await,
            };
        }
    }
    copy(url).await
}

/// Kept in the tab's session storage once the app wrote to the clipboard, so a shared
/// device wipes it before the next person ([`forget_copied`]).
const COPIED: &str = "rumbo.copied";

/// Copies `text` to the clipboard.
pub async fn copy(text: &str) -> Shared {
    let Some(window) = web_sys::window() else {
        return Shared::Failed;
    };
    // Marked before the write: a write that lands after a failure report still counts.
    let _ = SessionStorage::raw().set_item(COPIED, "1");
    let clipboard = window.navigator().clipboard();
    match JsFuture::from(clipboard.write_text(text)).await {
        Ok(_) => Shared::Copied,
        Err(_) => Shared::Failed,
    }
}

/// Empties the clipboard if the app wrote to it in this tab (a share link holds a
/// person's answers), for the next person on a shared device. What the person copied
/// themselves from elsewhere is not the app's to touch.
pub async fn forget_copied() {
    let storage = SessionStorage::raw();
    if storage.get_item(COPIED).ok().flatten().is_none() {
        return;
    }
    if let Some(window) = web_sys::window() {
        let _ = JsFuture::from(window.navigator().clipboard().write_text("")).await;
    }
    let _ = storage.remove_item(COPIED);
}

/// Saves `contents` as a file named `file_name` through a temporary object URL.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // The browser reads the object URL after the click returns; revoking it at once can
    // cancel the download on a busy device. A minute later it is long done.
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

fn error_name(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}
