//! Device modes for shared devices: the centre's kiosk tablets (many strangers a day)
//! and outreach workers' phones at community events. The rules live here; the browser
//! layer only stores the settings and feeds in the clock.

use crate::core::content::manifest::sha256_hex;
use serde::{Deserialize, Serialize};

/// How a device is used.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// A person's own phone or computer.
    #[default]
    Personal,
    /// A tablet at the centre: welcome screen, idle reset, QR codes instead of links.
    Kiosk,
    /// A worker's device at community events: "next person" and anonymous tallies.
    Outreach,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Personal, Mode::Kiosk, Mode::Outreach];

    pub fn code(self) -> &'static str {
        match self {
            Mode::Personal => "personal",
            Mode::Kiosk => "kiosk",
            Mode::Outreach => "outreach",
        }
    }

    pub fn from_code(code: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.code() == code)
    }

    /// Whether the device serves one stranger after another, so each person's traces
    /// must be wiped before the next ("Finish", "Next person", the idle reset).
    pub fn is_shared(self) -> bool {
        self != Mode::Personal
    }

    /// The `autocomplete` hint for the field where a person types the region they live
    /// in: the browser may remember it on their own phone, never on a shared device,
    /// where it would offer one person's place to the next.
    pub fn place_autocomplete(self) -> &'static str {
        if self.is_shared() { "off" } else { "address-level1" }
    }

    /// Whether links may leave the app (call, website, maps). On the kiosk they become
    /// QR codes the person scans with their own phone.
    pub fn opens_links(self) -> bool {
        self != Mode::Kiosk
    }

    /// Whether the person can keep favourites: only on their own device.
    pub fn keeps_favourites(self) -> bool {
        self == Mode::Personal
    }

    /// Whether the device counts anonymous tallies for the centre's report.
    pub fn counts_tallies(self) -> bool {
        self == Mode::Outreach
    }

    /// Whether the device watches for a person walking away.
    pub fn watches_idle(self) -> bool {
        self == Mode::Kiosk
    }
}

/// The device's settings, chosen by staff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeviceSettings {
    pub mode: Mode,
    /// The staff PIN, salted and hashed; `None` until staff set one.
    pub pin: Option<PinHash>,
    /// Seconds without a touch before the kiosk warns, then resets.
    pub idle_seconds: u32,
    /// Seconds the "are you still there?" warning counts down before the reset.
    pub warning_seconds: u32,
}

impl Default for DeviceSettings {
    fn default() -> DeviceSettings {
        DeviceSettings::new()
    }
}

/// Why staff's change to the settings was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingsError {
    /// The PIN entered does not match the device's.
    WrongPin,
    /// A new PIN must be 4 to 8 digits.
    BadPin,
    /// A shared device needs a PIN, or anyone could switch it back.
    SharedNeedsPin,
    /// The idle time is outside what makes sense for a person reading.
    IdleOutOfRange,
}

/// A setting staff fill in, so a refusal can point at the one to correct.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    NewPin,
    IdleTime,
}

impl SettingsError {
    /// The setting to correct; `None` when the refusal is about the PIN entered to
    /// unlock, not about the form.
    pub fn setting(self) -> Option<Setting> {
        match self {
            SettingsError::WrongPin => None,
            SettingsError::BadPin | SettingsError::SharedNeedsPin => Some(Setting::NewPin),
            SettingsError::IdleOutOfRange => Some(Setting::IdleTime),
        }
    }
}

/// What staff ask for on the settings page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsChange {
    pub mode: Mode,
    /// A new PIN, or empty to keep the current one.
    pub new_pin: String,
    pub idle_seconds: u32,
}

impl DeviceSettings {
    pub const DEFAULT_IDLE_SECONDS: u32 = 90;
    /// How long the "are you still there?" warning counts down before the reset.
    pub const WARNING_SECONDS: u32 = 20;
    /// The idle times staff may choose: long enough to read a result, short enough
    /// that the next person does not find the last one's answers.
    pub const IDLE_RANGE: std::ops::RangeInclusive<u32> = 30..=900;

    pub fn new() -> DeviceSettings {
        DeviceSettings {
            mode: Mode::Personal,
            pin: None,
            idle_seconds: Self::DEFAULT_IDLE_SECONDS,
            warning_seconds: Self::WARNING_SECONDS,
        }
    }

