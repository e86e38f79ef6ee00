//! The rules table (`docs/rules.md`, written by `rumbo-data rules`): for each outcome,
//! who it is for according to its sources (its requirements and the sources they come
//! from) and the condition that decides it, in words, so that staff and reviewers can
//! check the one against the other without reading the JSON.

use crate::core::assessment::condition::Condition;
use crate::core::assessment::flow::{Flow, Outcome};
use crate::core::text::lang::Lang;

/// Where the table is kept, from the project's root.
pub const FILE: &str = "docs/rules.md";

/// The table for `flow`, as Markdown.
pub fn rules_table(flow: &Flow) -> String {
    let mut out = String::from(
        "# Who each option is for\n\n\
         Written by `cargo run --bin rumbo-data -- rules` from `public/data/assessment.json`; do not edit it by \
         hand (a host test fails when it is out of date). For each option of the assessment: who it is for \
         according to its sources, and the condition that shows it. Answers are quoted as the person reads them \
         in English; the ids in brackets are the data's.\n",
    );
    for outcome in &flow.outcomes {
        out.push_str(&section(flow, outcome));
    }
    out
}

fn section(flow: &Flow, outcome: &Outcome) -> String {
    let mut out = format!(
        "\n## {} (`{}`)\n\nIn Spanish «{}». Rank {}; reviewed on {}.\n\n{}\n\n",
        outcome.title.get(Lang::En),
        outcome.id,
        outcome.title.get(Lang::Es),
        outcome.rank,
        outcome.reviewed_on,
        outcome.summary.get(Lang::En)
    );
    out.push_str("**For whom, according to its sources:**");
    if outcome.requirements.is_empty() {
        out.push_str(" no requirement stated.\n");
    } else {
        out.push('\n');
        for requirement in &outcome.requirements {
            out.push_str(&format!("- {}\n", requirement.get(Lang::En)));
        }
    }
    out.push_str("\n**Shown when:**");
    match &outcome.applies_if {
        None => out.push_str(" always.\n"),
        Some(condition) => {
            out.push('\n');
            describe(flow, condition, 0, &mut out);
        }
    }
    out.push_str("\n**Sources:**\n");
    for source in &outcome.sources {
        out.push_str(&format!("- {} <{}>\n", source.title.get(Lang::En), source.url));
    }
    out
}

/// An answer's words: its English label and its id.
fn option(flow: &Flow, question: &str, id: &str) -> String {
    let label = flow
        .question(question)
        .and_then(|q| q.option(id))
        .map(|o| o.label.get(Lang::En).to_string());
    match label {
        Some(label) => format!("\"{label}\" [{id}]"),
        None => format!("[{id}]"),
    }
}

fn options(flow: &Flow, question: &str, ids: &[String]) -> String {
    ids.iter()
        .map(|id| option(flow, question, id))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// The condition as a Markdown list, `depth` levels in.
fn describe(flow: &Flow, condition: &Condition, depth: usize, out: &mut String) {
    let indent = "  ".repeat(depth);
    let line = match condition {
        Condition::All(parts) | Condition::Any(parts) => {
            let word = if matches!(condition, Condition::All(_)) {
                "all of"
            } else {
                "any of"
            };
            out.push_str(&format!("{indent}- {word}:\n"));
            for part in parts {
                describe(flow, part, depth + 1, out);
            }
            return;
        }
        Condition::Not(inner) => match &**inner {
            Condition::Equals { question, option: id } => {
                format!(
                    "**{question}** is not {} (or was not asked)",
                    option(flow, question, id)
                )
            }
            Condition::OneOf { question, options: ids } => {
                format!(
                    "**{question}** is not {} (or was not asked)",
                    options(flow, question, ids)
                )
            }
            inner => {
                out.push_str(&format!("{indent}- none of:\n"));
                describe(flow, inner, depth + 1, out);
                return;
            }
        },
        Condition::Equals { question, option: id } => format!("**{question}** is {}", option(flow, question, id)),
        Condition::OneOf { question, options: ids } => format!("**{question}** is {}", options(flow, question, ids)),
        Condition::Includes { question, option: id } => {
            format!("**{question}** includes {}", option(flow, question, id))
        }
        Condition::InRange { question, min, max } => format!("**{question}** is from {min} to {max}"),
        Condition::Answered(question) => format!("**{question}** was answered"),
        Condition::PlaceIn { question, countries } => format!("**{question}** is in {}", countries.join(" or ")),
    };
    out.push_str(&format!("{indent}- {line}\n"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::flow::tests::test_flow;

    #[test]
    fn each_outcome_is_told_with_its_requirements_condition_and_sources() {
        let mut flow = test_flow();
        flow.outcomes[0].requirements = vec![crate::core::text::lang::Text::new("18 años o más.", "18 or older.")];
        flow.outcomes[0].sources = vec![crate::core::assessment::flow::Source {
            title: crate::core::text::lang::Text::new("Fuente", "Source"),
            url: "https://ficticio.example".into(),
        }];
        flow.outcomes[2].applies_if = Some(
            serde_json::from_str(
                r#"{"any":[{"not":{"equals":{"question":"age","option":"under_18"}}},{"place_in":{"question":"home","countries":["MX"]}},{"not":{"answered":"years"}}]}"#,
            )
            .unwrap(),
        );
        let table = rules_table(&flow);
        let work = table.split("\n## ").find(|s| s.starts_with("Work (`work`)")).unwrap();
        assert!(
            work.contains("**For whom, according to its sources:**\n- 18 or older.\n"),
            "{work}"
        );
        assert!(
            work.contains("- all of:\n  - **age** is \"18 or more\" [adult]\n  - **years** is from 1 to 60\n"),
            "{work}"
        );
        assert!(work.contains("- Source <https://ficticio.example>"), "{work}");
        let fraud = table.split("\n## ").find(|s| s.starts_with("Fraud")).unwrap();
        assert!(
            fraud.contains(
                "- any of:\n  - **age** is not \"Under 18\" [under_18] (or was not asked)\n  - **home** is in MX\n  - none of:\n    - **years** was answered\n"
            ),
            "{fraud}"
        );
        assert!(fraud.contains("**For whom, according to its sources:** no requirement stated."));
        let young = table.split("\n## ").find(|s| s.starts_with("Young")).unwrap();
        assert!(
            young.contains("**Shown when:**\n- **age** is \"Under 18\" [under_18]\n"),
            "{young}"
        );
    }
}
