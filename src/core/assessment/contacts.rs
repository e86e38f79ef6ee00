//! The directory contacts shown under an assessment outcome: entries tagged for it,
//! those whose district covers the person's place first (when they said where they live),
//! then those in their own state or region, then the nearest, closed ones last and defunct
//! ones never. A consulate's district is the legal fact the directory's place picker also
//! puts first (`serving::offices_serving`): a person in Kansas is served by Oklahoma City,
//! however close Omaha is.
//!
//! The place is read as the directory's place picker reads it (`serving::locate_place`):
//! "TX", "Tejas" and "Houston" all put a person in Texas. Where the answers say which
//! country the person is in, contacts that cannot serve them there are left out: 110 is
//! no help in Texas, nor a shelter in Tapachula to someone in Quetzaltenango.

use crate::core::assessment::answers::{Answer, Answers};
use crate::core::assessment::flow::{Flow, Outcome, QuestionKind};
use crate::core::directory::entry::{Directory, Entry, Kind, PhoneKind, Status};
use crate::core::directory::geo::RegionName;
use crate::core::directory::links;
use crate::core::directory::place::locate_place;
use crate::core::directory::serving::{Coverage, HOME, can_serve, coverage, distance_to, is_in_region};
use crate::core::text::lang::Lang;

/// Where the person is, as far as their answers say, or where the relative they ask for
/// is: worked out once for all their options.
pub struct Here {
    /// ISO 3166-1 alpha-2, or `ZZ` for a country Rumbo does not list.
    country: String,
    /// Their region as they gave it, however written ("TX", "Tejas").
    region: Option<RegionName>,
    /// The approximate centre of their place, for distances.
    point: Option<(f64, f64)>,
    /// The place is the relative's the person asks for, not the person's: what serves
    /// Guatemala stays (the person asking may well be there), and the results speak of
    /// the relative's area and give no distances from it.
    relative: bool,
}

impl Here {
    /// The place the person gave, or the relative's they ask for, or, without one, the
    /// country an answer puts them in ("Vivo en Guatemala"); `None` when the answers do
    /// not say.
    pub fn of(flow: &Flow, directory: &Directory, answers: &Answers) -> Option<Here> {
        let place = flow.questions.iter().find_map(|q| match answers.get(&q.id) {
            Some(Answer::Place { country, region }) => Some((country.as_str(), region.as_deref(), q.about_relative)),
            _ => None,
        });
        if let Some((country, typed, about_relative)) = place {
            let typed = typed.map(str::trim).filter(|t| !t.is_empty());
            // A region the table and the directory do not know is still compared by name.
            // A country alone gives no distances: from its middle they would mislead, as
            // the directory's place picker says.
            let (point, region) = match typed.map(|t| locate_place(directory, country, t)) {
                Some(Some((point, region))) => (Some(point), region),
                Some(None) => (None, typed.map(str::to_string)),
                None => (None, None),
            };
            return Some(Here {
                country: country.to_string(),
                region: region.map(|r| RegionName::new(country, &r)),
                point,
                relative: about_relative,
            });
        }
        flow.questions
            .iter()
            .filter(|q| q.kind == QuestionKind::SingleChoice)
            .find_map(|q| match answers.get(&q.id) {
                Some(Answer::Choice(option)) => q.option(option)?.country.clone(),
                _ => None,
            })
            .map(|country| Here {
                country,
                region: None,
                point: None,
                relative: false,
            })
    }
}

impl Here {
    /// The country (ISO code, or `ZZ`) the person, or the relative they ask for, is in.
    pub fn country(&self) -> &str {
        &self.country
    }

    /// Their region, when they gave one.
    pub fn region(&self) -> Option<&RegionName> {
        self.region.as_ref()
    }

    /// Whether the place is the relative's the person asks for.
    pub fn is_relative(&self) -> bool {
        self.relative
    }
}

