//! One yes / no / not sure question: a fieldset of three radio buttons, with the help text
//! behind a "What does this mean?" disclosure.

use yew::prelude::*;

use super::choice::Choice;
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
        html! {
            <Choice name={name.clone()} {label} checked={props.response == Some(response)}
                onchoose={props.onanswer.reform(move |_| (finding.id, Some(response)))} />
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
