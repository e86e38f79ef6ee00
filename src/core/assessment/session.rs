//! One person's way through the assessment: the screen they are on and the answers so
//! far, and every move between screens (answer, resume, back, change an answer, see the
//! results, start again and take that back). The views hold a session in a signal and
//! call these; they decide nothing themselves, so each move is tested here.
//!
//! A session can also be written into a history entry's state and read back from one,
//! so that the phone's Back button goes to the previous screen and a reload comes back
//! to the same screen with the same answers (`ui::assessment::history` does the
//! browser's part). The entry holds the screen's key and, on a second line, the answers
//! as a share code.

use crate::core::assessment::answers::{Answer, Answers};
use crate::core::assessment::engine::{self, Back};
use crate::core::assessment::flow::Flow;
use crate::core::assessment::share_code;

/// Where the person is in the assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    /// A question, by id (the next one, or one being changed).
    Question(String),
    Check,
    Results,
}

impl Screen {
    /// How the screen is written in a history entry.
    pub fn key(&self) -> String {
        match self {
            Screen::Start => "start".into(),
            Screen::Question(id) => format!("question:{id}"),
            Screen::Check => "check".into(),
            Screen::Results => "results".into(),
        }
    }

    /// The screen a history entry's key names; anything else (an entry of the app's
    /// own, with no state) is where the person came into the assessment: its start.
    pub fn from_key(key: Option<&str>) -> Screen {
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
}

/// The person's session.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    answers: Answers,
    screen: Screen,
    /// This person's results were counted in the device's tallies.
    counted: bool,
    /// What "Empezar de nuevo" cleared, so a tap by mistake can be taken back until the
    /// person starts again.
    discarded: Option<Answers>,
    /// Whether "Empezar de nuevo" can be taken back: only on a person's own device; on
    /// a shared one it would hand their answers to whoever comes next.
    undoable: bool,
}

impl Session {
    pub fn new(undoable: bool) -> Session {
        Session {
            answers: Answers::default(),
            screen: Screen::Start,
            counted: false,
            discarded: None,
            undoable,
        }
    }

    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// Nothing answered and still at the start.
    pub fn is_fresh(&self) -> bool {
        self.answers.0.is_empty() && self.screen == Screen::Start
    }

    /// Records an answer, drops answers it made irrelevant, and moves on: to the next
    /// question that now applies, or to "check your answers" when none is left.
    pub fn answer(&mut self, flow: &Flow, question: &str, answer: Answer) {
        self.answers.set(question, answer);
        self.answers = engine::relevant_answers(flow, &self.answers);
        self.screen = next_screen(flow, &self.answers);
    }

    /// Starts, or resumes where the person left off.
    pub fn resume(&mut self, flow: &Flow) {
        self.discarded = None;
        self.screen = next_screen(flow, &self.answers);
    }

    /// Back from a question (see [`engine::back`]).
    pub fn back(&mut self, flow: &Flow, from: &str) {
        self.screen = match engine::back(flow, &self.answers, from) {
            Back::To(question) => Screen::Question(question.id.clone()),
            Back::Check => Screen::Check,
            Back::Start => Screen::Start,
        };
    }

    /// To a question, to change its answer ("check your answers").
    pub fn change(&mut self, question: &str) {
        self.screen = Screen::Question(question.to_string());
    }

    /// To "check your answers" (from the results).
    pub fn check(&mut self) {
        self.screen = Screen::Check;
    }

    /// To the results. Returns true the first time, when what they show is to be
    /// counted in the device's tallies (outreach, kiosk); looking again after changing
    /// an answer is the same person, not another completed assessment.
    pub fn see_results(&mut self) -> bool {
        self.screen = Screen::Results;
        !std::mem::replace(&mut self.counted, true)
    }

    /// The results of a shared link's answers.
    pub fn open_shared(&mut self, answers: Answers) {
        self.answers = answers;
        self.screen = Screen::Results;
    }

    /// Clears the answers. Whether this person was counted in the tallies stays: on a
    /// shared device they are one person until the device forgets them.
    pub fn start_again(&mut self) {
        let answers = std::mem::take(&mut self.answers);
        self.discarded = (self.undoable && !answers.0.is_empty()).then_some(answers);
        self.screen = Screen::Start;
    }

    /// Whether "Empezar de nuevo" can still be taken back.
    pub fn can_undo_start_again(&self) -> bool {
        self.discarded.is_some()
    }

    /// Takes back "Empezar de nuevo": the answers return, to the results when they were
    /// complete, else to the next question.
    pub fn undo_start_again(&mut self, flow: &Flow) {
        let Some(answers) = self.discarded.take() else {
            return;
        };
        self.answers = answers;
        self.resume(flow);
        if self.screen == Screen::Check {
            self.screen = Screen::Results;
        }
    }

