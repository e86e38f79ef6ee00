//! Reading the device's saved settings back, as far as they can be read.
//!
//! The record is written by this app, but by whichever version ran last: a version
//! that knew another mode, a change rolled back, or a damaged store. Refusing the whole
//! record used to make the device a personal one, so a kiosk with a record it could not
//! read stopped forgetting people and kept one person's traces for the next. Each field
//! is read on its own instead (the browser layer reads them, with `JSON.parse`); a field
//! that cannot be read takes its default, except the mode, which becomes the kiosk's,
//! the one that forgets each person, until staff save the settings again (the settings
//! page tells them).

use crate::core::device::mode::{DeviceSettings, Mode, PinHash};

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
}
