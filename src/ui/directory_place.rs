//! Where the person is, for the directory: a place they pick (country and region) or,
//! when they tap "near me", the device's position. From it come "which office serves
//! me" and the order by distance. Kept in memory for the visit only.

use crate::core::content::Content;
use crate::core::directory::entry::{Entry, Kind};
use crate::core::directory::geo::known_countries;
use crate::core::directory::place::{DEFAULT_COUNTRY, Reading, place_suggestions, read_place};
use crate::core::directory::serving::{Serving, offices_serving};
use crate::core::text::lang::{Lang, whole_number};
use crate::platform::format;
use crate::platform::geolocation::{self, NoPosition};
use crate::ui::device::use_mode;
use crate::ui::i18n::td_string;
use crate::ui::language::use_i18n;
use crate::ui::language::{lang_of, locale_of};
use crate::ui::page::focus;
use crate::ui::paths;
use crate::ui::text::t_string;
use crate::ui::text::{tr, tr_with};
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;
use wasm_bindgen_futures::spawn_local;

/// Where distances are measured from.
#[derive(Clone, Debug, PartialEq)]
pub struct Origin {
    pub point: (f64, f64),
    /// The place picked (country code, region); `None` for the device's position.
    pub place: Option<(String, Option<String>)>,
}

/// What the picker says when it could not set a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PlaceNotice {
    Unknown,
    /// Only a country: distances from its centre would mean nothing.
    NeedsRegion,
    Locating,
    Refused,
    Unavailable,
}

/// "Where are you?": a country and region, or "near me" (not on the kiosk, which must
/// never ask for a stranger's position).
#[component]
pub fn PlacePicker(origin: RwSignal<Option<Origin>>, content: Arc<Content>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let (start_country, start_region) = origin
        .get_untracked()
        .and_then(|o| o.place)
        .unwrap_or_else(|| (DEFAULT_COUNTRY.to_string(), None));
    let country = RwSignal::new(start_country);
    let region = RwSignal::new(start_region.unwrap_or_default());
    let notice = RwSignal::new(None::<PlaceNotice>);
    let directory = content.clone();
    let use_place = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let c = country.get_untracked();
        // A place the picker cannot use also drops the one before: the list must not
        // stay sorted from Huehuetenango while the menu says México. Distances from a
        // country's centre would mean nothing, so a region is needed here.
        match region.with_untracked(|r| read_place(&content.directory, &c, r)) {
            Reading::Located(point, r) => {
                notice.set(None);
                origin.set(Some(Origin {
                    point,
                    place: Some((c, r)),
                }));
            }
            Reading::CountryOnly => {
                origin.set(None);
                notice.set(Some(PlaceNotice::NeedsRegion));
            }
            Reading::Unknown => {
                origin.set(None);
                notice.set(Some(PlaceNotice::Unknown));
            }
        }
    };
    let near_me = move |_| {
        notice.set(Some(PlaceNotice::Locating));
        spawn_local(async move {
            match geolocation::current_position().await {
                Ok(point) => {
                    notice.set(None);
                    origin.set(Some(Origin { point, place: None }));
                }
                Err(NoPosition::Refused) => notice.set(Some(PlaceNotice::Refused)),
                Err(NoPosition::Unavailable) => notice.set(Some(PlaceNotice::Unavailable)),
            }
        });
    };
    let countries = move || {
        known_countries()
            .map(|code| {
                let name = format::country_name(code, lang().code());
                view! { <option value=code selected=move || country.get() == code>{name}</option> }
            })
            .collect_view()
    };
    let message = move || {
        notice.get().map(|n| match n {
            PlaceNotice::Unknown => t_string!(i18n, place_unknown),
            PlaceNotice::NeedsRegion => t_string!(i18n, place_needs_region),
            PlaceNotice::Locating => t_string!(i18n, place_locating),
            PlaceNotice::Refused => t_string!(i18n, place_refused),
            PlaceNotice::Unavailable => t_string!(i18n, place_unavailable),
        })
    };
    view! {
        <form class="place-picker" on:submit=use_place>
            <fieldset>
                <legend>{tr!(place_title)}</legend>
                <p class="source">{tr!(place_intro)}</p>
                <div class="filters">
                    <div class="filter">
                        <label for="place-country">{tr!(place_your_country)}</label>
                        <select id="place-country" on:change=move |ev| country.set(event_target_value(&ev))>{countries}</select>
                    </div>
                    <div class="filter">
                        <label for="place-region">{tr!(place_region)}</label>
                        <input id="place-region" type="text" autocomplete=use_mode().place_autocomplete()
                            aria-describedby="place-notice"
                            aria-invalid=move || matches!(notice.get(), Some(PlaceNotice::Unknown | PlaceNotice::NeedsRegion)).to_string()
                            list="place-picker-regions"
                            prop:value=move || region.get() on:input=move |ev| region.set(event_target_value(&ev)) />
                        <RegionSuggestions id="place-picker-regions" content=directory country=country />
                    </div>
                </div>
                <p class="entry-actions">
                    <button type="submit" class="button">{tr!(place_use)}</button>
                    {use_mode().opens_links().then(|| view! {
                        <button type="button" class="button" on:click=near_me>{tr!(place_near_me)}</button>
                    })}
                    {move || origin.get().is_some().then(|| view! {
                        <button type="button" class="button" on:click=move |_| {
                            origin.set(None);
                            // This button goes with the place; focus stays in the picker.
                            focus("#place-region");
                        }>{tr!(place_clear)}</button>
                    })}
                </p>
                <p role="status" class="place-notice" id="place-notice">{message}</p>
            </fieldset>
        </form>
    }
}

