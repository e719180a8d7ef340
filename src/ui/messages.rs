//! Every user-facing string of the widget's own interface, in one catalog. Clinical wording
//! (questions, conditions, exercises) lives in `content/`; this is the chrome around it.
//! A new language is a new `Messages` value, not new code.

pub struct Messages {
    pub lang: &'static str,
    /// The other language, offered in the header: its code and its own name for itself.
    pub other_language: (&'static str, &'static str),
    pub app_name: &'static str,
    pub step_names: [&'static str; 5],
    pub progress: &'static str,

    pub start_heading: &'static str,
    pub start_points: [&'static str; 3],
    pub emergency_first: &'static str,
    pub age_label: &'static str,
    pub age_hint: &'static str,
    pub age_invalid: &'static str,
    pub sex_legend: &'static str,
    pub sex_female: &'static str,
    pub sex_male: &'static str,
    pub sex_other: &'static str,
    pub sex_skip: &'static str,
    pub runner_legend: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub unsure: &'static str,
    pub start_button: &'static str,
    pub continue_button: &'static str,
    pub back_button: &'static str,

    pub resume_heading: &'static str,
    pub resume_text: &'static str,
    pub resume_continue: &'static str,
    pub resume_start_over: &'static str,
    pub saved_discarded: &'static str,
    pub saved_newer: &'static str,
    pub dismiss: &'static str,

    pub safety_heading: &'static str,
    pub safety_intro: &'static str,
    pub safety_none: &'static str,
    pub safety_continue: &'static str,
    /// Shown while the finish buttons wait for the under-16 answer (no age was given).
    pub safety_age_first: &'static str,
    pub unsure_heading: &'static str,
    pub unsure_text: &'static str,
    pub unsure_still: &'static str,
    pub what_does_this_mean: &'static str,

    pub where_heading: &'static str,
    pub where_intro: &'static str,
    pub view_front: &'static str,
    pub view_side: &'static str,
    pub view_back: &'static str,
    pub views_label: &'static str,
    pub seen_from_front: &'static str,
    pub seen_from_behind: &'static str,
    pub seen_from_side_left: &'static str,
    pub seen_from_side_right: &'static str,
    pub side_switch_label: &'static str,
    pub left_side: &'static str,
    pub right_side: &'static str,
    pub your_left: &'static str,
    pub front_on_right: &'static str,
    pub front_on_left: &'static str,
    pub your_right: &'static str,
    pub left: &'static str,
    pub right: &'static str,
    pub picked_heading: &'static str,
    pub picked_none: &'static str,
    pub remove: &'static str,
    pub prefer_list: &'static str,
    pub prefer_diagram: &'static str,

    pub symptoms_heading: &'static str,
    pub see_results: &'static str,
    /// "Question {n}", read before each question on the one-question screen.
    pub question_number: &'static str,
    /// "up to {k} more": how many questions may remain (it can shrink).
    pub up_to_more: &'static str,
    pub last_question: &'static str,
    pub safety_question: &'static str,
    pub settled_heading: &'static str,
    pub questions_loading: &'static str,
    pub questions_failed: &'static str,
    pub questions_failed_help: &'static str,
    pub settled_text: &'static str,

    pub results_heading: &'static str,
    pub not_a_diagnosis: &'static str,
    pub checked_on: &'static str,
    pub what_to_do: &'static str,
    pub how_soon: &'static str,
    pub who_to_see: &'static str,
    pub why_this_level: &'static str,
    pub sources_heading: &'static str,
    pub pain_rule_heading: &'static str,
    pub pain_rule_tendon: &'static str,
    pub pain_rule_bone: &'static str,
    pub plan_heading: &'static str,
    pub until_seen_heading: &'static str,
    /// For a condition exercises don't treat, at "book within 1–2 weeks" (`PlanKind::Advice`).
    pub advice_heading: &'static str,
    pub plan_loading: &'static str,
    pub get_seen_heading: &'static str,
    pub plan_failed: &'static str,
    pub try_again: &'static str,
    pub steps: &'static str,
    pub dosage: &'static str,
    pub cues: &'static str,
    pub avoid: &'static str,
    pub safety_net_heading: &'static str,
    pub book_default_label: &'static str,
    pub book_intro: &'static str,
    pub change_answers: &'static str,
    pub print: &'static str,
    pub start_again: &'static str,
    pub check_again: &'static str,

    pub emergency_heading: &'static str,
    pub emergency_call: &'static str,
    pub emergency_not_sure: &'static str,
    pub emergency_go_back: &'static str,

    pub likelihood: [(&'static str, &'static str); 3],
    pub level_names: [&'static str; 5],
    pub illustration_of: &'static str,
}

#[cfg_attr(hipcheck_lang = "es", allow(dead_code))]
pub static EN: Messages = Messages {
    lang: "en",
    other_language: ("es", "Español"),
    app_name: "HipCheck",
    step_names: ["About you", "Safety", "Where it hurts", "Symptoms", "Your result"],
    progress: "Step {n} of {total}: {name}",

    start_heading: "Check your hip pain in about two minutes",
    start_points: [
        "A self-check, not a diagnosis: it tells you the likely sources, what helps, and when to see someone.",
        "About two minutes. You can change any answer before you see the result.",
        "Private: nothing you enter leaves this device.",
    ],
    emergency_first: "If this is an emergency, call your local emergency number now.",
    age_label: "Your age",
    age_hint: "In years. Some questions only apply to children or people over 50.",
    age_invalid: "Please enter an age from 0 to 120, or leave it empty.",
    sex_legend: "Sex (optional)",
    sex_female: "Female",
    sex_male: "Male",
    sex_other: "Other",
    sex_skip: "Prefer not to say",
    runner_legend: "Do you run?",
    yes: "Yes",
    no: "No",
    unsure: "Not sure",
    start_button: "Start",
    continue_button: "Continue",
    back_button: "Back",

    resume_heading: "Welcome back",
    resume_text: "You have answers saved on this device from last time.",
    resume_continue: "Continue where I left off",
    resume_start_over: "Start over",
    saved_discarded: "We couldn't read the answers saved on this device (they may be from an older version), so we started fresh.",
    saved_newer: "Answers saved here by a newer HipCheck were kept as they are; this check will not be saved.",
    dismiss: "Dismiss",

    safety_heading: "First, a few safety questions",
    safety_intro: "Tick Yes or Not sure for anything that applies to you now or recently. Leave the rest.",
    safety_none: "None of these apply to me",
    safety_continue: "Continue",
    safety_age_first: "First answer whether this check is for someone under 16.",
    unsure_heading: "Please read this, then answer again",
    unsure_text: "This question matters for your safety, so we ask it once more.",
    unsure_still: "Still not sure",
    what_does_this_mean: "What does this mean?",

    where_heading: "Where does it hurt?",
    where_intro: "Tap every area that hurts. Use the tabs to see the front, side and back.",
    view_front: "Front view",
    view_side: "Side view",
    view_back: "Back view",
    views_label: "Body views",
    seen_from_front: "Seen from the front: your right is on the left of the picture.",
    seen_from_behind: "Seen from behind: your left is on the left of the picture.",
    seen_from_side_left: "Your left side, seen from the left.",
    seen_from_side_right: "Your right side, seen from the right.",
    side_switch_label: "Which side",
    left_side: "Left side",
    right_side: "Right side",
    your_left: "Your left",
    front_on_right: "front →",
    front_on_left: "← front",
    your_right: "Your right",
    left: "Left",
    right: "Right",
    picked_heading: "You picked",
    picked_none: "Nothing picked yet.",
    remove: "Remove",
    prefer_list: "Prefer a list?",
    prefer_diagram: "Show the diagram",

    symptoms_heading: "About your pain",
    see_results: "See my result",
    question_number: "Question {n}",
    up_to_more: "up to {k} more",
    last_question: "this may be the last one",
    safety_question: "safety question",
    settled_heading: "Your result is ready",
    questions_loading: "Loading the next question…",
    questions_failed: "The next questions could not load",
    questions_failed_help: "Check your connection, then try again. Your answers are kept.",
    settled_text: "Your answers are enough to say how soon you should be seen and what is most likely.",
    not_a_diagnosis: "This is a self-check, not a diagnosis.",
    results_heading: "Your result",
    checked_on: "Checked on {date}.",
    what_to_do: "What to do",
    how_soon: "How soon",
    who_to_see: "Who to see",
    why_this_level: "Why",
    sources_heading: "Possible sources of your pain",
    pain_rule_heading: "How much pain is OK?",
    pain_rule_tendon: "Pain up to 2/10 is safe and up to 5/10 is acceptable during exercise, if it has settled by the next morning and is not getting worse week to week. If not, do less.",
    pain_rule_bone: "No pain. Bone stress needs rest from painful loading, not pushing through.",
    plan_heading: "Your exercise plan",
    until_seen_heading: "Until you are seen",
    advice_heading: "Before your check-up",
    plan_loading: "Loading your exercise plan…",
    get_seen_heading: "When to get seen",
    plan_failed: "Your exercise plan could not load. Check your connection, then try again. Your result and the safety advice on this page still apply.",
    try_again: "Try again",
    steps: "How to do it",
    dosage: "How much",
    cues: "Tips",
    avoid: "Avoid",
    safety_net_heading: "When to get help sooner",
    book_default_label: "Book your free call",
    book_intro: "Want a physio to look at this with you?",
    change_answers: "Change my answers",
    print: "Print or save as PDF",
    start_again: "Start again",
    check_again: "Check again",

    emergency_heading: "Get emergency help now",
    emergency_call: "Call your local emergency number, or go to the nearest emergency department now.",
    emergency_not_sure: "Answered by mistake?",
    emergency_go_back: "Go back to the safety questions",


    likelihood: [("likely", "Likely"), ("possible", "Possible"), ("less-likely", "Less likely")],
    level_names: ["Self-care", "See someone soon", "Within 1–3 days", "Today", "Emergency"],
    illustration_of: "Illustration: {description}",
};

/// This build's catalog. A browser build carries one language (`HIPCHECK_LANG`, build.rs), so
/// a visitor downloads only their own words; the loader picks the build (docs/architecture.md,
/// "Languages").
#[cfg(not(hipcheck_lang = "es"))]
pub fn catalog() -> &'static Messages {
    &EN
}

#[cfg(hipcheck_lang = "es")]
pub fn catalog() -> &'static Messages {
    &super::messages_es::ES
}

/// Catalogs are statics: two are equal when they are the same catalog.
impl PartialEq for Messages {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Messages {
    /// A region's name on one side ("Left · point of the hip"). The diagram's accessible names,
    /// the chips and the list all use it, so a picked area reads the same everywhere.
    pub fn region_name(&self, region: &crate::kb::Region, side: crate::engine::Side) -> String {
        let side_word = match side {
            crate::engine::Side::Left => self.left,
            crate::engine::Side::Right => self.right,
        };
        format!("{side_word} · {}", region.label.to_ascii_lowercase())
    }

    pub fn likelihood_label(&self, id: &str) -> &'static str {
        self.likelihood
            .iter()
            .find(|(k, _)| *k == id)
            .map_or("", |(_, v)| v)
    }
}
