//! The Yew widget. Compiled for wasm32 only; it calls the engine and never re-implements it.

mod app;
mod body_map;
mod choice;
mod context;
mod emergency_step;
mod exercise_card;
mod figure;
mod list_items;
mod messages;
mod progress;
mod question;
mod region_chips;
mod region_list;
mod results_step;
mod results_text;
mod safety_step;
mod start_step;
mod state;
mod storage;
mod symptoms_step;
mod where_step;

pub use app::{App, AppProps};
pub use context::Config;
pub use state::{Action, Saved, State, Step};
pub use storage::parse as parse_saved;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::AttrValue;

/// Schemes a booking link may use; anything else (`javascript:`, `data:`) is refused.
const BOOKING_SCHEMES: [&str; 4] = ["https:", "http:", "mailto:", "tel:"];

/// A booking link is accepted only with a safe scheme.
pub fn safe_booking_url(url: &str) -> Option<AttrValue> {
    let trimmed = url.trim();
    let lower = trimmed.to_ascii_lowercase();
    BOOKING_SCHEMES
        .iter()
        .any(|scheme| lower.starts_with(scheme))
        .then(|| AttrValue::from(trimmed.to_string()))
}

/// Reads and validates the clinic's settings from `element`'s attributes: `booking-url`,
/// `booking-label`, `clinic-name`, `phone`, `lang`, `accent`, each behind `prefix` (`""` on the
/// `<hip-check>` element, `"data-"` on the standalone page's mount point). Refusals are logged
/// naming the attribute; the widget always starts.
pub fn config_from(element: &web_sys::Element, prefix: &str) -> Config {
    let attr = |name: &str| {
        element
            .get_attribute(&format!("{prefix}{name}"))
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let booking_url = attr("booking-url").and_then(|url| {
        let safe = safe_booking_url(&url);
        if safe.is_none() {
            gloo::console::error!(format!(
                "HipCheck: attribute {prefix}booking-url refused: only https:, http:, mailto: and tel: links are allowed (got '{url}'). The widget works without a booking link."
            ));
        }
        safe
    });
    let lang = match attr("lang") {
        Some(lang) if messages::messages(&lang).is_some() => lang,
        Some(lang) => {
            gloo::console::warn!(format!(
                "HipCheck: attribute {prefix}lang '{lang}' is not available; using English."
            ));
            "en".to_string()
        }
        None => "en".to_string(),
    };
    if let Some(accent) = attr("accent") {
        if web_sys::css::supports_with_value("color", &accent).unwrap_or(false) {
            if let Some(host) = element.dyn_ref::<web_sys::HtmlElement>() {
                let _ = host.style().set_property("--hipcheck-accent", &accent);
            }
        } else {
            gloo::console::warn!(format!(
                "HipCheck: attribute {prefix}accent '{accent}' is not a CSS colour; using the default."
            ));
        }
    }
    Config {
        booking_url,
        booking_label: attr("booking-label").map(AttrValue::from),
        clinic_name: attr("clinic-name").map(AttrValue::from),
        phone: attr("phone").map(AttrValue::from),
        lang: AttrValue::from(lang),
        assets: AttrValue::default(),
    }
}

thread_local! {
    /// Every mount point on the page, so a panic can replace each widget with a message.
    static MOUNTS: std::cell::RefCell<Vec<web_sys::Element>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Static markup (no user content) shown in place of every widget after a panic. The link
/// reloads the page; the saved answers are cleared first so a bad record cannot crash twice.
const CRASHED: &str = r#"<section class="hc-app" aria-label="HipCheck"><div class="hc-card hc-crashed" role="alert"><h2>Something went wrong</h2><p>HipCheck hit a problem and stopped. Nothing you entered has left this device.</p><p><a class="hc-button hc-primary" href="">Start again</a></p></div></section>"#;

/// A release build aborts on panic, which would leave a frozen widget; this hook first replaces
/// every widget with a message (plain DOM, since Rust code cannot run after the abort). The
/// exception that follows stays inside the widget's own call and never breaks the host page.
fn show_crash_screen(info: &std::panic::PanicHookInfo<'_>) {
    gloo::console::error!(format!("HipCheck stopped: {info}"));
    storage::clear();
    MOUNTS.with(|mounts| {
        for mount in mounts.borrow().iter() {
            mount.set_inner_html(CRASHED);
        }
    });
}

/// Renders a widget into `mount`, configured from `settings`' attributes (see [`config_from`]).
/// Called by the page loader (`prefix` "data-") and by `embed.js` for each `<hip-check>`
/// (`prefix` ""), whose mount point lives in the element's shadow root. `assets` is the URL of
/// the build's folder, where the results text file is.
#[wasm_bindgen(js_name = mountHipCheck)]
pub fn mount_hipcheck(
    mount: web_sys::Element,
    settings: web_sys::Element,
    prefix: &str,
    assets: &str,
) {
    let config = Config {
        assets: AttrValue::from(assets.to_string()),
        ..config_from(&settings, prefix)
    };
    // A test hook: proves the crash screen in the release build (tests/e2e/faults.test.mjs).
    let crash_test = settings.has_attribute(&format!("{prefix}crash-test"));
    yew::set_custom_panic_hook(Box::new(show_crash_screen));
    MOUNTS.with(|mounts| mounts.borrow_mut().push(mount.clone()));
    yew::Renderer::<App>::with_root_and_props(mount, AppProps { config, crash_test }).render();
}

/// Microseconds per `assess` call, measured inside the browser over `iterations` calls on three
/// typical answer sets (bench/run.mjs reports it beside the native criterion figure).
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