/// The place as words: "Texas, Estados Unidos", or "your location".
pub fn place_words(origin: &Origin, lang: &str, your_location: &str) -> String {
    match &origin.place {
        Some((country, region)) => {
            let country = format::country_name(country, lang);
            match region {
                Some(region) => format!("{region}, {country}"),
                None => country,
            }
        }
        None => your_location.to_string(),
    }
}

/// "About 35 km" or "35 km", in whole kilometres (never "0"). Integers on purpose:
/// formatting a float would pull the float printer into the app's download.
pub fn distance_words(km: f64, approximate: bool, lang: Lang) -> String {
    let km = whole_number((km.round() as u32).max(1), lang);
    if approximate {
        td_string!(locale_of(lang), directory_distance_approx, km = km).to_string()
    } else {
        td_string!(locale_of(lang), directory_distance, km = km).to_string()
    }
}

/// "Which office serves me": the offices whose service area covers the picked place,
/// or else the nearest ones, said to be only the nearest.
#[component]
pub fn ServingOffices(content: Arc<Content>, origin: Origin, kind: Option<Kind>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let Some((country, region)) = origin.place.clone() else {
        return ().into_any();
    };
    let from = origin.point;
    let place = move || place_words(&origin, lang().code(), "");
    let link = move |e: &Entry, extra: Option<String>| {
        let (href, name) = (paths::entry(&e.id), e.name.get(lang()).to_string());
        view! { <li><A href=href>{name}</A>{extra.map(|x| view! { " · " <span class="result-meta">{x}</span> })}</li> }
    };
    let body = move || {
        match offices_serving(&content.directory, kind, &country, region.as_deref(), Some(from)) {
        Serving::Yours(entries) => view! {
            <h2>{tr_with!(serving_yours, place = place())}</h2>
            <ul>{entries.into_iter().map(|e| link(e, None)).collect_view()}</ul>
        }
        .into_any(),
        Serving::Nearest(entries) => view! {
            <h2>{tr_with!(serving_nearest_title, place = place())}</h2>
            <p>{tr_with!(serving_nearest, place = place())}</p>
            <ul>{entries.into_iter().map(|(e, km)| link(e, km.map(|km| distance_words(km, true, lang_of(i18n.get_locale()))))).collect_view()}</ul>
        }
        .into_any(),
        Serving::Unknown => view! { <p>{tr!(place_unknown)}</p> }.into_any(),
        Serving::NoOffices if kind.is_some() => view! { <p>{tr_with!(serving_none_of_kind, place = place())}</p> }.into_any(),
        Serving::NoOffices => view! { <p>{tr_with!(serving_none, place = place())}</p> }.into_any(),
    }
    };
    view! { <section class="serving">{body}</section> }.into_any()
}

/// The regions to suggest in a place field (`<input list=id>`) for the country chosen,
/// shared by the directory's place picker and the assessment's place question.
#[component]
pub fn RegionSuggestions(id: &'static str, content: Arc<Content>, country: RwSignal<String>) -> impl IntoView {
    let options = move || {
        place_suggestions(&content.directory, &country.get())
            .into_iter()
            .map(|r| view! { <option value=r></option> })
            .collect_view()
    };
    view! { <datalist id=id>{options}</datalist> }
}
