//! The data manifest (`manifest.json`): which content version is published and the
//! SHA-256 and size of every data file, so the app can tell a newer version, refuse a
//! file that was cut or altered in transit, and never replace good data with bad.

use crate::core::digest::sha256_hex;
use crate::core::json::ReadJson;
use crate::core::problem::Problem;
use serde::{Deserialize, Serialize};

/// The newest manifest format this build understands. A manifest with a higher number
/// was written for a newer app: it is refused (the person keeps their data) rather than
/// misread.
///
/// - 1: the first format.
/// - 2: phones may be national short numbers (`110`), which an app that knows only
///   format 1 would refuse as malformed.
/// - 3: an answer may put the person in a country (`Choice::country`), a field an app
///   of format 2 would refuse as unknown.
/// - 4: a question may be about the relative the person asks for
///   (`Question::about_relative`), a field an app of format 3 would refuse as unknown.
/// - 5: a condition may test the country of a place answer (`Condition::PlaceIn`); an
///   entry may carry structured sources, each dated and naming the facts it supports
///   (`Entry::sources`), and the institution it is part of (`Entry::part_of`); the data
///   may include the centre's own file (`centre.json`). An app of format 4 would refuse
///   each as unknown.
///
/// - 5: an outcome may link to a page or another flow (`Outcome::links`: the
///   assessment's fraud outcome leads to `/oferta`), a field an app of format 4 would
///   refuse as unknown in `assessment.json`. (Flows other than the assessment,
///   `flow-<id>.json`, need no format: older apps never read them.)
///
/// The staff's tool writes the oldest format the data needs ([`format_for`]), so that
/// apps not yet updated keep taking every publication that does not use a newer thing.
pub const SCHEMA_VERSION: u32 = 5;

/// The oldest format that carries the content as it is: 5 once a condition tests a
/// place's country or an entry has structured sources or names the institution it is
/// part of, 4 once a question is about a
/// relative, 3 once an answer names a country, 2 once a phone is a national short
/// number, else 1.
pub fn format_for(
    flow: &crate::core::assessment::flow::Flow,
    directory: &crate::core::directory::entry::Directory,
) -> u32 {
    let short = |number: &str| crate::core::directory::links::is_short_number(number);
    let placing = |q: &crate::core::assessment::flow::Question| q.options.iter().any(|o| o.country.is_some());
    if uses_place_in(flow)
        || flow.outcomes.iter().any(|o| !o.links.is_empty())
        || directory
            .entries
            .iter()
            .any(|e| !e.sources.is_empty() || e.part_of.is_some())
    {
        5
    } else if flow.questions.iter().any(|q| q.about_relative) {
        4
    } else if flow.questions.iter().any(placing) {
        3
    } else if directory
        .entries
        .iter()
        .any(|e| e.phones.iter().any(|p| short(&p.number)))
    {
        2
    } else {
        1
    }
}

/// Whether any `show_if` or `applies_if` tests the country of a place answer.
fn uses_place_in(flow: &crate::core::assessment::flow::Flow) -> bool {
    use crate::core::assessment::condition::Condition;
    fn has(c: &Condition) -> bool {
        match c {
            Condition::PlaceIn { .. } => true,
            Condition::All(parts) | Condition::Any(parts) => parts.iter().any(has),
            Condition::Not(inner) => has(inner),
            _ => false,
        }
    }
    flow.questions.iter().filter_map(|q| q.show_if.as_ref()).any(has)
        || flow.outcomes.iter().filter_map(|o| o.applies_if.as_ref()).any(has)
}

/// The largest data file a manifest may list, whatever the network: the real files are
/// well under 1 MB. A manifest listing a larger one is refused before anything is
/// downloaded, so a host cannot make phones fetch (and pay for) a huge file.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// The most files a manifest may list (the app reads two).
pub const MAX_FILES: usize = 16;

