//! The staff PIN that guards a shared device's settings: how it is stored (salted and
//! stretched, never the PIN itself), how an older hash is still checked and replaced,
//! and how long staff wait after wrong tries.
//!
//! What the PIN protects against, and what it cannot (README, "Shared devices"): it
//! keeps a visitor who only has the app's screen from switching the kiosk off or
//! reading the tallies. Anyone who can leave the app (the browser's menus, its site
//! settings, the address bar) can clear the app's storage and with it the PIN, and can
//! read the stored hash: a 4–8 digit PIN is found from it by trying every PIN, however
//! slow each try is made. Only the operating system's kiosk lock (screen pinning,
//! Guided Access, a managed kiosk browser) keeps a visitor inside the app.

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

/// A moment, read on two clocks: the wall clock (`Date.now`), which staff or a visitor
/// can set back or forward, and `performance.timeOrigin + performance.now()`, which
/// within one page only moves forward at one second per second and, across a reload,
/// starts again from the wall clock of that load.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Instant {
    pub wall_ms: f64,
    pub mono_ms: f64,
}

/// Wrong PINs in a row and when the last was entered, kept across reloads so a
/// reload does not reset the wait.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PinTries {
    pub wrong: u32,
    pub last: Instant,
}

impl PinTries {
    pub const NONE: PinTries = PinTries {
        wrong: 0,
        last: Instant {
            wall_ms: 0.0,
            mono_ms: 0.0,
        },
    };

    /// Time passed since the last wrong try, on the clock that says the least: a clock
    /// set forward (within a page the monotonic one does not move) gains nothing.
    fn elapsed_ms(&self, now: Instant) -> f64 {
        (now.wall_ms - self.last.wall_ms).min(now.mono_ms - self.last.mono_ms)
    }

    /// The tries as seen `now`: when either clock reads earlier than the last try (set
    /// back, or a reload after it was set back), the wait starts again from now. Set
    /// back, the clock would otherwise either shorten the wait (counted as time passed)
    /// or hold staff out until it caught up again (days, for a clock set back days);
    /// this way it costs at most one full wait. The browser layer stores the result.
    pub fn seen_at(self, now: Instant) -> PinTries {
        if self.wrong > 0 && self.elapsed_ms(now) < 0.0 {
            PinTries { last: now, ..self }
        } else {
            self
        }
    }

    /// Whole minutes staff must still wait before trying a PIN `now`; `None` when they
    /// may try.
    pub fn minutes_to_wait(&self, now: Instant) -> Option<u32> {
        let left = pin_retry_wait_ms(self.wrong) - self.elapsed_ms(now).max(0.0);
        (left > 0.0).then(|| (left / 60_000.0).ceil() as u32)
    }

    /// After a wrong PIN `now`.
    pub fn wrong_at(self, now: Instant) -> PinTries {
        PinTries {
            wrong: self.wrong.saturating_add(1),
            last: now,
        }
    }

    /// As stored: `wrong,wall,mono` in whole milliseconds.
    pub fn to_record(&self) -> String {
        format!(
            "{},{},{}",
            self.wrong, self.last.wall_ms as i64, self.last.mono_ms as i64
        )
    }

    /// Reads a stored record; one written before the monotonic reading was kept
    /// (`wrong,wall`) takes the wall clock for both. Unreadable is no tries.
    pub fn from_record(record: &str) -> PinTries {
        let mut parts = record.split(',').map(|part| part.trim().parse::<i64>().ok());
        let (Some(Some(wrong)), Some(Some(wall))) = (parts.next(), parts.next()) else {
            return PinTries::NONE;
        };
        let mono = parts.next().flatten().unwrap_or(wall);
        PinTries {
            wrong: u32::try_from(wrong).unwrap_or(0),
            last: Instant {
                wall_ms: wall as f64,
                mono_ms: mono as f64,
            },
        }
    }
}

/// PBKDF2-HMAC-SHA-256 iterations for a new PIN (OWASP's figure for 2023). The
/// browser's own `crypto.subtle` runs them, well under a second on the centre's
/// tablets; each guess at a stolen hash costs as much.
pub const PBKDF2_ITERATIONS: u32 = 600_000;

