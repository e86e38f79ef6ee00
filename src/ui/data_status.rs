//! Download progress and data notices, shown under the header on every page.

use crate::platform::sync::Notice;
use crate::ui::data::use_data;
use crate::ui::language::use_i18n;
use crate::ui::page::focus_page_heading;
use crate::ui::text::t_string;
use crate::ui::text::{Message, text, tr};
use leptos::prelude::*;

#[component]
pub fn DataStatus() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let progress = move || data.progress.get().filter(|_| data.loaded.with(Option::is_none));
    let earlier_copy = move || {
        data.loaded
            .with(|l| l.as_ref().is_some_and(|l| l.earlier_saved_at_ms.is_some()))
    };
    view! {
        <p class="visually-hidden" role="status">
            {move || data.first_saved.get().then(tr!(data_first_saved))}
        </p>
        {move || progress().map(|p| view! {
            <div class="data-progress" role="status">
                <label for="data-progress">{tr!(data_loading)}</label>
                <progress id="data-progress" max="100" value=(p * 100.0).round() as u32></progress>
            </div>
        })}
        {move || data.notice.get().map(|notice| {
            let text = move || match notice {
                Notice::OfflineUseOff => t_string!(i18n, data_notice_offline_off),
                Notice::NoContent => t_string!(i18n, data_notice_no_content),
                Notice::UpdateRefused => t_string!(i18n, data_notice_update_refused),
                Notice::AppTooOld => t_string!(i18n, data_notice_app_too_old),
                Notice::NotSaved if earlier_copy() => t_string!(i18n, data_notice_not_saved),
                Notice::NotSaved => t_string!(i18n, data_notice_not_saved_first),
            };
            // A failed download can be tried again at once (a captive portal signed
            // into, another network); the button goes with the notice, so focus moves
            // to the page heading.
            let retry = matches!(notice, Notice::NoContent | Notice::UpdateRefused).then(|| view! {
                <button type="button" class="button button-small" on:click=move |_| {
                    data.retry();
                    focus_page_heading();
                }>
                    {tr!(loader_retry)}
                </button>
            });
            view! {
                <div class="notice data-notice" role="alert">
                    <p>{text}</p>
                    {retry}
                    <button type="button" class="button button-small" on:click=move |_| data.notice.set(None)>
                        {tr!(data_notice_dismiss)}
                    </button>
                </div>
            }
        })}
    }
}

/// What a page that needs the content says before it has any: that it is on its way
/// while the app is still reading or downloading it, and `missing` (why it is not
/// there, what to do) only once that has failed. Inside `<main>`, so people who skip
/// straight to the content hear it too.
#[component]
pub fn NoDataYet(missing: Message) -> impl IntoView {
    let data = use_data();
    let on_its_way = move || data.on_its_way();
    let (loading, missing) = (tr!(data_loading), text(missing));
    view! {
        <p class="notice" role="status">
            {move || if on_its_way() { loading() } else { missing() }}
        </p>
    }
}
