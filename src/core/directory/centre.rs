//! The centre's own facts (`centre.json`): the file its staff fill at deployment with the
//! centre's street, phones, WhatsApp, email and hours, and who runs it, each with its
//! sources. It is read into the centre's directory entry and into "Acerca de"; what it
//! leaves empty stays empty, and the app says the centre's contact is to be published.
//! Its email or WhatsApp is also where a person can say that a fact looks wrong
//! ([`report_links`]): the app prepares the message, and sends nothing itself.

use crate::core::directory::entry::{Directory, Hours, Phone, PhoneKind, Source};
use crate::core::directory::links::{is_dialable, is_email, percent_encode};
use crate::core::json::{ReadJson, SerdeJson};
use crate::core::problem::Problem;
use crate::core::text::lang::{Lang, Text};
use serde::{Deserialize, Serialize};

/// The file `centre.json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Centre {
    /// The id of the centre's entry in the directory.
    pub entry: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// Its numbers: `"kind": "whatsapp"` for its WhatsApp.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
    /// Who runs it, each statement as its source says it, dated by that source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub run_by: Vec<RunBy>,
    /// Where the contact facts above were read or who confirmed them (the centre's own
    /// staff are an `official` source): they join the entry's sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

/// One source's statement of who runs the centre.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunBy {
    pub text: Text,
    pub source: Source,
}

/// How a person can tell the centre a fact looks wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Channel {
    Email(String),
    WhatsApp(String),
}

impl Centre {
    pub const FILE: &'static str = "centre.json";

    pub fn from_json(bytes: &[u8]) -> Result<Centre, Problem> {
        SerdeJson.read(Self::FILE, bytes)
    }

    /// Writes what the file knows into the centre's entry: its street, phones, email and
    /// hours where given (no longer "to verify" then), its sources beside the entry's.
    /// Facts the file leaves empty stay as the directory has them.
    pub fn apply(&self, directory: &mut Directory) {
        let Some(entry) = directory.entries.iter_mut().find(|e| e.id == self.entry) else {
            return;
        };
        let mut filled = Vec::new();
        if let Some(street) = &self.street {
            entry.address.street = Some(street.clone());
            filled.push("address.street");
        }
        if !self.phones.is_empty() {
            entry.phones = self.phones.clone();
            filled.push("phones");
        }
        if let Some(email) = &self.email {
            entry.email = Some(email.clone());
            filled.push("email");
        }
        if let Some(hours) = &self.hours {
            entry.hours = Some(hours.clone());
            filled.push("hours");
        }
        entry.to_verify.retain(|listed| {
            let field = listed
                .split(|c: char| c.is_whitespace() || c == '(')
                .next()
                .unwrap_or("");
            !filled.contains(&field)
        });
        entry.sources.extend(self.sources.iter().cloned());
    }

    /// Where a person can write to it: its email, then its WhatsApp.
    pub fn channels(&self) -> Vec<Channel> {
        let mut channels = Vec::new();
        if let Some(email) = self.email.as_ref().filter(|e| is_email(e)) {
            channels.push(Channel::Email(email.clone()));
        }
        for phone in &self.phones {
            if phone.kind == PhoneKind::Whatsapp && is_dialable(&phone.number, phone.kind) {
                channels.push(Channel::WhatsApp(phone.number.clone()));
            }
        }
        channels
    }

    /// Whether it has published any way to reach it.
    pub fn has_contact(&self) -> bool {
        self.street.is_some() || !self.phones.is_empty() || self.email.is_some()
    }
}

