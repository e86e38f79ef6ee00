//! The assessment engine: walks the flow (data) for a person's answers. It decides the
//! next question, drops answers a changed earlier answer made irrelevant, measures
//! progress, and lists the outcomes that apply, ranked, each with the answers that
//! explain it. Nothing here knows about screens.

use crate::core::assessment::answers::{Answer, Answers};
use crate::core::assessment::flow::{Flow, Outcome, Question};

/// The answers that still apply: questions are walked in order and an answer is kept
/// only if its question would be asked given the answers kept before it. A changed
/// earlier answer so drops later answers that no longer matter, instead of keeping
/// them silently.
pub fn relevant_answers(flow: &Flow, answers: &Answers) -> Answers {
    let mut kept = Answers::default();
    for question in &flow.questions {
        if is_asked(question, &kept)
            && let Some(answer) = answers.get(&question.id)
        {
            kept.set(&question.id, answer.clone());
        }
    }
    kept
}

/// Whether `question` is asked, given the answers so far.
pub fn is_asked(question: &Question, answers: &Answers) -> bool {
    question.show_if.as_ref().is_none_or(|c| c.eval(answers))
}

/// The first question that is asked and not yet answered; `None` when the flow is done.
pub fn next_question<'a>(flow: &'a Flow, answers: &Answers) -> Option<&'a Question> {
    let answers = relevant_answers(flow, answers);
    flow.questions
        .iter()
        .find(|q| is_asked(q, &answers) && !answers.is_answered(&q.id))
}

/// The questions answered so far that still apply, in the order asked (for "check
/// your answers" and the Back button).
pub fn answered_questions<'a>(flow: &'a Flow, answers: &Answers) -> Vec<&'a Question> {
    let answers = relevant_answers(flow, answers);
    flow.questions.iter().filter(|q| answers.is_answered(&q.id)).collect()
}

/// Where Back leads from a question.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Back<'a> {
    /// The answered question before it.
    To(&'a Question),
    /// "Check your answers": every question is answered, so the person came from
    /// there to change this one, and that is where they expect Back to go.
    Check,
    /// The assessment's start page.
    Start,
}

/// Where Back leads from question `from`.
pub fn back<'a>(flow: &'a Flow, answers: &Answers, from: &str) -> Back<'a> {
    if next_question(flow, answers).is_none() {
        return Back::Check;
    }
    let answered = answered_questions(flow, answers);
    let before = match answered.iter().position(|q| q.id == from) {
        Some(at) => at.checked_sub(1).map(|i| answered[i]),
        None => answered.last().copied(),
    };
    before.map_or(Back::Start, Back::To)
}

/// Where a question stands on the person's path: its number, and how many questions
/// the path may have in all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub number: usize,
    pub total: usize,
}

/// Progress at `question`, counting the questions asked before it and the longest path
/// the flow could still take from it (so the total never jumps backwards by surprise).
/// Only the answers before it count: going Back to it, or changing it from "check your
/// answers", it is question 3 of 9 again, not "10 of 10".
pub fn progress(flow: &Flow, answers: &Answers, question: &str) -> Progress {
    let answers = relevant_answers(flow, answers);
    let at = flow
        .questions
        .iter()
        .position(|q| q.id == question)
        .unwrap_or(flow.questions.len());
    let mut before = Answers::default();
    for q in &flow.questions[..at] {
        if let Some(answer) = answers.get(&q.id) {
            before.set(&q.id, answer.clone());
        }
    }
    let number = before.0.len() + 1;
    Progress {
        number,
        total: number - 1 + longest_remaining(flow, &before, at).max(1),
    }
}

fn longest_remaining(flow: &Flow, answers: &Answers, from: usize) -> usize {
    let Some((at, question)) = flow
        .questions
        .iter()
        .enumerate()
        .skip(from)
        .find(|(_, q)| is_asked(q, answers) && !answers.is_answered(&q.id))
    else {
        return 0;
    };
    sample_answers(question)
        .into_iter()
        .map(|answer| {
            let mut next = answers.clone();
            next.set(&question.id, answer);
            1 + longest_remaining(flow, &next, at + 1)
        })
        .max()
        .unwrap_or(1)
}

