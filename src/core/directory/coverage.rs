//! What the directory knows, counted: per kind of entry, how many have a phone, a street,
//! opening hours and a service area (`rumbo-data coverage`); and which facts rest on the
//! oldest sources (`rumbo-data stale`), for the staff to check those first.

use crate::core::directory::entry::{Directory, Kind};

/// One line of the coverage table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub kind: Kind,
    pub entries: usize,
    pub with_phone: usize,
    pub with_street: usize,
    pub with_hours: usize,
    pub with_service_area: usize,
}

/// The counts per kind present, in the order of [`Kind::ALL`], then the total (`None`).
pub fn table(directory: &Directory) -> Vec<(Option<Kind>, Row)> {
    let count = |kind: Option<Kind>| {
        let entries: Vec<_> = directory
            .entries
            .iter()
            .filter(|e| kind.is_none_or(|k| e.kind == k))
            .collect();
        Row {
            kind: kind.unwrap_or(Kind::Consulate),
            entries: entries.len(),
            with_phone: entries.iter().filter(|e| !e.phones.is_empty()).count(),
            with_street: entries.iter().filter(|e| e.address.street.is_some()).count(),
            with_hours: entries.iter().filter(|e| e.hours.is_some()).count(),
            with_service_area: entries.iter().filter(|e| !e.service_area.is_empty()).count(),
        }
    };
    let mut rows: Vec<(Option<Kind>, Row)> = Kind::ALL
        .into_iter()
        .map(|k| (Some(k), count(Some(k))))
        .filter(|(_, r)| r.entries > 0)
        .collect();
    rows.push((None, count(None)));
    rows
}

/// The table as text, one line per kind and a total, columns separated by `|`.
pub fn to_text(directory: &Directory) -> String {
    let mut out = String::from(
        "tipo / kind | contactos / entries | con teléfono / with a phone | con calle / with a street | con horario / with hours | con zona / with a service area\n",
    );
    out.push_str("--- | ---: | ---: | ---: | ---: | ---:\n");
    for (kind, r) in table(directory) {
        let name = kind.map_or("total", |k| k.code());
        out.push_str(&format!(
            "{name} | {} | {} | {} | {} | {}\n",
            r.entries, r.with_phone, r.with_street, r.with_hours, r.with_service_area
        ));
    }
    out
}

/// Every stated fact with a structured source, oldest source first: `(date, entry id,
/// field)`. A fact's date is its newest supporting source's.
pub fn facts_by_age(directory: &Directory) -> Vec<(String, String, String)> {
    let mut facts: Vec<(String, String, String)> = directory
        .entries
        .iter()
        .flat_map(|e| {
            e.stated_facts()
                .into_iter()
                .filter_map(|f| e.fact_date(&f).map(|d| (d.to_string(), e.id.clone(), f)))
                .collect::<Vec<_>>()
        })
        .collect();
    crate::core::order::sort_by(&mut facts, |a, b| a.cmp(b));
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directory() -> Directory {
        Directory::from_json(
            br#"{"entries":[
            {"id":"a","name":{"es":"A","en":"A"},"kind":"consulate","address":{"country":"US","street":"1 Calle Ficticia"},
             "phones":[{"number":"+15550100123"}],"verified_on":"2026-01-01","sources":[
               {"title":"T","publisher":"P","date":"2017","tier":"press","supports":["address","status"]},
               {"title":"T","publisher":"P","date":"2025-10","tier":"press","supports":["phones"]}]},
            {"id":"b","name":{"es":"B","en":"B"},"kind":"consulate","address":{"country":"US"},
             "service_area":[{"country":"US","region":"Texas"}],"verified_on":"2026-01-01","source":"x"},
            {"id":"c","name":{"es":"C","en":"C"},"kind":"hotline","address":{"country":"GT"},
             "phones":[{"number":"110"}],"verified_on":"2026-01-01","source":"x"}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn the_table_counts_each_kind_and_the_total() {
        let text = to_text(&directory());
        assert!(text.contains("\nconsulate | 2 | 1 | 1 | 0 | 1\n"), "{text}");
        assert!(text.contains("\nhotline | 1 | 1 | 0 | 0 | 0\n"), "{text}");
        assert!(text.contains("\ntotal | 3 | 2 | 1 | 0 | 1\n"), "{text}");
        assert!(!text.contains("embassy"), "kinds with no entry are left out: {text}");
    }

    #[test]
    fn the_oldest_facts_come_first() {
        let facts = facts_by_age(&directory());
        let listed: Vec<String> = facts.iter().map(|(d, id, f)| format!("{d} {id} {f}")).collect();
        assert_eq!(
            listed,
            ["2017 a address.street", "2017 a status", "2025-10 a phones[0]"],
            "entries without structured sources have no fact dates"
        );
    }
}
