//! The content validator: every rule the data must keep, checked in one pass that
//! returns every problem (not just the first), each with where it is and what is wrong
//! in Spanish and English. The app refuses new data with any problem; the host tests
//! hold the shipped data to it; the staff's tool will print its list.

use crate::core::assessment::condition::Condition;
use crate::core::assessment::flow::{Flow, QuestionKind};
use crate::core::content::condition_check::check_condition;
use crate::core::directory::entry::{Directory, Entry, FACT_FIELDS, PhoneKind, Tier, field_covers};
use crate::core::directory::links::{is_dialable, is_email, is_https, is_short_number};
use crate::core::directory::opening::minutes;
use crate::core::problem::Problem;
use crate::core::text::lang::Text;
use std::collections::BTreeSet;

/// Every problem in the directory and the flow. `today` (`YYYY-MM-DD`) bounds the dates:
/// a check cannot have happened in the future.
pub fn validate(directory: &Directory, flow: &Flow, today: &str) -> Vec<Problem> {
    let mut problems = validate_directory(directory, today);
    problems.extend(validate_flow(flow, directory, today));
    problems
}

pub fn validate_directory(directory: &Directory, today: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut ids = BTreeSet::new();
    for (i, e) in directory.entries.iter().enumerate() {
        let at = |field: &str| format!("{}: entries[{i}] ({}).{field}", Directory::FILE, e.id);
        check_id(&mut out, &at("id"), &e.id);
        if !ids.insert(e.id.as_str()) {
            out.push(Problem::new(at("id"), "el id está repetido", "the id is repeated"));
        }
        check_text(&mut out, &at("name"), &e.name);
        if !e.description.is_empty() {
            check_text(&mut out, &at("description"), &e.description);
        }
        if let Some(alert) = &e.alert {
            check_text(&mut out, &at("alert"), alert);
        }
        check_country(&mut out, &at("address.country"), &e.address.country);
        if let Some(l) = &e.location
            && !((-90.0..=90.0).contains(&l.latitude) && (-180.0..=180.0).contains(&l.longitude))
        {
            out.push(Problem::new(
                at("location"),
                "coordenadas fuera de rango (latitud −90..90, longitud −180..180)",
                "coordinates out of range (latitude −90..90, longitude −180..180)",
            ));
        }
        for (p, phone) in e.phones.iter().enumerate() {
            if phone.kind == PhoneKind::Whatsapp && is_short_number(&phone.number) {
                out.push(Problem::new(
                    at(&format!("phones[{p}].number")),
                    "un número corto no tiene WhatsApp: escriba el número completo en formato E.164",
                    "a short number has no WhatsApp: write the full number, E.164",
                ));
            } else if !is_dialable(&phone.number, phone.kind) {
                out.push(Problem::new(
                    at(&format!("phones[{p}].number")),
                    "el teléfono debe ir en formato E.164 («+» y de 8 a 15 dígitos, sin espacios) o ser un número corto nacional de 3 a 5 dígitos (110)",
                    "the phone must be E.164 («+» and 8 to 15 digits, no spaces) or a national short number of 3 to 5 digits (110)",
                ));
            }
        }
        if let Some(email) = &e.email
            && !is_email(email)
        {
            out.push(Problem::new(
                at("email"),
                "el correo no tiene forma válida",
                "the email address is not valid",
            ));
        }
        if let Some(url) = &e.website {
            check_https(&mut out, &at("website"), url);
        }
        if let Some(hours) = &e.hours {
            if !is_time_zone(&hours.time_zone) {
                out.push(Problem::new(
                    at("hours.time_zone"),
                    "zona horaria no válida: use un nombre IANA como America/Guatemala",
                    "invalid time zone: use an IANA name such as America/Guatemala",
                ));
            }
            for (h, o) in hours.weekly.iter().enumerate() {
                match (minutes(&o.opens), minutes(&o.closes)) {
                    (Some(open), Some(close)) if close > open => {}
                    (Some(_), Some(_)) => out.push(Problem::new(
                        at(&format!("hours.weekly[{h}]")),
                        "la hora de cierre debe ser posterior a la de apertura",
                        "the closing time must be after the opening time",
                    )),
                    _ => out.push(Problem::new(
                        at(&format!("hours.weekly[{h}]")),
                        "las horas van como HH:MM, de 00:00 a 24:00",
                        "times are written HH:MM, from 00:00 to 24:00",
                    )),
                }
            }
        }
        for (l, code) in e.languages.iter().enumerate() {
            if !is_language_code(code) {
                out.push(Problem::new(
                    at(&format!("languages[{l}]")),
                    "los idiomas van como códigos ISO 639-3 de tres letras (spa, eng, quc, mam)",
                    "languages are three-letter ISO 639-3 codes (spa, eng, quc, mam)",
                ));
            }
        }
        for (a, area) in e.service_area.iter().enumerate() {
            check_country(&mut out, &at(&format!("service_area[{a}].country")), &area.country);
        }
        check_date(&mut out, &at("verified_on"), &e.verified_on, today);
        if e.source.trim().is_empty() && e.sources.is_empty() {
            out.push(Problem::new(at("source"), "falta la fuente", "the source is missing"));
        }
        check_sources(&mut out, &at, e, today);
        if let Some(parent) = &e.part_of
            && (parent == &e.id || directory.entry(parent).is_none())
        {
            out.push(Problem::new(
                at("part_of"),
                &format!("no hay otro contacto con el id «{parent}»"),
                &format!("there is no other entry with the id «{parent}»"),
            ));
        }
    }
    out
}

