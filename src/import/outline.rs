//! Report body lines -> preamble and parts with nested nodes, from the numbering markers.
//! Depends on text and model only.
//!
//! Markers are recognised at the start of a line and, in sequence, inside a line (run-in 一是
//! items, pages whose line breaks were lost). Nesting follows the kind of marker: 一、 opens a
//! part; (一) sits above 1. above (1) above ① (at a line's start only) above 一是; a document
//! without a (一) level simply has its 1. items directly under the part. Damaged markers are kept as written
//! and flagged, never repaired silently. Hand-written: no crate parses Chinese outlines.

use super::SourceLine;
use super::markers::{self, Marker, MarkerKind};
use super::meta;
use crate::model::{Flag, Node, Part, PartKind};
use crate::text::chars::{FULL_STOPS, ends_sentence, is_digit, is_item_numeral};
use crate::text::script::to_simplified;

/// What the outline pass makes of the body: the text before the first part, and the parts.
#[derive(Debug, Default)]
pub struct Outline {
    pub preamble: String,
    pub parts: Vec<Part>,
}

/// How a line of the page ends, as the outline reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LineEnd {
    /// A line break: the next line is a paragraph or heading of its own.
    #[default]
    Break,
    /// The page only wrapped a paragraph there (a PDF copied as text, see `hardwrap`): the next
    /// line goes on with nothing between.
    Wrap,
    /// A table's cell ends there and its row goes on (a table copied one cell per line, see
    /// `tablecells`): the next line goes on after a tab.
    Cell,
}

impl LineEnd {
    /// What stands between this line and the next when they are read as one.
    fn joint(self) -> &'static str {
        match self {
            LineEnd::Cell => "\t",
            LineEnd::Break | LineEnd::Wrap => "",
        }
    }
}

