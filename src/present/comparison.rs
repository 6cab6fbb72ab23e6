//! The comparison as every view shows it: the two parts, the pair counts, and one row per pair
//! with both sides' ids, headings and texts, what changed in each (byte ranges on the words), the
//! score and what the pair is (moved, only on one side, the same); built once from the
//! engine's alignment and diff, read by `planlens diff` (text, json, md) and the TUI's
//! comparison. Must not depend on tui, the CLI or ratatui.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use crate::compare::align::{Alignment, Column, Counts, Pair, align, pair_text};
use crate::compare::diff::{Change, Op, diff};
use crate::model::{Node, Part, Report};
use crate::present::labels::{self, MOVED_FROM, ONLY_LEFT, ONLY_RIGHT, SAME};

/// A part chosen for one side: the report's file as given, the report, the part.
#[derive(Debug, Clone)]
pub struct ChosenPart<'a> {
    pub file: String,
    pub report: &'a Report,
    pub part: &'a Part,
}

/// One side of the comparison: where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocSide {
    pub file: String,
    /// The part id (`p2`).
    pub part: String,
    /// The report's title.
    pub title: String,
    /// The part's heading (`二、2025年工作计划`).
    pub heading: String,
    /// The report's district, when the importer found one.
    #[serde(skip)]
    pub district: Option<String>,
}

/// Two parts aligned: the counts and every pair with its texts and changes.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonDoc {
    pub left: DocSide,
    pub right: DocSide,
    pub counts: Counts,
    pub rows: Vec<PairRow>,
}

/// One pair: the engine's pair, each side's node as shown, and the changes between them.
#[derive(Debug, Clone, PartialEq)]
pub struct PairRow {
    pub pair: Pair,
    pub left: Option<NodeCell>,
    pub right: Option<NodeCell>,
    /// The token diff of the two sides' `shown` texts (a missing side is empty); none when a
    /// side is repeated.
    pub changes: Vec<Change>,
}

/// One side of a pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeCell {
    pub id: String,
    pub marker: String,
    pub title: String,
    /// The node's own text (after its title).
    pub body: String,
    /// What the comparison shows and diffs: the heading and text ([`pair_text`]), or a one-line
    /// reference when the node was shown in an earlier pair.
    pub shown: String,
    /// Byte ranges of `shown` that differ from the other side, cut at line breaks and without
    /// the whitespace around them (so marks sit on the words); none when the other side is
    /// missing or the node is repeated.
    pub marks: Vec<Range<usize>>,
}

impl ComparisonDoc {
    /// Aligns two parts and diffs every pair, once.
    pub fn new(left: ChosenPart, right: ChosenPart) -> Self {
        let Alignment { pairs, counts, .. } = align(left.part, right.part);
        let (left_nodes, right_nodes) = (nodes(left.part), nodes(right.part));
        let rows = pairs
            .into_iter()
            .map(|pair| {
                let l = find(&left_nodes, pair.left.as_deref());
                let r = find(&right_nodes, pair.right.as_deref());
                // a node shown again stands as a one-line reference, without highlights
                let shown = |n: &Node, column: Column| {
                    if pair.repeated == Some(column) {
                        labels::repeated(&n.id, &n.marker)
                    } else {
                        pair_text(n)
                    }
                };
                let mut left = l.map(|n| NodeCell::new(n, shown(n, Column::Left)));
                let mut right = r.map(|n| NodeCell::new(n, shown(n, Column::Right)));
                let changes = match pair.repeated {
                    Some(_) => Vec::new(),
                    None => diff(shown_text(&left), shown_text(&right)),
                };
                // a side alone is not marked: the note says so, and a wholly marked text reads
                // worse
                if let (Some(l), Some(r)) = (&mut left, &mut right) {
                    l.marks = marked(&l.shown, &changes, |c| &c.left);
                    r.marks = marked(&r.shown, &changes, |c| &c.right);
                }
                PairRow {
                    pair,
                    left,
                    right,
                    changes,
                }
            })
            .collect();
        ComparisonDoc {
            left: DocSide::new(left),
            right: DocSide::new(right),
            counts,
            rows,
        }
    }

    /// `配对 8 · 有差异 8 · 移动 2 · 仅左 10 · 仅右 19`
    pub fn counts_line(&self) -> String {
        labels::pair_counts(&self.counts)
    }