/// The structured sources of an entry: each well formed, and, once an entry has them,
/// every fact it states supported by one, a phone or a street by more than an
/// aggregator.
fn check_sources(out: &mut Vec<Problem>, at: &dyn Fn(&str) -> String, e: &Entry, today: &str) {
    for (s, source) in e.sources.iter().enumerate() {
        let at_source = |field: &str| at(&format!("sources[{s}].{field}"));
        if source.title.trim().is_empty() {
            out.push(Problem::new(
                at_source("title"),
                "falta el título",
                "the title is missing",
            ));
        }
        if source.publisher.trim().is_empty() {
            out.push(Problem::new(
                at_source("publisher"),
                "falta quién lo publicó",
                "the publisher is missing",
            ));
        }
        if let Some(url) = &source.url {
            check_https(out, &at_source("url"), url);
        }
        if !is_source_date(&source.date) {
            out.push(Problem::new(
                at_source("date"),
                "la fecha de la fuente va como AAAA-MM-DD, AAAA-MM o AAAA y debe existir",
                "a source's date is YYYY-MM-DD, YYYY-MM or YYYY and must exist",
            ));
        } else if is_date(today) && source.date.as_str() > &today[..source.date.len()] {
            out.push(Problem::new(
                at_source("date"),
                "la fecha está en el futuro",
                "the date is in the future",
            ));
        }
        if source.supports.is_empty() {
            out.push(Problem::new(
                at_source("supports"),
                "diga qué datos respalda (phones, address.street, hours…)",
                "say which facts it supports (phones, address.street, hours…)",
            ));
        }
        for (f, field) in source.supports.iter().enumerate() {
            let phone = field
                .strip_prefix("phones[")
                .and_then(|rest| rest.strip_suffix(']'))
                .and_then(|n| n.parse::<usize>().ok())
                .is_some_and(|n| n < e.phones.len());
            if !phone && !FACT_FIELDS.contains(&field.as_str()) {
                out.push(Problem::new(
                    at_source(&format!("supports[{f}]")),
                    &format!(
                        "«{field}» no es un dato del contacto: use {}, o phones[N]",
                        FACT_FIELDS.join(", ")
                    ),
                    &format!(
                        "«{field}» is not a fact of the entry: use {}, or phones[N]",
                        FACT_FIELDS.join(", ")
                    ),
                ));
            }
        }
    }
    if e.sources.is_empty() {
        return;
    }
    for fact in e.stated_facts() {
        let mut supporting = e
            .sources
            .iter()
            .filter(|s| s.supports.iter().any(|n| field_covers(n, &fact)));
        let Some(first) = supporting.next() else {
            out.push(Problem::new(
                at(&fact),
                "ninguna fuente respalda este dato: nómbrelo en «supports» de la fuente donde se leyó",
                "no source supports this fact: name it in «supports» of the source it was read in",
            ));
            continue;
        };
        let contact = fact == "address.street" || fact.starts_with("phones[");
        if contact && first.tier == Tier::Aggregator && supporting.all(|s| s.tier == Tier::Aggregator) {
            out.push(Problem::new(
                at(&fact),
                "un teléfono o una dirección no se publica con solo un agregador de fuente: hace falta una fuente oficial o de prensa",
                "a phone or an address is not published on an aggregator alone: an official or press source is needed",
            ));
        }
    }
}

/// A source's date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
pub fn is_source_date(text: &str) -> bool {
    let year = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    match text.len() {
        4 => year(text),
        7 => is_date(&format!("{text}-01")),
        _ => is_date(text),
    }
}