/// Answers that together exercise every branch a question can take: each option (and
/// none and all, for multiple choice), the bounds and a middle of a number, one place.
pub fn sample_answers(question: &Question) -> Vec<Answer> {
    use crate::core::assessment::flow::QuestionKind::*;
    match question.kind {
        SingleChoice => question.options.iter().map(|o| Answer::Choice(o.id.clone())).collect(),
        MultipleChoice => {
            let mut sets = vec![
                Answer::choices([]),
                Answer::choices(question.options.iter().map(|o| o.id.clone())),
            ];
            sets.extend(question.options.iter().map(|o| Answer::choices([o.id.clone()])));
            sets
        }
        Number => {
            let (min, max) = question.bounds();
            let mut values = vec![min, min + 1, (min + max) / 2, max];
            values.dedup();
            values.into_iter().filter(|v| *v <= max).map(Answer::Number).collect()
        }
        // A state of each country with one the results treat differently (a district, a
        // province's organisations, the border), and every other country Rumbo lists, alone,
        // and another country: `place_in` conditions and contacts differ by country.
        Place => {
            let place = |country: &str, region: Option<&str>| Answer::Place {
                country: country.into(),
                region: region.map(str::to_string),
            };
            let mut places = vec![
                place("US", Some("Texas")),
                place("US", Some("Kansas")),
                place("CA", Some("Ontario")),
                place("CA", Some("Quebec")),
                place("MX", Some("Chiapas")),
            ];
            places.extend(
                crate::core::directory::geo::known_countries()
                    .filter(|c| !["US", "CA", "MX"].contains(c))
                    .map(|c| place(c, None)),
            );
            places.push(place(crate::core::directory::place::OTHER_COUNTRY, None));
            places
        }
    }
}

/// An outcome that applies, and the answers that explain it ("because you said …").
#[derive(Clone, Debug, PartialEq)]
pub struct Shown<'a> {
    pub outcome: &'a Outcome,
    pub because: Vec<(&'a Question, Answer)>,
}

/// The outcomes that apply to finished answers, most relevant first (rank, then the
/// order in the file). Outcomes without a condition (fraud, risks) always apply.
pub fn outcomes<'a>(flow: &'a Flow, answers: &Answers) -> Vec<Shown<'a>> {
    let answers = relevant_answers(flow, answers);
    let mut shown: Vec<(usize, Shown<'a>)> = flow
        .outcomes
        .iter()
        .enumerate()
        .filter(|(_, o)| o.applies_if.as_ref().is_none_or(|c| c.eval(&answers)))
        .map(|(at, outcome)| {
            // Only answers that made the outcome apply explain it: a person in danger
            // who is looking for work is not told "because you said: work".
            let reasons = outcome.applies_if.as_ref().map(|c| c.reasons(&answers));
            let because = outcome
                .explained_by
                .iter()
                .filter(|id| reasons.as_ref().is_none_or(|r| r.contains(&id.as_str())))
                .filter_map(|id| Some((flow.question(id)?, answers.get(id)?.clone())))
                .collect();
            (at, Shown { outcome, because })
        })
        .collect();
    crate::core::order::sort_by_key(&mut shown, |(at, s)| (s.outcome.rank, *at));
    shown.into_iter().map(|(_, s)| s).collect()
}

