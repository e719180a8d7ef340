use yew::prelude::*;

use crate::engine::{safety_questions, Response};
use crate::kb::KB;
use crate::ui::context::Ui;
use crate::ui::state::{Action, State, Step};
use crate::ui::widgets::question::grouped_questions;

/// Red-flag questions first (CLINICAL.md rule 1), grouped, with one "None of these" answer.
/// An emergency answer stops the flow at once (the reducer asks the engine); "not sure" on an
/// emergency question is explained and asked again (rule 2); `App` moves focus to that panel.
pub fn safety_step(ui: &Ui, state: &State, dispatch: &Callback<Action>) -> Html {
    let m = ui.m;
    let questions = safety_questions(&state.answers);
    let onanswer = {
        let dispatch = dispatch.clone();
        Callback::from(move |(id, response): (&'static str, Option<Response>)| {
            dispatch.emit(Action::AnswerSafety(id, response))
        })
    };
    let recheck = recheck_panel(ui, state, dispatch);
    let answered_any = questions.iter().any(|q| {
        matches!(
            state.answers.response(q.id),
            Some(Response::Yes | Response::Unsure)
        )
    });
    let onfinish = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::FinishSafety))
    };
    let age_unresolved = state.age_unresolved();
    let age_first = age_unresolved.then(|| {
        html! { <p class="hc-hint" id={ui.id("age-first")}>{ m.safety_age_first }</p> }
    });
    let onback = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::GoTo(Step::Start)))
    };

    html! {
        <div key="safety" class="hc-step hc-safety">
            <h2 class="hc-step-heading" tabindex="-1">{ m.safety_heading }</h2>
            <p class="hc-lead">{ m.safety_intro }</p>
            <div class="hc-actions hc-actions-top">
                <button type="button" class="hc-button hc-primary" onclick={onfinish.clone()}
                    disabled={answered_any || age_unresolved}
                    aria-describedby={age_unresolved.then(|| AttrValue::from(ui.id("age-first")))}>
                    { m.safety_none }
                </button>
            </div>
            { for age_first }
            { for recheck }
            { grouped_questions(ui, questions, &state.answers, false, &onanswer) }
            <div class="hc-actions">
                <button type="button" class="hc-button" onclick={onback}>{ m.back_button }</button>
                <button type="button" class="hc-button hc-primary" onclick={onfinish}
                    disabled={age_unresolved}>
                    { if answered_any { m.safety_continue } else { m.safety_none } }
                </button>
            </div>
        </div>
    }
}

/// "Not sure" on an emergency question: what it means, and the question again (CLINICAL.md
/// rule 2).
fn recheck_panel(ui: &Ui, state: &State, dispatch: &Callback<Action>) -> Option<Html> {
    let m = ui.m;
    state.recheck.and_then(|id| KB.finding(id)).map(|finding| {
        let button = |response: Response, label: &'static str, primary: bool| {
            let dispatch = dispatch.clone();
            html! {
                <button type="button" class={if primary { "hc-button hc-primary" } else { "hc-button" }}
                    onclick={Callback::from(move |_| dispatch.emit(Action::Recheck(response)))}>{ label }</button>
            }
        };
        // The question's help comes with the after-Start text; until it has arrived, its rule's
        // reason (compiled in) explains it, so the explanation never waits (CLINICAL.md rule 2).
        let explanation = match finding.help.get() {
            "" => finding.why,
            help => help,
        };
        html! {
            <div class="hc-card hc-recheck" role="group" tabindex="-1"
                aria-labelledby={ui.id("recheck-title")} aria-describedby={ui.id("recheck-help")}>
                <h3 id={ui.id("recheck-title")}>{ m.unsure_heading }</h3>
                <p class="hc-recheck-question"><strong>{ finding.question.get() }</strong></p>
                <p id={ui.id("recheck-help")}>{ explanation }{ " " }{ m.unsure_text }</p>
                <div class="hc-actions">
                    { button(Response::Yes, m.yes, false) }
                    { button(Response::No, m.no, false) }
                    { button(Response::Unsure, m.unsure_still, false) }
                </div>
            </div>
        }
    })
}
