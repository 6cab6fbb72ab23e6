//! Raw page text -> `Report`: decode, set furniture aside, rejoin wraps, read outline and metadata.
//! Depends on text and model only: no files (that is `load`), nothing of compare or the views.
//!
//! The import is lossless: every non-whitespace character of the page ends up, in order, in
//! exactly one place of the report (preamble, part heading or text, node marker, title or text,
//! or `dropped`). [`check_lossless`] proves it for any input.

mod cruft;
pub mod decode;
mod hardwrap;
mod markers;
pub mod meta;
mod outline;
mod signoff;
pub mod sources;
mod tablecells;

use crate::model::{DroppedInfo, PartKind, Report, SCHEMA, SourceFormat};
use crate::text::script::to_simplified;
use crate::text::wrap::str_width;

pub use decode::DecodeError;

/// Why a page could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error("line {line}: no report outline found (no 一、 or (一) headings, no numbered items)")]
    NoOutline { line: usize },
    #[error(
        "<body>: no article found: no block of the page holds a report outline (一、 or (一) \
         headings, numbered items)"
    )]
    NoArticle,
    #[error(
        "byte 0: a web archive (.mhtml), which planlens does not read: save the page again as \
         a web page (.html, \"HTML only\" or \"complete\")"
    )]
    WebArchive,
    #[error("byte 0: {0}, which planlens does not read: save it as .docx or PDF")]
    NotRead(Unreadable),
    #[error("{place}: not a readable Word document (.docx): {reason}")]
    Docx { place: String, reason: String },
    #[error(
        "byte 0: a password-protected (encrypted) PDF, which planlens cannot open: save a copy \
         without the password, or as .docx"
    )]
    PdfEncrypted,
    #[error(
        "page 1: no text layer in this PDF ({pages} {}): a scanned document (pictures of pages), \
         which planlens does not read; ask for the .docx or a PDF with text",
        if *pages == 1 { "page" } else { "pages" }
    )]
    PdfNoText { pages: usize },
    #[error("{place}: a damaged PDF: {reason}")]
    PdfBroken { place: String, reason: String },
}

/// Office formats recognised only to say they are not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// The binary Word format of Word 97–2003 (.doc): an OLE compound file.
    Doc,
    /// A WPS Office document (.wps): an OLE compound file too.
    Wps,
    /// An OFD document (.ofd), the Chinese fixed-layout format (GB/T 33190).
    Ofd,
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Unreadable::Doc => "an old binary Word document (.doc)",
            Unreadable::Wps => "a WPS Office document (.wps)",
            Unreadable::Ofd => "an OFD document (.ofd)",
        })
    }
}

/// Characters that carry no text: Unicode whitespace, and the zero-width space, word joiner and
/// byte-order mark that scraped pages scatter at line edges.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// One non-blank line of the page, trimmed, with its 1-based line number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceLine<'a> {
    pub number: usize,
    pub text: &'a str,
    /// The line folded to simplified script, for matching: the page is folded once, and folding
    /// keeps byte offsets (see [`to_simplified`]), so every piece of `text` has its fold at the
    /// same offsets here.
    pub folded: &'a str,
    /// The display column `text` starts at in its source line: the width of the indent trimmed
    /// from the line (`　　`, 4 cells), and of the line's pieces before it.
    pub column: usize,
}

impl<'a> SourceLine<'a> {
    /// The piece of the line at `range`, in byte offsets of `text` (and so of `folded`).
    fn slice(&self, range: std::ops::Range<usize>) -> SourceLine<'a> {
        SourceLine {
            number: self.number,
            text: &self.text[range.clone()],
            folded: &self.folded[range.clone()],
            column: self.column + str_width(&self.text[..range.start], false),
        }
    }

    /// The line without whitespace at its ends (which folding leaves as it is).
    fn trim(&self) -> SourceLine<'a> {
        let end = self.text.trim_end().len();
        self.slice(end - self.text[..end].trim_start().len()..end)
    }
}

