//! Golden outputs: `assess` on every public vignette and on 3,000 generated answer sets must
//! give byte-identical JSON to the recorded outputs. Refactors must not change behaviour; a
//! deliberate clinical change re-records them with `HIPCHECK_BLESS=1 cargo test --test golden`
//! and says why in its commit. The file keeps one 64-bit FNV-1a hash of the JSON per case.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;
use std::path::Path;

use hipcheck::engine::{assess, Answers, Onset, PainSite, Response, Sex, Side};
use hipcheck::kb::KB;

mod common;
#[path = "../src/fnv1a.rs"]
mod fnv1a;
use fnv1a::fnv1a;
#[path = "../src/xorshift.rs"]
mod xorshift;
use xorshift::XorShift;

const GENERATED: usize = 3000;

/// Generated answer sets, the same on every machine.
struct Cases(XorShift);

impl Cases {
    fn below(&mut self, n: usize) -> usize {
        self.0.below(n)
    }
    fn answers(&mut self) -> Answers {
        let mut answers = Answers {
            age: (self.below(4) > 0).then(|| self.below(90) as u8 + 5),
            sex: [None, Some(Sex::Female), Some(Sex::Male), Some(Sex::Other)][self.below(4)],
            runner: self.below(5) > 0,
            pain_now: (self.below(2) == 0).then(|| self.below(11) as u8),
            duration_weeks: (self.below(2) == 0).then(|| self.below(40) as f32 / 2.0),
            onset: [None, Some(Onset::Sudden), Some(Onset::Gradual)][self.below(3)],
            ..Answers::default()
        };
        for _ in 0..self.below(4) {
            let region = KB.regions[self.below(KB.regions.len())].id;
            let side = if self.below(2) == 0 {
                Side::Left
            } else {
                Side::Right
            };
            if !answers.has_pain(region, side) {
                answers.pain.push(PainSite {
                    region: region.to_string(),
                    side,
                });
            }
        }
        for _ in 0..self.below(14) {
            let finding = KB.findings[self.below(KB.findings.len())].id;
            let response = [Response::Yes, Response::No, Response::Unsure][self.below(3)];
            answers.findings.insert(finding.to_string(), response);
        }
        answers
    }
}

fn outputs() -> String {
    let mut lines = String::new();
    for (name, answers) in common::public_vignettes() {
        let json = serde_json::to_string(&assess(&answers)).unwrap();
        let _ = writeln!(lines, "{name} {:016x}", fnv1a(json.as_bytes()));
    }
    let mut cases = Cases(XorShift(0x9e37_79b9_7f4a_7c15));
    for i in 0..GENERATED {
        let answers = cases.answers();
        let json = serde_json::to_string(&assess(&answers)).unwrap();
        let _ = writeln!(lines, "generated-{i:04} {:016x}", fnv1a(json.as_bytes()));
    }
    lines
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
    let changed: Vec<String> = now
        .lines()
        .zip(recorded.lines())
        .filter(|(a, b)| a != b)
        .map(|(a, _)| a.split(' ').next().unwrap_or("").to_string())
        .collect();
    assert!(
        changed.is_empty() && now.lines().count() == recorded.lines().count(),
        "{} of {} outputs differ from tests/golden/assess.txt (first: {:?}); re-record with \
         HIPCHECK_BLESS=1 only for a deliberate clinical change",
        changed.len(),
        now.lines().count(),
        &changed[..changed.len().min(5)]
    );
}
