//! The diaspora contact directory: a search box, filters with counts ([`filters`]), the
//! person's favourites, where they are, and the results ([`result`]). The search and the
//! list's order are the core's; the index is built once per data version.

mod filters;
mod result;

use filters::Filters;
use result::{ResultItem, wanted_fact};

use crate::core::content::Content;
use crate::core::directory::next_step::answer;
use crate::core::directory::search::{Query, SearchIndex};
use crate::core::directory::serving::list_order;
use crate::ui::assessment::all_assessments;
use crate::ui::data::use_content;
use crate::ui::data_status::NoDataYet;
use crate::ui::device::use_mode;
use crate::ui::directory_place::{Origin, PlacePicker, ServingOffices, place_words};
use crate::ui::favourites::use_favourites;
use crate::ui::language::lang_of;
use crate::ui::language::use_i18n;
use crate::ui::page::Page;
use crate::ui::page::{followed_link, refocus_link};
use crate::ui::paths;
use crate::ui::text::t_string;
use crate::ui::text::{tr, tr_signal};
use gloo::timers::callback::Timeout;
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;

/// How many results are built in one task while a prerendered list is taken over: some
/// 40 ms of work on a slow phone, under the 50 ms that make a task "long".
const SLICE: usize = 16;

/// The search the person is making and where they said they are, kept for the visit
/// (back from an entry keeps them).
#[derive(Clone, Copy)]
pub struct DirectorySearch {
    pub query: RwSignal<Query>,
    pub origin: RwSignal<Option<Origin>>,
    /// The entry the person opened from the list, to give focus back to when they return.
    left_by: RwSignal<Option<String>>,
    /// The index of the content it was built from: built once per data version, not on
    /// every visit to the page.
    index: StoredValue<Option<(Arc<Content>, Arc<SearchIndex>)>>,
}

impl DirectorySearch {
    fn index_for(self, content: &Arc<Content>) -> Arc<SearchIndex> {
        if let Some((built_from, index)) = self.index.get_value()
            && Arc::ptr_eq(&built_from, content)
        {
            return index;
        }
        let index = Arc::new(SearchIndex::build(&content.directory));
        self.index.set_value(Some((content.clone(), index.clone())));
        index
    }
}

pub fn provide_directory_search() {
    provide_context(DirectorySearch {
        query: RwSignal::new(Query::default()),
        origin: RwSignal::new(None),
        left_by: RwSignal::new(None),
        index: StoredValue::new(None),
    });
}

#[component]
pub fn DirectoryPage() -> impl IntoView {
    let content = use_content();
    // The person went on to the directory: an entry opened from here leads back here,
    // not to the results they saw before.
    for assessment in all_assessments() {
        assessment.left_by.set(None);
    }
    view! {
        <Page title=tr_signal!(directory_title)>
            {move || match content.get() {
                None => view! { <NoDataYet missing=|l| crate::ui::i18n::td_string!(l, directory_no_data) /> }.into_any(),
                Some(content) => view! { <DirectorySearchView content /> }.into_any(),
            }}
        </Page>
    }
}

