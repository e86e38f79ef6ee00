//! Shown for an address the app does not know, with a way home.

use crate::ui::app::paths;
use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::page::Page;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Page title=Signal::derive(move || t_string!(i18n, not_found_title).to_string())>
            <p>{t!(i18n, not_found_body)}</p>
            <A href=paths::HOME attr:class="button">{t!(i18n, not_found_home)}</A>
        </Page>
    }
}
