//! The knowledge base as a clinic's physiotherapist edits it: the entries of `content/*.toml`
//! as owned structs. Closed sets of values are real enums (`crate::vocabulary`), so an unknown
//! value is refused while loading, naming file, entry and field.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::vocabulary::{
    Audience, BodyPoint, ExerciseKind, FindingKind, Level, PainRule, PoseView, Prop, Recency, Sex,
    View,
};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub view: View,
    pub label: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub id: String,
    pub kind: FindingKind,
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
    pub sexes: Vec<Sex>,
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
    /// Asked only for pain of under 2 weeks (`recent`) or of 2 weeks or more (`lasting`); both
    /// when the duration is not known.
    #[serde(default)]
    pub recency: Option<Recency>,
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

/// A compiled-in sentence and who it may be shown to (CLINICAL.md rule 15): a plain string is
/// for everyone; `{ text = "…", only = ["runners"] }` only for people every listed audience
/// fits. The engine filters; wording is never matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub text: String,
    pub only: Vec<Audience>,
}

impl<'de> Deserialize<'de> for Said {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Plain(String),
            Limited(LimitedSaid),
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct LimitedSaid {
            text: String,
            only: Vec<Audience>,
        }
        Ok(match Raw::deserialize(deserializer)? {
            Raw::Plain(text) => Said {
                text,
                only: Vec::new(),
            },
            Raw::Limited(l) => Said {
                text: l.text,
                only: l.only,
            },
        })
    }
}

