//! Reading the device's saved settings back, as far as they can be read.
//!
//! The record is written by this app, but by whichever version ran last: a version
//! that knew another mode, a change rolled back, or a damaged store. Refusing the whole
//! record used to make the device a personal one, so a kiosk with a record it could not
//! read stopped forgetting people and kept one person's traces for the next. Each field
//! is read on its own instead; a field that cannot be read takes its default, except the
//! mode, which becomes the kiosk's, the one that forgets each person, until staff save
//! the settings again (the settings page tells them).

use crate::core::kiosk::{DeviceSettings, Mode};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

/// The settings read from a saved record, and whether any of it could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    pub settings: DeviceSettings,
    pub damaged: bool,
}

/// Each field kept as its JSON text, so one bad field does not spoil the others.
#[derive(Default, Deserialize)]
#[serde(default)]
struct Fields<'a> {
    #[serde(borrow)]
    mode: Option<&'a RawValue>,
    #[serde(borrow)]
    pin: Option<&'a RawValue>,
    #[serde(borrow)]
    idle_seconds: Option<&'a RawValue>,
    #[serde(borrow)]
    warning_seconds: Option<&'a RawValue>,
}

/// Reads the record saved by [`crate::platform`]'s device storage.
pub fn read(json: &str) -> Saved {
    let Ok(fields) = serde_json::from_str::<Fields>(json) else {
        return Saved {
            settings: DeviceSettings {
                mode: Mode::Kiosk,
                ..DeviceSettings::new()
            },
            damaged: true,
        };
    };
    let mut damaged = false;
    let defaults = DeviceSettings::new();
    let mode = field::<Mode>(fields.mode, &mut damaged);
    // Read first, so `damaged` is about the mode alone here.
    let mode = if damaged {
        Mode::Kiosk
    } else {
        mode.flatten().unwrap_or_default()
    };
    let pin = field(fields.pin, &mut damaged).flatten();
    let idle = field(fields.idle_seconds, &mut damaged).flatten();
    let warning = field(fields.warning_seconds, &mut damaged).flatten();
    let settings = DeviceSettings {
        mode,
        pin,
        idle_seconds: idle.unwrap_or(defaults.idle_seconds),
        warning_seconds: warning.unwrap_or(defaults.warning_seconds),
    };
    Saved { settings, damaged }
}

/// A field's value: `None` when absent, `Some(None)` for an explicit `null` or a value
/// that cannot be read, which also sets `damaged`.
fn field<T: DeserializeOwned>(raw: Option<&RawValue>, damaged: &mut bool) -> Option<Option<T>> {
    let value = serde_json::from_str(raw?.get()).ok();
    *damaged |= value.is_none();
    Some(value.flatten())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::kiosk::PinHash;

    fn kiosk() -> DeviceSettings {
        DeviceSettings {
            mode: Mode::Kiosk,
            pin: Some(PinHash::new("2468", "salt-a").unwrap()),
            idle_seconds: 120,
            warning_seconds: 20,
        }
    }

    #[test]
    fn a_record_this_version_saved_reads_back_whole() {
        let saved = serde_json::to_string(&kiosk()).unwrap();
        assert_eq!(
            read(&saved),
            Saved {
                settings: kiosk(),
                damaged: false
            }
        );
        let outreach = DeviceSettings {
            mode: Mode::Outreach,
            ..kiosk()
        };
        assert_eq!(read(&serde_json::to_string(&outreach).unwrap()).settings, outreach);
    }

    #[test]
    fn missing_fields_are_defaults_not_damage() {
        assert_eq!(
            read("{}"),
            Saved {
                settings: DeviceSettings::new(),
                damaged: false
            }
        );
        let saved = read(r#"{"mode":"kiosk","extra":"from a later version"}"#);
        assert_eq!(saved.settings.mode, Mode::Kiosk);
        assert!(!saved.damaged);
    }

    #[test]
    fn a_mode_this_version_does_not_know_makes_a_kiosk_and_keeps_the_pin() {
        let record = r#"{"mode":"library","pin":{"salt":"salt-a","sha256":"SHA"},"idle_seconds":120}"#;
        let saved = read(record);
        assert!(saved.damaged);
        assert_eq!(
            saved.settings.mode,
            Mode::Kiosk,
            "a shared device keeps forgetting people"
        );
        assert_eq!(
            saved.settings.pin.unwrap().sha256,
            "SHA",
            "staff still need the PIN to change it"
        );
        assert_eq!(saved.settings.idle_seconds, 120);
    }

    #[test]
    fn one_bad_field_does_not_spoil_the_mode() {
        let saved = read(r#"{"mode":"outreach","idle_seconds":-5,"pin":7}"#);
        assert!(saved.damaged);
        assert_eq!(saved.settings.mode, Mode::Outreach);
        assert_eq!(saved.settings.pin, None);
        assert_eq!(saved.settings.idle_seconds, DeviceSettings::DEFAULT_IDLE_SECONDS);
    }

    #[test]
    fn an_unreadable_record_makes_a_kiosk() {
        for record in ["", "not json", "[1,2]", "\"kiosk\"", r#"{"mode":"kiosk""#] {
            let saved = read(record);
            assert!(saved.damaged, "{record:?}");
            assert_eq!(saved.settings.mode, Mode::Kiosk, "{record:?}");
        }
    }
}
