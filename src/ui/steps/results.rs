use crate::texts::fill;
use yew::prelude::*;

use crate::engine::{
    assess, Against, Assessment, Likelihood, PlanAdvice, PlanKind, RankedCondition, Reason,
};
use crate::handoff::result_lines;
use crate::kb::{Derived, Level, PainRule, Plan, Text, KB};
use crate::ui::context::Ui;
use crate::ui::results_text::{self, Status};
use crate::ui::state::{Action, State, Step};
use crate::ui::storage::encode;
use crate::ui::widgets::list_items::list_items;
use crate::ui::widgets::plan_phases::plan_phases;

/// Today's date in the reader's language, formatted by the browser (so the printout is dated
/// without a date library in the wasm).
fn today(lang: &str) -> String {
    // A long date ("26 November 2026") cannot be misread as day/month or month/day.
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    String::from(js_sys::Date::new_0().to_locale_date_string(lang, &options))
}

fn level_class(level: Level) -> &'static str {
    match level {
        Level::Emergency => "hc-banner hc-level-emergency",
        Level::SameDay => "hc-banner hc-level-same-day",
        Level::WithinDays => "hc-banner hc-level-within-days",
        Level::Soon => "hc-banner hc-level-soon",
        Level::SelfCare => "hc-banner hc-level-self-care",
    }
}

/// The sentences of the reasons (the ids are for machines).
fn plain_reasons(result: &Assessment) -> Vec<String> {
    result
        .triage
        .reasons
        .0
        .iter()
        .filter_map(Reason::text)
        .collect()
}

/// The result: triage banner first, then possible sources with reasons, then the plan, the
/// safety net, the clinic's call to action, and ways to change answers or print.
///
/// `text_status` is the results text's: only the plan's wording and the condition summaries
/// wait for it; the triage, the reasons and the safety net never do.
pub fn results_step(
    ui: &Ui,
    state: &State,
    dispatch: &Callback<Action>,
    text_status: Status,
) -> Html {
    let m = ui.m;
    let result = assess(&state.answers);
    html! {
        // The hand-off module reads the saved record (data-record: what is on screen, even when
        // storage failed) and the result as `hipcheck handoff` prints it (data-result), never
        // the markup (docs/architecture.md, "Hand-off").
        <div key="results" class="hc-step hc-results" data-record={encode(&state.saved())} data-result={result_lines(&result)}>
            // A shared check says so first (assets/handoff.mjs fills it; Yew never does).
            <div class="hc-handoff-top"></div>
            <h2 class="hc-step-heading" tabindex="-1">{ m.results_heading }</h2>
            // A shared check was made on another day: its banner gives that date, not today's.
            <p class="hc-hint">{ m.not_a_diagnosis }if !state.shared { { " " }{ fill(m.checked_on, "{date}", &today(m.lang)) } }</p>
            // Announced once, politely, when the result appears.
            <p class="hc-visually-hidden" role="status">{ format!("{}: {}", m.results_heading, result.triage.headline) }</p>
            // What to do first: the level, then this week's plan and when to get help sooner,
            // then why (the sources, their reasons one tap away), so a phone shows today's
            // exercises without scrolling past weeks 2 to 12 (issue 22).
            { banner(ui, &result) }
            { for booking(ui) }
            { for result.plan.as_ref().map(|plan| plan_section(ui, plan, text_status, state, dispatch)) }
            { safety_net(ui, &result) }
            { sources(ui, &result) }
            // Filled by the hand-off module (assets/handoff.mjs); Yew never renders into it.
            <div class="hc-handoff"></div>
            if !state.shared { { change_answers(ui, dispatch) } }
        </div>
    }
}

/// The level, how soon and who to see, what to do now and why.
fn banner(ui: &Ui, result: &Assessment) -> Html {
    let m = ui.m;
    let level = result.triage.level;
    html! {
        <section class={level_class(level)} aria-labelledby={ui.id("banner-title")}>
            <p class="hc-level-name">{ m.level_names[level as usize] }</p>
            <h3 id={ui.id("banner-title")}>{ result.triage.headline }</h3>
            <dl class="hc-banner-facts">
                <div><dt>{ m.how_soon }</dt><dd>{ result.triage.how_soon }</dd></div>
                <div><dt>{ m.who_to_see }</dt><dd>{ result.triage.who }</dd></div>
            </dl>
            if !result.triage.actions.is_empty() {
                <h4>{ m.what_to_do }</h4>
                <ul>{ list_items(&mut result.triage.actions.iter().copied()) }</ul>
            }
            <h4>{ m.why_this_level }</h4>
            <ul class="hc-reasons">{ for plain_reasons(result).into_iter().map(|r| html! { <li>{ r }</li> }) }</ul>
        </section>
    }
}

