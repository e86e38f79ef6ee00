//! Whether the device is online, as the browser reports it, and when that changes.

use gloo::events::EventListener;

/// The browser's current idea of being online.
pub fn is_online() -> bool {
    web_sys::window().map(|w| w.navigator().on_line()).unwrap_or(true)
}

/// Calls `on_change(online)` whenever connectivity changes, for the life of the page.
pub fn watch(on_change: impl Fn(bool) + Clone + 'static) {
    let Some(window) = web_sys::window() else { return };
    let back = on_change.clone();
    EventListener::new(&window, "online", move |_| back(true)).forget();
    EventListener::new(&window, "offline", move |_| on_change(false)).forget();
}