    /// The state of the history entry for this moment: the screen's key, then, when
    /// there are answers, a line with their share code.
    pub fn history_state(&self, flow: &Flow) -> String {
        let key = self.screen.key();
        if self.answers.0.is_empty() {
            key
        } else {
            format!("{key}\n{}", share_code::encode(flow, &self.answers))
        }
    }

    /// Back or Forward to a history entry. With no answers in memory ("Empezar de
    /// nuevo" was pressed), the entry's come back with its screen, or Back would show
    /// results for no answers; otherwise the answers in memory stay, later ones
    /// included, so Back and Forward lose nothing. Returns whether the screen changed.
    pub fn go_to_entry(&mut self, flow: &Flow, state: Option<&str>) -> bool {
        let (screen, code) = read_state(state);
        if self.answers.0.is_empty()
            && let Some(answers) = answers_in(flow, code)
        {
            self.answers = answers;
        }
        let changed = self.screen != screen;
        self.screen = screen;
        changed
    }

    /// After a reload: the answers and screen of the entry the page opened on, if the
    /// person has not started meanwhile (or a shared link filled the answers) and the
    /// entry still fits the questions (a new version may have come in between: then
    /// the person starts again). Returns whether anything was restored.
    pub fn restore(&mut self, flow: &Flow, state: Option<&str>) -> bool {
        if !self.is_fresh() {
            return false;
        }
        let (screen, code) = read_state(state);
        let Some(answers) = answers_in(flow, code) else {
            return false;
        };
        if let Screen::Question(id) = &screen
            && flow.question(id).is_none()
        {
            return false;
        }
        self.answers = answers;
        self.screen = screen;
        true
    }
}

fn next_screen(flow: &Flow, answers: &Answers) -> Screen {
    engine::next_question(flow, answers).map_or(Screen::Check, |q| Screen::Question(q.id.clone()))
}

/// The screen and the answers' share code an entry's state holds.
fn read_state(state: Option<&str>) -> (Screen, Option<&str>) {
    match state.map(|s| s.split_once('\n').map_or((s, None), |(key, code)| (key, Some(code)))) {
        Some((key, code)) => (Screen::from_key(Some(key)), code),
        None => (Screen::Start, None),
    }
}

