//! Results-only text (exercise instructions, plans, condition summaries, citations): 16 KB
//! brotli that nobody reads until the results screen, minutes after the page loads.
//! `build.rs` writes it to a separate file (`TEXTS_FILE`, named by its own hash), which the
//! browser fetches when the person starts and hands to [`install`]. Native builds compile the
//! file in. Everything safety-related (red flags, triage, the safety net, what to do until
//! seen) stays compiled in everywhere and never waits for this file.

use std::sync::OnceLock;

use crate::fnv1a::fnv1a;
use crate::kb::results_text;

static TEXTS: OnceLock<Vec<&'static str>> = OnceLock::new();

/// Why a results text file was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextsError {
    /// The file is not the one this build was compiled with (a stale cache, a proxy that
    /// rewrote it, or a mixed deployment): using it would put wrong words under right headings.
    WrongBuild,
}

fn lines(file: &str) -> usize {
    if file.is_empty() {
        0
    } else {
        file.split('\n').count()
    }
}

fn check(file: &str) -> Result<(), TextsError> {
    let (hash, count) = results_text();
    if fnv1a(file.as_bytes()) == hash && lines(file) == count {
        Ok(())
    } else {
        Err(TextsError::WrongBuild)
    }
}

/// Installs the results text file after checking it belongs to this build. Installing twice is
/// harmless: the first file stays.
pub fn install(file: String) -> Result<(), TextsError> {
    if TEXTS.get().is_some() {
        return Ok(());
    }
    check(&file)?;
    // Kept for the rest of the page, like the compiled-in text it stands for.
    let file: &'static str = Box::leak(file.into_boxed_str());
    let _ = TEXTS.set(file.split('\n').collect());
    Ok(())
}

/// Whether results-only text can be shown.
#[cfg(target_arch = "wasm32")]
pub fn installed() -> bool {
    TEXTS.get().is_some()
}

/// Natively every language's file is compiled in.
#[cfg(not(target_arch = "wasm32"))]
pub fn installed() -> bool {
    true
}

#[cfg(target_arch = "wasm32")]
pub(crate) fn get(index: u16) -> &'static str {
    TEXTS
        .get()
        .and_then(|texts| texts.get(usize::from(index)).copied())
        .unwrap_or("")
}

/// The current language's line `index` (`crate::kb::set_language`).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn get(index: u16) -> &'static str {
    static SPLIT: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    let all = SPLIT.get_or_init(|| {
        crate::kb::LANGUAGES
            .iter()
            .map(|l| l.texts.split('\n').collect())
            .collect()
    });
    all.get(crate::kb::language_index())
        .and_then(|texts| texts.get(usize::from(index)).copied())
        .unwrap_or("")
}

/// `template` with every `key` (written with its braces, `"{name}"`) replaced by `value`. A scan
/// for `{` rather than `str::replace`, whose substring searcher costs the wasm about 1 KB
/// (docs/architecture.md, "Size trade-offs").
pub fn fill(template: &str, key: &str, value: &str) -> String {
    let mut filled = String::with_capacity(template.len() + value.len());
    let mut rest = template;
    while let Some(brace) = rest.find('{') {
        filled.push_str(&rest[..brace]);
        rest = &rest[brace..];
        if let Some(after) = rest.strip_prefix(key) {
            filled.push_str(value);
            rest = after;
        } else {
            filled.push('{');
            rest = &rest[1..];
        }
    }
    filled.push_str(rest);
    filled
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_key_and_leaves_other_braces() {
        assert_eq!(fill("{n} of {total}: {n}", "{n}", "2"), "2 of {total}: 2");
        assert_eq!(fill("no keys", "{n}", "2"), "no keys");
        assert_eq!(fill("{", "{n}", "2"), "{");
        assert_eq!(fill("a {nn} b", "{n}", "2"), "a {nn} b");
        assert_eq!(fill("é{n}é", "{n}", "ü"), "éüé");
    }

    #[test]
    fn a_file_from_another_build_is_refused() {
        let mut file = include_str!(concat!(env!("OUT_DIR"), "/texts_en.txt")).to_string();
        assert_eq!(check(&file), Ok(()));
        file.push('x');
        assert_eq!(check(&file), Err(TextsError::WrongBuild));
        assert_eq!(check(""), Err(TextsError::WrongBuild));
    }
}
