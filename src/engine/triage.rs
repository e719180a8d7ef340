//! Triage: which rules fire (a "not sure" caps an emergency rule at same-day), the level
//! shown, why, and what to do now. Kept apart from the ranking because the rules, not the
//! scores, carry the red flags: this is the part that must never under-triage.

use serde::Serialize;

use super::facts::Facts;
use super::reasons::{Reason, Reasons};
use super::scoring::{Likelihood, RankedCondition};
use super::stable_sort::stable_sort_by;
use crate::kb::{Condition, FactSet, Level, Rule, Text, AGE_GATED, FINDINGS, KB};

impl Serialize for Level {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Triage {
    pub level: Level,
    /// Finding or condition ids followed by plain text, for each thing that set the level.
    pub reasons: Reasons,
    pub headline: &'static str,
    pub how_soon: &'static str,
    pub who: &'static str,
    /// What to do now, most urgent first.
    pub actions: Vec<&'static str>,
    pub fired: Vec<FiredRule>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FiredRule {
    #[cfg(not(target_arch = "wasm32"))]
    pub rule: &'static str,
    pub level: Level,
    pub findings: Vec<&'static str>,
    /// The rule fired only because an answer was "not sure".
    pub unsure: bool,
    pub reason: Text,
    pub action: &'static str,
    #[cfg(not(target_arch = "wasm32"))]
    pub consider: &'static [&'static str],
    /// The sources this rule is about (bits of indices into `KB.conditions`).
    #[serde(skip)]
    pub sources: u32,
}

/// Whether `rule` fires when the facts in `present` hold (the interview asks it of answers not
/// given yet).
pub(super) fn rule_fires(rule: &Rule, present: FactSet, facts: &Facts) -> bool {
    let questions = rule.all | rule.any;
    let age_ok = match facts.age {
        Some(age) => {
            rule.min_age.is_none_or(|min| age >= min) && rule.max_age.is_none_or(|max| age <= max)
        }
        // Unknown age: a "yes" to a question only shown for that age band places the person in it;
        // a rule with no such question must not guess.
        None => {
            (rule.min_age.is_none() && rule.max_age.is_none())
                || present & questions & AGE_GATED != 0
        }
    };
    age_ok
        && rule.all & !present == 0
        && (rule.any == 0 || rule.any & present != 0)
        && (rule.regions == 0 || rule.regions & facts.regions != 0)
        && (!rule.needs_pain || facts.regions != 0)
        && (!rule.runner_only || facts.runner)
}

/// The ids of a set of facts, in knowledge-base order.
fn fact_ids(mut set: FactSet) -> Vec<&'static str> {
    let mut ids = Vec::with_capacity(set.count_ones() as usize);
    while set != 0 {
        ids.push(KB.facts[set.trailing_zeros() as usize]);
        set &= set - 1;
    }
    ids
}

/// Every rule that fires, most urgent first. A rule that needs a "not sure" to fire still fires,
/// capped at same-day and marked `unsure`.
pub(super) fn fire_rules(facts: &Facts) -> Vec<FiredRule> {
    let mut fired = Vec::new();
    for rule in KB.rules {
        let (level, unsure, present) = if rule_fires(rule, facts.yes, facts) {
            (rule.level, false, facts.yes)
        } else if facts.unsure != 0 && rule_fires(rule, facts.yes | facts.unsure, facts) {
            // CLINICAL.md rule 2: a final "not sure" on an emergency question means same-day.
            (
                rule.level.min(Level::SameDay),
                true,
                facts.yes | facts.unsure,
            )
        } else {
            continue;
        };
        let findings = fact_ids((rule.all | rule.any) & present & FINDINGS);
        fired.push(FiredRule {
            #[cfg(not(target_arch = "wasm32"))]
            rule: rule.id,
            level,
            findings,
            unsure,
            reason: rule.reason,
            // A capped rule's own action ("go to an emergency department now") would contradict
            // its level.
            action: if unsure && level < rule.level {
                KB.unsure_action
            } else {
                rule.action.get()
            },
            #[cfg(not(target_arch = "wasm32"))]
            consider: rule.consider,
            sources: rule.sources,
        });
    }
    // Most urgent first; the knowledge base order breaks ties, so output is deterministic.
    stable_sort_by(&mut fired, |a, b| b.level.cmp(&a.level));
    fired
}

/// The triage shown: the level (the most urgent of the rules fired and of the conditions that
/// call for a professional themselves), why, and what to do now.
pub(super) fn triage(
    facts: &Facts,
    mut fired: Vec<FiredRule>,
    care: &[&'static Condition],
    conditions: &[RankedCondition],
) -> Triage {
    let level = care
        .iter()
        .map(|c| c.care)
        .chain(fired.first().map(|r| r.level))
        .fold(Level::SelfCare, Level::max);
    if level == Level::Emergency {
        // CLINICAL.md rule 15: an emergency result carries only what to do now, in every output
        // (the CLI's JSON, the FHIR export and the hand-off read the same assessment).
        fired.retain(|rule| rule.level == Level::Emergency);
    }
    let reasons = reasons(facts, &fired, care, conditions, level);
    let actions = actions(&fired, level);
    let text = level.text();
    let nothing = facts.is_empty() && level == Level::SelfCare;
    Triage {
        level,
        reasons: Reasons(reasons),
        // Nothing marked and nothing fired: say so, rather than "safe to start".
        headline: if nothing {
            KB.wording.nothing_headline
        } else {
            text.headline
        },
        how_soon: if nothing {
            KB.wording.nothing_how_soon
        } else {
            text.how_soon
        },
        who: if nothing {
            KB.wording.nothing_who
        } else {
            text.who
        },
        actions,
        fired,
    }
}

/// What to do now: the actions of the rules at the level shown, once each.
fn actions(fired: &[FiredRule], level: Level) -> Vec<&'static str> {
    let mut actions: Vec<&'static str> = Vec::new();
    for rule in fired.iter().filter(|r| r.level == level) {
        // An action that waits for the after-Start text (empty until then) is left out: only a
        // shared check can show such a rule before the text has arrived.
        if !rule.action.is_empty() && !actions.contains(&rule.action) {
            actions.push(rule.action);
        }
    }
    actions
}

/// Each fired rule with the findings that fired it, then each condition that needs a
/// professional; or, when nothing does, why not.
fn reasons(
    facts: &Facts,
    fired: &[FiredRule],
    care: &[&'static Condition],
    conditions: &[RankedCondition],
    level: Level,
) -> Vec<Reason> {
    let mut reasons = Vec::new();
    // At an emergency `fired` holds only the emergency rules (CLINICAL.md rule 15).
    for rule in fired {
        reasons.extend(rule.findings.iter().map(|f| Reason::Finding(f)));
        reasons.push(Reason::Rule {
            reason: rule.reason,
            unsure: rule.unsure,
        });
    }
    // Rule 15: no result carries a "checked within weeks" sentence for a source whose care is
    // below the level shown.
    for condition in care.iter().filter(|c| c.care >= level) {
        let likelihood = conditions
            .iter()
            .find(|c| c.id == condition.id)
            .map_or(Likelihood::Possible, |c| {
                c.likelihood.max(Likelihood::Possible)
            });
        reasons.push(Reason::Condition {
            id: condition.id,
            name: condition.name,
            likelihood,
            care: condition.care,
        });
    }
    if reasons.is_empty() {
        reasons.push(if facts.is_empty() {
            Reason::NothingToAssess
        } else {
            Reason::NoWarningSigns
        });
    }
    reasons
}
