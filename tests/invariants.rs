//! Promises the advice keeps for every person, checked on every path of every flow the
//! content ships (every option, the bounds of numbers, none/each/all of a multiple choice,
//! and a place in every country a person can pick), so a content change that breaks one
//! fails with the path that breaks it: the answers a person would have given.
//!
//! The checks take a `&Flow`, a `&Directory` and a [`Policy`]: what that flow has (answers
//! that put one outcome first, a place question, "don't know" answers and their cautious
//! reading) and what its sources restrict (outcomes and contacts meant for a group). The
//! assessment (`/opciones`) and the offer check (`/oferta`) each have one, and a flow the
//! content ships without a policy fails, so a new flow cannot escape the checks. A check
//! whose part a flow does not have (the offer check asks no place) holds for it trivially.
//!
//! The module `the_checks_fail_on_broken_data` runs each check on a copy of the data
//! broken the way it guards against, to show the check can fail; the last module walks
//! the personas of issue #24, one per fault it found.

#[path = "support/shipped.rs"]
mod shipped;
use rumbo::core::assessment::answers::{Answer, Answers};
use rumbo::core::assessment::condition::Condition;
use rumbo::core::assessment::contacts::{Contact, Here, contacts_for};
use rumbo::core::assessment::engine::{every_path, next_question, outcomes, relevant_answers};
use rumbo::core::assessment::flow::{ASSESSMENT_ID, Flow, QuestionKind};
use rumbo::core::content::validate::{stated_minimum_age, under_age_options};
use rumbo::core::directory::entry::{Directory, Entry, Kind, Status};
use rumbo::core::directory::links::is_short_number;
use rumbo::core::directory::serving::{Coverage, HOME, can_serve, coverage};
use rumbo::core::text::lang::Lang;
use shipped::content;
use std::sync::OnceLock;

/// What the checks need to know of a flow: the parts it has, and what its sources
/// restrict.
pub struct Policy {
    /// Answers that put one outcome first (in danger: protection; already paid: what to
    /// do now).
    pub first: Option<First>,
    /// The place part, for a flow that asks where the person or their relative is.
    pub place: Option<Place>,
    /// The "prefer not to say" or "don't know" answers, each with the cautious answer it
    /// is read as: `(question, unsure option, cautious option)`.
    pub unsure: Vec<(&'static str, &'static str, &'static str)>,
    /// Outcomes that only say no warning was found: not knowing may add a warning, and
    /// then rightly hides them.
    pub reassurance: &'static [&'static str],
    /// Outcomes their sources restrict to a group: shown only when the condition holds.
    pub restrictions: Vec<(&'static str, Condition, &'static str)>,
    /// Contacts meant for a group: offered only when the condition holds.
    pub groups: Vec<(Group, Condition)>,
}

/// Those who give one of `options` to `question` see `outcome` first.
pub struct First {
    pub question: &'static str,
    pub options: &'static [&'static str],
    pub outcome: &'static str,
}

/// What a flow with a place question offers for the place.
pub struct Place {
    /// The tag of the lines to call in an emergency, and of consulates.
    pub emergency_tag: &'static str,
    pub consular_tag: &'static str,
    /// Where no emergency line is sourced for a country, the words of the general rule the
    /// first outcome must say instead, by language.
    pub general_rule: &'static [(&'static str, &'static str)],
}

/// The contacts a group rule is about.
pub enum Group {
    /// Those with the directory tag (children, children returned alone).
    Tag(&'static str),
    /// Those that serve only in the country (ISO code): its lines, or workers of one of
    /// its provinces.
    OnlyIn(&'static str),
}

impl Group {
    fn holds(&self, e: &Entry) -> bool {
        match self {
            Group::Tag(tag) => tagged(e, tag),
            Group::OnlyIn(country) if e.service_area.is_empty() => e.address.country.eq_ignore_ascii_case(country),
            Group::OnlyIn(country) => e.service_area.iter().all(|a| a.country.eq_ignore_ascii_case(country)),
        }
    }
}

impl std::fmt::Display for Group {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Group::Tag(tag) => write!(f, "for «{tag}»"),
            Group::OnlyIn(country) => write!(f, "serves only {country}"),
        }
    }
}