impl AsRef<str> for Said {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub id: String,
    pub name: String,
    pub summary: Line,
    /// The care level this condition needs when it leads the ranking.
    pub care: Level,
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
    pub level: Level,
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
    /// The possible sources (conditions) this rule is about (CLINICAL.md rule 14): when it sets
    /// the level at within-days or above, the best placed of them is named among the first
    /// three sources, with no self-managed condition "likely" above it.
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub id: String,
    pub short: String,
    pub citation: String,
    /// Its short name and citation are wording a reader reads (expert opinion), not a published
    /// title: each language translates them (`content/<lang>/references.toml`).
    #[serde(default)]
    pub wording: bool,
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
    /// A foot's own direction, heel to toe (90: flat on level ground); without it, at right
    /// angles to its shin.
    #[serde(default)]
    pub work_foot: Option<i16>,
    #[serde(default)]
    pub other_foot: Option<i16>,
    /// The second arm (the far one, drawn behind), when it does something else; without it in
    /// either pose the two arms move as one.
    #[serde(default)]
    pub far_upper_arm: Option<i16>,
    #[serde(default)]
    pub far_forearm: Option<i16>,
    /// Where the face looks (90: ahead, 180: up, 0: down), drawn as the nose with the head
    /// tipped that way; without it in either pose, no face.
    #[serde(default)]
    pub look: Option<i16>,
    /// Lying on the side only: degrees the working knee turns up away from the other while its
    /// foot stays (a clamshell).
    #[serde(default)]
    pub work_open: Option<i16>,
    /// Lying on the side only: degrees a whole leg turns up from where it lies (negative: down
    /// towards the floor).
    #[serde(default)]
    pub work_lift: Option<i16>,
    #[serde(default)]
    pub other_lift: Option<i16>,
    /// Lying on the side only: degrees the trunk turns up off the floor about the hips, and the
    /// whole body about the feet (a side plank). Either one props the body on the arm: its
    /// elbow under the shoulder, its forearm on the floor towards the viewer.
    #[serde(default)]
    pub trunk_lift: Option<i16>,
    #[serde(default)]
    pub body_lift: Option<i16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tether {
    pub from: BodyPoint,
    pub dx: i16,
    pub dy: i16,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Illustration {
    pub view: PoseView,
    pub prop: Prop,
    /// Where the prop touches the body (default: the prop's usual place, `figure::prop_point`).
    #[serde(default)]
    pub on: Option<BodyPoint>,
    /// A band, strap or hand-hold tied to something that does not move: a line from a body point
    /// to an anchor `dx`, `dy` units from where that point is in the start pose (dy < 0: above).
    #[serde(default)]
    pub tether: Option<Tether>,
    /// Something worn that moves with the body, drawn as a small block at that point: an ankle
    /// weight (`work-ankle`), a float belt (`pelvis`).
    #[serde(default)]
    pub worn: Option<BodyPoint>,
    /// Degrees the ground rises the way the figure faces (a hill).
    #[serde(default)]
    pub slope: i16,
    /// The points whose paths get an arrow; without, the one that moves most.
    #[serde(default)]
    pub arrows: Vec<BodyPoint>,
    /// The point that stays where it is between the poses, resting on the floor or the prop
    /// (`content check` refuses one in the air).
    pub fixed: BodyPoint,
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
    pub kind: ExerciseKind,
    pub phase: u8,
    pub steps: Vec<Line>,
    pub dosage: Line,
    /// The starting dose as numbers, for the guided session (none for running and
    /// cross-training, which are not part of one).
    #[serde(default)]
    pub session: Option<SessionDose>,
    #[serde(default)]
    pub cues: Vec<Line>,
    #[serde(default)]
    pub avoid: Vec<Line>,
    pub references: Vec<String>,
    pub pose: Illustration,
}

/// `session = { sets, reps, hold, each_side }`: each number the start of a range in the
/// exercise's `dosage` (checked), so the words and the session agree.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionDose {
    #[serde(default = "one")]
    pub sets: u8,
    /// Repeats per set; for a hold exercise, how many holds.
    pub reps: u8,
    /// Seconds per hold; 0 for an exercise that is not held.
    #[serde(default)]
    pub hold: u8,
    #[serde(default)]
    pub each_side: bool,
}

fn one() -> u8 {
    1
}

impl SessionDose {
    /// As the widget reads it (`data-session`, assets/handoff.mjs `sessionDose`): "sets reps hold
    /// each-side", e.g. "3 6 0 1".
    pub fn encode(&self) -> String {
        format!(
            "{} {} {} {}",
            self.sets,
            self.reps,
            self.hold,
            u8::from(self.each_side)
        )
    }
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
    pub pain_rule: PainRule,
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
    pub advice: Vec<Said>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyNet {
    pub always: Vec<String>,
    /// Level id → what to do at that level: the banner's headline, how soon and who to see.
    pub levels: BTreeMap<Level, LevelText>,
    pub unsure_action: String,
    pub no_answers: String,
    pub wording: Wording,
}

/// Sentences the engine assembles, so that no English lives in `src/engine/`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wording {
    pub unsure_prefix: String,
    pub condition_reason: String,
    pub no_warning_signs: String,
    pub best_fit: String,
    /// The summary when even the first source is "less likely" (CLINICAL.md rule 14: never
    /// "best fit" and "less likely" at once).
    pub closest_fit: String,
    pub no_clear_fit: String,
    pub until_seen_timing: String,
    pub until_seen_goal: String,
    pub likely: String,
    pub possible: String,
    pub less_likely: String,
    pub nothing_headline: String,
    pub nothing_how_soon: String,
    pub nothing_who: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelText {
    pub headline: String,
    pub how_soon: String,
    pub who: String,
    pub review: Vec<Said>,
    /// Shown after `review` only when a phased exercise plan is shown ("safe to start").
    #[serde(default)]
    pub with_plan: Vec<Said>,
}

/// `interface.toml`: interface wording shown only with the plan and the evidence, which therefore
/// travels in the results text instead of the first load.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interface {
    pub results: ResultsWording,
    pub symptoms: SymptomsWording,
    pub diagram: DiagramWording,
    pub questionnaire: QuestionnaireWording,
}

/// The body diagram's own words: deferred like the drawing they label.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiagramWording {
    pub views_label: String,
    pub side_switch_label: String,
    pub left_side: String,
    pub right_side: String,
    pub your_left: String,
    pub your_right: String,
    pub front_on_right: String,
    pub front_on_left: String,
    pub prefer_list: String,
    pub prefer_diagram: String,
    /// How each picture is seen: front, back, right side, left side.
    pub seen_from: [String; 4],
}

/// The FHIR Questionnaire's own item texts (`questionnaire.json`, which a shared check's list of
/// answers reads): in each language like every other word (issue 27).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireWording {
    pub about: String,
    pub age: String,
    pub sex: String,
    pub runner: String,
    #[serde(rename = "where")]
    pub where_it_hurts: String,
    pub about_pain: String,
    /// The unit of "how long", as the Questionnaire asks it in weeks.
    pub weeks: String,
    pub questions: String,
}

