use crate::texts::fill;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::engine::{interview, questions_together, symptom_questions, Onset, Response};
use crate::kb::{Finding, FindingKind, KB};
use crate::ui::context::Ui;
use crate::ui::results_text::{self, Status};
use crate::ui::state::{Action, State, Step};
use crate::ui::steps::safety::{tick_list, TickList};
use crate::ui::widgets::choice::choice;
use crate::ui::widgets::question::grouped_questions;

/// "About your pain": first how much, how long and how it started; then one question at a
/// time, only those that can still change the result (the engine decides), with large answer
/// buttons that move on by themselves; then, once the result cannot change, the way to it and
/// every answer, changeable in place.
///
/// One question at a time on every screen width: the same flow to learn, one decision per
/// screen, and focus always on the question being asked (a list on wide screens would bring
/// back the long page that hid which questions mattered).
pub fn symptoms_step(
    ui: &Ui,
    state: &State,
    dispatch: &Callback<Action>,
    text_status: Status,
) -> Html {
    let m = ui.m;
    let body = if !state.interview.asking {
        about_pain(ui, state, dispatch)
    } else if let Some(finding) = state.current_question() {
        if finding.question.get().is_empty() {
            wording_waiting(ui, dispatch, text_status)
        } else {
            one_question(ui, state, dispatch, finding)
        }
    } else {
        settled(ui, state, dispatch)
    };
    html! {
        <div key="symptoms" class="hc-step hc-symptoms">
            <h2 class="hc-step-heading" tabindex="-1">{ m.symptoms_heading }</h2>
            { body }
        </div>
    }
}

/// Pain now, how long, how it started: these set facts of their own (severe pain, a recent or
/// long-standing problem, a sudden start), so they are always asked.
/// The answers to "how long", in weeks, in the order of the wording's `durations`.
const DURATION_WEEKS: [f32; 4] = [1.0, 4.0, 9.0, 16.0];

fn about_pain(ui: &Ui, state: &State, dispatch: &Callback<Action>) -> Html {
    let w = &KB.symptoms_wording;
    // Issue 23: the questions that can only raise the level follow on the same screen, ticked
    // like the safety screen; the rest come one per screen. Without their wording (not loaded
    // yet) every question comes one per screen instead, and none is skipped.
    let installed = crate::texts::installed();
    let list = TickList {
        heading: w.together_heading.get(),
        step_heading: false,
        intro: w.together_intro.get(),
        questions: if installed {
            questions_together(&state.answers)
        } else {
            Vec::new()
        },
        hold: None,
        onback: dispatch.reform(|_| Action::GoTo(Step::Where)),
        onfinish: dispatch.reform(move |_| {
            if installed {
                Action::FinishTogether
            } else {
                Action::StartQuestions
            }
        }),
    };
    html! {
        <>
            <p class="hc-lead">{ w.intro.get() }</p>
            { about_pain_fields(ui, state, dispatch) }
            { tick_list(ui, state, dispatch, list) }
        </>
    }
}