/// The non-blank lines of a text, trimmed of blanks (whitespace including NBSP and the U+3000
/// indent, and zero-width characters, see [`is_blank`]); `\r\n`, `\n` and a lone `\r` all end
/// a line. `folded` is the text folded to simplified script ([`to_simplified`]), byte for byte;
/// a caller that matches nothing gives the text itself.
pub fn source_lines<'a>(text: &'a str, folded: &'a str) -> Vec<SourceLine<'a>> {
    let mut lines = Vec::new();
    let mut number = 0;
    let mut segment_start = 0;
    // split at `\n`, then at `\r` (both found with memchr): a `\r` before a `\n` is part of the
    // line ending
    let mut segments = text.split('\n').peekable();
    while let Some(segment) = segments.next() {
        let body = match segments.peek() {
            Some(_) => segment.strip_suffix('\r').unwrap_or(segment),
            None => segment,
        };
        let mut start = segment_start;
        for line in body.split('\r') {
            number += 1;
            let trimmed = line.trim_start_matches(is_blank);
            let indent = &line[..line.len() - trimmed.len()];
            let at = start + indent.len();
            let trimmed = trimmed.trim_end_matches(is_blank);
            if !trimmed.is_empty() {
                lines.push(SourceLine {
                    number,
                    text: trimmed,
                    folded: &folded[at..at + trimmed.len()],
                    column: str_width(indent, false),
                });
            }
            start += line.len() + 1;
        }
        segment_start += segment.len() + 1;
    }
    lines
}

/// Imports a page saved in any supported encoding; the report counts its damaged bytes.
pub fn import_bytes(bytes: &[u8]) -> Result<Report, ImportError> {
    import_extracted(&sources::extract(sources::Format::Text, bytes)?)
}

/// Imports a source file named `path` (the name is read for its extension only) through the
/// extractor of its format.
pub fn import_source(path: &std::path::Path, bytes: &[u8]) -> Result<Report, ImportError> {
    import_extracted(&sources::extract(sources::sniff(path, bytes), bytes)?)
}

/// Imports extracted text: the lines its format set aside go to `dropped` as they are, the rest
/// through the furniture rules, the outline and the metadata.
pub fn import_extracted(extracted: &sources::Extracted) -> Result<Report, ImportError> {
    let mut report = import_lines(&extracted.text, &extracted.furniture)?;
    report.damaged = extracted.damaged;
    report.source = extracted.format;
    report.generated = extracted.generated.clone();
    Ok(report)
}

/// Imports the text of a page.
pub fn import_text(text: &str) -> Result<Report, ImportError> {
    import_lines(text, &[])
}

fn import_lines(text: &str, furniture: &[sources::Furniture]) -> Result<Report, ImportError> {
    let folded = to_simplified(text);
    let all = source_lines(text, &folded);
    let (preset, lines): (Vec<SourceLine<'_>>, Vec<SourceLine<'_>>) = all.iter().partition(|l| {
        furniture
            .binary_search_by_key(&l.number, |f| f.line)
            .is_ok()
    });
    let mut sorted = cruft::sort(&lines);
    if !preset.is_empty() {
        let mut merged = Vec::with_capacity(sorted.pieces.len() + preset.len());
        let mut preset = preset.into_iter().peekable();
        for piece in std::mem::take(&mut sorted.pieces) {
            while let Some(line) = preset.next_if(|l| l.number < piece.0.number) {
                merged.push((line, cruft::Place::Content));
            }
            merged.push(piece);
        }
        merged.extend(preset.map(|l| (l, cruft::Place::Content)));
        sorted.pieces = merged;
    }
    let is_preset = |line: &SourceLine<'_>| {
        furniture
            .binary_search_by_key(&line.number, |f| f.line)
            .ok()
            .map(|i| &furniture[i])
    };
    let content: Vec<SourceLine<'_>> = sorted
        .pieces
        .iter()
        .filter(|(line, place)| *place == cruft::Place::Content && is_preset(line).is_none())
        .map(|(line, _)| *line)
        .collect();
    let ends: Vec<outline::LineEnd> = hardwrap::wraps(&content, &all)
        .into_iter()
        .zip(tablecells::cells(&content))
        .map(|(wrap, cell)| match (wrap, cell) {
            (_, true) => outline::LineEnd::Cell,
            (true, false) => outline::LineEnd::Wrap,
            (false, false) => outline::LineEnd::Break,
        })
        .collect();
    let outline = outline::parse(&content, &ends);
    if outline.parts.is_empty() {
        let line = content.first().or(all.first()).map_or(1, |l| l.number);
        return Err(ImportError::NoOutline { line });
    }
    let mut dropped = Vec::new();
    let mut dropped_info = Vec::new();
    for (line, place) in &sorted.pieces {
        let (reason, from) = match (is_preset(line), place) {
            (Some(f), _) => (f.reason, f.from.clone()),
            (None, cruft::Place::Dropped(reason)) => (*reason, None),
            (None, cruft::Place::Content) => continue,
        };
        dropped.push(line.text.to_string());
        dropped_info.push(DroppedInfo {
            line: line.number,
            reason,
            from,
        });
    }
    let title = sorted
        .title
        .clone()
        .or(sorted.name.clone())
        .unwrap_or_default();
    let kept: String = if furniture.is_empty() {
        String::new()
    } else {
        lines.iter().map(|l| l.text).collect()
    };
    let mut report = Report {
        schema: SCHEMA.to_string(),
        city: None,
        district: None,
        bureau: None,
        published: sorted.published.clone(),
        script: if furniture.is_empty() {
            meta::script(text, &folded)
        } else {
            meta::script(&kept, &to_simplified(&kept))
        },
        preamble: outline.preamble,
        parts: outline.parts,
        dropped,
        dropped_info,
        title,
        damaged: 0,
        source: SourceFormat::Text,
        generated: Vec::new(),
    };
    fill_organisation(&mut report, sorted.publisher.as_deref());
    fill_part_kinds(&mut report);
    Ok(report)
}

