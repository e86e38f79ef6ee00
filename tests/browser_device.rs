//! The device's saved settings read back in the browser (`platform::device`), field by
//! field: a record from another version or a damaged one keeps a kiosk forgetting people.
#![cfg(target_arch = "wasm32")]

use gloo::storage::{LocalStorage, Storage};
use rumbo::core::device::mode::Mode;
use rumbo::platform::device;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The mode read from `record`, whether it was reported damaged, and whether a PIN came.
fn read(record: &str) -> (Mode, bool, bool) {
    LocalStorage::raw().set_item("rumbo.device", record).unwrap();
    let saved = device::saved();
    let read = (saved.settings.mode, saved.damaged, saved.settings.pin.is_some());
    LocalStorage::raw().remove_item("rumbo.device").unwrap();
    read
}

#[wasm_bindgen_test]
fn a_record_is_read_field_by_field_and_an_unreadable_mode_makes_a_kiosk() {
    let pin = r#""pin":{"salt":"sal-ficticia","sha256":"ficticio"}"#;
    assert_eq!(
        read(&format!(
            r#"{{"mode":"outreach",{pin},"idle_seconds":120,"warning_seconds":20}}"#
        )),
        (Mode::Outreach, false, true)
    );
    assert_eq!(device::saved().settings.idle_seconds, 90, "no record: the defaults");
    assert!(!device::saved().damaged);
    assert_eq!(
        read(r#"{"mode":"kiosk","from_a_later_version":1}"#),
        (Mode::Kiosk, false, false)
    );
    assert_eq!(read("{}"), (Mode::Personal, false, false));
    assert_eq!(
        read(&format!(r#"{{"mode":"library",{pin}}}"#)),
        (Mode::Kiosk, true, true)
    );
    assert_eq!(
        read(r#"{"mode":"outreach","idle_seconds":-5}"#),
        (Mode::Outreach, true, false)
    );
    assert_eq!(
        read(r#"{"mode":"outreach","idle_seconds":1.5}"#),
        (Mode::Outreach, true, false)
    );
    assert_eq!(read(r#"{"mode":"outreach","pin":7}"#), (Mode::Outreach, true, false));
    for broken in ["", "not json", "[1,2]", "\"kiosk\"", "null", r#"{"mode":"kiosk""#] {
        assert_eq!(read(broken), (Mode::Kiosk, true, false), "{broken:?}");
    }
}
