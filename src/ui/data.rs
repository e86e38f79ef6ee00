//! The content as the views see it: one context holding what is loaded, download
//! progress and the current notice, fed by [`crate::platform::sync`].

use crate::core::content::Content;
use crate::platform::sync::{Check, Handlers, Loaded, Notice, Sync};
use crate::platform::{network, service_worker};
use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen_futures::spawn_local;

/// How often an open app looks for newly published content.
const RECHECK_MS: u32 = 15 * 60 * 1000;

#[derive(Clone, Copy)]
pub struct Data {
    /// The content in use; `None` until the first good copy is available.
    pub loaded: RwSignal<Option<Loaded>>,
    /// First download's progress (0 to 1) while nothing is shown yet.
    pub progress: RwSignal<Option<f64>>,
    pub notice: RwSignal<Option<Notice>>,
    /// Whether the device keeps a copy for offline use.
    pub offline_use: RwSignal<bool>,
    /// Whether the app's own files are kept for offline use (a service worker controls
    /// the page); offline use needs both.
    pub shell_offline: RwSignal<bool>,
    /// Nothing is shown and the last attempt to get the content failed. Kept apart from
    /// the notice, which the person may close without anything having changed.
    gave_up: RwSignal<bool>,
    /// The first download has finished and is saved on the device. Said to screen
    /// readers, which otherwise hear nothing when the progress bar goes.
    pub first_saved: RwSignal<bool>,
    /// The running sync, once it has started.
    sync: StoredValue<Option<Rc<Sync>>, LocalStorage>,
}

impl Data {
    /// Whether content is still on its way: being read or downloaded, with no failure
    /// reported yet.
    pub fn on_its_way(&self) -> bool {
        self.progress.with(Option::is_some) || !self.gave_up.get()
    }

    /// The person's "Intentar de nuevo": downloads now what failed, without the wait
    /// routine checks keep after a refused version.
    pub fn retry(&self) {
        self.notice.set(None);
        self.gave_up.set(false);
        if let Some(sync) = self.sync.get_value() {
            spawn_local(async move { sync.check(Check::Now).await });
        }
    }
}

/// The data context provided by [`provide_data`].
pub fn use_data() -> Data {
    expect_context::<Data>()
}

/// The content in use, as a memo: a page that reads it rebuilds when a new version
/// arrives, not on every other change to the data context (progress, notices).
pub fn use_content() -> Memo<Option<Arc<Content>>> {
    let data = use_data();
    Memo::new(move |_| data.loaded.with(|l| l.as_ref().map(|l| l.content.clone())))
}

/// Starts the sync and provides the context. Rechecks when the connection returns, when
/// the person comes back to the app, and every quarter of an hour.
pub fn provide_data() {
    let data = Data {
        loaded: RwSignal::new(None),
        progress: RwSignal::new(None),
        notice: RwSignal::new(None),
        offline_use: RwSignal::new(true),
        shell_offline: RwSignal::new(false),
        gave_up: RwSignal::new(false),
        first_saved: RwSignal::new(false),
        sync: StoredValue::new_local(None),
    };
    service_worker::watch_offline_shell(move |kept| data.shell_offline.set(kept));
    provide_context(data);
    let handlers = Handlers {
        progress: Box::new(move |p| {
            data.gave_up.set(false);
            data.progress.set(Some(p));
        }),
        loaded: Box::new(move |loaded| {
            // A download was under way and nothing was shown yet: the first one.
            let first = data.progress.with(Option::is_some) && data.loaded.with(Option::is_none);
            data.first_saved.set(first && loaded.saved_at_ms.is_some());
            data.progress.set(None);
            data.notice.update(|n| {
                if matches!(n, Some(Notice::NoContent | Notice::UpdateRefused)) {
                    *n = None;
                }
            });
            crate::platform::preferences::note_content_version(loaded.content.manifest.content_version);
            data.loaded.set(Some(loaded));
        }),
        notice: Box::new(move |notice| {
            data.progress.set(None);
            if notice == Notice::OfflineUseOff {
                data.offline_use.set(false);
            } else if data.loaded.with_untracked(Option::is_none) {
                data.gave_up.set(true);
            }
            if notice == Notice::AppTooOld {
                // The content needs a newer build: look for it now, not at the next load.
                service_worker::check_for_update();
            }
            data.notice.set(Some(notice));
        }),
    };
    spawn_local(async move {
        let sync = Sync::open(handlers).await;
        data.sync.set_value(Some(sync.clone()));
        // The app's own build is looked for on the same occasions as new content.
        let recheck = move |sync: Rc<Sync>, how: Check| {
            service_worker::check_for_update();
            spawn_local(async move { sync.check(how).await })
        };
        let on_online = sync.clone();
        network::watch(move |online| {
            if online {
                recheck(on_online.clone(), Check::Now);
            }
        });
        let on_return = sync.clone();
        EventListener::new(&document(), "visibilitychange", move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                recheck(on_return.clone(), Check::Routine);
            }
        })
        .forget();
        let on_timer = sync.clone();
        Interval::new(RECHECK_MS, move || recheck(on_timer.clone(), Check::Routine)).forget();
        // Only now, with the listeners in place: an event during this check asks for
        // one more when it ends (`Sync::check`), instead of going nowhere.
        sync.check(Check::Routine).await;
    });
}
