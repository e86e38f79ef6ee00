//! The results: the options that apply, most relevant first, each with why it is shown,
//! what is needed, what to do, the cost, warnings, where to go, sources and the review
//! date. The general warnings are always among them.

use crate::core::assessment::contacts::{Here, Relation, contacts_for, shown_contacts};
use crate::core::assessment::engine::{self, Shown};
use crate::core::assessment::line_mentions::line_mentions;
use crate::core::assessment::outcome_text::{self, NumberShown, SectionLabels, number_shown};
use crate::core::assessment::share_code;
use crate::core::content::Content;
use crate::core::directory::entry::Kind;
use crate::core::directory::links;
use crate::core::directory::phone_display::readable_number;
use crate::core::directory::search::Query;
use crate::core::text::lang::{Lang, Text};
use crate::core::text::link_language;
use crate::platform::format;
use crate::platform::share::{self, Shared};
use crate::ui::assessment::focused_heading;
use crate::ui::assessment::use_assessment;
use crate::ui::device::use_mode;
use crate::ui::directory_place::distance_words;
use crate::ui::i18n::td_string;
use crate::ui::language::use_i18n;
use crate::ui::language::{lang_of, locale_of};
use crate::ui::page::{followed_link, refocus_link};
use crate::ui::paths;
use crate::ui::text::t_string;
use crate::ui::text::{tr, tr_signal, tr_with};
use crate::ui::widgets::external_link::ExternalLink;
use crate::ui::widgets::qr_code::QrCode;
use crate::ui::widgets::read_aloud::ReadAloud;
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;
use wasm_bindgen_futures::spawn_local;

/// A contact as listed under an outcome.
#[derive(Clone)]
struct ContactLine {
    id: String,
    name: String,
    /// What to say of it and the person's place.
    relation: Option<Relation>,
    km: Option<f64>,
    alert: Option<String>,
    /// Its number to call, as stored (for `tel:`), if it has one.
    number: Option<String>,
    /// Its name already shows the number.
    number_in_name: bool,
}

#[component]
pub fn Results(content: Arc<Content>) -> impl IntoView {
    let i18n = use_i18n();
    let assessment = use_assessment();
    let heading = focused_heading();
    if let Some(href) = assessment.left_by.get_untracked() {
        assessment.left_by.set(None);
        refocus_link(".results", href);
    }
    let remember_link = move |ev: leptos::ev::MouseEvent| {
        if let Some(href) = followed_link(&ev) {
            assessment.left_by.set(Some(href));
        }
    };
    let c = content.clone();
    let list = move || {
        let lang = lang_of(i18n.get_locale());
        let answers = assessment.answers.get();
        let flow = assessment.flow(&c);
        let here = Here::of(flow, &c.directory, &answers);
        engine::outcomes(flow, &answers)
            .into_iter()
            .map(|shown| outcome_card(&c, &shown, here.as_ref(), lang))
            .collect_view()
    };
    view! {
        <h2 node_ref=heading tabindex="-1">{tr!(results_title)}</h2>
        <p class="notice">{
            let c = content.clone();
            move || match assessment.flow(&c) {
                flow if flow.is_assessment() => t_string!(i18n, assessment_disclaimer).to_string(),
                flow => flow.intro.get(lang_of(i18n.get_locale())).to_string(),
            }
        }</p>
        <div class="results" on:click=remember_link>{list}</div>
        <ShareResults content=content.clone() />
        <div class="results-actions no-print">
            {use_mode().opens_links().then(|| view! {
                <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{tr!(results_print)}</button>
            })}
            <button type="button" class="button" on:click=move |_| assessment.check()>{tr!(results_change_answers)}</button>
            <button type="button" class="button" on:click=move |_| assessment.start_again()>{tr!(results_start_again)}</button>
        </div>
    }
}