/// Links that prepare a message to the centre saying which fact of which entry looks
/// wrong: a `mailto:` with subject and body, a WhatsApp link with the text. Nothing is
/// sent until the person sends it from their own mail or WhatsApp. Empty without a
/// channel, and the page then offers nothing.
pub fn report_links(centre: Option<&Centre>, entry_id: &str, field: &str, lang: Lang) -> Vec<(Channel, String)> {
    let Some(centre) = centre else { return Vec::new() };
    let text = match lang {
        Lang::En => {
            format!("Hello. In Rumbo, the entry «{entry_id}», the fact «{field}» looks wrong to me. What I know: ")
        }
        _ => format!(
            "Hola. En Rumbo, en el contacto «{entry_id}», el dato «{field}» me parece equivocado. Lo que yo sé: "
        ),
    };
    let subject = match lang {
        Lang::En => format!("Rumbo: wrong fact in {entry_id}"),
        _ => format!("Rumbo: dato equivocado en {entry_id}"),
    };
    centre
        .channels()
        .into_iter()
        .map(|channel| {
            let href = match &channel {
                Channel::Email(email) => format!(
                    "mailto:{email}?subject={}&body={}",
                    percent_encode(&subject),
                    percent_encode(&text)
                ),
                Channel::WhatsApp(number) => format!("https://wa.me/{}?text={}", &number[1..], percent_encode(&text)),
            };
            (channel, href)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIRECTORY: &str = r#"{"entries":[{"id":"centro-ficticio","name":{"es":"Centro Ficticio","en":"Fictitious Centre"},
        "kind":"resource_centre","address":{"country":"GT","city":"Quetzaltenango"},"verified_on":"2026-01-01",
        "sources":[{"title":"T","publisher":"P","date":"2021","tier":"press","supports":["status"]}],
        "to_verify":["address.street","phones","email (correo del centro)","hours"]}]}"#;

    const EMPTY: &str = r#"{"entry":"centro-ficticio"}"#;

    const FILLED: &str = r#"{"entry":"centro-ficticio","street":"4a. Calle Ficticia 12-34, zona 1",
        "phones":[{"number":"+15550100123"},{"number":"+15550100124","kind":"whatsapp"}],"email":"centro@ficticio.example",
        "sources":[{"title":"Datos del centro","publisher":"Centro Ficticio","date":"2026-11","tier":"official",
            "supports":["address.street","phones","email"]}]}"#;

    #[test]
    fn an_empty_file_changes_nothing_and_offers_no_channel() {
        let centre = Centre::from_json(EMPTY.as_bytes()).unwrap();
        let mut directory = Directory::from_json(DIRECTORY.as_bytes()).unwrap();
        let before = directory.clone();
        centre.apply(&mut directory);
        assert_eq!(directory, before, "nothing invented");
        assert!(!centre.has_contact());
        assert_eq!(
            report_links(Some(&centre), "consulado-miami", "phones", Lang::Es),
            Vec::new()
        );
        assert_eq!(report_links(None, "consulado-miami", "phones", Lang::Es), Vec::new());
    }

    #[test]
    fn a_filled_file_becomes_the_entry_s_contact_with_its_sources() {
        let centre = Centre::from_json(FILLED.as_bytes()).unwrap();
        let mut directory = Directory::from_json(DIRECTORY.as_bytes()).unwrap();
        centre.apply(&mut directory);
        let entry = &directory.entries[0];
        assert_eq!(
            entry.address.street.as_deref(),
            Some("4a. Calle Ficticia 12-34, zona 1")
        );
        assert_eq!(entry.phones.len(), 2);
        assert_eq!(
            entry.to_verify,
            vec!["hours".to_string()],
            "what it fills is no longer to verify"
        );
        assert_eq!(entry.fact_date("phones[1]"), Some("2026-11"));
        assert!(
            crate::core::content::validate::validate_directory(&directory, "2026-12-07").is_empty(),
            "its facts are supported by its own source"
        );
    }

    #[test]
    fn a_report_prepares_a_message_naming_the_entry_and_the_fact() {
        let centre = Centre::from_json(FILLED.as_bytes()).unwrap();
        let links = report_links(Some(&centre), "consulado-miami", "phones", Lang::Es);
        assert_eq!(links.len(), 2);
        let (Channel::Email(_), mail) = &links[0] else {
            panic!("{links:?}")
        };
        assert!(
            mail.starts_with("mailto:centro@ficticio.example?subject=Rumbo"),
            "{mail}"
        );
        assert!(mail.contains("consulado-miami") && mail.contains("phones"), "{mail}");
        let (Channel::WhatsApp(_), whatsapp) = &links[1] else {
            panic!("{links:?}")
        };
        assert!(
            whatsapp.starts_with("https://wa.me/15550100124?text=Hola"),
            "{whatsapp}"
        );
        let english = report_links(Some(&centre), "consulado-miami", "hours", Lang::En);
        assert!(english[0].1.contains("wrong"), "{:?}", english[0]);
    }
}
