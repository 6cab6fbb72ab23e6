//! Text utilities shared by every view: display-width line wrapping.

pub mod wrap;
