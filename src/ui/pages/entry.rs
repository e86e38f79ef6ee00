//! One directory entry, on its own deep-linkable page (`/directorio/<id>`): every field
//! the data has, the ways to act on it (call, WhatsApp, email, website, directions,
//! copy, share, save as contact, QR), and when and where its facts were checked.

use crate::core::directory::centre::{Channel, report_links};
use crate::core::directory::entry::{Entry, PhoneKind, Precision, Status, Tier, Weekday};
use crate::core::directory::next_step::{Fact, NextStep, next_steps};
use crate::core::directory::phone_display::readable_number;
use crate::core::text::lang::Lang;
use crate::core::{directory::links, directory::opening, directory::vcard, text::link_language};
use crate::platform::share::{self, Shared};
use crate::platform::{format, network};
use crate::ui::assessment::{Screen, all_assessments};
use crate::ui::data::use_data;
use crate::ui::data_status::NoDataYet;
use crate::ui::device::use_mode;
use crate::ui::favourites::use_favourites;
use crate::ui::language::lang_of;
use crate::ui::language::use_i18n;
use crate::ui::page::Page;
use crate::ui::paths;
use crate::ui::tallies::count_entry_opened;
use crate::ui::text::t_string;
use crate::ui::text::{tr, tr_with};
use crate::ui::widgets::external_link::ExternalLink;
use crate::ui::widgets::qr_code::QrCode;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;
use wasm_bindgen_futures::spawn_local;

#[component]
pub fn EntryPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let params = use_params_map();
    let entry = Memo::new(move |_| {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        data.loaded.with(|loaded| {
            loaded
                .as_ref()
                .map(|l| l.content.directory.entry(&id).cloned().map(Arc::new))
        })
    });
    let lang = move || lang_of(i18n.get_locale());
    let title = Signal::derive(move || match entry.get() {
        Some(Some(e)) => e.name.get(lang()).to_string(),
        Some(None) => t_string!(i18n, not_found_title).to_string(),
        // The directory is still on its way, or could not be downloaded.
        None if data.on_its_way() => t_string!(i18n, entry_loading).to_string(),
        None => t_string!(i18n, directory_title).to_string(),
    });
    view! {
        <Page title=title>
            {move || match entry.get() {
                None => view! { <NoDataYet missing=|l| crate::ui::i18n::td_string!(l, directory_no_data) /> }.into_any(),
                Some(None) => view! {
                    <p>{tr!(entry_not_found)}</p>
                    <A href=paths::DIRECTORY attr:class="button">{tr!(entry_back)}</A>
                }.into_any(),
                Some(Some(e)) => {
                    let id = e.id.clone();
                    view! { <EntryDetails entry=e /> <BackLink id /> }.into_any()
                }
            }}
        </Page>
    }
}

/// The way back: to the person's options when they came from them, else to the
/// directory. A kiosk keeps no history (Back cannot leave the page for the previous
/// person's), so without it the only way out was the header.
#[component]
fn BackLink(id: String) -> impl IntoView {
    // The results remember the link followed from them; the directory forgets it.
    let href = paths::entry(&id);
    let from_results = all_assessments().into_iter().find(|assessment| {
        assessment.screen.with_untracked(|s| *s == Screen::Results)
            && assessment
                .left_by
                .with_untracked(|link| link.as_deref() == Some(href.as_str()))
    });
    let (href, text) = match from_results {
        Some(assessment) => (assessment.path(), tr!(entry_back_results)),
        None => (paths::DIRECTORY.to_string(), tr!(entry_back)),
    };
    view! {
        <A href=href attr:class="button back-button">
            <span aria-hidden="true">"← "</span>{text}
        </A>
    }
}

