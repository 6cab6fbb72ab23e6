//! planlens: read, compare and audit Chinese government work reports (工作总结和工作计划).
//!
//! A report is imported from the raw text of its web page ([`import`]) into one model
//! ([`model::Report`]), which every view and command reads. Files are read by [`load`].
//!
//! The modules are layers, each referring only to those below it: `text`, `model`, `import`,
//! `store`, `load`, `bundled`, `compare`, `search`, `present`, `export`, then the two front ends
//! `commands` (the CLI) and `tui`. docs/architecture.md has the map and the arrows, and
//! `tests/layers.rs` holds the code to them.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod bundled;
pub mod commands;
pub mod compare;
pub mod export;
pub mod import;
pub mod load;
pub mod model;
pub mod present;
pub mod search;
pub mod store;
#[cfg(feature = "synth")]
pub mod synth;
pub mod text;
pub mod tui;
