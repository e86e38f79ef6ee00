//! Reading text aloud with the Web Speech API, for people who read little. Only a voice
//! on the device reads (`core::text::voice`): where the browser has none for the
//! language, nothing is read and the caller says so.

use crate::core::text::voice::{self, Voice};
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

/// Whether reading aloud can work here at all. Asks for the voices too: some browsers
/// (Chrome) only start loading them when first asked, and fill the list a moment later.
pub fn is_available() -> bool {
    synthesis().map(|synthesis| synthesis.get_voices()).is_some()
}

/// Reads `text` in the language `lang` (a BCP 47 code such as "es" or "en") with a
/// voice on the device, replacing whatever was being read; `false` when there is no such
/// voice, and nothing is read. `done` runs once the reading ends, is stopped or replaced.
pub fn speak(text: &str, lang: &str, done: impl FnOnce() + 'static) -> bool {
    let Some(synthesis) = synthesis() else { return false };
    let voices: Vec<SpeechSynthesisVoice> = synthesis
        .get_voices()
        .iter()
        .map(|voice| voice.unchecked_into())
        .collect();
    let described: Vec<Voice> = voices
        .iter()
        .map(|voice| Voice {
            lang: voice.lang(),
            local: voice.local_service(),
        })
        .collect();
    // Never the browser's default voice: it may be an online service, and what is read
    // (an option's title) would leave the device with it.
    let Some(voice) = voice::device_voice(&described, lang).map(|i| &voices[i]) else {
        return false;
    };
    let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) else {
        return false;
    };
    // Ended, or cut off by `cancel` (some browsers say "error: interrupted" then).
    let done = Closure::once_into_js(done);
    utterance.set_onend(Some(done.unchecked_ref()));
    utterance.set_onerror(Some(done.unchecked_ref()));
    utterance.set_lang(lang);
    utterance.set_voice(Some(voice));
    // A little slower than the default helps people who are not used to synthetic voices.
    utterance.set_rate(0.9);
    synthesis.cancel();
    synthesis.speak(&utterance);
    true
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
