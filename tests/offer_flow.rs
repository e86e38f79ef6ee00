//! The offer check ("¿Es real esta oferta de trabajo?", `flow-oferta.json`) walked path by
//! path like the assessment (tests/flow.rs), its personas, and what every flow the
//! content ships must keep: each question and outcome reachable, every path surviving a
//! share link made for that flow only.

#[path = "support/shipped.rs"]
mod shipped;
use rumbo::core::assessment::answers::{Answer, Answers};
use rumbo::core::assessment::engine::{every_path, next_question, outcomes};
use rumbo::core::assessment::flow::Flow;
use rumbo::core::assessment::share_code::{self, ShareError};
use shipped::content;
use std::collections::BTreeSet;

fn offer() -> Flow {
    content().flow_by_id("oferta").expect("the offer check ships").clone()
}

fn shown(flow: &Flow, answers: &Answers) -> Vec<String> {
    outcomes(flow, answers).iter().map(|s| s.outcome.id.clone()).collect()
}

const SIGNS: [&str; 11] = [
    "cobro",
    "dinero-visa",
    "pago-viaje",
    "documentos",
    "deuda",
    "visa-garantizada",
    "sin-entrevista",
    "cita-falsa",
    "canal-informal",
    "no-inscrito",
    "sin-datos",
];

fn choice(id: &str) -> Answer {
    Answer::Choice(id.into())
}

fn ticked(ids: &[&str]) -> Answer {
    Answer::choices(ids.iter().map(|s| s.to_string()))
}

fn answered(flow: &Flow, pairs: &[(&str, Answer)]) -> Answers {
    let mut answers = Answers::default();
    for (question, answer) in pairs {
        answers.set(question, answer.clone());
    }
    assert_eq!(next_question(flow, &answers).map(|q| q.id.clone()), None, "complete");
    answers
}

#[test]
fn every_flow_has_every_question_and_outcome_reachable_and_its_own_share_links() {
    let content = content();
    assert!(content.all_flows().count() >= 2);
    for flow in content.all_flows() {
        let paths = every_path(flow);
        let asked: BTreeSet<&str> = paths.iter().flat_map(|a| a.0.keys().map(String::as_str)).collect();
        for q in &flow.questions {
            assert!(asked.contains(q.id.as_str()), "{}: {} never asked", flow.id, q.id);
        }
        let seen: BTreeSet<String> = paths.iter().flat_map(|a| shown(flow, a)).collect();
        for o in &flow.outcomes {
            assert!(seen.contains(&o.id), "{}: {} never shown", flow.id, o.id);
            assert!(!o.sources.is_empty() && !o.reviewed_on.is_empty(), "{}", o.id);
        }
        let others: Vec<&Flow> = content.all_flows().filter(|f| f.id != flow.id).collect();
        for answers in paths.iter().step_by(97) {
            let code = share_code::encode(flow, answers);
            assert_eq!(share_code::decode(flow, &code).as_ref(), Ok(answers), "{}", flow.id);
            for other in &others {
                assert!(
                    share_code::decode(other, &code).is_err(),
                    "a {} code opens nothing on /{}",
                    flow.id,
                    other.id
                );
            }
        }
    }
}