/// The largest manifest read: a few hundred bytes in practice.
pub const MAX_MANIFEST_BYTES: u64 = 64 * 1024;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub schema_version: u32,
    /// Increases with every publication; the app takes a manifest only if it is higher
    /// than the one it has.
    pub content_version: u64,
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    pub files: Vec<FileEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileEntry {
    /// File name beside the manifest, e.g. `directory.json`.
    pub name: String,
    /// Lowercase hex SHA-256 of the file's bytes.
    pub sha256: String,
    pub bytes: u64,
}

impl Manifest {
    /// Whether a copy said to be saved at `saved_ms` (the device's clock) must have been
    /// saved on a wrong clock: more than a day before this version was published, or
    /// more than a day after `now_ms` (a clock set ahead, since put right). A tablet whose
    /// clock reset to 1970 would otherwise say the centre's information was saved then,
    /// one set a year ahead that it was saved next year; the publication date is what
    /// tells its age.
    pub fn saved_on_a_wrong_clock(&self, saved_ms: f64, now_ms: f64) -> bool {
        let day = |ms: f64| (ms / 86_400_000.0).floor() as i64;
        let saved = day(saved_ms);
        let before_publication = days_since_epoch(&self.date).is_some_and(|published| saved < published - 1);
        before_publication || saved > day(now_ms) + 1
    }

    pub const FILE: &'static str = "manifest.json";

    /// Reads a manifest with serde_json, for the staff's tool and the tests.
    pub fn from_json(bytes: &[u8]) -> Result<Manifest, Problem> {
        Self::read(&crate::core::json::SerdeJson, bytes)
    }

    /// Reads a manifest with `json` and refuses one written for a newer app, or one
    /// listing more than [`MAX_FILES`] files or a file over [`MAX_FILE_BYTES`].
    pub fn read(json: &impl ReadJson, bytes: &[u8]) -> Result<Manifest, Problem> {
        if bytes.len() as u64 > MAX_MANIFEST_BYTES {
            return Err(Problem::new(
                Self::FILE,
                "el manifiesto es demasiado grande: se rechaza",
                "the manifest is too large: refused",
            ));
        }
        crate::core::json::check_depth(Self::FILE, bytes)?;
        let manifest: Manifest = json.read(Self::FILE, bytes)?;
        if manifest.files.len() > MAX_FILES {
            return Err(Problem::new(
                format!("{}: files", Self::FILE),
                &format!("el manifiesto lista más de {MAX_FILES} archivos: se rechaza"),
                &format!("the manifest lists more than {MAX_FILES} files: refused"),
            ));
        }
        if let Some(huge) = manifest.files.iter().find(|f| f.bytes > MAX_FILE_BYTES) {
            return Err(Problem::new(
                format!("{}: files ({})", Self::FILE, huge.name),
                &format!(
                    "el archivo dice pesar {} bytes, más que el límite de {MAX_FILE_BYTES}: se rechaza sin descargarlo",
                    huge.bytes
                ),
                &format!(
                    "the file is said to weigh {} bytes, over the limit of {MAX_FILE_BYTES}: refused without downloading it",
                    huge.bytes
                ),
            ));
        }
        if manifest.schema_version > SCHEMA_VERSION {
            return Err(Problem::new(
                format!("{}: schema_version", Self::FILE),
                &format!(
                    "los datos son para una versión más nueva de Rumbo (formato {}); actualice la aplicación",
                    manifest.schema_version
                ),
                &format!(
                    "the data is for a newer version of Rumbo (format {}); update the app",
                    manifest.schema_version
                ),
            ));
        }
        Ok(manifest)
    }

    pub fn file(&self, name: &str) -> Option<&FileEntry> {
        self.files.iter().find(|f| f.name == name)
    }

