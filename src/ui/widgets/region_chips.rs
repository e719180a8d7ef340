use yew::prelude::*;

use crate::engine::{Answers, Side};
use crate::kb::KB;
use crate::ui::messages::Messages;

/// The picked areas as chips ("Left · point of the hip ✕"), each removable.
pub fn region_chips(
    m: &'static Messages,
    answers: &Answers,
    ontoggle: &Callback<(&'static str, Side)>,
) -> Html {
    let chips = answers.pain.iter().filter_map(|site| {
        let region = KB.region(&site.region)?;
        let side = site.side;
        let name = m.region_name(region, side);
        let ontoggle = ontoggle.clone();
        let id = region.id;
        Some(html! {
            <li>
                <button type="button" class="hc-chip" aria-label={format!("{}: {name}", m.remove)}
                    onclick={Callback::from(move |_| ontoggle.emit((id, side)))}>
                    <span>{ name }</span><span class="hc-chip-x" aria-hidden="true">{ "✕" }</span>
                </button>
            </li>
        })
    });
    html! {
        <div class="hc-picked" aria-live="polite">
            <h3 class="hc-picked-title">{ m.picked_heading }</h3>
            if answers.pain.is_empty() {
                <p class="hc-hint">{ m.picked_none }</p>
            } else {
                <ul class="hc-chips">{ for chips }</ul>
            }
        </div>
    }
}
