//! What a page offers where a fact is missing: whom to ask, and how, from what the
//! directory itself sources, instead of only "not known yet". A consulate with no phone
//! points to the institution it belongs to (MINEX: appointments at minex.gob.gt) and to
//! the nearest office of its network that has a phone; the centre's own entry says its
//! contact is to be published. The view only renders the steps.

use crate::core::directory::entry::{Directory, Entry, Phone, Status};
use crate::core::directory::serving::distance_to;
use crate::core::directory::words::Wanted;

/// A fact a page shows, or says how to find.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    Phone,
    Street,
    Hours,
}

impl Fact {
    /// The field's name in `to_verify` and `supports`.
    pub fn field(self) -> &'static str {
        match self {
            Fact::Phone => "phones",
            Fact::Street => "address.street",
            Fact::Hours => "hours",
        }
    }

    fn known(self, entry: &Entry) -> bool {
        match self {
            Fact::Phone => !entry.phones.is_empty(),
            Fact::Street => entry.address.street.is_some(),
            Fact::Hours => entry.hours.is_some(),
        }
    }
}

/// One way to find a missing fact.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NextStep<'a> {
    /// The entry's own website.
    Website(&'a str),
    /// The institution it belongs to, through that institution's website (a consulate's
    /// MINEX, where appointments are made).
    Institution(&'a Entry, &'a str),
    /// The nearest active office of the same kind, in the same country, that has it.
    NearestOffice(&'a Entry),
    /// The centre's own contact, which its staff are to publish.
    CentreToPublish,
}

/// The steps for `fact` of `entry`, best first; none where the fact is known, or not
/// known to be missing (a national line has no street to find). `centre` is the id of
/// the centre's own entry.
pub fn next_steps<'a>(
    entry: &'a Entry,
    fact: Fact,
    directory: &'a Directory,
    centre: Option<&str>,
) -> Vec<NextStep<'a>> {
    if fact.known(entry) || !entry.is_to_verify(fact.field()) {
        return Vec::new();
    }
    if centre.is_some_and(|id| id == entry.id) {
        return vec![NextStep::CentreToPublish];
    }
    let mut steps = Vec::new();
    if let Some(url) = &entry.website {
        steps.push(NextStep::Website(url));
    }
    if let Some(parent) = entry.part_of.as_deref().and_then(|id| directory.entry(id))
        && let Some(url) = &parent.website
    {
        steps.push(NextStep::Institution(parent, url));
    }
    let here = entry.location.map(|l| (l.latitude, l.longitude));
    let nearest = directory
        .entries
        .iter()
        .filter(|o| {
            o.id != entry.id
                && o.kind == entry.kind
                && o.status == Status::Active
                && fact.known(o)
                && o.address.country == entry.address.country
        })
        .map(|o| (o, here.and_then(|p| distance_to(o, p)).unwrap_or(f64::INFINITY)))
        .min_by(|(a, da), (b, db)| da.total_cmp(db).then_with(|| a.id.cmp(&b.id)));
    if let Some((office, _)) = nearest {
        steps.push(NextStep::NearestOffice(office));
    }
    steps
}

