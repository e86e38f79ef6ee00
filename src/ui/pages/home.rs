//! Home: what the centre offers, in plain words, and the way to the two tools.

use crate::core::device::mode::Mode;
use crate::ui::device::use_mode;
use crate::ui::page::Page;
use crate::ui::paths;
use crate::ui::text::{tr, tr_signal};
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
    view! {
        <Page title=tr_signal!(home_title)>
            <p class="lead">{tr!(home_intro)}</p>
            <div class="tool-cards">
                <section class="tool-card">
                    <h2>{tr!(nav_assessment)}</h2>
                    <p>{tr!(home_assessment_text)}</p>
                    <A href=paths::ASSESSMENT attr:class="button button-primary">{tr!(home_assessment_cta)}</A>
                </section>
                <section class="tool-card">
                    <h2>{tr!(home_offer_check_title)}</h2>
                    <p>{tr!(home_offer_check_text)}</p>
                    <A href=paths::OFFER attr:class="button">{tr!(home_offer_check_cta)}</A>
                </section>
                <section class="tool-card">
                    <h2>{tr!(nav_directory)}</h2>
                    <p>{tr!(home_directory_text)}</p>
                    <A href=paths::DIRECTORY attr:class="button">{tr!(home_directory_cta)}</A>
                </section>
            </div>
            <section>
                <h2>{tr!(home_offers_title)}</h2>
                <ul class="offers">
                    <li>{tr!(home_offer_work_abroad)}</li>
                    <li>{tr!(home_offer_certify)}</li>
                    <li>{tr!(home_offer_work_home)}</li>
                    <li>{tr!(home_offer_family)}</li>
                    <li>{tr!(home_offer_consular)}</li>
                </ul>
                <p class="notice notice-warning">{tr!(home_fraud)}</p>
            </section>
        </Page>
    }
}
