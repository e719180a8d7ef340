//! Scoring and ranking the conditions: each condition's evidence for and against, its
//! likelihood, and the list shown, with the sources the triage level is about placed in it
//! (CLINICAL.md rule 14). The interview bounds how these scores can still move.

use serde::Serialize;

use super::facts::{bit, Facts};
use super::reasons::Against;
use super::stable_sort::stable_sort_by;
use super::triage::FiredRule;
use crate::kb::{Condition, FactSet, Level, Text, Weighted, FINDINGS, KB};

/// Evidence counts half when the person answered "not sure".
pub(super) const UNSURE_FACTOR: f32 = 0.5;
/// A condition is listed only when its evidence reaches this total...
pub(super) const MIN_LISTED_SCORE: f32 = 2.0;
/// ...and "likely" needs this much evidence and to be close to the leader.
const LIKELY_SCORE: f32 = 7.0;
const LIKELY_SHARE_OF_LEADER: f32 = 0.7;
pub(super) const POSSIBLE_SCORE: f32 = 4.0;
const MAX_LISTED: usize = 5;
/// `score` in the output is raw / (raw + this): monotone, bounded, and not a probability.
const SCORE_HALF_POINT: f32 = 5.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Likelihood {
    LessLikely,
    Possible,
    Likely,
}

