//! The Yew widget. Compiled for wasm32 only; it calls the engine and never re-implements it.

mod app;
mod body_map;
mod context;
mod emergency_step;
mod exercise_card;
mod figure;
mod messages;
mod progress;
mod question;
mod region_chips;
mod region_list;
mod results_step;
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

fn config_from(element: &web_sys::Element) -> Config {
    let attr = |name: &str| {
        element
            .get_attribute(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let booking_url = attr("data-booking-url").and_then(|url| {
        let safe = safe_booking_url(&url);
        if safe.is_none() {
            gloo::console::error!(format!(
                "HipCheck: data-booking-url refused: only https:, http:, mailto: and tel: links are allowed (got '{url}')"
            ));
        }
        safe
    });
    let lang = attr("data-lang").unwrap_or_else(|| "en".to_string());
    if messages::messages(&lang).is_none() {
        gloo::console::warn!(format!(
            "HipCheck: data-lang '{lang}' is not available; using English"
        ));
    }
    Config {
        booking_url,
        booking_label: attr("data-booking-label").map(AttrValue::from),
        clinic_name: attr("data-clinic-name").map(AttrValue::from),
        phone: attr("data-phone").map(AttrValue::from),
        lang: AttrValue::from(lang),
    }
}

/// Mounts the widget into the element with id `hipcheck` (reading the clinic's settings from its
/// `data-*` attributes), or into `<body>` when a host page has no such element.
pub fn mount() {
    let document = gloo::utils::document();
    match document.get_element_by_id("hipcheck") {
        Some(root) => {
            let config = config_from(&root);
            yew::Renderer::<App>::with_root_and_props(root, AppProps { config }).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
