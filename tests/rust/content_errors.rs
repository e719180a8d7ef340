//! Negative fixtures: each file in `tests/content/` breaks the shipped content in one way
//! (`file`, `replace` → `with`; `\n` stands for a line break) and gives the message
//! `hipcheck content check` must print, naming file, entry and field. One file per kind of error.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    file: String,
    replace: String,
    with: String,
    expect: String,
}

mod common;

#[test]
fn every_broken_content_fixture_gives_its_message() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/content");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    names.sort();
    assert!(names.len() >= 12, "only {} fixtures", names.len());
    let mut failures = Vec::new();
    for path in names {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let case: Case = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let dir = common::copy_content(&name);
        let target = dir.join(&case.file);
        let text = std::fs::read_to_string(&target).unwrap();
        let (from, to) = (
            case.replace.replace("\\n", "\n"),
            case.with.replace("\\n", "\n"),
        );
        if text.matches(&from).count() != 1 {
            failures.push(format!(
                "{name}: `replace` must match {} exactly once",
                case.file
            ));
            continue;
        }
        std::fs::write(&target, text.replacen(&from, &to, 1)).unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_hipcheck"))
            .args(["content", "check"])
            .arg(&dir)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        if output.status.code() != Some(2) || !stderr.contains(&case.expect) {
            failures.push(format!(
                "{name}: exit {:?}, printed\n  {}\n  expected to contain\n  {}",
                output.status.code(),
                stderr.trim(),
                case.expect
            ));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
