//! Device modes for shared devices: the centre's kiosk tablets (many strangers a day)
//! and outreach workers' phones at community events. The rules live here; the browser
//! layer only stores the settings and feeds in the clock.

use crate::core::manifest::sha256_hex;
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

/// The device's settings, chosen by staff.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceSettings {
    pub mode: Mode,
    /// The staff PIN, salted and hashed; `None` until staff set one.
    pub pin: Option<PinHash>,
    /// Seconds without a touch before the kiosk warns, then resets.
    pub idle_seconds: u32,
}

impl DeviceSettings {
    pub const DEFAULT_IDLE_SECONDS: u32 = 90;
    /// How long the "are you still there?" warning counts down before the reset.
    pub const WARNING_SECONDS: u32 = 20;

    pub fn new() -> DeviceSettings {
        DeviceSettings {
            mode: Mode::Personal,
            pin: None,
            idle_seconds: Self::DEFAULT_IDLE_SECONDS,
        }
    }

    /// Changing the mode or the PIN needs the PIN, once one is set.
    pub fn unlocks(&self, pin: &str) -> bool {
        self.pin.as_ref().is_none_or(|hash| hash.matches(pin))
    }
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

/// The idle phase after `idle_ms` without a touch, for an idle limit of
/// `idle_seconds` followed by the warning countdown.
pub fn idle_phase(idle_ms: f64, idle_seconds: u32) -> Idle {
    let idle = (idle_ms.max(0.0) / 1000.0).floor() as u64;
    let warn_at = idle_seconds as u64;
    let reset_at = warn_at + DeviceSettings::WARNING_SECONDS as u64;
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(idle_phase(0.0, 90), Idle::Active);
        assert_eq!(idle_phase(89_999.0, 90), Idle::Active);
        assert_eq!(idle_phase(90_000.0, 90), Idle::Warning { seconds_left: 20 });
        assert_eq!(idle_phase(109_000.0, 90), Idle::Warning { seconds_left: 1 });
        assert_eq!(idle_phase(110_000.0, 90), Idle::Reset);
        assert_eq!(idle_phase(-5.0, 90), Idle::Active, "a clock going back is not idleness");
        assert_eq!(idle_phase(2_000.0, 1), Idle::Warning { seconds_left: 19 });
    }
}