/// The ranked possible sources, each with the evidence for and against it. Their names come with
/// the results text; until then (or if it cannot load, when the plan says so and offers "Try
/// again") the section waits, while the level, its reasons' actions and the safety net show.
fn sources(ui: &Ui, result: &Assessment) -> Html {
    if !crate::texts::installed() {
        return Html::default();
    }
    html! {
        <section class="hc-section" aria-labelledby={ui.id("sources")}>
            <h3 id={ui.id("sources")}>{ KB.results_wording.sources_heading.get() }</h3>
            if result.conditions.is_empty() {
                <p>{ result.summary.clone() }</p>
            } else {
                <p class="hc-hint">{ KB.results_wording.sources_intro.get() }</p>
                <ol class="hc-sources">{ for result.conditions.iter().map(source) }</ol>
            }
        </section>
    }
}

fn likelihood_label(likelihood: Likelihood) -> &'static str {
    let w = &KB.results_wording;
    match likelihood {
        Likelihood::Likely => w.likely.get(),
        Likelihood::Possible => w.possible.get(),
        Likelihood::LessLikely => w.less_likely.get(),
    }
}

fn source(c: &RankedCondition) -> Html {
    let summary = KB.condition(c.id).map_or("", |k| k.summary.get());
    let likelihood = c.likelihood.id();
    let sign = |sign: &'static str, hidden: &'static str, label: String| {
        html! {
            <li><span class="hc-sign" aria-hidden="true">{ sign }</span><span class="hc-visually-hidden">{ hidden }{ ": " }</span>{ label }</li>
        }
    };
    html! {
        <li class="hc-source" data-id={c.id}>
            <div class="hc-source-head">
                <h4>{ c.name.get() }</h4>
                <span class={format!("hc-badge hc-{likelihood}")}>{ likelihood_label(c.likelihood) }</span>
            </div>
            // The reasons one tap away: the names and likelihoods are what most people need.
            <details class="hc-evidence">
                <summary class="hc-evidence-title">{ KB.results_wording.why_we_think.get() }</summary>
                if !summary.is_empty() { <p>{ summary }</p> }
                <ul class="hc-for">
                    { for c.evidence.supports.iter().map(|f| fact_label(f)).filter(|l| !l.is_empty()).map(|l| sign("+", KB.results_wording.evidence_for.get(), l)) }
                </ul>
                if !c.evidence.against.is_empty() {
                    <ul class="hc-against">
                        { for c.evidence.against.iter().map(against_label).filter(|l| !l.is_empty()).map(|l| sign("−", KB.results_wording.evidence_against.get(), l)) }
                    </ul>
                }
            </details>
        </li>
    }
}

/// A phased plan once its wording has loaded; until then (or if it cannot load) the pain rule
/// and every line about getting seen or stopping; or "until seen" advice.
fn plan_section(
    ui: &Ui,
    plan: &PlanAdvice,
    text_status: Status,
    state: &State,
    dispatch: &Callback<Action>,
) -> Html {
    match (plan.kind, KB.plan(plan.condition)) {
        (PlanKind::Rehab, Some(full)) if text_status != Status::Ready => {
            plan_waiting(ui, plan, full, text_status)
        }
        (PlanKind::Rehab, Some(full)) => rehab_plan(ui, plan, full, state, dispatch),
        _ => advice_plan(ui, plan),
    }
}

/// Both forms of a rehab plan, loaded or not, open with this heading (a "Try again" that
/// succeeds moves focus to it).
fn plan_heading(ui: &Ui, title: &'static str) -> Html {
    html! { <h3 id={ui.id("plan")} class="hc-plan-heading" tabindex="-1">{ title }</h3> }
}

