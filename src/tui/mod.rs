//! The terminal app: the screen stack and update (`app`), one module per screen (`screens`), the
//! keymap (`action`), drawing (`ui`), the loop (`run`). The top of the library: nothing below
//! refers to it. Nothing here touches files: the loop is handed a `Store` for saving; every word
//! shown comes from `present::labels`.

pub mod action;
pub mod app;
pub mod document;
pub mod entry;
pub mod layout;
pub mod run;
pub mod screens;
pub mod search;
pub mod theme;
pub mod ui;
