//! A report flattened for reading: one block per tree row (the front matter, each part, each
//! node), each with the text the reader shows and marked ranges (marker, heading, figures).
//! Built once per opened report; wrapped per width by `DocLayout`. No ratatui types.

use std::ops::Range;

use crate::model::{Node, Report};
use crate::present::labels;
use crate::text::numbers::quantities;
use crate::text::wrap::{self, WrapOptions};

/// What a marked range of a block's text is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Marker,
    Heading,
    Figure,
    /// The importer's note on a damaged marker or glued heading.
    Flag,
}

/// One row of the tree and its text in the reader.
#[derive(Debug, Clone)]
pub struct Block {
    /// Node or part id (`p2.3.1`, `p1`), or [`FRONT_ID`] for the front matter.
    pub id: String,
    pub depth: usize,
    pub parent: Option<usize>,
    pub has_children: bool,
    /// The tree label: marker and title (or the part heading).
    pub label: String,
    /// What the reader shows: the heading line, then the paragraphs, `\n` between them.
    pub text: String,
    /// Sorted, non-overlapping marked ranges of `text`.
    pub marks: Vec<(Range<usize>, Mark)>,
}

/// The blocks of a report in document order.
#[derive(Debug, Clone)]
pub struct Document {
    pub blocks: Vec<Block>,
}

/// The id of the block before the first part: title, metadata, preamble.
pub const FRONT_ID: &str = "front";

/// The first-line indent of body paragraphs, as the pages print them.
const INDENT: &str = "\u{3000}\u{3000}";

impl Document {
    pub fn new(report: &Report) -> Self {
        let mut blocks = Vec::new();
        let front_label = if report.title.is_empty() {
            labels::PREAMBLE.to_string()
        } else {
            report.title.clone()
        };
        let mut front = BlockBuilder::default();
        front.heading("", &front_label);
        let meta: Vec<&str> = [
            &report.city,
            &report.district,
            &report.bureau,
            &report.published,
        ]
        .into_iter()
        .filter_map(|v| v.as_deref())
        .collect();
        if !meta.is_empty() {
            front.paragraph(&meta.join(" · "), false);
        }
        if report.damaged > 0 {
            front.new_paragraph();
            front.note(&labels::damaged_note(report.damaged));
        }
        front.paragraphs(&report.preamble);
        blocks.push(front.finish(FRONT_ID.to_string(), 0, None, false, front_label));
        for part in &report.parts {
            let index = blocks.len();
            let mut builder = BlockBuilder::default();
            builder.heading("", &part.heading);
            builder.paragraphs(&part.text);
            let label = if part.heading.is_empty() {
                part.kind.as_str().to_string()
            } else {
                part.heading.clone()
            };
            blocks.push(builder.finish(part.id.clone(), 0, None, !part.nodes.is_empty(), label));
            for node in &part.nodes {
                push_node(&mut blocks, node, 1, index);
            }
        }
        Document { blocks }
    }

    /// The ids of a block and its ancestors, outermost first.
    pub fn path(&self, block: usize) -> Vec<usize> {
        let mut path = vec![block];
        while let Some(parent) = path.last().and_then(|&b| self.blocks[b].parent) {
            path.push(parent);
        }
        path.reverse();
        path
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.blocks.iter().position(|b| b.id == id)
    }
}

fn push_node(blocks: &mut Vec<Block>, node: &Node, depth: usize, parent: usize) {
    let index = blocks.len();
    let mut builder = BlockBuilder::default();
    builder.heading(&node.marker, &node.title);
    for &flag in &node.flags {
        builder.note(labels::flag_note(flag));
    }
    builder.paragraphs(&node.text);
    let label = format!("{}{}", node.marker, node.title);
    blocks.push(builder.finish(
        node.id.clone(),
        depth,
        Some(parent),
        !node.children.is_empty(),
        label,
    ));
    for child in &node.children {
        push_node(blocks, child, depth + 1, index);
    }
}

#[derive(Default)]
struct BlockBuilder {
    text: String,
    marks: Vec<(Range<usize>, Mark)>,
}

impl BlockBuilder {
    fn push(&mut self, s: &str, mark: Option<Mark>) {
        let start = self.text.len();
        self.text.push_str(s);
        if let Some(mark) = mark
            && !s.is_empty()
        {
            self.marks.push((start..self.text.len(), mark));
        }
    }

    fn new_paragraph(&mut self) {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
    }

    fn heading(&mut self, marker: &str, title: &str) {
        self.new_paragraph();
        self.push(marker, Some(Mark::Marker));
        self.push(title, Some(Mark::Heading));
    }

    fn note(&mut self, note: &str) {
        self.push(note, Some(Mark::Flag));
    }

    fn paragraph(&mut self, text: &str, indent: bool) {
        self.new_paragraph();
        if indent {
            self.push(INDENT, None);
        }
        let start = self.text.len();
        self.push(text, None);
        let figures = quantities(text);
        for range in &figures {
            self.marks
                .push((start + range.start..start + range.end, Mark::Figure));
        }
        // a damaged byte of the page stands out where it is
        for (at, c) in text.match_indices(char::REPLACEMENT_CHARACTER) {
            if !figures.iter().any(|f| f.contains(&at)) {
                self.marks
                    .push((start + at..start + at + c.len(), Mark::Flag));
            }
        }
        self.marks.sort_by_key(|(range, _)| range.start);
    }

    fn paragraphs(&mut self, text: &str) {
        for paragraph in text.split('\n').filter(|p| !p.trim().is_empty()) {
            self.paragraph(paragraph, true);
        }
    }