/// The answers that a flow's options may offer to someone unsure; each must be paired
/// with its cautious reading in the flow's policy.
const UNSURE: [&str; 2] = ["prefer_not", "dont_know"];

fn condition(json: &str) -> Condition {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

const MINOR: &str = r#"{"equals":{"question":"age","option":"under_18"}}"#;

/// The directory's contacts meant for a group, in any flow: a flow that does not ask the
/// age never offers them.
fn directory_groups() -> Vec<(Group, Condition)> {
    vec![
        (
            Group::Tag("children-returned"),
            condition(&format!(
                r#"{{"all":[{{"equals":{{"question":"situation","option":"returned"}}}},{MINOR}]}}"#
            )),
        ),
        (Group::Tag("children"), condition(MINOR)),
    ]
}

/// The assessment's policy: which sources restrict which outcome.
fn assessment_policy() -> Policy {
    let adult = format!(r#"{{"not":{MINOR}}}"#);
    Policy {
        first: Some(First {
            question: "danger",
            options: &["yes", "prefer_not"],
            outcome: "protection",
        }),
        place: Some(Place {
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
        }),
        unsure: vec![
            ("danger", "prefer_not", "yes"),
            ("irregular_history", "prefer_not", "yes"),
        ],
        reassurance: &[],
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
                    r#"{{"all":[{{"equals":{{"question":"situation","option":"returned"}}}},{MINOR}]}}"#
                )),
                "SBS and PGN: children returned",
            ),
            ("children_protection", condition(MINOR), "PGN: children and teenagers"),
            ("minors_work_and_study", condition(MINOR), "under 18"),
            (
                "options_in_mexico",
                condition(r#"{"place_in":{"question":"abroad_place","countries":["MX"]}}"#),
                "INM, COMAR: permits and asylum in Mexico",
            ),
        ],
        groups: directory_groups(),
    }
}

/// The offer check's policy, from its own data and sources: how to check an offer in
/// one country is for offers for that country, whoever already paid is told first to
/// report it, not knowing is read as the answer that shows the warning, and a contact
/// that serves one country only is offered for offers for that country.
fn offer_policy() -> Policy {
    let job_in = |option: &str| condition(&format!(r#"{{"equals":{{"question":"country","option":"{option}"}}}}"#));
    let mut groups = directory_groups();
    groups.extend([
        (Group::OnlyIn("US"), job_in("us")),
        (Group::OnlyIn("CA"), job_in("canada")),
        (Group::OnlyIn("MX"), job_in("mexico")),
    ]);
    Policy {
        first: Some(First {
            question: "paid",
            options: &["yes"],
            outcome: "ya-pago",
        }),
        place: None,
        unsure: vec![
            // Not knowing the programme is not knowing it is the Mintrab's (which is free
            // and registers no one): read as a private recruiter, who must be registered.
            ("programme", "dont_know", "recruiter"),
            // Prensa Libre 2025, Mintrab: a recruiter not found registered is a warning sign.
            ("registered", "dont_know", "says_no"),
            // Not told the country: whatever another country's offer shows, and the
            // warning that the job's details (where it is) are missing.
            ("country", "dont_know", "other"),
        ],
        reassurance: &["sin-senales"],
        restrictions: vec![
            (
                "comprobar-eeuu",
                job_in("us"),
                "SeasonalJobs, I-129, the US Embassy: H-2 visas, for jobs in the US",
            ),
            ("comprobar-canada", job_in("canada"), "LMIA: Government of Canada"),
            (
                "comprobar-mexico",
                job_in("mexico"),
                "TVTF: Mexico's INM, its southern states",
            ),
            (
                "ya-pago",
                condition(r#"{"equals":{"question":"paid","option":"yes"}}"#),
                "what to do after paying (Mintrab, MP): for who has paid",
            ),
        ],
        groups,
    }
}

type PolicyOf = fn() -> Policy;

/// Every flow that has a policy; every flow the content ships must be here.
const POLICIES: [(&str, PolicyOf); 2] = [(ASSESSMENT_ID, assessment_policy), ("oferta", offer_policy)];

fn policy_of(flow: &Flow) -> Option<Policy> {
    POLICIES
        .iter()
        .find(|(id, _)| *id == flow.id)
        .map(|(_, policy)| policy())
}

/// Every flow the content ships with its paths, and the directory.
type Shipped = (Vec<(Flow, Vec<Answers>)>, Directory);

/// The shipped content, walked once for all the tests of this file.
fn shipped() -> &'static Shipped {
    static SHIPPED: OnceLock<Shipped> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let content = content();
        let flows = content
            .all_flows()
            .map(|flow| (flow.clone(), every_path(flow)))
            .collect();
        (flows, content.directory)
    })
}

