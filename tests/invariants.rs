//! Promises the advice keeps for every person, checked on every path of the flow (every
//! option, the bounds of numbers, none/each/all of a multiple choice, and a place in every
//! country a person can pick). The checks take a `&Flow` and a `&Directory` and a
//! [`Policy`] naming the data's questions and tags, so a future flow is held to them too.
//! Each failure names the path: the answers a person would have given.
//!
//! The last module walks the personas of issue #24, one per fault it found.

use rumbo::core::assessment::answers::{Answer, Answers};
use rumbo::core::assessment::condition::Condition;
use rumbo::core::assessment::contacts::{Contact, Here, contacts_for};
use rumbo::core::assessment::engine::{every_path, next_question, outcomes, relevant_answers};
use rumbo::core::assessment::flow::{Flow, QuestionKind};
use rumbo::core::content::validate::{stated_minimum_age, under_age_options};
use rumbo::core::directory::entry::{Directory, Entry, Kind, Status};
use rumbo::core::directory::links::is_short_number;
use rumbo::core::directory::serving::{Coverage, HOME, can_serve, coverage};
use rumbo::core::text::lang::Lang;
use std::path::Path;
use std::sync::OnceLock;

/// What the checks need to know of a flow and its directory.
pub struct Policy {
    /// The question and the answers that mean the person may be in danger.
    pub danger: (&'static str, &'static [&'static str]),
    /// The outcome a person who may be in danger sees first.
    pub protection: &'static str,
    /// The tag of the lines to call in an emergency, and of consulates.
    pub emergency_tag: &'static str,
    pub consular_tag: &'static str,
    /// Where no emergency line is sourced for a country, the words of the general rule the
    /// first outcome must say instead, by language.
    pub general_rule: &'static [(&'static str, &'static str)],
    /// The option meaning "prefer not to say", and the cautious answer it is read as.
    pub prefer_not: &'static str,
    pub cautious: &'static str,
    /// Outcomes their sources restrict to a group: shown only when the condition holds.
    pub restrictions: Vec<(&'static str, Condition, &'static str)>,
    /// Directory tags meant for a group: offered only when the condition holds.
    pub groups: Vec<(&'static str, Condition)>,
}

fn condition(json: &str) -> Condition {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

/// The shipped data's policy: which sources restrict which outcome.
fn shipped_policy() -> Policy {
    let minor = r#"{"equals":{"question":"age","option":"under_18"}}"#;
    let adult = format!(r#"{{"not":{minor}}}"#);
    Policy {
        danger: ("danger", &["yes", "prefer_not"]),
        protection: "protection",
        emergency_tag: "emergency",
        consular_tag: "consular",
        general_rule: &[
            (
                "es",
                "llame al número de emergencias local y después al consulado de Guatemala",
            ),
            (
                "en",
                "call the local emergency number and then the Guatemalan consulate",
            ),
        ],
        prefer_not: "prefer_not",
        cautious: "yes",
        restrictions: vec![
            (
                "temporary_work_abroad",
                condition(&format!(
                    r#"{{"all":[{adult},{{"not":{{"equals":{{"question":"situation","option":"returned"}}}}}},
                       {{"not":{{"one_of":{{"question":"irregular_history","options":["yes","prefer_not"]}}}}}}]}}"#
                )),
                "Mintrab (Prensa Libre, Publinews 2025): adults, no irregular migration history; the US takes no returnees or deportees",
            ),
            ("temporary_work_history", condition(&adult), "Mintrab: adults only"),
            (
                "get_documents",
                condition(&adult),
                "RENAP: the DPI before the passport is an adult's path; minors need other papers (IGM)",
            ),
            (
                "reintegration",
                condition(&adult),
                "the returnee services listed are adults'; children's are the PGN's and SBS's",
            ),
            (
                "returned_minor",
                condition(&format!(
                    r#"{{"all":[{{"equals":{{"question":"situation","option":"returned"}}}},{minor}]}}"#
                )),
                "SBS and PGN: children returned",
            ),
            ("children_protection", condition(minor), "PGN: children and teenagers"),
            ("minors_work_and_study", condition(minor), "under 18"),
            (
                "options_in_mexico",
                condition(r#"{"place_in":{"question":"abroad_place","countries":["MX"]}}"#),
                "INM, COMAR: permits and asylum in Mexico",
            ),
        ],
        groups: vec![
            (
                "children-returned",
                condition(&format!(
                    r#"{{"all":[{{"equals":{{"question":"situation","option":"returned"}}}},{minor}]}}"#
                )),
            ),
            ("children", condition(minor)),
        ],
    }
}

fn shipped_flow() -> Flow {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/assessment.json");
    Flow::from_json(&std::fs::read(path).unwrap()).unwrap()
}

fn shipped_directory() -> Directory {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/directory.json");
    Directory::from_json(&std::fs::read(path).unwrap()).unwrap()
}

/// The shipped data and its paths, walked once for all the tests of this file.
fn shipped() -> &'static (Flow, Directory, Vec<Answers>) {
    static SHIPPED: OnceLock<(Flow, Directory, Vec<Answers>)> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let flow = shipped_flow();
        let paths = every_path(&flow);
        (flow, shipped_directory(), paths)
    })
}

