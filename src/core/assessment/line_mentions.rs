//! Phone numbers of the directory's entries found in an option's text ("llame al 110",
//! "1-866-487-9243"), so the results can make each one a link to the entry's page: there
//! the number can be called, or its QR code scanned on a kiosk, and the page says what
//! the line is for.
//!
//! Only numbers the directory holds are found: "2025" or "200 idiomas" in a step are
//! never taken for a phone, and a number no entry has stays plain text.

use crate::core::directory::entry::Directory;

/// `text` cut into pieces, in order: `(piece, Some(entry id))` for a number one of the
/// directory's entries has (and no other has), `(piece, None)` for the rest.
pub fn line_mentions<'a>(text: &'a str, directory: &'a Directory) -> Vec<(&'a str, Option<&'a str>)> {
    let mut parts = Vec::new();
    let mut plain_from = 0;
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // A run of digits and dashes that starts and ends with a digit, not inside a word.
        let starts_run = bytes[at].is_ascii_digit() && (at == 0 || !is_word_byte(bytes[at - 1]));
        if !starts_run {
            at += 1;
            continue;
        }
        let mut end = at;
        while end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b'-') {
            end += 1;
        }
        while bytes[end - 1] == b'-' {
            end -= 1;
        }
        let bounded = end == bytes.len() || !is_word_byte(bytes[end]);
        let run = &text[at..end];
        if let Some(id) = entry_with(run, directory).filter(|_| bounded) {
            if plain_from < at {
                parts.push((&text[plain_from..at], None));
            }
            parts.push((run, Some(id)));
            plain_from = end;
        }
        at = end.max(at + 1);
    }
    if plain_from < text.len() {
        parts.push((&text[plain_from..], None));
    }
    parts
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b >= 0x80
}

/// The id of the entry with the number written as `run`: a short number as dialled
/// (`110`) or a North American one as people write it (`1-866-487-9243`).
fn entry_with<'a>(run: &str, directory: &'a Directory) -> Option<&'a str> {
    let digits: String = run.chars().filter(char::is_ascii_digit).collect();
    let number = if !run.contains('-') && (3..=5).contains(&digits.len()) {
        digits
    } else if digits.len() == 11 && digits.starts_with('1') && run.split('-').count() == 4 {
        format!("+{digits}")
    } else {
        return None;
    };
    // A number several entries hold (911 in five countries) names none of them: which
    // country's line a text means cannot be told, and the results list the right one.
    let mut holders = directory
        .entries
        .iter()
        .filter(|e| e.phones.iter().any(|p| p.number == number));
    let first = holders.next()?;
    holders.next().is_none().then_some(first.id.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directory() -> Directory {
        Directory::from_json(
            br#"{"entries":[
            {"id":"linea-ficticia","name":{"es":"x","en":"x"},"kind":"hotline","address":{"country":"GT"},
             "phones":[{"number":"555"}],"verified_on":"2026-01-01","source":"x"},
            {"id":"oficina-ficticia","name":{"es":"y","en":"y"},"kind":"hotline","address":{"country":"US"},
             "phones":[{"number":"+15550100123"}],"verified_on":"2026-01-01","source":"x"}]}"#,
        )
        .unwrap()
    }

    fn linked(text: &str) -> Vec<(String, Option<String>)> {
        let directory = directory();
        line_mentions(text, &directory)
            .into_iter()
            .map(|(piece, id)| (piece.to_string(), id.map(str::to_string)))
            .collect()
    }

    #[test]
    fn the_directorys_numbers_become_links_to_their_entries() {
        let p = |piece: &str, id: Option<&str>| (piece.to_string(), id.map(str::to_string));
        assert_eq!(
            linked("Llame al 555, las 24 horas, o al 1-555-010-0123."),
            [
                p("Llame al ", None),
                p("555", Some("linea-ficticia")),
                p(", las 24 horas, o al ", None),
                p("1-555-010-0123", Some("oficina-ficticia")),
                p(".", None),
            ]
        );
        assert_eq!(linked("555"), [p("555", Some("linea-ficticia"))]);
    }

    #[test]
    fn a_number_two_entries_hold_links_to_neither() {
        let mut directory = directory();
        let mut other = directory.entries[0].clone();
        other.id = "linea-ficticia-otro-pais".into();
        other.address.country = "MX".into();
        directory.entries.push(other);
        let parts = line_mentions("Llame al 555.", &directory);
        assert!(parts.iter().all(|(_, id)| id.is_none()), "{parts:?}");
    }

    #[test]
    fn other_numbers_and_numbers_inside_words_stay_text() {
        for text in [
            "desde agosto de 2025, en más de 200 idiomas",
            "el 911 en Estados Unidos",
            "H-555 y 5555 y 555a y a555",
            "1-555-010-01234",
            "",
        ] {
            let parts = linked(text);
            assert!(parts.iter().all(|(_, id)| id.is_none()), "{text}: {parts:?}");
            assert_eq!(parts.iter().map(|(p, _)| p.as_str()).collect::<String>(), text);
        }
    }
}