fn shipped_flow_by_id(id: &str) -> &'static (Flow, Vec<Answers>) {
    shipped()
        .0
        .iter()
        .find(|(flow, _)| flow.id == id)
        .unwrap_or_else(|| panic!("no flow {id}"))
}

fn shipped_flow() -> Flow {
    shipped_flow_by_id(ASSESSMENT_ID).0.clone()
}

fn shipped_directory() -> Directory {
    shipped().1.clone()
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

/// The walk every check shares: `check` says what breaks on one path, and each failure
/// is named by the path.
fn on_every_path(flow: &Flow, paths: &[Answers], mut check: impl FnMut(&Answers) -> Vec<String>) -> Vec<String> {
    let mut failures = Vec::new();
    for answers in paths {
        let found = check(answers);
        if !found.is_empty() {
            let path = describe(flow, answers);
            failures.extend(found.into_iter().map(|f| format!("{path}: {f}")));
        }
    }
    failures
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

/// Runs `check` over every path of every flow the content ships, with the flow's
/// policy, and fails naming the flow and the path of each failure.
fn on_every_flow(check: impl Fn(&Flow, &Directory, &[Answers], &Policy) -> Vec<String>) {
    let (flows, directory) = shipped();
    let mut failures = Vec::new();
    for (flow, paths) in flows {
        let policy = policy_of(flow).unwrap_or_else(|| panic!("/{} has no policy", flow.id));
        failures.extend(
            check(flow, directory, paths, &policy)
                .into_iter()
                .map(|f| format!("/{}: {f}", flow.id)),
        );
    }
    report(failures);
}

/// Whoever gives the answers that put an outcome first (in danger, already paid) sees it
/// first. Where the flow asks the place, under it is a line to call in an emergency valid
/// in the country they are in; where none is sourced for that country, the first option
/// says to call the local emergency number and the consulate, and offers a consular
/// contact.
pub fn first_outcome_first_with_a_line_for_the_country(
    flow: &Flow,
    directory: &Directory,
    paths: &[Answers],
    policy: &Policy,
) -> Vec<String> {
    let Some(first) = &policy.first else {
        return Vec::new();
    };
    on_every_path(flow, paths, |answers| {
        let said =
            matches!(answers.get(first.question), Some(Answer::Choice(c)) if first.options.contains(&c.as_str()));
        if !said {
            return Vec::new();
        }
        let shown = outcomes(flow, answers);
        if shown.first().map(|s| s.outcome.id.as_str()) != Some(first.outcome) {
            return vec![format!("{} is not first", first.outcome)];
        }
        let Some(place) = &policy.place else {
            return Vec::new();
        };
        let Some(here) = Here::of(flow, directory, answers).filter(|h| !h.is_relative()) else {
            return Vec::new();
        };
        let mut failures = Vec::new();
        let first = shown[0].outcome;
        let contacts = contacts_for(first, directory, Some(&here), Lang::Es);
        let sourced = directory.entries.iter().any(|e| {
            e.status != Status::Defunct && tagged(e, place.emergency_tag) && can_serve(e, here.country(), here.region())
        });
        if sourced {
            if !contacts.iter().any(|c| tagged(c.entry, place.emergency_tag)) {
                failures.push(format!("no emergency line for {} under {}", here.country(), first.id));
            }
        } else {
            for (lang, words) in place.general_rule {
                if !first.steps.iter().any(|s| s.get_code(lang).contains(words)) {
                    failures.push(format!("no line for {} and no «{words}»", here.country()));
                }
            }
            if !contacts.iter().any(|c| tagged(c.entry, place.consular_tag)) {
                failures.push("no consular contact where no emergency line is known".to_string());
            }
        }
        failures
    })
}

/// No outcome is shown outside the group its sources restrict it to: those the policy
/// names, and every outcome whose requirements state a minimum age, to anyone who answered
/// a younger age.
pub fn restricted_outcomes_stay_in_their_group(flow: &Flow, paths: &[Answers], policy: &Policy) -> Vec<String> {
    let young = under_age_options(flow);
    on_every_path(flow, paths, |answers| {
        let answers = relevant_answers(flow, answers);
        let mut failures = Vec::new();
        for shown in outcomes(flow, &answers) {
            let outcome = shown.outcome;
            for (id, only_if, why) in &policy.restrictions {
                if outcome.id == *id && !only_if.eval(&answers) {
                    failures.push(format!("{id} shown outside its group ({why})"));
                }
            }
            let minimum = outcome.requirements.iter().filter_map(stated_minimum_age).max();
            for (question, option, below) in &young {
                let said = matches!(answers.get(question), Some(Answer::Choice(c)) if c == option);
                if let Some(age) = minimum
                    && said
                    && *below <= age
                {
                    failures.push(format!("{} asks for {age} or older", outcome.id));
                }
            }
        }
        failures
    })
}

/// A contact meant for a group (children, children returned alone, the workers or the
/// job offers of one country) is offered under no outcome to someone outside it.
pub fn group_contacts_stay_in_their_group(
    flow: &Flow,
    directory: &Directory,
    paths: &[Answers],
    policy: &Policy,
) -> Vec<String> {
    on_every_path(flow, paths, |answers| {
        let mut failures = Vec::new();
        for (outcome, contacts) in contacts_shown(flow, directory, answers) {
            for contact in contacts {
                for (group, only_if) in &policy.groups {
                    if group.holds(contact.entry) && !only_if.eval(answers) {
                        failures.push(format!("{} ({group}) offered under {outcome}", contact.entry.id));
                    }
                }
            }
        }
        failures
    })
}

/// Every contact listed serves the person's place, is national to where they are (or,
/// with no region given, names the region it serves), is one of Guatemala's own that can
/// be reached from abroad, or is marked with its distance; for a relative's place, what
/// is in the relative's country, and what serves Guatemala for the person asking. Paths
/// that say no place are left to the group rules.
pub fn contacts_serve_the_place(flow: &Flow, directory: &Directory, paths: &[Answers]) -> Vec<String> {
    let reachable_from_afar =
        |e: &Entry| e.website.is_some() || e.email.is_some() || e.phones.iter().any(|p| !is_short_number(&p.number));
    on_every_path(flow, paths, |answers| {
        let Some(here) = Here::of(flow, directory, answers) else {
            return Vec::new();
        };
        let country = here.country();
        let mut failures = Vec::new();
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
                        "{} under {outcome} neither serves {country} nor says how far it is",
                        e.id
                    ));
                }
            }
        }
        failures
    })
}

