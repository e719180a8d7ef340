//! The knowledge base compiled into the program. `build.rs` validates `content/` and generates
//! [`KB`] from it, with every id already resolved to an index, so neither the browser nor the
//! engine parses or looks anything up by name at run time.

pub use crate::vocabulary::{
    Audience, Derived, ExerciseKind, FindingKind, Level, PainRule, Recency, View, COMPILED_IN,
};

impl Level {
    pub fn text(self) -> &'static LevelText {
        &KB.levels[self as usize]
    }
}

/// A set of facts (regions, findings and derived facts) as bits: facts are numbered by
/// `build.rs`, regions first, then findings, then the derived facts.
pub type FactSet = u128;

/// An index into [`Kb::facts`].
pub type Fact = u8;

#[derive(Debug, PartialEq)]
pub struct Region {
    pub id: &'static str,
    pub view: View,
    pub label: &'static str,
}

#[derive(Debug, PartialEq)]
pub struct Finding {
    pub id: &'static str,
    pub fact: Fact,
    pub kind: FindingKind,
    pub group: &'static str,
    /// Evidence wording, results text (empty in the browser until the file has loaded).
    pub label: Text,
    /// Compiled in for red flags; after-Start text for symptom questions (empty in the browser
    /// until the file has loaded).
    pub question: Text,
    /// After-Start text (empty in the browser until the file has loaded).
    pub help: Text,
    /// For an emergency question, the reason of the first emergency rule that uses it (compiled
    /// in): what the safety screen explains it with, asking it again after "not sure", until
    /// `help` has downloaded (CLINICAL.md rule 2). Empty for other findings.
    pub why: &'static str,
    /// Asked when any of these regions is picked (region facts); empty means always asked.
    pub regions: FactSet,
    pub min_age: Option<u8>,
    pub max_age: Option<u8>,
    pub runner_only: bool,
    /// Asked only for these sexes (bits of [`crate::vocabulary::Sex::bit`]); 0 = everyone.
    pub sexes: u8,
    /// A follow-up: asked only once one of these findings is answered yes or not sure.
    pub asked_if: FactSet,
    /// Asked only when no age was given.
    pub unknown_age_only: bool,
    /// An id from an earlier contract whose question was split or reworded: accepted and used
    /// by rules, never asked.
    pub replaced: bool,
    /// Findings asking the same thing on another step: an answer here counts for them too.
    pub same_as: FactSet,
    /// Asked only for recent (under 2 weeks) or lasting pain; `None`: whatever the duration.
    pub recency: Option<Recency>,
}

#[derive(Debug, PartialEq)]
pub struct Weighted {
    pub fact: Fact,
    pub weight: u8,
}

#[derive(Debug, PartialEq)]
pub struct Condition {
    pub id: &'static str,
    /// After-Start text: the result's reasons and sources read it; its level, actions and
    /// warning signs never wait for it.
    pub name: Text,
    pub summary: Text,
    pub care: Level,
    pub self_manage: bool,
    pub supports: &'static [Weighted],
    pub against: &'static [Weighted],
    pub against_if_no: &'static [Weighted],
    /// Hallmark facts; without one of them the condition stays "less likely".
    pub needs_any: FactSet,
    pub watch_for: &'static [&'static str],
    /// For the CLI and exports; the widget cites the plan's references.
    #[cfg(not(target_arch = "wasm32"))]
    pub references: &'static [&'static str],
}

#[derive(Debug, PartialEq)]
pub struct Rule {
    /// For the CLI and exports; the widget shows a rule by its wording.
    #[cfg(not(target_arch = "wasm32"))]
    pub id: &'static str,
    pub level: Level,
    pub all: FactSet,
    pub any: FactSet,
    pub regions: FactSet,
    pub needs_pain: bool,
    pub min_age: Option<u8>,
    pub max_age: Option<u8>,
    pub runner_only: bool,
    /// Compiled in for emergency rules; after-Start text for the others.
    pub reason: Text,
    /// Compiled in, but for a rule that can fire only on an answer given with the after-Start
    /// text (an area's safety question, a symptom, "about your pain"): that text.
    pub action: Text,
    /// Diagnoses a clinician should consider: for the CLI and exports, not shown in the widget
    /// (native only: about 1 KB brotli of the first load).
    #[cfg(not(target_arch = "wasm32"))]
    pub consider: &'static [&'static str],
    /// Bits of indices into [`Kb::conditions`]: the sources this rule is about (CLINICAL.md
    /// rule 14), first in knowledge-base order.
    pub sources: u32,
}

