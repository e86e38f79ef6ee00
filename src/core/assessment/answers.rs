//! A person's answers to the assessment, by question id. They live in memory and in the
//! share link's fragment only; nothing here is ever sent anywhere.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The option chosen in a single-choice question.
    Choice(String),
    /// The options ticked in a multiple-choice question (possibly none).
    Choices(BTreeSet<String>),
    Number(i64),
    /// A country (ISO 3166-1 alpha-2) and, where asked, a region of it.
    Place {
        country: String,
        region: Option<String>,
    },
}

impl Answer {
    /// The options ticked, as `Answer::Choices`. Inserted one by one: collecting into a
    /// set sorts first, and that sort is one more copy of the library's in the wasm.
    pub fn choices(ids: impl IntoIterator<Item = String>) -> Answer {
        let mut set = BTreeSet::new();
        for id in ids {
            set.insert(id);
        }
        Answer::Choices(set)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(pub BTreeMap<String, Answer>);

impl Answers {
    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.0.get(question)
    }

    pub fn set(&mut self, question: &str, answer: Answer) {
        self.0.insert(question.to_string(), answer);
    }

    pub fn remove(&mut self, question: &str) -> Option<Answer> {
        self.0.remove(question)
    }

    pub fn is_answered(&self, question: &str) -> bool {
        self.0.contains_key(question)
    }
}
