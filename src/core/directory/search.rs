//! Directory search: instant and forgiving. The index is built once when data loads;
//! each query then only compares short folded words.
//!
//! - Accents and case do not matter ("mexico" finds "México", "peten" finds "Petén").
//! - One typo is forgiven in words of five letters or more ("quetzaltenago").
//! - The last word matches as a prefix while the person is still typing.
//! - Every word must match somewhere (name, alias, city, region, country, service, kind,
//!   description); matches in the name rank above matches in the description, and
//!   active entries above closed ones.
//! - Known local names are searchable both ways (Xela and Quetzaltenango, EEUU and
//!   Estados Unidos).

use crate::core::directory::countries;
use crate::core::directory::entry::{Directory, Entry, Kind, Service, Status};
use crate::core::text::fold::fold;
use std::collections::BTreeMap;

use crate::core::directory::words::{FILLER_WORDS, PLACE_NAMES, SERVICE_WORDS, Wanted, synonyms, wanted_fact};

/// How a field counts when a word matches in it (lower is better).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Name = 0,
    Place = 1,
    Topic = 2,
    Description = 3,
}

/// What the person asks for: words and optional filters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    pub text: String,
    pub country: Option<String>,
    pub kind: Option<Kind>,
    pub service: Option<Service>,
    /// ISO 639-3 code.
    pub language: Option<String>,
}

impl Query {
    /// How many filters are in use (not the words typed), as the folded filters'
    /// summary shows it.
    pub fn active_filters(&self) -> usize {
        [
            self.country.is_some(),
            self.kind.is_some(),
            self.service.is_some(),
            self.language.is_some(),
        ]
        .into_iter()
        .filter(|&on| on)
        .count()
    }
}

/// Matching entries (indexes into the directory), best first, and how many matches
/// each filter value would give (with the other filters applied), for the chips.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    pub entries: Vec<usize>,
    /// The fact the query asks for ("teléfono", "hours"), for the list to say first.
    pub wanted: Option<Wanted>,
    pub countries: BTreeMap<String, usize>,
    pub kinds: BTreeMap<Kind, usize>,
    pub services: BTreeMap<Service, usize>,
    pub languages: BTreeMap<String, usize>,
}

/// The index: every distinct folded word once, and per entry the words it has (by
/// number) with the field each comes from. A query compares each of its words with each
/// distinct word once; entries then only add up small numbers, so a keystroke costs the
/// same whether 30 or 10,000 entries share the word "consulado".
pub struct SearchIndex {
    vocabulary: Vec<Word>,
    words: Vec<Vec<(Field, u32)>>,
    facts: Vec<Facts>,
}

/// A distinct folded word, with its letters ready for the typo check.
struct Word {
    text: String,
    chars: Vec<char>,
}

/// What filters look at, copied out of the entry.
struct Facts {
    country: String,
    kind: Kind,
    services: Vec<Service>,
    languages: Vec<String>,
    status: Status,
    sort_name: String,
}

/// How well a query word matches a word (lower is better); `NO_MATCH` when it does not.
const NO_MATCH: u8 = u8::MAX;
/// Within one typo of a query word that is itself in the directory's words: counts as a
/// typo (2) except in a description, where it does not match.
const TYPO_OF_A_KNOWN_WORD: u8 = 3;

