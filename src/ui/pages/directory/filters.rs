//! The directory's filters: country, kind, service and language, each offered with the
//! number of results it would leave, folding away on a phone.

use crate::core::directory::entry::{Kind, Service};
use crate::core::directory::search::{Query, Results};
use crate::platform::format;
use crate::ui::language::{lang_of, use_i18n};
use crate::ui::text::{tr, tr_signal};
use leptos::prelude::*;

/// The four filters over the results of the search in `query`.
#[component]
pub fn Filters(query: RwSignal<Query>, results: Memo<Results>, open: bool) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let active_filters = Memo::new(move |_| query.with(Query::active_filters));
    // Open where there is room, or when one is in use.
    let open = open || active_filters.get_untracked() > 0;
    let country_options = move || {
        results.with(|r| {
            r.countries
                .iter()
                .map(|(code, n)| {
                    (
                        code.clone(),
                        format!("{} ({n})", format::country_name(code, lang().code())),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let kind_options = move || {
        results.with(|r| {
            r.kinds
                .iter()
                .map(|(k, n)| (k.code().to_string(), format!("{} ({n})", k.label().get(lang()))))
                .collect::<Vec<_>>()
        })
    };
    let service_options = move || {
        results.with(|r| {
            r.services
                .iter()
                .map(|(s, n)| (s.code().to_string(), format!("{} ({n})", s.label().get(lang()))))
                .collect::<Vec<_>>()
        })
    };
    let language_options = move || {
        results.with(|r| {
            r.languages
                .iter()
                .map(|(l, n)| (l.clone(), format!("{} ({n})", format::language_name(l, lang().code()))))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <details class="refine" open=open>
        <summary>{tr!(directory_filters)}{move || match active_filters.get() {
            0 => String::new(),
            n => format!(" ({n})"),
        }}</summary>
        <div class="filters">
            <FilterSelect id="filter-country" label=tr_signal!(directory_filter_country)
                options=Signal::derive(country_options)
                value=Signal::derive(move || query.with(|q| q.country.clone()))
                on_change=Callback::new(move |v: Option<String>| query.update(|q| q.country = v)) />
            <FilterSelect id="filter-kind" label=tr_signal!(directory_filter_kind)
                options=Signal::derive(kind_options)
                value=Signal::derive(move || query.with(|q| q.kind.map(|k| k.code().to_string())))
                on_change=Callback::new(move |v: Option<String>| query.update(|q| q.kind = v.and_then(|c| Kind::from_code(&c)))) />
            <FilterSelect id="filter-service" label=tr_signal!(directory_filter_service)
                options=Signal::derive(service_options)
                value=Signal::derive(move || query.with(|q| q.service.map(|s| s.code().to_string())))
                on_change=Callback::new(move |v: Option<String>| query.update(|q| q.service = v.and_then(|c| Service::from_code(&c)))) />
            <FilterSelect id="filter-language" label=tr_signal!(directory_filter_language)
                options=Signal::derive(language_options)
                value=Signal::derive(move || query.with(|q| q.language.clone()))
                on_change=Callback::new(move |v: Option<String>| query.update(|q| q.language = v)) />
        </div>
        </details>
    }
}

/// One filter: "All" plus each value with its count. A filter with nothing to choose
/// (no entry records a language yet) is left out rather than offered empty.
#[component]
fn FilterSelect(
    id: &'static str,
    label: Signal<String>,
    options: Signal<Vec<(String, String)>>,
    value: Signal<Option<String>>,
    on_change: Callback<Option<String>>,
) -> impl IntoView {
    let has_choices = move || value.with(Option::is_some) || options.with(|o| !o.is_empty());
    view! {
        <div class="filter" hidden=move || !has_choices()>
            <label for=id>{move || label.get()}</label>
            <select id=id on:change=move |ev| {
                let v = event_target_value(&ev);
                on_change.run((!v.is_empty()).then_some(v));
            }>
                <option value="" selected=move || value.get().is_none()>{tr!(directory_filter_any)}</option>
                {move || options.get().into_iter().map(|(code, text)| {
                    let selected = value.get().as_deref() == Some(code.as_str());
                    view! { <option value=code selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
