//! Registers the service worker (public/sw.js) and reports when a new build is ready.
//!
//! A new worker installs in the background and waits. The page learns of it and offers
//! the person a reload; only then does the worker take over and the page reload, so
//! nobody runs a mix of two builds.

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

/// Registers `/sw.js`; calls `on_update_ready` once a new build has installed and
/// waits to take over. Does nothing where service workers are unavailable.
pub fn register(on_update_ready: impl Fn() + Clone + 'static) {
    let Some(container) = container() else { return };
    let registering = container.register("/sw.js");
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(registering).await else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        // A first install is not an update: there is no older build on screen.
        let is_update = || container_controls_page();
        if registration.waiting().is_some() && is_update() {
            on_update_ready();
        }
        let watched = registration.clone();
        EventListener::new(&registration, "updatefound", move |_| {
            let Some(worker) = watched.installing() else { return };
            let on_update_ready = on_update_ready.clone();
            let installing = worker.clone();
            EventListener::new(&worker, "statechange", move |_| {
                if installing.state() == ServiceWorkerState::Installed && is_update() {
                    on_update_ready();
                }
            })
            .forget();
        })
        .forget();
    });
}

/// Asks the browser to look for a new build now. Browsers check by themselves only
/// when a page is loaded, so an app left open, or opened offline and then back online,
/// would not learn of a new build (and data that needs it) until the next full load.
pub fn check_for_update() {
    spawn_local(async {
        let Some(registration) = registration().await else {
            return;
        };
        if let Ok(checking) = registration.update() {
            // A failed check (offline, server down) is retried on the next occasion.
            let _ = JsFuture::from(checking).await;
        }
    });
}

/// Lets the waiting build take over, then reloads the page into it.
pub fn apply_update() {
    let Some(container) = container() else { return };
    EventListener::once(&container, "controllerchange", |_| {
        let _ = web_sys::window().map(|w| w.location().reload());
    })
    .forget();
    spawn_local(async {
        if let Some(waiting) = registration().await.and_then(|r| r.waiting()) {
            post_skip_waiting(&waiting);
        }
    });
}

/// This page's service worker registration, if there is one.
async fn registration() -> Option<ServiceWorkerRegistration> {
    let registration = JsFuture::from(container()?.get_registration()).await.ok()?;
    registration.dyn_into().ok()
}

fn post_skip_waiting(worker: &ServiceWorker) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &JsValue::from_str("skip-waiting"));
    let _ = worker.post_message(&message);
}

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent on insecure origins and in some private modes: then there is no offline shell.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .ok()?
        .then(|| navigator.service_worker())
}

/// Tells `on_change` whether the app's files are kept for offline use, i.e. a service
/// worker controls this page: now, and again when one takes over. Without one (first
/// visit still installing, registration refused, no service workers at all) a reload
/// with no connection would fail, whatever data IndexedDB holds.
pub fn watch_offline_shell(on_change: impl Fn(bool) + 'static) {
    on_change(container_controls_page());
    if let Some(container) = container() {
        EventListener::new(&container, "controllerchange", move |_| {
            on_change(container_controls_page())
        })
        .forget();
    }
}

fn container_controls_page() -> bool {
    container().and_then(|c| c.controller()).is_some()
}
