//! The result as the hand-off module (`assets/handoff.mjs`) reads it from the result screen's
//! `data-result`, in tab-separated lines: `hipcheck handoff` prints it too, so scripts/fhir-check.mjs can prove the
//! module's FHIR export equals `hipcheck fhir` for every vignette without a browser (the e2e
//! journeys check that the module reads the same from the screen).
//!
//! ```text
//! result 1                                         (the version: the module refuses any other)
//! level <level id> <headline> <how soon>
//! reason <sentence>                                  (each reason for the level)
//! source <condition id> <likelihood id> <name>      (ranked)
//! plan <condition id>                                (when there is a plan)
//! ```
//! Fields are separated by tabs; content wording never holds a tab or a line break (`content
//! check` refuses one: src/content/mod.rs, fixture tests/content/tab-in-wording.toml).

use crate::engine::Assessment;

pub fn result_lines(result: &Assessment) -> String {
    let mut out = String::from("result 1");
    let mut line = |fields: &[&str]| {
        let mut separator = "\n";
        for field in fields {
            out.push_str(separator);
            out.push_str(field);
            separator = "\t";
        }
    };
    let triage = &result.triage;
    line(&["level", triage.level.id(), triage.headline, triage.how_soon]);
    for reason in triage.reasons.0.iter().filter_map(|r| r.text()) {
        line(&["reason", &reason]);
    }
    for c in &result.conditions {
        line(&["source", c.id, c.likelihood.id(), c.name.get()]);
    }
    if let Some(plan) = &result.plan {
        line(&["plan", plan.condition]);
    }
    line(&[""]);
    out
}