/// Builds the outline of the report body. `ends` tells, line by line, where the page only
/// wrapped a paragraph ([`LineEnd::Wrap`], never onto a line that [opens a
/// heading](opens_heading)) or a table's row ([`LineEnd::Cell`]): the lines are read as the one
/// line they were, so that a sentence, a figure (`86.94` / `万人`) or a marker (`。二` / `是…`)
/// cut by the wrap reads whole, and a row's cells stand on one line.
pub fn parse(lines: &[SourceLine<'_>], ends: &[LineEnd]) -> Outline {
    let mut builder = Builder::default();
    let end_of = |i: usize| ends.get(i).copied().unwrap_or_default();
    let mut start = 0;
    while start < lines.len() {
        let end = (start..lines.len())
            .find(|&i| end_of(i) == LineEnd::Break)
            .map_or(lines.len(), |last| last + 1);
        match &lines[start..end] {
            [line] => builder.line(line, &[]),
            joined => {
                let mut text = String::new();
                let mut folded = String::new();
                let mut starts: Vec<(usize, usize)> = Vec::with_capacity(joined.len());
                for (i, l) in joined.iter().enumerate() {
                    if i > 0 {
                        let joint = end_of(start + i - 1).joint();
                        text.push_str(joint);
                        folded.push_str(joint);
                    }
                    starts.push((text.len(), l.number));
                    text.push_str(l.text);
                    folded.push_str(l.folded);
                }
                let line = SourceLine {
                    text: &text,
                    folded: &folded,
                    ..joined[0]
                };
                builder.line(&line, &starts);
            }
        }
        start = end;
    }
    builder.finish()
}

/// Whether a line opens a heading of the outline where it stands: a well-formed marker (in
/// sequence or not), a chapter, a part heading with no marker. Such a line goes on no paragraph
/// a page wrapped (a bare 存在的问题 included, as it is in a report of chapters).
pub fn opens_heading(line: &SourceLine<'_>) -> bool {
    markers::marker_at(line.text).is_some()
        || markers::chapter_at(line.text).is_some()
        || bare_part_heading(line, true).is_some()
}

/// A part or node while the body is being read.
#[derive(Debug)]
struct Item {
    kind: MarkerKind,
    /// The number it carries, or the one its place implies when the numeral was lost.
    number: u32,
    marker: String,
    paragraphs: Vec<String>,
    flags: Vec<Flag>,
    line: usize,
    children: Vec<usize>,
}

#[derive(Debug, Default)]
struct Builder {
    items: Vec<Item>,
    parts: Vec<usize>,
    /// The chain of open items, outermost (a part) first.
    open: Vec<usize>,
    preamble: Vec<String>,
}

/// Whether a new sentence, and so a run-in marker, may start after `c`: a sentence end or a
/// colon (主要做了以下工作：一是…).
fn opens_sentence_after(c: char) -> bool {
    ends_sentence(c) || matches!(c, '：' | ':')
}
/// Run-in items (一是…) are also listed after commas: "一是…，二是…".
const CLAUSE_END: &[char] = &['，', ',', '、'];
/// Closing quotes and brackets that may stand between a sentence end and the next marker.
const CLOSERS: &[char] = &['”', '’', '」', '』', '）', ')', '》', '"', '\''];

impl Builder {
    /// Reads a line of the page, or lines it wrapped joined into one: `starts` then holds where
    /// each source line starts in it, and its number (the number of the line a marker is on).
    fn line(&mut self, line: &SourceLine<'_>, starts: &[(usize, usize)]) {
        let text = line.text;
        let number_at = |at: usize| {
            starts
                .iter()
                .rev()
                .find(|&&(start, _)| start <= at)
                .map_or(line.number, |&(_, number)| number)
        };
        let mut cursor = 0;
        let mut new_paragraph = true;
        if let Some((marker, flags)) = self.line_start_marker(line) {
            self.open_item(&marker, &text[..marker.len], flags, line.number);
            cursor = marker.len;
            new_paragraph = false;
        }
        let mut after_marker = cursor > 0;
        let mut scan = cursor;
        // a loop over char_indices: faster here than `find` with a predicate
        while let Some(at) = text[scan..]
            .char_indices()
            .find_map(|(i, c)| could_start_marker(c).then_some(scan + i))
        {
            let rest = &text[at..];
            // worked out only for a place that holds a marker (a tenth of the characters may
            // start one: digits, 一, 是 …)
            let boundary = || {
                if after_marker && at == cursor {
                    Boundary::Marker
                } else {
                    boundary_before(&text[..at])
                }
            };
            let pending = &text[cursor..at];
            if let Some((marker, flags)) = self.inline_marker(rest, boundary, pending) {
                self.push_text(&text[cursor..at], new_paragraph);
                self.open_item(&marker, &rest[..marker.len], flags, number_at(at));
                new_paragraph = false;
                cursor = at + marker.len;
                scan = cursor;
                after_marker = true;
            } else {
                scan = at + rest.chars().next().map_or(1, char::len_utf8);
            }
        }
        self.push_text(&text[cursor..], new_paragraph);
    }

    /// A marker opening the line: any well-formed marker (out-of-sequence ones are flagged), or
    /// a damaged (一) / 一是.
    /// A row of a pasted table opens nothing, even one that names a year and a part's kind
    /// (`序号\t指标名称\t2025年目标\t2025年完成\t完成情况`).
    fn line_start_marker(&self, line: &SourceLine<'_>) -> Option<(Marker, Vec<Flag>)> {
        let text = line.text;
        if is_table_row(text) {
            return None;
        }
        if let Some(marker) = markers::chapter_at(text).or_else(|| self.new_bare_part(line)) {
            let expected = self.expected(MarkerKind::Chapter);
            return Some((
                marker.clone(),
                marker.number.map_or(Vec::new(), |n| gap_flag(n, expected)),
            ));
        }
        if let Some(marker) = markers::marker_at(text) {
            let expected = self.expected(marker.kind);
            let number = marker.number.unwrap_or(expected);
            if marker.kind == MarkerKind::RunIn && !(expected..=expected + 1).contains(&number) {
                return None;
            }
            let flags = if expected == 1 && self.numbered_through(marker.kind, number) {
                Vec::new()
            } else {
                gap_flag(number, expected)
            };
            return Some((marker, flags));
        }
        if let Some(marker) = markers::broken_section_at_line_start(text) {
            return Some((marker, vec![Flag::MarkerBroken]));
        }
        self.broken_run_in(text, || Boundary::Line)
    }

    /// A bare part heading ([`bare_part_heading`]) that opens a part of its own: not one right under
    /// a part that holds nothing but its heading and names the same part (`2025年工作总结` /
    /// `2025年主要经济指标完成情况` over the year's indicator table). Two parts of one kind and year,
    /// the first empty, are no outline a reader sees: the second line captions what follows in
    /// the first, and is its text.
    fn new_bare_part(&self, line: &SourceLine<'_>) -> Option<Marker> {
        let marker = bare_part_heading(line, self.in_chapter())?;
        (!self.open_part_is_empty_and_named(line.text)).then_some(marker)
    }

    /// Whether the open part holds nothing but its heading, and that heading names a summary or
    /// plan of the same year and half as `heading`.
    fn open_part_is_empty_and_named(&self, heading: &str) -> bool {
        let Some(part) = self.open.first().map(|&i| &self.items[i]) else {
            return false;
        };
        let (part_heading, text) = split_part_heading(&part.marker, &part.paragraphs);
        let named = meta::part_kind(heading);
        part.children.is_empty()
            && text.is_empty()
            && named.0 != PartKind::Other
            && meta::part_kind(&part_heading) == named
    }

    /// A marker inside a line: only where a sentence may start and only in sequence, so that
    /// numbers and words in running text are never taken for markers.
    fn inline_marker(
        &self,
        rest: &str,
        boundary: impl FnOnce() -> Boundary,
        pending: &str,
    ) -> Option<(Marker, Vec<Flag>)> {
        let Some(marker) = markers::marker_at(rest) else {
            return self.broken_run_in(rest, boundary);
        };
        let expected = self.expected(marker.kind);
        let number = marker.number?;
        let boundary = boundary();
        let in_sequence = number == expected;
        let accepted = match marker.kind {
            MarkerKind::Chapter => false, // chapters are whole lines
            MarkerKind::Circled => false, // ① inside a sentence points to a list, opens no item
            MarkerKind::Part => {
                in_sequence
                    && boundary >= Boundary::Sentence
                    && meta::names_part_kind(&rest[marker.len..])
            }
            MarkerKind::Section | MarkerKind::Numbered | MarkerKind::Paren => {
                in_sequence
                    && (boundary >= Boundary::Sentence
                        || (number == 1
                            && boundary == Boundary::Word
                            && self.open_heading_only(pending)))
            }
            // after a sentence end a skipped or repeated number (一是 二是 二是) is still an item
            MarkerKind::RunIn => {
                (in_sequence && boundary >= Boundary::Clause)
                    || ((expected.saturating_sub(1)..=expected + 1).contains(&number)
                        && number > 0
                        && boundary >= Boundary::Sentence)
            }
        };
        accepted.then(|| (marker, gap_flag(number, expected)))
    }

    /// `是筑牢…` after a sentence end, inside an 一是 list: the numeral of `二是` was lost.
    fn broken_run_in(
        &self,
        rest: &str,
        boundary: impl FnOnce() -> Boundary,
    ) -> Option<(Marker, Vec<Flag>)> {
        let in_run_in = self
            .open
            .last()
            .is_some_and(|&i| self.items[i].kind == MarkerKind::RunIn);
        if !in_run_in || boundary() < Boundary::Sentence {
            return None;
        }
        markers::broken_run_in_at(rest).map(|m| (m, vec![Flag::MarkerBroken]))
    }

    /// The innermost open item is a bare heading so far (`pending` is all its text):
    /// `(一)实施数字规则引领工程1.加强…` where the line break after the heading was lost.
    fn open_heading_only(&self, pending: &str) -> bool {
        let pending = pending.trim();
        self.open.last().is_some_and(|&i| {
            self.items[i].paragraphs.is_empty()
                && !pending.is_empty()
                && pending.chars().count() <= 40
                && !pending.contains(opens_sentence_after)
        })
    }

    /// The number a marker of this kind should carry to continue the current outline.
    fn expected(&self, kind: MarkerKind) -> u32 {
        let siblings = match kind {
            MarkerKind::Chapter => &self.parts,
            MarkerKind::Part if !self.in_chapter() => &self.parts,
            _ => match self.parent_for(kind) {
                Some(parent) => &self.items[parent].children,
                None => return 1,
            },
        };
        siblings
            .iter()
            .rev()
            .map(|&i| &self.items[i])
            .find(|item| item.kind == kind)
            .map_or(1, |item| item.number + 1)
    }

    /// Whether `number` continues the last item of this kind under an earlier parent: pages that
    /// number their items straight through the sections (一、 （一）（二）, 二、 （三）…) have no
    /// gap there.
    fn numbered_through(&self, kind: MarkerKind, number: u32) -> bool {
        self.items
            .iter()
            .rev()
            .find(|item| item.kind == kind)
            .is_some_and(|item| item.number + 1 == number)
    }

    /// The open item a new marker of this kind would be placed under.
    fn parent_for(&self, kind: MarkerKind) -> Option<usize> {
        self.open
            .iter()
            .rev()
            .copied()
            .find(|&i| self.items[i].kind < kind)
    }

    fn open_item(&mut self, marker: &Marker, written: &str, flags: Vec<Flag>, line: usize) {
        let number = marker.number.unwrap_or_else(|| self.expected(marker.kind));
        let index = self.items.len();
        self.items.push(Item {
            kind: marker.kind,
            number,
            marker: written.to_string(),
            paragraphs: Vec::new(),
            flags,
            line,
            children: Vec::new(),
        });
        // a chapter, or a 一、 outside chapters, opens a part; a 一、 inside a chapter is a node
        if marker.kind == MarkerKind::Chapter
            || (marker.kind == MarkerKind::Part && !self.in_chapter())
        {
            self.parts.push(index);
            self.open = vec![index];
            return;
        }
        if self.open.is_empty() {
            self.open_implied_part(line);
        }
        while self
            .open
            .last()
            .is_some_and(|&i| self.items[i].kind >= marker.kind)
        {
            self.open.pop();
        }
        if let Some(&parent) = self.open.last() {
            self.items[parent].children.push(index);
        }
        self.open.push(index);
    }

    /// The current part is a chapter (`第一部分`, or a bare `2024年工作总结` line).
    fn in_chapter(&self) -> bool {
        self.open
            .first()
            .is_some_and(|&i| self.items[i].kind == MarkerKind::Chapter)
    }

    /// A document that opens at (一) with no 一、 line gets one part with an empty heading.
    fn open_implied_part(&mut self, line: usize) {
        let index = self.items.len();
        self.items.push(Item {
            kind: MarkerKind::Part,
            number: 1,
            marker: String::new(),
            paragraphs: Vec::new(),
            flags: Vec::new(),
            line,
            children: Vec::new(),
        });
        self.parts.push(index);
        self.open = vec![index];
    }

    fn push_text(&mut self, text: &str, new_paragraph: bool) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let paragraphs = match self.open.last() {
            Some(&i) => &mut self.items[i].paragraphs,
            None => &mut self.preamble,
        };
        match paragraphs.last_mut() {
            Some(last) if !new_paragraph => last.push_str(text),
            _ => paragraphs.push(text.to_string()),
        }
    }

    /// The parts and their nodes, built from the items (each taken out of the builder, not
    /// copied).
    fn finish(mut self) -> Outline {
        let parts = std::mem::take(&mut self.parts)
            .into_iter()
            .enumerate()
            .map(|(i, index)| self.part(index, format!("p{}", i + 1)))
            .collect();
        Outline {
            preamble: self.preamble.join("\n"),
            parts,
        }
    }

    fn part(&mut self, index: usize, id: String) -> Part {
        let children = self.listed_in_text(index);
        let item = &mut self.items[index];
        let (heading, text) = split_part_heading(&item.marker, &item.paragraphs);
        let line = item.line;
        let mut nodes = self.nodes(&children, &id);
        unglue_headings(&mut nodes);
        Part {
            id,
            kind: PartKind::Other,
            year: None,
            half: None,
            heading,
            text,
            nodes,
            line,
        }
    }

    /// The children of the part at `index`, less a run of ① lines opening it before its sections
    /// (`2025年主要指标完成情况` over `①…办件量36218件；` `②…`, then `一、…`): a list of the part's
    /// text, which they join, not sections beside 一、.
    fn listed_in_text(&mut self, index: usize) -> Vec<usize> {
        let mut children = std::mem::take(&mut self.items[index].children);
        let listed = children
            .iter()
            .take_while(|&&c| {
                let item = &self.items[c];
                item.kind == MarkerKind::Circled && item.children.is_empty()
            })
            .count();
        if listed == 0 || listed == children.len() || self.items[index].paragraphs.is_empty() {
            return children;
        }
        for c in children.drain(..listed) {
            let item = &mut self.items[c];
            let line = format!(
                "{}{}",
                item.marker,
                join_lines(item.paragraphs.iter().map(String::as_str))
            );
            self.items[index].paragraphs.push(line);
        }
        children
    }

    fn nodes(&mut self, children: &[usize], parent_id: &str) -> Vec<Node> {
        children
            .iter()
            .enumerate()
            .map(|(i, &index)| {
                let id = format!("{parent_id}.{}", i + 1);
                let item = &mut self.items[index];
                let (title, text) = split_title(std::mem::take(&mut item.paragraphs));
                let marker = std::mem::take(&mut item.marker);
                let flags = std::mem::take(&mut item.flags);
                let (line, children) = (item.line, std::mem::take(&mut item.children));
                Node {
                    children: self.nodes(&children, &id),
                    id,
                    marker,
                    title,
                    text,
                    flags,
                    line,
                }
            })
            .collect()
    }
}

