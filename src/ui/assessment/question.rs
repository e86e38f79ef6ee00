//! One question per screen: the prompt, why we ask, large answer buttons (or boxes,
//! a number, a place), progress, Back, and read aloud.

use crate::core::assessment::answers::Answer;
use crate::core::assessment::engine;
use crate::core::assessment::flow::{Question, QuestionKind};
use crate::core::content::Content;
use crate::core::directory::geo::known_countries;
use crate::core::directory::place::{DEFAULT_COUNTRY, OTHER_COUNTRY, read_place};
use crate::platform::format;
use crate::ui::assessment::focused_heading;
use crate::ui::assessment::use_assessment;
use crate::ui::directory_place::RegionSuggestions;
use crate::ui::language::lang_of;
use crate::ui::language::use_i18n;
use crate::ui::text::t_string;
use crate::ui::text::{tr, tr_with};
use crate::ui::widgets::read_aloud::ReadAloud;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

#[component]
pub fn QuestionScreen(content: Arc<Content>, id: String) -> impl IntoView {
    let i18n = use_i18n();
    let assessment = use_assessment();
    let Some(question) = assessment.flow(&content).question(&id).cloned() else {
        assessment.resume(assessment.flow(&content));
        return ().into_any();
    };
    let lang = move || lang_of(i18n.get_locale());
    let progress = assessment
        .answers
        .with_untracked(|a| engine::progress(assessment.flow(&content), a, &question.id));
    let (n, total) = (progress.number, progress.total);
    let heading = focused_heading();
    let current = assessment.answers.with_untracked(|a| a.get(&question.id).cloned());
    let q = question.clone();
    let speak = Callback::new(move |_| {
        let l = lang_of(i18n.get_locale_untracked());
        let options: Vec<&str> = q.options.iter().map(|o| o.label.get(l)).collect();
        format!("{}. {}. {}", q.prompt.get(l), q.why.get(l), options.join(". "))
    });
    let (flow_for_back, from) = (content.clone(), question.id.clone());
    let q = question.clone();
    view! {
        <div class="question">
            <p class="progress-text" id="question-progress">{tr_with!(question_progress, n = n, total = total)}</p>
            <progress class="progress" max=total value=n - 1 aria-hidden="true"></progress>
            <h2 node_ref=heading tabindex="-1" class="question-prompt" id="question-prompt" aria-describedby="question-progress">{move || q.prompt.get(lang()).to_string()}</h2>
            <p class="why"><strong>{tr!(why_we_ask)}</strong> " " {let q = question.clone(); move || q.why.get(lang()).to_string()}</p>
            <ReadAloud text=speak />
            <AnswerInput content=content.clone() question=question.clone() current=current />
            <button type="button" class="button back-button" on:click=move |_| assessment.back(assessment.flow(&flow_for_back), &from)>
                <span aria-hidden="true">"← "</span>{tr!(back)}
            </button>
        </div>
    }
    .into_any()
}

#[component]
fn AnswerInput(content: Arc<Content>, question: Question, current: Option<Answer>) -> impl IntoView {
    match question.kind {
        QuestionKind::SingleChoice => view! { <SingleChoice content question current /> }.into_any(),
        QuestionKind::MultipleChoice => view! { <MultipleChoice content question current /> }.into_any(),
        QuestionKind::Number => view! { <NumberInput content question current /> }.into_any(),
        QuestionKind::Place => view! { <PlaceInput content question current /> }.into_any(),
    }
}