    /// The JSON document: `{left: {file, part, title, heading}, right, counts, pairs: [{left,
    /// right, score, moved, moved_from, subject, repeated, note, changes, left_node,
    /// right_node}]}`.
    pub fn json(&self) -> JsonDiff<'_> {
        JsonDiff {
            left: &self.left,
            right: &self.right,
            counts: JsonCounts::from(&self.counts),
            pairs: self.rows.iter().map(PairRow::json).collect(),
        }
    }
}

impl DocSide {
    fn new(chosen: ChosenPart) -> Self {
        DocSide {
            file: chosen.file,
            part: chosen.part.id.clone(),
            title: chosen.report.title.clone(),
            heading: chosen.part.heading.clone(),
            district: chosen.report.district.clone(),
        }
    }

    /// `左 FILE · p2 二、2025年工作计划`
    pub fn caption(&self, label: &str) -> String {
        format!("{label} {} · {} {}", self.file, self.part, self.heading)
    }

    /// `光明区 · 二、2025年工作计划` (the title when the district is unknown): a pane's title.
    pub fn pane_title(&self) -> String {
        let name = self.district.as_deref().unwrap_or(&self.title);
        format!("{name} · {}", self.heading)
    }
}

impl NodeCell {
    fn new(node: &Node, shown: String) -> Self {
        NodeCell {
            id: node.id.clone(),
            marker: node.marker.clone(),
            title: node.title.clone(),
            body: node.text.clone(),
            shown,
            marks: Vec::new(),
        }
    }

    /// `p2.3 (三)`
    pub fn label(&self) -> String {
        format!("{} {}", self.id, self.marker)
            .trim_end()
            .to_string()
    }
}

impl PairRow {
    pub fn side(&self, column: Column) -> Option<&NodeCell> {
        match column {
            Column::Left => self.left.as_ref(),
            Column::Right => self.right.as_ref(),
        }
    }

    /// A side's label, or `—` when it is missing.
    pub fn label(&self, column: Column) -> String {
        self.side(column)
            .map_or(labels::MISSING.to_string(), NodeCell::label)
    }

    /// The score to two places, for a pair with both sides.
    pub fn score(&self) -> Option<String> {
        (self.left.is_some() && self.right.is_some()).then(|| format!("{:.2}", self.pair.score))
    }

    /// `⇄ 移自 (二)2` for a moved pair.
    pub fn moved_note(&self) -> Option<String> {
        self.pair
            .moved_from
            .as_deref()
            .map(|from| format!("{MOVED_FROM} {from}"))
    }

    /// `同题 民生诉求` for a pair whose titles name one subject of the related-terms lexicon in
    /// different words: the match the lexicon made, shown.
    pub fn subject_note(&self) -> Option<String> {
        self.pair
            .subject
            .as_deref()
            .map(|subject| format!("{} {subject}", labels::SAME_SUBJECT))
    }

    /// What the pair is: only on one side, unchanged, or moved and the subject the lexicon
    /// matched (either or both), or nothing to say.
    pub fn note(&self) -> String {
        match (&self.left, &self.right) {
            (Some(_), None) => ONLY_LEFT.to_string(),
            (None, _) => ONLY_RIGHT.to_string(),
            _ if !self.pair.changed => SAME.to_string(),
            _ => [self.moved_note(), self.subject_note()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
        }
    }

    /// `p2.3 (三) ↔ p2.4 (四) · 相似度 0.41 · ⇄ 移自 (二)2`
    pub fn title(&self) -> String {
        let mut parts = vec![format!(
            "{} ↔ {}",
            self.label(Column::Left),
            self.label(Column::Right)
        )];
        parts.extend(
            self.score()
                .map(|score| format!("{} {score}", labels::SCORE)),
        );
        parts.push(self.note());
        parts.retain(|s| !s.is_empty());
        parts.join(" · ")
    }

    /// Whether this row is a section (a top-level node on either side).
    pub fn is_section(&self) -> bool {
        [&self.pair.left, &self.pair.right]
            .into_iter()
            .flatten()
            .any(|id| id.matches('.').count() == 1)
    }

    fn json(&self) -> JsonPair<'_> {
        fn node(cell: &Option<NodeCell>) -> Option<JsonNode<'_>> {
            cell.as_ref().map(|c| JsonNode {
                id: &c.id,
                marker: &c.marker,
                title: &c.title,
                text: &c.body,
            })
        }
        let text = |cell: &Option<NodeCell>, range: &Range<usize>| {
            cell.as_ref()
                .map(|c| c.shown[range.clone()].to_string())
                .unwrap_or_default()
        };
        JsonPair {
            left: self.pair.left.as_deref(),
            right: self.pair.right.as_deref(),
            score: (self.pair.score * 1000.0).round() / 1000.0,
            moved: self.pair.moved,
            moved_from: self.pair.moved_from.as_deref(),
            subject: self.pair.subject.as_deref(),
            repeated: self.pair.repeated,
            note: self.note(),
            changes: self
                .changes
                .iter()
                .map(|c| JsonChange {
                    op: c.op,
                    left: text(&self.left, &c.left),
                    right: text(&self.right, &c.right),
                })
                .collect(),
            left_node: node(&self.left),
            right_node: node(&self.right),
        }
    }
}

