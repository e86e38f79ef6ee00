//! The shipped assessment flow, walked the way GOV.UK Smart Answers tests its flows:
//! every reachable path is enumerated (every option, the bounds of numbers, none/each/
//! all for multiple choice), and the flow's promises are checked on all of them.

use rumbo::core::assessment::answers::{Answer, Answers};
use rumbo::core::assessment::engine::{every_path, next_question, outcomes, sample_answers};
use rumbo::core::assessment::flow::Flow;
use rumbo::core::directory::entry::Kind;
use std::collections::BTreeSet;
use std::path::Path;

fn shipped_flow() -> Flow {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/assessment.json");
    Flow::from_json(&std::fs::read(path).unwrap()).unwrap()
}

fn shipped_directory() -> rumbo::core::directory::entry::Directory {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/directory.json");
    rumbo::core::directory::entry::Directory::from_json(&std::fs::read(path).unwrap()).unwrap()
}

/// What a person sees at the end of a path: the questions asked and the outcomes.
fn result(flow: &Flow, answers: &Answers) -> Vec<String> {
    outcomes(flow, answers).iter().map(|s| s.outcome.id.clone()).collect()
}

#[test]
fn every_question_and_every_outcome_is_reachable() {
    let flow = shipped_flow();
    let paths = every_path(&flow);
    assert!(paths.len() > 100, "{} paths", paths.len());
    let asked: BTreeSet<&str> = paths.iter().flat_map(|a| a.0.keys().map(String::as_str)).collect();
    for question in &flow.questions {
        assert!(
            asked.contains(question.id.as_str()),
            "question {} is never asked",
            question.id
        );
    }
    let shown: BTreeSet<String> = paths.iter().flat_map(|a| result(&flow, a)).collect();
    for outcome in &flow.outcomes {
        assert!(shown.contains(&outcome.id), "outcome {} is never shown", outcome.id);
    }
}

#[test]
fn every_path_ends_with_an_option_beyond_the_general_warnings() {
    let flow = shipped_flow();
    for answers in every_path(&flow) {
        let specific = outcomes(&flow, &answers)
            .iter()
            .filter(|s| s.outcome.applies_if.is_some())
            .count();
        assert!(specific > 0, "no specific outcome for {:?}", answers.0);
    }
}

#[test]
fn the_general_warnings_are_on_every_path() {
    let flow = shipped_flow();
    for answers in every_path(&flow) {
        let ids = result(&flow, &answers);
        assert!(
            ids.contains(&"spot_fraud".into()) && ids.contains(&"risks_of_irregular_migration".into()),
            "{:?}",
            answers.0
        );
    }
}

#[test]
fn a_person_in_danger_sees_protection_first() {
    let flow = shipped_flow();
    let mut in_danger = 0;
    for answers in every_path(&flow) {
        if answers.get("danger") == Some(&Answer::Choice("yes".into())) {
            in_danger += 1;
            assert_eq!(result(&flow, &answers)[0], "protection", "{:?}", answers.0);
        }
    }
    assert!(in_danger > 0);
}

#[test]
fn a_person_in_danger_looking_for_work_is_told_why_by_the_danger_answer_alone() {
    let flow = shipped_flow();
    let mut answers = Answers::default();
    for (id, option) in [
        ("situation", "in_guatemala"),
        ("danger", "yes"),
        ("age", "25_40"),
        ("goal", "work"),
    ] {
        answers.set(id, Answer::Choice(option.into()));
    }
    let shown = outcomes(&flow, &answers);
    let protection = shown.iter().find(|s| s.outcome.id == "protection").unwrap();
    let because: Vec<&str> = protection.because.iter().map(|(q, _)| q.id.as_str()).collect();
    assert_eq!(because, ["danger"], "not 'because you said: work'");
}

/// Every end result (outcome ids) reachable from `answers`, checking on the way, at every
/// question asked, that its answers lead to different possible results (one walk of the
/// tree, each result computed once).
fn results_checked(flow: &Flow, answers: &Answers) -> BTreeSet<Vec<String>> {
    let Some(question) = next_question(flow, answers) else {
        return BTreeSet::from([result(flow, answers)]);
    };
    let possible: Vec<BTreeSet<Vec<String>>> = sample_answers(question)
        .into_iter()
        .map(|answer| {
            let mut next = answers.clone();
            next.set(&question.id, answer);
            results_checked(flow, &next)
        })
        .collect();
    if question.kind != rumbo::core::assessment::flow::QuestionKind::Place {
        let distinct: BTreeSet<&BTreeSet<Vec<String>>> = possible.iter().collect();
        assert!(
            distinct.len() > 1,
            "question {} cannot matter after {:?}",
            question.id,
            answers.0
        );
    }
    possible.into_iter().flatten().collect()
}

