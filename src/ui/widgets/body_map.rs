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
use crate::ui::messages::Messages;

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

/// How long a name waits after the pointer or the focus moved: long enough that a tap's click
/// (a few milliseconds after its press, on a slow phone more) is handled before it.
const NAME_DELAY_MS: u64 = 50;

/// Which targets are under the pointer and have the focus.
#[derive(Clone, Copy, Default, PartialEq)]
struct Looks {
    hovered: Option<usize>,
    focused: Option<usize>,
    /// Whichever moved last: a keyboard user with the mouse resting on the picture sees the
    /// name of the area they tabbed to.
    focus_last: bool,
}

/// What the events have said since the picture last showed it, and whether a task to show it
/// is already waiting.
#[derive(Default)]
struct Pending {
    latest: Looks,
    scheduled: bool,
}

/// The targets under the pointer and with focus (a tapped one keeps focus): the name of the
/// first is shown and the legend marks it. Shown a moment later, not at once (issue 24:
/// a tap's pointer-enter and focus each re-rendered the picture before its click could run,
/// which made the highlight slower than the peer's): the click is handled first, and the
/// events that come together make one render.
struct Attention {
    shown: UseStateHandle<Looks>,
    pending: std::rc::Rc<std::cell::RefCell<Pending>>,
}

#[hook]
fn use_attention() -> Attention {
    Attention {
        shown: use_state_eq(Looks::default),
        pending: use_mut_ref(Pending::default),
    }
}

impl Attention {
    /// The target whose name is shown.
    fn active(&self) -> Option<usize> {
        let looks = *self.shown;
        if looks.focus_last {
            looks.focused.or(looks.hovered)
        } else {
            looks.hovered.or(looks.focused)
        }
    }

    /// Target `i` coming under the pointer (`on`) or leaving it.
    fn hover(&self, i: usize, on: bool) -> Callback<MouseEvent> {
        self.track(false, i, on).reform(|e: MouseEvent| e.into())
    }

    /// Target `i` taking the focus (`on`) or losing it.
    fn focus(&self, i: usize, on: bool) -> Callback<FocusEvent> {
        self.track(true, i, on).reform(|e: FocusEvent| e.into())
    }

    // One callback type for pointer and focus, each event reformed into it: a closure generic
    // over the event would be compiled once for each.
    fn track(&self, by_focus: bool, i: usize, on: bool) -> Callback<Event> {
        let shown = self.shown.clone();
        let pending = self.pending.clone();
        Callback::from(move |_: Event| {
            let Ok(mut next) = pending.try_borrow_mut() else {
                return;
            };
            let slot = if by_focus {
                &mut next.latest.focused
            } else {
                &mut next.latest.hovered
            };
            *slot = on.then_some(i);
            if on {
                next.latest.focus_last = by_focus;
            }
            if !next.scheduled {
                next.scheduled = true;
                let shown = shown.clone();
                let pending = pending.clone();
                // A task of its own, a little later: the browser runs the pending click first.
                yew::platform::spawn_local(async move {
                    yew::platform::time::sleep(std::time::Duration::from_millis(NAME_DELAY_MS))
                        .await;
                    if let Ok(mut due) = pending.try_borrow_mut() {
                        due.scheduled = false;
                        shown.set(due.latest);
                    }
                });
            }
        })
    }
}