#[component]
fn SingleChoice(content: Arc<Content>, question: Question, current: Option<Answer>) -> impl IntoView {
    let i18n = use_i18n();
    let assessment = use_assessment();
    let lang = move || lang_of(i18n.get_locale());
    let buttons = question
        .options
        .iter()
        .map(|option| {
            let chosen = current == Some(Answer::Choice(option.id.clone()));
            let (content, qid, oid, label) = (
                content.clone(),
                question.id.clone(),
                option.id.clone(),
                option.label.clone(),
            );
            view! {
                <li>
                    // The earlier answer, after Back or "Cambiar": marked by a tick and
                    // in words (not aria-pressed: the button answers, it toggles nothing).
                    <button
                        type="button"
                        class="button answer-button"
                        class:answer-chosen=chosen
                        on:click=move |_| assessment.answer(assessment.flow(&content), &qid, Answer::Choice(oid.clone()))
                    >
                        {chosen.then(|| view! { <span class="answer-tick" aria-hidden="true">"✓"</span> })}
                        {move || label.get(lang()).to_string()}
                        {chosen.then(|| view! { <span class="visually-hidden">" " {tr!(answer_chosen)}</span> })}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="answers" role="list">{buttons}</ul> }
}

#[component]
fn MultipleChoice(content: Arc<Content>, question: Question, current: Option<Answer>) -> impl IntoView {
    let i18n = use_i18n();
    let assessment = use_assessment();
    let lang = move || lang_of(i18n.get_locale());
    let ticked = RwSignal::new(match current {
        Some(Answer::Choices(set)) => set,
        _ => BTreeSet::new(),
    });
    let boxes = question
        .options
        .iter()
        .map(|option| {
            let (id, label) = (option.id.clone(), option.label.clone());
            let input_id = format!("answer-{}-{}", question.id, option.id);
            let checked = {
                let id = id.clone();
                move || ticked.with(|t| t.contains(&id))
            };
            view! {
                <li class="checkbox">
                    <input
                        type="checkbox"
                        id=input_id.clone()
                        prop:checked=checked
                        on:change=move |_| ticked.update(|t| if !t.remove(&id) { t.insert(id.clone()); })
                    />
                    <label for=input_id>{move || label.get(lang()).to_string()}</label>
                </li>
            }
        })
        .collect_view();
    let qid = question.id.clone();
    view! {
        // The group is named by the question and then the hint, as a sighted person
        // reads them; the legend alone ("Marque todas…") says nothing of what to mark.
        <fieldset class="answers-fieldset" aria-labelledby="question-prompt answers-hint">
            <legend class="hint" id="answers-hint">{tr!(multiple_hint)}</legend>
            <ul class="answers" role="list">{boxes}</ul>
        </fieldset>
        <button type="button" class="button button-primary" on:click=move |_| {
            assessment.answer(assessment.flow(&content), &qid, Answer::Choices(ticked.get_untracked()))
        }>{tr!(continue_button)}</button>
    }
}

#[component]
fn NumberInput(content: Arc<Content>, question: Question, current: Option<Answer>) -> impl IntoView {
    let assessment = use_assessment();
    let (min, max) = question.bounds();
    let value = RwSignal::new(match current {
        Some(Answer::Number(n)) => n.to_string(),
        _ => String::new(),
    });
    let invalid = RwSignal::new(false);
    let input_id = format!("answer-{}", question.id);
    let submit = move || match question.number_answer(&value.get_untracked()) {
        Some(answer) => assessment.answer(assessment.flow(&content), &question.id, answer),
        None => invalid.set(true),
    };
    let submit_on_enter = submit.clone();
    view! {
        <div class="number-answer">
            <label for=input_id.clone() class="hint" id="number-hint">{tr_with!(number_hint, min = min, max = max)}</label>
            <input
                id=input_id
                aria-labelledby="question-prompt number-hint"
                aria-describedby=move || invalid.get().then_some("number-error")
                // Text, not type=number: Chromium reports a half-typed "2." as empty,
                // and "2.5" ended up as 52. What was typed is checked as typed.
                type="text"
                inputmode="numeric"
                autocomplete="off"
                prop:value=move || value.get()
                aria-invalid=move || invalid.get().to_string()
                on:input=move |ev| { value.set(event_target_value(&ev)); invalid.set(false); }
                on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" { submit_on_enter() }
            />
            <Show when=move || invalid.get()>
                <p class="error" role="alert" id="number-error">{tr_with!(number_invalid, min = min, max = max)}</p>
            </Show>
        </div>
        <button type="button" class="button button-primary" on:click=move |_| submit()>{tr!(continue_button)}</button>
    }
}

#[component]
fn PlaceInput(content: Arc<Content>, question: Question, current: Option<Answer>) -> impl IntoView {
    let i18n = use_i18n();
    let assessment = use_assessment();
    let lang = move || lang_of(i18n.get_locale());
    let (country0, region0) = match current {
        Some(Answer::Place { country, region }) => (country, region.unwrap_or_default()),
        _ => (DEFAULT_COUNTRY.to_string(), String::new()),
    };
    let country = RwSignal::new(country0);
    let region = RwSignal::new(region0);
    let (country_id, region_id) = (
        format!("answer-{}-country", question.id),
        format!("answer-{}-region", question.id),
    );
    let options = move || {
        let mut list: Vec<(String, String)> = known_countries()
            .map(|c| (c.to_string(), format::country_name(c, lang().code())))
            .collect();
        list.push((
            OTHER_COUNTRY.to_string(),
            t_string!(i18n, place_other_country).to_string(),
        ));
        list.into_iter()
            .map(|(code, name)| {
                let selected = country.get_untracked() == code;
                view! { <option value=code selected=selected>{name}</option> }
            })
            .collect_view()
    };
    let qid = question.id.clone();
    let flow = content.clone();
    // A place the app cannot locate (a town) is said once, with what would work; a second
    // "Continuar" goes on with it as typed.
    let not_recognised = RwSignal::new(None::<String>);
    let submit = move || {
        let r = region.get_untracked().trim().to_string();
        let c = country.get_untracked();
        let unknown = read_place(&flow.directory, &c, &r).is_unknown();
        if unknown && not_recognised.with_untracked(|n| n.as_deref() != Some(r.as_str())) {
            not_recognised.set(Some(r));
            return;
        }
        assessment.answer(
            assessment.flow(&flow),
            &qid,
            Answer::Place {
                country: c,
                region: (!r.is_empty()).then_some(r),
            },
        )
    };
    let submit_on_enter = submit.clone();
    view! {
        <div class="place-answer">
            <label for=country_id.clone()>{tr!(place_country)}</label>
            <select id=country_id on:change=move |ev| country.set(event_target_value(&ev))>{options}</select>
            <label for=region_id.clone()>{tr!(place_region)}</label>
            <input id=region_id type="text" list="place-regions" autocomplete="off"
                aria-describedby=move || not_recognised.with(Option::is_some).then_some("place-not-recognised")
                prop:value=move || region.get() on:input=move |ev| region.set(event_target_value(&ev))
                // As in the number field and the directory's place picker: Enter goes on.
                on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" {
                    // What the field holds now, a suggestion just picked included.
                    region.set(event_target_value(&ev));
                    submit_on_enter()
                } />
            <RegionSuggestions id="place-regions" content=content.clone() country=country />
            {move || not_recognised.get().map(|place| view! {
                <p class="notice" role="alert" id="place-not-recognised">{tr_with!(place_not_recognised, place = place)}</p>
            })}
        </div>
        <button type="button" class="button button-primary" on:click=move |_| submit()>{tr!(continue_button)}</button>
    }
}
