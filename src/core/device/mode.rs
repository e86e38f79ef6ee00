//! How a device is used: a person's own, the centre's kiosk tablet (many strangers a
//! day) or an outreach worker's phone at community events, and what each mode changes.

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

    /// The `target` of a link out that may open (`opens_links`): on a shared device
    /// always a new tab, so the app's tab never has the person's page behind someone
    /// else's site in its history, for the next person's Back; on a person's own
    /// device, a new tab where the link asks for one (websites).
    pub fn link_target(self, new_tab: bool) -> Option<&'static str> {
        (new_tab || self.is_shared()).then_some("_blank")
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn on_a_shared_device_links_out_never_take_the_apps_tab() {
        assert_eq!(Mode::Outreach.link_target(false), Some("_blank"));
        assert_eq!(Mode::Outreach.link_target(true), Some("_blank"));
        assert_eq!(Mode::Personal.link_target(false), None);
        assert_eq!(Mode::Personal.link_target(true), Some("_blank"));
    }

    #[test]
    fn only_a_personal_device_lets_the_browser_remember_a_typed_place() {
        assert_eq!(Mode::Personal.place_autocomplete(), "address-level1");
        assert_eq!(Mode::Kiosk.place_autocomplete(), "off");
        assert_eq!(Mode::Outreach.place_autocomplete(), "off");
    }
}
