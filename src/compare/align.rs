//! Pairs the sections and items of two report parts by what they say, whatever their order and
//! numbering, and lays the pairs out in reading order. No UI types.
//!
//! Similarity is the character-bigram TF-IDF cosine of [`crate::compare::similarity`] over
//! folded text (so width, quotes, whitespace and script never count), with the IDF taken over
//! the nodes' own texts on both sides, so words every section uses (推进, 加强, 建设) weigh
//! little. Two nodes score the better of two cosines: of their own texts ([`pair_text`]: a
//! section's heading) and of their whole subtrees (a section with every item under it). So a
//! section keeps its counterpart when its heading stayed and its items changed, or its items
//! stayed and its heading was reworded; and a heading does not drown in a long item under it.
//!
//! Sections pair with sections (top-level nodes), items with items (any deeper node), each by
//! greedy best-first matching: the highest-scoring pair of unpaired nodes is taken first, while it
//! scores at least [`SECTION_MIN`] / [`ITEM_MIN`]. Items are matched across sections (the
//! [`MOVE_SECTIONS`] most like their own), so an item that moved to another section still finds
//! its counterpart; between near-equal candidates the one under the paired section wins
//! ([`SAME_SECTION_BONUS`]). An item is *moved* when its section is not paired with its
//! counterpart's section.
//!
//! The thresholds were set on the bundled plans (光明 2025, 龙岗 2024: two districts' bureaus
//! of the same kind), where the pairs a reader would make and the near misses are close; see
//! each constant. Two years of one bureau score far higher (unchanged items score 1).

use std::collections::HashMap;

use crate::compare::similarity::{Bigram, Idf, Vector, bigrams};
use crate::model::{Node, Part, PartKind, Report};
use crate::text::normalize::fold_str;

/// The least cosine at which two sections pair. On the bundled plans the sections on one
/// subject (信息化统筹, 网络安全, 政务服务) score 0.21–0.28; sections on other subjects share
/// only generic words (推进, 建设, 数字) and score 0.04–0.11, except where one item touches the
/// other's subject (数据要素 vs 大平台大应用, which holds one public-data item: 0.13).
pub const SECTION_MIN: f64 = 0.15;

/// The least cosine at which two items pair. On the bundled plans the items on one subject
/// (信息化项目管理, 公共数据, 政务服务, 安全防护, 人工智能) score 0.19–0.41; the best of the
/// rest score up to 0.17 (软信业 vs 人工智能产业, which share only 产业发展). A single shared
/// subject word in one or two sentences is worth about 0.15, so this asks for a little more.
pub const ITEM_MIN: f64 = 0.18;

/// How many right sections an item looks into for its counterpart: those most like its own
/// section. An item that moved carries its words into its new section, so that section is
/// among the most like its old one. Reports have fewer sections than this, so there every item
/// meets every item; in a generated part of 99 sections it keeps matching near-linear.
pub const MOVE_SECTIONS: usize = 8;

/// Added to an item pair's rank (not its score) when the items' sections are paired, so that
/// between near-equal candidates the item stays in its section rather than being labelled moved.
pub const SAME_SECTION_BONUS: f64 = 0.05;

/// A row of the comparison: a node on the left, on the right, or both.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// The left node's id; `None` for a node only on the right.
    pub left: Option<String>,
    /// The right node's id; `None` for a node only on the left.
    pub right: Option<String>,
    /// Content similarity in 0..=1 (0 when one side is missing).
    pub score: f64,
    /// The item sits under a section that is not the counterpart of its left section.
    pub moved: bool,
    /// For a moved item, its place on the left: section marker and item marker, like `(二)2`.
    pub moved_from: Option<String>,
    /// The pair shows a difference: a side is missing, or the texts differ beyond folding.
    pub changed: bool,
}

/// How many pairs of each kind an alignment has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Pairs with both sides.
    pub paired: usize,
    /// Pairs with both sides whose texts differ.
    pub changed: usize,
    pub moved: usize,
    pub only_left: usize,
    pub only_right: usize,
}

/// Two parts laid against each other.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Alignment {
    /// Every node of both parts exactly once, in an order that reads down the right part, with
    /// left-only nodes where they stood among their left neighbours.
    pub pairs: Vec<Pair>,
    pub counts: Counts,
}

