//! The placed glyphs of a PDF's pages -> the report's lines: glyphs on one baseline make a
//! visual line (a space only where a gap parts two Latin words or two table cells, so no
//! `2023 年`); the page's top and bottom lines that repeat from page to page are running headers
//! and footers, `— 3 —` / `第3页` page numbers, all set aside; visual lines join back into
//! paragraphs (a line running to the right margin, or stopping short of it without ending a
//! sentence, goes on in the next line unless that one is indented, opens an outline heading or
//! sits in another font size; also across a page break). Depends on import's markers and
//! cruft (page numbers) and on text and model; no files.

use std::collections::HashMap;

use crate::import::markers::{MarkerKind, marker_at};
use crate::import::{cruft, is_blank};
use crate::model::DropReason;
use crate::text::chars::ends_sentence;

/// Share of the page height, at the top and at the bottom, where running headers, footers and
/// page numbers sit (LibreOffice and Word put them inside the 20–37 mm margins of an A4 page:
/// at most 11% of its height).
const MARGIN_BAND: f64 = 0.12;
/// Baselines closer than this (in font sizes) are one visual line.
const SAME_BASELINE: f64 = 0.3;
/// A gap of at least this many font sizes parts table cells (kept as one space).
const CELL_GAP: f64 = 1.0;
/// A gap of at least this many font sizes between two Latin characters is a word space.
const WORD_GAP: f64 = 0.15;
/// A line ending within this many font sizes of the right margin runs to it.
const FULL_LINE_SLACK: f64 = 1.0;
/// A line that does not end a sentence and ends within this many font sizes of the right
/// margin was cut short by a word that did not fit (`126.5万次`, a kept-together quote).
const SHORT_LINE_SLACK: f64 = 4.0;
/// A line starting this many font sizes right of the left margin is indented.
const INDENT: f64 = 0.5;
/// A line further below the previous one than this many line pitches opens a paragraph.
const PARAGRAPH_GAP: f64 = 1.6;
/// Sizes differing by more than this share are another font size.
const SIZE_CHANGE: f64 = 0.15;

/// A glyph as pdf-extract places it: `x` from the page's left edge, `y` (the baseline) from its
/// top edge, in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub x: f64,
    pub y: f64,
    pub advance: f64,
    pub size: f64,
    pub text: String,
}

/// A page: its glyphs, and its media box's top edge and height.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub top: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
}

/// A line of the extracted text: a paragraph, or a piece of page furniture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    /// The 1-based page it starts on.
    pub page: usize,
    pub furniture: Option<DropReason>,
}

/// Glyphs on one baseline of a page, left to right.
#[derive(Debug, Clone)]
struct Visual {
    page: usize,
    y: f64,
    x0: f64,
    x1: f64,
    size: f64,
    text: String,
    /// It has a gap as wide as a table's between cells.
    table: bool,
}

/// Where the text block of the pages sits.
struct Frame {
    left: f64,
    right: f64,
    body_size: f64,
    pitch: f64,
}

/// The lines of a PDF: paragraphs in reading order, each piece of furniture after the paragraph
/// it interrupts.
pub fn lay_out(pages: &[Page]) -> Vec<Line> {
    let visual: Vec<Vec<Visual>> = pages
        .iter()
        .enumerate()
        .map(|(i, page)| visual_lines(i + 1, page))
        .collect();
    let furniture = furniture(pages, &visual);
    let body: Vec<&Visual> = visual
        .iter()
        .zip(&furniture)
        .flat_map(|(lines, marks)| lines.iter().zip(marks))
        .filter(|(_, mark)| mark.is_none())
        .map(|(line, _)| line)
        .collect();
    let Some(frame) = Frame::of(&body) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut open: Option<(Line, &Visual)> = None;
    let mut pending: Vec<Line> = Vec::new();
    for (line, mark) in visual
        .iter()
        .zip(&furniture)
        .flat_map(|(lines, marks)| lines.iter().zip(marks))
    {
        if let Some(reason) = mark {
            pending.push(Line {
                text: line.text.clone(),
                page: line.page,
                furniture: Some(*reason),
            });
            continue;
        }
        match open.as_mut() {
            Some((paragraph, last)) if frame.continues(last, line) => {
                join(&mut paragraph.text, &line.text);
                *last = line;
            }
            _ => {
                out.extend(open.take().map(|(paragraph, _)| paragraph));
                out.append(&mut pending);
                open = Some((
                    Line {
                        text: line.text.clone(),
                        page: line.page,
                        furniture: None,
                    },
                    line,
                ));
            }
        }
    }
    out.extend(open.map(|(paragraph, _)| paragraph));
    out.append(&mut pending);
    out
}

