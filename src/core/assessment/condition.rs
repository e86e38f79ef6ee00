//! Conditions: the small typed expression tree that decides which questions are asked
//! (`show_if`) and which outcomes apply (`applies_if`).
//!
//! In the data files a condition is a JSON object with one key:
//! `{"all": [...]}`, `{"any": [...]}`, `{"not": {...}}`,
//! `{"equals": {"question": "age", "option": "18_24"}}`,
//! `{"one_of": {"question": "age", "options": ["18_24", "25_40"]}}`,
//! `{"includes": {"question": "documents", "option": "dpi"}}` (multiple choice),
//! `{"in_range": {"question": "years", "min": 1, "max": 5}}` (number, both ends included),
//! `{"answered": "question"}`,
//! `{"place_in": {"question": "abroad_place", "countries": ["MX"]}}` (a place answer in one
//! of these countries: what is open to a person depends on the country they are in).
//! A condition about an unanswered question is false, so an outcome never applies on
//! the strength of something the person was not asked.

use crate::core::assessment::answers::{Answer, Answers};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    Equals {
        question: String,
        option: String,
    },
    OneOf {
        question: String,
        options: Vec<String>,
    },
    Includes {
        question: String,
        option: String,
    },
    InRange {
        question: String,
        min: i64,
        max: i64,
    },
    Answered(String),
    /// A place answer whose country is one of `countries` (ISO codes, or `ZZ`).
    PlaceIn {
        question: String,
        countries: Vec<String>,
    },
}

impl Condition {
    /// Whether the condition holds for these answers.
    pub fn eval(&self, answers: &Answers) -> bool {
        match self {
            Condition::All(parts) => parts.iter().all(|c| c.eval(answers)),
            Condition::Any(parts) => parts.iter().any(|c| c.eval(answers)),
            Condition::Not(inner) => !inner.eval(answers),
            Condition::Equals { question, option } => {
                matches!(answers.get(question), Some(Answer::Choice(chosen)) if chosen == option)
            }
            Condition::OneOf { question, options } => {
                matches!(answers.get(question), Some(Answer::Choice(chosen)) if options.contains(chosen))
            }
            Condition::Includes { question, option } => {
                matches!(answers.get(question), Some(Answer::Choices(ticked)) if ticked.contains(option))
            }
            Condition::InRange { question, min, max } => {
                matches!(answers.get(question), Some(Answer::Number(n)) if min <= n && n <= max)
            }
            Condition::Answered(question) => answers.is_answered(question),
            Condition::PlaceIn { question, countries } => {
                matches!(answers.get(question), Some(Answer::Place { country, .. }) if countries.contains(country))
            }
        }
    }

