//! Holding two reports against each other: content similarity, section alignment and in-pair
//! highlights (compare), and a plan against the next year's summary (audit). No UI types.

pub mod align;
pub mod audit;
pub mod diff;
pub mod lexicon;
pub mod similarity;
pub mod targets;
pub mod terms;
