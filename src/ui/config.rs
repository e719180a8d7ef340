//! The clinic's settings, read from attributes and refused when unsafe.

use yew::AttrValue;

use crate::ui::context::Config;

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
/// `booking-label`, `clinic-name`, `phone`, and the loaders' `shared` (a share link's
/// record), each behind `prefix` (`""` on the `<hip-check>` element, `"data-"` on the
/// standalone page's mount point). `lang` is the loaders' business: a build has one language;
/// `accent` and `theme` are too (assets/runtime/theme.mjs colours the start screen before the app).
/// Refusals are logged naming the attribute; the widget always starts.
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
                "HipCheck: {prefix}booking-url '{url}' refused: only https:, http:, mailto: and tel: links"
            ));
        }
        safe
    });
    Config {
        booking_url,
        booking_label: attr("booking-label").map(AttrValue::from),
        clinic_name: attr("clinic-name").map(AttrValue::from),
        phone: attr("phone").map(AttrValue::from),
        assets: AttrValue::default(),
        shared: attr("shared").map(AttrValue::from),
    }
}
