//! The clinical engine: plain Rust, no web dependency. `assess(&Answers) -> Assessment`.
//!
//! `assess` reads the answers as facts (`facts`), fires the rules (`triage`), scores and ranks
//! the conditions (`scoring`), sets the level (`triage`), chooses the plan (`plan`) and puts the
//! `Assessment` together; `interview` bounds what the questions not yet asked could change;
//! `session` turns the pain logged after exercise sessions into the next session's dose.

mod answers;
mod assess;
mod facts;
mod interview;
mod plan;
mod questions;
mod reasons;
mod scoring;
mod session;
mod stable_sort;
mod triage;

pub use answers::{
    parse_answers, Answers, AnswersError, Onset, PainSite, Response, Sex, Side, CONTRACT_VERSION,
    MAX_AGE,
};
pub use assess::{assess, Assessment};
pub use facts::{OVER_60, UNDER_16};
pub use interview::{interview, outcome, questions_together, Interview, Outcome};
pub use plan::{PlanAdvice, PlanKind, PlanPhase, PlanText};
pub use questions::{red_flag_level, safety_questions, symptom_questions};
pub use reasons::{Against, Reason, Reasons};
pub use scoring::{Evidence, Likelihood, RankedCondition};
pub use session::{next_dose, NextDose, SessionPain};
pub use triage::{FiredRule, Triage};
