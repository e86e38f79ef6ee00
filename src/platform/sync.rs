//! Keeping the content current, offline first.
//!
//! On start the app shows what the device has at once; then it asks for the published
//! manifest in the background. A newer version is downloaded (only the changed files),
//! checked against the manifest's sizes and SHA-256, validated by the core, and only then
//! stored and shown — in one write, so a cut connection, a bad file, a full disk or a
//! crash mid-way leaves the last good copy in place. The same check runs again when the
//! connection comes back and when the person returns to the app; a version that
//! arrived damaged is not downloaded again at every return (see [`Refusal`]).

use crate::core::content::Content;
use crate::core::content::manifest::{MAX_MANIFEST_BYTES, Manifest};
use crate::core::content::signature;
use crate::core::content::update::{Refusal, files_to_download, is_newer};
use crate::core::json::SerdeJson;
use crate::core::problem::Problem;
use crate::platform::data_store::{self, StoredContent};
use crate::platform::db::Db;
use crate::platform::fetch::{self, FetchError};
use crate::platform::json;
use gloo::storage::{LocalStorage, Storage};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;

/// Where the app finds its data.
pub const DATA_URL: &str = "/data/";

/// Where the last refused version is remembered (`localStorage`: not about the person,
/// so it stays when a shared device forgets them).
const REFUSAL_KEY: &str = "rumbo.refused";

/// What the person is told about their data; the views word it in their language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The device's database cannot be used (some private windows): the app works
    /// online, from memory, and offline use is off.
    OfflineUseOff,
    /// Nothing on the device yet and the download failed: connect once to load.
    NoContent,
    /// A newer version was published but could not be used (cut download, bad file);
    /// the last good copy is still in use.
    UpdateRefused,
    /// The published data needs a newer app; the last good copy is still in use.
    AppTooOld,
    /// The new version could not be saved on the device (storage full): it is shown
    /// now, and offline the device has its older copy, if it had one before
    /// ([`Loaded::earlier_saved_at_ms`]).
    NotSaved,
}

/// Why a check runs. Routine checks (start, return to the app, the quarter-hourly
/// timer) wait before downloading a refused version again; a connection that comes back
/// and the person's "Intentar de nuevo" try at once, since the fault may be gone (a
/// captive portal signed into, another network).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    Routine,
    Now,
}

/// The content in use and where it came from.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub content: Arc<Content>,
    /// When the device stored this copy (ms since the epoch); `None` if it lives in
    /// memory only.
    pub saved_at_ms: Option<f64>,
    /// For a copy in memory only: when the older copy the device still keeps for
    /// offline use was stored, if it has one.
    pub earlier_saved_at_ms: Option<f64>,
}

/// What the sync reports, as it happens.
pub struct Handlers {
    pub progress: Box<dyn Fn(f64)>,
    pub loaded: Box<dyn Fn(Loaded)>,
    pub notice: Box<dyn Fn(Notice)>,
}

/// The running sync: keeps the database and the device's copy between checks.
pub struct Sync {
    db: Option<Db>,
    on_device: RefCell<Option<StoredContent>>,
    shown: Cell<bool>,
    checking: Cell<bool>,
    /// A check was asked for while one was running: run once more when it ends, so a
    /// version published meanwhile is not missed.
    again: Cell<Option<Check>>,
    /// The last published version that arrived but was refused.
    refusal: RefCell<Option<Refusal>>,
    handlers: Handlers,
}

impl Sync {
    /// Opens the database and shows the device's copy if it has a good one. The caller
    /// runs the first [`Sync::check`] once it listens for the connection coming back,
    /// so a connection that returns while that first check is slow is not missed.
    pub async fn open(handlers: Handlers) -> Rc<Sync> {
        let db = Db::open().await.ok();
        if db.is_none() {
            (handlers.notice)(Notice::OfflineUseOff);
        }
        let stored = match &db {
            Some(db) => data_store::load(db).await.ok().flatten(),
            None => None,
        };
        let sync = Rc::new(Sync {
            db,
            on_device: RefCell::new(None),
            shown: Cell::new(false),
            checking: Cell::new(false),
            again: Cell::new(None),
            refusal: RefCell::new(json::stored(REFUSAL_KEY).and_then(|v| serde_wasm_bindgen::from_value(v).ok())),
            handlers,
        });
        if let Some(stored) = stored {
            // A copy this build cannot read (written by an older build with other rules)
            // is not shown, but stays until a good one replaces it.
            match parse(&stored) {
                Ok(content) => {
                    sync.show(Loaded {
                        content: Arc::new(content),
                        saved_at_ms: Some(stored.saved_at_ms),
                        earlier_saved_at_ms: None,
                    });
                    *sync.on_device.borrow_mut() = Some(stored);
                }
                Err(problems) => log_problems("stored content refused", &problems),
            }
        }
        sync
    }

