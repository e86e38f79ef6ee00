//! The phone's Back button inside the assessment. On a person's own device each screen
//! is a history entry (same address, the screen in the entry's state), so Back goes to
//! the previous screen instead of leaving the assessment half-way. Shared devices keep
//! no history at all (see `ui::shared_device`), so nothing is added there.
//!
//! The entry also holds the answers given so far, as a share code: a reload, or a phone
//! reopening a tab it dropped while the person answered a message, comes back to the same
//! screen with the same answers instead of an empty start. The browser keeps an entry's
//! state on the device, with the tab, and sends it nowhere.

use super::{Assessment, Screen};
use crate::core::assessment::answers::Answers;
use crate::core::assessment::share_code;
use crate::core::content::Content;
use crate::ui::app::paths;
use leptos::prelude::*;
use std::sync::Arc;
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

/// An entry's state: the screen's key, then, when there are answers, a line with their
/// share code.
fn state(screen: &Screen, answers: Option<String>) -> String {
    match answers {
        Some(code) => format!("{}\n{code}", key(screen)),
        None => key(screen),
    }
}

/// The screen and the answers' share code an entry's state holds.
fn read_state(state: Option<&str>) -> (Screen, Option<&str>) {
    match state.map(|s| s.split_once('\n').map_or((s, None), |(k, code)| (k, Some(code)))) {
        Some((key, code)) => (screen(Some(key)), code),
        None => (Screen::Start, None),
    }
}

/// The answers and screen to come back to after a reload, if the entry the page was
/// loaded on holds them and they still fit the questions (a new version of the
/// questions may have come in between: then the person starts again).
fn restored(content: &Content, state: Option<&str>) -> Option<(Answers, Screen)> {
    let (screen, code) = read_state(state);
    let answers = answers_in(content, code)?;
    let known = match &screen {
        Screen::Question(id) => content.flow.questions.iter().any(|q| &q.id == id),
        _ => true,
    };
    known.then_some((answers, screen))
}

/// The answers an entry's share code holds, if they still fit the questions.
fn answers_in(content: &Content, code: Option<&str>) -> Option<Answers> {
    share_code::decode(&content.flow, code?).ok()
}

/// Keeps the screens, and the answers so far, in the browser's history while the
/// assessment page is open; back on the page after a reload, takes them up again.
pub fn follow_screens_in_history(assessment: Assessment, content: Memo<Option<Arc<Content>>>) {
    // Set while a screen comes from Back or Forward, which must not add an entry.
    let from_history = StoredValue::new(false);
    let listener = window_event_listener(leptos::ev::popstate, move |ev| {
        // Leaving the assessment is the router's business.
        if window().location().pathname().ok().as_deref() != Some(paths::ASSESSMENT) {
            return;
        }
        let state = ev.state().as_string();
        let (next, code) = read_state(state.as_deref());
        // With no answers in memory ("Empezar de nuevo" was pressed), the entry's come
        // back with its screen: Back showed results for no answers. Otherwise the
        // answers in memory stay, later ones included, so Back and Forward lose nothing.
        if assessment.answers.with_untracked(|now| now.0.is_empty()) {
            let answers = content.with_untracked(|c| answers_in(c.as_ref()?, code));
            if let Some(answers) = answers {
                assessment.answers.set(answers);
            }
        }
        if assessment.screen.with_untracked(|s| *s != next) {
            from_history.set_value(true);
            assessment.screen.set(next);
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
        let fresh = assessment.answers.with_untracked(|a| a.0.is_empty())
            && assessment.screen.with_untracked(|s| *s == Screen::Start);
        if let Some((answers, screen)) = restored(&content, Some(&state)).filter(|_| fresh) {
            // The entry is already there: showing its screen must not add another.
            if assessment.screen.with_untracked(|s| *s != screen) {
                from_history.set_value(true);
            }
            assessment.answers.set(answers);
            assessment.screen.set(screen);
        }
    });
    Effect::new(move |previous: Option<()>| {
        let screen = assessment.screen.get();
        let answers = content.with_untracked(|c| {
            let c = c.as_ref()?;
            assessment
                .answers
                .with_untracked(|a| (!a.0.is_empty()).then(|| share_code::encode(&c.flow, a)))
        });
        if previous.is_some() && !from_history.get_value() {
            if let Ok(history) = window().history() {
                let _ = history.push_state(&JsValue::from_str(&state(&screen, answers)), "");
            }
        }
        from_history.set_value(false);
    });
}