/// Every "prefer not to say" or "don't know" answer is read as its cautious answer: the
/// same questions follow and everything the cautious answer shows is shown, so help or a
/// warning is never hidden from someone unsure (not knowing may add a warning of its
/// own: an offer that does not say its country). An unsure option the policy does not
/// pair with a cautious one fails too.
pub fn unsure_is_read_as_the_cautious_answer(flow: &Flow, paths: &[Answers], policy: &Policy) -> Vec<String> {
    let mut failures = Vec::new();
    for q in &flow.questions {
        for o in q.options.iter().filter(|o| UNSURE.contains(&o.id.as_str())) {
            if !policy
                .unsure
                .iter()
                .any(|(qid, unsure, _)| *qid == q.id && *unsure == o.id)
            {
                failures.push(format!("{}: «{}» is read no stated way", q.id, o.id));
            }
        }
    }
    for (question, unsure, cautious) in &policy.unsure {
        let fits = flow.question(question).is_some_and(|q| {
            q.kind == QuestionKind::SingleChoice && q.option(unsure).is_some() && q.option(cautious).is_some()
        });
        if !fits {
            failures.push(format!(
                "{question}: no single choice between «{unsure}» and «{cautious}»"
            ));
        }
    }
    failures.extend(on_every_path(flow, paths, |answers| {
        let mut failures = Vec::new();
        for (question, unsure, cautious) in &policy.unsure {
            if answers.get(question) != Some(&Answer::Choice((*unsure).into())) {
                continue;
            }
            let mut read_as = answers.clone();
            read_as.set(question, Answer::Choice((*cautious).into()));
            if let Some(next) = next_question(flow, &read_as) {
                failures.push(format!("«{cautious}» asks {} where «{unsure}» does not", next.id));
            } else {
                let shown = ids(flow, answers);
                let hidden: Vec<String> = ids(flow, &read_as)
                    .into_iter()
                    .filter(|id| !shown.contains(id) && !policy.reassurance.contains(&id.as_str()))
                    .collect();
                if !hidden.is_empty() {
                    failures.push(format!(
                        "{hidden:?} shown for {question}={cautious}, not for «{unsure}»"
                    ));
                }
            }
        }
        failures
    }));
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
    let Some(place) = &policy.place else {
        return Vec::new();
    };
    on_every_path(flow, paths, |answers| {
        let Some(here) = Here::of(flow, directory, answers).filter(|h| h.is_relative()) else {
            return Vec::new();
        };
        let consulate =
            |e: &Entry| e.kind == Kind::Consulate && tagged(e, place.consular_tag) && e.status != Status::Defunct;
        let able: Vec<&Entry> = directory
            .entries
            .iter()
            .filter(|e| consulate(e) && can_serve(e, here.country(), here.region()))
            .collect();
        let covering = |e: &Entry| coverage(e, here.country(), here.region()).is_some();
        let shown = contacts_shown(flow, directory, answers);
        let first_consulates: Vec<&Entry> = shown
            .iter()
            .filter_map(|(_, contacts)| contacts.iter().map(|c| c.entry).find(|e| consulate(e)))
            .collect();
        if !able.is_empty() {
            if first_consulates.is_empty() {
                return vec![format!("no consulate offered for {}", here.country())];
            } else if able.iter().any(|e| covering(e)) && !first_consulates.iter().all(|e| covering(e)) {
                return vec![format!(
                    "a consulate listed before the one whose district covers the place: {:?}",
                    first_consulates.iter().map(|e| &e.id).collect::<Vec<_>>()
                )];
            }
        } else if !shown
            .iter()
            .any(|(_, contacts)| contacts.iter().any(|c| tagged(c.entry, place.consular_tag)))
        {
            return vec!["no consular contact at all".to_string()];
        }
        Vec::new()
    })
}

