use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::engine::Side;
use crate::kb::{View, KB};
use crate::ui::context::Ui;
use crate::ui::state::{Action, State, Step};
use crate::ui::widgets::body_map::{drawn, BodyMap};
use crate::ui::widgets::region_chips::region_chips;
use crate::ui::widgets::region_list::region_list;

const VIEWS: [View; 3] = [View::Front, View::Side, View::Back];

/// "Where does it hurt?": the diagram with front / side / back tabs (arrow keys move between
/// them), the picked areas as removable chips, and the same choices as a checkbox list.
pub fn where_step(ui: &Ui, state: &State, dispatch: &Callback<Action>) -> Html {
    let m = ui.m;
    let ontoggle = {
        let dispatch = dispatch.clone();
        Callback::from(move |(region, side): (&'static str, Side)| {
            dispatch.emit(Action::TogglePain(region, side))
        })
    };
    let onlist = {
        let dispatch = dispatch.clone();
        let list_mode = state.list_mode;
        Callback::from(move |_| dispatch.emit(Action::SetListMode(!list_mode)))
    };
    let go = |step: Step| {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::GoTo(step)))
    };
    html! {
        <div key="where" class="hc-step hc-where">
            <h2 class="hc-step-heading" tabindex="-1">{ m.where_heading }</h2>
            <p class="hc-lead">{ m.where_intro }</p>
            // The drawing comes with the after-Start text; until it has arrived (or if it cannot),
            // the same choices as a list.
            if state.list_mode || !drawn() {
                { region_list(m, &state.answers, &ontoggle) }
            } else {
                <div class="hc-map-wrap">
                    { view_tabs(ui, state, dispatch) }
                    <div class="hc-tabpanel" role="tabpanel" id={ui.id("map-panel")}
                        aria-labelledby={ui.id(&format!("tab-{}", view_key(state.view)))}>
                        { for side_switch(state, dispatch) }
                        <BodyMap key={map_key(state)} view={state.view} side_view={state.side_view} answers={state.answers.clone()} ontoggle={ontoggle.clone()} />
                    </div>
                </div>
            }
            if drawn() {
                <button type="button" class="hc-link hc-list-toggle" onclick={onlist}>
                    { if state.list_mode { KB.diagram_wording.prefer_diagram.get() } else { KB.diagram_wording.prefer_list.get() } }
                </button>
            }
            { region_chips(m, &state.answers, &ontoggle) }
            <div class="hc-actions">
                <button type="button" class="hc-button" onclick={go(Step::Safety)}>{ m.back_button }</button>
                <button type="button" class="hc-button hc-primary" onclick={go(Step::Symptoms)}>{ m.continue_button }</button>
            </div>
        </div>
    }
}

/// A new diagram (with no name showing) for each picture: the targets differ.
fn map_key(state: &State) -> &'static str {
    match (state.view, state.side_view) {
        (View::Side, Side::Left) => "side-left",
        (view, _) => view_key(view),
    }
}

fn view_key(view: View) -> &'static str {
    match view {
        View::Front => "front",
        View::Side => "side",
        View::Back => "back",
    }
}

/// The front / side / back tabs, following the ARIA tabs pattern.
fn view_tabs(ui: &Ui, state: &State, dispatch: &Callback<Action>) -> Html {
    let m = ui.m;
    let view_name = |view: View| match view {
        View::Front => m.view_front,
        View::Side => m.view_side,
        View::Back => m.view_back,
    };
    let current = VIEWS.iter().position(|v| *v == state.view).unwrap_or(0);
    let onkeydown = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => (current + 1) % VIEWS.len(),
                "ArrowLeft" | "ArrowUp" => (current + VIEWS.len() - 1) % VIEWS.len(),
                "Home" => 0,
                "End" => VIEWS.len() - 1,
                _ => return,
            };
            e.prevent_default();
            dispatch.emit(Action::SetView(VIEWS[next]));
            focus_tab(&e, next);
        })
    };
    let tabs = VIEWS.iter().map(|&view| {
        let selected = view == state.view;
        let dispatch = dispatch.clone();
        html! {
            <button type="button" role="tab" id={ui.id(&format!("tab-{}", view_key(view)))}
                aria-selected={selected.to_string()} aria-controls={ui.id("map-panel")}
                tabindex={if selected { "0" } else { "-1" }}
                class={if selected { "hc-tab hc-selected" } else { "hc-tab" }}
                onclick={Callback::from(move |_| dispatch.emit(Action::SetView(view)))}>
                { view_name(view) }
            </button>
        }
    });
    html! {
        <div class="hc-tabs" role="tablist" aria-label={KB.diagram_wording.views_label.get()} {onkeydown}>
            { for tabs }
        </div>
    }
}

/// Roving focus: the newly selected tab takes focus, as the ARIA tabs pattern expects. The key
/// comes from the focused tab, inside the tab list.
fn focus_tab(e: &KeyboardEvent, index: usize) {
    let tab = e
        .target_dyn_into::<web_sys::Element>()
        .and_then(|tab| tab.closest("[role=tablist]").ok().flatten())
        .and_then(|list| list.query_selector_all("[role=tab]").ok())
        .and_then(|tabs| tabs.item(index as u32))
        .and_then(|tab| tab.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(tab) = tab {
        let _ = tab.focus();
    }
}

/// In the side view: which leg is shown.
fn side_switch(state: &State, dispatch: &Callback<Action>) -> Option<Html> {
    let w = &KB.diagram_wording;
    (state.view == View::Side).then(|| {
        let option = |side: Side, label: &'static str| {
            let dispatch = dispatch.clone();
            let pressed = state.side_view == side;
            html! {
                <button type="button" class={if pressed { "hc-segment hc-selected" } else { "hc-segment" }}
                    aria-pressed={pressed.to_string()}
                    onclick={Callback::from(move |_| dispatch.emit(Action::SetSideView(side)))}>{ label }</button>
            }
        };
        html! {
            <div class="hc-side-switch" role="group" aria-label={w.side_switch_label.get()}>
                { option(Side::Left, w.left_side.get()) }
                { option(Side::Right, w.right_side.get()) }
            </div>
        }
    })
}
