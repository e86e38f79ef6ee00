//! The self-assessment as data (the file `assessment.json`): questions, each asked only
//! when its `show_if` holds, and outcomes — the options a person may have — each shown
//! when its `applies_if` holds. Learned from GOV.UK Smart Answers' outcome-centric
//! flows: the logic lives beside the content it decides, and the engine
//! ([`crate::core::assessment::engine`]) only walks it.

use crate::core::assessment::answers::Answer;
use crate::core::assessment::condition::Condition;
use crate::core::json::{ReadJson, SerdeJson};
use crate::core::problem::Problem;
use crate::core::text::lang::{Lang, Text};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    /// Which flow this is, and the path of its page (`opciones`, `oferta`): never in the
    /// file, it comes from the file's name ([`Flow::id_of_file`]).
    #[serde(skip)]
    pub id: String,
    /// The start page's heading and lead, for flows other than the assessment (whose
    /// are interface messages, in `locales/`).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub title: Text,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub intro: Text,
    /// Bumped whenever questions or options change meaning, so a share link made with
    /// an older flow is recognised instead of being read wrongly.
    pub version: u32,
    /// Questions in the order they are asked.
    pub questions: Vec<Question>,
    pub outcomes: Vec<Outcome>,
}

/// The assessment's id: the path of its page, `/opciones`.
pub const ASSESSMENT_ID: &str = "opciones";

impl Flow {
    pub const FILE: &'static str = "assessment.json";

    /// The flow a data file holds, by its name: `assessment.json` is the assessment
    /// (`opciones`), `flow-<id>.json` any other flow (`flow-oferta.json`: `oferta`).
    /// Apps that know one flow only read `assessment.json` and leave the others alone,
    /// so adding a flow needs no new manifest format.
    pub fn id_of_file(name: &str) -> Option<&str> {
        if name == Self::FILE {
            return Some(ASSESSMENT_ID);
        }
        name.strip_prefix("flow-")?
            .strip_suffix(".json")
            .filter(|id| !id.is_empty())
    }

    /// The data file of the flow `id` (the inverse of [`Flow::id_of_file`]).
    pub fn file_of(id: &str) -> String {
        if id == ASSESSMENT_ID || id.is_empty() {
            Self::FILE.to_string()
        } else {
            format!("flow-{id}.json")
        }
    }

    /// This flow's data file.
    pub fn file_name(&self) -> String {
        Self::file_of(&self.id)
    }

    /// Whether this is the self-assessment (the flow of `assessment.json`).
    pub fn is_assessment(&self) -> bool {
        self.id.is_empty() || self.id == ASSESSMENT_ID
    }

    /// Reads the file with serde_json, for the staff's tool and the tests (the app
    /// reads it through [`crate::core::content`] with the browser's parser).
    pub fn from_json(bytes: &[u8]) -> Result<Flow, Problem> {
        SerdeJson.read(Self::FILE, bytes)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn outcome(&self, id: &str) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.id == id)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub prompt: Text,
    /// A short "why we ask", shown under the question.
    pub why: Text,
    /// The answers to choose from (single and multiple choice).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// Bounds of a number question, both included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// Absent: always asked. May only read questions asked before this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// The question is about the relative the person asks for, not about the person: a
    /// place answered to it orders the contacts from the relative's place, but does not
    /// leave out what could serve the person asking, who may well be in Guatemala.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub about_relative: bool,
}

impl Question {
    pub fn option(&self, id: &str) -> Option<&Choice> {
        self.options.iter().find(|o| o.id == id)
    }

    /// The bounds of a number question, both included: 0 to 100 unless the data says.
    pub fn bounds(&self) -> (i64, i64) {
        (self.min.unwrap_or(0), self.max.unwrap_or(100))
    }

