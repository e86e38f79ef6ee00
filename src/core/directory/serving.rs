//! Which offices serve a person's place, and how far offices are.
//!
//! An office serves a place when its `service_area` names the place's country and region,
//! or the whole country. When no office does (or the directory does not say), the nearest
//! offices are offered instead, with their distance, and are never presented as "yours":
//! a consulate's district is a legal fact, and distance is only a guess at convenience.

use crate::core::directory::entry::{Area, Directory, Entry, Kind, Precision, Status};
use crate::core::directory::geo::{RegionName, distance_km, place_point};
use std::cmp::Ordering;

/// How many offices `Serving::Nearest` holds at most.
pub const NEAREST_SHOWN: usize = 3;

/// The answer to "which office serves me?".
#[derive(Clone, Debug, PartialEq)]
pub enum Serving<'a> {
    /// Offices whose service area covers the place: open ones first, then those naming
    /// the region before those covering the whole country, then nearest first.
    Yours(Vec<&'a Entry>),
    /// No office covers the place: those in the place's region, then the nearest others
    /// in its country, then those in the country whose position is not recorded, then the
    /// nearest abroad (at least `NEAREST_SHOWN` in all), each with its distance in
    /// kilometres from the place's approximate centre where the office's position is
    /// known.
    Nearest(Vec<(&'a Entry, Option<f64>)>),
    /// The place is not known (so neither is its position).
    Unknown,
    /// The place is known, but the directory has no office (of the kind asked for) to
    /// offer for it.
    NoOffices,
}

/// The offices (of `kind`, if given, else any but hotlines; never defunct ones, nor those
/// that cannot serve someone there, [`can_serve`]) serving `country` (ISO code) and
/// `region` (a name or, for US states, the postal code), with distances from `from` (the
/// point [`locate_place`] gave for what the person typed) or else the region's centre.
pub fn offices_serving<'a>(
    directory: &'a Directory,
    kind: Option<Kind>,
    country: &str,
    region: Option<&str>,
    from: Option<(f64, f64)>,
) -> Serving<'a> {
    let region = region.map(str::trim).filter(|r| !r.is_empty());
    let point = from.or_else(|| place_point(country, region));
    let region_name = region.map(|r| RegionName::new(country, r));
    // Lines to call are offered here only when asked for: a national line "serves"
    // every state, and would take the place of the offices a person can go to.
    let wanted = move |e: &Entry| kind.map_or(e.kind != Kind::Hotline, |k| e.kind == k);
    let region_name = region_name.as_ref();
    let candidates = || {
        directory
            .entries
            .iter()
            .filter(move |e| e.status != Status::Defunct && wanted(e) && can_serve(e, country, region_name))
    };
    let mut yours: Vec<(&Entry, Coverage)> = candidates()
        .filter_map(|e| coverage(e, country, region_name).map(|c| (e, c)))
        .collect();
    if !yours.is_empty() {
        let distance = |e: &Entry| point.and_then(|p| distance_to(e, p)).unwrap_or(f64::INFINITY);
        crate::core::order::sort_by(&mut yours, |(a, ca), (b, cb)| {
            (a.status != Status::Active, ca)
                .cmp(&(b.status != Status::Active, cb))
                .then_with(|| distance(a).total_cmp(&distance(b)))
                .then_with(|| a.id.cmp(&b.id))
        });
        return Serving::Yours(yours.into_iter().map(|(e, _)| e).collect());
    }
    let Some(point) = point else { return Serving::Unknown };
    let same_country = |e: &Entry| e.address.country == country;
    let in_region = |e: &Entry| is_in_region(e, country, region_name);
    // Offices in the person's own region come first, all of them, whether or not their
    // position is recorded: a state's centre can be nearer to a neighbour's office than to
    // an office across the same state, and a person looks first for the offices in their
    // state. Then their country: its offices with no recorded position (a ministry in the
    // capital) before an office abroad that is only measurably near.
    let rank = |e: &Entry, km: Option<f64>| match (in_region(e), same_country(e), km) {
        (true, _, _) => 0,
        (false, true, Some(_)) => 1,
        (false, true, None) => 2,
        (false, false, _) => 3,
    };
    let mut nearest: Vec<(&Entry, Option<f64>)> = candidates()
        .map(|e| (e, distance_to(e, point)))
        .filter(|&(e, km)| km.is_some() || same_country(e))
        .collect();
    crate::core::order::sort_by(&mut nearest, |&(a, da), &(b, db)| {
        rank(a, da)
            .cmp(&rank(b, db))
            .then_with(|| da.unwrap_or(f64::INFINITY).total_cmp(&db.unwrap_or(f64::INFINITY)))
            .then_with(|| a.id.cmp(&b.id))
    });
    let local = nearest.iter().take_while(|(e, _)| in_region(e)).count();
    nearest.truncate(local.max(NEAREST_SHOWN));
    if nearest.is_empty() {
        Serving::NoOffices
    } else {
        Serving::Nearest(nearest)
    }
}

