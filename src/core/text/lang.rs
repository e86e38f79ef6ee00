//! Languages and translated texts.
//!
//! Spanish is the default and the fallback: every text must exist in Spanish, English is
//! complete too, and further languages (K'iche' `quc`, Mam `mam`) may be partial. A text
//! missing in the chosen language is shown in Spanish rather than left blank.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A language the app can be shown in, by its ISO 639 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Es,
    En,
}

impl Lang {
    /// Every language the interface offers, in the order the switch shows them.
    pub const ALL: [Lang; 2] = [Lang::Es, Lang::En];
    /// The language shown when no other is chosen, and the fallback for missing texts.
    pub const DEFAULT: Lang = Lang::Es;

    /// The code used in `<html lang>`, in data files and in storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }

    /// Parses a code as stored or written in a URL; unknown codes give `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The language's name in itself, as the language switch shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Es => "Español",
            Lang::En => "English",
        }
    }
}

/// A user-visible text in several languages, keyed by language code (`"es"`, `"en"`,
/// `"quc"`, …). Kept as a map of codes rather than of [`Lang`] so that data may carry
/// languages the interface does not offer yet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// A text with the same Spanish and English wording (names, for instance).
    pub fn same(text: &str) -> Text {
        Text::new(text, text)
    }

    /// A text with its Spanish and English versions.
    pub fn new(es: &str, en: &str) -> Text {
        let mut map = BTreeMap::new();
        map.insert("es".to_string(), es.to_string());
        map.insert("en".to_string(), en.to_string());
        Text(map)
    }

    /// The text in `lang`, or in Spanish when that language has none (or only blanks).
    pub fn get(&self, lang: Lang) -> &str {
        self.get_code(lang.code())
    }

    /// Like [`Text::get`], for any language code.
    pub fn get_code(&self, code: &str) -> &str {
        [code, Lang::DEFAULT.code()]
            .iter()
            .filter_map(|c| self.0.get(*c))
            .find(|t| !t.trim().is_empty())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Whether no language has any wording.
    pub fn is_empty(&self) -> bool {
        self.0.values().all(|t| t.trim().is_empty())
    }

    /// Whether the text has non-blank wording in `code` itself (no fallback).
    pub fn has(&self, code: &str) -> bool {
        self.0.get(code).is_some_and(|t| !t.trim().is_empty())
    }
}

/// Names of Guatemala's Mayan languages, Garifuna and Xinka by ISO 639-3 code, for
/// directory entries that list them: browsers' `Intl.DisplayNames` knows few of them
/// and would show the bare code ("quc"). Each is written as its speakers write it,
/// which is also how Spanish and English texts name it.
const GUATEMALAN_LANGUAGES: [(&str, &str); 22] = [
    ("acr", "Achi"),
    ("agu", "Awakateko"),
    ("cab", "Garífuna"),
    ("caa", "Ch'orti'"),
    ("cac", "Chuj"),
    ("cak", "Kaqchikel"),
    ("itz", "Itza'"),
    ("ixl", "Ixil"),
    ("jac", "Popti'"),
    ("kek", "Q'eqchi'"),
    ("kjb", "Q'anjob'al"),
    ("mam", "Mam"),
    ("mop", "Mopan"),
    ("poc", "Poqomam"),
    ("poh", "Poqomchi'"),
    ("quc", "K'iche'"),
    ("qum", "Sipakapense"),
    ("quv", "Sakapulteko"),
    ("ttc", "Tektiteko"),
    ("tzj", "Tz'utujil"),
    ("usp", "Uspanteko"),
    ("xin", "Xinka"),
];

/// The name of one of Guatemala's own languages, given its ISO 639-3 code.
pub fn guatemalan_language_name(code: &str) -> Option<&'static str> {
    GUATEMALAN_LANGUAGES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, name)| *name)
}

/// A whole number as the language writes it: "1,088" and "12,400" in English; in
/// Spanish, four digits stay together ("1088") and longer numbers are grouped by threes
/// with a non-breaking space ("12 400"), as the RAE recommends.
pub fn whole_number(n: u32, lang: Lang) -> String {
    let digits = n.to_string();
    let (separator, from) = match lang {
        Lang::En => (',', 4),
        Lang::Es => ('\u{a0}', 5),
    };
    if digits.len() < from {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (at, digit) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_codes_are_refused() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code(" EN "), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn missing_or_blank_translation_falls_back_to_spanish() {
        let mut text = Text::new("Hola", "Hello");
        assert_eq!(text.get(Lang::En), "Hello");
        assert_eq!(text.get_code("quc"), "Hola");
        text.0.insert("en".into(), "  ".into());
        assert_eq!(text.get(Lang::En), "Hola");
        assert!(!text.has("en"));
        assert_eq!(Text::default().get(Lang::Es), "");
    }

    #[test]
    fn text_reads_from_a_plain_json_object() {
        let text: Text = serde_json::from_str(r#"{"es":"Sí","en":"Yes","mam":"Ayeqe"}"#).unwrap();
        assert_eq!(text.get(Lang::En), "Yes");
        assert_eq!(text.get_code("mam"), "Ayeqe");
    }

    #[test]
    fn guatemalan_languages_are_named_by_their_iso_639_3_codes() {
        assert_eq!(guatemalan_language_name("quc"), Some("K'iche'"));
        assert_eq!(guatemalan_language_name("mam"), Some("Mam"));
        assert_eq!(
            guatemalan_language_name("spa"),
            None,
            "the browser names the big languages"
        );
        for (code, _) in GUATEMALAN_LANGUAGES {
            assert!(
                isolang::Language::from_639_3(code).is_some(),
                "{code} is an ISO 639-3 code"
            );
        }
    }

    #[test]
    fn whole_numbers_are_grouped_as_each_language_writes_them() {
        assert_eq!(whole_number(999, Lang::En), "999");
        assert_eq!(whole_number(1_088, Lang::En), "1,088");
        assert_eq!(whole_number(1_234_567, Lang::En), "1,234,567");
        assert_eq!(whole_number(1_088, Lang::Es), "1088");
        assert_eq!(whole_number(12_400, Lang::Es), "12\u{a0}400");
    }
}