    /// Applies staff's change, checking the PIN they entered against the current one.
    /// `salt` is fresh randomness for hashing a new PIN.
    pub fn change(
        &self,
        entered_pin: &str,
        change: &SettingsChange,
        salt: &str,
    ) -> Result<DeviceSettings, SettingsError> {
        if !self.unlocks(entered_pin) {
            return Err(SettingsError::WrongPin);
        }
        if !Self::IDLE_RANGE.contains(&change.idle_seconds) {
            return Err(SettingsError::IdleOutOfRange);
        }
        let pin = if change.new_pin.is_empty() {
            self.pin.clone()
        } else {
            Some(PinHash::new(&change.new_pin, salt).map_err(|BadPin| SettingsError::BadPin)?)
        };
        if change.mode.is_shared() && pin.is_none() {
            return Err(SettingsError::SharedNeedsPin);
        }
        Ok(DeviceSettings {
            mode: change.mode,
            pin,
            idle_seconds: change.idle_seconds,
            warning_seconds: self.warning_seconds,
        })
    }

    /// Changing the mode or the PIN needs the PIN, once one is set.
    pub fn unlocks(&self, pin: &str) -> bool {
        self.pin.as_ref().is_none_or(|hash| hash.matches(pin))
    }
}

/// How long the unlock form makes staff wait before another try, after `wrong` wrong
/// PINs in a row: nothing for the first five (fingers slip), then 30 s, doubling up to
/// 15 min. Without it a patient visitor could try every 4-digit PIN on a kiosk and turn
/// it into a personal device that keeps people's traces; staff who mistype are not
/// held for long.
pub fn pin_retry_wait_ms(wrong: u32) -> f64 {
    if wrong < 5 {
        return 0.0;
    }
    let doublings = (wrong - 5).min(5) as i32;
    (30_000.0 * 2f64.powi(doublings)).min(15.0 * 60_000.0)
}

/// Whole minutes staff must still wait before trying a PIN, given `wrong` wrong PINs in
/// a row, the last at `last_try_ms`, and the clock now (wall-clock ms); `None` when they
/// may try. A clock set back (now before the last try) counts as time passed: staff are
/// not locked out by it.
pub fn pin_minutes_to_wait(wrong: u32, last_try_ms: f64, now_ms: f64) -> Option<u32> {
    let left = pin_retry_wait_ms(wrong) - (now_ms - last_try_ms);
    (left > 0.0 && now_ms >= last_try_ms).then(|| (left / 60_000.0).ceil() as u32)
}

/// A PIN stored as SHA-256 of a per-device salt and the PIN: the PIN itself is never
/// kept. (A 4–8 digit PIN is guessable offline by anyone holding the device's storage;
/// the hash keeps it off the screen and out of casual reach, which is what the kiosk
/// needs: the tablet holds no secrets.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinHash {
    pub salt: String,
    pub sha256: String,
}

/// Why a PIN was refused when staff set it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadPin;

impl PinHash {
    /// Hashes a new PIN (4 to 8 digits) with the given random salt.
    pub fn new(pin: &str, salt: &str) -> Result<PinHash, BadPin> {
        if !(4..=8).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
            return Err(BadPin);
        }
        Ok(PinHash {
            salt: salt.to_string(),
            sha256: hash(salt, pin),
        })
    }

    pub fn matches(&self, pin: &str) -> bool {
        hash(&self.salt, pin) == self.sha256
    }
}

fn hash(salt: &str, pin: &str) -> String {
    sha256_hex(format!("rumbo-pin:{salt}:{pin}").as_bytes())
}

/// Where an idle kiosk stands, given the seconds since the last touch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Idle {
    Active,
    /// Showing the warning, with this many seconds left.
    Warning {
        seconds_left: u32,
    },
    /// Time is up: forget the person.
    Reset,
}

/// The idle phase after `idle_ms` without a touch: the device's idle limit, then its
/// warning countdown.
pub fn idle_phase(idle_ms: f64, settings: &DeviceSettings) -> Idle {
    let idle = (idle_ms.max(0.0) / 1000.0).floor() as u64;
    let warn_at = settings.idle_seconds as u64;
    let reset_at = warn_at + settings.warning_seconds.max(1) as u64;
    if idle < warn_at {
        Idle::Active
    } else if idle < reset_at {
        Idle::Warning {
            seconds_left: (reset_at - idle) as u32,
        }
    } else {
        Idle::Reset
    }
}

