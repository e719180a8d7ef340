//! Validates `content/` and compiles it into static Rust data (`$OUT_DIR/kb.rs`), so a broken
//! content file fails the build with a message naming the file, the entry and the field, and
//! the browser never ships a parser for it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::cell::RefCell;
use std::fmt::Write as _;
use std::path::Path;

#[path = "src/content_model.rs"]
#[allow(dead_code)]
mod content_model;

#[path = "src/fnv1a.rs"]
mod fnv1a;

use content_model::{Content, Line, Pose, CONTENT_FILES, LEVELS};
use fnv1a::fnv1a;

fn main() {
    let dir = Path::new("content");
    println!("cargo:rerun-if-changed=src/content_model.rs");
    println!("cargo:rerun-if-changed=src/fnv1a.rs");
    for file in CONTENT_FILES {
        println!("cargo:rerun-if-changed=content/{file}");
    }
    let content = match content_model::load_dir(dir) {
        Ok(content) => content,
        Err(error) => {
            // One line naming file, entry and field is what a content editor needs to see.
            eprintln!("error: {error}");
            println!("cargo:warning={error}");
            std::process::exit(1);
        }
    };
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let pool = RefCell::new(Vec::new());
    let mut code = generate(&content, &pool);
    let texts = pool.into_inner();
    if texts.len() >= usize::from(u16::MAX >> 1) {
        // Handles are u16 with the top bit marking compiled-in text.
        eprintln!(
            "error: {} results texts, more than a Text handle can index",
            texts.len()
        );
        std::process::exit(1);
    }
    if let Some(text) = texts.iter().find(|t| t.contains('\n')) {
        // The browser splits the file on line breaks; one inside a text would shift every id.
        eprintln!("error: content text has a line break, which results text cannot hold: {text:?}");
        println!("cargo:warning=content text has a line break: {text:?}");
        std::process::exit(1);
    }
    let body = texts.join("\n");
    let hash = fnv1a(body.as_bytes());
    let file = format!("texts-{hash:016x}.txt");
    let _ = writeln!(
        code,
        "/// Results-only text, loaded by the browser when the person starts (see `texts`)."
    );
    let _ = writeln!(code, "pub const TEXTS_FILE: &str = {};", lit(&file));
    let _ = writeln!(code, "pub const TEXTS_HASH: u64 = {hash:#x};");
    let _ = writeln!(code, "pub const TEXTS_COUNT: usize = {};", texts.len());
    let out = Path::new(&out);
    // Files of earlier content would otherwise pile up beside the current one.
    if let Ok(entries) = std::fs::read_dir(out) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with("texts-") && name != file {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    std::fs::write(out.join("kb.rs"), code).expect("OUT_DIR is writable");
    // `texts.txt` is bundled into native builds; the hashed copy is what scripts/postbuild.mjs
    // ships beside the wasm that names it.
    std::fs::write(out.join("texts.txt"), &body).expect("OUT_DIR is writable");
    std::fs::write(out.join(&file), &body).expect("OUT_DIR is writable");
}

/// A Rust string literal (Debug escaping is valid Rust syntax).
fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn str_slice(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| lit(s)).collect();
    format!("&[{}]", inner.join(", "))
}

fn level(id: &str) -> &'static str {
    match LEVELS.iter().position(|l| *l == id) {
        Some(0) => "Level::SelfCare",
        Some(1) => "Level::Soon",
        Some(2) => "Level::WithinDays",
        Some(3) => "Level::SameDay",
        Some(4) => "Level::Emergency",
        _ => unreachable!("levels are validated before generation"),
    }
}

fn opt_u8(value: Option<u8>) -> String {
    match value {
        Some(v) => format!("Some({v})"),
        None => "None".to_string(),
    }
}

fn pose(p: &Pose) -> String {
    format!(
        "Pose {{ trunk: {}, work_thigh: {}, work_shin: {}, other_thigh: {}, other_shin: {}, upper_arm: {}, forearm: {} }}",
        p.trunk, p.work_thigh, p.work_shin, p.other_thigh, p.other_shin, p.upper_arm, p.forearm
    )
}