/// Cells a line split by tabs holds at least to be a row of a pasted table: a page's table comes
/// through as one line per row, its cells between tabs. Two cells are a metadata line's key-value
/// pairs (`索引号：…\t分类：…`), which furniture already sets aside.
const TABLE_ROW_CELLS: usize = 3;

/// Whether a line is a row of a table pasted with the page (`1\t工业投资增速\t10%以上\t8.7%`).
fn is_table_row(text: &str) -> bool {
    text.split('\t')
        .filter(|cell| !cell.trim().is_empty())
        .count()
        >= TABLE_ROW_CELLS
}

/// A line with no marker that is a part heading: short, not a sentence, naming a part's kind
/// with its year or period (`2024年工作总结`, `下一步工作计划`), or, in a report whose parts are
/// such lines or chapters, the year's shortcomings (`存在的问题`). Its marker is empty.
fn bare_part_heading(line: &SourceLine<'_>, in_chapters: bool) -> Option<Marker> {
    let (text, folded) = (line.text, line.folded);
    let heading = folded.chars().nth(30).is_none()
        && !folded.contains(['。', '，', '；', ',', ';', '：', ':'])
        && markers::marker_at(text).is_none()
        && ((meta::names_part_kind(text) && meta::names_period(folded))
            || (in_chapters && meta::names_shortcomings(folded)));
    heading.then_some(Marker {
        kind: MarkerKind::Chapter,
        number: None,
        len: 0,
        broken: false,
    })
}

fn gap_flag(number: u32, expected: u32) -> Vec<Flag> {
    if number == expected {
        Vec::new()
    } else {
        vec![Flag::NumberingGap]
    }
}

fn could_start_marker(c: char) -> bool {
    matches!(c, '(' | '（' | '是') || is_digit(c) || is_item_numeral(c)
}

/// What precedes a position in a line, from the weakest to the strongest place for a marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Boundary {
    /// Inside a word or a number.
    Word,
    /// After a comma or 、.
    Clause,
    /// After 。；！？： (closing quotes allowed in between).
    Sentence,
    /// Right after another marker: `（一）1.`.
    Marker,
    /// At the start of a line.
    Line,
}

fn boundary_before(before: &str) -> Boundary {
    let mut chars = before.chars().rev().skip_while(|c| c.is_whitespace());
    let Some(mut last) = chars.next() else {
        return Boundary::Line;
    };
    if before.ends_with(char::is_whitespace) {
        // "2025年工作计划 (一)…": a space separates the blocks of a flattened page
        return Boundary::Sentence;
    }
    while CLOSERS.contains(&last) {
        match chars.next() {
            Some(c) => last = c,
            None => return Boundary::Line,
        }
    }
    if opens_sentence_after(last) {
        Boundary::Sentence
    } else if CLAUSE_END.contains(&last) {
        Boundary::Clause
    } else {
        Boundary::Word
    }
}

/// Whether a line stops in the middle of a sentence: after a word, a comma or 、, not after
/// 。；！？： (closing quotes and brackets allowed in between).
pub fn ends_mid_sentence(line: &str) -> bool {
    boundary_before(line) < Boundary::Sentence
}

