//! Results-only text (exercise instructions, plans, condition summaries, citations): 16 KB
//! brotli that nobody reads until the results screen, minutes after the page loads.
//! `build.rs` writes it to a separate file (`TEXTS_FILE`, named by its own hash), which the
//! browser fetches when the person starts and hands to [`install`]. Native builds compile the
//! file in. Everything safety-related (red flags, triage, the safety net, what to do until
//! seen) stays compiled in everywhere and never waits for this file.

use std::sync::OnceLock;

use crate::fnv1a::fnv1a;
use crate::kb::{TEXTS_COUNT, TEXTS_HASH};

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
    if fnv1a(file.as_bytes()) == TEXTS_HASH && lines(file) == TEXTS_COUNT {
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
pub fn installed() -> bool {
    bundled();
    TEXTS.get().is_some()
}

#[cfg(not(target_arch = "wasm32"))]
fn bundled() {
    static FILE: &str = include_str!(concat!(env!("OUT_DIR"), "/texts.txt"));
    TEXTS.get_or_init(|| FILE.split('\n').collect());
}

#[cfg(target_arch = "wasm32")]
fn bundled() {}

pub(crate) fn get(index: u16) -> &'static str {
    bundled();
    TEXTS
        .get()
        .and_then(|texts| texts.get(usize::from(index)).copied())
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_from_another_build_is_refused() {
        let mut file = include_str!(concat!(env!("OUT_DIR"), "/texts.txt")).to_string();
        assert_eq!(check(&file), Ok(()));
        file.push('x');
        assert_eq!(check(&file), Err(TextsError::WrongBuild));
        assert_eq!(check(""), Err(TextsError::WrongBuild));
    }
}
