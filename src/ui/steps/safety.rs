use yew::prelude::*;

use crate::engine::{safety_questions, Response};
use crate::kb::{Finding, KB};
use crate::ui::context::Ui;
use crate::ui::state::{Action, State, Step};
use crate::ui::widgets::question::grouped_questions;

/// Red-flag questions first (CLINICAL.md rule 1), grouped, with one "None of these" answer.
/// An emergency answer stops the flow at once (the reducer asks the engine); "not sure" on an
/// emergency question is explained and asked again (rule 2); `App` moves focus to that panel.
pub fn safety_step(ui: &Ui, state: &State, dispatch: &Callback<Action>) -> Html {
    let m = ui.m;
    let list = TickList {
        heading: m.safety_heading,
        step_heading: true,
        intro: m.safety_intro,
        questions: safety_questions(&state.answers),
        // An unknown age must be settled by an answer first (CLINICAL.md rule 10).
        hold: state.age_unresolved().then_some(m.safety_age_first),
        onback: dispatch.reform(|_| Action::GoTo(Step::Start)),
        onfinish: dispatch.reform(|_| Action::FinishSafety),
    };
    html! {
        <div key="safety" class="hc-step hc-safety">{ tick_list(ui, state, dispatch, list) }</div>
    }
}

/// A screen of questions answered by ticking Yes or Not sure, the rest left as "no": the
/// safety screen, and "Do any of these apply to you?" (issue 23).
pub struct TickList {
    pub heading: &'static str,
    /// The step's own heading (`h2`, groups under `h3`), or a part of a step (`h3`, groups
    /// under `h4`).
    pub step_heading: bool,
    pub intro: &'static str,
    pub questions: Vec<&'static Finding>,
    /// Why the answer buttons wait, shown above the list.
    pub hold: Option<&'static str>,
    pub onback: Callback<MouseEvent>,
    pub onfinish: Callback<MouseEvent>,
}

/// "None of these apply to me" at the top and the bottom ("Continue" once something is ticked);
/// the questions grouped; the emergency re-check panel when one is open.
pub fn tick_list(ui: &Ui, state: &State, dispatch: &Callback<Action>, list: TickList) -> Html {
    let m = ui.m;
    let answered_any = list.questions.iter().any(|q| {
        matches!(
            state.answers.response(q.id),
            Some(Response::Yes | Response::Unsure)
        )
    });
    let onanswer = dispatch.reform(|(id, response): (&'static str, Option<Response>)| {
        Action::AnswerSafety(id, response)
    });
    let held = list.hold.is_some();
    let described = held.then(|| AttrValue::from(ui.id("age-first")));
    // Nothing to tick: only Back and Continue.
    let empty = list.questions.is_empty();
    html! {
        <>
            if list.step_heading {
                <h2 class="hc-step-heading" tabindex="-1">{ list.heading }</h2>
            } else if !empty {
                <h3 class="hc-together-heading">{ list.heading }</h3>
            }
            if !empty {
                <p class="hc-lead">{ list.intro }</p>
                <div class="hc-actions hc-actions-top">
                    <button type="button" class="hc-button hc-primary" onclick={list.onfinish.clone()}
                        disabled={answered_any || held} aria-describedby={described.clone()}>
                        { m.safety_none }
                    </button>
                </div>
            }
            if let Some(hint) = list.hold {
                <p class="hc-hint" id={ui.id("age-first")}>{ hint }</p>
            }
            { for recheck_panel(ui, state, dispatch) }
            { grouped_questions(ui, list.questions, &state.answers, !list.step_heading, &onanswer) }
            <div class="hc-actions">
                <button type="button" class="hc-button" onclick={list.onback}>{ m.back_button }</button>
                <button type="button" class="hc-button hc-primary" onclick={list.onfinish}
                    disabled={held} aria-describedby={described}>
                    { if answered_any || empty { m.safety_continue } else { m.safety_none } }
                </button>
            </div>
        </>
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