    /// What a person typed for a number question, as an answer: a whole number within
    /// the bounds. Anything else ("2.5", "2,5", "1e1", out of range) is `None`, to be
    /// refused with a message rather than read as a number the person did not mean.
    pub fn number_answer(&self, typed: &str) -> Option<Answer> {
        let (min, max) = self.bounds();
        let n: i64 = typed.trim().parse().ok()?;
        (min..=max).contains(&n).then_some(Answer::Number(n))
    }

    /// An answer in words, as "check your answers" and "because you said" show it.
    /// `none` is the word for an empty multiple choice ("None" / "Ninguno"); `country`
    /// names a country code in the person's language.
    pub fn describe(&self, answer: &Answer, lang: Lang, none: &str, country: &dyn Fn(&str) -> String) -> String {
        let label = |id: &str| {
            self.option(id)
                .map(|o| o.label.get(lang).to_string())
                .unwrap_or_else(|| id.to_string())
        };
        match answer {
            Answer::Choice(id) => label(id),
            Answer::Choices(ids) if ids.is_empty() => none.to_string(),
            Answer::Choices(ids) => self
                .options
                .iter()
                .filter(|o| ids.contains(&o.id))
                .map(|o| o.label.get(lang))
                .collect::<Vec<_>>()
                .join(", "),
            Answer::Number(n) => n.to_string(),
            Answer::Place {
                country: code,
                region: Some(region),
            } => format!("{region}, {}", country(code)),
            Answer::Place {
                country: code,
                region: None,
            } => country(code),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    SingleChoice,
    MultipleChoice,
    Number,
    /// A country and, for some countries, a region (state, department).
    Place,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 4] = [
        QuestionKind::SingleChoice,
        QuestionKind::MultipleChoice,
        QuestionKind::Number,
        QuestionKind::Place,
    ];

    pub fn code(self) -> &'static str {
        match self {
            QuestionKind::SingleChoice => "single_choice",
            QuestionKind::MultipleChoice => "multiple_choice",
            QuestionKind::Number => "number",
            QuestionKind::Place => "place",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub label: Text,
    /// The country this answer puts the person in ("Vivo en Guatemala": `GT`), where no
    /// place question is asked: contacts for another country are then left out of their
    /// options (`contacts::Here`). Single-choice questions only; needs manifest format 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// One option a person may have, with everything needed to act on it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub id: String,
    pub title: Text,
    /// What it is, in two or three plain sentences.
    pub summary: Text,
    /// Absent: shown to everyone (the risks of irregular migration, spotting fraud).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<Condition>,
    /// Lower comes first. Protection for people in danger has the lowest.
    pub rank: u32,
    /// The questions whose answers explain why it is shown ("because you said …").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub explained_by: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Text>,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub cost: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Text>,
    /// Directory entries with any of these tags are shown as contacts for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub directory_tags: Vec<String>,
    pub sources: Vec<Source>,
    /// Where to go next: an `https:` page (a register to check, a form) or another
    /// flow's page (`/oferta`). Shown as links, QR codes on a kiosk. Needs manifest
    /// format 5 in `assessment.json`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Source>,
    /// The date the content was last reviewed against its sources, `YYYY-MM-DD`.
    pub reviewed_on: String,
}

/// An official source for an outcome's facts (or, in `links`, a place to go).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: Text,
    /// An `https:` address.
    pub url: String,
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small fictitious flow for tests across the core.
    pub(crate) const TEST_FLOW: &str = r#"{
      "version": 1,
      "questions": [
        {"id":"age","kind":"single_choice","prompt":{"es":"Edad","en":"Age"},"why":{"es":"x","en":"x"},
         "options":[{"id":"under_18","label":{"es":"Menos de 18","en":"Under 18"}},{"id":"adult","label":{"es":"18 o más","en":"18 or more"}}]},
        {"id":"documents","kind":"multiple_choice","prompt":{"es":"Documentos","en":"Documents"},"why":{"es":"x","en":"x"},
         "options":[{"id":"dpi","label":{"es":"DPI","en":"DPI"}},{"id":"passport","label":{"es":"Pasaporte","en":"Passport"}}],
         "show_if":{"equals":{"question":"age","option":"adult"}}},
        {"id":"years","kind":"number","min":0,"max":60,"prompt":{"es":"Años","en":"Years"},"why":{"es":"x","en":"x"},
         "show_if":{"equals":{"question":"age","option":"adult"}}},
        {"id":"home","kind":"place","prompt":{"es":"Dónde","en":"Where"},"why":{"es":"x","en":"x"}}
      ],
      "outcomes": [
        {"id":"work","title":{"es":"Trabajo","en":"Work"},"summary":{"es":"s","en":"s"},"rank":2,
         "applies_if":{"all":[{"equals":{"question":"age","option":"adult"}},{"in_range":{"question":"years","min":1,"max":60}}]},
         "explained_by":["age","years"],"sources":[],"reviewed_on":"2026-01-01"},
        {"id":"young","title":{"es":"Joven","en":"Young"},"summary":{"es":"s","en":"s"},"rank":1,
         "applies_if":{"equals":{"question":"age","option":"under_18"}},"explained_by":["age"],"sources":[],"reviewed_on":"2026-01-01"},
        {"id":"fraud","title":{"es":"Fraude","en":"Fraud"},"summary":{"es":"s","en":"s"},"rank":9,"sources":[],"reviewed_on":"2026-01-01"}
      ]
    }"#;

