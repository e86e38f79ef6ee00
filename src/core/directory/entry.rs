//! The directory's records, shaped after Open Referral's Human Services Data
//! Specification (HSDS 3) where it fits: an organisation or office, the services it
//! offers, where it is, how to reach it, when it is open, whom it serves, and when and
//! where each fact was checked.
//!
//! Unknown facts are absent (`None`, empty list), never a plausible placeholder, and the
//! fields still to check are named in `to_verify` for the centre's staff.

use crate::core::directory::countries::CountryCode;
use crate::core::json::{ReadJson, SerdeJson};
use crate::core::problem::Problem;
use crate::core::text::lang::Text;
use serde::{Deserialize, Serialize};

/// The file `directory.json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Directory {
    pub entries: Vec<Entry>,
}

impl Directory {
    pub const FILE: &'static str = "directory.json";

    /// Reads the file with serde_json, for the staff's tool and the tests (the app
    /// reads it through [`crate::core::content`] with the browser's parser).
    pub fn from_json(bytes: &[u8]) -> Result<Directory, Problem> {
        SerdeJson.read(Self::FILE, bytes)
    }

    /// The entry with `id`, in whatever case it was typed: ids are lowercase, and a
    /// person copying an address from a poster or a chat may capitalise it.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id.eq_ignore_ascii_case(id))
    }
}

/// One place or line a person can turn to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Stable identifier, lowercase with dashes (`consulado-los-angeles`); used in links.
    pub id: String,
    pub name: Text,
    /// Other names people search by ("Xela" for Quetzaltenango, "OIM", "IOM").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<Service>,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    pub address: Address,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// An `https:` address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
    /// Languages spoken, as ISO 639-3 codes (`spa`, `eng`, `quc`, `mam`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// Where its people come from: for a consulate, the states or regions it serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub service_area: Vec<Area>,
    #[serde(default)]
    pub status: Status,
    /// A short notice shown above everything else ("appointments moved to …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alert: Option<Text>,
    /// Labels the assessment's outcomes use to pick contacts (`temporary-work`, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The institution the office belongs to (a consulate's is `minex`): where to turn
    /// for what the office's own entry does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// The date someone last compared the entry with its sources, `YYYY-MM-DD`
    /// ("revisado"): not the age of its facts, which is each source's `date`.
    pub verified_on: String,
    /// Where the facts were read, as one free-text citation in Spanish: the older form,
    /// kept for entries not yet given structured [`Entry::sources`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Where each fact was read: one item per source, with its date and the facts it
    /// supports. Data with these is published in manifest format 5.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Fields known to be missing or unchecked, for the staff's "to verify" list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to_verify: Vec<String>,
}

impl Entry {
    /// Whether `field` (`hours`, `address.street`) is known to be missing: named in
    /// `to_verify`, itself or a field it belongs to (`address` covers `address.street`),
    /// the staff's note after it ignored (`hours (solo fuente secundaria)`). The pages say
    /// "not known yet" only of these: a national line has no street to know.
    pub fn is_to_verify(&self, field: &str) -> bool {
        self.to_verify.iter().any(|listed| {
            let listed = listed
                .split(|c: char| c.is_whitespace() || c == '(')
                .next()
                .unwrap_or("");
            !listed.is_empty()
                && field
                    .strip_prefix(listed)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
        })
    }