/// The heading clause of a node and the rest: a heading in 【】 opening the first paragraph
/// ([`bracketed_heading_end`]), or the first paragraph up to and including its first 。！？, or a
/// colon closing a heading before it (`加快重大医疗卫生项目建设：全力推进…`), or the whole first
/// paragraph when it has neither (a heading on its own line).
fn split_title(paragraphs: Vec<String>) -> (String, String) {
    let mut paragraphs = paragraphs.into_iter();
    let Some(mut title) = paragraphs.next() else {
        return (String::new(), String::new());
    };
    let end = title
        .find(FULL_STOPS)
        .map_or(title.len(), |end| end + '。'.len_utf8());
    let end = bracketed_heading_end(&title)
        .or_else(|| heading_colon_end(&title[..end]))
        .unwrap_or(end);
    let text = join_lines(
        std::iter::once(title[end..].trim())
            .chain(paragraphs.as_slice().iter().map(String::as_str)),
    );
    title.truncate(end);
    (title, text)
}

/// Words that make the text before a colon a lead-in to a list, not a heading: anywhere in it
/// (`主要做了以下工作：`, `具体如下：`), or at its end (`主要任务是：`, `包括：`). Written in
/// simplified script: they are matched against the text folded to it.
const LEAD_IN_WORDS: &[&str] = &["以下", "如下", "下列"];
const LEAD_IN_ENDS: &[&str] = &["是", "为", "有", "包括", "在于"];

/// Brackets a colon may stand inside (`（试行：…）`), besides the quotes.
const OPENING_BRACKETS: &[char] = &['（', '(', '【', '〔', '['];
const CLOSING_BRACKETS: &[char] = &['）', ')', '】', '〕', ']'];

/// Where a heading closed by a full-width colon ends, the colon included, in a node's first
/// sentence: the first colon outside quotes and brackets, after a short heading with no
/// semicolon that is no lead-in to a list. Read in simplified script, like the openers of glued
/// headings; folding keeps byte offsets.
fn heading_colon_end(first_sentence: &str) -> Option<usize> {
    let sentence = to_simplified(first_sentence);
    let mut depth = 0_usize;
    let colon = sentence.char_indices().find_map(|(i, c)| {
        if OPENING_QUOTES.contains(&c) || OPENING_BRACKETS.contains(&c) {
            depth += 1;
        } else if CLOSING_QUOTES.contains(&c) || CLOSING_BRACKETS.contains(&c) {
            depth = depth.saturating_sub(1);
        }
        (c == '：').then_some((i, depth))
    });
    let Some((at, 0)) = colon else {
        return None;
    };
    let heading = sentence[..at].trim();
    let reads_as_heading = !heading.is_empty()
        && heading.chars().count() <= SHORT_HEADING
        && !heading.contains(['；', ';'])
        && !LEAD_IN_WORDS.iter().any(|w| heading.contains(w))
        && !LEAD_IN_ENDS.iter().any(|w| heading.ends_with(w));
    reads_as_heading.then_some(at + '：'.len_utf8())
}

/// Where a heading written in 【】 at the start of a paragraph ends (`【确保国考断面稳定达标】落实…`):
/// after its closing bracket, or after a colon right after it. The brackets stay in the title, as
/// written: they are how the page marks a heading, and a reader expects to see them there.
fn bracketed_heading_end(paragraph: &str) -> Option<usize> {
    let inside = paragraph.strip_prefix('【')?;
    let close = inside.find('】').filter(|&close| close > 0)?;
    let end = '【'.len_utf8() + close + '】'.len_utf8();
    let colon = paragraph[end..]
        .chars()
        .next()
        .filter(|c| matches!(c, '：' | ':'));
    Some(end + colon.map_or(0, char::len_utf8))
}

/// The pieces that are not empty, one to a line.
fn join_lines<'a>(pieces: impl Iterator<Item = &'a str>) -> String {
    let mut text = String::new();
    for piece in pieces.filter(|p| !p.is_empty()) {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(piece);
    }
    text
}

/// A part heading is its marker and first paragraph, or the heading in 【】 opening it, unless
/// that paragraph runs on into body text (a page whose line breaks were lost): then the heading
/// ends after the words that name the part's kind (工作总结, 工作计划 …), or at the first 。.
fn split_part_heading(marker: &str, paragraphs: &[String]) -> (String, String) {
    let Some((first, rest)) = paragraphs.split_first() else {
        return (marker.to_string(), String::new());
    };
    let runs_on = first.chars().count() > 40 || first.contains(['。', '，', ',']);
    let cut = if let Some(end) = bracketed_heading_end(first) {
        end
    } else if runs_on {
        meta::part_kind_phrase_end(first)
            .or_else(|| first.find('。').map(|i| i + '。'.len_utf8()))
            .unwrap_or(first.len())
    } else {
        first.len()
    };
    // `第一部分 2024年工作总结` keeps a space after the chapter word
    let gap = if marker.ends_with(['分', '篇', '章']) {
        " "
    } else {
        ""
    };
    let heading = format!("{marker}{gap}{}", &first[..cut]);
    let text =
        join_lines(std::iter::once(first[cut..].trim()).chain(rest.iter().map(String::as_str)));
    (heading, text)
}

/// Words that open the body of an item (a verb or adverb starting a clause). Used only to find
/// where a heading glued to its body ends, and only among siblings whose headings are short.
/// Written in simplified script: they are matched against the title folded to it.
const CLAUSE_OPENERS: &[&str] = &[
    "充分发挥",
    "进一步",
    "发挥",
    "谋划",
    "推动",
    "推进",
    "加快",
    "加强",
    "加大",
    "强化",
    "完善",
    "持续",
    "深化",
    "深入",
    "探索",
    "打造",
    "提升",
    "优化",
    "围绕",
    "聚焦",
    "依托",
    "统筹",
    "健全",
    "建立",
    "积极",
    "大力",
    "着力",
    "全力",
    "不断",
    "切实",
    "坚持",
    "落实",
    "组织",
    "开展",
    "实施",
    "构建",
    "筑牢",
    "夯实",
    "做好",
    "抓好",
    "扎实",
    "促进",
    "支持",
    "鼓励",
    "引导",
    "确保",
    "力争",
    "争取",
    "按照",
    "结合",
    "对标",
    "通过",
    "利用",
    "全面",
    "逐步",
    "稳步",
    "有序",
    "努力",
];

/// Longest heading, in characters, counted as "short" when judging a sibling group's style, and
/// the longest a colon may close.
const SHORT_HEADING: usize = 25;

