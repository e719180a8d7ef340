//! The interview's "settled" rule is sound: whenever it says the outcome cannot change, every
//! completion of the remaining questions tried gives the same level, leading condition and
//! plan. All completions where few questions remain, a large random sample otherwise.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use hipcheck::engine::{
    interview, outcome, questions_together, safety_questions, symptom_questions, Answers, Onset,
    Response, Sex, Side,
};
use hipcheck::kb::{Finding, FindingKind, KB};
use proptest::prelude::*;

mod common;

const CHOICES: [Option<Response>; 4] = [
    None,
    Some(Response::Yes),
    Some(Response::Unsure),
    Some(Response::No),
];
const EXHAUSTIVE_UP_TO: usize = 5;
const SAMPLES: usize = 400;

/// Checks every completion (few questions left) or a deterministic random sample of them.
fn assert_sound(answers: &Answers, label: &str) {
    let state = interview(answers);
    if !state.settled {
        return;
    }
    let expected = outcome(answers);
    let questions: Vec<&'static Finding> = state.remaining.clone();
    let n = questions.len();
    let check = |responses: &[Option<Response>]| {
        let completed = complete_with(answers, &questions, responses);
        let got = outcome(&completed);
        assert_eq!(
            got,
            expected,
            "{label}: settled, but answering {:?} changes the outcome",
            questions
                .iter()
                .zip(responses)
                .filter(|(_, r)| r.is_some())
                .map(|(q, r)| format!("{}={r:?}", q.id))
                .collect::<Vec<_>>()
        );
    };
    if n <= EXHAUSTIVE_UP_TO {
        for mut code in 0..4usize.pow(n as u32) {
            let responses: Vec<Option<Response>> = (0..n)
                .map(|_| {
                    let r = CHOICES[code % 4];
                    code /= 4;
                    r
                })
                .collect();
            check(&responses);
        }
    } else {
        let mut seed = 0x2545_f491_4f6c_dd1du64 ^ n as u64;
        for _ in 0..SAMPLES {
            let responses: Vec<Option<Response>> = (0..n)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    CHOICES[(seed % 4) as usize]
                })
                .collect();
            check(&responses);
        }
        // The extremes, where bounds are tightest.
        for r in CHOICES {
            check(&vec![r; n]);
        }
    }
}

