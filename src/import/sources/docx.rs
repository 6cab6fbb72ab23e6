//! Word documents (.docx) -> lines: the zip's word/document.xml read with quick-xml, one line
//! per paragraph (and per line break in it), one per table row (its cells joined by a space),
//! each numbered paragraph opened by the label Word's automatic numbering shows, recorded as
//! generated. Deleted text and the fallback copies of text boxes are left out. Depends on
//! import and model; no files.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;
use zip::ZipArchive;

use super::Extracted;
use super::word_numbering::{Numbering, ParagraphNumbering, XmlError, attribute};
use crate::import::{ImportError, Unreadable, is_blank};
use crate::model::{Generated, SourceFormat};

/// The main part of a Word document.
const DOCUMENT: &str = "word/document.xml";
/// Largest part read: a report's document.xml is a few hundred kilobytes; this refuses a zip
/// bomb without refusing a long report.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// Elements whose content is not the document's text: tracked deletions and moves, the old
/// properties of a tracked change, the fallback copy of a text box (`mc:Fallback`).
const SKIPPED: &[&str] = &["del", "moveFrom", "pPrChange", "rPrChange", "Fallback"];

/// Reads a Word document into lines, its numbering labels recorded as generated.
pub fn extract(bytes: &[u8]) -> Result<Extracted, ImportError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| ImportError::Docx {
        place: "byte 0".to_string(),
        reason: format!("not a zip package ({e})"),
    })?;
    if archive.index_for_name(DOCUMENT).is_none() {
        if archive.index_for_name("OFD.xml").is_some() {
            return Err(ImportError::NotRead(Unreadable::Ofd));
        }
        return Err(ImportError::Docx {
            place: DOCUMENT.to_string(),
            reason: "missing: a zip package, but not a Word document".to_string(),
        });
    }
    let document = read_part(&mut archive, DOCUMENT)?.unwrap_or_default();
    let numbering = read_part(&mut archive, "word/numbering.xml")?;
    let styles = read_part(&mut archive, "word/styles.xml")?;
    let numbering = Numbering::parse(numbering.as_deref(), styles.as_deref())
        .map_err(|(part, error)| xml_error(&part, error))?;
    let body = read_body(&document, numbering).map_err(|e| xml_error(DOCUMENT, e))?;
    let mut text = String::new();
    for line in &body.lines {
        text.push_str(line);
        text.push('\n');
    }
    Ok(Extracted {
        text,
        furniture: Vec::new(),
        damaged: 0,
        format: SourceFormat::Docx,
        generated: body.generated,
    })
}

fn xml_error(part: &str, error: XmlError) -> ImportError {
    ImportError::Docx {
        place: format!("{part} byte {}", error.byte),
        reason: error.message,
    }
}

