//! `assess`: triage, ranking, plan and safety net from one person's answers.
//!
//! Pure and deterministic: the same answers always give the same assessment, natively and in
//! the browser. Ids the knowledge base does not know are ignored here (validation refuses them
//! earlier), so `assess` never panics.

use crate::texts::fill;
use serde::Serialize;

use super::answers::{Answers, Onset, Response, Sex, Side};
use super::reasons::{Against, Reason, Reasons};
use crate::kb::{
    Audience, Condition, Derived, Fact, FactSet, Level, PainRule, Rule, Said, Text, Weighted,
    AGE_GATED, FINDINGS, KB,
};

/// The finding that stands in for an age nobody gave (CLINICAL.md rule 10).
pub const UNDER_16: &str = "under-16";
/// Asked with it (CLINICAL.md #36), so that the rules for 60 and over still apply.
pub const OVER_60: &str = "over-60";

/// The age the rules use: the age given, else 60 when the check is said to be for someone 60
/// or over by someone who also said it is not for a child under 16 (until then an unknown age
/// is a child's, CLINICAL.md rule 10), else unknown.
pub fn effective_age(answers: &Answers) -> Option<u8> {
    answers.age.or_else(|| {
        let over_60 = answers.findings.get(OVER_60) == Some(&Response::Yes);
        let adult = answers.findings.get(UNDER_16) == Some(&Response::No);
        (over_60 && adult).then_some(60)
    })
}

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

impl Serialize for PainRule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl Serialize for Level {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

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

/// The facts in one set of answers.
pub(super) struct Facts {
    pub(super) yes: FactSet,
    pub(super) unsure: FactSet,
    no: FactSet,
    regions: FactSet,
    age: Option<u8>,
    runner: bool,
    sex: Option<Sex>,
}

pub(super) fn bit(fact: Fact) -> FactSet {
    1u128 << fact
}

impl Facts {
    pub(super) fn from(answers: &Answers) -> Facts {
        let (mut yes, mut unsure, mut no) = answered(answers);
        let (regions, both_sides) = painful_regions(answers);
        merge_twins(regions, &mut yes, &mut unsure, &mut no);
        let age = effective_age(answers);
        Facts {
            yes: yes | regions | derived(answers, age, both_sides),
            unsure,
            no,
            regions,
            age,
            runner: answers.runner,
            sex: answers.sex,
        }
    }

    /// Whether the person gave anything to assess: a region, or a finding answered yes/unsure.
    fn is_empty(&self) -> bool {
        self.regions == 0 && (self.yes | self.unsure) & FINDINGS == 0
    }

    /// Whether `condition` hurts where the person marked (or nothing was marked). A region
    /// fact is only ever present among the regions, so any weighted fact can be tested.
    fn hurts_where(&self, condition: &Condition) -> bool {
        self.regions == 0
            || condition
                .supports
                .iter()
                .any(|w| self.regions & bit(w.fact) != 0)
    }

    fn child(&self) -> bool {
        self.yes & bit(Derived::AgeUnder16.fact()) != 0
    }

    /// The audiences this person belongs to (bits of `Audience::bit`, CLINICAL.md rule 15).
    /// Periods, pregnancy and birth: female or other (or not said), 12 to 55 (or no age given).
    pub(super) fn audiences(&self) -> u8 {
        let could_be_pregnant =
            self.sex != Some(Sex::Male) && self.age.is_none_or(|age| (12..=55).contains(&age));
        let bit_if = |holds: bool, audience: Audience| if holds { audience.bit() } else { 0 };
        bit_if(self.runner, Audience::Runners)
            | bit_if(!self.runner, Audience::NotRunners)
            | bit_if(self.child(), Audience::Children)
            | bit_if(!self.child(), Audience::Adults)
            | bit_if(could_be_pregnant, Audience::CouldBePregnant)
    }