/// Compiled in: how much pain is OK shows while the plan's text is still on its way.
fn pain_rule(ui: &Ui, plan: &PlanAdvice) -> Html {
    let m = ui.m;
    html! {
        <div class="hc-callout">
            <h4>{ m.pain_rule_heading }</h4>
            <p>{ if plan.pain_rule == Some(PainRule::Bone) { m.pain_rule_bone } else { m.pain_rule_tendon } }</p>
        </div>
    }
}

fn plan_waiting(ui: &Ui, plan: &PlanAdvice, full: &'static Plan, text_status: Status) -> Html {
    let m = ui.m;
    let onretry = {
        let assets = ui.config.assets.clone();
        let widget = ui.uid.clone();
        Callback::from(move |_| results_text::retry(&assets, widget.clone()))
    };
    let retry = matches!(text_status, Status::Failed | Status::Retrying);
    // Every line of the plan about getting seen or stopping is compiled in (marked `get_seen`
    // in content), so it shows even when the rest of the wording cannot load.
    let phases = full.phases.iter().flat_map(|phase| {
        [phase.name, phase.timing, phase.goal]
            .into_iter()
            .chain(phase.move_on.iter().copied())
    });
    let lists = [
        full.education,
        full.avoid,
        full.cross_training,
        full.return_to_run,
    ];
    let mut get_seen: Vec<&'static str> = [full.summary, full.expected_course]
        .into_iter()
        .chain(lists.into_iter().flatten().copied())
        .chain(phases)
        .filter(|t| t.is_compiled_in())
        .map(|t| t.get())
        .collect();
    get_seen.push(full.review.get());
    html! {
        <section class="hc-section hc-plan" aria-labelledby={ui.id("plan")}>
            { plan_heading(ui, m.plan_heading) }
            <p role="status">{ if text_status == Status::Failed { m.plan_failed } else { m.plan_loading } }</p>
            if retry {
                <div class="hc-actions hc-actions-top">
                    <button type="button" class="hc-button" onclick={onretry}
                        aria-disabled={(text_status == Status::Retrying).to_string()}>{ m.try_again }</button>
                </div>
            }
            { pain_rule(ui, plan) }
            <div class="hc-plan-list">
                <h4>{ m.get_seen_heading }</h4>
                <ul>{ list_items(&mut get_seen.into_iter()) }</ul>
            </div>
        </section>
    }
}

/// A titled list of plan text; `detail` lists are left out of the printed summary, which must
/// fit on two pages.
fn plan_list(title: &'static str, items: &'static [Text], detail: bool) -> Option<Html> {
    (!items.is_empty()).then(|| {
        html! {
            <div class={if detail { "hc-plan-list hc-print-hide" } else { "hc-plan-list" }}>
                <h4>{ title }</h4>
                <ul>{ list_items(&mut items.iter().map(|i| i.get())) }</ul>
            </div>
        }
    })
}

fn rehab_plan(
    ui: &Ui,
    plan: &PlanAdvice,
    full: &'static Plan,
    state: &State,
    dispatch: &Callback<Action>,
) -> Html {
    let w = &KB.results_wording;
    let citations = full.citations.iter().map(|c| c.get());
    html! {
        <section class="hc-section hc-plan" aria-labelledby={ui.id("plan")}>
            { plan_heading(ui, w.plan_this_week.get()) }
            <p>{ full.summary.get() }</p>
            { pain_rule(ui, plan) }
            { plan_phases(plan, state, dispatch) }
            <details class="hc-plan-more">
                <summary>{ w.plan_more.get() }</summary>
                <p class="hc-hint hc-print-hide">{ full.expected_course.get() }</p>
                { for plan_list(w.education_heading.get(), full.education, true) }
                { for plan_list(w.plan_avoid_heading.get(), full.avoid, false) }
                { for plan_list(w.cross_training_heading.get(), full.cross_training, true) }
                { for plan_list(w.return_to_run_heading.get(), full.return_to_run, true) }
                <div class="hc-plan-list">
                    <h4>{ w.review_heading.get() }</h4>
                    <p>{ full.review.get() }</p>
                </div>
                <details class="hc-references">
                    <summary>{ w.references_heading.get() }</summary>
                    <ul>{ list_items(&mut citations.into_iter()) }</ul>
                </details>
            </details>
        </section>
    }
}

