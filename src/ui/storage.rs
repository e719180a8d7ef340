//! Saved answers in `localStorage`, versioned, never trusted.
//!
//! Not through gloo-storage: its `LocalStorage::raw()` throws when storage is blocked (sandboxed
//! iframes, third-party storage blocked, some private modes), and a throw inside the host's page
//! would kill the widget. Here a blocked or broken storage just means "nothing saved".
//!
//! The record's format is `crate::record`'s, shared with share links and the command line.

use crate::record::is_newer;
use crate::record::Saved;
pub use crate::record::{encode, parse};
use std::sync::atomic::{AtomicBool, Ordering};

const KEY: &str = "hipcheck.answers";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What was found under the key.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    Nothing,
    Saved(Saved),
    /// Something was there but unreadable, old or invalid; it has been removed.
    Discarded,
    /// Saved by a newer HipCheck: left as it is, and never written over by this one.
    Newer,
}

/// Reads and validates saved answers; anything unusable is deleted so it cannot fail twice.
pub fn load() -> Loaded {
    let Some(storage) = storage() else {
        return Loaded::Nothing;
    };
    let Ok(Some(text)) = storage.get_item(KEY) else {
        return Loaded::Nothing;
    };
    match parse(&text) {
        Some(saved) => Loaded::Saved(saved),
        None if is_newer(&text) => {
            NEWER_FOUND.store(true, Ordering::Relaxed);
            Loaded::Newer
        }
        None => {
            let _ = storage.remove_item(KEY);
            Loaded::Discarded
        }
    }
}

/// Set when the answers found were saved by a newer HipCheck, which this one must never write
/// over: the visitor may go back to that version.
static NEWER_FOUND: AtomicBool = AtomicBool::new(false);

fn ours_to_write() -> Option<web_sys::Storage> {
    if NEWER_FOUND.load(Ordering::Relaxed) {
        return None;
    }
    storage()
}

pub fn save(saved: &Saved) {
    if let Some(storage) = ours_to_write() {
        // A full or blocked storage only costs the "continue later" convenience.
        let _ = storage.set_item(KEY, &encode(saved));
    }
}

pub fn clear() {
    if let Some(storage) = ours_to_write() {
        let _ = storage.remove_item(KEY);
    }
}

/// The phase of a rehab plan the person has moved on to, as `<condition> <phase index>`.
const PHASE_KEY: &str = "hipcheck.plan-phase";

/// The phase reached in a rehab plan: its condition (a knowledge-base id) and phase index.
pub fn load_phase() -> Option<(&'static str, usize)> {
    let text = storage()?.get_item(PHASE_KEY).ok()??;
    let (condition, index) = text.split_once(' ')?;
    Some((crate::kb::KB.condition(condition)?.id, index.parse().ok()?))
}

/// Keeps the phase reached, unless it is what is kept already (showing a result is no write).
pub fn save_phase(condition: &str, index: usize) {
    if load_phase().is_some_and(|(kept, at)| kept == condition && at == index) {
        return;
    }
    if let Some(storage) = storage() {
        let _ = storage.set_item(PHASE_KEY, &format!("{condition} {index}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Answers, Onset, Response, Sex, Side};
    use crate::record::{Step, MAX_SAVED_BYTES, SAVED_SCHEMA};
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn sample() -> Saved {
        let mut answers = Answers {
            age: Some(34),
            sex: Some(Sex::Female),
            pain_now: Some(4),
            ..Answers::default()
        };
        answers.toggle_pain("side-hip", Side::Left);
        answers.toggle_pain("buttock", Side::Right);
        answers
            .findings
            .insert("pain-lying-on-side".into(), Response::Yes);
        answers
            .findings
            .insert("saddle-numbness".into(), Response::No);
        answers
            .findings
            .insert("fever-unwell".into(), Response::Unsure);
        answers.duration_weeks = Some(9.0);
        answers.onset = Some(Onset::Gradual);
        Saved {
            schema: SAVED_SCHEMA,
            step: Step::Symptoms,
            answers,
        }
    }

    #[wasm_bindgen_test]
    fn a_saved_record_round_trips() {
        let saved = sample();
        assert_eq!(parse(&encode(&saved)), Some(saved));
    }

    #[wasm_bindgen_test]
    fn every_kind_of_bad_record_is_refused() {
        let good = encode(&sample());
        let bad = [
            String::new(),                                     // empty
            good[..good.len() / 2].to_string(),                // truncated
            good.replace("hipcheck 1", "hipcheck 0"),          // old schema
            good.replace("hipcheck 1", "hipcheck 99"),         // future schema
            good.replace("side-hip", "elbow"),                 // unknown region
            good.replace("pain-lying-on-side", "itchy-knees"), // unknown finding
            good.replace("age 34", "age thirty"),              // wrong type
            good.replace("age 34", "age 300"),                 // out of range
            good.replace("pain_now 4", "pain_now 11"),         // out of range
            good.replace(
                "finding pain-lying-on-side yes",
                "finding pain-lying-on-side maybe",
            ),
            good.replace("step symptoms", "step nowhere"), // unknown step
            format!("{good}colour red\n"),                 // unknown key
            format!("{good}pain side-hip left\n"),         // duplicate
            format!("{good}{}", "x".repeat(MAX_SAVED_BYTES)), // huge
            "\u{0}\u{1}\u{fffd}binary junk\u{7f}".to_string(), // binary junk
            r#"{"schema":1,"step":"where","answers":{"contract":1}}"#.to_string(), // an old JSON record
            good.replace("step symptoms\n", ""),                                   // missing step
        ];
        for (i, text) in bad.iter().enumerate() {
            assert_eq!(parse(text), None, "bad record {i} was accepted: {text:?}");
        }
    }

    fn stored() -> Option<String> {
        storage()?.get_item(KEY).ok().flatten()
    }

    fn store(text: &str) {
        let stored = storage().and_then(|storage| storage.set_item(KEY, text).ok());
        assert!(stored.is_some(), "the test browser has localStorage");
    }

    // Issue 27: the visitor may go back to the newer version; its answers are not ours to delete.
    #[wasm_bindgen_test]
    fn a_newer_versions_answers_are_kept_and_never_written_over() {
        let newer = encode(&sample()).replace("hipcheck 1", "hipcheck 2") + "tomorrow's-key 7\n";
        store(&newer);
        assert_eq!(load(), Loaded::Newer);
        save(&sample());
        clear();
        assert_eq!(stored().as_deref(), Some(newer.as_str()));
        store("");
        clear();
    }

    #[wasm_bindgen_test]
    fn an_older_or_damaged_record_is_removed_and_can_be_saved_over() {
        for damaged in [
            "hipcheck 0\nstep where\n",
            "hipcheck 1\nstep nowhere\n",
            "hipcheck two\n",
        ] {
            store(damaged);
            assert_eq!(load(), Loaded::Discarded, "{damaged:?}");
            assert_eq!(stored(), None);
        }
        save(&sample());
        assert_eq!(load(), Loaded::Saved(sample()));
        clear();
        assert_eq!(stored(), None);
    }
}
