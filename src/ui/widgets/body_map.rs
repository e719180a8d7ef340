//! The hip diagram: lower trunk to below the knees in three views, drawn in
//! `content/diagram/*.svg` and shipped as path data with the after-Start text (`kb::MapPicture`).
//! Each region on each side is a focusable toggle shaped like the area it names, in keyboard
//! order top to bottom; tapping or focusing one shows its name beside it, a picked one carries
//! a tick as well as the colour, and on wide screens a legend lists the view's regions and
//! marks the one named.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
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

/// How long a name waits after the focus moved, so that a focus leaving one target and
/// reaching the next make one render.
const NAME_DELAY_MS: i32 = 50;

/// Runs `job` in a task of its own, `delay_ms` from now: the browser handles what is already
/// queued (a tap's click) first. A plain `setTimeout` whose closure is freed once it has run
/// (a sleep future on Yew's executor cost more code, and a microtask hop, for the same).
fn later(delay_ms: i32, job: Box<dyn FnOnce()>) {
    let Some(window) = web_sys::window() else {
        return job();
    };
    let callback = Closure::once_into_js(job);
    // `setTimeout` with a function does not throw.
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), delay_ms);
}

/// Whether `region` on `side` shows as picked: as answered, or flipped by the tap on its way
/// to the app.
fn picked(answers: &Answers, tap: Option<(&str, Side)>, region: &str, side: Side) -> bool {
    answers.has_pain(region, side) != (tap == Some((region, side)))
}

/// Which target was tapped last and which has the focus, and a tap on its way to the app.
#[derive(Clone, Copy, Default, PartialEq)]
struct Looks {
    tapped: Option<usize>,
    focused: Option<usize>,
    /// A tap the picture shows but the app has not yet heard of (`Moved::Tap`).
    tap: Option<(&'static str, Side)>,
}

/// What the events have said since the picture last showed it, whether a task to show it is
/// already waiting, and where a tap goes.
#[derive(Default)]
struct Pending {
    latest: Looks,
    scheduled: bool,
    ontoggle: Callback<(&'static str, Side)>,
}

/// The target with the focus, or else the one tapped last: its name is shown and the legend
/// marks it. Not the one under the pointer (issue 24): following the pointer cost every tap the
/// handling of its move (about 0.3 ms at 4× slowdown; docs/performance.md) and a render of its
/// own, for a name a tap now shows at once. A focus is shown a moment later, not at once, so that the events that
/// come together make one render. A tap redraws the picture alone at once
/// (issue 24: render only what a tap changes); the app (the chips, the emergency check, the
/// saving) hears of it in a task of its own a moment later, and its answers then match what
/// the picture shows.
struct Attention {
    shown: UseStateHandle<Looks>,
    pending: Rc<RefCell<Pending>>,
}

#[hook]
fn use_attention(ontoggle: &Callback<(&'static str, Side)>) -> Attention {
    let pending = use_mut_ref(Pending::default);
    // The latest of the app's callbacks, for a tap handed on after this render.
    if let Ok(mut pending) = pending.try_borrow_mut() {
        pending.ontoggle = ontoggle.clone();
    }
    Attention {
        // Not `use_state_eq`: its comparison cost 232 B of wasm, and an unchanged set renders
        // the picture once more only in a focus's task (rare), never in a tap's.
        shown: use_state(Looks::default),
        pending,
    }
}

/// In `delay_ms`, a task of its own shows what the events have said and hands a waiting tap to
/// the app. The borrow cannot fail: every borrow of `pending` ends inside one callback, and a
/// task never runs inside another callback.
fn show_later(shown: &UseStateHandle<Looks>, pending: &Rc<RefCell<Pending>>, delay_ms: i32) {
    let shown = shown.clone();
    let pending = pending.clone();
    later(
        delay_ms,
        Box::new(move || {
            let Ok(mut due) = pending.try_borrow_mut() else {
                return;
            };
            due.scheduled = false;
            let tap = due.latest.tap.take();
            shown.set(due.latest);
            let ontoggle = due.ontoggle.clone();
            drop(due);
            if let Some(tap) = tap {
                ontoggle.emit(tap);
            }
        }),
    );
}

impl Attention {
    /// The target whose name is shown.
    fn active(&self) -> Option<usize> {
        // The keyboard's, where it is on a target: a press never moves the focus (the loaders'
        // `keepFocusOnPress`), so a focused target is one the person tabbed to.
        self.shown.focused.or(self.shown.tapped)
    }

    /// Target `i` taking the focus (`on`) or losing it.
    fn focus(&self, i: usize, on: bool) -> Callback<FocusEvent> {
        self.track(Moved::Focus(on), i)
            .reform(|e: FocusEvent| e.into())
    }

    // One callback type for focus and tap, each event reformed into it: a closure generic over
    // the event would be compiled once for each.
    fn track(&self, moved: Moved, i: usize) -> Callback<Event> {
        let shown = self.shown.clone();
        let pending = self.pending.clone();
        Callback::from(move |_: Event| {
            let Ok(mut next) = pending.try_borrow_mut() else {
                return;
            };
            let looks = &mut next.latest;
            let delay_ms = match moved {
                Moved::Focus(on) => {
                    looks.focused = on.then_some(i);
                    NAME_DELAY_MS
                }
                // A second tap before the first reached the app (rare) goes to the app at
                // once: toggles in either order make the same answers.
                // Its name comes with the first tap's hand-over.
                Moved::Tap(tap) if looks.tap.is_some() => {
                    looks.tapped = Some(i);
                    let ontoggle = next.ontoggle.clone();
                    drop(next);
                    return ontoggle.emit(tap);
                }
                // Shown at once, handed to the app in the next task.
                Moved::Tap(tap) => {
                    looks.tap = Some(tap);
                    looks.tapped = Some(i);
                    shown.set(*looks);
                    0
                }
            };
            // A focus joins a task already on its way; a tap gets one of its own at once (a
            // focus task may then find nothing new to show).
            if delay_ms == 0 || !std::mem::replace(&mut next.scheduled, true) {
                drop(next);
                show_later(&shown, &pending, delay_ms);
            }
        })
    }
}

/// What reached a target: the focus (`true`) or its leaving, or a tap.
#[derive(Clone, Copy)]
enum Moved {
    Focus(bool),
    Tap((&'static str, Side)),
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
    let pressed = picked(&props.answers, attention.shown.tap, id, side);
    let (outline, tick) = t.shape.get().split_once('|').unwrap_or_default();
    let tap = attention.track(Moved::Tap((id, side)), i);
    let onclick = tap.reform(|e: MouseEvent| e.into());
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            tap.emit(e.into());
        }
    });
    html! {
        <g class={if pressed { "hc-region hc-pressed" } else { "hc-region" }} role="button" tabindex="0"
            aria-pressed={if pressed { "true" } else { "false" }} aria-label={m.region_name(region, side)} {onclick} {onkeydown}
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
    attention: &Attention,
) -> Option<Html> {
    let t = picture.targets.get(attention.active()?)?;
    let region = KB.regions.get(usize::from(t.region))?;
    let pressed = picked(answers, attention.shown.tap, region.id, side_of(t));
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
    let attention = use_attention(&props.ontoggle);
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
    let name = active_name(picture, &props.answers, &attention);
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
