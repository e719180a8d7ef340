//! The hand-drawn hip diagram: lower trunk, pelvis, hips, thighs and knees, in three views. Each
//! of the 13 regions exists on both sides (26 targets), each a focusable toggle with an accessible name.
//!
//! Geometry is in a 320 × 400 viewBox. Every target is at least 26 × 26 units, so at 320 px of
//! rendered width (a 360 px phone) it stays above the 24 × 24 CSS px minimum (WCAG 2.5.8).

use yew::prelude::*;

use crate::engine::{Answers, Side};
use crate::kb::{View, KB};
use crate::ui::context::use_ui;
use crate::ui::messages::Messages;

/// A region's target on the person's RIGHT side in the front view, or LEFT side in the back
/// view (the left half of the picture), or the single side shown in the side view.
/// Whole SVG units: integer coordinates keep float formatting out of the wasm.
struct Target {
    region: &'static str,
    cx: i16,
    cy: i16,
    rx: i16,
    ry: i16,
}

const FRONT: [Target; 6] = [
    Target {
        region: "lower-abdomen",
        cx: 134,
        cy: 84,
        rx: 19,
        ry: 15,
    },
    Target {
        region: "front-hip",
        cx: 98,
        cy: 118,
        rx: 15,
        ry: 17,
    },
    Target {
        region: "hip-crease",
        cx: 121,
        cy: 152,
        rx: 18,
        ry: 13,
    },
    Target {
        region: "inner-groin",
        cx: 145,
        cy: 186,
        rx: 13,
        ry: 16,
    },
    Target {
        region: "front-thigh",
        cx: 123,
        cy: 282,
        rx: 22,
        ry: 54,
    },
    // Hip problems are often felt here, in children sometimes only here (CLINICAL.md rule 10).
    Target {
        region: "front-knee",
        cx: 127,
        cy: 366,
        rx: 17,
        ry: 15,
    },
];

const BACK: [Target; 5] = [
    Target {
        region: "low-back",
        cx: 139,
        cy: 44,
        rx: 16,
        ry: 20,
    },
    Target {
        region: "si-joint",
        cx: 142,
        cy: 92,
        rx: 13,
        ry: 13,
    },
    Target {
        region: "buttock",
        cx: 116,
        cy: 146,
        rx: 27,
        ry: 26,
    },
    Target {
        region: "sit-bone",
        cx: 134,
        cy: 198,
        rx: 15,
        ry: 13,
    },
    Target {
        region: "back-thigh",
        cx: 123,
        cy: 287,
        rx: 22,
        ry: 56,
    },
];

/// Side view drawn facing right; mirrored for the left side.
const SIDE: [Target; 2] = [
    Target {
        region: "side-hip",
        cx: 158,
        cy: 152,
        rx: 19,
        ry: 19,
    },
    Target {
        region: "outer-thigh",
        cx: 164,
        cy: 265,
        rx: 21,
        ry: 60,
    },
];

const FRONT_BACK_OUTLINE: &str = "M110 16 C100 62 82 98 80 150 C80 228 92 318 102 392 L150 392 C152 320 156 252 160 208 C164 252 168 320 170 392 L218 392 C228 318 240 228 240 150 C238 98 220 62 210 16 Z";
const SIDE_OUTLINE: &str = "M124 16 C116 60 98 110 102 165 C106 204 124 232 128 262 C132 322 138 360 142 392 L194 392 C200 330 208 250 210 180 C212 138 206 90 198 16 Z";