#[derive(Debug, PartialEq)]
pub struct Reference {
    pub id: &'static str,
    #[cfg(not(target_arch = "wasm32"))]
    pub short: &'static str,
    pub citation: Text,
}

/// An exercise illustration: its description for screen readers and its drawing, SVG path
/// data made at build time (`content::figure`); both after-Start text.
#[derive(Debug, PartialEq)]
pub struct Illustration {
    pub description: Text,
    pub drawing: Text,
}

#[derive(Debug, PartialEq)]
pub struct Exercise {
    /// For the CLI and exports; the widget finds an exercise by its index.
    #[cfg(not(target_arch = "wasm32"))]
    pub id: &'static str,
    pub name: Text,
    pub also_called: Option<Text>,
    pub kind: ExerciseKind,
    pub phase: u8,
    pub steps: &'static [Text],
    pub dosage: Text,
    /// The guided session's dose, "sets reps hold each-side", or empty (`SessionDose::encode`).
    pub session: Text,
    pub cues: &'static [Text],
    pub avoid: &'static [Text],
    #[cfg(not(target_arch = "wasm32"))]
    pub references: &'static [&'static str],
    pub pose: Illustration,
}

#[derive(Debug, PartialEq)]
pub struct Phase {
    pub name: Text,
    pub timing: Text,
    pub goal: Text,
    /// Indices into [`Kb::exercises`].
    pub exercises: &'static [u16],
    pub move_on: &'static [Text],
}

#[derive(Debug, PartialEq)]
pub struct Plan {
    /// Index into [`Kb::conditions`].
    pub condition: u8,
    pub summary: Text,
    pub expected_course: Text,
    pub pain_rule: PainRule,
    pub education: &'static [Text],
    pub avoid: &'static [Text],
    pub cross_training: &'static [Text],
    pub return_to_run: &'static [Text],
    pub review: Text,
    #[cfg(not(target_arch = "wasm32"))]
    pub references: &'static [&'static str],
    /// The references' citations, resolved at build time for the widget.
    pub citations: &'static [Text],
    pub phases: &'static [Phase],
}

#[derive(Debug, PartialEq)]
pub struct UntilSeen {
    pub id: &'static str,
    /// Indices into [`Kb::conditions`]; empty for the general fallback.
    pub conditions: &'static [u8],
    pub title: &'static str,
    pub advice: &'static [Said],
}

/// A compiled-in sentence and who it may be shown to (bits of [`Audience::bit`], all must
/// hold; 0 = everyone). CLINICAL.md rule 15.
#[derive(Debug, PartialEq)]
pub struct Said {
    pub text: Text,
    pub only: u8,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LevelText {
    pub headline: &'static str,
    pub how_soon: &'static str,
    pub who: &'static str,
    pub review: &'static [Said],
    /// Shown after `review` only with a phased exercise plan.
    pub with_plan: &'static [Said],
}

/// Interface wording shown only with the plan and the evidence (`content/interface.toml`):
/// results text, empty until it has downloaded.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultsWording {
    pub sources_intro: Text,
    pub why_we_think: Text,
    pub evidence_for: Text,
    pub evidence_against: Text,
    pub move_on_when: Text,
    pub education_heading: Text,
    pub plan_avoid_heading: Text,
    pub cross_training_heading: Text,
    pub return_to_run_heading: Text,
    pub review_heading: Text,
    pub references_heading: Text,
    /// The current phase's heading, first in the plan.
    pub plan_this_week: Text,
    /// Before each later phase's one line ("Later: Load · weeks 2-8").
    pub later_phases: Text,
    /// Before each phase already passed.
    pub phase_done: Text,
    /// Above the current phase's criteria to tick.
    pub move_on_tick: Text,
    /// The button that moves on once every criterion is ticked.
    pub move_on_ready: Text,
    /// Everything else about the plan, collapsed.
    pub plan_more: Text,
    pub answered_no: Text,
    pub painful_area: Text,
    pub sources_heading: Text,
    pub exercise_steps: Text,
    pub dosage: Text,
    pub cues: Text,
    pub exercise_avoid: Text,
    /// "Illustration: {description}", an exercise figure's accessible name.
    pub illustration_of: Text,
    /// The sources' badges.
    pub likely: Text,
    pub possible: Text,
    pub less_likely: Text,
    /// In `Derived::ALL` order.
    pub derived: [Text; Derived::ALL.len()],
}

