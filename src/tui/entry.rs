//! A loaded report and where it came from: what the app is handed at start and every screen
//! reads. No state beyond that, no files (main.rs loads them).

use crate::model::Report;

/// A loaded report and where it came from (a path, or a bundled report's name).
#[derive(Debug, Clone)]
pub struct Entry {
    pub source: String,
    pub report: Report,
}

impl Entry {
    /// The reports compiled into the binary (they are tested to load).
    pub fn bundled() -> Vec<Entry> {
        crate::bundled::BUNDLED
            .iter()
            .filter_map(|b| {
                Some(Entry {
                    source: b.name.to_string(),
                    report: b.report().ok()?,
                })
            })
            .collect()
    }
}