/// A stored PIN: never the PIN itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PinHash {
    /// PBKDF2-HMAC-SHA-256 of the PIN with `salt` (16 random bytes, in hex, used as its
    /// UTF-8 text) over `iterations`: the 32-byte key in hex.
    Pbkdf2 {
        salt: String,
        iterations: u32,
        pbkdf2_sha256: String,
    },
    /// What versions before PBKDF2 stored: one SHA-256 of `rumbo-pin:{salt}:{pin}`.
    /// Still checked, so kiosks set up then still unlock; replaced by a PBKDF2 hash at
    /// the next right PIN.
    Sha256 { salt: String, sha256: String },
}

/// Why a PIN was refused when staff set it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadPin;

/// What the browser must compute to check a PIN against a stored PBKDF2 hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Derivation {
    pub salt: String,
    pub iterations: u32,
}

/// Whether `pin` is one staff may set: 4 to 8 digits.
pub fn check_new_pin(pin: &str) -> Result<(), BadPin> {
    if (4..=8).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(BadPin)
    }
}

impl PinHash {
    /// A PIN hash from the key the browser derived for it with [`PBKDF2_ITERATIONS`].
    pub fn pbkdf2(salt: &str, key_hex: &str) -> PinHash {
        PinHash::Pbkdf2 {
            salt: salt.to_string(),
            iterations: PBKDF2_ITERATIONS,
            pbkdf2_sha256: key_hex.to_ascii_lowercase(),
        }
    }

    /// An old-style hash, as versions before PBKDF2 wrote it (for tests and fixtures).
    pub fn legacy(pin: &str, salt: &str) -> PinHash {
        PinHash::Sha256 {
            salt: salt.to_string(),
            sha256: legacy_hash(salt, pin),
        }
    }

    /// What the browser must derive from the entered PIN to check it; `None` for an
    /// old hash, which is checked here.
    pub fn derivation(&self) -> Option<Derivation> {
        match self {
            PinHash::Pbkdf2 { salt, iterations, .. } => Some(Derivation {
                salt: salt.clone(),
                iterations: *iterations,
            }),
            PinHash::Sha256 { .. } => None,
        }
    }

    /// Whether `pin` is the stored one; `derived` is the key the browser derived from
    /// it for [`derivation`](Self::derivation) (`None` when it could not, or none was needed).
    pub fn matches(&self, pin: &str, derived: Option<&str>) -> bool {
        match self {
            PinHash::Pbkdf2 { pbkdf2_sha256, .. } => {
                derived.is_some_and(|key| same(&key.to_ascii_lowercase(), pbkdf2_sha256))
            }
            PinHash::Sha256 { salt, sha256 } => same(&legacy_hash(salt, pin), sha256),
        }
    }

    /// Whether the hash should be replaced after the next right PIN: an old SHA-256
    /// hash, or PBKDF2 with fewer iterations than a new PIN gets.
    pub fn needs_upgrade(&self) -> bool {
        match self {
            PinHash::Pbkdf2 { iterations, .. } => *iterations < PBKDF2_ITERATIONS,
            PinHash::Sha256 { .. } => true,
        }
    }
}

