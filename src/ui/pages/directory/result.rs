//! One result in the directory's list: the entry's name as a link, its kind and place,
//! the fact the query asked for first, how far it is, and tags for what the person should know before going (closed, not
//! serving their place, open now).

use crate::core::directory::entry::{Entry, Status};
use crate::core::directory::links;
use crate::core::directory::next_step::{Answer, NextStep};
use crate::core::directory::phone_display::readable_number;
use crate::core::directory::serving::{Placed, distance_is_approximate};
use crate::core::text::lang::Lang;
use crate::platform::format;
use crate::ui::directory_place::{Origin, distance_words, place_words};
use crate::ui::paths;
use crate::ui::text::{tr, tr_with};
use crate::ui::widgets::external_link::ExternalLink;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ResultItem(
    entry: Entry,
    placed: Placed,
    from: Option<Origin>,
    lang: Lang,
    said: Option<AnyView>,
) -> impl IntoView {
    let e = &entry;
    let distance = placed
        .km
        .zip(from.as_ref())
        .map(|(km, o)| distance_words(km, distance_is_approximate(e, o.place.is_some()), lang));
    let open = e.hours_now().and_then(format::open_state_now).map(|s| s.open_now);
    let place = e
        .address
        .place_line(&format::country_name(&e.address.country, lang.code()));
    let closed = e.status == Status::TemporarilyClosed;
    let (href, name, kind) = (
        paths::entry(&e.id),
        e.name.get(lang).to_string(),
        e.kind.label().get(lang).to_string(),
    );
    view! {
        <li class="result">
            <A href=href>{name}</A>
            {said}
            <span class="result-meta">{kind} " · " {place}{distance.map(|d| format!(" · {d}"))}</span>
            {closed.then(|| view! { <span class="tag tag-warning">{tr!(directory_closed)}</span> })}
            // Sorted last, and said why: 110 cannot be dialled from Texas.
            {(!placed.serves_place).then(|| {
                let place = from.as_ref().map(|o| place_words(o, lang.code(), "")).unwrap_or_default();
                view! { <span class="tag">{tr_with!(directory_not_here, place = place)}</span> }
            })}
            {open.map(|open| if open {
                view! { <span class="tag tag-open">{tr!(directory_open_now)}</span> }.into_any()
            } else {
                view! { <span class="tag">{tr!(directory_closed_now)}</span> }.into_any()
            })}
        </li>
    }
}

/// The fact a query asked for ("miami consulado teléfono"), shown first in the result: the
/// phone as a link to call, the street, where the hours are, how appointments work, or,
/// when the fact is missing, the first place to turn (`core::directory::next_step::answer` decides which).
pub fn wanted_fact(said: Answer, lang: Lang) -> AnyView {
    match said {
        Answer::Phone(phone) => {
            let shown = readable_number(&phone.number);
            match links::phone_link(phone) {
                Some(href) => view! { <ExternalLink class="result-fact" href=href>{shown}</ExternalLink> }.into_any(),
                None => view! { <span class="result-fact">{shown}</span> }.into_any(),
            }
        }
        Answer::Street(street) => view! { <span class="result-fact">{street.to_string()}</span> }.into_any(),
        Answer::Hours => view! { <span class="result-fact">{tr!(directory_fact_hours_on_page)}</span> }.into_any(),
        Answer::Appointment(_, url) => view! {
            <span class="result-fact">{tr!(directory_fact_appointments)} " " {url.to_string()}</span>
        }
        .into_any(),
        Answer::Steps(steps) => {
            let first = steps
                .first()
                .map(|step| match step {
                    NextStep::Website(url) | NextStep::Institution(_, url) => url.to_string(),
                    NextStep::NearestOffice(o) => o.name.get(lang).to_string(),
                    NextStep::CentreToPublish => String::new(),
                })
                .unwrap_or_default();
            view! { <span class="result-fact">{tr_with!(directory_fact_missing, next = first)}</span> }.into_any()
        }
        Answer::Unknown => view! { <span class="result-fact">{tr!(directory_fact_unknown)}</span> }.into_any(),
    }
}
