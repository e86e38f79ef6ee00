//! "Open now" and today's hours, in the entry's own time zone.
//!
//! The core carries no time-zone database: the browser turns "now" into the entry's
//! local weekday and time with `Intl` (which follows each zone's daylight-saving rules),
//! and this module only compares that local time with the weekly hours.

use crate::core::directory::entry::{Hours, Weekday};

/// A moment as a clock on the entry's wall shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    pub weekday: Weekday,
    /// Minutes since local midnight.
    pub minutes: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenState {
    pub open_now: bool,
    /// When it closes, if open now (`HH:MM`). `None` while open until midnight: "closes
    /// at 24:00" would read as if it were about to close, and a line open round the
    /// clock never does.
    pub closes_at: Option<String>,
    /// Today's openings, `(opens, closes)`, in order.
    pub today: Vec<(String, String)>,
}

pub fn open_state(hours: &Hours, now: LocalTime) -> OpenState {
    let mut today: Vec<(u32, u32, &str, &str)> = hours
        .weekly
        .iter()
        .filter(|o| o.day == now.weekday)
        .filter_map(|o| {
            Some((
                minutes(&o.opens)?,
                minutes(&o.closes)?,
                o.opens.as_str(),
                o.closes.as_str(),
            ))
        })
        .collect();
    crate::core::order::sort(&mut today);
    let current = today
        .iter()
        .find(|(open, close, _, _)| *open <= now.minutes && now.minutes < *close);
    OpenState {
        open_now: current.is_some(),
        closes_at: current
            .filter(|(_, close, _, _)| *close < 24 * 60)
            .map(|(_, _, _, close)| close.to_string()),
        today: today
            .iter()
            .map(|(_, _, o, c)| (o.to_string(), c.to_string()))
            .collect(),
    }
}

/// Reads a weekday as `Intl` writes it in English (`Mon`, `Tue`, …).
pub fn weekday_from_short(name: &str) -> Option<Weekday> {
    Some(match name {
        "Mon" => Weekday::Mon,
        "Tue" => Weekday::Tue,
        "Wed" => Weekday::Wed,
        "Thu" => Weekday::Thu,
        "Fri" => Weekday::Fri,
        "Sat" => Weekday::Sat,
        "Sun" => Weekday::Sun,
        _ => return None,
    })
}

/// Minutes since midnight of `HH:MM`, from 00:00 to 24:00 (closing at midnight);
/// anything else is `None`. The validator uses it too, so data and display agree.
pub fn minutes(text: &str) -> Option<u32> {
    let (h, m) = text.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
    (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
}

/// The week as an entry's page lists it: Monday to Sunday, each day's openings in order
/// (`(opens, closes)`); a day with none is closed (a day not listed is closed, see
/// docs/data-format.md). The data may list openings in any order and a day twice
/// (morning and afternoon).
pub fn week(hours: &Hours) -> Vec<(Weekday, Vec<(String, String)>)> {
    Weekday::ALL
        .into_iter()
        .map(|day| {
            let mut spans: Vec<(u32, &str, &str)> = hours
                .weekly
                .iter()
                .filter(|o| o.day == day)
                .map(|o| {
                    (
                        minutes(&o.opens).unwrap_or(u32::MAX),
                        o.opens.as_str(),
                        o.closes.as_str(),
                    )
                })
                .collect();
            crate::core::order::sort(&mut spans);
            let spans = spans.into_iter().map(|(_, o, c)| (o.to_string(), c.to_string()));
            (day, spans.collect())
        })
        .collect()
}

/// Whether an opening is the whole day (`00:00`–`24:00`).
pub fn is_all_day(opens: &str, closes: &str) -> bool {
    opens == "00:00" && closes == "24:00"
}

/// The place a time zone is named after ("America/Los_Angeles" → "Los Angeles"): people
/// know the city, not the zone's identifier.
pub fn zone_place(zone: &str) -> String {
    zone.rsplit('/').next().unwrap_or(zone).replace('_', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours() -> Hours {
        serde_json::from_str(
            r#"{"time_zone":"America/Los_Angeles","weekly":[
              {"day":"mon","opens":"14:00","closes":"17:00"},{"day":"mon","opens":"08:00","closes":"12:00"},
              {"day":"sat","opens":"09:00","closes":"24:00"}]}"#,
        )
        .unwrap()
    }

    fn at(weekday: Weekday, h: u32, m: u32) -> OpenState {
        open_state(
            &hours(),
            LocalTime {
                weekday,
                minutes: h * 60 + m,
            },
        )
    }

    #[test]
    fn open_within_any_opening_of_the_day_and_closed_between() {
        assert!(at(Weekday::Mon, 8, 0).open_now, "opening minute included");
        assert_eq!(at(Weekday::Mon, 11, 59).closes_at.as_deref(), Some("12:00"));
        assert!(!at(Weekday::Mon, 12, 0).open_now, "closing minute excluded");
        assert!(!at(Weekday::Mon, 13, 0).open_now, "lunch break");
        assert!(at(Weekday::Mon, 16, 30).open_now);
        assert!(!at(Weekday::Tue, 10, 0).open_now, "no hours that day");
        assert!(at(Weekday::Sat, 23, 59).open_now, "open until midnight");
        assert_eq!(at(Weekday::Sat, 23, 59).closes_at, None, "no \"closes at 24:00\"");
    }

    #[test]
    fn todays_hours_are_listed_in_order() {
        let today = at(Weekday::Mon, 7, 0).today;
        assert_eq!(
            today,
            [("08:00".into(), "12:00".into()), ("14:00".into(), "17:00".into())]
        );
        assert!(at(Weekday::Sun, 10, 0).today.is_empty());
    }

    #[test]
    fn the_answer_depends_on_the_entrys_local_time_not_utc() {
        // 16:30 UTC on a Monday is 08:30 in Los Angeles (winter): open there, although
        // at 16:30 "as if UTC" it would also be open; at 01:00 UTC Tuesday it is still
        // Monday 17:00 in Los Angeles: closed, where a UTC reading would say Tuesday.
        assert!(at(Weekday::Mon, 8, 30).open_now);
        assert!(!at(Weekday::Mon, 17, 0).open_now);
        assert_eq!(weekday_from_short("Tue"), Some(Weekday::Tue));
        assert_eq!(weekday_from_short("mar."), None);
    }

    #[test]
    fn the_week_is_listed_monday_to_sunday_with_each_days_openings_in_order() {
        let week = week(&hours());
        let days: Vec<Weekday> = week.iter().map(|(d, _)| *d).collect();
        assert_eq!(days, Weekday::ALL);
        let spans =
            |d: usize| -> Vec<(&str, &str)> { week[d].1.iter().map(|(o, c)| (o.as_str(), c.as_str())).collect() };
        assert_eq!(spans(0), [("08:00", "12:00"), ("14:00", "17:00")], "morning first");
        assert!(spans(1).is_empty(), "a day not listed is closed");
        assert_eq!(spans(5), [("09:00", "24:00")]);
    }

    #[test]
    fn a_zone_is_named_by_its_place_and_a_whole_day_is_recognised() {
        assert_eq!(zone_place("America/Los_Angeles"), "Los Angeles");
        assert_eq!(zone_place("America/Guatemala"), "Guatemala");
        assert_eq!(zone_place("UTC"), "UTC");
        assert!(is_all_day("00:00", "24:00"));
        assert!(!is_all_day("00:00", "23:59"));
    }
}
