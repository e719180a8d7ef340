//! The clinical engine: plain Rust, no web dependency. `assess(&Answers) -> Assessment`.

mod answers;
mod assess;
mod interview;
mod questions;
mod reasons;

pub use answers::{
    parse_answers, Answers, AnswersError, Onset, PainSite, Response, Sex, Side, CONTRACT_VERSION,
    MAX_AGE,
};
pub use assess::{
    assess, Assessment, Evidence, FiredRule, Likelihood, PlanAdvice, PlanKind, PlanPhase, PlanText,
    RankedCondition, Triage, OVER_60, UNDER_16,
};
pub use interview::{interview, outcome, Interview, Outcome};
pub use questions::{red_flag_level, safety_questions, symptom_questions};
pub use reasons::{Against, Reason, Reasons};
