//! CLINICAL.md §5, "After a session": one test per branch of the rule, and its edges (5/10 and
//! 2/10 are in, 6/10 and 3/10 are out; a bone stress plan never gets advice to load more).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use hipcheck::engine::{next_dose, NextDose, SessionPain};
use hipcheck::kb::PainRule;

/// A session on `day` with pain `during` and `morning` (usual pain 1), felt easy or not.
fn session(day: u32, during: u8, morning: Option<u8>, felt_easy: bool) -> SessionPain {
    SessionPain {
        day,
        during,
        usual: 1,
        next_morning: morning,
        felt_easy,
    }
}

fn tendon(sessions: &[SessionPain]) -> NextDose {
    next_dose(PainRule::Tendon, sessions)
}

#[test]
fn a_bone_stress_plan_never_gets_dose_advice_whatever_the_pain() {
    let easy = [session(1, 0, Some(0), true), session(3, 0, Some(0), true)];
    assert_eq!(next_dose(PainRule::Bone, &easy), NextDose::NotForBoneStress);
    assert_eq!(next_dose(PainRule::Bone, &[]), NextDose::NotForBoneStress);
}

#[test]
fn nothing_logged_means_no_advice_yet() {
    assert_eq!(tendon(&[]), NextDose::NoSessions);
}

#[test]
fn up_to_5_during_and_settled_by_the_morning_keeps_the_dose() {
    assert_eq!(tendon(&[session(1, 5, Some(1), false)]), NextDose::Keep);
    assert_eq!(
        tendon(&[session(1, 3, Some(0), true)]),
        NextDose::Keep,
        "one easy session is not two"
    );
}

#[test]
fn more_than_5_during_eases_off_even_before_the_morning() {
    assert_eq!(tendon(&[session(1, 6, None, false)]), NextDose::Ease);
    assert_eq!(tendon(&[session(1, 6, Some(1), false)]), NextDose::Ease);
}

#[test]
fn not_settled_by_the_next_morning_eases_off() {
    assert_eq!(tendon(&[session(1, 3, Some(2), false)]), NextDose::Ease);
}

#[test]
fn the_morning_is_asked_before_keeping_or_progressing() {
    assert_eq!(
        tendon(&[session(1, 3, None, true)]),
        NextDose::AskNextMorning
    );
}

#[test]
fn two_easy_sessions_in_a_row_at_2_or_less_offer_the_next_step() {
    let easy = [session(1, 2, Some(1), true), session(3, 1, Some(0), true)];
    assert_eq!(tendon(&easy), NextDose::OfferNextStep);
    let not_felt_easy = [session(1, 2, Some(1), true), session(3, 1, Some(0), false)];
    assert_eq!(tendon(&not_felt_easy), NextDose::Keep);
    let three_during = [session(1, 2, Some(1), true), session(3, 3, Some(0), true)];
    assert_eq!(tendon(&three_during), NextDose::Keep);
    let eased_between = [
        session(1, 2, Some(1), true),
        session(2, 7, Some(3), false),
        session(3, 1, Some(0), true),
    ];
    assert_eq!(tendon(&eased_between), NextDose::Keep);
}

#[test]
fn three_eased_sessions_in_a_row_mean_see_a_physio() {
    let eased = [
        session(1, 6, Some(2), false),
        session(3, 4, Some(3), false),
        session(5, 7, Some(1), false),
    ];
    assert_eq!(tendon(&eased), NextDose::SeePhysio);
    assert_eq!(tendon(&eased[1..]), NextDose::Ease, "two are not three");
}

#[test]
fn pain_rising_week_to_week_means_see_a_physio() {
    let rising = [
        session(1, 3, Some(1), false),
        session(3, 3, Some(1), false),
        session(9, 4, Some(1), false),
        session(11, 4, Some(1), false),
    ]
    .map(|s| SessionPain { usual: 3, ..s });
    assert_eq!(
        tendon(&rising),
        NextDose::Keep,
        "the same mornings week to week"
    );
    let mut worse = rising;
    worse[2].next_morning = Some(2);
    worse[3].next_morning = Some(3);
    assert_eq!(tendon(&worse), NextDose::SeePhysio);
}

// The cases the guided session in the browser (assets/handoff.mjs `nextDose`) is checked against
// too: both give the same advice. A session is [day, during, usual, next morning, felt easy].
#[test]
fn the_engine_gives_the_shared_cases_their_advice() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/next-dose.json"
    ))
    .unwrap();
    let data: serde_json::Value = serde_json::from_str(&text).unwrap();
    let cases = data["cases"].as_array().unwrap();
    assert!(cases.len() >= 10);
    for case in cases {
        let rule = match case["pain_rule"].as_str() {
            Some("bone") => PainRule::Bone,
            _ => PainRule::Tendon,
        };
        let sessions: Vec<SessionPain> = case["sessions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| SessionPain {
                day: s[0].as_u64().unwrap() as u32,
                during: s[1].as_u64().unwrap() as u8,
                usual: s[2].as_u64().unwrap() as u8,
                next_morning: s[3].as_u64().map(|m| m as u8),
                felt_easy: s[4].as_bool().unwrap(),
            })
            .collect();
        let expected = match case["next"].as_str().unwrap() {
            "not-for-bone-stress" => NextDose::NotForBoneStress,
            "no-sessions" => NextDose::NoSessions,
            "ask-next-morning" => NextDose::AskNextMorning,
            "keep" => NextDose::Keep,
            "offer-next-step" => NextDose::OfferNextStep,
            "ease" => NextDose::Ease,
            "see-physio" => NextDose::SeePhysio,
            other => panic!("unknown advice {other}"),
        };
        assert_eq!(next_dose(rule, &sessions), expected, "{}", case["name"]);
    }
}
