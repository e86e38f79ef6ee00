//! How long search, "which office serves me" and the distance sort take over 10,000
//! synthetic entries, far more than the directory will ever hold, so that each keystroke
//! stays instant on a slow phone. Run with `make bench` or `cargo bench --bench search`.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use criterion::{Criterion, criterion_group, criterion_main};
use rumbo::core::directory::entry::{Directory, Kind, Service};
use rumbo::core::directory::geo::place_point;
use rumbo::core::directory::search::{Query, SearchIndex};
use rumbo::core::directory::serving::{offices_serving, sort_by_distance};
use std::hint::black_box;

const ENTRIES: usize = 10_000;
const SEED: u64 = 2026;

fn text(text: &str) -> Query {
    Query {
        text: text.to_string(),
        ..Query::default()
    }
}

fn search(c: &mut Criterion) {
    let directory = synthetic::synthetic_directory(ENTRIES, SEED);
    c.bench_function("index build, 10k entries", |b| {
        b.iter(|| SearchIndex::build(black_box(&directory)))
    });
    let index = SearchIndex::build(&directory);
    let queries = [
        ("one word", text("quetzaltenango")),
        ("typo", text("quetzaltenago")),
        ("two words", text("consulado texas")),
        (
            "word and filters",
            Query {
                text: "pasaporte".to_string(),
                country: Some("US".to_string()),
                kind: Some(Kind::Consulate),
                service: Some(Service::Passport),
                language: None,
            },
        ),
    ];
    for (label, query) in &queries {
        let found = index.search(query).entries.len();
        c.bench_function(&format!("search {label} ({found} found), 10k entries"), |b| {
            b.iter(|| index.search(black_box(query)))
        });
    }
}

fn serving(c: &mut Criterion) {
    let directory = synthetic::synthetic_directory(ENTRIES, SEED);
    c.bench_function("offices serving Texas, 10k entries", |b| {
        b.iter(|| offices_serving(black_box(&directory), Some(Kind::Consulate), "US", Some("TX"), None))
    });
    // As in the shipped data today: no service areas, so every answer is the nearest.
    let without_areas = Directory {
        entries: directory
            .entries
            .iter()
            .cloned()
            .map(|mut e| {
                e.service_area.clear();
                e
            })
            .collect(),
    };
    c.bench_function("offices nearest to Texas, 10k entries", |b| {
        b.iter(|| offices_serving(black_box(&without_areas), Some(Kind::Consulate), "US", Some("TX"), None))
    });
    let all: Vec<usize> = (0..directory.entries.len()).collect();
    let texas = place_point("US", Some("Texas")).expect("Texas is in the table");
    c.bench_function("sort by distance, 10k entries", |b| {
        b.iter(|| sort_by_distance(black_box(&directory), black_box(&all), texas, None))
    });
}

criterion_group!(benches, search, serving);
criterion_main!(benches);
