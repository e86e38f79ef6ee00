//! How this device is used (personal, kiosk, outreach), read once at start-up: staff
//! change it on the settings page, which then reloads the app, so every view can treat
//! it as fixed for the life of the page.

use crate::core::device::mode::Mode;
use crate::core::device::settings::{DeviceSettings, Saved};
use crate::platform::device;
use leptos::prelude::*;

/// The device's settings as read at start-up, with whether any could not be read.
#[derive(Clone)]
pub struct Device(pub Saved);

impl Device {
    pub fn mode(&self) -> Mode {
        self.0.settings.mode
    }

    pub fn settings(&self) -> DeviceSettings {
        self.0.settings.clone()
    }
}

pub fn provide_device() -> Mode {
    let saved = device::saved();
    let mode = saved.settings.mode;
    provide_context(Device(saved));
    mode
}

pub fn use_device() -> Device {
    expect_context::<Device>()
}

/// The device's mode, for views that only need to know what to show.
pub fn use_mode() -> Mode {
    use_device().mode()
}