    pub(crate) fn test_flow() -> Flow {
        Flow::from_json(TEST_FLOW.as_bytes()).unwrap()
    }

    #[test]
    fn the_test_flow_parses_with_lookups() {
        let flow = test_flow();
        assert_eq!(flow.question("documents").unwrap().kind, QuestionKind::MultipleChoice);
        assert!(flow.question("age").unwrap().option("adult").is_some());
        assert!(flow.outcome("fraud").unwrap().applies_if.is_none());
        assert!(flow.question("nope").is_none());
    }

    #[test]
    fn answers_are_described_in_words() {
        let flow = test_flow();
        let age = flow.question("age").unwrap();
        let country = |code: &str| format!("<{code}>");
        assert_eq!(
            age.describe(&Answer::Choice("adult".into()), Lang::En, "-", &country),
            "18 or more"
        );
        let docs = flow.question("documents").unwrap();
        let both = Answer::Choices(["passport".to_string(), "dpi".to_string()].into_iter().collect());
        assert_eq!(
            docs.describe(&both, Lang::Es, "-", &country),
            "DPI, Pasaporte",
            "in the question's order"
        );
        assert_eq!(
            docs.describe(&Answer::Choices(Default::default()), Lang::Es, "Ninguno", &country),
            "Ninguno"
        );
        assert_eq!(age.describe(&Answer::Number(7), Lang::Es, "-", &country), "7");
        let home = flow.question("home").unwrap();
        let texas = Answer::Place {
            country: "US".into(),
            region: Some("Texas".into()),
        };
        assert_eq!(
            home.describe(&texas, Lang::Es, "-", &country),
            "Texas, <US>",
            "the country by name"
        );
    }

    #[test]
    fn a_number_answer_is_a_whole_number_within_the_bounds() {
        let flow = test_flow();
        let years = flow.question("years").unwrap();
        let (min, max) = years.bounds();
        assert_eq!(years.number_answer(" 3 "), Some(Answer::Number(3)));
        assert_eq!(years.number_answer(&min.to_string()), Some(Answer::Number(min)));
        assert_eq!(years.number_answer(&max.to_string()), Some(Answer::Number(max)));
        for typed in [
            "2.5",
            "2,5",
            "1e1",
            "",
            "tres",
            &(max + 1).to_string(),
            &(min - 1).to_string(),
        ] {
            assert_eq!(years.number_answer(typed), None, "{typed:?} is refused, not misread");
        }
    }
}
