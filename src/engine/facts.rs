//! The facts in one person's answers: findings, painful regions and what they imply (age
//! bands, onset, both sides...), as bit sets. Triage, scoring, the plan and the interview all
//! read the same facts, so they are derived once, here.

use super::answers::{Answers, Onset, Response, Sex, Side};
use crate::kb::{Audience, Condition, Derived, Fact, FactSet, Said, FINDINGS, KB};

/// The finding that stands in for an age nobody gave (CLINICAL.md rule 10).
pub const UNDER_16: &str = "under-16";
/// Asked with it (CLINICAL.md #36), so that the rules for 60 and over still apply.
pub const OVER_60: &str = "over-60";

/// The age the rules use: the age given, else 60 when the check is said to be for someone 60
/// or over by someone who also said it is not for a child under 16 (until then an unknown age
/// is a child's, CLINICAL.md rule 10), else unknown.
fn effective_age(answers: &Answers) -> Option<u8> {
    answers.age.or_else(|| {
        let over_60 = answers.findings.get(OVER_60) == Some(&Response::Yes);
        let adult = answers.findings.get(UNDER_16) == Some(&Response::No);
        (over_60 && adult).then_some(60)
    })
}

/// The facts in one set of answers.
pub(super) struct Facts {
    pub(super) yes: FactSet,
    pub(super) unsure: FactSet,
    pub(super) no: FactSet,
    pub(super) regions: FactSet,
    pub(super) age: Option<u8>,
    pub(super) runner: bool,
    sex: Option<Sex>,
}

/// A single fact as a set, to test or add to the others.
pub(super) fn bit(fact: Fact) -> FactSet {
    1u128 << fact
}

impl Facts {
    pub(super) fn from(answers: &Answers) -> Facts {
        let (mut yes, mut unsure, mut no) = answered(answers);
        let (regions, both_sides) = painful_regions(answers);
        merge_twins(regions, &mut yes, &mut unsure, &mut no);
        let age = effective_age(answers);
        Facts {
            yes: yes | regions | derived(answers, age, both_sides),
            unsure,
            no,
            regions,
            age,
            runner: answers.runner,
            sex: answers.sex,
        }
    }

    /// Whether the person gave anything to assess: a region, or a finding answered yes/unsure.
    pub(super) fn is_empty(&self) -> bool {
        self.regions == 0 && (self.yes | self.unsure) & FINDINGS == 0
    }

    /// Whether `condition` hurts where the person marked (or nothing was marked). A region
    /// fact is only ever present among the regions, so any weighted fact can be tested.
    pub(super) fn hurts_where(&self, condition: &Condition) -> bool {
        self.regions == 0
            || condition
                .supports
                .iter()
                .any(|w| self.regions & bit(w.fact) != 0)
    }

    pub(super) fn child(&self) -> bool {
        self.yes & bit(Derived::AgeUnder16.fact()) != 0
    }

    /// The audiences this person belongs to (bits of `Audience::bit`, CLINICAL.md rule 15).
    /// Periods, pregnancy and birth: female or other (or not said), 12 to 55 (or no age given).
    fn audiences(&self) -> u8 {
        let could_be_pregnant =
            self.sex != Some(Sex::Male) && self.age.is_none_or(|age| (12..=55).contains(&age));
        let bit_if = |holds: bool, audience: Audience| if holds { audience.bit() } else { 0 };
        bit_if(self.runner, Audience::Runners)
            | bit_if(!self.runner, Audience::NotRunners)
            | bit_if(self.child(), Audience::Children)
            | bit_if(!self.child(), Audience::Adults)
            | bit_if(could_be_pregnant, Audience::CouldBePregnant)
    }