/// Among siblings whose headings are short sentences ("加快建设数字孪生科学城。"), an item whose
/// first sentence is long probably lost the 。 between heading and body
/// ("强化智能算力资源供给充分发挥超算…"): split it where the body's opening verb starts, and flag it.
/// A heading that ends no sentence stands alone (on its line, or before its first item) and is
/// never split, commas or not (`一、坚持“三水统筹”，巩固提升水环境质量`).
fn unglue_headings(nodes: &mut [Node]) {
    for node in nodes.iter_mut() {
        unglue_headings(&mut node.children);
    }
    let is_short =
        |n: &Node| n.title.chars().count() <= SHORT_HEADING && !n.title.contains(['，', ',']);
    let short = nodes.iter().filter(|n| is_short(n)).count();
    if nodes.len() < 2 || short * 2 < nodes.len() {
        return;
    }
    let stands_alone = |n: &Node| !n.title.contains(ends_sentence);
    for node in nodes
        .iter_mut()
        .filter(|n| !is_short(n) && !stands_alone(n))
    {
        if let Some(split) = glued_heading_end(&node.title) {
            let body = node.title.split_off(split);
            node.text = if node.text.is_empty() {
                body
            } else {
                format!("{body}\n{}", node.text)
            };
            node.flags.push(Flag::HeadingGlued);
        }
    }
}

/// Marks that open a quoted name or a title (“三水统筹”, 《规划》), and the marks that close them.
const OPENING_QUOTES: &[char] = &['“', '‘', '「', '『', '《', '〈'];
const CLOSING_QUOTES: &[char] = &['”', '’', '」', '』', '》', '〉'];

/// Where the body starts inside a long first clause: the first place at least 4 characters in
/// (a heading is never shorter), outside quotes (a quoted name is never cut), where a body clause
/// starts. The title is read in simplified script, as the openers are written (推進 is 推进);
/// folding keeps byte offsets, so the cut lands at the same place in the title as written.
fn glued_heading_end(title: &str) -> Option<usize> {
    let title = to_simplified(title);
    let clause_end = title.find(['，', ',', '。', '；']).unwrap_or(title.len());
    let clause = &title[..clause_end];
    let mut open_quotes = 0_usize;
    clause.char_indices().enumerate().find_map(|(n, (i, c))| {
        let opens_body = n >= 4 && open_quotes == 0 && starts_body_clause(&clause[i..]);
        if OPENING_QUOTES.contains(&c) {
            open_quotes += 1;
        } else if CLOSING_QUOTES.contains(&c) {
            open_quotes = open_quotes.saturating_sub(1);
        }
        opens_body.then_some(i)
    })
}

