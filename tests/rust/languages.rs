//! Every language gives the same clinical answer: the public vignettes assessed in English and
//! in Spanish have identical ids, levels, likelihoods, scores and plans, and the Spanish wording
//! is really Spanish. The content checks of a translation (missing, extra, numbers, marks) are
//! in tests/rust/content_errors.rs.
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

// Each language lints its get_seen marks with its own escalation phrases (its own
// escalation.toml, never English's): without the file the language does not load.
#[test]
fn a_language_without_its_own_escalation_phrases_does_not_load() {
    for lang in hipcheck::content::lang::languages(std::path::Path::new("content")).unwrap() {
        let content =
            hipcheck::content::load_dir_in(std::path::Path::new("content"), lang).unwrap();
        assert!(
            content.escalation.phrases.len() >= 10,
            "{lang}: {:?}",
            content.escalation.phrases
        );
    }
    let spanish = hipcheck::content::load_dir_in(std::path::Path::new("content"), "es").unwrap();
    assert!(
        !spanish.escalation.phrases.iter().any(|p| p == "get seen"),
        "Spanish is linted with its own phrases"
    );
    let dir = common::copy_content("no-escalation");
    std::fs::remove_file(dir.join("es/escalation.toml")).unwrap();
    let error = hipcheck::content::load_dir_in(&dir, "es")
        .unwrap_err()
        .to_string();
    assert!(error.contains("es/escalation.toml"), "{error}");
}

/// Every string of `value` that reads as English wording (it has a space and is not bracketed).
fn unbracketed_sentences(value: &toml::Value, out: &mut Vec<String>) {
    match value {
        toml::Value::String(s) if s.contains(' ') && !(s.starts_with('[') && s.ends_with(']')) => {
            out.push(s.clone())
        }
        toml::Value::Array(items) => items.iter().for_each(|v| unbracketed_sentences(v, out)),
        toml::Value::Table(t) => t.values().for_each(|v| unbracketed_sentences(v, out)),
        _ => {}
    }
}

// Issue 25: a test language ("xx", every string of the English in brackets) laid over the
// English loads like any other, and leaves no English sentence anywhere in any file it
// translates (a field the overlay took for an id would keep its English and show here), nor in
// the page's and the hand-off module's words.
#[test]
fn a_pseudo_language_leaves_no_english_sentence() {
    let dir = common::copy_content("pseudo");
    hipcheck::content::write_pseudo_language(&dir, "xx").unwrap();
    // A folder with a ui.toml is a language: no list to edit.
    assert_eq!(
        hipcheck::content::lang::languages(&dir).unwrap(),
        ["en", "es", "xx"]
    );
    let content = hipcheck::content::load_dir_in(&dir, "xx").unwrap();
    assert_eq!(content.findings.len(), 74.max(content.findings.len()));
    let mut english = Vec::new();
    for name in hipcheck::content::CONTENT_FILES
        .iter()
        .filter(|n| **n != "references.toml")
    {
        let merged = hipcheck::content::read_in(&dir, "xx", name).unwrap();
        let mut found = Vec::new();
        unbracketed_sentences(&toml::Value::Table(merged), &mut found);
        english.extend(found.into_iter().map(|s| format!("{name}: {s}")));
    }
    let ui = hipcheck::content::ui_words(&dir, "xx")
        .unwrap()
        .for_scripts();
    let mut found = Vec::new();
    unbracketed_sentences(&toml::Value::try_from(ui).unwrap(), &mut found);
    english.extend(found.into_iter().map(|s| format!("ui-words: {s}")));
    assert!(
        english.is_empty(),
        "{} English sentences left: {:#?}",
        english.len(),
        &english[..english.len().min(10)]
    );
    // And the test can fail: the English itself is full of sentences.
    let mut all = Vec::new();
    unbracketed_sentences(
        &toml::Value::Table(hipcheck::content::read_in(&dir, "en", "ui.toml").unwrap()),
        &mut all,
    );
    assert!(all.len() > 100);
}

// A language's folder name becomes a module name, a build folder and a `lang` attribute: one
// that could not be is refused, naming it, rather than built.
#[test]
fn a_language_folder_named_other_than_by_a_code_is_refused() {
    let dir = common::copy_content("bad-code");
    std::fs::create_dir_all(dir.join("pt-BR")).unwrap();
    std::fs::copy(
        dir.join("es").join("ui.toml"),
        dir.join("pt-BR").join("ui.toml"),
    )
    .unwrap();
    let error = hipcheck::content::lang::languages(&dir)
        .unwrap_err()
        .to_string();
    assert!(error.contains("pt-BR"), "{error}");
    // A folder without a ui.toml (the diagram's) is not a language.
    assert!(dir.join("diagram").is_dir());
}
