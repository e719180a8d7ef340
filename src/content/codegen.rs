//! Writes the validated content as static Rust (`$OUT_DIR/kb.rs`, included by `src/kb.rs`):
//! every id resolved to an index or a bit, every closed value written as its enum variant. Text
//! only the results need goes to a separate pool (the results text the browser downloads after
//! Start); lines marked `get_seen`, red-flag help and plan reviews are compiled in. Used by
//! `build.rs` only.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::content::figure;
use crate::content::*;
use crate::vocabulary::{Derived, FindingKind, Level, COMPILED_IN};

/// The generated source and the results-only texts, in handle order.
pub struct Generated {
    /// What no wording changes: fact numbers and sets (the same in every language).
    pub facts: String,
    /// The knowledge base and its compiled-in text, in the content's language.
    pub code: String,
    pub results_texts: Vec<String>,
}

pub fn generate(content: &Content) -> Generated {
    let writer = Writer::new(content);
    let mut facts = String::new();
    writer.fact_sets(&mut facts);
    let mut o = String::new();
    let _ = writeln!(o, "pub static KB: Kb = Kb {{");
    writer.facts_and_regions(&mut o);
    writer.findings(&mut o);
    writer.conditions(&mut o);
    writer.rules(&mut o);
    writer.references(&mut o);
    writer.exercises(&mut o);
    writer.plans(&mut o);
    writer.until_seen(&mut o);
    writer.safety_net(&mut o);
    writer.interface_wording(&mut o);
    writer.map(&mut o);
    let _ = writeln!(o, "}};");
    writer.compiled_texts(&mut o);
    Generated {
        facts,
        code: o,
        results_texts: writer.pool.into_inner(),
    }
}

struct Writer<'a> {
    content: &'a Content,
    facts: Vec<&'a str>,
    /// Results-only text: a separate file the browser loads after Start.
    pool: RefCell<Vec<String>>,
    /// Text compiled into the program; handles carry `COMPILED_IN`.
    compiled_in: RefCell<Vec<String>>,
}

/// A Rust string literal (Debug escaping is valid Rust syntax).
/// A struct literal of the generated code, a field at a time: each field's name sits beside its
/// value here, and the generated code has one field per line.
struct Literal(String);

impl Literal {
    fn new(name: &str) -> Self {
        Literal(format!("{name} {{\n"))
    }

    fn field(mut self, name: &str, value: impl std::fmt::Display) -> Self {
        let _ = writeln!(self.0, "    {name}: {value},");
        self
    }

    /// A field the command line and the exports read and the browser never ships.
    fn native(mut self, name: &str, value: impl std::fmt::Display) -> Self {
        let _ = writeln!(
            self.0,
            "    #[cfg(not(target_arch = \"wasm32\"))] {name}: {value},"
        );
        self
    }

    fn end(self) -> String {
        self.0 + "}"
    }
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn str_slice(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| lit(s)).collect();
    format!("&[{}]", inner.join(", "))
}

fn opt_u8(value: Option<u8>) -> String {
    value.map_or_else(|| "None".to_string(), |v| format!("Some({v})"))
}

fn level(level: Level) -> String {
    format!("Level::{level:?}")
}

/// Identical texts share one entry.
fn add(pool: &RefCell<Vec<String>>, text: &str) -> usize {
    let mut pool = pool.borrow_mut();
    match pool.iter().position(|t| t == text) {
        Some(i) => i,
        None => {
            pool.push(text.to_string());
            pool.len() - 1
        }
    }
}

impl<'a> Writer<'a> {
    fn new(content: &'a Content) -> Self {
        Writer {
            content,
            facts: content.fact_ids(),
            pool: RefCell::new(Vec::new()),
            compiled_in: RefCell::new(Vec::new()),
        }
    }

    /// Sentences with who may read them (CLINICAL.md rule 15), compiled in or deferred.
    fn said_slice(&self, items: &[Said], compiled: bool) -> String {
        let inner: Vec<String> = items
            .iter()
            .map(|s| {
                let only = s.only.iter().fold(0u8, |acc, a| acc | a.bit());
                let text = if compiled {
                    self.compiled(&s.text)
                } else {
                    self.deferred(&s.text)
                };
                format!("Said {{ text: {text}, only: {only} }}")
            })
            .collect();
        format!("&[{}]", inner.join(", "))
    }

