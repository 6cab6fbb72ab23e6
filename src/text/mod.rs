//! Text utilities shared by every view: display-width line wrapping, figures with units.

pub mod numbers;
pub mod wrap;
