//! Where a person says they are: a country they pick and a region or city they type.
//! One reading serves the directory's place picker and the assessment's place question:
//! the default country, "another country", the regions and cities the app can place,
//! and the suggestions offered while typing.

use crate::core::directory::countries::COUNTRIES;
use crate::core::directory::entry::{Directory, Entry};
use crate::core::directory::geo::{locate, regions_of};
use crate::core::text::fold::{fold, fold_words};

/// The country a place field starts on: most of the diaspora lives in the United States.
pub const DEFAULT_COUNTRY: &str = "US";

/// The ISO 3166 user-assigned code for "another country": a place answer holds it or one
/// of the countries the directory's place picker offers (`countries::COUNTRIES`), so that
/// a person in a country Rumbo does not list can say so.
pub const OTHER_COUNTRY: &str = "ZZ";

/// Whether a place answer may hold the country `code`.
pub fn is_place_country(code: &str) -> bool {
    code == OTHER_COUNTRY || COUNTRIES.iter().any(|known| known.code == code)
}

/// What a place as typed amounts to.
#[derive(Clone, Debug, PartialEq)]
pub enum Reading {
    /// A region or city the app can place: a point to measure from, and the region under
    /// its usual name.
    Located((f64, f64), Option<String>),
    /// Only a country (the region left empty), or "another country": nothing to measure
    /// from, and nothing wrong with it either.
    CountryOnly,
    /// A region or town the app cannot place ("Dodge City").
    Unknown,
}

impl Reading {
    /// Whether the person should be told once that the place was not recognised, with
    /// what would work. Leaving the region empty is a choice, not a mistake.
    pub fn is_unknown(&self) -> bool {
        matches!(self, Reading::Unknown)
    }
}

/// Reads a place: the one rule for both the directory's picker (which needs a point to
/// sort by, and asks for a region when there is none) and the assessment's place
/// question (where a region is optional, and an unknown one is said once).
pub fn read_place(directory: &Directory, country: &str, typed: &str) -> Reading {
    let typed = typed.trim();
    if typed.is_empty() || country == OTHER_COUNTRY {
        return Reading::CountryOnly;
    }
    match locate_place(directory, country, typed) {
        Some((point, region)) => Reading::Located(point, region),
        None => Reading::Unknown,
    }
}

/// A place as a person gave it — a state or department, or a city the directory's own
/// entries place in one ("Houston", "Xela") — as a point to measure from and the region
/// under its usual name. A city is measured from the position of the directory's entry
/// there (a state's centre can be 500 km from Houston); a region from its approximate
/// centre. `None` when neither the region table nor the directory knows the place. The
/// directory's place picker and the assessment's contacts both read places this way.
pub fn locate_place(directory: &Directory, country: &str, typed: &str) -> Option<((f64, f64), Option<String>)> {
    if let Some(found) = locate(country, typed) {
        return Some(found);
    }
    let entry = city_entry(directory, country, typed)?;
    let (centre, region) = locate(country, entry.address.region.as_deref()?)?;
    let point = entry.location.map_or(centre, |l| (l.latitude, l.longitude));
    Some((point, region))
}

/// The places to suggest as a person types where they are in `country`: the regions the
/// table knows and those the directory's entries name there, sorted, each once.
pub fn place_suggestions(directory: &Directory, country: &str) -> Vec<String> {
    // Each name folded once, as the sort and the de-duplication compare it.
    let mut names: Vec<(String, String)> = regions_of(country)
        .map(str::to_string)
        .chain(
            directory
                .entries
                .iter()
                .filter(|e| e.address.country == country)
                .filter_map(|e| e.address.region.clone()),
        )
        .map(|name| (fold(&name), name))
        .collect();
    crate::core::order::sort_by(&mut names, |a, b| a.0.cmp(&b.0));
    names.dedup_by(|a, b| a.0 == b.0);
    names.into_iter().map(|(_, name)| name).collect()
}

/// The region of a city people type as their place ("Los Angeles", "Xela"), taken from
/// the directory's own entries in `country` whose city or alias it is: people think in
/// cities, the region table knows states and departments. `None` when no entry says.
pub fn region_of_city(directory: &Directory, country: &str, city: &str) -> Option<String> {
    city_entry(directory, country, city)?.address.region.clone()
}

/// The first entry in `country` whose city or alias is `city` and whose region is known,
/// located ones first (their position stands for the city's).
fn city_entry<'a>(directory: &'a Directory, country: &str, city: &str) -> Option<&'a Entry> {
    let words = fold_words;
    let typed = words(city);
    if typed.is_empty() {
        return None;
    }
    let mut found = directory
        .entries
        .iter()
        .filter(|e| e.address.country == country)
        .filter(|e| e.address.region.is_some())
        .filter(|e| e.address.city.iter().chain(&e.aliases).any(|name| words(name) == typed));
    let first = found.next()?;
    if first.location.is_some() {
        return Some(first);
    }
    Some(found.find(|e| e.location.is_some()).unwrap_or(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_region_or_another_country_is_a_country_only_never_unknown() {
        let directory = Directory::default();
        assert_eq!(read_place(&directory, "US", "   "), Reading::CountryOnly);
        assert_eq!(
            read_place(&directory, OTHER_COUNTRY, "Dodge City"),
            Reading::CountryOnly
        );
        assert!(
            !read_place(&directory, "US", "").is_unknown(),
            "an empty region is a choice"
        );
    }

    #[test]
    fn a_state_is_located_and_a_town_the_app_cannot_place_is_unknown() {
        let directory = Directory::default();
        match read_place(&directory, "US", "tx") {
            Reading::Located(_, region) => assert_eq!(region.as_deref(), Some("Texas")),
            other => panic!("expected Texas, got {other:?}"),
        }
        assert!(read_place(&directory, "US", "Dodge City").is_unknown());
    }

    #[test]
    fn the_default_and_the_other_country_are_place_countries() {
        assert!(is_place_country(DEFAULT_COUNTRY));
        assert!(is_place_country(OTHER_COUNTRY));
        assert!(!is_place_country("FR"));
    }
}