    fn deferred(&self, text: &str) -> String {
        format!("Text({})", add(&self.pool, text))
    }

    fn compiled(&self, text: &str) -> String {
        format!(
            "Text({:#x})",
            usize::from(COMPILED_IN) | add(&self.compiled_in, text)
        )
    }

    /// CLINICAL.md rule 13: the editor marks each line that says to get seen or to stop (the
    /// validator lints the marks); marked lines never wait for the download.
    fn line(&self, line: &Line) -> String {
        if line.get_seen {
            self.compiled(&line.text)
        } else {
            self.deferred(&line.text)
        }
    }

    fn lines(&self, lines: &[Line]) -> String {
        let inner: Vec<String> = lines.iter().map(|l| self.line(l)).collect();
        format!("&[{}]", inner.join(", "))
    }

    /// Validation has checked every id, so an unknown one here is a bug in this file.
    fn fact(&self, id: &str) -> usize {
        self.facts
            .iter()
            .position(|f| *f == id)
            .unwrap_or(usize::MAX)
    }

    fn set(&self, ids: &[String]) -> String {
        let bits: u128 = ids.iter().fold(0, |acc, id| acc | (1u128 << self.fact(id)));
        format!("{bits:#x}")
    }

    /// Strongest evidence first, so explanations lead with what matters most.
    fn weighted(&self, weights: &BTreeMap<String, u8>) -> String {
        let mut items: Vec<(&String, &u8)> = weights.iter().collect();
        items.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let inner: Vec<String> = items
            .iter()
            .map(|(id, w)| format!("Weighted {{ fact: {}, weight: {w} }}", self.fact(id)))
            .collect();
        format!("&[{}]", inner.join(", "))
    }

    fn condition_index(&self, id: &str) -> usize {
        let conditions = &self.content.conditions;
        conditions
            .iter()
            .position(|c| c.id == id)
            .unwrap_or(usize::MAX)
    }

    fn exercise_index(&self, id: &str) -> usize {
        let exercises = &self.content.exercises;
        exercises
            .iter()
            .position(|e| e.id == id)
            .unwrap_or(usize::MAX)
    }

    fn fact_sets(&self, o: &mut String) {
        let findings = &self.content.findings;
        let _ = writeln!(
            o,
            "pub const DERIVED_BASE: Fact = {};",
            self.content.regions.len() + findings.len()
        );
        let age_gated: Vec<String> = findings
            .iter()
            .filter(|f| f.min_age.is_some() || f.max_age.is_some())
            .map(|f| f.id.clone())
            .collect();
        let _ = writeln!(o, "/// Findings only asked at some ages: a yes to one implies the person is in that age band.");
        let _ = writeln!(
            o,
            "pub const AGE_GATED: FactSet = {};",
            self.set(&age_gated)
        );
        let all: Vec<String> = findings.iter().map(|f| f.id.clone()).collect();
        let _ = writeln!(o, "/// Every finding fact.");
        let _ = writeln!(o, "pub const FINDINGS: FactSet = {};", self.set(&all));
    }

    fn facts_and_regions(&self, o: &mut String) {
        let facts: Vec<String> = self.facts.iter().map(|f| lit(f)).collect();
        let _ = writeln!(o, "facts: &[{}],", facts.join(", "));
        let _ = writeln!(o, "regions: &[");
        for r in &self.content.regions {
            let _ = writeln!(
                o,
                "Region {{ id: {}, view: View::{:?}, label: {} }},",
                lit(&r.id),
                r.view,
                lit(&r.label)
            );
        }
        let _ = writeln!(o, "],");
    }

