//! The report model (Report, Part, Node) and its JSON form `planlens.report/1`; no UI, no I/O.
//! Depends on nothing in the crate.

use serde::{Deserialize, Serialize};

/// The value of the `schema` key this version writes and reads.
pub const SCHEMA: &str = "planlens.report/1";

/// One bureau's 工作总结和工作计划 as a tree of parts and numbered items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema: String,
    /// The document title; taken from the page headline (or the 名称 metadata line).
    pub title: String,
    pub city: Option<String>,
    pub district: Option<String>,
    pub bureau: Option<String>,
    /// `YYYY-MM-DD`, from the page's metadata lines.
    pub published: Option<String>,
    pub script: Script,
    /// Paragraphs between the title and the first part, joined by `\n`.
    pub preamble: String,
    pub parts: Vec<Part>,
    /// Page furniture moved out of the report, in source order: never silently deleted.
    pub dropped: Vec<String>,
    /// Where each `dropped` entry came from and why it was dropped (same order and length).
    #[serde(default)]
    pub dropped_info: Vec<DroppedInfo>,
    /// Byte sequences of the page that did not decode (damaged bytes), each read as U+FFFD.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub damaged: usize,
    /// The kind of file the report was read from; reports written before it was recorded read
    /// as `text`.
    #[serde(default)]
    pub source: SourceFormat,
    /// Text the report shows that its file holds only as formatting, not as characters: the
    /// markers Word's automatic numbering displays (`一、`, `（一）`), each opening its source line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub generated: Vec<Generated>,
}

/// A piece of text an extractor generated (Word's numbering label) at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Generated {
    /// 1-based line of the extracted text it opens.
    pub line: usize,
    pub text: String,
}

/// The kind of file a report was extracted from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Page text copied into a text file.
    #[default]
    Text,
    /// A web page saved from the browser (.html, .htm).
    Html,
    /// A Word document (.docx).
    Docx,
    /// A PDF with a text layer.
    Pdf,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    Simplified,
    Traditional,
}

/// Why a piece of the page was moved into `dropped`, and its 1-based source line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DroppedInfo {
    pub line: usize,
    pub reason: DropReason,
    /// For a piece of a web page set aside by its markup: the element it sat in
    /// (`div#footer`, `script`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// The report's own headline: its text is the `title` field.
    Title,
    /// The headline again, further down the page.
    RepeatedTitle,
    Breadcrumb,
    Metadata,
    Navigation,
    /// A table of contents or site header before the headline.
    BeforeTitle,
    /// The issuing bureau and date signed under the report, and a contact note under them
    /// (`（联系人：…，联系电话：…）`).
    Signature,
    /// The closing of a report to a superior body: its formula (`特此报告。` above its signature,
    /// `以上报告，请予审议。` unsigned under a report delivered at a meeting), and the paragraph above
    /// it that turns to the meeting with the report's salutation (`主任、各位副主任、各位委员，…`).
    Closing,
    /// A web page's script or style sheet.
    Script,
    /// A web page's `<head>`: its window title and metadata.
    PageHead,
    /// A web page's share buttons.
    Share,
    /// A web page's footer: copyright, site map, contact lines.
    Footer,
    /// The titles of other pages listed under 相关链接 (相关文章, 延伸阅读 …) after the report, or
    /// on its line (`相关链接：深圳市住房和建设局 | …`).
    RelatedLinks,
    /// Text of a web page outside the block that holds the report.
    OutsideArticle,
    /// A PDF's running header: the line repeated at the top of its pages.
    RunningHeader,
    /// A PDF's running footer: the line repeated at the foot of its pages.
    RunningFooter,
    /// A PDF's page number (`— 3 —`, `第3页`).
    PageNumber,
}

/// A top-level section, opened by a `一、` heading (or implied when the document has none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    pub id: String,
    pub kind: PartKind,
    pub year: Option<i32>,
    /// `first` / `second` for 上半年 / 下半年 reports; absent for a whole year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub half: Option<Half>,
    pub heading: String,
    pub text: String,
    pub nodes: Vec<Node>,
    /// 1-based source line of the heading (or of the first node when the heading is implied).
    #[serde(default)]
    pub line: usize,
}

/// Words naming the year's shortcomings (`二、存在的问题`, `问题和不足`), in simplified script: a
/// part or section so named is neither a summary nor a plan, and nothing in it reports a result.
pub const SHORTCOMINGS_WORDS: &[&str] = &[
    "存在的问题",
    "存在问题",
    "存在的不足",
    "主要问题",
    "问题和不足",
    "问题与不足",
    "问题及不足",
    "不足和问题",
    "不足之处",
    "困难和问题",
    "问题和困难",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PartKind {
    Summary,
    Plan,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Half {
    First,
    Second,
}

/// A numbered section or item: `(一)`, `1.`, `(1)`, `一是` …
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Derived from position: `p2.3.1` is part 2, its third node, that node's first child.
    pub id: String,
    /// The marker exactly as written; `""` when the source has none.
    pub marker: String,
    pub title: String,
    pub text: String,
    pub children: Vec<Node>,
    /// Irregularities the importer found and kept as written instead of guessing silently.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<Flag>,
    /// 1-based source line of the marker.
    #[serde(default)]
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// The marker is damaged (`是` for `二是`, `(` for `(一)`); kept as written.
    MarkerBroken,
    /// The number skips or repeats (`(一)` then `(三)`).
    NumberingGap,
    /// The heading ran into its body with no punctuation; the split point was inferred.
    HeadingGlued,
}

impl Report {
    /// Every node of every part, depth first, with its part.
    pub fn nodes(&self) -> impl Iterator<Item = (&Part, &Node)> {
        self.parts.iter().flat_map(|part| {
            part.nodes
                .iter()
                .flat_map(Node::walk)
                .map(move |n| (part, n))
        })
    }

    /// The node with this id, if any.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes().map(|(_, n)| n).find(|n| n.id == id)
    }

    /// The first part of this kind.
    pub fn part_of_kind(&self, kind: PartKind) -> Option<&Part> {
        self.parts.iter().find(|p| p.kind == kind)
    }

    /// All the text a reader sees, in source order, as (place, text) pieces; `dropped` excluded.
    pub fn content_pieces(&self) -> Vec<&str> {
        let mut pieces = vec![self.preamble.as_str()];
        for part in &self.parts {
            pieces.push(&part.heading);
            pieces.push(&part.text);
            for node in part.nodes.iter().flat_map(Node::walk) {
                pieces.extend([node.marker.as_str(), &node.title, &node.text]);
            }
        }
        pieces
    }
}

impl Node {
    /// This node and its descendants, depth first (document order).
    pub fn walk(&self) -> Box<dyn Iterator<Item = &Node> + '_> {
        Box::new(std::iter::once(self).chain(self.children.iter().flat_map(Node::walk)))
    }

    /// The leaves below this node (itself when it has no children).
    pub fn leaves(&self) -> Vec<&Node> {
        self.walk().filter(|n| n.children.is_empty()).collect()
    }
}

impl PartKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PartKind::Summary => "summary",
            PartKind::Plan => "plan",
            PartKind::Other => "other",
        }
    }
}
