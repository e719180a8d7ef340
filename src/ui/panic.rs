//! The crash screen: after a panic every widget on the page shows a message instead of freezing.

use crate::ui::messages::CRASHED;
use crate::ui::storage;

thread_local! {
    /// Every mount point on the page, so a panic can replace each widget with a message.
    pub static MOUNTS: std::cell::RefCell<Vec<web_sys::Element>> = const { std::cell::RefCell::new(Vec::new()) };
}

// The markup is `messages::CRASHED`, generated from content/ui.toml in the build's language.

/// A release build aborts on panic, which would leave a frozen widget; this hook first replaces
/// every widget with a message (plain DOM, since Rust code cannot run after the abort). The
/// exception that follows stays inside the widget's own call and never breaks the host page.
pub fn show_crash_screen(info: &std::panic::PanicHookInfo<'_>) {
    gloo::console::error!(format!("HipCheck stopped: {info}"));
    storage::clear();
    MOUNTS.with(|mounts| {
        for mount in mounts.borrow().iter() {
            mount.set_inner_html(CRASHED);
        }
    });
}