/// How an entry's `service_area` covers a place; the more specific sorts first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Coverage {
    Region,
    WholeCountry,
}

/// Whether the entry serves `region` of `country` (a region named any way `RegionName`
/// knows), or the whole country, by its service area: its district, not its distance.
pub fn coverage(entry: &Entry, country: &str, region: Option<&RegionName>) -> Option<Coverage> {
    let in_country = |a: &Area| a.country == country;
    let areas = || entry.service_area.iter().filter(|a| in_country(a));
    if let Some(region) = region
        && areas().any(|a| a.region.as_deref().is_some_and(|r| region.is(r)))
    {
        Some(Coverage::Region)
    } else if areas().any(|a| a.region.as_deref().is_none_or(|r| r.trim().is_empty())) {
        Some(Coverage::WholeCountry)
    } else {
        None
    }
}

/// Guatemala: its own institutions are for Guatemalans wherever they live.
pub const HOME: &str = "GT";

/// Whether `entry` can help someone in `country` and, when known, `region`. One whose
/// service area is recorded serves only there (a national short number cannot be dialled
/// from abroad; a workers' organisation in Quebec takes no cases from Ontario); without
/// one, an office abroad serves the people of the country it is in, and Guatemala's own
/// institutions and organisations serve Guatemalans wherever they live.
///
/// A region the table does not know (a town typed as one) is taken as not knowing where
/// in the country the person is. Consulates are the exception to the region: a recorded
/// district says which consulate is a person's own ([`coverage`] puts it first), but
/// where the district of their place is not recorded, the nearest one is still where they
/// can go, so it is offered as nearest rather than left out.
pub fn can_serve(entry: &Entry, country: &str, region: Option<&RegionName>) -> bool {
    let here = |c: &str| c == country;
    if entry.service_area.is_empty() {
        let country = entry.address.country.trim();
        return here(country) || country == HOME;
    }
    let mut areas = entry.service_area.iter().filter(|a| here(&a.country)).peekable();
    if areas.peek().is_none() {
        return false;
    }
    match region {
        Some(region) if region.is_known() && entry.kind != Kind::Consulate => {
            areas.any(|a| a.region.as_deref().is_none_or(|r| r.trim().is_empty() || region.is(r)))
        }
        _ => true,
    }
}

/// Kilometres from `from` to the entry, if its location is known.
pub fn distance_to(entry: &Entry, from: (f64, f64)) -> Option<f64> {
    entry.location.map(|l| distance_km(from, (l.latitude, l.longitude)))
}

/// Whether a distance to the entry is only approximate (to be shown as "about N km"):
/// its location is its city's centre rather than its building, or the distance was
/// measured from the centre of a place the person picked rather than from where they are.
pub fn distance_is_approximate(entry: &Entry, from_place_centre: bool) -> bool {
    from_place_centre || entry.location.is_some_and(|l| l.precision == Precision::City)
}

/// Whether the entry's address is in `region` of `country` (a region named any way
/// `RegionName` knows: "TX" is Texas).
pub fn is_in_region(entry: &Entry, country: &str, region: Option<&RegionName>) -> bool {
    entry.address.country == country
        && region
            .zip(entry.address.region.as_deref())
            .is_some_and(|(r, er)| r.is(er))
}

/// An entry of a list ordered from a place ([`sort_by_distance`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// Its position in the directory.
    pub index: usize,
    /// Kilometres from where the list is measured, if the entry's position is known.
    pub km: Option<f64>,
    /// Whether it can serve someone at the place picked ([`can_serve`]); always true when
    /// the list is measured from the device's position, which names no country.
    pub serves_place: bool,
}

