//! The rules content must follow beyond its types: ids unique and known, weights in range, a
//! plan for every self-managed condition, escalation marks that agree with the wording. One
//! function per content file; each error names the file, the entry and the field.

use std::collections::BTreeSet;

use super::error::{Check, ContentError};
use super::model::*;
use crate::vocabulary::{Derived, ExerciseKind, FindingKind, Level, View};

/// The most words a safety-screen question may have (issue 23).
const SAFETY_QUESTION_WORDS: usize = 20;

/// Ids of everything other entries may refer to.
struct Known<'a> {
    regions: BTreeSet<&'a str>,
    findings: BTreeSet<&'a str>,
    conditions: BTreeSet<&'a str>,
    references: BTreeSet<&'a str>,
    exercises: BTreeSet<&'a str>,
    facts: BTreeSet<&'a str>,
}

impl Content {
    /// Each region is drawn exactly once, in its own view's file, and nothing else is.
    fn diagram_targets(&self) -> Result<(), ContentError> {
        let d = &self.diagram;
        for (sheet, view) in [
            (&d.front, View::Front),
            (&d.back, View::Back),
            (&d.side, View::Side),
        ] {
            for (id, _) in sheet.targets() {
                if !self.regions.iter().any(|r| r.id == id && r.view == view) {
                    return Err(ContentError::Invalid {
                        file: sheet.file.clone(),
                        entry: id.to_string(),
                        field: "data-region".into(),
                        message: format!("not a region of the {view:?} view in regions.toml"),
                    });
                }
            }
            for region in self.regions.iter().filter(|r| r.view == view) {
                let drawn = sheet.targets().filter(|(id, _)| *id == region.id).count();
                if drawn != 1 {
                    return Err(ContentError::Invalid {
                        file: sheet.file.clone(),
                        entry: region.id.clone(),
                        field: "data-region".into(),
                        message: format!(
                            "drawn {drawn} times; every region needs exactly one target"
                        ),
                    });
                }
            }
        }
        if !d.front.paths.iter().any(|p| p.thumb) {
            return Err(ContentError::Invalid {
                file: d.front.file.clone(),
                entry: "(file)".into(),
                field: "data-thumb".into(),
                message: "the side view's thumbnail needs the leg it highlights".into(),
            });
        }
        Ok(())
    }

    /// Every id used anywhere that evidence and rules may test: regions, findings, derived facts.
    pub fn fact_ids(&self) -> Vec<&str> {
        self.regions
            .iter()
            .map(|r| r.id.as_str())
            .chain(self.findings.iter().map(|f| f.id.as_str()))
            .chain(Derived::ALL.iter().map(|d| d.id()))
            .collect()
    }

    pub fn validate(&self) -> Result<(), ContentError> {
        // The escalation wording to lint against, and the folder to name in errors.
        LANGUAGE.with(|l| l.set(self.lang));
        ESCALATION.with(|e| e.replace(Some(self.escalation.clone())));
        let result = self.validate_all();
        LANGUAGE.with(|l| l.set("en"));
        ESCALATION.with(|e| e.replace(None));
        result
    }

    fn validate_all(&self) -> Result<(), ContentError> {
        let known = self.known()?;
        self.regions.iter().try_for_each(region)?;
        self.diagram_targets()?;
        for finding in &self.findings {
            self.finding(finding, &known)?;
        }
        for reference in &self.references {
            let c = Check {
                file: "references.toml",
                entry: &reference.id,
            };
            non_empty(&c, "short", &reference.short)?;
            // Citations are titles, never advice ("Physiotherapist-led treatment…"): not linted.
            non_empty(&c, "citation", &reference.citation)?;
        }
        for condition in &self.conditions {
            self.condition(condition, &known)?;
        }
        self.rules.iter().try_for_each(|r| rule(r, &known))?;
        self.exercises
            .iter()
            .try_for_each(|e| exercise(e, &known))?;
        self.plans(&known)?;
        self.until_seen(&known)?;
        self.safety_net()?;
        self.interface()
    }

