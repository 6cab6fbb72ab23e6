//! The extractor registry: which format a file is (`sniff`) and its text as lines plus what the
//! format already knows (`extract`). One module per format; everything after extraction
//! (furniture rules, outline, metadata, the lossless check) is the importer's, run on the
//! extracted text. Depends on import and model; no files (the path is read for its name only).

mod docx;
mod html;
mod pdf;
mod pdf_layout;
mod text;
mod word_numbering;

use std::path::Path;

use super::{ImportError, Unreadable};
use crate::model::{DropReason, Generated, SourceFormat};

/// What a source file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    /// A web archive (.mht, .mhtml): not read; the error says to save the page as HTML.
    Mhtml,
    /// A Word document (.docx).
    Docx,
    /// A PDF (its text layer is read).
    Pdf,
    /// Office formats not read (.doc, .wps, .ofd); the error says to save as .docx or PDF.
    Unreadable(Unreadable),
}

/// File name extensions of each format, lower case.
const EXTENSIONS: &[(&str, Format)] = &[
    ("txt", Format::Text),
    ("html", Format::Html),
    ("htm", Format::Html),
    ("xhtml", Format::Html),
    ("shtml", Format::Html),
    ("mht", Format::Mhtml),
    ("mhtml", Format::Mhtml),
    ("docx", Format::Docx),
    ("pdf", Format::Pdf),
    ("doc", Format::Unreadable(Unreadable::Doc)),
    ("wps", Format::Unreadable(Unreadable::Wps)),
    ("ofd", Format::Unreadable(Unreadable::Ofd)),
];

/// The first bytes of a PDF.
const PDF_MAGIC: &[u8] = b"%PDF-";
/// The first bytes of an OLE compound file: .doc and .wps.
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// The first bytes of a zip archive: .docx and .ofd.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// How far into a file without a known extension its markup is looked for.
const SNIFF_REACH: usize = 1024;

/// The text of a source and what its format already told about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// One line per paragraph, block or table row, `\n` after each.
    pub text: String,
    /// Lines the format marks as page furniture, in line order.
    pub furniture: Vec<Furniture>,
    /// Byte sequences that did not decode.
    pub damaged: usize,
    pub format: SourceFormat,
    /// Text the extractor wrote at the start of a line that the file holds only as formatting
    /// (Word's numbering labels), in line order.
    pub generated: Vec<Generated>,
}

/// A line of the extracted text set aside by its format, why, and the element it sat in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Furniture {
    /// 1-based line of [`Extracted::text`].
    pub line: usize,
    pub reason: DropReason,
    pub from: Option<String>,
}

/// The format of a file: a binary format by its first bytes (a PDF, a zip archive, an OLE
/// compound file, whatever its name says: a .doc renamed .docx is still a .doc), else by its
/// extension, else by its first bytes (markup or a MIME archive header); page text otherwise.
pub fn sniff(path: &Path, bytes: &[u8]) -> Format {
    let named = format_of_name(path);
    if bytes.starts_with(PDF_MAGIC) {
        return Format::Pdf;
    }
    if bytes.starts_with(OLE_MAGIC) {
        return match named {
            Some(Format::Unreadable(Unreadable::Wps)) => Format::Unreadable(Unreadable::Wps),
            _ => Format::Unreadable(Unreadable::Doc),
        };
    }
    if bytes.starts_with(ZIP_MAGIC) {
        return match named {
            Some(Format::Unreadable(Unreadable::Ofd)) => Format::Unreadable(Unreadable::Ofd),
            _ => Format::Docx,
        };
    }
    if let Some(format) = named {
        return format;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(SNIFF_REACH)]).to_lowercase();
    let head = head.trim_start();
    if head.starts_with("mime-version:") || head.starts_with("from: <saved by") {
        Format::Mhtml
    } else if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<html")
    {
        Format::Html
    } else {
        Format::Text
    }
}

/// The format a file name says, if it names one.
fn format_of_name(path: &Path) -> Option<Format> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    EXTENSIONS
        .iter()
        .find(|(e, _)| *e == extension)
        .map(|&(_, format)| format)
}

/// True for the names of files an extractor reads (.txt, .html, .htm, .docx, .pdf …, and
/// .mhtml, .doc, .wps and .ofd, which are listed with their error).
pub fn is_source_name(path: &Path) -> bool {
    format_of_name(path).is_some()
}

/// The text of a source in the given format.
pub fn extract(format: Format, bytes: &[u8]) -> Result<Extracted, ImportError> {
    match format {
        Format::Text => text::extract(bytes),
        Format::Html => html::extract(bytes),
        Format::Mhtml => Err(ImportError::WebArchive),
        Format::Docx => docx::extract(bytes),
        Format::Pdf => pdf::extract(bytes),
        Format::Unreadable(format) => Err(ImportError::NotRead(format)),
    }
}