impl Likelihood {
    /// The contract id.
    pub fn id(self) -> &'static str {
        match self {
            Likelihood::Likely => "likely",
            Likelihood::Possible => "possible",
            Likelihood::LessLikely => "less-likely",
        }
    }

    /// How the likelihood reads mid-sentence (content wording).
    pub fn label(self) -> &'static str {
        let wording = &KB.wording;
        match self {
            Likelihood::Likely => wording.likely,
            Likelihood::Possible => wording.possible,
            Likelihood::LessLikely => wording.less_likely,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    #[serde(rename = "for")]
    pub supports: Vec<&'static str>,
    /// Facts present that argue against, and findings answered "no" that argue against
    /// (`no:<finding>` in the JSON).
    pub against: Vec<Against>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedCondition {
    pub id: &'static str,
    pub name: Text,
    pub likelihood: Likelihood,
    pub score: f32,
    pub evidence: Evidence,
    pub care: Level,
}

/// The conditions listed, best first, and the conditions that call for a professional
/// themselves (which the triage level must reach).
pub(super) struct Ranking {
    pub(super) conditions: Vec<RankedCondition>,
    pub(super) care: Vec<&'static Condition>,
}

/// Scores and ranks the conditions; the rules fired decide which of them must be listed, and
/// where (CLINICAL.md rule 14).
pub(super) fn rank_conditions(facts: &Facts, fired: &[FiredRule]) -> Ranking {
    let sources = sources_of(fired, facts);
    let scored = if facts.is_empty() {
        Vec::new()
    } else {
        score_all(facts, sources)
    };
    let care = condition_care(&scored);
    let conditions = rank(scored, &care, sources);
    Ranking { conditions, care }
}

struct Scored {
    condition: &'static Condition,
    /// Its index in `KB.conditions`.
    index: u8,
    /// The score with every "not sure" answer counted as cautiously as it can be: half its
    /// weight where it supports, nothing where it argues against. This is the score shown.
    raw: f32,
    /// The score if every "not sure" turned out to be "no": the least this condition can have.
    floor: f32,
    /// None of the condition's hallmark facts is present, even counting "not sure".
    lacks_hallmark: bool,
    /// A hallmark fact is answered "yes" (or the condition has none).
    hallmark_certain: bool,
    /// Something answered "yes" or a painful area supports it, so it is listed even if every
    /// "not sure" turned out to be "no".
    observed_for_sure: bool,
    /// Painful areas were marked, but none where this condition hurts.
    off_site: bool,
    supports: Vec<&'static str>,
    against: Vec<Against>,
}

fn weigh(items: &'static [Weighted], yes: FactSet, unsure: FactSet) -> (f32, Vec<&'static str>) {
    let mut total = 0.0;
    let mut matched = Vec::new();
    for item in items {
        let b = bit(item.fact);
        let weight = if yes & b != 0 {
            f32::from(item.weight)
        } else if unsure & b != 0 {
            f32::from(item.weight) * UNSURE_FACTOR
        } else {
            continue;
        };
        total += weight;
        matched.push(KB.facts[item.fact as usize]);
    }
    (total, matched)
}

fn score(condition: &'static Condition, facts: &Facts, observed: FactSet) -> Option<Scored> {
    let (support, supports) = weigh(condition.supports, facts.yes, facts.unsure);
    // Age, sex and onset only sharpen a picture: they never create one on their own.
    let observed_support = condition
        .supports
        .iter()
        .any(|w| observed & bit(w.fact) != 0);
    if !observed_support {
        return None;
    }
    let for_sure = facts.regions | (facts.yes & FINDINGS);
    let observed_for_sure = condition
        .supports
        .iter()
        .any(|w| for_sure & bit(w.fact) != 0);
    let (support_for_sure, _) = weigh(condition.supports, facts.yes, 0);
    // "Not sure" never argues against a condition: otherwise being unsure could talk the
    // engine out of a cautious answer that "no" would have given (a property test checks it).
    let (against_weight, against_ids) = weigh(condition.against, facts.yes, 0);
    let mut against: Vec<Against> = against_ids.into_iter().map(Against::Present).collect();
    let mut no_weight = 0.0;
    let mut no_or_unsure_weight = 0.0;
    for item in condition.against_if_no {
        if facts.no & bit(item.fact) != 0 {
            no_weight += f32::from(item.weight);
            against.push(Against::AnsweredNo(KB.facts[item.fact as usize]));
        }
        if (facts.no | facts.unsure) & bit(item.fact) != 0 {
            no_or_unsure_weight += f32::from(item.weight);
        }
    }
    let lacks_hallmark =
        condition.needs_any != 0 && condition.needs_any & (facts.yes | facts.unsure) == 0;
    let hallmark_certain = condition.needs_any == 0 || condition.needs_any & facts.yes != 0;
    let off_site = !facts.hurts_where(condition);
    Some(Scored {
        condition,
        index: 0,
        raw: support - against_weight - no_weight,
        floor: support_for_sure - against_weight - no_or_unsure_weight,
        lacks_hallmark,
        hallmark_certain,
        observed_for_sure,
        off_site,
        supports,
        against,
    })
}

/// Where a condition stands now, for the interview's bounds.
pub(super) struct Standing {
    pub(super) raw: f32,
    pub(super) floor: f32,
    pub(super) observed: bool,
    pub(super) observed_for_sure: bool,
    pub(super) hallmark: bool,
    pub(super) hallmark_certain: bool,
}

/// A condition's score now (and its floor), whether something observed supports it, and
/// whether a hallmark fact is present: what the interview's bounds start from.
pub(super) fn condition_standing(condition: &'static Condition, facts: &Facts) -> Standing {
    // Scored as if everything it weighs were observed, which gives the same numbers; whether
    // it is actually listed is whether something observed supports it (as `score` decides).
    let observed = facts.regions | ((facts.yes | facts.unsure) & FINDINGS);
    let supports = condition
        .supports
        .iter()
        .fold(0, |acc, w| acc | bit(w.fact));
    let listed = observed & supports != 0;
    match score(condition, facts, supports) {
        Some(s) => Standing {
            raw: s.raw,
            floor: s.floor,
            observed: listed,
            observed_for_sure: listed && s.observed_for_sure,
            hallmark: !s.lacks_hallmark,
            hallmark_certain: s.hallmark_certain,
        },
        None => Standing {
            raw: 0.0,
            floor: 0.0,
            observed: false,
            observed_for_sure: false,
            hallmark: false,
            hallmark_certain: false,
        },
    }
}

/// The sources the level is about (CLINICAL.md rule 14), as bits of condition indices:
/// `leading` lead the list, `named` are listed within the first three.
#[derive(Clone, Copy, Default)]
struct Sources {
    leading: u32,
    named: u32,
}

/// Every condition with enough evidence to be listed, and every source of `sources`, best
/// first: the leading sources, then by evidence, with a named source moved up to third.
fn score_all(facts: &Facts, sources: Sources) -> Vec<Scored> {
    const NAMED_WITHIN: usize = 3;
    let observed = facts.regions | ((facts.yes | facts.unsure) & FINDINGS);
    let required = sources.leading | sources.named;
    let mut scored: Vec<Scored> = KB
        .conditions
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            // A source of a rule at the level is listed on the rule's word, even without
            // evidence of its own.
            let named = required & 1 << i != 0;
            let seen = if named { FactSet::MAX } else { observed };
            score(c, facts, seen)
                .filter(|s| s.raw >= MIN_LISTED_SCORE || named)
                .map(|s| Scored {
                    index: i as u8,
                    ..s
                })
        })
        .collect();
    // A leading source first; a condition lacking its hallmark ranks below every one that has
    // it; otherwise by score. Stable sort: equal scores keep the knowledge base order (commoner
    // conditions first).
    let leads = |s: &Scored| sources.leading & 1 << s.index == 0;
    stable_sort_by(&mut scored, |a, b| {
        leads(a)
            .cmp(&leads(b))
            .then(a.lacks_hallmark.cmp(&b.lacks_hallmark))
            .then(b.raw.total_cmp(&a.raw))
    });
    let mut place = (sources.leading.count_ones() as usize)
        .max(NAMED_WITHIN.saturating_sub(sources.named.count_ones() as usize));
    for i in 0..scored.len() {
        if sources.named & 1 << scored[i].index != 0 && i > place {
            scored[place..=i].rotate_right(1);
            place += 1;
        }
    }
    scored
}

fn is_possible(s: &Scored) -> bool {
    !s.lacks_hallmark && s.raw >= POSSIBLE_SCORE
}