    /// Looks for a newer published version and takes it if it is whole and valid.
    pub async fn check(&self, how: Check) {
        if self.checking.replace(true) {
            if self.again.get() != Some(Check::Now) {
                self.again.set(Some(how));
            }
            return;
        }
        let mut how = how;
        loop {
            if let Err(notice) = self.try_update(how).await {
                let notice = match notice {
                    Notice::UpdateRefused if !self.shown.get() => Notice::NoContent,
                    other => other,
                };
                (self.handlers.notice)(notice);
            }
            match self.again.take() {
                Some(next) => how = next,
                None => break,
            }
        }
        self.checking.set(false);
    }

    async fn try_update(&self, how: Check) -> Result<(), Notice> {
        let failed = if self.shown.get() {
            Notice::UpdateRefused
        } else {
            Notice::NoContent
        };
        let fetched = |name: &'static str, max: u64| async move {
            fetch::bytes(&format!("{DATA_URL}{name}"), max).await.map_err(|e| {
                web_sys::console::warn_1(&format!("Rumbo: {name} not fetched: {e:?}").into());
                match e {
                    // Offline with data on the device is normal, not worth a notice.
                    FetchError::Network(_) if self.shown.get() => None,
                    _ => Some(failed),
                }
            })
        };
        let (manifest_bytes, signature_bytes) = match (
            fetched(Manifest::FILE, MAX_MANIFEST_BYTES).await,
            fetched(signature::FILE, signature::MAX_FILE_BYTES).await,
        ) {
            (Ok(manifest), Ok(signature)) => (manifest, signature),
            (Err(None), _) | (_, Err(None)) => return Ok(()),
            (Err(Some(notice)), _) | (_, Err(Some(notice))) => return Err(notice),
        };
        // Nothing the host serves is read before the centre's signature is checked.
        signature::verify(&manifest_bytes, &signature_bytes).map_err(|problem| {
            log_problems("manifest refused", std::slice::from_ref(&problem));
            failed
        })?;
        let manifest_text = String::from_utf8(manifest_bytes).map_err(|_| failed)?;
        let published = Manifest::read(&SerdeJson, manifest_text.as_bytes()).map_err(|problem| {
            log_problems("manifest refused", std::slice::from_ref(&problem));
            if problem.path.ends_with("schema_version") {
                Notice::AppTooOld
            } else {
                failed
            }
        })?;
        let device_manifest = self
            .on_device
            .borrow()
            .as_ref()
            .and_then(|s| Manifest::read(&SerdeJson, s.manifest.as_bytes()).ok());
        if self.shown.get() && !is_newer(device_manifest.as_ref(), &published) {
            return Ok(());
        }
        let now_ms = js_sys::Date::now();
        let refusal = self.refusal.borrow().clone();
        if refusal.as_ref().is_some_and(|r| r.never_again(&manifest_text)) {
            web_sys::console::warn_1(
                &"Rumbo: the published version ended the app when read; it is not read again".into(),
            );
            return if self.shown.get() { Ok(()) } else { Err(failed) };
        }
        if how == Check::Routine && refusal.as_ref().is_some_and(|r| r.holds_back(&manifest_text, now_ms)) {
            web_sys::console::info_1(
                &"Rumbo: the published version was refused before; it is tried again later".into(),
            );
            // With nothing to show, the person must hear why, and be offered the retry.
            return if self.shown.get() { Ok(()) } else { Err(failed) };
        }
        // The files arrived but cannot be used: remember, so routine checks wait.
        let refuse = || {
            let refused = Refusal::record(refusal.as_ref(), &manifest_text, now_ms);
            json::store(REFUSAL_KEY, &refused);
            *self.refusal.borrow_mut() = Some(refused);
            failed
        };