/// City, district and bureau from the title, then from the publisher metadata line, then
/// from the part headings, then from the opening sentence (a page with no title line).
fn fill_organisation(report: &mut Report, publisher: Option<&str>) {
    let headings = report.parts.iter().map(|p| p.heading.as_str());
    let sources = std::iter::once(report.title.as_str()).chain(headings);
    let mut candidates: Vec<meta::Organisation> = sources.map(meta::organisation).collect();
    candidates.insert(
        1,
        publisher.map(meta::split_organisation).unwrap_or_default(),
    );
    candidates.push(meta::opening_organisation(&report.preamble));
    for org in candidates {
        report.city = report.city.take().or(org.city);
        report.district = report.district.take().or(org.district);
        report.bureau = report.bureau.take().or(org.bureau);
    }
}

/// Kind, year and half of each part from its heading; what a heading leaves open comes from
/// the title (`2024年工作总结和2025年工作计划`: the summary is 2024, the plan 2025), and a summary
/// under themed headings from what the title or opening announces ([`fill_announced_summary`]).
fn fill_part_kinds(report: &mut Report) {
    let folded_title = to_simplified(&report.title);
    let title_years = meta::years(&folded_title);
    let (title_kind, _, title_half) = meta::part_kind(&report.title);
    for part in &mut report.parts {
        let (mut kind, year, half) = meta::part_kind(&part.heading);
        if part.heading.is_empty() {
            kind = title_kind;
        }
        part.kind = kind;
        part.half = half.or(title_half.filter(|_| part.heading.is_empty()));
        part.year = year.or_else(|| match kind {
            PartKind::Summary => title_years.first().copied(),
            PartKind::Plan => title_years.last().copied(),
            PartKind::Other => None,
        });
    }
    fill_announced_summary(report);
    // A plan without a year follows the summary's year: the next year, or the same year for a
    // mid-year report's second half.
    let summary_year = report.part_of_kind(PartKind::Summary).and_then(|p| p.year);
    for part in &mut report.parts {
        if part.kind == PartKind::Plan && part.year.is_none() {
            part.year = summary_year.map(|y| if part.half.is_some() { y } else { y + 1 });
        }
    }
}

/// A report announcing the summary of year N and the plan of N+1 (in its title or opening) whose
/// summary sections carry themed headings with no kind word (一、聚焦环境质量改善…): with no part
/// named a summary, the parts before the plan are the summary of year N, all but a part on
/// shortcomings (存在的问题).
fn fill_announced_summary(report: &mut Report) {
    if report.part_of_kind(PartKind::Summary).is_some() {
        return;
    }
    let Some(plan) = report.parts.iter().position(|p| p.kind == PartKind::Plan) else {
        return;
    };
    let announced = meta::announced_summary_year(&report.title)
        .or_else(|| meta::announced_summary_year(&report.preamble));
    let Some(year) = announced.filter(|&y| report.parts[plan].year.is_none_or(|p| p == y + 1))
    else {
        return;
    };
    for part in &mut report.parts[..plan] {
        if part.kind == PartKind::Other && !meta::names_shortcomings(&part.heading) {
            part.kind = PartKind::Summary;
            part.year = part.year.or(Some(year));
        }
    }
}

