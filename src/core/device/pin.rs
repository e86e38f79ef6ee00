//! The staff PIN that guards a shared device's settings: how it is stored (salted and
//! hashed, never the PIN itself) and how long staff wait after wrong tries.

use crate::core::digest::sha256_hex;
use serde::{Deserialize, Serialize};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