/// What a policy names is in its flow and the directory, and a flow that asks a place
/// has a place part: a renamed question, option, outcome or tag cannot leave a check
/// silently holding over nothing.
pub fn policy_fits_the_flow(flow: &Flow, directory: &Directory, policy: &Policy) -> Vec<String> {
    let mut failures = Vec::new();
    let option = |question: &str, option: &str| flow.question(question).is_some_and(|q| q.option(option).is_some());
    if let Some(first) = &policy.first {
        for o in first.options {
            if !option(first.question, o) {
                failures.push(format!("no option {}={o}", first.question));
            }
        }
        if flow.outcome(first.outcome).is_none() {
            failures.push(format!("no outcome {}", first.outcome));
        }
    }
    let asks_a_place = flow.questions.iter().any(|q| q.kind == QuestionKind::Place);
    if asks_a_place != policy.place.is_some() {
        failures.push(format!(
            "asks a place: {asks_a_place}; the policy has a place part: {}",
            !asks_a_place
        ));
    }
    let has_tag = |tag: &str| directory.entries.iter().any(|e| tagged(e, tag));
    if let Some(place) = &policy.place {
        for tag in [place.emergency_tag, place.consular_tag] {
            if !has_tag(tag) {
                failures.push(format!("no entry tagged {tag}"));
            }
        }
    }
    for (id, _, _) in &policy.restrictions {
        if flow.outcome(id).is_none() {
            failures.push(format!("no outcome {id} to restrict"));
        }
    }
    for id in policy.reassurance {
        if flow.outcome(id).is_none() {
            failures.push(format!("no outcome {id} that reassures"));
        }
    }
    for (group, _) in &policy.groups {
        if !directory.entries.iter().any(|e| group.holds(e)) {
            failures.push(format!("no entry {group}"));
        }
    }
    failures
}