/// "About your pain" and the review of answers (`content/interface.toml`): results text.
#[derive(Debug, Clone, PartialEq)]
pub struct SymptomsWording {
    pub intro: Text,
    pub pain_now_label: Text,
    pub pain_now_none: Text,
    pub pain_now_worst: Text,
    pub pain_not_given: Text,
    pub duration_legend: Text,
    pub onset_legend: Text,
    pub onset_sudden: Text,
    pub onset_gradual: Text,
    pub answer_rest: Text,
    pub answer_rest_note: Text,
    pub your_answers: Text,
    pub together_heading: Text,
    pub together_intro: Text,
    /// "Question {n}", read before each question on the one-question screen.
    pub question_number: Text,
    /// "up to {k} more": how many questions may remain (it can shrink).
    pub up_to_more: Text,
    pub last_question: Text,
    pub safety_question: Text,
    pub durations: [Text; 4],
}

/// The body diagram's own words (`content/interface.toml`, `[diagram]`): results text, like the
/// drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct DiagramWording {
    pub views_label: Text,
    pub side_switch_label: Text,
    pub left_side: Text,
    pub right_side: Text,
    pub your_left: Text,
    pub your_right: Text,
    pub front_on_right: Text,
    pub front_on_left: Text,
    pub prefer_list: Text,
    pub prefer_diagram: Text,
    /// Front, back, right side, left side.
    pub seen_from: [Text; 4],
}

#[derive(Debug, Clone, PartialEq)]
pub struct Kb {
    /// Every fact id, by fact number: regions, then findings, then derived facts.
    pub facts: &'static [&'static str],
    pub regions: &'static [Region],
    pub findings: &'static [Finding],
    pub conditions: &'static [Condition],
    pub rules: &'static [Rule],
    /// For the CLI and exports; the widget reads a plan's `citations`.
    #[cfg(not(target_arch = "wasm32"))]
    pub references: &'static [Reference],
    pub exercises: &'static [Exercise],
    pub plans: &'static [Plan],
    pub until_seen: &'static [UntilSeen],
    /// Indexed by `Level as usize`.
    pub levels: [LevelText; 5],
    pub always: &'static [&'static str],
    /// The action of a rule capped at same-day because an answer was "not sure".
    pub unsure_action: &'static str,
    pub no_answers: &'static str,
    pub wording: Wording,
    pub results_wording: ResultsWording,
    pub symptoms_wording: SymptomsWording,
    pub diagram_wording: DiagramWording,
    /// The body diagram: front, back, side (right), side (left).
    pub map: [MapPicture; 4],
}

/// One picture of the body diagram (`content/diagram/`, `content::diagram`).
#[derive(Debug, Clone, PartialEq)]
pub struct MapPicture {
    /// `code:d` fields joined by `|`: b body, o bone, f fold, m mark, t and l the side view's
    /// thumbnail and its leg. After-Start text.
    pub drawing: Text,
    /// In keyboard order: top to bottom, then left to right.
    pub targets: &'static [MapTarget],
}

/// A tap target: a region on one side.
#[derive(Debug, PartialEq)]
pub struct MapTarget {
    /// Index into [`Kb::regions`].
    pub region: u8,
    pub left: bool,
    /// The outline's path data, `|`, a tick at its centre. After-Start text.
    pub shape: Text,
    /// The baseline of its name, shown centred across the picture.
    pub label_y: i16,
}

/// Sentences the engine assembles (`safety_net.toml` `[wording]`); `{name}`, `{likelihood}`
/// and `{how_soon}` are filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct Wording {
    pub unsure_prefix: &'static str,
    pub condition_reason: &'static str,
    pub no_warning_signs: &'static str,
    pub best_fit: &'static str,
    pub closest_fit: &'static str,
    pub no_clear_fit: &'static str,
    pub until_seen_timing: &'static str,
    pub until_seen_goal: &'static str,
    pub likely: &'static str,
    pub possible: &'static str,
    pub less_likely: &'static str,
    pub nothing_headline: &'static str,
    pub nothing_how_soon: &'static str,
    pub nothing_who: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/kb.rs"));

#[cfg(not(target_arch = "wasm32"))]
pub use languages::{language, language_index, set_language, KB};

/// A language of a native build: the command line and the tests carry them all
/// (`hipcheck assess --lang es`); a browser build carries one (`LANGUAGE`).
#[cfg(not(target_arch = "wasm32"))]
pub struct Language {
    pub id: &'static str,
    pub kb: &'static Kb,
    pub compiled_texts: &'static [&'static str],
    pub texts: &'static str,
    pub texts_hash: u64,
    pub texts_count: usize,
}

