//! Anonymous tallies for outreach events: per day, how many assessments were completed,
//! how often each option was shown, and how many directory entries were opened of each
//! kind. They feed the centre's monitoring report.
//!
//! By construction they hold nothing about a person: no answers, no times finer than a
//! day, no entry ids (only their kind), so the CSV can leave the device safely.

use crate::core::directory::entry::Kind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Every day's counts, by date (`YYYY-MM-DD`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tallies {
    pub days: BTreeMap<String, Day>,
}

/// One day's counts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Day {
    pub assessments: u32,
    /// Times each outcome was shown, by outcome id.
    pub outcomes: BTreeMap<String, u32>,
    /// Directory entries opened, by kind code.
    pub entries_by_kind: BTreeMap<String, u32>,
    /// Other flows completed (the offer check), by flow id; the outcomes they showed
    /// (the warning signs found) are in `outcomes` as `<flow>:<outcome>`.
    pub checks: BTreeMap<String, u32>,
}

/// The CSV's header, in Spanish for the centre's report.
pub const CSV_HEADER: &str = "fecha,medida,clave,cantidad";

impl Tallies {
    /// Counts one completed assessment and each option it showed. A `date` that is not
    /// a plain day is refused, so nothing finer than a day can creep in.
    pub fn assessment_completed<'a>(&mut self, date: &str, outcomes: impl IntoIterator<Item = &'a str>) {
        let Some(day) = self.day(date) else { return };
        day.assessments = day.assessments.saturating_add(1);
        for id in outcomes {
            bump(&mut day.outcomes, id);
        }
    }

    /// Counts one completed flow and each outcome it showed: the assessment as
    /// [`Tallies::assessment_completed`], any other (the offer check) under its id.
    pub fn flow_completed<'a>(&mut self, date: &str, flow: &str, outcomes: impl IntoIterator<Item = &'a str>) {
        if flow.is_empty() || flow == crate::core::assessment::flow::ASSESSMENT_ID {
            return self.assessment_completed(date, outcomes);
        }
        let Some(day) = self.day(date) else { return };
        bump(&mut day.checks, flow);
        for id in outcomes {
            bump(&mut day.outcomes, &format!("{flow}:{id}"));
        }
    }

    /// Counts one directory entry opened, by its kind only.
    pub fn entry_opened(&mut self, date: &str, kind: Kind) {
        if let Some(day) = self.day(date) {
            bump(&mut day.entries_by_kind, kind.code());
        }
    }

    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }

    /// One row per day and measure: `fecha,medida,clave,cantidad`, where `medida` is
    /// `evaluaciones_completadas`, `revisiones_completadas` (clave: the flow, `oferta`),
    /// `opcion_mostrada` (clave: the option's id, `oferta:<id>` for another flow's) or
    /// `contactos_abiertos` (clave: the kind of entry).
    pub fn to_csv(&self) -> String {
        let mut csv = String::from(CSV_HEADER);
        csv.push('\n');
        let mut row = |date: &str, measure: &str, key: &str, count: u32| {
            csv.push_str(&format!("{date},{measure},{},{count}\n", csv_field(key)));
        };
        for (date, day) in &self.days {
            row(date, "evaluaciones_completadas", "", day.assessments);
            for (flow, count) in &day.checks {
                row(date, "revisiones_completadas", flow, *count);
            }
            for (id, count) in &day.outcomes {
                row(date, "opcion_mostrada", id, *count);
            }
            for (kind, count) in &day.entries_by_kind {
                row(date, "contactos_abiertos", kind, *count);
            }
        }
        csv
    }

    fn day(&mut self, date: &str) -> Option<&mut Day> {
        is_day(date).then(|| self.days.entry(date.to_string()).or_default())
    }
}

fn bump(counts: &mut BTreeMap<String, u32>, key: &str) {
    let count = counts.entry(key.to_string()).or_default();
    *count = count.saturating_add(1);
}

