//! Other languages: `content/<lang>/<file>.toml` holds the wording of `content/<file>.toml` in
//! that language, keyed by the same ids, with only the fields a person reads. It is laid over
//! the English file before the file is typed, so the result goes through the same model and
//! the same validation (with that language's escalation wording), and every clinical fact
//! (levels, rules, weights, doses' numbers) stays defined once, in English.
//!
//! Refused, naming file, entry and field: a missing translation, an id or field the English
//! file does not have, a code field (an id, a level, a region list…) in the translation, lists
//! of another length, a different `get_seen` mark, and numbers or `{placeholders}` that differ
//! from the English (doses and times must match).

use std::path::Path;

use super::error::ContentError;

/// The languages of a content directory, English (the content's own language) first: every
/// folder in it with a `ui.toml` is a language, named by its code, so adding one is data
/// (docs/architecture.md, "Where to add"). Sorted, so every build lists them alike.
pub fn languages(dir: &Path) -> Result<Vec<&'static str>, ContentError> {
    let unreadable = |e: std::io::Error| ContentError::Read {
        file: dir.to_path_buf(),
        message: e.to_string(),
    };
    let mut codes = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let path = entry.map_err(unreadable)?.path();
        if !path.join("ui.toml").is_file() {
            continue;
        }
        let code = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // It becomes a Rust module name, a folder of the build and a `lang` attribute.
        let valid = !code.is_empty() && code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
        if !valid || code == "en" {
            return Err(ContentError::Read {
                file: path,
                message: "a language's folder is named by its code in lower-case letters (not en, the content's own)".to_string(),
            });
        }
        codes.push(code);
    }
    codes.sort();
    // Codes live as long as the build or the command: leaked once, they can be `&'static`
    // like the compiled-in ids they sit beside.
    Ok(std::iter::once("en")
        .chain(codes.into_iter().map(|c| &*c.leak()))
        .collect())
}

/// Fields whose values are ids or codes, never wording: they stay in the English file only.
const CODE_KEYS: [&str; 28] = [
    "id",
    "from",
    "session",
    "fixed",
    "worn",
    "arrows",
    "on",
    "condition",
    "care",
    "references",
    "needs_any",
    "kind",
    "view",
    "prop",
    "replaced_by",
    "asked_if",
    "sexes",
    "regions",
    "same_as",
    "pain_rule",
    "exercises",
    "conditions",
    "level",
    "all",
    "any",
    "recency",
    "sources",
    "only",
];

/// The keys that name an entry of a `[[table]]`, in the order they are tried.
pub(super) const ENTRY_KEYS: [&str; 2] = ["id", "condition"];

struct Place<'a> {
    file: &'a str,
    entry: String,
    field: String,
}

impl Place<'_> {
    fn error(&self, message: impl Into<String>) -> ContentError {
        ContentError::Invalid {
            file: self.file.to_string(),
            entry: self.entry.clone(),
            field: self.field.clone(),
            message: message.into(),
        }
    }

    fn field(&self, key: &str) -> Place<'_> {
        Place {
            file: self.file,
            entry: self.entry.clone(),
            field: if self.field.is_empty() {
                key.to_string()
            } else {
                format!("{}.{key}", self.field)
            },
        }
    }
}

/// `english` with the wording of `translation` laid over it. `file` is the translation's path
/// relative to `content/` (for messages).
pub fn overlay(
    english: &toml::Table,
    translation: &toml::Table,
    file: &str,
) -> Result<toml::Table, ContentError> {
    let place = Place {
        file,
        entry: "(file)".to_string(),
        field: String::new(),
    };
    table(english, translation, &place)
}

/// A code field: an id or a list of ids (never a table, which `[[condition]]` also names).
fn is_code(key: &str, value: &toml::Value) -> bool {
    CODE_KEYS.contains(&key)
        && !matches!(value, toml::Value::Table(_))
        && !value
            .as_array()
            .is_some_and(|items| items.iter().any(toml::Value::is_table))
}

fn is_text(value: &toml::Value) -> bool {
    match value {
        toml::Value::String(_) => true,
        toml::Value::Array(items) => !items.is_empty() && items.iter().all(is_text),
        toml::Value::Table(t) => {
            t.contains_key("text")
                && t.keys()
                    .all(|k| k == "text" || k == "get_seen" || k == "only")
        }
        _ => false,
    }
}