/// Whether the rest of a first clause starts a body clause: an opener, or a run of them
/// (`持续深化`), with words after it (`充分发挥超算智算集聚的区位优势`). Openers that run on to
/// the clause break are the predicate closing the heading's own clause (`醫療服務能力穩步提升，`).
fn starts_body_clause(rest_of_clause: &str) -> bool {
    let mut rest = rest_of_clause;
    while let Some(opener) = CLAUSE_OPENERS.iter().find(|w| rest.starts_with(**w)) {
        rest = &rest[opener.len()..];
    }
    rest.len() < rest_of_clause.len() && !rest.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::source_lines;

    fn outline(text: &str) -> Outline {
        parse(&source_lines(text, &to_simplified(text)), &[])
    }

    /// The outline of a page whose lines `wraps` says are wraps.
    fn wrapped_outline(text: &str, wraps: &[bool]) -> Outline {
        let ends: Vec<LineEnd> = wraps
            .iter()
            .map(|&w| if w { LineEnd::Wrap } else { LineEnd::Break })
            .collect();
        parse(&source_lines(text, &to_simplified(text)), &ends)
    }

    #[test]
    fn a_wrapped_paragraph_is_joined_with_nothing_between_its_lines() {
        let o = wrapped_outline(
            "前言写到页边，接\n着写完。\n（一）全民参保扎实推进。全区参保人数86.94\n万人，资助参保率100%。\n",
            &[true, false, true, false],
        );
        assert_eq!(o.preamble, "前言写到页边，接着写完。");
        let node = &o.parts[0].nodes[0];
        assert_eq!(node.title, "全民参保扎实推进。");
        assert_eq!(node.text, "全区参保人数86.94万人，资助参保率100%。");
    }

    #[test]
    fn a_marker_cut_by_a_wrap_reads_whole_and_a_line_start_only_as_the_text_it_is() {
        let o = wrapped_outline(
            "（一）加强保障。一是推进建设，这\n是全年的重点。二\n是完善机制，基金收支平衡。三是强化村\n（社区服务站建设，覆盖\n全部村居）。\n",
            &[true, true, true, true, false],
        );
        let items = &o.parts[0].nodes[0].children;
        assert_eq!(
            shape(items),
            vec![
                ("一是".into(), "推进建设，这是全年的重点。".into(), 0),
                ("二是".into(), "完善机制，基金收支平衡。".into(), 0),
                (
                    "三是".into(),
                    "强化村（社区服务站建设，覆盖全部村居）。".into(),
                    0
                ),
            ]
        );
        assert!(items.iter().all(|n| n.flags.is_empty()));
        // each marker keeps the number of the line it starts on
        let lines: Vec<usize> = items.iter().map(|n| n.line).collect();
        assert_eq!(lines, [1, 2, 3]);
    }

    #[test]
    fn headings_a_wrap_never_goes_on() {
        for line in [
            "（二）强化",
            "2.推进",
            "一是加强",
            "三是加强",
            "第二部分",
            "2026年工作计划",
        ] {
            let lines = source_lines(line, line);
            assert!(opens_heading(&lines[0]), "{line}");
        }
        for line in [
            "是全年的重点。",
            "（社区服务站建设",
            "2.5万人",
            "年工作计划。",
        ] {
            let lines = source_lines(line, line);
            assert!(!opens_heading(&lines[0]), "{line}");
        }
    }

    /// marker, title, child count — the shape a reader sees in the tree.
    fn shape(nodes: &[Node]) -> Vec<(String, String, usize)> {
        nodes
            .iter()
            .map(|n| (n.marker.clone(), n.title.clone(), n.children.len()))
            .collect()
    }

    #[test]
    fn standalone_headings_and_numbered_items() {
        let o = outline(
            "前言段落。\n一、2025年工作计划\n围绕目标。\n（一）实施数字规则引领工程\n1.加强顶层设计。编制规划。\n2.加强统筹管理。强化统筹。\n（二）实施数字底座强基工程\n1.加快建设数字孪生科学城。完善底板。\n",
        );
        assert_eq!(o.preamble, "前言段落。");
        let part = &o.parts[0];
        assert_eq!(part.heading, "一、2025年工作计划");
        assert_eq!(part.text, "围绕目标。");
        assert_eq!(
            shape(&part.nodes),
            vec![
                ("（一）".into(), "实施数字规则引领工程".into(), 2),
                ("（二）".into(), "实施数字底座强基工程".into(), 1),
            ]
        );
        let item = &part.nodes[0].children[1];
        assert_eq!((item.id.as_str(), item.marker.as_str()), ("p1.1.2", "2."));
        assert_eq!(
            (item.title.as_str(), item.text.as_str()),
            ("加强统筹管理。", "强化统筹。")
        );
    }

    #[test]
    fn a_colon_closing_a_heading_ends_the_title() {
        let o = outline(
            "（一）扩容提质，加快优质医疗资源布局\n1.加快重大医疗卫生项目建设：全力推进医院二期项目建设，实现主体结构封顶；推动新院区开工建设。\n2.扩大医疗床位供给：全区新增医院床位500张。\n",
        );
        let items = &o.parts[0].nodes[0].children;
        assert_eq!(
            (items[0].title.as_str(), items[0].text.as_str()),
            (
                "加快重大医疗卫生项目建设：",
                "全力推进医院二期项目建设，实现主体结构封顶；推动新院区开工建设。"
            )
        );
        assert_eq!(
            (items[1].title.as_str(), items[1].text.as_str()),
            ("扩大医疗床位供给：", "全区新增医院床位500张。")
        );
        assert!(items.iter().all(|n| n.flags.is_empty()));
    }

    #[test]
    fn a_heading_in_lenticular_brackets_is_the_title() {
        let o = outline(
            "一、【巩固水环境】完成正本清源改造项目120个。\n（一）【确保国考断面稳定达标】落实“一断面一策”方案，确保水质达标。\n（二）【推进正本清源】：完成改造项目120个。\n1.【完善管网】新建污水管网35公里。\n（三）【】新建管网。\n",
        );
        let part = &o.parts[0];
        assert_eq!(part.heading, "一、【巩固水环境】");
        assert_eq!(part.text, "完成正本清源改造项目120个。");
        let titles: Vec<(&str, &str)> = part
            .nodes
            .iter()
            .chain(&part.nodes[1].children)
            .map(|n| (n.title.as_str(), n.text.as_str()))
            .collect();
        assert_eq!(
            titles,
            [
                (
                    "【确保国考断面稳定达标】",
                    "落实“一断面一策”方案，确保水质达标。"
                ),
                ("【推进正本清源】：", "完成改造项目120个。"),
                ("【】新建管网。", ""),
                ("【完善管网】", "新建污水管网35公里。"),
            ]
        );
    }

    #[test]
    fn a_colon_after_a_lead_in_or_inside_quotes_or_brackets_ends_no_title() {
        for (first, why) in [
            ("主要任务是：建成医院，新增床位。", "a lead-in ending in 是"),
            ("具体如下：建成医院，新增床位。", "a lead-in with 如下"),
            (
                "工作内容包括：建成医院，新增床位。",
                "a lead-in ending in 包括",
            ),
            ("开展“我为群众办实事：健康进社区”活动。", "inside quotes"),
            ("出台方案（试行：2025版），推进实施。", "inside brackets"),
            (
                "强化保障；完善机制：建成医院。",
                "a semicolon before the colon",
            ),
            (
                "区人民医院和中山七院两大基层医疗集团的人员财务药品统一管理和区域医学影像中心建设：全部完成。",
                "too long for a heading",
            ),
        ] {
            let o = outline(&format!("（一）医疗\n1.{first}\n2.完善网络。\n"));
            let item = &o.parts[0].nodes[0].children[0];
            let title = first
                .find('。')
                .map_or(first, |end| &first[..end + '。'.len_utf8()]);
            assert_eq!(item.title, title, "{why}");
        }
    }

    #[test]
    fn run_in_items_become_children() {
        let o = outline(
            "一、2024年工作总结\n(一)坚持多维发力,品牌成形。一是数字孪生初显成效。搭建底板。二是数据要素加快释放。汇聚数据超28亿条。\n",
        );
        let section = &o.parts[0].nodes[0];
        assert_eq!(section.title, "坚持多维发力,品牌成形。");
        assert_eq!(section.text, "");
        assert_eq!(
            shape(&section.children),
            vec![
                ("一是".into(), "数字孪生初显成效。".into(), 0),
                ("二是".into(), "数据要素加快释放。".into(), 0),
            ]
        );
        assert_eq!(section.children[1].text, "汇聚数据超28亿条。");
    }

    #[test]
    fn words_that_contain_numerals_are_not_markers() {
        let o = outline("(一)统一是基础,唯一是关键。一是加强。统筹二是不对。\n");
        let section = &o.parts[0].nodes[0];
        assert_eq!(section.title, "统一是基础,唯一是关键。");
        assert_eq!(
            shape(&section.children),
            vec![("一是".into(), "加强。".into(), 0)]
        );
        assert_eq!(section.children[0].text, "统筹二是不对。");
    }

    #[test]
    fn lost_run_in_numeral_is_its_own_flagged_item() {
        let o = outline(
            "(五)坚持整体发力。一是统筹推进建设。印发要点。是筑牢网络信息安全屏障。新增光缆。四是打造5G应用示范。推动融合。\n",
        );
        let items = &o.parts[0].nodes[0].children;
        assert_eq!(
            shape(items),
            vec![
                ("一是".into(), "统筹推进建设。".into(), 0),
                ("是".into(), "筑牢网络信息安全屏障。".into(), 0),
                ("四是".into(), "打造5G应用示范。".into(), 0),
            ]
        );
        assert_eq!(items[1].flags, vec![Flag::MarkerBroken]);
        assert_eq!(items[2].flags, vec![Flag::NumberingGap]);
    }

    #[test]
    fn items_numbered_through_the_sections_have_no_gap() {
        let o = outline(
            "（一）学位\n1.新建学校。\n2.扩建学校。\n（二）教师\n3.招聘教师。\n（三）安全\n5.食品安全。\n",
        );
        let sections = &o.parts[0].nodes;
        assert!(sections[1].children[0].flags.is_empty());
        // a number skipped across sections is still a gap
        assert_eq!(sections[2].children[0].flags, vec![Flag::NumberingGap]);
    }

    #[test]
    fn glued_heading_is_split_and_flagged() {
        let o = outline(
            "(二)实施数字底座强基工程\n1.强化智能算力资源供给充分发挥超算智算集聚的区位优势,推动建设。\n2.加快建设数字孪生科学城。完善底板。\n3.夯实数字安全保障防护能力。持续推进。\n",
        );
        let items = &o.parts[0].nodes[0].children;
        assert_eq!(items[0].title, "强化智能算力资源供给");
        assert_eq!(items[0].text, "充分发挥超算智算集聚的区位优势,推动建设。");
        assert_eq!(items[0].flags, vec![Flag::HeadingGlued]);
        assert!(items[1].flags.is_empty() && items[2].flags.is_empty());
    }

    #[test]
    fn a_heading_alone_on_its_line_is_not_split_at_a_verb_before_its_comma() {
        let o = outline(
            "二、2025年工作计划\n（一）深化大气污染治理推动空气质量持续改善，守护蓝天白云\n一是开展臭氧协同管控。\n（二）统筹推进土壤治理\n一是加强防治。\n（三）有效防范生态环境风险\n（四）加快数字化监管\n",
        );
        let heading = &o.parts[0].nodes[0];
        assert_eq!(
            heading.title,
            "深化大气污染治理推动空气质量持续改善，守护蓝天白云"
        );
        assert_eq!((heading.text.as_str(), heading.children.len()), ("", 1));
        assert!(heading.flags.is_empty());
    }

    #[test]
    fn a_glued_heading_is_never_cut_inside_quotes() {
        let o = outline(
            "(二)实施数字底座强基工程\n1.打造“智慧统筹”平台充分发挥数据作用,推动建设。\n2.加快建设数字孪生科学城。完善底板。\n3.夯实数字安全保障防护能力。持续推进。\n",
        );
        let item = &o.parts[0].nodes[0].children[0];
        assert_eq!(item.title, "打造“智慧统筹”平台");
        assert_eq!(item.text, "充分发挥数据作用,推动建设。");
        assert_eq!(item.flags, vec![Flag::HeadingGlued]);
    }

    #[test]
    fn a_predicate_ending_the_first_clause_is_the_headings_own() {
        for (heading, why) in [
            (
                "醫療服務能力穩步提升，高水平醫院建設提速。",
                "an opener right before the comma",
            ),
            (
                "医疗服务能力稳步提升，高水平医院建设提速。",
                "a run of openers up to the comma",
            ),
            (
                "全区医疗卫生服务体系建设和基层医疗服务能力持续提升。",
                "a run of openers up to the 。",
            ),
        ] {
            let o = outline(&format!(
                "一、2024年工作总结\n（一）医改走深走实，优质资源扩容下沉。区医院投用。\n（二）{heading}新增病床650张。\n（三）公共卫生防线持续筑牢。\n（四）党建引领作用充分发挥。\n"
            ));
            let item = &o.parts[0].nodes[1];
            assert_eq!(item.title, heading, "{why}");
            assert_eq!(item.text, "新增病床650张。", "{why}");
            assert!(item.flags.is_empty(), "{why}");
        }
    }

    #[test]
    fn a_traditional_glued_heading_is_split_where_its_simplified_twin_is() {
        // the bodies open with 持續 and 充分發揮, simplified 持续 and 充分发挥
        for (heading, body) in [
            (
                "推進集團化辦學提質擴面",
                "持續深化緊密型教育集團建設，新組建教育集團4個。",
            ),
            (
                "強化智能算力資源供給",
                "充分發揮超算智算集聚的區位優勢,推動區級政務智算基礎設施建設。",
            ),
        ] {
            let traditional = format!(
                "（一）擴大優質教育資源供給\n1.加快學校建設。新改擴建中小學12所。\n2.{heading}{body}\n3.推動學前教育普惠發展。新增學位3000個。\n"
            );
            let simplified = to_simplified(&traditional).into_owned();
            assert_ne!(traditional, simplified);
            for page in [&traditional, &simplified] {
                let item = &outline(page).parts[0].nodes[0].children[1];
                let line = page.lines().find_map(|l| l.strip_prefix("2.")).unwrap();
                // folding keeps byte lengths: both scripts split `heading.len()` bytes in
                let (title, text) = line.split_at(heading.len());
                assert_eq!((item.title.as_str(), item.text.as_str()), (title, text));
                assert_eq!(item.flags, vec![Flag::HeadingGlued]);
            }
        }
    }

    #[test]
    fn a_traditional_heading_alone_on_its_line_is_whole_despite_its_comma() {
        // folded, 持續 opens a clause with words after it (持续扩容): only standing alone keeps it whole
        let o = outline(
            "二、2026年工作計劃\n（一）學位供給持續擴容，“有學上”基礎更加堅實\n一是推進學位建設。\n（二）推進學前教育普及普惠\n（三）規範民辦教育發展\n（四）加快數字化監管\n",
        );
        let heading = &o.parts[0].nodes[0];
        assert_eq!(heading.title, "學位供給持續擴容，“有學上”基礎更加堅實");
        assert_eq!((heading.text.as_str(), heading.children.len()), ("", 1));
        assert!(heading.flags.is_empty());
    }

    #[test]
    fn long_headings_in_a_long_heading_style_are_left_alone() {
        let o = outline(
            "(一)围绕试点,持续深化改革。一是全面推进试点工作,按照区试点方案要求,做深做实。二是全力建好新的区政务服务中心,借鉴经验。\n",
        );
        let items = &o.parts[0].nodes[0].children;
        assert!(items.iter().all(|n| n.flags.is_empty()));
        assert_eq!(
            items[0].title,
            "全面推进试点工作,按照区试点方案要求,做深做实。"
        );
    }

    #[test]
    fn section_marker_missing_its_numeral() {
        let o = outline(
            "一、2024年工作总结\n(一)坚持多维发力。\n(坚持党建引领,强化队伍。\n(三)坚持协同发力。\n",
        );
        let nodes = &o.parts[0].nodes;
        assert_eq!(nodes.len(), 3);
        assert_eq!(
            (nodes[1].marker.as_str(), nodes[1].title.as_str()),
            ("(", "坚持党建引领,强化队伍。")
        );
        assert_eq!(nodes[1].flags, vec![Flag::MarkerBroken]);
        assert!(
            nodes[2].flags.is_empty(),
            "(三) follows the lost (二) in sequence"
        );
    }

    #[test]
    fn document_opening_at_section_level_gets_an_implied_part() {
        let o = outline("（一）加强组织领导。成立专班。\n（二）强化督导检查。定期通报。\n");
        assert_eq!(o.parts.len(), 1);
        assert_eq!(o.parts[0].heading, "");
        assert_eq!(o.parts[0].nodes.len(), 2);
        assert_eq!(o.parts[0].nodes[1].id, "p1.2");
    }

    #[test]
    fn numbered_items_without_section_level_are_level_one() {
        let o = outline(
            "二、2025年工作计划\n1、加强顶层设计。编制规划。\n2、推进数据治理。\n(1)完善目录。\n(2)开放数据。\n",
        );
        let nodes = &o.parts[0].nodes;
        assert_eq!(shape(nodes)[0].0, "1、");
        assert_eq!(nodes[1].children.len(), 2);
        assert_eq!(nodes[1].children[1].id, "p1.2.2");
    }

    #[test]
    fn circled_numerals_opening_a_part_before_its_sections_are_a_list_of_its_text() {
        let o = outline(
            "2025年工作总结\n2025年主要指标完成情况\n①办件量36218件；\n②全程网办率93.2%。\n一、政务服务提质增效\n办件量再创新高。\n",
        );
        let part = &o.parts[0];
        assert_eq!(
            part.text,
            "2025年主要指标完成情况\n①办件量36218件；\n②全程网办率93.2%。"
        );
        assert_eq!(
            shape(&part.nodes),
            vec![("一、".into(), "政务服务提质增效".into(), 0)]
        );
        // with nothing after them, they are the part's items
        let o = outline("2025年工作计划\n①办好一件事。\n②建好一张网。\n");
        assert_eq!(o.parts[0].nodes.len(), 2);
    }

    #[test]
    fn circled_numerals_opening_a_paragraph_are_items() {
        let o = outline(
            "2025年工作计划\n一、坚持招商引资，推动项目招引\n①实施提质增效行动。全年新签约项目220个，其中①类项目35个。\n②稳住外资基本盘。一是稳外资。二是扩外贸。\n二、扩大内需促进消费\n①用好以旧换新政策。带动消费80亿元。\n③推动商圈升级。新开业综合体2个。\n",
        );
        let heading = &o.parts[0].nodes[0];
        assert_eq!((heading.text.as_str(), heading.children.len()), ("", 2));
        assert_eq!(
            shape(&heading.children),
            vec![
                ("①".into(), "实施提质增效行动。".into(), 0),
                ("②".into(), "稳住外资基本盘。".into(), 2),
            ]
        );
        // inside a sentence ① is a reference, not a marker
        assert_eq!(
            heading.children[0].text,
            "全年新签约项目220个，其中①类项目35个。"
        );
        let second = &o.parts[0].nodes[1].children;
        assert!(second[0].flags.is_empty());
        assert_eq!(second[1].flags, vec![Flag::NumberingGap]);
    }

    #[test]
    fn a_table_row_naming_a_year_is_no_heading() {
        let o = outline(
            "一、2025年工作总结\n（一）主要指标完成情况\n具体如下：\n序号\t指标名称\t2025年目标\t2025年完成\t完成情况\n1\t工业投资增速\t10%以上\t8.7%\t未完成\n（二）工业经济稳中提质。新升规企业362家。\n二、2026年工作计划\n1、完善产业政策体系。\n",
        );
        let headings: Vec<&str> = o.parts.iter().map(|p| p.heading.as_str()).collect();
        assert_eq!(headings, ["一、2025年工作总结", "二、2026年工作计划"]);
        let table = &o.parts[0].nodes[0];
        assert_eq!(
            table.text,
            "具体如下：\n序号\t指标名称\t2025年目标\t2025年完成\t完成情况\n1\t工业投资增速\t10%以上\t8.7%\t未完成"
        );
        assert_eq!(o.parts[0].nodes.len(), 2);
    }

    #[test]
    fn part_headings_without_markers_and_chapters_hold_their_one_items() {
        for (first, second) in [
            ("2024年工作总结", "2025年工作计划"),
            ("第一部分 2024年工作总结", "第二部分 2025年工作计划"),
        ] {
            let o = outline(&format!(
                "前言。\n{first}\n一、强化水安全保障。完成。\n二、提升供水质量。完成。\n{second}\n一、持续推进碧道建设。力争新增碧道20公里。\n（一）加快建设。开工。\n"
            ));
            assert_eq!(o.parts.len(), 2, "{first}");
            assert_eq!(o.parts[0].heading, first);
            assert_eq!(
                shape(&o.parts[0].nodes),
                vec![
                    ("一、".into(), "强化水安全保障。".into(), 0),
                    ("二、".into(), "提升供水质量。".into(), 0)
                ]
            );
            assert_eq!(o.parts[1].heading, second);
            assert_eq!(
                o.parts[1].nodes[0].children.len(),
                1,
                "（一） nests under 一、"
            );
            assert!(o.parts[1].nodes.iter().all(|n| n.flags.is_empty()));
        }
    }

    #[test]
    fn a_caption_under_an_empty_part_naming_the_same_year_is_text_of_that_part() {
        let o = outline(
            "2025年工作总结\n2025年主要经济指标完成情况\n指标名称\t单位\t目标\t完成\n工业投资\t亿元\t200\t213.6\n2025年，我局稳中求进。\n一、工业投资提速增效\n新开工项目12个。\n2026年工作计划\n一、全力稳增长\n",
        );
        let headings: Vec<&str> = o.parts.iter().map(|p| p.heading.as_str()).collect();
        assert_eq!(headings, ["2025年工作总结", "2026年工作计划"]);
        assert_eq!(
            o.parts[0].text,
            "2025年主要经济指标完成情况\n指标名称\t单位\t目标\t完成\n工业投资\t亿元\t200\t213.6\n2025年，我局稳中求进。"
        );
        assert_eq!(o.parts[0].nodes.len(), 1);
        // an empty part followed by one of another kind or year, or a part with text followed by
        // one of the same kind and year: each heading opens its part
        for page in [
            "2025年工作总结\n2026年工作计划\n一、全力稳增长\n",
            "2024年工作总结\n2025年工作总结\n一、全力稳增长\n",
            "2025年工作总结\n一、工业投资提速增效\n2025年工作亮点\n一、全力稳增长\n",
        ] {
            assert_eq!(outline(page).parts.len(), 2, "{page}");
        }
    }

    #[test]
    fn a_bare_shortcomings_line_among_bare_part_headings_opens_a_part() {
        let o = outline(
            "2025年工作亮点\n一、招商引资量质齐升\n新签约项目236个。\n存在的问题\n一是外资招引承压；二是会展中心建设滞后。\n2026年工作计划\n（一）持续提升招商实效。\n",
        );
        let headings: Vec<&str> = o.parts.iter().map(|p| p.heading.as_str()).collect();
        assert_eq!(headings, ["2025年工作亮点", "存在的问题", "2026年工作计划"]);
        assert_eq!(
            shape(&o.parts[0].nodes),
            vec![("一、".into(), "招商引资量质齐升".into(), 0)]
        );
        assert_eq!(o.parts[1].nodes.len(), 2);
        // where parts are 一、 headings, such a line is text of the part it stands in
        let o = outline(
            "一、2025年工作总结\n（一）招商引资量质齐升。\n存在的问题\n二、2026年工作计划\n",
        );
        assert_eq!(o.parts.len(), 2);
        assert_eq!(o.parts[0].nodes[0].text, "存在的问题");
    }

    #[test]
    fn lost_line_breaks_all_markers_inline() {
        let o = outline(
            "2024年,我局落实部署。一、2024年工作总结(一)坚持多维发力,品牌成形。一是初显成效。二是加快释放。(二)坚持精准发力。一是凝聚合力。二、2025年工作计划 围绕目标,实施五大工程。(一)实施数字规则引领工程1.加强顶层设计。编制规划。2.加强统筹管理。(二)实施数字底座强基工程1.强化供给。",
        );
        assert_eq!(o.preamble, "2024年,我局落实部署。");
        assert_eq!(o.parts.len(), 2);
        assert_eq!(o.parts[0].heading, "一、2024年工作总结");
        assert_eq!(
            shape(&o.parts[0].nodes)
                .iter()
                .map(|s| s.2)
                .collect::<Vec<_>>(),
            vec![2, 1]
        );
        let plan = &o.parts[1];
        assert_eq!(plan.heading, "二、2025年工作计划");
        assert_eq!(plan.text, "围绕目标,实施五大工程。");
        assert_eq!(
            shape(&plan.nodes),
            vec![
                ("(一)".into(), "实施数字规则引领工程".into(), 2),
                ("(二)".into(), "实施数字底座强基工程".into(), 1),
            ]
        );
    }
}