impl SearchIndex {
    pub fn build(directory: &Directory) -> SearchIndex {
        let mut vocabulary = Vocabulary::default();
        // Kinds and services are shared by thousands of entries: fold their labels once.
        let kinds: Vec<Vec<u32>> = Kind::ALL.iter().map(|k| vocabulary.text(&k.label().0)).collect();
        let services: Vec<Vec<u32>> = Service::ALL
            .iter()
            .map(|s| {
                let mut words = vocabulary.text(&s.label().0);
                for (_, others) in SERVICE_WORDS.iter().filter(|(service, _)| service == s) {
                    words.extend(others.split_whitespace().map(|w| vocabulary.number(w)));
                }
                words
            })
            .collect();
        let words = directory
            .entries
            .iter()
            .map(|e| {
                let mut words = entry_words(e, &mut vocabulary);
                let kind = Kind::ALL.iter().position(|k| *k == e.kind).map(|at| &kinds[at]);
                let offered = e
                    .services
                    .iter()
                    .filter_map(|s| Service::ALL.iter().position(|x| x == s));
                for &word in kind.into_iter().chain(offered.map(|at| &services[at])).flatten() {
                    words.push((Field::Topic, word));
                }
                crate::core::order::sort(&mut words);
                words.dedup();
                words
            })
            .collect();
        let facts = directory
            .entries
            .iter()
            .map(|e| Facts {
                country: e.address.country.to_string(),
                kind: e.kind,
                services: e.services.clone(),
                languages: e.languages.clone(),
                status: e.status,
                sort_name: fold(e.name.get_code("es")),
            })
            .collect();
        SearchIndex {
            vocabulary: vocabulary.words,
            words,
            facts,
        }
    }

    pub fn search(&self, query: &Query) -> Results {
        let mut terms: Vec<String> = fold(&query.text).split_whitespace().map(str::to_string).collect();
        if terms.iter().any(|t| !FILLER_WORDS.contains(&t.as_str())) {
            terms.retain(|t| !FILLER_WORDS.contains(&t.as_str()));
        }
        // "miami consulado telefono": a place and what it is, and the fact wanted of it.
        let wanted = terms.iter().find_map(|t| wanted_fact(t));
        if terms.iter().any(|t| wanted_fact(t).is_none()) {
            terms.retain(|t| wanted_fact(t).is_none());
        }
        let mut results = self.search_terms(query, &terms);
        // Never nothing when a word names something: the words that match nowhere are
        // left out ("salario impago" still finds by "salario").
        if results.entries.is_empty() && terms.len() > 1 {
            let known: Vec<String> = terms
                .iter()
                .enumerate()
                .filter(|(at, t)| self.qualities(t, at + 1 == terms.len()).iter().any(|&q| q != NO_MATCH))
                .map(|(_, t)| t.clone())
                .collect();
            if !known.is_empty() && known.len() < terms.len() {
                results = self.search_terms(query, &known);
            }
            // Still nothing: what each word finds on its own.
            if results.entries.is_empty() {
                for term in &known {
                    let alone = self.search_terms(query, std::slice::from_ref(term));
                    for i in alone.entries {
                        if !results.entries.contains(&i) {
                            results.entries.push(i);
                        }
                    }
                }
            }
        }
        results.wanted = wanted;
        results
    }

    fn search_terms(&self, query: &Query, terms: &[String]) -> Results {
        // For each query word, its match quality against every distinct word.
        let qualities: Vec<Vec<u8>> = terms
            .iter()
            .enumerate()
            .map(|(at, term)| self.qualities(term, at + 1 == terms.len()))
            .collect();
        let scores: Vec<Option<u32>> = self.words.iter().map(|words| score(words, &qualities)).collect();
        let passes = |i: usize, skip: Filter| {
            let f = &self.facts[i];
            scores[i].is_some()
                && f.status != Status::Defunct
                && (skip == Filter::Country || query.country.as_ref().is_none_or(|c| &f.country == c))
                && (skip == Filter::Kind || query.kind.is_none_or(|k| f.kind == k))
                && (skip == Filter::Service || query.service.is_none_or(|s| f.services.contains(&s)))
                && (skip == Filter::Language || query.language.as_ref().is_none_or(|l| f.languages.contains(l)))
        };
        let mut results = Results::default();
        for i in 0..self.facts.len() {
            let f = &self.facts[i];
            if passes(i, Filter::Country) {
                *results.countries.entry(f.country.clone()).or_default() += 1;
            }
            if passes(i, Filter::Kind) {
                *results.kinds.entry(f.kind).or_default() += 1;
            }
            if passes(i, Filter::Service) {
                for s in &f.services {
                    *results.services.entry(*s).or_default() += 1;
                }
            }
            if passes(i, Filter::Language) {
                for l in &f.languages {
                    *results.languages.entry(l.clone()).or_default() += 1;
                }
            }
            if passes(i, Filter::None) {
                results.entries.push(i);
            }
        }
        // A value chosen stays offered, with its 0, when the words leave nothing of it:
        // a filter showing another value than the one in force would hide why nothing
        // is found, and how to undo it.
        if let Some(country) = &query.country {
            results.countries.entry(country.clone()).or_default();
        }
        if let Some(kind) = query.kind {
            results.kinds.entry(kind).or_default();
        }
        if let Some(service) = query.service {
            results.services.entry(service).or_default();
        }
        if let Some(language) = &query.language {
            results.languages.entry(language.clone()).or_default();
        }
        crate::core::order::sort_by(&mut results.entries, |&a, &b| {
            let key = |i: usize| (self.facts[i].status != Status::Active, scores[i]);
            key(a)
                .cmp(&key(b))
                .then_with(|| self.facts[a].sort_name.cmp(&self.facts[b].sort_name))
        });
        results
    }

