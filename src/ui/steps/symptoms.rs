use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::engine::{symptom_questions, Onset, Response};
use crate::ui::context::Ui;
use crate::ui::state::{Action, State, Step};
use crate::ui::widgets::choice::choice;
use crate::ui::widgets::question::question;

/// Only the questions relevant to the picked areas (the engine decides which), then pain now,
/// how long and how it started.
pub fn symptoms_step(ui: &Ui, state: &State, dispatch: &Callback<Action>) -> Html {
    let m = ui.m;
    let answers = &state.answers;
    let onanswer = {
        let dispatch = dispatch.clone();
        Callback::from(move |(id, response): (&'static str, Option<Response>)| {
            dispatch.emit(Action::AnswerFinding(id, response))
        })
    };
    let onpain = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                if let Ok(value) = input.value().parse::<u8>() {
                    dispatch.emit(Action::SetPainNow(value));
                }
            }
        })
    };
    let pain = answers.pain_now.unwrap_or(0);
    let duration_options = m.durations.iter().map(|&(label, weeks)| {
        choice(
            ui.id("duration").into(),
            label,
            answers.duration_weeks == Some(weeks),
            dispatch.reform(move |_| Action::SetDuration(weeks)),
        )
    });
    let onset_option = |onset: Onset, label: &'static str| {
        choice(
            ui.id("onset").into(),
            label,
            answers.onset == Some(onset),
            dispatch.reform(move |_| Action::SetOnset(onset)),
        )
    };
    let go = |step: Step| {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::GoTo(step)))
    };

    html! {
        <div key="symptoms" class="hc-step hc-symptoms">
            <h2 class="hc-step-heading" tabindex="-1">{ m.symptoms_heading }</h2>
            <p class="hc-lead">{ m.symptoms_intro }</p>
            <div class="hc-field hc-pain-now">
                <label for={ui.id("pain-now")}>{ m.pain_now_label }{ ": " }<output class="hc-pain-value">{ answers.pain_now.map_or_else(|| m.pain_not_given.to_string(), |p| format!("{p}/10")) }</output></label>
                <input id={ui.id("pain-now")} type="range" min="0" max="10" step="1" value={pain.to_string()}
                    oninput={onpain} aria-valuetext={answers.pain_now.map_or_else(|| m.pain_not_given.to_string(), |p| format!("{p}/10"))} />
                <div class="hc-range-ends" aria-hidden="true"><span>{ m.pain_now_ends.0 }</span><span>{ m.pain_now_ends.1 }</span></div>
            </div>
            <fieldset class="hc-question">
                <legend>{ m.duration_legend }</legend>
                <div class="hc-choices hc-choices-wrap">{ for duration_options }</div>
            </fieldset>
            <fieldset class="hc-question">
                <legend>{ m.onset_legend }</legend>
                <div class="hc-choices hc-choices-wrap">
                    { onset_option(Onset::Sudden, m.onset_sudden) }
                    { onset_option(Onset::Gradual, m.onset_gradual) }
                </div>
            </fieldset>
            { for symptom_questions(answers).into_iter().map(|finding| question(ui, finding, answers.response(finding.id), &onanswer)) }
            <div class="hc-actions">
                <button type="button" class="hc-button" onclick={go(Step::Where)}>{ m.back_button }</button>
                <button type="button" class="hc-button hc-primary" onclick={go(Step::Results)}>{ m.see_results }</button>
            </div>
        </div>
    }
}
