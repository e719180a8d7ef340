//! Golden outputs: `assess` on every public vignette and on 3,000 generated answer sets must
//! give the results recorded in `tests/golden/assess.txt`, so that a refactor cannot change
//! behaviour unnoticed. A deliberate clinical change re-records them with
//! `HIPCHECK_BLESS=1 cargo test --test golden` and says why in its commit.
//!
//! The file is written for the reviewer of that commit: each case is a line by id with its
//! level, first three sources and plan, so the diff of a re-recording reads as the clinical
//! change itself; a short hash of the whole JSON ends the line, so that any other change
//! (wording, reasons, scores, later sources) still shows. Generated cases also say what they
//! were given, so a changed one can be judged without running anything.
//!
//! Generated cases are drawn by id, never by position in the content: whether a case has an
//! area or a finding, and the answer to it, depends only on the case number and that id.
//! Drawn by index, one new finding shifted every draw and re-recorded every case, which hid the
//! one change that mattered among thousands; now it touches only the few cases that draw it
//! (`generated_cases_survive_an_unrelated_addition`).
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use hipcheck::engine::{assess, Answers, Onset, PainSite, Response, Sex, Side};
use hipcheck::kb::KB;

mod common;
#[path = "../../src/fnv1a.rs"]
mod fnv1a;
use fnv1a::fnv1a;
#[path = "../../src/xorshift.rs"]
mod xorshift;
use xorshift::XorShift;

const GENERATED: usize = 3000;
/// Each case aims at 0–3 painful areas and 0–13 answered findings, as the cases drawn by index
/// had: each (region, side) is in with chance `areas / REGION_SIDES`, each finding with
/// `answered / FINDING_COUNT`, so those are the counts on average. Constants (the content's
/// sizes when this was written), not the lists' lengths, which would move every case whenever
/// the content grows.
const REGION_SIDES: usize = 26;
const FINDING_COUNT: usize = 74;

const HEADER: &str = "\
# Golden outputs of `assess` (tests/rust/golden.rs). Re-record only for a deliberate clinical change:
#   HIPCHECK_BLESS=1 cargo test --test golden
# <case>: <level> | <first three sources, likelihood> | <plan: condition kind> | #<hash of the whole JSON>
# <generated case> given: <age sex running, pain, weeks, onset> | <areas> | <findings>
";

/// A generator that depends on `key` alone.
fn seeded(key: &str) -> XorShift {
    XorShift(fnv1a(key.as_bytes()) | 1)
}

/// The generated answer sets, by case id, drawn from these region and finding ids: the same on
/// every machine, and a case changes only if it draws an id that was added or removed.
fn generated_cases(regions: &[&str], findings: &[&str]) -> Vec<(String, Answers)> {
    (0..GENERATED)
        .map(|i| {
            let case = format!("generated-{i:04}");
            let mut draw = seeded(&case);
            let mut answers = Answers {
                age: (draw.below(4) > 0).then(|| draw.below(90) as u8 + 5),
                sex: [None, Some(Sex::Female), Some(Sex::Male), Some(Sex::Other)][draw.below(4)],
                runner: draw.below(5) > 0,
                pain_now: (draw.below(2) == 0).then(|| draw.below(11) as u8),
                duration_weeks: (draw.below(2) == 0).then(|| draw.below(40) as f32 / 2.0),
                onset: [None, Some(Onset::Sudden), Some(Onset::Gradual)][draw.below(3)],
                ..Answers::default()
            };
            let areas = draw.below(4);
            let answered = draw.below(14);
            for &region in regions {
                for (side, side_id) in [(Side::Left, "left"), (Side::Right, "right")] {
                    if seeded(&format!("{case} {region} {side_id}")).below(REGION_SIDES) < areas {
                        answers.pain.push(PainSite {
                            region: region.to_string(),
                            side,
                        });
                    }
                }
            }
            for &finding in findings {
                let mut draw = seeded(&format!("{case} {finding}"));
                if draw.below(FINDING_COUNT) < answered {
                    let response = [Response::Yes, Response::No, Response::Unsure][draw.below(3)];
                    answers.findings.insert(finding.to_string(), response);
                }
            }
            (case, answers)
        })
        .collect()
}

fn kb_generated_cases() -> Vec<(String, Answers)> {
    let regions: Vec<&str> = KB.regions.iter().map(|r| r.id).collect();
    let findings: Vec<&str> = KB.findings.iter().map(|f| f.id).collect();
    generated_cases(&regions, &findings)
}

