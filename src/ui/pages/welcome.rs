//! The kiosk's welcome ("attract") screen: what waits for each new person at the
//! centre's tablets. Large language buttons first, then the two tools.

use crate::ui::app::paths;
use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::page::Page;
use crate::ui::shell::LanguageButtons;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn WelcomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Page title=Signal::derive(move || t_string!(i18n, welcome_title).to_string())>
            <p class="lead">{t!(i18n, welcome_intro)}</p>
            <div class="welcome-languages" role="group" aria-label=move || t_string!(i18n, language_label)>
                <LanguageButtons class="button button-large welcome-language" />
            </div>
            <div class="welcome-tools">
                <A href=paths::ASSESSMENT attr:class="button button-primary button-large">{t!(i18n, nav_assessment)}</A>
                <A href=paths::DIRECTORY attr:class="button button-large">{t!(i18n, nav_directory)}</A>
            </div>
            <p>{t!(i18n, welcome_privacy)}</p>
        </Page>
    }
}