/// Whether a value holds wording anywhere (a table of wording, or entries with wording).
fn has_text(value: &toml::Value) -> bool {
    match value {
        toml::Value::Table(t) => {
            is_text(value) || t.iter().any(|(k, v)| !is_code(k, v) && has_text(v))
        }
        toml::Value::Array(items) => items.iter().any(has_text),
        toml::Value::String(_) => true,
        _ => false,
    }
}

fn table(
    english: &toml::Table,
    translation: &toml::Table,
    place: &Place,
) -> Result<toml::Table, ContentError> {
    for key in translation.keys() {
        let here = place.field(key);
        let value = translation.get(key);
        if ENTRY_KEYS.contains(&key.as_str()) && value.is_some_and(toml::Value::is_str) {
            continue;
        }
        match english.get(key) {
            None => return Err(here.error("not in the English file")),
            Some(english_value) if is_code(key, english_value) => {
                return Err(
                    here.error("an id or code, not wording: it belongs in the English file only")
                )
            }
            Some(value) if !has_text(value) => {
                return Err(here.error("not wording: it belongs in the English file only"))
            }
            Some(_) => {}
        }
    }
    let mut merged = english.clone();
    for (key, value) in english {
        if is_code(key, value) || !has_text(value) {
            continue;
        }
        let here = place.field(key);
        let Some(translated) = translation.get(key) else {
            return Err(here.error("missing translation"));
        };
        merged.insert(key.clone(), merge(value, translated, &here)?);
    }
    Ok(merged)
}

fn entry_name(item: &toml::Value) -> Option<(&'static str, &str)> {
    ENTRY_KEYS
        .iter()
        .find_map(|k| item.get(k).and_then(toml::Value::as_str).map(|v| (*k, v)))
}

fn merge(
    english: &toml::Value,
    translated: &toml::Value,
    place: &Place,
) -> Result<toml::Value, ContentError> {
    use toml::Value;
    match (english, translated) {
        (Value::String(en), Value::String(es)) => {
            same_numbers_and_placeholders(en, es, place)?;
            Ok(Value::String(es.clone()))
        }
        (Value::Table(en), Value::Table(es)) if is_text(english) => {
            let (Some(Value::String(en_text)), Some(Value::String(es_text))) =
                (en.get("text"), es.get("text"))
            else {
                return Err(place.error("expected { text = \"…\" } like the English"));
            };
            if en.get("get_seen") != es.get("get_seen") {
                return Err(place.error("get_seen differs from the English: the escalation marks apply in every language"));
            }
            if en.get("only") != es.get("only") {
                return Err(place.error("only differs from the English: who a sentence is for is the same in every language"));
            }
            same_numbers_and_placeholders(en_text, es_text, place)?;
            Ok(translated.clone())
        }
        (Value::Table(en), Value::String(_)) if is_text(english) => {
            let _ = en;
            Err(place.error("the English is marked { text, get_seen }: write the same shape"))
        }
        (Value::String(_), Value::Table(_)) => {
            Err(place.error("the English is a plain string: write a plain string"))
        }
        (Value::Table(en), Value::Table(es)) => Ok(Value::Table(table(en, es, place)?)),
        (Value::Array(en), Value::Array(es)) => {
            let keyed = en.iter().all(|item| entry_name(item).is_some());
            if keyed && !en.is_empty() {
                return merge_entries(en, es, place);
            }
            if en.len() != es.len() {
                return Err(place.error(format!(
                    "{} items, the English has {}",
                    es.len(),
                    en.len()
                )));
            }
            en.iter()
                .zip(es)
                .enumerate()
                .map(|(i, (a, b))| {
                    let here = Place {
                        file: place.file,
                        entry: place.entry.clone(),
                        field: format!("{}[{i}]", place.field),
                    };
                    merge(a, b, &here)
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Array)
        }
        _ => Err(place.error("not the same kind of value as the English")),
    }
}

/// A list of `[[table]]` entries: each English entry's translation found by its id, every
/// translated entry one of the English file's, and none translated twice.
fn merge_entries(
    en: &[toml::Value],
    es: &[toml::Value],
    place: &Place,
) -> Result<toml::Value, ContentError> {
    use toml::Value;
    let mut out = Vec::with_capacity(en.len());
    let mut seen = std::collections::BTreeSet::new();
    for item in es {
        let Some((_, name)) = entry_name(item) else {
            return Err(place.error("an entry without its id"));
        };
        if !seen.insert(name) {
            return Err(Place {
                file: place.file,
                entry: name.to_string(),
                field: place.field.clone(),
            }
            .error("translated twice"));
        }
        if !en
            .iter()
            .any(|e| entry_name(e).map(|(_, n)| n) == Some(name))
        {
            return Err(Place {
                file: place.file,
                entry: name.to_string(),
                field: place.field.clone(),
            }
            .error("not an entry of the English file"));
        }
    }
    for item in en {
        let Some((_, name)) = entry_name(item) else {
            continue;
        };
        let entry = Place {
            file: place.file,
            entry: name.to_string(),
            field: String::new(),
        };
        let Some(found) = es
            .iter()
            .find(|e| entry_name(e).map(|(_, n)| n) == Some(name))
        else {
            return Err(entry.error("missing translation of this entry"));
        };
        match (item, found) {
            (Value::Table(a), Value::Table(b)) => out.push(Value::Table(table(a, b, &entry)?)),
            _ => out.push(item.clone()),
        }
    }
    Ok(Value::Array(out))
}

/// Digit runs ("5-10", "3/10", "48"), in order, and `{placeholders}` of a text: a translation
/// may reorder a sentence's words, but not its doses and times, nor change a template key.
fn numbers_and_placeholders(text: &str) -> (Vec<String>, Vec<String>) {
    let mut numbers = Vec::new();
    let mut placeholders = Vec::new();
    let mut digits = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            numbers.push(std::mem::take(&mut digits));
        }
        if c == '{' {
            let mut name = String::new();
            for next in chars.by_ref() {
                if next == '}' {
                    break;
                }
                name.push(next);
            }
            placeholders.push(name);
        }
    }
    if !digits.is_empty() {
        numbers.push(digits);
    }
    // Numbers keep their order ("rest 2 days, run 10 minutes" must not become the reverse);
    // placeholders may move with the sentence.
    placeholders.sort();
    (numbers, placeholders)
}

