//! After a session: the next session's dose from the pain during each session and the next
//! morning (CLINICAL.md §5, "After a session", the pain-monitoring model of Silbernagel 2007).
//! For tendon and muscle plans only: with a possible bone stress injury the rule is no pain at
//! all, and nothing here ever suggests more load. Pure, so the guided session (issue 22) and the
//! tests share it.

use crate::kb::PainRule;

/// Pain during a session above this (0–10) is too much: ease off.
const DURING_ACCEPTABLE: u8 = 5;
/// Pain during at most this, in a session that felt easy, counts towards the next step.
const DURING_EASY: u8 = 2;
/// How many easy sessions in a row offer the next step.
const EASY_IN_A_ROW: usize = 2;
/// How many eased sessions in a row mean the plan needs a professional's look.
const EASED_IN_A_ROW: usize = 3;

/// One session as the person logged it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SessionPain {
    /// Days since any fixed day (only differences matter).
    pub day: u32,
    /// Pain during the session, 0–10.
    pub during: u8,
    /// Their usual pain before it, 0–10: "settled" means back to this by the next morning.
    pub usual: u8,
    /// Pain the next morning, once asked.
    pub next_morning: Option<u8>,
    /// The person said the session felt easy.
    pub felt_easy: bool,
}

/// What to do at the next session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextDose {
    /// A bone stress plan: no pain, and never more load from this rule.
    NotForBoneStress,
    /// Nothing logged yet.
    NoSessions,
    /// The last session's next-morning pain is not known yet: ask it before deciding.
    AskNextMorning,
    /// Keep the same dose.
    Keep,
    /// Offer the next step: more reps, then more load, then the phase's next exercise.
    OfferNextStep,
    /// Ease off: fewer reps or less range, or back to the previous exercise.
    Ease,
    /// Eased three times in a row, or pain rising week to week: see a physio (soon).
    SeePhysio,
}

impl SessionPain {
    /// Too much: more than 5/10 during, or not back to the usual pain by the next morning.
    fn needed_easing(&self) -> bool {
        self.during > DURING_ACCEPTABLE || self.next_morning.is_some_and(|m| m > self.usual)
    }

    fn was_easy(&self) -> bool {
        self.felt_easy && self.during <= DURING_EASY && !self.needed_easing()
    }
}

/// The next session's dose for a plan with `pain_rule`, from the sessions logged, oldest first.
pub fn next_dose(pain_rule: PainRule, sessions: &[SessionPain]) -> NextDose {
    if pain_rule == PainRule::Bone {
        return NextDose::NotForBoneStress;
    }
    let Some(last) = sessions.last() else {
        return NextDose::NoSessions;
    };
    let last_eased = |n: usize| {
        sessions.len() >= n
            && sessions[sessions.len() - n..]
                .iter()
                .all(SessionPain::needed_easing)
    };
    if last_eased(EASED_IN_A_ROW) || rising_week_to_week(sessions) {
        return NextDose::SeePhysio;
    }
    if last.during > DURING_ACCEPTABLE {
        return NextDose::Ease;
    }
    if last.next_morning.is_none() {
        return NextDose::AskNextMorning;
    }
    if last.needed_easing() {
        return NextDose::Ease;
    }
    let easy = sessions.len() >= EASY_IN_A_ROW
        && sessions[sessions.len() - EASY_IN_A_ROW..]
            .iter()
            .all(SessionPain::was_easy);
    if easy {
        NextDose::OfferNextStep
    } else {
        NextDose::Keep
    }
}

/// The next-morning pain of the last 7 days above the 7 days before by a whole point or more.
fn rising_week_to_week(sessions: &[SessionPain]) -> bool {
    let Some(last_day) = sessions.iter().map(|s| s.day).max() else {
        return false;
    };
    let mean_morning = |from: u32, to: u32| {
        let mornings: Vec<f32> = sessions
            .iter()
            .filter(|s| s.day >= from && s.day < to)
            .filter_map(|s| s.next_morning.map(f32::from))
            .collect();
        (!mornings.is_empty()).then(|| mornings.iter().sum::<f32>() / mornings.len() as f32)
    };
    let this_week = mean_morning(last_day.saturating_sub(6), last_day + 1);
    let week_before = mean_morning(last_day.saturating_sub(13), last_day.saturating_sub(6));
    matches!((this_week, week_before), (Some(now), Some(before)) if now >= before + 1.0)
}
