//! The content that ships in public/data must pass the same gate the app applies when
//! data arrives: sizes and hashes match the manifest, every file parses, and every
//! rule of the validator holds.

use rumbo::core::content::Content;
use rumbo::core::json::SerdeJson;
use std::path::Path;

fn data_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("public").join("data")
}

fn shipped() -> Result<Content, Vec<rumbo::core::problem::Problem>> {
    let manifest = std::fs::read(data_dir().join("manifest.json")).expect("public/data/manifest.json");
    // Checked as on the day it was published: no check date may be later than that.
    let published: serde_json::Value = serde_json::from_slice(&manifest).expect("manifest.json parses");
    let today = published["date"].as_str().expect("manifest.json has a date");
    Content::from_files(
        &SerdeJson,
        &manifest,
        |name| std::fs::read(data_dir().join(name)).ok(),
        today,
    )
}

#[test]
fn the_shipped_content_is_whole_and_valid() {
    if let Err(problems) = shipped() {
        let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        panic!("{} problem(s) in public/data:\n{}", list.len(), list.join("\n"));
    }
}

#[test]
fn no_shipped_phone_number_is_unsourced_or_fictitious() {
    let content = shipped().expect("valid content");
    for entry in &content.directory.entries {
        for phone in &entry.phones {
            // Test fixtures use +1555 01xx numbers; they must never ship.
            assert!(
                !phone.number.starts_with("+1555"),
                "{}: fictitious number {}",
                entry.id,
                phone.number
            );
        }
        assert!(
            !entry.source.trim().is_empty() || !entry.sources.is_empty(),
            "{}: no source",
            entry.id
        );
    }
}

/// A phone number or a street that only an aggregator gives never ships: the issue
/// of the many "consulates of Guatemala in the USA" sites.
#[test]
fn no_shipped_phone_or_street_rests_on_an_aggregator_alone() {
    use rumbo::core::directory::entry::Tier;
    let content = shipped().expect("valid content");
    for entry in content.directory.entries.iter().filter(|e| !e.sources.is_empty()) {
        let facts = entry.stated_facts();
        for fact in facts
            .iter()
            .filter(|f| f.starts_with("phones[") || *f == "address.street")
        {
            assert!(
                entry.sources_of(fact).any(|s| s.tier != Tier::Aggregator),
                "{}: {fact} has no official or press source",
                entry.id
            );
        }
    }
}

/// Every consulate says where its facts were read, fact by fact: none is cited only
/// through a page about another consulate or the network as a whole.
#[test]
fn every_shipped_consulate_has_structured_sources_for_each_fact() {
    use rumbo::core::directory::entry::Kind;
    let content = shipped().expect("valid content");
    for entry in content.directory.entries.iter().filter(|e| e.kind == Kind::Consulate) {
        assert!(!entry.sources.is_empty(), "{}: only a free-text citation", entry.id);
        for fact in entry.stated_facts() {
            assert!(entry.fact_date(&fact).is_some(), "{}: {fact} has no source", entry.id);
        }
    }
}

#[test]
fn every_outcome_says_where_its_facts_come_from() {
    let content = shipped().expect("valid content");
    for outcome in &content.flow.outcomes {
        assert!(!outcome.sources.is_empty(), "{}: no sources", outcome.id);
        assert!(!outcome.reviewed_on.is_empty(), "{}: no reviewed_on", outcome.id);
    }
}

/// Spanish names an English reader meets in the options (an ID card, its number, a
/// programme's name on the Ministry's website) are explained where the option first
/// names them, so the English text can be followed without knowing Guatemala's papers.
#[test]
fn spanish_names_in_english_options_are_explained() {
    let content = shipped().expect("valid content");
    let glosses = [
        ("DPI", "DPI (national ID)"),
        ("CUI", "CUI (the number on your DPI)"),
        (
            "Programa de Trabajo Temporal\"",
            "\"Programa de Trabajo Temporal\" (Temporary Work Programme)",
        ),
    ];
    for outcome in &content.flow.outcomes {
        // In the order the results show them.
        let texts = [&outcome.title, &outcome.summary]
            .into_iter()
            .chain(&outcome.requirements)
            .chain(&outcome.steps)
            .map(|t| t.get(rumbo::core::text::lang::Lang::En));
        let english: String = texts.collect::<Vec<_>>().join("\n");
        for (name, explained) in glosses {
            if let Some(first) = english.find(name) {
                let start = first.saturating_sub(explained.find(name).unwrap());
                assert!(
                    english[start..].starts_with(explained),
                    "{}: the first \"{name}\" is not explained as \"{explained}\"",
                    outcome.id
                );
            }
        }
    }
}

