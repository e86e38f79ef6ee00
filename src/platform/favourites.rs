//! Favourite directory entries, kept on this device only (IndexedDB), for the person's
//! own use. Never used on the kiosk, where the device is shared.

use crate::platform::db::{Db, DbError, SETTINGS};
use serde::de::{self, Deserialize, Deserializer, Visitor};
use std::fmt;

const KEY: &str = "favourites";

/// The ids of the favourite entries, oldest first. An item that is not an id (the list
/// damaged, or written by another version) is skipped, not the whole list: saving the
/// next favourite would otherwise wipe the ones the person had.
pub async fn load(db: &Db) -> Result<Vec<String>, DbError> {
    let stored: Option<Vec<MaybeId>> = db.get(SETTINGS, KEY).await?;
    Ok(stored
        .unwrap_or_default()
        .into_iter()
        .filter_map(|item| item.0)
        .collect())
}

/// A stored item: an id, or anything else, read and set aside.
struct MaybeId(Option<String>);

impl<'de> Deserialize<'de> for MaybeId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(MaybeIdVisitor)
    }
}

struct MaybeIdVisitor;

impl<'de> Visitor<'de> for MaybeIdVisitor {
    type Value = MaybeId;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an entry id")
    }
    fn visit_str<E: de::Error>(self, id: &str) -> Result<MaybeId, E> {
        Ok(MaybeId(Some(id.to_string())))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<MaybeId, E> {
        Ok(MaybeId(None))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<MaybeId, E> {
        Ok(MaybeId(None))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<MaybeId, E> {
        Ok(MaybeId(None))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<MaybeId, E> {
        Ok(MaybeId(None))
    }
    fn visit_unit<E: de::Error>(self) -> Result<MaybeId, E> {
        Ok(MaybeId(None))
    }
    fn visit_none<E: de::Error>(self) -> Result<MaybeId, E> {
        Ok(MaybeId(None))
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut items: A) -> Result<MaybeId, A::Error> {
        while items.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(MaybeId(None))
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut fields: A) -> Result<MaybeId, A::Error> {
        while fields.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
        Ok(MaybeId(None))
    }
}

/// Stores the whole list (it is short: a person keeps a handful).
pub async fn save(db: &Db, ids: &[String]) -> Result<(), DbError> {
    db.put(SETTINGS, KEY, &ids.to_vec()).await
}