/// Where the lossless property fails: the first character of the source not found in order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {what}")]
pub struct LosslessError {
    pub line: usize,
    pub what: String,
}

/// Checks that every non-blank character of `source` appears, in order, in exactly one
/// place of `report`: the report's content (preamble, parts, nodes in document order)
/// interleaved with its `dropped` pieces at the lines `dropped_info` gives. Text the report
/// records as `generated` (Word's numbering) is in the extracted source like the rest, and must
/// open the line it is recorded at.
pub fn check_lossless(source: &str, report: &Report) -> Result<(), LosslessError> {
    let lines = source_lines(source, source);
    for generated in &report.generated {
        let opens = lines
            .iter()
            .find(|l| l.number == generated.line)
            .is_some_and(|l| l.text.starts_with(generated.text.trim_matches(is_blank)));
        if !opens {
            return Err(LosslessError {
                line: generated.line,
                what: format!(
                    "generated text `{}` does not open this line",
                    generated.text
                ),
            });
        }
    }
    let source: Vec<(char, usize)> = lines
        .iter()
        .flat_map(|l| l.text.chars().map(move |c| (c, l.number)))
        .filter(|&(c, _)| !is_blank(c))
        .collect();
    let non_blank = |s: &str| s.chars().filter(|&c| !is_blank(c)).collect::<Vec<_>>();
    let content: Vec<char> = report
        .content_pieces()
        .into_iter()
        .flat_map(non_blank)
        .collect();
    let dropped: Vec<(Vec<char>, usize)> = report
        .dropped
        .iter()
        .zip(
            report
                .dropped_info
                .iter()
                .map(|d| d.line)
                .chain(std::iter::repeat(0)),
        )
        .map(|(text, line)| (non_blank(text), line))
        .collect();
    // Line by line: the line's characters are its dropped pieces (in order) and, between
    // them, the next content characters. A piece may match in more than one place of its line
    // (打印 in 打印机…打印), so every placement is tried.
    let (mut c, mut d) = (0, 0);
    let mut start = 0;
    while start < source.len() {
        let line = source[start].1;
        let end = source[start..]
            .iter()
            .position(|&(_, l)| l != line)
            .map_or(source.len(), |n| start + n);
        let chars: Vec<char> = source[start..end].iter().map(|&(ch, _)| ch).collect();
        let pieces = dropped[d..]
            .iter()
            .take_while(|(_, at)| *at == line)
            .count();
        let placed = dropped[d..d + pieces]
            .iter()
            .map(|(p, _)| p.as_slice())
            .collect::<Vec<_>>();
        match place_pieces(&chars, &placed, &content[c.min(content.len())..]) {
            Some(used) => c += used,
            None => {
                let context: String = chars.iter().take(12).collect();
                return Err(LosslessError {
                    line,
                    what: format!("source text `{context}` is not in the output at this point"),
                });
            }
        }
        d += pieces;
        start = end;
    }
    if c < content.len() {
        let extra: String = content[c..].iter().take(12).collect();
        return Err(LosslessError {
            line: source.last().map_or(0, |s| s.1),
            what: format!("output has text `{extra}` that is not in the source"),
        });
    }
    if let Some((piece, line)) = dropped.get(d) {
        return Err(LosslessError {
            line: *line,
            what: format!(
                "dropped piece `{}` is not in the source",
                piece.iter().collect::<String>()
            ),
        });
    }
    Ok(())
}

