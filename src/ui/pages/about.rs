//! "Acerca de": who runs the centre, what the app does and does not do, privacy.

use crate::core::directory::links;
use crate::platform::format;
use crate::ui::data::use_data;
use crate::ui::language::lang_of;
use crate::ui::language::use_i18n;
use crate::ui::page::Page;
use crate::ui::paths;
use crate::ui::text::t_string;
use crate::ui::text::{tr, tr_signal, tr_with};
use crate::ui::widgets::external_link::ExternalLink;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <Page title=tr_signal!(about_title)>
            <section>
                <h2>{tr!(about_who_title)}</h2>
                <p>{tr!(about_who)}</p>
                <CentreFacts />
            </section>
            <section>
                <h2>{tr!(about_informs_title)}</h2>
                <p>{tr!(about_informs)}</p>
            </section>
            <section>
                <h2>{tr!(about_privacy_title)}</h2>
                <p>{tr!(about_privacy)}</p>
            </section>
            <section>
                <h2>{tr!(about_content_title)}</h2>
                <p>{tr!(about_content)}</p>
            </section>
            <DataOnDevice />
        </Page>
    }
}

/// Who runs the centre, as each source says it, dated, and its contact: from the
/// centre's own file (`centre.json`), never filled in where the staff left it empty.
#[component]
fn CentreFacts() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let lang = move || lang_of(i18n.get_locale());
    move || {
        let loaded = data.loaded.get()?;
        let centre = loaded.content.centre.clone()?;
        let statements = centre
            .run_by
            .iter()
            .map(|r| {
                let text = r.text.get(lang()).to_string();
                let source = &r.source;
                // Titles are in the language they were published in: Spanish here.
                let cite = format!("{}, {}", source.publisher, source.date);
                let title = source.title.clone();
                let link = source.url.as_deref().and_then(links::website_link);
                view! {
                    <li>
                        {text} " "
                        <span class="source">"(" {cite} ": "
                            {match link {
                                Some(href) => view! { <ExternalLink href=href new_tab=true><span lang="es">{title}</span></ExternalLink> }.into_any(),
                                None => view! { <span lang="es">{title}</span> }.into_any(),
                            }}
                        ")"</span>
                    </li>
                }
            })
            .collect_view();
        let entry_href = format!("{}/{}", paths::DIRECTORY, centre.entry);
        Some(view! {
            {(!centre.run_by.is_empty()).then(|| view! {
                <p>{tr!(about_who_sources)}</p>
                <ul>{statements}</ul>
            })}
            <h3>{tr!(about_contact_title)}</h3>
            {if centre.has_contact() {
                view! { <p><A href=entry_href>{tr!(about_contact_entry)}</A></p> }.into_any()
            } else {
                view! { <p class="unknown">{tr!(about_contact_pending)}</p> }.into_any()
            }}
        })
    }
}

/// How old the device's data is, its version, and whether offline use is on. What is
/// true of this device only is `.device-state`: a prerendered copy keeps its place but
/// does not show it (scripts/prerender.mjs), as it was true of the browser that made it.
#[component]
fn DataOnDevice() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let lang = move || lang_of(i18n.get_locale()).code();
    view! {
        <section class="data-on-device">
            <h2>{tr!(about_data_title)}</h2>
            {move || match data.loaded.get() {
                None => view! { <p>{tr!(about_data_none)}</p> }.into_any(),
                Some(loaded) => {
                    let manifest = &loaded.content.manifest;
                    let version = manifest.content_version.to_string();
                    let published = format::calendar_date(&manifest.date, lang());
                    let date = |ms: f64| format::date_from_ms(ms, lang());
                    let kept = match (loaded.saved_at_ms, loaded.earlier_saved_at_ms) {
                        (Some(ms), _) if manifest.saved_on_a_wrong_clock(ms, js_sys::Date::now()) => tr!(about_data_saved_undated).into_any(),
                        (Some(ms), _) => tr_with!(about_data_saved, date = date(ms)).into_any(),
                        (None, Some(ms)) => tr_with!(about_data_earlier_saved, date = date(ms)).into_any(),
                        (None, None) => tr!(about_data_memory).into_any(),
                    };
                    view! {
                        <p>{tr_with!(about_data_version, version = version.clone(), date = published.clone())}</p>
                        <p class="device-state">{kept}</p>
                    }
                    .into_any()
                }
            }}
            <p class="device-state">
                {move || if !data.offline_use.get() {
                    t_string!(i18n, about_offline_off)
                } else if !data.shell_offline.get() {
                    t_string!(i18n, about_offline_pending)
                } else {
                    t_string!(i18n, about_offline_on)
                }}
            </p>
        </section>
    }
}