/// What the picture says around the body in one view.
struct ViewWords {
    caption: &'static str,
    /// Whose side each edge of the picture is.
    left: &'static str,
    right: &'static str,
    /// In the side view, the word for the way the person faces and where it goes.
    front: Option<(&'static str, i32)>,
}

fn view_words(view: View, side_view: Side) -> ViewWords {
    let w = &KB.diagram_wording;
    let [front_view, back_view, right_view, left_view] = &w.seen_from;
    let (caption, left, right, front) = match (view, side_view) {
        // Front: we face the person, so their right is on our left.
        (View::Front, _) => (front_view, w.your_right.get(), w.your_left.get(), None),
        (View::Back, _) => (back_view, w.your_left.get(), w.your_right.get(), None),
        (View::Side, Side::Right) => (
            right_view,
            "",
            w.your_right.get(),
            Some((w.front_on_right.get(), 250)),
        ),
        (View::Side, Side::Left) => (
            left_view,
            w.your_left.get(),
            "",
            Some((w.front_on_left.get(), 70)),
        ),
    };
    let caption = caption.get();
    ViewWords {
        caption,
        left,
        right,
        front,
    }
}

/// The body under the targets (`over` false); bones, folds and marks over them (`over` true),
/// so the landmarks stay visible through a picked area.
fn lines_layer(picture: &'static MapPicture, over: bool) -> Html {
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
}

/// Target `i`: one region on one side, a toggle that names itself to assistive technology.
fn region_target(
    props: &BodyMapProps,
    m: &'static Messages,
    attention: &Attention,
    i: usize,
    t: &'static MapTarget,
) -> Html {
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
    html! {
        <g class={if pressed { "hc-region hc-pressed" } else { "hc-region" }} role="button" tabindex="0"
            aria-pressed={pressed.to_string()} aria-label={m.region_name(region, side)} {onclick} {onkeydown}
            onmouseenter={attention.hover(i, true)} onmouseleave={attention.hover(i, false)}
            onfocus={attention.focus(i, true)} onblur={attention.focus(i, false)}
            data-region={id} data-side={if t.left { "left" } else { "right" }}>
            <path class="hc-region-shape" d={outline} />
            if pressed { <path class="hc-tick" d={tick} /> }
        </g>
    }
}

/// The name of the active target beside it, ticked when picked.
fn active_name(
    picture: &'static MapPicture,
    answers: &Answers,
    active: Option<usize>,
) -> Option<Html> {
    let t = picture.targets.get(active?)?;
    let region = KB.regions.get(usize::from(t.region))?;
    let pressed = answers.has_pain(region.id, side_of(t));
    Some(html! {
        <text class="hc-region-name" x="160" y={t.label_y.to_string()} aria-hidden="true">
            { if pressed { "✓ " } else { "" } }{ region.label }
        </text>
    })
}

/// The legend's entries in the picture's order, top to bottom: each region once (the targets
/// of its two sides are neighbours), the active one marked.
fn legend_entries(
    picture: &'static MapPicture,
    active: Option<usize>,
) -> impl Iterator<Item = Html> {
    let active_region = active
        .and_then(|i| picture.targets.get(i))
        .map(|t| t.region);
    picture
        .targets
        .iter()
        .enumerate()
        .filter(|&(i, t)| i == 0 || picture.targets[i - 1].region != t.region)
        .filter_map(move |(_, t)| {
            let region = KB.regions.get(usize::from(t.region))?;
            let here = active_region == Some(t.region);
            Some(html! { <li class={here.then_some("hc-here")}>{ region.label }</li> })
        })
}

#[function_component(BodyMap)]
pub fn body_map(props: &BodyMapProps) -> Html {
    let m = use_ui().m;
    let attention = use_attention();
    let active = attention.active();
    let picture = picture(props.view, props.side_view);
    let ViewWords {
        caption,
        left: left_label,
        right: right_label,
        front: front_word,
    } = view_words(props.view, props.side_view);
    let targets = picture
        .targets
        .iter()
        .enumerate()
        .map(|(i, t)| region_target(props, m, &attention, i, t));
    let name = active_name(picture, &props.answers, active);
    let legend = legend_entries(picture, active);
    html! {
        <figure class="hc-map">
            <div class="hc-map-area">
                <svg class="hc-map-svg" viewBox="0 0 320 400" role="group" aria-label={caption}>
                    { lines_layer(picture, false) }
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
                    { lines_layer(picture, true) }
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
