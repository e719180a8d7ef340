//! A completed check as a FHIR R4 `QuestionnaireResponse` to the Questionnaire generated from
//! the content (`content::fhir`, `questionnaire.json`), with the result as a contained
//! `RiskAssessment` that the response points to through an extension: the level as the first
//! prediction (with the reasons as its rationale), then each ranked possible source with its
//! likelihood as a qualitative risk. The score is left out: it is not a probability
//! (docs/safety.md O2). The widget's download is built by assets/handoff.mjs to the same shape;
//! scripts/fhir-check.mjs proves the two equal for every vignette.

use serde_json::{json, Value};

use crate::content::fhir::{coding as coded, system, QUESTIONNAIRE_URL, QUESTIONNAIRE_VERSION};
use crate::engine::{Answers, Assessment, Onset, Response, Side};
use crate::kb::KB;

/// The extension on the response that points at its contained result.
pub fn result_extension() -> String {
    system("result")
}

fn id_of<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn item(link_id: &str, answers: Vec<Value>) -> Value {
    json!({ "linkId": link_id, "answer": answers })
}

/// The likelihood code system's display of `code` (the hand-off module reads the same table).
fn likelihood_display(code: &str) -> &'static str {
    crate::content::fhir::LIKELIHOODS
        .iter()
        .find(|(known, _)| *known == code)
        .map_or("", |(_, display)| display)
}

/// The completed check: the answers as the Questionnaire's items, and the result contained.
pub fn questionnaire_response(answers: &Answers, result: &Assessment) -> Value {
    json!({
        "resourceType": "QuestionnaireResponse",
        "questionnaire": format!("{QUESTIONNAIRE_URL}|{QUESTIONNAIRE_VERSION}"),
        "status": "completed",
        "contained": [risk_assessment(result)],
        "extension": [{ "url": result_extension(), "valueReference": { "reference": "#result" } }],
        "item": answer_groups(answers)
    })
}

/// The answers in the Questionnaire's groups; a group with nothing answered is left out.
fn answer_groups(answers: &Answers) -> Vec<Value> {
    let group = |link_id: &str, items: Vec<Value>| {
        (!items.is_empty()).then(|| json!({ "linkId": link_id, "item": items }))
    };
    [
        group("about", about_items(answers)),
        group("where", region_items(answers)),
        group("about-pain", pain_items(answers)),
        group("findings", finding_items(answers)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Age, sex and whether the person runs (which always has a value: it defaults to yes).
fn about_items(answers: &Answers) -> Vec<Value> {
    let mut about = Vec::new();
    if let Some(age) = answers.age {
        about.push(item("age", vec![json!({ "valueInteger": age })]));
    }
    if let Some(sex) = answers.sex {
        let code = id_of(&sex);
        about.push(item("sex", vec![coded("sex", &code, &code)]));
    }
    about.push(item(
        "runner",
        vec![json!({ "valueBoolean": answers.runner })],
    ));
    about
}

/// One item per painful region, in the knowledge base's order, answered with its sides.
fn region_items(answers: &Answers) -> Vec<Value> {
    KB.regions
        .iter()
        .filter_map(|region| {
            let sides: Vec<Value> = [Side::Left, Side::Right]
                .into_iter()
                .filter(|&side| {
                    answers
                        .pain
                        .iter()
                        .any(|p| p.region == region.id && p.side == side)
                })
                .map(|side| {
                    let code = id_of(&side);
                    coded("side", &code, &code)
                })
                .collect();
            (!sides.is_empty()).then(|| item(region.id, sides))
        })
        .collect()
}

/// How bad the pain is now, how long it has lasted, and how it began.
fn pain_items(answers: &Answers) -> Vec<Value> {
    let mut pain = Vec::new();
    if let Some(now) = answers.pain_now {
        pain.push(item("pain_now", vec![json!({ "valueInteger": now })]));
    }
    if let Some(weeks) = answers.duration_weeks {
        pain.push(item(
            "duration_weeks",
            vec![json!({ "valueDecimal": weeks })],
        ));
    }
    if let Some(onset) = answers.onset {
        let code = if onset == Onset::Sudden {
            "sudden"
        } else {
            "gradual"
        };
        pain.push(item("onset", vec![coded("onset", code, code)]));
    }
    pain
}

/// Each question answered, in the answers' own order.
fn finding_items(answers: &Answers) -> Vec<Value> {
    answers
        .findings
        .iter()
        .map(|(id, response)| {
            let (code, display) = match response {
                Response::Yes => ("yes", "Yes"),
                Response::No => ("no", "No"),
                Response::Unsure => ("unsure", "Not sure"),
            };
            item(id, vec![coded("answer", code, display)])
        })
        .collect()
}

/// The result as a `RiskAssessment`: the level first, with the reasons as its rationale, then
/// each ranked condition with its likelihood.
fn risk_assessment(result: &Assessment) -> Value {
    let mut predictions = vec![level_prediction(result)];
    predictions.extend(result.conditions.iter().map(|c| {
        let likelihood = c.likelihood.id();
        json!({
            "outcome": { "coding": [{ "system": system("condition"), "code": c.id, "display": c.name.get() }], "text": c.name.get() },
            "qualitativeRisk": { "coding": [{ "system": system("likelihood"), "code": likelihood, "display": likelihood_display(likelihood) }] }
        })
    }));
    json!({
        "resourceType": "RiskAssessment",
        "id": "result",
        "status": "final",
        "subject": { "display": "The person who completed this self-check" },
        "method": { "text": "HipCheck self-check (assessment contract 1): not a diagnosis" },
        "prediction": predictions
    })
}

/// The level, with its headline and how soon, and the reasons' sentences as the rationale.
fn level_prediction(result: &Assessment) -> Value {
    let level = result.triage.level.id();
    let reasons: Vec<String> = result
        .triage
        .reasons
        .0
        .iter()
        .filter_map(|r| r.text())
        .collect();
    json!({
        "outcome": {
            "coding": [{ "system": system("level"), "code": level, "display": result.triage.headline }],
            "text": format!("{}: {}", result.triage.headline, result.triage.how_soon)
        },
        "rationale": reasons.join(" ")
    })
}
