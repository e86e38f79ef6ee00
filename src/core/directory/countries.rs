//! The one table of countries: the ones a person can pick as their place, each with its
//! ISO 3166-1 code, the names people search it by, and its approximate centre. The place
//! picker, search, distance and share codes all read it, so a country added here is
//! offered, found and measured alike. Also the type of a country code in the content
//! ([`CountryCode`]), checked when the content is read.

use serde::{Deserialize, Serialize};

/// A country code as the content writes it: ISO 3166-1 alpha-2, two upper-case letters
/// (`GT`, `US`; `ZZ` for "another country"). Checked when content is read, so the rest of
/// the app compares codes as they are, without trimming or case folding.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct CountryCode(String);

impl CountryCode {
    /// `code`, if it has the shape of a code: two upper-case ASCII letters.
    pub fn new(code: &str) -> Option<CountryCode> {
        (code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())).then(|| CountryCode(code.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for CountryCode {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for CountryCode {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for CountryCode {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for CountryCode {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}

/// For codes written in the program (tests, fixtures), where a malformed one is a bug:
/// it panics. Data is read through `Deserialize`, which refuses a bad code with a message.
impl From<&str> for CountryCode {
    fn from(code: &str) -> CountryCode {
        CountryCode::new(code).unwrap_or_else(|| panic!("«{code}» is not a country code"))
    }
}

impl std::fmt::Display for CountryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<CountryCode, D::Error> {
        let code = String::deserialize(deserializer)?;
        CountryCode::new(&code).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "«{code}»: not an ISO 3166-1 alpha-2 country code in upper case"
            ))
        })
    }
}

/// A country the app knows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-2, upper case (the data's validator requires upper case too).
    pub code: &'static str,
    /// Names in Spanish and English and as people write them, already folded
    /// (`core::text::fold`).
    pub names: &'static [&'static str],
    /// Approximate centre (latitude, longitude), for distances when only the country is
    /// known.
    pub centre: (f64, f64),
}

/// The countries, in the order the place picker offers them.
pub const COUNTRIES: &[Country] = &[
    Country {
        code: "GT",
        names: &["guatemala"],
        centre: (15.8, -90.2),
    },
    Country {
        code: "US",
        names: &["estados unidos", "united states", "eeuu", "usa", "ee uu"],
        centre: (37.1, -95.7),
    },
    Country {
        code: "MX",
        names: &["mexico"],
        centre: (23.6, -102.6),
    },
    Country {
        code: "CA",
        names: &["canada"],
        centre: (56.1, -106.3),
    },
    Country {
        code: "SV",
        names: &["el salvador"],
        centre: (13.8, -88.9),
    },
    Country {
        code: "HN",
        names: &["honduras"],
        centre: (15.2, -86.2),
    },
    Country {
        code: "BZ",
        names: &["belice", "belize"],
        centre: (17.2, -88.5),
    },
    Country {
        code: "ES",
        names: &["espana", "spain"],
        centre: (40.5, -3.7),
    },
];

/// The country with this ISO code.
pub fn country(code: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::fold::fold_words;

    #[test]
    fn codes_are_unique_upper_case_and_names_are_folded() {
        for (i, c) in COUNTRIES.iter().enumerate() {
            assert!(
                c.code.len() == 2 && c.code.bytes().all(|b| b.is_ascii_uppercase()),
                "{}",
                c.code
            );
            assert_eq!(country(c.code), Some(c), "{} is found once", c.code);
            assert!(COUNTRIES[..i].iter().all(|other| other.code != c.code));
            for name in c.names {
                assert_eq!(&fold_words(name), name, "search compares folded names");
            }
        }
        assert_eq!(country("gt"), None, "codes are upper case, as the data's");
    }

    #[test]
    fn a_country_code_in_the_content_is_two_upper_case_letters() {
        assert_eq!(CountryCode::new("GT").unwrap(), "GT");
        for bad in ["gt", "G", "GTM", " US", "U1", ""] {
            assert_eq!(CountryCode::new(bad), None, "{bad:?}");
        }
        let read: Result<CountryCode, _> = serde_json::from_str(r#""us""#);
        assert!(
            read.unwrap_err().to_string().contains("«us»"),
            "refused when read, naming the code"
        );
        let read: CountryCode = serde_json::from_str(r#""MX""#).unwrap();
        assert_eq!(read.as_str(), "MX");
    }
}
