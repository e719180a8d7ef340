use yew::prelude::*;

use super::context::use_ui;
use super::figure::ExerciseFigure;
use super::list_items::list_items;
use crate::kb::{Text, KB};

#[derive(Properties, PartialEq)]
pub struct ExerciseCardProps {
    pub id: &'static str,
}

/// One exercise: illustration, how-to steps, dosage, tips and what to avoid.
#[function_component(ExerciseCard)]
pub fn exercise_card(props: &ExerciseCardProps) -> Html {
    let m = use_ui().m;
    let Some(exercise) = KB.exercise(props.id) else {
        return html! {};
    };
    let label = m
        .illustration_of
        .replace("{description}", exercise.pose.description.get());
    let list = |title: &'static str, items: &'static [Text]| {
        (!items.is_empty()).then(|| {
            html! {
                <div class="hc-ex-list">
                    <h6>{ title }</h6>
                    <ul>{ list_items(&mut items.iter().map(|i| i.get())) }</ul>
                </div>
            }
        })
    };
    html! {
        <li class="hc-exercise">
            <div class="hc-ex-head">
                <ExerciseFigure illustration={&exercise.pose} label={label} />
                <div>
                    <h5>{ exercise.name.get() }</h5>
                    if let Some(also) = exercise.also_called { <p class="hc-hint">{ also.get() }</p> }
                    <p class="hc-dosage"><strong>{ m.dosage }{ ": " }</strong>{ exercise.dosage.get() }</p>
                </div>
            </div>
            // Collapsed so a plan of a dozen exercises stays scannable on a phone.
            <details class="hc-ex-details">
                <summary>{ m.steps }</summary>
                <div class="hc-ex-list">
                    <ol>{ list_items(&mut exercise.steps.iter().map(|s| s.get())) }</ol>
                </div>
                { for list(m.cues, exercise.cues) }
                { for list(m.avoid, exercise.avoid) }
            </details>
        </li>
    }
}