/// Whether a condition leads the ranking, or would for some way the "not sure" answers could
/// turn out: every rival it must beat is counted at its least (`floor`). With no "not sure"
/// answers this is exactly "leads the ranking and is at least possible".
fn could_lead(candidate: &Scored, scored: &[Scored]) -> bool {
    let order = |s: &Scored| KB.conditions.iter().position(|c| c.id == s.condition.id);
    is_possible(candidate)
        && !scored.iter().any(|rival| {
            rival.condition.id != candidate.condition.id
                && rival.observed_for_sure
                && rival.hallmark_certain
                && rival.floor >= MIN_LISTED_SCORE
                && (rival.floor > candidate.raw
                    || (rival.floor == candidate.raw && order(rival) < order(candidate)))
        })
}

/// Conditions that themselves call for a professional, with the level they need. One needing
/// an examination within weeks sets the level when it leads (or could lead: see
/// [`could_lead`]) and is at least possible. One that must be seen within days (bone stress)
/// sets it whenever it is still possible, wherever it ranks (CLINICAL.md rule 11): its "until
/// seen" advice replaces any loading plan, and the level has to say so.
fn condition_care(scored: &[Scored]) -> Vec<&'static Condition> {
    scored
        .iter()
        .filter(|s| match s.condition.care {
            Level::SelfCare => false,
            Level::Soon => could_lead(s, scored),
            _ => is_possible(s),
        })
        .map(|s| s.condition)
        .collect()
}

/// The ranking shown: the best few, plus any condition that set the level, so that every
/// reason names a listed condition.
fn rank(
    scored: Vec<Scored>,
    keep: &[&'static Condition],
    sources: Sources,
) -> Vec<RankedCondition> {
    let required = sources.leading | sources.named;
    let scored: Vec<Scored> = scored
        .into_iter()
        .enumerate()
        .filter(|(i, s)| {
            *i < MAX_LISTED
                || required & 1 << s.index != 0
                || keep.iter().any(|k| k.id == s.condition.id)
        })
        .map(|(_, s)| s)
        .collect();
    let leader = scored.iter().map(|s| s.raw).fold(0.0, f32::max);
    // CLINICAL.md rule 14: no self-managed condition is "likely" above a source of the level.
    let last_source = scored
        .iter()
        .rposition(|s| required & 1 << s.index != 0)
        .unwrap_or(0);
    scored
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let source = required & 1 << s.index != 0;
            let likely = !s.lacks_hallmark
                && !s.off_site
                && s.raw >= LIKELY_SCORE
                && s.raw >= leader * LIKELY_SHARE_OF_LEADER
                && !(i < last_source && s.condition.self_manage);
            let likelihood = if likely {
                Likelihood::Likely
            } else if source || (!s.lacks_hallmark && s.raw >= POSSIBLE_SCORE) {
                // A source of the level is at least possible.
                Likelihood::Possible
            } else {
                Likelihood::LessLikely
            };
            let score = s.raw / (s.raw + SCORE_HALF_POINT);
            RankedCondition {
                id: s.condition.id,
                name: s.condition.name,
                likelihood,
                score: (score * 100.0).round() / 100.0,
                evidence: Evidence {
                    supports: s.supports,
                    against: s.against,
                },
                care: s.condition.care,
            }
        })
        .collect()
}

/// The sources the level is about (CLINICAL.md rule 14): for each of the first three rules
/// that set it at within-days or above, the first of its sources that hurts where marked (else
/// its first). A source a "yes" points to ("a pop while sprinting"), where it hurts, leads the
/// list; one that only the age points to (rule 10's catch-all for children), only a "not sure",
/// or that does not hurt where marked (a swollen calf with pain at the side of the hip), is
/// named among the first three without claiming to be the best fit.
fn sources_of(fired: &[FiredRule], facts: &Facts) -> Sources {
    let mut sources = Sources::default();
    let level = fired.first().map_or(Level::SelfCare, |r| r.level);
    if level < Level::WithinDays || facts.is_empty() {
        return sources;
    }
    for rule in fired
        .iter()
        .filter(|r| r.level == level && r.sources != 0)
        .take(3)
    {
        // The first of its sources (in knowledge-base order) that hurts where marked.
        let mut chosen = rule.sources & rule.sources.wrapping_neg();
        let mut on_site = false;
        let mut rest = rule.sources;
        while rest != 0 {
            let lowest = rest & rest.wrapping_neg();
            rest &= rest - 1;
            let index = lowest.trailing_zeros() as usize;
            if KB
                .conditions
                .get(index)
                .is_some_and(|c| facts.hurts_where(c))
            {
                (chosen, on_site) = (lowest, true);
                break;
            }
        }
        if !rule.findings.is_empty() && !rule.unsure && on_site {
            sources.leading |= chosen;
        } else {
            sources.named |= chosen;
        }
    }
    sources.named &= !sources.leading;
    sources
}
