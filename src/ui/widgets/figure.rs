//! Exercise illustrations: a stick figure, start pose faint and end pose solid, drawn at build
//! time (`content::figure` documents the data). The two poses alternate only when the person
//! allows motion (the CSS animation sits inside `prefers-reduced-motion: no-preference`).

use yew::prelude::*;

use crate::kb::Illustration;

const LIMBS: [&str; 4] = ["hc-limb hc-other", "hc-limb", "hc-limb hc-work", "hc-head"];

fn pose(paths: &[&'static str], class: &'static str) -> Html {
    html! {
        <g {class}>
            { for paths.iter().zip(LIMBS).map(|(&d, class)| html! { <path {class} {d} /> }) }
        </g>
    }
}

/// The exercise's start and end poses, drawn over each other (animated between them when
/// reduced motion is off); `label` names it for screen readers. Nothing until the after-Start
/// text has arrived.
pub fn exercise_figure(illustration: &Illustration, label: String) -> Html {
    let fields: Vec<&'static str> = illustration.drawing.get().split('|').collect();
    let [view_box, floor, end @ ..] = fields.as_slice() else {
        return Html::default();
    };
    let (end, start) = end.split_at(end.len().min(LIMBS.len()));
    let moves = !start.is_empty();
    html! {
        <svg class={if moves { "hc-figure hc-moves" } else { "hc-figure" }} role="img" aria-label={label}
            viewBox={*view_box}>
            <path class="hc-floor" d={*floor} />
            if moves { { pose(start, "hc-pose hc-pose-start") } }
            { pose(end, "hc-pose hc-pose-end") }
        </svg>
    }
}