    fn finish(
        self,
        id: String,
        depth: usize,
        parent: Option<usize>,
        has_children: bool,
        label: String,
    ) -> Block {
        Block {
            id,
            depth,
            parent,
            has_children,
            label,
            text: self.text,
            marks: self.marks,
        }
    }
}

/// One screen line of the reader: which block, and the byte range of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaidLine {
    /// `None` for the blank line between blocks.
    pub block: Option<usize>,
    pub line: wrap::Line,
}

/// A document wrapped to a width: every line of the reader, and where each block starts.
#[derive(Debug, Clone, Default)]
pub struct DocLayout {
    pub width: usize,
    pub lines: Vec<LaidLine>,
    pub block_starts: Vec<usize>,
}

impl DocLayout {
    pub fn new(document: &Document, options: WrapOptions) -> Self {
        let mut lines = Vec::new();
        let mut block_starts = Vec::with_capacity(document.blocks.len());
        for (index, block) in document.blocks.iter().enumerate() {
            if index > 0 {
                lines.push(LaidLine {
                    block: None,
                    line: wrap::Line {
                        range: 0..0,
                        width: 0,
                        starts_paragraph: true,
                    },
                });
            }
            block_starts.push(lines.len());
            lines.extend(
                wrap::layout(&block.text, options)
                    .into_iter()
                    .map(|line| LaidLine {
                        block: Some(index),
                        line,
                    }),
            );
        }
        DocLayout {
            width: options.width,
            lines,
            block_starts,
        }
    }

    /// The block shown on a line (a blank separator belongs to the block after it).
    pub fn block_at(&self, line: usize) -> usize {
        match self.block_starts.binary_search(&line) {
            Ok(block) => block,
            Err(next) => next.saturating_sub(1),
        }
    }

    /// The line showing byte `offset` of a block's text.
    pub fn line_of(&self, block: usize, offset: usize) -> usize {
        let start = self.block_starts.get(block).copied().unwrap_or(0);
        self.lines[start..]
            .iter()
            .take_while(|l| l.block == Some(block))
            .position(|l| l.line.range.end > offset)
            .map_or(start, |i| start + i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::BUNDLED;

    fn guangming() -> Report {
        BUNDLED[0].report().unwrap()
    }

    #[test]
    fn one_block_per_tree_row_in_document_order() {
        let report = guangming();
        let doc = Document::new(&report);
        assert_eq!(
            doc.blocks.len(),
            1 + report.parts.len() + report.nodes().count()
        );
        assert_eq!(doc.blocks[1].label, "一、2024年工作总结");
        assert_eq!(
            doc.blocks[2].label,
            "(一)坚持多维发力,构建数字化城市治理体系,“数治光明”品牌成形。"
        );
        assert_eq!(doc.blocks[3].depth, 2);
        assert_eq!(doc.path(3), vec![1, 2, 3]);
    }

    #[test]
    fn blocks_mark_marker_heading_figures_and_flags() {
        let doc = Document::new(&guangming());
        let item = &doc.blocks[doc.index_of("p1.1.2").unwrap()];
        let marked: Vec<(&str, Mark)> = item
            .marks
            .iter()
            .map(|(r, m)| (&item.text[r.clone()], *m))
            .collect();
        assert_eq!(marked[0], ("二是", Mark::Marker));
        assert_eq!(marked[1], ("数据要素价值加快释放。", Mark::Heading));
        assert!(marked.contains(&("28亿条", Mark::Figure)));
        let broken = &doc.blocks[doc.index_of("p1.5.2").unwrap()];
        assert!(broken.marks.iter().any(|(_, m)| *m == Mark::Flag));
    }

    #[test]
    fn damaged_bytes_are_noted_up_front_and_marked_where_they_are() {
        let mut report = guangming();
        report.damaged = 2;
        report.parts[0].nodes[0].text = "汇聚数据\u{FFFD}超28亿条\u{FFFD}".to_string();
        let doc = Document::new(&report);
        let front = &doc.blocks[0];
        assert!(
            front
                .text
                .contains("〔原文有2处字节损坏,无法解码,显示为\u{FFFD}〕"),
            "{}",
            front.text
        );
        let block = &doc.blocks[doc.index_of("p1.1").unwrap()];
        let marked: Vec<(&str, Mark)> = block
            .marks
            .iter()
            .map(|(r, m)| (&block.text[r.clone()], *m))
            .collect();
        let damaged = marked.iter().filter(|&&m| m == ("\u{FFFD}", Mark::Flag));
        assert_eq!(damaged.count(), 2, "{marked:?}");
        assert!(block.marks.windows(2).all(|w| w[0].0.end <= w[1].0.start));
        assert!(
            Document::new(&guangming()).blocks[0]
                .text
                .find('〔')
                .is_none()
        );
    }

    #[test]
    fn layout_maps_lines_to_blocks_and_offsets() {
        let doc = Document::new(&guangming());
        let layout = DocLayout::new(&doc, WrapOptions::new(30));
        assert!(layout.lines.iter().all(|l| l.line.width <= 30));
        let block = doc.index_of("p2.2.1").unwrap();
        let start = layout.block_starts[block];
        assert_eq!(layout.block_at(start), block);
        assert_eq!(layout.block_at(start + 1), block);
        let text = &doc.blocks[block].text;
        let offset = text.find("数智化").unwrap();
        let line = layout.line_of(block, offset);
        assert!(layout.lines[line].line.range.contains(&offset));
    }
}