#[component]
fn EntryDetails(entry: Arc<Entry>) -> impl IntoView {
    let i18n = use_i18n();
    count_entry_opened(use_mode(), &entry.id, entry.kind);
    let lang = move || lang_of(i18n.get_locale());
    let e = entry.clone();
    let place = move || {
        e.address
            .place_line(&format::country_name(&e.address.country, lang().code()))
    };
    let e = entry.clone();
    let kind = move || e.kind.label().get(lang()).to_string();
    view! {
        <EntryAlerts entry=entry.clone() />
        <p class="entry-kind">{kind} " · " {place} <FactAgeNote entry=entry.clone() field="status" /></p>
        {let e = entry.clone(); move || (!e.description.is_empty()).then(|| view! { <p>{e.description.get(lang()).to_string()}</p> })}
        <EntryActions entry=entry.clone() />
        <ContactSection entry=entry.clone() />
        <AddressSection entry=entry.clone() />
        <HoursSection entry=entry.clone() />
        <ServicesSection entry=entry.clone() />
        <EntryQr entry=entry.clone() />
        <ReportWrongFact entry=entry.clone() />
        <EntryProvenance entry=entry />
    }
}

#[component]
fn EntryAlerts(entry: Arc<Entry>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let status = match entry.status {
        Status::Active => None,
        Status::TemporarilyClosed => {
            Some(view! { <p class="notice notice-warning" role="note">{tr!(entry_closed_temporarily)}</p> }.into_any())
        }
        Status::Defunct => {
            Some(view! { <p class="notice notice-warning" role="note">{tr!(entry_defunct)}</p> }.into_any())
        }
    };
    let alert = entry.alert.clone().map(
        |alert| view! { <p class="notice notice-warning" role="note">{move || alert.get(lang()).to_string()}</p> },
    );
    view! { {status} {alert} }
}

#[component]
fn EntryActions(entry: Arc<Entry>) -> impl IntoView {
    let i18n = use_i18n();
    let favourites = use_favourites();
    // What became of the last share, said in the language shown now.
    let shared = RwSignal::new(None::<Shared>);
    let e = entry.clone();
    let share = move |_| {
        let title = e.name.get(lang_of(i18n.get_locale_untracked())).to_string();
        let url = page_url(lang_of(i18n.get_locale_untracked()));
        spawn_local(async move { shared.set(Some(share::share_or_copy(&title, &url).await)) });
    };
    let message = move || match shared.get()? {
        Shared::Sheet => None,
        Shared::Copied => Some(t_string!(i18n, entry_shared_copied)),
        Shared::Failed => Some(t_string!(i18n, entry_share_failed)),
    };
    let e = entry.clone();
    let save_contact = move |_| {
        let card = vcard::vcard(&e, lang_of(i18n.get_locale_untracked()));
        let _ = share::download(&vcard::file_name(&e), "text/vcard;charset=utf-8", &card);
    };
    let id = entry.id.clone();
    let is_favourite = Signal::derive({
        let id = id.clone();
        move || favourites.contains(&id)
    });
    let mode = use_mode();
    // The kiosk cannot share, save or keep anything for the person: its QR code of the
    // entry (below) does that on their own phone.
    (mode.opens_links()).then(|| view! {
        <div class="entry-actions">
            <button type="button" class="button" on:click=share>{tr!(entry_share)}</button>
            <button type="button" class="button" on:click=save_contact>{tr!(entry_save_contact)}</button>
            {mode.keeps_favourites().then(|| view! {
                // The label says what pressing does; aria-pressed as well would be heard
                // as "Quitar de favoritos, pressed".
                <button type="button" class="button" on:click=move |_| favourites.toggle(&id)>
                    {move || if is_favourite.get() { t_string!(i18n, entry_favourite_remove) } else { t_string!(i18n, entry_favourite_add) }}
                </button>
            })}
            <p class="entry-message" role="status">{message}</p>
        </div>
    })
}

