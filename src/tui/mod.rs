//! The terminal app: state and update (`app`), the keymap (`action`), drawing (`ui`), the loop
//! (`run`). The top of the library: nothing below refers to it. Nothing here touches files: the
//! loop is handed a `Store` for saving; every word shown comes from `present::labels`.

pub mod action;
pub mod app;
pub mod audit;
pub mod compare;
pub mod document;
pub mod layout;
pub mod run;
pub mod theme;
pub mod ui;
