//! "¿Cuáles son mis opciones?": the self-assessment. The page shows the screen the
//! person is on; the screens are in `ui::assessment`.

use crate::ui::assessment::{CheckAnswers, QuestionScreen, Results, Screen, use_assessment};
use crate::ui::data::use_data;
use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::page::Page;
use leptos::prelude::*;

#[component]
pub fn AssessmentPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let assessment = use_assessment();
    let content = Memo::new(move |_| data.loaded.with(|l| l.as_ref().map(|l| l.content.clone())));
    view! {
        <Page title=Signal::derive(move || t_string!(i18n, assessment_title).to_string())>
            {move || match (content.get(), assessment.screen.get()) {
                (None, _) => view! { <p class="notice">{t!(i18n, assessment_no_data)}</p> }.into_any(),
                (Some(content), Screen::Start) => view! {
                    <p class="lead">{t!(i18n, assessment_intro)}</p>
                    <p>{t!(i18n, assessment_disclaimer)}</p>
                    <p>{t!(i18n, assessment_privacy)}</p>
                    <button type="button" class="button button-primary button-large" on:click=move |_| assessment.resume(&content.flow)>
                        {t!(i18n, assessment_start)}
                    </button>
                }.into_any(),
                (Some(content), Screen::Question(id)) => view! { <QuestionScreen content id /> }.into_any(),
                (Some(content), Screen::Check) => view! { <CheckAnswers content /> }.into_any(),
                (Some(content), Screen::Results) => view! { <Results content /> }.into_any(),
            }}
        </Page>
    }
}