/// A contact under an outcome.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Contact<'a> {
    pub entry: &'a Entry,
    /// Its service area covers the person's region, or their whole country.
    pub serves: bool,
    /// In the person's own region (when they gave one; a whole country is not "near").
    pub near: bool,
    /// Kilometres from the centre of the person's place, where both are known (so
    /// always approximate); not given from a relative's place.
    pub km: Option<f64>,
    /// Whether `serves` and `near` are of the relative's place the person asks for.
    pub of_relative: bool,
}

/// How a contact stands to the person's place, as the results say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// Its district covers the place: "atiende su zona".
    Serves,
    /// In the person's region, its district not recorded: "cerca de usted".
    Near,
    /// Its district covers the relative's place: "atiende la zona de su familiar".
    ServesRelative,
    /// In the relative's region: "cerca de su familiar".
    NearRelative,
}

impl<'a> Contact<'a> {
    /// The number to call shown with the contact, so it can be called, or written down,
    /// from the results: its first voice number (a WhatsApp or text-only number is for
    /// its page, which says how to use it).
    pub fn number_to_call(&self) -> Option<&'a str> {
        self.entry
            .phones
            .iter()
            .find(|p| p.kind == PhoneKind::Voice && links::is_dialable(&p.number, p.kind))
            .map(|p| p.number.as_str())
    }

    /// Whether its name already shows the number ("110 – Policía Nacional Civil"): the
    /// results then offer to call it rather than write the number a second time.
    pub fn number_in_name(&self) -> bool {
        let digits = |text: &str| text.chars().filter(char::is_ascii_digit).collect::<String>();
        self.number_to_call().is_some_and(|number| {
            let number = digits(number);
            self.entry.name.0.values().any(|name| digits(name).contains(&number))
        })
    }

    /// The one thing to say about the contact and the person's place, if any: that it
    /// serves their area says more than that it is near, so not both.
    pub fn relation(&self) -> Option<Relation> {
        match (self.serves, self.near, self.of_relative) {
            (true, _, false) => Some(Relation::Serves),
            (true, _, true) => Some(Relation::ServesRelative),
            (false, true, false) => Some(Relation::Near),
            (false, true, true) => Some(Relation::NearRelative),
            (false, false, _) => None,
        }
    }
}