#[test]
fn every_path_shows_how_to_check_and_where_to_report_and_never_calls_an_offer_real() {
    let flow = offer();
    let paths = every_path(&flow);
    assert!(paths.len() > 10_000, "{} paths", paths.len());
    for answers in &paths {
        let ids = shown(&flow, answers);
        for always in ["comprobar-guatemala", "denunciar", "lo-normal"] {
            assert!(ids.iter().any(|i| i == always), "{always} missing for {:?}", answers.0);
        }
        let signs = ids.iter().filter(|i| SIGNS.contains(&i.as_str())).count();
        let none_found = ids.iter().any(|i| i == "sin-senales");
        assert!(
            (signs == 0) == none_found,
            "either signs or «none found», never both: {:?}",
            answers.0
        );
        if answers.get("paid") == Some(&choice("yes")) {
            assert_eq!(ids[0], "ya-pago", "what to do now comes first");
        }
    }
    let every_sign: BTreeSet<&str> = flow.outcomes.iter().map(|o| o.id.as_str()).collect();
    for sign in SIGNS {
        assert!(every_sign.contains(sign), "{sign} is in the data");
    }
    // No false comfort, in either language.
    for o in &flow.outcomes {
        for text in std::iter::once(&o.summary).chain(&o.steps).chain([&o.title]) {
            for lang in ["es", "en"] {
                let t = text.get_code(lang).to_lowercase();
                for claim in [
                    "la oferta es real",
                    "es legítima",
                    "offer is real.",
                    "offer is genuine",
                    "is legitimate",
                ] {
                    assert!(!t.contains(claim), "{}: «{claim}»", o.id);
                }
            }
        }
    }
    let none = flow.outcome("sin-senales").unwrap();
    assert!(
        none.summary
            .get_code("es")
            .contains("no quiere decir que la oferta sea real")
    );
    assert!(none.summary.get_code("en").contains("does not mean the offer is real"));
}

#[test]
fn persona_whatsapp_offer_for_canada_asking_q5000_for_the_visa() {
    let flow = offer();
    let answers = answered(
        &flow,
        &[
            ("channel", choice("whatsapp")),
            ("country", choice("canada")),
            ("programme", choice("recruiter")),
            ("asked_for", ticked(&["money_visa"])),
            ("promised", ticked(&["guaranteed_visa"])),
            ("registered", choice("dont_know")),
            ("job_details", choice("nothing")),
            ("paid", choice("no")),
        ],
    );
    let ids = shown(&flow, &answers);
    for expected in [
        "dinero-visa",
        "visa-garantizada",
        "canal-informal",
        "comprobar-guatemala",
        "comprobar-canada",
        "denunciar",
    ] {
        assert!(ids.iter().any(|i| i == expected), "{expected} in {ids:?}");
    }
    for absent in ["sin-senales", "ya-pago", "comprobar-eeuu", "comprobar-mexico"] {
        assert!(!ids.iter().any(|i| i == absent), "{absent} in {ids:?}");
    }
    let first_sign = ids.iter().position(|i| SIGNS.contains(&i.as_str())).unwrap();
    let check = ids.iter().position(|i| i == "comprobar-guatemala").unwrap();
    assert!(first_sign < check, "the signs come before the rest");
}

#[test]
fn persona_an_offer_through_mintrabs_programme_with_no_payment() {
    let flow = offer();
    let answers = answered(
        &flow,
        &[
            ("channel", choice("mintrab")),
            ("country", choice("us")),
            ("programme", choice("mintrab")),
            ("asked_for", ticked(&[])),
            ("promised", ticked(&[])),
            ("job_details", choice("with_number")),
            ("paid", choice("no")),
        ],
    );
    assert!(
        answers.get("registered").is_none(),
        "not asked of the Mintrab's own programme"
    );
    let ids = shown(&flow, &answers);
    assert_eq!(ids[0], "sin-senales", "{ids:?}");
    assert!(!ids.iter().any(|i| SIGNS.contains(&i.as_str())), "{ids:?}");
    for how_to_confirm in ["comprobar-guatemala", "comprobar-eeuu"] {
        assert!(ids.iter().any(|i| i == how_to_confirm), "{ids:?}");
    }
    let us = flow.outcome("comprobar-eeuu").unwrap();
    assert!(
        us.links
            .iter()
            .any(|l| l.url.starts_with("https://seasonaljobs.dol.gov"))
    );
    let gt = flow.outcome("comprobar-guatemala").unwrap();
    assert!(gt.links.iter().any(|l| l.url == "https://tuempleo.mintrabajo.gob.gt"));
}

