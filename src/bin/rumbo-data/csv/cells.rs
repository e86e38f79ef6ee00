//! The syntaxes of the cells that are more than a plain value, both ways: phones with
//! their kind and notes, weekly hours, service areas and coordinates. Reading says what
//! is wrong, in Spanish and English, and what to write instead.

use super::lists::{Unit, escape, plain, trim};
use super::names::{DAYS, PHONE_KINDS, day_after, day_name, is_lang_code, lookup, name_of};
use rumbo::core::directory::entry::{Area, Opening, Phone, PhoneKind, Source, Tier, Weekday};
use rumbo::core::directory::links::{is_dialable, is_short_number};
use rumbo::core::directory::opening::minutes;
use rumbo::core::text::lang::Text;

/// `+50277001234 whatsapp [es: Solo mensajes] [en: Messages only]`.
pub(super) fn phone_text(phone: &Phone) -> String {
    let mut out = phone.number.clone();
    if phone.kind != PhoneKind::Voice {
        out.push(' ');
        out.push_str(&name_of(phone.kind, &PHONE_KINDS));
    }
    if let Some(note) = &phone.note {
        for (lang, text) in in_reading_order(note) {
            out.push_str(&format!(" [{lang}: {}]", escape(text, &[';', '[', ']'])));
        }
    }
    out
}

/// `US: Texas`, or `MX` for the whole country.
pub(super) fn area_text(area: &Area) -> String {
    match &area.region {
        Some(region) => format!("{}: {}", area.country, escape(region, &[';'])),
        None => area.country.to_string(),
    }
}

/// The weekly openings as few items as will read back the same: days in a row with the
/// same times make a range (`lun-vie 08:00-16:00`), and a day's several openings share
/// its item (`lun 08:00-12:00, 14:00-17:00`).
pub(super) fn hours_text(weekly: &[Opening]) -> String {
    let mut items = Vec::new();
    let mut i = 0;
    while i < weekly.len() {
        let day = weekly[i].day;
        let per_day = weekly[i..].iter().take_while(|o| o.day == day).count();
        let first = &weekly[i..i + per_day];
        // Import expands `lun-vie` day by day, each day's openings in order: extend the
        // range while the next days repeat the first day's openings exactly.
        let mut days = 1;
        while let Some(next) = weekly.get(i + days * per_day..i + (days + 1) * per_day)
            && let Some(next_day) = day_after(day, days)
            && next
                .iter()
                .zip(first)
                .all(|(o, f)| o.day == next_day && o.opens == f.opens && o.closes == f.closes)
        {
            days += 1;
        }
        let span = match days {
            1 => day_name(day).to_string(),
            _ => format!(
                "{}-{}",
                day_name(day),
                day_name(day_after(day, days - 1).unwrap_or(day))
            ),
        };
        let times: Vec<String> = first.iter().map(|o| format!("{}-{}", o.opens, o.closes)).collect();
        items.push(format!("{span} {}", times.join(", ")));
        i += days * per_day;
    }
    items.join("; ")
}

/// A message in Spanish and English.
pub(super) type Reason = (String, String);

/// One phone item: `+50277001234 whatsapp [es: Solo mensajes] [en: Messages only]`.
pub(super) fn phone(item: &[Unit]) -> Result<Phone, Reason> {
    let bracket = item.iter().position(|&u| u == ('[', false)).unwrap_or(item.len());
    let head = plain(&item[..bracket]);
    let words: Vec<&str> = head.split_whitespace().collect();
    let Some((&number, rest)) = words.split_first() else {
        return Err((
            "falta el número antes de la nota".into(),
            "the number is missing before the note".into(),
        ));
    };
    let kind = match rest {
        [] => Some(PhoneKind::Voice),
        // `(whatsapp)` as well as `whatsapp`.
        [word] => lookup(word.trim_matches(['(', ')']), &PHONE_KINDS),
        _ => None,
    };
    let Some(kind) = kind else {
        // `+502 7700 1234` splits into words too: say what is wrong with the number.
        return Err(if rest[0].starts_with(|c: char| c.is_ascii_digit() || c == '-') {
            (
                format!("«{head}» no es un número E.164: «+», código de país y número, sin espacios (+50277001234)"),
                format!("«{head}» is not an E.164 number: «+», country code and number, no spaces (+50277001234)"),
            )
        } else {
            (
                format!("tipo de teléfono desconocido en «{head}»; use voice, whatsapp o sms"),
                format!("unknown phone kind in «{head}»; use voice, whatsapp or sms"),
            )
        });
    };
    if kind == PhoneKind::Whatsapp && is_short_number(number) {
        return Err((
            format!("«{number}» es un número corto: no tiene WhatsApp; escriba el número completo (+50277001234)"),
            format!("«{number}» is a short number: it has no WhatsApp; write the full number (+50277001234)"),
        ));
    }
    if !is_dialable(number, kind) {
        // Excel reads +50277001234 as a number and drops the sign.
        return Err(if number.bytes().all(|b| b.is_ascii_digit()) {
            (
                format!("a «{number}» le falta el «+» (Excel suele quitarlo): escriba +{number}"),
                format!("«{number}» lacks its «+» (Excel tends to drop it): write +{number}"),
            )
        } else {
            (
                format!(
                    "«{number}» no es un número E.164: «+» y de 8 a 15 dígitos, sin espacios ni guiones (+50277001234)"
                ),
                format!(
                    "«{number}» is not an E.164 number: «+» and 8 to 15 digits, no spaces or dashes (+50277001234)"
                ),
            )
        });
    }
    Ok(Phone {
        number: number.to_string(),
        kind,
        note: note(&item[bracket..])?,
    })
}

