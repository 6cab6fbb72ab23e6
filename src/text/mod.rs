//! Text utilities shared by every view: wrapping by display width, figures with units, and
//! folding for matching.

pub mod normalize;
pub mod numbers;
pub mod tokens;
pub mod wrap;
