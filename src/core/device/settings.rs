//! A shared device's settings: what staff may change and with which checks
//! ([`DeviceSettings::change`]), and how a saved record is read back.
//!
//! Reading back, as far as the record can be read: //! The record is written by this app, but by whichever version ran last: a version
//! that knew another mode, a change rolled back, or a damaged store. Refusing the whole
//! record used to make the device a personal one, so a kiosk with a record it could not
//! read stopped forgetting people and kept one person's traces for the next. Each field
//! is read on its own instead (the browser layer reads them, with `JSON.parse`); a field
//! that cannot be read takes its default, except the mode, which becomes the kiosk's,
//! the one that forgets each person, until staff save the settings again (the settings
//! page tells them).

use crate::core::device::mode::Mode;
use crate::core::device::pin::{BadPin, PinHash};
use serde::{Deserialize, Serialize};

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

/// One field of the saved record, as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field<T> {
    /// Not in the record, or `null`: the default, and no damage.
    Absent,
    /// There, but not of its kind (a number where text belongs, a mode this version
    /// does not know).
    Unreadable,
    Read(T),
}

/// The record's fields, each read on its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fields {
    pub mode: Field<String>,
    pub pin: Field<PinHash>,
    pub idle_seconds: Field<u32>,
    pub warning_seconds: Field<u32>,
}

/// The settings read from a saved record, and whether any of it could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    pub settings: DeviceSettings,
    pub damaged: bool,
}

impl Saved {
    /// A record that is not an object at all (not JSON, cut short, a list): a kiosk.
    pub fn unreadable() -> Saved {
        Saved {
            settings: DeviceSettings {
                mode: Mode::Kiosk,
                ..DeviceSettings::new()
            },
            damaged: true,
        }
    }

    /// The settings from a record's fields.
    pub fn from_fields(fields: Fields) -> Saved {
        let defaults = DeviceSettings::new();
        let mut damaged = false;
        let mut take = |field: Field<u32>, default: u32| match field {
            Field::Absent => default,
            Field::Unreadable => {
                damaged = true;
                default
            }
            Field::Read(value) => value,
        };
        let idle_seconds = take(fields.idle_seconds, defaults.idle_seconds);
        let warning_seconds = take(fields.warning_seconds, defaults.warning_seconds);
        let pin = match fields.pin {
            Field::Absent => None,
            Field::Unreadable => {
                damaged = true;
                None
            }
            Field::Read(pin) => Some(pin),
        };
        let mode = match fields.mode {
            Field::Absent => Mode::default(),
            Field::Read(code) if Mode::from_code(&code).is_some() => Mode::from_code(&code).unwrap_or_default(),
            Field::Read(_) | Field::Unreadable => {
                damaged = true;
                Mode::Kiosk
            }
        };
        Saved {
            settings: DeviceSettings {
                mode,
                pin,
                idle_seconds,
                warning_seconds,
            },
            damaged,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> Fields {
        Fields {
            mode: Field::Read("kiosk".into()),
            pin: Field::Read(PinHash::new("2468", "salt-a").unwrap()),
            idle_seconds: Field::Read(120),
            warning_seconds: Field::Read(20),
        }
    }

    #[test]
    fn a_record_this_version_saved_reads_back_whole() {
        let saved = Saved::from_fields(fields());
        assert!(!saved.damaged);
        assert_eq!(saved.settings.mode, Mode::Kiosk);
        assert_eq!(saved.settings.pin, Some(PinHash::new("2468", "salt-a").unwrap()));
        assert_eq!((saved.settings.idle_seconds, saved.settings.warning_seconds), (120, 20));
        let outreach = Saved::from_fields(Fields {
            mode: Field::Read("outreach".into()),
            ..fields()
        });
        assert_eq!(outreach.settings.mode, Mode::Outreach);
    }

    #[test]
    fn missing_fields_are_defaults_not_damage() {
        let saved = Saved::from_fields(Fields {
            mode: Field::Absent,
            pin: Field::Absent,
            idle_seconds: Field::Absent,
            warning_seconds: Field::Absent,
        });
        assert_eq!(
            saved,
            Saved {
                settings: DeviceSettings::new(),
                damaged: false
            }
        );
    }

    #[test]
    fn a_mode_this_version_does_not_know_makes_a_kiosk_and_keeps_the_pin() {
        let saved = Saved::from_fields(Fields {
            mode: Field::Read("library".into()),
            ..fields()
        });
        assert!(saved.damaged);
        assert_eq!(
            saved.settings.mode,
            Mode::Kiosk,
            "a shared device keeps forgetting people"
        );
        assert!(saved.settings.pin.is_some(), "staff still need the PIN to change it");
        assert_eq!(saved.settings.idle_seconds, 120);
    }

    #[test]
    fn one_bad_field_does_not_spoil_the_mode() {
        let saved = Saved::from_fields(Fields {
            mode: Field::Read("outreach".into()),
            pin: Field::Unreadable,
            idle_seconds: Field::Unreadable,
            warning_seconds: Field::Read(20),
        });
        assert!(saved.damaged);
        assert_eq!(saved.settings.mode, Mode::Outreach);
        assert_eq!(saved.settings.pin, None);
        assert_eq!(saved.settings.idle_seconds, DeviceSettings::DEFAULT_IDLE_SECONDS);
    }

    #[test]
    fn an_unreadable_mode_or_record_makes_a_kiosk() {
        let saved = Saved::from_fields(Fields {
            mode: Field::Unreadable,
            ..fields()
        });
        assert!(saved.damaged);
        assert_eq!(saved.settings.mode, Mode::Kiosk);
        assert_eq!(Saved::unreadable().settings.mode, Mode::Kiosk);
        assert!(Saved::unreadable().damaged);
    }

    #[test]
    fn settings_unlock_only_with_the_pin_once_set() {
        let mut settings = DeviceSettings::new();
        assert!(settings.unlocks("anything"), "no PIN yet: staff are setting up");
        settings.pin = Some(PinHash::new("1357", "s").unwrap());
        assert!(settings.unlocks("1357"));
        assert!(!settings.unlocks("7531"));
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
    fn settings_saved_by_an_older_version_still_load() {
        let old: DeviceSettings = serde_json::from_str(r#"{"mode":"kiosk","pin":null,"idle_seconds":60}"#).unwrap();
        assert_eq!(old.mode, Mode::Kiosk);
        assert_eq!(old.warning_seconds, DeviceSettings::WARNING_SECONDS);
        let empty: DeviceSettings = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, DeviceSettings::new());
    }
}
