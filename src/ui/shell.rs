//! The frame around every page: skip link, the centre's name, navigation, language
//! switch, and a footer that repeats the privacy promise.

use crate::core::lang::Lang;
use crate::ui::app::paths;
use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::language::{lang_of, locale_of};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <header class="site-header">
            <div class="brand">
                <a href=paths::HOME class="brand-name">{t!(i18n, app_name)}</a>
                <span class="brand-centre">{t!(i18n, centre_name)}</span>
            </div>
            <LanguageSwitch />
            <nav aria-label=move || t_string!(i18n, nav_label)>
                <ul class="nav-list">
                    <li><A href=paths::HOME exact=true>{t!(i18n, nav_home)}</A></li>
                    <li><A href=paths::ASSESSMENT>{t!(i18n, nav_assessment)}</A></li>
                    <li><A href=paths::DIRECTORY>{t!(i18n, nav_directory)}</A></li>
                    <li><A href=paths::ABOUT>{t!(i18n, nav_about)}</A></li>
                </ul>
            </nav>
        </header>
    }
}

/// One button per language, each labelled in its own language (a person who cannot
/// read the current one still finds theirs) and marked pressed when active.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let buttons = Lang::ALL
        .into_iter()
        .map(|lang| {
            let pressed = move || (lang_of(i18n.get_locale()) == lang).to_string();
            view! {
                <button
                    type="button"
                    class="lang-button"
                    lang=lang.code()
                    aria-pressed=pressed
                    on:click=move |_| i18n.set_locale(locale_of(lang))
                >
                    {lang.native_name()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="lang-switch" role="group" aria-label=move || t_string!(i18n, language_label)>
            {buttons}
        </div>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <p>{t!(i18n, footer_privacy)}</p>
        </footer>
    }
}
