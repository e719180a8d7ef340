//! What every component needs besides the state: the message catalog, the clinic's settings
//! and an id prefix unique to this widget instance (two widgets on a page must not share ids).

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::messages::{catalog, Messages};

/// Settings a clinic gives the widget (`data-` attributes on the standalone page's mount point,
/// plain attributes on `<hip-check>`, the query of `iframe.html`; src/ui/config.rs reads them),
/// and two the loaders give it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    pub booking_url: Option<AttrValue>,
    pub booking_label: Option<AttrValue>,
    pub clinic_name: Option<AttrValue>,
    pub phone: Option<AttrValue>,
    /// The URL of the folder this build is served from, ending in `/` (given by the loader,
    /// not by the clinic): the results text is fetched from there.
    pub assets: AttrValue,
    /// A shared check's saved record (`shared` attribute, set by the hand-off module from the
    /// page's share link).
    pub shared: Option<AttrValue>,
}

#[derive(Clone, PartialEq)]
pub struct Ui {
    pub m: &'static Messages,
    pub config: Rc<Config>,
    pub uid: AttrValue,
}

impl Ui {
    pub fn new(config: Config, uid: AttrValue) -> Ui {
        Ui {
            m: catalog(),
            config: Rc::new(config),
            uid,
        }
    }

    /// An element id unique to this widget instance.
    pub fn id(&self, local: &str) -> String {
        format!("{}-{local}", self.uid)
    }
}

#[hook]
pub fn use_ui() -> Ui {
    use_context::<Ui>().unwrap_or_else(|| Ui::new(Config::default(), AttrValue::from("hc")))
}