#[component]
fn ContactSection(entry: Arc<Entry>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let online = RwSignal::new(network::is_online());
    network::watch(move |now| online.set(now));
    let can_copy = use_mode().opens_links();
    let phones = entry
        .phones
        .iter()
        .enumerate()
        .filter_map(|(i, phone)| links::phone_link(phone).map(|href| (i, phone.clone(), href)))
        .map(|(i, phone, href)| {
            let age = view! { <FactAgeNote entry=entry.clone() field=format!("phones[{i}]") /> };
            // Shown grouped for reading; copied as stored, which any dialler takes.
            let number = readable_number(&phone.number);
            let copied = RwSignal::new(false);
            let copy_number = phone.number.clone();
            let number_for_name = number.clone();
            let label = move || match phone.kind {
                PhoneKind::Voice => t_string!(i18n, entry_call, number = number.clone()).to_string(),
                PhoneKind::Whatsapp => t_string!(i18n, entry_whatsapp, number = number.clone()).to_string(),
                PhoneKind::Sms => t_string!(i18n, entry_sms, number = number.clone()).to_string(),
            };
            let note = phone.note.clone();
            view! {
                <li class="contact-line">
                    <ExternalLink class="button button-primary" href=href>{label}</ExternalLink>
                    {can_copy.then(|| view! {
                        <button type="button" class="button button-small" on:click=move |_| {
                            let n = copy_number.clone();
                            spawn_local(async move { copied.set(share::copy(&n).await == Shared::Copied) });
                        }>
                            {move || if copied.get() { t_string!(i18n, entry_copied) } else { t_string!(i18n, entry_copy) }}
                            // An entry may have several numbers, each with its own button.
                            <span class="visually-hidden">" " {number_for_name}</span>
                        </button>
                    })}
                    {note.map(|n| view! { <span class="contact-note">{move || n.get(lang()).to_string()}</span> })}
                    {age}
                </li>
            }
        })
        .collect_view();
    let email = entry
        .email
        .as_deref()
        .and_then(|e| links::email_link(e).map(|href| (e.to_string(), href)));
    let website = entry.website.as_deref().and_then(links::website_link);
    let nothing = entry.phones.is_empty() && email.is_none() && website.is_none();
    view! {
        <section>
            <h2>{tr!(entry_contact)}</h2>
            // No empty list ("list, 0 items") when nothing is known: the note below says so.
            {(!nothing).then(|| view! {
            <ul class="contact-list">
                {phones}
                {email.map(|(address, href)| view! {
                    <li class="contact-line"><ExternalLink class="button" href=href>{tr_with!(entry_email, email = address.clone())}</ExternalLink>
                    <FactAgeNote entry=entry.clone() field="email" /></li>
                })}
                {website.map(|href| view! {
                    <li class="contact-line">
                        <ExternalLink class="button" href=href.clone() new_tab=true>{tr!(entry_website)}</ExternalLink>
                        <span class="contact-note">{href.clone()} " " {move || (!online.get()).then(|| t_string!(i18n, entry_needs_connection))}</span>
                    </li>
                })}
            </ul>
            })}
            {nothing.then(|| view! { <Missing entry=entry.clone() fact=Fact::Phone /> })}
        </section>
    }
}

