//! The diaspora contact directory: a search box, filters with counts, the person's
//! favourites, and the results. The search itself is the core's; the index is built
//! once per data version.

use crate::core::directory::{Kind, Service, Status};
use crate::core::search::{Query, SearchIndex};
use crate::platform::format;
use crate::ui::app::paths;
use crate::ui::data::use_data;
use crate::ui::device::use_mode;
use crate::ui::favourites::use_favourites;
use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::language::lang_of;
use crate::ui::page::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;

/// The search the person is making, kept for the visit (back from an entry keeps it).
#[derive(Clone, Copy)]
pub struct DirectorySearch(pub RwSignal<Query>);

pub fn provide_directory_search() {
    provide_context(DirectorySearch(RwSignal::new(Query::default())));
}

#[component]
pub fn DirectoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let content = Memo::new(move |_| data.loaded.with(|l| l.as_ref().map(|l| l.content.clone())));
    view! {
        <Page title=Signal::derive(move || t_string!(i18n, directory_title).to_string())>
            {move || match content.get() {
                None => view! { <p class="notice">{t!(i18n, directory_no_data)}</p> }.into_any(),
                Some(content) => view! { <DirectorySearchView content /> }.into_any(),
            }}
        </Page>
    }
}

#[component]
fn DirectorySearchView(content: Arc<crate::core::content::Content>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let query = expect_context::<DirectorySearch>().0;
    let index = Arc::new(SearchIndex::build(&content.directory));
    let results = {
        let index = index.clone();
        Memo::new(move |_| query.with(|q| index.search(q)))
    };
    let set_text = move |ev| query.update(|q| q.text = event_target_value(&ev));

    let country_options = move || {
        let r = results.get();
        r.countries
            .iter()
            .map(|(code, n)| {
                (
                    code.clone(),
                    format!("{} ({n})", format::country_name(code, lang().code())),
                )
            })
            .collect::<Vec<_>>()
    };
    let kind_options = move || {
        results
            .get()
            .kinds
            .iter()
            .map(|(k, n)| (k.code().to_string(), format!("{} ({n})", k.label().get(lang()))))
            .collect::<Vec<_>>()
    };
    let service_options = move || {
        results
            .get()
            .services
            .iter()
            .map(|(s, n)| (s.code().to_string(), format!("{} ({n})", s.label().get(lang()))))
            .collect::<Vec<_>>()
    };
    let language_options = move || {
        results
            .get()
            .languages
            .iter()
            .map(|(l, n)| (l.clone(), format!("{} ({n})", format::language_name(l, lang().code()))))
            .collect::<Vec<_>>()
    };

    let c = content.clone();
    let list = move || {
        let l = lang();
        results
            .get()
            .entries
            .iter()
            .map(|&i| {
                let e = &c.directory.entries[i];
                let place = [
                    e.address.city.clone(),
                    Some(format::country_name(&e.address.country, l.code())),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
                let closed = e.status == Status::TemporarilyClosed;
                let (href, name, kind) = (
                    format!("{}/{}", paths::DIRECTORY, e.id),
                    e.name.get(l).to_string(),
                    e.kind.label().get(l).to_string(),
                );
                view! {
                    <li class="result">
                        <A href=href>{name}</A>
                        <span class="result-meta">{kind} " · " {place}</span>
                        {closed.then(|| view! { <span class="tag tag-warning">{t!(i18n, directory_closed)}</span> })}
                    </li>
                }
            })
            .collect_view()
    };
    let count = move || results.with(|r| r.entries.len());
    let c = content.clone();
    let favourites = use_favourites();
    let keeps_favourites = use_mode().keeps_favourites();
    let favourite_links = move || {
        let l = lang();
        favourites
            .ids()
            .into_iter()
            .filter_map(|id| c.directory.entry(&id).map(|e| (id.clone(), e.name.get(l).to_string())))
            .map(|(id, name)| view! { <li><A href=format!("{}/{id}", paths::DIRECTORY)>{name}</A></li> })
            .collect_view()
    };
    view! {
        <p>{t!(i18n, directory_intro)}</p>
        {move || (keeps_favourites && !favourites.ids().is_empty()).then(|| view! {
            <section class="favourites"><h2>{t!(i18n, directory_favourites)}</h2><ul>{favourite_links.clone()}</ul></section>
        })}
        <div class="search" role="search">
            <label for="directory-query">{t!(i18n, directory_search)}</label>
            <input id="directory-query" type="search" autocomplete="off"
                placeholder=move || t_string!(i18n, directory_search_placeholder)
                prop:value=move || query.with(|q| q.text.clone()) on:input=set_text />
            <div class="filters">
                <FilterSelect id="filter-country" label=Signal::derive(move || t_string!(i18n, directory_filter_country).to_string())
                    options=Signal::derive(country_options)
                    value=Signal::derive(move || query.with(|q| q.country.clone()))
                    on_change=Callback::new(move |v: Option<String>| query.update(|q| q.country = v)) />
                <FilterSelect id="filter-kind" label=Signal::derive(move || t_string!(i18n, directory_filter_kind).to_string())
                    options=Signal::derive(kind_options)
                    value=Signal::derive(move || query.with(|q| q.kind.map(|k| k.code().to_string())))
                    on_change=Callback::new(move |v: Option<String>| query.update(|q| q.kind = v.and_then(|c| Kind::from_code(&c)))) />
                <FilterSelect id="filter-service" label=Signal::derive(move || t_string!(i18n, directory_filter_service).to_string())
                    options=Signal::derive(service_options)
                    value=Signal::derive(move || query.with(|q| q.service.map(|s| s.code().to_string())))
                    on_change=Callback::new(move |v: Option<String>| query.update(|q| q.service = v.and_then(|c| Service::from_code(&c)))) />
                <FilterSelect id="filter-language" label=Signal::derive(move || t_string!(i18n, directory_filter_language).to_string())
                    options=Signal::derive(language_options)
                    value=Signal::derive(move || query.with(|q| q.language.clone()))
                    on_change=Callback::new(move |v: Option<String>| query.update(|q| q.language = v)) />
            </div>
            <button type="button" class="button button-small" on:click=move |_| query.set(Query::default())>{t!(i18n, directory_clear)}</button>
        </div>
        <p class="result-count" role="status" aria-live="polite">{move || t_string!(i18n, directory_count, count = count())}</p>
        <Show when=move || count() == 0>
            <p class="notice">{t!(i18n, directory_empty)}</p>
        </Show>
        <ul class="results-list">{list}</ul>
    }
}

/// One filter: "All" plus each value with its count.
#[component]
fn FilterSelect(
    id: &'static str,
    label: Signal<String>,
    options: Signal<Vec<(String, String)>>,
    value: Signal<Option<String>>,
    on_change: Callback<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="filter">
            <label for=id>{move || label.get()}</label>
            <select id=id on:change=move |ev| {
                let v = event_target_value(&ev);
                on_change.run((!v.is_empty()).then_some(v));
            }>
                <option value="" selected=move || value.get().is_none()>{move || t_string!(i18n, directory_filter_any)}</option>
                {move || options.get().into_iter().map(|(code, text)| {
                    let selected = value.get().as_deref() == Some(code.as_str());
                    view! { <option value=code selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
