//! `assess`: triage, ranking, plan and safety net from one person's answers, put together as
//! the `Assessment` every output reads (the CLI's JSON, the widget, FHIR and the hand-off).
//!
//! Pure and deterministic: the same answers always give the same assessment, natively and in
//! the browser. Ids the knowledge base does not know are ignored here (validation refuses them
//! earlier), so `assess` never panics.

use crate::texts::fill;
use serde::Serialize;

use super::answers::Answers;
use super::facts::Facts;
use super::plan::{plan_for, PlanAdvice, PlanKind};
use super::scoring::{rank_conditions, Likelihood, RankedCondition, Ranking};
use super::triage::{fire_rules, triage, Triage};
use crate::kb::{Level, KB};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub contract: u32,
    pub triage: Triage,
    pub conditions: Vec<RankedCondition>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanAdvice>,
    pub safety_net: Vec<&'static str>,
    /// One plain sentence saying what the result rests on.
    pub summary: String,
}

/// Assesses one person's answers. Never panics; ids unknown to the knowledge base are ignored.
pub fn assess(answers: &Answers) -> Assessment {
    let facts = Facts::from(answers);
    let fired = fire_rules(&facts);
    let Ranking { conditions, care } = rank_conditions(&facts, &fired);
    let triage = triage(&facts, fired, &care, &conditions);
    let plan = plan_for(triage.level, &conditions, &facts);
    Assessment {
        contract: super::answers::CONTRACT_VERSION,
        safety_net: safety_net(triage.level, plan.as_ref(), &conditions, &facts),
        summary: summary(&facts, &conditions),
        triage,
        conditions,
        plan,
    }
}

/// Always-shown advice, the level's review lines (with a plan, its "safe to start" lines), and
/// what would change the advice for the leading condition.
fn safety_net(
    level: Level,
    plan: Option<&PlanAdvice>,
    conditions: &[RankedCondition],
    facts: &Facts,
) -> Vec<&'static str> {
    let text = level.text();
    let mut safety_net: Vec<&'static str> = KB.always.to_vec();
    safety_net.extend(facts.said(text.review));
    if plan.is_some_and(|p| p.kind == PlanKind::Rehab) {
        safety_net.extend(facts.said(text.with_plan));
    }
    if level != Level::Emergency {
        if let Some(condition) = conditions.first().and_then(|c| KB.condition(c.id)) {
            safety_net.extend_from_slice(condition.watch_for);
        }
    }
    safety_net
}

/// One sentence saying what the result rests on.
fn summary(facts: &Facts, conditions: &[RankedCondition]) -> String {
    match (facts.is_empty(), conditions.first()) {
        (true, _) => KB.no_answers.to_string(),
        (false, None) => KB.wording.no_clear_fit.to_string(),
        // CLINICAL.md rule 14: never "best fit" and "less likely" at once.
        (false, Some(top)) if top.likelihood == Likelihood::LessLikely => {
            fill(KB.wording.closest_fit, "{name}", top.name.get())
        }
        (false, Some(top)) => fill(
            &fill(KB.wording.best_fit, "{likelihood}", top.likelihood.label()),
            "{name}",
            top.name.get(),
        ),
    }
}
