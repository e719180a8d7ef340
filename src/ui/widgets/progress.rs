use crate::texts::fill;
use yew::prelude::*;

use crate::ui::messages::Messages;
use crate::ui::state::Step;

/// "Step 2 of 5: Safety", with a bar; hidden on the emergency stop.
pub fn progress(m: &Messages, step: Step) -> Html {
    let Some(n) = step.number() else {
        return html! {};
    };
    let total = m.step_names.len();
    let text = fill(
        &fill(
            &fill(m.progress, "{n}", &n.to_string()),
            "{total}",
            &total.to_string(),
        ),
        "{name}",
        m.step_names[n - 1],
    );
    html! {
        <div class="hc-progress">
            <p class="hc-progress-text">{ text }</p>
            <div class="hc-progress-bar" aria-hidden="true">
                // A class, not a style attribute: the strict CSP forbids inline styles.
                <div class={format!("hc-progress-fill hc-at-{n}")}></div>
            </div>
        </div>
    }
}