    /// The body diagram: front, back, side (right), side (left). Drawings and target outlines
    /// are after-Start text (the diagram is first shown after the safety screen; without it the
    /// widget offers the region list, which is compiled in).
    fn map(&self, o: &mut String) {
        let _ = writeln!(o, "map: [");
        for picture in self.content.diagram.pictures() {
            let targets: Vec<String> = picture
                .targets
                .iter()
                .map(|t| {
                    let region = self
                        .content
                        .regions
                        .iter()
                        .position(|r| r.id == t.region)
                        .expect("validated: every target is a region");
                    let (cx, cy) = t.d.centre();
                    // The outline, then a tick at its centre for a picked area.
                    let shape = format!("{}|M{} {}l5 5l9-10", t.d, cx - 7, cy);
                    format!(
                        "MapTarget {{ region: {region}, left: {}, shape: {}, label_y: {} }}",
                        t.left,
                        self.deferred(&shape),
                        t.label
                    )
                })
                .collect();
            let _ = writeln!(
                o,
                "MapPicture {{ drawing: {}, targets: &[{}] }},",
                self.deferred(&picture.drawing),
                targets.join(", ")
            );
        }
        let _ = writeln!(o, "],");
    }

    fn findings(&self, o: &mut String) {
        let _ = writeln!(o, "findings: &[");
        for f in &self.content.findings {
            let replaced = !f.replaced_by.is_empty();
            // A replaced v1 question is never asked: its wording stays in content/ only. The
            // safety screen's questions are compiled in. A question about the areas (a symptom
            // question, or a safety question tied to an area, never an emergency one) is first
            // asked after the body map, long after the download started at Start: deferred; the
            // one-question screen waits for it with "Try again" and never skips it (docs/safety.md
            // H37). Help is deferred for every question (H33: a question must read clearly
            // without it).
            let question = match (f.kind, replaced) {
                (_, true) => self.compiled(""),
                (FindingKind::RedFlag, false) if f.regions.is_empty() => self.compiled(&f.question),
                _ => self.deferred(&f.question),
            };
            let help = if replaced {
                self.compiled("")
            } else {
                self.deferred(&f.help)
            };
            // An emergency question's reason to matter, compiled in: the reason of the first
            // emergency rule that uses it. It explains the question, asked again after "not sure",
            // before the question's help has downloaded (CLINICAL.md rule 2; only emergency
            // questions are asked again).
            let why = if replaced {
                ""
            } else {
                self.content
                    .rules
                    .iter()
                    .find(|r| {
                        r.level == Level::Emergency
                            && (r.all.contains(&f.id) || r.any.contains(&f.id))
                    })
                    .map_or("", |r| r.reason.as_str())
            };
            let sexes = f.sexes.iter().fold(0u8, |acc, sex| acc | sex.bit());
            let recency = f
                .recency
                .map_or_else(|| "None".to_string(), |r| format!("Some(Recency::{r:?})"));
            let finding = Literal::new("Finding")
                .field("id", lit(&f.id))
                .field("fact", self.fact(&f.id))
                .field("kind", format!("FindingKind::{:?}", f.kind))
                .field("group", lit(&f.group))
                // Evidence wording, shown only with the results.
                .field("label", self.deferred(&f.label))
                .field("question", question)
                .field("help", help)
                .field("why", lit(why))
                .field("regions", self.set(&f.regions))
                .field("min_age", opt_u8(f.min_age))
                .field("max_age", opt_u8(f.max_age))
                .field("runner_only", f.runner_only)
                .field("sexes", sexes)
                .field("asked_if", self.set(&f.asked_if))
                .field("unknown_age_only", f.unknown_age_only)
                .field("replaced", replaced)
                .field("same_as", self.set(&f.same_as))
                .field("recency", recency);
            let _ = writeln!(o, "{},", finding.end());
        }
        let _ = writeln!(o, "],");
    }

    fn conditions(&self, o: &mut String) {
        let _ = writeln!(o, "conditions: &[");
        for c in &self.content.conditions {
            let condition = Literal::new("Condition")
                .field("id", lit(&c.id))
                .field("name", self.deferred(&c.name))
                // Shown only beside the condition's name in the possible sources, which wait for
                // the after-Start text: compiling it in would never show it sooner, whatever its
                // mark (CLINICAL.md rule 13 is about what shows without the text).
                .field("summary", self.deferred(&c.summary.text))
                .field("care", level(c.care))
                .field("self_manage", c.self_manage)
                .field("supports", self.weighted(&c.supports))
                .field("against", self.weighted(&c.against))
                .field("against_if_no", self.weighted(&c.against_if_no))
                .field("needs_any", self.set(&c.needs_any))
                .field("watch_for", str_slice(&c.watch_for))
                .native("references", str_slice(&c.references));
            let _ = writeln!(o, "{},", condition.end());
        }
        let _ = writeln!(o, "],");
    }

