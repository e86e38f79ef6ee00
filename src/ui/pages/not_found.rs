//! Shown for an address the app does not know, with a way home.

use crate::ui::page::Page;
use crate::ui::paths;
use crate::ui::text::{tr, tr_signal};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Page title=tr_signal!(not_found_title)>
            <p>{tr!(not_found_body)}</p>
            <A href=paths::HOME attr:class="button">{tr!(not_found_home)}</A>
        </Page>
    }
}