    /// The sources that support `field` (`phones[1]`, `address.street`): those naming it or
    /// a field it belongs to (`phones` supports `phones[1]`, `address` supports
    /// `address.street`).
    pub fn sources_of<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a Source> + 'a {
        self.sources
            .iter()
            .filter(move |s| s.supports.iter().any(|named| field_covers(named, field)))
    }

    /// The date of the newest source supporting `field`: a fact is as fresh as the last
    /// source that said it. `None` without structured sources.
    pub fn fact_date(&self, field: &str) -> Option<&str> {
        self.sources
            .iter()
            .filter(|s| s.supports.iter().any(|named| field_covers(named, field)))
            .map(|s| s.date.as_str())
            .max_by(|a, b| a.cmp(b))
    }

    /// How old the source of `field` is, when it is over a year older than `today`
    /// (`YYYY-MM-DD`): the page then says "from 2017: confirm before you go". `None`
    /// when a source of the last year supports it, or none does.
    pub fn fact_age(&self, field: &str, today: &str) -> Option<FactAge> {
        let date = self.fact_date(field)?;
        // The latest day the date can mean: a year alone may be its December.
        let latest = match date.len() {
            4 => format!("{date}-12-31"),
            7 => format!("{date}-31"),
            _ => date.to_string(),
        };
        let year: u32 = today.get(..4)?.parse().ok()?;
        let a_year_ago = format!("{}{}", year - 1, today.get(4..)?);
        (latest < a_year_ago).then(|| FactAge {
            year: date.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0),
            month: date.get(5..7).and_then(|m| m.parse().ok()),
        })
    }

    /// The facts the entry states, as the fields a source must support: the street, each
    /// phone, the email, the website, the hours, the service area and the description, and
    /// always its status: that the office exists and serves (or is closed).
    pub fn stated_facts(&self) -> Vec<String> {
        let mut facts = vec!["status".to_string()];
        if self.address.street.is_some() {
            facts.push("address.street".to_string());
        }
        facts.extend((0..self.phones.len()).map(|i| format!("phones[{i}]")));
        for (field, present) in [
            ("email", self.email.is_some()),
            ("website", self.website.is_some()),
            ("hours", self.hours.is_some()),
            ("service_area", !self.service_area.is_empty()),
            ("description", !self.description.is_empty()),
        ] {
            if present {
                facts.push(field.to_string());
            }
        }
        facts
    }

    /// The opening hours that say whether it is open now: none while the office is closed
    /// temporarily or gone, whatever its usual hours, so no page says "open now" then.
    pub fn hours_now(&self) -> Option<&Hours> {
        self.hours.as_ref().filter(|_| self.status == Status::Active)
    }
}

/// Whether a source naming `named` supports `field`: the same field, or one it is part of
/// (`phones` covers `phones[0]`, `address` covers `address.street`).
pub fn field_covers(named: &str, field: &str) -> bool {
    !named.is_empty()
        && field
            .strip_prefix(named)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

/// The fields a source may say it supports (a phone by its place, `phones[0]`, too).
pub const FACT_FIELDS: [&str; 9] = [
    "address",
    "address.street",
    "phones",
    "email",
    "website",
    "hours",
    "service_area",
    "description",
    "status",
];

/// The date of a fact's newest source, when it is over a year old.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FactAge {
    pub year: u32,
    /// 1 to 12, where the source gives its month.
    pub month: Option<u32>,
}

/// One place a fact was read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The title as published, in its own language.
    pub title: String,
    /// Who published it (`MINEX`, `Agencia Guatemalteca de Noticias`, `La Nación`).
    pub publisher: String,
    /// An `https:` address, where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was published: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as precisely as known.
    pub date: String,
    pub tier: Tier,
    /// The facts it supports (`phones`, `phones[1]`, `address.street`, `hours`, …).
    pub supports: Vec<String>,
}

