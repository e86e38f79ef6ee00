//! The kiosk's welcome ("attract") screen: what waits for each new person at the
//! centre's tablets. Large language buttons first, then the two tools.

use crate::ui::page::Page;
use crate::ui::paths;
use crate::ui::shell::LanguageButtons;
use crate::ui::text::{tr, tr_signal};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn WelcomePage() -> impl IntoView {
    view! {
        <Page title=tr_signal!(welcome_title)>
            <p class="lead">{tr!(welcome_intro)}</p>
            <div class="welcome-languages" role="group" aria-label=tr!(language_label)>
                <LanguageButtons class="button button-large welcome-language" />
            </div>
            <div class="welcome-tools">
                <A href=paths::ASSESSMENT attr:class="button button-primary button-large">{tr!(nav_assessment)}</A>
                <A href=paths::DIRECTORY attr:class="button button-large">{tr!(nav_directory)}</A>
            </div>
            <p>{tr!(welcome_privacy)}</p>
        </Page>
    }
}