    /// The sentences whose every audience this person belongs to.
    pub(super) fn said(&self, sentences: &'static [Said]) -> impl Iterator<Item = &'static str> {
        let audiences = self.audiences();
        // A deferred sentence is empty until the after-Start text has arrived: left out.
        sentences.iter().filter_map(move |s| {
            Some(s.text.get()).filter(|text| s.only & !audiences == 0 && !text.is_empty())
        })
    }
}

/// The findings answered yes, not sure and no, as fact sets.
fn answered(answers: &Answers) -> (FactSet, FactSet, FactSet) {
    let (mut yes, mut unsure, mut no) = (0, 0, 0);
    for (id, response) in &answers.findings {
        // A linear search over the findings' own ids: a sorted copy for binary search cost
        // about 400 B of the first load and saved microseconds.
        let Some(finding) = KB.finding(id) else {
            continue;
        };
        let b = bit(finding.fact);
        match response {
            Response::Yes => yes |= b,
            Response::Unsure => unsure |= b,
            Response::No => no |= b,
        }
    }
    (yes, unsure, no)
}

/// The painful regions as facts, and whether both sides hurt.
fn painful_regions(answers: &Answers) -> (FactSet, bool) {
    let mut regions = 0;
    let (mut left, mut right) = (false, false);
    for site in &answers.pain {
        if let Some(index) = KB.regions.iter().position(|r| r.id == site.region) {
            regions |= bit(index as Fact);
            match site.side {
                Side::Left => left = true,
                Side::Right => right = true,
            }
        }
    }
    (regions, left && right)
}

/// CLINICAL.md rule 12: the same question asked on two steps is one fact. An answer counts for
/// its twin where the twin would have been asked; the firmer answer wins.
fn merge_twins(regions: FactSet, yes: &mut FactSet, unsure: &mut FactSet, no: &mut FactSet) {
    for finding in KB.findings.iter().filter(|f| f.same_as != 0) {
        let source = bit(finding.fact);
        for twin in KB
            .findings
            .iter()
            .filter(|t| finding.same_as & bit(t.fact) != 0)
        {
            if twin.regions != 0 && twin.regions & regions == 0 {
                continue;
            }
            let target = bit(twin.fact);
            if *yes & source != 0 {
                *yes |= target;
                *unsure &= !target;
                *no &= !target;
            } else if *unsure & source != 0 && *yes & target == 0 {
                *unsure |= target;
                *no &= !target;
            } else if *no & source != 0 && (*yes | *unsure) & target == 0 {
                *no |= target;
            }
        }
    }
}

/// The derived facts that hold: age bands, sex, onset, duration, severe pain, both sides.
fn derived(answers: &Answers, age: Option<u8>, both_sides: bool) -> FactSet {
    let mut facts = 0;
    let mut derived = |condition: bool, fact: Derived| {
        if condition {
            facts |= bit(fact.fact());
        }
    };
    derived(answers.onset == Some(Onset::Sudden), Derived::OnsetSudden);
    derived(answers.onset == Some(Onset::Gradual), Derived::OnsetGradual);
    derived(answers.sex == Some(Sex::Female), Derived::Female);
    derived(answers.sex == Some(Sex::Male), Derived::Male);
    derived(answers.runner, Derived::Runner);
    // CLINICAL.md rule 10: an unknown age is not "adult". Without an age, only a "no" to "is
    // this check for someone under 16?" treats the person as an adult.
    let under_16_answer = answers.findings.get(UNDER_16).copied();
    derived(
        age.is_none() && under_16_answer != Some(Response::No),
        Derived::AgeUnder16,
    );
    if let Some(age) = age {
        derived(age < 16, Derived::AgeUnder16);
        derived(age < 20, Derived::AgeUnder20);
        derived(age < 45, Derived::AgeUnder45);
        derived(age >= 40, Derived::Age40Plus);
        derived(age >= 45, Derived::Age45Plus);
        derived(age >= 50, Derived::Age50Plus);
        derived(age >= 60, Derived::Age60Plus);
    }
    if let Some(weeks) = answers.duration_weeks {
        derived(weeks < 2.0, Derived::DurationUnder2Weeks);
        derived(weeks >= 12.0, Derived::Duration3MonthsPlus);
    }
    derived(
        answers.pain_now.is_some_and(|p| p >= 7),
        Derived::PainSevere,
    );
    derived(both_sides, Derived::BothSides);
    facts
}
