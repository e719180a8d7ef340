//! Safety properties of the engine over arbitrary answers (proptest).
#![cfg(not(target_arch = "wasm32"))]

use hipcheck::engine::{assess, parse_answers, Answers, Onset, PainSite, Response, Sex, Side};
use hipcheck::kb::{FindingKind, Level, KB};
use proptest::prelude::*;

fn response() -> impl Strategy<Value = Response> {
    prop_oneof![
        Just(Response::Yes),
        Just(Response::No),
        Just(Response::Unsure)
    ]
}

fn answers() -> impl Strategy<Value = Answers> {
    let regions = prop::collection::vec((0..KB.regions.len(), prop::bool::ANY), 0..6);
    let findings = prop::collection::vec((0..KB.findings.len(), response()), 0..20);
    (
        prop::option::of(0u8..=120),
        prop::option::of(prop_oneof![
            Just(Sex::Female),
            Just(Sex::Male),
            Just(Sex::Other)
        ]),
        prop::bool::ANY,
        regions,
        findings,
        prop::option::of(0u8..=10),
        prop::option::of(0.0f32..300.0),
        prop::option::of(prop_oneof![Just(Onset::Sudden), Just(Onset::Gradual)]),
    )
        .prop_map(
            |(age, sex, runner, regions, findings, pain_now, duration_weeks, onset)| Answers {
                age,
                sex,
                runner,
                pain: regions
                    .into_iter()
                    .map(|(r, left)| PainSite {
                        region: KB.regions[r].id.to_string(),
                        side: if left { Side::Left } else { Side::Right },
                    })
                    .collect(),
                findings: findings
                    .into_iter()
                    .map(|(f, r)| (KB.findings[f].id.to_string(), r))
                    .collect(),
                pain_now,
                duration_weeks,
                onset,
                ..Answers::default()
            },
        )
}

fn red_flags() -> Vec<&'static str> {
    KB.findings
        .iter()
        .filter(|f| f.kind == FindingKind::RedFlag)
        .map(|f| f.id)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn a_red_flag_yes_never_lowers_the_triage_level(mut a in answers(), pick in 0usize..64) {
        let flags = red_flags();
        let flag = flags[pick % flags.len()];
        let before = assess(&a).triage.level;
        a.findings.insert(flag.to_string(), Response::Yes);
        let after = assess(&a).triage.level;
        prop_assert!(after >= before, "{flag}: {before:?} -> {after:?}");
    }

    #[test]
    fn answering_one_more_question_never_silences_a_red_flag(mut a in answers(), pick in 0usize..64, r in response()) {
        // An extra answer may change the ranking, but never talks the engine out of a fired rule.
        let fired_level = |a: &Answers| assess(a).triage.fired.iter().map(|f| f.level).max();
        let before = fired_level(&a);
        let finding = KB.findings[pick % KB.findings.len()].id;
        if a.findings.contains_key(finding) { return Ok(()); }
        a.findings.insert(finding.to_string(), r);
        let after = fired_level(&a);
        prop_assert!(after >= before, "{finding}={r:?}: {before:?} -> {after:?}");
        prop_assert!(assess(&a).triage.level >= before.unwrap_or(Level::SelfCare));
    }

    #[test]
    fn an_emergency_never_carries_a_plan(a in answers()) {
        let result = assess(&a);
        if result.triage.level == Level::Emergency {
            prop_assert!(result.plan.is_none());
        }
    }

    #[test]
    fn only_a_rehab_plan_has_exercises_and_only_below_within_days(a in answers()) {
        let result = assess(&a);
        if let Some(plan) = &result.plan {
            let has_exercises = plan.phases.iter().any(|p| !p.exercises.is_empty());
            if result.triage.level >= Level::WithinDays {
                prop_assert!(!has_exercises, "exercises at {:?}", result.triage.level);
            }
        }
    }

    #[test]
    fn output_is_deterministic(a in answers()) {
        let first = serde_json::to_string(&assess(&a)).unwrap();
        let second = serde_json::to_string(&assess(&a.clone())).unwrap();
        prop_assert_eq!(first, second);
    }

    #[test]
    fn no_regions_and_no_positive_findings_invent_no_condition(mut a in answers()) {
        a.pain.clear();
        for response in a.findings.values_mut() {
            *response = Response::No;
        }
        prop_assert!(assess(&a).conditions.is_empty());
    }

    #[test]
    fn arbitrary_answers_with_unknown_ids_never_panic(
        a in answers(),
        extra_region in "[a-z-]{0,12}",
        extra_finding in "[a-z-]{0,12}",
        r in response(),
    ) {
        let mut a = a;
        a.pain.push(PainSite { region: extra_region, side: Side::Left });
        a.findings.insert(extra_finding, r);
        let _ = assess(&a);
        let _ = a.validate();
    }

    #[test]
    fn arbitrary_text_never_panics_the_parser(text in ".{0,200}") {
        let _ = parse_answers(&text);
    }

    #[test]
    fn valid_answers_round_trip_through_json(a in answers()) {
        let json = serde_json::to_string(&a).unwrap();
        let parsed = parse_answers(&json).unwrap();
        prop_assert_eq!(assess(&parsed), assess(&a));
    }
}
