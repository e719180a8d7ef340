//! Component tests that render the real Yew widget in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen_test::*;
use yew::platform::time::sleep;

wasm_bindgen_test_configure!(run_in_browser);

/// Renders the app into a fresh element and lets Yew's scheduler run once.
async fn render_app() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document
        .create_element("div")
        .expect("a div can be created");
    document
        .body()
        .expect("a test page has a body")
        .append_child(&root)
        .expect("append");
    yew::Renderer::<hipcheck::ui::App>::with_root(root.clone()).render();
    sleep(Duration::from_millis(20)).await;
    root
}

#[wasm_bindgen_test]
async fn app_renders_its_heading_and_privacy_promise() {
    let root = render_app().await;
    let heading = root
        .query_selector("h1")
        .unwrap()
        .expect("the app renders an h1");
    assert_eq!(heading.text_content().as_deref(), Some("HipCheck"));
    let text = root.text_content().unwrap_or_default();
    assert!(
        text.contains("not a diagnosis"),
        "says it is not a diagnosis: {text}"
    );
    assert!(
        text.contains("leaves this device"),
        "states the privacy promise: {text}"
    );
}