    /// Every derived fact has its evidence label, and nothing else does.
    fn interface(&self) -> Result<(), ContentError> {
        let labels = &self.interface.results.derived;
        let error = |entry: &str, message: String| ContentError::Invalid {
            file: "interface.toml".to_string(),
            entry: entry.to_string(),
            field: "results.derived".to_string(),
            message,
        };
        for derived in Derived::ALL {
            if !labels.contains_key(derived.id()) {
                return Err(error(
                    derived.id(),
                    "missing label for this derived fact".to_string(),
                ));
            }
        }
        if let Some(extra) = labels
            .keys()
            .find(|id| !Derived::ALL.iter().any(|d| d.id() == id.as_str()))
        {
            return Err(error(
                extra,
                "not a derived fact (src/vocabulary.rs)".to_string(),
            ));
        }
        Ok(())
    }

    fn known(&self) -> Result<Known<'_>, ContentError> {
        let regions = unique_ids("regions.toml", self.regions.iter().map(|r| r.id.as_str()))?;
        let findings = unique_ids("findings.toml", self.findings.iter().map(|f| f.id.as_str()))?;
        let conditions = unique_ids(
            "conditions.toml",
            self.conditions.iter().map(|c| c.id.as_str()),
        )?;
        // A rule's sources and the engine's rule-14 sets are 32-bit sets of conditions.
        if self.conditions.len() > 32 {
            return Err(Check {
                file: "conditions.toml",
                entry: "(all)",
            }
            .fail(
                "condition",
                "at most 32 conditions: rule sources are a 32-bit set",
            ));
        }
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
        let all = Check {
            file: "findings.toml",
            entry: "(all)",
        };
        if facts.len() != regions.len() + findings.len() + Derived::ALL.len() {
            let clash = findings
                .iter()
                .find(|id| regions.contains(*id) || Derived::ALL.iter().any(|d| d.id() == **id));
            let c = Check {
                file: "findings.toml",
                entry: clash.copied().unwrap_or("?"),
            };
            return Err(c.fail("id", "clashes with a region or derived fact id"));
        }
        if facts.len() > 128 {
            return Err(all.fail(
                "id",
                "regions + findings + derived facts must not exceed 128",
            ));
        }
        Ok(Known {
            regions,
            findings,
            conditions,
            references,
            exercises,
            facts,
        })
    }

    fn finding(&self, finding: &Finding, known: &Known) -> Result<(), ContentError> {
        let c = Check {
            file: "findings.toml",
            entry: &finding.id,
        };
        non_empty(&c, "group", &finding.group)?;
        non_empty(&c, "label", &finding.label)?;
        non_empty(&c, "question", &finding.question)?;
        if finding.replaced_by.is_empty() && starts_negative(&finding.question) {
            return Err(c.fail(
                "question",
                format!(
                    "'{}' starts with a negative: ask it in the positive, so that \"yes\" is always the worrying answer (\"Are you unable to…?\", never \"Can you not…?\"; CLINICAL.md rule 16)",
                    finding.question
                ),
            ));
        }
        // The safety screen is read by a worried person on a phone: each question short, its
        // detail behind "What does this mean?" (issue 23; the content is the same).
        let words = finding.question.split_whitespace().count();
        if finding.kind == FindingKind::RedFlag && words > SAFETY_QUESTION_WORDS {
            return Err(c.fail(
                "question",
                format!("{words} words: a safety question has at most {SAFETY_QUESTION_WORDS}; put the detail in its help"),
            ));
        }
        non_empty(&c, "help", &finding.help)?;
        known_ids(&c, "regions", &finding.regions, &known.regions, "region")?;
        ages(&c, finding.min_age, finding.max_age)?;
        known_ids(
            &c,
            "asked_if",
            &finding.asked_if,
            &known.findings,
            "finding",
        )?;
        known_ids(
            &c,
            "replaced_by",
            &finding.replaced_by,
            &known.findings,
            "finding",
        )?;
        known_ids(&c, "same_as", &finding.same_as, &known.findings, "finding")?;
        let replaced = |id: &String| {
            self.findings
                .iter()
                .any(|f| f.id == *id && !f.replaced_by.is_empty())
        };
        if let Some(legacy) = finding.replaced_by.iter().find(|id| replaced(id)) {
            return Err(c.fail(
                "replaced_by",
                format!("'{legacy}' is itself replaced: point to the question asked now"),
            ));
        }
        if finding.kind == FindingKind::RedFlag && !finding.regions.is_empty() {
            // Asked on the symptom step, where an answer cannot stop the flow at once as the
            // safety screen's does: no emergency rule may hang on it alone.
            let emergency = self
                .rules
                .iter()
                .any(|r| r.level == Level::Emergency && r.all.len() == 1 && r.all[0] == finding.id);
            if emergency {
                return Err(c.fail(
                    "regions",
                    "an emergency question must be on the safety screen (no regions)",
                ));
            }
        }
        Ok(())
    }

    fn condition(&self, condition: &Condition, known: &Known) -> Result<(), ContentError> {
        let c = Check {
            file: "conditions.toml",
            entry: &condition.id,
        };
        non_empty(&c, "name", &condition.name)?;
        non_empty(&c, "summary", &condition.summary)?;
        escalation_marked(&c, "summary", &condition.summary)?;
        if condition.care == Level::Emergency {
            return Err(c.fail("care", "a condition's care is self-care up to same-day"));
        }
        if condition.supports.is_empty() {
            return Err(c.fail("for", "a condition needs at least one supporting fact"));
        }
        known_ids(&c, "for", condition.supports.keys(), &known.facts, "fact")?;
        known_ids(
            &c,
            "against",
            condition.against.keys(),
            &known.facts,
            "fact",
        )?;
        known_ids(
            &c,
            "against_if_no",
            condition.against_if_no.keys(),
            &known.findings,
            "finding",
        )?;
        known_ids(&c, "needs_any", &condition.needs_any, &known.facts, "fact")?;
        for (field, weights) in [
            ("for", &condition.supports),
            ("against", &condition.against),
            ("against_if_no", &condition.against_if_no),
        ] {
            if let Some((id, _)) = weights.iter().find(|(_, w)| **w == 0 || **w > 10) {
                return Err(c.fail(
                    &format!("{field}.{id}"),
                    "weights are whole numbers from 1 to 10",
                ));
            }
        }
        non_empty_list(&c, "watch_for", &condition.watch_for)?;
        non_empty_list(&c, "references", &condition.references)?;
        known_ids(
            &c,
            "references",
            &condition.references,
            &known.references,
            "reference",
        )?;
        let has_plan = self.plans.iter().any(|p| p.condition == condition.id);
        if condition.self_manage && !has_plan {
            return Err(c.fail(
                "self_manage",
                "a self-manageable condition needs a plan in plans.toml",
            ));
        }
        Ok(())
    }

    fn plans(&self, known: &Known) -> Result<(), ContentError> {
        let mut planned = BTreeSet::new();
        for plan in &self.plans {
            let c = Check {
                file: "plans.toml",
                entry: &plan.condition,
            };
            known_ids(
                &c,
                "condition",
                [&plan.condition],
                &known.conditions,
                "condition",
            )?;
            if !planned.insert(plan.condition.as_str()) {
                return Err(c.fail("condition", "this condition has two plans"));
            }
            non_empty(&c, "summary", &plan.summary)?;
            non_empty(&c, "review", &plan.review)?;
            non_empty_list(&c, "references", &plan.references)?;
            known_ids(
                &c,
                "references",
                &plan.references,
                &known.references,
                "reference",
            )?;
            escalation_marked(&c, "summary", &plan.summary)?;
            escalation_marked(&c, "expected_course", &plan.expected_course)?;
            escalations_marked(&c, "education", &plan.education)?;
            escalations_marked(&c, "avoid", &plan.avoid)?;
            escalations_marked(&c, "cross_training", &plan.cross_training)?;
            escalations_marked(&c, "return_to_run", &plan.return_to_run)?;
            if plan.phases.is_empty() {
                return Err(c.fail("phase", "a plan needs at least one phase"));
            }
            for (i, phase) in plan.phases.iter().enumerate() {
                non_empty(&c, &format!("phase[{i}].name"), &phase.name)?;
                no_escalation(&c, &format!("phase[{i}].name"), &phase.name)?;
                escalation_marked(&c, &format!("phase[{i}].timing"), &phase.timing)?;
                escalation_marked(&c, &format!("phase[{i}].goal"), &phase.goal)?;
                escalations_marked(&c, &format!("phase[{i}].move_on"), &phase.move_on)?;
                known_ids(
                    &c,
                    &format!("phase[{i}].exercises"),
                    &phase.exercises,
                    &known.exercises,
                    "exercise",
                )?;
            }
        }
        Ok(())
    }

    fn until_seen(&self, known: &Known) -> Result<(), ContentError> {
        let mut has_general = false;
        for until_seen in &self.until_seen {
            let c = Check {
                file: "plans.toml",
                entry: &until_seen.id,
            };
            known_ids(
                &c,
                "conditions",
                &until_seen.conditions,
                &known.conditions,
                "condition",
            )?;
            non_empty(&c, "title", &until_seen.title)?;
            non_empty_list(&c, "advice", &until_seen.advice)?;
            has_general |= until_seen.conditions.is_empty();
        }
        if !has_general {
            let c = Check {
                file: "plans.toml",
                entry: "(all)",
            };
            return Err(c.fail(
                "conditions",
                "one entry must have no conditions: the general fallback",
            ));
        }
        Ok(())
    }

    fn safety_net(&self) -> Result<(), ContentError> {
        let c = Check {
            file: "safety_net.toml",
            entry: "levels",
        };
        for level in Level::ALL {
            let id = level.id();
            let text = self
                .safety_net
                .levels
                .get(&level)
                .ok_or_else(|| c.fail(id, "missing"))?;
            non_empty(&c, &format!("{id}.headline"), &text.headline)?;
            non_empty(&c, &format!("{id}.how_soon"), &text.how_soon)?;
            non_empty(&c, &format!("{id}.who"), &text.who)?;
            // "Safe to start" lines travel with the plan's text (after Start): none may say to
            // get seen or to stop (CLINICAL.md rule 13), which must never wait for a download.
            for (i, line) in text.with_plan.iter().enumerate() {
                if reads_like_escalation(&line.text) {
                    return Err(c.fail(
                        &format!("{id}.with_plan[{i}]"),
                        format!("'{}' reads like advice to get seen or to stop, which this list (shown with the plan, after Start) cannot carry: move it to review", line.text),
                    ));
                }
            }
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

fn region(region: &Region) -> Result<(), ContentError> {
    let c = Check {
        file: "regions.toml",
        entry: &region.id,
    };
    non_empty(&c, "label", &region.label)
}

fn rule(rule: &Rule, known: &Known) -> Result<(), ContentError> {
    let c = Check {
        file: "red_flags.toml",
        entry: &rule.id,
    };
    if rule.level == Level::SelfCare {
        return Err(c.fail("level", "a rule's level is soon up to emergency"));
    }
    if rule.all.is_empty() && rule.any.is_empty() && !rule.needs_pain {
        return Err(c.fail(
            "all",
            "a rule needs at least one fact in 'all' or 'any', or needs_pain",
        ));
    }
    known_ids(&c, "all", &rule.all, &known.facts, "fact")?;
    known_ids(&c, "any", &rule.any, &known.facts, "fact")?;
    known_ids(&c, "regions", &rule.regions, &known.regions, "region")?;
    known_ids(&c, "sources", &rule.sources, &known.conditions, "condition")?;
    ages(&c, rule.min_age, rule.max_age)?;
    non_empty(&c, "reason", &rule.reason)?;
    non_empty(&c, "action", &rule.action)
}

/// The guided session's numbers: in range, each one a number of the dosage the person reads,
/// and none for running or cross-training (they are not part of a session).
fn session_dose(c: &Check, exercise: &Exercise) -> Result<(), ContentError> {
    let Some(dose) = exercise.session else {
        return Ok(());
    };
    if matches!(
        exercise.kind,
        ExerciseKind::Running | ExerciseKind::CrossTraining
    ) {
        return Err(c.fail(
            "session",
            "running and cross-training are not part of a session",
        ));
    }
    let numbers: Vec<u8> = exercise
        .dosage
        .text
        .split(|ch: char| !ch.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    for (field, value, range, shown) in [
        ("session.sets", dose.sets, 1..=6, dose.sets > 1),
        ("session.reps", dose.reps, 1..=30, true),
        ("session.hold", dose.hold, 0..=60, dose.hold > 0),
    ] {
        if !range.contains(&value) {
            return Err(c.fail(
                field,
                format!("must be {} to {}", range.start(), range.end()),
            ));
        }
        if shown && !numbers.contains(&value) {
            return Err(c.fail(
                field,
                format!(
                    "{value} is not a number of the dosage; the session and the words must agree"
                ),
            ));
        }
    }
    Ok(())
}

fn exercise(exercise: &Exercise, known: &Known) -> Result<(), ContentError> {
    let c = Check {
        file: "exercises.toml",
        entry: &exercise.id,
    };
    non_empty(&c, "name", &exercise.name)?;
    if !(1..=4).contains(&exercise.phase) {
        return Err(c.fail("phase", "must be 1 to 4"));
    }
    non_empty_list(&c, "steps", &exercise.steps)?;
    non_empty(&c, "dosage", &exercise.dosage)?;
    no_escalation(&c, "name", &exercise.name)?;
    if let Some(also) = &exercise.also_called {
        no_escalation(&c, "also_called", also)?;
    }
    no_escalation(&c, "pose.description", &exercise.pose.description)?;
    session_dose(&c, exercise)?;
    super::figure::check(&exercise.pose)
        .map_err(|(field, message)| c.fail(&format!("pose.{field}"), message))?;
    escalations_marked(&c, "steps", &exercise.steps)?;
    escalation_marked(&c, "dosage", &exercise.dosage)?;
    escalations_marked(&c, "cues", &exercise.cues)?;
    escalations_marked(&c, "avoid", &exercise.avoid)?;
    non_empty_list(&c, "references", &exercise.references)?;
    known_ids(
        &c,
        "references",
        &exercise.references,
        &known.references,
        "reference",
    )?;
    non_empty(&c, "pose.description", &exercise.pose.description)
}

fn non_empty(c: &Check, field: &str, value: &str) -> Result<(), ContentError> {
    if value.trim().is_empty() {
        return Err(c.fail(field, "must not be empty"));
    }
    Ok(())
}

fn non_empty_list<T: AsRef<str>>(c: &Check, field: &str, values: &[T]) -> Result<(), ContentError> {
    if values.is_empty() {
        return Err(c.fail(field, "must list at least one item"));
    }
    for (i, value) in values.iter().enumerate() {
        non_empty(c, &format!("{field}[{i}]"), value.as_ref())?;
    }
    Ok(())
}

fn known_ids<'k>(
    c: &Check,
    field: &str,
    ids: impl IntoIterator<Item = &'k String>,
    known: &BTreeSet<&str>,
    what: &str,
) -> Result<(), ContentError> {
    for id in ids {
        if !known.contains(id.as_str()) {
            return Err(c.fail(field, format!("unknown {what} '{id}'")));
        }
    }
    Ok(())
}

fn ages(c: &Check, min: Option<u8>, max: Option<u8>) -> Result<(), ContentError> {
    if let (Some(min), Some(max)) = (min, max) {
        if min > max {
            return Err(c.fail("min_age", format!("{min} is above max_age {max}")));
        }
    }
    Ok(())
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

/// CLINICAL.md rule 16: whether a question opens with a negative ("Can you not…", "Don't
/// you…", «¿No puede…»), whose "no" reads both ways. The first three words outside brackets
/// are enough ("Can you (or your child) not…"): a negative later in a question ("…that won't
/// go back in") does not invert the answer.
fn starts_negative(question: &str) -> bool {
    let mut depth = 0usize;
    let outside: String = question
        .to_lowercase()
        .chars()
        .filter(|&c| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => return depth == 0,
            }
            false
        })
        .collect();
    let words: Vec<&str> = outside
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'))
        .filter(|w| !w.is_empty())
        .take(3)
        .collect();
    words.first().is_some_and(|w| *w == "no" || *w == "not")
        || words
            .iter()
            .any(|w| *w == "not" || w.ends_with("n't") || w.ends_with("n’t"))
}

/// CLINICAL.md rule 13: the editor's `get_seen` mark and the wording must agree, in both
/// directions, so that no advice to get seen or stop is left to wait for a download.
fn escalation_marked(c: &Check, field: &str, line: &Line) -> Result<(), ContentError> {
    match (line.get_seen, reads_like_escalation(&line.text)) {
        (false, true) => Err(c.fail(
            field,
            format!("'{}' reads like advice to get seen or to stop: write it as {{ text = \"…\", get_seen = true }} so it is always shown", line.text),
        )),
        (true, false) => Err(c.fail(
            field,
            format!("'{}' is marked get_seen but does not say to get seen or to stop: remove the mark or make the advice explicit", line.text),
        )),
        _ => Ok(()),
    }
}

fn escalations_marked(c: &Check, field: &str, lines: &[Line]) -> Result<(), ContentError> {
    for (i, line) in lines.iter().enumerate() {
        escalation_marked(c, &format!("{field}[{i}]"), line)?;
    }
    Ok(())
}

/// A results-only field that cannot carry a mark must not say to get seen or to stop.
fn no_escalation(c: &Check, field: &str, text: &str) -> Result<(), ContentError> {
    if reads_like_escalation(text) {
        return Err(c.fail(
            field,
            format!("'{text}' reads like advice to get seen or to stop, which this field cannot carry: move it to a list line marked get_seen"),
        ));
    }
    Ok(())
}

/// Whether a line reads like advice to get seen or to stop. Used only to lint the editor's
/// marks in both directions, never to decide what is compiled in. Deliberately broad.
pub fn reads_like_escalation(text: &str) -> bool {
    ESCALATION.with(|e| {
        e.borrow()
            .as_ref()
            .is_some_and(|escalation| reads_like(escalation, text))
    })
}

fn reads_like(escalation: &super::Escalation, text: &str) -> bool {
    let (phrases, words) = (&escalation.phrases, &escalation.whole_words);
    let lower = text.to_lowercase();
    let whole_word = |word: &str| {
        lower.match_indices(word).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    };
    phrases.iter().any(|phrase| lower.contains(phrase)) || words.iter().any(|w| whole_word(w))
}

thread_local! {
    /// The language being validated (set by `Content::validate` for its run): the escalation
    /// lint reads that language's phrases, and errors name that language's files.
    pub(super) static LANGUAGE: std::cell::Cell<&'static str> = const { std::cell::Cell::new("en") };
    /// That language's escalation phrases (content/<lang>/escalation.toml), while it is validated.
    static ESCALATION: std::cell::RefCell<Option<super::Escalation>> = const { std::cell::RefCell::new(None) };
}
