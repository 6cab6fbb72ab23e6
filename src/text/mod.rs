//! Text utilities shared by every layer: characters (Han, digits, numerals, sentence ends),
//! script folding, wrapping by display width, figures with units, folding for matching, diff
//! tokens. The bottom layer: nothing here refers to another module of the crate.

pub mod chars;
pub mod normalize;
pub mod numbers;
pub mod script;
pub mod tokens;
pub mod wrap;