/// One option, rendered in `lang` (the list re-renders when the language changes).
fn outcome_card(content: &Content, shown: &Shown<'_>, here: Option<&Here>, lang: Lang) -> impl IntoView + use<> {
    let outcome = shown.outcome;
    let because: Vec<String> = shown
        .because
        .iter()
        .map(|(q, a)| {
            let (question, answer) = (q.prompt.get(lang), super::answer_in_words(q, a, lang));
            td_string!(
                locale_of(lang),
                results_because_line,
                question = question,
                answer = answer
            )
            .to_string()
        })
        .collect();
    let texts = |list: &[Text]| list.iter().map(|t| t.get(lang).to_string()).collect::<Vec<_>>();
    let (requirements, steps, warnings) = (
        texts(&outcome.requirements),
        texts(&outcome.steps),
        texts(&outcome.warnings),
    );
    let cost = outcome.cost.get(lang).to_string();
    // An entry's notice ("not confirmed to be still operating") goes with its name: a
    // person in danger should not learn it only after travelling there.
    let (contacts, more_consulates) = shown_contacts(contacts_for(outcome, &content.directory, here, lang));
    // The rest of the network is the directory's list of consulates, in the person's
    // country when known.
    let all_consulates = Query {
        kind: Some(Kind::Consulate),
        country: here.map(|h| h.country().to_string()).filter(|c| c != "ZZ"),
        ..Query::default()
    };
    let contacts: Vec<ContactLine> = contacts
        .into_iter()
        .map(|c| ContactLine {
            id: c.entry.id.clone(),
            name: c.entry.name.get(lang).to_string(),
            relation: c.relation(),
            km: c.km,
            alert: c.entry.alert.as_ref().map(|a| a.get(lang).to_string()),
            number: c.number_to_call().map(str::to_string),
            number_in_name: c.number_in_name(),
        })
        .collect();
    let sources: Vec<(String, Option<String>)> = outcome
        .sources
        .iter()
        .map(|s| (s.title.get(lang).to_string(), links::website_link(&s.url)))
        .collect();
    // Where to go next: another flow's page in the app, or a page to check an offer on
    // (a QR code on the kiosk, like every link out).
    let onward: Vec<(String, String, bool)> = outcome
        .links
        .iter()
        .filter_map(|l| match l.url.starts_with('/') {
            true => Some((l.title.get(lang).to_string(), l.url.clone(), true)),
            false => links::website_link(&l.url).map(|href| (l.title.get(lang).to_string(), href, false)),
        })
        .collect();
    let reviewed = format::calendar_date(&outcome.reviewed_on, lang.code());
    let spoken = {
        let locale = locale_of(lang);
        let labels = SectionLabels {
            requirements: td_string!(locale, results_requirements),
            steps: td_string!(locale, results_steps),
            cost: td_string!(locale, results_cost),
            warnings: td_string!(locale, results_warnings),
        };
        let text = outcome_text::spoken(outcome, lang, &labels);
        Callback::new(move |_| text.clone())
    };
    let list = |items: Vec<String>| items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view();
    // A number of the directory's in a step ("llame al 110") links to its line's page.
    let linked_steps = steps
        .iter()
        .map(|step| {
            let parts: Vec<(String, Option<String>)> = line_mentions(step, &content.directory)
                .into_iter()
                .map(|(piece, id)| (piece.to_string(), id.map(str::to_string)))
                .collect();
            view! {
                <li>{parts.into_iter().map(|(piece, id)| match id {
                    Some(id) => view! { <A href=paths::entry(&id) attr:class="inline-target">{piece}</A> }.into_any(),
                    None => piece.into_any(),
                }).collect_view()}</li>
            }
        })
        .collect_view();
    view! {
        <article class="outcome" id=format!("outcome-{}", outcome.id)>
            <h3>{outcome.title.get(lang).to_string()}</h3>
            <p>{outcome.summary.get(lang).to_string()}</p>
            <ReadAloud text=spoken about=outcome.title.get(lang).to_string() />
            {(!because.is_empty()).then(|| view! {
                <div class="because"><h4>{tr!(results_because)}</h4><ul>{list(because.clone())}</ul></div>
            })}
            {(!requirements.is_empty()).then(|| view! {
                <h4>{tr!(results_requirements)}</h4><ul class="checklist">{list(requirements.clone())}</ul>
            })}
            {(!steps.is_empty()).then(|| view! { <h4>{tr!(results_steps)}</h4><ol>{linked_steps}</ol> })}
            {(!cost.is_empty()).then(|| view! { <p class="cost"><strong>{tr!(results_cost)} ": "</strong>{cost.clone()}</p> })}
            {(!warnings.is_empty()).then(|| view! {
                <div class="notice notice-warning"><h4>{tr!(results_warnings)}</h4><ul>{list(warnings.clone())}</ul></div>
            })}
            {(!contacts.is_empty()).then(|| view! {
                <h4>{tr!(results_contacts)}</h4>
                <ul class="contacts">
                    {contacts.clone().into_iter().map(|ContactLine { id, name, relation, km, alert, number, number_in_name }| view! {
                        <li>
                            <A href=paths::entry(&id)>{name}</A>
                            // Called from here on a phone; on a shared device, and on
                            // paper, a number to write down.
                            {number.map(|n| {
                                let shown = readable_number(&n);
                                let call = links::call_link(&n).filter(|_| use_mode().opens_links());
                                match (number_shown(call.is_some(), number_in_name), call) {
                                    (NumberShown::CallButton, Some(href)) => view! {
                                        " · " <a class="contact-number no-print" href=href>{tr!(results_contact_call)}<span class="visually-hidden">" " {shown}</span></a>
                                    }.into_any(),
                                    (NumberShown::CallLink, Some(href)) => view! { " · " <a class="contact-number" href=href>{shown}</a> }.into_any(),
                                    (NumberShown::Written, _) => view! { " · " <span class="contact-number">{shown}</span> }.into_any(),
                                    _ => ().into_any(),
                                }
                            })}
                            {relation.map(|relation| view! {
                                " " <span class="tag">{match relation {
                                    Relation::Serves => tr!(results_contact_serves).into_any(),
                                    Relation::Near => tr!(results_contact_near).into_any(),
                                    Relation::ServesRelative => tr!(results_contact_serves_relative).into_any(),
                                    Relation::NearRelative => tr!(results_contact_near_relative).into_any(),
                                }}</span>
                            })}
                            {km.map(|km| view! { " " <span class="contact-distance">{distance_words(km, true, lang)}</span> })}
                            {alert.map(|alert| view! { <span class="contact-alert">{alert}</span> })}
                        </li>
                    }).collect_view()}
                </ul>
            })}
            {(more_consulates > 0).then(|| {
                let query = all_consulates.clone();
                view! {
                    <p class="contacts-more">
                        <A href=paths::DIRECTORY on:click=move |_| {
                            expect_context::<crate::ui::pages::DirectorySearch>().query.set(query.clone())
                        }>{tr_with!(results_contacts_more, count = more_consulates.to_string())}</A>
                    </p>
                }
            })}
            {(!onward.is_empty()).then(|| view! {
                <h4>{tr!(results_links)}</h4>
                <ul class="onward">
                    {onward.clone().into_iter().map(|(title, href, inside)| match inside {
                        true => view! { <li><A href=href>{title}</A></li> }.into_any(),
                        false => view! { <li><ExternalLink href=href.clone() new_tab=true>{title} " (" {href.clone()} ")"</ExternalLink></li> }.into_any(),
                    }).collect_view()}
                </ul>
            })}
            {(!sources.is_empty()).then(|| view! {
                <h4>{tr!(results_sources)}</h4>
                <ul class="sources">
                    {sources.clone().into_iter().map(|(title, href)| match href {
                        Some(href) => view! { <li><ExternalLink href=href.clone() new_tab=true>{title} " (" {href.clone()} ")"</ExternalLink></li> }.into_any(),
                        None => view! { <li>{title}</li> }.into_any(),
                    }).collect_view()}
                </ul>
            })}
            <p class="source">{tr_with!(results_reviewed, date = reviewed.clone())}</p>
        </article>
    }
}

