//! The current language: one i18n context for the whole app, started in the language
//! the person chose before (or Spanish), remembered on change, mirrored on `<html lang>`
//! so screen readers pronounce the page correctly.

use crate::core::lang::Lang;
use crate::platform::preferences;
use crate::ui::i18n::Locale;
use leptos::prelude::*;
use leptos_i18n::context::init_i18n_subcontext;

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

/// Creates and provides the i18n context. Spanish comes first whatever the browser's
/// own language, as the centre asked: many people's phones are set to English. A link
/// shared by someone reading in another language opens in it, unless a language was
/// chosen on this device. On a shared device (`remember` false) a person's choice is
/// not stored for the next one.
pub fn provide_language(remember: bool) {
    let initial = preferences::saved_lang().or_else(preferences::link_lang);
    let initial = locale_of(initial.unwrap_or(Lang::DEFAULT));
    let i18n = init_i18n_subcontext::<Locale>(Some(Signal::stored(initial)));
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
