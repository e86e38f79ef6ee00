//! The synthetic directory that tests and benchmarks use is valid, deterministic and
//! survives the staff's CSV round trip, at the size a benchmark needs.

#[path = "support/synthetic.rs"]
mod synthetic;

// The staff's spreadsheet code lives in the data tool, not in the app's core.
#[path = "../src/bin/rumbo-data/csv/mod.rs"]
#[allow(dead_code)]
mod csv;

use csv::{from_csv, to_csv};
use rumbo::core::content::validate::validate_directory;
use synthetic::synthetic_directory;

#[test]
fn ten_thousand_synthetic_entries_pass_the_validator() {
    let directory = synthetic_directory(10_000, 7);
    assert_eq!(directory.entries.len(), 10_000);
    let problems = validate_directory(&directory, "2026-11-24");
    let first: Vec<String> = problems.iter().take(10).map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{} problem(s), first: {first:#?}", problems.len());
}

#[test]
fn the_same_seed_gives_the_same_directory() {
    assert_eq!(synthetic_directory(200, 42), synthetic_directory(200, 42));
    assert_ne!(synthetic_directory(200, 42), synthetic_directory(200, 43));
}

#[test]
fn synthetic_entries_are_varied_and_obviously_fictitious() {
    let directory = synthetic_directory(2_000, 1);
    let entries = &directory.entries;
    for e in entries {
        assert!(e.name.get_code("es").starts_with("Oficina Ficticia"), "{}", e.id);
        assert!(e.phones.iter().all(|p| p.number.starts_with("+1555010")), "{}", e.id);
    }
    let has = |test: &dyn Fn(&rumbo::core::directory::entry::Entry) -> bool| entries.iter().any(test);
    assert!(has(
        &|e| e.name.get_code("es").contains('ñ') || e.name.get_code("es").contains('á')
    ));
    assert!(has(&|e| !e.aliases.is_empty()));
    assert!(has(&|e| e.status != rumbo::core::directory::entry::Status::Active));
    assert!(has(&|e| e.service_area.iter().any(|a| a.region.is_some())));
    assert!(has(&|e| e
        .hours
        .as_ref()
        .is_some_and(|h| h.time_zone == "Europe/Madrid")));
    for kind in rumbo::core::directory::entry::Kind::ALL {
        assert!(has(&|e| e.kind == kind), "{kind:?}");
    }
    let countries: std::collections::BTreeSet<&str> = entries.iter().map(|e| e.address.country.as_str()).collect();
    assert!(countries.len() >= 10, "{countries:?}");
}

#[test]
fn ten_thousand_synthetic_entries_survive_the_csv_round_trip() {
    let directory = synthetic_directory(10_000, 7);
    let csv = to_csv(&directory);
    let read = from_csv(&csv).unwrap_or_else(|errors| panic!("{:#?}", &errors[..errors.len().min(10)]));
    assert!(read == directory, "the directory read back differs");
    assert_eq!(to_csv(&read), csv);
}