/// The part to compare: `plan`, `summary`, or a 1-based number; by default the plan when there is
/// one, else the first part. The error is one line saying what the report has.
pub fn choose_part<'a>(report: &'a Report, choice: Option<&str>) -> Result<&'a Part, String> {
    let found = match choice {
        None => report
            .part_of_kind(PartKind::Plan)
            .or_else(|| report.parts.first()),
        Some("plan") => report.part_of_kind(PartKind::Plan),
        Some("summary") => report.part_of_kind(PartKind::Summary),
        Some(n) => match n.parse::<usize>() {
            Ok(n) => n.checked_sub(1).and_then(|i| report.parts.get(i)),
            Err(_) => return Err(format!("part `{n}`: give plan, summary or a number")),
        },
    };
    found.ok_or_else(|| {
        let parts: Vec<String> = report
            .parts
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{} {}", i + 1, p.kind.as_str()))
            .collect();
        match choice {
            Some(choice) => format!("no part `{choice}` (parts: {})", parts.join(", ")),
            None => "the report has no parts".to_string(),
        }
    })
}

/// The text compared and shown for a node: its title, then its text on the next line.
pub fn pair_text(node: &Node) -> String {
    if node.text.is_empty() {
        node.title.clone()
    } else {
        format!("{}\n{}", node.title, node.text)
    }
}

/// Pairs the nodes of two parts.
pub fn align(left: &Part, right: &Part) -> Alignment {
    let left = Side::new(left);
    let right = Side::new(right);
    let idf = Idf::new(left.own.iter().chain(&right.own).map(Vec::as_slice));
    let (left_vectors, right_vectors) = (left.vectors(&idf), right.vectors(&idf));
    let score = |l: usize, r: usize| similarity(&left_vectors, l, &right_vectors, r);
    let mut matching = Matching::new(left.nodes.len(), right.nodes.len());
    let sections: Vec<Candidate> = left
        .roots
        .iter()
        .flat_map(|&l| right.roots.iter().map(move |&r| (l, r)))
        .map(|(l, r)| Candidate::new(l, r, score(l, r), 0.0))
        .collect();
    matching.greedy(&sections, SECTION_MIN);
    let nearby = nearby_sections(&sections, &matching);
    let items = item_candidates(&left, &right, &matching, &nearby, score);
    matching.greedy(&items, ITEM_MIN);
    let pairs: Vec<Pair> = reading_order(&left, &right, &matching)
        .into_iter()
        .map(|(l, r)| pair(&left, &right, &matching, l, r))
        .collect();
    let counts = count(&pairs);
    Alignment { pairs, counts }
}

/// Every left item with every right item in the sections near its own (`nearby`), scored; a
/// candidate under the paired section gets [`SAME_SECTION_BONUS`].
fn item_candidates(
    left: &Side,
    right: &Side,
    sections: &Matching,
    nearby: &HashMap<usize, Vec<usize>>,
    score: impl Fn(usize, usize) -> Similarity,
) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    for l in (0..left.nodes.len()).filter(|&l| left.nodes[l].parent.is_some()) {
        let root = left.nodes[l].root;
        for &section in nearby.get(&root).into_iter().flatten() {
            let same_section = sections.left[root] == Some(section);
            let bonus = if same_section {
                SAME_SECTION_BONUS
            } else {
                0.0
            };
            for r in right.below(section) {
                candidates.push(Candidate::new(l, r, score(l, r), bonus));
            }
        }
    }
    candidates
}

/// For each left section, the right sections its items are compared with: the
/// [`MOVE_SECTIONS`] most like it, and its counterpart.
fn nearby_sections(sections: &[Candidate], matching: &Matching) -> HashMap<usize, Vec<usize>> {
    let mut ranked = sections.to_vec();
    ranked.sort_by(Candidate::best_first);
    let mut nearby: HashMap<usize, Vec<usize>> = HashMap::new();
    for c in ranked {
        let chosen = nearby.entry(c.left).or_default();
        if chosen.len() < MOVE_SECTIONS || matching.left[c.left] == Some(c.right) {
            chosen.push(c.right);
        }
    }
    nearby
}

/// The vectors of one side's nodes.
struct Vectors {
    own: Vec<Vector>,
    /// Over the whole subtree; `None` for a leaf, whose subtree is its own text.
    whole: Vec<Option<Vector>>,
}

