//! Holding two reports against each other: content similarity, section alignment and in-pair
//! highlights (compare), a plan against the next year's summary (audit), and what is off about
//! such a pair (warnings). Depends on model and text only; returns data and enums, never UI text.

pub mod align;
pub mod audit;
pub mod background;
pub mod corpus;
pub mod diff;
pub mod index;
pub mod key;
pub mod lexicon;
pub mod similarity;
pub mod targets;
pub mod terms;
pub mod threads;
pub mod topics;
pub mod warnings;
pub mod weakening;
