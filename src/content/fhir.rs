//! The FHIR R4 `Questionnaire` of HipCheck, generated from the content (by `build.rs`, into
//! `questionnaire.json` beside the widget). Every `linkId` is a contract id (docs/contract.md):
//! the person's details, each region, the pain questions and every finding. A finding asked
//! only for some areas has an `enableWhen` on those regions. Age, sex and follow-up limits,
//! which the engine applies, are not expressed: `enableWhen` cannot say "any of these areas and
//! this age" without nested groups, which would nest every response too (docs/contract.md
//! lists the limits).

use serde_json::{json, Value};

use crate::content::model::{Content, Finding};
use crate::vocabulary::FindingKind;

/// The Questionnaire's canonical URL: a fixed UUID URN, unique without claiming a domain.
pub const QUESTIONNAIRE_URL: &str = "urn:uuid:6f1c4c52-2a6e-4d53-9a55-5a1f7b0c9e01";
/// Its version: the contract version.
pub const QUESTIONNAIRE_VERSION: &str = "1";
/// The likelihood code system: each code with its display (FHIR displays are the code system's,
/// not the reader's language).
pub const LIKELIHOODS: [(&str, &str); 3] = [
    ("likely", "Likely"),
    ("possible", "Possible"),
    ("less-likely", "Less likely"),
];

/// What the hand-off module shares with the engine and its FHIR export (assets/handoff.mjs's
/// `VOCABULARY`, put in by the build): one definition of each id and code.
pub fn handoff_vocabulary() -> Value {
    serde_json::json!({
        "questionnaire_url": QUESTIONNAIRE_URL,
        "questionnaire_version": QUESTIONNAIRE_VERSION,
        "levels": crate::vocabulary::Level::ALL.iter().map(|l| l.id()).collect::<Vec<_>>(),
        "likelihoods": LIKELIHOODS.iter().map(|(code, display)| serde_json::json!({ "code": code, "display": display })).collect::<Vec<_>>(),
    })
}

/// Code systems of HipCheck's own codes (answers, sides, sexes, onsets, levels, conditions,
/// likelihoods), under the Questionnaire's URN.
pub fn system(name: &str) -> String {
    format!("{QUESTIONNAIRE_URL}#{name}")
}

/// An answer option or an answer: a `valueCoding` in one of HipCheck's code systems.
pub fn coding(system_name: &str, code: &str, display: &str) -> Value {
    json!({ "valueCoding": { "system": system(system_name), "code": code, "display": display } })
}

fn answer_options() -> Value {
    json!([
        coding("answer", "yes", "Yes"),
        coding("answer", "no", "No"),
        coding("answer", "unsure", "Not sure")
    ])
}

/// One finding's question: its kind as a code, shown only for the areas it belongs to.
fn finding_item(f: &Finding) -> Value {
    let mut item = json!({
        "linkId": f.id,
        "type": "choice",
        "text": f.question,
        "code": [{ "system": system("finding-kind"), "code": match f.kind {
            FindingKind::RedFlag => "red-flag",
            FindingKind::Symptom => "symptom",
            FindingKind::History => "history",
        } }],
        "answerOption": answer_options()
    });
    if !f.replaced_by.is_empty() {
        // A contract-v1 id that was split: still accepted in answers, never asked.
        item["readOnly"] = json!(true);
    }
    if !f.regions.is_empty() {
        item["enableWhen"] = f
            .regions
            .iter()
            .map(|r| json!({ "question": r, "operator": "exists", "answerBoolean": true }))
            .collect();
        if f.regions.len() > 1 {
            item["enableBehavior"] = json!("any");
        }
    }
    item
}

pub fn questionnaire(content: &Content) -> Value {
    let q = &content.interface.questionnaire;
    let s = &content.interface.symptoms;
    let about = json!({
        "linkId": "about", "type": "group", "text": q.about,
        "item": [
            { "linkId": "age", "type": "integer", "text": q.age },
            { "linkId": "sex", "type": "choice", "text": q.sex,
              "answerOption": [coding("sex", "female", "Female"), coding("sex", "male", "Male"), coding("sex", "other", "Other")] },
            { "linkId": "runner", "type": "boolean", "text": q.runner }
        ]
    });
    let regions: Vec<Value> = content
        .regions
        .iter()
        .map(|r| {
            json!({
                "linkId": r.id, "type": "choice", "repeats": true,
                // The labels name each area on its own, in the content's language.
                "text": r.label,
                "answerOption": [coding("side", "left", "Left"), coding("side", "right", "Right")]
            })
        })
        .collect();
    let pain = json!({
        "linkId": "about-pain", "type": "group", "text": q.about_pain,
        "item": [
            { "linkId": "pain_now", "type": "integer", "text": format!("{} ({}, {})", s.pain_now_label, s.pain_now_none, s.pain_now_worst) },
            { "linkId": "duration_weeks", "type": "decimal", "text": format!("{} ({})", s.duration_legend, q.weeks) },
            { "linkId": "onset", "type": "choice", "text": s.onset_legend,
              "answerOption": [coding("onset", "sudden", "Suddenly"), coding("onset", "gradual", "Gradually")] }
        ]
    });
    let findings: Vec<Value> = content.findings.iter().map(finding_item).collect();
    json!({
        "resourceType": "Questionnaire",
        "id": "hipcheck",
        // The items' wording is in this language; ids and codes are the same in every one.
        "language": content.lang,
        "url": QUESTIONNAIRE_URL,
        "version": QUESTIONNAIRE_VERSION,
        "name": "HipCheck",
        "title": "HipCheck: hip pain self-check for runners",
        "status": "active",
        "subjectType": ["Patient"],
        "description": "A self-check for runners with hip pain. Not a diagnosis. Item linkIds are the ids of the HipCheck assessment contract, version 1.",
        "item": [
            about,
            { "linkId": "where", "type": "group", "text": q.where_it_hurts, "item": regions },
            pain,
            { "linkId": "findings", "type": "group", "text": q.questions, "item": findings }
        ]
    })
}