/// The visual lines of a page, top to bottom.
fn visual_lines(number: usize, page: &Page) -> Vec<Visual> {
    let mut glyphs: Vec<&Glyph> = page
        .glyphs
        .iter()
        .filter(|g| !g.text.chars().all(is_blank))
        .collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut lines = Vec::new();
    let mut start = 0;
    while start < glyphs.len() {
        let first = glyphs[start];
        let end = glyphs[start..]
            .iter()
            .position(|g| g.y - first.y > SAME_BASELINE * first.size.max(g.size))
            .map_or(glyphs.len(), |n| start + n);
        let mut row: Vec<&Glyph> = glyphs[start..end].to_vec();
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        lines.push(visual_line(number, &row));
        start = end;
    }
    lines
}

/// One baseline's glyphs as text: a space where a gap parts table cells or Latin words, none
/// between a Han character and a digit; a glyph drawn twice over itself (fake bold) once.
fn visual_line(page: usize, row: &[&Glyph]) -> Visual {
    let mut text = String::new();
    let mut table = false;
    let mut last: Option<&Glyph> = None;
    for &glyph in row {
        if let Some(prev) = last {
            let size = prev.size.max(glyph.size);
            if glyph.text == prev.text && (glyph.x - prev.x).abs() < 0.2 * size {
                continue;
            }
            let gap = glyph.x - (prev.x + prev.advance);
            let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_graphic());
            if gap >= CELL_GAP * size {
                table = true;
                text.push(' ');
            } else if gap >= WORD_GAP * size
                && latin(text.chars().last())
                && latin(glyph.text.chars().next())
            {
                text.push(' ');
            }
        }
        text.push_str(&glyph.text);
        last = Some(glyph);
    }
    let first = row.first();
    Visual {
        page,
        y: first.map_or(0.0, |g| g.y),
        x0: first.map_or(0.0, |g| g.x),
        x1: last.map_or(0.0, |g| g.x + g.advance),
        size: row.iter().map(|g| g.size).fold(0.0, f64::max),
        text,
        table,
    }
}

/// For each visual line, the furniture it is: a page number, or a header or footer line that
/// the top or the bottom of other pages repeats (figures aside: `第3页` and `第4页` repeat).
fn furniture(pages: &[Page], visual: &[Vec<Visual>]) -> Vec<Vec<Option<DropReason>>> {
    let in_top = |page: &Page, line: &Visual| line.y <= MARGIN_BAND * page.height;
    let in_bottom = |page: &Page, line: &Visual| line.y >= (1.0 - MARGIN_BAND) * page.height;
    let mut top_keys: HashMap<String, usize> = HashMap::new();
    let mut bottom_keys: HashMap<String, usize> = HashMap::new();
    for (page, lines) in pages.iter().zip(visual) {
        let mut top: Vec<String> = lines
            .iter()
            .filter(|l| in_top(page, l))
            .map(|l| repeat_key(&l.text))
            .collect();
        let mut bottom: Vec<String> = lines
            .iter()
            .filter(|l| in_bottom(page, l))
            .map(|l| repeat_key(&l.text))
            .collect();
        for (keys, seen) in [(&mut top, &mut top_keys), (&mut bottom, &mut bottom_keys)] {
            keys.sort();
            keys.dedup();
            for key in keys.drain(..) {
                *seen.entry(key).or_default() += 1;
            }
        }
    }
    let repeated = |keys: &HashMap<String, usize>, line: &Visual| {
        keys.get(&repeat_key(&line.text)).is_some_and(|&n| n >= 2)
    };
    pages
        .iter()
        .zip(visual)
        .map(|(page, lines)| {
            let mut marks = vec![None; lines.len()];
            for (i, line) in lines.iter().enumerate() {
                if !in_top(page, line) {
                    break;
                }
                marks[i] = if is_page_number(&line.text) {
                    Some(DropReason::PageNumber)
                } else if repeated(&top_keys, line) {
                    Some(DropReason::RunningHeader)
                } else {
                    break;
                };
            }
            for (i, line) in lines.iter().enumerate().rev() {
                if !in_bottom(page, line) || marks[i].is_some() {
                    break;
                }
                marks[i] = if is_page_number(&line.text) {
                    Some(DropReason::PageNumber)
                } else if repeated(&bottom_keys, line) {
                    Some(DropReason::RunningFooter)
                } else {
                    break;
                };
            }
            marks
        })
        .collect()
}

