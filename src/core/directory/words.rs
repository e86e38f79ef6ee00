//! The words people type, in their own file so they can be read and extended without
//! touching the search: other names of places, words for a service its label lacks,
//! filler words, words for one thing said in Spanish and English (an English speaker
//! says "embassy" for a consulate), and the words that ask for a fact (teléfono,
//! dirección, horario, cita) rather than name what is looked for. All are compared
//! after `fold` (lowercase, no accents).

use crate::core::directory::entry::Service;

/// Other names people use for places, added to entries in those places.
pub(crate) const PLACE_NAMES: &[(&str, &[&str])] = &[
    ("quetzaltenango", &["xela", "xelaju"]),
    ("los angeles", &["la"]),
    ("new york", &["nueva york", "nyc", "ny"]),
    ("philadelphia", &["filadelfia"]),
];

/// Words people use for a service that its label does not have: a returnee searches
/// "retornado" or "deportado", not "Reintegración". Compared after `fold`.
pub(crate) const SERVICE_WORDS: &[(Service, &str)] = &[
    (
        Service::Reintegration,
        "retorno retornado retornada retornados deportado deportada deportados deportacion deportaron regreso returnee returned deported deportation",
    ),
    (Service::Dpi, "documento personal identificacion cedula"),
    (
        Service::LabourRights,
        "salario salarios sueldo pago pagan pagaron paga deben adeudados pagado pagada pagados debe explotacion pay paid unpaid owed wage wages salary exploitation",
    ),
    (Service::LegalAdvice, "abogado abogada abogados lawyer attorney"),
    (
        Service::PsychosocialSupport,
        "psicologo psicologa salud mental counselling",
    ),
];

/// Words that say nothing of what is looked for, left out of a query that has others:
/// "they don't pay me" looks for "pay", "no me pagan" for "pagan". ("la" stays: it is Los
/// Angeles.)
pub(crate) const FILLER_WORDS: &[&str] = &[
    "a", "al", "con", "de", "del", "el", "en", "las", "lo", "los", "me", "mi", "mis", "no", "nos", "o", "para", "por",
    "que", "se", "un", "una", "y", "an", "and", "are", "at", "didn", "do", "does", "doesn", "don", "for", "i", "in",
    "is", "it", "my", "not", "of", "on", "or", "s", "t", "the", "their", "they", "to", "with",
];

/// Words for one thing: a query word in a group also matches the group's other words.
/// People in the US say "embassy" for any office of their country; "consul" and
/// "consular" look for a consulate too.
const SYNONYMS: &[&[&str]] = &[
    &[
        "consulado",
        "consulados",
        "consulate",
        "consulates",
        "consul",
        "consular",
        "embassy",
        "embajada",
        "embajadas",
    ],
    &["telefono", "phone"],
    &["trabajo", "work", "empleo", "job", "jobs", "employment"],
    &["abogado", "lawyer", "attorney"],
    &["pasaporte", "passport"],
];

/// The other words `term` stands for (without itself).
pub fn synonyms(term: &str) -> impl Iterator<Item = &'static str> + '_ {
    SYNONYMS
        .iter()
        .filter(move |group| group.contains(&term))
        .flat_map(|group| group.iter().copied())
        .filter(move |w| *w != term)
}

/// A fact a person asks for with a word of their query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wanted {
    Phone,
    Address,
    Hours,
    Appointment,
}

/// Words that ask for a fact, in Spanish and English.
const FACT_WORDS: &[(Wanted, &[&str])] = &[
    (
        Wanted::Phone,
        &[
            "telefono",
            "telefonos",
            "tel",
            "numero",
            "numeros",
            "llamar",
            "phone",
            "phones",
            "telephone",
            "number",
            "call",
            "whatsapp",
        ],
    ),
    (
        Wanted::Address,
        &[
            "direccion",
            "direcciones",
            "domicilio",
            "ubicacion",
            "donde",
            "queda",
            "address",
            "where",
            "location",
        ],
    ),
    (
        Wanted::Hours,
        &[
            "horario", "horarios", "hora", "horas", "abierto", "abre", "hours", "open", "opening",
        ],
    ),
    (
        Wanted::Appointment,
        &["cita", "citas", "turno", "appointment", "appointments"],
    ),
];

/// The fact a query word asks for, if it is one of those words.
pub fn wanted_fact(term: &str) -> Option<Wanted> {
    FACT_WORDS
        .iter()
        .find(|(_, words)| words.contains(&term))
        .map(|(wanted, _)| *wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_english_speaker_s_embassy_is_a_consulate_and_fact_words_are_known() {
        assert!(synonyms("embassy").any(|w| w == "consulado"));
        assert!(synonyms("consulado").any(|w| w == "embassy"));
        assert_eq!(synonyms("miami").count(), 0);
        assert_eq!(wanted_fact("telefono"), Some(Wanted::Phone));
        assert_eq!(wanted_fact("hours"), Some(Wanted::Hours));
        assert_eq!(wanted_fact("cita"), Some(Wanted::Appointment));
        assert_eq!(wanted_fact("consulado"), None);
    }
}
