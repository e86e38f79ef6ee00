//! The content as one checked whole: the manifest, the directory and the assessment
//! flow, read through a single gate that every user of the data shares (the app when
//! new data arrives, the staff's tool, the host tests): each file must match the
//! manifest's size and SHA-256, parse, and pass the validator; any problem refuses the
//! whole.

pub mod condition_check;
pub mod manifest;
pub mod signature;
pub mod update;
pub mod validate;

use crate::core::assessment::flow::{ASSESSMENT_ID, Flow};
use crate::core::content::manifest::Manifest;
use crate::core::content::validate::{validate, validate_flow, validate_flow_links};
use crate::core::directory::centre::Centre;
use crate::core::directory::entry::Directory;
use crate::core::json::ReadJson;
use crate::core::problem::Problem;

#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    pub manifest: Manifest,
    /// The directory, with the centre's own file read into the centre's entry.
    pub directory: Directory,
    /// The self-assessment (`assessment.json`), which every publication has.
    pub flow: Flow,
    /// The centre's deployment file, when the manifest lists one.
    pub centre: Option<Centre>,
    /// Every other flow the manifest lists (`flow-<id>.json`: the offer check), in the
    /// manifest's order.
    pub flows: Vec<Flow>,
}

impl Content {
    /// The flow whose page is `/<id>`, the assessment included.
    pub fn flow_by_id(&self, id: &str) -> Option<&Flow> {
        if id == self.flow.id {
            return Some(&self.flow);
        }
        self.flows.iter().find(|f| f.id == id)
    }

    /// Every flow, the assessment first.
    pub fn all_flows(&self) -> impl Iterator<Item = &Flow> {
        std::iter::once(&self.flow).chain(&self.flows)
    }
}