    /// The facts only an answer given with the after-Start text can set: questions whose wording
    /// comes with it (symptom and history questions, and the safety questions about an area),
    /// and what "about your pain" asks. A fact another question sets too (`same_as`) counts as
    /// askable without it when that question is.
    fn needs_the_text(&self) -> std::collections::BTreeSet<&'a str> {
        let content = self.content;
        // A replaced v1 question is never asked in the widget: only the command line (which
        // has every text) can receive it.
        let with_text = |f: &Finding| {
            f.kind != FindingKind::RedFlag || !f.regions.is_empty() || !f.replaced_by.is_empty()
        };
        let mut facts: std::collections::BTreeSet<&str> = content
            .findings
            .iter()
            .filter(|f| with_text(f))
            .map(|f| f.id.as_str())
            .collect();
        for f in content.findings.iter().filter(|f| !with_text(f)) {
            for twin in &f.same_as {
                facts.remove(twin.as_str());
            }
        }
        facts.extend(
            [
                Derived::PainSevere,
                Derived::DurationUnder2Weeks,
                Derived::Duration3MonthsPlus,
                Derived::OnsetSudden,
                Derived::OnsetGradual,
            ]
            .iter()
            .map(|d| d.id()),
        );
        facts
    }

    fn rules(&self, o: &mut String) {
        let _ = writeln!(o, "rules: &[");
        let with_text = self.needs_the_text();
        for r in &self.content.rules {
            // A rule that can fire only on an answer given with the after-Start text shows its
            // action after that text has arrived: deferred with it (docs/safety.md H37). Every
            // other action (every emergency's among them) is compiled in.
            let needs_text = r.all.iter().any(|f| with_text.contains(f.as_str()))
                || (!r.any.is_empty() && r.any.iter().all(|f| with_text.contains(f.as_str())));
            // An emergency's reason shows on the emergency stop, before anything has
            // downloaded; the others explain a result whose actions are compiled in.
            let reason = if r.level == Level::Emergency && !needs_text {
                self.compiled(&r.reason)
            } else {
                self.deferred(&r.reason)
            };
            let action = if needs_text {
                self.deferred(&r.action)
            } else {
                self.compiled(&r.action)
            };
            let sources = r
                .sources
                .iter()
                .fold(0u32, |acc, id| acc | 1 << self.condition_index(id));
            let rule = Literal::new("Rule")
                .native("id", lit(&r.id))
                .field("level", level(r.level))
                .field("all", self.set(&r.all))
                .field("any", self.set(&r.any))
                .field("regions", self.set(&r.regions))
                .field("needs_pain", r.needs_pain)
                .field("min_age", opt_u8(r.min_age))
                .field("max_age", opt_u8(r.max_age))
                .field("runner_only", r.runner_only)
                .field("reason", reason)
                .field("action", action)
                .native("consider", str_slice(&r.consider))
                .field("sources", format!("{sources:#x}"));
            let _ = writeln!(o, "{},", rule.end());
        }
        let _ = writeln!(o, "],");
    }

    /// A plan's citations resolved at build time, so the browser needs no reference table.
    fn citations(&self, ids: &[String]) -> String {
        let handles: Vec<String> = ids
            .iter()
            .filter_map(|id| self.content.references.iter().find(|r| &r.id == id))
            .map(|r| self.deferred(&r.citation))
            .collect();
        handles.join(", ")
    }

    fn references(&self, o: &mut String) {
        let _ = writeln!(o, "#[cfg(not(target_arch = \"wasm32\"))]");
        let _ = writeln!(o, "references: &[");
        for r in &self.content.references {
            let reference = Literal::new("Reference")
                .field("id", lit(&r.id))
                .native("short", lit(&r.short))
                .field("citation", self.deferred(&r.citation));
            let _ = writeln!(o, "{},", reference.end());
        }
        let _ = writeln!(o, "],");
    }

    fn exercises(&self, o: &mut String) {
        let _ = writeln!(o, "exercises: &[");
        for e in &self.content.exercises {
            let also = e.also_called.as_ref().map_or_else(
                || "None".to_string(),
                |a| format!("Some({})", self.deferred(a)),
            );
            let exercise = Literal::new("Exercise")
                .native("id", lit(&e.id))
                .field("name", self.deferred(&e.name))
                .field("also_called", also)
                .field("kind", format!("ExerciseKind::{:?}", e.kind))
                .field("phase", e.phase)
                .field("steps", self.lines(&e.steps))
                .field("dosage", self.line(&e.dosage))
                .field(
                    "session",
                    self.deferred(&e.session.map(|s| s.encode()).unwrap_or_default()),
                )
                .field("cues", self.lines(&e.cues))
                .field("avoid", self.lines(&e.avoid))
                .native("references", str_slice(&e.references))
                .field(
                    "pose",
                    Literal::new("Illustration")
                        .field("description", self.deferred(&e.pose.description))
                        .field("drawing", self.deferred(&figure::drawing(&e.pose)))
                        .end(),
                );
            let _ = writeln!(o, "{},", exercise.end());
        }
        let _ = writeln!(o, "],");
    }

    fn phase(&self, phase: &Phase) -> String {
        let exercises: Vec<String> = phase
            .exercises
            .iter()
            .map(|id| self.exercise_index(id).to_string())
            .collect();
        format!(
            "Phase {{ name: {}, timing: {}, goal: {}, exercises: &[{}], move_on: {} }}",
            self.deferred(&phase.name),
            self.line(&phase.timing),
            self.line(&phase.goal),
            exercises.join(", "),
            self.lines(&phase.move_on)
        )
    }

    fn plans(&self, o: &mut String) {
        let _ = writeln!(o, "plans: &[");
        for p in &self.content.plans {
            let phases: Vec<String> = p.phases.iter().map(|ph| self.phase(ph)).collect();
            // A plan's review line says when to get seen: always compiled in.
            let plan = Literal::new("Plan")
                .field("condition", self.condition_index(&p.condition))
                .field("summary", self.line(&p.summary))
                .field("expected_course", self.line(&p.expected_course))
                .field("pain_rule", format!("PainRule::{:?}", p.pain_rule))
                .field("education", self.lines(&p.education))
                .field("avoid", self.lines(&p.avoid))
                .field("cross_training", self.lines(&p.cross_training))
                .field("return_to_run", self.lines(&p.return_to_run))
                .field("review", self.compiled(&p.review))
                .native("references", str_slice(&p.references))
                .field("citations", format!("&[{}]", self.citations(&p.references)))
                .field("phases", format!("&[{}]", phases.join(", ")));
            let _ = writeln!(o, "{},", plan.end());
        }
        let _ = writeln!(o, "],");
    }

    fn until_seen(&self, o: &mut String) {
        let _ = writeln!(o, "until_seen: &[");
        for u in &self.content.until_seen {
            let conditions: Vec<String> = u
                .conditions
                .iter()
                .map(|id| self.condition_index(id).to_string())
                .collect();
            let _ = writeln!(
                o,
                "UntilSeen {{ id: {}, conditions: &[{}], title: {}, advice: {} }},",
                lit(&u.id),
                conditions.join(", "),
                lit(&u.title),
                self.said_slice(&u.advice, true)
            );
        }
        let _ = writeln!(o, "],");
    }

    fn safety_net(&self, o: &mut String) {
        let net = &self.content.safety_net;
        let _ = writeln!(o, "levels: [");
        for t in Level::ALL.iter().filter_map(|l| net.levels.get(l)) {
            let _ = writeln!(
                o,
                "LevelText {{ headline: {}, how_soon: {}, who: {}, review: {}, with_plan: {} }},",
                lit(&t.headline),
                lit(&t.how_soon),
                lit(&t.who),
                self.said_slice(&t.review, true),
                // Shown only with a rehab plan, which comes with the after-Start text, and none
                // of them says to get seen or to stop (the lint below checks it).
                self.said_slice(&t.with_plan, false)
            );
        }
        let _ = writeln!(o, "],");
        let _ = writeln!(o, "always: {},", str_slice(&net.always));
        let _ = writeln!(o, "unsure_action: {},", lit(&net.unsure_action));
        let _ = writeln!(o, "no_answers: {},", lit(&net.no_answers));
        let w = &net.wording;
        let wording = Literal::new("Wording")
            .field("unsure_prefix", lit(&w.unsure_prefix))
            .field("condition_reason", lit(&w.condition_reason))
            .field("no_warning_signs", lit(&w.no_warning_signs))
            .field("best_fit", lit(&w.best_fit))
            .field("closest_fit", lit(&w.closest_fit))
            .field("no_clear_fit", lit(&w.no_clear_fit))
            .field("until_seen_timing", lit(&w.until_seen_timing))
            .field("until_seen_goal", lit(&w.until_seen_goal))
            .field("likely", lit(&w.likely))
            .field("possible", lit(&w.possible))
            .field("less_likely", lit(&w.less_likely))
            .field("nothing_headline", lit(&w.nothing_headline))
            .field("nothing_how_soon", lit(&w.nothing_how_soon))
            .field("nothing_who", lit(&w.nothing_who));
        let _ = writeln!(o, "wording: {},", wording.end());
    }

    /// `content/interface.toml`: the results, the symptom step's and the diagram's wording, all
    /// deferred.
    fn interface_wording(&self, o: &mut String) {
        let w = &self.content.interface.results;
        let fields = [
            ("sources_intro", &w.sources_intro),
            ("why_we_think", &w.why_we_think),
            ("evidence_for", &w.evidence_for),
            ("evidence_against", &w.evidence_against),
            ("move_on_when", &w.move_on_when),
            ("education_heading", &w.education_heading),
            ("plan_avoid_heading", &w.plan_avoid_heading),
            ("cross_training_heading", &w.cross_training_heading),
            ("return_to_run_heading", &w.return_to_run_heading),
            ("review_heading", &w.review_heading),
            ("references_heading", &w.references_heading),
            ("plan_this_week", &w.plan_this_week),
            ("later_phases", &w.later_phases),
            ("phase_done", &w.phase_done),
            ("move_on_tick", &w.move_on_tick),
            ("move_on_ready", &w.move_on_ready),
            ("plan_more", &w.plan_more),
            ("answered_no", &w.answered_no),
            ("painful_area", &w.painful_area),
            ("sources_heading", &w.sources_heading),
            ("exercise_steps", &w.exercise_steps),
            ("dosage", &w.dosage),
            ("cues", &w.cues),
            ("exercise_avoid", &w.exercise_avoid),
            ("illustration_of", &w.illustration_of),
            ("likely", &w.likely),
            ("possible", &w.possible),
            ("less_likely", &w.less_likely),
        ];
        let derived: Vec<&str> = Derived::ALL
            .iter()
            .map(|d| w.derived.get(d.id()).map_or("", String::as_str))
            .collect();
        self.deferred_struct(
            o,
            "results_wording: ResultsWording",
            &fields,
            ("derived", &derived),
        );
        let s = &self.content.interface.symptoms;
        let fields = [
            ("intro", &s.intro),
            ("pain_now_label", &s.pain_now_label),
            ("pain_now_none", &s.pain_now_none),
            ("pain_now_worst", &s.pain_now_worst),
            ("pain_not_given", &s.pain_not_given),
            ("duration_legend", &s.duration_legend),
            ("onset_legend", &s.onset_legend),
            ("onset_sudden", &s.onset_sudden),
            ("onset_gradual", &s.onset_gradual),
            ("answer_rest", &s.answer_rest),
            ("answer_rest_note", &s.answer_rest_note),
            ("your_answers", &s.your_answers),
            ("together_heading", &s.together_heading),
            ("together_intro", &s.together_intro),
            ("question_number", &s.question_number),
            ("up_to_more", &s.up_to_more),
            ("last_question", &s.last_question),
            ("safety_question", &s.safety_question),
        ];
        let durations: Vec<&str> = s.durations.iter().map(String::as_str).collect();
        self.deferred_struct(
            o,
            "symptoms_wording: SymptomsWording",
            &fields,
            ("durations", &durations),
        );
        let d = &self.content.interface.diagram;
        let fields = [
            ("views_label", &d.views_label),
            ("side_switch_label", &d.side_switch_label),
            ("left_side", &d.left_side),
            ("right_side", &d.right_side),
            ("your_left", &d.your_left),
            ("your_right", &d.your_right),
            ("front_on_right", &d.front_on_right),
            ("front_on_left", &d.front_on_left),
            ("prefer_list", &d.prefer_list),
            ("prefer_diagram", &d.prefer_diagram),
        ];
        let seen_from: Vec<&str> = d.seen_from.iter().map(String::as_str).collect();
        self.deferred_struct(
            o,
            "diagram_wording: DiagramWording",
            &fields,
            ("seen_from", &seen_from),
        );
    }

    /// `head { field: Text(..), …, list: [Text(..), …] },` with every text deferred.
    fn deferred_struct(
        &self,
        o: &mut String,
        head: &str,
        fields: &[(&str, &String)],
        list: (&str, &[&str]),
    ) {
        let _ = writeln!(o, "{head} {{");
        for (name, text) in fields {
            let _ = writeln!(o, "{name}: {},", self.deferred(text));
        }
        let items: Vec<String> = list.1.iter().map(|t| self.deferred(t)).collect();
        let _ = writeln!(o, "{}: [{}],", list.0, items.join(", "));
        let _ = writeln!(o, "}},");
    }

    fn compiled_texts(&self, o: &mut String) {
        let texts: Vec<String> = self.compiled_in.borrow().iter().map(|t| lit(t)).collect();
        let _ = writeln!(
            o,
            "/// Results text compiled in (advice about getting seen), for `Text` handles with `COMPILED_IN` set."
        );
        let _ = writeln!(
            o,
            "pub static COMPILED_TEXTS: &[&str] = &[{}];",
            texts.join(", ")
        );
    }
}