#[test]
fn persona_already_paid_a_recruiter_for_a_us_job() {
    let flow = offer();
    let answers = answered(
        &flow,
        &[
            ("channel", choice("community")),
            ("country", choice("us")),
            ("programme", choice("recruiter")),
            ("asked_for", ticked(&["money_process"])),
            ("promised", ticked(&[])),
            ("registered", choice("says_yes")),
            ("job_details", choice("without_number")),
            ("paid", choice("yes")),
        ],
    );
    let ids = shown(&flow, &answers);
    assert_eq!(ids[0], "ya-pago", "{ids:?}");
    let now = flow.outcome("ya-pago").unwrap();
    assert!(now.steps[0].get_code("es").contains("denuncia"), "reporting first");
    assert!(now.steps[0].get_code("en").contains("complaint"));
    assert!(
        now.steps.iter().any(|s| s.get_code("en").contains("first paycheck")),
        "the recovery of fees the DOL sets out"
    );
    for expected in ["cobro", "canal-informal", "sin-datos", "denunciar", "comprobar-eeuu"] {
        assert!(ids.iter().any(|i| i == expected), "{expected} in {ids:?}");
    }
    assert!(!ids.iter().any(|i| i == "no-inscrito"), "they said it is registered");
}

/// "¿Para qué país es el trabajo?" — "No lo sé". An offer that does not say where the job
/// is lacks what a trustworthy recruiter gives (the employer's address, U.S. Embassy
/// sources of `sin-datos`); until this was its own answer ("Otro país, o no lo sé"), an
/// offer otherwise in order was told no warning sign was found.
#[test]
fn persona_an_offer_that_does_not_say_which_country() {
    let flow = offer();
    let country = flow.question("country").expect("the country question");
    assert!(
        country.option("dont_know").is_some() && country.option("other").is_some(),
        "not knowing the country is an answer of its own, apart from another country"
    );
    let answers = |country: &str| {
        answered(
            &flow,
            &[
                ("channel", choice("agency_office")),
                ("country", choice(country)),
                ("programme", choice("mintrab")),
                ("asked_for", ticked(&[])),
                ("promised", ticked(&[])),
                ("job_details", choice("with_number")),
                ("paid", choice("no")),
            ],
        )
    };
    let unknown = shown(&flow, &answers("dont_know"));
    assert!(unknown.iter().any(|i| i == "sin-datos"), "{unknown:?}");
    assert!(!unknown.iter().any(|i| i == "sin-senales"), "{unknown:?}");
    let sign = outcomes(&flow, &answers("dont_know"))
        .into_iter()
        .find(|s| s.outcome.id == "sin-datos")
        .expect("the warning");
    assert!(
        sign.because.iter().any(|(q, _)| q.id == "country"),
        "the warning says it is because of the country answer"
    );
    // Another country, named: no warning for that alone.
    let elsewhere = shown(&flow, &answers("other"));
    assert_eq!(elsewhere[0], "sin-senales", "{elsewhere:?}");
}

#[test]
fn the_assessment_and_the_offer_check_lead_into_each_other() {
    let content = content();
    let to = |flow: &Flow, path: &str| -> Vec<String> {
        flow.outcomes
            .iter()
            .filter(|o| o.links.iter().any(|l| l.url == path))
            .map(|o| o.id.clone())
            .collect()
    };
    let into_check = to(&content.flow, "/oferta");
    assert!(into_check.contains(&"spot_fraud".to_string()), "{into_check:?}");
    assert!(into_check.contains(&"temporary_work_abroad".to_string()));
    assert!(!to(content.flow_by_id("oferta").unwrap(), "/opciones").is_empty());
}

#[test]
fn an_offer_code_on_the_assessment_is_refused_not_misread() {
    let content = content();
    let offer = content.flow_by_id("oferta").unwrap();
    let code = share_code::encode(offer, &every_path(offer)[0]);
    assert!(matches!(
        share_code::decode(&content.flow, &code),
        Err(ShareError::Tampered | ShareError::OtherVersion)
    ));
    let mut same_version = offer.clone();
    same_version.version = content.flow.version;
    let code = share_code::encode(&same_version, &every_path(offer)[0]);
    assert_eq!(share_code::decode(&content.flow, &code), Err(ShareError::Tampered));
}