/// A part of the package as text, `None` when the package has no such part.
fn read_part(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, ImportError> {
    let broken = |reason: String| ImportError::Docx {
        place: name.to_string(),
        reason,
    };
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(broken(e.to_string())),
    };
    let mut bytes = Vec::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| broken(format!("cannot be unpacked ({e})")))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(broken(format!("larger than {MAX_PART_BYTES} bytes")));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).map(Some).map_err(|e| {
        broken(format!(
            "not UTF-8 at byte {}",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// The lines of a document body and the labels generated at their starts.
#[derive(Debug, Default)]
struct Body {
    lines: Vec<String>,
    generated: Vec<Generated>,
}

/// A paragraph being read: its text (`\n` at each line break) and numbering properties.
#[derive(Debug, Default)]
struct Paragraph {
    text: String,
    numbering: ParagraphNumbering,
}

/// A table being read: the cells of the current row and the text of the current cell.
#[derive(Debug, Default)]
struct Table {
    cells: Vec<String>,
    cell: String,
}

/// Walks document.xml: paragraphs (nested ones, in text boxes, too) and tables.
fn read_body(xml: &str, mut numbering: Numbering) -> Result<Body, XmlError> {
    let mut body = Body::default();
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut tables: Vec<Table> = Vec::new();
    let mut skipped = 0usize;
    let mut in_text = false;
    let mut in_properties = false;
    let mut reader = Reader::from_str(xml);
    loop {
        let event = reader.read_event().map_err(|e| XmlError {
            byte: reader.error_position(),
            message: e.to_string(),
        })?;
        let (name, opening, closing) = match &event {
            Event::Start(e) => (e.local_name().as_ref().to_string(), true, false),
            Event::Empty(e) => (e.local_name().as_ref().to_string(), true, true),
            Event::End(e) => (e.local_name().as_ref().to_string(), false, true),
            Event::Text(text) if in_text && skipped == 0 => {
                if let Some(p) = paragraphs.last_mut() {
                    p.text.push_str(&text.xml10_content());
                }
                continue;
            }
            Event::GeneralRef(reference) if in_text && skipped == 0 => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match reference.xml10_content().as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let (Some(p), Some(c)) = (paragraphs.last_mut(), resolved) {
                    p.text.push(c);
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        if skipped > 0 {
            skipped = skipped + usize::from(opening) - usize::from(closing);
            continue;
        }
        if opening && SKIPPED.contains(&name.as_str()) {
            skipped = usize::from(!closing);
            continue;
        }
        let element = match &event {
            Event::Start(e) | Event::Empty(e) => Some(e),
            _ => None,
        };
        let value = || element.and_then(|e| attribute(e, "val"));
        if opening {
            match name.as_str() {
                "p" if !closing => paragraphs.push(Paragraph::default()),
                "pPr" if !closing => in_properties = true,
                "t" if !closing => in_text = true,
                "tbl" if !closing => tables.push(Table::default()),
                "tr" => {
                    if let Some(table) = tables.last_mut() {
                        table.cells.clear();
                    }
                }
                "tc" => {
                    if let Some(table) = tables.last_mut() {
                        table.cell.clear();
                    }
                }
                "pStyle" | "numId" | "ilvl" if in_properties => {
                    if let Some(p) = paragraphs.last_mut() {
                        let numbering = &mut p.numbering;
                        match name.as_str() {
                            "pStyle" => numbering.style = value(),
                            "numId" => numbering.num_id = value(),
                            _ => numbering.level = value().and_then(|v| v.trim().parse().ok()),
                        }
                    }
                }
                "tab" if !in_properties => push(&mut paragraphs, " "),
                "noBreakHyphen" => push(&mut paragraphs, "-"),
                "br" | "cr" => {
                    let kind = element.and_then(|e| attribute(e, "type"));
                    if !matches!(kind.as_deref(), Some("page" | "column")) {
                        push(&mut paragraphs, "\n");
                    }
                }
                _ => {}
            }
        }
        if closing {
            match name.as_str() {
                "t" => in_text = false,
                "pPr" => in_properties = false,
                "p" if !opening => {
                    if let Some(paragraph) = paragraphs.pop() {
                        end_paragraph(paragraph, &mut numbering, &mut tables, &mut body);
                    }
                }
                "tc" => {
                    if let Some(table) = tables.last_mut() {
                        let cell = std::mem::take(&mut table.cell);
                        table.cells.push(cell);
                    }
                }
                "tr" => {
                    let row = tables.last_mut().map(|t| {
                        let cells: Vec<&str> = t
                            .cells
                            .iter()
                            .map(|c| c.trim_matches(is_blank))
                            .filter(|c| !c.is_empty())
                            .collect();
                        cells.join(" ")
                    });
                    if let Some(row) = row {
                        match tables.len() {
                            1 => push_line(&mut body, &row, None),
                            _ => {
                                let outer = tables.len() - 2;
                                add_to_cell(&mut tables[outer].cell, &row);
                            }
                        }
                    }
                }
                "tbl" if !opening => {
                    tables.pop();
                }
                _ => {}
            }
        }
    }
    Ok(body)
}

/// Adds text to the innermost open paragraph.
fn push(paragraphs: &mut [Paragraph], text: &str) {
    if let Some(p) = paragraphs.last_mut() {
        p.text.push_str(text);
    }
}

/// A finished paragraph: counted by the numbering; its lines, the first opened by its label,
/// go to the body, or into the open table cell (without a label).
fn end_paragraph(
    paragraph: Paragraph,
    numbering: &mut Numbering,
    tables: &mut [Table],
    body: &mut Body,
) {
    let label = numbering.label(&paragraph.numbering);
    if let Some(table) = tables.last_mut() {
        add_to_cell(&mut table.cell, &paragraph.text.replace('\n', " "));
        return;
    }
    let mut label = label;
    for line in paragraph.text.split('\n') {
        if line.chars().all(is_blank) {
            continue;
        }
        push_line(body, line, label.take());
    }
}

/// Appends a paragraph's text to a table cell, a space between paragraphs.
fn add_to_cell(cell: &mut String, text: &str) {
    let text = text.trim_matches(is_blank);
    if text.is_empty() {
        return;
    }
    if !cell.is_empty() {
        cell.push(' ');
    }
    cell.push_str(text);
}

/// Adds a line to the body, opened by a generated label.
fn push_line(body: &mut Body, text: &str, label: Option<String>) {
    if text.chars().all(is_blank) {
        return;
    }
    let mut line = String::new();
    if let Some(label) = label {
        body.generated.push(Generated {
            line: body.lines.len() + 1,
            text: label.clone(),
        });
        line.push_str(&label);
    }
    line.push_str(text.trim_start_matches(is_blank));
    body.lines.push(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(paragraphs: &str) -> Body {
        let xml = format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="w" xmlns:mc="mc"><w:body>{paragraphs}</w:body></w:document>"#
        );
        read_body(&xml, Numbering::default()).unwrap()
    }

    #[test]
    fn runs_join_into_paragraphs_and_table_rows_into_lines() {
        let read = body(
            r#"<w:p><w:r><w:t>一、</w:t></w:r><w:r><w:t>2024</w:t></w:r><w:r><w:t>年工作总结</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>6.2%</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>A&amp;B&#x4E00;</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t xml:space="preserve">第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>完</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            read.lines,
            [
                "一、2024年工作总结",
                "指标 6.2%",
                "A&B一",
                "第一行",
                "第二行 完"
            ]
        );
        assert!(read.generated.is_empty());
    }

    #[test]
    fn deleted_text_and_fallback_copies_are_left_out() {
        let read = body(
            r#"<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删去</w:delText><w:t>删去</w:t></w:r></w:del>
            <w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></mc:Choice>
            <mc:Fallback><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
        );
        assert_eq!(read.lines, ["文本框", "保留"]);
    }

    #[test]
    fn a_package_that_is_not_a_word_document_is_a_one_line_error() {
        let error = extract(b"PK\x03\x04 not really").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("byte 0: not a readable Word document")
        );
        let error = read_body("<w:p><w:t>x</w:p>", Numbering::default()).unwrap_err();
        assert!(error.byte > 0);
    }
}