fn same_numbers_and_placeholders(
    english: &str,
    translated: &str,
    place: &Place,
) -> Result<(), ContentError> {
    if translated.trim().is_empty() {
        return Err(place.error("missing translation (empty)"));
    }
    let (en_numbers, en_keys) = numbers_and_placeholders(english);
    let (numbers, keys) = numbers_and_placeholders(translated);
    if en_numbers != numbers {
        return Err(place.error(format!(
            "numbers {numbers:?} differ from the English {en_numbers:?} (doses and times must match): '{translated}'"
        )));
    }
    if en_keys != keys {
        return Err(place.error(format!(
            "placeholders {keys:?} differ from the English {en_keys:?}"
        )));
    }
    Ok(())
}

/// Every piece of wording a person can read in `value` (ids and codes left out), for the test
/// that no screen mixes languages (`hipcheck content strings`).
pub fn wording_of(value: &toml::Value, out: &mut Vec<String>) {
    match value {
        toml::Value::String(s) => out.push(s.clone()),
        toml::Value::Array(items) => items.iter().for_each(|v| wording_of(v, out)),
        toml::Value::Table(t) => {
            for (key, v) in t {
                if !is_code(key, v) && !ENTRY_KEYS.contains(&key.as_str()) && key != "get_seen" {
                    wording_of(v, out);
                }
            }
        }
        _ => {}
    }
}

/// A pseudo-translation of an English content file: its wording fields only, each string in
/// brackets ("[Get seen today]"), numbers, placeholders and marks kept. Laid over the English as
/// a language of its own, it shows on every screen which words come from the translation and
/// which would still be English (`hipcheck content pseudo`, tests/rust/languages.rs).
pub fn pseudo_translation(english: &toml::Table) -> toml::Table {
    let mut out = toml::Table::new();
    for (key, value) in english {
        if ENTRY_KEYS.contains(&key.as_str()) && value.is_str() {
            out.insert(key.clone(), value.clone());
        } else if !is_code(key, value) && has_text(value) {
            out.insert(key.clone(), pseudo(value));
        }
    }
    out
}

fn pseudo(value: &toml::Value) -> toml::Value {
    use toml::Value;
    match value {
        Value::String(text) => Value::String(format!("[{text}]")),
        Value::Table(table) if is_text(value) => {
            let mut marked = table.clone();
            if let Some(Value::String(text)) = table.get("text") {
                marked.insert("text".to_string(), Value::String(format!("[{text}]")));
            }
            Value::Table(marked)
        }
        Value::Table(table) => Value::Table(pseudo_translation(table)),
        Value::Array(items) => Value::Array(items.iter().map(pseudo).collect()),
        other => other.clone(),
    }
}
