//! FHIR export (`hipcheck::fhir`, `content::fhir`): the response answers the generated
//! Questionnaire and carries the result. Validity against FHIR R4 itself is checked by a FHIR
//! library in scripts/fhir-check.mjs (part of scripts/test.sh).
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use hipcheck::content::fhir::{questionnaire, QUESTIONNAIRE_URL};
use hipcheck::content::load_dir;
use hipcheck::engine::assess;
use hipcheck::fhir::questionnaire_response;
use serde_json::Value;

fn link_ids(items: &Value, into: &mut Vec<String>) {
    for item in items.as_array().into_iter().flatten() {
        into.push(item["linkId"].as_str().unwrap().to_string());
        link_ids(&item["item"], into);
    }
}

#[test]
fn the_questionnaire_asks_every_contract_id_once() {
    let content = load_dir(std::path::Path::new("content")).unwrap();
    let q = questionnaire(&content);
    let mut ids = Vec::new();
    link_ids(&q["item"], &mut ids);
    for id in content
        .regions
        .iter()
        .map(|r| &r.id)
        .chain(content.findings.iter().map(|f| &f.id))
    {
        assert_eq!(ids.iter().filter(|i| *i == id).count(), 1, "{id}");
    }
    // A split v1 question stays answerable from saved answers but is never asked.
    let fever = q["item"][3]["item"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["linkId"] == "fever-unwell")
        .unwrap();
    assert_eq!(fever["readOnly"], true);
}

#[test]
fn every_vignette_response_answers_the_questionnaire_with_its_level_and_sources() {
    for (name, answers) in common::public_vignettes() {
        let result = assess(&answers);
        let response = questionnaire_response(&answers, &result);
        assert_eq!(
            response["questionnaire"],
            format!("{QUESTIONNAIRE_URL}|1"),
            "{name}"
        );
        let risk = &response["contained"][0];
        assert_eq!(risk["resourceType"], "RiskAssessment");
        assert_eq!(
            response["extension"][0]["valueReference"]["reference"],
            "#result"
        );
        let predictions = risk["prediction"].as_array().unwrap();
        assert_eq!(
            predictions[0]["outcome"]["coding"][0]["code"],
            serde_json::to_value(result.triage.level).unwrap(),
            "{name}: the level comes first"
        );
        assert_eq!(predictions.len(), 1 + result.conditions.len(), "{name}");
        let mut answered = Vec::new();
        link_ids(&response["item"], &mut answered);
        for (id, _) in answers.findings.iter() {
            assert!(answered.iter().any(|a| a == id), "{name}: {id} missing");
        }
    }
}
