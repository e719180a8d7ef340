use yew::prelude::*;

use super::context::use_ui;
use super::state::Step;

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    pub step: Step,
}

/// "Step 2 of 5: Safety", with a bar; hidden on the emergency stop.
#[function_component(Progress)]
pub fn progress(props: &ProgressProps) -> Html {
    let m = use_ui().m;
    let Some(n) = props.step.number() else {
        return html! {};
    };
    let total = m.step_names.len();
    let text = m
        .progress
        .replace("{n}", &n.to_string())
        .replace("{total}", &total.to_string())
        .replace("{name}", m.step_names[n - 1]);
    html! {
        <div class="hc-progress">
            <p class="hc-progress-text">{ text }</p>
            <div class="hc-progress-bar" aria-hidden="true">
                // A class, not a style attribute: the strict CSP forbids inline styles.
                <div class={classes!("hc-progress-fill", format!("hc-at-{n}"))}></div>
            </div>
        </div>
    }
}
