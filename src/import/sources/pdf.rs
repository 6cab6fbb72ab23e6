//! PDFs with a text layer -> the glyphs of each page: pdf-extract (over lopdf) decodes the text
//! through each font's ToUnicode map and places every glyph; `pdf_layout` makes the lines. A
//! password-protected, scanned (no text) or damaged PDF is a one-line error; pdf-extract panics
//! on some damaged files, so it runs under `catch_unwind`, its panic message kept off standard
//! error. Depends on import and model; no files.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

use pdf_extract::{Document, MediaBox, OutputDev, OutputError, Transform};

use super::pdf_layout::{self, Glyph, Page};
use super::{Extracted, Furniture};
use crate::import::{ImportError, is_blank};
use crate::model::SourceFormat;

/// Reads the text layer of a PDF into lines, its running headers, footers and page numbers
/// marked as furniture.
pub fn extract(bytes: &[u8]) -> Result<Extracted, ImportError> {
    let pages = read_pages(bytes)?;
    let has_text = pages
        .iter()
        .flat_map(|p| &p.glyphs)
        .any(|g| !g.text.chars().all(is_blank));
    if !has_text {
        return Err(ImportError::PdfNoText { pages: pages.len() });
    }
    let mut text = String::new();
    let mut furniture = Vec::new();
    for (i, line) in pdf_layout::lay_out(&pages).into_iter().enumerate() {
        text.push_str(&line.text);
        text.push('\n');
        if let Some(reason) = line.furniture {
            furniture.push(Furniture {
                line: i + 1,
                reason,
                from: Some(format!("page {}", line.page)),
            });
        }
    }
    Ok(Extracted {
        text,
        furniture,
        damaged: 0,
        format: SourceFormat::Pdf,
        generated: Vec::new(),
    })
}

/// The glyphs of every page, in page order.
fn read_pages(bytes: &[u8]) -> Result<Vec<Page>, ImportError> {
    let broken = |place: String, reason: String| ImportError::PdfBroken { place, reason };
    let loaded = quietly(|| Document::load_mem(bytes))
        .ok_or_else(|| broken("byte 0".into(), "its structure cannot be read".into()))?;
    let mut document = loaded.map_err(|e| broken("byte 0".into(), e.to_string()))?;
    if document.is_encrypted() {
        match quietly(|| document.decrypt("")) {
            Some(Ok(())) => {}
            _ => return Err(ImportError::PdfEncrypted),
        }
    }
    let numbers: Vec<u32> = document.get_pages().keys().copied().collect();
    let mut collector = Collector::default();
    for number in numbers {
        let place = || format!("page {number}");
        match quietly(|| pdf_extract::output_doc_page(&document, &mut collector, number)) {
            Some(Ok(())) => {}
            Some(Err(e)) => return Err(broken(place(), e.to_string())),
            None => {
                return Err(broken(
                    place(),
                    "its content cannot be read (the text or a font is damaged)".into(),
                ));
            }
        }
    }
    Ok(collector.pages)
}

/// Receives pdf-extract's glyphs, page by page, in top-down coordinates.
#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _number: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.pages.push(Page {
            top: media_box.ury,
            height: (media_box.ury - media_box.lly).abs(),
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let Some(page) = self.pages.last_mut() else {
            return Ok(());
        };
        let size = font_size * trm.m21.hypot(trm.m22);
        let advance = (width * font_size + spacing) * trm.m11.hypot(trm.m12);
        let glyph = Glyph {
            x: trm.m31,
            y: page.top - trm.m32,
            advance,
            size,
            text: text.to_string(),
        };
        if [glyph.x, glyph.y, glyph.advance, glyph.size]
            .iter()
            .all(|v| v.is_finite())
        {
            page.glyphs.push(glyph);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

thread_local! {
    /// Set while this thread runs pdf-extract: a panic then is caught and reported as a damaged
    /// PDF, its message not printed.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, catching a panic (`None`) without printing it. The panic hook in place (the app's,
/// which restores the terminal) is kept for every other panic: it is wrapped, once.
fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    static WRAP_HOOK: Once = Once::new();
    WRAP_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result.ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_is_caught_and_the_flag_restored() {
        assert_eq!(quietly(|| 7), Some(7));
        assert_eq!(quietly(|| -> u8 { panic!("damaged") }), None);
        assert!(!QUIET.with(Cell::get));
    }

    #[test]
    fn bytes_that_are_not_a_pdf_are_a_damaged_pdf() {
        let error = extract(b"%PDF-1.7\n garbage").unwrap_err();
        assert!(matches!(error, ImportError::PdfBroken { .. }), "{error}");
    }
}