fn generate(content: &Content, pool: &RefCell<Vec<String>>) -> String {
    // Text only the results need goes to the pool (a separate file the browser loads later),
    // except advice about getting seen, which is compiled in so it never waits for a download.
    // Identical texts share one entry.
    let compiled_in = RefCell::new(Vec::<String>::new());
    let add = |pool: &RefCell<Vec<String>>, text: &str| -> usize {
        let mut pool = pool.borrow_mut();
        match pool.iter().position(|t| t == text) {
            Some(i) => i,
            None => {
                pool.push(text.to_string());
                pool.len() - 1
            }
        }
    };
    let deferred = |text: &str| -> String { format!("Text({})", add(pool, text)) };
    // The editor marks each line that says to get seen or to stop (CLINICAL.md rule 13; the
    // validator lints the marks): marked lines are compiled in, never left to the download.
    let line = |line: &Line| -> String {
        if line.get_seen {
            format!("Text({:#x})", COMPILED_IN | add(&compiled_in, &line.text))
        } else {
            deferred(&line.text)
        }
    };
    // A plan's review line says when to get seen: always compiled in.
    let compiled = |text: &str| format!("Text({:#x})", COMPILED_IN | add(&compiled_in, text));
    let deferred_slice = |items: &[Line]| -> String {
        let inner: Vec<String> = items.iter().map(&line).collect();
        format!("&[{}]", inner.join(", "))
    };
    let facts = content.fact_ids();
    let fact = |id: &str| {
        facts
            .iter()
            .position(|f| *f == id)
            .expect("validated fact id")
    };
    let set = |ids: &[String]| -> String {
        let bits: u128 = ids.iter().fold(0, |acc, id| acc | (1u128 << fact(id)));
        format!("{bits:#x}")
    };
    let weighted = |weights: &std::collections::BTreeMap<String, u8>| -> String {
        let mut items: Vec<(&String, &u8)> = weights.iter().collect();
        // Strongest evidence first, so explanations lead with what matters most.
        items.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let inner: Vec<String> = items
            .iter()
            .map(|(id, w)| format!("Weighted {{ fact: {}, weight: {w} }}", fact(id)))
            .collect();
        format!("&[{}]", inner.join(", "))
    };
    let condition_index = |id: &str| {
        content
            .conditions
            .iter()
            .position(|c| c.id == id)
            .expect("validated")
    };
    let exercise_index = |id: &str| {
        content
            .exercises
            .iter()
            .position(|e| e.id == id)
            .expect("validated")
    };

    let mut o = String::new();
    let _ = writeln!(o, "// Generated by build.rs from content/. Do not edit.");
    let _ = writeln!(
        o,
        "pub const DERIVED_BASE: Fact = {};",
        content.regions.len() + content.findings.len()
    );
    let age_gated: Vec<String> = content
        .findings
        .iter()
        .filter(|f| f.min_age.is_some() || f.max_age.is_some())
        .map(|f| f.id.clone())
        .collect();
    let _ = writeln!(o, "/// Findings only asked at some ages: a yes to one implies the person is in that age band.");
    let _ = writeln!(o, "pub const AGE_GATED: FactSet = {};", set(&age_gated));
    let finding_ids: Vec<String> = content.findings.iter().map(|f| f.id.clone()).collect();
    let _ = writeln!(o, "/// Every finding fact.");
    let _ = writeln!(o, "pub const FINDINGS: FactSet = {};", set(&finding_ids));
    let mut sorted: Vec<(&str, usize)> = content
        .findings
        .iter()
        .map(|f| (f.id.as_str(), fact(&f.id)))
        .collect();
    sorted.sort();
    let entries: Vec<String> = sorted
        .iter()
        .map(|(id, n)| format!("({}, {n})", lit(id)))
        .collect();
    let _ = writeln!(
        o,
        "/// Finding ids sorted, with their fact numbers, for binary search."
    );
    let _ = writeln!(
        o,
        "pub static FINDINGS_BY_ID: &[(&str, Fact)] = &[{}];",
        entries.join(", ")
    );
    let _ = writeln!(o, "pub static KB: Kb = Kb {{");
    let _ = writeln!(
        o,
        "facts: &[{}],",
        facts.iter().map(|f| lit(f)).collect::<Vec<_>>().join(", ")
    );

    let _ = writeln!(o, "regions: &[");
    for r in &content.regions {
        let view = match r.view.as_str() {
            "front" => "View::Front",
            "side" => "View::Side",
            _ => "View::Back",
        };
        let _ = writeln!(
            o,
            "Region {{ id: {}, view: {view}, label: {} }},",
            lit(&r.id),
            lit(&r.label)
        );
    }
    let _ = writeln!(o, "],");

    let _ = writeln!(o, "findings: &[");
    for f in &content.findings {
        let kind = match f.kind.as_str() {
            "symptom" => "FindingKind::Symptom",
            "history" => "FindingKind::History",
            _ => "FindingKind::RedFlag",
        };
        let sexes = f.sexes.iter().fold(0u8, |acc, sex| {
            acc | match sex.as_str() {
                "female" => 1,
                "male" => 2,
                _ => 4,
            }
        });
        let _ = writeln!(
            o,
            "Finding {{ id: {}, fact: {}, kind: {kind}, group: {}, label: {}, question: {}, help: {}, regions: {}, min_age: {}, max_age: {}, runner_only: {}, sexes: {sexes}, asked_if: {}, unknown_age_only: {}, replaced: {}, same_as: {} }},",
            lit(&f.id),
            fact(&f.id),
            lit(&f.group),
            lit(&f.label),
            // A replaced v1 question is never asked: its wording stays in content/ only.
            lit(if f.replaced_by.is_empty() { &f.question } else { "" }),
            // Red-flag help explains a safety question: compiled in. Symptom help is first shown
            // after Start, when the results text is on its way: deferred (-2 KB brotli).
            if f.kind == "red-flag" {
                compiled(if f.replaced_by.is_empty() { &f.help } else { "" })
            } else {
                deferred(&f.help)
            },
            set(&f.regions),
            opt_u8(f.min_age),
            opt_u8(f.max_age),
            f.runner_only,
            set(&f.asked_if),
            f.unknown_age_only,
            !f.replaced_by.is_empty(),
            set(&f.same_as)
        );
    }
    let _ = writeln!(o, "],");

    let _ = writeln!(o, "conditions: &[");
    for c in &content.conditions {
        let _ = writeln!(
            o,
            "Condition {{ id: {}, name: {}, summary: {}, care: {}, self_manage: {}, supports: {}, against: {}, against_if_no: {}, needs_any: {}, watch_for: {}, references: {} }},",
            lit(&c.id),
            lit(&c.name),
            line(&c.summary),
            level(&c.care),
            c.self_manage,
            weighted(&c.supports),
            weighted(&c.against),
            weighted(&c.against_if_no),
            set(&c.needs_any),
            str_slice(&c.watch_for),
            str_slice(&c.references)
        );
    }
    let _ = writeln!(o, "],");

    let _ = writeln!(o, "rules: &[");
    for r in &content.rules {
        let _ = writeln!(
            o,
            "Rule {{ id: {}, level: {}, all: {}, any: {}, regions: {}, needs_pain: {}, min_age: {}, max_age: {}, runner_only: {}, reason: {}, action: {}, #[cfg(not(target_arch = \"wasm32\"))] consider: {} }},",
            lit(&r.id),
            level(&r.level),
            set(&r.all),
            set(&r.any),
            set(&r.regions),
            r.needs_pain,
            opt_u8(r.min_age),
            opt_u8(r.max_age),
            r.runner_only,
            lit(&r.reason),
            lit(&r.action),
            str_slice(&r.consider)
        );
    }
    let _ = writeln!(o, "],");

    let _ = writeln!(o, "references: &[");
    for r in &content.references {
        let _ = writeln!(
            o,
            "Reference {{ id: {}, short: {}, citation: {} }},",
            lit(&r.id),
            lit(&r.short),
            deferred(&r.citation)
        );
    }
    let _ = writeln!(o, "],");

    let _ = writeln!(o, "exercises: &[");
    for e in &content.exercises {
        let also = match &e.also_called {
            Some(a) => format!("Some({})", deferred(a)),
            None => "None".to_string(),
        };
        let _ = writeln!(
            o,
            "Exercise {{ id: {}, name: {}, also_called: {also}, kind: {}, phase: {}, steps: {}, dosage: {}, cues: {}, avoid: {}, references: {}, pose: Illustration {{ front_view: {}, prop: {}, description: {}, start: {}, end: {} }} }},",
            lit(&e.id),
            deferred(&e.name),
            lit(&e.kind),
            e.phase,
            deferred_slice(&e.steps),
            line(&e.dosage),
            deferred_slice(&e.cues),
            deferred_slice(&e.avoid),
            str_slice(&e.references),
            e.pose.view == "front",
            lit(&e.pose.prop),
            deferred(&e.pose.description),
            pose(&e.pose.start),
            pose(&e.pose.end)
        );
    }
    let _ = writeln!(o, "],");

    let _ = writeln!(o, "plans: &[");
    for p in &content.plans {
        let phases: Vec<String> = p
            .phases
            .iter()
            .map(|ph| {
                let ex: Vec<String> = ph
                    .exercises
                    .iter()
                    .map(|id| exercise_index(id).to_string())
                    .collect();
                format!(
                    "Phase {{ name: {}, timing: {}, goal: {}, exercises: &[{}], move_on: {} }}",
                    deferred(&ph.name),
                    line(&ph.timing),
                    line(&ph.goal),
                    ex.join(", "),
                    deferred_slice(&ph.move_on)
                )
            })
            .collect();
        let pain_rule = if p.pain_rule == "bone" {
            "PainRule::Bone"
        } else {
            "PainRule::Tendon"
        };
        let _ = writeln!(
            o,
            "Plan {{ condition: {}, summary: {}, expected_course: {}, pain_rule: {pain_rule}, education: {}, avoid: {}, cross_training: {}, return_to_run: {}, review: {}, references: {}, phases: &[{}] }},",
            condition_index(&p.condition),
            line(&p.summary),
            line(&p.expected_course),
            deferred_slice(&p.education),
            deferred_slice(&p.avoid),
            deferred_slice(&p.cross_training),
            deferred_slice(&p.return_to_run),
            compiled(&p.review),
            str_slice(&p.references),
            phases.join(", ")
        );
    }
    let _ = writeln!(o, "],");

    let _ = writeln!(o, "until_seen: &[");
    for u in &content.until_seen {
        let conditions: Vec<String> = u
            .conditions
            .iter()
            .map(|id| condition_index(id).to_string())
            .collect();
        let _ = writeln!(
            o,
            "UntilSeen {{ id: {}, conditions: &[{}], title: {}, advice: {} }},",
            lit(&u.id),
            conditions.join(", "),
            lit(&u.title),
            str_slice(&u.advice)
        );
    }
    let _ = writeln!(o, "],");

    let _ = writeln!(o, "levels: [");
    for id in LEVELS {
        let t = &content.safety_net.levels[id];
        let _ = writeln!(
            o,
            "LevelText {{ headline: {}, how_soon: {}, who: {}, review: {}, with_plan: {} }},",
            lit(&t.headline),
            lit(&t.how_soon),
            lit(&t.who),
            str_slice(&t.review),
            str_slice(&t.with_plan)
        );
    }
    let _ = writeln!(o, "],");
    let _ = writeln!(o, "always: {},", str_slice(&content.safety_net.always));
    let _ = writeln!(
        o,
        "unsure_action: {},",
        lit(&content.safety_net.unsure_action)
    );
    let _ = writeln!(o, "no_answers: {},", lit(&content.safety_net.no_answers));
    let _ = writeln!(o, "}};");
    let _ = writeln!(
        o,
        "/// Results text compiled in (advice about getting seen), for `Text` handles with `COMPILED_IN` set."
    );
    let _ = writeln!(
        o,
        "pub static COMPILED_TEXTS: &[&str] = &[{}];",
        compiled_in
            .borrow()
            .iter()
            .map(|t| lit(t))
            .collect::<Vec<_>>()
            .join(", ")
    );
    o
}

/// The bit that marks a `Text` handle as compiled in (the same constant as `kb::COMPILED_IN`).
const COMPILED_IN: usize = 0x8000;