pub fn validate_flow(flow: &Flow, directory: &Directory, today: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    // Inserted one by one: collecting into a set sorts first, one more copy of the
    // library's sort in the wasm.
    let mut tags = BTreeSet::new();
    for tag in directory.entries.iter().flat_map(|e| &e.tags) {
        tags.insert(tag.as_str());
    }
    let share = crate::core::assessment::share_code::MAX_QUESTIONS;
    if flow.questions.len() > share {
        out.push(Problem::new(
            format!("{}: questions", Flow::FILE),
            &format!("como máximo {share} preguntas (un enlace compartido las numera en un byte)"),
            &format!("at most {share} questions (a share link numbers them in one byte)"),
        ));
    }
    let mut ids = BTreeSet::new();
    for (i, q) in flow.questions.iter().enumerate() {
        let at = |field: &str| format!("{}: questions[{i}] ({}).{field}", flow.file_name(), q.id);
        check_id(&mut out, &at("id"), &q.id);
        if !ids.insert(q.id.as_str()) {
            out.push(Problem::new(at("id"), "el id está repetido", "the id is repeated"));
        }
        check_text(&mut out, &at("prompt"), &q.prompt);
        check_text(&mut out, &at("why"), &q.why);
        let choice = matches!(q.kind, QuestionKind::SingleChoice | QuestionKind::MultipleChoice);
        if choice && q.options.len() < 2 {
            out.push(Problem::new(
                at("options"),
                "hacen falta al menos dos opciones",
                "at least two options are needed",
            ));
        }
        let most = crate::core::assessment::share_code::MAX_OPTIONS;
        if q.options.len() > most {
            out.push(Problem::new(
                at("options"),
                &format!("como máximo {most} opciones"),
                &format!("at most {most} options"),
            ));
        } else if q.kind == QuestionKind::MultipleChoice && q.options.len() > 16 {
            out.push(Problem::new(
                at("options"),
                "como máximo 16 opciones",
                "at most 16 options",
            ));
        }
        let mut option_ids = BTreeSet::new();
        for (o, option) in q.options.iter().enumerate() {
            check_id(&mut out, &at(&format!("options[{o}].id")), &option.id);
            if !option_ids.insert(option.id.as_str()) {
                out.push(Problem::new(
                    at(&format!("options[{o}].id")),
                    "la opción está repetida",
                    "the option is repeated",
                ));
            }
            check_text(&mut out, &at(&format!("options[{o}].label")), &option.label);
            if let Some(country) = &option.country {
                let known = crate::core::directory::geo::known_countries().any(|k| k == country);
                if q.kind != QuestionKind::SingleChoice || !known {
                    out.push(Problem::new(
                        at(&format!("options[{o}].country")),
                        &format!("«{country}» no sirve aquí: un país que Rumbo conoce (GT, US, MX…), solo en preguntas de una respuesta"),
                        &format!("«{country}» is not usable here: a country Rumbo knows (GT, US, MX…), in single-choice questions only"),
                    ));
                }
            }
        }
        if let (Some(min), Some(max)) = (q.min, q.max)
            && min > max
        {
            out.push(Problem::new(
                at("min"),
                "el mínimo es mayor que el máximo",
                "the minimum is greater than the maximum",
            ));
        }
        if let Some(show_if) = &q.show_if {
            out.extend(check_condition(show_if, flow, &at("show_if")));
            for read in show_if.questions() {
                let earlier = flow.questions[..i].iter().any(|p| p.id == read);
                if !earlier && flow.question(read).is_some() {
                    out.push(Problem::new(
                        at("show_if"),
                        &format!("solo puede depender de preguntas anteriores, no de «{read}»"),
                        &format!("it may only depend on earlier questions, not on «{read}»"),
                    ));
                }
            }
        }
    }
    let mut outcome_ids = BTreeSet::new();
    for (i, o) in flow.outcomes.iter().enumerate() {
        let at = |field: &str| format!("{}: outcomes[{i}] ({}).{field}", flow.file_name(), o.id);
        check_id(&mut out, &at("id"), &o.id);
        if !outcome_ids.insert(o.id.as_str()) {
            out.push(Problem::new(at("id"), "el id está repetido", "the id is repeated"));
        }
        check_text(&mut out, &at("title"), &o.title);
        check_text(&mut out, &at("summary"), &o.summary);
        for (field, list) in [
            ("requirements", &o.requirements),
            ("steps", &o.steps),
            ("warnings", &o.warnings),
        ] {
            for (n, text) in list.iter().enumerate() {
                check_text(&mut out, &at(&format!("{field}[{n}]")), text);
            }
        }
        if !o.cost.is_empty() {
            check_text(&mut out, &at("cost"), &o.cost);
        }
        if let Some(applies_if) = &o.applies_if {
            out.extend(check_condition(applies_if, flow, &at("applies_if")));
        }
        // A requirement that names an age ("18 años o más") must be kept by the condition:
        // an outcome for adults is never shown to someone who answered "under 18".
        for (n, text) in o.requirements.iter().enumerate() {
            let Some(age) = stated_minimum_age(text) else { continue };
            for (question, option, below) in under_age_options(flow) {
                let kept = o.applies_if.as_ref().is_some_and(|c| excludes(c, question, option));
                if below <= age && !kept {
                    out.push(Problem::new(
                        at(&format!("requirements[{n}]")),
                        &format!(
                            "pide {age} años o más, pero «applies_if» no excluye la respuesta «{option}» de «{question}»"
                        ),
                        &format!("it asks for {age} or older, but «applies_if» does not exclude the answer «{option}» to «{question}»"),
                    ));
                }
            }
        }
        for id in &o.explained_by {
            if flow.question(id).is_none() {
                out.push(Problem::new(
                    at("explained_by"),
                    &format!("no existe la pregunta «{id}»"),
                    &format!("there is no question «{id}»"),
                ));
            }
        }
        for tag in &o.directory_tags {
            if !tags.contains(tag.as_str()) {
                out.push(Problem::new(
                    at("directory_tags"),
                    &format!("ningún contacto del directorio tiene la etiqueta «{tag}»"),
                    &format!("no directory entry has the tag «{tag}»"),
                ));
            }
        }
        if o.sources.is_empty() {
            out.push(Problem::new(
                at("sources"),
                "falta al menos una fuente oficial",
                "at least one official source is needed",
            ));
        }
        for (s, source) in o.sources.iter().enumerate() {
            check_text(&mut out, &at(&format!("sources[{s}].title")), &source.title);
            check_https(&mut out, &at(&format!("sources[{s}].url")), &source.url);
        }
        check_date(&mut out, &at("reviewed_on"), &o.reviewed_on, today);
    }
    out
}

