//! A flow's page: "¿Cuáles son mis opciones?" (the self-assessment, `/opciones`), "¿Es
//! real esta oferta de trabajo?" (`/oferta`) or any other flow the data has. The page
//! shows the screen the person is on; the screens are in `ui::assessment`, the same for
//! every flow.

use crate::core::assessment::share_code::{self, ShareError};
use crate::core::text::link_language;
use crate::ui::assessment::{
    CheckAnswers, QuestionScreen, Results, Screen, follow_screens_in_history, provide_current_flow, use_assessment,
};
use crate::ui::data::use_content;
use crate::ui::data_status::NoDataYet;
use crate::ui::device::use_mode;
use crate::ui::language::lang_of;
use crate::ui::language::use_i18n;
use crate::ui::page::{Page, focus_page_heading};
use crate::ui::text::t_string;
use crate::ui::text::tr;
use leptos::prelude::*;

#[component]
pub fn AssessmentPage(
    /// The flow's id, which is its page's path (`crate::ui::paths::FLOWS`).
    flow: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    provide_current_flow(flow);
    let assessment = use_assessment();
    let all_content = use_content();
    // The content, once it has this flow (a copy saved before the flow was published
    // has only the assessment).
    let content = Memo::new(move |_| all_content.get().filter(|c| c.flow_by_id(flow).is_some()));
    let is_assessment = flow == crate::core::assessment::flow::ASSESSMENT_ID;
    let title = Signal::derive(move || match is_assessment {
        true => t_string!(i18n, assessment_title).to_string(),
        false => content
            .with(|c| {
                c.as_ref()
                    .and_then(|c| c.flow_by_id(flow))
                    .map(|f| f.title.get(lang_of(i18n.get_locale())).to_string())
            })
            .unwrap_or_else(|| t_string!(i18n, home_offer_check_title).to_string()),
    });
    let intro = move |content: &crate::core::content::Content| match is_assessment {
        true => view! {
            <p class="lead">{tr!(assessment_intro)}</p>
            <p>{tr!(assessment_disclaimer)}</p>
        }
        .into_any(),
        false => {
            let flow = assessment.flow(content).clone();
            view! { <p class="lead">{move || flow.intro.get(lang_of(i18n.get_locale())).to_string()}</p> }.into_any()
        }
    };
    // A shared link (`/opciones#r1.…`): open its results once the content is here, then
    // take the answers out of the address bar so they do not linger in it. Also when
    // the link is opened in a tab already on this page (only the fragment changes).
    let link_error = RwSignal::new(None::<ShareError>);
    if !use_mode().is_shared() {
        follow_screens_in_history(assessment, content);
    }
    let hash_changed = Trigger::new();
    let listener = window_event_listener(leptos::ev::hashchange, move |_| hash_changed.notify());
    on_cleanup(move || listener.remove());
    // Back at the start ("Start again", or Back from the first question) the button
    // just pressed is gone; focus goes to the page heading, not the top of the page.
    Effect::new(move |previous: Option<bool>| {
        let at_start = assessment.screen.with(|s| *s == Screen::Start);
        if !at_start {
            // A broken share link's message is about the start page; once the person
            // has started afresh it would only be in the way.
            link_error.set(None);
        }
        if at_start && previous == Some(false) {
            focus_page_heading();
        }
        at_start
    });
    Effect::new(move |_| {
        hash_changed.track();
        let Some(content) = content.get() else { return };
        let hash = window().location().hash().unwrap_or_default();
        // The language the link was made in, if any, was read when the app started.
        let (_, code) = link_language::read(&hash);
        if !code.is_empty() {
            match share_code::decode(assessment.flow(&content), code) {
                Ok(answers) => assessment.open_shared(answers),
                Err(error) => {
                    assessment.start_again();
                    link_error.set(Some(error));
                }
            }
            let path = window().location().pathname().unwrap_or_default();
            let _ = window()
                .history()
                .and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path)));
        }
    });
    view! {
        <Page title=title>
            {move || link_error.get().map(|error| view! {
                <p class="notice notice-warning" role="alert">{move || match error {
                    ShareError::Malformed => t_string!(i18n, share_error_malformed),
                    ShareError::OtherVersion => t_string!(i18n, share_error_version),
                    ShareError::Tampered => t_string!(i18n, share_error_tampered),
                }}</p>
            })}
            {move || match (content.get(), assessment.screen.get()) {
                (None, _) if is_assessment => view! { <NoDataYet missing=|l| crate::ui::i18n::td_string!(l, assessment_no_data) /> }.into_any(),
                (None, _) => view! { <NoDataYet missing=|l| crate::ui::i18n::td_string!(l, flow_no_data) /> }.into_any(),
                (Some(content), Screen::Start) => view! {
                    {assessment.can_undo_start_again().then(|| {
                        let flow = content.clone();
                        view! {
                            <p class="notice" role="status">
                                {tr!(start_again_done)} " "
                                <button type="button" class="button button-small" on:click=move |_| assessment.undo_start_again(assessment.flow(&flow))>
                                    {tr!(start_again_undo)}
                                </button>
                            </p>
                        }
                    })}
                    {intro(&content)}
                    <p>{tr!(assessment_privacy)}</p>
                    <button type="button" class="button button-primary button-large" on:click=move |_| assessment.resume(assessment.flow(&content))>
                        {tr!(assessment_start)}
                    </button>
                }.into_any(),
                (Some(content), Screen::Question(id)) => view! { <QuestionScreen content id /> }.into_any(),
                (Some(content), Screen::Check) => view! { <CheckAnswers content /> }.into_any(),
                (Some(content), Screen::Results) => view! { <Results content /> }.into_any(),
            }}
        </Page>
    }
}