    /// A manifest describing `files` (name and bytes), in the first format: the staff's
    /// tool raises `schema_version` to what the data needs ([`format_for`]).
    pub fn describe(content_version: u64, date: &str, files: &[(&str, &[u8])]) -> Manifest {
        Manifest {
            schema_version: 1,
            content_version,
            date: date.to_string(),
            files: files
                .iter()
                .map(|(name, bytes)| FileEntry {
                    name: name.to_string(),
                    sha256: sha256_hex(bytes),
                    bytes: bytes.len() as u64,
                })
                .collect(),
        }
    }
}

impl FileEntry {
    /// Checks downloaded bytes against the manifest: size first (a cut download), then
    /// the hash (an altered or mixed-up file).
    pub fn check(&self, bytes: &[u8]) -> Result<(), Problem> {
        if bytes.len() as u64 != self.bytes {
            return Err(Problem::new(
                &self.name,
                &format!(
                    "el archivo llegó incompleto o cambiado: {} bytes en lugar de {}",
                    bytes.len(),
                    self.bytes
                ),
                &format!(
                    "the file arrived cut or changed: {} bytes instead of {}",
                    bytes.len(),
                    self.bytes
                ),
            ));
        }
        if sha256_hex(bytes) != self.sha256 {
            return Err(Problem::new(
                &self.name,
                "el archivo no coincide con su huella SHA-256: se rechaza",
                "the file does not match its SHA-256 fingerprint: refused",
            ));
        }
        Ok(())
    }
}

