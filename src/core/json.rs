//! Reading a content file's JSON into the content model, in the way that suits where the
//! code runs.
//!
//! On the host — the staff's tool and the tests — serde_json reads, and a problem names
//! the field at fault with its line and column, so an editor can find it. In the browser
//! the app hands the core a reader built on the browser's own `JSON.parse`
//! (`platform::json`): every phone already carries a JSON parser, and not shipping a
//! second one in the wasm saves 33 KB of it (5 KB of the download).
//!
//! Either way the parsed value goes through the same derived shapes and then the same
//! validator, so what one reader accepts the other does too.

use crate::core::problem::Problem;
use serde::de::DeserializeOwned;

/// Turns a file's bytes into a value of the content model, or a [`Problem`] saying
/// which file cannot be read and why.
pub trait ReadJson {
    fn read<T: DeserializeOwned>(&self, file: &str, bytes: &[u8]) -> Result<T, Problem>;
}

/// The problem every reader reports for a file it cannot read: `at` says where (the
/// file, and a field or position when the reader knows it), `detail` what the parser said.
pub fn unreadable(at: String, detail: &str) -> Problem {
    Problem::new(
        at,
        &format!("el archivo no se puede leer: {detail}"),
        &format!("the file cannot be read: {detail}"),
    )
}

/// serde_json, naming the line and column of a problem and, on the host, the field path
/// (serde_path_to_error is a host-only dependency). The app never uses this reader;
/// `tests/size_rules.rs` keeps it out of the app's code.
pub struct SerdeJson;

impl ReadJson for SerdeJson {
    fn read<T: DeserializeOwned>(&self, file: &str, bytes: &[u8]) -> Result<T, Problem> {
        let problem = |field: &str, error: &serde_json::Error| {
            let at = format!(
                "{file}: {field} (línea/line {}, columna/column {})",
                error.line(),
                error.column()
            );
            unreadable(at, &error.to_string())
        };
        #[cfg(target_arch = "wasm32")]
        {
            serde_json::from_slice(bytes).map_err(|error| problem("", &error))
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let mut deserializer = serde_json::Deserializer::from_slice(bytes);
            serde_path_to_error::deserialize(&mut deserializer)
                .map_err(|error| problem(&error.path().to_string(), error.inner()))
        }
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
        let problem = SerdeJson
            .read::<Sample>("x.json", br#"{"items":[{"count":1},{"count":"two"}]}"#)
            .unwrap_err();
        assert!(problem.path.starts_with("x.json: items[1].count"), "{}", problem.path);
        assert!(problem.path.contains("column"), "{}", problem.path);
    }

    #[test]
    fn an_unknown_field_and_broken_syntax_are_problems() {
        let typo = SerdeJson.read::<Sample>("x.json", br#"{"itemz":[]}"#).unwrap_err();
        assert!(typo.message.get_code("en").contains("itemz"));
        let cut = SerdeJson
            .read::<Sample>("x.json", br#"{"items":[{"count":1"#)
            .unwrap_err();
        assert!(cut.message.get_code("es").starts_with("el archivo no se puede leer"));
    }
}
