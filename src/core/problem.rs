//! A problem found in content: where it is and what is wrong, in words a content editor
//! understands, in Spanish and English. Parsers and the validator return every problem
//! they find, not just the first, so one run of the staff's tool shows all that needs
//! fixing.

use crate::core::text::lang::Text;
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