/// What a generated case was given, on one line.
fn given(answers: &Answers) -> String {
    let mut about = match answers.age {
        Some(age) => format!("age {age}"),
        None => "no age".to_string(),
    };
    about += match answers.sex {
        Some(Sex::Female) => " F",
        Some(Sex::Male) => " M",
        Some(Sex::Other) => " other",
        None => " no sex",
    };
    about += if answers.runner {
        " runner"
    } else {
        " non-runner"
    };
    if let Some(pain) = answers.pain_now {
        let _ = write!(about, ", pain {pain}/10");
    }
    if let Some(weeks) = answers.duration_weeks {
        let _ = write!(about, ", {weeks} wk");
    }
    match answers.onset {
        Some(Onset::Sudden) => about += ", sudden",
        Some(Onset::Gradual) => about += ", gradual",
        None => {}
    }
    let areas: Vec<String> = answers
        .pain
        .iter()
        .map(|p| {
            let side = if p.side == Side::Left { "L" } else { "R" };
            format!("{} {side}", p.region)
        })
        .collect();
    let findings: Vec<String> = answers
        .findings
        .iter()
        .map(|(id, response)| {
            let response = match response {
                Response::Yes => "yes",
                Response::No => "no",
                Response::Unsure => "unsure",
            };
            format!("{id}={response}")
        })
        .collect();
    format!(
        "{about} | {} | {}",
        if areas.is_empty() {
            "no areas".to_string()
        } else {
            areas.join(", ")
        },
        if findings.is_empty() {
            "no findings".to_string()
        } else {
            findings.join(" ")
        }
    )
}

/// The result on one line: level, first three sources, plan, and a hash of the whole JSON.
fn result(answers: &Answers) -> String {
    let assessment = assess(answers);
    let json = serde_json::to_string(&assessment).unwrap();
    let hash = fnv1a(json.as_bytes());
    let sources: Vec<String> = assessment
        .conditions
        .iter()
        .take(3)
        .map(|c| format!("{} {}", c.id, c.likelihood.id()))
        .collect();
    let plan = match &assessment.plan {
        Some(plan) => {
            let kind = serde_json::to_value(plan.kind).unwrap();
            format!("plan {} {}", plan.condition, kind.as_str().unwrap())
        }
        None => "no plan".to_string(),
    };
    format!(
        "{} | {} | {plan} | #{:08x}",
        assessment.triage.level.id(),
        if sources.is_empty() {
            "no sources".to_string()
        } else {
            sources.join(", ")
        },
        (hash ^ (hash >> 32)) as u32
    )
}

fn outputs() -> String {
    let mut lines = HEADER.to_string();
    for (name, answers) in common::public_vignettes() {
        let _ = writeln!(lines, "{name}: {}", result(&answers));
    }
    for (case, answers) in kb_generated_cases() {
        let _ = writeln!(lines, "{case} given: {}", given(&answers));
        let _ = writeln!(lines, "{case}: {}", result(&answers));
    }
    lines
}

/// Each case's lines, by case id (what precedes the first ':' or ' '), in file order.
fn by_case(text: &str) -> Vec<(&str, Vec<&str>)> {
    let mut cases: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let id = line.split([':', ' ']).next().unwrap_or_default();
        match cases.last_mut() {
            Some((last, lines)) if *last == id => lines.push(line),
            _ => cases.push((id, vec![line])),
        }
    }
    cases
}

#[test]
fn assess_outputs_are_unchanged() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/assess.txt");
    let now = outputs();
    if std::env::var_os("HIPCHECK_BLESS").is_some() {
        std::fs::write(&path, &now).unwrap();
        return;
    }
    let recorded = std::fs::read_to_string(&path).unwrap_or_default();
    let now = by_case(&now);
    let recorded = by_case(&recorded);
    let before: HashMap<&str, &[&str]> = recorded.iter().map(|(id, l)| (*id, &l[..])).collect();
    let after: HashMap<&str, &[&str]> = now.iter().map(|(id, l)| (*id, &l[..])).collect();
    let mut changed: Vec<String> = Vec::new();
    for (id, lines) in &now {
        match before.get(id) {
            Some(old) if old == lines => {}
            Some(old) => {
                let mut block = String::new();
                for (i, line) in lines.iter().enumerate() {
                    match old.get(i) {
                        Some(was) if was == line => block += &format!("\n      {line}"),
                        Some(was) => block += &format!("\n    - {was}\n    + {line}"),
                        None => block += &format!("\n    + {line}"),
                    }
                }
                for was in old.iter().skip(lines.len()) {
                    block += &format!("\n    - {was}");
                }
                changed.push(format!("  {id}:{block}"));
            }
            None => changed.push(format!(
                "  {id} (not recorded):\n    + {}",
                lines.join("\n    + ")
            )),
        }
    }
    for (id, lines) in recorded.iter().filter(|(id, _)| !after.contains_key(id)) {
        changed.push(format!("  {id} (gone):\n    - {}", lines.join("\n    - ")));
    }
    assert!(
        changed.is_empty(),
        "{} of {} cases differ from tests/golden/assess.txt; re-record with \
         HIPCHECK_BLESS=1 cargo test --test golden only for a deliberate clinical change. \
         First {}:\n{}",
        changed.len(),
        now.len(),
        changed.len().min(10),
        changed[..changed.len().min(10)].join("\n")
    );
}

