//! "Acerca de": who runs the centre, what the app does and does not do, privacy.

use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::page::Page;
use leptos::prelude::*;

#[component]
pub fn AboutPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Page title=Signal::derive(move || t_string!(i18n, about_title).to_string())>
            <section>
                <h2>{t!(i18n, about_who_title)}</h2>
                <p>{t!(i18n, about_who)}</p>
                <p class="source">{t!(i18n, about_who_source)}</p>
            </section>
            <section>
                <h2>{t!(i18n, about_informs_title)}</h2>
                <p>{t!(i18n, about_informs)}</p>
            </section>
            <section>
                <h2>{t!(i18n, about_privacy_title)}</h2>
                <p>{t!(i18n, about_privacy)}</p>
            </section>
            <section>
                <h2>{t!(i18n, about_content_title)}</h2>
                <p>{t!(i18n, about_content)}</p>
            </section>
        </Page>
    }
}