/// The minimum age a text states, in the words the content uses: "18 años o más",
/// "mayor de edad" (18), "18 or older", "aged 18 or over".
pub fn stated_minimum_age(text: &Text) -> Option<u32> {
    let number_before = |lower: &str, marker: &str| -> Option<u32> {
        let at = lower.find(marker)?;
        let digits: String = lower[..at]
            .trim_end()
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.chars().rev().collect::<String>().parse().ok()
    };
    text.0.values().find_map(|t| {
        let lower: String = t.chars().flat_map(char::to_lowercase).collect();
        ["años o más", "or older", "or over", "años cumplidos", "+ años"]
            .iter()
            .find_map(|m| number_before(&lower, m))
            .or_else(|| (lower.contains("mayor de edad") || lower.contains("mayores de edad")).then_some(18))
    })
}

/// The options of single-choice questions that say the person is younger than an age
/// ("Menos de 18 años", "Under 18"): `(question, option, age)`.
pub fn under_age_options(flow: &Flow) -> Vec<(&str, &str, u32)> {
    let mut found = Vec::new();
    for q in flow.questions.iter().filter(|q| q.kind == QuestionKind::SingleChoice) {
        for o in &q.options {
            let age = o.label.0.values().find_map(|label| {
                let lower: String = label.chars().flat_map(char::to_lowercase).collect();
                ["menos de ", "under "].iter().find_map(|m| {
                    let rest = lower.strip_prefix(m)?;
                    rest.chars()
                        .take_while(char::is_ascii_digit)
                        .collect::<String>()
                        .parse()
                        .ok()
                })
            });
            if let Some(age) = age {
                found.push((q.id.as_str(), o.id.as_str(), age));
            }
        }
    }
    found
}

/// Whether `condition` cannot hold when `question` is answered `option`: a sound, simple
/// reading (an `all` with a part that excludes it, an `any` whose every part does, an
/// `equals` or `one_of` of other options, a `not` of one that needs it).
pub fn excludes(condition: &Condition, question: &str, option: &str) -> bool {
    let needs = |c: &Condition| match c {
        Condition::Equals { question: q, option: o } => q == question && o == option,
        Condition::OneOf { question: q, options } => q == question && options.len() == 1 && options[0] == option,
        _ => false,
    };
    match condition {
        Condition::All(parts) => parts.iter().any(|c| excludes(c, question, option)),
        Condition::Any(parts) => !parts.is_empty() && parts.iter().all(|c| excludes(c, question, option)),
        Condition::Equals { question: q, option: o } => q == question && o != option,
        Condition::OneOf { question: q, options } => q == question && !options.iter().any(|o| o == option),
        Condition::Not(inner) => match &**inner {
            Condition::OneOf { question: q, options } => q == question && options.iter().any(|o| o == option),
            inner => needs(inner),
        },
        _ => false,
    }
}

/// A flow's id (from its file's name) and its outcomes' `links`: each an `https:`
/// address or the page of a flow of this publication (`/oferta`). `flow_ids`: every
/// flow's id.
pub fn validate_flow_links(flow: &Flow, flow_ids: &[&str]) -> Vec<Problem> {
    let mut out = Vec::new();
    if !flow.is_assessment() {
        check_id(&mut out, &format!("{}: id", flow.file_name()), &flow.id);
        check_text(&mut out, &format!("{}: title", flow.file_name()), &flow.title);
        check_text(&mut out, &format!("{}: intro", flow.file_name()), &flow.intro);
    }
    for (i, o) in flow.outcomes.iter().enumerate() {
        for (n, link) in o.links.iter().enumerate() {
            let at = format!("{}: outcomes[{i}] ({}).links[{n}]", flow.file_name(), o.id);
            check_text(&mut out, &format!("{at}.title"), &link.title);
            match link.url.strip_prefix('/') {
                Some(id) if !link.url.starts_with("//") => {
                    if !flow_ids.contains(&id) {
                        out.push(Problem::new(
                            format!("{at}.url"),
                            &format!("«{}» no es la página de ningún cuestionario", link.url),
                            &format!("«{}» is not the page of any flow", link.url),
                        ));
                    }
                }
                _ => check_https(&mut out, &format!("{at}.url"), &link.url),
            }
        }
    }
    out
}

