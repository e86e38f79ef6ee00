//! The kiosk's idle clock: after a while without a touch, a warning, then the wipe that
//! forgets the person. The browser layer feeds in its two clocks (the monotonic one,
//! which stops while a tablet sleeps, and the wall clock, which does not) and the
//! touches; every decision is made here.

use crate::core::device::settings::DeviceSettings;

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

/// One kiosk's idle clock. The browser layer calls [`touch`](IdleClock::touch) on every
/// touch or key, [`hide`](IdleClock::hide) and [`show`](IdleClock::show) when the screen
/// goes off and on, and [`tick`](IdleClock::tick) twice a second; `now` is the monotonic
/// clock (ms), `wall` the wall clock (ms since 1970).
#[derive(Clone, Debug, PartialEq)]
pub struct IdleClock {
    settings: DeviceSettings,
    /// When the person last touched the device; `None` until the first touch after a
    /// reset, so an unused welcome screen is left alone.
    last_touch: Option<f64>,
    /// While the screen is off: the wall clock when it went off, and how long the person
    /// had been idle then.
    hidden: Option<(f64, f64)>,
    phase: Idle,
}

/// What a tick of the clock asks of the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tick {
    pub phase: Idle,
    /// The time is up, this tick: forget the person.
    pub forget: bool,
}

impl IdleClock {
    pub fn new(settings: DeviceSettings) -> IdleClock {
        IdleClock {
            settings,
            last_touch: None,
            hidden: None,
            phase: Idle::Active,
        }
    }

    /// The person is here: the idle time starts again and any warning closes.
    pub fn touch(&mut self, now: f64) {
        self.last_touch = Some(now);
        self.phase = Idle::Active;
    }

    /// Where the clock stands, as of the last tick or touch.
    pub fn phase(&self) -> Idle {
        self.phase
    }

    /// The screen went off or the app was hidden.
    pub fn hide(&mut self, now: f64, wall: f64) {
        if let Some(touched) = self.last_touch {
            self.hidden = Some((wall, now - touched));
        }
    }

    /// The screen came back. The monotonic clock stops while a tablet sleeps, so the
    /// time away is judged on the wall clock ([`gone_while_hidden`]), added to the time
    /// the person had already been idle. Returns whether they are gone and must be
    /// forgotten; if not, the idle time goes on from where it stood, whether or not the
    /// monotonic clock ran during the sleep.
    pub fn show(&mut self, now: f64, wall: f64) -> bool {
        let Some((since, idle_before)) = self.hidden.take() else {
            return false;
        };
        let away = wall - since;
        if gone_while_hidden(idle_before, away, &self.settings) {
            return true;
        }
        self.last_touch = Some(now - idle_before - away.max(0.0));
        false
    }

    /// The phase now; `speaking` (an option being read aloud) counts as using the
    /// device. `forget` is true once, on the tick the time runs out.
    pub fn tick(&mut self, now: f64, speaking: bool) -> Tick {
        let Some(mut touched) = self.last_touch else {
            return Tick {
                phase: self.phase,
                forget: false,
            };
        };
        if speaking {
            touched = now;
            self.last_touch = Some(now);
        }
        let phase = idle_phase(now - touched, &self.settings);
        let forget = phase == Idle::Reset && self.phase != Idle::Reset;
        self.phase = phase;
        Tick { phase, forget }
    }
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

    fn clock() -> IdleClock {
        IdleClock::new(DeviceSettings {
            idle_seconds: 60,
            warning_seconds: 20,
            ..DeviceSettings::default()
        })
    }

    #[test]
    fn an_untouched_welcome_screen_is_left_alone() {
        let mut clock = clock();
        let tick = clock.tick(10_000_000.0, false);
        assert_eq!(
            tick,
            Tick {
                phase: Idle::Active,
                forget: false
            }
        );
    }

    #[test]
    fn the_clock_warns_then_forgets_once_then_a_touch_starts_again() {
        let mut clock = clock();
        clock.touch(1_000.0);
        assert_eq!(clock.tick(30_000.0, false).phase, Idle::Active);
        assert_eq!(clock.tick(61_000.0, false).phase, Idle::Warning { seconds_left: 20 });
        let up = clock.tick(81_000.0, false);
        assert_eq!(
            up,
            Tick {
                phase: Idle::Reset,
                forget: true
            }
        );
        assert!(!clock.tick(81_500.0, false).forget, "the person is forgotten once");
        clock.touch(90_000.0);
        assert_eq!(clock.phase(), Idle::Active, "a touch closes the warning");
        assert_eq!(clock.tick(95_000.0, false).phase, Idle::Active);
    }

    #[test]
    fn listening_to_a_reading_is_using_the_device() {
        let mut clock = clock();
        clock.touch(0.0);
        assert_eq!(clock.tick(70_000.0, true).phase, Idle::Active);
        assert_eq!(
            clock.tick(100_000.0, false).phase,
            Idle::Active,
            "idle counts from the reading"
        );
    }

    #[test]
    fn a_long_sleep_forgets_the_person_even_when_the_monotonic_clock_stopped() {
        let mut clock = clock();
        clock.touch(10_000.0);
        clock.hide(20_000.0, 1_000_000.0);
        // Asleep ten minutes by the wall clock; performance.now did not move.
        assert!(clock.show(20_001.0, 1_600_000.0));
    }

    #[test]
    fn a_short_sleep_keeps_the_person_and_the_idle_time_goes_on() {
        let mut clock = clock();
        clock.touch(0.0);
        clock.hide(30_000.0, 1_000_000.0);
        // 20 s away by the wall clock; the monotonic clock stopped meanwhile.
        assert!(!clock.show(30_000.0, 1_020_000.0));
        // 30 s idle before + 20 s away: the warning comes 10 s later, not 60.
        assert_eq!(clock.tick(40_000.0, false).phase, Idle::Warning { seconds_left: 20 });
    }

    #[test]
    fn a_wall_clock_set_back_during_a_sleep_forgets_the_person() {
        let mut clock = clock();
        clock.touch(0.0);
        clock.hide(5_000.0, 1_000_000.0);
        assert!(clock.show(6_000.0, 900_000.0), "time cannot be trusted: wipe");
    }

    #[test]
    fn a_wall_clock_jumping_forward_while_awake_does_not_count() {
        let mut clock = clock();
        clock.touch(0.0);
        // No hide/show: only the monotonic clock is read while the screen is on.
        assert_eq!(clock.tick(10_000.0, false).phase, Idle::Active);
        assert!(
            !clock.show(10_000.0, 9_999_999_999.0),
            "showing without hiding is nothing"
        );
        assert_eq!(clock.tick(11_000.0, false).phase, Idle::Active);
    }
}
