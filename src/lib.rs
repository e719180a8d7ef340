//! HipCheck: a hip-pain self-assessment for runners.
//!
//! The engine and the knowledge base are plain Rust, tested natively; the Yew UI (wasm32 only)
//! calls them and never re-implements clinical logic.

pub mod engine;
mod fnv1a;
/// The result as the hand-off module reads it: on the result screen (`data-result`) and from
/// `hipcheck handoff`.
pub mod handoff;
pub mod kb;
pub mod record;
pub mod texts;

/// The editable content model, for `hipcheck content check` (native only: it needs a TOML parser
/// the browser never does).
#[cfg(not(target_arch = "wasm32"))]
pub mod content;
#[cfg(not(target_arch = "wasm32"))]
pub mod fhir;
pub mod vocabulary;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(all(test, target_arch = "wasm32"))]
mod xorshift;
