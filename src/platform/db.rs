//! The app's IndexedDB database: the one place that knows its schema.
//!
//! The schema is versioned; each version's changes are a migration step applied in
//! order on upgrade, so a device that skipped versions still arrives at the current
//! shape. indexed_db_futures 0.6 gives no access to the upgrade transaction, so a step
//! may only create or delete whole stores (and their indexes), never rewrite records.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fmt;
use wasm_bindgen::JsValue;

/// The database every part of the app shares.
pub const DB_NAME: &str = "rumbo";

/// Key-value settings that are not needed before the first paint.
pub const SETTINGS: &str = "settings";

/// The content (manifest and data files) last verified, under one key, so replacing
/// it is a single write: a new version is swapped in whole or not at all.
pub const DATASETS: &str = "datasets";

/// One step per schema version: `MIGRATIONS[n]` takes version `n` to `n + 1`.
const MIGRATIONS: &[fn(&Database) -> indexed_db_futures::Result<()>] = &[
    // 0 → 1: settings and the verified content.
    |db| {
        db.create_object_store(SETTINGS).build()?;
        db.create_object_store(DATASETS).build()?;
        Ok(())
    },
];

/// The schema version this build of the app expects.
pub fn schema_version() -> u32 {
    MIGRATIONS.len() as u32
}

/// Why the database could not be used; shown to people only as "offline use is off".
#[derive(Debug, Clone, PartialEq)]
pub struct DbError(pub String);

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IndexedDB: {}", self.0)
    }
}

impl From<indexed_db_futures::error::Error> for DbError {
    fn from(e: indexed_db_futures::error::Error) -> Self {
        DbError(e.to_string())
    }
}

impl From<indexed_db_futures::error::OpenDbError> for DbError {
    fn from(e: indexed_db_futures::error::OpenDbError) -> Self {
        DbError(e.to_string())
    }
}

/// An open connection to the app's database.
pub struct Db {
    db: Database,
}

impl Db {
    /// Opens (creating or upgrading as needed) the app's database.
    pub async fn open() -> Result<Db, DbError> {
        Db::open_named(DB_NAME).await
    }

    /// Opens a database of the app's schema under another name (tests use their own).
    pub async fn open_named(name: &str) -> Result<Db, DbError> {
        let db = Database::open(name)
            .with_version(schema_version())
            .with_on_upgrade_needed(|event, db| {
                let from = event.old_version() as usize;
                for step in MIGRATIONS.iter().skip(from) {
                    step(&db)?;
                }
                Ok(())
            })
            .await?;
        Ok(Db { db })
    }

    /// Stores `value` under `key` in `store`, replacing what was there.
    pub async fn put<T: Serialize>(&self, store: &str, key: &str, value: &T) -> Result<(), DbError> {
        let tx = self
            .db
            .transaction(store)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(store)?
            .put(value)
            .with_key(key.to_string())
            .with_key_type::<String>()
            .serde()?
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Reads the value under `key` in `store`, if there is one.
    pub async fn get<T: DeserializeOwned>(&self, store: &str, key: &str) -> Result<Option<T>, DbError> {
        let tx = self.db.transaction(store).build()?;
        let value = tx.object_store(store)?.get(key.to_string()).serde()?.await?;
        Ok(value)
    }

    /// The value under `key` in `store` as the browser keeps it, for a caller that reads
    /// it item by item rather than failing on one bad part.
    pub async fn get_js(&self, store: &str, key: &str) -> Result<Option<JsValue>, DbError> {
        let tx = self.db.transaction(store).build()?;
        let value = tx.object_store(store)?.get(key.to_string()).primitive()?.await?;
        Ok(value)
    }

    /// Removes the value under `key` in `store` (nothing happens if there is none).
    pub async fn delete(&self, store: &str, key: &str) -> Result<(), DbError> {
        let tx = self
            .db
            .transaction(store)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(store)?.delete(key.to_string()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The names of the stores the database has now (for tests and diagnostics).
    pub fn store_names(&self) -> Vec<String> {
        self.db.object_store_names().collect()
    }

    /// Closes the connection so the database can be deleted or upgraded.
    pub fn close(self) {
        self.db.close();
    }
}
