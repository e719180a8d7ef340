//! Saved answers in `localStorage`, versioned, never trusted.
//!
//! Not through gloo-storage: its `LocalStorage::raw()` throws when storage is blocked (sandboxed
//! iframes, third-party storage blocked, some private modes), and a throw inside the host's page
//! would kill the widget. Here a blocked or broken storage just means "nothing saved".

use super::state::{Saved, SAVED_SCHEMA};

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
        None => {
            let _ = storage.remove_item(KEY);
            Loaded::Discarded
        }
    }
}

/// The saved document if it is the current schema and its answers pass the engine's validation.
pub fn parse(text: &str) -> Option<Saved> {
    let saved: Saved = serde_json::from_str(text).ok()?;
    (saved.schema == SAVED_SCHEMA && saved.answers.validate().is_ok()).then_some(saved)
}

pub fn save(saved: &Saved) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(saved)) {
        // A full or blocked storage only costs the "continue later" convenience.
        let _ = storage.set_item(KEY, &text);
    }
}

pub fn clear() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(KEY);
    }
}
