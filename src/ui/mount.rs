//! The one entry point JavaScript calls: renders a widget into a mount point.

use wasm_bindgen::prelude::*;
use yew::AttrValue;

use crate::ui::app::{App, AppProps};
use crate::ui::config::config_from;
use crate::ui::context::Config;
use crate::ui::panic::{show_crash_screen, MOUNTS};

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