/// The answers an entry's share code holds, if they still fit the questions.
fn answers_in(flow: &Flow, code: Option<&str>) -> Option<Answers> {
    share_code::decode(flow, code?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::flow::tests::test_flow;

    fn adult() -> Answer {
        Answer::Choice("adult".into())
    }

    fn texas() -> Answer {
        Answer::Place {
            country: "US".into(),
            region: Some("Texas".into()),
        }
    }

    /// A session that has answered every question of the test flow.
    fn complete(undoable: bool) -> Session {
        let flow = test_flow();
        let mut session = Session::new(undoable);
        session.resume(&flow);
        session.answer(&flow, "age", adult());
        session.answer(&flow, "documents", Answer::Choices(Default::default()));
        session.answer(&flow, "years", Answer::Number(3));
        session.answer(&flow, "home", texas());
        session
    }

    #[test]
    fn starting_goes_to_the_first_question_and_each_answer_to_the_next() {
        let flow = test_flow();
        let mut session = Session::new(true);
        assert!(session.is_fresh());
        session.resume(&flow);
        assert_eq!(session.screen(), &Screen::Question("age".into()));
        session.answer(&flow, "age", adult());
        assert_eq!(session.screen(), &Screen::Question("documents".into()));
    }

    #[test]
    fn the_last_answer_leads_to_check_your_answers() {
        assert_eq!(complete(true).screen(), &Screen::Check);
    }

    #[test]
    fn an_answer_that_makes_others_irrelevant_drops_them() {
        let flow = test_flow();
        let mut session = complete(true);
        session.change("age");
        session.answer(&flow, "age", Answer::Choice("under_18".into()));
        assert!(session.answers().get("documents").is_none(), "asked of adults only");
        assert!(session.answers().get("years").is_none());
        assert!(session.answers().get("home").is_some(), "asked of everyone");
        assert_eq!(session.screen(), &Screen::Check);
    }

    #[test]
    fn back_goes_to_the_previous_answered_question_then_to_the_start() {
        let flow = test_flow();
        let mut session = Session::new(true);
        session.resume(&flow);
        session.answer(&flow, "age", adult());
        session.back(&flow, "documents");
        assert_eq!(session.screen(), &Screen::Question("age".into()));
        session.back(&flow, "age");
        assert_eq!(session.screen(), &Screen::Start);
        assert_eq!(session.answers().get("age"), Some(&adult()), "Back keeps the answers");
    }

    #[test]
    fn back_from_a_question_being_changed_returns_to_check_your_answers() {
        let flow = test_flow();
        let mut session = complete(true);
        session.change("years");
        session.back(&flow, "years");
        assert_eq!(session.screen(), &Screen::Check);
    }

    #[test]
    fn results_are_counted_once_per_person() {
        let mut session = complete(true);
        assert!(session.see_results(), "the first look counts");
        session.check();
        assert_eq!(session.screen(), &Screen::Check);
        assert!(
            !session.see_results(),
            "looking again after a change is the same person"
        );
        session.start_again();
        assert!(!session.see_results(), "starting again is still the same person");
    }

    #[test]
    fn start_again_can_be_taken_back_on_a_persons_own_device_only() {
        let flow = test_flow();
        let mut own = complete(true);
        own.see_results();
        own.start_again();
        assert!(own.answers().0.is_empty() && own.screen() == &Screen::Start);
        assert!(own.can_undo_start_again());
        own.undo_start_again(&flow);
        assert_eq!(own.screen(), &Screen::Results, "complete answers return to the results");
        assert_eq!(own.answers(), complete(true).answers());
        assert!(!own.can_undo_start_again());

        let mut shared = complete(false);
        shared.start_again();
        assert!(!shared.can_undo_start_again(), "a shared device never hands answers on");
        shared.undo_start_again(&flow);
        assert!(shared.answers().0.is_empty());
    }

    #[test]
    fn undo_of_a_half_finished_assessment_returns_to_the_next_question() {
        let flow = test_flow();
        let mut session = Session::new(true);
        session.resume(&flow);
        session.answer(&flow, "age", adult());
        session.start_again();
        session.undo_start_again(&flow);
        assert_eq!(session.screen(), &Screen::Question("documents".into()));
    }

    #[test]
    fn resuming_forgets_what_start_again_cleared() {
        let flow = test_flow();
        let mut session = complete(true);
        session.start_again();
        session.resume(&flow);
        assert!(!session.can_undo_start_again(), "a new start is a new person's");
    }

    #[test]
    fn a_shared_link_opens_on_the_results() {
        let mut session = Session::new(true);
        session.open_shared(complete(true).answers().clone());
        assert_eq!(session.screen(), &Screen::Results);
    }

    #[test]
    fn screens_are_written_in_history_and_read_back() {
        for screen in [
            Screen::Start,
            Screen::Question("age".into()),
            Screen::Check,
            Screen::Results,
        ] {
            assert_eq!(Screen::from_key(Some(&screen.key())), screen);
        }
        assert_eq!(Screen::from_key(None), Screen::Start, "an entry of the app's own");
        assert_eq!(Screen::from_key(Some("nonsense")), Screen::Start);
    }

    #[test]
    fn a_reload_comes_back_to_the_same_screen_and_answers() {
        let flow = test_flow();
        let mut before = complete(true);
        before.change("years");
        let state = before.history_state(&flow);
        assert!(state.starts_with("question:years\n"), "{state}");
        let mut after = Session::new(true);
        assert!(after.restore(&flow, Some(&state)));
        assert_eq!(after.screen(), before.screen());
        assert_eq!(after.answers(), before.answers());
    }

    #[test]
    fn nothing_is_restored_over_a_started_session_or_from_a_stale_entry() {
        let flow = test_flow();
        let state = complete(true).history_state(&flow);
        let mut started = Session::new(true);
        started.resume(&flow);
        started.answer(&flow, "age", Answer::Choice("under_18".into()));
        assert!(!started.restore(&flow, Some(&state)), "the person has started");
        assert_eq!(started.answers().get("age"), Some(&Answer::Choice("under_18".into())));

        let mut fresh = Session::new(true);
        assert!(!fresh.restore(&flow, Some("check\nnot-a-share-code")));
        let code = state.split_once('\n').unwrap().1;
        assert!(
            !fresh.restore(&flow, Some(&format!("question:gone\n{code}"))),
            "a question no longer asked"
        );
        assert!(!fresh.restore(&flow, None));
        assert!(fresh.is_fresh());
    }

    #[test]
    fn an_entry_without_answers_is_only_its_screen() {
        let flow = test_flow();
        assert_eq!(Session::new(true).history_state(&flow), "start");
    }

    #[test]
    fn back_and_forward_keep_the_answers_in_memory_or_bring_the_entrys_back() {
        let flow = test_flow();
        let full = complete(true);
        let results_entry = {
            let mut s = full.clone();
            s.see_results();
            s.history_state(&flow)
        };
        // Answers in memory stay, even where the entry had fewer.
        let mut session = full.clone();
        assert!(session.go_to_entry(&flow, Some("question:age")));
        assert_eq!(session.screen(), &Screen::Question("age".into()));
        assert_eq!(session.answers(), full.answers());
        assert!(
            !session.go_to_entry(&flow, Some("question:age")),
            "same screen: no change"
        );
        // After "Empezar de nuevo", Back to the results brings their answers back.
        let mut cleared = full.clone();
        cleared.start_again();
        assert!(cleared.go_to_entry(&flow, Some(&results_entry)));
        assert_eq!(cleared.screen(), &Screen::Results);
        assert_eq!(cleared.answers(), full.answers());
    }
}
