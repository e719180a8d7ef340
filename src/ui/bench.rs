//! The in-browser engine benchmark hook (cargo feature `bench`, for benches/browser/run.mjs only).

#[cfg(feature = "bench")]
use wasm_bindgen::prelude::*;

/// Microseconds per `assess` call, measured inside the browser over `iterations` calls on three
/// typical answer sets (benches/browser/run.mjs reports it beside the native criterion figure).
#[cfg(feature = "bench")]
#[wasm_bindgen(js_name = benchAssess)]
pub fn bench_assess(iterations: u32) -> f64 {
    use crate::engine::{assess, Answers, Onset, Response, Side};
    let case = |regions: &[&str], yes: &[&str], age: u8| {
        let mut answers = Answers {
            age: Some(age),
            onset: Some(Onset::Gradual),
            ..Answers::default()
        };
        for region in regions {
            answers.toggle_pain(region, Side::Left);
        }
        for finding in yes {
            answers
                .findings
                .insert((*finding).to_string(), Response::Yes);
        }
        answers
    };
    let cases = [
        case(
            &["side-hip", "outer-thigh"],
            &[
                "pain-lying-on-side",
                "tender-side-hip",
                "pain-single-leg-stand",
            ],
            52,
        ),
        case(
            &["hip-crease"],
            &["pain-earlier-each-run", "mileage-spike", "reds-signs"],
            24,
        ),
        case(
            &["buttock", "back-thigh", "low-back"],
            &["back-pain", "pain-below-knee", "pain-worse-cough"],
            41,
        ),
    ];
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return f64::NAN;
    };
    let iterations = iterations.max(1);
    let start = performance.now();
    for i in 0..iterations {
        std::hint::black_box(assess(std::hint::black_box(
            &cases[i as usize % cases.len()],
        )));
    }
    (performance.now() - start) * 1000.0 / f64::from(iterations)
}
