//! Favourite directory entries, kept on this device only (IndexedDB), for the person's
//! own use. Never used on the kiosk, where the device is shared.

use crate::platform::db::{Db, DbError, SETTINGS};

const KEY: &str = "favourites";

/// The ids of the favourite entries, oldest first.
pub async fn load(db: &Db) -> Result<Vec<String>, DbError> {
    Ok(db.get::<Vec<String>>(SETTINGS, KEY).await?.unwrap_or_default())
}

/// Stores the whole list (it is short: a person keeps a handful).
pub async fn save(db: &Db, ids: &[String]) -> Result<(), DbError> {
    db.put(SETTINGS, KEY, &ids.to_vec()).await
}
