//! Exercise illustrations, drawn at build time (`content::figure` documents the data): the
//! prop, an arrow along what moves, and the frames from the start pose to the end pose. Still,
//! the start pose is faint and the end pose solid; the hand-off module (`playFigures` in
//! assets/handoff.mjs) plays the frames when the figure comes on screen or is tapped, for under
//! five seconds, and only when the person allows motion (styles/after-start.css).

use yew::prelude::*;

use crate::kb::Illustration;

const PARTS: [&str; 5] = [
    "hc-limb hc-other",
    "hc-limb",
    "hc-limb hc-work",
    "hc-head",
    "hc-prop",
];

fn path(class: &'static str, d: &'static str) -> Html {
    if d.is_empty() {
        return Html::default();
    }
    html! { <path {class} {d} /> }
}

/// The exercise's figure; `label` names it for screen readers. Nothing until the after-Start
/// text has arrived.
pub fn exercise_figure(illustration: &Illustration, label: String) -> Html {
    let fields: Vec<&'static str> = illustration.drawing.get().split('|').collect();
    let [view_box, floor, prop, arrow, frames @ ..] = fields.as_slice() else {
        return Html::default();
    };
    html! {
        <svg class={if frames.len() > 1 { "hc-figure hc-moves" } else { "hc-figure" }} role="img" aria-label={label}
            viewBox={*view_box}>
            { path("hc-floor", floor) }
            { path("hc-prop", prop) }
            { path("hc-arrow", arrow) }
            // Each frame's place among the <g>s is its place in the movement (the styles time it).
            { for frames.iter().map(|frame| html! {
                <g class="hc-frame">{ for frame.split(';').zip(PARTS).map(|(d, class)| path(class, d)) }</g>
            }) }
        </svg>
    }
}
