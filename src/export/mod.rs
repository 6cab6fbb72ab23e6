//! What leaves planlens for people without a terminal: Markdown and CSV tables, the audit
//! workbook (.xlsx) and its verdicts read back, the matrix workbook (.xlsx), and the comparison
//! redline (.html); each a writer over what `present/` built. Must not depend on tui, the CLI or ratatui.

pub mod matrix_workbook;
pub mod redline;
pub mod sheet;
pub mod table;
pub mod workbook;
pub mod workbook_edits;

pub use table::{csv, defused, markdown_table};
