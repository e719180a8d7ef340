//! The saved-record corpus (tests/data/records.json) read by `record::parse`: the same cases
//! tests/unit/handoff.test.mjs gives the hand-off module's `parseRecord`, so the two readers of one
//! format cannot drift apart (issue 27: CRLF records read differently).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use hipcheck::record::{parse, Saved};
use serde_json::{json, Value};

/// A record the engine accepted, as data in the corpus's shape (the hand-off module's).
fn as_read(saved: &Saved) -> Value {
    let a = &saved.answers;
    let name = |debug: String| debug.to_lowercase();
    let mut read = json!({
        "step": name(format!("{:?}", saved.step)),
        "runner": a.runner,
        "pain": a.pain.iter().map(|p| json!({"region": p.region, "side": name(format!("{:?}", p.side))})).collect::<Vec<_>>(),
        "findings": a.findings.iter().map(|(id, r)| json!({"id": id, "response": name(format!("{r:?}"))})).collect::<Vec<_>>(),
    });
    let fields = [
        ("age", a.age.map(|v| json!(v))),
        ("sex", a.sex.map(|v| json!(name(format!("{v:?}"))))),
        ("pain_now", a.pain_now.map(|v| json!(v))),
        // The widget and the format only know whole weeks.
        ("duration_weeks", a.duration_weeks.map(|v| json!(v as u16))),
        ("onset", a.onset.map(|v| json!(name(format!("{v:?}"))))),
    ];
    for (key, value) in fields {
        if let Some(value) = value {
            read[key] = value;
        }
    }
    read
}

/// The engine keeps findings sorted by id; the hand-off module reads them in record order.
fn findings_sorted(mut read: Value) -> Value {
    if let Some(findings) = read["findings"].as_array_mut() {
        findings.sort_by_key(|f| f["id"].as_str().unwrap_or_default().to_string());
    }
    read
}

#[test]
fn every_record_of_the_corpus_reads_as_written_down() {
    let corpus: Value =
        serde_json::from_str(include_str!("../data/records.json")).expect("records.json is JSON");
    let cases = corpus["cases"].as_array().expect("a list of cases");
    assert!(cases.len() >= 30, "the corpus covers the format");
    for case in cases {
        let name = case["name"].as_str().expect("each case is named");
        let record = case["record"].as_str().expect("each case has a record");
        let parsed = parse(record);
        assert_eq!(parsed.is_some(), case["valid"] == json!(true), "{name}");
        if case["read"].is_null() {
            assert!(parsed.is_none(), "{name}: refused for its form");
        }
        if let Some(saved) = parsed {
            assert_eq!(
                as_read(&saved),
                findings_sorted(case["read"].clone()),
                "{name}"
            );
        }
    }
}