        let mut files: BTreeMap<String, String> = self
            .on_device
            .borrow()
            .as_ref()
            .map(|s| s.files.clone())
            .unwrap_or_default();
        let wanted = files_to_download(device_manifest.as_ref(), &published);
        let total: u64 = wanted.iter().map(|f| f.bytes).sum::<u64>().max(1);
        let mut done = 0;
        (self.handlers.progress)(0.0);
        for file in wanted {
            // The manifest's own figure (which it keeps under its ceiling) bounds the download.
            let bytes = fetch::bytes(&format!("{DATA_URL}{}", file.name), file.bytes)
                .await
                .map_err(|e| {
                    web_sys::console::warn_1(&format!("Rumbo: {} not fetched: {e:?}", file.name).into());
                    match e {
                        FetchError::Status(_) | FetchError::TooLarge => refuse(),
                        FetchError::Network(_) => failed,
                    }
                })?;
            let text = String::from_utf8(bytes).map_err(|_| refuse())?;
            files.insert(file.name.clone(), text);
            done += file.bytes;
            (self.handlers.progress)(done as f64 / total as f64);
        }
        files.retain(|name, _| published.file(name).is_some());

        let candidate = StoredContent {
            manifest: manifest_text.clone(),
            files,
            saved_at_ms: now_ms,
        };
        // Recorded before reading: if reading ends the app, the next start knows.
        let reading = Refusal::before_reading(refusal.as_ref(), &manifest_text, now_ms);
        json::store(REFUSAL_KEY, &reading);
        let content = parse(&candidate).map_err(|problems| {
            log_problems("published content refused", &problems);
            let refused = reading.clone().finished();
            json::store(REFUSAL_KEY, &refused);
            *self.refusal.borrow_mut() = Some(refused);
            failed
        })?;
        self.refusal.borrow_mut().take();
        LocalStorage::delete(REFUSAL_KEY);
        let saved = match &self.db {
            Some(db) => data_store::replace(db, &candidate).await.is_ok(),
            None => false,
        };
        let saved_at_ms = saved.then_some(candidate.saved_at_ms);
        let earlier_saved_at_ms = match saved {
            true => None,
            false => self.on_device.borrow().as_ref().map(|s| s.saved_at_ms),
        };
        if saved {
            *self.on_device.borrow_mut() = Some(candidate);
            request_persistent_storage();
        }
        self.show(Loaded {
            content: Arc::new(content),
            saved_at_ms,
            earlier_saved_at_ms,
        });
        if self.db.is_some() && !saved {
            return Err(Notice::NotSaved);
        }
        Ok(())
    }

    fn show(&self, loaded: Loaded) {
        self.shown.set(true);
        (self.handlers.loaded)(loaded);
    }
}

/// Reads stored or downloaded files through the core's single gate: sizes and hashes
/// against the manifest, then the full validator.
fn parse(stored: &StoredContent) -> Result<Content, Vec<Problem>> {
    Content::from_files(
        &SerdeJson,
        stored.manifest.as_bytes(),
        |name| stored.files.get(name).map(|t| t.as_bytes().to_vec()),
        &today(),
    )
}

/// The "today" the validator's no-future-dates rule uses on a device: none. A tablet
/// or phone with a wrong clock must not refuse good data; the staff's tool and the host
/// tests apply the rule with the real date before anything is published.
fn today() -> String {
    "9999-12-31".to_string()
}

/// Problems go to the console for the centre's staff; people see a short notice.
fn log_problems(what: &str, problems: &[Problem]) {
    for problem in problems {
        web_sys::console::warn_1(&format!("Rumbo: {what}: {problem}").into());
    }
}

/// Asks the browser not to evict the offline copy under storage pressure.
fn request_persistent_storage() {
    let Some(window) = web_sys::window() else { return };
    let storage = window.navigator().storage();
    if let Ok(promise) = storage.persist() {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}
