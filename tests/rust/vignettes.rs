//! The public vignette suite: clinical cases in `tests/vignettes/*.json`, written from
//! CLINICAL.md's reasoning (not from the engine). Prints triage accuracy, under-triage, and
//! correct-first / top-3 rates, and fails below the safety and accuracy bars.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use hipcheck::engine::{assess, parse_answers, Assessment};

mod common;
use hipcheck::kb::Level;
use serde::Deserialize;

#[derive(Deserialize)]
struct Vignette {
    id: String,
    title: String,
    answers: serde_json::Value,
    expect: Expect,
}

#[derive(Deserialize)]
struct Expect {
    triage: String,
    condition: Option<String>,
    #[serde(default)]
    no_conditions: bool,
    #[serde(default)]
    reasons_include: Vec<String>,
}

const MIN_TRIAGE_ACCURACY: f64 = 0.90;
const MIN_CORRECT_FIRST: f64 = 0.85;
const MIN_TOP_3: f64 = 0.95;

/// `HIPCHECK_VIGNETTES=DIR` runs another folder of cases (a clinic's own, or a held-out set).
fn load() -> Vec<Vignette> {
    let dir = match std::env::var_os("HIPCHECK_VIGNETTES") {
        Some(dir) => Path::new(&dir).to_path_buf(),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vignettes"),
    };
    common::vignette_files(&dir)
        .iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        })
        .collect()
}

/// What the suite counts across the cases.
#[derive(Default)]
struct Tally {
    triage_ok: usize,
    under: usize,
    /// Under-triaged where the expected level is within-days or above, or a red flag is
    /// expected among the reasons: the cases that must never be under-triaged.
    red_flag_under: usize,
    over: usize,
    /// Cases with an expected leading condition.
    ranked: usize,
    first_ok: usize,
    top3_ok: usize,
}

fn main() {
    let vignettes = load();
    let mut failures: Vec<String> = Vec::new();
    let mut tally = Tally::default();
    for v in &vignettes {
        check(v, &mut tally, &mut failures);
    }
    let n = vignettes.len();
    let rates = report(n, &tally);
    failures.extend(below_the_bars(n, &tally, rates));
    if !failures.is_empty() {
        for failure in &failures {
            eprintln!("FAIL {failure}");
        }
        std::process::exit(1);
    }
}

/// Assesses one case and counts it; a case that cannot be scored is a failure.
fn check(v: &Vignette, tally: &mut Tally, failures: &mut Vec<String>) {
    let answers = match parse_answers(&v.answers.to_string()) {
        Ok(a) => a,
        Err(e) => {
            failures.push(format!("{}: answers refused: {e}", v.id));
            return;
        }
    };
    let result: Assessment = assess(&answers);
    let Some(expected) = Level::from_id(&v.expect.triage) else {
        failures.push(format!(
            "{}: unknown expected level {}",
            v.id, v.expect.triage
        ));
        return;
    };
    count_triage(v, expected, result.triage.level, tally);
    failures.extend(expectations_missed(v, &result));
    if let Some(condition) = &v.expect.condition {
        count_ranking(v, condition, &result, tally);
    }
}

fn count_triage(v: &Vignette, expected: Level, got: Level, tally: &mut Tally) {
    if got == expected {
        tally.triage_ok += 1;
    } else if got < expected {
        tally.under += 1;
        if expected >= Level::WithinDays || !v.expect.reasons_include.is_empty() {
            tally.red_flag_under += 1;
        }
        println!(
            "  UNDER  {:<8} expected {:<11} got {:<11} {}",
            v.id,
            expected.id(),
            got.id(),
            v.title
        );
    } else {
        tally.over += 1;
        println!(
            "  over   {:<8} expected {:<11} got {:<11} {}",
            v.id,
            expected.id(),
            got.id(),
            v.title
        );
    }
}