#[test]
fn every_flow_the_content_ships_has_a_policy_that_fits_it() {
    let (flows, directory) = shipped();
    assert!(flows.len() >= 2, "the assessment and the offer check");
    for (flow, _) in flows {
        let policy = policy_of(flow).unwrap_or_else(|| {
            panic!(
                "/{} has no policy: add one to POLICIES so the invariants hold for it",
                flow.id
            )
        });
        let misfits = policy_fits_the_flow(flow, directory, &policy);
        assert!(misfits.is_empty(), "/{}: {misfits:?}", flow.id);
    }
    for (id, _) in POLICIES {
        assert!(
            flows.iter().any(|(f, _)| f.id == id),
            "a policy for /{id}, which is not shipped"
        );
    }
}

#[test]
fn the_paths_cover_every_country_a_person_can_pick() {
    let (_, paths) = shipped_flow_by_id(ASSESSMENT_ID);
    assert!(paths.len() > 1000, "{}", paths.len());
    for country in rumbo::core::directory::geo::known_countries().chain(["ZZ"]) {
        let placed = paths.iter().any(|a| {
            a.0.values()
                .any(|v| matches!(v, Answer::Place { country: c, .. } if c == country))
        });
        assert!(placed, "no path in {country}");
    }
    let (_, offers) = shipped_flow_by_id("oferta");
    assert!(offers.len() > 10_000, "{}", offers.len());
}

#[test]
fn who_is_in_danger_or_has_paid_sees_what_to_do_first_with_a_line_for_their_country() {
    on_every_flow(|flow, directory, paths, policy| {
        first_outcome_first_with_a_line_for_the_country(flow, directory, paths, policy)
    });
}

#[test]
fn no_outcome_is_shown_outside_the_group_its_sources_restrict_it_to() {
    on_every_flow(|flow, _, paths, policy| restricted_outcomes_stay_in_their_group(flow, paths, policy));
}

#[test]
fn no_contact_meant_for_a_group_is_offered_outside_it() {
    on_every_flow(group_contacts_stay_in_their_group);
}

#[test]
fn every_contact_serves_the_place_or_says_how_far_it_is() {
    on_every_flow(|flow, directory, paths, _| contacts_serve_the_place(flow, directory, paths));
}

#[test]
fn prefer_not_to_say_and_dont_know_are_read_everywhere_as_the_cautious_answer() {
    on_every_flow(|flow, _, paths, policy| unsure_is_read_as_the_cautious_answer(flow, paths, policy));
}

#[test]
fn a_person_asking_for_a_relative_gets_the_relatives_consulate_whatever_they_look_for() {
    on_every_flow(a_relative_gets_their_consulate);
}

/// The checks catch what they promise to: each is run on a copy of the shipped data broken
/// the way issue #24 found it, or, for the offer check, the way each of its rules forbids.
mod the_checks_fail_on_broken_data {
    use super::*;