/// Contacts for `outcome`, most useful first: open before closed, those serving the
/// person's region, then those serving their whole country, then those in their own
/// region, then the rest of their country, then the rest; within each, lines to call
/// before offices, then nearest first from the place's approximate centre (offices with
/// no recorded position after those with one), then by their name in `lang`, as the
/// person reads the list. Where the person is known, contacts that cannot serve them there
/// are left out ([`can_serve`]).
pub fn contacts_for<'a>(
    outcome: &Outcome,
    directory: &'a Directory,
    here: Option<&Here>,
    lang: Lang,
) -> Vec<Contact<'a>> {
    let in_country = |e: &Entry| here.is_some_and(|h| e.address.country == h.country);
    let near =
        |e: &Entry| here.is_some_and(|h| h.region.as_ref().is_some_and(|r| is_in_region(e, &h.country, Some(r))));
    // A district says something only of a region: with the country alone (an answer
    // that puts the person in Guatemala) every national office would "serve their area".
    let serves = |e: &Entry| here.and_then(|h| h.region.as_ref().and_then(|r| coverage(e, &h.country, Some(r))));
    let distance = |e: &Entry| here.and_then(|h| distance_to(e, h.point?));
    let relative = here.is_some_and(|h| h.relative);
    let mut found: Vec<(Contact<'a>, Option<Coverage>, bool, String, f64)> = directory
        .entries
        .iter()
        .filter(|e| e.status != Status::Defunct)
        .filter(|e| e.tags.iter().any(|t| outcome.directory_tags.contains(t)))
        .filter(|e| {
            here.is_none_or(|h| can_serve(e, &h.country, h.region.as_ref()) || (h.relative && can_serve(e, HOME, None)))
        })
        .map(|entry| {
            // Char by char: `str::to_lowercase` is a second, larger copy of the same
            // conversion in the wasm (it differs only for a final Greek sigma).
            let name = entry.name.get(lang).chars().flat_map(char::to_lowercase).collect();
            let covers = serves(entry);
            let km = distance(entry);
            let contact = Contact {
                entry,
                serves: covers.is_some(),
                near: near(entry),
                km: km.filter(|_| !relative),
                of_relative: relative,
            };
            (contact, covers, in_country(entry), name, km.unwrap_or(f64::INFINITY))
        })
        .collect();
    // `None` (serves nothing here) after `Some(Region)` and `Some(WholeCountry)`.
    let rank = |c: &Option<Coverage>| c.map_or(2, |c| c as u8);
    // A line to call comes before an office to visit as near: in danger, it is the
    // quickest help.
    let office = |c: &Contact| c.entry.kind != Kind::Hotline;
    // Where the person's region is not known, what serves only some regions of their
    // country (an organisation in Huehuetenango) comes after what serves all of it.
    let regional = |c: &Contact| {
        here.is_some_and(|h| {
            let mut areas = c
                .entry
                .service_area
                .iter()
                .filter(|a| a.country == h.country)
                .peekable();
            h.region.is_none()
                && areas.peek().is_some()
                && areas.all(|a| a.region.as_deref().is_some_and(|r| !r.trim().is_empty()))
        })
    };
    crate::core::order::sort_by(&mut found, |(a, sa, ca, na, ka), (b, sb, cb, nb, kb)| {
        (
            a.entry.status != Status::Active,
            rank(sa),
            !a.near,
            !ca,
            regional(a),
            office(a),
        )
            .cmp(&(
                b.entry.status != Status::Active,
                rank(sb),
                !b.near,
                !cb,
                regional(b),
                office(b),
            ))
            .then_with(|| ka.total_cmp(kb))
            .then_with(|| na.cmp(nb))
    });
    found.into_iter().map(|(contact, ..)| contact).collect()
}

/// How many consulates the results show when none is known to serve the person's area.
pub const NEAREST_CONSULATES: usize = 3;

