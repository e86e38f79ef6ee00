//! The outreach tallies on the device (IndexedDB), counted as events happen.

use crate::core::device::tallies::Tallies;
use crate::platform::db::{Db, DbError, SETTINGS};

const KEY: &str = "tallies";

pub async fn load(db: &Db) -> Result<Tallies, DbError> {
    Ok(db.get::<Tallies>(SETTINGS, KEY).await?.unwrap_or_default())
}

/// Reads, changes and writes back the tallies. Events come one at a time from one
/// person's taps, so a read-modify-write is enough.
pub async fn update(db: &Db, change: impl FnOnce(&mut Tallies)) -> Result<Tallies, DbError> {
    let mut tallies = load(db).await?;
    change(&mut tallies);
    db.put(SETTINGS, KEY, &tallies).await?;
    Ok(tallies)
}

/// Deletes every count (staff confirm first).
pub async fn clear(db: &Db) -> Result<(), DbError> {
    db.delete(SETTINGS, KEY).await
}
