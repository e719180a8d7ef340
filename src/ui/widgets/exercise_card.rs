use crate::texts::fill;
use yew::prelude::*;

use crate::kb::{Exercise, Text, KB};
use crate::ui::widgets::figure::exercise_figure;
use crate::ui::widgets::list_items::list_items;

/// One exercise: illustration, how-to steps, dosage, tips and what to avoid.
pub fn exercise_card(exercise: &'static Exercise) -> Html {
    let w = &KB.results_wording;
    let label = fill(
        w.illustration_of.get(),
        "{description}",
        exercise.pose.description.get(),
    );
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
        // Its dose as numbers, for the guided session (assets/handoff.mjs).
        <li class="hc-exercise" data-session={exercise.session.get()}>
            <div class="hc-ex-head">
                { exercise_figure(&exercise.pose, label) }
                <div>
                    <h5>{ exercise.name.get() }</h5>
                    <p class="hc-dosage"><strong>{ w.dosage.get() }{ ": " }</strong>{ exercise.dosage.get() }</p>
                </div>
            </div>
            // Collapsed so a plan of a dozen exercises stays scannable on a phone.
            <details class="hc-ex-details">
                <summary>{ w.exercise_steps.get() }</summary>
                // The clinician's name, for showing a physio: behind the tap, so the card is short.
                if let Some(also) = exercise.also_called { <p class="hc-hint">{ also.get() }</p> }
                <div class="hc-ex-list">
                    <ol>{ list_items(&mut exercise.steps.iter().map(|s| s.get())) }</ol>
                </div>
                { for list(w.cues.get(), exercise.cues) }
                { for list(w.exercise_avoid.get(), exercise.avoid) }
            </details>
        </li>
    }
}
