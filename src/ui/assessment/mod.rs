//! The self-assessment's views: one question per screen, "check your answers", and the
//! results. The person's answers live here, in memory, for the length of the visit; on a
//! person's own device the browser's history also keeps them, so a reload does not lose them
//! (`history`).

mod check;
mod history;
mod question;
mod results;

pub use check::CheckAnswers;
pub use history::follow_screens_in_history;
pub use question::QuestionScreen;
pub use results::Results;

use crate::core::assessment::answers::{Answer, Answers};
use crate::core::assessment::flow::{Flow, Question};
use crate::core::assessment::session::Session;
use crate::core::content::Content;
use crate::core::device::mode::Mode;
use crate::core::directory::place::OTHER_COUNTRY;
use crate::core::text::lang::Lang;
use crate::platform::format;
use crate::ui::language::use_i18n;
use crate::ui::paths;
use crate::ui::tallies::count_assessment;
use crate::ui::text::t_string;
use leptos::prelude::*;

pub use crate::core::assessment::session::Screen;

/// The assessment's state, shared by its screens: the person's session (every move is
/// the core's, `core::assessment::session`), read through two memos so a screen
/// re-renders only for what it shows.
#[derive(Clone, Copy)]
pub struct Assessment {
    /// The flow this is a session of: its id, the path of its page.
    pub flow_id: &'static str,
    session: RwSignal<Session>,
    pub answers: Memo<Answers>,
    pub screen: Memo<Screen>,
    /// The link in the results the person followed last (a contact), to give focus
    /// back to it when they return, rather than start them again at the top.
    pub left_by: RwSignal<Option<String>>,
}

impl Assessment {
    /// This session's flow in the content (the page shows it only once it is there).
    pub fn flow(self, content: &Content) -> &Flow {
        content.flow_by_id(self.flow_id).unwrap_or(&content.flow)
    }

    /// The path of this flow's page.
    pub fn path(self) -> String {
        paths::flow(self.flow_id)
    }

    /// Records an answer and moves on (see [`Session::answer`]).
    pub fn answer(self, flow: &Flow, question: &str, answer: Answer) {
        self.session.update(|s| s.answer(flow, question, answer));
    }

    /// Starts, or resumes where the person left off.
    pub fn resume(self, flow: &Flow) {
        self.session.update(|s| s.resume(flow));
    }

    /// Back from a question.
    pub fn back(self, flow: &Flow, from: &str) {
        self.session.update(|s| s.back(flow, from));
    }

    /// To a question, to change its answer.
    pub fn change(self, question: &str) {
        self.session.update(|s| s.change(question));
    }

    /// To "check your answers".
    pub fn check(self) {
        self.session.update(Session::check);
    }

    /// To the results; the first time, what they show is counted in the device's
    /// tallies (outreach, kiosk).
    pub fn see_results(self, mode: Mode, flow: &Flow) {
        if self.session.try_update(Session::see_results).unwrap_or(false) {
            self.session
                .with_untracked(|s| count_assessment(mode, flow, s.answers()));
        }
    }

    /// The results of a shared link's answers.
    pub fn open_shared(self, answers: Answers) {
        self.session.update(|s| s.open_shared(answers));
    }

    /// Clears the answers ("Empezar de nuevo").
    pub fn start_again(self) {
        self.session.update(Session::start_again);
    }

    /// Whether "Empezar de nuevo" can still be taken back.
    pub fn can_undo_start_again(self) -> bool {
        self.session.with(Session::can_undo_start_again)
    }

    /// Back or Forward to a history entry; whether the screen changed.
    fn go_to_entry(self, flow: &Flow, state: Option<&str>) -> bool {
        self.session.try_update(|s| s.go_to_entry(flow, state)).unwrap_or(false)
    }

    /// After a reload, the entry the page opened on; whether anything was restored.
    fn restore(self, flow: &Flow, state: &str) -> bool {
        self.session
            .try_update(|s| s.restore(flow, Some(state)))
            .unwrap_or(false)
    }

    /// The state of the history entry for this moment.
    fn history_state(self, flow: &Flow) -> String {
        self.session.with_untracked(|s| s.history_state(flow))
    }

    /// Takes back "Empezar de nuevo".
    pub fn undo_start_again(self, flow: &Flow) {
        self.session.update(|s| s.undo_start_again(flow));
    }
}

/// A screen's heading that takes focus when the screen appears, so screen-reader and
/// keyboard users start at the new question or section rather than at the top.
pub fn focused_heading() -> NodeRef<leptos::html::H2> {
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    heading
}

/// One session per flow, for the visit: leaving the offer check for a contact and
/// coming back finds it as it was, and the assessment's answers are not the check's.
#[derive(Clone)]
struct Assessments(Vec<Assessment>);

/// The flow of the page being shown ([`provide_current_flow`]).
#[derive(Clone, Copy)]
struct CurrentFlow(&'static str);

/// `undoable`: whether "Empezar de nuevo" can be taken back (a person's own device).
pub fn provide_assessment(undoable: bool) {
    let sessions = paths::FLOWS
        .iter()
        .map(|&flow_id| {
            let session = RwSignal::new(Session::new(undoable));
            Assessment {
                flow_id,
                session,
                answers: Memo::new(move |_| session.with(|s| s.answers().clone())),
                screen: Memo::new(move |_| session.with(|s| s.screen().clone())),
                left_by: RwSignal::new(None),
            }
        })
        .collect();
    provide_context(Assessments(sessions));
}

/// Called by a flow's page: its screens then use that flow's session.
pub fn provide_current_flow(flow_id: &'static str) {
    provide_context(CurrentFlow(flow_id));
}

/// The session of the flow whose page this is (the assessment's elsewhere).
pub fn use_assessment() -> Assessment {
    let id = use_context::<CurrentFlow>().map_or(paths::segment::ASSESSMENT, |c| c.0);
    let all = all_assessments();
    all.iter().find(|a| a.flow_id == id).copied().unwrap_or(all[0])
}

/// Every flow's session.
pub fn all_assessments() -> Vec<Assessment> {
    expect_context::<Assessments>().0
}

/// An answer in words, as "check your answers" and "because you said" show it: "Ninguno"
/// for no box ticked, countries by name ("Otro país" for one not listed).
fn answer_in_words(question: &Question, answer: &Answer, lang: Lang) -> String {
    let i18n = use_i18n();
    let none = t_string!(i18n, none_label).to_string();
    let other = t_string!(i18n, place_other_country).to_string();
    let country = |code: &str| match code {
        OTHER_COUNTRY => other.clone(),
        code => format::country_name(code, lang.code()),
    };
    question.describe(answer, lang, &none, &country)
}