#[component]
fn DirectorySearchView(content: Arc<Content>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let search = expect_context::<DirectorySearch>();
    let DirectorySearch {
        query, origin, left_by, ..
    } = search;
    let left_by_at_start = left_by.get_untracked();
    if let Some(href) = left_by_at_start.clone() {
        left_by.set(None);
        refocus_link(".results-list", href);
    }
    let remember_link = move |ev: leptos::ev::MouseEvent| {
        if let Some(href) = followed_link(&ev) {
            left_by.set(Some(href));
        }
    };
    let index = search.index_for(&content);
    let results = {
        let index = index.clone();
        Memo::new(move |_| query.with(|q| index.search(q)))
    };
    let set_text = move |ev| query.update(|q| q.text = event_target_value(&ev));

    let c = content.clone();
    // Nearest first once the person said where they are; otherwise the search's order.
    let ordered = Memo::new(move |_| {
        let entries = results.with(|r| r.entries.clone());
        origin.with(|o| {
            let place = o
                .as_ref()
                .and_then(|o| o.place.as_ref())
                .map(|(country, region)| (country.as_str(), region.as_deref()));
            list_order(&c.directory, &entries, o.as_ref().map(|o| o.point), place)
        })
    });
    let c = content.clone();
    // The results in slices of SLICE, each built by a closure of its own.
    let slice = move |i: usize| {
        let c = c.clone();
        move || {
            let (l, from) = (lang(), origin.get());
            let wanted = results.with(|r| r.wanted);
            let centre = c.centre.as_ref().map(|centre| centre.entry.clone());
            let placed: Vec<_> = ordered.with(|o| o.iter().skip(i * SLICE).take(SLICE).cloned().collect());
            placed
                .into_iter()
                .map(|placed| {
                    let entry = c.directory.entries[placed.index].clone();
                    // What the query asked for ("teléfono"), said first: the fact, or
                    // where to turn when it is missing.
                    let said = wanted.map(|w| wanted_fact(answer(&entry, w, &c.directory, centre.as_deref()), l));
                    view! { <ResultItem entry placed from=from.clone() lang=l said /> }
                })
                .collect_view()
        }
    };
    let slices = move || ordered.with(|o| o.len().div_ceil(SLICE));
    // Taking over a prerendered copy, the person already sees the whole list: the app
    // builds its own a slice per task, so no task keeps a slow phone from answering a
    // tap for long, and the copy stays until the last slice is in (aria-busy, which
    // scripts/prerender-page.js waits for). Anywhere else, all at once, as the person
    // is waiting for it (and returning from an entry, its link must be there to focus).
    let gradual = left_by_at_start.is_none() && document().get_element_by_id("prerendered").is_some();
    let built = RwSignal::new(if gradual { 1 } else { usize::MAX });
    let busy = move || built.get() < slices();
    Effect::new(move |_| {
        if busy() {
            // (The person may have left the page by then: nothing to build.)
            Timeout::new(0, move || {
                built.try_update(|n| *n += 1);
            })
            .forget();
        } else if built.get_untracked() != usize::MAX {
            built.set(usize::MAX);
        }
    });
    // Each slice shows once it is its turn (a memo, so a slice already shown is not built
    // again when the next one comes); all are made again when the results change.
    let list = move || {
        (0..slices())
            .map(|i| {
                let its_turn = Memo::new(move |_| built.get() > i);
                let slice = slice(i);
                move || its_turn.get().then(&slice)
            })
            .collect_view()
    };
    let count = move || results.with(|r| r.entries.len());
    // On a phone, the filters and the place picker fold away, so what is typed shows its
    // results on the same screen; open where there is room, or when one is in use.
    let show_refine = window()
        .match_media("(min-width: 40rem)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let place_open = show_refine || origin.with_untracked(Option::is_some);
    let serving_kind = Memo::new(move |_| query.with(|q| q.kind));
    let count_text = Memo::new(move |_| {
        let count = match count() {
            1 => t_string!(i18n, directory_count_single).to_string(),
            n => t_string!(i18n, directory_count, count = n).to_string(),
        };
        match origin.get() {
            Some(o) => {
                let place = place_words(&o, lang().code(), t_string!(i18n, place_your_location));
                // One sentence: "30 resultados, ordenados por distancia desde Texas."
                format!("{count}, {}", t_string!(i18n, place_sorted, place = place))
            }
            None => count,
        }
    });
    // The count is said once typing pauses, not at every letter (a new timeout drops
    // the one before).
    let announced = RwSignal::new(String::new());
    let pending = StoredValue::new_local(None::<Timeout>);
    Effect::new(move |_| {
        let text = count_text.get();
        pending.set_value(Some(Timeout::new(700, move || announced.set(text))));
    });
    let for_serving = content.clone();
    let c = content.clone();
    let favourites = use_favourites();
    let keeps_favourites = use_mode().keeps_favourites();
    // Favourites the directory no longer has are kept (they may come back) but not
    // listed; with none left to list, there is no section.
    let favourite_links = move || {
        let l = lang();
        favourites
            .ids()
            .into_iter()
            .filter_map(|id| c.directory.entry(&id).map(|e| (id.clone(), e.name.get(l).to_string())))
            .map(|(id, name)| view! { <li><A href=paths::entry(&id)>{name}</A></li> })
            .collect::<Vec<_>>()
    };
    view! {
        <p>{tr!(directory_intro)}</p>
        {move || {
            let links = favourite_links();
            (keeps_favourites && !links.is_empty()).then(|| view! {
                <section class="favourites"><h2>{tr!(directory_favourites)}</h2><ul>{links}</ul></section>
            })
        }}
        <div class="search" role="search">
            <label for="directory-query">{tr!(directory_search)}</label>
            <input id="directory-query" type="search" autocomplete="off"
                placeholder=tr!(directory_search_placeholder)
                prop:value=move || query.with(|q| q.text.clone()) on:input=set_text />
            <Filters query results open=show_refine />
            <button type="button" class="button button-small" on:click=move |_| query.set(Query::default())>{tr!(directory_clear)}</button>
        </div>
        <details class="refine" open=place_open>
            <summary>{tr!(place_summary)}</summary>
            <PlacePicker origin content=content.clone() />
        </details>
        // Always in the page, so screen readers announce the offices when a place is
        // chosen (a live region inserted already filled is usually not read); rebuilt
        // when the place or the type filter changes, not on every letter typed.
        <div aria-live="polite">
            {move || origin.get().map(|o| view! {
                <ServingOffices content=for_serving.clone() origin=o kind=serving_kind.get() />
            })}
        </div>
        <p class="result-count">{move || count_text.get()}</p>
        <p class="visually-hidden" role="status">{move || announced.get()}</p>
        <Show when=move || count() == 0>
            <p class="notice">{tr!(directory_empty)}</p>
        </Show>
        // Screen-reader users move by headings; the list is the page's main content.
        <h2 class="visually-hidden">{tr!(directory_results_heading)}</h2>
        <ul class="results-list" aria-busy=move || busy().then_some("true") on:click=remember_link>{list}</ul>
    }
}
