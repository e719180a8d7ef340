//! One yes / no / not sure question: a fieldset of three radio buttons, with the help text
//! behind a "What does this mean?" disclosure.

use yew::prelude::*;

use super::context::use_ui;
use crate::engine::Response;
use crate::kb::Finding;

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub finding: &'static Finding,
    pub response: Option<Response>,
    pub onanswer: Callback<(&'static str, Option<Response>)>,
}

#[function_component(Question)]
pub fn question(props: &QuestionProps) -> Html {
    let ui = use_ui();
    let m = ui.m;
    let finding = props.finding;
    let name = ui.id(&format!("q-{}", finding.id));
    let option = |response: Response, label: &'static str| {
        let onanswer = props.onanswer.clone();
        let onchange = Callback::from(move |_: Event| onanswer.emit((finding.id, Some(response))));
        let checked = props.response == Some(response);
        html! {
            <label class={classes!("hc-choice", checked.then_some("hc-checked"))}>
                <input type="radio" name={name.clone()} value={label} {checked} {onchange} />
                <span>{ label }</span>
            </label>
        }
    };
    html! {
        <fieldset class="hc-question">
            <legend>{ finding.question }</legend>
            <div class="hc-choices">
                { option(Response::Yes, m.yes) }
                { option(Response::No, m.no) }
                { option(Response::Unsure, m.unsure) }
            </div>
            <details class="hc-help">
                <summary>{ m.what_does_this_mean }</summary>
                <p>{ finding.help }</p>
            </details>
        </fieldset>
    }
}