/// Compares two hashes without stopping at the first difference.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn legacy_hash(salt: &str, pin: &str) -> String {
    sha256_hex(format!("rumbo-pin:{salt}:{pin}").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(wall_ms: f64, mono_ms: f64) -> Instant {
        Instant { wall_ms, mono_ms }
    }

    fn tries(wrong: u32, last: Instant) -> PinTries {
        PinTries { wrong, last }
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
    fn the_wait_is_said_in_whole_minutes() {
        let last = at(1_000_000.0, 1_000_000.0);
        let later = |ms: f64| at(last.wall_ms + ms, last.mono_ms + ms);
        assert_eq!(
            tries(4, last).minutes_to_wait(later(1.0)),
            None,
            "a few slips cost nothing"
        );
        assert_eq!(tries(5, last).minutes_to_wait(later(1.0)), Some(1));
        assert_eq!(
            tries(5, last).minutes_to_wait(later(30_000.0)),
            None,
            "the wait is over"
        );
        assert_eq!(tries(10, last).minutes_to_wait(later(60_000.0)), Some(14));
    }

    #[test]
    fn a_clock_set_back_neither_shortens_the_wait_nor_locks_staff_out_for_long() {
        let last = at(1_000_000_000.0, 1_000_000_000.0);
        // A day back on the wall clock (and so on the next load's time origin).
        let back = at(last.wall_ms - 86_400_000.0, last.mono_ms - 86_400_000.0);
        let seen = tries(10, last).seen_at(back);
        assert_eq!(seen.minutes_to_wait(back), Some(15), "the full wait, not none");
        assert_eq!(seen.wrong, 10, "the wrong tries still count");
        let after = at(back.wall_ms + 900_000.0, back.mono_ms + 900_000.0);
        assert_eq!(seen.minutes_to_wait(after), None, "one full wait later, staff may try");
        // Without being seen again, it would never be less than the full wait.
        assert_eq!(tries(10, last).minutes_to_wait(after), Some(15));
    }

    #[test]
    fn a_clock_set_forward_within_the_page_gains_nothing() {
        let last = at(1_000_000.0, 5_000.0);
        // The wall clock jumps an hour; the page's monotonic clock moved 10 s.
        let now = at(last.wall_ms + 3_600_000.0, last.mono_ms + 10_000.0);
        assert_eq!(tries(5, last).seen_at(now).minutes_to_wait(now), Some(1));
    }

    #[test]
    fn a_reload_keeps_the_wait() {
        let first_load = at(1_000_000.0, 1_000_000.0);
        let wrong = PinTries::NONE.wrong_at(first_load).wrong_at(first_load);
        let wrong = (0..3).fold(wrong, |t, _| t.wrong_at(first_load));
        let stored = PinTries::from_record(&wrong.to_record());
        assert_eq!(stored, wrong);
        // Reloaded 5 s later: a new time origin, read from the wall clock.
        let reloaded = at(first_load.wall_ms + 5_000.0, first_load.wall_ms + 5_000.0);
        assert_eq!(stored.seen_at(reloaded), stored);
        assert_eq!(stored.minutes_to_wait(reloaded), Some(1));
    }

    #[test]
    fn tries_stored_before_the_monotonic_clock_was_kept_still_read() {
        let old = PinTries::from_record("6,1000000");
        assert_eq!(old, tries(6, at(1_000_000.0, 1_000_000.0)));
        assert_eq!(PinTries::from_record(""), PinTries::NONE);
        assert_eq!(PinTries::from_record("x,1"), PinTries::NONE);
    }

    #[test]
    fn a_pbkdf2_pin_is_checked_against_the_key_the_browser_derives() {
        let hash = PinHash::pbkdf2("00ff", "ABCD");
        assert_eq!(
            hash.derivation(),
            Some(Derivation {
                salt: "00ff".into(),
                iterations: PBKDF2_ITERATIONS
            })
        );
        assert!(hash.matches("2468", Some("abcd")));
        assert!(!hash.matches("2468", Some("abce")));
        assert!(!hash.matches("2468", None), "no key derived, no unlock");
        assert!(!hash.needs_upgrade());
    }

    #[test]
    fn an_old_sha256_pin_still_unlocks_and_asks_to_be_replaced() {
        let hash = PinHash::legacy("2468", "salt-a");
        assert_eq!(hash.derivation(), None);
        assert!(hash.matches("2468", None));
        assert!(!hash.matches("2469", None));
        assert!(hash.needs_upgrade());
        assert_ne!(hash, PinHash::legacy("2468", "salt-b"), "salted");
        // As the e2e fixtures and older versions write it.
        let PinHash::Sha256 { sha256, .. } = &hash else {
            panic!()
        };
        assert_eq!(sha256, &sha256_hex(b"rumbo-pin:salt-a:2468"));
        let weaker = PinHash::Pbkdf2 {
            salt: "s".into(),
            iterations: 1_000,
            pbkdf2_sha256: "ab".into(),
        };
        assert!(weaker.needs_upgrade());
    }

    #[test]
    fn both_kinds_of_hash_are_stored_and_read_back() {
        let new: PinHash = serde_json::from_str(r#"{"salt":"s","iterations":600000,"pbkdf2_sha256":"ab"}"#).unwrap();
        assert_eq!(new, PinHash::pbkdf2("s", "ab"));
        let old: PinHash = serde_json::from_str(r#"{"salt":"s","sha256":"ab"}"#).unwrap();
        assert!(matches!(old, PinHash::Sha256 { .. }));
        let round: PinHash = serde_json::from_str(&serde_json::to_string(&new).unwrap()).unwrap();
        assert_eq!(round, new);
    }

    #[test]
    fn only_4_to_8_digit_pins_are_accepted() {
        for bad in ["123", "123456789", "12a4", "", "12 34"] {
            assert_eq!(check_new_pin(bad), Err(BadPin), "{bad}");
        }
        assert!(check_new_pin("00000000").is_ok());
    }
}