    /// The sentences whose every audience this person belongs to.
    fn said(&self, sentences: &'static [Said]) -> impl Iterator<Item = &'static str> {
        let audiences = self.audiences();
        // A deferred sentence is empty until the after-Start text has arrived: left out.
        sentences.iter().filter_map(move |s| {
            Some(s.text.get()).filter(|text| s.only & !audiences == 0 && !text.is_empty())
        })
    }
}

/// The findings answered yes, not sure and no, as fact sets.
fn answered(answers: &Answers) -> (FactSet, FactSet, FactSet) {
    let (mut yes, mut unsure, mut no) = (0, 0, 0);
    for (id, response) in &answers.findings {
        // A linear search over the findings' own ids: a sorted copy for binary search cost
        // about 400 B of the first load and saved microseconds.
        let Some(finding) = KB.finding(id) else {
            continue;
        };
        let b = bit(finding.fact);
        match response {
            Response::Yes => yes |= b,
            Response::Unsure => unsure |= b,
            Response::No => no |= b,
        }
    }
    (yes, unsure, no)
}

/// The painful regions as facts, and whether both sides hurt.
fn painful_regions(answers: &Answers) -> (FactSet, bool) {
    let mut regions = 0;
    let (mut left, mut right) = (false, false);
    for site in &answers.pain {
        if let Some(index) = KB.regions.iter().position(|r| r.id == site.region) {
            regions |= bit(index as Fact);
            match site.side {
                Side::Left => left = true,
                Side::Right => right = true,
            }
        }
    }
    (regions, left && right)
}

/// CLINICAL.md rule 12: the same question asked on two steps is one fact. An answer counts for
/// its twin where the twin would have been asked; the firmer answer wins.
fn merge_twins(regions: FactSet, yes: &mut FactSet, unsure: &mut FactSet, no: &mut FactSet) {
    for finding in KB.findings.iter().filter(|f| f.same_as != 0) {
        let source = bit(finding.fact);
        for twin in KB
            .findings
            .iter()
            .filter(|t| finding.same_as & bit(t.fact) != 0)
        {
            if twin.regions != 0 && twin.regions & regions == 0 {
                continue;
            }
            let target = bit(twin.fact);
            if *yes & source != 0 {
                *yes |= target;
                *unsure &= !target;
                *no &= !target;
            } else if *unsure & source != 0 && *yes & target == 0 {
                *unsure |= target;
                *no &= !target;
            } else if *no & source != 0 && (*yes | *unsure) & target == 0 {
                *no |= target;
            }
        }
    }
}

/// The derived facts that hold: age bands, sex, onset, duration, severe pain, both sides.
fn derived(answers: &Answers, age: Option<u8>, both_sides: bool) -> FactSet {
    let mut facts = 0;
    let mut derived = |condition: bool, fact: Derived| {
        if condition {
            facts |= bit(fact.fact());
        }
    };
    derived(answers.onset == Some(Onset::Sudden), Derived::OnsetSudden);
    derived(answers.onset == Some(Onset::Gradual), Derived::OnsetGradual);
    derived(answers.sex == Some(Sex::Female), Derived::Female);
    derived(answers.sex == Some(Sex::Male), Derived::Male);
    derived(answers.runner, Derived::Runner);
    // CLINICAL.md rule 10: an unknown age is not "adult". Without an age, only a "no" to "is
    // this check for someone under 16?" treats the person as an adult.
    let under_16_answer = answers.findings.get(UNDER_16).copied();
    derived(
        age.is_none() && under_16_answer != Some(Response::No),
        Derived::AgeUnder16,
    );
    if let Some(age) = age {
        derived(age < 16, Derived::AgeUnder16);
        derived(age < 20, Derived::AgeUnder20);
        derived(age < 45, Derived::AgeUnder45);
        derived(age >= 40, Derived::Age40Plus);
        derived(age >= 45, Derived::Age45Plus);
        derived(age >= 50, Derived::Age50Plus);
        derived(age >= 60, Derived::Age60Plus);
    }
    if let Some(weeks) = answers.duration_weeks {
        derived(weeks < 2.0, Derived::DurationUnder2Weeks);
        derived(weeks >= 12.0, Derived::Duration3MonthsPlus);
    }
    derived(
        answers.pain_now.is_some_and(|p| p >= 7),
        Derived::PainSevere,
    );
    derived(both_sides, Derived::BothSides);
    facts
}

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

fn fact_ids(mut set: FactSet) -> Vec<&'static str> {
    let mut ids = Vec::with_capacity(set.count_ones() as usize);
    while set != 0 {
        ids.push(KB.facts[set.trailing_zeros() as usize]);
        set &= set - 1;
    }
    ids
}

/// A stable insertion sort. The lists are a few dozen items at most, and the standard library's
/// stable sort costs several KB of wasm for each type it is used with.
pub(super) fn stable_sort_by<T>(
    items: &mut [T],
    mut compare: impl FnMut(&T, &T) -> std::cmp::Ordering,
) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == std::cmp::Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

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

fn until_seen_for(condition: Option<&str>) -> &'static crate::kb::UntilSeen {
    let specific = condition.and_then(|id| {
        let index = KB.conditions.iter().position(|c| c.id == id)? as u8;
        KB.until_seen.iter().find(|u| u.conditions.contains(&index))
    });
    specific
        .or_else(|| KB.until_seen.iter().find(|u| u.conditions.is_empty()))
        .unwrap_or(&KB.until_seen[0])
}

fn plan_for(level: Level, conditions: &[RankedCondition], facts: &Facts) -> Option<PlanAdvice> {
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
                Some(plan) if condition.self_manage => Some(PlanAdvice {
                    condition: condition.id,
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
                }),
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

fn until_seen_plan(
    condition: &'static str,
    until_seen: &'static crate::kb::UntilSeen,
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

/// Assesses one person's answers. Never panics; ids unknown to the knowledge base are ignored.
pub fn assess(answers: &Answers) -> Assessment {
    let facts = Facts::from(answers);
    let fired = fire_rules(&facts);
    let sources = sources_of(&fired, &facts);
    let scored = if facts.is_empty() {
        Vec::new()
    } else {
        score_all(&facts, sources)
    };
    let care = condition_care(&scored);
    let conditions = rank(scored, &care, sources);
    let level = care
        .iter()
        .map(|c| c.care)
        .chain(fired.first().map(|r| r.level))
        .fold(Level::SelfCare, Level::max);
    let mut fired = fired;
    if level == Level::Emergency {
        // CLINICAL.md rule 15: an emergency result carries only what to do now, in every output
        // (the CLI's JSON, the FHIR export and the hand-off read the same assessment).
        fired.retain(|rule| rule.level == Level::Emergency);
    }
    let reasons = reasons(&facts, &fired, &care, &conditions, level);
    // What to do now: the actions of the rules at the level shown, once each.
    let mut actions: Vec<&'static str> = Vec::new();
    for rule in fired.iter().filter(|r| r.level == level) {
        // An action that waits for the after-Start text (empty until then) is left out: only a
        // shared check can show such a rule before the text has arrived.
        if !rule.action.is_empty() && !actions.contains(&rule.action) {
            actions.push(rule.action);
        }
    }
    let plan = plan_for(level, &conditions, &facts);
    let text = level.text();
    let nothing = facts.is_empty() && level == Level::SelfCare;
    Assessment {
        contract: super::answers::CONTRACT_VERSION,
        safety_net: safety_net(level, plan.as_ref(), &conditions, &facts),
        summary: summary(&facts, &conditions),
        triage: Triage {
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
        },
        conditions,
        plan,
    }
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
