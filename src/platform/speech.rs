//! Reading text aloud with the Web Speech API, for people who read little. Where the
//! browser has no speech synthesis (or no voice for the language) it does nothing.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

fn synthesis() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    js_sys::Reflect::has(&window, &"speechSynthesis".into())
        .ok()?
        .then(|| window.speech_synthesis().ok())
        .flatten()
}

/// Whether reading aloud can work here at all.
pub fn is_available() -> bool {
    synthesis().is_some()
}

/// Reads `text` in the language `lang` (a BCP 47 code such as "es" or "en"), replacing
/// whatever was being read. `done` runs once the reading ends, is stopped or replaced.
pub fn speak(text: &str, lang: &str, done: impl FnOnce() + 'static) {
    let Some(synthesis) = synthesis() else { return };
    let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) else {
        return;
    };
    // Ended, or cut off by `cancel` (some browsers say "error: interrupted" then).
    let done = Closure::once_into_js(done);
    utterance.set_onend(Some(done.unchecked_ref()));
    utterance.set_onerror(Some(done.unchecked_ref()));
    utterance.set_lang(lang);
    // A voice on the device, where there is one for the language: some browsers' default
    // voices are online services, and what is read (an option's title) would leave the
    // device with it.
    if let Some(voice) = device_voice(&synthesis, lang) {
        utterance.set_voice(Some(&voice));
    }
    // A little slower than the default helps people who are not used to synthetic voices.
    utterance.set_rate(0.9);
    synthesis.cancel();
    synthesis.speak(&utterance);
}

/// Whether something is being read aloud now: a person listening to a long option is
/// still there, though they touch nothing.
pub fn is_speaking() -> bool {
    synthesis().is_some_and(|synthesis| synthesis.speaking())
}

/// Stops reading, for instance when the person leaves the page or the kiosk resets.
pub fn stop() {
    if let Some(synthesis) = synthesis() {
        synthesis.cancel();
    }
}

/// A voice that speaks `lang` and runs on the device (`localService`).
fn device_voice(synthesis: &SpeechSynthesis, lang: &str) -> Option<SpeechSynthesisVoice> {
    synthesis
        .get_voices()
        .iter()
        .map(|voice| voice.unchecked_into::<SpeechSynthesisVoice>())
        .find(|voice| voice.local_service() && voice.lang().to_ascii_lowercase().starts_with(lang))
}