/// What a search result says first when the query asked for a fact ("miami consulado
/// teléfono"): the fact, or where it is missing what to do instead.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer<'a> {
    Phone(&'a Phone),
    Street(&'a str),
    /// It has opening hours (its page shows them, and whether it is open now).
    Hours,
    /// Appointments through the institution it belongs to, on that website.
    Appointment(&'a Entry, &'a str),
    /// Missing: the steps to find it.
    Steps(Vec<NextStep<'a>>),
    /// Missing, with nothing better to offer than the entry's page.
    Unknown,
}

/// The answer to `wanted` for `entry`.
pub fn answer<'a>(entry: &'a Entry, wanted: Wanted, directory: &'a Directory, centre: Option<&str>) -> Answer<'a> {
    let missing = |fact: Fact| {
        let steps = next_steps(entry, fact, directory, centre);
        if steps.is_empty() {
            Answer::Unknown
        } else {
            Answer::Steps(steps)
        }
    };
    match wanted {
        Wanted::Phone => entry.phones.first().map_or_else(|| missing(Fact::Phone), Answer::Phone),
        Wanted::Address => entry
            .address
            .street
            .as_deref()
            .map_or_else(|| missing(Fact::Street), Answer::Street),
        Wanted::Hours if entry.hours.is_some() => Answer::Hours,
        Wanted::Hours => missing(Fact::Hours),
        Wanted::Appointment => entry
            .part_of
            .as_deref()
            .and_then(|id| directory.entry(id))
            .and_then(|parent| parent.website.as_deref().map(|url| Answer::Appointment(parent, url)))
            .unwrap_or(Answer::Unknown),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directory() -> Directory {
        let consulate = |id: &str, city: &str, (lat, lon): (f64, f64), phone: bool| {
            let phones = if phone {
                r#""phones":[{"number":"+15550100123"}],"#
            } else {
                ""
            };
            format!(
                r#"{{"id":"{id}","name":{{"es":"{id}","en":"{id}"}},"kind":"consulate","address":{{"city":"{city}","country":"US"}},
                "location":{{"latitude":{lat},"longitude":{lon},"precision":"city"}},{phones}"part_of":"minex-ficticio",
                "verified_on":"2026-01-01","source":"x","to_verify":["phones","address.street"]}}"#
            )
        };
        let json = format!(
            r#"{{"entries":[{},{},{},{},
            {{"id":"minex-ficticio","name":{{"es":"M","en":"M"}},"kind":"government_office","address":{{"country":"GT"}},
             "website":"https://minex.example","verified_on":"2026-01-01","source":"x"}},
            {{"id":"centro-ficticio","name":{{"es":"C","en":"C"}},"kind":"resource_centre","address":{{"country":"GT"}},
             "verified_on":"2026-01-01","source":"x","to_verify":["phones"]}},
            {{"id":"linea-ficticia","name":{{"es":"L","en":"L"}},"kind":"hotline","address":{{"country":"GT"}},
             "verified_on":"2026-01-01","source":"x"}}]}}"#,
            consulate("sin-telefono", "Atlanta", (33.7, -84.4), false),
            consulate("cerca", "Raleigh", (35.8, -78.6), true),
            consulate("lejos", "Phoenix", (33.4, -112.1), true),
            consulate("tambien-sin", "Miami", (25.8, -80.2), false),
        );
        Directory::from_json(json.as_bytes()).unwrap()
    }

    #[test]
    fn a_consulate_without_a_phone_points_to_its_institution_then_the_nearest_consulate_with_one() {
        let directory = directory();
        let entry = directory.entry("sin-telefono").unwrap();
        let steps = next_steps(entry, Fact::Phone, &directory, Some("centro-ficticio"));
        assert_eq!(steps.len(), 2, "{steps:?}");
        assert!(matches!(steps[0], NextStep::Institution(m, "https://minex.example") if m.id == "minex-ficticio"));
        assert!(
            matches!(steps[1], NextStep::NearestOffice(o) if o.id == "cerca"),
            "{steps:?}"
        );
    }

    #[test]
    fn nothing_is_offered_for_a_known_fact_or_one_not_missing() {
        let directory = directory();
        let with_phone = directory.entry("cerca").unwrap();
        assert_eq!(next_steps(with_phone, Fact::Phone, &directory, None), Vec::new());
        let line = directory.entry("linea-ficticia").unwrap();
        assert_eq!(
            next_steps(line, Fact::Street, &directory, None),
            Vec::new(),
            "a line has no street to find"
        );
        // No consulate has a street: only the institution is offered.
        let entry = directory.entry("sin-telefono").unwrap();
        let steps = next_steps(entry, Fact::Street, &directory, None);
        assert!(matches!(steps[..], [NextStep::Institution(..)]), "{steps:?}");
    }

    #[test]
    fn the_centre_s_own_missing_contact_is_to_be_published() {
        let directory = directory();
        let centre = directory.entry("centro-ficticio").unwrap();
        assert_eq!(
            next_steps(centre, Fact::Phone, &directory, Some("centro-ficticio")),
            vec![NextStep::CentreToPublish]
        );
    }
}