impl Content {
    /// Reads the content with `json` from the manifest's bytes and a way to get each
    /// file's bytes by name. Returns every problem found, not just the first.
    pub fn from_files(
        json: &impl ReadJson,
        manifest_bytes: &[u8],
        file: impl Fn(&str) -> Option<Vec<u8>>,
        today: &str,
    ) -> Result<Content, Vec<Problem>> {
        let manifest = Manifest::read(json, manifest_bytes).map_err(|p| vec![p])?;
        let mut problems = Vec::new();
        let mut read = |name: &str| -> Option<Vec<u8>> {
            let Some(entry) = manifest.file(name) else {
                problems.push(Problem::new(
                    Manifest::FILE,
                    &format!("el manifiesto no incluye «{name}»"),
                    &format!("the manifest does not list «{name}»"),
                ));
                return None;
            };
            let Some(bytes) = file(name) else {
                problems.push(Problem::new(name, "falta el archivo", "the file is missing"));
                return None;
            };
            match entry.check(&bytes) {
                Ok(()) => Some(bytes),
                Err(problem) => {
                    problems.push(problem);
                    None
                }
            }
        };
        let directory_bytes = read(Directory::FILE);
        let flow_bytes = read(Flow::FILE);
        // The centre's file is optional: read only when the manifest lists it.
        let centre_bytes = manifest
            .file(Centre::FILE)
            .is_some()
            .then(|| read(Centre::FILE))
            .flatten();
        // Every other flow the manifest lists, by its file's name.
        let others: Vec<(String, String)> = manifest
            .files
            .iter()
            .filter(|f| f.name != Flow::FILE)
            .filter_map(|f| Some((f.name.clone(), Flow::id_of_file(&f.name)?.to_string())))
            .collect();
        let other_bytes: Vec<(String, &str, Option<Vec<u8>>)> = others
            .iter()
            .map(|(name, id)| (name.clone(), id.as_str(), read(name)))
            .collect();
        // Depth first: a file nested too deep would overflow the reader's stack.
        let mut parse = |name: &str, bytes: Option<Vec<u8>>| {
            let bytes = bytes?;
            crate::core::json::check_depth(name, &bytes)
                .map_err(|p| problems.push(p))
                .ok()?;
            Some(bytes)
        };
        let directory_bytes = parse(Directory::FILE, directory_bytes);
        let flow_bytes = parse(Flow::FILE, flow_bytes);
        let centre_bytes = parse(Centre::FILE, centre_bytes);
        let other_bytes: Vec<(String, &str, Option<Vec<u8>>)> = other_bytes
            .into_iter()
            .map(|(name, id, bytes)| {
                let bytes = parse(&name, bytes);
                (name, id, bytes)
            })
            .collect();
        let directory: Option<Directory> =
            directory_bytes.and_then(|b| json.read(Directory::FILE, &b).map_err(|p| problems.push(p)).ok());
        let centre: Option<Centre> =
            centre_bytes.and_then(|b| json.read(Centre::FILE, &b).map_err(|p| problems.push(p)).ok());
        let mut parse_flow = |name: &str, id: &str, bytes: Option<Vec<u8>>| -> Option<Flow> {
            let mut flow: Flow = json.read(name, &bytes?).map_err(|p| problems.push(p)).ok()?;
            flow.id = id.to_string();
            Some(flow)
        };
        let flow = parse_flow(Flow::FILE, ASSESSMENT_ID, flow_bytes);
        let flows: Vec<Flow> = other_bytes
            .into_iter()
            .filter_map(|(name, id, bytes)| parse_flow(&name, id, bytes))
            .collect();
        let flows_whole = flows.len() == others.len();
        match (directory, flow) {
            (Some(mut directory), Some(flow)) if problems.is_empty() && flows_whole => {
                let mut problems = Vec::new();
                if let Some(centre) = &centre {
                    if directory.entry(&centre.entry).is_none() {
                        problems.push(Problem::new(
                            format!("{}: entry", Centre::FILE),
                            &format!("no hay un contacto con el id «{}» en el directorio", centre.entry),
                            &format!("there is no entry with the id «{}» in the directory", centre.entry),
                        ));
                    }
                    centre.apply(&mut directory);
                }
                problems.extend(validate(&directory, &flow, today));
                for other in &flows {
                    problems.extend(validate_flow(other, &directory, today));
                }
                let ids: Vec<&str> = std::iter::once(&flow).chain(&flows).map(|f| f.id.as_str()).collect();
                for f in std::iter::once(&flow).chain(&flows) {
                    problems.extend(validate_flow_links(f, &ids));
                }
                if problems.is_empty() {
                    Ok(Content {
                        manifest,
                        directory,
                        flow,
                        centre,
                        flows,
                    })
                } else {
                    Err(problems)
                }
            }
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::flow::tests::TEST_FLOW;
    use crate::core::json::SerdeJson;
    use std::collections::BTreeMap;

    const DIRECTORY: &str = r#"{"entries":[{"id":"centro-ficticio","name":{"es":"Centro Ficticio","en":"Fictitious Centre"},
        "kind":"resource_centre","address":{"country":"GT"},"verified_on":"2026-01-01","source":"https://example.org/ficticio"}]}"#;

    fn files() -> BTreeMap<&'static str, Vec<u8>> {
        let flow = TEST_FLOW.replace(
            r#""sources":[]"#,
            r#""sources":[{"title":{"es":"F","en":"S"},"url":"https://ficticio.example"}]"#,
        );
        BTreeMap::from([
            (Directory::FILE, DIRECTORY.as_bytes().to_vec()),
            (Flow::FILE, flow.into_bytes()),
        ])
    }

    fn manifest_for(files: &BTreeMap<&'static str, Vec<u8>>) -> Vec<u8> {
        let list: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
        serde_json::to_vec(&Manifest::describe(1, "2026-11-24", &list)).unwrap()
    }

    /// The content read as the staff's tool reads it: a manifest describing `listed`,
    /// the files as `served`.
    fn read(
        listed: &BTreeMap<&'static str, Vec<u8>>,
        served: &BTreeMap<&'static str, Vec<u8>>,
    ) -> Result<Content, Vec<Problem>> {
        Content::from_files(
            &SerdeJson,
            &manifest_for(listed),
            |n| served.get(n).cloned(),
            "2026-11-24",
        )
    }

    #[test]
    fn whole_and_matching_files_give_the_content() {
        let files = files();
        let content = read(&files, &files).unwrap();
        assert_eq!(content.directory.entries.len(), 1);
        assert_eq!(content.flow.version, 1);
    }

    #[test]
    fn every_problem_is_reported_and_nothing_is_returned() {
        let files = files();
        let mut served = files.clone();
        served.insert(Directory::FILE, b"{\"entries\":[".to_vec()); // cut
        served.remove(Flow::FILE); // missing
        let problems = read(&files, &served).unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].path.starts_with(Directory::FILE));
        assert!(problems[1].path.starts_with(Flow::FILE));
    }

    #[test]
    fn content_that_breaks_a_rule_is_refused() {
        let mut files = files();
        let bad = DIRECTORY
            .replace("https://example.org/ficticio", "javascript:alert(1)")
            .replace("\"source\"", "\"website\":\"javascript:alert(1)\",\"source\"");
        files.insert(Directory::FILE, bad.into_bytes());
        let problems = read(&files, &files).unwrap_err();
        assert!(problems.iter().any(|p| p.path.ends_with(".website")), "{problems:?}");
    }

    #[test]
    fn a_condition_nested_fifty_thousand_deep_is_refused_not_overflowing() {
        let mut files = files();
        let deep = format!(
            "{}{}{}",
            r#"{"not":"#.repeat(50_000),
            r#"{"answered":"age"}"#,
            "}".repeat(50_000)
        );
        let flow = String::from_utf8(files[Flow::FILE].clone()).unwrap().replacen(
            r#""questions": ["#,
            &format!(r#""questions": [{{"show_if":{deep}}},"#),
            1,
        );
        assert!(flow.len() > 350_000);
        files.insert(Flow::FILE, flow.into_bytes());
        let problems = read(&files, &files).unwrap_err();
        assert!(
            problems[0].message.get_code("en").contains("nests deeper"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_file_the_manifest_does_not_list_is_a_problem() {
        let files = files();
        let only_directory = BTreeMap::from([(Directory::FILE, files[Directory::FILE].clone())]);
        let problems = read(&only_directory, &files).unwrap_err();
        assert!(problems[0].message.get_code("en").contains("does not list"));
    }
}
