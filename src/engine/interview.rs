//! Which symptom questions can still change the outcome, and in which order to ask them.
//!
//! The outcome is the triage level, the leading condition, and the plan (its kind and the
//! condition it is for). Scores are sums of weights, so every unanswered question moves each
//! condition's score within a known interval (yes, not sure, no, or never asked), and rules can
//! only fire, never un-fire, as answers are added. The interview is **settled** when, over
//! every way the remaining questions could be answered or left unanswered, those intervals and
//! rules cannot change the outcome. Red-flag questions are never skipped: they are not part of
//! this at all (the UI asks every one that applies).

use super::answers::Answers;
use super::assess::assess;
use super::facts::{bit, Facts};
use super::plan::PlanKind;
use super::questions::symptom_questions;
use super::scoring::{condition_standing, MIN_LISTED_SCORE, POSSIBLE_SCORE, UNSURE_FACTOR};
use super::stable_sort::stable_sort_by;
use super::triage::{fire_rules, rule_fires};
use crate::kb::{Condition, FactSet, Finding, FindingKind, Level, KB};

/// What the interview should do next.
#[derive(Debug, Clone, PartialEq)]
pub struct Interview {
    /// No answer to the remaining questions can change the outcome.
    pub settled: bool,
    /// The unanswered questions that could still change it, most informative first; empty once
    /// settled.
    pub next: Vec<&'static Finding>,
    /// Every unanswered applicable question (for "answer the rest").
    pub remaining: Vec<&'static Finding>,
}

/// The part of an assessment the interview must not change by stopping early.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub level: Level,
    pub leader: Option<&'static str>,
    pub plan: Option<(PlanKind, &'static str)>,
}

/// At an emergency only what to do now is shown, so the ranking is not part of the outcome.
pub fn outcome(answers: &Answers) -> Outcome {
    outcome_of(&assess(answers))
}

fn outcome_of(result: &super::assess::Assessment) -> Outcome {
    let emergency = result.triage.level == Level::Emergency;
    Outcome {
        level: result.triage.level,
        leader: result
            .conditions
            .first()
            .filter(|_| !emergency)
            .map(|c| c.id),
        plan: result.plan.as_ref().map(|p| (p.kind, p.condition)),
    }
}

/// How far a condition's score can move, and whether its hallmark can appear.
struct Range {
    condition: &'static Condition,
    lo: f32,
    hi: f32,
    /// The least its floor (every "not sure" as "no") can be: how surely it blocks a rival
    /// `soon` condition from leading (`could_lead` in scoring.rs).
    floor_lo: f32,
    /// Listed whatever the remaining answers, with a hallmark answered yes.
    blocks_for_sure: bool,
    /// Listed, or can become listed (something observed supports it).
    observable: bool,
    hallmark_now: bool,
    hallmark_possible: bool,
}

impl Range {
    fn can_list(&self) -> bool {
        self.observable && self.hi >= MIN_LISTED_SCORE
    }
    /// "At least possible" whatever the remaining answers.
    fn surely_possible(&self) -> bool {
        self.hallmark_now && self.lo >= POSSIBLE_SCORE
    }
    /// "At least possible" for some of the remaining answers.
    fn maybe_possible(&self) -> bool {
        self.can_list() && self.hallmark_possible && self.hi >= POSSIBLE_SCORE
    }
}

/// A question's effect on one condition's score, for each way it can be answered.
fn deltas(condition: &Condition, fact: u8) -> [f32; 4] {
    let weight = |items: &[crate::kb::Weighted]| {
        items
            .iter()
            .find(|w| w.fact == fact)
            .map_or(0.0, |w| f32::from(w.weight))
    };
    let support = weight(condition.supports);
    let against = weight(condition.against);
    let against_if_no = weight(condition.against_if_no);
    // Never asked, yes, not sure ("not sure" never argues against), no.
    [
        0.0,
        support - against,
        support * UNSURE_FACTOR,
        -against_if_no,
    ]
}