/// The answers with the remaining `questions` answered as in `responses` (`None` leaves one
/// unanswered).
fn complete_with(
    answers: &Answers,
    questions: &[&'static Finding],
    responses: &[Option<Response>],
) -> Answers {
    let mut completed = answers.clone();
    for (question, response) in questions.iter().zip(responses) {
        if let Some(response) = response {
            completed
                .findings
                .insert(question.id.to_string(), *response);
        }
    }
    completed
}

/// How the widget asks the questions after the body map.
#[derive(Clone, Copy, PartialEq)]
enum Flow {
    /// Issue 11: the areas' safety questions, then one question per screen.
    OnePerScreen,
    /// Issue 23: "Do any of these apply to you?" first (every question that can raise the
    /// level, answered at once, "no" where nothing is ticked), then one per screen.
    Together,
}

/// Replays a vignette through the interview as `flow` asks it: every safety question answered
/// as in the vignette ("no" when it says nothing), then the questions about the areas until
/// the engine says the outcome is settled, in the order the widget asks them (`State::
/// current_question`: an area's safety question first, then the engine's next). Returns the
/// answers given, how many safety questions and how many screens of questions after the
/// safety screen.
fn replay_flow(full: &Answers, flow: Flow) -> (Answers, usize, usize) {
    let mut asked = Answers {
        findings: Default::default(),
        ..full.clone()
    };
    let answer = |id: &str| full.findings.get(id).copied().unwrap_or(Response::No);
    let mut safety = 0;
    for question in safety_questions(full) {
        asked
            .findings
            .insert(question.id.to_string(), answer(question.id));
        safety += 1;
    }
    let mut screens = 0;
    if flow == Flow::Together {
        // On one screen: a follow-up joins the list when its trigger is ticked.
        let mut shown = false;
        while let Some(question) = questions_together(&asked)
            .into_iter()
            .find(|f| !asked.findings.contains_key(f.id))
        {
            asked
                .findings
                .insert(question.id.to_string(), answer(question.id));
            shown = true;
        }
        screens += usize::from(shown);
    }
    loop {
        let area_safety = symptom_questions(&asked)
            .into_iter()
            .find(|f| f.kind == FindingKind::RedFlag && !asked.findings.contains_key(f.id));
        let Some(next) = area_safety.or_else(|| interview(&asked).next.first().copied()) else {
            break;
        };
        asked.findings.insert(next.id.to_string(), answer(next.id));
        screens += 1;
    }
    assert!(
        interview(&asked).settled,
        "the interview ran out of questions without settling"
    );
    (asked, safety, screens)
}

/// What asking everything gives: every question the widget would ask this person answered
/// as in the vignette ("no" when it says nothing); ids it would not ask are left out.
fn everything(full: &Answers) -> Answers {
    let mut all = Answers {
        findings: Default::default(),
        ..full.clone()
    };
    let answer = |id: &str| full.findings.get(id).copied().unwrap_or(Response::No);
    for question in safety_questions(full) {
        all.findings
            .insert(question.id.to_string(), answer(question.id));
    }
    for question in symptom_questions(&all) {
        all.findings
            .insert(question.id.to_string(), answer(question.id));
    }
    all
}

#[test]
fn stopping_early_never_changes_a_vignettes_outcome() {
    let mut symptom_counts = Vec::new();
    let mut safety_counts = Vec::new();
    let mut before = Vec::new();
    let mut differ = Vec::new();
    for (name, full) in common::public_vignettes() {
        let (asked, safety, symptoms) = replay_flow(&full, Flow::OnePerScreen);
        assert_sound(&asked, &name);
        if outcome(&asked) != outcome(&everything(&full)) {
            differ.push(name.clone());
        }
        symptom_counts.push(symptoms);
        safety_counts.push(safety);
        before.push(
            symptom_questions(&full)
                .iter()
                .filter(|f| f.kind != FindingKind::RedFlag)
                .count(),
        );
    }
    let stats = |v: &mut Vec<usize>| {
        v.sort_unstable();
        (v[v.len() / 2], v[v.len() * 9 / 10])
    };
    let (s50, s90) = stats(&mut symptom_counts);
    let (b50, b90) = stats(&mut before);
    let (f50, f90) = stats(&mut safety_counts);
    println!(
        "questions after the safety screen: median {s50}, 90th percentile {s90} (asking all: {b50}, {b90})"
    );
    println!("safety-screen questions: median {f50}, 90th percentile {f90}");
    assert!(
        differ.is_empty(),
        "outcome differs from asking everything: {differ:?}"
    );
}

fn answers() -> impl Strategy<Value = Answers> {
    let regions = prop::collection::vec((0..KB.regions.len(), prop::bool::ANY), 1..4);
    let findings = prop::collection::vec((0..KB.findings.len(), 0usize..3), 0..12);
    (
        prop::option::of(5u8..=90),
        prop::bool::ANY,
        regions,
        findings,
        prop::option::of(0u8..=10),
    )
        .prop_map(|(age, runner, regions, findings, pain_now)| {
            let mut a = Answers {
                age,
                runner,
                pain_now,
                ..Answers::default()
            };
            for (r, left) in regions {
                let side = if left {
                    hipcheck::engine::Side::Left
                } else {
                    hipcheck::engine::Side::Right
                };
                if !a.has_pain(KB.regions[r].id, side) {
                    a.toggle_pain(KB.regions[r].id, side);
                }
            }
            for (f, r) in findings {
                let response = [Response::Yes, Response::No, Response::Unsure][r];
                a.findings.insert(KB.findings[f].id.to_string(), response);
            }
            a
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn a_settled_interview_is_settled_for_every_completion(a in answers()) {
        assert_sound(&a, "generated");
    }
}

/// Issue 23's proof: asking the level-raising questions together gives the same level, leading
/// source and plan as asking each one on its own screen, and as asking everything, for every
/// public vignette and for generated people.
fn assert_together_is_identical(full: &Answers, label: &str) -> (usize, usize) {
    let (one_by_one, _, before) = replay_flow(full, Flow::OnePerScreen);
    let (together, _, after) = replay_flow(full, Flow::Together);
    let all = outcome(&everything(full));
    assert_eq!(
        outcome(&one_by_one),
        all,
        "{label}: one per screen differs from asking everything"
    );
    assert_eq!(
        outcome(&together),
        all,
        "{label}: together differs from asking everything"
    );
    assert_sound(&together, label);
    (before, after)
}

fn median(mut v: Vec<usize>) -> usize {
    v.sort_unstable();
    v[v.len() / 2]
}

#[test]
fn asking_together_changes_no_vignettes_result() {
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for (name, full) in common::public_vignettes() {
        let (b, a) = assert_together_is_identical(&full, &name);
        before.push(b);
        after.push(a);
    }
    println!(
        "screens of questions after the safety screen, median: one per screen {}, together {}",
        median(before),
        median(after)
    );
}

/// A generated person who would answer every question: random age, sex, running, areas, pain,
/// duration and start, and an answer to every finding (mostly "no", so benign people are as
/// common as urgent ones).
fn generated_person(seed: &mut u64) -> Answers {
    let mut next = |n: u64| {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed % n
    };
    let mut a = Answers {
        age: (next(8) != 0).then(|| 5 + next(86) as u8),
        sex: [None, Some(Sex::Female), Some(Sex::Male), Some(Sex::Other)][next(4) as usize],
        runner: next(5) != 0,
        pain_now: (next(6) != 0).then(|| next(11) as u8),
        duration_weeks: [None, Some(1.0), Some(4.0), Some(9.0), Some(16.0)][next(5) as usize],
        onset: [None, Some(Onset::Sudden), Some(Onset::Gradual)][next(3) as usize],
        ..Answers::default()
    };
    for _ in 0..=next(2) {
        let region = KB.regions[next(KB.regions.len() as u64) as usize].id;
        let side = if next(2) == 0 {
            Side::Left
        } else {
            Side::Right
        };
        if !a.has_pain(region, side) {
            a.toggle_pain(region, side);
        }
    }
    // Red flags are rarer than symptoms, as in life; both are sometimes "not sure".
    for finding in KB.findings.iter() {
        let yes_in = if finding.kind == FindingKind::RedFlag {
            40
        } else {
            4
        };
        let response = match next(yes_in) {
            0 => Response::Yes,
            1 => Response::Unsure,
            _ => Response::No,
        };
        a.findings.insert(finding.id.to_string(), response);
    }
    a
}

#[test]
fn asking_together_changes_no_generated_result() {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for case in 0..2_000 {
        let full = generated_person(&mut seed);
        let (b, a) = assert_together_is_identical(&full, &format!("generated case {case}"));
        before.push(b);
        after.push(a);
    }
    println!(
        "2,000 generated people, screens after the safety screen, median: one per screen {}, together {}",
        median(before),
        median(after)
    );
}
