//! The plan: a phased exercise plan, what is safe until seen, or advice before a check-up,
//! chosen from the level and the ranking. Separate because it decides whether anyone is handed
//! exercises, which CLINICAL.md rules 10 and 11 forbid for a child or a possible fracture.

use serde::Serialize;

use super::facts::Facts;
use super::scoring::{Likelihood, RankedCondition};
use crate::kb::{Level, PainRule, Plan, Text, UntilSeen, KB};

impl Serialize for PainRule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanKind {
    /// A phased exercise plan (self-care and soon).
    Rehab,
    /// Only what is safe until the person is seen (within-days and same-day).
    UntilSeen,
    /// What to do before a check-up for a condition that exercises don't treat (a hernia at
    /// `soon`): no exercises, and not "until seen", which would say the level is too low.
    Advice,
}

/// Plan wording: what to do until seen is compiled in (it must never wait for a download); a
/// rehab plan's wording is results-only text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanText {
    Inline(&'static str),
    Results(Text),
}

impl PlanText {
    pub fn get(self) -> &'static str {
        match self {
            PlanText::Inline(text) => text,
            PlanText::Results(text) => text.get(),
        }
    }
}

impl Serialize for PlanText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.get())
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn exercise_ids<S: serde::Serializer>(indices: &&[u16], serializer: S) -> Result<S::Ok, S::Error> {
    let exercises = indices
        .iter()
        .filter_map(|&i| KB.exercises.get(usize::from(i)));
    serializer.collect_seq(exercises.map(|e| e.id))
}

/// The widget never serialises a plan, and its exercises carry no ids (they stay out of the
/// first load).
#[cfg(target_arch = "wasm32")]
fn exercise_ids<S: serde::Serializer>(indices: &&[u16], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(indices.iter())
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanPhase {
    pub name: PlanText,
    pub timing: PlanText,
    pub goal: PlanText,
    /// Indices into `KB.exercises`; the JSON has their ids.
    #[serde(serialize_with = "exercise_ids")]
    pub exercises: &'static [u16],
    pub move_on: &'static [Text],
    /// Only the sentences that fit this person (CLINICAL.md rule 15).
    pub advice: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanAdvice {
    pub condition: &'static str,
    pub kind: PlanKind,
    pub title: PlanText,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pain_rule: Option<PainRule>,
    pub phases: Vec<PlanPhase>,
}

/// The "until seen" advice written for `condition`, else the general advice.
fn until_seen_for(condition: Option<&str>) -> &'static UntilSeen {
    let specific = condition.and_then(|id| {
        let index = KB.conditions.iter().position(|c| c.id == id)? as u8;
        KB.until_seen.iter().find(|u| u.conditions.contains(&index))
    });
    specific
        .or_else(|| KB.until_seen.iter().find(|u| u.conditions.is_empty()))
        .unwrap_or(&KB.until_seen[0])
}

/// The plan for this level and ranking, if any: none at an emergency, and never exercises for a
/// child or while a condition that must be seen first is possible.
pub(super) fn plan_for(
    level: Level,
    conditions: &[RankedCondition],
    facts: &Facts,
) -> Option<PlanAdvice> {
    let child = facts.child();
    let leader = conditions.first();
    // CLINICAL.md rule 10: never a loading plan under 16. The child rules raise the level
    // whenever there is pain; without a painful area there is nothing to plan for.
    if child && level < Level::WithinDays {
        return None;
    }
    // A condition that must not be self-managed (bone stress) and is still possible, wherever
    // it ranks, decides the "until seen" advice: protecting the bone matters most.
    let unsafe_to_load = conditions
        .iter()
        .find(|c| c.care >= Level::WithinDays && c.likelihood >= Likelihood::Possible);
    match level {
        Level::Emergency => None,
        Level::SameDay | Level::WithinDays => {
            let guide = unsafe_to_load.or(leader).map(|c| c.id);
            Some(until_seen_plan(
                guide.unwrap_or(""),
                until_seen_for(guide),
                facts,
            ))
        }
        Level::Soon | Level::SelfCare => {
            // Unreachable while bone stress is possible (`condition_care` raises the level),
            // kept so that no ordering of the code can hand out squats with a possible fracture.
            if let Some(bone) = unsafe_to_load {
                return Some(until_seen_plan(
                    bone.id,
                    until_seen_for(Some(bone.id)),
                    facts,
                ));
            }
            let leader = leader?;
            let condition = KB.condition(leader.id)?;
            match KB.plan(condition.id) {
                Some(plan) if condition.self_manage => Some(rehab_plan(condition.id, plan)),
                _ => {
                    let mut advice =
                        until_seen_plan(condition.id, until_seen_for(Some(condition.id)), facts);
                    advice.kind = PlanKind::Advice;
                    Some(advice)
                }
            }
        }
    }
}

/// The content's phased exercise plan for a self-managed condition.
fn rehab_plan(condition: &'static str, plan: &'static Plan) -> PlanAdvice {
    PlanAdvice {
        condition,
        kind: PlanKind::Rehab,
        title: PlanText::Results(plan.summary),
        pain_rule: Some(plan.pain_rule),
        phases: plan
            .phases
            .iter()
            .map(|phase| PlanPhase {
                name: PlanText::Results(phase.name),
                timing: PlanText::Results(phase.timing),
                goal: PlanText::Results(phase.goal),
                exercises: phase.exercises,
                move_on: phase.move_on,
                advice: Vec::new(),
            })
            .collect(),
    }
}

/// What is safe until seen, with only the sentences that fit this person.
fn until_seen_plan(
    condition: &'static str,
    until_seen: &'static UntilSeen,
    facts: &Facts,
) -> PlanAdvice {
    PlanAdvice {
        condition,
        kind: PlanKind::UntilSeen,
        title: PlanText::Inline(until_seen.title),
        pain_rule: None,
        phases: vec![PlanPhase {
            name: PlanText::Inline(until_seen.title),
            timing: PlanText::Inline(KB.wording.until_seen_timing),
            goal: PlanText::Inline(KB.wording.until_seen_goal),
            exercises: &[],
            move_on: &[],
            advice: facts.said(until_seen.advice).collect(),
        }],
    }
}
