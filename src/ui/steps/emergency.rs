use yew::prelude::*;

use crate::engine::assess;
use crate::kb::Level;
use crate::ui::messages::Messages;
use crate::ui::state::{Action, State, Step};
use crate::ui::widgets::list_items::list_items;

/// The flow stops here: only what to do now, and why (CLINICAL.md rule 1).
pub fn emergency_step(m: &Messages, state: &State, dispatch: &Callback<Action>) -> Html {
    let result = assess(&state.answers);
    let emergencies: Vec<_> = result
        .triage
        .fired
        .iter()
        .filter(|r| r.level == Level::Emergency)
        .collect();
    let onback = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::GoTo(Step::Safety)))
    };
    html! {
        <div key="emergency" class="hc-step hc-emergency" role="alert">
            <h2 class="hc-step-heading" tabindex="-1">{ m.emergency_heading }</h2>
            <p class="hc-emergency-now"><strong>{ m.emergency_call }</strong></p>
            <ul class="hc-emergency-actions">
                { list_items(&mut result.triage.actions.iter().copied()) }
            </ul>
            <h3>{ m.why_this_level }</h3>
            <ul>
                { list_items(&mut emergencies.iter().map(|r| r.reason.get())) }
            </ul>
            <p class="hc-hint">{ m.emergency_not_sure }{ " " }
                <button type="button" class="hc-link" onclick={onback}>{ m.emergency_go_back }</button>
            </p>
        </div>
    }
}
