//! `assess` over every vignette, natively. Run: `cargo bench --bench assess`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/rust/common/mod.rs"]
mod common;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{black_box, Criterion};
    use hipcheck::engine::{assess, parse_answers, Answers};

    fn vignette_answers() -> Vec<Answers> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vignettes");
        super::common::vignette_files(&dir)
            .iter()
            .map(|p| {
                let doc: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(p).expect("readable"))
                        .expect("vignette JSON");
                parse_answers(&doc["answers"].to_string()).expect("vignette answers are valid")
            })
            .collect()
    }

    pub fn benches(c: &mut Criterion) {
        let all = vignette_answers();
        c.bench_function("assess one vignette (mean over the suite)", |b| {
            let mut i = 0;
            b.iter(|| {
                i = (i + 1) % all.len();
                black_box(assess(black_box(&all[i])))
            })
        });
        let json: Vec<String> = all
            .iter()
            .map(|a| serde_json::to_string(a).expect("serialisable"))
            .collect();
        c.bench_function("parse + assess + serialise one vignette", |b| {
            let mut i = 0;
            b.iter(|| {
                i = (i + 1) % json.len();
                let answers = parse_answers(black_box(&json[i])).expect("valid");
                black_box(serde_json::to_string(&assess(&answers)).expect("serialisable"))
            })
        });
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let mut criterion = criterion::Criterion::default().configure_from_args();
    native::benches(&mut criterion);
    criterion.final_summary();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
