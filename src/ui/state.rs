//! The whole flow's state: one `State`, one `Action` enum, one reducer. The reducer calls the
//! engine (never re-implements it) to decide when an emergency answer must stop the flow.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::{
    assess, interview, questions_together, red_flag_level, safety_questions, symptom_questions,
    Answers, Onset, Response, Sex, Side, MAX_AGE, UNDER_16,
};
use crate::kb::{Finding, FindingKind, Level, View, KB};

pub use crate::record::{Saved, Step, SAVED_SCHEMA};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    SavedDiscarded,
    SavedNewer,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub step: Step,
    pub answers: Answers,
    /// A red-flag question answered "not sure" that is being asked again (CLINICAL.md rule 2).
    pub recheck: Option<&'static str>,
    pub view: View,
    pub side_view: Side,
    pub list_mode: bool,
    /// Saved answers from an earlier visit, offered on the start screen.
    pub resume: Option<Saved>,
    pub notice: Option<Notice>,
    /// The age field as typed, which may not be a valid age yet ("4", "abc").
    pub age_text: String,
    /// The symptom step's interview: "about your pain" first, then one question at a time.
    pub interview: InterviewState,
    /// A check opened from a share link: shown read-only and never saved over the visitor's own.
    pub shared: bool,
    /// The rehab plan's phase the person has moved on to (plan's condition, phase index), kept
    /// on this device by the app.
    pub phase_reached: Option<(&'static str, usize)>,
    /// The current phase's "move on when" criteria ticked so far, one bit each.
    pub move_on_ticked: u64,
}

/// Where the one-question-at-a-time interview is.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InterviewState {
    /// Past "about your pain" (pain now, how long, how it started).
    pub asking: bool,
    /// The questions answered on this step, in the order they were asked.
    pub history: Vec<&'static str>,
    /// Looking back at `history[i]` (after "Back"); `None` at the newest question.
    pub back: Option<usize>,
    /// The person chose to answer the questions that can no longer change the outcome.
    pub answer_all: bool,
    /// A saved visit that had reached the questions: once the safety screen is answered again,
    /// straight back to the next unanswered question.
    pub resumed: bool,
}

impl State {
    /// The question to show now: a safety question about the areas first (never skipped), then
    /// the one the engine says is most informative; `None` once the outcome is settled.
    pub fn current_question(&self) -> Option<&'static Finding> {
        if let Some(i) = self.interview.back {
            return self.interview.history.get(i).and_then(|id| KB.finding(id));
        }
        let unanswered = |f: &&'static Finding| !self.answers.findings.contains_key(f.id);
        if let Some(safety) = symptom_questions(&self.answers)
            .into_iter()
            .filter(|f| f.kind == FindingKind::RedFlag)
            .find(unanswered)
        {
            return Some(safety);
        }
        let state = interview(&self.answers);
        if state.settled && self.interview.answer_all {
            state.remaining.first().copied()
        } else {
            state.next.first().copied()
        }
    }
}

/// A plausible age from the age field's text, if it is one.
pub fn parse_age(text: &str) -> Option<u8> {
    text.trim().parse::<u8>().ok().filter(|age| *age <= MAX_AGE)
}

impl State {
    /// No age was given and "is this check for someone under 16?" is not answered yet.
    pub fn age_unresolved(&self) -> bool {
        self.answers.age.is_none() && !self.answers.findings.contains_key(UNDER_16)
    }

    /// Something is typed in the age field that is not a plausible age.
    pub fn age_invalid(&self) -> bool {
        !self.age_text.trim().is_empty() && parse_age(&self.age_text).is_none()
    }
}

