//! Notices about the app itself: no connection, and a new version ready to load.

use crate::platform::{network, service_worker};
use crate::ui::i18n::{t, use_i18n};
use leptos::prelude::*;

#[component]
pub fn StatusNotices() -> impl IntoView {
    let i18n = use_i18n();
    let online = RwSignal::new(network::is_online());
    network::watch(move |now| online.set(now));
    let update_ready = RwSignal::new(false);
    service_worker::register(move || update_ready.set(true));

    view! {
        <div class="status-notices" role="status" aria-live="polite">
            <Show when=move || !online.get()>
                <p class="status status-offline">{t!(i18n, status_offline)}</p>
            </Show>
            <Show when=move || update_ready.get()>
                <p class="status status-update">
                    {t!(i18n, status_update_ready)} " "
                    <button type="button" class="button" on:click=move |_| service_worker::apply_update()>
                        {t!(i18n, status_update_reload)}
                    </button>
                </p>
            </Show>
        </div>
    }
}