/// How far a source can be trusted for a contact detail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// The institution itself (its site, its communiqué, its own post) or a government
    /// page of the host country.
    Official,
    /// A news outlet, quoting the institution or reporting what it saw.
    Press,
    /// A site that collects addresses from elsewhere: never the only source of a phone
    /// or an address.
    Aggregator,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Consulate,
    Embassy,
    ResourceCentre,
    GovernmentOffice,
    CommunityOrganisation,
    LegalAid,
    Hotline,
    InternationalOrganisation,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Consulate,
        Kind::Embassy,
        Kind::ResourceCentre,
        Kind::GovernmentOffice,
        Kind::CommunityOrganisation,
        Kind::LegalAid,
        Kind::Hotline,
        Kind::InternationalOrganisation,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Consulate => "consulate",
            Kind::Embassy => "embassy",
            Kind::ResourceCentre => "resource_centre",
            Kind::GovernmentOffice => "government_office",
            Kind::CommunityOrganisation => "community_organisation",
            Kind::LegalAid => "legal_aid",
            Kind::Hotline => "hotline",
            Kind::InternationalOrganisation => "international_organisation",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> Text {
        let (es, en) = match self {
            Kind::Consulate => ("Consulado", "Consulate"),
            Kind::Embassy => ("Embajada", "Embassy"),
            Kind::ResourceCentre => ("Centro de recursos", "Resource centre"),
            Kind::GovernmentOffice => ("Oficina de gobierno", "Government office"),
            Kind::CommunityOrganisation => ("Organización comunitaria", "Community organisation"),
            Kind::LegalAid => ("Asesoría legal", "Legal aid"),
            Kind::Hotline => ("Línea de ayuda", "Hotline"),
            Kind::InternationalOrganisation => ("Organismo internacional", "International organisation"),
        };
        Text::new(es, en)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Service {
    Passport,
    Dpi,
    ConsularId,
    Protection,
    LegalAdvice,
    LabourRights,
    TemporaryWorkProgramme,
    SkillsCertification,
    Training,
    Employment,
    Reintegration,
    PsychosocialSupport,
    Shelter,
    Information,
}

impl Service {
    pub const ALL: [Service; 14] = [
        Service::Passport,
        Service::Dpi,
        Service::ConsularId,
        Service::Protection,
        Service::LegalAdvice,
        Service::LabourRights,
        Service::TemporaryWorkProgramme,
        Service::SkillsCertification,
        Service::Training,
        Service::Employment,
        Service::Reintegration,
        Service::PsychosocialSupport,
        Service::Shelter,
        Service::Information,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Service::Passport => "passport",
            Service::Dpi => "dpi",
            Service::ConsularId => "consular_id",
            Service::Protection => "protection",
            Service::LegalAdvice => "legal_advice",
            Service::LabourRights => "labour_rights",
            Service::TemporaryWorkProgramme => "temporary_work_programme",
            Service::SkillsCertification => "skills_certification",
            Service::Training => "training",
            Service::Employment => "employment",
            Service::Reintegration => "reintegration",
            Service::PsychosocialSupport => "psychosocial_support",
            Service::Shelter => "shelter",
            Service::Information => "information",
        }
    }

    pub fn from_code(code: &str) -> Option<Service> {
        Service::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> Text {
        let (es, en) = match self {
            Service::Passport => ("Pasaporte", "Passport"),
            Service::Dpi => ("DPI", "DPI (national ID)"),
            Service::ConsularId => ("Identificación consular", "Consular ID"),
            Service::Protection => ("Protección", "Protection"),
            Service::LegalAdvice => ("Asesoría legal", "Legal advice"),
            Service::LabourRights => ("Derechos laborales", "Labour rights"),
            Service::TemporaryWorkProgramme => ("Trabajo temporal en el extranjero", "Temporary work abroad"),
            Service::SkillsCertification => ("Certificación de competencias", "Skills certification"),
            Service::Training => ("Capacitación", "Training"),
            Service::Employment => ("Empleo", "Employment"),
            Service::Reintegration => ("Reintegración", "Reintegration"),
            Service::PsychosocialSupport => ("Apoyo psicosocial", "Psychosocial support"),
            Service::Shelter => ("Albergue", "Shelter"),
            Service::Information => ("Información", "Information"),
        };
        Text::new(es, en)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Address {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State, department or province, as people write it ("Texas", "Quetzaltenango").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 (`GT`, `US`, `MX`).
    pub country: CountryCode,
}

impl Address {
    /// Where the entry is, in one line, for the list and the entry's heading: city,
    /// region and country ("Houston, Texas, Estados Unidos"; "Quebec, Canadá" without a
    /// city), given the country's name in the language read. The street and postal code
    /// belong to the full address, not to this line.
    pub fn place_line(&self, country_name: &str) -> String {
        [self.city.as_deref(), self.region.as_deref(), Some(country_name)]
            .into_iter()
            .flatten()
            .filter(|part| !part.trim().is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub latitude: f64,
    pub longitude: f64,
    /// Whether the point is the building or only the city: distances from a city
    /// centre are shown as approximate.
    pub precision: Precision,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Exact,
    City,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phone {
    /// E.164 (`+` and 8 to 15 digits, no spaces), or a national short number of 3 to 5
    /// digits as it is dialled (`110`), which needs manifest format 2.
    pub number: String,
    #[serde(default)]
    pub kind: PhoneKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneKind {
    #[default]
    Voice,
    Whatsapp,
    Sms,
}

/// Weekly opening hours in the entry's own time zone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    /// IANA name, e.g. `America/Guatemala`, `America/Los_Angeles`.
    pub time_zone: String,
    pub weekly: Vec<Opening>,
}

/// One opening on one day of the week (a day may have several: morning and afternoon).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opening {
    pub day: Weekday,
    /// `HH:MM`, 24-hour clock.
    pub opens: String,
    pub closes: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    /// Monday to Sunday, the order a week is listed in Guatemala and most of the Americas'
    /// Spanish-speaking offices.
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
}

/// A country, or a region of it, that an office serves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// ISO 3166-1 alpha-2.
    pub country: CountryCode,
    /// Absent: the whole country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Active,
    TemporarilyClosed,
    Defunct,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_place_line_names_city_region_and_country_whatever_is_known() {
        let mut address = Address {
            street: Some("1 Calle Ficticia".into()),
            city: Some("Houston".into()),
            region: Some("Texas".into()),
            postal_code: Some("00000".into()),
            country: "US".into(),
        };
        assert_eq!(address.place_line("Estados Unidos"), "Houston, Texas, Estados Unidos");
        address.city = None;
        assert_eq!(address.place_line("Estados Unidos"), "Texas, Estados Unidos");
        address.region = Some(" ".into());
        assert_eq!(address.place_line("Estados Unidos"), "Estados Unidos");
    }

    const MINIMAL: &str = r#"{"entries":[{"id":"centro-ficticio","name":{"es":"Centro Ficticio","en":"Fictitious Centre"},
        "kind":"resource_centre","address":{"country":"GT","city":"Quetzaltenango"},
        "verified_on":"2026-01-01","source":"https://example.org/ficticio"}]}"#;

    #[test]
    fn a_field_is_to_verify_when_it_or_its_parent_is_listed() {
        let mut entry = Directory::from_json(MINIMAL.as_bytes()).unwrap().entries[0].clone();
        assert!(!entry.is_to_verify("hours") && !entry.is_to_verify("address.street"));
        entry.to_verify = vec!["address".into(), "hours (solo fuente secundaria)".into()];
        assert!(entry.is_to_verify("address.street") && entry.is_to_verify("address"));
        assert!(entry.is_to_verify("hours"));
        assert!(!entry.is_to_verify("phones"));
        entry.to_verify = vec!["address.street".into(), "phone".into(), " ".into()];
        assert!(!entry.is_to_verify("address"), "a part does not cover the whole");
        assert!(!entry.is_to_verify("phones"), "a prefix is not the field");
        assert!(!entry.is_to_verify(""));
    }

    #[test]
    fn a_fact_is_as_old_as_its_newest_source_and_said_when_over_a_year_old() {
        let with_sources = MINIMAL.replace(
            r#""verified_on""#,
            r#""phones":[{"number":"+15550100123"},{"number":"+15550100124"}],"sources":[
                {"title":"A","publisher":"Ficticia","date":"2017","tier":"press","supports":["phones[0]","address"]},
                {"title":"B","publisher":"Ficticia","date":"2026-02-06","tier":"press","supports":["phones[1]"]},
                {"title":"C","publisher":"Ficticia","date":"2025-11","tier":"official","supports":["phones","hours"]}],"verified_on""#,
        );
        let entry = Directory::from_json(with_sources.as_bytes()).unwrap().entries.remove(0);
        let today = "2026-12-07";
        assert_eq!(entry.fact_date("phones[0]"), Some("2025-11"), "C confirms every phone");
        assert_eq!(entry.fact_date("phones[1]"), Some("2026-02-06"));
        assert_eq!(entry.fact_date("address.street"), Some("2017"));
        assert_eq!(
            entry.fact_age("address.street", today),
            Some(FactAge {
                year: 2017,
                month: None
            })
        );
        // November 2025 may mean 30 November: not yet a year before 15 November 2026,
        // and surely over a year before 7 December 2026.
        assert_eq!(entry.fact_age("phones[0]", "2026-11-15"), None);
        assert_eq!(
            entry.fact_age("phones[0]", today),
            Some(FactAge {
                year: 2025,
                month: Some(11)
            })
        );
        assert_eq!(entry.fact_age("phones[1]", today), None);
        assert_eq!(
            entry.fact_age("hours", "2027-01-01"),
            Some(FactAge {
                year: 2025,
                month: Some(11)
            })
        );
        assert_eq!(entry.fact_age("email", today), None, "no source, no age to say");
    }

    #[test]
    fn a_minimal_entry_parses_with_safe_defaults() {
        let directory = Directory::from_json(MINIMAL.as_bytes()).unwrap();
        let entry = directory.entry("centro-ficticio").unwrap();
        assert_eq!(entry.status, Status::Active);
        assert!(entry.phones.is_empty() && entry.location.is_none() && entry.hours.is_none());
        assert_eq!(entry.kind, Kind::ResourceCentre);
        assert_eq!(
            directory.entry("Centro-Ficticio").map(|e| e.id.as_str()),
            Some("centro-ficticio")
        );
        assert!(directory.entry("centro").is_none());
    }

    #[test]
    fn usual_hours_say_nothing_about_now_unless_the_office_is_active() {
        let with_hours = MINIMAL.replace(
            r#""verified_on""#,
            r#""hours":{"time_zone":"America/Guatemala","weekly":[{"day":"mon","opens":"08:00","closes":"16:00"}]},"verified_on""#,
        );
        let mut entry = Directory::from_json(with_hours.as_bytes()).unwrap().entries.remove(0);
        assert!(entry.hours_now().is_some());
        for status in [Status::TemporarilyClosed, Status::Defunct] {
            entry.status = status;
            assert!(entry.hours_now().is_none(), "{status:?}");
            assert!(entry.hours.is_some(), "the usual hours stay for the page to show");
        }
    }

    #[test]
    fn serialising_skips_what_is_unknown_and_round_trips() {
        let directory = Directory::from_json(MINIMAL.as_bytes()).unwrap();
        let json = serde_json::to_string(&directory).unwrap();
        assert!(!json.contains("phones") && !json.contains("null"), "{json}");
        assert_eq!(Directory::from_json(json.as_bytes()).unwrap(), directory);
    }

    #[test]
    fn codes_and_labels_cover_every_kind_and_service() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_code(kind.code()), Some(kind));
            assert_eq!(serde_json::to_string(&kind).unwrap(), format!("\"{}\"", kind.code()));
            assert!(kind.label().has("es") && kind.label().has("en"));
        }
        for service in Service::ALL {
            assert_eq!(Service::from_code(service.code()), Some(service));
            assert_eq!(
                serde_json::to_string(&service).unwrap(),
                format!("\"{}\"", service.code())
            );
        }
    }

    #[test]
    fn an_unknown_kind_is_a_problem_naming_the_entry() {
        let bad = MINIMAL.replace("resource_centre", "spaceport");
        let problem = Directory::from_json(bad.as_bytes()).unwrap_err();
        assert!(problem.path.contains("entries[0].kind"), "{}", problem.path);
    }
}
