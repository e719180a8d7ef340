//! Which questions to ask: safety questions first (by age, sex and running), then the
//! questions about the picked regions, led by the safety questions that only those regions
//! need. The UI asks; the engine decides what applies. Red-flag questions that apply are always
//! asked; nothing here skips one for brevity.

use super::answers::{Answers, Response, Sex};
use super::facts::UNDER_16;
use crate::kb::{Finding, FindingKind, Level, Recency, KB};

/// What "is this check for someone under 16?" tells us when no age was given.
#[derive(Clone, Copy, PartialEq, Eq)]
enum AgeBand {
    Known(u8),
    Child,
    Adult,
    /// Not answered yet, or "not sure": every age-specific question is asked.
    Unknown,
}

fn age_band(answers: &Answers) -> AgeBand {
    if let Some(age) = answers.age {
        return AgeBand::Known(age);
    }
    match answers.findings.get(UNDER_16) {
        Some(Response::Yes) => AgeBand::Child,
        Some(Response::No) => AgeBand::Adult,
        _ => AgeBand::Unknown,
    }
}

fn age_allows(finding: &Finding, band: AgeBand) -> bool {
    match band {
        AgeBand::Known(age) => {
            !finding.unknown_age_only
                && finding.min_age.is_none_or(|min| age >= min)
                && finding.max_age.is_none_or(|max| age <= max)
        }
        // Without an age, age-specific questions are asked unless the under-16 answer rules
        // them out: missing one costs more than one extra question.
        AgeBand::Child => finding.min_age.is_none_or(|min| min < 16),
        AgeBand::Adult => finding.max_age.is_none_or(|max| max >= 16),
        AgeBand::Unknown => true,
    }
}

fn sex_allows(finding: &Finding, sex: Option<Sex>) -> bool {
    sex.is_none_or(|sex| finding.sexes == 0 || finding.sexes & sex.bit() != 0)
}

/// Whether a follow-up question's trigger was answered yes or not sure.
fn follow_up_allows(finding: &Finding, answers: &Answers) -> bool {
    finding.asked_if == 0
        || answers.findings.iter().any(|(id, response)| {
            response != Response::No
                && KB
                    .finding(id)
                    .is_some_and(|f| finding.asked_if & (1u128 << f.fact) != 0)
        })
}

/// Pain of under 2 weeks is "recent"; an unknown duration asks both kinds.
fn recency_allows(finding: &Finding, answers: &Answers) -> bool {
    match (finding.recency, answers.duration_weeks) {
        (None, _) | (_, None) => true,
        (Some(Recency::Recent), Some(weeks)) => weeks < 2.0,
        (Some(Recency::Lasting), Some(weeks)) => weeks >= 2.0,
    }
}

fn applies(finding: &Finding, answers: &Answers) -> bool {
    !finding.replaced
        && recency_allows(finding, answers)
        && age_allows(finding, age_band(answers))
        && sex_allows(finding, answers.sex)
        && (answers.runner || !finding.runner_only)
        && follow_up_allows(finding, answers)
}

fn picked_regions(answers: &Answers) -> u128 {
    KB.regions
        .iter()
        .enumerate()
        .filter(|(_, r)| answers.pain.iter().any(|p| p.region == r.id))
        .fold(0u128, |acc, (i, _)| acc | (1u128 << i))
}

/// The safety-screen questions for this person, in knowledge-base order (grouped by `group`):
/// red flags that do not depend on where it hurts. The list can grow as answers come in (a
/// follow-up after "yes", child questions after "under 16: yes").
pub fn safety_questions(answers: &Answers) -> Vec<&'static Finding> {
    KB.findings
        .iter()
        .filter(|f| f.kind == FindingKind::RedFlag && f.regions == 0 && applies(f, answers))
        .collect()
}

/// The questions about the picked regions: first the safety questions those regions need, then
/// the symptom and history questions.
pub fn symptom_questions(answers: &Answers) -> Vec<&'static Finding> {
    let picked = picked_regions(answers);
    let relevant =
        |f: &&Finding| applies(f, answers) && (f.regions == 0 || f.regions & picked != 0);
    let safety: Vec<&'static Finding> = KB
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::RedFlag && f.regions != 0)
        .filter(relevant)
        .collect();
    // A question whose twin (`same_as`) is already asked is not asked again: the engine
    // counts the twin's answer for both (CLINICAL.md rule 12).
    let asked = safety_questions(answers)
        .iter()
        .chain(&safety)
        .fold(0u128, |acc, f| acc | (1u128 << f.fact));
    let others = KB
        .findings
        .iter()
        .filter(|f| f.kind != FindingKind::RedFlag && f.same_as & asked == 0)
        .filter(relevant);
    safety.into_iter().chain(others).collect()
}

/// The most urgent level a "yes" to this finding can reach on its own (ignoring age limits), or
/// `None` when no rule uses it. The UI uses it to re-ask an unsure emergency question.
pub fn red_flag_level(finding: &str) -> Option<Level> {
    let fact = KB.finding(finding)?.fact;
    KB.rules
        .iter()
        .filter(|rule| (rule.all | rule.any) & (1u128 << fact) != 0)
        .map(|rule| rule.level)
        .max()
}
