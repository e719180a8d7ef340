//! The editable knowledge base: `content/*.toml` loaded into typed structs (`model`), checked
//! (`validate`), and, in `build.rs` only, compiled into static Rust (`codegen`). Shared by
//! `#[path]` with `build.rs` and used natively by `hipcheck content check`; it depends only on
//! `std`, `serde`, `serde_path_to_error` and `toml`.

pub mod diagram;
pub mod error;
pub mod fhir;
pub mod figure;
pub mod lang;
pub mod model;
pub mod validate;

use std::path::Path;

use serde::de::DeserializeOwned;

pub use error::ContentError;
pub use model::*;

/// The files of `content/`, in the order they are loaded.
pub const CONTENT_FILES: [&str; 10] = [
    "regions.toml",
    "findings.toml",
    "conditions.toml",
    "red_flags.toml",
    "references.toml",
    "exercises.toml",
    "plans.toml",
    "safety_net.toml",
    "interface.toml",
    "ui.toml",
];

/// A content file's text, or the error naming it.
pub fn read_text(path: &Path) -> Result<String, ContentError> {
    std::fs::read_to_string(path).map_err(|e| ContentError::Read {
        file: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// One content file in `lang`: the English file with `<dir>/<lang>/`'s wording laid over it
/// (`lang::overlay`). References stay as published.
pub fn read_in(dir: &Path, lang: &str, name: &str) -> Result<toml::Table, ContentError> {
    let parse = |path: &Path, name: &str| {
        toml::from_str::<toml::Table>(&read_text(path)?).map_err(|e| ContentError::Parse {
            file: name.to_string(),
            message: e.to_string(),
        })
    };
    let english = parse(&dir.join(name), name)?;
    if lang == "en" {
        return Ok(english);
    }
    let translated_name = format!("{lang}/{name}");
    if name == "references.toml" {
        let worded = worded_references(&english);
        if worded.is_empty() {
            return Ok(english);
        }
        let translation = parse(&dir.join(lang).join(name), &translated_name)?;
        let translated = lang::overlay(&worded, &translation, &translated_name)?;
        return Ok(with_worded_references(english, translated));
    }
    let translation = parse(&dir.join(lang).join(name), &translated_name)?;
    lang::overlay(&english, &translation, &translated_name)
}

/// The references whose text a reader reads as wording (`wording = true`: "Expert opinion", not
/// a published title), the only ones a language translates (`<lang>/references.toml`).
fn worded_references(references: &toml::Table) -> toml::Table {
    let worded: Vec<toml::Value> = references
        .get("reference")
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
        .filter(|r| r.get("wording").and_then(toml::Value::as_bool) == Some(true))
        .cloned()
        .collect();
    if worded.is_empty() {
        return toml::Table::new();
    }
    toml::Table::from_iter([("reference".to_string(), toml::Value::Array(worded))])
}

/// `references` with each worded reference replaced by its translation (matched by id).
fn with_worded_references(mut references: toml::Table, translated: toml::Table) -> toml::Table {
    let translated = translated
        .get("reference")
        .and_then(toml::Value::as_array)
        .cloned()
        .unwrap_or_default();
    let id = |r: &toml::Value| {
        r.get("id")
            .and_then(toml::Value::as_str)
            .map(str::to_string)
    };
    if let Some(toml::Value::Array(all)) = references.get_mut("reference") {
        for entry in all.iter_mut() {
            if let Some(t) = translated.iter().find(|t| id(t) == id(entry)) {
                *entry = t.clone();
            }
        }
    }
    references
}

/// Every wording string of the content in `lang`, sorted, without repeats (references, which are
/// never translated, left out).
pub fn wording(dir: &Path, lang: &'static str) -> Result<Vec<String>, ContentError> {
    load_dir_in(dir, lang)?;
    let mut out = Vec::new();
    for name in CONTENT_FILES {
        let mut table = read_in(dir, lang, name)?;
        if name == "references.toml" {
            table = worded_references(&table);
        }
        lang::wording_of(&toml::Value::Table(table), &mut out);
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// The interface's words in `lang` alone (`ui.toml` with `<dir>/<lang>/ui.toml` laid over it),
/// for the build's catalog and the language switch, without loading the rest of the content.
pub fn ui_words(dir: &Path, lang: &str) -> Result<UiWords, ContentError> {
    let table = read_in(dir, lang, "ui.toml")?;
    single_line_wording(&table, "ui.toml")?;
    whole(table, "ui.toml")
}

/// Writes `<dir>/<code>/`: a pseudo-language (`lang::pseudo_translation` of every content
/// file, and the English escalation phrases, which its bracketed English still contains).
pub fn write_pseudo_language(dir: &Path, code: &str) -> Result<(), ContentError> {
    let folder = dir.join(code);
    let failed = |e: std::io::Error| ContentError::Read {
        file: folder.clone(),
        message: e.to_string(),
    };
    std::fs::create_dir_all(&folder).map_err(failed)?;
    for name in CONTENT_FILES {
        let mut english = read_in(dir, "en", name)?;
        if name == "references.toml" {
            english = worded_references(&english);
        }
        let text = toml::to_string(&lang::pseudo_translation(&english)).map_err(|e| {
            ContentError::Parse {
                file: format!("{code}/{name}"),
                message: e.to_string(),
            }
        })?;
        std::fs::write(folder.join(name), text).map_err(failed)?;
    }
    std::fs::copy(dir.join("escalation.toml"), folder.join("escalation.toml")).map_err(failed)?;
    Ok(())
}

/// Loads and validates every file of a content directory, in English.
pub fn load_dir(dir: &Path) -> Result<Content, ContentError> {
    load_dir_in(dir, "en")
}

/// Loads and validates every file of a content directory in `lang` (see [`read_in`]).
pub fn load_dir_in(dir: &Path, lang: &'static str) -> Result<Content, ContentError> {
    let read = |name: &str| read_in(dir, lang, name);
    let one_line = |name: &str| {
        let table = read(name)?;
        single_line_wording(&table, name)?;
        Ok::<_, ContentError>(table)
    };
    // Each file with the `[[tables]]` it may hold.
    let file = |name: &str, keys: &[&str]| {
        let table = one_line(name)?;
        only_known_tables(&table, name, keys)?;
        Ok::<_, ContentError>(table)
    };
    let plans = file("plans.toml", &["plan", "until_seen"])?;
    let content = Content {
        regions: entries(
            &file("regions.toml", &["region"])?,
            "regions.toml",
            "region",
        )?,
        findings: entries(
            &file("findings.toml", &["finding"])?,
            "findings.toml",
            "finding",
        )?,
        conditions: entries(
            &file("conditions.toml", &["condition"])?,
            "conditions.toml",
            "condition",
        )?,
        rules: entries(
            &file("red_flags.toml", &["rule"])?,
            "red_flags.toml",
            "rule",
        )?,
        references: entries(
            &file("references.toml", &["reference"])?,
            "references.toml",
            "reference",
        )?,
        exercises: entries(
            &file("exercises.toml", &["exercise"])?,
            "exercises.toml",
            "exercise",
        )?,
        plans: entries(&plans, "plans.toml", "plan")?,
        until_seen: entries(&plans, "plans.toml", "until_seen")?,
        safety_net: whole(one_line("safety_net.toml")?, "safety_net.toml")?,
        interface: whole(one_line("interface.toml")?, "interface.toml")?,
        ui: whole(one_line("ui.toml")?, "ui.toml")?,
        escalation: escalation(dir, lang)?,
        diagram: diagram::load(&dir.join("diagram"))?,
        lang,
    };
    content.validate()?;
    Ok(content)
}

/// Each `[[table]]` entry of a file, typed one by one, so that an error names the entry (its
/// `id`, `condition` or position) and the field path serde stopped at.
fn entries<T: DeserializeOwned>(
    table: &toml::Table,
    file: &str,
    key: &str,
) -> Result<Vec<T>, ContentError> {
    let Some(toml::Value::Array(items)) = table.get(key) else {
        return Err(ContentError::Invalid {
            file: file.to_string(),
            entry: "(all)".to_string(),
            field: key.to_string(),
            message: format!("expected at least one [[{key}]] entry"),
        });
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            serde_path_to_error::deserialize::<_, T>(item.clone()).map_err(|e| {
                let entry = entry_label(item, key, i);
                ContentError::Invalid {
                    file: file.to_string(),
                    entry,
                    field: e.path().to_string(),
                    message: e.into_inner().to_string(),
                }
            })
        })
        .collect()
}

/// How an error names the `i`th `[[key]]` entry: by its id (or a plan's condition), else by
/// its place.
fn entry_label(item: &toml::Value, key: &str, i: usize) -> String {
    lang::ENTRY_KEYS
        .iter()
        .find_map(|k| item.get(k).and_then(toml::Value::as_str))
        .map_or_else(|| format!("{key}[{i}]"), str::to_string)
}

/// Wording is one line with no tab: the hand-off's result lines (src/handoff.rs) and the
/// saved record are tab- and line-separated, so a tab or a line break inside a sentence would
/// shift or cut every field after it.
fn single_line_wording(table: &toml::Table, file: &str) -> Result<(), ContentError> {
    fn find(value: &toml::Value, path: String) -> Option<String> {
        match value {
            toml::Value::String(text) => text.contains(['\t', '\n', '\r']).then_some(path),
            toml::Value::Array(items) => items
                .iter()
                .enumerate()
                .find_map(|(i, item)| find(item, format!("{path}[{i}]"))),
            toml::Value::Table(table) => table.iter().find_map(|(key, item)| {
                let path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                find(item, path)
            }),
            _ => None,
        }
    }
    for (key, value) in table {
        let entries: Vec<(String, &toml::Value)> = match value {
            toml::Value::Array(items) if items.iter().all(toml::Value::is_table) => items
                .iter()
                .enumerate()
                .map(|(i, item)| (entry_label(item, key, i), item))
                .collect(),
            _ => vec![("(file)".to_string(), value)],
        };
        for (entry, item) in entries {
            let start = if entry == "(file)" {
                key.clone()
            } else {
                String::new()
            };
            if let Some(field) = find(item, start) {
                return Err(ContentError::Invalid {
                    file: file.to_string(),
                    entry,
                    field,
                    message: "wording is one line: no tab or line break".to_string(),
                });
            }
        }
    }
    Ok(())
}

/// A language's own escalation phrases, read as they are (not laid over the English).
fn escalation(dir: &Path, lang: &str) -> Result<Escalation, ContentError> {
    let name = if lang == "en" {
        "escalation.toml".to_string()
    } else {
        format!("{lang}/escalation.toml")
    };
    let table = toml::from_str::<toml::Table>(&read_text(&dir.join(&name))?).map_err(|e| {
        ContentError::Parse {
            file: name.clone(),
            message: e.to_string(),
        }
    })?;
    let escalation: Escalation = whole(table, &name)?;
    if escalation.phrases.len() < 5 {
        return Err(ContentError::Invalid {
            file: name,
            entry: "(file)".to_string(),
            field: "phrases".to_string(),
            message: "too few to check the get_seen marks with".to_string(),
        });
    }
    Ok(escalation)
}

fn whole<T: DeserializeOwned>(table: toml::Table, file: &str) -> Result<T, ContentError> {
    serde_path_to_error::deserialize::<_, T>(toml::Value::Table(table)).map_err(|e| {
        ContentError::Invalid {
            file: file.to_string(),
            entry: "(file)".to_string(),
            field: e.path().to_string(),
            message: e.into_inner().to_string(),
        }
    })
}

fn only_known_tables(table: &toml::Table, file: &str, known: &[&str]) -> Result<(), ContentError> {
    match table.keys().find(|k| !known.contains(&k.as_str())) {
        Some(unknown) => Err(ContentError::Invalid {
            file: file.to_string(),
            entry: "(file)".to_string(),
            field: unknown.clone(),
            message: format!("unknown table; expected {}", known.join(" or ")),
        }),
        None => Ok(()),
    }
}