/// A line's text for telling whether pages repeat it: blanks out, every digit the same.
fn repeat_key(text: &str) -> String {
    text.chars()
        .filter(|c| !is_blank(*c))
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// A page number in a page's top or bottom margin: as pages print them in their text
/// ([`cruft::is_page_number`]: `— 3 —`, `第3页`, `Page 3 of 10`), or a bare `3` or `3 / 10`,
/// which only the margin tells from a table's figures.
fn is_page_number(text: &str) -> bool {
    let bare = || {
        let compact: String = text.chars().filter(|c| !is_blank(*c)).collect();
        let mut numbers = compact.split(['/', '／']);
        numbers.clone().count() <= 2
            && numbers.all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    cruft::is_page_number(text) || bare()
}

impl Frame {
    /// The text block of the body lines: the body's font size (the size most text is set in),
    /// its left margin (where most lines that are not indented start), its right margin and its
    /// line pitch. `None` without body lines.
    fn of(body: &[&Visual]) -> Option<Frame> {
        let mut sizes: HashMap<i64, usize> = HashMap::new();
        for line in body {
            // A size in half points: float-to-int casts saturate, and sizes are a few hundred
            // points at most.
            #[allow(clippy::cast_possible_truncation)]
            let half_points = (line.size * 2.0).round() as i64;
            *sizes.entry(half_points).or_default() += line.text.chars().count();
        }
        let body_size = sizes
            .into_iter()
            .max_by_key(|&(size, chars)| (chars, -size))
            .map(|(size, _)| size as f64 / 2.0)?;
        let in_body = |line: &&&Visual| {
            (line.size - body_size).abs() <= SIZE_CHANGE * body_size && !line.table
        };
        let text_lines: Vec<&Visual> = body.iter().filter(in_body).copied().collect();
        let shared =
            |x: f64, values: &[f64]| values.iter().filter(|v| (*v - x).abs() < 1.0).count();
        let starts: Vec<f64> = text_lines.iter().map(|l| l.x0).collect();
        let left = starts
            .iter()
            .copied()
            .filter(|&x| shared(x, &starts) >= 2)
            .reduce(f64::min)
            .or_else(|| starts.iter().copied().reduce(f64::min))?;
        let right = text_lines.iter().map(|l| l.x1).reduce(f64::max)?;
        let mut steps: Vec<f64> = text_lines
            .windows(2)
            .filter(|w| w[0].page == w[1].page && w[1].y > w[0].y)
            .map(|w| w[1].y - w[0].y)
            .collect();
        steps.sort_by(f64::total_cmp);
        let pitch = steps
            .get(steps.len() / 2)
            .copied()
            .unwrap_or(1.2 * body_size);
        Some(Frame {
            left,
            right,
            body_size,
            pitch,
        })
    }

    /// Whether visual line `b` goes on the paragraph that `a` ends so far.
    fn continues(&self, a: &Visual, b: &Visual) -> bool {
        if a.table || b.table {
            return false;
        }
        if (a.size - b.size).abs() > SIZE_CHANGE * a.size.max(b.size) {
            return false;
        }
        let centred = |l: &Visual| {
            let middle = (self.left + self.right) / 2.0;
            ((l.x0 + l.x1) / 2.0 - middle).abs() < l.size
        };
        // A title set larger than the body, over two centred lines.
        if a.size > (1.0 + SIZE_CHANGE) * self.body_size && a.page == b.page {
            return centred(a) && centred(b);
        }
        if a.page == b.page && b.y - a.y > PARAGRAPH_GAP * self.pitch.max(a.size) {
            return false;
        }
        if b.x0 > self.left + INDENT * b.size {
            return false;
        }
        let ends = a
            .text
            .chars()
            .rev()
            .find(|c| !is_blank(*c))
            .is_some_and(|c| ends_sentence(c) || matches!(c, '：' | ':'));
        let heading =
            marker_at(&b.text).is_some_and(|m| !m.broken && m.kind <= MarkerKind::Numbered);
        if ends && heading {
            return false;
        }
        let short_by = self.right - a.x1;
        short_by <= FULL_LINE_SLACK * a.size || (!ends && short_by <= SHORT_LINE_SLACK * a.size)
    }
}

/// Appends the next visual line of a paragraph: Chinese lines join without a space; two Latin
/// words cut at the line end keep one.
fn join(paragraph: &mut String, next: &str) {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    if latin(paragraph.chars().last()) && latin(next.chars().next()) {
        paragraph.push(' ');
    }
    paragraph.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of glyphs of `size` from `x`, each Han character one size wide, each other
    /// character half.
    fn glyphs(text: &str, x: f64, y: f64, size: f64) -> Vec<Glyph> {
        let mut at = x;
        text.chars()
            .map(|c| {
                let advance = if c.is_ascii() { size / 2.0 } else { size };
                let glyph = Glyph {
                    x: at,
                    y,
                    advance,
                    size,
                    text: c.to_string(),
                };
                at += advance;
                glyph
            })
            .collect()
    }

    fn page(lines: &[(&str, f64, f64)]) -> Page {
        Page {
            top: 842.0,
            height: 842.0,
            glyphs: lines
                .iter()
                .flat_map(|&(text, x, y)| glyphs(text, x, y, 10.0))
                .collect(),
        }
    }

    fn texts(lines: &[Line]) -> Vec<(&str, Option<DropReason>)> {
        lines
            .iter()
            .map(|l| (l.text.as_str(), l.furniture))
            .collect()
    }

    #[test]
    fn a_paragraph_joins_across_a_page_break_and_the_furniture_follows_it() {
        // the text block is 100..300: 20 Han characters a line
        let full = "一二三四五六七八九十一二三四五六七八九十";
        let indented = "开头的段落写到页末一二三四五六七八九，";
        let pages = [
            page(&[
                ("区局2024年工作计划", 100.0, 50.0),
                (indented, 120.0, 120.0),
                (full, 100.0, 135.0),
                ("— 1 —", 180.0, 800.0),
            ]),
            page(&[
                ("区局2024年工作计划", 100.0, 50.0),
                ("接着写完。", 100.0, 120.0),
                ("短行。", 120.0, 135.0),
                (full, 100.0, 150.0),
                ("— 2 —", 180.0, 800.0),
            ]),
        ];
        let paragraph = format!("{indented}{full}接着写完。");
        let header = Some(DropReason::RunningHeader);
        let number = Some(DropReason::PageNumber);
        assert_eq!(
            texts(&lay_out(&pages)),
            [
                ("区局2024年工作计划", header),
                (paragraph.as_str(), None),
                ("—1—", number),
                ("区局2024年工作计划", header),
                ("短行。", None),
                (full, None),
                ("—2—", number),
            ]
        );
    }

    #[test]
    fn no_space_between_han_and_digits_but_one_between_cells_and_words() {
        let mut glyphs = glyphs("2023", 100.0, 100.0, 10.0);
        glyphs.extend(super::tests::glyphs("年", 122.5, 100.0, 10.0));
        glyphs.extend(super::tests::glyphs("PCT", 132.5, 100.0, 10.0));
        glyphs.extend(super::tests::glyphs("ok", 149.5, 100.0, 10.0));
        glyphs.extend(super::tests::glyphs("5312件", 200.0, 100.0, 10.0));
        let refs: Vec<&Glyph> = glyphs.iter().collect();
        let line = visual_line(1, &refs);
        assert_eq!(line.text, "2023年PCT ok 5312件");
        assert!(line.table);
    }

    #[test]
    fn page_numbers_in_their_forms() {
        for text in [
            "— 3 —",
            "- 3 -",
            "3",
            "第3页",
            "第 3 页 共 10 页",
            "3 / 10",
            "Page 3 of 10",
        ] {
            assert!(is_page_number(text), "{text}");
        }
        for text in ["2024年", "一、2024年工作总结", "第三部分", ""] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    #[test]
    fn a_title_over_two_centred_lines_is_one_line_and_headings_stand_alone() {
        let mut body = page(&[
            ("一、2023年工作总结", 120.0, 120.0),
            ("（一）坚持项目为王。全年统筹推进重大", 120.0, 135.0),
            ("项目486个。", 100.0, 150.0),
        ]);
        // centred on the text block (100..300), twice the body size
        body.glyphs.extend(glyphs(
            "宝安区发展和改革局2023年工作总结和202",
            15.0,
            60.0,
            20.0,
        ));
        body.glyphs.extend(glyphs("4年工作计划", 145.0, 90.0, 20.0));
        let lines = lay_out(&[body]);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "宝安区发展和改革局2023年工作总结和2024年工作计划",
                "一、2023年工作总结",
                "（一）坚持项目为王。全年统筹推进重大项目486个。",
            ]
        );
    }
}