#[component]
fn AddressSection(entry: Arc<Entry>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let a = entry.address.clone();
    let lines = move || {
        let country = format::country_name(&a.country, lang().code());
        let city_line = [a.city.clone(), a.region.clone(), a.postal_code.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        [
            a.street.clone(),
            Some(city_line).filter(|l| !l.is_empty()),
            Some(country),
        ]
        .into_iter()
        .flatten()
        .map(|line| view! { <span class="address-line">{line}</span> })
        .collect_view()
    };
    let location = entry.location;
    let street_unknown = entry.address.street.is_none() && entry.is_to_verify("address.street");
    // A line with no place to go (a national number): its country is in the heading.
    let address = &entry.address;
    if address.street.is_none() && address.city.is_none() && location.is_none() && !street_unknown {
        return ().into_any();
    }
    // Where the street is known and the point is only the city's centre, maps search for
    // the address instead.
    let query = location
        .filter(|l| l.precision == Precision::City)
        .and_then(|_| links::map_query(&entry.address));
    view! {
        <section>
            <h2>{tr!(entry_address)}</h2>
            <address>{lines}</address>
            <FactAgeNote entry=entry.clone() field="address.street" />
            {street_unknown.then(|| view! { <Missing entry=entry.clone() fact=Fact::Street /> })}
            {location.map(|location| view! {
                <h3>{tr!(entry_directions)}</h3>
                <p class="entry-actions">
                    <ExternalLink class="button" href=links::geo_link(&location, query.as_deref())>{tr!(entry_open_maps)}</ExternalLink>
                    <ExternalLink class="button" href=links::openstreetmap_link(&location, query.as_deref()) new_tab=true>{tr!(entry_open_osm)}</ExternalLink>
                </p>
                {(location.precision == Precision::City && query.is_none()).then(|| view! { <p class="source">{tr!(entry_location_approximate)}</p> })}
            })}
        </section>
    }
    .into_any()
}

#[component]
fn HoursSection(entry: Arc<Entry>) -> impl IntoView {
    let i18n = use_i18n();
    let Some(hours) = entry.hours.clone() else {
        // Said only where the staff know it is missing: a 24-hour line says so itself.
        return entry
            .is_to_verify("hours")
            .then(|| {
                view! {
                    <section>
                        <h2>{tr!(entry_hours)}</h2>
                        <Missing entry=entry.clone() fact=Fact::Hours />
                    </section>
                }
            })
            .into_any();
    };
    let day_name = move |day: Weekday| match day {
        Weekday::Mon => t_string!(i18n, day_mon),
        Weekday::Tue => t_string!(i18n, day_tue),
        Weekday::Wed => t_string!(i18n, day_wed),
        Weekday::Thu => t_string!(i18n, day_thu),
        Weekday::Fri => t_string!(i18n, day_fri),
        Weekday::Sat => t_string!(i18n, day_sat),
        Weekday::Sun => t_string!(i18n, day_sun),
    };
    let zone = opening::zone_place(&hours.time_zone);
    // Open now, in the entry's own time zone (the browser applies its DST rules).
    let state = entry.hours_now().and_then(format::open_state_now);
    let now_line = state.map(|state| match (state.open_now, state.closes_at) {
        (true, Some(time)) => {
            view! { <p class="open-now open">{tr_with!(entry_open_now, time = time.clone())}</p> }.into_any()
        }
        (true, None) => view! { <p class="open-now open">{tr!(directory_open_now)}</p> }.into_any(),
        (false, _) => view! { <p class="open-now closed">{tr!(entry_closed_now)}</p> }.into_any(),
    });
    let rows = opening::week(&hours)
        .into_iter()
        .map(|(day, spans)| {
            let spans = match spans.as_slice() {
                [] => tr!(entry_closed_day).into_any(),
                [(opens, closes)] if opening::is_all_day(opens, closes) => tr!(entry_all_day).into_any(),
                spans => spans
                    .iter()
                    .map(|(o, c)| format!("{o}–{c}"))
                    .collect::<Vec<_>>()
                    .join(", ")
                    .into_any(),
            };
            view! { <tr><th scope="row">{move || day_name(day)}</th><td>{spans}</td></tr> }
        })
        .collect_view();
    view! {
        <section>
            <h2>{tr!(entry_hours)}</h2>
            {now_line}
            <table class="hours">
                <caption>{tr_with!(entry_hours_zone, zone = zone.clone())}</caption>
                <tbody>{rows}</tbody>
            </table>
            <FactAgeNote entry=entry.clone() field="hours" />
        </section>
    }
    .into_any()
}

#[component]
fn ServicesSection(entry: Arc<Entry>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let e = entry.clone();
    let services = move || {
        e.services
            .iter()
            .map(|s| view! { <li>{s.label().get(lang()).to_string()}</li> })
            .collect_view()
    };
    let e = entry.clone();
    let languages = move || {
        e.languages
            .iter()
            .map(|code| format::language_name(code, lang().code()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let e = entry.clone();
    let areas = move || {
        e.service_area
            .iter()
            .map(|area| {
                let country = format::country_name(&area.country, lang().code());
                match &area.region {
                    Some(region) => format!("{region} ({country})"),
                    None => t_string!(i18n, entry_whole_country, country = country),
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    view! {
        {(!entry.services.is_empty()).then(|| view! {
            <section><h2>{tr!(entry_services)}</h2><ul class="chips">{services.clone()}</ul></section>
        })}
        {(!entry.languages.is_empty()).then(|| view! {
            <section><h2>{tr!(entry_languages)}</h2><p>{languages.clone()}</p></section>
        })}
        {(!entry.service_area.is_empty()).then(|| view! {
            <section><h2>{tr!(entry_service_area)}</h2><p>{areas.clone()}</p></section>
        })}
    }
}

#[component]
fn EntryQr(entry: Arc<Entry>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let e = entry.clone();
    let label =
        Signal::derive(move || t_string!(i18n, entry_qr_label, name = e.name.get(lang()).to_string()).to_string());
    view! {
        <section class="entry-qr">
            <h2>{tr!(entry_qr)}</h2>
            <QrCode text=Signal::derive(move || page_url(lang())) label=label />
        </section>
    }
}

#[component]
fn EntryProvenance(entry: Arc<Entry>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let verified = entry.verified_on.clone();
    let date = move || format::calendar_date(&verified, lang().code());
    // Each address in the citation can be opened, to check the fact where it was read.
    let source_view = links::source_parts(&entry.source)
        .into_iter()
        .map(|(piece, href)| match href {
            Some(href) => view! { <ExternalLink href=href new_tab=true>{piece}</ExternalLink> }.into_any(),
            // Citations are written in Spanish, whatever the page's language.
            None => view! { <span lang=Lang::DEFAULT.code()>{piece}</span> }.into_any(),
        })
        .collect_view();
    // Structured sources: who published what, when, and how far it is trusted.
    let sources = entry
        .sources
        .iter()
        .map(|s| {
            let tier = match s.tier {
                Tier::Official => tr!(entry_tier_official).into_any(),
                Tier::Press => tr!(entry_tier_press).into_any(),
                Tier::Aggregator => tr!(entry_tier_aggregator).into_any(),
            };
            let cite = format!("{}, {} · ", s.publisher, s.date);
            let title = s.title.clone();
            let link = s.url.as_deref().and_then(links::website_link);
            view! {
                <li>
                    {cite} {tier} ": "
                    {match link {
                        Some(href) => view! { <ExternalLink href=href new_tab=true><span lang=Lang::DEFAULT.code()>{title}</span></ExternalLink> }.into_any(),
                        None => view! { <span lang=Lang::DEFAULT.code()>{title}</span> }.into_any(),
                    }}
                </li>
            }
        })
        .collect_view();
    let has_sources = !entry.sources.is_empty();
    let has_source = !entry.source.trim().is_empty();
    view! {
        <footer class="provenance">
            <p>{move || t_string!(i18n, entry_verified, date = date())}</p>
            {has_source.then(|| view! { <p>{tr!(entry_source)} " " {source_view}</p> })}
            {has_sources.then(|| view! { <p>{tr!(entry_sources)}</p><ul class="sources">{sources}</ul> })}
        </footer>
    }
}

/// "from 2017: confirm before you go", beside a fact whose newest source is over a year
/// old. "Today" is never before the data's publication: a tablet whose clock went back
/// to 1970 would otherwise call nothing old.
#[component]
fn FactAgeNote(entry: Arc<Entry>, #[prop(into)] field: String) -> impl IntoView {
    let data = use_data();
    let published = data
        .loaded
        .with_untracked(|l| l.as_ref().map(|l| l.content.manifest.date.clone()))
        .unwrap_or_default();
    let device: String = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
        .chars()
        .take(10)
        .collect();
    let today = published.max(device);
    entry.fact_age(&field, &today).map(|age| {
        view! { <span class="fact-age">{tr_with!(entry_fact_age, year = age.year.to_string())}</span> }
    })
}

/// Where a fact is known to be missing: what is missing, and whom to ask, and how, from
/// what the directory sources (`core::directory::next_step`).
#[component]
fn Missing(entry: Arc<Entry>, fact: Fact) -> impl IntoView {
    let data = use_data();
    let missing = match fact {
        Fact::Phone => tr!(entry_missing_phone).into_any(),
        Fact::Street => tr!(entry_missing_street).into_any(),
        Fact::Hours => tr!(entry_missing_hours).into_any(),
    };
    if !entry.is_to_verify(fact.field()) {
        return ().into_any();
    }
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let steps = data.loaded.with_untracked(|loaded| {
        let Some(loaded) = loaded else { return Vec::new() };
        let content = &loaded.content;
        let centre = content.centre.as_ref().map(|c| c.entry.as_str());
        next_steps(&entry, fact, &content.directory, centre)
            .into_iter()
            .map(|step| match step {
                NextStep::Website(url) => {
                    let href = links::website_link(url);
                    view! { <li>{tr!(entry_next_website)} " " {href.map(|h| view! { <ExternalLink href=h.clone() new_tab=true>{h.clone()}</ExternalLink> })}</li> }.into_any()
                }
                NextStep::Institution(parent, url) => {
                    let name = parent.name.get(lang()).to_string();
                    let href = links::website_link(url);
                    let page = format!("{}/{}", paths::DIRECTORY, parent.id);
                    view! {
                        <li>
                            {tr_with!(entry_next_institution, name = name.clone())} " "
                            {href.map(|h| view! { <ExternalLink href=h.clone() new_tab=true>{h.clone()}</ExternalLink> })}
                            " · " <A href=page>{name.clone()}</A>
                        </li>
                    }
                    .into_any()
                }
                NextStep::NearestOffice(office) => {
                    let name = office.name.get(lang()).to_string();
                    let page = format!("{}/{}", paths::DIRECTORY, office.id);
                    view! { <li>{tr!(entry_next_nearest)} " " <A href=page>{name}</A></li> }.into_any()
                }
                NextStep::CentreToPublish => view! { <li>{tr!(entry_next_centre)}</li> }.into_any(),
            })
            .collect::<Vec<_>>()
    });
    view! {
        <p class="unknown">{missing}</p>
        {(!steps.is_empty()).then(|| view! { <ul class="next-steps">{steps}</ul> })}
    }
    .into_any()
}

/// "¿Algún dato está mal?": a message to the centre, prepared with the entry and the
/// fact chosen, by email or WhatsApp from the centre's own file; nothing is sent by the
/// app. Hidden when the centre has no channel. On a kiosk the links become QR codes.
#[component]
fn ReportWrongFact(entry: Arc<Entry>) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let centre = data
        .loaded
        .with_untracked(|l| l.as_ref().and_then(|l| l.content.centre.clone()));
    if centre.as_ref().is_none_or(|c| c.channels().is_empty()) {
        return ().into_any();
    }
    let field = RwSignal::new("phones".to_string());
    let id = entry.id.clone();
    let options = [
        ("phones", "entry_field_phones"),
        ("address.street", "entry_field_street"),
        ("hours", "entry_field_hours"),
        ("email", "entry_field_email"),
        ("service_area", "entry_field_service_area"),
        ("other", "entry_field_other"),
    ];
    let label = move |key: &str| match key {
        "entry_field_phones" => t_string!(i18n, entry_field_phones),
        "entry_field_street" => t_string!(i18n, entry_field_street),
        "entry_field_hours" => t_string!(i18n, entry_field_hours),
        "entry_field_email" => t_string!(i18n, entry_field_email),
        "entry_field_service_area" => t_string!(i18n, entry_field_service_area),
        _ => t_string!(i18n, entry_field_other),
    };
    let links = move || {
        let lang = lang_of(i18n.get_locale());
        report_links(centre.as_ref(), &id, &field.get(), lang)
            .into_iter()
            .map(|(channel, href)| match channel {
                Channel::Email(_) => {
                    view! { <ExternalLink class="button" href=href>{tr!(entry_report_email)}</ExternalLink> }.into_any()
                }
                Channel::WhatsApp(_) => {
                    view! { <ExternalLink class="button" href=href>{tr!(entry_report_whatsapp)}</ExternalLink> }
                        .into_any()
                }
            })
            .collect_view()
    };
    view! {
        <section class="report-fact">
            <h2>{tr!(entry_report_title)}</h2>
            <p>{tr!(entry_report_text)}</p>
            <label for="report-field">{tr!(entry_report_field)}</label>
            <select id="report-field" on:change=move |ev| field.set(event_target_value(&ev))>
                {options.into_iter().map(|(value, key)| view! { <option value=value>{move || label(key)}</option> }).collect_view()}
            </select>
            <p class="entry-actions">{links}</p>
        </section>
    }
    .into_any()
}

/// The address of the entry being shown, for sharing and the QR code, opening in the
/// language it is read in now (`core::text::link_language`).
fn page_url(lang: Lang) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    link_language::link(&format!("{origin}{path}"), lang, "")
}
