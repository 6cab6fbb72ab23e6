//! Page text (.txt, or any file that is not markup) -> lines: decoded, nothing set aside (the
//! importer's own furniture rules read it). Depends on import's decode and model; no files.

use super::Extracted;
use crate::import::{ImportError, decode};
use crate::model::SourceFormat;

/// Decodes page text; its lines are the file's lines.
pub fn extract(bytes: &[u8]) -> Result<Extracted, ImportError> {
    let decoded = decode::decode(bytes)?;
    Ok(Extracted {
        text: decoded.text,
        furniture: Vec::new(),
        damaged: decoded.damaged,
        format: SourceFormat::Text,
        generated: Vec::new(),
    })
}
