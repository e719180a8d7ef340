//! The closed sets of values the content, the engine and the UI share: one definition each.
//! Shared by `#[path]` with `build.rs`, which reads them from `content/` (serde, kebab-case ids)
//! and writes them into the generated knowledge base as these very variants. Plain Rust and
//! serde only.

use serde::{Deserialize, Serialize};

/// Triage levels, least urgent first: `Ord` gives "the highest level reached wins".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    SelfCare,
    Soon,
    WithinDays,
    SameDay,
    Emergency,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::SelfCare,
        Level::Soon,
        Level::WithinDays,
        Level::SameDay,
        Level::Emergency,
    ];

    /// The contract id (docs/contract.md).
    pub fn id(self) -> &'static str {
        match self {
            Level::SelfCare => "self-care",
            Level::Soon => "soon",
            Level::WithinDays => "within-days",
            Level::SameDay => "same-day",
            Level::Emergency => "emergency",
        }
    }

    pub fn from_id(id: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|level| level.id() == id)
    }
}

/// The diagram view a region is drawn on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum View {
    Front,
    Side,
    Back,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    Symptom,
    History,
    RedFlag,
}

/// How pain during a plan's exercises is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PainRule {
    /// Pain-monitoring model (Silbernagel 2007) for tendon and muscle.
    Tendon,
    /// No pain: bone stress.
    Bone,
}

impl PainRule {
    pub fn id(self) -> &'static str {
        match self {
            PainRule::Tendon => "tendon",
            PainRule::Bone => "bone",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExerciseKind {
    Isometric,
    Strength,
    Lengthening,
    Balance,
    Running,
    CrossTraining,
}

/// What an exercise figure holds or uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Prop {
    None,
    Belt,
    Band,
    Ball,
    Step,
    Chair,
    Bench,
    Bar,
    /// A weight held by its handle, hanging below the hands (it can rest on the floor).
    Kettlebell,
    Slider,
    Pillow,
    Wall,
    Water,
    Bike,
}

/// A point of an exercise figure: where it rests between its poses (`fixed`) and where its prop
/// touches it (`on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BodyPoint {
    Pelvis,
    Shoulder,
    Hands,
    Knees,
    WorkFoot,
    OtherFoot,
    /// The backs of the ankles (where a Nordic curl's heels are held down), between the two.
    Ankles,
    /// The working leg's ankle (where an ankle weight is worn).
    WorkAnkle,
    /// The working leg's knee.
    WorkKnee,
    /// The face (the nose, when the pose says where it looks), else the head.
    Head,
}

/// The direction an exercise figure is drawn from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PoseView {
    Side,
    Front,
    /// Lying on the side, seen from in front and a little above (a mat on the floor), with the
    /// sore leg on top.
    LyingOnGoodSide,
    /// The same, with the sore leg underneath.
    LyingOnSoreSide,
}

/// A person's sex as answered (`Answers::sex`), and the sexes a question may be limited to
/// (`sexes` in findings.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    Female,
    Male,
    Other,
}

impl Sex {
    /// The bit of a finding's `sexes` set.
    pub fn bit(self) -> u8 {
        match self {
            Sex::Female => 1,
            Sex::Male => 2,
            Sex::Other => 4,
        }
    }
}

/// When in the course of the pain a question is asked (`recency` in findings.toml): an unknown
/// duration asks both, since missing a question costs more than one extra.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Recency {
    /// Pain of under 2 weeks: a bleed, a muscle breakdown after a race.
    Recent,
    /// Pain of 2 weeks or more: "getting worse week by week", a bowel change for 3 weeks.
    Lasting,
}

/// Who a sentence may be shown to (CLINICAL.md rule 15): `only = [...]` on a line, every one
/// must hold. A sentence without it is for everyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    Runners,
    NotRunners,
    Children,
    Adults,
    /// Female or other (or not said), 12 to 55: periods, pregnancy and birth.
    CouldBePregnant,
}

impl Audience {
    /// The bit of a sentence's `only` set.
    pub fn bit(self) -> u8 {
        match self {
            Audience::Runners => 1,
            Audience::NotRunners => 2,
            Audience::Children => 4,
            Audience::Adults => 8,
            Audience::CouldBePregnant => 16,
        }
    }
}

/// Facts the engine derives from the answers, numbered after regions and findings in this
/// order. Content may use their ids wherever it uses a region or finding id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Derived {
    OnsetSudden,
    OnsetGradual,
    Female,
    Male,
    Runner,
    AgeUnder16,
    AgeUnder20,
    AgeUnder45,
    Age40Plus,
    Age45Plus,
    Age50Plus,
    Age60Plus,
    DurationUnder2Weeks,
    Duration3MonthsPlus,
    PainSevere,
    BothSides,
}

impl Derived {
    pub const ALL: [Derived; 16] = [
        Derived::OnsetSudden,
        Derived::OnsetGradual,
        Derived::Female,
        Derived::Male,
        Derived::Runner,
        Derived::AgeUnder16,
        Derived::AgeUnder20,
        Derived::AgeUnder45,
        Derived::Age40Plus,
        Derived::Age45Plus,
        Derived::Age50Plus,
        Derived::Age60Plus,
        Derived::DurationUnder2Weeks,
        Derived::Duration3MonthsPlus,
        Derived::PainSevere,
        Derived::BothSides,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Derived::OnsetSudden => "onset-sudden",
            Derived::OnsetGradual => "onset-gradual",
            Derived::Female => "female",
            Derived::Male => "male",
            Derived::Runner => "runner",
            Derived::AgeUnder16 => "age-under-16",
            Derived::AgeUnder20 => "age-under-20",
            Derived::AgeUnder45 => "age-under-45",
            Derived::Age40Plus => "age-40-plus",
            Derived::Age45Plus => "age-45-plus",
            Derived::Age50Plus => "age-50-plus",
            Derived::Age60Plus => "age-60-plus",
            Derived::DurationUnder2Weeks => "duration-under-2-weeks",
            Derived::Duration3MonthsPlus => "duration-3-months-plus",
            Derived::PainSevere => "pain-severe",
            Derived::BothSides => "both-sides",
        }
    }
}

/// The settings a clinic may give the widget (attributes of `<hip-check>`, `data-` attributes
/// on the standalone page, query parameters of the iframe). `scripts/postbuild.mjs` forwards
/// the same list; `tests/rust/contract.rs` checks the two agree.
pub const SETTINGS: [&str; 7] = [
    "booking-url",
    "booking-label",
    "clinic-name",
    "phone",
    "lang",
    "accent",
    "theme",
];

/// Set on a results-text handle whose text is compiled into the program rather than left to
/// the file the browser downloads after Start.
pub const COMPILED_IN: u16 = 0x8000;