/// The case's own expectations the result misses: reasons, no conditions, no plan at an
/// emergency.
fn expectations_missed(v: &Vignette, result: &Assessment) -> Vec<String> {
    let mut missed = Vec::new();
    for reason in &v.expect.reasons_include {
        if !result
            .triage
            .reasons
            .0
            .iter()
            .any(|r| r.id() == Some(reason.as_str()) || r.text().as_deref() == Some(reason))
        {
            missed.push(format!(
                "{}: reason '{reason}' missing from {:?}",
                v.id, result.triage.reasons
            ));
        }
    }
    if v.expect.no_conditions && !result.conditions.is_empty() {
        missed.push(format!(
            "{}: expected no conditions, got {:?}",
            v.id, result.conditions[0].id
        ));
    }
    if result.triage.level == Level::Emergency && result.plan.is_some() {
        missed.push(format!("{}: an emergency result carries a plan", v.id));
    }
    missed
}

fn count_ranking(v: &Vignette, condition: &str, result: &Assessment, tally: &mut Tally) {
    tally.ranked += 1;
    let ids: Vec<&str> = result.conditions.iter().map(|c| c.id).collect();
    if ids.first() == Some(&condition) {
        tally.first_ok += 1;
    } else {
        println!(
            "  rank   {:<8} expected {condition} first, got {:?}",
            v.id,
            &ids[..ids.len().min(3)]
        );
    }
    if ids.iter().take(3).any(|id| *id == condition) {
        tally.top3_ok += 1;
    }
}

/// The suite's rates, as fractions.
#[derive(Clone, Copy)]
struct Rates {
    triage_accuracy: f64,
    correct_first: f64,
    top3: f64,
}

/// Prints the rates over `n` cases, and returns them.
fn report(n: usize, tally: &Tally) -> Rates {
    let Tally {
        triage_ok,
        under,
        red_flag_under,
        over,
        ranked,
        first_ok,
        top3_ok,
    } = *tally;
    let rate = |ok: usize, of: usize| if of == 0 { 1.0 } else { ok as f64 / of as f64 };
    let triage_accuracy = rate(triage_ok, n);
    let correct_first = rate(first_ok, ranked);
    let top3 = rate(top3_ok, ranked);
    println!("vignettes: {n} cases, {ranked} with an expected leading condition");
    println!(
        "triage accuracy:        {:.1} % ({triage_ok}/{n})",
        triage_accuracy * 100.0
    );
    println!("under-triaged:          {under} (of which red flags / urgent: {red_flag_under}); over-triaged: {over}");
    println!(
        "correct first:          {:.1} % ({first_ok}/{ranked})",
        correct_first * 100.0
    );
    println!(
        "correct in top 3:       {:.1} % ({top3_ok}/{ranked})",
        top3 * 100.0
    );
    Rates {
        triage_accuracy,
        correct_first,
        top3,
    }
}

/// The safety and accuracy bars the suite falls below.
fn below_the_bars(n: usize, tally: &Tally, rates: Rates) -> Vec<String> {
    let mut failures = Vec::new();
    if n < 60 {
        failures.push(format!("only {n} vignettes; the suite needs at least 60"));
    }
    if tally.red_flag_under > 0 {
        failures.push(format!(
            "{} red-flag or urgent cases under-triaged (must be 0)",
            tally.red_flag_under
        ));
    }
    if rates.triage_accuracy < MIN_TRIAGE_ACCURACY {
        failures.push(format!(
            "triage accuracy {:.1} % below {:.0} %",
            rates.triage_accuracy * 100.0,
            MIN_TRIAGE_ACCURACY * 100.0
        ));
    }
    if rates.correct_first < MIN_CORRECT_FIRST {
        failures.push(format!(
            "correct-first {:.1} % below {:.0} %",
            rates.correct_first * 100.0,
            MIN_CORRECT_FIRST * 100.0
        ));
    }
    if rates.top3 < MIN_TOP_3 {
        failures.push(format!(
            "top-3 {:.1} % below {:.0} %",
            rates.top3 * 100.0,
            MIN_TOP_3 * 100.0
        ));
    }
    failures
}
