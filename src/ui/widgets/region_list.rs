use yew::prelude::*;

use crate::engine::{Answers, Side};
use crate::kb::{View, KB};
use crate::ui::messages::Messages;

/// The diagram's 24 choices as labelled checkboxes, grouped by view.
pub fn region_list(
    m: &'static Messages,
    answers: &Answers,
    ontoggle: &Callback<(&'static str, Side)>,
) -> Html {
    let group = |view: View, title: &'static str| {
        let rows = KB.regions.iter().filter(|r| r.view == view).map(|region| {
            let checkbox = |side: Side| {
                let checked = answers.has_pain(region.id, side);
                let ontoggle = ontoggle.clone();
                let id = region.id;
                html! {
                    <label class={if checked { "hc-check hc-checked" } else { "hc-check" }}>
                        <input type="checkbox" {checked}
                            onchange={Callback::from(move |_: Event| ontoggle.emit((id, side)))} />
                        <span>{ m.region_name(region, side) }</span>
                    </label>
                }
            };
            html! {
                <div class="hc-list-row">
                    { checkbox(Side::Left) }
                    { checkbox(Side::Right) }
                </div>
            }
        });
        html! {
            <fieldset class="hc-list-group">
                <legend>{ title }</legend>
                { for rows }
            </fieldset>
        }
    };
    html! {
        <div class="hc-region-list">
            { group(View::Front, m.view_front) }
            { group(View::Side, m.view_side) }
            { group(View::Back, m.view_back) }
        </div>
    }
}
