//! Safety properties of the engine over arbitrary answers (proptest).
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use hipcheck::engine::{
    assess, parse_answers, Answers, Assessment, Likelihood, Onset, PainSite, PlanKind, Response,
    Sex, Side, OVER_60, UNDER_16,
};
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

/// The red flags, without "is this check for someone 60 or over?", which states an age like the
/// age field (it may move the ranking as an age of 60 would), not a sign.
fn red_flags() -> Vec<&'static str> {
    KB.findings
        .iter()
        .filter(|f| f.kind == FindingKind::RedFlag && f.id != OVER_60)
        .map(|f| f.id)
        .collect()
}

proptest! {
    // More cases than the others: the counterexamples need a "soon" condition in the lead and
    // the picked flag to touch a rival, a rarer draw since issue 21 added findings (at 2,000 the
    // mutation in scripts/property-mutations.py was no longer caught every run).
    #![proptest_config(ProptestConfig::with_cases(20000))]

    #[test]
    fn a_red_flag_yes_never_lowers_the_triage_level(mut a in answers(), pick in 0usize..64) {
        let flags = red_flags();
        let flag = flags[pick % flags.len()];
        let before = assess(&a).triage.level;
        a.findings.insert(flag.to_string(), Response::Yes);
        let after = assess(&a).triage.level;
        prop_assert!(after >= before, "{flag}: {before:?} -> {after:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn answering_one_more_question_never_silences_a_red_flag(mut a in answers(), pick in 0usize..64, r in response()) {
        // An extra answer may change the ranking, but never talks the engine out of a fired rule.
        let fired_level = |a: &Answers| assess(a).triage.fired.iter().map(|f| f.level).max();
        let before = fired_level(&a);
        let finding = KB.findings[pick % KB.findings.len()].id;
        // "Under 16: no" is not evidence: it settles an unknown age, which until then is
        // treated as a child's (CLINICAL.md rule 10), so it may rightly lift the child rules.
        // "60 or over: yes" likewise states an age (as typing 60 would).
        if a.findings.contains_key(finding) || finding == UNDER_16 || finding == OVER_60 { return Ok(()); }
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

    #[test]
    fn a_no_turned_into_not_sure_never_lowers_the_level(mut a in answers(), pick in 0usize..64) {
        let noes: Vec<String> = a
            .findings
            .iter()
            .filter(|(_, r)| *r == Response::No)
            .map(|(id, _)| id.to_string())
            .collect();
        if noes.is_empty() { return Ok(()); }
        let id = noes[pick % noes.len()].clone();
        let before = assess(&a).triage.level;
        a.findings.insert(id.clone(), Response::Unsure);
        let after = assess(&a).triage.level;
        prop_assert!(after >= before, "{id}: no -> not sure lowered {before:?} to {after:?}");
    }

    #[test]
    fn a_limp_counts_the_same_on_either_step(mut a in answers(), safety_screen in prop::bool::ANY) {
        // CLINICAL.md rule 12: the safety screen's "groin pain when walking, limping" and the
        // symptom step's "does it hurt to walk, or are you limping?" are one fact.
        a.findings.remove("groin-pain-walking-night");
        a.findings.remove("pain-walking-limp");
        let mut on_safety = a.clone();
        on_safety.findings.insert("groin-pain-walking-night".into(), Response::Yes);
        let mut on_symptoms = a.clone();
        on_symptoms.findings.insert("pain-walking-limp".into(), Response::Yes);
        let (first, second) = if safety_screen { (on_safety, on_symptoms) } else { (on_symptoms, on_safety) };
        let groin = ["hip-crease", "front-hip", "inner-groin", "front-thigh"];
        if first.pain.iter().any(|p| groin.contains(&p.region.as_str())) {
            prop_assert_eq!(assess(&first).triage.level, assess(&second).triage.level);
        }
    }

    #[test]
    fn a_possible_bone_stress_injury_is_never_self_managed(a in answers()) {
        let result = assess(&a);
        let bone = result.conditions.iter().any(|c| {
            matches!(c.id, "femoral-neck-bsi" | "pelvic-sacral-bsi") && c.likelihood >= Likelihood::Possible
        });
        if bone {
            prop_assert!(result.triage.level >= Level::WithinDays, "{:?}", result.triage.level);
            prop_assert!(result.plan.as_ref().is_none_or(|p| p.kind != PlanKind::Rehab));
            prop_assert!(!says_safe_to_start(&result));
        }
    }

    #[test]
    fn under_16_never_gets_a_loading_plan_and_hip_pain_is_seen(mut a in answers(), said in prop::bool::ANY) {
        if said {
            a.age = None;
            a.findings.insert(UNDER_16.into(), Response::Yes);
        }
        // A child: by age, by answer, or because no age was given and nobody said "no".
        let child = match a.age {
            Some(age) => age < 16,
            None => a.findings.get(UNDER_16) != Some(&Response::No),
        };
        if !child {
            return Ok(());
        }
        let result = assess(&a);
        prop_assert!(result.plan.as_ref().is_none_or(|p| p.kind != PlanKind::Rehab));
        prop_assert!(!says_safe_to_start(&result));
        if !a.pain.is_empty() {
            prop_assert!(result.triage.level >= Level::WithinDays, "{:?}", result.triage.level);
        }
    }

    #[test]
    fn every_sentence_agrees_with_the_level_shown(a in answers()) {
        let result = assess(&a);
        let level = result.triage.level;
        let text = serde_json::to_string(&result).unwrap().to_lowercase();
        if level > Level::SelfCare {
            prop_assert!(!text.contains("no appointment needed"), "at {level:?}");
            prop_assert!(!text.contains("safe to start on your own"), "at {level:?}");
        }
        if level >= Level::WithinDays {
            prop_assert!(!says_safe_to_start(&result), "at {level:?}");
        }
        if result.plan.as_ref().is_some_and(|p| p.kind == PlanKind::UntilSeen) {
            prop_assert!(level >= Level::WithinDays, "until-seen advice at {level:?}");
        }
        // "Safe to start while you wait / meanwhile" speaks of a plan: only with one.
        if result.plan.as_ref().is_none_or(|p| p.kind != PlanKind::Rehab) {
            prop_assert!(
                !text.contains("safe to start while") && !text.contains("safe to start meanwhile"),
                "'safe to start' without an exercise plan at {level:?}"
            );
        }
    }
}

/// Any wording on the result, the printout or the CLI output (all built from the assessment)
/// that tells the person they may go ahead on their own.
fn says_safe_to_start(result: &Assessment) -> bool {
    let text = serde_json::to_string(result).unwrap().to_lowercase();
    [
        "safe to start",
        "safe to self-manage",
        "no appointment needed",
    ]
    .iter()
    .any(|phrase| text.contains(phrase))
}

/// The sources of a fired rule, as condition ids.
fn rule_sources(rule: &str) -> Vec<&'static str> {
    KB.rules
        .iter()
        .find(|r| r.id == rule)
        .map(|r| {
            KB.conditions
                .iter()
                .enumerate()
                .filter(|(i, _)| r.sources & 1 << i != 0)
                .map(|(_, c)| c.id)
                .collect()
        })
        .unwrap_or_default()
}

/// Every sentence the person reads (the CLI, the widget, the FHIR export and the hand-off all
/// show these fields of the same assessment).
fn sentences(result: &Assessment) -> Vec<String> {
    let mut out: Vec<String> = vec![
        result.triage.headline.to_string(),
        result.triage.how_soon.to_string(),
        result.triage.who.to_string(),
        result.summary.clone(),
    ];
    out.extend(result.triage.actions.iter().map(|s| s.to_string()));
    out.extend(
        result
            .triage
            .fired
            .iter()
            .map(|r| r.reason.get().to_string()),
    );
    out.extend(result.triage.fired.iter().map(|r| r.action.to_string()));
    out.extend(result.triage.reasons.0.iter().filter_map(|r| r.text()));
    out.extend(result.safety_net.iter().map(|s| s.to_string()));
    if let Some(plan) = &result.plan {
        for phase in &plan.phases {
            out.extend(phase.advice.iter().map(|s| s.to_string()));
        }
    }
    out.into_iter().map(|s| s.to_lowercase()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// CLINICAL.md rule 14: a rule that sets the level at within-days or above names its source
    /// among the first three, with no self-managed condition "likely" above it; and nothing is
    /// "best fit" and "less likely" at once.
    #[test]
    fn the_sources_agree_with_the_level(a in answers()) {
        let result = assess(&a);
        let level = result.triage.level;
        let ids: Vec<&str> = result.conditions.iter().map(|c| c.id).collect();
        // With nothing marked and nothing answered yes there is nothing to name (a source is
        // never invented: `no_regions_and_no_positive_findings_invent_no_condition`).
        let nothing_given =
            a.pain.is_empty() && a.findings.iter().all(|(_, r)| r == Response::No);
        if level >= Level::WithinDays && !nothing_given {
            let with_sources = result
                .triage
                .fired
                .iter()
                .filter(|r| r.level == level)
                .map(|r| (r.rule, rule_sources(r.rule)))
                .filter(|(_, sources)| !sources.is_empty())
                .take(3);
            for (rule, sources) in with_sources {
                let at = ids.iter().position(|id| sources.contains(id));
                prop_assert!(
                    at.is_some_and(|at| at < 3),
                    "rule {rule} at {level:?}: none of {sources:?} in the first three of {ids:?}"
                );
                let at = at.unwrap_or(0);
                for above in &result.conditions[..at] {
                    let self_managed = KB.condition(above.id).is_some_and(|c| c.self_manage);
                    prop_assert!(
                        !(self_managed && above.likelihood == Likelihood::Likely),
                        "rule {rule}: self-managed {} 'likely' above its source {}", above.id, ids[at]
                    );
                }
            }
        }
        if result.conditions.first().is_some_and(|c| c.likelihood == Likelihood::LessLikely) {
            prop_assert!(!result.summary.to_lowercase().contains("best fit"), "{}", result.summary);
        }
    }

    /// CLINICAL.md rule 15, in both languages: "stop running" only to runners, under-16 lines
    /// only to children, periods only to people who could have them, and an emergency result
    /// carries only what to do now.
    #[test]
    fn every_sentence_fits_the_person(a in answers(), spanish in prop::bool::ANY) {
        hipcheck::kb::set_language(if spanish { "es" } else { "en" });
        let result = assess(&a);
        hipcheck::kb::set_language("en");
        let said = sentences(&result);
        let child = match a.age {
            Some(age) => age < 16,
            None => a.findings.get(UNDER_16) != Some(&Response::No),
        };
        let could_have_periods = a.sex != Some(Sex::Male)
            && a.age.is_none_or(|age| (12..=55).contains(&age))
            && !child;
        for sentence in &said {
            if !a.runner {
                prop_assert!(
                    !sentence.contains("stop running") && !sentence.contains("deje de correr"),
                    "to a non-runner: {sentence}"
                );
            }
            if !child {
                prop_assert!(
                    !sentence.starts_with("under 16") && !sentence.starts_with("menores de 16"),
                    "to an adult: {sentence}"
                );
            }
            if !could_have_periods {
                prop_assert!(
                    !sentence.contains("period") && !sentence.contains("menstrua"),
                    "periods to {:?} aged {:?}: {sentence}", a.sex, a.age
                );
            }
            if result.triage.level == Level::Emergency {
                for later in ["1–2 weeks", "1-2 weeks", "1–3 days", "1-3 days", "1–2 semanas", "1-2 semanas", "1–3 días", "1-3 días"] {
                    prop_assert!(!sentence.contains(later), "at emergency: {sentence}");
                }
            }
        }
    }
}
