//! One yes / no / not sure question: a fieldset of three radio buttons, with the help text
//! behind a "What does this mean?" disclosure.

use yew::prelude::*;

use crate::engine::Response;
use crate::kb::Finding;
use crate::ui::context::Ui;
use crate::ui::widgets::choice::choice;

pub fn question(
    ui: &Ui,
    finding: &'static Finding,
    response: Option<Response>,
    onanswer: &Callback<(&'static str, Option<Response>)>,
) -> Html {
    let m = ui.m;
    let name = AttrValue::from(ui.id(&format!("q-{}", finding.id)));
    let option = |value: Response, label: &'static str| {
        choice(
            name.clone(),
            label,
            response == Some(value),
            onanswer.reform(move |_| (finding.id, Some(value))),
        )
    };
    html! {
        <fieldset class="hc-question">
            <legend>{ finding.question.get() }</legend>
            <div class="hc-choices">
                { option(Response::Yes, m.yes) }
                { option(Response::No, m.no) }
                { option(Response::Unsure, m.unsure) }
            </div>
            // Symptom help arrives with the results text; until then there is nothing to show.
            if !finding.help.get().is_empty() {
                <details class="hc-help">
                    <summary>{ m.what_does_this_mean }</summary>
                    <p>{ finding.help.get() }</p>
                </details>
            }
        </fieldset>
    }
}