impl Vectors {
    fn whole(&self, i: usize) -> &Vector {
        self.whole[i].as_ref().unwrap_or(&self.own[i])
    }
}

/// How alike two nodes are: the better of their own-text and whole-subtree cosines, and the
/// other one (which breaks ties: two sections with the same heading are told apart by their
/// items).
#[derive(Debug, Clone, Copy)]
struct Similarity {
    score: f64,
    other: f64,
}

fn similarity(left: &Vectors, l: usize, right: &Vectors, r: usize) -> Similarity {
    let own = left.own[l].cosine(&right.own[r]);
    let whole = if left.whole[l].is_none() && right.whole[r].is_none() {
        own
    } else {
        left.whole(l).cosine(right.whole(r))
    };
    Similarity {
        score: own.max(whole),
        other: own.min(whole),
    }
}

/// One node of a part, flattened.
struct Flat<'a> {
    node: &'a Node,
    parent: Option<usize>,
    /// The top-level node (section) this node is in; itself for a section.
    root: usize,
    children: Vec<usize>,
    /// One past the last node of its subtree (the subtree is `index..end`).
    end: usize,
}

/// The nodes of one part in document order, with their bigrams.
struct Side<'a> {
    nodes: Vec<Flat<'a>>,
    roots: Vec<usize>,
    /// Bigrams of each node's own text ([`pair_text`]).
    own: Vec<Vec<Bigram>>,
}

impl<'a> Side<'a> {
    fn new(part: &'a Part) -> Self {
        let mut side = Side {
            nodes: Vec::new(),
            roots: Vec::new(),
            own: Vec::new(),
        };
        for node in &part.nodes {
            let index = side.add(node, None);
            side.roots.push(index);
        }
        side
    }

    fn add(&mut self, node: &'a Node, parent: Option<usize>) -> usize {
        let index = self.nodes.len();
        let root = parent.map_or(index, |p| self.nodes[p].root);
        self.nodes.push(Flat {
            node,
            parent,
            root,
            children: Vec::new(),
            end: index + 1,
        });
        self.own.push(bigrams(&pair_text(node)));
        for child in &node.children {
            let child_index = self.add(child, Some(index));
            self.nodes[index].children.push(child_index);
        }
        self.nodes[index].end = self.nodes.len();
        index
    }

    fn vectors(&self, idf: &Idf) -> Vectors {
        let own = self
            .own
            .iter()
            .map(|grams| Vector::new(grams, idf))
            .collect();
        let whole = (0..self.nodes.len())
            .map(|i| {
                (!self.nodes[i].children.is_empty())
                    .then(|| Vector::new(&self.own[i..self.nodes[i].end].concat(), idf))
            })
            .collect();
        Vectors { own, whole }
    }

    /// The nodes below a node (its subtree without itself).
    fn below(&self, index: usize) -> std::ops::Range<usize> {
        index + 1..self.nodes[index].end
    }

    fn id(&self, index: usize) -> String {
        self.nodes[index].node.id.clone()
    }

    /// Where a node stands: its markers from the section down, like `(二)2`; the id when a
    /// marker is missing.
    fn place(&self, index: usize) -> String {
        let mut markers = Vec::new();
        let mut at = Some(index);
        while let Some(i) = at {
            let marker = self.nodes[i]
                .node
                .marker
                .trim_end_matches(['.', '．', '、', ' ']);
            if marker.is_empty() {
                return self.id(index);
            }
            markers.push(marker);
            at = self.nodes[i].parent;
        }
        markers.reverse();
        markers.concat()
    }
}

/// Who is paired with whom, by index on each side, and their scores.
struct Matching {
    left: Vec<Option<usize>>,
    right: Vec<Option<usize>>,
    score: Vec<f64>,
}

/// A possible pair: its score, and its rank (the score plus any bonus) that orders candidates.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    left: usize,
    right: usize,
    score: f64,
    rank: f64,
    /// Orders candidates of equal rank.
    tiebreak: f64,
}

impl Candidate {
    fn new(left: usize, right: usize, similarity: Similarity, bonus: f64) -> Self {
        Candidate {
            left,
            right,
            score: similarity.score,
            rank: similarity.score + bonus,
            tiebreak: similarity.other,
        }
    }

