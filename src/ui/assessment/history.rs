//! The phone's Back button inside the assessment. On a person's own device each screen
//! is a history entry (same address, the screen in the entry's state), so Back goes to
//! the previous screen instead of leaving the assessment half-way. Shared devices keep
//! no history at all (see `ui::shared_device`), so nothing is added there.

use super::{Assessment, Screen};
use crate::ui::app::paths;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// How a screen is written in a history entry's state.
fn key(screen: &Screen) -> String {
    match screen {
        Screen::Start => "start".into(),
        Screen::Question(id) => format!("question:{id}"),
        Screen::Check => "check".into(),
        Screen::Results => "results".into(),
    }
}

/// The screen a history entry names; an entry of the app's own (no state) is where
/// the person came into the assessment: its start.
fn screen(key: Option<&str>) -> Screen {
    match key {
        Some("check") => Screen::Check,
        Some("results") => Screen::Results,
        Some(key) => match key.strip_prefix("question:") {
            Some(id) => Screen::Question(id.to_string()),
            None => Screen::Start,
        },
        None => Screen::Start,
    }
}

/// Keeps the screens in the browser's history while the assessment page is open.
pub fn follow_screens_in_history(assessment: Assessment) {
    // Set while a screen comes from Back or Forward, which must not add an entry.
    let from_history = StoredValue::new(false);
    let listener = window_event_listener(leptos::ev::popstate, move |ev| {
        // Leaving the assessment is the router's business.
        if window().location().pathname().ok().as_deref() != Some(paths::ASSESSMENT) {
            return;
        }
        let next = screen(ev.state().as_string().as_deref());
        if assessment.screen.with_untracked(|s| *s != next) {
            from_history.set_value(true);
            assessment.screen.set(next);
        }
    });
    on_cleanup(move || listener.remove());
    Effect::new(move |previous: Option<()>| {
        let state = assessment.screen.with(key);
        if previous.is_some() && !from_history.get_value() {
            if let Ok(history) = window().history() {
                let _ = history.push_state(&JsValue::from_str(&state), "");
            }
        }
        from_history.set_value(false);
    });
}
