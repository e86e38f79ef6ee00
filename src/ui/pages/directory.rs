//! The diaspora contact directory. Until its issue lands the page says honestly that it
//! is not ready.

use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::page::Page;
use leptos::prelude::*;

#[component]
pub fn DirectoryPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Page title=Signal::derive(move || t_string!(i18n, directory_title).to_string())>
            <p class="notice">{t!(i18n, directory_pending)}</p>
        </Page>
    }
}