    /// Highest rank first, then highest tiebreak, then document order. Ranks closer than 1e-9
    /// are equal: two identical texts do not always score exactly 1.
    fn best_first(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
        let coarse = |x: f64| (x * 1e9).round();
        coarse(b.rank)
            .total_cmp(&coarse(a.rank))
            .then(coarse(b.tiebreak).total_cmp(&coarse(a.tiebreak)))
            .then(a.left.cmp(&b.left))
            .then(a.right.cmp(&b.right))
    }
}

impl Matching {
    fn new(left: usize, right: usize) -> Self {
        Matching {
            left: vec![None; left],
            right: vec![None; right],
            score: vec![0.0; left],
        }
    }

    /// Pairs the candidates scoring at least `min`, best first, each node at most once.
    fn greedy(&mut self, candidates: &[Candidate], min: f64) {
        let mut ranked: Vec<Candidate> = candidates
            .iter()
            .filter(|c| c.score >= min)
            .copied()
            .collect();
        ranked.sort_by(Candidate::best_first);
        for c in ranked {
            if self.left[c.left].is_none() && self.right[c.right].is_none() {
                self.left[c.left] = Some(c.right);
                self.right[c.right] = Some(c.left);
                self.score[c.left] = c.score;
            }
        }
    }
}

/// The rows (left index, right index) in reading order: the right part's nodes in order, each
/// followed by its children's rows; a left-only node comes right after its previous left sibling's
/// row (first among its siblings when it has none there).
fn reading_order(
    left: &Side,
    right: &Side,
    matching: &Matching,
) -> Vec<(Option<usize>, Option<usize>)> {
    let mut rows = Vec::with_capacity(left.nodes.len() + right.nodes.len());
    order_group(&left.roots, &right.roots, left, right, matching, &mut rows);
    rows
}

/// Appends the rows of one group: the children of a row's left node and of its right node.
fn order_group(
    lefts: &[usize],
    rights: &[usize],
    left: &Side,
    right: &Side,
    matching: &Matching,
    rows: &mut Vec<(Option<usize>, Option<usize>)>,
) {
    let mut group: Vec<(Option<usize>, Option<usize>)> = rights
        .iter()
        .map(|&r| (matching.right[r], Some(r)))
        .collect();
    let mut cursor = 0;
    for &l in lefts {
        if let Some(at) = group.iter().position(|&(gl, _)| gl == Some(l)) {
            cursor = at + 1;
        } else if matching.left[l].is_none() {
            group.insert(cursor, (Some(l), None));
            cursor += 1;
        }
    }
    for (l, r) in group {
        rows.push((l, r));
        let no_children: &[usize] = &[];
        let left_children = l.map_or(no_children, |l| &left.nodes[l].children);
        let right_children = r.map_or(no_children, |r| &right.nodes[r].children);
        order_group(left_children, right_children, left, right, matching, rows);
    }
}

/// The pair of one row.
fn pair(
    left: &Side,
    right: &Side,
    matching: &Matching,
    l: Option<usize>,
    r: Option<usize>,
) -> Pair {
    let (score, moved, changed) = match (l, r) {
        (Some(l), Some(r)) => {
            let left_section = left.nodes[l].parent.map(|p| matching.left[p]);
            let moved = left_section.is_some_and(|partner| partner != right.nodes[r].parent);
            let changed = fold_str(&pair_text(left.nodes[l].node))
                != fold_str(&pair_text(right.nodes[r].node));
            (matching.score[l], moved, changed)
        }
        _ => (0.0, false, true),
    };
    Pair {
        left: l.map(|l| left.id(l)),
        right: r.map(|r| right.id(r)),
        score,
        moved,
        moved_from: l.filter(|_| moved).map(|l| left.place(l)),
        changed,
    }
}