    /// How well `term` matches each distinct word: exactly (0), as the beginning of the
    /// word while the person is still typing it (1), or within one typo (2).
    fn qualities(&self, term: &str, last: bool) -> Vec<u8> {
        let mut best = self.qualities_of(term, last);
        for other in synonyms(term) {
            for (b, q) in best.iter_mut().zip(self.qualities_of(other, false)) {
                *b = (*b).min(q);
            }
        }
        best
    }

    fn qualities_of(&self, term: &str, last: bool) -> Vec<u8> {
        let term_chars: Vec<char> = term.chars().collect();
        // A word the directory has is not also taken as a typo of another in a
        // description: "pagan" does not find the office whose text says "hay que pagar"
        // (a name still forgives it: "ficticio" finds "Oficina Ficticia").
        let known = self
            .vocabulary
            .iter()
            .any(|word| word.text == term || (last && word.text.starts_with(term)));
        let forgiving = term_chars.len() >= 5;
        let typo = if known { TYPO_OF_A_KNOWN_WORD } else { 2 };
        self.vocabulary
            .iter()
            .map(|word| {
                if word.text == term {
                    0
                } else if last && word.text.starts_with(term) {
                    1
                } else if forgiving && within_one_edit(&term_chars, &word.chars) {
                    typo
                } else {
                    NO_MATCH
                }
            })
            .collect()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Filter {
    None,
    Country,
    Kind,
    Service,
    Language,
}

/// The score of an entry for the query words (lower is better); `None` if a word
/// matches nowhere. No words: every entry matches equally.
fn score(words: &[(Field, u32)], qualities: &[Vec<u8>]) -> Option<u32> {
    let mut total = 0;
    for quality in qualities {
        let best = words
            .iter()
            .filter_map(|&(field, word)| {
                let q = match quality[word as usize] {
                    TYPO_OF_A_KNOWN_WORD if field == Field::Description => NO_MATCH,
                    TYPO_OF_A_KNOWN_WORD => 2,
                    q => q,
                };
                (q != NO_MATCH).then(|| field as u32 * 3 + q as u32)
            })
            .min()?;
        total += best;
    }
    Some(total)
}

/// Distinct words, each numbered once, as the index is built.
#[derive(Default)]
struct Vocabulary {
    words: Vec<Word>,
    numbers: std::collections::HashMap<String, u32>,
}

impl Vocabulary {
    /// The numbers of the words of a text in every language.
    fn text(&mut self, texts: &BTreeMap<String, String>) -> Vec<u32> {
        texts
            .values()
            .flat_map(|t| fold(t).split_whitespace().map(|w| self.number(w)).collect::<Vec<_>>())
            .collect()
    }

    fn number(&mut self, word: &str) -> u32 {
        if let Some(&n) = self.numbers.get(word) {
            return n;
        }
        let n = self.words.len() as u32;
        self.words.push(Word {
            text: word.to_string(),
            chars: word.chars().collect(),
        });
        self.numbers.insert(word.to_string(), n);
        n
    }
}

/// The searchable words of an entry's own texts, folded and numbered, with their field
/// (its kind and services are added by `build`).
fn entry_words(e: &Entry, vocabulary: &mut Vocabulary) -> Vec<(Field, u32)> {
    let mut out = Vec::new();
    let mut add = |field: Field, text: &str| {
        for word in fold(text).split_whitespace() {
            out.push((field, vocabulary.number(word)));
        }
    };
    for name in e.name.0.values() {
        add(Field::Name, name);
    }
    for alias in &e.aliases {
        add(Field::Name, alias);
    }
    for place in [&e.address.city, &e.address.region].into_iter().flatten() {
        add(Field::Place, place);
        let folded = fold(place);
        for (known, others) in PLACE_NAMES {
            if folded == *known {
                others.iter().for_each(|o| add(Field::Place, o));
            }
        }
    }
    // "houston tx", "NC": a state as people write it.
    if let Some(region) = &e.address.region {
        for name in crate::core::directory::geo::region_names(&e.address.country, region) {
            add(Field::Place, name);
        }
    }
    add(Field::Place, &e.address.country);
    if let Some(country) = countries::country(&e.address.country) {
        country.names.iter().for_each(|n| add(Field::Place, n));
    }
    for text in e.description.0.values() {
        add(Field::Description, text);
    }
    out
}

/// Whether `a` becomes `b` with at most one insertion, deletion, substitution or swap
/// of neighbouring letters.
fn within_one_edit(a: &[char], b: &[char]) -> bool {
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match (ra.len(), rb.len()) {
        (0, 0) => true,
        (x, y) if x == y => ra[1..] == rb[1..] || (x >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..]),
        (x, y) if x > y => ra[1..] == *rb,
        _ => *ra == rb[1..],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directory() -> Directory {
        let entry = |id: &str, name: &str, city: &str, country: &str, kind: &str, extra: &str| {
            format!(
                r#"{{"id":"{id}","name":{{"es":"{name}","en":"{name}"}},"kind":"{kind}","address":{{"city":"{city}","country":"{country}"}},
                "verified_on":"2026-01-01","source":"x"{extra}}}"#
            )
        };
        let json = format!(
            r#"{{"entries":[{},{},{},{},{}]}}"#,
            entry(
                "a",
                "Centro Ficticio Uno",
                "Quetzaltenango",
                "GT",
                "resource_centre",
                r#","services":["information"],"languages":["spa","quc"]"#
            ),
            entry(
                "b",
                "Consulado Ficticio",
                "Ciudad de México",
                "MX",
                "consulate",
                r#","services":["passport"],"languages":["spa"]"#
            ),
            entry(
                "c",
                "Oficina Cerrada Ficticia",
                "Quetzaltenango",
                "GT",
                "government_office",
                r#","status":"temporarily_closed","services":["information"]"#
            ),
            entry(
                "d",
                "Antigua Oficina Ficticia",
                "Quetzaltenango",
                "GT",
                "government_office",
                r#","status":"defunct""#
            ),
            entry(
                "e",
                "Línea Ficticia de Ayuda",
                "Houston",
                "US",
                "hotline",
                r#","description":{"es":"Atiende en Quetzaltenango por teléfono","en":"x"}"#
            ),
        );
        Directory::from_json(json.as_bytes()).unwrap()
    }

