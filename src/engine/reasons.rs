//! Why a result is what it is, as values: ids and kinds, never sentences. The sentences people
//! read come from the content (`safety_net.toml` `[wording]`, rules' `reason`), put together by
//! [`Reason::text`]. Serialised to the contract's JSON: a list of strings in which ids (for
//! machines) and sentences (for people) alternate as they always have.

use crate::texts::fill;
use serde::ser::{Serialize, SerializeSeq, Serializer};

use crate::kb::{Level, Text, KB};

use super::scoring::Likelihood;

#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// A finding that made a rule fire.
    Finding(&'static str),
    /// A fired rule; `unsure` when it fired only because of a "not sure".
    Rule {
        reason: Text,
        unsure: bool,
    },
    /// A condition that needs a professional at `care`.
    Condition {
        id: &'static str,
        name: Text,
        likelihood: Likelihood,
        care: Level,
    },
    NoWarningSigns,
    NothingToAssess,
}

impl Reason {
    /// The id a machine reads, if this reason has one.
    pub fn id(&self) -> Option<&'static str> {
        match self {
            Reason::Finding(id) | Reason::Condition { id, .. } => Some(id),
            _ => None,
        }
    }

    /// The sentence a person reads, if this reason has one.
    pub fn text(&self) -> Option<String> {
        let wording = &KB.wording;
        match self {
            Reason::Finding(_) => None,
            // Empty in the browser until the results text has loaded (non-emergency rules).
            Reason::Rule { reason, .. } if reason.get().is_empty() => None,
            Reason::Rule { reason, unsure } => Some(if *unsure {
                format!("{}{}", wording.unsure_prefix, reason.get())
            } else {
                reason.get().to_string()
            }),
            // The name is after-Start text in the browser: no sentence without it.
            Reason::Condition { name, .. } if name.get().is_empty() => None,
            Reason::Condition {
                name,
                likelihood,
                care,
                ..
            } => Some(fill(
                &fill(
                    &fill(wording.condition_reason, "{name}", name.get()),
                    "{likelihood}",
                    likelihood.label(),
                ),
                "{how_soon}",
                &lowercase_first(care.text().how_soon),
            )),
            Reason::NoWarningSigns => Some(wording.no_warning_signs.to_string()),
            Reason::NothingToAssess => Some(KB.no_answers.to_string()),
        }
    }
}

/// "Within 1–3 days" → "within 1–3 days", to sit mid-sentence. Only the first letter: the rest
/// may hold names or abbreviations, and `str::to_lowercase` would also bring about 12 KB of
/// Unicode case tables into the browser's wasm.
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// The reasons as the contract's flat list: each reason's id, then its sentence.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reasons(pub Vec<Reason>);

impl Serialize for Reasons {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for reason in &self.0 {
            if let Some(id) = reason.id() {
                seq.serialize_element(id)?;
            }
            if let Some(text) = reason.text() {
                seq.serialize_element(&text)?;
            }
        }
        seq.end()
    }
}

/// A fact that argues against a condition: present, or a finding answered "no".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Against {
    Present(&'static str),
    AnsweredNo(&'static str),
}

impl Serialize for Against {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Against::Present(id) => serializer.serialize_str(id),
            Against::AnsweredNo(id) => serializer.collect_str(&format_args!("no:{id}")),
        }
    }
}
