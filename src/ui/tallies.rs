//! Counting for the outreach report, where the events happen. Each call does nothing
//! unless the device counts (outreach mode), and a failure to count never bothers the
//! person being helped.

use crate::core::answers::Answers;
use crate::core::assessment::Flow;
use crate::core::directory::Kind;
use crate::core::engine;
use crate::core::kiosk::Mode;
use crate::core::tallies::Tallies;
use crate::platform::db::Db;
use crate::platform::{device, tallies};
use wasm_bindgen_futures::spawn_local;

/// An assessment reached its results: count it and each option shown.
pub fn count_assessment(mode: Mode, flow: &Flow, answers: &Answers) {
    let shown: Vec<String> = engine::outcomes(flow, answers)
        .iter()
        .map(|s| s.outcome.id.clone())
        .collect();
    count(mode, move |t, date| {
        t.assessment_completed(date, shown.iter().map(String::as_str))
    });
}

/// A directory entry was opened: count its kind.
pub fn count_entry_opened(mode: Mode, kind: Kind) {
    count(mode, move |t, date| t.entry_opened(date, kind));
}

fn count(mode: Mode, change: impl FnOnce(&mut Tallies, &str) + 'static) {
    if !mode.counts_tallies() {
        return;
    }
    let date = device::local_date();
    spawn_local(async move {
        if let Ok(db) = Db::open().await {
            let _ = tallies::update(&db, |t| change(t, &date)).await;
        }
    });
}
