//! One yes / no / not sure question: a fieldset of three radio buttons, with the help text
//! behind a "What does this mean?" disclosure.

use yew::prelude::*;

use crate::engine::{Answers, Response};
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

/// Questions under their content group's heading (an `h3` on the safety screen, an `h4` when
/// `nested` in the review), in the order given.
pub fn grouped_questions(
    ui: &Ui,
    questions: Vec<&'static Finding>,
    answers: &Answers,
    nested: bool,
    onanswer: &Callback<(&'static str, Option<Response>)>,
) -> Html {
    let mut groups: Vec<(&'static str, Vec<&'static Finding>)> = Vec::new();
    for finding in questions {
        match groups.iter_mut().find(|(name, _)| *name == finding.group) {
            Some((_, list)) => list.push(finding),
            None => groups.push((finding.group, vec![finding])),
        }
    }
    html! {
        { for groups.into_iter().map(|(name, list)| html! {
            <section class="hc-group" aria-label={name}>
                if nested { <h4 class="hc-group-title">{ name }</h4> } else { <h3 class="hc-group-title">{ name }</h3> }
                { for list.into_iter().map(|finding| question(ui, finding, answers.response(finding.id), onanswer)) }
            </section>
        }) }
    }
}
