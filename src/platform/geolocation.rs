//! The device's position, asked for only when the person taps "near me". It is used
//! once to order the directory by distance and never stored or sent anywhere.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Why there is no position: the person said no (or the browser has no geolocation),
/// or the device could not find itself in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoPosition {
    Refused,
    Unavailable,
}

/// `(latitude, longitude)` in degrees. A coarse fix is enough: distances are shown in
/// kilometres, and a coarse fix is quicker and kinder to the battery.
pub async fn current_position() -> Result<(f64, f64), NoPosition> {
    let geolocation = web_sys::window()
        .and_then(|w| w.navigator().geolocation().ok())
        .ok_or(NoPosition::Refused)?;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let options = web_sys::PositionOptions::new();
        options.set_enable_high_accuracy(false);
        options.set_timeout(15_000);
        options.set_maximum_age(600_000);
        let _ = geolocation.get_current_position_with_error_callback_and_options(&resolve, Some(&reject), &options);
    });
    match JsFuture::from(promise).await {
        // GeolocationPosition's bindings are still unstable in web-sys: read the two
        // numbers by name.
        Ok(position) => {
            let coords = get(&position, "coords");
            let number = |name| get(&coords, name).as_f64().ok_or(NoPosition::Unavailable);
            Ok((number("latitude")?, number("longitude")?))
        }
        // GeolocationPositionError.code: 1 is PERMISSION_DENIED.
        Err(error) => match get(&error, "code").as_f64() {
            Some(1.0) => Err(NoPosition::Refused),
            _ => Err(NoPosition::Unavailable),
        },
    }
}

fn get(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}
