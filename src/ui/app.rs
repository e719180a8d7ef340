//! The root component: owns the reducer, saves answers, moves focus to each new step's heading,
//! and announces results.

use std::sync::atomic::{AtomicU32, Ordering};

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::context::{Config, Ui};
use crate::ui::results_text;
use crate::ui::state::{Action, Notice, State, Step};
use crate::ui::steps::emergency::emergency_step;
use crate::ui::steps::results::results_step;
use crate::ui::steps::safety::safety_step;
use crate::ui::steps::start::start_step;
use crate::ui::steps::symptoms::symptoms_step;
use crate::ui::steps::where_it_hurts::where_step;
use crate::ui::storage::{self, Loaded};
use crate::ui::widgets::progress::progress;

static INSTANCES: AtomicU32 = AtomicU32::new(0);

/// Shown in the footer so a clinic (and the update test) can tell which build is running.
const BUILD: &str = match option_env!("HIPCHECK_BUILD") {
    Some(label) => label,
    None => concat!("v", env!("CARGO_PKG_VERSION")),
};

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub config: Config,
    /// Panics on the first tap of "Start" (the fault test of the crash screen).
    #[prop_or_default]
    pub crash_test: bool,
}

/// A shared check (decoded from the page's share link by the hand-off module) wins over anything
/// saved, which it leaves alone. One that fails validation is ignored: the visitor's own start
/// follows, and the module, seeing no result, says the link could not be read.
fn initial_state(config: &Config) -> State {
    if let Some(saved) = config.shared.as_deref().and_then(storage::parse) {
        return State::shared(saved);
    }
    let state = match storage::load() {
        Loaded::Nothing => State::default(),
        Loaded::Saved(saved) => State::with_saved(Some(saved), None),
        Loaded::Discarded => State::with_saved(None, Some(Notice::SavedDiscarded)),
        Loaded::Newer => State::with_saved(None, Some(Notice::SavedNewer)),
    };
    State {
        phase_reached: storage::load_phase(),
        ..state
    }
}

/// Nothing has focus: the focused element was removed, and the browser fell back to the page.
fn focus_was_dropped() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    match (document.active_element(), document.body()) {
        (None, _) => true,
        (Some(active), Some(body)) => active == *body.unchecked_ref::<web_sys::Element>(),
        (Some(_), None) => false,
    }
}

/// Focuses the first element matching `selector` inside the widget, if there is one.
fn focus(root: &NodeRef, selector: &str) -> Option<web_sys::HtmlElement> {
    let element = root
        .cast::<web_sys::Element>()?
        .query_selector(selector)
        .ok()??
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    let _ = element.focus();
    Some(element)
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer_eq(|| initial_state(&props.config));
    let uid = use_memo((), |_| {
        format!("hc{}", INSTANCES.fetch_add(1, Ordering::Relaxed))
    });
    let ui = use_memo(props.config.clone(), |config| {
        Ui::new(config.clone(), AttrValue::from((*uid).clone()))
    });
    let root = use_node_ref();
    use_saving(&state);
    use_focus_on_new_step(&root, state.step);
    use_focus_on_recheck(&root, state.recheck);
    let text_status = use_results_text_once_started(&root, &ui, &props.config, state.step);
    use_focus_on_question(&root, &state);

    let dispatch = {
        let state = state.clone();
        let crash_test = props.crash_test;
        Callback::from(move |action: Action| {
            if crash_test && action == Action::GoTo(Step::Safety) {
                panic!("crash-test");
            }
            state.dispatch(action)
        })
    };

    // Each step's root carries a key (its name), so a new step is a new subtree, not the old one
    // patched: the emergency stop's role="alert" then arrives as a fresh alert.
    let step = match state.step {
        Step::Start => start_step(&ui, &state, &dispatch),
        Step::Safety => safety_step(&ui, &state, &dispatch),
        Step::Where => where_step(&ui, &state, &dispatch),
        Step::Symptoms => symptoms_step(&ui, &state, &dispatch, text_status),
        Step::Results => results_step(&ui, &state, &dispatch, text_status),
        Step::Emergency => emergency_step(ui.m, &state, &dispatch),
    };
    frame(&ui, root, state.step, step)
}

