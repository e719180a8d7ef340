//! Loads the results text file (`crate::texts`) once per page, from beside the wasm, and lets
//! components re-render when it arrives. Started when the person leaves the start screen, so it
//! is not part of the first load; by the results screen it has long arrived (or comes from the
//! service worker's cache, which precaches it after a first visit for offline use).

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::kb::TEXTS_FILE;

/// A stalled connection ends as a failure (with "Try again") rather than loading forever.
const TIMEOUT_MS: u32 = 15_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    Loading,
    /// Loading again after a failure: the "Try again" button stays, so keyboard focus does too.
    Retrying,
    Ready,
    Failed,
}

thread_local! {
    static STATUS: Cell<Status> = const { Cell::new(Status::NotStarted) };
    static LISTENERS: RefCell<Vec<Callback<()>>> = const { RefCell::new(Vec::new()) };
    /// The widget whose "Try again" is in flight: if it succeeds, that widget's focus moves to
    /// the plan, as the button goes.
    static FOCUS_PLAN: RefCell<Option<AttrValue>> = const { RefCell::new(None) };
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
    let retrying = match status() {
        Status::NotStarted => false,
        Status::Failed => true,
        Status::Loading | Status::Retrying | Status::Ready => return,
    };
    set_status(if retrying {
        Status::Retrying
    } else {
        Status::Loading
    });
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

/// "Try again" in `widget` (its uid): loads again, remembering who asked.
pub fn retry(assets: &str, widget: AttrValue) {
    FOCUS_PLAN.with(|f| *f.borrow_mut() = Some(widget));
    load(assets);
}

/// Whether `widget`'s retry has just succeeded, so its focus should move to the plan. Asking
/// after the retry has ended, either way, forgets it.
pub fn take_focus_plan(widget: &str) -> bool {
    let status = status();
    if !matches!(status, Status::Ready | Status::Failed) {
        return false;
    }
    let asked = FOCUS_PLAN.with(|f| {
        let mut asker = f.borrow_mut();
        let asked = asker.as_deref() == Some(widget);
        if asked {
            *asker = None;
        }
        asked
    });
    asked && status == Status::Ready
}

async fn fetch_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let init = web_sys::RequestInit::new();
    // AbortSignal.timeout is missing before Safari 16; calling it there would throw.
    let has_timeout = js_sys::Reflect::get(&js_sys::global(), &"AbortSignal".into())
        .ok()
        .filter(|signal| signal.is_function())
        .is_some_and(|signal| js_sys::Reflect::has(&signal, &"timeout".into()).unwrap_or(false));
    if has_timeout {
        init.set_signal(Some(&web_sys::AbortSignal::timeout_with_u32(TIMEOUT_MS)));
    }
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
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