/// The widget's catalog in `lang` (`src/ui/messages.rs` includes it: each `[app]` key of
/// `ui.toml` becomes a field, so a key missing or unknown fails to compile) and its crash
/// screen. `languages`: every language built, each with its own name for itself.
pub fn messages(ui: &UiWords, lang: &str, languages: &[(&str, String)]) -> String {
    let literal = |word: &UiText| match word {
        UiText::One(text) => format!("{text:?}"),
        UiText::Many(list) => {
            let items: Vec<String> = list.iter().map(|t| format!("{t:?}")).collect();
            format!("[{}]", items.join(", "))
        }
    };
    // `language_name` goes into every build's `languages`.
    let fields: String = ui
        .app
        .iter()
        .filter(|(key, _)| key.as_str() != "language_name")
        .map(|(key, word)| format!("    {key}: {},\n", literal(word)))
        .collect();
    let languages: Vec<String> = languages
        .iter()
        .map(|(code, name)| format!("({code:?}, {name:?})"))
        .collect();
    let html = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let crash = &ui.crash;
    let crashed = format!(
        r#"<section class="hc-app" lang="{lang}" aria-label="HipCheck"><div class="hc-card hc-crashed" role="alert"><h2>{}</h2><p>{}</p><p><a class="hc-button hc-primary" href="">{}</a></p></div></section>"#,
        html(&crash.heading),
        html(&crash.text),
        html(&crash.button)
    );
    format!(
        "// Generated by build.rs from content/ui.toml. Do not edit.\n\
         pub static MESSAGES: Messages = Messages {{\n    lang: {lang:?},\n    languages: &[{}],\n{fields}}};\n\
         /// Static markup (no user content) shown in place of every widget after a panic.\n\
         pub const CRASHED: &str = {crashed:?};\n",
        languages.join(", ")
    )
}