    /// The shipped paths where `keep` holds: the broken copies change outcomes and
    /// contacts, not questions, so their paths are the shipped ones.
    fn paths_where(keep: impl Fn(&Answers) -> bool) -> Vec<Answers> {
        shipped_flow_by_id(ASSESSMENT_ID)
            .1
            .iter()
            .filter(|a| keep(a))
            .cloned()
            .collect()
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
        let failures = unsure_is_read_as_the_cautious_answer(
            &flow,
            &paths_where(|a| a.is_answered("irregular_history")),
            &assessment_policy(),
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
            &assessment_policy(),
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
        let groups = group_contacts_stay_in_their_group(&flow, &directory, &paths, &assessment_policy());
        assert!(groups.iter().any(|f| f.contains("age=25_40")), "{groups:?}");
        let mut flow = flow;
        let protection = flow.outcomes.iter_mut().find(|o| o.id == "protection").unwrap();
        protection
            .steps
            .retain(|s| !s.get_code("es").contains("número de emergencias local"));
        let danger = first_outcome_first_with_a_line_for_the_country(&flow, &directory, &paths, &assessment_policy());
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
            &assessment_policy(),
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

    /// The offer check and its shipped paths, to break.
    fn offer() -> (Flow, &'static [Answers]) {
        let (flow, paths) = shipped_flow_by_id("oferta");
        (flow.clone(), paths)
    }

    fn outcome_mut<'a>(flow: &'a mut Flow, id: &str) -> &'a mut rumbo::core::assessment::flow::Outcome {
        flow.outcomes.iter_mut().find(|o| o.id == id).unwrap()
    }

    #[test]
    fn an_offer_who_paid_told_what_to_do_after_the_warnings() {
        let (mut flow, paths) = offer();
        outcome_mut(&mut flow, "ya-pago").rank = 45;
        let failures =
            first_outcome_first_with_a_line_for_the_country(&flow, &shipped_directory(), paths, &offer_policy());
        assert!(
            failures
                .iter()
                .any(|f| f.contains("paid=yes") && f.contains("ya-pago is not first")),
            "{failures:?}"
        );
    }

    #[test]
    fn how_to_check_a_us_offer_shown_for_an_offer_for_canada() {
        let (mut flow, paths) = offer();
        outcome_mut(&mut flow, "comprobar-eeuu").applies_if = None;
        let failures = restricted_outcomes_stay_in_their_group(&flow, paths, &offer_policy());
        assert!(
            failures
                .iter()
                .any(|f| f.contains("country=canada") && f.contains("comprobar-eeuu shown outside")),
            "{failures:?}"
        );
    }

    #[test]
    fn not_knowing_whether_the_recruiter_is_registered_hides_the_warning() {
        let (mut flow, paths) = offer();
        outcome_mut(&mut flow, "no-inscrito").applies_if =
            Some(condition(r#"{"equals":{"question":"registered","option":"says_no"}}"#));
        let failures = unsure_is_read_as_the_cautious_answer(&flow, paths, &offer_policy());
        assert!(
            failures
                .iter()
                .any(|f| f.contains("registered=dont_know") && f.contains("registered=says_no")),
            "{failures:?}"
        );
    }

    #[test]
    fn a_dont_know_the_policy_reads_no_way() {
        let (mut flow, _) = offer();
        let paid = flow.questions.iter_mut().find(|q| q.id == "paid").unwrap();
        let mut unsure = paid.options[1].clone();
        unsure.id = "dont_know".into();
        paid.options.push(unsure);
        let failures = unsure_is_read_as_the_cautious_answer(&flow, &every_path(&flow), &offer_policy());
        assert!(
            failures
                .iter()
                .any(|f| f.starts_with("paid: «dont_know» is read no stated way")),
            "{failures:?}"
        );
    }

    #[test]
    fn workers_of_a_canadian_province_offered_for_an_offer_for_the_us() {
        let (mut flow, paths) = offer();
        outcome_mut(&mut flow, "comprobar-guatemala").directory_tags = vec!["temporary-work".into()];
        let failures = group_contacts_stay_in_their_group(&flow, &shipped_directory(), paths, &offer_policy());
        assert!(
            failures
                .iter()
                .any(|f| f.contains("country=us") && f.contains("rattmaq-quebec (serves only CA)")),
            "{failures:?}"
        );
    }

    #[test]
    fn a_policy_that_names_what_the_flow_no_longer_has() {
        let (mut flow, _) = offer();
        flow.outcomes.retain(|o| o.id != "comprobar-mexico");
        let misfits = policy_fits_the_flow(&flow, &shipped_directory(), &offer_policy());
        assert_eq!(misfits, ["no outcome comprobar-mexico to restrict"]);
        let misfits = policy_fits_the_flow(&shipped_flow(), &shipped_directory(), &offer_policy());
        assert!(misfits.iter().any(|m| m.contains("asks a place: true")), "{misfits:?}");
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
