//! The phases of a rehab plan: the one the person is in open, every other one a line (its
//! content a tap away), and under the open one its "move on when" criteria to tick, with "I'm
//! ready for the next phase" moving on only once every one is ticked (CLINICAL.md §4: a phase
//! moves on only by its criteria, never by the calendar). The phase reached is in the state
//! (`State::phase_reached`) and kept on this device by the app; a shared check shows the first
//! phase and offers no move. Plain view functions, not components: a Yew component costs the
//! first load several hundred bytes (docs/architecture.md, "Size trade-offs").

use std::cmp::Ordering;

use yew::prelude::*;

use crate::engine::PlanAdvice;
use crate::kb::{PainRule, Text, KB};
use crate::ui::state::{Action, State};
use crate::ui::widgets::exercise_card::exercise_card;
use crate::ui::widgets::list_items::list_items;
use crate::vocabulary::ExerciseKind;

pub fn plan_phases(plan: &PlanAdvice, state: &State, dispatch: &Callback<Action>) -> Html {
    let last = plan.phases.len().saturating_sub(1);
    let current = match state.phase_reached {
        Some((condition, index)) if condition == plan.condition && !state.shared => index.min(last),
        _ => 0,
    };
    let phases = plan.phases.iter().enumerate().map(|(i, phase)| {
        let place = i.cmp(&current);
        let w = &KB.results_wording;
        let (class, prefix) = match place {
            Ordering::Less => ("hc-phase hc-phase-done", Some(w.phase_done.get())),
            Ordering::Equal => ("hc-phase hc-phase-now", None),
            Ordering::Greater => ("hc-phase hc-phase-later", Some(w.later_phases.get())),
        };
        let can_move = place == Ordering::Equal && i < last && !state.shared;
        // The guided session suggests doses by the pain-monitoring rule, which is for tendon and
        // muscle only (CLINICAL.md §5): never offered with a bone stress plan.
        let own_now = place == Ordering::Equal
            && !state.shared
            && plan.pain_rule == Some(PainRule::Tendon);
        html! {
            <details class={class} open={place == Ordering::Equal}>
                <summary>
                    if let Some(prefix) = prefix { { prefix }{ ": " } }
                    { phase.name.get() }{ " · " }<span class="hc-timing">{ phase.timing.get() }</span>
                </summary>
                <p>{ phase.goal.get() }</p>
                { exercises(phase.exercises, own_now) }
                if can_move {
                    { move_on(phase.move_on, state.move_on_ticked, dispatch, plan.condition, i + 1) }
                } else if !phase.move_on.is_empty() {
                    <div class="hc-move-on">
                        <h5>{ w.move_on_when.get() }</h5>
                        <ul>{ list_items(&mut phase.move_on.iter().map(|c| c.get())) }</ul>
                    </div>
                }
            </details>
        }
    });
    html! { <div class="hc-phases">{ for phases }</div> }
}

/// A phase's exercises: the ones of the day's session as cards (with the place for the guided
/// session in the person's own phase), and what keeps the person fit instead of running
/// (swimming, cycling…) a tap away, so the session comes first on a phone.
fn exercises(ids: &'static [u16], session: bool) -> Html {
    let of_kind = |fitness: bool| {
        ids.iter()
            .filter_map(|&e| KB.exercises.get(usize::from(e)))
            .filter(move |e| (e.kind == ExerciseKind::CrossTraining) == fitness)
    };
    html! {
        <>
            <ul class="hc-exercises">{ for of_kind(false).map(exercise_card) }</ul>
            // "Start today's session", put in by the hand-off module (assets/handoff.mjs).
            if session { <div class="hc-session"></div> }
            if of_kind(true).next().is_some() {
                <details class="hc-fitness">
                    <summary>{ KB.results_wording.cross_training_heading.get() }</summary>
                    <ul class="hc-exercises">{ for of_kind(true).map(exercise_card) }</ul>
                </details>
            }
        </>
    }
}

/// "Move on when", each criterion a box to tick; the button moves on only when all are ticked.
fn move_on(
    criteria: &'static [Text],
    ticked: u64,
    dispatch: &Callback<Action>,
    condition: &'static str,
    next: usize,
) -> Html {
    let w = &KB.results_wording;
    let is_ticked = |i: usize| ticked & (1 << i) != 0;
    let ready = (0..criteria.len()).all(is_ticked);
    let boxes = criteria.iter().enumerate().map(|(i, criterion)| {
        html! {
            <li><label class="hc-criterion">
                <input type="checkbox" checked={is_ticked(i)} onclick={dispatch.reform(move |_| Action::TickMoveOn(i))} />
                { criterion.get() }
            </label></li>
        }
    });
    // Pressed before every criterion is ticked, it stays (focusable, aria-disabled) and does
    // nothing.
    let onclick = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            if ready {
                dispatch.emit(Action::MoveOnPhase(condition, next));
            }
        })
    };
    html! {
        <fieldset class="hc-move-on">
            <legend>{ w.move_on_when.get() }</legend>
            <p class="hc-hint">{ w.move_on_tick.get() }</p>
            <ul class="hc-checks">{ for boxes }</ul>
            <button type="button" class="hc-button" aria-disabled={(!ready).to_string()} {onclick}>{ w.move_on_ready.get() }</button>
        </fieldset>
    }
}
