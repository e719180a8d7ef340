//! Saved answers in `localStorage`, versioned, never trusted.
//!
//! Not through gloo-storage: its `LocalStorage::raw()` throws when storage is blocked (sandboxed
//! iframes, third-party storage blocked, some private modes), and a throw inside the host's page
//! would kill the widget. Here a blocked or broken storage just means "nothing saved".
//!
//! Not JSON either: serde_json cost 60 KB of the wasm (28 KB brotli), a third of the first-load
//! budget, to save a dozen fields. The format is one `key value` pair per line, first line
//! `hipcheck <schema>`; anything unexpected discards the whole record, and the answers must pass
//! the engine's own validation before they are offered back.

use crate::engine::{Answers, Onset, PainSite, Response, Sex, Side};
use crate::ui::state::{Saved, Step, SAVED_SCHEMA};

const KEY: &str = "hipcheck.answers";
/// A saved record is a few hundred bytes; anything far larger is not ours.
const MAX_SAVED_BYTES: usize = 16 * 1024;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What was found under the key.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    Nothing,
    Saved(Saved),
    /// Something was there but unreadable, old or invalid; it has been removed.
    Discarded,
}

/// Reads and validates saved answers; anything unusable is deleted so it cannot fail twice.
pub fn load() -> Loaded {
    let Some(storage) = storage() else {
        return Loaded::Nothing;
    };
    let Ok(Some(text)) = storage.get_item(KEY) else {
        return Loaded::Nothing;
    };
    match parse(&text) {
        Some(saved) => Loaded::Saved(saved),
        None => {
            let _ = storage.remove_item(KEY);
            Loaded::Discarded
        }
    }
}

pub fn save(saved: &Saved) {
    if let Some(storage) = storage() {
        // A full or blocked storage only costs the "continue later" convenience.
        let _ = storage.set_item(KEY, &encode(saved));
    }
}

pub fn clear() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(KEY);
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn sample() -> Saved {
        let mut answers = Answers {
            age: Some(34),
            sex: Some(Sex::Female),
            pain_now: Some(4),
            ..Answers::default()
        };
        answers.toggle_pain("side-hip", Side::Left);
        answers.toggle_pain("buttock", Side::Right);
        answers
            .findings
            .insert("pain-lying-on-side".into(), Response::Yes);
        answers
            .findings
            .insert("saddle-numbness".into(), Response::No);
        answers
            .findings
            .insert("fever-unwell".into(), Response::Unsure);
        answers.duration_weeks = Some(9.0);
        answers.onset = Some(Onset::Gradual);
        Saved {
            schema: SAVED_SCHEMA,
            step: Step::Symptoms,
            answers,
        }
    }

    #[wasm_bindgen_test]
    fn a_saved_record_round_trips() {
        let saved = sample();
        assert_eq!(parse(&encode(&saved)), Some(saved));
    }

    #[wasm_bindgen_test]
    fn every_kind_of_bad_record_is_refused() {
        let good = encode(&sample());
        let bad = [
            String::new(),                                     // empty
            good[..good.len() / 2].to_string(),                // truncated
            good.replace("hipcheck 1", "hipcheck 0"),          // old schema
            good.replace("hipcheck 1", "hipcheck 99"),         // future schema
            good.replace("side-hip", "elbow"),                 // unknown region
            good.replace("pain-lying-on-side", "itchy-knees"), // unknown finding
            good.replace("age 34", "age thirty"),              // wrong type
            good.replace("age 34", "age 300"),                 // out of range
            good.replace("pain_now 4", "pain_now 11"),         // out of range
            good.replace(
                "finding pain-lying-on-side yes",
                "finding pain-lying-on-side maybe",
            ),
            good.replace("step symptoms", "step nowhere"), // unknown step
            format!("{good}colour red\n"),                 // unknown key
            format!("{good}pain side-hip left\n"),         // duplicate
            format!("{good}{}", "x".repeat(MAX_SAVED_BYTES)), // huge
            "\u{0}\u{1}\u{fffd}binary junk\u{7f}".to_string(), // binary junk
            r#"{"schema":1,"step":"where","answers":{"contract":1}}"#.to_string(), // an old JSON record
            good.replace("step symptoms\n", ""),                                   // missing step
        ];
        for (i, text) in bad.iter().enumerate() {
            assert_eq!(parse(text), None, "bad record {i} was accepted: {text:?}");
        }
    }
}
