//! Favourite directory entries, kept on this device only (IndexedDB), for the person's
//! own use. Never used on the kiosk, where the device is shared.

use crate::platform::db::{Db, DbError, SETTINGS};
use wasm_bindgen::JsCast;

const KEY: &str = "favourites";

/// The ids of the favourite entries, oldest first. An item that is not an id (the list
/// damaged, or written by another version) is skipped, not the whole list: saving the
/// next favourite would otherwise wipe the ones the person had.
pub async fn load(db: &Db) -> Result<Vec<String>, DbError> {
    let stored = db.get_js(SETTINGS, KEY).await?;
    let items = stored.and_then(|value| value.dyn_into::<js_sys::Array>().ok());
    Ok(items
        .map(|items| items.iter().filter_map(|item| item.as_string()).collect())
        .unwrap_or_default())
}

/// Stores the whole list (it is short: a person keeps a handful).
pub async fn save(db: &Db, ids: &[String]) -> Result<(), DbError> {
    db.put(SETTINGS, KEY, &ids.to_vec()).await
}
