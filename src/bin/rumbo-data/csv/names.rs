//! The codes of the JSON's code lists (kinds of phone, precision, status, days) and the
//! names staff may write for them, compared as people write names: regardless of case,
//! accents and spacing. Shared by the header row and the cells.

use rumbo::core::directory::entry::{PhoneKind, Precision, Status, Weekday};
use rumbo::core::text::fold::fold_words;

/// Names for each value of a code list: the code `to_csv` writes, then what `from_csv`
/// also accepts.
pub(super) type Names<T> = [(T, &'static [&'static str])];

pub(super) const PRECISIONS: [(Precision, &[&str]); 2] = [
    (Precision::Exact, &["exact", "exacta", "exacto"]),
    (Precision::City, &["city", "ciudad"]),
];

pub(super) const PHONE_KINDS: [(PhoneKind, &[&str]); 3] = [
    (PhoneKind::Voice, &["voice", "voz", "llamada"]),
    (PhoneKind::Whatsapp, &["whatsapp"]),
    (PhoneKind::Sms, &["sms"]),
];

pub(super) const STATUSES: [(Status, &[&str]); 3] = [
    (Status::Active, &["active", "activo", "activa"]),
    (
        Status::TemporarilyClosed,
        &[
            "temporarily_closed",
            "cerrado_temporalmente",
            "cerrada_temporalmente",
            "temporalmente_cerrado",
            "temporalmente_cerrada",
        ],
    ),
    (
        Status::Defunct,
        &[
            "defunct",
            "cerrado_definitivamente",
            "cerrada_definitivamente",
            "ya_no_existe",
        ],
    ),
];

/// Days as staff write them: the Spanish abbreviation `to_csv` writes, the full Spanish
/// name, and the JSON's English code and name.
pub(super) const DAYS: [(Weekday, &[&str]); 7] = [
    (Weekday::Mon, &["lun", "lunes", "mon", "monday"]),
    (Weekday::Tue, &["mar", "martes", "tue", "tuesday"]),
    (Weekday::Wed, &["mié", "miércoles", "wed", "wednesday"]),
    (Weekday::Thu, &["jue", "jueves", "thu", "thursday"]),
    (Weekday::Fri, &["vie", "viernes", "fri", "friday"]),
    (Weekday::Sat, &["sáb", "sábado", "sat", "saturday"]),
    (Weekday::Sun, &["dom", "domingo", "sun", "sunday"]),
];

pub(super) fn day_name(day: Weekday) -> &'static str {
    DAYS.iter().find(|(d, _)| *d == day).map_or("", |(_, names)| names[0])
}

/// The day `n` days after `day` in the same week (no wrapping past Sunday).
pub(super) fn day_after(day: Weekday, n: usize) -> Option<Weekday> {
    let index = DAYS.iter().position(|(d, _)| *d == day)?;
    DAYS.get(index + n).map(|(d, _)| *d)
}

pub(super) fn name_of<T: PartialEq>(value: T, names: &Names<T>) -> String {
    names
        .iter()
        .find(|(v, _)| *v == value)
        .map_or(String::new(), |(_, n)| n[0].to_string())
}

pub(super) fn lookup<T: Copy>(value: &str, names: &Names<T>) -> Option<T> {
    names.iter().find(|(_, n)| names_match(value, n)).map(|(v, _)| *v)
}

pub(super) fn names_match(value: &str, names: &[&str]) -> bool {
    let key = normalise(value);
    !key.is_empty() && names.iter().any(|n| normalise(n) == key)
}

/// A name as compared: folded as everywhere in Rumbo (`core::text::fold`: lower case,
/// no accents), with each run of spaces or punctuation as one `_`
/// (`Código postal` → `codigo_postal`).
pub(super) fn normalise(text: &str) -> String {
    fold_words(text).replace(' ', "_")
}

pub(super) fn is_lang_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}
