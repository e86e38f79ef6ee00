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
use crate::core::assessment::engine;
use crate::core::assessment::flow::{Flow, OTHER_COUNTRY, Question};
use crate::core::device::mode::Mode;
use crate::core::text::lang::Lang;
use crate::platform::format;
use crate::ui::language::use_i18n;
use crate::ui::tallies::count_assessment;
use crate::ui::text::t_string;
use leptos::prelude::*;

/// Where the person is in the assessment.
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    Start,
    /// A question, by id (the next one, or one being changed).
    Question(String),
    Check,
    Results,
}

/// The assessment's state, shared by its screens.
#[derive(Clone, Copy)]
pub struct Assessment {
    pub answers: RwSignal<Answers>,
    pub screen: RwSignal<Screen>,
    /// This person's results were counted in the device's tallies.
    counted: RwSignal<bool>,
    /// The link in the results the person followed last (a contact), to give focus
    /// back to it when they return, rather than start them again at the top.
    pub left_by: RwSignal<Option<String>>,
    /// What "Empezar de nuevo" cleared, so a tap by mistake can be taken back until the
    /// person starts again. Only on a person's own device: on a shared one it would
    /// hand their answers to whoever comes next.
    discarded: RwSignal<Option<Answers>>,
    undoable: bool,
}

impl Assessment {
    /// Records an answer, drops answers it made irrelevant, and moves on: to the next
    /// question that now applies, or to "check your answers" when none is left.
    pub fn answer(self, flow: &Flow, question: &str, answer: Answer) {
        self.answers.update(|answers| {
            answers.set(question, answer);
            *answers = engine::relevant_answers(flow, answers);
        });
        let next = self
            .answers
            .with_untracked(|a| engine::next_question(flow, a).map(|q| q.id.clone()));
        self.screen.set(next.map(Screen::Question).unwrap_or(Screen::Check));
    }

    /// Starts, or resumes where the person left off.
    pub fn resume(self, flow: &Flow) {
        self.discarded.set(None);
        let next = self
            .answers
            .with_untracked(|a| engine::next_question(flow, a).map(|q| q.id.clone()));
        self.screen.set(next.map(Screen::Question).unwrap_or(Screen::Check));
    }

    /// Back from a question (see [`engine::back`]).
    pub fn back(self, flow: &Flow, from: &str) {
        let screen = self.answers.with_untracked(|a| match engine::back(flow, a, from) {
            engine::Back::To(question) => Screen::Question(question.id.clone()),
            engine::Back::Check => Screen::Check,
            engine::Back::Start => Screen::Start,
        });
        self.screen.set(screen);
    }

    /// To the results. The first time, what they show is counted in the device's
    /// tallies (outreach, kiosk); looking again after changing an answer is the same
    /// person, not another completed assessment.
    pub fn see_results(self, mode: Mode, flow: &Flow) {
        if !self.counted.get_untracked() {
            self.counted.set(true);
            self.answers
                .with_untracked(|answers| count_assessment(mode, flow, answers));
        }
        self.screen.set(Screen::Results);
    }

    /// Clears the answers. Whether this person was counted in the tallies stays: on
    /// a shared device they are one person until the device forgets them.
    pub fn start_again(self) {
        let answers = self.answers.get_untracked();
        self.discarded
            .set((self.undoable && !answers.0.is_empty()).then_some(answers));
        self.answers.set(Answers::default());
        self.screen.set(Screen::Start);
    }

    /// Whether "Empezar de nuevo" can still be taken back.
    pub fn can_undo_start_again(self) -> bool {
        self.discarded.with(Option::is_some)
    }

    /// Takes back "Empezar de nuevo": the answers return, to the results when they
    /// were complete, else to the next question.
    pub fn undo_start_again(self, flow: &Flow) {
        let Some(answers) = self.discarded.get_untracked() else {
            return;
        };
        self.answers.set(answers);
        self.resume(flow);
        if self.screen.with_untracked(|s| *s == Screen::Check) {
            self.screen.set(Screen::Results);
        }
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

/// `undoable`: whether "Empezar de nuevo" can be taken back (a person's own device).
pub fn provide_assessment(undoable: bool) {
    provide_context(Assessment {
        answers: RwSignal::new(Answers::default()),
        screen: RwSignal::new(Screen::Start),
        counted: RwSignal::new(false),
        left_by: RwSignal::new(None),
        discarded: RwSignal::new(None),
        undoable,
    });
}

pub fn use_assessment() -> Assessment {
    expect_context::<Assessment>()
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