fn check_id(out: &mut Vec<Problem>, at: &str, id: &str) {
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if !ok {
        out.push(Problem::new(
            at,
            "el id solo lleva minúsculas sin acentos, números, «-» y «_»",
            "ids use only lowercase letters without accents, digits, «-» and «_»",
        ));
    }
}

fn check_text(out: &mut Vec<Problem>, at: &str, text: &Text) {
    for lang in ["es", "en"] {
        if !text.has(lang) {
            out.push(Problem::new(
                format!("{at}.{lang}"),
                &format!("falta el texto en «{lang}»"),
                &format!("the «{lang}» text is missing"),
            ));
        }
    }
}

/// The 249 officially assigned ISO 3166-1 alpha-2 codes, concatenated (two letters each).
const ISO_3166_1: &str = "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW";

fn is_country_code(code: &str) -> bool {
    code.len() == 2
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && ISO_3166_1.as_bytes().chunks(2).any(|c| c == code.as_bytes())
}

/// An ISO 639-3 code: three lowercase letters and, where the table is at hand (the
/// staff's tool and the host tests, which gate what is published), one that exists.
fn is_language_code(code: &str) -> bool {
    let shaped = code.len() == 3 && code.bytes().all(|b| b.is_ascii_lowercase());
    #[cfg(not(target_arch = "wasm32"))]
    let shaped = shaped && isolang::Language::from_639_3(code).is_some();
    shaped
}

fn check_country(out: &mut Vec<Problem>, at: &str, code: &str) {
    if !is_country_code(code) {
        out.push(Problem::new(
            at,
            "el país va como código ISO 3166-1 de dos letras mayúsculas (GT, US, MX)",
            "the country is a two-letter uppercase ISO 3166-1 code (GT, US, MX)",
        ));
    }
}

fn check_https(out: &mut Vec<Problem>, at: &str, url: &str) {
    if !is_https(url) {
        out.push(Problem::new(
            at,
            "solo se aceptan direcciones https:// (no http:, javascript: ni otras)",
            "only https:// addresses are accepted (not http:, javascript: or others)",
        ));
    }
}

fn check_date(out: &mut Vec<Problem>, at: &str, date: &str, today: &str) {
    if !is_date(date) {
        out.push(Problem::new(
            at,
            "la fecha va como AAAA-MM-DD y debe existir",
            "dates are YYYY-MM-DD and must exist",
        ));
    } else if is_date(today) && date > today {
        out.push(Problem::new(
            at,
            "la fecha está en el futuro",
            "the date is in the future",
        ));
    }
}

/// A real calendar date written `YYYY-MM-DD`.
pub fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts[..] else { return false };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    (1..=12).contains(&m) && d >= 1 && d <= days[(m - 1) as usize]
}