/// "Until you are seen" advice, or a check-up's advice (`PlanKind::Advice`).
fn advice_plan(ui: &Ui, plan: &PlanAdvice) -> Html {
    let m = ui.m;
    let heading = if plan.kind == PlanKind::Advice {
        m.advice_heading
    } else {
        m.until_seen_heading
    };
    html! {
        <section class="hc-section hc-plan" aria-labelledby={ui.id("plan")}>
            <h3 id={ui.id("plan")}>{ heading }</h3>
            { for plan.phases.iter().map(|phase| html! {
                <>
                    <h4>{ phase.name.get() }</h4>
                    <ul>{ list_items(&mut phase.advice.iter().copied()) }</ul>
                </>
            }) }
        </section>
    }
}

fn safety_net(ui: &Ui, result: &Assessment) -> Html {
    html! {
        <section class="hc-section" aria-labelledby={ui.id("net")}>
            <h3 id={ui.id("net")}>{ ui.m.safety_net_heading }</h3>
            <ul>{ list_items(&mut result.safety_net.iter().copied()) }</ul>
        </section>
    }
}

/// The clinic's call to action, when it gave a booking link.
fn booking(ui: &Ui) -> Option<Html> {
    let m = ui.m;
    let url = ui.config.booking_url.as_ref()?;
    let label = ui
        .config
        .booking_label
        .clone()
        .unwrap_or_else(|| AttrValue::from(m.book_default_label));
    Some(html! {
        <section class="hc-section hc-book" aria-label={label.clone()}>
            <p>{ m.book_intro }</p>
            <a class="hc-button hc-primary hc-cta" href={url.clone()} target="_blank" rel="noopener">{ label }</a>
            if let Some(phone) = &ui.config.phone {
                <p><a href={format!("tel:{}", phone.replace(' ', ""))}>{ phone.clone() }</a></p>
            }
        </section>
    })
}

/// Back to any step, print, or start again.
fn change_answers(ui: &Ui, dispatch: &Callback<Action>) -> Html {
    let m = ui.m;
    let go = |step: Step| {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::GoTo(step)))
    };
    let onprint = Callback::from(|_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let onrestart = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::StartOver))
    };
    let check_again = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::CheckAgain))
    };
    html! {
        <section class="hc-section hc-change no-print" aria-labelledby={ui.id("change")}>
            <h3 id={ui.id("change")}>{ m.change_answers }</h3>
            <div class="hc-actions hc-actions-wrap">
                <button type="button" class="hc-button" onclick={go(Step::Start)}>{ m.step_names[0] }</button>
                <button type="button" class="hc-button" onclick={go(Step::Safety)}>{ m.step_names[1] }</button>
                <button type="button" class="hc-button" onclick={go(Step::Where)}>{ m.step_names[2] }</button>
                <button type="button" class="hc-button" onclick={go(Step::Symptoms)}>{ m.step_names[3] }</button>
            </div>
            <div class="hc-actions hc-actions-wrap">
                <button type="button" class="hc-button hc-primary hc-print" onclick={onprint}>{ m.print }</button>
                <button type="button" class="hc-button" onclick={check_again}>{ m.check_again }</button>
                <button type="button" class="hc-button" onclick={onrestart}>{ m.start_again }</button>
            </div>
        </section>
    }
}

/// A plain label for evidence against a condition; empty until the results text has loaded.
fn against_label(against: &Against) -> String {
    match *against {
        Against::Present(id) => fact_label(id),
        Against::AnsweredNo(finding) => match KB.finding(finding).map_or("", |f| f.label.get()) {
            "" => String::new(),
            label => fill(KB.results_wording.answered_no.get(), "{label}", label),
        },
    }
}

/// A plain label for any fact id (region, finding or derived fact); empty until the results
/// text has loaded.
fn fact_label(id: &str) -> String {
    let words = &KB.results_wording;
    if let Some(region) = KB.region(id) {
        return fill(
            words.painful_area.get(),
            "{label}",
            &region.label.to_ascii_lowercase(),
        );
    }
    if let Some(finding) = KB.finding(id) {
        return finding.label.get().to_string();
    }
    Derived::ALL
        .iter()
        .position(|d| d.id() == id)
        .and_then(|i| words.derived.get(i))
        .map_or("", |label| label.get())
        .to_string()
}
