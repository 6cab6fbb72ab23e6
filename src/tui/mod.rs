//! The terminal app: state and update (`app`), the keymap (`action`), drawing (`ui`), the loop
//! (`run`). Nothing here touches files: the loop is handed a `Store` for saving.

pub mod action;
pub mod app;
pub mod audit;
pub mod compare;
pub mod document;
pub mod layout;
pub mod run;
pub mod theme;
pub mod ui;
