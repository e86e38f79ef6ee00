//! A problem found in content: where it is and what is wrong, in words a content editor
//! understands, in Spanish and English. Parsers and the validator return every problem
//! they find, not just the first, so one run of the staff's tool shows all that needs
//! fixing.

use crate::core::lang::Text;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: a file and a path inside it, e.g. `directory.json: entries[3].phones[0].number`.
    pub path: String,
    /// What is wrong.
    pub message: Text,
}

impl Problem {
    pub fn new(path: impl Into<String>, es: &str, en: &str) -> Problem {
        Problem {
            path: path.into(),
            message: Text::new(es, en),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message.get_code("es"))
    }
}

/// Parses JSON into `T`, turning a syntax or shape error into a [`Problem`] that names
/// the file, the line and column and (on the host, for the staff's tool) the field path.
pub fn parse_json<T: serde::de::DeserializeOwned>(file: &str, bytes: &[u8]) -> Result<T, Problem> {
    let problem = |field: &str, error: &serde_json::Error| {
        let at = format!(
            "{file}: {field} (línea/line {}, columna/column {})",
            error.line(),
            error.column()
        );
        Problem::new(
            at,
            &format!("el archivo no se puede leer: {error}"),
            &format!("the file cannot be read: {error}"),
        )
    };
    // In the browser a plain parse: the field path doubles the size of every
    // deserializer in the wasm people download, and there the details only go to the
    // console. Line and column still point at the spot.
    #[cfg(target_arch = "wasm32")]
    {
        serde_json::from_slice(bytes).map_err(|error| problem("", &error))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let mut deserializer = serde_json::Deserializer::from_slice(bytes);
        serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
            let field = error.path().to_string();
            problem(&field, error.inner())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        items: Vec<Item>,
    }
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        count: u32,
    }

    #[test]
    fn a_shape_error_names_the_field_path_and_position() {
        let problem = parse_json::<Sample>("x.json", br#"{"items":[{"count":1},{"count":"two"}]}"#).unwrap_err();
        assert!(problem.path.starts_with("x.json: items[1].count"), "{}", problem.path);
        assert!(problem.path.contains("column"), "{}", problem.path);
    }

    #[test]
    fn an_unknown_field_and_broken_syntax_are_problems() {
        let typo = parse_json::<Sample>("x.json", br#"{"itemz":[]}"#).unwrap_err();
        assert!(typo.message.get_code("en").contains("itemz"));
        let cut = parse_json::<Sample>("x.json", br#"{"items":[{"count":1"#).unwrap_err();
        assert!(cut.message.get_code("es").starts_with("el archivo no se puede leer"));
    }
}