fn range(condition: &'static Condition, facts: &Facts, remaining: FactSet) -> Range {
    let now = condition_standing(condition, facts);
    let (mut lo, mut hi, mut floor_lo) = (now.raw, now.raw, now.floor);
    let mut set = remaining;
    while set != 0 {
        let fact = set.trailing_zeros() as u8;
        set &= set - 1;
        let d = deltas(condition, fact);
        lo += d.iter().copied().fold(f32::INFINITY, f32::min);
        hi += d.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        // The floor counts "not sure" as "no".
        floor_lo += [d[0], d[1], d[3], d[3]]
            .iter()
            .copied()
            .fold(f32::INFINITY, f32::min);
    }
    let supported_later = condition
        .supports
        .iter()
        .any(|w| remaining & bit(w.fact) != 0);
    Range {
        condition,
        lo,
        hi,
        floor_lo,
        blocks_for_sure: now.observed_for_sure && now.hallmark_certain,
        observable: now.observed || supported_later,
        hallmark_now: now.hallmark,
        hallmark_possible: now.hallmark || condition.needs_any & remaining != 0,
    }
}

/// The lowest and highest level any completion can reach.
fn level_bounds(facts: &Facts, remaining: FactSet, ranges: &[Range], now: Level) -> (Level, Level) {
    // Rules that fire now keep firing whatever else is answered.
    let fired = fire_rules(facts)
        .first()
        .map_or(Level::SelfCare, |r| r.level);
    let could_fire = KB
        .rules
        .iter()
        .filter(|r| rule_fires(r, facts.yes | facts.unsure | remaining, facts))
        .map(|r| r.level)
        .fold(Level::SelfCare, Level::max);
    let mut lo = fired;
    let mut hi = fired.max(could_fire);
    for r in ranges {
        let care = r.condition.care;
        match care {
            Level::SelfCare => {}
            // A `soon` condition sets the level when it could lead; bounding that is cruder
            // than the score: certain only if no rival can ever reach it.
            Level::Soon => {
                let surely_leads = r.surely_possible()
                    && ranges
                        .iter()
                        .filter(|o| o.condition.id != r.condition.id && o.can_list())
                        .all(|o| o.hi < r.lo);
                if surely_leads {
                    lo = lo.max(care);
                }
                // It can lead only if no rival surely stays above it.
                let surely_blocked = ranges.iter().any(|o| {
                    o.condition.id != r.condition.id
                        && o.blocks_for_sure
                        && o.floor_lo >= MIN_LISTED_SCORE
                        && o.floor_lo > r.hi
                });
                if r.maybe_possible() && !surely_blocked {
                    hi = hi.max(care);
                }
            }
            _ => {
                if r.surely_possible() {
                    lo = lo.max(care);
                }
                if r.maybe_possible() {
                    hi = hi.max(care);
                }
            }
        }
    }
    // The current level lies between them by construction; keep it so even if a bound is loose.
    (lo.min(now), hi.max(now))
}

/// Whether the leading condition is the same for every completion.
fn leader_settled(ranges: &[Range], leader: Option<&'static str>) -> bool {
    let Some(leader) = leader.and_then(|id| ranges.iter().find(|r| r.condition.id == id)) else {
        return ranges.iter().all(|r| !r.can_list());
    };
    if leader.lo < MIN_LISTED_SCORE {
        return false;
    }
    ranges
        .iter()
        .filter(|r| r.condition.id != leader.condition.id && r.can_list())
        .all(|rival| {
            if leader.hallmark_now {
                !rival.hallmark_possible || rival.hi < leader.lo
            } else {
                !rival.hallmark_possible && rival.hi < leader.lo
            }
        })
}

/// Whether the "until seen" advice stays the same. It follows the first condition that must be
/// seen within days (bone stress, a child's hip, …) that is possible, in the order of the
/// ranking; a source a rule names is placed in that ranking by the other conditions' scores, so
/// the order of two such conditions cannot be bounded by their own scores. Settled only when at
/// most one can be possible in any completion, each is possible in every completion or in none,
/// and no rule not yet fired could name another source.
fn until_seen_settled(
    ranges: &[Range],
    listed: &[crate::engine::RankedCondition],
    facts: &Facts,
    remaining: FactSet,
) -> bool {
    let possible_now = |id: &str| {
        listed
            .iter()
            .any(|c| c.id == id && c.likelihood >= crate::engine::Likelihood::Possible)
    };
    let urgent: Vec<&Range> = ranges
        .iter()
        .filter(|r| r.condition.care >= Level::WithinDays)
        .filter(|r| possible_now(r.condition.id) || r.maybe_possible())
        .collect();
    let fixed = urgent
        .iter()
        .all(|r| r.surely_possible() || !r.maybe_possible());
    let fired = facts.yes | facts.unsure;
    let could_name_more = KB.rules.iter().any(|r| {
        r.sources != 0
            && r.level >= Level::WithinDays
            && !rule_fires(r, fired, facts)
            && rule_fires(r, fired | remaining, facts)
    });
    urgent.len() < 2 && fixed && !could_name_more
}

