//! A shared device's settings: what staff may change and with which checks
//! ([`DeviceSettings::change`]), and how a saved record is read back.
//!
//! Reading back, as far as the record can be read: the record is written by this app, but by whichever version ran last: a version
//! that knew another mode, a change rolled back, or a damaged store. Refusing the whole
//! record used to make the device a personal one, so a kiosk with a record it could not
//! read stopped forgetting people and kept one person's traces for the next. Each field
//! is read on its own instead (the browser layer reads them, with `JSON.parse`); a field
//! that cannot be read takes its default, except the mode, which becomes the kiosk's,
//! the one that forgets each person, until staff save the settings again (the settings
//! page tells them).
//!
//! Failing closed: settings that could not all be read never open the settings page
//! to whoever holds the device. With a PIN still readable, the PIN opens it; without
//! one ([`Access::Sealed`]) nobody can from the app, and staff reset the device by
//! clearing the site's data in the browser's or the system's settings, which the
//! operating system's kiosk lock keeps visitors out of (README, "Shared devices").
//! A kiosk can also be pinned from outside storage, by its start address
//! ([`PINNED_KIOSK_PARAM`]), so storage the browser evicted does not silently make it a
//! personal device.

use crate::core::device::mode::Mode;
use crate::core::device::pin::{PinHash, check_new_pin};
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

    /// Applies staff's change, once [`Access`] opened the settings (the page shows the
    /// form only then). `new_pin` is the hash of `change.new_pin` the browser derived
    /// (`None` when the field was left empty, or it could not).
    pub fn change(&self, change: &SettingsChange, new_pin: Option<PinHash>) -> Result<DeviceSettings, SettingsError> {
        if !Self::IDLE_RANGE.contains(&change.idle_seconds) {
            return Err(SettingsError::IdleOutOfRange);
        }
        let pin = if change.new_pin.is_empty() {
            self.pin.clone()
        } else {
            check_new_pin(&change.new_pin).map_err(|_| SettingsError::BadPin)?;
            Some(new_pin.ok_or(SettingsError::BadPin)?)
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
}

/// Who may open the settings page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Access {
    /// No PIN was ever set and the settings were read whole: staff are setting up.
    Open,
    /// The PIN opens it.
    Pin(PinHash),
    /// Settings that could not be read (or a kiosk pinned by its address whose settings
    /// are gone) and no PIN that can be read: nobody opens it from the app. Staff clear
    /// the site's data from the browser's or the system's settings, then set it up again.
    Sealed,
}

impl Access {
    /// Opened without a PIN, where no PIN guards it.
    pub fn open(&self) -> bool {
        *self == Access::Open
    }

    /// Opened with `pin` (and the key the browser derived from it, see
    /// [`PinHash::derivation`]).
    pub fn unlock(&self, pin: &str, derived: Option<&str>) -> bool {
        matches!(self, Access::Pin(hash) if hash.matches(pin, derived))
    }
}

/// The query parameter of a kiosk's start address (`/?dispositivo=kiosco`), which staff
/// bookmark or set as the kiosk browser's home page: the device is then a kiosk
/// whatever its storage holds, so evicted or damaged storage cannot make it personal.
pub const PINNED_KIOSK_PARAM: (&str, &str) = ("dispositivo", "kiosco");