/// The widget around a step: brand, progress, the step, and the footer.
fn frame(ui: &Ui, root: NodeRef, step: Step, content: Html) -> Html {
    let m = ui.m;
    let title = match &ui.config.clinic_name {
        Some(clinic) => format!("{} · {clinic}", m.app_name),
        None => m.app_name.to_string(),
    };
    html! {
        <ContextProvider<Ui> context={ui.clone()}>
            // A region, not <main>/<header>: the widget lives inside someone else's page and must
            // not add a second main or banner landmark to it.
            <section class="hc-app" ref={root} lang={m.lang} aria-label={m.app_name}>
                <div class="hc-header">
                    <p class="hc-brand"><span class="hc-logo" aria-hidden="true"></span>{ title }</p>
                    // Every other language built, each by its own name; handled by the page's
                    // loader (each language is another build).
                    { for m.languages.iter().filter(|(code, _)| *code != m.lang).map(|&(code, name)| html! {
                        <button type="button" class="hc-link hc-lang" lang={code} data-hc-lang={code}>{ name }</button>
                    }) }
                    { progress(m, step) }
                </div>
                <div class="hc-main">{ content }</div>
                <p class="hc-footer">
                    { m.not_a_diagnosis }{ " " }{ m.start_points[2] }
                    <span class="hc-build">{ BUILD }</span>
                </p>
            </section>
        </ContextProvider<Ui>>
    }
}

/// Saves after every change, except while a saved visit is still being offered (saving then
/// would overwrite it with an empty one) and while a shared check is shown (it is not ours).
#[hook]
fn use_saving(state: &State) {
    let saved = state.saved();
    let offering = state.resume.is_some() || state.shared;
    use_effect_with(
        (saved, offering, state.phase_reached),
        |(saved, offering, reached)| {
            // The plan's phase, once the person has moved on (never a shared check's).
            if let Some((condition, index)) = *reached {
                storage::save_phase(condition, index);
            }
            if !*offering {
                if saved.answers == Default::default() && saved.step == Step::Start {
                    storage::clear();
                } else {
                    storage::save(saved);
                }
            }
        },
    );
}

/// Focuses the new step's heading so keyboard and screen-reader users start at the top of it.
/// Not on the first render: a widget in a blog post must not steal focus or scroll on load.
#[hook]
fn use_focus_on_new_step(root: &NodeRef, step: Step) {
    let first_render = use_mut_ref(|| true);
    let root = root.clone();
    use_effect_with(step, move |_| {
        if std::mem::replace(&mut *first_render.borrow_mut(), false) {
            return;
        }
        if let Some(heading) = focus(&root, ".hc-step-heading") {
            heading.scroll_into_view();
        }
    });
}

/// On the one-question screen each new question (and the "result is ready" card) takes focus,
/// so a screen reader reads its number and text; back on "about your pain", the heading does.
#[hook]
fn use_focus_on_question(root: &NodeRef, state: &State) {
    let on_step = state.step == Step::Symptoms;
    let key = on_step.then(|| {
        state
            .interview
            .asking
            // A question waiting for its wording takes focus again once the wording arrives.
            .then(|| {
                state
                    .current_question()
                    .map(|f| (f.id, f.question.get().is_empty()))
            })
    });
    let first_render = use_mut_ref(|| true);
    let root = root.clone();
    use_effect_with(key, move |key| {
        if std::mem::replace(&mut *first_render.borrow_mut(), false) {
            return;
        }
        match key {
            Some(Some(_)) => {
                focus(&root, ".hc-q-title");
            }
            Some(None) => {
                focus(&root, ".hc-step-heading");
            }
            None => {}
        }
    });
}

/// "Not sure" on an emergency question opens a panel asking it again: focus goes to it.
#[hook]
fn use_focus_on_recheck(root: &NodeRef, recheck: Option<&'static str>) {
    let root = root.clone();
    use_effect_with(recheck, move |recheck| {
        if recheck.is_some() {
            focus(&root, ".hc-recheck");
        }
    });
}

/// The results text is needed only after Start; fetching it then keeps it out of the first
/// load. A successful "Try again" removes its button and the browser drops focus to the page:
/// focus goes to the plan that replaced the button instead (unless the person has moved on).
#[hook]
fn use_results_text_once_started(
    root: &NodeRef,
    ui: &Ui,
    config: &Config,
    step: Step,
) -> results_text::Status {
    let assets = config.assets.clone();
    use_effect_with(step != Step::Start, move |started| {
        if *started {
            results_text::load(&assets);
        }
    });
    let text_status = results_text::use_results_text();
    let root = root.clone();
    let widget = ui.uid.clone();
    use_effect_with(text_status, move |_| {
        if results_text::take_focus_plan(&widget) && focus_was_dropped() {
            focus(&root, ".hc-plan-heading");
        }
    });
    text_status
}
