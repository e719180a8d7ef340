//! Component tests that render the real Yew widget in headless Chromium (wasm-bindgen-test).
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::platform::time::sleep;

wasm_bindgen_test_configure!(run_in_browser);

/// Renders a fresh app (with no saved answers) into its own element. The after-Start text
/// (symptom questions, help, the plan) is installed from the build, as the page's download
/// would; this harness serves no such file.
async fn render_app() -> Element {
    let _ =
        hipcheck::texts::install(include_str!(concat!(env!("OUT_DIR"), "/texts.txt")).to_string());
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.clear();
    }
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<hipcheck::ui::App>::with_root(root.clone()).render();
    settle().await;
    root
}

async fn settle() {
    sleep(Duration::from_millis(30)).await;
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn button(root: &Element, text: &str) -> HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .find(|b| b.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no button '{text}'"))
}

async fn click(element: &Element) {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    element.dispatch_event(&event).unwrap();
    settle().await;
}

/// The "No" of "Is this check for someone under 16?", asked first when no age was given.
fn not_under_16(root: &Element) -> HtmlElement {
    let radios = root
        .query_selector_all(r#"input[name$="-q-under-16"]"#)
        .unwrap();
    radios
        .item(1)
        .and_then(|n| n.dyn_into::<HtmlElement>().ok())
        .expect("the under-16 question, second option")
}

async fn go_to_where_step(root: &Element) {
    click(&button(root, "Start")).await;
    assert!(
        button(root, "None of these apply to me").has_attribute("disabled"),
        "without an age, the safety screen waits for the under-16 answer"
    );
    not_under_16(root).click();
    settle().await;
    click(&button(root, "None of these apply to me")).await;
    assert_eq!(
        find(root, ".hc-step-heading").text_content().as_deref(),
        Some("Where does it hurt?")
    );
}

#[wasm_bindgen_test]
async fn start_screen_says_what_this_is() {
    let root = render_app().await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("about 5½ minutes"), "{text}");
    assert!(text.contains("not a diagnosis"), "{text}");
    assert!(
        text.contains("nothing you enter leaves this device"),
        "{text}"
    );
    assert!(text.contains("call your local emergency number"), "{text}");
}

#[wasm_bindgen_test]
async fn toggling_a_region_sets_aria_pressed_and_adds_a_removable_chip() {
    let root = render_app().await;
    go_to_where_step(&root).await;
    click(&button(&root, "Side view")).await;
    let region = find(&root, r#"[data-region="side-hip"][data-side="right"]"#);
    assert_eq!(
        region.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(region.get_attribute("role").as_deref(), Some("button"));
    assert_eq!(
        region.get_attribute("aria-label").as_deref(),
        Some("Right · point of the hip")
    );

    click(&region).await;
    let region = find(&root, r#"[data-region="side-hip"][data-side="right"]"#);
    assert_eq!(
        region.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let chip = find(&root, ".hc-chip");
    assert!(chip
        .text_content()
        .unwrap_or_default()
        .contains("Right · point of the hip"));

    click(&chip).await;
    assert!(
        root.query_selector(".hc-chip").unwrap().is_none(),
        "removing the chip un-picks the region"
    );
    let region = find(&root, r#"[data-region="side-hip"][data-side="right"]"#);
    assert_eq!(
        region.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
}

/// Answers "No" to every question from "about your pain": those asked together there ("Do any
/// of these apply to you?", left unticked) and then those asked one at a time. Returns the
/// question texts asked.
async fn questions_asked(root: &Element) -> Vec<String> {
    let together = root
        .query_selector_all(".hc-symptoms .hc-group legend")
        .unwrap();
    let mut asked: Vec<String> = (0..together.length())
        .filter_map(|i| together.item(i))
        .map(|legend| legend.text_content().unwrap_or_default())
        .collect();
    let finish = if asked.is_empty() {
        "Continue"
    } else {
        "None of these apply to me"
    };
    click(&button(root, finish)).await;
    for _ in 0..40 {
        let title = find(root, ".hc-q-title").text_content().unwrap_or_default();
        if title.trim() == "Your result is ready" {
            return asked;
        }
        asked.push(title);
        let answers = find(root, ".hc-answers");
        click(&button(&answers, "No")).await;
    }
    panic!("the interview does not end: {asked:?}");
}

#[wasm_bindgen_test]
async fn picking_the_side_of_the_hip_brings_its_questions() {
    let root = render_app().await;
    go_to_where_step(&root).await;
    click(&button(&root, "Back view")).await;
    click(&find(
        &root,
        r#"[data-region="back-thigh"][data-side="left"]"#,
    ))
    .await;
    click(&button(&root, "Continue")).await;
    let asked = questions_asked(&root).await;
    assert!(
        !asked.iter().any(|q| q.contains("lie on the sore side")),
        "side-hip questions must not appear for the back of the thigh: {asked:?}"
    );

    let root = render_app().await;
    go_to_where_step(&root).await;
    click(&button(&root, "Side view")).await;
    click(&find(
        &root,
        r#"[data-region="side-hip"][data-side="right"]"#,
    ))
    .await;
    click(&button(&root, "Continue")).await;
    let asked = questions_asked(&root).await;
    assert!(
        asked
            .iter()
            .any(|q| q.contains("Is the point of your hip sore to press on?")),
        "{asked:?}"
    );
}
