//! The hip diagram: lower trunk to below the knees in three views, drawn in
//! `content/diagram/*.svg` and shipped as path data with the after-Start text (`kb::MapPicture`).
//! Each region on each side is a focusable toggle shaped like the area it names, in keyboard
//! order top to bottom; hovering or focusing one shows its name beside it, a picked one carries
//! a tick as well as the colour, and on wide screens a legend lists the view's regions and
//! marks the one under the pointer.

use yew::prelude::*;

use crate::engine::{Answers, Side};
use crate::kb::{MapPicture, MapTarget, View, KB};
use crate::ui::context::use_ui;

#[derive(Properties, PartialEq)]
pub struct BodyMapProps {
    pub view: View,
    pub side_view: Side,
    pub answers: Answers,
    pub ontoggle: Callback<(&'static str, Side)>,
}

/// The picture of a view: the side view is drawn for the side shown.
pub fn picture(view: View, side_view: Side) -> &'static MapPicture {
    &KB.map[match (view, side_view) {
        (View::Front, _) => 0,
        (View::Back, _) => 1,
        (View::Side, Side::Right) => 2,
        (View::Side, Side::Left) => 3,
    }]
}

/// Whether the diagram's drawing has arrived (it comes with the after-Start text).
pub fn drawn() -> bool {
    !KB.map[0].drawing.get().is_empty()
}

fn side_of(target: &MapTarget) -> Side {
    if target.left {
        Side::Left
    } else {
        Side::Right
    }
}

#[function_component(BodyMap)]
pub fn body_map(props: &BodyMapProps) -> Html {
    let ui = use_ui();
    let m = ui.m;
    // The targets under the pointer and with focus (a tapped one keeps focus): the name of
    // the first is shown and the legend marks it.
    let hovered = use_state_eq(|| None::<usize>);
    let focused = use_state_eq(|| None::<usize>);
    // Whichever moved last: a keyboard user with the mouse resting on the picture sees the
    // name of the area they tabbed to.
    let focus_last = use_state_eq(|| false);
    let active = if *focus_last {
        focused.or(*hovered)
    } else {
        hovered.or(*focused)
    };
    let picture = picture(props.view, props.side_view);
    let (caption, left_label, right_label, front_word) = match (props.view, props.side_view) {
        // Front: we face the person, so their right is on our left.
        (View::Front, _) => (m.seen_from_front, m.your_right, m.your_left, None),
        (View::Back, _) => (m.seen_from_behind, m.your_left, m.your_right, None),
        (View::Side, Side::Right) => (
            m.seen_from_side_right,
            "",
            m.your_right,
            Some((m.front_on_right, 250)),
        ),
        (View::Side, Side::Left) => (
            m.seen_from_side_left,
            m.your_left,
            "",
            Some((m.front_on_left, 70)),
        ),
    };
    // The body under the targets; bones, folds and marks over them, so the landmarks stay
    // visible through a picked area.
    let layer = |over: bool| {
        let paths = picture.drawing.get().split('|').filter_map(move |field| {
            let (code, d) = field.split_once(':')?;
            let class = match code {
                "b" => "hc-body",
                "t" => "hc-thumb",
                "l" => "hc-thumb-leg",
                "o" => "hc-bone",
                "f" => "hc-fold",
                _ => "hc-mark",
            };
            (matches!(code, "o" | "f" | "m") == over).then(|| html! { <path {class} {d} /> })
        });
        html! { <g class="hc-map-lines" aria-hidden="true">{ for paths }</g> }
    };
    let targets = picture.targets.iter().enumerate().map(|(i, t)| {
        let Some(region) = KB.regions.get(usize::from(t.region)) else {
            return Html::default();
        };
        let side = side_of(t);
        let id = region.id;
        let pressed = props.answers.has_pain(id, side);
        let (outline, tick) = t.shape.get().split_once('|').unwrap_or_default();
        let onclick = props.ontoggle.reform(move |_: MouseEvent| (id, side));
        let onkeydown = {
            let ontoggle = props.ontoggle.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    ontoggle.emit((id, side));
                }
            })
        };
        let show = |state: &UseStateHandle<Option<usize>>, on: bool, by_focus: bool| {
            let state = state.clone();
            let focus_last = focus_last.clone();
            Callback::from(move |_: Event| {
                state.set(on.then_some(i));
                if on {
                    focus_last.set(by_focus);
                }
            })
        };
        html! {
            <g class={if pressed { "hc-region hc-pressed" } else { "hc-region" }} role="button" tabindex="0"
                aria-pressed={pressed.to_string()} aria-label={m.region_name(region, side)} {onclick} {onkeydown}
                onmouseenter={show(&hovered, true, false).reform(|e: MouseEvent| e.into())} onmouseleave={show(&hovered, false, false).reform(|e: MouseEvent| e.into())}
                onfocus={show(&focused, true, true).reform(|e: FocusEvent| e.into())} onblur={show(&focused, false, true).reform(|e: FocusEvent| e.into())}
                data-region={id} data-side={if t.left { "left" } else { "right" }}>
                <path class="hc-region-shape" d={outline} />
                if pressed { <path class="hc-tick" d={tick} /> }
            </g>
        }
    });
    let name = active.and_then(|i| {
        let t = picture.targets.get(i)?;
        let region = KB.regions.get(usize::from(t.region))?;
        let pressed = props.answers.has_pain(region.id, side_of(t));
        Some(html! {
            <text class="hc-region-name" x="160" y={t.label_y.to_string()} aria-hidden="true">
                { if pressed { "✓ " } else { "" } }{ region.label }
            </text>
        })
    });
    let active_region = active
        .and_then(|i| picture.targets.get(i))
        .map(|t| t.region);
    // In the picture's order, top to bottom: each region once (the targets of its two sides
    // are neighbours).
    let legend = picture
        .targets
        .iter()
        .enumerate()
        .filter(|&(i, t)| i == 0 || picture.targets[i - 1].region != t.region)
        .filter_map(|(_, t)| {
            let region = KB.regions.get(usize::from(t.region))?;
            let here = active_region == Some(t.region);
            Some(html! { <li class={here.then_some("hc-here")}>{ region.label }</li> })
        });
    html! {
        <figure class="hc-map">
            <div class="hc-map-area">
                <svg class="hc-map-svg" viewBox="0 0 320 400" role="group" aria-label={caption}>
                    { layer(false) }
                    <g aria-hidden="true">
                        <text class="hc-map-side" x="8" y="30">{ left_label }</text>
                        <text class="hc-map-side hc-end" x="312" y="30">{ right_label }</text>
                        if let Some((word, x)) = front_word {
                            <text class="hc-map-hint" x={x.to_string()} y="392">{ word }</text>
                        }
                    </g>
                    // Fixed groups, so that a name appearing never shifts the targets (Yew
                    // would patch each target into its neighbour and move the keyboard focus).
                    <g>{ for targets }</g>
                    { layer(true) }
                    <g>{ for name }</g>
                </svg>
                // A visual key on wide screens; the targets carry their names for assistive
                // technology, and the chips below list what is picked.
                <ul class="hc-legend" aria-hidden="true">{ for legend }</ul>
            </div>
            <figcaption class="hc-map-caption">{ caption }</figcaption>
        </figure>
    }
}