const NEW_FINDING: &str = "zz-unrelated-new-finding";
const NEW_REGION: &str = "zz-unrelated-new-region";

/// How many generated cases change when these made-up ids are put in the middle of the
/// content's lists, after checking that each case that changed differs by them alone (so every
/// case that does not draw them is as before).
fn cases_changed_by(new_region: Option<&str>, new_finding: Option<&str>) -> usize {
    let mut regions: Vec<&str> = KB.regions.iter().map(|r| r.id).collect();
    let mut findings: Vec<&str> = KB.findings.iter().map(|f| f.id).collect();
    let before = generated_cases(&regions, &findings);
    if let Some(id) = new_region {
        regions.insert(regions.len() / 2, id);
    }
    if let Some(id) = new_finding {
        findings.insert(findings.len() / 2, id);
    }
    let after = generated_cases(&regions, &findings);
    assert_eq!(after.len(), before.len());
    let mut changed = 0;
    for ((id, old), (new_id, new)) in before.iter().zip(&after) {
        assert_eq!(id, new_id);
        let mut without = new.clone();
        without.findings.retain(|id, _| Some(id) != new_finding);
        without
            .pain
            .retain(|p| Some(p.region.as_str()) != new_region);
        assert_eq!(old, &without, "{id} changed beyond the new ids");
        if old != new {
            changed += 1;
        }
    }
    changed
}

/// A new finding or region changes only the cases that draw it, and those only by it: a
/// content addition re-records a few cases, not all of them.
#[test]
fn generated_cases_survive_an_unrelated_addition() {
    let finding = cases_changed_by(None, Some(NEW_FINDING));
    let region = cases_changed_by(Some(NEW_REGION), None);
    let both = cases_changed_by(Some(NEW_REGION), Some(NEW_FINDING));
    // A new id is drawn about as often as any other: a region in ~11 % of cases (1.5 areas of
    // 13 on average), a finding in ~9 % (6.5 of 74).
    for (what, changed) in [("finding", finding), ("region", region)] {
        assert!(
            changed > 0,
            "no case drew the new {what}: the test shows nothing"
        );
        assert!(
            changed * 100 < GENERATED * 15,
            "{changed} of {GENERATED} cases changed for one new {what}"
        );
    }
    assert!(
        both * 100 < GENERATED * 25,
        "{both} of {GENERATED} cases changed for one new finding and one new region"
    );

    let before = kb_generated_cases();
    assert_eq!(before.len(), GENERATED);
    // The cases are not empty: they still exercise the engine.
    let with_areas = before.iter().filter(|(_, a)| !a.pain.is_empty()).count();
    let with_3_findings = before.iter().filter(|(_, a)| a.findings.len() >= 3).count();
    let without_age = before.iter().filter(|(_, a)| a.age.is_none()).count();
    assert!(
        with_areas >= 1000,
        "only {with_areas} cases have a painful area"
    );
    assert!(
        with_3_findings >= 1000,
        "only {with_3_findings} cases have 3+ findings"
    );
    assert!(without_age >= 300, "only {without_age} cases have no age");
    for region in KB.regions {
        assert!(
            before
                .iter()
                .any(|(_, a)| a.pain.iter().any(|p| p.region == region.id)),
            "no case has {}",
            region.id
        );
    }
    for finding in KB.findings {
        assert!(
            before
                .iter()
                .any(|(_, a)| a.findings.contains_key(finding.id)),
            "no case answers {}",
            finding.id
        );
    }
}