/// The notes after a phone: `[es: Solo mensajes] [en: Messages only]`.
pub(super) fn note(mut rest: &[Unit]) -> Result<Option<Text>, Reason> {
    let syntax = || {
        (
            "la nota de un teléfono va entre corchetes con su idioma: [es: Solo mensajes] [en: Messages only]"
                .to_string(),
            "a phone's note goes in brackets with its language: [es: Solo mensajes] [en: Messages only]".to_string(),
        )
    };
    let mut note: Option<Text> = None;
    loop {
        rest = trim(rest);
        if rest.is_empty() {
            return Ok(note);
        }
        if rest[0] != ('[', false) {
            return Err(syntax());
        }
        let close = rest.iter().position(|&u| u == (']', false)).ok_or_else(syntax)?;
        let inside = &rest[1..close];
        let colon = inside.iter().position(|&u| u == (':', false)).ok_or_else(syntax)?;
        let lang = plain(trim(&inside[..colon]));
        let text = plain(trim(&inside[colon + 1..]));
        if !is_lang_code(&lang) {
            return Err(syntax());
        }
        let texts = note.get_or_insert_with(Text::default);
        if texts.0.contains_key(&lang) {
            return Err((
                format!("la nota tiene dos veces el idioma «{lang}»"),
                format!("the note has the language «{lang}» twice"),
            ));
        }
        if !text.is_empty() {
            texts.0.insert(lang, text);
        }
        rest = &rest[close + 1..];
    }
}

/// One hours item: `lun-vie 08:00-16:00`, `lun, mié 08:00-12:00, 14:00-17:00`.
pub(super) fn openings(item: &str) -> Result<Vec<Opening>, Reason> {
    let syntax = || {
        (
            format!("«{item}» no se entiende; el horario va como «lun-vie 08:00-16:00; sáb 08:00-12:00»"),
            format!("«{item}» cannot be read; hours are written «lun-vie 08:00-16:00; sáb 08:00-12:00»"),
        )
    };
    let split = item.find(|c: char| c.is_ascii_digit()).unwrap_or(item.len());
    let (days_part, times_part) = item.split_at(split);
    if days_part.trim().is_empty() || times_part.trim().is_empty() {
        return Err(syntax());
    }
    let mut days = Vec::new();
    for span in days_part.split(',') {
        let ends: Vec<&str> = span.split('-').map(str::trim).collect();
        let ends: Vec<Weekday> = ends
            .iter()
            .map(|name| {
                lookup(name, &DAYS).ok_or_else(|| {
                    (
                        format!("día desconocido «{name}»; use lun, mar, mié, jue, vie, sáb, dom"),
                        format!("unknown day «{name}»; use lun, mar, mié, jue, vie, sáb, dom (or mon … sun)"),
                    )
                })
            })
            .collect::<Result<_, _>>()?;
        match ends[..] {
            [day] => days.push(day),
            [from, to] if from <= to => days.extend(DAYS.iter().map(|(d, _)| *d).filter(|d| (from..=to).contains(d))),
            [_, _] => {
                return Err((
                    format!(
                        "los días de «{}» van hacia atrás: escríbalos de lunes a domingo",
                        span.trim()
                    ),
                    format!(
                        "the days in «{}» go backwards: write them Monday to Sunday",
                        span.trim()
                    ),
                ));
            }
            _ => return Err(syntax()),
        }
    }
    let mut slots = Vec::new();
    for slot in times_part.split(',') {
        let (opens, closes) = slot.split_once('-').ok_or_else(syntax)?;
        let (opens, closes) = (opens.trim(), closes.trim());
        for time in [opens, closes] {
            if minutes(time).is_none() {
                return Err((
                    format!("la hora «{time}» va como HH:MM, de 00:00 a 24:00 (08:00, no 8:00 ni 8am)"),
                    format!("the time «{time}» is written HH:MM, from 00:00 to 24:00 (08:00, not 8:00 or 8am)"),
                ));
            }
        }
        slots.push((opens, closes));
    }
    Ok(days
        .into_iter()
        .flat_map(|day| {
            slots.iter().map(move |(opens, closes)| Opening {
                day,
                opens: opens.to_string(),
                closes: closes.to_string(),
            })
        })
        .collect())
}

