//! Shared devices: the centre's kiosk tablets (many strangers a day) and outreach workers'
//! phones at community events. The device's mode and what it changes ([`mode`]), its saved
//! settings and how they are read back ([`settings`]), and the anonymous daily counts
//! ([`tallies`]). The browser layer only stores the settings and feeds in the clock.

pub mod mode;
pub mod settings;
pub mod tallies;