/// Whether a person has gone after the screen was off or the app hidden for `away_ms`
/// by the wall clock (the only clock that runs while a tablet sleeps), having already
/// been idle for `idle_before_ms` when it went off: idle for the whole idle time and
/// warning in all, or a clock set back meanwhile, which cannot be told apart from a long
/// absence and must not leave their answers for the next person.
pub fn gone_while_hidden(idle_before_ms: f64, away_ms: f64, settings: &DeviceSettings) -> bool {
    away_ms < 0.0 || idle_phase(idle_before_ms.max(0.0) + away_ms, settings) == Idle::Reset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_is_gone_after_a_sleep_as_long_as_the_reset_or_a_clock_set_back() {
        let settings = DeviceSettings {
            idle_seconds: 60,
            warning_seconds: 20,
            ..DeviceSettings::default()
        };
        assert!(
            !gone_while_hidden(0.0, 30_000.0, &settings),
            "a short screen-off keeps the person"
        );
        assert!(!gone_while_hidden(0.0, 79_000.0, &settings));
        assert!(gone_while_hidden(0.0, 80_000.0, &settings));
        assert!(gone_while_hidden(0.0, 5.0 * 60_000.0, &settings));
        assert!(
            gone_while_hidden(0.0, -1.0, &settings),
            "a clock set back is not trusted"
        );
    }

    #[test]
    fn time_idle_before_the_screen_went_off_counts_with_the_time_away() {
        let settings = DeviceSettings {
            idle_seconds: 90,
            warning_seconds: 20,
            ..DeviceSettings::default()
        };
        // Left, the screen went off after a minute, woken 50 s later by the next person.
        assert!(gone_while_hidden(60_000.0, 50_000.0, &settings));
        // Reading, switched apps for half a minute.
        assert!(!gone_while_hidden(5_000.0, 30_000.0, &settings));
    }

    #[test]
    fn wrong_pins_in_a_row_make_the_next_try_wait_longer_up_to_a_limit() {
        assert_eq!(pin_retry_wait_ms(0), 0.0);
        assert_eq!(pin_retry_wait_ms(4), 0.0, "a few slips cost nothing");
        assert_eq!(pin_retry_wait_ms(5), 30_000.0);
        assert_eq!(pin_retry_wait_ms(6), 60_000.0);
        assert_eq!(pin_retry_wait_ms(9), 480_000.0);
        assert_eq!(pin_retry_wait_ms(10), 900_000.0);
        assert_eq!(pin_retry_wait_ms(1_000), 900_000.0, "never more than 15 minutes");
    }

    #[test]
    fn the_wait_is_said_in_whole_minutes_and_a_clock_set_back_does_not_lock_staff_out() {
        let last = 1_000_000.0;
        assert_eq!(
            pin_minutes_to_wait(4, last, last + 1.0),
            None,
            "a few slips cost nothing"
        );
        assert_eq!(pin_minutes_to_wait(5, last, last + 1.0), Some(1));
        assert_eq!(pin_minutes_to_wait(5, last, last + 30_000.0), None, "the wait is over");
        assert_eq!(pin_minutes_to_wait(10, last, last + 60_000.0), Some(14));
        assert_eq!(pin_minutes_to_wait(10, last, last - 1.0), None, "clock set back");
    }

    #[test]
    fn a_pin_is_stored_hashed_and_checked() {
        let hash = PinHash::new("2468", "salt-a").unwrap();
        assert!(!hash.sha256.contains("2468"));
        assert!(hash.matches("2468"));
        assert!(!hash.matches("2469"));
        assert_ne!(hash.sha256, PinHash::new("2468", "salt-b").unwrap().sha256, "salted");
    }

    #[test]
    fn only_4_to_8_digit_pins_are_accepted() {
        for bad in ["123", "123456789", "12a4", "", "12 34"] {
            assert_eq!(PinHash::new(bad, "s"), Err(BadPin), "{bad}");
        }
        assert!(PinHash::new("00000000", "s").is_ok());
    }

    #[test]
    fn settings_unlock_only_with_the_pin_once_set() {
        let mut settings = DeviceSettings::new();
        assert!(settings.unlocks("anything"), "no PIN yet: staff are setting up");
        settings.pin = Some(PinHash::new("1357", "s").unwrap());
        assert!(settings.unlocks("1357"));
        assert!(!settings.unlocks("7531"));
    }

    #[test]
    fn idle_goes_active_then_warning_then_reset() {
        let settings = DeviceSettings::new();
        assert_eq!(idle_phase(0.0, &settings), Idle::Active);
        assert_eq!(idle_phase(89_999.0, &settings), Idle::Active);
        assert_eq!(idle_phase(90_000.0, &settings), Idle::Warning { seconds_left: 20 });
        assert_eq!(idle_phase(109_000.0, &settings), Idle::Warning { seconds_left: 1 });
        assert_eq!(idle_phase(110_000.0, &settings), Idle::Reset);
        assert_eq!(
            idle_phase(-5.0, &settings),
            Idle::Active,
            "a clock going back is not idleness"
        );
        let quick = DeviceSettings {
            idle_seconds: 1,
            warning_seconds: 3,
            ..DeviceSettings::new()
        };
        assert_eq!(idle_phase(2_000.0, &quick), Idle::Warning { seconds_left: 2 });
        assert_eq!(idle_phase(4_000.0, &quick), Idle::Reset);
    }

    fn change(mode: Mode, new_pin: &str, idle_seconds: u32) -> SettingsChange {
        SettingsChange {
            mode,
            new_pin: new_pin.to_string(),
            idle_seconds,
        }
    }

    #[test]
    fn a_shared_mode_needs_a_pin_and_the_pin_guards_every_change() {
        let fresh = DeviceSettings::new();
        assert_eq!(
            fresh.change("", &change(Mode::Kiosk, "", 90), "s"),
            Err(SettingsError::SharedNeedsPin)
        );
        let kiosk = fresh.change("", &change(Mode::Kiosk, "2468", 120), "s").unwrap();
        assert_eq!((kiosk.mode, kiosk.idle_seconds), (Mode::Kiosk, 120));
        assert!(kiosk.unlocks("2468"));
        assert_eq!(
            kiosk.change("1111", &change(Mode::Personal, "", 90), "t"),
            Err(SettingsError::WrongPin),
            "turning the kiosk off needs the PIN"
        );
        let off = kiosk.change("2468", &change(Mode::Personal, "", 90), "t").unwrap();
        assert_eq!(off.mode, Mode::Personal);
        assert!(off.unlocks("2468") && !off.unlocks("1111"), "the PIN is kept");
    }

    #[test]
    fn each_refusal_points_at_the_setting_to_correct() {
        let fresh = DeviceSettings::new();
        let refusal = |c: SettingsChange| fresh.change("", &c, "s").unwrap_err().setting();
        assert_eq!(refusal(change(Mode::Kiosk, "", 90)), Some(Setting::NewPin));
        assert_eq!(refusal(change(Mode::Outreach, "12", 90)), Some(Setting::NewPin));
        assert_eq!(refusal(change(Mode::Kiosk, "2468", 5)), Some(Setting::IdleTime));
        assert_eq!(SettingsError::WrongPin.setting(), None);
    }

    #[test]
    fn bad_pins_and_idle_times_are_refused() {
        let fresh = DeviceSettings::new();
        assert_eq!(
            fresh.change("", &change(Mode::Outreach, "12", 90), "s"),
            Err(SettingsError::BadPin)
        );
        assert_eq!(
            fresh.change("", &change(Mode::Kiosk, "2468", 5), "s"),
            Err(SettingsError::IdleOutOfRange)
        );
        assert_eq!(
            fresh.change("", &change(Mode::Kiosk, "2468", 100_000), "s"),
            Err(SettingsError::IdleOutOfRange)
        );
    }

    #[test]
    fn what_each_mode_allows() {
        assert!(Mode::Personal.opens_links() && Mode::Personal.keeps_favourites() && !Mode::Personal.is_shared());
        assert!(!Mode::Kiosk.opens_links() && !Mode::Kiosk.keeps_favourites() && Mode::Kiosk.watches_idle());
        assert!(Mode::Outreach.is_shared() && Mode::Outreach.counts_tallies() && !Mode::Outreach.watches_idle());
        assert!(!Mode::Kiosk.counts_tallies() && !Mode::Personal.counts_tallies());
        for mode in Mode::ALL {
            assert_eq!(Mode::from_code(mode.code()), Some(mode));
        }
    }

    #[test]
    fn only_a_personal_device_lets_the_browser_remember_a_typed_place() {
        assert_eq!(Mode::Personal.place_autocomplete(), "address-level1");
        assert_eq!(Mode::Kiosk.place_autocomplete(), "off");
        assert_eq!(Mode::Outreach.place_autocomplete(), "off");
    }

    #[test]
    fn settings_saved_by_an_older_version_still_load() {
        let old: DeviceSettings = serde_json::from_str(r#"{"mode":"kiosk","pin":null,"idle_seconds":60}"#).unwrap();
        assert_eq!(old.mode, Mode::Kiosk);
        assert_eq!(old.warning_seconds, DeviceSettings::WARNING_SECONDS);
        let empty: DeviceSettings = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, DeviceSettings::new());
    }
}