/// The interface's words: the widget's catalog in the built language (`messages.rs`), and every
/// language's words for the page and the hand-off module with the ids and codes the module
/// shares with the engine (`ui-words.json`, read by scripts/postbuild.mjs; `hipcheck content
/// ui-words` prints the same).
pub fn ui_words(
    dir: &Path,
    languages: &[&str],
    built: &str,
    write: &dyn Fn(&str, &str) -> Result<(), String>,
) -> Result<(), String> {
    let mut all = Vec::new();
    for &lang in languages {
        all.push((
            lang,
            crate::content::ui_words(dir, lang).map_err(|e| e.to_string())?,
        ));
    }
    let names: Vec<(&str, String)> = all
        .iter()
        .map(|(lang, ui)| match ui.app.get("language_name") {
            Some(UiText::One(name)) => Ok((*lang, name.clone())),
            _ => Err(format!(
                "content/{lang}/ui.toml: [app] language_name is missing"
            )),
        })
        .collect::<Result<_, _>>()?;
    let scripts: serde_json::Map<String, serde_json::Value> = all
        .iter()
        .map(|(lang, ui)| (lang.to_string(), ui.for_scripts()))
        .collect();
    let shipped = serde_json::json!({
        "languages": scripts,
        "vocabulary": crate::content::fhir::handoff_vocabulary(),
    });
    write("ui-words.json", &shipped.to_string())?;
    let (_, ui) = all
        .iter()
        .find(|(lang, _)| *lang == built)
        .ok_or("no built language")?;
    write("messages.rs", &messages(ui, built, &names))
}

