//! The saved record: one check's answers and where the person was, as plain text, one
//! `key value` pair per line after a `hipcheck <schema>` line. Pure, so the widget's storage, its
//! share links and the command line (`hipcheck handoff`) all write and read the same format.
//!
//! Not JSON: serde_json cost 60 KB of the wasm (28 KB brotli), a third of the first-load budget,
//! to save a dozen fields. Anything unexpected refuses the whole record, and the answers must
//! pass the engine's own validation.

use crate::engine::{Answers, Onset, PainSite, Response, Sex, Side};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Start,
    Safety,
    Where,
    Symptoms,
    Results,
    /// An emergency answer stopped the flow: only what to do now is shown.
    Emergency,
}

impl Step {
    /// Position in the progress indicator (the emergency stop has none).
    pub fn number(self) -> Option<usize> {
        match self {
            Step::Start => Some(1),
            Step::Safety => Some(2),
            Step::Where => Some(3),
            Step::Symptoms => Some(4),
            Step::Results => Some(5),
            Step::Emergency => None,
        }
    }
}

/// What is saved in `localStorage` (src/ui/storage.rs), written into share links and read by
/// `hipcheck handoff`, in the format above. `schema` changes whenever the format or the meaning
/// of an id changes; a record of an older schema is discarded, one of a newer schema is left
/// alone (`is_newer`).
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub schema: u32,
    pub step: Step,
    pub answers: Answers,
}

pub const SAVED_SCHEMA: u32 = 1;

/// A saved record is a few hundred bytes; anything far larger is not ours.
pub const MAX_SAVED_BYTES: usize = 16 * 1024;

const STEPS: [(Step, &str); 6] = [
    (Step::Start, "start"),
    (Step::Safety, "safety"),
    (Step::Where, "where"),
    (Step::Symptoms, "symptoms"),
    (Step::Results, "results"),
    (Step::Emergency, "emergency"),
];
const SEXES: [(Sex, &str); 3] = [
    (Sex::Female, "female"),
    (Sex::Male, "male"),
    (Sex::Other, "other"),
];
const SIDES: [(Side, &str); 2] = [(Side::Left, "left"), (Side::Right, "right")];
const RESPONSES: [(Response, &str); 3] = [
    (Response::Yes, "yes"),
    (Response::No, "no"),
    (Response::Unsure, "unsure"),
];
const ONSETS: [(Onset, &str); 2] = [(Onset::Sudden, "sudden"), (Onset::Gradual, "gradual")];

fn name_of<T: PartialEq + Copy>(table: &[(T, &'static str)], value: T) -> &'static str {
    table
        .iter()
        .find(|(v, _)| *v == value)
        .map_or("", |(_, n)| n)
}

fn value_of<T: Copy>(table: &[(T, &'static str)], name: &str) -> Option<T> {
    table.iter().find(|(_, n)| *n == name).map(|(v, _)| *v)
}

/// The record written to storage.
pub fn encode(saved: &Saved) -> String {
    let a = &saved.answers;
    let mut out = format!(
        "hipcheck {SAVED_SCHEMA}\nstep {}\nrunner {}\n",
        name_of(&STEPS, saved.step),
        u8::from(a.runner)
    );
    if let Some(age) = a.age {
        out += &format!("age {age}\n");
    }
    if let Some(sex) = a.sex {
        out += &format!("sex {}\n", name_of(&SEXES, sex));
    }
    for site in &a.pain {
        out += &format!("pain {} {}\n", site.region, name_of(&SIDES, site.side));
    }
    for (id, response) in &a.findings {
        out += &format!("finding {id} {}\n", name_of(&RESPONSES, response));
    }
    if let Some(pain) = a.pain_now {
        out += &format!("pain_now {pain}\n");
    }
    if let Some(weeks) = a.duration_weeks {
        // The widget only offers whole weeks.
        out += &format!("duration_weeks {}\n", weeks as u16);
    }
    if let Some(onset) = a.onset {
        out += &format!("onset {}\n", name_of(&ONSETS, onset));
    }
    out
}

/// Written by a newer HipCheck (a later `hipcheck N` first line): not ours to read, nor to
/// overwrite, since the visitor may go back to that version.
pub fn is_newer(text: &str) -> bool {
    text.lines()
        .next()
        .and_then(|first| first.strip_prefix("hipcheck "))
        .and_then(|schema| schema.parse::<u32>().ok())
        .is_some_and(|schema| schema > SAVED_SCHEMA)
}

/// The saved record if it is the current schema, every line is understood, and the answers
/// pass the engine's validation.
pub fn parse(text: &str) -> Option<Saved> {
    if text.len() > MAX_SAVED_BYTES {
        return None;
    }
    let mut lines = text.lines();
    if lines.next()? != format!("hipcheck {SAVED_SCHEMA}") {
        return None;
    }
    let mut step = None;
    let mut answers = Answers::default();
    for line in lines {
        let mut words = line.split(' ');
        let key = words.next()?;
        let first = words.next()?;
        let second = words.next();
        if words.next().is_some() {
            return None;
        }
        let once = |seen: bool| (!seen).then_some(());
        match (key, second) {
            ("step", None) => {
                once(step.is_some())?;
                step = Some(value_of(&STEPS, first)?);
            }
            ("runner", None) => answers.runner = first == "1",
            ("age", None) => answers.age = Some(first.parse().ok()?),
            ("sex", None) => answers.sex = Some(value_of(&SEXES, first)?),
            ("pain", Some(side)) => {
                let site = PainSite {
                    region: first.to_string(),
                    side: value_of(&SIDES, side)?,
                };
                once(answers.pain.contains(&site))?;
                answers.pain.push(site);
            }
            ("finding", Some(response)) => {
                let response = value_of(&RESPONSES, response)?;
                once(
                    answers
                        .findings
                        .insert(first.to_string(), response)
                        .is_some(),
                )?;
            }
            ("pain_now", None) => answers.pain_now = Some(first.parse().ok()?),
            ("duration_weeks", None) => {
                answers.duration_weeks = Some(f32::from(first.parse::<u16>().ok()?))
            }
            ("onset", None) => answers.onset = Some(value_of(&ONSETS, first)?),
            _ => return None,
        }
    }
    answers.validate().ok()?;
    Some(Saved {
        schema: SAVED_SCHEMA,
        step: step?,
        answers,
    })
}