/// The entries at `indexes` with their distance from `from`, nearest first; those without
/// a location keep their order at the end. With `place` (a country and region the person
/// picked), the entries in that region come first, located or not, as in
/// [`offices_serving`]; then those of that country or serving all of it (a national line
/// has no position, and is no farther for it than a ministry across the ocean); then the
/// rest that can serve someone there (Guatemala's own institutions); those that cannot
/// last ([`can_serve`]: another country's national line is no nearer for having no
/// position).
pub fn sort_by_distance(
    directory: &Directory,
    indexes: &[usize],
    from: (f64, f64),
    place: Option<(&str, Option<&str>)>,
) -> Vec<Placed> {
    let region = place.and_then(|(country, region)| Some((country, RegionName::new(country, region?))));
    let outside = |e: &Entry| {
        region
            .as_ref()
            .is_some_and(|(country, region)| !is_in_region(e, country, Some(region)))
    };
    // 0: of the place's country; 1: can serve there from elsewhere; 2: cannot.
    let standing = |e: &Entry| match place {
        None => 0,
        Some((country, _)) => {
            let region = region.as_ref().map(|(_, r)| r);
            if !can_serve(e, country, region) {
                2
            } else if e.address.country == country || coverage(e, country, None).is_some() {
                0
            } else {
                1
            }
        }
    };
    let mut out: Vec<((bool, u8), Placed)> = indexes
        .iter()
        .map(|&index| {
            let e = &directory.entries[index];
            let standing = standing(e);
            let placed = Placed {
                index,
                km: distance_to(e, from),
                serves_place: standing < 2,
            };
            ((outside(e), standing), placed)
        })
        .collect();
    crate::core::order::sort_by(&mut out, |(key_a, a), (key_b, b)| {
        key_a.cmp(key_b).then_with(|| match (a.km, b.km) {
            (Some(a), Some(b)) => a.total_cmp(&b),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        })
    });
    out.into_iter().map(|(_, placed)| placed).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::directory::place::{locate_place, place_suggestions, read_place, region_of_city};
    use crate::core::text::fold::fold;

    /// A fictitious office: `at` is `(latitude, longitude, precision)`, `areas` are
    /// `country` or `country/region`.
    /// An active consulate in a US state, located at a city centre, with no service area.
    fn consulate_in(id: &str, (lat, lon): (f64, f64), state: &str) -> String {
        office(id, "consulate", "active", Some((lat, lon, "city")), &[])
            .replace(r#""country":"US""#, &format!(r#""country":"US","region":"{state}""#))
    }

    fn office(id: &str, kind: &str, status: &str, at: Option<(f64, f64, &str)>, areas: &[&str]) -> String {
        let location = at.map_or(String::new(), |(lat, lon, p)| {
            format!(r#","location":{{"latitude":{lat},"longitude":{lon},"precision":"{p}"}}"#)
        });
        let areas: Vec<String> = areas
            .iter()
            .map(|a| match a.split_once('/') {
                Some((c, r)) => format!(r#"{{"country":"{c}","region":"{r}"}}"#),
                None => format!(r#"{{"country":"{a}"}}"#),
            })
            .collect();
        format!(
            r#"{{"id":"{id}","name":{{"es":"{id}","en":"{id}"}},"kind":"{kind}","address":{{"country":"US"}},
            "status":"{status}","service_area":[{}],"verified_on":"2026-01-01","source":"https://example.org/{id}"{location}}}"#,
            areas.join(",")
        )
    }

    fn directory(offices: &[String]) -> Directory {
        Directory::from_json(format!(r#"{{"entries":[{}]}}"#, offices.join(",")).as_bytes()).unwrap()
    }

    /// Fictitious offices in Ohio, Illinois and California, an embassy for the whole
    /// country, one office without a location and a defunct one in Arizona.
    fn fixture() -> Directory {
        fixture_with(&[])
    }

    /// The fixture and `more` offices.
    fn fixture_with(more: &[String]) -> Directory {
        let mut offices = vec![
            office(
                "consulado-ficticio-de-ohio",
                "consulate",
                "active",
                Some((39.96, -83.0, "city")),
                &["US/Ohio", "US/Michigan"],
            ),
            office(
                "consulado-ficticio-de-illinois",
                "consulate",
                "active",
                Some((41.88, -87.63, "exact")),
                &["US/Illinois", "US/WI"],
            ),
            office(
                "consulado-ficticio-de-california",
                "consulate",
                "active",
                Some((34.05, -118.24, "city")),
                &["US/California", "US/Nevada"],
            ),
            office(
                "consulado-ficticio-sin-ubicacion",
                "consulate",
                "active",
                None,
                &["US/Florida"],
            ),
            office(
                "consulado-ficticio-antiguo",
                "consulate",
                "defunct",
                Some((33.45, -112.07, "city")),
                &["US/Arizona", "US/Texas"],
            ),
            office(
                "embajada-ficticia",
                "embassy",
                "active",
                Some((38.9, -77.04, "exact")),
                &["US"],
            ),
        ];
        offices.extend_from_slice(more);
        directory(&offices)
    }

    fn yours(serving: Serving) -> Vec<String> {
        match serving {
            Serving::Yours(entries) => entries.iter().map(|e| e.id.clone()).collect(),
            other => panic!("expected Yours, got {other:?}"),
        }
    }

    fn nearest(serving: Serving) -> Vec<(String, f64)> {
        match serving {
            Serving::Nearest(entries) => entries
                .iter()
                .map(|(e, d)| (e.id.clone(), d.unwrap_or(f64::INFINITY)))
                .collect(),
            other => panic!("expected Nearest, got {other:?}"),
        }
    }

    #[test]
    fn an_office_naming_the_region_serves_it_whatever_the_spelling() {
        let directory = fixture();
        let consulate = Some(Kind::Consulate);
        assert_eq!(
            yours(offices_serving(&directory, consulate, "US", Some("Ohio"), None)),
            ["consulado-ficticio-de-ohio"]
        );
        assert_eq!(
            yours(offices_serving(&directory, consulate, "US", Some(" míchigan "), None)),
            ["consulado-ficticio-de-ohio"]
        );
        assert_eq!(
            yours(offices_serving(&directory, consulate, "US", Some("OH"), None)),
            ["consulado-ficticio-de-ohio"],
            "the person's postal code matches the office's name for the state"
        );
        assert_eq!(
            yours(offices_serving(&directory, consulate, "US", Some("Wisconsin"), None)),
            ["consulado-ficticio-de-illinois"],
            "the office's postal code matches the person's name for the state"
        );
        assert_eq!(
            yours(offices_serving(&directory, consulate, "US", Some("florida"), None)),
            ["consulado-ficticio-sin-ubicacion"],
            "serving does not depend on a known location"
        );
    }

    #[test]
    fn an_area_without_region_serves_the_whole_country_after_specific_offices() {
        let directory = fixture();
        assert_eq!(
            yours(offices_serving(
                &directory,
                Some(Kind::Embassy),
                "US",
                Some("Texas"),
                None
            )),
            ["embajada-ficticia"]
        );
        assert_eq!(
            yours(offices_serving(&directory, None, "US", Some("Ohio"), None)),
            ["consulado-ficticio-de-ohio", "embajada-ficticia"]
        );
        assert_eq!(
            yours(offices_serving(&directory, None, "US", None, None)),
            ["embajada-ficticia"],
            "no region given: only whole-country offices are known to serve"
        );
    }

    #[test]
    fn with_no_office_covering_the_place_the_nearest_are_offered_as_nearest() {
        let directory = fixture();
        // Texas is covered only by the defunct office, which never counts.
        let found = nearest(offices_serving(
            &directory,
            Some(Kind::Consulate),
            "US",
            Some("TX"),
            None,
        ));
        let ids: Vec<&str> = found.iter().map(|(id, _)| id.as_str()).collect();
        // From the centre of Texas (32.0, -99.9), Chicago is about 1,550 km away and Los
        // Angeles about 1,710 km; Ohio is farther still.
        assert_eq!(
            ids,
            [
                "consulado-ficticio-de-illinois",
                "consulado-ficticio-de-california",
                "consulado-ficticio-de-ohio"
            ]
        );
        assert!((found[0].1 - 1550.0).abs() < 50.0, "{found:?}");
        assert!((found[1].1 - 1710.0).abs() < 50.0, "{found:?}");
        assert!(found.windows(2).all(|w| w[0].1 <= w[1].1));
        assert_eq!(found.len(), NEAREST_SHOWN);
    }

    #[test]
    fn a_defunct_office_neither_serves_nor_is_nearest() {
        let directory = fixture();
        // The defunct office sits in Arizona itself; the nearest live one is California's.
        let found = nearest(offices_serving(
            &directory,
            Some(Kind::Consulate),
            "US",
            Some("Arizona"),
            None,
        ));
        assert_eq!(found[0].0, "consulado-ficticio-de-california");
        assert!(found.iter().all(|(id, _)| id != "consulado-ficticio-antiguo"));
    }

    #[test]
    fn closed_offices_serve_after_open_ones() {
        let directory = directory(&[
            office(
                "a-ficticio-cerrado",
                "consulate",
                "temporarily_closed",
                None,
                &["US/Ohio"],
            ),
            office("b-ficticio-abierto", "consulate", "active", None, &["US/Ohio"]),
        ]);
        assert_eq!(
            yours(offices_serving(&directory, None, "US", Some("Ohio"), None)),
            ["b-ficticio-abierto", "a-ficticio-cerrado"]
        );
    }

    #[test]
    fn an_unknown_place_with_no_coverage_is_unknown() {
        let directory = fixture();
        let consulate = Some(Kind::Consulate);
        assert_eq!(
            offices_serving(&directory, consulate, "US", Some("Texsa"), None),
            Serving::Unknown
        );
        assert_eq!(
            offices_serving(&directory, consulate, "FR", None, None),
            Serving::Unknown
        );
        assert_eq!(
            offices_serving(&directory, Some(Kind::Hotline), "US", Some("Texas"), None),
            Serving::NoOffices,
            "a known place, but no office of that kind: not an unknown place"
        );
    }

    #[test]
    fn offices_in_the_region_or_country_count_without_a_recorded_position() {
        let gt = |id: &str, region: Option<&str>, at: Option<(f64, f64)>| {
            let address = match region {
                Some(r) => format!(r#""country":"GT","region":"{r}""#),
                None => r#""country":"GT""#.to_string(),
            };
            office(id, "government_office", "active", at.map(|(a, b)| (a, b, "city")), &[])
                .replace(r#""country":"US""#, &address)
        };
        let directory = directory(&[
            gt("centro-ficticio-xela", Some("Quetzaltenango"), None),
            gt("ministerio-ficticio", None, None),
            gt("oficina-ficticia-peten", Some("Petén"), Some((16.9, -89.9))),
            office(
                "consulado-ficticio-texas",
                "government_office",
                "active",
                Some((26.2, -98.2, "city")),
                &[],
            ),
        ]);
        let found = nearest(offices_serving(&directory, None, "GT", Some("Quetzaltenango"), None));
        let ids: Vec<&str> = found.iter().map(|(id, _)| id.as_str()).collect();
        // The office in the region, though not placed on the map; then the country's,
        // measurable first; the office abroad only if room is left.
        assert_eq!(
            ids,
            ["centro-ficticio-xela", "oficina-ficticia-peten", "ministerio-ficticio"]
        );
        assert!(found[0].1.is_infinite() && found[1].1.is_finite());
    }

    #[test]
    fn sorting_by_distance_puts_entries_without_location_last_in_their_order() {
        let directory = directory(&[
            office("sin-ubicacion-1", "consulate", "active", None, &[]),
            office("lejos", "consulate", "active", Some((34.05, -118.24, "city")), &[]),
            office("sin-ubicacion-2", "consulate", "active", None, &[]),
            office("cerca", "consulate", "active", Some((41.88, -87.63, "exact")), &[]),
        ]);
        let ohio = place_point("US", Some("Ohio")).unwrap();
        let sorted = sort_by_distance(&directory, &[0, 1, 2, 3], ohio, None);
        let order: Vec<usize> = sorted.iter().map(|p| p.index).collect();
        assert_eq!(order, [3, 1, 0, 2]);
        assert!(sorted[0].km.unwrap() < sorted[1].km.unwrap());
        assert_eq!((sorted[2].km, sorted[3].km), (None, None));
        let order: Vec<usize> = sort_by_distance(&directory, &[2, 0], ohio, None)
            .iter()
            .map(|p| p.index)
            .collect();
        assert_eq!(order, [2, 0]);
        assert!(
            sorted.iter().all(|p| p.serves_place),
            "no place picked: nothing is marked"
        );
        assert!(sort_by_distance(&directory, &[], ohio, None).is_empty());
    }

    #[test]
    fn sorting_from_a_picked_place_puts_its_region_first_located_or_not() {
        let directory = directory(&[
            consulate_in("oklahoma-ficticio", (35.5, -97.5), "Oklahoma"),
            office("maryland-ficticio", "consulate", "active", None, &[])
                .replace(r#""country":"US""#, r#""country":"US","region":"Maryland""#),
            consulate_in("filadelfia-ficticio", (39.95, -75.17), "Pennsylvania"),
        ]);
        let maryland = place_point("US", Some("MD")).unwrap();
        let order = |place| -> Vec<usize> {
            sort_by_distance(&directory, &[0, 1, 2], maryland, place)
                .iter()
                .map(|p| p.index)
                .collect()
        };
        assert_eq!(order(Some(("US", Some("MD")))), [1, 2, 0]);
        assert_eq!(order(None), [2, 0, 1], "from a position alone, by distance");
    }

    #[test]
    fn sorting_from_a_picked_place_puts_what_cannot_serve_there_last() {
        let directory = directory(&[
            office("linea-ficticia-de-mexico", "hotline", "active", None, &["MX"]),
            office("linea-ficticia-de-guatemala", "hotline", "active", None, &["GT"]),
            office(
                "oficina-ficticia-lejana",
                "consulate",
                "active",
                Some((41.88, -87.63, "exact")),
                &["US"],
            ),
        ]);
        let xela = place_point("GT", Some("Quetzaltenango")).unwrap();
        let sorted = sort_by_distance(&directory, &[0, 1, 2], xela, Some(("GT", Some("Quetzaltenango"))));
        let order: Vec<(usize, bool)> = sorted.iter().map(|p| (p.index, p.serves_place)).collect();
        assert_eq!(
            order,
            [(1, true), (2, false), (0, false)],
            "Guatemala's line first; then the rest, the located first, marked"
        );
    }

    #[test]
    fn a_city_is_placed_in_its_region_by_the_directorys_own_entries() {
        let directory = directory(&[
            consulate_in("los-angeles-ficticio", (34.05, -118.24), "California")
                .replace(r#""country":"US""#, r#""city":"Los Ángeles","country":"US""#),
            consulate_in("xela-ficticio", (14.8, -91.5), "Quetzaltenango")
                .replace(r#""country":"US""#, r#""country":"GT""#)
                .replace(r#""verified_on""#, r#""aliases":["Xela"],"verified_on""#),
        ]);
        assert_eq!(
            region_of_city(&directory, "US", " los  angeles ").as_deref(),
            Some("California")
        );
        assert_eq!(
            region_of_city(&directory, "GT", "xela").as_deref(),
            Some("Quetzaltenango")
        );
        assert_eq!(
            region_of_city(&directory, "GT", "Los Angeles"),
            None,
            "another country's city"
        );
        assert_eq!(region_of_city(&directory, "US", "Atlantis"), None);
        assert_eq!(region_of_city(&directory, "US", ""), None);
    }

    #[test]
    fn suggestions_hold_the_countrys_regions_and_the_directorys_each_once() {
        let directory = directory(&[
            consulate_in("texas-ficticio", (29.8, -95.4), "texas"),
            consulate_in("atlantida-ficticio", (30.0, -90.0), "Atlántida Ficticia"),
        ]);
        let us = place_suggestions(&directory, "US");
        assert_eq!(us.len(), 52, "51 from the table, one more from the directory");
        assert_eq!(us.iter().filter(|r| fold(r) == "texas").count(), 1);
        assert!(us.iter().any(|r| r == "Atlántida Ficticia"));
        let folded: Vec<String> = us.iter().map(|r| fold(r)).collect();
        assert!(folded.windows(2).all(|w| w[0] <= w[1]), "sorted");
        let mx = place_suggestions(&directory, "MX");
        assert!(mx.iter().any(|r| r == "Chiapas") && mx.len() == 32);
        assert!(place_suggestions(&directory, "FR").is_empty());
    }

    #[test]
    fn a_national_line_is_offered_only_when_lines_are_asked_for() {
        let directory = fixture_with(&[office("linea-ficticia", "hotline", "active", None, &["US"])]);
        assert_eq!(
            yours(offices_serving(&directory, None, "US", Some("Ohio"), None)),
            ["consulado-ficticio-de-ohio", "embajada-ficticia"]
        );
        assert_eq!(
            yours(offices_serving(
                &directory,
                Some(Kind::Hotline),
                "US",
                Some("Ohio"),
                None
            )),
            ["linea-ficticia"]
        );
        // Nor is a line for the US offered to someone in Guatemala.
        assert!(matches!(
            offices_serving(&directory, Some(Kind::Hotline), "GT", Some("Quetzaltenango"), None),
            Serving::NoOffices
        ));
    }

    #[test]
    fn a_person_in_mexico_or_canada_is_placed_and_offered_the_nearest() {
        let abroad = |id: &str, country: &str, at: (f64, f64)| {
            office(id, "consulate", "active", Some((at.0, at.1, "city")), &[])
                .replace(r#""country":"US""#, &format!(r#""country":"{country}""#))
        };
        let directory = fixture_with(&[
            abroad("consulado-ficticio-de-chiapas", "MX", (14.9, -92.3)),
            abroad("consulado-ficticio-de-quebec", "CA", (45.5, -73.6)),
        ]);
        for (country, typed, usual, first) in [
            ("MX", "chiapas", "Chiapas", "consulado-ficticio-de-chiapas"),
            ("MX", "CDMX", "Ciudad de México", "consulado-ficticio-de-chiapas"),
            ("CA", "ON", "Ontario", "consulado-ficticio-de-quebec"),
            ("CA", "Québec", "Quebec", "consulado-ficticio-de-quebec"),
        ] {
            let (_, region) = locate_place(&directory, country, typed).unwrap();
            assert_eq!(region.as_deref(), Some(usual));
            // Their country's office, not the US ones, which serve people in the US.
            let offices = nearest(offices_serving(&directory, None, country, Some(typed), None));
            assert_eq!(offices.len(), 1, "{typed}");
            assert_eq!(offices[0].0, first, "{typed}");
        }
        // With no office in the country, a known place is said to have none, not unknown.
        assert!(matches!(
            offices_serving(&fixture(), None, "MX", Some("chiapas"), None),
            Serving::NoOffices
        ));
    }

    #[test]
    fn a_city_point_makes_a_distance_approximate() {
        let directory = fixture();
        let entry = |id| directory.entry(id).unwrap();
        assert!(distance_is_approximate(entry("consulado-ficticio-de-ohio"), false));
        assert!(!distance_is_approximate(entry("consulado-ficticio-de-illinois"), false));
        assert!(!distance_is_approximate(
            entry("consulado-ficticio-sin-ubicacion"),
            false
        ));
        assert!(
            distance_is_approximate(entry("consulado-ficticio-de-illinois"), true),
            "from a region's centre"
        );
        assert_eq!(distance_to(entry("consulado-ficticio-sin-ubicacion"), (0.0, 0.0)), None);
    }

    #[test]
    fn with_no_service_area_the_offices_in_the_region_come_first_then_the_nearest() {
        let json = format!(
            r#"{{"entries":[{},{},{},{}]}}"#,
            consulate_in("oklahoma-ficticio", (35.5, -97.5), "Oklahoma"),
            consulate_in("el-paso-ficticio", (31.8, -106.4), "Texas"),
            consulate_in("brownsville-ficticio", (25.9, -97.5), "Texas"),
            consulate_in("kansas-ficticio", (39.0, -98.0), "Kansas"),
        );
        let directory = Directory::from_json(json.as_bytes()).unwrap();
        let Serving::Nearest(found) = offices_serving(&directory, None, "US", Some("TX"), None) else {
            panic!("no service areas: only the nearest")
        };
        let ids: Vec<&str> = found.iter().map(|(e, _)| e.id.as_str()).collect();
        assert_eq!(
            ids[..2]
                .iter()
                .filter(|id| id.contains("paso") || id.contains("brownsville"))
                .count(),
            2,
            "{ids:?}"
        );
        assert_eq!(ids.len(), 3, "filled up to three with the nearest other: {ids:?}");
        assert_eq!(ids[2], "oklahoma-ficticio");
    }

    #[test]
    fn an_organisation_for_one_region_serves_only_there_a_consulate_is_still_the_nearest() {
        let directory = fixture_with(&[office(
            "organizacion-ficticia-de-ohio",
            "community_organisation",
            "active",
            Some((39.96, -83.0, "city")),
            &["US/Ohio"],
        )]);
        let entry = |id| directory.entry(id).unwrap();
        let ohio = RegionName::new("US", "OH");
        let indiana = RegionName::new("US", "Indiana");
        let organisation = entry("organizacion-ficticia-de-ohio");
        assert!(can_serve(organisation, "US", Some(&ohio)));
        assert!(!can_serve(organisation, "US", Some(&indiana)));
        assert!(can_serve(organisation, "US", None), "where in the country is not known");
        let town = RegionName::new("US", "Springfield Ficticio");
        assert!(
            can_serve(organisation, "US", Some(&town)),
            "a town says nothing of its state"
        );
        assert!(!can_serve(organisation, "MX", None));
        assert!(can_serve(entry("consulado-ficticio-de-ohio"), "US", Some(&indiana)));

        let organisations = Some(Kind::CommunityOrganisation);
        assert!(matches!(
            offices_serving(&directory, organisations, "US", Some("Indiana"), None),
            Serving::NoOffices
        ));
        assert_eq!(
            yours(offices_serving(&directory, organisations, "US", Some("Ohio"), None)),
            ["organizacion-ficticia-de-ohio"]
        );
        let consulates = nearest(offices_serving(
            &directory,
            Some(Kind::Consulate),
            "US",
            Some("Indiana"),
            None,
        ));
        assert!(
            consulates.iter().any(|(id, _)| id == "consulado-ficticio-de-ohio"),
            "{consulates:?}"
        );
        // In a list sorted from Indiana, it goes after what can serve there, however near.
        let all: Vec<usize> = (0..directory.entries.len()).collect();
        let sorted = sort_by_distance(&directory, &all, (39.8, -86.2), Some(("US", Some("Indiana"))));
        let last = &directory.entries[sorted.last().unwrap().index];
        assert_eq!(last.id, "organizacion-ficticia-de-ohio");
    }

    #[test]
    fn a_city_the_directory_knows_is_measured_from_the_entry_there_not_its_states_centre() {
        let directory = fixture_with(&[consulate_in("houston-ficticio", (29.76, -95.37), "Texas")
            .replace(r#""country":"US""#, r#""city":"Houston","country":"US""#)]);
        let (point, region) = locate_place(&directory, "US", "houston").unwrap();
        assert_eq!(region.as_deref(), Some("Texas"));
        assert_eq!(point, (29.76, -95.37));
        // The state alone is still measured from its centre.
        let (centre, _) = locate_place(&directory, "US", "TX").unwrap();
        assert!(distance_km(point, centre) > 200.0);
        let Serving::Nearest(found) =
            offices_serving(&directory, Some(Kind::Consulate), "US", Some("Texas"), Some(point))
        else {
            panic!("no service area covers Texas")
        };
        assert_eq!(found[0].0.id, "houston-ficticio");
        assert!(found[0].1.is_some_and(|km| km < 1.0), "{found:?}");
    }

    #[test]
    fn from_a_picked_place_its_countrys_lines_come_before_institutions_far_away() {
        let directory = directory(&[
            office(
                "ministerio-ficticio",
                "government_office",
                "active",
                Some((14.6, -90.5, "city")),
                &[],
            )
            .replace(r#""country":"US""#, r#""country":"GT""#),
            office("linea-ficticia-de-canada", "hotline", "active", None, &["CA"]),
        ]);
        let ontario = place_point("CA", Some("Ontario")).unwrap();
        let sorted = sort_by_distance(&directory, &[0, 1], ontario, Some(("CA", Some("Ontario"))));
        let order: Vec<(usize, bool)> = sorted.iter().map(|p| (p.index, p.serves_place)).collect();
        assert_eq!(
            order,
            [(1, true), (0, true)],
            "Canada's line, then Guatemala's ministry"
        );
    }

    #[test]
    fn a_typed_place_is_recognised_when_the_table_or_the_directory_knows_it() {
        let directory = fixture_with(&[consulate_in("houston-ficticio", (29.76, -95.37), "Texas")
            .replace(r#""country":"US""#, r#""city":"Houston","country":"US""#)]);
        for typed in ["Kansas", "ks", "Houston", "  ", ""] {
            assert!(!read_place(&directory, "US", typed).is_unknown(), "{typed}");
        }
        assert!(read_place(&directory, "US", "Dodge City").is_unknown());
        assert!(
            !read_place(&directory, "ZZ", "Dodge City").is_unknown(),
            "another country: nothing to place"
        );
    }
}
