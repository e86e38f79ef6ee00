//! Type-checking a flow's conditions against its questions, as part of validating the
//! content: every question a condition names exists, every option belongs to it, and
//! each test suits the question's kind. (Evaluating conditions is the engine's, in
//! `core::assessment::condition`; checking them is validation, so the condition type
//! does not depend on the flow that holds it.)

use crate::core::assessment::condition::Condition;
use crate::core::assessment::flow::{Flow, QuestionKind};
use crate::core::directory::place::is_place_country;
use crate::core::problem::Problem;

/// How deeply conditions may nest (`all`, `any`, `not` inside one another). The shipped
/// flow needs 3; evaluating and explaining a condition recurse once per level, so the
/// depth is bounded here as well as when the file is read (`core::json::check_depth`).
pub const MAX_DEPTH: usize = 16;

/// Type-checks the condition against the flow's questions: every question exists,
/// every option belongs to it, each test suits the question's kind, and it nests at
/// most [`MAX_DEPTH`] deep. `at` is the condition's place in the file, for the messages.
pub fn check_condition(condition: &Condition, flow: &Flow, at: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_into(condition, flow, at, 1, &mut problems);
    problems
}

fn check_into(condition: &Condition, flow: &Flow, at: &str, depth: usize, problems: &mut Vec<Problem>) {
    if depth > MAX_DEPTH {
        problems.push(Problem::new(
            at,
            &format!("la condición anida más de {MAX_DEPTH} niveles"),
            &format!("the condition nests deeper than {MAX_DEPTH} levels"),
        ));
        return;
    }
    let mut expect = |question: &str, kinds: &[QuestionKind], options: &[&String], test: &str| {
        let Some(q) = flow.question(question) else {
            problems.push(Problem::new(
                at,
                &format!("la condición «{test}» nombra una pregunta que no existe: «{question}»"),
                &format!("the «{test}» condition names a question that does not exist: «{question}»"),
            ));
            return;
        };
        if !kinds.contains(&q.kind) {
            problems.push(Problem::new(
                at,
                &format!(
                    "la condición «{test}» no sirve para la pregunta «{question}», que es de tipo «{}»",
                    q.kind.code()
                ),
                &format!(
                    "the «{test}» condition does not suit question «{question}», which is of kind «{}»",
                    q.kind.code()
                ),
            ));
            return;
        }
        for option in options {
            if q.option(option).is_none() {
                problems.push(Problem::new(
                    at,
                    &format!("la pregunta «{question}» no tiene la opción «{option}»"),
                    &format!("question «{question}» has no option «{option}»"),
                ));
            }
        }
    };
    match condition {
        Condition::All(parts) | Condition::Any(parts) => {
            for (i, part) in parts.iter().enumerate() {
                check_into(part, flow, &format!("{at}[{i}]"), depth + 1, problems);
            }
        }
        Condition::Not(inner) => check_into(inner, flow, at, depth + 1, problems),
        Condition::Equals { question, option } => expect(question, &[QuestionKind::SingleChoice], &[option], "equals"),
        Condition::OneOf { question, options } => expect(
            question,
            &[QuestionKind::SingleChoice],
            &options.iter().collect::<Vec<_>>(),
            "one_of",
        ),
        Condition::Includes { question, option } => {
            expect(question, &[QuestionKind::MultipleChoice], &[option], "includes")
        }
        Condition::InRange { question, min, max } => {
            expect(question, &[QuestionKind::Number], &[], "in_range");
            if min > max {
                problems.push(Problem::new(
                    at,
                    &format!("«in_range»: el mínimo {min} es mayor que el máximo {max}"),
                    &format!("«in_range»: the minimum {min} is greater than the maximum {max}"),
                ));
            }
        }
        Condition::Answered(question) => expect(question, &QuestionKind::ALL, &[], "answered"),
        Condition::PlaceIn { question, countries } => {
            expect(question, &[QuestionKind::Place], &[], "place_in");
            for country in countries {
                if !is_place_country(country) {
                    problems.push(Problem::new(
                        at,
                        &format!("«place_in»: «{country}» no es un país que se pueda elegir (GT, US, MX… o ZZ)"),
                        &format!("«place_in»: «{country}» is not a country a person can pick (GT, US, MX… or ZZ)"),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::flow::tests::test_flow;

    #[test]
    fn conditions_are_type_checked_against_the_questions() {
        let flow = test_flow();
        let check = |json: &str| {
            let c: Condition = serde_json::from_str(json).unwrap();
            check_condition(&c, &flow, "x")
                .into_iter()
                .map(|p| p.message.get_code("en").to_string())
                .collect::<Vec<_>>()
        };
        assert!(check(r#"{"equals":{"question":"age","option":"adult"}}"#).is_empty());
        assert!(check(r#"{"equals":{"question":"agee","option":"adult"}}"#)[0].contains("does not exist"));
        assert!(check(r#"{"equals":{"question":"age","option":"elderly"}}"#)[0].contains("has no option"));
        assert!(check(r#"{"equals":{"question":"documents","option":"dpi"}}"#)[0].contains("does not suit"));
        assert!(check(r#"{"includes":{"question":"age","option":"adult"}}"#)[0].contains("does not suit"));
        assert!(check(r#"{"in_range":{"question":"age","min":1,"max":2}}"#)[0].contains("does not suit"));
        assert!(check(r#"{"in_range":{"question":"years","min":5,"max":2}}"#)[0].contains("greater than"));
        assert!(check(r#"{"one_of":{"question":"age","options":["adult","x","y"]}}"#).len() == 2);
        assert!(check(r#"{"place_in":{"question":"home","countries":["MX","ZZ"]}}"#).is_empty());
        assert!(check(r#"{"place_in":{"question":"age","countries":["MX"]}}"#)[0].contains("does not suit"));
        assert!(check(r#"{"place_in":{"question":"home","countries":["Mexico"]}}"#)[0].contains("not a country"));
        let nested = check(r#"{"all":[{"answered":"home"},{"not":{"equals":{"question":"zzz","option":"a"}}}]}"#);
        assert_eq!(nested.len(), 1);
        let nested = |n: usize| {
            let inner = r#"{"answered":"age"}"#;
            format!("{}{inner}{}", r#"{"not":"#.repeat(n - 1), "}".repeat(n - 1))
        };
        assert!(check(&nested(MAX_DEPTH)).is_empty());
        let too_deep = check(&nested(MAX_DEPTH + 1));
        assert_eq!(too_deep.len(), 1);
        assert!(too_deep[0].contains("nests deeper"), "{too_deep:?}");
    }
}
