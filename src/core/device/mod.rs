//! Shared devices: the centre's kiosk tablets (many strangers a day) and outreach workers'
//! phones at community events. The device's mode and what it changes ([`mode`]), its
//! settings and how they are read back ([`settings`]), the staff PIN ([`pin`]), the
//! kiosk's idle clock ([`idle`]), and the anonymous daily counts ([`tallies`]). The browser layer only stores the settings and feeds in the clock.

pub mod idle;
pub mod mode;
pub mod pin;
pub mod settings;
pub mod tallies;