/// Days from 1970-01-01 to a `YYYY-MM-DD` date (proleptic Gregorian), `None` if it is
/// not one.
fn days_since_epoch(ymd: &str) -> Option<i64> {
    let mut parts = ymd.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    if parts.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_must_match_its_size_and_hash() {
        let manifest = Manifest::describe(7, "2026-11-24", &[("directory.json", b"{\"entries\":[]}")]);
        let entry = manifest.file("directory.json").unwrap();
        assert!(entry.check(b"{\"entries\":[]}").is_ok());
        let cut = entry.check(b"{\"entries\":[").unwrap_err();
        assert!(cut.message.get_code("en").contains("cut"));
        let altered = entry.check(b"{\"entriez\":[]}").unwrap_err();
        assert!(altered.message.get_code("en").contains("SHA-256"));
    }

    #[test]
    fn a_manifest_listing_a_huge_file_or_too_many_is_refused() {
        let mut manifest = Manifest::describe(3, "2026-11-24", &[("a.json", b"[]")]);
        manifest.files[0].bytes = 500 * 1024 * 1024;
        let problem = Manifest::from_json(&serde_json::to_vec(&manifest).unwrap()).unwrap_err();
        assert!(
            problem.message.get_code("en").contains("without downloading"),
            "{problem}"
        );
        manifest.files[0].bytes = MAX_FILE_BYTES;
        assert!(Manifest::from_json(&serde_json::to_vec(&manifest).unwrap()).is_ok());
        manifest.files = vec![manifest.files[0].clone(); MAX_FILES + 1];
        assert!(Manifest::from_json(&serde_json::to_vec(&manifest).unwrap()).is_err());
    }

    #[test]
    fn a_manifest_round_trips_and_a_newer_schema_is_refused() {
        let manifest = Manifest::describe(3, "2026-11-24", &[("a.json", b"[]")]);
        let json = serde_json::to_vec(&manifest).unwrap();
        assert_eq!(Manifest::from_json(&json).unwrap(), manifest);
        let mut future = manifest.clone();
        future.schema_version = SCHEMA_VERSION + 1;
        let problem = Manifest::from_json(&serde_json::to_vec(&future).unwrap()).unwrap_err();
        assert!(problem.message.get_code("en").contains("newer version"));
    }

    #[test]
    fn the_format_is_the_oldest_the_data_needs_and_this_app_reads_it() {
        use crate::core::assessment::flow::Flow;
        use crate::core::directory::entry::Directory;
        let with_phone = |number: &str| {
            Directory::from_json(
                format!(
                    r#"{{"entries":[{{"id":"linea-ficticia","name":{{"es":"Línea Ficticia","en":"Fictitious Line"}},"kind":"hotline",
                    "address":{{"country":"GT"}},"phones":[{{"number":"{number}"}}],"verified_on":"2026-01-01","source":"x"}}]}}"#
                )
                .as_bytes(),
            )
            .unwrap()
        };
        let flow = Flow::from_json(crate::core::assessment::flow::tests::TEST_FLOW.as_bytes()).unwrap();
        assert_eq!(
            format_for(&flow, &with_phone("+15550100123")),
            1,
            "apps of format 1 keep taking it"
        );
        assert_eq!(format_for(&flow, &with_phone("555")), 2);
        let mut placing = flow.clone();
        placing.questions[0].options[0].country = Some("GT".into());
        assert_eq!(format_for(&placing, &with_phone("+15550100123")), 3);
        assert_eq!(format_for(&placing, &with_phone("555")), 3);
        let mut asking_for_a_relative = placing.clone();
        asking_for_a_relative.questions[0].about_relative = true;
        assert_eq!(format_for(&asking_for_a_relative, &with_phone("555")), 4);
        let mut by_country = asking_for_a_relative.clone();
        by_country.outcomes[2].applies_if =
            Some(serde_json::from_str(r#"{"not":{"place_in":{"question":"home","countries":["MX"]}}}"#).unwrap());
        assert_eq!(format_for(&by_country, &with_phone("555")), 5);
        // Structured sources: an app of format 4 would refuse the unknown field, so it is
        // told the data needs a newer app instead of calling the data damaged.
        let mut sourced = with_phone("555");
        sourced.entries[0].sources.push(
            serde_json::from_str(
                r#"{"title":"Ficticio","publisher":"Ficticia","date":"2026","tier":"official","supports":["phones"]}"#,
            )
            .unwrap(),
        );
        assert_eq!(format_for(&flow, &sourced), 5);
        let mut linking = asking_for_a_relative.clone();
        linking.outcomes[0].links.push(crate::core::assessment::flow::Source {
            title: crate::core::text::lang::Text::default(),
            url: "/oferta".into(),
        });
        assert_eq!(format_for(&linking, &with_phone("555")), 5);
        for format in 1..=SCHEMA_VERSION {
            let mut manifest = Manifest::describe(3, "2026-11-24", &[("a.json", b"[]")]);
            manifest.schema_version = format;
            assert!(Manifest::from_json(&serde_json::to_vec(&manifest).unwrap()).is_ok());
        }
    }

    #[test]
    fn a_copy_saved_long_before_its_publication_was_saved_on_a_wrong_clock() {
        assert_eq!(days_since_epoch("1970-01-01"), Some(0));
        assert_eq!(days_since_epoch("2026-11-26"), Some(20_783));
        assert_eq!(days_since_epoch("2000-03-01"), Some(11_017));
        assert_eq!(days_since_epoch("2026-13-01"), None);
        let manifest = Manifest {
            schema_version: 1,
            content_version: 3,
            date: "2026-11-26".into(),
            files: vec![],
        };
        let day = 86_400_000.0;
        let now = 20_900.0 * day;
        assert!(manifest.saved_on_a_wrong_clock(0.0, now), "a clock reset to 1970");
        assert!(
            !manifest.saved_on_a_wrong_clock(20_783.0 * day + 3_600_000.0, now),
            "the day it was published"
        );
        assert!(
            !manifest.saved_on_a_wrong_clock(20_782.0 * day, now),
            "a day behind, by time zone"
        );
        assert!(!manifest.saved_on_a_wrong_clock(now, now), "months later, today");
        assert!(
            !manifest.saved_on_a_wrong_clock(now + day, now),
            "a day ahead, by time zone"
        );
        assert!(
            manifest.saved_on_a_wrong_clock(now + 300.0 * day, now),
            "saved on a clock set ahead, since put right"
        );
    }
}
