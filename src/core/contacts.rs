//! The directory contacts shown under an assessment outcome: entries tagged for it,
//! the ones in the person's own state or region first (when they said where they live),
//! closed ones last and defunct ones never.

use crate::core::answers::{Answer, Answers};
use crate::core::assessment::Outcome;
use crate::core::directory::{Directory, Entry, Status};

/// The place the person gave in the assessment, if any.
pub fn place(answers: &Answers) -> Option<(&str, Option<&str>)> {
    answers.0.values().find_map(|a| match a {
        Answer::Place { country, region } => Some((country.as_str(), region.as_deref())),
        _ => None,
    })
}

/// Contacts for `outcome`, most useful first.
pub fn contacts_for<'a>(outcome: &Outcome, directory: &'a Directory, answers: &Answers) -> Vec<&'a Entry> {
    let here = place(answers);
    let mut found: Vec<&Entry> = directory
        .entries
        .iter()
        .filter(|e| e.status != Status::Defunct)
        .filter(|e| e.tags.iter().any(|t| outcome.directory_tags.contains(t)))
        .collect();
    crate::core::order::sort_by_key(&mut found, |e| {
        (
            e.status != Status::Active,
            !is_near(e, here),
            // Char by char: `str::to_lowercase` is a second, larger copy of the same
            // conversion in the wasm (it differs only for a final Greek sigma).
            e.name
                .get_code("es")
                .chars()
                .flat_map(char::to_lowercase)
                .collect::<String>(),
        )
    });
    found
}

/// Whether the entry is in the person's country and, if they gave one, their region.
pub fn is_near(entry: &Entry, place: Option<(&str, Option<&str>)>) -> bool {
    let Some((country, region)) = place else { return false };
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    same(&entry.address.country, country)
        && region.is_none_or(|r| entry.address.region.as_deref().is_some_and(|er| same(er, r)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directory() -> Directory {
        let entry = |id: &str, region: &str, status: &str| {
            format!(
                r#"{{"id":"{id}","name":{{"es":"{id}","en":"{id}"}},"kind":"consulate","address":{{"country":"US","region":"{region}"}},
                "status":"{status}","tags":["consular"],"verified_on":"2026-01-01","source":"x"}}"#
            )
        };
        let json = format!(
            r#"{{"entries":[{},{},{},{}]}}"#,
            entry("a-ficticio", "Ohio", "active"),
            entry("b-ficticio", "Texas", "active"),
            entry("c-ficticio", "Texas", "temporarily_closed"),
            entry("d-ficticio", "Texas", "defunct")
        );
        Directory::from_json(json.as_bytes()).unwrap()
    }

    fn outcome() -> Outcome {
        serde_json::from_str(r#"{"id":"o","title":{},"summary":{},"rank":1,"directory_tags":["consular"],"sources":[],"reviewed_on":"x"}"#).unwrap()
    }

    #[test]
    fn the_persons_region_comes_first_closed_last_defunct_never() {
        let directory = directory();
        let mut answers = Answers::default();
        let ids = |answers: &Answers| {
            contacts_for(&outcome(), &directory, answers)
                .iter()
                .map(|e| e.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&answers), ["a-ficticio", "b-ficticio", "c-ficticio"]);
        answers.set(
            "where",
            Answer::Place {
                country: "US".into(),
                region: Some(" texas".into()),
            },
        );
        assert_eq!(ids(&answers), ["b-ficticio", "a-ficticio", "c-ficticio"]);
    }
}
