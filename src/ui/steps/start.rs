use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::engine::Sex;
use crate::ui::context::Ui;
use crate::ui::state::{Action, Notice, State, Step};
use crate::ui::widgets::choice::choice;
use crate::ui::widgets::list_items::list_items;

/// What this is, the emergency line, and a little about the person.
pub fn start_step(ui: &Ui, state: &State, dispatch: &Callback<Action>) -> Html {
    let m = ui.m;
    let onstart = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.emit(Action::GoTo(Step::Safety));
        })
    };
    html! {
        <div key="start" class="hc-step hc-start">
            <h2 class="hc-step-heading" tabindex="-1">{ m.start_heading }</h2>
            { for notice(ui, state, dispatch) }
            <p class="hc-emergency-line"><strong>{ m.emergency_first }</strong></p>
            <ul class="hc-points">
                { list_items(&mut m.start_points.iter().copied()) }
            </ul>
            { for resume(ui, state, dispatch) }
            // `method="dialog"`: the same form is in the page before the wasm (scripts/postbuild.mjs), and
            // a press before any script has run must not navigate.
            <form class="hc-form" method="dialog" onsubmit={onstart} novalidate=true>
                { age_field(ui, state, dispatch) }
                { about_you(ui, state, dispatch) }
                <div class="hc-actions">
                    <button type="submit" class="hc-button hc-primary" disabled={state.age_invalid()}>{ m.start_button }</button>
                </div>
            </form>
        </div>
    }
}

/// What happened to the answers saved on this device, when it was not simply offered back.
fn notice(ui: &Ui, state: &State, dispatch: &Callback<Action>) -> Option<Html> {
    let m = ui.m;
    let text = match state.notice? {
        Notice::SavedDiscarded => m.saved_discarded,
        Notice::SavedNewer => m.saved_newer,
    };
    let dispatch = dispatch.clone();
    Some(html! {
        <div class="hc-notice" role="status">
            <p>{ text }</p>
            <button type="button" class="hc-link" onclick={Callback::from(move |_| dispatch.emit(Action::DismissNotice))}>{ m.dismiss }</button>
        </div>
    })
}

/// A visit saved on this device, offered back.
fn resume(ui: &Ui, state: &State, dispatch: &Callback<Action>) -> Option<Html> {
    let m = ui.m;
    state.resume.as_ref().map(|_| {
        let dispatch = dispatch.clone();
        let dispatch2 = dispatch.clone();
        html! {
            <div class="hc-card hc-resume" role="group" aria-labelledby={ui.id("resume")}>
                <h3 id={ui.id("resume")}>{ m.resume_heading }</h3>
                <p>{ m.resume_text }</p>
                <div class="hc-actions">
                    <button type="button" class="hc-button hc-primary" onclick={Callback::from(move |_| dispatch.emit(Action::Resume))}>
                        { m.resume_continue }
                    </button>
                    <button type="button" class="hc-button" onclick={Callback::from(move |_| dispatch2.emit(Action::StartOver))}>
                        { m.resume_start_over }
                    </button>
                </div>
            </div>
        }
    })
}

fn age_field(ui: &Ui, state: &State, dispatch: &Callback<Action>) -> Html {
    let m = ui.m;
    let age_invalid = state.age_invalid();
    let onage = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                dispatch.emit(Action::SetAgeText(input.value()));
            }
        })
    };
    let age_hint_id = ui.id("age-hint");
    let age_error_id = ui.id("age-error");
    html! {
        <div class="hc-field">
            <label for={ui.id("age")}>{ m.age_label }</label>
            // Text with a numeric keypad, not type="number", which hides what was typed
            // when it is not a number ("52e") and so could not say it is wrong.
            <input id={ui.id("age")} class="hc-input hc-age" type="text" inputmode="numeric"
                autocomplete="off" spellcheck="false" value={state.age_text.clone()} oninput={onage}
                aria-invalid={age_invalid.to_string()}
                aria-describedby={if age_invalid { format!("{age_hint_id} {age_error_id}") } else { age_hint_id.clone() }} />
            <p id={age_hint_id.clone()} class="hc-hint">{ m.age_hint }</p>
            if age_invalid { <p id={age_error_id} class="hc-error">{ m.age_invalid }</p> }
        </div>
    }
}

/// Sex and whether the person runs.
fn about_you(ui: &Ui, state: &State, dispatch: &Callback<Action>) -> Html {
    let m = ui.m;
    let answers = &state.answers;
    let sex_option = |value: Option<Sex>, label: &'static str| {
        choice(
            ui.id("sex").into(),
            label,
            answers.sex == value,
            dispatch.reform(move |_| Action::SetSex(value)),
        )
    };
    let runner_option = |value: bool, label: &'static str| {
        choice(
            ui.id("runner").into(),
            label,
            answers.runner == value,
            dispatch.reform(move |_| Action::SetRunner(value)),
        )
    };
    html! {
        <>
            <fieldset class="hc-question">
                <legend>{ m.sex_legend }</legend>
                <div class="hc-choices">
                    { sex_option(Some(Sex::Female), m.sex_female) }
                    { sex_option(Some(Sex::Male), m.sex_male) }
                    { sex_option(Some(Sex::Other), m.sex_other) }
                    { sex_option(None, m.sex_skip) }
                </div>
            </fieldset>
            <fieldset class="hc-question">
                <legend>{ m.runner_legend }</legend>
                <div class="hc-choices">
                    { runner_option(true, m.yes) }
                    { runner_option(false, m.no) }
                </div>
            </fieldset>
        </>
    }
}
