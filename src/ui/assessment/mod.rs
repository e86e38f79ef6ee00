//! The self-assessment's views: one question per screen, "check your answers", and the
//! results. The person's answers live here, in memory only, for the length of the visit.

mod check;
mod question;
mod results;

pub use check::CheckAnswers;
pub use question::QuestionScreen;
pub use results::Results;

use crate::core::answers::{Answer, Answers};
use crate::core::assessment::Flow;
use crate::core::engine;
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
        let next = self
            .answers
            .with_untracked(|a| engine::next_question(flow, a).map(|q| q.id.clone()));
        self.screen.set(next.map(Screen::Question).unwrap_or(Screen::Check));
    }

    /// Back from a question: to the answered question before it, or to the start.
    pub fn back(self, flow: &Flow, from: &str) {
        let answered: Vec<String> = self.answers.with_untracked(|a| {
            engine::answered_questions(flow, a)
                .iter()
                .map(|q| q.id.clone())
                .collect()
        });
        let before = match answered.iter().position(|id| id == from) {
            Some(at) => at.checked_sub(1).map(|i| answered[i].clone()),
            None => answered.last().cloned(),
        };
        self.screen.set(before.map(Screen::Question).unwrap_or(Screen::Start));
    }

    pub fn start_again(self) {
        self.answers.set(Answers::default());
        self.screen.set(Screen::Start);
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

pub fn provide_assessment() {
    provide_context(Assessment {
        answers: RwSignal::new(Answers::default()),
        screen: RwSignal::new(Screen::Start),
    });
}

pub fn use_assessment() -> Assessment {
    expect_context::<Assessment>()
}
