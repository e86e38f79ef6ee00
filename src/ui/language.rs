//! The current language: one i18n context for the whole app, started in the language
//! the person chose before (or Spanish), remembered on change, mirrored on `<html lang>`
//! so screen readers pronounce the page correctly.

use crate::core::text::lang::Lang;
use crate::platform::preferences;
use crate::ui::i18n::Locale;
use leptos::prelude::*;

/// The interface locale for a core language.
pub fn locale_of(lang: Lang) -> Locale {
    match lang {
        Lang::Es => Locale::es,
        Lang::En => Locale::en,
    }
}

/// The core language for an interface locale.
pub fn lang_of(locale: Locale) -> Lang {
    match locale {
        Locale::es => Lang::Es,
        Locale::en => Lang::En,
    }
}

/// The interface's current language, shared by the whole app (see [`provide_language`]).
/// The app's own signal rather than leptos_i18n's context, whose set-up also reads the
/// browser's languages (parsing them with ICU) though the app never follows them.
#[derive(Clone, Copy)]
pub struct I18n(RwSignal<Locale>);

impl I18n {
    /// The current language, re-read by the caller when it changes.
    pub fn get_locale(self) -> Locale {
        self.0.get()
    }

    /// The current language, without following changes.
    pub fn get_locale_untracked(self) -> Locale {
        self.0.get_untracked()
    }

    /// Switches the interface to `locale`.
    pub fn set_locale(self, locale: Locale) {
        self.0.set(locale)
    }
}

/// The language context provided by [`provide_language`].
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// Creates and provides the i18n context. Spanish comes first whatever the browser's
/// own language, as the centre asked: many people's phones are set to English. A link
/// shared by someone reading in another language opens in it, unless a language was
/// chosen on this device. On a shared device (`remember` false) a person's choice is
/// not stored for the next one.
pub fn provide_language(remember: bool) {
    let initial = preferences::saved_lang().or_else(preferences::link_lang);
    let initial = locale_of(initial.unwrap_or(Lang::DEFAULT));
    let i18n = I18n(RwSignal::new(initial));
    provide_context(i18n);
    Effect::new(move |previous: Option<Locale>| {
        let locale = i18n.get_locale();
        let lang = lang_of(locale);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        if remember && previous.is_some_and(|p| p != locale) {
            preferences::save_lang(lang);
        }
        locale
    });
}
