//! What the views say, shared by the CLI and the TUI: the Chinese labels of statuses, verdicts
//! and warnings, and every other UI string. Reads compare/ and store/ types; must not depend on
//! tui, the CLI or ratatui.

pub mod labels;