fn count(pairs: &[Pair]) -> Counts {
    let mut counts = Counts::default();
    for pair in pairs {
        match (&pair.left, &pair.right) {
            (Some(_), Some(_)) => {
                counts.paired += 1;
                counts.changed += usize::from(pair.changed);
                counts.moved += usize::from(pair.moved);
            }
            (Some(_), None) => counts.only_left += 1,
            _ => counts.only_right += 1,
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::BUNDLED;

    fn node(id: &str, marker: &str, title: &str, text: &str, children: Vec<Node>) -> Node {
        Node {
            id: id.into(),
            marker: marker.into(),
            title: title.into(),
            text: text.into(),
            children,
            flags: Vec::new(),
            line: 0,
        }
    }

    fn part(nodes: Vec<Node>) -> Part {
        Part {
            id: "p2".into(),
            kind: PartKind::Plan,
            year: Some(2025),
            half: None,
            heading: "二、2025年工作计划".into(),
            text: String::new(),
            nodes,
            line: 0,
        }
    }

    /// The (left id, right id) of every pair, `-` for a missing side.
    fn rows(alignment: &Alignment) -> Vec<(String, String)> {
        let id = |s: &Option<String>| s.clone().unwrap_or_else(|| "-".into());
        alignment
            .pairs
            .iter()
            .map(|p| (id(&p.left), id(&p.right)))
            .collect()
    }

    fn partner<'a>(alignment: &'a Alignment, left: &str) -> Option<&'a Pair> {
        alignment
            .pairs
            .iter()
            .find(|p| p.left.as_deref() == Some(left))
    }

    /// 光明-style left: (一) rules, (二) infrastructure with security, (三) data elements.
    fn left() -> Part {
        part(vec![
            node(
                "p2.1",
                "(一)",
                "实施数字规则引领工程",
                "",
                vec![node(
                    "p2.1.1",
                    "1.",
                    "加强数字光明顶层设计。",
                    "制定数字光明建设工作要点,完善智慧城市建设运营体制机制。",
                    vec![],
                )],
            ),
            node(
                "p2.2",
                "(二)",
                "实施数字底座强基工程",
                "",
                vec![
                    node(
                        "p2.2.1",
                        "1.",
                        "强化智能算力资源供给。",
                        "推动区级政务智算基础设施建设,提升算力调度能力。",
                        vec![],
                    ),
                    node(
                        "p2.2.2",
                        "2.",
                        "加快建设数字孪生科学城。",
                        "完善光明科学城数字孪生底板,拓展孪生应用场景。",
                        vec![],
                    ),
                    node(
                        "p2.2.3",
                        "3.",
                        "夯实数字安全保障防护能力。",
                        "开展网络安全攻防演练,加强关键信息基础设施安全防护。",
                        vec![],
                    ),
                ],
            ),
            node(
                "p2.3",
                "(三)",
                "实施数据要素赋能工程",
                "",
                vec![node(
                    "p2.3.1",
                    "1.",
                    "探索公共数据开发利用新机制。",
                    "推进公共数据授权运营,打造“数据要素×”示范场景。",
                    vec![],
                )],
            ),
        ])
    }

    /// 龙岗-style right: data elements renumbered (四), security its own section (三) holding the
    /// item that was under infrastructure, rules dropped, a party-building section added.
    fn right() -> Part {
        part(vec![
            node(
                "p2.1",
                "(一)",
                "围绕政务服务改革,持续深化线上线下融合。",
                "",
                vec![node(
                    "p2.1.1",
                    "一是",
                    "全力建好新的区政务服务中心。",
                    "打造智能客服、智能导办场景。",
                    vec![],
                )],
            ),
            node(
                "p2.2",
                "(二)",
                "围绕算力基础设施建设,提升数字底座支撑能力。",
                "",
                vec![
                    node(
                        "p2.2.1",
                        "一是",
                        "强化智能算力资源供给。",
                        "推动区级政务智算基础设施建设，提升算力调度能力。",
                        vec![],
                    ),
                    node(
                        "p2.2.2",
                        "二是",
                        "加快建设数字孪生城区。",
                        "完善全区数字孪生底板,拓展孪生应用场景。",
                        vec![],
                    ),
                ],
            ),
            node(
                "p2.3",
                "(三)",
                "围绕构筑全链条安全体系,筑牢网络安全防线。",
                "",
                vec![node(
                    "p2.3.1",
                    "一是",
                    "夯实数字安全保障防护能力。",
                    "开展网络安全攻防演练,加强关键信息基础设施安全防护。",
                    vec![],
                )],
            ),
            node(
                "p2.4",
                "(四)",
                "实施数据要素赋能工程",
                "",
                vec![node(
                    "p2.4.1",
                    "一是",
                    "探索公共数据开发利用新机制。",
                    "推进公共數據授权运营,打造\"数据要素×\"示范场景。",
                    vec![],
                )],
            ),
        ])
    }

    #[test]
    fn renumbered_sections_pair_by_content() {
        let a = align(&left(), &right());
        let data = partner(&a, "p2.3").unwrap();
        assert_eq!(data.right.as_deref(), Some("p2.4"));
        assert!(data.score > 0.5, "{}", data.score);
        assert_eq!(partner(&a, "p2.2").unwrap().right.as_deref(), Some("p2.2"));
    }

    #[test]
    fn items_pair_across_sections_and_are_labelled_moved() {
        let a = align(&left(), &right());
        let security = partner(&a, "p2.2.3").unwrap();
        assert_eq!(security.right.as_deref(), Some("p2.3.1"));
        assert!(security.moved);
        assert_eq!(security.moved_from.as_deref(), Some("(二)3"));
        let twin = partner(&a, "p2.2.2").unwrap();
        assert_eq!(twin.right.as_deref(), Some("p2.2.2"));
        assert!(!twin.moved && twin.changed);
        // same text under a renumbered but paired section: not moved, and script, width and
        // quotes are no change
        let data = partner(&a, "p2.3.1").unwrap();
        assert_eq!(data.right.as_deref(), Some("p2.4.1"));
        assert!(!data.moved && !data.changed);
        assert_eq!(data.moved_from, None);
        let compute = partner(&a, "p2.2.1").unwrap();
        assert!(!compute.moved && !compute.changed);
        assert_eq!(a.counts.moved, 1);
    }

    #[test]
    fn nodes_missing_on_either_side_stand_alone() {
        let a = align(&left(), &right());
        let only = |left: Option<&str>, right: Option<&str>| {
            a.pairs
                .iter()
                .any(|p| p.left.as_deref() == left && p.right.as_deref() == right)
        };
        assert!(only(Some("p2.1"), None));
        assert!(only(Some("p2.1.1"), None));
        assert!(only(None, Some("p2.1")));
        assert!(only(None, Some("p2.1.1")));
        assert!(only(None, Some("p2.3")));
        assert_eq!(
            a.counts,
            Counts {
                paired: 6,
                changed: 2,
                moved: 1,
                only_left: 2,
                only_right: 3
            }
        );
    }

    #[test]
    fn pairs_read_down_the_right_part_with_left_only_nodes_in_place() {
        let a = align(&left(), &right());
        let expected = [
            ("p2.1", "-"),
            ("p2.1.1", "-"),
            ("-", "p2.1"),
            ("-", "p2.1.1"),
            ("p2.2", "p2.2"),
            ("p2.2.1", "p2.2.1"),
            ("p2.2.2", "p2.2.2"),
            ("-", "p2.3"),
            ("p2.2.3", "p2.3.1"),
            ("p2.3", "p2.4"),
            ("p2.3.1", "p2.4.1"),
        ];
        let got = rows(&a);
        assert_eq!(got, expected.map(|(l, r)| (l.to_string(), r.to_string())));
    }

    #[test]
    fn reordered_sections_pair_and_every_node_appears_once() {
        let mut reordered = left();
        reordered.nodes.reverse();
        let a = align(&left(), &reordered);
        assert_eq!(a.counts.paired, 8);
        assert_eq!(a.counts.changed + a.counts.moved + a.counts.only_left, 0);
        for pair in &a.pairs {
            assert_eq!(pair.left, pair.right);
        }
    }

    #[test]
    fn choose_part_by_kind_or_number() {
        let report = BUNDLED[0].report().unwrap();
        assert_eq!(choose_part(&report, None).unwrap().id, "p2");
        assert_eq!(choose_part(&report, Some("summary")).unwrap().id, "p1");
        assert_eq!(choose_part(&report, Some("2")).unwrap().id, "p2");
        assert!(
            choose_part(&report, Some("3"))
                .unwrap_err()
                .contains("1 summary, 2 plan")
        );
        assert!(choose_part(&report, Some("x")).is_err());
    }

    #[test]
    fn pair_text_is_title_then_text() {
        let n = node("p1.1", "(一)", "标题。", "正文", vec![]);
        assert_eq!(pair_text(&n), "标题。\n正文");
        let n = node("p1.1", "(一)", "标题", "", vec![]);
        assert_eq!(pair_text(&n), "标题");
    }
}
