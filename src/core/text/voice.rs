//! Which voice reads aloud: only one that runs on the device (`localService`). A
//! browser's default voice may be an online service, and what is read (an option's
//! title, a person's result) would leave the device with it; where no voice on the
//! device speaks the language, the app says so instead of reading.

/// A voice the browser offers: its language tag (`es-MX`, `en_US`) and whether it runs
/// on the device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voice {
    pub lang: String,
    pub local: bool,
}

/// The first voice on the device that speaks `lang` (a primary code such as "es").
pub fn device_voice(voices: &[Voice], lang: &str) -> Option<usize> {
    voices.iter().position(|voice| voice.local && speaks(&voice.lang, lang))
}

fn speaks(tag: &str, lang: &str) -> bool {
    let tag = tag.to_ascii_lowercase();
    let primary = tag.split(['-', '_']).next().unwrap_or_default();
    !lang.is_empty() && primary == lang.to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voice(lang: &str, local: bool) -> Voice {
        Voice {
            lang: lang.to_string(),
            local,
        }
    }

    #[test]
    fn only_a_voice_on_the_device_reads() {
        let voices = [voice("es-ES", false), voice("en-US", true), voice("es_MX", true)];
        assert_eq!(
            device_voice(&voices, "es"),
            Some(2),
            "the online Spanish voice is passed over"
        );
        assert_eq!(device_voice(&voices, "en"), Some(1));
    }

    #[test]
    fn no_voice_on_the_device_for_the_language_is_none() {
        assert_eq!(device_voice(&[voice("es-ES", false)], "es"), None);
        assert_eq!(device_voice(&[], "es"), None);
        assert_eq!(
            device_voice(&[voice("est-EE", true)], "es"),
            None,
            "Estonian is not Spanish"
        );
    }
}