/// Every node of a part by id.
fn nodes(part: &Part) -> HashMap<&str, &Node> {
    part.nodes
        .iter()
        .flat_map(Node::walk)
        .map(|n| (n.id.as_str(), n))
        .collect()
}

/// What a side shows, empty when it is missing.
fn shown_text(cell: &Option<NodeCell>) -> &str {
    cell.as_ref().map_or("", |c| &c.shown)
}

/// The node of a pair's side, by id.
fn find<'a>(nodes: &HashMap<&str, &'a Node>, id: Option<&str>) -> Option<&'a Node> {
    nodes.get(id?).copied()
}

/// The byte ranges of one side that changed, cut at line breaks and trimmed.
fn marked(
    text: &str,
    changes: &[Change],
    side: impl Fn(&Change) -> &Range<usize>,
) -> Vec<Range<usize>> {
    changes
        .iter()
        .filter(|c| c.op != Op::Equal)
        .flat_map(|c| line_pieces(text, side(c).clone()))
        .collect()
}

/// `range` of `text` cut at line breaks, each piece without the whitespace around it; empty
/// pieces dropped.
fn line_pieces(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = range.start;
    for line in text[range].split('\n') {
        let lead = line.len() - line.trim_start().len();
        let words = line.trim().len();
        if words > 0 {
            pieces.push(start + lead..start + lead + words);
        }
        start += line.len() + 1;
    }
    pieces
}

/// The comparison as JSON; its keys are read by programs outside this repository (add, never
/// rename).
#[derive(Serialize)]
pub struct JsonDiff<'a> {
    left: &'a DocSide,
    right: &'a DocSide,
    counts: JsonCounts,
    pairs: Vec<JsonPair<'a>>,
}

#[derive(Serialize)]
struct JsonCounts {
    paired: usize,
    changed: usize,
    moved: usize,
    only_left: usize,
    only_right: usize,
}

impl From<&Counts> for JsonCounts {
    fn from(c: &Counts) -> Self {
        JsonCounts {
            paired: c.paired,
            changed: c.changed,
            moved: c.moved,
            only_left: c.only_left,
            only_right: c.only_right,
        }
    }
}

#[derive(Serialize)]
struct JsonPair<'a> {
    left: Option<&'a str>,
    right: Option<&'a str>,
    score: f64,
    moved: bool,
    moved_from: Option<&'a str>,
    /// The subject of the related-terms lexicon both titles name in different words.
    subject: Option<&'a str>,
    /// `left` / `right`: that side's node was shown in an earlier pair (a section beside one
    /// more item it covers); its text is there, and this pair has no changes.
    repeated: Option<Column>,
    /// What the pair is, as the text and Markdown say it (仅左, ⇄ 移自 …, 相同), or empty.
    note: String,
    changes: Vec<JsonChange>,
    /// Each side's node: id, marker, title and its own text.
    left_node: Option<JsonNode<'a>>,
    right_node: Option<JsonNode<'a>>,
}

#[derive(Serialize)]
struct JsonChange {
    op: Op,
    left: String,
    right: String,
}

#[derive(Serialize)]
struct JsonNode<'a> {
    id: &'a str,
    marker: &'a str,
    title: &'a str,
    text: &'a str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_ranges_are_cut_at_line_breaks_and_trimmed() {
        let text = "标题 \n 正文";
        let pieces: Vec<&str> = line_pieces(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(pieces, ["标题", "正文"]);
        assert!(line_pieces(" \n", 0..2).is_empty());
    }
}