/// Places `pieces` (in order, not overlapping) in `line` so that the characters between and
/// around them are the start of `content`; returns how many content characters that uses.
fn place_pieces(line: &[char], pieces: &[&[char]], content: &[char]) -> Option<usize> {
    let Some((piece, rest)) = pieces.split_first() else {
        return (content.len() >= line.len() && content[..line.len()] == *line)
            .then_some(line.len());
    };
    let mut gap = 0;
    loop {
        // line[..gap] is content; try the piece at `gap`
        if line.len() >= gap + piece.len()
            && line[gap..gap + piece.len()] == **piece
            && let Some(used) = place_pieces(&line[gap + piece.len()..], rest, &content[gap..])
        {
            return Some(gap + used);
        }
        if gap >= line.len() || content.get(gap) != Some(&line[gap]) {
            return None;
        }
        gap += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_word_that_also_starts_a_content_word_is_placed_right() {
        let source = "标题2024年工作计划\n一、2025年工作计划\n（一）推进政务信息化。\n一是完成区直单位打印机国产化替代。 打印\n";
        let report = import_text(source).unwrap();
        assert_eq!(report.dropped.last().map(String::as_str), Some("打印"));
        assert_eq!(check_lossless(source, &report), Ok(()));
    }

    #[test]
    fn themed_sections_before_an_announced_plan_are_the_summary() {
        let kinds = |source: &str| {
            let report = import_text(source).unwrap();
            let parts = report.parts.iter().map(|p| (p.kind, p.year));
            parts.collect::<Vec<_>>()
        };
        let body = "一、聚焦环境质量改善，污染防治取得新进展\n1.大气治理纵深推进。完成改造。\n二、聚焦服务发展，审批效能持续提升\n1.环评审批提速。审批186宗。\n三、存在的问题\n一是治理设施改造滞后。\n四、2026年工作计划\n（一）打好蓝天保卫战。\n";
        let (summary, other, plan) = (PartKind::Summary, PartKind::Other, PartKind::Plan);
        let expected = [
            (summary, Some(2025)),
            (summary, Some(2025)),
            (other, None),
            (plan, Some(2026)),
        ];
        let titled = format!("区生态环境局关于2025年工作总结和2026年工作计划的报告\n{body}");
        assert_eq!(kinds(&titled), expected);
        let opened =
            format!("区人民政府：\n现将我局2025年工作总结和2026年工作计划报告如下：\n{body}");
        assert_eq!(kinds(&opened), expected);
        // a page naming its summary part keeps its other parts other
        let named = "区生态环境局2025年工作总结和2026年工作计划\n一、基本情况\n二、2025年工作总结\n三、2026年工作计划\n";
        assert_eq!(
            kinds(named),
            [(other, None), (summary, Some(2025)), (plan, Some(2026))]
        );
    }

    #[test]
    fn source_lines_handle_every_line_ending_and_indent() {
        let text = "a\r\n\u{3000}\u{3000}b\rc\n\u{a0}\u{a0}d \n\n";
        let lines = source_lines(text, text);
        let texts: Vec<_> = lines.iter().map(|l| (l.number, l.text, l.column)).collect();
        assert_eq!(
            texts,
            vec![(1, "a", 0), (2, "b", 4), (3, "c", 0), (4, "d", 2)]
        );
    }

    #[test]
    fn zero_width_characters_at_line_edges_do_not_hide_markers() {
        let report =
            import_text("\u{FEFF}\u{200B}一、2024年工作总结\n\u{200B}（一）加强建设。\n").unwrap();
        assert_eq!(report.parts[0].heading, "一、2024年工作总结");
        assert_eq!(report.parts[0].nodes[0].marker, "（一）");
    }

    #[test]
    fn generated_text_must_open_the_line_it_is_recorded_at() {
        let source = "区局2024年工作总结\n一、2024年工作总结\n（一）推进建设。\n";
        let mut report = import_text(source).unwrap();
        report.generated = vec![crate::model::Generated {
            line: 2,
            text: "一、".to_string(),
        }];
        assert_eq!(check_lossless(source, &report), Ok(()));
        report.generated[0].line = 3;
        assert_eq!(check_lossless(source, &report).unwrap_err().line, 3);
    }

    #[test]
    fn lossless_check_catches_a_lost_character() {
        let source = "光明区政务服务和数据管理局2024年工作总结\n一、2024年工作总结\n(一)坚持发力。一是成效。\n×\n";
        let mut report = import_text(source).unwrap();
        assert_eq!(check_lossless(source, &report), Ok(()));
        report.parts[0].nodes[0].children[0].text.push('!');
        assert!(check_lossless(source, &report).is_err());
        report.parts[0].nodes[0].children[0].text.pop();
        report.parts[0].nodes[0].title.remove(0);
        let err = check_lossless(source, &report).unwrap_err();
        assert_eq!(err.line, 3);
    }
}
