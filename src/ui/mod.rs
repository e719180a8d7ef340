//! The Yew widget. Compiled for wasm32 only; it calls the engine and never re-implements it.

mod app;
mod bench;
mod config;
mod context;
mod messages;
mod mount;
mod panic;
mod results_text;
mod state;
/// One file per step of the flow, each a view function of the state.
mod steps;
mod storage;
/// Small views the steps share: the diagram, questions, chips, exercise cards.
mod widgets;

pub use app::{App, AppProps};
pub use context::Config;
pub use state::{Action, Saved, State, Step};
pub use storage::parse as parse_saved;

pub use config::{config_from, safe_booking_url};
pub use mount::mount_hipcheck;
