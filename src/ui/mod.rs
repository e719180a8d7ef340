//! The Yew widget. Compiled for wasm32 only; the engine it calls is plain Rust.

mod app;

pub use app::App;

/// Mounts the widget into the element with id `hipcheck`, or into `<body>` when a host page has
/// no such element, so a missing mount point never leaves a blank page.
pub fn mount() {
    let document = gloo::utils::document();
    match document.get_element_by_id("hipcheck") {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