/// Pain now, how long, how it started: on "about your pain", and again in the review. Their
/// wording comes with the results text, like the symptom questions; until it has arrived
/// (rarely: it is fetched at Start) the step offers only Continue, which goes on to the safety
/// questions about the areas, whose wording is compiled in.
fn about_pain_fields(ui: &Ui, state: &State, dispatch: &Callback<Action>) -> Html {
    if !crate::texts::installed() {
        return Html::default();
    }
    let w = &KB.symptoms_wording;
    let answers = &state.answers;
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
    let pain_text = answers
        .pain_now
        .map_or_else(|| w.pain_not_given.get().to_string(), |p| format!("{p}/10"));
    let duration_options = w
        .durations
        .iter()
        .zip(DURATION_WEEKS)
        .map(|(label, weeks)| {
            let label = label.get();
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
    html! {
        <>
            <div class="hc-field hc-pain-now">
                <label for={ui.id("pain-now")}>{ w.pain_now_label.get() }{ ": " }<output class="hc-pain-value">{ pain_text.clone() }</output></label>
                <input id={ui.id("pain-now")} type="range" min="0" max="10" step="1" value={pain.to_string()}
                    oninput={onpain} aria-valuetext={pain_text} />
                <div class="hc-range-ends" aria-hidden="true"><span>{ w.pain_now_none.get() }</span><span>{ w.pain_now_worst.get() }</span></div>
            </div>
            <fieldset class="hc-question">
                <legend>{ w.duration_legend.get() }</legend>
                <div class="hc-choices hc-choices-wrap">{ for duration_options }</div>
            </fieldset>
            <fieldset class="hc-question">
                <legend>{ w.onset_legend.get() }</legend>
                <div class="hc-choices hc-choices-wrap">
                    { onset_option(Onset::Sudden, w.onset_sudden.get()) }
                    { onset_option(Onset::Gradual, w.onset_gradual.get()) }
                </div>
            </fieldset>
        </>
    }
}

/// How many questions may follow this one: the safety questions about the areas still to ask,
/// and those the engine says could still change the result.
fn may_remain(state: &State) -> usize {
    if state.interview.back.is_some() {
        return 0;
    }
    let area_safety = symptom_questions(&state.answers)
        .iter()
        .filter(|f| f.kind == FindingKind::RedFlag && !state.answers.findings.contains_key(f.id))
        .count();
    let informative = interview(&state.answers).next.len();
    (area_safety + informative).saturating_sub(1)
}

fn one_question(
    ui: &Ui,
    state: &State,
    dispatch: &Callback<Action>,
    finding: &'static Finding,
) -> Html {
    let m = ui.m;
    let number = state
        .interview
        .back
        .unwrap_or(state.interview.history.len())
        + 1;
    let more = may_remain(state);
    let w = &KB.symptoms_wording;
    let progress = if more == 0 {
        w.last_question.get().to_string()
    } else {
        fill(w.up_to_more.get(), "{k}", &more.to_string())
    };
    let current = state.answers.response(finding.id);
    let answer = |response: Response, label: &'static str| {
        let pressed = current == Some(response);
        html! {
            <button type="button" class={if pressed { "hc-button hc-answer hc-selected" } else { "hc-button hc-answer" }}
                aria-pressed={pressed.to_string()}
                onclick={dispatch.reform(move |_| Action::AnswerQuestion(finding.id, response))}>{ label }</button>
        }
    };
    let help = finding.help.get();
    let mut label = fill(w.question_number.get(), "{n}", &number.to_string());
    // Says why it cannot be skipped, and that it is asked again on a later visit.
    if finding.kind == FindingKind::RedFlag {
        label = format!("{label} · {}", w.safety_question.get());
    }
    html! {
        <section key={finding.id} class="hc-card hc-one-question" aria-labelledby={ui.id("q-title")}>
            <p class="hc-q-progress" aria-hidden="true">{ format!("{label} · {progress}") }</p>
            <h3 id={ui.id("q-title")} class="hc-q-title" tabindex="-1">
                <span class="hc-visually-hidden">{ format!("{label}, {progress}: ") }</span>{ finding.question.get() }
            </h3>
            if !help.is_empty() {
                <details class="hc-help">
                    <summary>{ m.what_does_this_mean }</summary>
                    <p>{ help }</p>
                </details>
            }
            <div class="hc-answers">
                { answer(Response::Yes, m.yes) }
                { answer(Response::No, m.no) }
                { answer(Response::Unsure, m.unsure) }
            </div>
            <div class="hc-actions">
                <button type="button" class="hc-button" onclick={dispatch.reform(|_| Action::PreviousQuestion)}>{ m.back_button }</button>
            </div>
        </section>
    }
}

/// A symptom question's wording comes with the after-Start text, which has almost always
/// arrived by now; if not, say so (with "Try again" once it has failed) rather than show
/// answer buttons under no question.
fn wording_waiting(ui: &Ui, dispatch: &Callback<Action>, text_status: Status) -> Html {
    let m = ui.m;
    let onretry = {
        let assets = ui.config.assets.clone();
        Callback::from(move |_| results_text::load(&assets))
    };
    // "Loading" again while retrying, so each failure is a change a screen reader announces;
    // the button stays (with focus) until the retry ends.
    let failed = text_status == Status::Failed;
    let retry = matches!(text_status, Status::Failed | Status::Retrying);
    let status = if failed {
        m.questions_failed
    } else {
        m.questions_loading
    };
    html! {
        <section class="hc-card hc-one-question" aria-labelledby={ui.id("q-title")}>
            <h3 id={ui.id("q-title")} class="hc-q-title" tabindex="-1">{ status }</h3>
            <p role="status">{ if failed { m.questions_failed_help } else { "" } }</p>
            <div class="hc-actions">
                <button type="button" class="hc-button" onclick={dispatch.reform(|_| Action::PreviousQuestion)}>{ m.back_button }</button>
                if retry {
                    <button type="button" class="hc-button hc-primary" onclick={onretry}
                        aria-disabled={(text_status == Status::Retrying).to_string()}>{ m.try_again }</button>
                }
            </div>
        </section>
    }
}

/// The result cannot change any more: the way to it, the offer to answer the rest, and every
/// answer given on this step, each changeable in place (a change re-runs the interview).
fn settled(ui: &Ui, state: &State, dispatch: &Callback<Action>) -> Html {
    let m = ui.m;
    let w = &KB.symptoms_wording;
    let answers = &state.answers;
    let remaining = interview(answers).remaining.len();
    let onanswer = dispatch.reform(|(id, response): (&'static str, Option<Response>)| {
        Action::AnswerFinding(id, response)
    });
    let answered: Vec<&'static Finding> = symptom_questions(answers)
        .into_iter()
        // Without their wording (a failed download after a resume) the answers wait.
        .filter(|f| answers.findings.contains_key(f.id) && !f.question.get().is_empty())
        .collect();
    html! {
        <>
            <section class="hc-card hc-settled" aria-labelledby={ui.id("settled")}>
                <h3 id={ui.id("settled")} class="hc-q-title" tabindex="-1">{ m.settled_heading }</h3>
                <p>{ m.settled_text }</p>
                <div class="hc-actions">
                    <button type="button" class="hc-button" onclick={dispatch.reform(|_| Action::PreviousQuestion)}>{ m.back_button }</button>
                    <button type="button" class="hc-button hc-primary" onclick={dispatch.reform(|_| Action::GoTo(Step::Results))}>{ m.see_results }</button>
                </div>
                if remaining > 0 {
                    <p class="hc-hint">{ w.answer_rest_note.get() }</p>
                    <button type="button" class="hc-link" onclick={dispatch.reform(|_| Action::AnswerRest)}>{ w.answer_rest.get() }</button>
                }
            </section>
            // Every answer, one tap away: the result is what comes next, and the list (the
            // questions asked together included) is long (issue 23).
            <details class="hc-section hc-review">
                <summary>{ w.your_answers.get() }</summary>
                <section class="hc-group" aria-label={m.symptoms_heading}>
                    <h4 class="hc-group-title">{ m.symptoms_heading }</h4>
                    { about_pain_fields(ui, state, dispatch) }
                </section>
                { grouped_questions(ui, answered, answers, true, &onanswer) }
            </details>
        </>
    }
}
