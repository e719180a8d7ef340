//! Loads the results text file (`crate::texts`) once per page, from beside the wasm, and lets
//! components re-render when it arrives. Started when the person leaves the start screen, so
//! a visitor who only looks at the page never downloads it; by the results screen it has
//! long arrived (or comes from the service worker's cache).

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::kb::TEXTS_FILE;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    Loading,
    Ready,
    Failed,
}

thread_local! {
    static STATUS: Cell<Status> = const { Cell::new(Status::NotStarted) };
    static LISTENERS: RefCell<Vec<Callback<()>>> = const { RefCell::new(Vec::new()) };
}

fn set_status(status: Status) {
    STATUS.with(|s| s.set(status));
    // Cloned out first: a listener's re-render may (un)subscribe while we iterate.
    let listeners = LISTENERS.with(|l| l.borrow().clone());
    for listener in listeners {
        listener.emit(());
    }
}

pub fn status() -> Status {
    if crate::texts::installed() {
        Status::Ready
    } else {
        STATUS.with(Cell::get)
    }
}

/// Starts loading the file from `assets` (the URL of the build's folder, ending in `/`), unless
/// it is loaded or loading. Also the retry after a failure.
pub fn load(assets: &str) {
    if matches!(status(), Status::Loading | Status::Ready) {
        return;
    }
    set_status(Status::Loading);
    let url = format!("{assets}{TEXTS_FILE}");
    yew::platform::spawn_local(async move {
        let loaded = match fetch_text(&url).await {
            Some(file) => crate::texts::install(file).is_ok(),
            None => false,
        };
        if !loaded {
            gloo::console::error!(format!("HipCheck: could not load {url}"));
        }
        set_status(if loaded {
            Status::Ready
        } else {
            Status::Failed
        });
    });
}

async fn fetch_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// The load status, re-rendering the calling component whenever it changes.
#[hook]
pub fn use_results_text() -> Status {
    let update = use_force_update();
    use_effect_with((), move |_| {
        let listener = Callback::from(move |_| update.force_update());
        LISTENERS.with(|l| l.borrow_mut().push(listener.clone()));
        move || LISTENERS.with(|l| l.borrow_mut().retain(|other| *other != listener))
    });
    status()
}