#[derive(Properties, PartialEq)]
pub struct BodyMapProps {
    pub view: View,
    pub side_view: Side,
    pub answers: Answers,
    pub ontoggle: Callback<(&'static str, Side)>,
}

#[function_component(BodyMap)]
pub fn body_map(props: &BodyMapProps) -> Html {
    let ui = use_ui();
    let m = ui.m;
    let drawing = drawing(m, props);
    let front_word = match (props.view, props.side_view) {
        (View::Side, Side::Right) => Some((m.front_on_right, 250)),
        (View::Side, Side::Left) => Some((m.front_on_left, 70)),
        _ => None,
    };
    html! {
        <figure class="hc-map">
            <svg class="hc-map-svg" viewBox="0 0 320 400" role="group" aria-label={drawing.caption}>
                <text class="hc-map-side" x="8" y="30" aria-hidden="true">{ drawing.left_label }</text>
                <text class="hc-map-side hc-end" x="312" y="30" aria-hidden="true">{ drawing.right_label }</text>
                if let Some((word, x)) = front_word {
                    <text class="hc-map-hint" x={x.to_string()} y="392" aria-hidden="true">{ word }</text>
                }
                <g aria-hidden="true">{ drawing.outline }</g>
                { drawing.targets }
            </svg>
            <figcaption class="hc-map-caption">{ drawing.caption }</figcaption>
        </figure>
    }
}

/// One view of the diagram: the body, the side labels, the caption and the tap targets.
struct Drawing {
    outline: Html,
    left_label: &'static str,
    right_label: &'static str,
    caption: &'static str,
    targets: Html,
}

fn drawing(m: &'static Messages, props: &BodyMapProps) -> Drawing {
    let target = |t: &Target, side: Side, mirror: bool| region_target(m, props, t, side, mirror);
    // Front: we face the person, so their right is on our left. Back: their left is on our left.
    match props.view {
        View::Front => Drawing {
            outline: html! { <>
                <path class="hc-body" d={FRONT_BACK_OUTLINE} />
                <path class="hc-body-line" d="M104 132 C126 150 146 170 160 200 C174 170 194 150 216 132" />
                <circle class="hc-body-mark" cx="160" cy="62" r="2.5" />
            </> },
            left_label: m.your_right,
            right_label: m.your_left,
            caption: m.seen_from_front,
            targets: FRONT
                .iter()
                .flat_map(|t| [target(t, Side::Right, false), target(t, Side::Left, true)])
                .collect::<Html>(),
        },
        View::Back => Drawing {
            outline: html! { <>
                <path class="hc-body" d={FRONT_BACK_OUTLINE} />
                <path class="hc-body-line" d="M160 16 L160 120 C160 150 160 170 160 196" />
                <path class="hc-body-line" d="M92 176 C114 190 140 192 156 186 M228 176 C206 190 180 192 164 186" />
            </> },
            left_label: m.your_left,
            right_label: m.your_right,
            caption: m.seen_from_behind,
            targets: BACK
                .iter()
                .flat_map(|t| [target(t, Side::Left, false), target(t, Side::Right, true)])
                .collect::<Html>(),
        },
        View::Side => {
            // Right side: the person faces our right. Left side: mirrored, facing our left.
            let mirror = props.side_view == Side::Left;
            let outline = if mirror {
                html! { <path class="hc-body" d={SIDE_OUTLINE} transform="translate(320 0) scale(-1 1)" /> }
            } else {
                html! { <path class="hc-body" d={SIDE_OUTLINE} /> }
            };
            let (caption, label) = if mirror {
                (m.seen_from_side_left, m.your_left)
            } else {
                (m.seen_from_side_right, m.your_right)
            };
            Drawing {
                outline,
                left_label: if mirror { label } else { "" },
                right_label: if mirror { "" } else { label },
                caption,
                targets: SIDE
                    .iter()
                    .map(|t| target(t, props.side_view, mirror))
                    .collect::<Html>(),
            }
        }
    }
}

/// A focusable toggle for one region on one side.
fn region_target(
    m: &'static Messages,
    props: &BodyMapProps,
    t: &Target,
    side: Side,
    mirror: bool,
) -> Html {
    let cx = if mirror { 320 - t.cx } else { t.cx };
    let pressed = props.answers.has_pain(t.region, side);
    let name = KB
        .region(t.region)
        .map_or_else(String::new, |r| m.region_name(r, side));
    let region = t.region;
    let onclick = {
        let ontoggle = props.ontoggle.clone();
        Callback::from(move |_: MouseEvent| ontoggle.emit((region, side)))
    };
    let onkeydown = {
        let ontoggle = props.ontoggle.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                ontoggle.emit((region, side));
            }
        })
    };
    html! {
        <g class={classes!("hc-region", pressed.then_some("hc-pressed"))} role="button" tabindex="0"
            aria-pressed={pressed.to_string()} aria-label={name.clone()} {onclick} {onkeydown}
            data-region={region} data-side={if side == Side::Left { "left" } else { "right" }}>
            <title>{ name }</title>
            <ellipse cx={cx.to_string()} cy={t.cy.to_string()} rx={t.rx.to_string()} ry={t.ry.to_string()} />
            if pressed {
                <circle class="hc-region-dot" cx={cx.to_string()} cy={t.cy.to_string()} r="4" />
            }
        </g>
    }
}