#[cfg(not(target_arch = "wasm32"))]
mod languages {
    use std::cell::Cell;

    use super::{Kb, Language, LANGUAGES};

    thread_local! {
        /// Per thread, so tests in parallel threads never see each other's language.
        static CURRENT: Cell<usize> = const { Cell::new(0) };
    }

    /// The current language's position in [`LANGUAGES`] (English unless [`set_language`] chose
    /// another).
    pub fn language_index() -> usize {
        CURRENT.with(Cell::get)
    }

    pub fn current() -> &'static Language {
        &LANGUAGES[language_index()]
    }

    /// The current language's id.
    pub fn language() -> &'static str {
        current().id
    }

    /// Chooses the language of the wording on this thread; `false` (and no change) for a
    /// language the build does not carry.
    pub fn set_language(id: &str) -> bool {
        match LANGUAGES.iter().position(|l| l.id == id) {
            Some(i) => {
                CURRENT.with(|c| c.set(i));
                true
            }
            None => false,
        }
    }

    /// The knowledge base in the current language: `KB.findings` etc. read through it.
    pub struct LanguageKb;

    impl std::ops::Deref for LanguageKb {
        type Target = Kb;
        fn deref(&self) -> &Kb {
            current().kb
        }
    }

    pub static KB: LanguageKb = LanguageKb;
}

#[cfg(not(target_arch = "wasm32"))]
fn compiled_texts() -> &'static [&'static str] {
    languages::current().compiled_texts
}

#[cfg(target_arch = "wasm32")]
fn compiled_texts() -> &'static [&'static str] {
    COMPILED_TEXTS
}

/// The language of a browser build's wording.
#[cfg(target_arch = "wasm32")]
pub fn language() -> &'static str {
    LANGUAGE
}

/// The current language's results text: its hash and line count, to check a file against.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn results_text() -> (u64, usize) {
    let l = languages::current();
    (l.texts_hash, l.texts_count)
}

#[cfg(target_arch = "wasm32")]
pub(crate) fn results_text() -> (u64, usize) {
    (TEXTS_HASH, TEXTS_COUNT)
}

/// Results-only content text: an index into a separate file the browser loads once the person
/// starts ([`crate::texts`]), which keeps the first download small; two bytes in the compiled
/// knowledge base instead of a string. Advice about getting seen is never deferred: `build.rs`
/// compiles it into [`COMPILED_TEXTS`] and sets [`COMPILED_IN`] on its handle. Natively the
/// file is compiled in too, so every handle always resolves there.
///
/// No `Deref` or `Display`: in the browser a deferred text is empty until the file has loaded,
/// so every use goes through [`Text::get`] next to a check of [`crate::texts::installed`].
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Text(pub u16);

impl Text {
    /// The text; empty in the browser for deferred text until the file has loaded.
    pub fn get(self) -> &'static str {
        if self.is_compiled_in() {
            compiled_texts()
                .get(usize::from(self.0 & !COMPILED_IN))
                .copied()
                .unwrap_or("")
        } else {
            crate::texts::get(self.0)
        }
    }

    /// Whether the text is in the wasm itself, so it shows even if the results text never loads.
    pub fn is_compiled_in(self) -> bool {
        self.0 & COMPILED_IN != 0
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Text({:#x})", self.0)
    }
}

impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.get())
    }
}

impl Kb {
    pub fn fact(&self, id: &str) -> Option<Fact> {
        self.facts.iter().position(|f| *f == id).map(|i| i as Fact)
    }

    pub fn region(&self, id: &str) -> Option<&'static Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    pub fn finding(&self, id: &str) -> Option<&'static Finding> {
        self.findings.iter().find(|f| f.id == id)
    }

    pub fn condition(&self, id: &str) -> Option<&'static Condition> {
        self.conditions.iter().find(|c| c.id == id)
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn exercise(&self, id: &str) -> Option<&'static Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    /// The phased plan of a condition, by condition id.
    pub fn plan(&self, condition: &str) -> Option<&'static Plan> {
        let index = self.conditions.iter().position(|c| c.id == condition)?;
        self.plans.iter().find(|p| p.condition as usize == index)
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn reference(&self, id: &str) -> Option<&'static Reference> {
        self.references.iter().find(|r| r.id == id)
    }
}

impl Derived {
    pub fn fact(self) -> Fact {
        DERIVED_BASE + self as Fact
    }
}