#[test]
fn no_question_is_asked_whose_answer_cannot_matter() {
    // Wherever a question is asked, its answers must lead to different possible
    // results: otherwise the person answers something that changes nothing. (A place
    // question is exempt: the place picks the contacts, not the outcomes.)
    results_checked(&shipped_flow(), &Answers::default());
}

mod personas {
    use super::*;

    fn walk(answers: &[(&str, Answer)]) -> Vec<String> {
        let flow = shipped_flow();
        let mut given = Answers::default();
        for (id, answer) in answers {
            given.set(id, answer.clone());
        }
        assert_eq!(
            next_question(&flow, &given).map(|q| q.id.clone()),
            None,
            "persona answers every question asked"
        );
        result(&flow, &given)
    }

    fn c(id: &str) -> Answer {
        Answer::Choice(id.into())
    }

    /// A place answer: `country` (ISO code) and the region as typed.
    fn place(country: &str, region: &str) -> Answer {
        Answer::Place {
            country: country.into(),
            region: Some(region.into()),
        }
    }

    fn in_texas() -> Answer {
        place("US", "Texas")
    }

    fn set(ids: &[&str]) -> Answer {
        Answer::Choices(ids.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn a_30_year_old_farm_worker_with_a_dpi_and_no_history_abroad() {
        let shown = walk(&[
            ("situation", c("in_guatemala")),
            ("danger", c("no")),
            ("age", c("25_40")),
            ("goal", c("work")),
            ("documents", set(&["dpi"])),
            ("experience", set(&["agriculture"])),
            ("years", Answer::Number(8)),
            ("irregular_history", c("no")),
            ("seasonal", c("yes")),
        ]);
        assert_eq!(
            shown,
            [
                "temporary_work_abroad",
                "get_documents",
                "work_in_guatemala",
                "certify_skills",
                "training",
                "talk_to_the_centre",
                "risks_of_irregular_migration",
                "spot_fraud"
            ]
        );
    }

    #[test]
    fn a_returnee_with_construction_experience() {
        let shown = walk(&[
            ("situation", c("returned")),
            ("danger", c("no")),
            ("age", c("25_40")),
            ("goal", c("work")),
            ("documents", set(&["dpi", "passport"])),
            ("experience", set(&["construction"])),
            ("years", Answer::Number(6)),
            ("irregular_history", c("yes")),
            ("seasonal", c("unsure")),
        ]);
        assert_eq!(
            shown,
            [
                "legal_advice",
                "reintegration",
                // Not the programme as if open: the United States takes no returnees, and
                // the programme asks for no irregular history (fault 1 of issue #24).
                "temporary_work_history",
                "work_in_guatemala",
                "certify_skills",
                "training",
                "talk_to_the_centre",
                "risks_of_irregular_migration",
                "spot_fraud"
            ]
        );
    }

    #[test]
    fn a_16_year_old_who_wants_to_join_a_parent() {
        let shown = walk(&[
            ("situation", c("in_guatemala")),
            ("danger", c("no")),
            ("age", c("under_18")),
            ("goal", c("family")),
            ("relatives", c("parent")),
        ]);
        assert_eq!(
            shown,
            [
                "family_reunification",
                "talk_to_the_centre",
                "risks_of_irregular_migration",
                "spot_fraud"
            ]
        );
    }

    #[test]
    fn someone_in_danger() {
        let shown = walk(&[
            ("situation", c("in_guatemala")),
            ("danger", c("yes")),
            ("age", c("25_40")),
            ("goal", c("safety")),
        ]);
        assert_eq!(
            shown,
            [
                "protection",
                "talk_to_the_centre",
                "risks_of_irregular_migration",
                "spot_fraud"
            ]
        );
    }

    /// Who would rather not say whether they are in danger may well be: they are shown
    /// where to get help, as someone who said yes, without having to say it.
    #[test]
    fn someone_who_prefers_not_to_say_whether_they_are_in_danger() {
        let shown = walk(&[
            ("situation", c("abroad")),
            ("danger", c("prefer_not")),
            ("goal", c("documents")),
            ("abroad_place", in_texas()),
        ]);
        assert_eq!(shown[0], "protection", "{shown:?}");
        assert!(shown.contains(&"consular_services".to_string()), "{shown:?}");
    }

    #[test]
    fn someone_in_guatemala_who_needs_documents_is_told_how_to_get_them_ready() {
        let shown = walk(&[
            ("situation", c("in_guatemala")),
            ("danger", c("no")),
            ("age", c("18_24")),
            ("goal", c("documents")),
        ]);
        assert_eq!(
            shown,
            [
                "get_documents",
                "talk_to_the_centre",
                "risks_of_irregular_migration",
                "spot_fraud"
            ]
        );
    }

    /// The ids and kinds of the contacts under `option` for a person who answered
    /// `answers`, in the order the results list them, from the shipped directory.
    fn contacts(option: &str, answers: &[(&str, Answer)]) -> Vec<(String, Kind, String)> {
        use rumbo::core::assessment::contacts::{Here, contacts_for};
        let flow = shipped_flow();
        let directory = shipped_directory();
        let mut given = Answers::default();
        for (id, answer) in answers {
            given.set(id, answer.clone());
        }
        let here = Here::of(&flow, &directory, &given);
        contacts_for(
            flow.outcome(option).unwrap(),
            &directory,
            here.as_ref(),
            rumbo::core::text::lang::Lang::Es,
        )
        .iter()
        .map(|c| (c.entry.id.clone(), c.entry.kind, c.entry.address.country.to_string()))
        .collect()
    }

    /// The ids of the contacts under `option`, in order, for a person who answered
    /// `answers`.
    fn contact_ids(option: &str, answers: &[(&str, Answer)]) -> Vec<String> {
        contacts(option, answers).into_iter().map(|(id, _, _)| id).collect()
    }

    /// Someone in danger is given first the lines they can call where they are: in
    /// Guatemala its national numbers, in Texas the US lines, never the other's.
    #[test]
    fn someone_in_danger_is_given_the_lines_they_can_call_where_they_are() {
        let in_guatemala = contacts(
            "protection",
            &[
                ("situation", c("in_guatemala")),
                ("danger", c("yes")),
                ("age", c("25_40")),
                ("goal", c("safety")),
            ],
        );
        assert_eq!(in_guatemala[0].1, Kind::Hotline, "{in_guatemala:?}");
        assert!(in_guatemala.iter().any(|(id, _, _)| id == "linea-110-pnc"));
        assert!(
            in_guatemala.iter().all(|(_, _, country)| country == "GT"),
            "{in_guatemala:?}"
        );

        let in_texas = contacts(
            "protection",
            &[
                ("situation", c("abroad")),
                ("danger", c("yes")),
                ("goal", c("safety")),
                ("abroad_place", in_texas()),
            ],
        );
        assert_eq!(in_texas[0].0, "linea-911-eeuu", "{in_texas:?}");
        assert!(
            in_texas.iter().any(|(id, _, _)| id == "linea-nacional-trata-eeuu"),
            "{in_texas:?}"
        );
        assert!(
            !in_texas
                .iter()
                .any(|(id, _, _)| id == "linea-110-pnc" || id == "linea-1574-mp-extorsiones"),
            "Guatemala's short numbers cannot be dialled from Texas: {in_texas:?}"
        );
        assert!(
            in_texas
                .iter()
                .all(|(_, _, country)| country == "US" || country == "GT"),
            "{in_texas:?}"
        );
    }

    /// A workers' organisation in Quebec takes no cases from Ontario: someone in Ontario
    /// is given Canada's lines and the organisations of their province, someone in Quebec
    /// those of theirs, and the consulate of each province comes before the other's.
    #[test]
    fn a_worker_in_canada_is_given_the_organisations_of_their_province() {
        let in_province = |province: &str| {
            contact_ids(
                "protection",
                &[
                    ("situation", c("abroad")),
                    ("danger", c("yes")),
                    ("goal", c("work")),
                    ("abroad_place", place("CA", province)),
                ],
            )
        };
        let ontario = in_province("ON");
        assert!(!ontario.contains(&"rattmaq-quebec".to_string()), "{ontario:?}");
        assert!(ontario.contains(&"linea-canadiense-trata".to_string()), "{ontario:?}");
        let quebec = in_province("Québec");
        assert!(quebec.contains(&"rattmaq-quebec".to_string()), "{quebec:?}");
        assert!(quebec.contains(&"linea-canadiense-trata".to_string()), "{quebec:?}");
        let temporary_work =
            |province: &str| contact_ids("temporary_work_abroad", &[("abroad_place", place("CA", province))]);
        assert!(temporary_work("Quebec").iter().all(|id| !id.starts_with("tno-")));
        assert!(temporary_work("Ontario").iter().any(|id| id.starts_with("tno-")));
    }

    /// Someone who types their city is measured from it: Houston's consulate comes
    /// first, a few kilometres away, not after Dallas's as from the middle of Texas.
    #[test]
    fn a_guatemalan_who_types_houston_is_shown_houstons_consulate_first() {
        let houston = place("US", "Houston");
        let shown = contacts(
            "consular_services",
            &[
                ("situation", c("abroad")),
                ("danger", c("no")),
                ("goal", c("documents")),
                ("abroad_place", houston),
            ],
        );
        assert_eq!(shown[0].0, "consulado-houston", "{shown:?}");
    }

    /// A Guatemalan in Texas is not handed the whole network: no consulate's district is
    /// recorded for Texas, so the results show the three nearest, all of them in Texas,
    /// and a way to see the rest in the directory.
    #[test]
    fn a_guatemalan_in_texas_is_shown_three_consulates_in_texas_and_a_way_to_see_all() {
        use rumbo::core::assessment::contacts::{Here, contacts_for, shown_contacts};
        let flow = shipped_flow();
        let directory = shipped_directory();
        let mut answers = Answers::default();
        for (id, answer) in [
            ("situation", c("abroad")),
            ("danger", c("no")),
            ("goal", c("documents")),
            ("abroad_place", in_texas()),
        ] {
            answers.set(id, answer);
        }
        let here = Here::of(&flow, &directory, &answers);
        let all = contacts_for(
            flow.outcome("consular_services").unwrap(),
            &directory,
            here.as_ref(),
            rumbo::core::text::lang::Lang::Es,
        );
        let (shown, left_out) = shown_contacts(all);
        let consulates: Vec<_> = shown.iter().filter(|c| c.entry.kind == Kind::Consulate).collect();
        assert_eq!(
            consulates.len(),
            3,
            "{:?}",
            consulates.iter().map(|c| &c.entry.id).collect::<Vec<_>>()
        );
        assert!(
            consulates
                .iter()
                .all(|c| c.entry.address.region.as_deref() == Some("Texas")),
            "{:?}",
            consulates.iter().map(|c| &c.entry.id).collect::<Vec<_>>()
        );
        assert!(
            left_out >= 20,
            "the rest of the network is a link away, not listed: {left_out}"
        );
        // Someone in Kansas is served by one consulate's district: that one alone.
        let mut kansas = answers.clone();
        kansas.set("abroad_place", place("US", "Kansas"));
        let here = Here::of(&flow, &directory, &kansas);
        let (shown, _) = shown_contacts(contacts_for(
            flow.outcome("consular_services").unwrap(),
            &directory,
            here.as_ref(),
            rumbo::core::text::lang::Lang::Es,
        ));
        let consulates: Vec<&str> = shown
            .iter()
            .filter(|c| c.entry.kind == Kind::Consulate)
            .map(|c| c.entry.id.as_str())
            .collect();
        assert_eq!(consulates, ["consulado-oklahoma-city"]);
    }

    /// A worker abroad who is not paid is told first where to report it: the lines of
    /// the country they work in and the organisations of their province, not another
    /// country's line or another province's organisation.
    #[test]
    fn a_farm_worker_in_ontario_who_is_not_paid_is_told_where_to_report_it() {
        let answers = [
            ("situation", c("abroad")),
            ("danger", c("no")),
            ("goal", c("work")),
            ("abroad_place", place("CA", "Ontario")),
        ];
        let shown = walk(&answers);
        assert_eq!(shown[..2], ["rights_at_work_abroad", "consular_services"], "{shown:?}");
        let ids: Vec<String> = contact_ids("rights_at_work_abroad", &answers);
        for expected in [
            "linea-denuncias-tet-service-canada",
            "tno-worker-support-services-ontario",
            "horizons-migrant-worker-outreach-northumberland",
        ] {
            assert!(ids.iter().any(|id| id == expected), "{expected}: {ids:?}");
        }
        for unusable in ["linea-whd-dol-eeuu", "rattmaq-quebec"] {
            assert!(!ids.iter().any(|id| id == unusable), "{unusable}: {ids:?}");
        }
    }

    /// A returnee who has not said where they live is shown first what serves all of
    /// Guatemala; an organisation for one department comes after.
    #[test]
    fn a_returnee_is_shown_what_serves_the_whole_country_before_one_departments_organisations() {
        let ids: Vec<String> = contact_ids(
            "reintegration",
            &[
                ("situation", c("returned")),
                ("danger", c("no")),
                ("age", c("25_40")),
                ("goal", c("work")),
            ],
        );
        let at = |id: &str| {
            ids.iter()
                .position(|i| i == id)
                .unwrap_or_else(|| panic!("{id}: {ids:?}"))
        };
        for regional in ["asociacion-pop-noj", "tierra-nueva-espacio-amigable-tecun-uman"] {
            assert!(at("centro-recursos-migrantes-quetzaltenango") < at(regional), "{ids:?}");
            assert!(at("intecap") < at(regional), "{ids:?}");
        }
    }

    /// A mother in Guatemala asking for her son in Kansas is shown first the consulate
    /// whose district covers Kansas, not every consulate in alphabetical order; and
    /// Guatemala's own lines stay, for her.
    #[test]
    fn a_mother_asking_for_her_son_in_kansas_is_shown_his_consulate_first() {
        let answers = [
            ("situation", c("for_family")),
            ("danger", c("no")),
            ("goal", c("documents")),
            ("relative_place", place("US", "Kansas")),
        ];
        let shown = walk(&answers);
        assert_eq!(shown[0], "consular_services", "{shown:?}");
        let ids: Vec<String> = contact_ids("consular_services", &answers);
        assert_eq!(ids[0], "consulado-oklahoma-city", "{ids:?}");
        let protection = contacts(
            "protection",
            &[
                ("situation", c("for_family")),
                ("danger", c("yes")),
                ("goal", c("safety")),
                ("relative_place", place("US", "Kansas")),
            ],
        );
        assert!(
            protection.iter().any(|(id, _, _)| id == "linea-110-pnc"),
            "{protection:?}"
        );
        // Asking about a relative's work there: where to report abuse, from their place.
        let work = [
            ("situation", c("for_family")),
            ("danger", c("no")),
            ("goal", c("work")),
            ("relative_place", place("US", "Kansas")),
        ];
        assert!(walk(&work).contains(&"rights_at_work_abroad".to_string()));
        let lines = contacts("rights_at_work_abroad", &work);
        assert_eq!(lines[0].0, "linea-whd-dol-eeuu", "{lines:?}");
    }

    #[test]
    fn a_guatemalan_in_houston_who_needs_a_passport() {
        let shown = walk(&[
            ("situation", c("abroad")),
            ("danger", c("no")),
            ("goal", c("documents")),
            ("abroad_place", in_texas()),
        ]);
        assert_eq!(
            shown,
            ["consular_services", "risks_of_irregular_migration", "spot_fraud"]
        );
    }
}

#[test]
fn every_path_of_the_shipped_flow_survives_a_share_link() {
    use rumbo::core::assessment::share_code::{decode, encode};
    let flow = shipped_flow();
    for answers in every_path(&flow) {
        let code = encode(&flow, &answers);
        assert_eq!(decode(&flow, &code).as_ref(), Ok(&answers), "{code}");
    }
}

/// The numbers the options tell people to call are the directory's, and each links to
/// its line's page: a step's "110" is the PNC line, never a number the directory lacks.
#[test]
fn the_numbers_in_the_options_steps_are_the_directorys_lines() {
    use rumbo::core::assessment::line_mentions::line_mentions;
    let flow = shipped_flow();
    let directory = shipped_directory();
    let linked = |outcome: &str, lang: &str| -> Vec<(String, String)> {
        flow.outcome(outcome)
            .unwrap()
            .steps
            .iter()
            .flat_map(|step| line_mentions(step.get_code(lang), &directory))
            .filter_map(|(piece, id)| Some((piece.to_string(), id?.to_string())))
            .collect()
    };
    let pair = |n: &str, id: &str| (n.to_string(), id.to_string());
    for lang in ["es", "en"] {
        assert_eq!(
            linked("protection", lang),
            [
                pair("110", "linea-110-pnc"),
                pair("1574", "linea-1574-mp-extorsiones"),
                pair("1546", "linea-1546-alba-keneth"),
                pair("110", "linea-110-pnc"),
                pair("112", "linea-112-espana"),
                pair("1-800-799-7233", "linea-nacional-violencia-domestica-eeuu"),
            ],
            "{lang}"
        );
        assert_eq!(
            linked("temporary_work_abroad", lang),
            [
                pair("1-866-487-9243", "linea-whd-dol-eeuu"),
                pair("1-866-602-9448", "linea-denuncias-tet-service-canada"),
            ],
            "{lang}"
        );
    }
}