/// The results text of one language: its body, its file name `texts-HASH.txt` (FNV-1a of the
/// body; scripts/postbuild.mjs ships the one the wasm names) and the constants naming it.
pub fn results_text(texts: &[String]) -> Result<(String, String, String), String> {
    // Handles are u16 with the top bit marking compiled-in text.
    if texts.len() >= usize::from(COMPILED_IN) {
        return Err(format!(
            "{} results texts, more than a handle can index",
            texts.len()
        ));
    }
    // The browser splits the file on line breaks; one inside a text would shift every id.
    if let Some(text) = texts.iter().find(|t| t.contains('\n')) {
        return Err(format!(
            "content text has a line break, which results text cannot hold: {text:?}"
        ));
    }
    let body = texts.join("\n");
    let hash = crate::fnv1a::fnv1a(body.as_bytes());
    let file = format!("texts-{hash:016x}.txt");
    let consts = format!(
        "/// Results-only text, loaded by the browser when the person starts (see `texts`).\n\
         pub const TEXTS_FILE: &str = {file:?};\n\
         pub const TEXTS_HASH: u64 = {hash:#x};\n\
         pub const TEXTS_COUNT: usize = {};\n",
        texts.len()
    );
    Ok((body, file, consts))
}

/// One language's knowledge base: in a browser build the module itself (one language), natively
/// a `lang_<id>` module; its results text written beside it. The first language also writes the
/// facts table and the FHIR Questionnaire (shipped beside the widget in the build's language:
/// a shared check lists its answers with these questions). Returns the code and the results
/// text's file name.
pub fn language_module(
    content: &Content,
    browser: bool,
    first: bool,
    write: &dyn Fn(&str, &str) -> Result<(), String>,
) -> Result<(String, String), String> {
    let lang = content.lang;
    let generated = generate(content);
    let mut code = String::new();
    if first {
        code.push_str(&generated.facts);
        let questionnaire =
            serde_json::to_string_pretty(&crate::content::fhir::questionnaire(content))
                .map_err(|e| format!("questionnaire.json: {e}"))?;
        write("questionnaire.json", &questionnaire)?;
    }
    let (body, file, consts) = results_text(&generated.results_texts)?;
    if browser {
        code.push_str(&generated.code);
        code.push_str(&consts);
        let _ = writeln!(
            code,
            "/// The language of every word of this build.\npub const LANGUAGE: &str = {lang:?};"
        );
        write("texts.txt", &body)?;
    } else {
        let _ = writeln!(
            code,
            "pub mod lang_{lang} {{\nuse super::*;\n{}{consts}}}",
            generated.code
        );
    }
    write(&format!("texts_{lang}.txt"), &body)?;
    write(&file, &body)?;
    Ok((code, file))
}

/// Natively: every language's knowledge base and results text, English first.
pub fn languages_table(languages: &[&str]) -> String {
    let entries: Vec<String> = languages
        .iter()
        .map(|l| {
            Literal::new("Language")
                .field("id", format!("{l:?}"))
                .field("kb", format!("&lang_{l}::KB"))
                .field("compiled_texts", format!("lang_{l}::COMPILED_TEXTS"))
                .field(
                    "texts",
                    format!("include_str!(concat!(env!(\"OUT_DIR\"), \"/texts_{l}.txt\"))"),
                )
                .field("texts_hash", format!("lang_{l}::TEXTS_HASH"))
                .field("texts_count", format!("lang_{l}::TEXTS_COUNT"))
                .end()
        })
        .collect();
    format!(
        "/// Every language, English first.\npub static LANGUAGES: &[Language] = &[{}];\n",
        entries.join(", ")
    )
}