/// The results as a link (answers in the fragment only) and its QR code.
#[component]
fn ShareResults(content: Arc<Content>) -> impl IntoView {
    let i18n = use_i18n();
    let assessment = use_assessment();
    let link = Signal::derive(move || {
        let origin = window().location().origin().unwrap_or_default();
        let code = assessment
            .answers
            .with(|a| share_code::encode(assessment.flow(&content), a));
        link_language::link(
            &format!("{origin}{}", assessment.path()),
            lang_of(i18n.get_locale()),
            &code,
        )
    });
    let copied = RwSignal::new(false);
    view! {
        <section class="share-results">
            <h3>{tr!(share_title)}</h3>
            <p>{tr!(share_text)}</p>
            <label for="share-link">{tr!(share_link_label)}</label>
            <input id="share-link" type="text" readonly prop:value=move || link.get() />
            // On the kiosk, copying lands on the tablet: the QR code is the way to take it.
            {use_mode().opens_links().then(|| view! {
                <p class="no-print">
                    <button type="button" class="button" on:click=move |_| {
                        let url = link.get_untracked();
                        // Cleared first, so a second copy is announced again.
                        copied.set(false);
                        spawn_local(async move { copied.set(share::copy(&url).await == Shared::Copied) });
                    }>{tr!(share_copy)}</button>
                    <span role="status">{move || copied.get().then(|| t_string!(i18n, share_copied))}</span>
                </p>
            })}
            <QrCode text=link label=tr_signal!(share_qr_label) />
        </section>
    }
}
