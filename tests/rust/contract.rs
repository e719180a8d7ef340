//! `docs/contract.md` is the interface clinics and saved answers rely on: its id lists must
//! match `content/` exactly, both ways, so the two cannot drift.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use hipcheck::kb::{FindingKind, Level, KB};

fn contract() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/contract.md")).unwrap()
}

/// The text of a section, from its heading to the next heading of the same or a higher level.
fn section<'a>(text: &'a str, heading: &str) -> &'a str {
    let start = text
        .find(&format!("{heading}\n"))
        .unwrap_or_else(|| panic!("docs/contract.md has no '{heading}'"));
    let level = heading.chars().take_while(|c| *c == '#').count();
    let body = &text[start + heading.len()..];
    let end = body
        .match_indices("\n#")
        .find(|(at, _)| body[at + 1..].chars().take_while(|c| *c == '#').count() <= level)
        .map_or(body.len(), |(at, _)| at);
    &body[..end]
}

/// Every `kebab-id` in backticks.
fn ids(text: &str) -> BTreeSet<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
        .map(str::to_string)
        .collect()
}

fn set<'a>(items: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    items.into_iter().map(str::to_string).collect()
}

#[test]
fn regions_match_the_content() {
    let text = contract();
    let table = section(&text, "## Regions");
    let listed: BTreeSet<String> = table
        .lines()
        .filter(|l| l.starts_with("| `"))
        .flat_map(|l| ids(l.split('|').nth(1).unwrap_or("")))
        .collect();
    assert_eq!(listed, set(KB.regions.iter().map(|r| r.id)));
}

#[test]
fn symptom_and_history_findings_match_the_content() {
    let text = contract();
    let listed = ids(section(&text, "### Symptoms and history"));
    let known = set(KB
        .findings
        .iter()
        .filter(|f| f.kind != FindingKind::RedFlag)
        .map(|f| f.id));
    assert_eq!(listed, known);
}

#[test]
fn red_flags_asked_today_match_the_content() {
    let text = contract();
    let body = section(&text, "### Red flags and safety questions");
    let listed = ids(body.split("Item 17").next().unwrap_or(""));
    let known = set(KB
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::RedFlag && !f.replaced)
        .map(|f| f.id));
    assert_eq!(listed, known);
}

#[test]
fn replaced_version_1_ids_match_the_content() {
    let text = contract();
    let body = section(&text, "### Version 1 ids that were split or reworded");
    let listed: BTreeSet<String> = body
        .match_indices("` (now")
        .filter_map(|(at, _)| body[..at].rsplit('`').next())
        .map(str::to_string)
        .collect();
    let known = set(KB.findings.iter().filter(|f| f.replaced).map(|f| f.id));
    assert_eq!(listed, known);
    // Every id the section names is still accepted.
    for id in ids(body) {
        assert!(KB.finding(&id).is_some(), "{id}");
    }
}

#[test]
fn levels_and_conditions_match_the_content() {
    let text = contract();
    assert_eq!(
        ids(section(&text, "### Levels")),
        set(Level::ALL.iter().map(|l| l.id()))
    );
    assert_eq!(
        ids(section(&text, "### Conditions")),
        set(KB.conditions.iter().map(|c| c.id))
    );
}

/// The embed's setting names exist in Rust and in the post-build script: one list each, checked.
#[test]
fn the_post_build_script_forwards_the_settings_the_widget_reads() {
    let script = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scripts/postbuild.mjs"
    ))
    .unwrap();
    let line = script
        .lines()
        .find(|l| l.starts_with("const SETTINGS = ["))
        .expect("postbuild.mjs defines SETTINGS");
    let listed: Vec<&str> = line.split('\'').skip(1).step_by(2).collect();
    assert_eq!(listed, hipcheck::vocabulary::SETTINGS);
}
