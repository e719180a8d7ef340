//! Fuzzes the `Answers` JSON parser and `assess` together: any bytes either are refused with a
//! typed error naming a field, or are assessed without panicking, and the result keeps the
//! safety invariants the property tests also check.
#![no_main]

use hipcheck::engine::{assess, parse_answers, PlanKind};
use hipcheck::kb::Level;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match parse_answers(text) {
        Err(error) => assert!(!error.field().is_empty(), "an error must name a field"),
        Ok(answers) => {
            let result = assess(&answers);
            if result.triage.level == Level::Emergency {
                assert!(result.plan.is_none(), "an emergency never carries a plan");
            }
            if let Some(plan) = &result.plan {
                if result.triage.level >= Level::WithinDays {
                    assert_eq!(plan.kind, PlanKind::UntilSeen);
                }
            }
            assert_eq!(result, assess(&answers), "deterministic");
            let json = serde_json::to_string(&result).expect("an assessment serialises");
            assert!(json.starts_with('{'));
        }
    }
});