/// A coordinate, with a decimal point or (as Spanish-language spreadsheets write it) a
/// decimal comma.
pub(super) fn coordinate(value: &str) -> Option<f64> {
    let value = if value.contains('.') {
        value.to_string()
    } else {
        value.replacen(',', ".", 1)
    };
    value.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A note's languages Spanish first, then English, then the rest.
pub(super) fn in_reading_order(text: &Text) -> Vec<(&str, &str)> {
    let mut pairs: Vec<(&str, &str)> = text.0.iter().map(|(l, t)| (l.as_str(), t.as_str())).collect();
    pairs.sort_by_key(|(lang, _)| match *lang {
        "es" => 0,
        "en" => 1,
        _ => 2,
    });
    pairs
}

/// A source as a list item: `date | tier | publisher | title | address | facts`, the
/// facts separated by `,`; a `|`, `;` or backslash inside a part is written after a
/// backslash.
pub(super) fn source_text(source: &Source) -> String {
    let part = |text: &str| super::lists::escape(text, &[';', '|']);
    let tier = match source.tier {
        Tier::Official => "official",
        Tier::Press => "press",
        Tier::Aggregator => "aggregator",
    };
    [
        part(&source.date),
        tier.to_string(),
        part(&source.publisher),
        part(&source.title),
        part(source.url.as_deref().unwrap_or("")),
        part(&source.supports.join(", ")),
    ]
    .join(" | ")
}

/// A source read back from its list item (see [`source_text`]), or what is wrong with it.
pub(super) fn source(item: &[Unit]) -> Result<Source, (String, String)> {
    let parts: Vec<String> = item
        .split(|&u| u == ('|', false))
        .map(|p| super::lists::plain(super::lists::trim(p)))
        .collect();
    let shown = super::lists::plain(item);
    let [date, tier, publisher, title, url, supports] = &parts[..] else {
        return Err((
            format!(
                "la fuente «{shown}» necesita seis partes separadas por «|»: fecha | nivel | quién la publicó | título | dirección | datos"
            ),
            format!(
                "the source «{shown}» needs six parts separated by «|»: date | tier | publisher | title | address | facts"
            ),
        ));
    };
    let tier = match super::names::normalise(tier).as_str() {
        "official" | "oficial" => Tier::Official,
        "press" | "prensa" => Tier::Press,
        "aggregator" | "agregador" => Tier::Aggregator,
        _ => {
            return Err((
                format!("nivel de fuente desconocido «{tier}»; use official, press o aggregator"),
                format!("unknown source tier «{tier}»; use official, press or aggregator"),
            ));
        }
    };
    Ok(Source {
        title: title.clone(),
        publisher: publisher.clone(),
        url: Some(url.clone()).filter(|u| !u.is_empty()),
        date: date.clone(),
        tier,
        supports: supports
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
    })
}

#[cfg(test)]
mod source_tests {
    use super::*;
    use crate::csv::lists::items;

    #[test]
    fn a_source_cell_reads_back_what_it_wrote_and_names_what_is_wrong() {
        let written = Source {
            title: "Título con | barra; y punto y coma".into(),
            publisher: "La Nación".into(),
            url: Some("https://example.org/fuente".into()),
            date: "2026-02".into(),
            tier: Tier::Press,
            supports: vec!["phones[0]".into(), "address.street".into()],
        };
        let cell = source_text(&written);
        assert_eq!(source(&items(&cell)[0]), Ok(written));
        let unsourced = "2026 | prensa | La Hora | Sin dirección |  | phones";
        let read = source(&items(unsourced)[0]).unwrap();
        assert_eq!(
            (read.tier, read.url),
            (Tier::Press, None),
            "Spanish tier names and no address work"
        );
        let (es, _) = source(&items("2026 | rumor | X | Y | | phones")[0]).unwrap_err();
        assert!(es.contains("«rumor»"), "{es}");
        let (es, _) = source(&items("2026 | press | X")[0]).unwrap_err();
        assert!(es.contains("seis partes"), "{es}");
    }
}
