//! "Check your answers": every answer that still applies, each with a way to change it.
//! Changing one asks again only the questions that then apply.

use crate::core::assessment::engine;
use crate::core::content::Content;
use crate::ui::assessment::focused_heading;
use crate::ui::assessment::use_assessment;
use crate::ui::device::use_mode;
use crate::ui::language::lang_of;
use crate::ui::language::use_i18n;
use crate::ui::text::t_string;
use crate::ui::text::tr;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn CheckAnswers(content: Arc<Content>) -> impl IntoView {
    let i18n = use_i18n();
    let assessment = use_assessment();
    let heading = focused_heading();
    let mode = use_mode();
    let flow = content.clone();
    let see_results = move |_| assessment.see_results(mode, assessment.flow(&flow));
    let rows = move || {
        let lang = lang_of(i18n.get_locale());
        assessment.answers.with(|answers| {
            engine::answered_questions(assessment.flow(&content), answers)
                .into_iter()
                .map(|q| {
                    let answer = answers
                        .get(&q.id)
                        .map(|a| super::answer_in_words(q, a, lang))
                        .unwrap_or_default();
                    let prompt = q.prompt.get(lang).to_string();
                    let id = q.id.clone();
                    let label = t_string!(i18n, check_change_label, question = prompt.clone()).to_string();
                    view! {
                        <div class="check-row">
                            <dt>{prompt}</dt>
                            <dd>{answer}</dd>
                            <dd>
                                <button type="button" class="button button-small" aria-label=label
                                    on:click=move |_| assessment.change(&id)>
                                    {tr!(check_change)}
                                </button>
                            </dd>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <h2 node_ref=heading tabindex="-1">{tr!(check_title)}</h2>
        <dl class="check-answers">{rows}</dl>
        <button type="button" class="button button-primary" on:click=see_results>
            {tr!(see_results)}
        </button>
    }
}