    fn ids(index: &SearchIndex, query: Query) -> Vec<&'static str> {
        const IDS: [&str; 5] = ["a", "b", "c", "d", "e"];
        index.search(&query).entries.iter().map(|&i| IDS[i]).collect()
    }

    /// The index of a small directory written out in the test.
    fn index_of(json: &str) -> SearchIndex {
        SearchIndex::build(&Directory::from_json(json.as_bytes()).unwrap())
    }

    fn text(t: &str) -> Query {
        Query {
            text: t.into(),
            ..Query::default()
        }
    }

    #[test]
    fn accents_and_case_do_not_matter() {
        let index = SearchIndex::build(&directory());
        assert_eq!(ids(&index, text("mexico")), ["b"]);
        assert_eq!(ids(&index, text("MÉXICO")), ["b"]);
        assert_eq!(ids(&index, text("linea")), ["e"]);
    }

    #[test]
    fn local_names_work_both_ways() {
        let index = SearchIndex::build(&directory());
        assert_eq!(ids(&index, text("xela")), ["a", "c"]);
        assert_eq!(ids(&index, text("eeuu")), ["e"]);
        assert_eq!(ids(&index, text("estados unidos")), ["e"]);
    }

    #[test]
    fn one_typo_is_forgiven_in_long_words_only() {
        let index = SearchIndex::build(&directory());
        assert_eq!(ids(&index, text("quetzaltenago")), ["a", "e", "c"]);
        assert_eq!(ids(&index, text("consluado")), ["b"], "swapped letters");
        assert_eq!(ids(&index, text("hustn")), Vec::<&str>::new(), "two edits");
        assert_eq!(
            ids(&index, text("xeka")),
            Vec::<&str>::new(),
            "short words must be exact or a prefix"
        );
    }

    #[test]
    fn the_last_word_matches_as_a_prefix_while_typing() {
        let index = SearchIndex::build(&directory());
        assert_eq!(ids(&index, text("consu")), ["b"]);
        // "consu" is no prefix before another word: it matches nothing, and is left out
        // rather than leave nothing found, so the words that do match decide.
        assert_eq!(
            ids(&index, text("consu ficticio")),
            ids(&index, text("ficticio")),
            "only the last word"
        );
    }

    #[test]
    fn ranking_puts_names_before_descriptions_and_open_before_closed() {
        let index = SearchIndex::build(&directory());
        // "a" and "c" are in Quetzaltenango (place); "e" only mentions it in its description;
        // "c" is closed, so it comes after every active entry; "d" is defunct and hidden.
        assert_eq!(ids(&index, text("quetzaltenango")), ["a", "e", "c"]);
        assert_eq!(
            ids(&index, text("")),
            ["a", "b", "e", "c"],
            "no words: all active by name, closed last"
        );
    }

    #[test]
    fn a_state_is_found_by_its_postal_code_and_its_other_names() {
        let json = r#"{"entries":[
            {"id":"h","name":{"es":"Consulado Ficticio en Houston"},"kind":"consulate",
             "address":{"city":"Houston","region":"Texas","country":"US"},"verified_on":"2026-01-01","source":"x"},
            {"id":"r","name":{"es":"Consulado Ficticio en Raleigh"},"kind":"consulate",
             "address":{"city":"Raleigh","region":"North Carolina","country":"US"},"verified_on":"2026-01-01","source":"x"}]}"#;
        let index = index_of(json);
        let find = |t: &str| index.search(&text(t)).entries;
        assert_eq!(find("houston tx"), [0]);
        assert_eq!(find("TX"), [0]);
        assert_eq!(find("NC"), [1]);
        assert_eq!(find("carolina del norte"), [1]);
    }

    #[test]
    fn a_service_is_found_by_the_words_people_use_for_it() {
        let json = r#"{"entries":[
            {"id":"r","name":{"es":"Centro Ficticio"},"kind":"resource_centre","services":["reintegration"],
             "address":{"country":"GT"},"verified_on":"2026-01-01","source":"x"},
            {"id":"p","name":{"es":"Consulado Ficticio"},"kind":"consulate","services":["passport"],
             "address":{"country":"US"},"verified_on":"2026-01-01","source":"x"}]}"#;
        let index = index_of(json);
        for words in ["retornado", "Deportada", "deportación", "returnee", "me deportaron"] {
            assert_eq!(index.search(&text(words)).entries, [0], "{words}");
        }
    }

    #[test]
    fn a_problem_said_in_a_sentence_finds_who_deals_with_it_in_either_language() {
        let json = r#"{"entries":[
            {"id":"w","name":{"es":"Línea Ficticia de Salarios"},"kind":"hotline","services":["labour_rights"],
             "address":{"country":"US"},"verified_on":"2026-01-01","source":"x"},
            {"id":"p","name":{"es":"Consulado Ficticio"},"kind":"consulate","services":["passport"],
             "address":{"country":"US"},"verified_on":"2026-01-01","source":"x"}]}"#;
        let index = index_of(json);
        for words in [
            "no me pagan",
            "they don't pay me",
            "unpaid wages",
            "Me deben el salario",
        ] {
            assert_eq!(index.search(&text(words)).entries, [0], "{words}");
        }
        // Not the office whose text says one must pay ("pagar", one letter from "pagan").
        let json = r#"{"entries":[
            {"id":"w","name":{"es":"Línea Ficticia de Salarios"},"kind":"hotline","services":["labour_rights"],
             "address":{"country":"US"},"verified_on":"2026-01-01","source":"x"},
            {"id":"o","name":{"es":"Oficina Ficticia"},"kind":"government_office","description":{"es":"Hay que pagar"},
             "address":{"country":"GT"},"verified_on":"2026-01-01","source":"x"}]}"#;
        assert_eq!(index_of(json).search(&text("no me pagan")).entries, [0]);
        // Words that say nothing alone are still looked for when nothing else is typed
        // ("de" may be the start of "deben", or of "Denver").
        assert_eq!(index.search(&text("de")).entries, [0]);
        assert_eq!(index.search(&text("consulado de")).entries, [1]);
    }

    #[test]
    fn a_chosen_filter_value_stays_offered_when_the_words_leave_none_of_it() {
        let index = SearchIndex::build(&directory());
        let query = Query {
            text: "ficticio".into(),
            country: Some("US".into()),
            kind: Some(Kind::Consulate),
            service: Some(Service::Passport),
            language: Some("mam".into()),
        };
        assert_eq!(query.active_filters(), 4);
        assert_eq!(Query::default().active_filters(), 0);
        let results = index.search(&query);
        assert!(results.entries.is_empty());
        assert_eq!(results.countries.get("US"), Some(&0), "{:?}", results.countries);
        assert_eq!(results.kinds.get(&Kind::Consulate), Some(&0));
        assert_eq!(results.services.get(&Service::Passport), Some(&0));
        assert_eq!(results.languages.get("mam"), Some(&0));
    }

    #[test]
    fn filters_combine_with_words_and_count_per_value() {
        let index = SearchIndex::build(&directory());
        let query = Query {
            text: "ficticio".into(),
            country: Some("GT".into()),
            ..Query::default()
        };
        assert_eq!(
            ids(&index, query.clone()),
            ["a", "c"],
            "closed entries stay findable, last"
        );
        let results = index.search(&query);
        assert_eq!(results.countries.get("GT"), Some(&2), "{:?}", results.countries);
        assert_eq!(
            results.countries.get("MX"),
            Some(&1),
            "other countries still counted for the chips"
        );
        let by_service = Query {
            service: Some(Service::Information),
            ..Query::default()
        };
        assert_eq!(ids(&index, by_service), ["a", "c"]);
        let by_language = Query {
            language: Some("quc".into()),
            ..Query::default()
        };
        assert_eq!(ids(&index, by_language), ["a"]);
        let by_kind = Query {
            kind: Some(Kind::Hotline),
            ..Query::default()
        };
        assert_eq!(ids(&index, by_kind), ["e"]);
    }

    fn within_one_edit(a: &str, b: &str) -> bool {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        super::within_one_edit(&chars(a), &chars(b))
    }

    #[test]
    fn edit_distance_of_one() {
        assert!(within_one_edit("houston", "houston"));
        assert!(within_one_edit("huoston", "houston"));
        assert!(within_one_edit("houstn", "houston"));
        assert!(within_one_edit("houstonn", "houston"));
        assert!(within_one_edit("hauston", "houston"));
        assert!(!within_one_edit("hausten", "houston"));
        assert!(!within_one_edit("ouston", "houstonx"));
    }
}
