//! The phone's Back button inside the assessment. On a person's own device each screen
//! is a history entry (same address, the screen in the entry's state), so Back goes to
//! the previous screen instead of leaving the assessment half-way. Shared devices keep
//! no history at all (see `ui::shared_device`), so nothing is added there.
//!
//! The entry also holds the answers given so far, as a share code: a reload, or a phone
//! reopening a tab it dropped while the person answered a message, comes back to the same
//! screen with the same answers instead of an empty start. The browser keeps an entry's
//! state on the device, with the tab, and sends it nowhere.

use super::Assessment;
use crate::core::content::Content;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsValue;

/// Keeps the screens, and the answers so far, in the browser's history while the
/// assessment page is open; back on the page after a reload, takes them up again.
pub fn follow_screens_in_history(assessment: Assessment, content: Memo<Option<Arc<Content>>>) {
    // Set while a screen comes from Back or Forward, which must not add an entry.
    let from_history = StoredValue::new(false);
    let listener = window_event_listener(leptos::ev::popstate, move |ev| {
        // Leaving the assessment is the router's business.
        if window().location().pathname().ok() != Some(assessment.path()) {
            return;
        }
        let Some(content) = content.get_untracked() else { return };
        let state = ev.state().as_string();
        if assessment.go_to_entry(assessment.flow(&content), state.as_deref()) {
            from_history.set_value(true);
        }
    });
    on_cleanup(move || listener.remove());
    // What the entry the page opened on holds, taken up once the questions are here,
    // unless the person has already started (or a shared link has filled the answers).
    let opened_on = StoredValue::new(window().history().ok().and_then(|h| h.state().ok()?.as_string()));
    Effect::new(move |_| {
        let Some(content) = content.get() else { return };
        let Some(state) = opened_on.get_value() else { return };
        opened_on.set_value(None);
        let before = assessment.screen.get_untracked();
        if assessment.restore(assessment.flow(&content), &state) && assessment.screen.get_untracked() != before {
            // The entry is already there: showing its screen must not add another.
            from_history.set_value(true);
        }
    });
    Effect::new(move |previous: Option<()>| {
        assessment.screen.track();
        let state = content.with_untracked(|c| Some(assessment.history_state(assessment.flow(c.as_ref()?))));
        if previous.is_some()
            && !from_history.get_value()
            && let (Ok(history), Some(state)) = (window().history(), state)
        {
            let _ = history.push_state(&JsValue::from_str(&state), "");
        }
        from_history.set_value(false);
    });
}