/// `YYYY-MM-DD` and nothing more.
fn is_day(date: &str) -> bool {
    let b = date.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Quotes a field that a spreadsheet would otherwise split (ids come from data files,
/// which the validator keeps plain, but a report must never come out misaligned).
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_accumulate_per_day() {
        let mut t = Tallies::default();
        t.assessment_completed("2026-11-25", ["temporary-work", "risks"]);
        t.assessment_completed("2026-11-25", ["risks"]);
        t.assessment_completed("2026-11-26", ["protection"]);
        t.entry_opened("2026-11-25", Kind::Consulate);
        t.entry_opened("2026-11-25", Kind::Consulate);
        t.entry_opened("2026-11-25", Kind::Hotline);
        let day = &t.days["2026-11-25"];
        assert_eq!(day.assessments, 2);
        assert_eq!(day.outcomes["risks"], 2);
        assert_eq!(day.outcomes["temporary-work"], 1);
        assert_eq!(day.entries_by_kind["consulate"], 2);
        assert_eq!(t.days["2026-11-26"].assessments, 1);
    }

    #[test]
    fn nothing_finer_than_a_day_is_kept() {
        let mut t = Tallies::default();
        t.assessment_completed("2026-11-25T10:31", ["risks"]);
        t.entry_opened("25/11/2026", Kind::Consulate);
        t.entry_opened("", Kind::Consulate);
        assert!(t.is_empty(), "{t:?}");
    }

    #[test]
    fn the_csv_has_one_row_per_day_and_measure() {
        let mut t = Tallies::default();
        t.assessment_completed("2026-11-25", ["temporary-work", "risks"]);
        t.assessment_completed("2026-11-25", ["risks"]);
        t.entry_opened("2026-11-25", Kind::Consulate);
        assert_eq!(
            t.to_csv(),
            "fecha,medida,clave,cantidad\n\
             2026-11-25,evaluaciones_completadas,,2\n\
             2026-11-25,opcion_mostrada,risks,2\n\
             2026-11-25,opcion_mostrada,temporary-work,1\n\
             2026-11-25,contactos_abiertos,consulate,1\n"
        );
        assert_eq!(Tallies::default().to_csv(), "fecha,medida,clave,cantidad\n");
    }

    #[test]
    fn a_strange_id_cannot_break_the_csv_columns() {
        let mut t = Tallies::default();
        t.assessment_completed("2026-11-25", ["a,b\"c"]);
        assert!(t.to_csv().contains("2026-11-25,opcion_mostrada,\"a,b\"\"c\",1\n"));
    }

    #[test]
    fn stored_tallies_round_trip_and_old_shapes_still_load() {
        let mut t = Tallies::default();
        t.assessment_completed("2026-11-25", ["risks"]);
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(serde_json::from_str::<Tallies>(&json).unwrap(), t);
        let partial: Tallies = serde_json::from_str(r#"{"days":{"2026-11-25":{"assessments":3}}}"#).unwrap();
        assert_eq!(partial.days["2026-11-25"].assessments, 3);
    }

    #[test]
    fn other_flows_are_counted_apart_with_the_signs_they_found() {
        let mut t = Tallies::default();
        t.flow_completed("2026-11-25", "oferta", ["pide-pago", "verificar"]);
        t.flow_completed("2026-11-25", "oferta", ["verificar"]);
        t.flow_completed("2026-11-25", "opciones", ["risks"]);
        let day = &t.days["2026-11-25"];
        assert_eq!(day.assessments, 1, "the assessment as before");
        assert_eq!(day.checks["oferta"], 2);
        assert_eq!(day.outcomes["oferta:verificar"], 2);
        assert_eq!(day.outcomes["oferta:pide-pago"], 1);
        assert_eq!(day.outcomes["risks"], 1);
        assert_eq!(
            t.to_csv(),
            "fecha,medida,clave,cantidad\n\
             2026-11-25,evaluaciones_completadas,,1\n\
             2026-11-25,revisiones_completadas,oferta,2\n\
             2026-11-25,opcion_mostrada,oferta:pide-pago,1\n\
             2026-11-25,opcion_mostrada,oferta:verificar,2\n\
             2026-11-25,opcion_mostrada,risks,1\n"
        );
        t.flow_completed("2026-11-25T10:00", "oferta", ["verificar"]);
        assert_eq!(t.days.len(), 1, "nothing finer than a day");
    }
}