/// "About your pain" and the review: deferred like the symptom questions they come with.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SymptomsWording {
    pub intro: String,
    pub pain_now_label: String,
    pub pain_now_none: String,
    pub pain_now_worst: String,
    pub pain_not_given: String,
    pub duration_legend: String,
    pub onset_legend: String,
    pub onset_sudden: String,
    pub onset_gradual: String,
    pub answer_rest: String,
    pub answer_rest_note: String,
    pub your_answers: String,
    pub together_heading: String,
    pub together_intro: String,
    pub question_number: String,
    pub up_to_more: String,
    pub last_question: String,
    pub safety_question: String,
    /// The four answers to "how long", shortest first.
    pub durations: [String; 4],
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultsWording {
    pub sources_intro: String,
    pub why_we_think: String,
    pub evidence_for: String,
    pub evidence_against: String,
    pub move_on_when: String,
    pub education_heading: String,
    pub plan_avoid_heading: String,
    pub cross_training_heading: String,
    pub return_to_run_heading: String,
    pub review_heading: String,
    pub references_heading: String,
    pub plan_this_week: String,
    pub later_phases: String,
    pub phase_done: String,
    pub move_on_tick: String,
    pub move_on_ready: String,
    pub plan_more: String,
    pub answered_no: String,
    pub painful_area: String,
    pub sources_heading: String,
    pub exercise_steps: String,
    pub dosage: String,
    pub cues: String,
    pub exercise_avoid: String,
    pub illustration_of: String,
    pub likely: String,
    pub possible: String,
    pub less_likely: String,
    /// Derived-fact id → its label in the evidence lists.
    pub derived: BTreeMap<String, String>,
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
    pub interface: Interface,
    pub ui: UiWords,
    /// This language's escalation phrases, for the `get_seen` lint (not shown to anyone).
    pub escalation: Escalation,
    /// The language of the wording (`en`, or a `content/<lang>/` laid over it).
    pub lang: &'static str,
    /// The body diagram (`content/diagram/*.svg`).
    pub diagram: crate::content::diagram::Diagram,
}

/// `ui.toml`: the interface's own words in one language. The build makes from them the widget's
/// catalog (`src/ui/messages.rs`: each `app` key is a field of `Messages`, so a missing or
/// unknown key fails to compile), the crash screen, and the words of the page and of the
/// hand-off module (`for_scripts`). Keyed maps rather than fields here, so a word is added in
/// the file and the struct only.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiWords {
    pub app: BTreeMap<String, UiText>,
    pub crash: CrashWords,
    pub page: BTreeMap<String, String>,
    pub handoff: BTreeMap<String, UiText>,
}

/// A word, or a list of them in a fixed order (step names, levels).
#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize)]
#[serde(untagged)]
pub enum UiText {
    One(String),
    Many(Vec<String>),
}

/// Shown in place of every widget after a crash.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrashWords {
    pub heading: String,
    pub text: String,
    pub button: String,
}

/// The widget's words the hand-off module shows too (one source: `app`).
const SHARED_WITH_HANDOFF: [&str; 7] = [
    "yes",
    "no",
    "unsure",
    "left",
    "right",
    "dismiss",
    "level_names",
];

impl UiWords {
    /// What scripts/postbuild.mjs and the hand-off module need: `{ "app": {…}, "page": {…},
    /// "handoff": {…} }` (`app` for the start screen in the page, scripts/start-screen.mjs).
    pub fn for_scripts(&self) -> serde_json::Value {
        let mut handoff = self.handoff.clone();
        for key in SHARED_WITH_HANDOFF {
            if let Some(word) = self.app.get(key) {
                handoff.insert(key.to_string(), word.clone());
            }
        }
        serde_json::json!({ "app": self.app, "page": self.page, "handoff": handoff })
    }
}

/// `escalation.toml` (`content/<lang>/escalation.toml` for another language, never laid over
/// the English: each language lists its own): phrases that read as advice to get seen or to
/// stop (CLINICAL.md rule 13), lower case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Escalation {
    /// Matched anywhere in a line.
    pub phrases: Vec<String>,
    /// Matched as whole words only ("999", not a year like 1999).
    pub whole_words: Vec<String>,
}
