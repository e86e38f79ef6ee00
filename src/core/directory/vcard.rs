//! "Save as contact": a directory entry as a vCard 4.0 (RFC 6350) file, so a person can
//! keep the consulate's details in their phone's own contacts, offline.

use crate::core::directory::entry::{Entry, PhoneKind};
use crate::core::directory::links::{coordinate, is_dialable, is_email, is_https};
use crate::core::directory::phone_display::readable_number;
use crate::core::text::lang::Lang;

/// The vCard text for `entry`, with texts in `lang`. Lines end in CRLF as the standard
/// requires; only validated numbers, addresses and links are included.
pub fn vcard(entry: &Entry, lang: Lang) -> String {
    let mut lines = vec![
        "BEGIN:VCARD".to_string(),
        "VERSION:4.0".to_string(),
        "KIND:org".to_string(),
    ];
    let name = entry.name.get(lang);
    lines.push(format!("FN:{}", escape(name)));
    lines.push(format!("ORG:{}", escape(name)));
    for phone in entry.phones.iter().filter(|p| is_dialable(&p.number, p.kind)) {
        let kind = match phone.kind {
            PhoneKind::Voice => "voice",
            PhoneKind::Sms => "text",
            // vCard has no WhatsApp type; "text" is what phones understand best.
            PhoneKind::Whatsapp => "text,cell",
        };
        lines.push(format!("TEL;VALUE=uri;TYPE=\"{kind}\":tel:{}", phone.number));
    }
    if let Some(email) = entry.email.as_deref().filter(|e| is_email(e)) {
        lines.push(format!("EMAIL:{}", escape(email)));
    }
    if let Some(url) = entry.website.as_deref().filter(|u| is_https(u)) {
        lines.push(format!("URL:{}", escape(url)));
    }
    let a = &entry.address;
    let part = |value: &Option<String>| escape(value.as_deref().unwrap_or(""));
    // ADR: post office box; extended address; street; locality; region; postal code; country.
    lines.push(format!(
        "ADR:;;{};{};{};{};{}",
        part(&a.street),
        part(&a.city),
        part(&a.region),
        part(&a.postal_code),
        escape(&a.country)
    ));
    if let Some(location) = &entry.location {
        lines.push(format!(
            "GEO:geo:{},{}",
            coordinate(location.latitude),
            coordinate(location.longitude)
        ));
    }
    // A number's own note ("From Guatemala: extensions 8620, 8621 and 8622") would be
    // lost with the number alone: it follows the description in the card's note.
    let mut note = entry.description.get(lang).to_string();
    for phone in entry.phones.iter().filter(|p| is_dialable(&p.number, p.kind)) {
        if let Some(about) = phone.note.as_ref().map(|n| n.get(lang)).filter(|n| !n.is_empty()) {
            if !note.is_empty() {
                note.push('\n');
            }
            note.push_str(&readable_number(&phone.number));
            note.push_str(": ");
            note.push_str(about);
        }
    }
    if !note.is_empty() {
        lines.push(format!("NOTE:{}", escape(&note)));
    }
    // Where the facts were read, so the person can check them later (an extension
    // property: vCard's own SOURCE means "where to refresh this card").
    lines.push(format!("X-RUMBO-SOURCE:{}", escape(&entry.source)));
    lines.push(format!("REV:{}", entry.verified_on.replace('-', "")));
    lines.push("END:VCARD".to_string());
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("\r\n") + "\r\n"
}

/// A file name for the download, from the entry's id (already restricted to safe
/// characters by validation; anything else is replaced).
pub fn file_name(entry: &Entry) -> String {
    let safe: String = entry
        .id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' })
        .collect();
    format!("{safe}.vcf")
}

/// Escapes a text value: backslash, comma, semicolon and newlines (RFC 6350 §3.4).
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line longer than 75 octets, never splitting a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::directory::entry::Directory;

    fn entry() -> Entry {
        let json = r#"{"entries":[{"id":"consulado-ficticio","name":{"es":"Consulado Ficticio; Sede, Norte","en":"Fictitious Consulate"},
          "kind":"consulate","address":{"street":"123 Calle Falsa\nSuite 4","city":"Springfield","region":"XX","country":"US"},
          "location":{"latitude":34.1,"longitude":-118.25,"precision":"exact"},
          "phones":[{"number":"+15550100123","kind":"voice"},{"number":"+15550100999","kind":"whatsapp","note":{"es":"Solo mensajes","en":"Messages only"}},{"number":"javascript:x","kind":"voice"}],
          "email":"info@ficticio.example","website":"http://insecure.example",
          "description":{"es":"Descripción con acentos: ñandú, año; y más \\ barra. Atiende a la comunidad guatemalteca de la región con información.","en":"Description"},
          "verified_on":"2026-11-24","source":"https://ficticio.example/fuente"}]}"#;
        Directory::from_json(json.as_bytes()).unwrap().entries.remove(0)
    }

    #[test]
    fn special_characters_are_escaped() {
        let card = vcard(&entry(), Lang::Es);
        assert!(card.contains("FN:Consulado Ficticio\\; Sede\\, Norte\r\n"), "{card}");
        assert!(
            card.contains("ADR:;;123 Calle Falsa\\nSuite 4;Springfield;XX;;US\r\n"),
            "{card}"
        );
        assert!(card.contains("\\\\ barra"), "{card}");
    }

    #[test]
    fn structure_and_only_valid_links() {
        let card = vcard(&entry(), Lang::En);
        assert!(card.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"));
        assert!(card.ends_with("END:VCARD\r\n"));
        assert!(card.contains("FN:Fictitious Consulate\r\n"));
        assert!(card.contains("TEL;VALUE=uri;TYPE=\"voice\":tel:+15550100123\r\n"));
        assert!(card.contains("tel:+15550100999"));
        assert!(!card.contains("javascript"), "invalid numbers are left out");
        assert!(!card.contains("insecure"), "non-https websites are left out");
        assert!(card.contains("EMAIL:info@ficticio.example\r\n"));
        assert!(card.contains("GEO:geo:34.100000,-118.250000\r\n"));
        assert!(card.contains("REV:20261124\r\n"));
        assert!(!card.replace("\r\n", "").contains('\n'), "no bare newlines");
        // The note of a number goes with it into the card's note.
        let unfolded = card.replace("\r\n ", "");
        assert!(
            unfolded.contains("NOTE:Description\\n+1 555 010 0999: Messages only\r\n"),
            "{unfolded}"
        );
    }

    #[test]
    fn long_lines_are_folded_at_75_octets_without_breaking_characters() {
        let card = vcard(&entry(), Lang::Es);
        for line in card.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        assert!(card.contains("\r\n "), "the long note was folded");
        let unfolded = card.replace("\r\n ", "");
        assert!(unfolded.contains("ñandú\\, año\\; y más"), "{unfolded}");
    }

    #[test]
    fn the_file_name_is_safe() {
        let mut e = entry();
        assert_eq!(file_name(&e), "consulado-ficticio.vcf");
        e.id = "../../etc/passwd".into();
        assert_eq!(file_name(&e), "------etc-passwd.vcf");
    }
}
