//! The last good copy of the content, kept in IndexedDB so the app works offline.
//!
//! Files are stored as the text that was downloaded and verified, not as parsed
//! structures: a newer build of the app re-reads them with its own code, so the stored
//! shape never needs a migration when the content model changes.

use crate::platform::db::{DATASETS, Db, DbError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const CURRENT: &str = "current";

/// One complete, verified version of the content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredContent {
    /// The manifest's text, as served.
    pub manifest: String,
    /// Each data file's text, by its name in the manifest.
    pub files: BTreeMap<String, String>,
    /// When this copy was stored (milliseconds since the epoch), to tell people how old
    /// their offline data is.
    pub saved_at_ms: f64,
}

/// Reads the stored content, if any.
pub async fn load(db: &Db) -> Result<Option<StoredContent>, DbError> {
    db.get(DATASETS, CURRENT).await
}

/// Replaces the stored content with `content` in one write: if it fails (quota, crash)
/// the previous copy is still there, whole.
pub async fn replace(db: &Db, content: &StoredContent) -> Result<(), DbError> {
    db.put(DATASETS, CURRENT, content).await
}