/// Whether a query string (`?a=b&c=d`, with or without its `?`) pins the device as a kiosk.
pub fn pins_kiosk(query: &str) -> bool {
    let (name, value) = PINNED_KIOSK_PARAM;
    query
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair.split_once('=') == Some((name, value)))
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
    /// No record at all: a personal device not set up yet, unless `pinned` (a kiosk by
    /// its start address, see [`PINNED_KIOSK_PARAM`]).
    pub fn none(pinned: bool) -> Saved {
        Saved {
            settings: DeviceSettings::new(),
            damaged: false,
        }
        .pinned(pinned)
    }

    /// The settings as the device's start address pins them: a kiosk pinned by its
    /// address stays a kiosk when its storage says personal (evicted, cleared, or
    /// damaged), and then its settings do not open without a PIN.
    pub fn pinned(self, pinned: bool) -> Saved {
        if !pinned || self.settings.mode.is_shared() {
            return self;
        }
        Saved {
            settings: DeviceSettings {
                mode: Mode::Kiosk,
                ..self.settings
            },
            damaged: true,
        }
    }

    /// Who may open the settings page: fails closed when anything could not be read.
    pub fn access(&self) -> Access {
        match (&self.settings.pin, self.damaged) {
            (Some(pin), _) => Access::Pin(pin.clone()),
            (None, false) => Access::Open,
            (None, true) => Access::Sealed,
        }
    }

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

    fn pin() -> PinHash {
        PinHash::legacy("2468", "salt-a")
    }

    fn fields() -> Fields {
        Fields {
            mode: Field::Read("kiosk".into()),
            pin: Field::Read(pin()),
            idle_seconds: Field::Read(120),
            warning_seconds: Field::Read(20),
        }
    }

    #[test]
    fn a_record_this_version_saved_reads_back_whole() {
        let saved = Saved::from_fields(fields());
        assert!(!saved.damaged);
        assert_eq!(saved.settings.mode, Mode::Kiosk);
        assert_eq!(saved.settings.pin, Some(pin()));
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
        assert_eq!(saved.access(), Access::Open, "a device not set up yet");
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
        assert_eq!(
            saved.access(),
            Access::Pin(pin()),
            "staff still need the PIN to change it"
        );
        assert_eq!(saved.settings.idle_seconds, 120);
    }

    #[test]
    fn one_bad_field_does_not_spoil_the_mode() {
        let saved = Saved::from_fields(Fields {
            mode: Field::Read("outreach".into()),
            pin: Field::Read(pin()),
            idle_seconds: Field::Unreadable,
            warning_seconds: Field::Read(20),
        });
        assert!(saved.damaged);
        assert_eq!(saved.settings.mode, Mode::Outreach);
        assert_eq!(saved.settings.idle_seconds, DeviceSettings::DEFAULT_IDLE_SECONDS);
    }

    #[test]
    fn settings_that_cannot_be_read_never_open_without_a_pin() {
        // An unreadable PIN: a PIN was set, so the page stays shut.
        let no_pin = Saved::from_fields(Fields {
            mode: Field::Read("outreach".into()),
            pin: Field::Unreadable,
            ..fields()
        });
        assert_eq!(no_pin.settings.mode, Mode::Outreach);
        assert_eq!(no_pin.access(), Access::Sealed);
        assert!(!no_pin.access().open());
        assert!(!no_pin.access().unlock("", None));
        // A record that is not an object, or whose mode cannot be read, and no PIN.
        assert_eq!(Saved::unreadable().access(), Access::Sealed);
        let unknown = Saved::from_fields(Fields {
            mode: Field::Unreadable,
            pin: Field::Absent,
            ..fields()
        });
        assert_eq!(unknown.access(), Access::Sealed);
        // Only the damaged idle time: the readable PIN still opens it.
        let idle = Saved::from_fields(Fields {
            idle_seconds: Field::Unreadable,
            ..fields()
        });
        assert!(idle.access().unlock("2468", None));
        assert!(!idle.access().open());
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
    fn a_kiosk_pinned_by_its_address_stays_a_kiosk_when_its_storage_is_gone() {
        assert_eq!(Saved::none(false).settings.mode, Mode::Personal);
        assert_eq!(Saved::none(false).access(), Access::Open);
        let evicted = Saved::none(true);
        assert_eq!(evicted.settings.mode, Mode::Kiosk);
        assert_eq!(evicted.access(), Access::Sealed, "a visitor cannot set it up");
        // Saved as personal with a PIN (or damaged into personal): the address wins, the PIN opens.
        let personal = Saved::from_fields(Fields {
            mode: Field::Read("personal".into()),
            ..fields()
        })
        .pinned(true);
        assert_eq!(personal.settings.mode, Mode::Kiosk);
        assert_eq!(personal.access(), Access::Pin(pin()));
        // A shared device is left as staff set it.
        let outreach = Saved::from_fields(Fields {
            mode: Field::Read("outreach".into()),
            ..fields()
        });
        assert_eq!(outreach.clone().pinned(true), outreach);
    }

    #[test]
    fn the_kiosk_start_address_is_read_from_the_query() {
        assert!(pins_kiosk("?dispositivo=kiosco"));
        assert!(pins_kiosk("lang=en&dispositivo=kiosco"));
        assert!(!pins_kiosk(""));
        assert!(!pins_kiosk("?dispositivo=kiosco2"));
        assert!(!pins_kiosk("?xdispositivo=kiosco"));
    }

    #[test]
    fn settings_unlock_only_with_the_pin_once_set() {
        let fresh = Saved::none(false);
        assert!(fresh.access().open(), "no PIN yet: staff are setting up");
        let kiosk = Saved::from_fields(fields());
        assert!(!kiosk.access().open());
        assert!(kiosk.access().unlock("2468", None));
        assert!(!kiosk.access().unlock("7531", None));
        let stretched = Saved {
            settings: DeviceSettings {
                pin: Some(PinHash::pbkdf2("s", "beef")),
                ..DeviceSettings::new()
            },
            damaged: false,
        };
        assert!(stretched.access().unlock("1357", Some("beef")));
        assert!(!stretched.access().unlock("1357", Some("bee0")));
    }

    fn change(mode: Mode, new_pin: &str, idle_seconds: u32) -> SettingsChange {
        SettingsChange {
            mode,
            new_pin: new_pin.to_string(),
            idle_seconds,
        }
    }

    #[test]
    fn a_shared_mode_needs_a_pin_and_a_new_pin_is_kept_hashed() {
        let fresh = DeviceSettings::new();
        assert_eq!(
            fresh.change(&change(Mode::Kiosk, "", 90), None),
            Err(SettingsError::SharedNeedsPin)
        );
        let hash = PinHash::pbkdf2("s", "beef");
        let kiosk = fresh
            .change(&change(Mode::Kiosk, "2468", 120), Some(hash.clone()))
            .unwrap();
        assert_eq!(
            (kiosk.mode, kiosk.idle_seconds, kiosk.pin.clone()),
            (Mode::Kiosk, 120, Some(hash.clone()))
        );
        let off = kiosk.change(&change(Mode::Personal, "", 90), None).unwrap();
        assert_eq!(off.mode, Mode::Personal);
        assert_eq!(off.pin, Some(hash), "the PIN is kept");
    }

    #[test]
    fn each_refusal_points_at_the_setting_to_correct() {
        let fresh = DeviceSettings::new();
        let refusal = |c: SettingsChange| fresh.change(&c, None).unwrap_err().setting();
        assert_eq!(refusal(change(Mode::Kiosk, "", 90)), Some(Setting::NewPin));
        assert_eq!(refusal(change(Mode::Outreach, "12", 90)), Some(Setting::NewPin));
        assert_eq!(refusal(change(Mode::Kiosk, "2468", 5)), Some(Setting::IdleTime));
        assert_eq!(SettingsError::WrongPin.setting(), None);
    }

    #[test]
    fn bad_pins_and_idle_times_are_refused() {
        let fresh = DeviceSettings::new();
        let hash = Some(PinHash::pbkdf2("s", "beef"));
        assert_eq!(
            fresh.change(&change(Mode::Outreach, "12", 90), hash.clone()),
            Err(SettingsError::BadPin)
        );
        assert_eq!(
            fresh.change(&change(Mode::Outreach, "2468", 90), None),
            Err(SettingsError::BadPin),
            "a PIN typed but not hashed is never stored"
        );
        assert_eq!(
            fresh.change(&change(Mode::Kiosk, "2468", 5), hash.clone()),
            Err(SettingsError::IdleOutOfRange)
        );
        assert_eq!(
            fresh.change(&change(Mode::Kiosk, "2468", 100_000), hash),
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