/// An IANA zone name in shape: `Area/Location[/Sub]`, letters, `_`, `-`, `+` and digits.
/// (The browser knows the real list; the app carries no time-zone database.)
fn is_time_zone(name: &str) -> bool {
    const AREAS: [&str; 9] = [
        "Africa",
        "America",
        "Antarctica",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
    ];
    let mut parts = name.split('/');
    let area = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    (AREAS.contains(&area)
        && !rest.is_empty()
        && rest
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-+".contains(&b))))
        || name == "UTC"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::flow::tests::TEST_FLOW;

    const GOOD_ENTRY: &str = r#"{"id":"centro-ficticio","name":{"es":"Centro Ficticio","en":"Fictitious Centre"},
        "kind":"resource_centre","address":{"country":"GT"},"location":{"latitude":14.8,"longitude":-91.5,"precision":"city"},
        "phones":[{"number":"+15550100123"}],"email":"info@ficticio.example","website":"https://ficticio.example",
        "hours":{"time_zone":"America/Guatemala","weekly":[{"day":"mon","opens":"08:00","closes":"16:00"}]},
        "languages":["spa"],"service_area":[{"country":"GT"}],"tags":["t"],
        "verified_on":"2026-01-01","source":"https://ficticio.example/fuente"}"#;

    fn directory_with(change: &dyn Fn(&mut serde_json::Value)) -> Directory {
        let mut entry: serde_json::Value = serde_json::from_str(GOOD_ENTRY).unwrap();
        change(&mut entry);
        serde_json::from_value(serde_json::json!({ "entries": [entry] })).unwrap()
    }

    fn problems(change: &dyn Fn(&mut serde_json::Value)) -> Vec<String> {
        validate_directory(&directory_with(change), "2026-11-24")
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn a_good_entry_has_no_problem() {
        assert_eq!(problems(&|_| {}), Vec::<String>::new());
    }

    #[test]
    fn each_directory_rule_fails_on_bad_input() {
        type Breakage = Box<dyn Fn(&mut serde_json::Value)>;
        let cases: Vec<(&str, Breakage)> = vec![
            (
                "entries[0] (Centro Ficticio).id",
                Box::new(|e| e["id"] = "Centro Ficticio".into()),
            ),
            ("name.en", Box::new(|e| e["name"]["en"] = " ".into())),
            ("address.country", Box::new(|e| e["address"]["country"] = "QQ".into())),
            ("address.country", Box::new(|e| e["address"]["country"] = "XX".into())),
            ("location", Box::new(|e| e["location"]["latitude"] = 95.0.into())),
            (
                "phones[0].number",
                Box::new(|e| e["phones"][0]["number"] = "+1 555 0100".into()),
            ),
            ("email", Box::new(|e| e["email"] = "not an email".into())),
            ("website", Box::new(|e| e["website"] = "javascript:alert(1)".into())),
            ("website", Box::new(|e| e["website"] = "http://ficticio.example".into())),
            (
                "hours.time_zone",
                Box::new(|e| e["hours"]["time_zone"] = "GMT-6".into()),
            ),
            (
                "hours.weekly[0]",
                Box::new(|e| e["hours"]["weekly"][0]["closes"] = "07:00".into()),
            ),
            (
                "hours.weekly[0]",
                Box::new(|e| e["hours"]["weekly"][0]["opens"] = "8am".into()),
            ),
            ("languages[0]", Box::new(|e| e["languages"][0] = "es".into())),
            ("languages[0]", Box::new(|e| e["languages"][0] = "zzq".into())),
            (
                "service_area[0].country",
                Box::new(|e| e["service_area"][0]["country"] = "XQ".into()),
            ),
            ("verified_on", Box::new(|e| e["verified_on"] = "2026-02-30".into())),
            ("verified_on", Box::new(|e| e["verified_on"] = "2030-01-01".into())),
            ("source", Box::new(|e| e["source"] = "".into())),
        ];
        for (field, change) in cases {
            let found = problems(&*change);
            assert!(
                found.iter().any(|p| p.contains(field)),
                "expected a problem at {field}, got {found:?}"
            );
        }
    }

    /// The good entry with structured sources instead of its citation: `tiers` gives
    /// each source's tier and what it supports.
    fn sourced(sources: &[(&str, &str, &[&str])]) -> Directory {
        let sources: Vec<serde_json::Value> = sources
            .iter()
            .map(|(tier, date, supports)| {
                serde_json::json!({"title": "Ficticio", "publisher": "Ficticia", "url": "https://ficticio.example/f",
                    "date": date, "tier": tier, "supports": supports})
            })
            .collect();
        directory_with(&|e| {
            e.as_object_mut().unwrap().remove("source");
            e["sources"] = serde_json::json!(sources.clone());
        })
    }

    fn sourced_problems(sources: &[(&str, &str, &[&str])]) -> Vec<String> {
        validate_directory(&sourced(sources), "2026-11-24")
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    const EVERY_FACT: &[&str] = &["status", "phones", "email", "website", "hours", "service_area"];

    #[test]
    fn every_fact_an_entry_states_needs_a_source_that_supports_it() {
        assert_eq!(
            sourced_problems(&[("official", "2026-03", EVERY_FACT)]),
            Vec::<String>::new()
        );
        // The hours were read nowhere: the validator names them.
        let found = sourced_problems(&[(
            "press",
            "2026",
            &["status", "phones", "email", "website", "service_area"],
        )]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains(".hours:") && found[0].contains("ninguna fuente respalda"),
            "{found:?}"
        );
        // A phone may be supported by its own place in the list.
        assert_eq!(
            sourced_problems(&[(
                "press",
                "2025-06-30",
                &["status", "phones[0]", "email", "website", "hours", "service_area"]
            )]),
            Vec::<String>::new()
        );
    }

    #[test]
    fn an_aggregator_alone_never_publishes_a_phone_or_an_address() {
        let found = sourced_problems(&[("aggregator", "2026", EVERY_FACT)]);
        assert_eq!(found.len(), 1, "only the phone: {found:?}");
        assert!(
            found[0].contains("phones[0]") && found[0].contains("agregador"),
            "{found:?}"
        );
        let mut street = sourced(&[(
            "aggregator",
            "2026",
            &["address", "phones", "email", "website", "hours", "service_area"],
        )]);
        street.entries[0].address.street = Some("Calle Ficticia 1".into());
        let found = validate_directory(&street, "2026-11-24");
        assert!(found.iter().any(|p| p.path.ends_with("address.street")), "{found:?}");
        // With a press source beside it, the aggregator is a second source, not the only one.
        assert_eq!(
            sourced_problems(&[("aggregator", "2026", EVERY_FACT), ("press", "2019", &["phones"])]),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_source_is_dated_by_day_month_or_year_never_in_the_future_and_names_known_facts() {
        for good in ["2026-11-24", "2026-11", "2026", "1999"] {
            assert_eq!(
                sourced_problems(&[("official", good, EVERY_FACT)]),
                Vec::<String>::new(),
                "{good}"
            );
        }
        for (bad, expected) in [
            ("2026-12", "futuro"),
            ("2027", "futuro"),
            ("2026-11-25", "futuro"),
            ("2026-13", "AAAA-MM"),
            ("26", "AAAA-MM"),
            ("junio de 2025", "AAAA-MM"),
        ] {
            let found = sourced_problems(&[("official", bad, EVERY_FACT)]);
            assert!(
                found
                    .iter()
                    .any(|p| p.contains("sources[0].date") && p.contains(expected)),
                "{bad}: {found:?}"
            );
        }
        let found = sourced_problems(&[(
            "official",
            "2026",
            &[
                "status",
                "phones",
                "email",
                "website",
                "hours",
                "service_area",
                "telefono",
                "phones[3]",
            ],
        )]);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|p| p.contains("no es un dato")), "{found:?}");
        let found = sourced_problems(&[("official", "2026", &[])]);
        assert!(found.iter().any(|p| p.contains("sources[0].supports")), "{found:?}");
    }

    #[test]
    fn an_entry_is_part_of_another_that_exists() {
        let mut directory = directory_with(&|_| {});
        directory.entries[0].part_of = Some("minex-ficticio".into());
        let found = validate_directory(&directory, "2026-11-24");
        assert!(found[0].path.ends_with("part_of"), "{found:?}");
        let mut parent = directory.entries[0].clone();
        parent.id = "minex-ficticio".into();
        parent.part_of = None;
        directory.entries.push(parent);
        assert_eq!(validate_directory(&directory, "2026-11-24"), Vec::new());
    }

    #[test]
    fn repeated_ids_and_every_problem_at_once() {
        let mut directory = directory_with(&|_| {});
        directory.entries.push(directory.entries[0].clone());
        directory.entries[1].phones[0].number = "55".into();
        let found = validate_directory(&directory, "2026-11-24");
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn a_hotline_may_have_a_national_short_number_but_not_on_whatsapp() {
        let mut directory = directory_with(&|_| {});
        directory.entries[0].phones[0].number = "110".into();
        directory.entries[0].phones[0].kind = PhoneKind::Voice;
        assert_eq!(validate_directory(&directory, "2026-11-24"), Vec::new());
        directory.entries[0].phones[0].kind = PhoneKind::Whatsapp;
        let found = validate_directory(&directory, "2026-11-24");
        assert!(found[0].message.get_code("en").contains("no WhatsApp"), "{found:?}");
        for bad in ["11", "012", "123456", "1 10"] {
            directory.entries[0].phones[0].number = bad.into();
            directory.entries[0].phones[0].kind = PhoneKind::Voice;
            assert_eq!(validate_directory(&directory, "2026-11-24").len(), 1, "{bad}");
        }
    }

    /// A plain question for a flow built in a test.
    fn f_question(_: usize) -> serde_json::Value {
        serde_json::json!({"id": "q", "kind": "number", "prompt": {"es": "P", "en": "Q"}, "why": {"es": "x", "en": "x"}})
    }

    #[test]
    fn flow_rules_hold_for_the_test_flow_and_fail_when_broken() {
        let directory = directory_with(&|_| {});
        let mut flow: serde_json::Value = serde_json::from_str(TEST_FLOW).unwrap();
        for outcome in flow["outcomes"].as_array_mut().unwrap() {
            outcome["sources"] =
                serde_json::json!([{"title": {"es": "Fuente", "en": "Source"}, "url": "https://ficticio.example"}]);
        }
        let good: Flow = serde_json::from_value(flow.clone()).unwrap();
        assert_eq!(validate_flow(&good, &directory, "2026-11-24"), Vec::new());

        let check = |change: &dyn Fn(&mut serde_json::Value)| {
            let mut broken = flow.clone();
            change(&mut broken);
            let broken: Flow = serde_json::from_value(broken).unwrap();
            validate_flow(&broken, &directory, "2026-11-24")
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
        };
        let has = |found: Vec<String>, text: &str| assert!(found.iter().any(|p| p.contains(text)), "{text}: {found:?}");
        has(
            check(&|f| f["questions"][1]["id"] = "age".into()),
            "el id está repetido",
        );
        has(
            check(&|f| f["questions"][0]["options"][1]["id"] = "under_18".into()),
            "opción está repetida",
        );
        has(
            check(&|f| f["questions"][0]["show_if"] = serde_json::json!({"answered": "years"})),
            "preguntas anteriores",
        );
        // An answer may put the person in a country Rumbo knows, in a single choice only.
        let placed = |question: usize, country: &str| {
            check(&|f| f["questions"][question]["options"][0]["country"] = country.into())
        };
        assert_eq!(placed(0, "GT"), Vec::<String>::new());
        has(placed(0, "Guatemala"), "«Guatemala» no sirve aquí");
        has(placed(0, "ZZ"), "«ZZ» no sirve aquí");
        has(placed(1, "GT"), "solo en preguntas de una respuesta");
        has(
            check(&|f| f["outcomes"][0]["directory_tags"] = serde_json::json!(["nadie"])),
            "etiqueta «nadie»",
        );
        has(
            check(&|f| f["outcomes"][0]["explained_by"] = serde_json::json!(["nope"])),
            "pregunta «nope»",
        );
        has(
            check(&|f| f["outcomes"][0]["sources"][0]["url"] = "http://x.example".into()),
            "https://",
        );
        has(
            check(&|f| f["outcomes"][0]["sources"] = serde_json::json!([])),
            "fuente oficial",
        );
        has(
            check(&|f| {
                f["outcomes"][0]["applies_if"] = serde_json::json!({"includes": {"question": "age", "option": "adult"}})
            }),
            "no sirve",
        );
        has(check(&|f| f["questions"][2]["min"] = 99.into()), "mínimo es mayor");
        // A share link names a question and a single choice's option in one byte.
        let options: Vec<serde_json::Value> = (0..201)
            .map(|n| serde_json::json!({"id": format!("o{n}"), "label": {"es": "o", "en": "o"}}))
            .collect();
        has(
            check(&|f| f["questions"][0]["options"] = options.clone().into()),
            "como máximo 200 opciones",
        );
        let questions: Vec<serde_json::Value> = (0..201)
            .map(|n| {
                let mut q = f_question(n);
                q["id"] = format!("q{n}").into();
                q
            })
            .collect();
        has(
            check(&|f| f["questions"] = questions.clone().into()),
            "como máximo 200 preguntas",
        );
        has(
            check(&|f| f["outcomes"][0]["reviewed_on"] = "ayer".into()),
            "AAAA-MM-DD",
        );
    }

    #[test]
    fn an_age_a_requirement_names_must_be_kept_by_the_condition() {
        let directory = directory_with(&|_| {});
        let mut flow: serde_json::Value = serde_json::from_str(TEST_FLOW).unwrap();
        for outcome in flow["outcomes"].as_array_mut().unwrap() {
            outcome["sources"] =
                serde_json::json!([{"title": {"es": "Fuente", "en": "Source"}, "url": "https://ficticio.example"}]);
        }
        let problems = |applies_if: serde_json::Value, requirement: &str| {
            let mut flow = flow.clone();
            flow["outcomes"][2]["applies_if"] = applies_if;
            flow["outcomes"][2]["requirements"] = serde_json::json!([{"es": requirement, "en": "A requirement."}]);
            let flow: Flow = serde_json::from_value(flow).unwrap();
            validate_flow(&flow, &directory, "2026-11-24")
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
        };
        let adults = serde_json::json!({"not": {"equals": {"question": "age", "option": "under_18"}}});
        let anyone = serde_json::json!({"answered": "home"});
        for requirement in ["Tener 18 años o más.", "Ser mayor de edad."] {
            assert_eq!(
                problems(adults.clone(), requirement),
                Vec::<String>::new(),
                "{requirement}"
            );
            let found = problems(anyone.clone(), requirement);
            assert!(
                found
                    .iter()
                    .any(|p| p.contains("requirements[0]") && p.contains("«under_18»")),
                "{requirement}: {found:?}"
            );
        }
        assert!(
            !problems(serde_json::json!(null), "Tener 18 años o más.").is_empty(),
            "no condition at all"
        );
        let adult_only =
            serde_json::json!({"all": [{"answered": "home"}, {"equals": {"question": "age", "option": "adult"}}]});
        assert_eq!(problems(adult_only, "Tener 18 años o más."), Vec::<String>::new());
        let either =
            serde_json::json!({"any": [{"answered": "home"}, {"equals": {"question": "age", "option": "adult"}}]});
        assert_eq!(
            problems(either, "Tener 18 años o más.").len(),
            1,
            "an any does not exclude"
        );
        assert_eq!(problems(anyone, "Experiencia en el oficio."), Vec::<String>::new());
    }

    #[test]
    fn dates_times_and_zones() {
        assert!(is_date("2024-02-29") && !is_date("2023-02-29") && !is_date("2026-13-01") && !is_date("26-01-01"));
        assert_eq!(minutes("24:00"), Some(1440));
        assert_eq!(minutes("24:01"), None);
        assert!(
            is_time_zone("America/Guatemala") && is_time_zone("America/Argentina/Buenos_Aires") && is_time_zone("UTC")
        );
        assert!(!is_time_zone("Guatemala") && !is_time_zone("America/") && !is_time_zone("Mars/Base"));
    }
}
