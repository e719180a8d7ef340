//! The crash screen: after a panic every widget on the page shows a message instead of freezing.

use crate::ui::storage;

thread_local! {
    /// Every mount point on the page, so a panic can replace each widget with a message.
    pub static MOUNTS: std::cell::RefCell<Vec<web_sys::Element>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Static markup (no user content) shown in place of every widget after a panic. The link
/// reloads the page; the saved answers are cleared first so a bad record cannot crash twice.
#[cfg(not(hipcheck_lang = "es"))]
const CRASHED: &str = r#"<section class="hc-app" lang="en" aria-label="HipCheck"><div class="hc-card hc-crashed" role="alert"><h2>Something went wrong</h2><p>HipCheck hit a problem and stopped. Nothing you entered has left this device.</p><p><a class="hc-button hc-primary" href="">Start again</a></p></div></section>"#;
#[cfg(hipcheck_lang = "es")]
const CRASHED: &str = r#"<section class="hc-app" lang="es" aria-label="HipCheck"><div class="hc-card hc-crashed" role="alert"><h2>Algo salió mal</h2><p>HipCheck tuvo un problema y se detuvo. Nada de lo que escribió ha salido de este dispositivo.</p><p><a class="hc-button hc-primary" href="">Empezar de nuevo</a></p></div></section>"#;

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
