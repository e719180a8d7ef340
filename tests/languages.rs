//! Every language gives the same clinical answer: the public vignettes assessed in English and
//! in Spanish have identical ids, levels, likelihoods, scores and plans, and the Spanish wording
//! is really Spanish. The content checks of a translation (missing, extra, numbers, marks) are
//! in tests/content_errors.rs.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use hipcheck::engine::{assess, Assessment};
use hipcheck::kb::set_language;

/// Everything of an assessment that is not wording.
fn clinical(result: &Assessment) -> String {
    let reasons: Vec<Option<&str>> = result.triage.reasons.0.iter().map(|r| r.id()).collect();
    let conditions: Vec<String> = result
        .conditions
        .iter()
        .map(|c| {
            format!(
                "{} {} {:.4} {}",
                c.id,
                c.likelihood.id(),
                c.score,
                c.care.id()
            )
        })
        .collect();
    let plan = result.plan.as_ref().map(|p| {
        let exercises: Vec<&[u16]> = p.phases.iter().map(|ph| ph.exercises).collect();
        format!(
            "{} {:?} {:?} {exercises:?}",
            p.condition, p.kind, p.pain_rule
        )
    });
    format!(
        "{} {reasons:?} {conditions:?} {plan:?} {}",
        result.triage.level.id(),
        result.safety_net.len()
    )
}

#[test]
fn every_vignette_has_the_same_ids_and_levels_in_english_and_spanish() {
    let vignettes = common::public_vignettes();
    assert!(vignettes.len() >= 190);
    for (name, answers) in vignettes {
        assert!(set_language("en"));
        let english = assess(&answers);
        assert!(set_language("es"));
        let spanish = assess(&answers);
        assert_eq!(clinical(&english), clinical(&spanish), "{name}");
        // The wording did change: the banner is Spanish.
        assert_ne!(english.triage.headline, spanish.triage.headline, "{name}");
        assert_ne!(english.summary, spanish.summary, "{name}");
    }
    set_language("en");
}

#[test]
fn an_unknown_language_is_refused_and_changes_nothing() {
    assert!(!set_language("xx"));
    assert_eq!(hipcheck::kb::language(), "en");
}

#[test]
fn the_command_line_speaks_spanish_with_the_same_ids() {
    let cli = env!("CARGO_BIN_EXE_hipcheck");
    let input = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vignettes/gt-02-stairs-crossing-legs.json");
    let vignette: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&input).unwrap()).unwrap();
    let answers = std::env::temp_dir().join(format!("hipcheck-lang-{}.json", std::process::id()));
    std::fs::write(&answers, vignette["answers"].to_string()).unwrap();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(cli).args(args).output().unwrap();
        (
            out.status.code(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let path = answers.to_str().unwrap();
    let (code, english, _) = run(&["assess", path]);
    assert_eq!(code, Some(0));
    let (code, spanish, _) = run(&["assess", "--lang", "es", path]);
    assert_eq!(code, Some(0));
    let en: serde_json::Value = serde_json::from_str(&english).unwrap();
    let es: serde_json::Value = serde_json::from_str(&spanish).unwrap();
    assert_eq!(en["triage"]["level"], es["triage"]["level"]);
    assert_eq!(en["conditions"][0]["id"], es["conditions"][0]["id"]);
    assert_eq!(
        es["triage"]["headline"],
        "Puede empezar por su cuenta con seguridad"
    );
    let (code, _, error) = run(&["assess", "--lang", "fr", path]);
    assert_eq!(code, Some(2));
    assert!(error.contains("--lang fr: not one of en, es"), "{error}");
    let _ = std::fs::remove_file(&answers);
}

// A language without its own escalation phrases gets none (not English's), so every line it
// marks get_seen fails `content check` instead of being linted in another language.
#[test]
fn every_language_has_its_own_escalation_phrases_and_an_unknown_one_has_none() {
    for lang in hipcheck::content::lang::LANGUAGES {
        let (phrases, _) = hipcheck::content::lang::escalation_phrases(lang);
        assert!(
            phrases.len() >= 10,
            "{lang}: {} escalation phrases",
            phrases.len()
        );
    }
    let (spanish, _) = hipcheck::content::lang::escalation_phrases("es");
    assert!(
        !spanish.contains(&"get seen"),
        "Spanish is linted with its own phrases"
    );
    assert_eq!(
        hipcheck::content::lang::escalation_phrases("fr"),
        (&[][..], &[][..])
    );
}