/// Every complete set of answers a person can reach by answering the flow's questions
/// in order, each question answered with each of its [`sample_answers`]: the path space
/// the flow tests and the invariants walk.
pub fn every_path(flow: &Flow) -> Vec<Answers> {
    let mut done = Vec::new();
    let mut stack = vec![Answers::default()];
    while let Some(answers) = stack.pop() {
        match next_question(flow, &answers) {
            None => done.push(answers),
            Some(question) => {
                for answer in sample_answers(question) {
                    let mut next = answers.clone();
                    next.set(&question.id, answer);
                    stack.push(next);
                }
            }
        }
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::flow::tests::test_flow;
    use std::collections::BTreeSet;

    fn choice(id: &str) -> Answer {
        Answer::Choice(id.into())
    }

    #[test]
    fn questions_come_in_order_and_skip_those_not_shown() {
        let flow = test_flow();
        let mut answers = Answers::default();
        assert_eq!(next_question(&flow, &answers).unwrap().id, "age");
        answers.set("age", choice("under_18"));
        assert_eq!(
            next_question(&flow, &answers).unwrap().id,
            "home",
            "adult questions skipped"
        );
        answers.set(
            "home",
            Answer::Place {
                country: "GT".into(),
                region: None,
            },
        );
        assert_eq!(next_question(&flow, &answers), None);
    }

    #[test]
    fn changing_an_earlier_answer_drops_answers_that_no_longer_apply() {
        let flow = test_flow();
        let mut answers = Answers::default();
        answers.set("age", choice("adult"));
        answers.set("documents", Answer::Choices(BTreeSet::from(["dpi".into()])));
        answers.set("years", Answer::Number(5));
        assert_eq!(answered_questions(&flow, &answers).len(), 3);
        answers.set("age", choice("under_18"));
        let kept = relevant_answers(&flow, &answers);
        assert!(!kept.is_answered("documents") && !kept.is_answered("years"));
        assert_eq!(
            answered_questions(&flow, &answers)
                .iter()
                .map(|q| q.id.as_str())
                .collect::<Vec<_>>(),
            ["age"]
        );
        // Callers keep only the relevant answers, so changing back asks again.
        let mut answers = kept;
        answers.set("age", choice("adult"));
        assert_eq!(next_question(&flow, &answers).unwrap().id, "documents");
    }

    #[test]
    fn progress_counts_the_longest_path_left() {
        let flow = test_flow(); // age; documents, years (adults only); home
        let at = |answers: &Answers, id: &str| {
            let p = progress(&flow, answers, id);
            (p.number, p.total)
        };
        let mut answers = Answers::default();
        assert_eq!(at(&answers, "age"), (1, 4));
        answers.set("age", choice("under_18"));
        assert_eq!(at(&answers, "home"), (2, 2));
        answers.set("age", choice("adult"));
        assert_eq!(at(&answers, "documents"), (2, 4));
    }

    /// An adult's answers to every question of the test flow.
    fn every_question_answered() -> Answers {
        let mut answers = Answers::default();
        answers.set("age", choice("adult"));
        answers.set("documents", Answer::Choices(Default::default()));
        answers.set("years", Answer::Number(3));
        answers.set(
            "home",
            Answer::Place {
                country: "GT".into(),
                region: None,
            },
        );
        answers
    }

    #[test]
    fn back_goes_to_the_question_before_or_to_the_check_page_after_a_change() {
        let flow = test_flow();
        let mut answers = Answers::default();
        assert_eq!(back(&flow, &answers, "age"), Back::Start);
        answers.set("age", choice("adult"));
        assert_eq!(
            back(&flow, &answers, "documents"),
            Back::To(flow.question("age").unwrap())
        );
        answers.set("documents", Answer::Choices(Default::default()));
        assert_eq!(
            back(&flow, &answers, "documents"),
            Back::To(flow.question("age").unwrap())
        );
        let answers = every_question_answered();
        assert_eq!(
            back(&flow, &answers, "years"),
            Back::Check,
            "changing an answer from the check page"
        );
    }

    #[test]
    fn progress_after_back_or_change_is_the_question_s_own_place() {
        let flow = test_flow();
        let answers = every_question_answered();
        let at = |id: &str| {
            let p = progress(&flow, &answers, id);
            (p.number, p.total)
        };
        assert_eq!(at("age"), (1, 4), "back to the first question");
        assert_eq!(at("documents"), (2, 4));
        assert_eq!(at("home"), (4, 4), "changed from the check page");
    }

    #[test]
    fn outcomes_are_ranked_and_explained() {
        let flow = test_flow();
        let mut answers = Answers::default();
        answers.set("age", choice("adult"));
        answers.set("years", Answer::Number(3));
        let shown = outcomes(&flow, &answers);
        let ids: Vec<_> = shown.iter().map(|s| s.outcome.id.as_str()).collect();
        assert_eq!(ids, ["work", "fraud"]);
        let because: Vec<_> = shown[0]
            .because
            .iter()
            .map(|(q, a)| (q.id.as_str(), a.clone()))
            .collect();
        assert_eq!(because, [("age", choice("adult")), ("years", Answer::Number(3))]);
        answers.set("age", choice("under_18"));
        let ids: Vec<_> = outcomes(&flow, &answers).iter().map(|s| s.outcome.id.clone()).collect();
        assert_eq!(ids, ["young", "fraud"], "the stale years answer no longer counts");
    }
}