/// docs/rules.md is the rules table of the shipped flow: regenerate it with
/// `cargo run --bin rumbo-data -- rules` after changing assessment.json.
#[test]
fn the_rules_table_in_docs_is_up_to_date() {
    let flow =
        rumbo::core::assessment::flow::Flow::from_json(&std::fs::read(data_dir().join("assessment.json")).unwrap())
            .unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rumbo::core::assessment::rules_table::FILE);
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == rumbo::core::assessment::rules_table::rules_table(&flow),
        "{} is out of date: run `cargo run --bin rumbo-data -- rules`",
        path.display()
    );
}

mod search_people_type {
    use super::shipped;
    use rumbo::core::content::Content;
    use rumbo::core::directory::entry::{Kind, Service};
    use rumbo::core::directory::next_step::{Answer, NextStep, answer};
    use rumbo::core::directory::search::{Query, SearchIndex};
    use rumbo::core::directory::words::Wanted;

    fn search(content: &Content, text: &str) -> (Vec<String>, Option<Wanted>) {
        let index = SearchIndex::build(&content.directory);
        let results = index.search(&Query {
            text: text.into(),
            ..Query::default()
        });
        let ids = results
            .entries
            .iter()
            .map(|&i| content.directory.entries[i].id.clone())
            .collect();
        (ids, results.wanted)
    }

    /// A place, what it is, and the fact wanted: the consulate is found, and since no
    /// phone of Miami's is sourced, the result says where to turn instead.
    #[test]
    fn miami_consulado_telefono_finds_miami_and_says_where_to_ask() {
        let content = shipped().expect("valid content");
        let (ids, wanted) = search(&content, "miami consulado telefono");
        assert_eq!(ids.first().map(String::as_str), Some("consulado-miami"), "{ids:?}");
        assert_eq!(wanted, Some(Wanted::Phone));
        let miami = content.directory.entry("consulado-miami").unwrap();
        let centre = content.centre.as_ref().map(|c| c.entry.as_str());
        match answer(miami, Wanted::Phone, &content.directory, centre) {
            Answer::Steps(steps) => assert!(
                matches!(steps[0], NextStep::Institution(minex, url) if minex.id == "minex" && url.contains("minex.gob.gt")),
                "{steps:?}"
            ),
            other => panic!("Miami has no sourced phone: {other:?}"),
        }
        // Its street is sourced: asked for, it is the answer.
        let (ids, _) = search(&content, "direccion consulado miami");
        assert_eq!(ids[0], "consulado-miami");
        assert_eq!(
            answer(miami, Wanted::Address, &content.directory, centre),
            Answer::Street("999 Ponce De Leon Blvd. Suite 100")
        );
        // English words find the same.
        let (ids, wanted) = search(&content, "miami consulate phone");
        assert_eq!((ids[0].as_str(), wanted), ("consulado-miami", Some(Wanted::Phone)));
    }

    /// "salario no pagado": what someone not paid types finds where to report it.
    #[test]
    fn salario_no_pagado_finds_labour_rights() {
        let content = shipped().expect("valid content");
        let (ids, _) = search(&content, "salario no pagado");
        assert!(!ids.is_empty());
        for id in &ids {
            let entry = content.directory.entry(id).unwrap();
            assert!(entry.services.contains(&Service::LabourRights), "{id}");
        }
        let (unpaid, _) = search(&content, "unpaid wages");
        assert!(unpaid.iter().any(|id| id == "linea-whd-dol-eeuu"), "{unpaid:?}");
    }

    /// English speakers say "embassy" for their country's consulate.
    #[test]
    fn embassy_finds_the_consulates() {
        let content = shipped().expect("valid content");
        let (ids, _) = search(&content, "embassy");
        let consulates = content
            .directory
            .entries
            .iter()
            .filter(|e| e.kind == Kind::Consulate)
            .count();
        let found = ids
            .iter()
            .filter(|id| content.directory.entry(id).unwrap().kind == Kind::Consulate)
            .count();
        assert_eq!(found, consulates, "{ids:?}");
        let (ids, _) = search(&content, "embassy houston");
        assert_eq!(ids[0], "consulado-houston");
    }

    /// One word that names an entry is enough: the others do not empty the list.
    #[test]
    fn a_word_naming_an_entry_never_leaves_nothing_found() {
        let content = shipped().expect("valid content");
        for text in ["consulado miami zzzz", "qwxyz miami", "phoenix horario de atencion"] {
            let (ids, _) = search(&content, text);
            assert!(!ids.is_empty(), "{text}");
        }
        let (ids, wanted) = search(&content, "phoenix horario de atencion");
        assert_eq!((ids[0].as_str(), wanted), ("consulado-phoenix", Some(Wanted::Hours)));
    }
}
