//! The engine's input (`Answers`, docs/contract.md) and its validation.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::kb::KB;

pub const CONTRACT_VERSION: u32 = 1;
pub const MAX_AGE: u8 = 120;
/// A century, in weeks (an integer so error messages need no float formatting in the wasm).
pub const MAX_DURATION_WEEKS: u16 = 52 * 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    Right,
}

pub use crate::vocabulary::Sex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Onset {
    Sudden,
    Gradual,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Response {
    Yes,
    No,
    Unsure,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PainSite {
    pub region: String,
    pub side: Side,
}

fn contract_version() -> u32 {
    CONTRACT_VERSION
}

fn runner_default() -> bool {
    true
}

/// Answers to findings by id, kept sorted by id so output is deterministic.
///
/// A sorted `Vec` rather than a `BTreeMap`: a few dozen entries at most, and the B-tree code
/// cost about 24 KB of the browser's WebAssembly (see "Why this code is unusual").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindingAnswers(Vec<(String, Response)>);

impl FindingAnswers {
    fn position(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(key, _)| key.as_str().cmp(id))
    }

    /// Sets the answer to `id`, returning the one it replaces.
    pub fn insert(&mut self, id: String, response: Response) -> Option<Response> {
        match self.position(&id) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, response)),
            Err(i) => {
                self.0.insert(i, (id, response));
                None
            }
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<Response> {
        self.position(id).ok().map(|i| self.0.remove(i).1)
    }

    pub fn get(&self, id: &str) -> Option<&Response> {
        self.position(id).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.position(id).is_ok()
    }

    /// The answer to `id`, inserting `default` first if there is none.
    pub fn get_or_insert(&mut self, id: &str, default: Response) -> &mut Response {
        let i = match self.position(id) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (id.to_string(), default));
                i
            }
        };
        &mut self.0[i].1
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&str, Response) -> bool) {
        self.0.retain(|(id, response)| keep(id, *response));
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(id, _)| id.as_str())
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut Response> {
        self.0.iter_mut().map(|(_, response)| response)
    }

    pub fn iter(&self) -> <&Self as IntoIterator>::IntoIter {
        self.into_iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> IntoIterator for &'a FindingAnswers {
    type Item = (&'a str, Response);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, Response)>,
        fn(&'a (String, Response)) -> (&'a str, Response),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(id, response)| (id.as_str(), *response))
    }
}

impl FromIterator<(String, Response)> for FindingAnswers {
    fn from_iter<I: IntoIterator<Item = (String, Response)>>(items: I) -> Self {
        let mut answers = FindingAnswers::default();
        for (id, response) in items {
            answers.insert(id, response);
        }
        answers
    }
}

impl Serialize for FindingAnswers {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for FindingAnswers {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor;
        impl<'de> serde::de::Visitor<'de> for MapVisitor {
            type Value = FindingAnswers;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of finding ids to yes, no or unsure")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<FindingAnswers, A::Error> {
                let mut answers = FindingAnswers::default();
                // Last one wins for a repeated key, as it did with a map.
                while let Some((id, response)) = map.next_entry::<String, Response>()? {
                    answers.insert(id, response);
                }
                Ok(answers)
            }
        }
        deserializer.deserialize_map(MapVisitor)
    }
}

/// One person's answers. Build it in code, or parse it with [`parse_answers`], which also
/// validates it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    #[serde(default = "contract_version")]
    pub contract: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    #[serde(default = "runner_default")]
    pub runner: bool,
    #[serde(default)]
    pub pain: Vec<PainSite>,
    #[serde(default)]
    pub findings: FindingAnswers,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain_now: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_weeks: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub onset: Option<Onset>,
}

impl Default for Answers {
    fn default() -> Self {
        Answers {
            contract: CONTRACT_VERSION,
            age: None,
            sex: None,
            runner: true,
            pain: Vec::new(),
            findings: FindingAnswers::default(),
            pain_now: None,
            duration_weeks: None,
            onset: None,
        }
    }
}