/// The interview's state for these answers: settled, or which questions to ask next.
pub fn interview(answers: &Answers) -> Interview {
    let remaining: Vec<&'static Finding> = symptom_questions(answers)
        .into_iter()
        .filter(|f| f.kind != FindingKind::RedFlag && !answers.findings.contains_key(f.id))
        .collect();
    let remaining_facts = remaining.iter().fold(0u128, |acc, f| acc | bit(f.fact));
    let facts = Facts::from(answers);
    let result = assess(answers);
    let now = outcome_of(&result);
    let ranges: Vec<Range> = KB
        .conditions
        .iter()
        .map(|c| range(c, &facts, remaining_facts))
        .collect();
    let (lo, hi) = level_bounds(&facts, remaining_facts, &ranges, now.level);
    let settled = remaining.is_empty()
        || (lo == hi
            && (now.level == Level::Emergency
                || (leader_settled(&ranges, now.leader)
                    && until_seen_settled(&ranges, &result.conditions, &facts, remaining_facts))));
    let next = match (settled, ordered(&remaining, &facts, &ranges)) {
        (true, _) => Vec::new(),
        // The bounds are per question; if none alone looks informative, ask the rest in order.
        (false, informative) if informative.is_empty() => remaining.clone(),
        (false, informative) => informative,
    };
    Interview {
        settled,
        next,
        remaining,
    }
}

/// The questions asked together on one screen, "Do any of these apply to you?" (issue 23): the
/// questions about the areas that can only raise the level. That is every safety question about
/// the areas (never skipped), and every symptom or history question that a rule above the level
/// set by everything else (the safety screen, the areas, "about your pain") could use. The list
/// does not depend on the answers to the questions in it, so it stands still while they are
/// ticked, except that a follow-up joins it after a "yes" to its trigger. They are the same
/// findings with the same meaning wherever they are asked (rule 12), so asking them together
/// changes no result; the questions that only move the ranking stay one per screen, through
/// [`interview`].
pub fn questions_together(answers: &Answers) -> Vec<&'static Finding> {
    let questions = symptom_questions(answers);
    let asked = questions.iter().fold(0, |acc, f| acc | bit(f.fact));
    // Everything but the answers to these questions. The level of the rules alone: a lower
    // bar than the whole level, so the list can only be longer, never miss a question.
    let mut facts = Facts::from(answers);
    facts.yes &= !asked;
    facts.unsure &= !asked;
    facts.no &= !asked;
    let level = fire_rules(&facts)
        .first()
        .map_or(Level::SelfCare, |r| r.level);
    let present = facts.yes | facts.unsure | asked;
    let raising = KB
        .rules
        .iter()
        .filter(|r| r.level > level && rule_fires(r, present, &facts))
        .fold(0, |acc, r| acc | r.all | r.any);
    questions
        .into_iter()
        .filter(|f| f.kind == FindingKind::RedFlag || raising & bit(f.fact) != 0)
        .collect()
}

/// Most informative first: a question that can fire a more urgent rule, then the one that can
/// move the leading conditions' scores the most.
fn ordered(
    remaining: &[&'static Finding],
    facts: &Facts,
    ranges: &[Range],
) -> Vec<&'static Finding> {
    let mut top: Vec<&Range> = ranges.iter().filter(|r| r.can_list()).collect();
    stable_sort_by(&mut top, |a, b| b.hi.total_cmp(&a.hi));
    top.truncate(4);
    let mut scored: Vec<(&'static Finding, u8, f32)> = remaining
        .iter()
        .map(|f| {
            let present = facts.yes | facts.unsure | bit(f.fact);
            let level = KB
                .rules
                .iter()
                .filter(|r| (r.all | r.any) & bit(f.fact) != 0 && rule_fires(r, present, facts))
                .map(|r| r.level as u8 + 1)
                .max()
                .unwrap_or(0);
            let spread: f32 = top
                .iter()
                .map(|r| {
                    let d = deltas(r.condition, f.fact);
                    d.iter().copied().fold(f32::NEG_INFINITY, f32::max)
                        - d.iter().copied().fold(f32::INFINITY, f32::min)
                })
                .sum();
            (*f, level, spread)
        })
        .collect();
    // Stable: equal questions keep the knowledge base's order.
    stable_sort_by(&mut scored, |a, b| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)));
    scored
        .into_iter()
        .filter(|(_, level, spread)| *level > 0 || *spread > 0.0)
        .map(|(f, _, _)| f)
        .collect()
}
