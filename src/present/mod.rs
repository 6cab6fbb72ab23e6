//! What the views say, shared by the CLI and the TUI: the Chinese labels of statuses, verdicts
//! and warnings, and every other UI string; the audit and the comparison as tables of typed
//! cells, built once and read by every output. Reads compare/ and store/ types; must not depend
//! on tui, the CLI or ratatui.

pub mod audit_table;
pub mod comparison;
pub mod labels;
pub mod matrix;
pub mod threads;
