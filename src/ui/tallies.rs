//! Counting for the outreach report, where the events happen. Each call does nothing
//! unless the device counts (outreach mode), and a failure to count never bothers the
//! person being helped.

use crate::core::assessment::answers::Answers;
use crate::core::assessment::engine;
use crate::core::assessment::flow::Flow;
use crate::core::device::mode::Mode;
use crate::core::device::tallies::Tallies;
use crate::core::directory::entry::Kind;
use crate::platform::db::Db;
use crate::platform::{device, tallies};
use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use wasm_bindgen_futures::spawn_local;

thread_local! {
    /// Counts being written now: the "next person" reset waits for them, or a tap on
    /// it right after the results would lose the count with the page.
    static WRITING: Cell<u32> = const { Cell::new(0) };
    /// The entries this person opened, counted already.
    static OPENED: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

/// A flow reached its results: count it and each option shown (for the offer check,
/// each warning sign found), under the flow's id.
pub fn count_assessment(mode: Mode, flow: &Flow, answers: &Answers) {
    let flow_id = flow.id.clone();
    let shown: Vec<String> = engine::outcomes(flow, answers)
        .iter()
        .map(|s| s.outcome.id.clone())
        .collect();
    count(mode, move |t, date| {
        t.flow_completed(date, &flow_id, shown.iter().map(String::as_str))
    });
}

/// A directory entry was opened: count its kind, once per entry and person (looking
/// at it again, or coming back to it from the results, is the same person's interest).
/// Which entries were counted is kept in memory only, and goes with the person when
/// the device forgets them (the page is loaded anew).
pub fn count_entry_opened(mode: Mode, id: &str, kind: Kind) {
    if !mode.counts_tallies() {
        return;
    }
    let first_time = OPENED.with_borrow_mut(|opened| opened.insert(id.to_string()));
    if first_time {
        count(mode, move |t, date| t.entry_opened(date, kind));
    }
}

fn count(mode: Mode, change: impl FnOnce(&mut Tallies, &str) + 'static) {
    if !mode.counts_tallies() {
        return;
    }
    let date = device::local_date();
    WRITING.with(|w| w.set(w.get() + 1));
    spawn_local(async move {
        if let Ok(db) = Db::open().await {
            let _ = tallies::update(&db, |t| change(t, &date)).await;
        }
        WRITING.with(|w| w.set(w.get() - 1));
    });
}

/// Waits until the counts being written are stored (at most two seconds: a broken
/// storage must not keep the next person waiting).
pub async fn written() {
    for _ in 0..40 {
        if WRITING.with(Cell::get) == 0 {
            return;
        }
        gloo::timers::future::TimeoutFuture::new(50).await;
    }
}
