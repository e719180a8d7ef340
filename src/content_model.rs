//! The knowledge base as a clinic's physiotherapist edits it: TOML files in `content/`, loaded
//! into owned structs and validated with errors that name the file, the entry and the field.
//!
//! This file is shared, by `#[path]`, between `build.rs` (which validates the content and compiles
//! it into static Rust data, so the browser never parses it) and the native `hipcheck content
//! check` command. It must therefore depend only on `std`, `serde` and `toml`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Triage levels, least urgent first so that `max` picks the most urgent.
pub const LEVELS: [&str; 5] = ["self-care", "soon", "within-days", "same-day", "emergency"];

/// Facts the engine derives from age, sex, onset, duration and the picked regions. Evidence and
/// rules may use them as well as region and finding ids.
pub const DERIVED_FACTS: [&str; 16] = [
    "onset-sudden",
    "onset-gradual",
    "female",
    "male",
    "runner",
    "age-under-16",
    "age-under-20",
    "age-under-45",
    "age-40-plus",
    "age-45-plus",
    "age-50-plus",
    "age-60-plus",
    "duration-under-2-weeks",
    "duration-3-months-plus",
    "pain-severe",
    "both-sides",
];

pub const SEXES: [&str; 3] = ["female", "male", "other"];
pub const VIEWS: [&str; 3] = ["front", "side", "back"];
pub const FINDING_KINDS: [&str; 3] = ["symptom", "history", "red-flag"];
pub const EXERCISE_KINDS: [&str; 6] = [
    "isometric",
    "strength",
    "lengthening",
    "balance",
    "running",
    "cross-training",
];
pub const PAIN_RULES: [&str; 2] = ["tendon", "bone"];
pub const POSE_VIEWS: [&str; 2] = ["side", "front"];
pub const PROPS: [&str; 13] = [
    "none", "belt", "band", "ball", "step", "chair", "bench", "bar", "slider", "pillow", "wall",
    "water", "bike",
];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub view: String,
    pub label: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub id: String,
    pub kind: String,
    /// A short group heading the UI uses to keep related questions together.
    pub group: String,
    /// A short statement of a "yes", used when explaining a result ("Hurts lying on that side").
    pub label: String,
    pub question: String,
    pub help: String,
    /// The question is asked when any of these regions is picked; empty means always asked.
    #[serde(default)]
    pub regions: Vec<String>,
    #[serde(default)]
    pub min_age: Option<u8>,
    #[serde(default)]
    pub max_age: Option<u8>,
    #[serde(default)]
    pub runner_only: bool,
    /// Asked only for these sexes (female / male / other); empty means everyone. An unknown
    /// sex is asked every question.
    #[serde(default)]
    pub sexes: Vec<String>,
    /// Asked only once one of these findings is answered "yes" or "not sure" (a follow-up).
    #[serde(default)]
    pub asked_if: Vec<String>,
    /// Asked only when no age was given (the "is this for someone under 16?" question).
    #[serde(default)]
    pub unknown_age_only: bool,
    /// An id kept from an earlier contract whose question was split or reworded: still
    /// accepted and still used by rules, never asked. Lists the findings that ask it now.
    #[serde(default)]
    pub replaced_by: Vec<String>,
    /// Findings that ask the same thing on another step (CLINICAL.md rule 12): an answer to
    /// this one also counts for them, where they would have been asked (their regions).
    #[serde(default)]
    pub same_as: Vec<String>,
}

/// One line of results text. A line that tells the person to get seen or to stop is marked
/// `{ text = "…", get_seen = true }` by its editor: marked lines are compiled into the app so
/// they show even when the results text cannot load (CLINICAL.md rule 13). A plain string is an
/// unmarked line. `hipcheck content check` fails when the mark and the wording disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub get_seen: bool,
}

impl<'de> Deserialize<'de> for Line {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Plain(String),
            Marked(MarkedLine),
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct MarkedLine {
            text: String,
            get_seen: bool,
        }
        Ok(match Raw::deserialize(deserializer)? {
            Raw::Plain(text) => Line {
                text,
                get_seen: false,
            },
            Raw::Marked(m) => Line {
                text: m.text,
                get_seen: m.get_seen,
            },
        })
    }
}