/// What the results list of `contacts` (as [`contacts_for`] orders them): everything but
/// consulates, and of the consulates only the ones whose district covers the person's
/// area when one does, else the first [`NEAREST_CONSULATES`] (the nearest, those in the
/// person's region first). Also how many consulates were left out, for a link to see them
/// all in the directory. A list of 22 consulates helps nobody choose one.
pub fn shown_contacts(contacts: Vec<Contact<'_>>) -> (Vec<Contact<'_>>, usize) {
    let consulate = |c: &Contact| c.entry.kind == Kind::Consulate;
    let serving = contacts.iter().any(|c| consulate(c) && c.serves);
    let mut kept = 0;
    let mut left_out = 0;
    let shown = contacts
        .into_iter()
        .filter(|c| {
            if !consulate(c) {
                return true;
            }
            let keep = if serving { c.serves } else { kept < NEAREST_CONSULATES };
            if keep {
                kept += 1;
            } else {
                left_out += 1;
            }
            keep
        })
        .collect();
    (shown, left_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fictitious consulates: `(id, state, status, city, position)`.
    fn directory() -> Directory {
        let entry = |id: &str, region: &str, status: &str, city: &str, at: Option<(f64, f64)>| {
            let location = at.map_or(String::new(), |(lat, lon)| {
                format!(r#","location":{{"latitude":{lat},"longitude":{lon},"precision":"city"}}"#)
            });
            format!(
                r#"{{"id":"{id}","name":{{"es":"{id}","en":"{id}"}},"kind":"consulate","address":{{"city":"{city}","country":"US","region":"{region}"}},
                "status":"{status}","tags":["consular"],"verified_on":"2026-01-01","source":"x"{location}}}"#
            )
        };
        let json = format!(
            r#"{{"entries":[{},{},{},{},{},{}]}}"#,
            entry("a-ficticio", "Ohio", "active", "Villa Ficticia", Some((40.0, -83.0))),
            entry("b-ficticio", "Texas", "active", "Ciudad Ficticia", Some((29.8, -95.4))),
            entry(
                "c-ficticio",
                "Texas",
                "temporarily_closed",
                "Otra Ficticia",
                Some((32.8, -96.8))
            ),
            entry("d-ficticio", "Texas", "defunct", "Ciudad Ficticia", Some((29.8, -95.4))),
            entry(
                "e-ficticio",
                "Nebraska",
                "active",
                "Pueblo Ficticio",
                Some((41.3, -96.0))
            ),
            entry("f-ficticio", "Georgia", "active", "Aldea Ficticia", None),
        );
        Directory::from_json(json.as_bytes()).unwrap()
    }

    /// The contacts for `outcome()` of a person who answered `answers`.
    fn contacts<'a>(directory: &'a Directory, answers: &Answers) -> Vec<Contact<'a>> {
        let flow = Flow::from_json(crate::core::assessment::flow::tests::TEST_FLOW.as_bytes()).unwrap();
        let here = Here::of(&flow, directory, answers);
        contacts_for(&outcome(), directory, here.as_ref(), Lang::Es)
    }

    fn outcome() -> Outcome {
        serde_json::from_str(r#"{"id":"o","title":{},"summary":{},"rank":1,"directory_tags":["consular"],"sources":[],"reviewed_on":"x"}"#).unwrap()
    }

    /// The answers of a person who lives in `region` of the US (the whole country with
    /// `None`).
    fn living_in(region: Option<&str>) -> Answers {
        let mut answers = Answers::default();
        answers.set(
            "home",
            Answer::Place {
                country: "US".into(),
                region: region.map(str::to_string),
            },
        );
        answers
    }

    /// The contacts' ids, with `*` after those near the place `region` of the US.
    fn shown(region: Option<&str>) -> Vec<String> {
        let directory = directory();
        let answers = region.map_or_else(Answers::default, |r| living_in(Some(r)));
        contacts(&directory, &answers)
            .iter()
            .map(|c| format!("{}{}", c.entry.id, if c.near { "*" } else { "" }))
            .collect()
    }

    #[test]
    fn with_no_place_open_offices_come_by_name_closed_last_defunct_never() {
        assert_eq!(
            shown(None),
            ["a-ficticio", "b-ficticio", "e-ficticio", "f-ficticio", "c-ficticio"]
        );
    }

    #[test]
    fn the_persons_region_comes_first_however_they_write_it() {
        // Texas's own office first (the closed one stays last), then the nearest.
        let texas = ["b-ficticio*", "e-ficticio", "a-ficticio", "f-ficticio", "c-ficticio*"];
        for typed in [" texas", "TX", "Tejas", "ciudad ficticia"] {
            assert_eq!(shown(Some(typed)), texas, "{typed}");
        }
    }

    #[test]
    fn from_a_state_with_no_office_the_nearest_come_first() {
        // Kansas: Nebraska's office is nearer than Texas's, Ohio's farther; Georgia's
        // has no recorded position.
        assert_eq!(
            shown(Some("Kansas")),
            ["e-ficticio", "b-ficticio", "a-ficticio", "f-ficticio", "c-ficticio"]
        );
    }

    #[test]
    fn each_contact_carries_its_distance_from_the_place_when_both_are_known() {
        let directory = directory();
        assert!(contacts(&directory, &Answers::default()).iter().all(|c| c.km.is_none()));
        let found = contacts(&directory, &living_in(Some("Kansas")));
        let km = |id: &str| found.iter().find(|c| c.entry.id == id).unwrap().km;
        // Kansas's centre (39.0, -98.5) to (41.3, -96.0): about 330 km.
        assert!(
            (km("e-ficticio").unwrap() - 330.0).abs() < 15.0,
            "{:?}",
            km("e-ficticio")
        );
        assert_eq!(km("f-ficticio"), None, "no recorded position");
        // A country alone: no office is "near", none has a distance, and the country's
        // own come before one abroad.
        let abroad = directory.entries.len();
        let mut directory = directory;
        let mut minex = directory.entries[0].clone();
        minex.id = "0-ficticio-en-guatemala".into();
        minex.address.country = "GT".into();
        directory.entries.push(minex);
        let found = contacts(&directory, &living_in(None));
        assert!(found.iter().all(|c| !c.near && c.km.is_none()));
        assert_eq!(
            found[found.len() - 2].entry.id,
            directory.entries[abroad].id,
            "abroad, before the closed one"
        );
    }

    #[test]
    fn the_office_whose_district_covers_the_place_comes_first_however_far() {
        // Ohio's office serves Kansas by its service area; one abroad serves all the US.
        let mut directory = directory();
        let area = |region: Option<&str>| crate::core::directory::entry::Area {
            country: "US".into(),
            region: region.map(str::to_string),
        };
        directory.entries[0].service_area = vec![area(Some("KS")), area(Some("Ohio"))];
        let mut everywhere = directory.entries[0].clone();
        everywhere.id = "g-ficticio".into();
        everywhere.address.country = "GT".into();
        everywhere.service_area = vec![area(None)];
        directory.entries.push(everywhere);
        let found = contacts(&directory, &living_in(Some("Kansas")));
        let order: Vec<(&str, bool, bool)> = found.iter().map(|c| (c.entry.id.as_str(), c.serves, c.near)).collect();
        assert_eq!(
            order,
            [
                // Its district, though Nebraska's office is nearer: not "near", but "serves".
                ("a-ficticio", true, false),
                // The whole country's, then by distance as before.
                ("g-ficticio", true, false),
                ("e-ficticio", false, false),
                ("b-ficticio", false, false),
                ("f-ficticio", false, false),
                ("c-ficticio", false, false),
            ]
        );
        // What the results say of each: "serves" rather than both for an office that is
        // both in the region and serving it.
        assert_eq!(found[0].relation(), Some(Relation::Serves));
        assert_eq!(found[2].relation(), None);
        let mut both = found[0];
        both.near = true;
        assert_eq!(both.relation(), Some(Relation::Serves));
        both.serves = false;
        assert_eq!(both.relation(), Some(Relation::Near));
        // Without a place, no office serves anyone in particular.
        let found = contacts(&directory, &Answers::default());
        assert!(found.iter().all(|c| !c.serves));
    }

    #[test]
    fn contacts_that_cannot_serve_the_person_where_they_are_are_left_out() {
        use crate::core::directory::entry::Area;
        let mut directory = directory();
        let add = |directory: &mut Directory, id: &str, country: &str, area: Option<&str>| {
            let mut entry = directory.entries[0].clone();
            entry.id = id.into();
            entry.name = crate::core::text::lang::Text::new(id, id);
            if id.starts_with("linea") {
                entry.kind = Kind::Hotline;
            }
            entry.address.country = country.into();
            entry.address.region = None;
            entry.service_area = area
                .map(|c| Area {
                    country: c.into(),
                    region: None,
                })
                .into_iter()
                .collect();
            directory.entries.push(entry);
        };
        add(&mut directory, "linea-ficticia-gt", "GT", Some("GT"));
        add(&mut directory, "linea-ficticia-us", "US", Some("US"));
        add(&mut directory, "ministerio-ficticio", "GT", None);
        add(&mut directory, "albergue-ficticio-mx", "MX", None);
        add(&mut directory, "a-oficina-ficticia-gt", "GT", Some("GT"));
        let ids = |found: Vec<Contact>| found.iter().map(|c| c.entry.id.clone()).collect::<Vec<_>>();

        // Someone in Texas: not Guatemala's national line (it cannot be dialled from
        // abroad) nor the office in Mexico; the US line first, Guatemala's ministry kept.
        let texas = ids(contacts(&directory, &living_in(Some("TX"))));
        assert!(
            !texas
                .iter()
                .any(|id| id == "linea-ficticia-gt" || id == "albergue-ficticio-mx"),
            "{texas:?}"
        );
        assert_eq!(texas[0], "linea-ficticia-us");
        assert!(texas.iter().any(|id| id == "ministerio-ficticio"));
        assert!(texas.iter().any(|id| id == "b-ficticio"), "offices in the US stay");

        // Someone whose answer puts them in Guatemala, with no place asked: Guatemala's
        // own, the line to call before the offices, nothing abroad; and no "serves your
        // area" where their area is not known.
        let mut flow = Flow::from_json(crate::core::assessment::flow::tests::TEST_FLOW.as_bytes()).unwrap();
        flow.questions[0].options[1].country = Some("GT".into());
        let mut answers = Answers::default();
        answers.set("age", Answer::Choice("adult".into()));
        let here = Here::of(&flow, &directory, &answers);
        let found = contacts_for(&outcome(), &directory, here.as_ref(), Lang::Es);
        assert_eq!(
            ids(found.clone()),
            ["linea-ficticia-gt", "a-oficina-ficticia-gt", "ministerio-ficticio"]
        );
        assert!(found.iter().all(|c| c.relation().is_none()));

        // Asking for a relative in Texas: what serves Texas first, the US line before
        // the rest, and what serves Guatemala too, where the person asking may well be;
        // not the shelter in Mexico. Said of the relative's area, with no distances.
        let mut for_a_relative = Flow::from_json(crate::core::assessment::flow::tests::TEST_FLOW.as_bytes()).unwrap();
        for_a_relative.questions[3].about_relative = true;
        let relative = living_in(Some("TX"));
        let here = Here::of(&for_a_relative, &directory, &relative);
        let contacts = contacts_for(&outcome(), &directory, here.as_ref(), Lang::Es);
        let found = ids(contacts.clone());
        assert_eq!(found[0], "linea-ficticia-us", "{found:?}");
        assert!(found.iter().any(|id| id == "linea-ficticia-gt"), "{found:?}");
        assert!(!found.iter().any(|id| id == "albergue-ficticio-mx"), "{found:?}");
        assert!(
            contacts.iter().all(|c| c.km.is_none()),
            "no distances from the relative's place"
        );
        let texan = contacts.iter().find(|c| c.entry.id == "b-ficticio").unwrap();
        assert_eq!(texan.relation(), Some(Relation::NearRelative));

        // An answer that puts nobody anywhere, or none: every contact, as before.
        answers.set("age", Answer::Choice("under_18".into()));
        let here = Here::of(&flow, &directory, &answers);
        assert!(here.is_none());
        assert_eq!(
            contacts_for(&outcome(), &directory, None, Lang::Es).len(),
            directory.entries.len() - 1,
            "all but the defunct"
        );
    }

    #[test]
    fn a_region_nobody_knows_is_still_matched_by_name() {
        assert_eq!(
            shown(Some("Atlántida Ficticia"))
                .iter()
                .filter(|id| id.ends_with('*'))
                .count(),
            0
        );
        let directory = Directory::from_json(
            br#"{"entries":[{"id":"z-ficticio","name":{"es":"z","en":"z"},"kind":"consulate","address":{"country":"MX","region":"Region Ficticia"},
            "status":"active","tags":["consular"],"verified_on":"2026-01-01","source":"x"}]}"#,
        )
        .unwrap();
        let mut answers = Answers::default();
        answers.set(
            "home",
            Answer::Place {
                country: "MX".into(),
                region: Some("REGION ficticia".into()),
            },
        );
        assert!(contacts(&directory, &answers)[0].near);
    }

    #[test]
    fn alike_contacts_come_in_the_order_of_their_names_in_the_language_read() {
        let entry = |id: &str, es: &str, en: &str| {
            format!(
                r#"{{"id":"{id}","name":{{"es":"{es}","en":"{en}"}},"kind":"consulate","address":{{"country":"US"}},
                "tags":["consular"],"verified_on":"2026-01-01","source":"x"}}"#
            )
        };
        let json = format!(
            r#"{{"entries":[{},{}]}}"#,
            entry("x-ficticio", "Alfa ficticio", "Zulu fictitious"),
            entry("y-ficticio", "Beta ficticio", "Bravo fictitious")
        );
        let directory = Directory::from_json(json.as_bytes()).unwrap();
        let ids = |lang| {
            contacts_for(&outcome(), &directory, None, lang)
                .iter()
                .map(|c| c.entry.id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(Lang::Es), ["x-ficticio", "y-ficticio"]);
        assert_eq!(ids(Lang::En), ["y-ficticio", "x-ficticio"]);
    }

    #[test]
    fn a_contact_offers_its_first_voice_number_to_call() {
        let json = r#"{"entries":[
            {"id":"w","name":{"es":"Ficticio"},"kind":"consulate","address":{"country":"US"},"tags":["consular"],
             "phones":[{"number":"+15550000001","kind":"whatsapp"},{"number":"+15550000002"},{"number":"+15550000003"}],
             "verified_on":"2026-01-01","source":"x"},
            {"id":"n","name":{"es":"Sin número"},"kind":"consulate","address":{"country":"US"},"tags":["consular"],
             "phones":[{"number":"+15550000004","kind":"sms"}],"verified_on":"2026-01-01","source":"x"}]}"#;
        let directory = Directory::from_json(json.as_bytes()).unwrap();
        let found = contacts_for(&outcome(), &directory, None, Lang::Es);
        let number = |id: &str| found.iter().find(|c| c.entry.id == id).unwrap().number_to_call();
        assert_eq!(number("w"), Some("+15550000002"));
        assert_eq!(number("n"), None, "a text-only number is not one to call");
        let in_name = |id: &str| found.iter().find(|c| c.entry.id == id).unwrap().number_in_name();
        assert!(!in_name("w"));
        let json = r#"{"entries":[{"id":"l","name":{"es":"Línea ficticia (1-555-000-0002)"},"kind":"hotline",
            "address":{"country":"US"},"tags":["consular"],"phones":[{"number":"+15550000002"}],
            "verified_on":"2026-01-01","source":"x"}]}"#;
        let directory = Directory::from_json(json.as_bytes()).unwrap();
        assert!(contacts_for(&outcome(), &directory, None, Lang::Es)[0].number_in_name());
    }

    #[test]
    fn the_results_show_the_consulate_serving_the_area_or_the_nearest_three() {
        let directory = directory();
        let ids = |answers: &Answers| {
            let (shown, left_out) = shown_contacts(contacts(&directory, answers));
            (shown.iter().map(|c| c.entry.id.clone()).collect::<Vec<_>>(), left_out)
        };
        // Nobody serves Texas in the fixture: the nearest three, those in Texas first.
        let (texas, left_out) = ids(&living_in(Some("Texas")));
        assert_eq!(
            texas,
            ["b-ficticio", "e-ficticio", "a-ficticio"],
            "closed c after the open ones"
        );
        assert_eq!(left_out, 2);
        // A district that covers the place: that consulate alone.
        let mut serving = directory.clone();
        serving.entries[4].service_area = vec![crate::core::directory::entry::Area {
            country: "US".into(),
            region: Some("Texas".into()),
        }];
        let (shown, left_out) = shown_contacts(contacts(&serving, &living_in(Some("TX"))));
        assert_eq!(
            shown.iter().map(|c| c.entry.id.as_str()).collect::<Vec<_>>(),
            ["e-ficticio"]
        );
        assert_eq!(left_out, 4);
    }
}
