//! Which questions to ask: safety questions first (by age), then only the symptom and history
//! questions relevant to the picked regions. The UI asks; the engine decides what is relevant.

use super::answers::Answers;
use crate::kb::{Finding, FindingKind, Level, KB};

fn age_allows(finding: &Finding, age: Option<u8>) -> bool {
    match age {
        Some(age) => {
            finding.min_age.is_none_or(|min| age >= min)
                && finding.max_age.is_none_or(|max| age <= max)
        }
        // Without an age, age-specific questions are asked: missing one costs more than one extra question.
        None => true,
    }
}

/// The red-flag questions for this person, in knowledge-base order (grouped by `group`).
pub fn safety_questions(answers: &Answers) -> Vec<&'static Finding> {
    KB.findings
        .iter()
        .filter(|f| f.kind == FindingKind::RedFlag && age_allows(f, answers.age))
        .collect()
}

/// The symptom and history questions relevant to the picked regions.
pub fn symptom_questions(answers: &Answers) -> Vec<&'static Finding> {
    let picked = KB
        .regions
        .iter()
        .enumerate()
        .filter(|(_, r)| answers.pain.iter().any(|p| p.region == r.id))
        .fold(0u128, |acc, (i, _)| acc | (1u128 << i));
    KB.findings
        .iter()
        .filter(|f| f.kind != FindingKind::RedFlag)
        .filter(|f| age_allows(f, answers.age) && (answers.runner || !f.runner_only))
        .filter(|f| f.regions == 0 || f.regions & picked != 0)
        .collect()
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