impl std::ops::Deref for Line {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl AsRef<str> for Line {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

/// Whether a line reads like advice to get seen or to stop. Used only to lint the editor's
/// marks in both directions, never to decide what is compiled in. Deliberately broad.
pub fn reads_like_escalation(text: &str) -> bool {
    const PHRASES: [&str; 20] = [
        "get seen",
        "be seen",
        "get checked",
        "be checked",
        "see a ",
        "see someone",
        "see your",
        "ask a ",
        "ask your",
        "same day",
        "same-day",
        "within days",
        "emergency",
        "urgent",
        "stop running",
        "stop and",
        "doctor",
        "physio",
        "clinician",
        "hospital",
    ];
    // Short signs count only as whole words ("999", not a year like 1999).
    const WORDS: [&str; 4] = ["a&e", "999", "111", "gp"];
    let lower = text.to_lowercase();
    let whole_word = |word: &str| {
        lower.match_indices(word).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    };
    PHRASES.iter().any(|phrase| lower.contains(phrase)) || WORDS.iter().any(|w| whole_word(w))
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub id: String,
    pub name: String,
    pub summary: Line,
    /// The care level this condition needs when it leads the ranking.
    pub care: String,
    pub self_manage: bool,
    /// Fact id → weight when the fact is present.
    #[serde(rename = "for")]
    pub supports: BTreeMap<String, u8>,
    /// Fact id → weight subtracted when the fact is present.
    #[serde(default)]
    pub against: BTreeMap<String, u8>,
    /// Finding id → weight subtracted when the person explicitly answered "no".
    #[serde(default)]
    pub against_if_no: BTreeMap<String, u8>,
    /// Hallmark facts: without at least one of them the condition is never rated above
    /// "less likely" (for example bone stress without any load or energy-deficit clue).
    #[serde(default)]
    pub needs_any: Vec<String>,
    /// What would change the advice for this condition (the safety net).
    pub watch_for: Vec<String>,
    pub references: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub level: String,
    /// Every one of these facts must be present.
    #[serde(default)]
    pub all: Vec<String>,
    /// At least one of these facts must be present.
    #[serde(default)]
    pub any: Vec<String>,
    /// At least one of these regions must be picked.
    #[serde(default)]
    pub regions: Vec<String>,
    /// At least one region of any kind must be picked.
    #[serde(default)]
    pub needs_pain: bool,
    #[serde(default)]
    pub min_age: Option<u8>,
    #[serde(default)]
    pub max_age: Option<u8>,
    #[serde(default)]
    pub runner_only: bool,
    pub reason: String,
    pub action: String,
    #[serde(default)]
    pub consider: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub id: String,
    pub short: String,
    pub citation: String,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Pose {
    pub trunk: i16,
    pub work_thigh: i16,
    pub work_shin: i16,
    pub other_thigh: i16,
    pub other_shin: i16,
    pub upper_arm: i16,
    pub forearm: i16,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Illustration {
    pub view: String,
    pub prop: String,
    pub description: String,
    pub start: Pose,
    pub end: Pose,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub also_called: Option<String>,
    pub kind: String,
    pub phase: u8,
    pub steps: Vec<Line>,
    pub dosage: Line,
    #[serde(default)]
    pub cues: Vec<Line>,
    #[serde(default)]
    pub avoid: Vec<Line>,
    pub references: Vec<String>,
    pub pose: Illustration,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub name: String,
    pub timing: Line,
    pub goal: Line,
    pub exercises: Vec<String>,
    #[serde(default)]
    pub move_on: Vec<Line>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub condition: String,
    pub summary: Line,
    pub expected_course: Line,
    pub pain_rule: String,
    #[serde(default)]
    pub education: Vec<Line>,
    #[serde(default)]
    pub avoid: Vec<Line>,
    #[serde(default)]
    pub cross_training: Vec<Line>,
    #[serde(default)]
    pub return_to_run: Vec<Line>,
    pub review: String,
    pub references: Vec<String>,
    #[serde(rename = "phase")]
    pub phases: Vec<Phase>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UntilSeen {
    pub id: String,
    #[serde(default)]
    pub conditions: Vec<String>,
    pub title: String,
    pub advice: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyNet {
    pub always: Vec<String>,
    /// Level id → what to do at that level: the banner's headline, how soon and who to see.
    pub levels: BTreeMap<String, LevelText>,
    pub unsure_action: String,
    pub no_answers: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelText {
    pub headline: String,
    pub how_soon: String,
    pub who: String,
    pub review: Vec<String>,
    /// Shown after `review` only when a phased exercise plan is shown ("safe to start").
    #[serde(default)]
    pub with_plan: Vec<String>,
}

/// The whole knowledge base, as loaded from `content/`.
#[derive(Debug, Clone)]
pub struct Content {
    pub regions: Vec<Region>,
    pub findings: Vec<Finding>,
    pub conditions: Vec<Condition>,
    pub rules: Vec<Rule>,
    pub references: Vec<Reference>,
    pub exercises: Vec<Exercise>,
    pub plans: Vec<Plan>,
    pub until_seen: Vec<UntilSeen>,
    pub safety_net: SafetyNet,
}

/// The files of `content/`, in the order they are loaded.
pub const CONTENT_FILES: [&str; 8] = [
    "regions.toml",
    "findings.toml",
    "conditions.toml",
    "red_flags.toml",
    "references.toml",
    "exercises.toml",
    "plans.toml",
    "safety_net.toml",
];

/// A content problem, precise enough for an editor to fix it without reading Rust.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentError {
    Read {
        file: PathBuf,
        message: String,
    },
    Parse {
        file: String,
        message: String,
    },
    Invalid {
        file: String,
        entry: String,
        field: String,
        message: String,
    },
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContentError::Read { file, message } => {
                write!(f, "{}: cannot read: {message}", file.display())
            }
            ContentError::Parse { file, message } => {
                write!(f, "content/{file}: {}", message.trim_end())
            }
            ContentError::Invalid {
                file,
                entry,
                field,
                message,
            } => {
                write!(
                    f,
                    "content/{file}: entry '{entry}', field '{field}': {message}"
                )
            }
        }
    }
}

impl std::error::Error for ContentError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionsFile {
    region: Vec<Region>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FindingsFile {
    finding: Vec<Finding>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConditionsFile {
    condition: Vec<Condition>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    rule: Vec<Rule>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReferencesFile {
    reference: Vec<Reference>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExercisesFile {
    exercise: Vec<Exercise>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlansFile {
    plan: Vec<Plan>,
    until_seen: Vec<UntilSeen>,
}

fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, ContentError> {
    toml::from_str(text).map_err(|e| ContentError::Parse {
        file: file.to_string(),
        message: e.to_string(),
    })
}

/// Loads and validates every file of a content directory.
pub fn load_dir(dir: &Path) -> Result<Content, ContentError> {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).map_err(|e| ContentError::Read {
            file: path,
            message: e.to_string(),
        })
    };
    let plans = parse::<PlansFile>("plans.toml", &read("plans.toml")?)?;
    let content = Content {
        regions: parse::<RegionsFile>("regions.toml", &read("regions.toml")?)?.region,
        findings: parse::<FindingsFile>("findings.toml", &read("findings.toml")?)?.finding,
        conditions: parse::<ConditionsFile>("conditions.toml", &read("conditions.toml")?)?
            .condition,
        rules: parse::<RulesFile>("red_flags.toml", &read("red_flags.toml")?)?.rule,
        references: parse::<ReferencesFile>("references.toml", &read("references.toml")?)?
            .reference,
        exercises: parse::<ExercisesFile>("exercises.toml", &read("exercises.toml")?)?.exercise,
        plans: plans.plan,
        until_seen: plans.until_seen,
        safety_net: parse::<SafetyNet>("safety_net.toml", &read("safety_net.toml")?)?,
    };
    content.validate()?;
    Ok(content)
}

struct Check<'a> {
    file: &'a str,
    entry: &'a str,
}

impl Check<'_> {
    fn fail(&self, field: &str, message: impl Into<String>) -> ContentError {
        ContentError::Invalid {
            file: self.file.to_string(),
            entry: self.entry.to_string(),
            field: field.to_string(),
            message: message.into(),
        }
    }
    fn non_empty(&self, field: &str, value: &str) -> Result<(), ContentError> {
        if value.trim().is_empty() {
            return Err(self.fail(field, "must not be empty"));
        }
        Ok(())
    }
    fn non_empty_list<T: AsRef<str>>(&self, field: &str, values: &[T]) -> Result<(), ContentError> {
        if values.is_empty() {
            return Err(self.fail(field, "must list at least one item"));
        }
        for (i, value) in values.iter().enumerate() {
            self.non_empty(&format!("{field}[{i}]"), value.as_ref())?;
        }
        Ok(())
    }
    /// CLINICAL.md rule 13: the editor's `get_seen` mark and the wording must agree, in both
    /// directions, so that no advice to get seen or stop is left to wait for a download.
    fn escalation_marked(&self, field: &str, line: &Line) -> Result<(), ContentError> {
        match (line.get_seen, reads_like_escalation(&line.text)) {
            (false, true) => Err(self.fail(
                field,
                format!("'{}' reads like advice to get seen or to stop: write it as {{ text = \"…\", get_seen = true }} so it is always shown", line.text),
            )),
            (true, false) => Err(self.fail(
                field,
                format!("'{}' is marked get_seen but does not say to get seen or to stop: remove the mark or make the advice explicit", line.text),
            )),
            _ => Ok(()),
        }
    }
    fn escalations_marked(&self, field: &str, lines: &[Line]) -> Result<(), ContentError> {
        for (i, line) in lines.iter().enumerate() {
            self.escalation_marked(&format!("{field}[{i}]"), line)?;
        }
        Ok(())
    }
    /// A results-only field that cannot carry a mark must not say to get seen or to stop.
    fn no_escalation(&self, field: &str, text: &str) -> Result<(), ContentError> {
        if reads_like_escalation(text) {
            return Err(self.fail(
                field,
                format!("'{text}' reads like advice to get seen or to stop, which this field cannot carry: move it to a list line marked get_seen"),
            ));
        }
        Ok(())
    }
    fn one_of(&self, field: &str, value: &str, allowed: &[&str]) -> Result<(), ContentError> {
        if !allowed.contains(&value) {
            return Err(self.fail(
                field,
                format!("'{value}' is not one of {}", allowed.join(", ")),
            ));
        }
        Ok(())
    }
    fn known<'k>(
        &self,
        field: &str,
        ids: impl IntoIterator<Item = &'k String>,
        known: &BTreeSet<&str>,
        what: &str,
    ) -> Result<(), ContentError> {
        for id in ids {
            if !known.contains(id.as_str()) {
                return Err(self.fail(field, format!("unknown {what} '{id}'")));
            }
        }
        Ok(())
    }
    fn ages(&self, min: Option<u8>, max: Option<u8>) -> Result<(), ContentError> {
        if let (Some(min), Some(max)) = (min, max) {
            if min > max {
                return Err(self.fail("min_age", format!("{min} is above max_age {max}")));
            }
        }
        Ok(())
    }
}

fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn unique_ids<'a>(
    file: &str,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<BTreeSet<&'a str>, ContentError> {
    let mut seen = BTreeSet::new();
    for id in ids {
        let check = Check { file, entry: id };
        if !is_kebab_id(id) {
            return Err(check.fail("id", "ids are lowercase words joined by '-'"));
        }
        if !seen.insert(id) {
            return Err(check.fail("id", "this id is used twice"));
        }
    }
    Ok(seen)
}

impl Content {
    /// Every id used anywhere that evidence and rules may test: regions, findings, derived facts.
    pub fn fact_ids(&self) -> Vec<&str> {
        self.regions
            .iter()
            .map(|r| r.id.as_str())
            .chain(self.findings.iter().map(|f| f.id.as_str()))
            .chain(DERIVED_FACTS.iter().copied())
            .collect()
    }

    pub fn validate(&self) -> Result<(), ContentError> {
        let regions = unique_ids("regions.toml", self.regions.iter().map(|r| r.id.as_str()))?;
        let findings = unique_ids("findings.toml", self.findings.iter().map(|f| f.id.as_str()))?;
        let conditions = unique_ids(
            "conditions.toml",
            self.conditions.iter().map(|c| c.id.as_str()),
        )?;
        unique_ids("red_flags.toml", self.rules.iter().map(|r| r.id.as_str()))?;
        let references = unique_ids(
            "references.toml",
            self.references.iter().map(|r| r.id.as_str()),
        )?;
        let exercises = unique_ids(
            "exercises.toml",
            self.exercises.iter().map(|e| e.id.as_str()),
        )?;
        unique_ids("plans.toml", self.until_seen.iter().map(|u| u.id.as_str()))?;
        let facts: BTreeSet<&str> = self.fact_ids().into_iter().collect();
        if facts.len() != regions.len() + findings.len() + DERIVED_FACTS.len() {
            let clash = findings
                .iter()
                .find(|id| regions.contains(*id) || DERIVED_FACTS.contains(id));
            let entry = clash.copied().unwrap_or("?");
            return Err(Check {
                file: "findings.toml",
                entry,
            }
            .fail("id", "clashes with a region or derived fact id"));
        }
        if facts.len() > 128 {
            return Err(Check {
                file: "findings.toml",
                entry: "(all)",
            }
            .fail(
                "id",
                "regions + findings + derived facts must not exceed 128",
            ));
        }

        for region in &self.regions {
            let c = Check {
                file: "regions.toml",
                entry: &region.id,
            };
            c.one_of("view", &region.view, &VIEWS)?;
            c.non_empty("label", &region.label)?;
        }
        for finding in &self.findings {
            let c = Check {
                file: "findings.toml",
                entry: &finding.id,
            };
            c.one_of("kind", &finding.kind, &FINDING_KINDS)?;
            c.non_empty("group", &finding.group)?;
            c.non_empty("label", &finding.label)?;
            c.non_empty("question", &finding.question)?;
            c.non_empty("help", &finding.help)?;
            c.known("regions", &finding.regions, &regions, "region")?;
            c.ages(finding.min_age, finding.max_age)?;
            for sex in &finding.sexes {
                c.one_of("sexes", sex, &SEXES)?;
            }
            c.known("asked_if", &finding.asked_if, &findings, "finding")?;
            c.known("replaced_by", &finding.replaced_by, &findings, "finding")?;
            c.known("same_as", &finding.same_as, &findings, "finding")?;
            if let Some(legacy) = finding.replaced_by.iter().find(|id| {
                self.findings
                    .iter()
                    .any(|f| f.id == **id && !f.replaced_by.is_empty())
            }) {
                return Err(c.fail(
                    "replaced_by",
                    format!("'{legacy}' is itself replaced: point to the question asked now"),
                ));
            }
        }
        for reference in &self.references {
            let c = Check {
                file: "references.toml",
                entry: &reference.id,
            };
            c.non_empty("short", &reference.short)?;
            // Citations are titles, never advice ("Physiotherapist-led treatment…"): not linted.
            c.non_empty("citation", &reference.citation)?;
        }
        for condition in &self.conditions {
            let c = Check {
                file: "conditions.toml",
                entry: &condition.id,
            };
            c.non_empty("name", &condition.name)?;
            c.non_empty("summary", &condition.summary)?;
            c.escalation_marked("summary", &condition.summary)?;
            c.one_of("care", &condition.care, &LEVELS[..4])?;
            if condition.supports.is_empty() {
                return Err(c.fail("for", "a condition needs at least one supporting fact"));
            }
            c.known("for", condition.supports.keys(), &facts, "fact")?;
            c.known("against", condition.against.keys(), &facts, "fact")?;
            c.known(
                "against_if_no",
                condition.against_if_no.keys(),
                &findings,
                "finding",
            )?;
            c.known("needs_any", &condition.needs_any, &facts, "fact")?;
            for (field, weights) in [
                ("for", &condition.supports),
                ("against", &condition.against),
            ] {
                if let Some((id, _)) = weights.iter().find(|(_, w)| **w == 0 || **w > 10) {
                    return Err(c.fail(
                        &format!("{field}.{id}"),
                        "weights are whole numbers from 1 to 10",
                    ));
                }
            }
            c.non_empty_list("watch_for", &condition.watch_for)?;
            c.non_empty_list("references", &condition.references)?;
            c.known(
                "references",
                &condition.references,
                &references,
                "reference",
            )?;
            let has_plan = self.plans.iter().any(|p| p.condition == condition.id);
            if condition.self_manage && !has_plan {
                return Err(c.fail(
                    "self_manage",
                    "a self-manageable condition needs a plan in plans.toml",
                ));
            }
        }
        for rule in &self.rules {
            let c = Check {
                file: "red_flags.toml",
                entry: &rule.id,
            };
            c.one_of("level", &rule.level, &LEVELS[1..])?;
            if rule.all.is_empty() && rule.any.is_empty() && !rule.needs_pain {
                return Err(c.fail(
                    "all",
                    "a rule needs at least one fact in 'all' or 'any', or needs_pain",
                ));
            }
            c.known("all", &rule.all, &facts, "fact")?;
            c.known("any", &rule.any, &facts, "fact")?;
            c.known("regions", &rule.regions, &regions, "region")?;
            c.ages(rule.min_age, rule.max_age)?;
            c.non_empty("reason", &rule.reason)?;
            c.non_empty("action", &rule.action)?;
        }
        for exercise in &self.exercises {
            let c = Check {
                file: "exercises.toml",
                entry: &exercise.id,
            };
            c.non_empty("name", &exercise.name)?;
            c.one_of("kind", &exercise.kind, &EXERCISE_KINDS)?;
            if !(1..=4).contains(&exercise.phase) {
                return Err(c.fail("phase", "must be 1 to 4"));
            }
            c.non_empty_list("steps", &exercise.steps)?;
            c.non_empty("dosage", &exercise.dosage)?;
            c.no_escalation("name", &exercise.name)?;
            if let Some(also) = &exercise.also_called {
                c.no_escalation("also_called", also)?;
            }
            c.no_escalation("pose.description", &exercise.pose.description)?;
            c.escalations_marked("steps", &exercise.steps)?;
            c.escalation_marked("dosage", &exercise.dosage)?;
            c.escalations_marked("cues", &exercise.cues)?;
            c.escalations_marked("avoid", &exercise.avoid)?;
            c.non_empty_list("references", &exercise.references)?;
            c.known("references", &exercise.references, &references, "reference")?;
            c.one_of("pose.view", &exercise.pose.view, &POSE_VIEWS)?;
            c.one_of("pose.prop", &exercise.pose.prop, &PROPS)?;
            c.non_empty("pose.description", &exercise.pose.description)?;
        }
        let mut planned = BTreeSet::new();
        for plan in &self.plans {
            let c = Check {
                file: "plans.toml",
                entry: &plan.condition,
            };
            c.known("condition", [&plan.condition], &conditions, "condition")?;
            if !planned.insert(plan.condition.as_str()) {
                return Err(c.fail("condition", "this condition has two plans"));
            }
            c.non_empty("summary", &plan.summary)?;
            c.one_of("pain_rule", &plan.pain_rule, &PAIN_RULES)?;
            c.escalation_marked("summary", &plan.summary)?;
            c.escalation_marked("expected_course", &plan.expected_course)?;
            c.escalations_marked("education", &plan.education)?;
            c.escalations_marked("avoid", &plan.avoid)?;
            c.escalations_marked("cross_training", &plan.cross_training)?;
            c.escalations_marked("return_to_run", &plan.return_to_run)?;
            c.non_empty("review", &plan.review)?;
            c.non_empty_list("references", &plan.references)?;
            c.known("references", &plan.references, &references, "reference")?;
            if plan.phases.is_empty() {
                return Err(c.fail("phase", "a plan needs at least one phase"));
            }
            for (i, phase) in plan.phases.iter().enumerate() {
                c.non_empty(&format!("phase[{i}].name"), &phase.name)?;
                c.no_escalation(&format!("phase[{i}].name"), &phase.name)?;
                c.escalation_marked(&format!("phase[{i}].timing"), &phase.timing)?;
                c.escalation_marked(&format!("phase[{i}].goal"), &phase.goal)?;
                c.escalations_marked(&format!("phase[{i}].move_on"), &phase.move_on)?;
                c.known(
                    &format!("phase[{i}].exercises"),
                    &phase.exercises,
                    &exercises,
                    "exercise",
                )?;
            }
        }
        let mut has_general = false;
        for until_seen in &self.until_seen {
            let c = Check {
                file: "plans.toml",
                entry: &until_seen.id,
            };
            c.known(
                "conditions",
                &until_seen.conditions,
                &conditions,
                "condition",
            )?;
            c.non_empty("title", &until_seen.title)?;
            c.non_empty_list("advice", &until_seen.advice)?;
            has_general |= until_seen.conditions.is_empty();
        }
        if !has_general {
            return Err(Check {
                file: "plans.toml",
                entry: "(all)",
            }
            .fail(
                "conditions",
                "one entry must have no conditions: the general fallback",
            ));
        }
        let c = Check {
            file: "safety_net.toml",
            entry: "levels",
        };
        for level in LEVELS {
            let text = self
                .safety_net
                .levels
                .get(level)
                .ok_or_else(|| c.fail(level, "missing"))?;
            c.non_empty(&format!("{level}.headline"), &text.headline)?;
            c.non_empty(&format!("{level}.how_soon"), &text.how_soon)?;
            c.non_empty(&format!("{level}.who"), &text.who)?;
        }
        if let Some(level) = self
            .safety_net
            .levels
            .keys()
            .find(|l| !LEVELS.contains(&l.as_str()))
        {
            return Err(c.fail(level, "not a triage level"));
        }
        Ok(())
    }

    /// Counts for `hipcheck content check`.
    pub fn summary(&self) -> String {
        format!(
            "{} regions, {} findings, {} conditions, {} red-flag rules, {} exercises, {} plans, {} references",
            self.regions.len(),
            self.findings.len(),
            self.conditions.len(),
            self.rules.len(),
            self.exercises.len(),
            self.plans.len(),
            self.references.len()
        )
    }
}