    /// The questions whose answers make the condition hold: those of the parts that
    /// hold, so an outcome shown because of one answer of an `any` is not explained by
    /// the others. A `not` that holds is explained by every question it reads. Empty
    /// when the condition does not hold.
    pub fn reasons(&self, answers: &Answers) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_reasons(answers, &mut out);
        out
    }

    fn collect_reasons<'a>(&'a self, answers: &Answers, out: &mut Vec<&'a str>) {
        if !self.eval(answers) {
            return;
        }
        match self {
            Condition::All(parts) | Condition::Any(parts) => parts.iter().for_each(|c| c.collect_reasons(answers, out)),
            Condition::Not(inner) => inner.collect_questions(out),
            _ => self.collect_questions(out),
        }
    }

    /// Every question id the condition reads, in order, repeated as written.
    pub fn questions(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_questions(&mut out);
        out
    }

    fn collect_questions<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Condition::All(parts) | Condition::Any(parts) => parts.iter().for_each(|c| c.collect_questions(out)),
            Condition::Not(inner) => inner.collect_questions(out),
            Condition::Equals { question, .. }
            | Condition::OneOf { question, .. }
            | Condition::Includes { question, .. }
            | Condition::InRange { question, .. }
            | Condition::Answered(question)
            | Condition::PlaceIn { question, .. } => out.push(question),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn answers() -> Answers {
        let mut a = Answers::default();
        a.set("age", Answer::Choice("25_40".into()));
        a.set("documents", Answer::Choices(BTreeSet::from(["dpi".to_string()])));
        a.set("years", Answer::Number(3));
        a
    }

    fn parse(json: &str) -> Condition {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn leaf_tests_hold_only_for_matching_answers() {
        let a = answers();
        assert!(parse(r#"{"equals":{"question":"age","option":"25_40"}}"#).eval(&a));
        assert!(!parse(r#"{"equals":{"question":"age","option":"18_24"}}"#).eval(&a));
        assert!(parse(r#"{"one_of":{"question":"age","options":["18_24","25_40"]}}"#).eval(&a));
        assert!(parse(r#"{"includes":{"question":"documents","option":"dpi"}}"#).eval(&a));
        assert!(!parse(r#"{"includes":{"question":"documents","option":"passport"}}"#).eval(&a));
        assert!(parse(r#"{"in_range":{"question":"years","min":3,"max":3}}"#).eval(&a));
        assert!(!parse(r#"{"in_range":{"question":"years","min":4,"max":10}}"#).eval(&a));
        assert!(parse(r#"{"answered":"years"}"#).eval(&a));
    }

    #[test]
    fn unanswered_questions_make_every_leaf_false() {
        let none = Answers::default();
        for json in [
            r#"{"equals":{"question":"age","option":"25_40"}}"#,
            r#"{"includes":{"question":"documents","option":"dpi"}}"#,
            r#"{"in_range":{"question":"years","min":0,"max":99}}"#,
            r#"{"answered":"age"}"#,
        ] {
            assert!(!parse(json).eval(&none), "{json}");
        }
    }

    #[test]
    fn all_any_not_combine_as_logic_says() {
        let a = answers();
        let t = r#"{"answered":"age"}"#;
        let f = r#"{"answered":"missing"}"#;
        let all = |x: &str, y: &str| parse(&format!(r#"{{"all":[{x},{y}]}}"#)).eval(&a);
        let any = |x: &str, y: &str| parse(&format!(r#"{{"any":[{x},{y}]}}"#)).eval(&a);
        assert_eq!(
            [all(t, t), all(t, f), all(f, t), all(f, f)],
            [true, false, false, false]
        );
        assert_eq!([any(t, t), any(t, f), any(f, t), any(f, f)], [true, true, true, false]);
        assert!(!parse(&format!(r#"{{"not":{t}}}"#)).eval(&a));
        assert!(parse(r#"{"all":[]}"#).eval(&a), "an empty all is true");
        assert!(!parse(r#"{"any":[]}"#).eval(&a), "an empty any is false");
    }

    #[test]
    fn reasons_are_the_answers_of_the_parts_that_hold() {
        let answers = answers(); // age 25_40, documents [dpi], years 3
        let either = parse(
            r#"{"any":[{"equals":{"question":"age","option":"25_40"}},{"includes":{"question":"documents","option":"passport"}}]}"#,
        );
        assert_eq!(either.reasons(&answers), ["age"], "the false branch explains nothing");
        let both = parse(
            r#"{"all":[{"in_range":{"question":"years","min":1,"max":5}},{"not":{"equals":{"question":"age","option":"under_18"}}}]}"#,
        );
        assert_eq!(both.reasons(&answers), ["years", "age"]);
        let false_all = parse(
            r#"{"all":[{"in_range":{"question":"years","min":1,"max":5}},{"equals":{"question":"age","option":"under_18"}}]}"#,
        );
        assert!(false_all.reasons(&answers).is_empty());
    }

    #[test]
    fn place_in_holds_for_a_place_in_one_of_its_countries_only() {
        let mut a = answers();
        let in_mexico = parse(r#"{"place_in":{"question":"home","countries":["MX","ZZ"]}}"#);
        assert!(!in_mexico.eval(&a), "unanswered");
        let place = |country: &str| Answer::Place {
            country: country.into(),
            region: None,
        };
        a.set("home", place("MX"));
        assert!(in_mexico.eval(&a));
        a.set("home", place("ZZ"));
        assert!(in_mexico.eval(&a));
        a.set("home", place("US"));
        assert!(!in_mexico.eval(&a));
        a.set("home", Answer::Choice("MX".into()));
        assert!(!in_mexico.eval(&a), "only a place answer is in a country");
        assert_eq!(in_mexico.questions(), ["home"]);
    }

    #[test]
    fn questions_lists_every_question_read() {
        let c = parse(r#"{"all":[{"equals":{"question":"a","option":"x"}},{"not":{"answered":"b"}}]}"#);
        assert_eq!(c.questions(), vec!["a", "b"]);
    }

    #[test]
    fn a_misspelt_condition_is_refused_at_parse() {
        assert!(serde_json::from_str::<Condition>(r#"{"equal":{"question":"a","option":"x"}}"#).is_err());
        assert!(serde_json::from_str::<Condition>(r#"{"equals":{"question":"a","opton":"x"}}"#).is_err());
    }
}
