//! Home: what the centre offers, in plain words, and the way to the two tools.

use crate::core::kiosk::Mode;
use crate::ui::app::paths;
use crate::ui::device::use_mode;
use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::page::Page;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    if use_mode() == Mode::Kiosk {
        return view! { <super::WelcomePage /> }.into_any();
    }
    home().into_any()
}

fn home() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Page title=Signal::derive(move || t_string!(i18n, home_title).to_string())>
            <p class="lead">{t!(i18n, home_intro)}</p>
            <div class="tool-cards">
                <section class="tool-card">
                    <h2>{t!(i18n, nav_assessment)}</h2>
                    <p>{t!(i18n, home_assessment_text)}</p>
                    <A href=paths::ASSESSMENT attr:class="button button-primary">{t!(i18n, home_assessment_cta)}</A>
                </section>
                <section class="tool-card">
                    <h2>{t!(i18n, nav_directory)}</h2>
                    <p>{t!(i18n, home_directory_text)}</p>
                    <A href=paths::DIRECTORY attr:class="button">{t!(i18n, home_directory_cta)}</A>
                </section>
            </div>
            <section>
                <h2>{t!(i18n, home_offers_title)}</h2>
                <ul class="offers">
                    <li>{t!(i18n, home_offer_work_abroad)}</li>
                    <li>{t!(i18n, home_offer_certify)}</li>
                    <li>{t!(i18n, home_offer_work_home)}</li>
                    <li>{t!(i18n, home_offer_family)}</li>
                    <li>{t!(i18n, home_offer_consular)}</li>
                </ul>
                <p class="notice notice-warning">{t!(i18n, home_fraud)}</p>
            </section>
        </Page>
    }
}
