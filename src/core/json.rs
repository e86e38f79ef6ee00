//! Reading a content file's JSON into the content model.
//!
//! serde_json reads, on the host (the staff's tool and the tests) and in the app alike,
//! so what one accepts the other does too. On the host a problem names the field at
//! fault with its line and column, so an editor can find it; in the app, the line and
//! column. (The app once read with the browser's `JSON.parse` and serde-wasm-bindgen,
//! 14 KB less to download, but that took twice as long on every start: 26 ms against
//! 12 ms on this machine, four times that on a slow phone, a long task before the page
//! can be used. docs/size.md.)

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

/// How deeply arrays and objects may nest in a content file. The shipped files nest 10
/// deep at most; a condition may nest [`crate::core::content::condition_check::MAX_DEPTH`]
/// deep, two JSON levels a step (`{"all":[…]}`), inside a question at depth 4.
pub const MAX_DEPTH: usize = 64;

/// Refuses JSON nested deeper than [`MAX_DEPTH`], read on the raw text before any
/// parser sees it: the derived readers recurse once per level, so `{"not":{"not":…}}`
/// 50,000 deep could overflow the stack and end the app, at every start, instead of
/// being refused (serde_json's own limit, 128, is more than a condition may nest).
/// Brackets inside strings do not count; anything else malformed is left for the parser
/// to report.
pub fn check_depth(file: &str, bytes: &[u8]) -> Result<(), Problem> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &b in bytes {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(Problem::new(
                        file,
                        &format!("el archivo anida más de {MAX_DEPTH} niveles: se rechaza"),
                        &format!("the file nests deeper than {MAX_DEPTH} levels: refused"),
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// serde_json, naming the line and column of a problem and, on the host, the field path
/// (serde_path_to_error is a host-only dependency).
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
    fn json_nested_too_deep_is_refused_before_parsing() {
        let nested = |n: usize| format!("{}true{}", r#"{"not":"#.repeat(n), "}".repeat(n));
        assert!(check_depth("x.json", nested(MAX_DEPTH).as_bytes()).is_ok());
        assert!(check_depth("x.json", nested(MAX_DEPTH + 1).as_bytes()).is_err());
        assert!(check_depth("x.json", nested(50_000).as_bytes()).is_err());
        let deep_in_a_string = format!(r#"{{"a":"{}\"{}"}}"#, "[".repeat(500), "{".repeat(500));
        assert!(check_depth("x.json", deep_in_a_string.as_bytes()).is_ok());
        assert!(check_depth("x.json", &vec![b'['; 1_000_000]).is_err());
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
