//! How an outcome is said and shown beyond its markup: the text read aloud for it, and
//! how each contact's number is offered. Both are rules a person depends on (what they
//! hear, whether they can call), so they live here, host-tested, not in the view.

use crate::core::assessment::flow::Outcome;
use crate::core::text::lang::{Lang, Text};

/// The section names as the interface says them in the language read.
pub struct SectionLabels<'a> {
    pub requirements: &'a str,
    pub steps: &'a str,
    pub cost: &'a str,
    pub warnings: &'a str,
}

/// What is read aloud for an outcome: all of it, as printed — title, summary, what is
/// needed, the steps, the cost and the warnings. For people who read little, the
/// warnings and what is needed matter as much as the steps.
pub fn spoken(outcome: &Outcome, lang: Lang, labels: &SectionLabels) -> String {
    let texts = |list: &[Text]| list.iter().map(|t| t.get(lang).to_string()).collect::<Vec<_>>();
    let part = |label: &str, items: Vec<String>| (!items.is_empty()).then(|| format!("{label}: {}", items.join(". ")));
    let cost = outcome.cost.get(lang);
    [
        Some(outcome.title.get(lang).to_string()),
        Some(outcome.summary.get(lang).to_string()),
        part(labels.requirements, texts(&outcome.requirements)),
        part(labels.steps, texts(&outcome.steps)),
        (!cost.is_empty()).then(|| format!("{}: {cost}", labels.cost)),
        part(labels.warnings, texts(&outcome.warnings)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(". ")
}

/// How a contact's number to call is offered beside its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberShown {
    /// "Llamar": the line's name already shows its number ("Línea 110"), so it is not
    /// written twice (and in two ways); the number is said to screen readers.
    CallButton,
    /// The number, as a link that calls it.
    CallLink,
    /// The number written out, to note down: a shared device cannot call, and paper
    /// cannot either.
    Written,
    /// Nothing beside the name: it shows the number already and it cannot be called.
    Nothing,
}

/// How to offer a number: `callable` when this device may call and the number can be
/// dialled; `in_name` when the contact's name shows the number.
pub fn number_shown(callable: bool, in_name: bool) -> NumberShown {
    match (callable, in_name) {
        (true, true) => NumberShown::CallButton,
        (true, false) => NumberShown::CallLink,
        (false, false) => NumberShown::Written,
        (false, true) => NumberShown::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::flow::tests::test_flow;
    use crate::core::text::lang::Text;

    const LABELS: SectionLabels = SectionLabels {
        requirements: "Requisitos",
        steps: "Pasos",
        cost: "Costo",
        warnings: "Advertencias",
    };

    #[test]
    fn an_outcome_is_read_whole_in_the_printed_order() {
        let mut outcome = test_flow().outcome("work").unwrap().clone();
        outcome.requirements = vec![Text::same("Tener DPI")];
        outcome.steps = vec![Text::same("Inscribirse"), Text::same("Esperar la entrevista")];
        outcome.warnings = vec![Text::same("Nunca pague a un reclutador")];
        let said = spoken(&outcome, Lang::Es, &LABELS);
        assert_eq!(
            said,
            "Trabajo. s. Requisitos: Tener DPI. Pasos: Inscribirse. Esperar la entrevista. Advertencias: Nunca pague a un reclutador"
        );
    }

    #[test]
    fn empty_sections_are_not_announced() {
        let outcome = test_flow().outcome("fraud").unwrap().clone();
        let said = spoken(&outcome, Lang::En, &LABELS);
        assert_eq!(said, "Fraud. s");
        assert!(!said.contains("Costo"), "no cost, no 'cost:'");
    }

    #[test]
    fn a_number_is_offered_as_the_device_and_the_name_allow() {
        assert_eq!(number_shown(true, true), NumberShown::CallButton);
        assert_eq!(number_shown(true, false), NumberShown::CallLink);
        assert_eq!(
            number_shown(false, false),
            NumberShown::Written,
            "kiosk and paper: written out"
        );
        assert_eq!(
            number_shown(false, true),
            NumberShown::Nothing,
            "the name shows it already"
        );
    }
}