impl Default for State {
    fn default() -> Self {
        State {
            step: Step::Start,
            answers: Answers::default(),
            recheck: None,
            view: View::Front,
            side_view: Side::Right,
            list_mode: false,
            resume: None,
            notice: None,
            age_text: String::new(),
            interview: InterviewState::default(),
            shared: false,
            phase_reached: None,
            move_on_ticked: 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Resume,
    StartOver,
    CheckAgain,
    DismissNotice,
    /// The age field's text; the answer is set when it reads as a plausible age.
    SetAgeText(String),
    SetSex(Option<Sex>),
    SetRunner(bool),
    GoTo(Step),
    /// A safety answer; `None` clears it.
    AnswerSafety(&'static str, Option<Response>),
    /// The answer given after the explanation of an unsure emergency question.
    Recheck(Response),
    /// Records every unanswered safety question as "no" and moves on.
    FinishSafety,
    TogglePain(&'static str, Side),
    SetView(View),
    SetSideView(Side),
    SetListMode(bool),
    AnswerFinding(&'static str, Option<Response>),
    /// From "about your pain" to the first question.
    StartQuestions,
    /// Past "about your pain" with the questions asked together on it.
    FinishTogether,
    /// An answer on the one-question screen: recorded, then on to the next question.
    AnswerQuestion(&'static str, Response),
    /// Back from the one-question screen: the previous question, or "about your pain".
    PreviousQuestion,
    /// Go on with the questions that can no longer change the outcome.
    AnswerRest,
    SetPainNow(u8),
    SetDuration(f32),
    SetOnset(Onset),
    /// A "move on when" criterion of the current phase ticked or unticked (an index past the
    /// 64 a bitmask holds changes nothing).
    TickMoveOn(usize),
    /// Every criterion ticked: on to this phase of this plan.
    MoveOnPhase(&'static str, usize),
}

fn is_safety_question(id: &str) -> bool {
    KB.finding(id)
        .is_some_and(|f| f.kind == FindingKind::RedFlag)
}

impl State {
    pub fn with_saved(saved: Option<Saved>, notice: Option<Notice>) -> State {
        State {
            resume: saved,
            notice,
            ..State::default()
        }
    }

    /// A shared check, opened on its result.
    pub fn shared(saved: Saved) -> State {
        State {
            step: Step::Results,
            answers: saved.answers,
            shared: true,
            ..State::default()
        }
    }

    pub fn saved(&self) -> Saved {
        Saved {
            schema: SAVED_SCHEMA,
            step: self.step,
            answers: self.answers.clone(),
        }
    }

    fn is_emergency(&self) -> bool {
        assess(&self.answers).triage.level == Level::Emergency
    }

    fn set_response(&mut self, id: &str, response: Option<Response>) {
        match response {
            Some(r) => {
                self.answers.findings.insert(id.to_string(), r);
            }
            None => {
                self.answers.findings.remove(id);
            }
        }
    }

    /// A saved visit comes back. CLINICAL.md rule 1: red flags are asked again on every
    /// reassessment, so a returning visitor keeps everything else but answers them afresh.
    fn resume_saved(&mut self) {
        if let Some(saved) = self.resume.take() {
            self.answers = saved.answers;
            self.age_text = self.answers.age.map(|a| a.to_string()).unwrap_or_default();
            // "Under 16?" stands in for the age, which is kept too.
            self.answers
                .findings
                .retain(|id, _| id == UNDER_16 || !is_safety_question(id));
            self.step = if saved.step == Step::Start {
                Step::Start
            } else {
                Step::Safety
            };
            let had_questions = matches!(saved.step, Step::Symptoms | Step::Results);
            if had_questions && !self.answers.pain.is_empty() {
                self.interview = InterviewState {
                    asking: true,
                    resumed: true,
                    ..InterviewState::default()
                };
            }
        }
    }

    fn answer_safety(&mut self, id: &'static str, response: Option<Response>) {
        let emergency_question = red_flag_level(id) == Some(Level::Emergency);
        if response == Some(Response::Unsure) && emergency_question {
            // Rule 2: explain and ask again before accepting "not sure".
            self.recheck = Some(id);
        } else {
            self.set_response(id, response);
        }
    }

    /// Every unanswered safety question is a "no"; then the diagram, or the emergency stop.
    fn finish_safety(&mut self) {
        for question in safety_questions(&self.answers) {
            self.answers
                .findings
                .get_or_insert(question.id, Response::No);
        }
        self.recheck = None;
        self.step = if self.is_emergency() {
            Step::Emergency
        } else if std::mem::take(&mut self.interview.resumed) {
            Step::Symptoms
        } else {
            Step::Where
        };
    }

    /// Records the answer; changing an earlier answer re-runs the interview from there.
    fn answer_question(&mut self, id: &'static str, response: Response) {
        self.set_response(id, Some(response));
        match self.interview.back {
            Some(i) => {
                self.interview.history.truncate(i + 1);
                self.interview.back = None;
            }
            None => self.interview.history.push(id),
        }
    }

    fn previous_question(&mut self) {
        let interview = &mut self.interview;
        interview.back = match interview.back {
            Some(0) => {
                interview.asking = false;
                None
            }
            Some(i) => Some(i - 1),
            None if interview.history.is_empty() => {
                interview.asking = false;
                None
            }
            None => Some(interview.history.len() - 1),
        };
    }

    /// A new start; the plan's progress is the person's, not the check's, and outlives it.
    fn started_over(&self) -> State {
        State {
            phase_reached: self.phase_reached,
            ..State::default()
        }
    }

    /// On to phase `index` of `condition`'s plan, its criteria not yet ticked.
    fn move_on_to(&mut self, condition: &'static str, index: usize) {
        self.phase_reached = Some((condition, index));
        self.move_on_ticked = 0;
    }

    /// An emergency stops the flow at once (CLINICAL.md rule 1).
    fn stop_if_emergency(&mut self) {
        if self.is_emergency() {
            self.recheck = None;
            self.step = Step::Emergency;
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Resume => next.resume_saved(),
            Action::StartOver => next = self.started_over(),
            // A re-check starts from the last answers like a returning visit (red flags asked
            // again), and asks pain now afresh on "about your pain".
            Action::CheckAgain => {
                next.resume = Some(self.saved());
                next.resume_saved();
                next.answers.pain_now = None;
                next.interview.asking = false;
            }
            Action::DismissNotice => next.notice = None,
            Action::SetAgeText(text) => {
                next.answers.age = parse_age(&text);
                next.age_text = text;
            }
            Action::SetSex(sex) => next.answers.sex = sex,
            Action::SetRunner(runner) => next.answers.runner = runner,
            // Start waits for a plausible age (the button is disabled; a press kept from
            // before the app arrived, replayed by the page loader, is refused here too).
            Action::GoTo(Step::Safety) if self.step == Step::Start && self.age_invalid() => {
                return self;
            }
            Action::GoTo(step) => {
                next.recheck = None;
                next.resume = None;
                next.step = step;
                next.interview.asking = false;
                next.interview.back = None;
            }
            Action::StartQuestions => next.interview.asking = true,
            // "Do any of these apply to you?": what is left unticked is a "no".
            Action::FinishTogether => {
                for question in questions_together(&next.answers) {
                    next.answers
                        .findings
                        .get_or_insert(question.id, Response::No);
                }
                next.interview.asking = true;
            }
            Action::AnswerQuestion(id, response) => next.answer_question(id, response),
            Action::PreviousQuestion => next.previous_question(),
            Action::AnswerRest => next.interview.answer_all = true,
            Action::AnswerSafety(id, response) => next.answer_safety(id, response),
            Action::Recheck(response) => {
                if let Some(id) = next.recheck.take() {
                    next.set_response(id, Some(response));
                }
            }
            Action::FinishSafety => {
                // An unknown age must be settled by an answer, never by "none of these"
                // (CLINICAL.md rule 10); the buttons wait for it (`age_unresolved`).
                if next.age_unresolved() {
                    return self;
                }
                next.finish_safety();
            }
            Action::TogglePain(region, side) => {
                next.answers.toggle_pain(region, side);
            }
            Action::SetView(view) => next.view = view,
            Action::SetSideView(side) => next.side_view = side,
            Action::SetListMode(list) => next.list_mode = list,
            Action::AnswerFinding(id, response) => next.set_response(id, response),
            Action::SetPainNow(pain) => next.answers.pain_now = Some(pain.min(10)),
            Action::SetDuration(weeks) => next.answers.duration_weeks = Some(weeks),
            Action::SetOnset(onset) => next.answers.onset = Some(onset),
            Action::TickMoveOn(i) => next.move_on_ticked ^= 1u64.checked_shl(i as u32).unwrap_or(0),
            Action::MoveOnPhase(condition, index) => next.move_on_to(condition, index),
        }
        // One check after every action that changes the answers, whatever the action (a fever
        // from the safety screen completed by severe pain now, an area picked after an answer):
        // an emergency stops the flow at once. A shared check is only shown, never stopped.
        if next.answers != self.answers && !next.shared {
            next.stop_if_emergency();
        }
        // Ticks belong to the phase on screen: changed answers may mean another plan.
        if next.step != self.step {
            next.move_on_ticked = 0;
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::xorshift::XorShift;
    use wasm_bindgen_test::*;

    fn response(random: &mut XorShift) -> Response {
        // Mostly "yes", so that emergencies come up often.
        [Response::Yes, Response::Yes, Response::No, Response::Unsure][random.below(4)]
    }

    fn random_action(random: &mut XorShift) -> Action {
        let finding = KB.findings[random.below(KB.findings.len())].id;
        let region = KB.regions[random.below(KB.regions.len())].id;
        let side = if random.below(2) == 0 {
            Side::Left
        } else {
            Side::Right
        };
        match random.below(16) {
            0 | 1 => Action::AnswerSafety(finding, Some(response(random))),
            2 => Action::Recheck(response(random)),
            3 => Action::FinishSafety,
            4 | 5 => Action::TogglePain(region, side),
            6 => Action::AnswerFinding(finding, Some(response(random))),
            7 => Action::AnswerQuestion(finding, response(random)),
            8 => Action::SetPainNow(random.below(11) as u8),
            9 => Action::SetOnset(if random.below(2) == 0 {
                Onset::Sudden
            } else {
                Onset::Gradual
            }),
            10 => Action::SetDuration(random.below(20) as f32),
            11 => Action::SetAgeText(random.below(90).to_string()),
            12 => Action::SetRunner(random.below(2) == 0),
            13 => Action::FinishTogether,
            14 => Action::PreviousQuestion,
            _ => Action::GoTo(
                [Step::Safety, Step::Where, Step::Symptoms, Step::Results][random.below(4)],
            ),
        }
    }

    /// CLINICAL.md rule 1: whatever the action, one that makes the answers an emergency leads to
    /// the emergency screen at once.
    #[wasm_bindgen_test]
    fn every_action_that_completes_an_emergency_stops_the_flow() {
        let mut random = XorShift(0x9e37_79b9_7f4a_7c15);
        let mut emergencies = 0;
        for _ in 0..300 {
            let mut state = Rc::new(State::default());
            for _ in 0..25 {
                let action = random_action(&mut random);
                let before = state.answers.clone();
                state = state.reduce(action.clone());
                if state.answers != before
                    && assess(&state.answers).triage.level == Level::Emergency
                {
                    emergencies += 1;
                    assert_eq!(
                        state.step,
                        Step::Emergency,
                        "{action:?} made the answers an emergency without stopping: {:?}",
                        state.answers
                    );
                }
            }
        }
        // The generator must reach emergencies through many kinds of action, or this proves
        // nothing.
        assert!(emergencies > 100, "only {emergencies} emergencies reached");
    }

    /// Issue 23: leaving "about your pain" with the questions asked together marks every one
    /// left unticked "no", and the questions one per screen never ask one of them again.
    #[wasm_bindgen_test]
    fn the_questions_asked_together_are_answered_once() {
        let mut state = Rc::new(State::default());
        for action in [
            Action::SetAgeText("48".into()),
            Action::GoTo(Step::Safety),
            Action::FinishSafety,
            Action::TogglePain("side-hip", Side::Right),
            Action::GoTo(Step::Symptoms),
            Action::AnswerSafety("pain-walking-limp", Some(Response::Yes)),
        ] {
            state = state.reduce(action);
        }
        let together: Vec<&str> = questions_together(&state.answers)
            .iter()
            .map(|f| f.id)
            .collect();
        assert!(together.len() > 3, "{together:?}");
        state = state.reduce(Action::FinishTogether);
        assert!(state.interview.asking);
        assert_eq!(
            state.answers.response("pain-walking-limp"),
            Some(Response::Yes)
        );
        for id in together.iter().filter(|id| **id != "pain-walking-limp") {
            assert_eq!(state.answers.response(id), Some(Response::No), "{id}");
        }
        let next = state
            .current_question()
            .expect("a question that moves the ranking");
        assert!(!together.contains(&next.id), "{} asked twice", next.id);
    }
}