/// A path as the person answered it: `situation=returned, age=under_18, …`.
fn describe(flow: &Flow, answers: &Answers) -> String {
    flow.questions
        .iter()
        .filter_map(|q| {
            let answer = answers.get(&q.id)?;
            let said = match answer {
                Answer::Choice(id) => id.clone(),
                Answer::Choices(ids) => format!("[{}]", ids.iter().cloned().collect::<Vec<_>>().join(" ")),
                Answer::Number(n) => n.to_string(),
                Answer::Place { country, region } => format!("{country}/{}", region.as_deref().unwrap_or("-")),
            };
            Some(format!("{}={said}", q.id))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn tagged(entry: &Entry, tag: &str) -> bool {
    entry.tags.iter().any(|t| t == tag)
}

fn ids(flow: &Flow, answers: &Answers) -> Vec<String> {
    outcomes(flow, answers).iter().map(|s| s.outcome.id.clone()).collect()
}

/// The contacts of every outcome shown on a path, by outcome.
fn contacts_shown<'a>(flow: &'a Flow, directory: &'a Directory, answers: &Answers) -> Vec<(&'a str, Vec<Contact<'a>>)> {
    let here = Here::of(flow, directory, answers);
    outcomes(flow, answers)
        .iter()
        .map(|s| {
            let outcome = s.outcome;
            (
                outcome.id.as_str(),
                contacts_for(outcome, directory, here.as_ref(), Lang::Es),
            )
        })
        .collect()
}

fn report(failures: Vec<String>) {
    if !failures.is_empty() {
        let shown: Vec<&String> = failures.iter().take(15).collect();
        panic!(
            "{} path(s) break the promise; the first:\n{}",
            failures.len(),
            shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n")
        );
    }
}

/// Anyone who may be in danger sees protection first, and under it a line to call in an
/// emergency valid in the country they are in; where none is sourced for that country,
/// the first option says to call the local emergency number and the consulate, and offers
/// a consular contact.
pub fn danger_first_with_a_line_for_the_country(
    flow: &Flow,
    directory: &Directory,
    paths: &[Answers],
    policy: &Policy,
) -> Vec<String> {
    let (question, options) = policy.danger;
    let mut failures = Vec::new();
    for answers in paths {
        let in_danger = matches!(answers.get(question), Some(Answer::Choice(c)) if options.contains(&c.as_str()));
        if !in_danger {
            continue;
        }
        let path = describe(flow, answers);
        let shown = outcomes(flow, answers);
        if shown.first().map(|s| s.outcome.id.as_str()) != Some(policy.protection) {
            failures.push(format!("{path}: {} is not first", policy.protection));
            continue;
        }
        let Some(here) = Here::of(flow, directory, answers).filter(|h| !h.is_relative()) else {
            continue;
        };
        let first = shown[0].outcome;
        let contacts = contacts_for(first, directory, Some(&here), Lang::Es);
        let sourced = directory.entries.iter().any(|e| {
            e.status != Status::Defunct
                && tagged(e, policy.emergency_tag)
                && can_serve(e, here.country(), here.region())
        });
        if sourced {
            if !contacts.iter().any(|c| tagged(c.entry, policy.emergency_tag)) {
                failures.push(format!(
                    "{path}: no emergency line for {} under {}",
                    here.country(),
                    first.id
                ));
            }
        } else {
            for (lang, words) in policy.general_rule {
                if !first.steps.iter().any(|s| s.get_code(lang).contains(words)) {
                    failures.push(format!("{path}: no line for {} and no «{words}»", here.country()));
                }
            }
            if !contacts.iter().any(|c| tagged(c.entry, policy.consular_tag)) {
                failures.push(format!("{path}: no consular contact where no emergency line is known"));
            }
        }
    }
    failures
}

/// No outcome is shown outside the group its sources restrict it to: those the policy
/// names, and every outcome whose requirements state a minimum age, to anyone who answered
/// a younger age.
pub fn restricted_outcomes_stay_in_their_group(flow: &Flow, paths: &[Answers], policy: &Policy) -> Vec<String> {
    let young = under_age_options(flow);
    let mut failures = Vec::new();
    for answers in paths {
        let answers = relevant_answers(flow, answers);
        for shown in outcomes(flow, &answers) {
            let outcome = shown.outcome;
            for (id, only_if, why) in &policy.restrictions {
                if outcome.id == *id && !only_if.eval(&answers) {
                    failures.push(format!(
                        "{}: {id} shown outside its group ({why})",
                        describe(flow, &answers)
                    ));
                }
            }
            let minimum = outcome.requirements.iter().filter_map(stated_minimum_age).max();
            for (question, option, below) in &young {
                let said = matches!(answers.get(question), Some(Answer::Choice(c)) if c == option);
                if let Some(age) = minimum
                    && said
                    && *below <= age
                {
                    failures.push(format!(
                        "{}: {} asks for {age} or older",
                        describe(flow, &answers),
                        outcome.id
                    ));
                }
            }
        }
    }
    failures
}

/// A contact meant for a group (children, children returned alone) is offered under no
/// outcome to someone outside it.
pub fn group_contacts_stay_in_their_group(
    flow: &Flow,
    directory: &Directory,
    paths: &[Answers],
    policy: &Policy,
) -> Vec<String> {
    let mut failures = Vec::new();
    for answers in paths {
        for (outcome, contacts) in contacts_shown(flow, directory, answers) {
            for contact in contacts {
                for (tag, only_if) in &policy.groups {
                    if tagged(contact.entry, tag) && !only_if.eval(answers) {
                        failures.push(format!(
                            "{}: {} (for «{tag}») offered under {outcome}",
                            describe(flow, answers),
                            contact.entry.id
                        ));
                    }
                }
            }
        }
    }
    failures
}

/// Every contact listed serves the person's place, is national to where they are (or,
/// with no region given, names the region it serves), is one of Guatemala's own that can
/// be reached from abroad, or is marked with its distance; for a relative's place, what
/// is in the relative's country, and what serves Guatemala for the person asking.
pub fn contacts_serve_the_place(flow: &Flow, directory: &Directory, paths: &[Answers]) -> Vec<String> {
    let reachable_from_afar =
        |e: &Entry| e.website.is_some() || e.email.is_some() || e.phones.iter().any(|p| !is_short_number(&p.number));
    let mut failures = Vec::new();
    for answers in paths {
        let Some(here) = Here::of(flow, directory, answers) else {
            continue;
        };
        let country = here.country();
        for (outcome, contacts) in contacts_shown(flow, directory, answers) {
            for c in contacts {
                let e = c.entry;
                let in_country = e.address.country.eq_ignore_ascii_case(country);
                let national = in_country
                    && (e.service_area.is_empty() || coverage(e, country, None) == Some(Coverage::WholeCountry));
                let names_its_region = here.region().is_none()
                    && e.service_area
                        .iter()
                        .any(|a| a.country.eq_ignore_ascii_case(country) && a.region.is_some());
                let guatemalas_own = e.address.country == HOME
                    && e.service_area.is_empty()
                    && (country == HOME || reachable_from_afar(e));
                // For a relative's place no distance is given (the person asking is
                // elsewhere): what is in the relative's country is ordered by distance.
                let for_the_asker = here.is_relative() && (in_country || can_serve(e, HOME, None));
                if !(c.serves
                    || c.near
                    || c.km.is_some()
                    || national
                    || names_its_region
                    || guatemalas_own
                    || for_the_asker)
                {
                    failures.push(format!(
                        "{}: {} under {outcome} neither serves {country} nor says how far it is",
                        describe(flow, answers),
                        e.id
                    ));
                }
            }
        }
    }
    failures
}

/// "Prefer not to say" is read everywhere as the cautious answer: the same questions
/// follow and the same options are shown, so help shown to one is never hidden from the
/// other.
pub fn prefer_not_is_read_as_the_cautious_answer(flow: &Flow, paths: &[Answers], policy: &Policy) -> Vec<String> {
    let mut failures = Vec::new();
    for q in flow.questions.iter().filter(|q| q.option(policy.prefer_not).is_some()) {
        if q.kind != QuestionKind::SingleChoice || q.option(policy.cautious).is_none() {
            failures.push(format!(
                "{}: «{}» has no «{}» to be read as",
                q.id, policy.prefer_not, policy.cautious
            ));
        }
    }
    for answers in paths {
        for q in &flow.questions {
            if answers.get(&q.id) != Some(&Answer::Choice(policy.prefer_not.into())) {
                continue;
            }
            let mut cautious = answers.clone();
            cautious.set(&q.id, Answer::Choice(policy.cautious.into()));
            let path = describe(flow, answers);
            if let Some(next) = next_question(flow, &cautious) {
                failures.push(format!(
                    "{path}: «{}» asks {} where «{}» does not",
                    policy.cautious, next.id, policy.prefer_not
                ));
            } else if ids(flow, answers) != ids(flow, &cautious) {
                failures.push(format!(
                    "{path}: {:?} differs from {:?} for {}={}",
                    ids(flow, answers),
                    ids(flow, &cautious),
                    q.id,
                    policy.cautious
                ));
            }
        }
    }
    failures
}

/// A person asking for a relative is offered, whatever they are looking for, the
/// consulate whose district covers the relative's place first where one does, a
/// consulate in the relative's country where the directory has one, and a consular
/// contact (the Ministry) where it has none.
pub fn a_relative_gets_their_consulate(
    flow: &Flow,
    directory: &Directory,
    paths: &[Answers],
    policy: &Policy,
) -> Vec<String> {
    let mut failures = Vec::new();
    for answers in paths {
        let Some(here) = Here::of(flow, directory, answers).filter(|h| h.is_relative()) else {
            continue;
        };
        let consulate =
            |e: &Entry| e.kind == Kind::Consulate && tagged(e, policy.consular_tag) && e.status != Status::Defunct;
        let able: Vec<&Entry> = directory
            .entries
            .iter()
            .filter(|e| consulate(e) && can_serve(e, here.country(), here.region()))
            .collect();
        let covering = |e: &Entry| coverage(e, here.country(), here.region()).is_some();
        let shown = contacts_shown(flow, directory, answers);
        let path = describe(flow, answers);
        let first_consulates: Vec<&Entry> = shown
            .iter()
            .filter_map(|(_, contacts)| contacts.iter().map(|c| c.entry).find(|e| consulate(e)))
            .collect();
        if !able.is_empty() {
            if first_consulates.is_empty() {
                failures.push(format!("{path}: no consulate offered for {}", here.country()));
            } else if able.iter().any(|e| covering(e)) && !first_consulates.iter().all(|e| covering(e)) {
                failures.push(format!(
                    "{path}: a consulate listed before the one whose district covers the place: {:?}",
                    first_consulates.iter().map(|e| &e.id).collect::<Vec<_>>()
                ));
            }
        } else if !shown
            .iter()
            .any(|(_, contacts)| contacts.iter().any(|c| tagged(c.entry, policy.consular_tag)))
        {
            failures.push(format!("{path}: no consular contact at all"));
        }
    }
    failures
}

#[test]
fn the_paths_cover_every_country_a_person_can_pick() {
    let (_, _, paths) = shipped();
    assert!(paths.len() > 1000, "{}", paths.len());
    for country in rumbo::core::directory::geo::known_countries().chain(["ZZ"]) {
        let placed = paths.iter().any(|a| {
            a.0.values()
                .any(|v| matches!(v, Answer::Place { country: c, .. } if c == country))
        });
        assert!(placed, "no path in {country}");
    }
}

#[test]
fn anyone_who_may_be_in_danger_sees_protection_first_with_a_line_for_their_country() {
    let (flow, directory, paths) = shipped();
    report(danger_first_with_a_line_for_the_country(
        flow,
        directory,
        paths,
        &shipped_policy(),
    ));
}

#[test]
fn no_outcome_is_shown_outside_the_group_its_sources_restrict_it_to() {
    let (flow, _, paths) = shipped();
    report(restricted_outcomes_stay_in_their_group(flow, paths, &shipped_policy()));
}

#[test]
fn no_contact_meant_for_a_group_is_offered_outside_it() {
    let (flow, directory, paths) = shipped();
    report(group_contacts_stay_in_their_group(
        flow,
        directory,
        paths,
        &shipped_policy(),
    ));
}

#[test]
fn every_contact_serves_the_place_or_says_how_far_it_is() {
    let (flow, directory, paths) = shipped();
    report(contacts_serve_the_place(flow, directory, paths));
}

#[test]
fn prefer_not_to_say_is_read_everywhere_as_the_cautious_answer() {
    let (flow, _, paths) = shipped();
    report(prefer_not_is_read_as_the_cautious_answer(
        flow,
        paths,
        &shipped_policy(),
    ));
}

#[test]
fn a_person_asking_for_a_relative_gets_the_relatives_consulate_whatever_they_look_for() {
    let (flow, directory, paths) = shipped();
    report(a_relative_gets_their_consulate(
        flow,
        directory,
        paths,
        &shipped_policy(),
    ));
}

/// The checks catch what they promise to: each is run on a copy of the shipped data broken
/// the way issue #24 found it.
mod the_checks_fail_on_broken_data {
    use super::*;

    /// The shipped paths where `keep` holds: the broken copies change outcomes and
    /// contacts, not questions, so their paths are the shipped ones.
    fn paths_where(keep: impl Fn(&Answers) -> bool) -> Vec<Answers> {
        shipped().2.iter().filter(|a| keep(a)).cloned().collect()
    }

    fn said(answers: &Answers, question: &str, option: &str) -> bool {
        answers.get(question) == Some(&Answer::Choice(option.into()))
    }

    fn in_country(answers: &Answers, code: &str) -> bool {
        answers
            .0
            .values()
            .any(|a| matches!(a, Answer::Place { country, .. } if country == code))
    }

    #[test]
    fn prefer_not_read_as_no() {
        let mut flow = shipped_flow();
        let legal = flow.outcomes.iter_mut().find(|o| o.id == "legal_advice").unwrap();
        legal.applies_if = Some(condition(
            r#"{"equals":{"question":"irregular_history","option":"yes"}}"#,
        ));
        let failures = prefer_not_is_read_as_the_cautious_answer(
            &flow,
            &paths_where(|a| a.is_answered("irregular_history")),
            &shipped_policy(),
        );
        assert!(
            failures.iter().any(|f| f.contains("irregular_history=prefer_not")),
            "{failures:?}"
        );
    }

    #[test]
    fn a_work_programme_offered_to_returnees() {
        let mut flow = shipped_flow();
        let work = flow
            .outcomes
            .iter_mut()
            .find(|o| o.id == "temporary_work_abroad")
            .unwrap();
        work.applies_if = Some(condition(
            r#"{"all":[{"one_of":{"question":"situation","options":["in_guatemala","returned"]}},{"not":{"equals":{"question":"age","option":"under_18"}}},{"equals":{"question":"goal","option":"work"}}]}"#,
        ));
        let failures = restricted_outcomes_stay_in_their_group(
            &flow,
            &paths_where(|a| said(a, "situation", "returned")),
            &shipped_policy(),
        );
        assert!(
            failures.iter().any(|f| f.contains("situation=returned")),
            "{failures:?}"
        );
    }

    #[test]
    fn a_childrens_shelter_for_adults_in_danger_and_no_line_in_spain() {
        let flow = shipped_flow();
        let mut directory = shipped_directory();
        directory.entries.retain(|e| e.id != "linea-112-espana");
        let shelter = directory
            .entries
            .iter_mut()
            .find(|e| e.id == "casa-nuestras-raices-quetzaltenango")
            .unwrap();
        shelter.tags.push("protection".into());
        let paths = paths_where(|a| said(a, "age", "25_40") || in_country(a, "ES"));
        let groups = group_contacts_stay_in_their_group(&flow, &directory, &paths, &shipped_policy());
        assert!(groups.iter().any(|f| f.contains("age=25_40")), "{groups:?}");
        let mut flow = flow;
        let protection = flow.outcomes.iter_mut().find(|o| o.id == "protection").unwrap();
        protection
            .steps
            .retain(|s| !s.get_code("es").contains("número de emergencias local"));
        let danger = danger_first_with_a_line_for_the_country(&flow, &directory, &paths, &shipped_policy());
        assert!(danger.iter().any(|f| f.contains("abroad_place=ES")), "{danger:?}");
    }

    #[test]
    fn no_consulate_for_a_relative_who_asks_about_safety() {
        let mut flow = shipped_flow();
        flow.outcomes.retain(|o| o.id != "relative_detained");
        for outcome in &mut flow.outcomes {
            if outcome.id == "consular_services" {
                outcome.applies_if = Some(condition(
                    r#"{"any":[{"equals":{"question":"situation","option":"abroad"}},{"all":[{"equals":{"question":"situation","option":"for_family"}},{"equals":{"question":"goal","option":"documents"}}]}]}"#,
                ));
            }
            outcome
                .directory_tags
                .retain(|t| t != "consular" || outcome.id == "consular_services");
        }
        let failures = a_relative_gets_their_consulate(
            &flow,
            &shipped_directory(),
            &paths_where(|a| said(a, "situation", "for_family")),
            &shipped_policy(),
        );
        assert!(failures.iter().any(|f| f.contains("goal=safety")), "{failures:?}");
    }

    #[test]
    fn an_office_in_quetzaltenango_offered_in_spain() {
        let flow = shipped_flow();
        let mut directory = shipped_directory();
        let centre = directory
            .entries
            .iter_mut()
            .find(|e| e.id == "centro-recursos-migrantes-quetzaltenango")
            .unwrap();
        centre.service_area.clear();
        centre.location = None;
        let failures = contacts_serve_the_place(&flow, &directory, &paths_where(|a| in_country(a, "ES")));
        assert!(
            failures
                .iter()
                .any(|f| f.contains("centro-recursos-migrantes-quetzaltenango") && f.contains("ES")),
            "{failures:?}"
        );
    }
}

/// The personas of issue #24, one or more per fault; each failed on the data before the
/// fix.
mod personas_of_issue_24 {
    use super::*;

    fn c(id: &str) -> Answer {
        Answer::Choice(id.into())
    }

    fn place(country: &str, region: Option<&str>) -> Answer {
        Answer::Place {
            country: country.into(),
            region: region.map(str::to_string),
        }
    }

    fn set(ids: &[&str]) -> Answer {
        Answer::choices(ids.iter().map(|s| s.to_string()))
    }

    fn answers(given: &[(&str, Answer)]) -> Answers {
        let flow = shipped_flow();
        let mut answers = Answers::default();
        for (id, answer) in given {
            answers.set(id, answer.clone());
        }
        assert_eq!(
            next_question(&flow, &answers).map(|q| q.id.clone()),
            None,
            "the persona answers everything"
        );
        answers
    }

    fn shown(given: &[(&str, Answer)]) -> Vec<String> {
        ids(&shipped_flow(), &answers(given))
    }

    fn contact_ids(outcome: &str, given: &[(&str, Answer)]) -> Vec<String> {
        let flow = shipped_flow();
        let directory = shipped_directory();
        let answers = answers(given);
        let here = Here::of(&flow, &directory, &answers);
        let outcome = flow.outcome(outcome).unwrap_or_else(|| panic!("no outcome {outcome}"));
        contacts_for(outcome, &directory, here.as_ref(), Lang::Es)
            .iter()
            .map(|c| c.entry.id.clone())
            .collect()
    }

    fn text_of(outcome: &str, lang: &str) -> String {
        let flow = shipped_flow();
        let o = flow.outcome(outcome).unwrap_or_else(|| panic!("no outcome {outcome}"));
        [&o.title, &o.summary]
            .into_iter()
            .chain(&o.requirements)
            .chain(&o.steps)
            .map(|t| t.get_code(lang).to_string())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Fault 1: a deported man who wants seasonal work is not offered the US programme as
    /// open, with his deportation as the reason; he is told what the programme asks.
    #[test]
    fn a_deported_farm_worker_is_told_what_the_programme_asks_not_offered_it() {
        let deported = shown(&[
            ("situation", c("returned")),
            ("danger", c("no")),
            ("age", c("25_40")),
            ("goal", c("work")),
            ("documents", set(&["dpi"])),
            ("experience", set(&["agriculture"])),
            ("years", Answer::Number(6)),
            ("irregular_history", c("yes")),
            ("seasonal", c("yes")),
        ]);
        assert!(!deported.contains(&"temporary_work_abroad".into()), "{deported:?}");
        assert!(deported.contains(&"temporary_work_history".into()), "{deported:?}");
        assert!(deported.contains(&"legal_advice".into()), "{deported:?}");
        assert!(text_of("temporary_work_history", "es").contains("no acepta a personas retornadas o deportadas"));
        assert!(text_of("temporary_work_abroad", "en").contains("No irregular migration history"));
    }

    /// Fault 2: people in danger in Spain, El Salvador or Honduras are given the country's
    /// emergency line, not the Quetzaltenango centre thousands of kilometres away; a woman
    /// in Texas facing violence gets the domestic-violence line and her consulate too.
    #[test]
    fn people_in_danger_abroad_get_the_emergency_line_of_where_they_are() {
        for (country, line) in [
            ("ES", "linea-112-espana"),
            ("SV", "linea-911-el-salvador"),
            ("HN", "linea-911-honduras"),
        ] {
            let ids = contact_ids(
                "protection",
                &[
                    ("situation", c("abroad")),
                    ("danger", c("yes")),
                    ("goal", c("safety")),
                    ("abroad_place", place(country, None)),
                ],
            );
            assert_eq!(ids.first().map(String::as_str), Some(line), "{country}: {ids:?}");
            for far in ["centro-recursos-migrantes-quetzaltenango", "oficinas-movilidad-segura"] {
                assert!(!ids.iter().any(|id| id == far), "{country}: {ids:?}");
            }
        }
        assert!(text_of("protection", "es").contains("llame al número de emergencias local"));
        let texas = contact_ids(
            "protection",
            &[
                ("situation", c("abroad")),
                ("danger", c("yes")),
                ("goal", c("safety")),
                ("abroad_place", place("US", Some("Texas"))),
            ],
        );
        for expected in [
            "linea-911-eeuu",
            "linea-nacional-violencia-domestica-eeuu",
            "consulado-houston",
        ] {
            assert!(texas.iter().any(|id| id == expected), "{expected}: {texas:?}");
        }
    }

    /// Fault 3: a mother asking about her son in Kansas who chooses "Seguridad" gets his
    /// consulate first, and what to do if he is detained.
    #[test]
    fn a_mother_asking_about_safety_gets_her_sons_consulate_and_what_to_do_if_he_is_detained() {
        let given = [
            ("situation", c("for_family")),
            ("danger", c("no")),
            ("goal", c("safety")),
            ("relative_place", place("US", Some("Kansas"))),
        ];
        let shown = shown(&given);
        assert!(shown.contains(&"relative_detained".into()), "{shown:?}");
        let ids = contact_ids("consular_services", &given);
        assert_eq!(
            ids.first().map(String::as_str),
            Some("consulado-oklahoma-city"),
            "{ids:?}"
        );
        let protection = contact_ids("protection", &given);
        assert!(
            protection.iter().any(|id| id == "consulado-oklahoma-city"),
            "{protection:?}"
        );
        assert!(text_of("relative_detained", "es").contains("locator.ice.gov"));
    }

    /// Fault 4: "Prefiero no decirlo" about a deportation keeps the legal-advice card and
    /// does not offer the programme as open, as "Prefiero no decirlo" about danger shows
    /// protection.
    #[test]
    fn prefer_not_to_say_about_a_deportation_keeps_the_legal_advice() {
        let shown = shown(&[
            ("situation", c("in_guatemala")),
            ("danger", c("no")),
            ("age", c("25_40")),
            ("goal", c("work")),
            ("documents", set(&["dpi", "passport"])),
            ("experience", set(&["construction"])),
            ("years", Answer::Number(10)),
            ("irregular_history", c("prefer_not")),
            ("seasonal", c("yes")),
        ]);
        assert!(shown.contains(&"legal_advice".into()), "{shown:?}");
        assert!(!shown.contains(&"temporary_work_abroad".into()), "{shown:?}");
    }

    /// Fault 5: a deported 16-year-old gets the children's services, not the adults'; an
    /// adult in danger is not sent to a shelter for children; a 16-year-old who wants work
    /// is told the programmes start at 18 and what there is before.
    #[test]
    fn minors_get_their_own_services_and_adults_not_theirs() {
        let deported_child = [
            ("situation", c("returned")),
            ("danger", c("no")),
            ("age", c("under_18")),
            ("goal", c("work")),
        ];
        let shown_to_child = shown(&deported_child);
        assert!(shown_to_child.contains(&"returned_minor".into()), "{shown_to_child:?}");
        assert!(!shown_to_child.contains(&"reintegration".into()), "{shown_to_child:?}");
        assert!(
            shown_to_child.contains(&"minors_work_and_study".into()),
            "{shown_to_child:?}"
        );
        let theirs = contact_ids("returned_minor", &deported_child);
        assert!(
            theirs.iter().any(|id| id == "casa-nuestras-raices-quetzaltenango"),
            "{theirs:?}"
        );
        assert!(text_of("minors_work_and_study", "en").contains("from the age of 18"));
        let adult = contact_ids(
            "protection",
            &[
                ("situation", c("in_guatemala")),
                ("danger", c("yes")),
                ("age", c("25_40")),
                ("goal", c("safety")),
            ],
        );
        assert!(
            !adult.iter().any(|id| id.starts_with("casa-nuestras-raices")),
            "{adult:?}"
        );
    }

    /// Fault 6: someone in Tapachula heading north is told what is open to them in
    /// Mexico (permits, asylum with COMAR) without being in danger, and "rights at work"
    /// does not assume a job; a Guatemalan in Spain is told there is no consulate in the
    /// directory and where to find one.
    #[test]
    fn someone_in_tapachula_is_told_what_is_open_in_mexico() {
        let given = [
            ("situation", c("abroad")),
            ("danger", c("no")),
            ("goal", c("work")),
            ("abroad_place", place("MX", Some("Chiapas"))),
        ];
        let shown = shown(&given);
        assert!(shown.contains(&"options_in_mexico".into()), "{shown:?}");
        let ids = contact_ids("options_in_mexico", &given);
        assert!(
            ids.iter().any(|id| id == "comar-centro-multiservicios-tapachula"),
            "{ids:?}"
        );
        assert!(text_of("options_in_mexico", "es").contains("Tarjeta de Visitante Trabajador Fronterizo"));
        assert!(text_of("rights_at_work_abroad", "es").contains("Si trabaja en otro país"));
        let spain = text_of("consular_services", "es");
        assert!(spain.contains("España") && spain.contains("minex.gob.gt"), "{spain}");
    }

    /// Issue #20: "Sin DPI no se puede sacar el pasaporte" is not told to a minor, who is
    /// told what a minor's passport needs.
    #[test]
    fn a_minor_who_needs_documents_is_told_a_minors_requirements() {
        let shown = shown(&[
            ("situation", c("in_guatemala")),
            ("danger", c("no")),
            ("age", c("under_18")),
            ("goal", c("documents")),
        ]);
        assert!(!shown.contains(&"get_documents".into()), "{shown:?}");
        assert!(shown.contains(&"documents_for_minors".into()), "{shown:?}");
        assert!(text_of("documents_for_minors", "es").contains("DPI de ambos padres"));
    }
}
