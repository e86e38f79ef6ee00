//! Notices about the app itself: no connection, and a new version ready to load.

use crate::platform::{network, service_worker};
use crate::ui::data::use_data;
use crate::ui::text::tr;
use leptos::prelude::*;

#[component]
pub fn StatusNotices() -> impl IntoView {
    let online = RwSignal::new(network::is_online());
    network::watch(move |now| online.set(now));
    let update_ready = RwSignal::new(false);
    let data = use_data();
    let has_content = Memo::new(move |_| data.loaded.with(Option::is_some));
    let (status_offline, status_offline_nothing) = (tr!(status_offline), tr!(status_offline_nothing));
    service_worker::register(move || update_ready.set(true));

    view! {
        <div class="status-notices" role="status" aria-live="polite">
            <Show when=move || !online.get()>
                // "Keeps working with the information saved" only when there is some.
                <p class="status status-offline">
                    {move || if has_content.get() { status_offline() } else { status_offline_nothing() }}
                </p>
            </Show>
            <Show when=move || update_ready.get()>
                <p class="status status-update">
                    {tr!(status_update_ready)} " "
                    <button type="button" class="button" on:click=move |_| service_worker::apply_update()>
                        {tr!(status_update_reload)}
                    </button>
                </p>
            </Show>
        </div>
    }
}