/// Why an `Answers` document was refused. Every variant names the field at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswersError {
    /// The text is not JSON, or a field has the wrong type or an unknown name.
    Malformed { field: String, message: String },
    /// The JSON is well formed but a value is out of range or an id is unknown.
    Invalid { field: String, message: String },
}

impl AnswersError {
    pub fn field(&self) -> &str {
        match self {
            AnswersError::Malformed { field, .. } | AnswersError::Invalid { field, .. } => field,
        }
    }
}

impl fmt::Display for AnswersError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswersError::Malformed { field, message }
            | AnswersError::Invalid { field, message } => {
                write!(f, "{field}: {message}")
            }
        }
    }
}

impl std::error::Error for AnswersError {}

fn invalid(field: impl Into<String>, message: impl Into<String>) -> AnswersError {
    AnswersError::Invalid {
        field: field.into(),
        message: message.into(),
    }
}

/// Parses and validates an `Answers` JSON document.
pub fn parse_answers(json: &str) -> Result<Answers, AnswersError> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let answers: Answers =
        serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
            let path = error.path().to_string();
            // The root, or a key that is itself empty (`{"": 1}`, found by the fuzzer), has no
            // printable path: name the document rather than print an empty field.
            let field = if path.is_empty() || path == "." {
                "(document)".to_string()
            } else {
                path
            };
            AnswersError::Malformed {
                field,
                message: error.into_inner().to_string(),
            }
        })?;
    deserializer.end().map_err(|e| AnswersError::Malformed {
        field: "(document)".into(),
        message: e.to_string(),
    })?;
    answers.validate()?;
    Ok(answers)
}

impl Answers {
    /// Checks ranges and ids against the knowledge base.
    pub fn validate(&self) -> Result<(), AnswersError> {
        if self.contract != CONTRACT_VERSION {
            return Err(invalid(
                "contract",
                format!(
                    "version {} is not supported (expected {CONTRACT_VERSION})",
                    self.contract
                ),
            ));
        }
        if let Some(age) = self.age {
            if age > MAX_AGE {
                return Err(invalid(
                    "age",
                    format!("{age} is not a plausible age (0 to {MAX_AGE})"),
                ));
            }
        }
        for (i, site) in self.pain.iter().enumerate() {
            if KB.region(&site.region).is_none() {
                return Err(invalid(
                    format!("pain[{i}].region"),
                    format!("unknown region '{}'", site.region),
                ));
            }
        }
        for id in self.findings.keys() {
            if KB.finding(id).is_none() {
                return Err(invalid(
                    format!("findings.{id}"),
                    format!("unknown finding '{id}'"),
                ));
            }
        }
        if let Some(pain) = self.pain_now {
            if pain > 10 {
                return Err(invalid("pain_now", format!("{pain} is outside 0 to 10")));
            }
        }
        if let Some(weeks) = self.duration_weeks {
            if !weeks.is_finite() || !(0.0..=f32::from(MAX_DURATION_WEEKS)).contains(&weeks) {
                return Err(invalid(
                    "duration_weeks",
                    format!("must be a number of weeks from 0 to {MAX_DURATION_WEEKS}"),
                ));
            }
        }
        Ok(())
    }

    pub fn response(&self, finding: &str) -> Option<Response> {
        self.findings.get(finding).copied()
    }

    /// Whether a region is picked on the given side.
    pub fn has_pain(&self, region: &str, side: Side) -> bool {
        self.pain
            .iter()
            .any(|p| p.region == region && p.side == side)
    }

    /// Picks or un-picks a region on one side; returns whether it is now picked.
    pub fn toggle_pain(&mut self, region: &str, side: Side) -> bool {
        if let Some(at) = self
            .pain
            .iter()
            .position(|p| p.region == region && p.side == side)
        {
            self.pain.remove(at);
            false
        } else {
            self.pain.push(PainSite {
                region: region.to_string(),
                side,
            });
            true
        }
    }
}
