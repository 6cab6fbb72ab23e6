//! Pairs the sections and items of two report parts by what they say, whatever their order,
//! numbering and level, and lays the pairs out in the left part's reading order. No UI types.
//!
//! Similarity is the character-bigram TF-IDF cosine of [`crate::compare::similarity`] over
//! folded text (so width, quotes, whitespace and script never count), with the IDF taken over
//! the nodes' own texts on both sides, so words every section uses (推进, 加强, 建设) weigh
//! little. Two nodes score the better of two cosines: of their own texts ([`pair_text`]: a
//! section's heading) and of their whole subtrees (a section with every item under it) — only
//! the whole for a section against an item — plus [`SUBJECT_BONUS`] when their titles name one
//! subject of the related-terms lexicon.
//!
//! Pairing runs in rounds, each taking the highest-scoring pair of unpaired nodes first:
//! 1. sections with sections, from [`SECTION_MIN`];
//! 2. items with items across sections (the [`MOVE_SECTIONS`] most like their own, the one under
//!    the paired section winning near-ties by [`SAME_SECTION_BONUS`]), and an item with a section
//!    of the other side that is still alone and that, as a whole, matches it better than any of
//!    its items (or has none; by a margin, [`PARTNER_JOIN_SHARE`], when that section is the
//!    partner of the item's own), from [`ITEM_MIN`]; and a section with an item of the other
//!    side that two or more of its items match best ([`covering_candidates`]), first;
//! 3. nodes left alone that are each other's best match, from [`MUTUAL_MIN`];
//! 4. an item still alone joins a section of the other side that covers its subject: the
//!    partner of its own section when that one has no items (a summary of sections beside a
//!    summary of 一是/二是 items) and no sibling joined it matching it better than the section
//!    does, or any section that as a whole matches it from [`ITEM_MIN`]
//!    better than its items do; the items of a section paired with an item, or joined by one,
//!    join that item when they match it; a section still alone joins the partner of its items
//!    that matches it best as a whole. Such a node is then shown again beside each.
//!
//! Rows follow the left part (the report the reader opened) in document order; each right node
//! stands beside its partner, and a right node with none follows the nearest right node before
//! it that has a row. An item whose partner is in a section that is not its section's partner is
//! *moved*, labelled with the partner's place on the right.
//!
//! The thresholds were set on the bundled plans (光明 2025, 龙岗 2024: two districts' bureaus
//! of the same kind) and are measured by the labelled evaluation (`examples/eval`).

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

use crate::compare::index::TermIndex;
use crate::compare::lexicon;
use crate::compare::similarity::{Bigram, Numbered, Spread, Vocabulary, folded_bigrams};
use crate::model::{Node, Part, PartKind, Report};
use crate::text::normalize::fold;

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

/// The least cosine at which two nodes still alone pair because each is the other's best match:
/// items on one subject written apart (0.15–0.18). Reports of bureaus of different kinds leave
/// unrelated nodes that are each other's best at up to 0.13 (a 发改局's 提高政府投资项目审批效率
/// and a 民政局's 优化临时救助, sharing only 审批时限: the labelled evaluation's plans-baoan-futian);
/// from 0.10 these made two of its forbidden pairs, from 0.15 none, and no other pair changed.
pub const MUTUAL_MIN: f64 = 0.15;

/// How many right sections an item looks into for its counterpart: those most like its own
/// section. An item that moved carries its words into its new section, so that section is
/// among the most like its old one. Reports have fewer sections than this, so there every item
/// meets every item; in a generated part of 99 sections it keeps matching near-linear.
pub const MOVE_SECTIONS: usize = 8;

/// Added to an item pair's rank (not its score) when the items' sections are paired, so that
/// between near-equal candidates the item stays in its section rather than being labelled moved.
pub const SAME_SECTION_BONUS: f64 = 0.05;

/// An item joins the section its own section is paired with (rather than pairing with an item
/// of it) only when that section as a whole beats its best item clearly: the best item scores
/// below this share of the whole. A section shares its field's words (政务服务) across all its
/// items, so as a whole it outscores the one item on the item's subject: on the bundled plans
/// 光明's 政务服务提质增效 (whose body builds the new service centre) scores 0.41 with 龙岗's
/// 政务服务 section and 0.33 with its item 全力建好新的区政务服务中心 (0.79 of the whole: the
/// item pairs), while 光明's 夯实数字安全保障防护能力 scores 0.30 with 龙岗's security section
/// and at best 0.19 with one of its items (0.64: the item is the subject of the whole section).
/// The 水务 plans (written blind) add two of the second kind: 龙岗's item 全面建设节水型社会
/// scores 0.62 with 宝安's 节水 section and 0.46 with its best item (0.75), 宝安's 推进智慧水务
/// 建设 0.27 with 龙岗's 数字孪生流域 section and 0.19 with its best item (0.72). From 0.65 to
/// 0.76: plans-baoan-longgang-swj 0.86 → 1.00, no other pair changes; at 0.8 the service centre
/// item would join the section. The margin is narrow (0.75 against 0.79).
/// Not when the item and the section name one subject (同题: 龙华's 推进智慧健康建设 and 罗湖's
/// section 建设数字健康罗湖): the section as a whole is then on the item's subject, not only in
/// its field, and beating its best item is enough (plans-longhua-luohu 0.88 → 1.00, no pair
/// lost; the same at any share from 0.8).
pub const PARTNER_JOIN_SHARE: f64 = 0.76;

/// Added to the score of two nodes whose titles name one subject of the related-terms lexicon
/// (民意速办 and 民生诉求; 政务服务中心 and 政务大厅): a same-subject heading wins over shared
/// generic words. Bodies written apart share few words even on one subject: 光明's summary
/// section 推进民意速办走向深入 and 龙岗's 民生诉求服务水平实现新提升 score 0.085 (each is
/// closer to a third section), and with 0.07 or more they pair, their 一是/二是 items joining.
/// Measured on the evaluation: summaries recall 0.73 → 1.00, no labelled pair lost from 0.07 to
/// 0.2; at 0.1 no other row of the bundled plans or summaries changes.
pub const SUBJECT_BONUS: f64 = 0.1;

/// Up to this many nodes to choose from on the other side, every pair is scored (every real
/// report: a bureau's plan has about 30 items); above it the index chooses.
pub const EXACT_LIMIT: usize = 256;
/// Candidates per node when the index chooses them: among the nodes sharing the most weighted
/// bigrams, the true partner of a reworded item is in the first few.
pub const TOP_CANDIDATES: usize = 16;

/// One of the two columns of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Column {
    Left,
    Right,
}

/// A row of the comparison: a node on the left, on the right, or both.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// The left node's id; `None` for a node only on the right.
    pub left: Option<String>,
    /// The right node's id; `None` for a node only on the left.
    pub right: Option<String>,
    /// Content similarity in 0..=1 (0 when one side is missing), with [`SUBJECT_BONUS`].
    pub score: f64,
    /// The item's partner sits under a section that is not the partner of its own section.
    pub moved: bool,
    /// For a moved item, its partner's place on the right: section and item marker, like `(二)2`.
    pub moved_from: Option<String>,
    /// The subject of the related-terms lexicon both titles name (民生诉求 for 民意速办 beside
    /// 民生诉求), which added [`SUBJECT_BONUS`] to the score.
    pub subject: Option<String>,
    /// The pair shows a difference: a side is missing, or the texts differ beyond folding.
    pub changed: bool,
    /// The side whose node was already shown in an earlier row: a section beside one more of
    /// the items it covers.
    pub repeated: Option<Column>,
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
    /// Every node of both parts at least once, in the left part's reading order; a node shown
    /// again beside another item is marked `repeated`.
    pub pairs: Vec<Pair>,
    pub counts: Counts,
    /// How many node pairs were scored: bounded by the index, not the product of the sides.
    pub considered: usize,
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
    let vocabulary = Vocabulary::new(left.own.iter().chain(&right.own).map(Vec::as_slice));
    let (left_vectors, right_vectors) = (left.vectors(&vocabulary), right.vectors(&vocabulary));
    let cosines = RefCell::new(Cosines::new(&left_vectors, &right_vectors, &vocabulary));
    let score = |l: usize, r: usize| {
        let bonus = if shared_subject(&left.subjects[l], &right.subjects[r]).is_some() {
            SUBJECT_BONUS
        } else {
            0.0
        };
        cosines.borrow_mut().similarity(l, r).plus(bonus)
    };
    let finder = Finder::new(&left, &right, &vocabulary);
    let mut matching = Matching::new(left.nodes.len(), right.nodes.len());
    let sections = finder.section_candidates(score);
    matching.greedy(&sections, SECTION_MIN);
    let nearby = nearby_sections(&sections, &matching);
    let mut items = finder.item_candidates(&matching, &nearby, score);
    items.extend(covering_candidates(&left, &right, &items, score));
    matching.greedy(&items, ITEM_MIN);
    matching.mutual_best(sections.iter().chain(&items), MUTUAL_MIN);
    let joined = join_sections(&left, &right, &matching, score);
    let rows = layout(&left, &right, &matching, &joined);
    let mut pairs: Vec<Pair> = rows
        .into_iter()
        .map(|row| pair(&left, &right, &matching, row, score))
        .collect();
    mark_repeats(&mut pairs);
    let counts = count(&pairs);
    Alignment {
        pairs,
        counts,
        considered: sections.len() + items.len(),
    }
}

/// Chooses which node pairs are scored at all: every pair while the other side holds at most
/// [`EXACT_LIMIT`] nodes to choose from (every real report), else the [`TOP_CANDIDATES`] that
/// share the most weighted bigrams with the node, from an inverted index.
struct Finder<'a> {
    left: &'a Side<'a>,
    right: &'a Side<'a>,
    vocabulary: &'a Vocabulary,
    /// Built the first time a node has more than [`EXACT_LIMIT`] to choose from: never for a
    /// real report, where building it was 6% of comparing the bundled plans.
    index: OnceCell<Index>,
}

/// The inverted indexes over the right side, and the left side's queries.
struct Index {
    /// Each left node's subtree bigrams, sorted and distinct: the index queries.
    left_terms: Vec<Vec<Bigram>>,
    /// Over the right sections, by position in `right.roots`.
    roots: TermIndex,
    /// Over every right node's subtree bigrams.
    nodes: TermIndex,
}

impl Index {
    fn new(left: &Side, right: &Side) -> Self {
        let right_terms = right.subtree_terms();
        Index {
            left_terms: left.subtree_terms(),
            roots: TermIndex::new(right.roots.iter().map(|&r| right_terms[r].as_slice())),
            nodes: TermIndex::new(right_terms.iter().map(Vec::as_slice)),
        }
    }
}

impl<'a> Finder<'a> {
    fn new(left: &'a Side<'a>, right: &'a Side<'a>, vocabulary: &'a Vocabulary) -> Self {
        Finder {
            left,
            right,
            vocabulary,
            index: OnceCell::new(),
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::new(self.left, self.right))
    }

    /// Section pairs to score: all, or each left section's best from the index.
    fn section_candidates(&self, score: impl Fn(usize, usize) -> Similarity) -> Vec<Candidate> {
        let mut candidates = Vec::new();
        for &l in &self.left.roots {
            let chosen: Vec<usize> = if self.right.roots.len() <= EXACT_LIMIT {
                self.right.roots.clone()
            } else {
                let weight = |b: &Bigram| self.vocabulary.weight(b);
                let index = self.index();
                index
                    .roots
                    .top(&index.left_terms[l], weight, TOP_CANDIDATES)
                    .into_iter()
                    .map(|i| self.right.roots[i])
                    .collect()
            };
            candidates.extend(
                chosen
                    .into_iter()
                    .map(|r| Candidate::new(l, r, score(l, r), 0.0)),
            );
        }
        candidates
    }

    /// Candidates below sections: each left item with the right items in the sections near its
    /// own (`nearby`; all of them, or its best from the index), one under the paired section
    /// getting [`SAME_SECTION_BONUS`]; and across levels, an item joining a section of the other
    /// side that matches it, as a whole, better than any of its items does (or has none).
    fn item_candidates(
        &self,
        sections: &Matching,
        nearby: &HashMap<usize, Vec<usize>>,
        score: impl Fn(usize, usize) -> Similarity,
    ) -> Vec<Candidate> {
        let (left, right) = (self.left, self.right);
        let mut candidates = Vec::new();
        for &root in &left.roots {
            let near: &[usize] = nearby.get(&root).map_or(&[], Vec::as_slice);
            let pool: usize = near.iter().map(|&s| right.below(s).len()).sum();
            let partners = |right_section: usize| sections.left[root] == Some(right_section);
            let bonus = |r: usize| {
                if partners(right.nodes[r].root) {
                    SAME_SECTION_BONUS
                } else {
                    0.0
                }
            };
            // the share of a section's whole score its best item must stay under for an item to
            // join it rather than pair with that item
            let join_share = |(l, r): (usize, usize)| {
                let same_subject = shared_subject(&left.subjects[l], &right.subjects[r]).is_some();
                if partners(right.nodes[r].root) && !same_subject {
                    PARTNER_JOIN_SHARE
                } else {
                    1.0
                }
            };
            // the best item score seen for each (left item, right section) and right item
            let mut best_in_section: HashMap<(usize, usize), f64> = HashMap::new();
            let mut best_for_right: HashMap<usize, f64> = HashMap::new();
            for l in left.below(root) {
                let chosen: Vec<usize> = if pool <= EXACT_LIMIT {
                    near.iter().flat_map(|&s| right.below(s)).collect()
                } else {
                    let weight = |b: &Bigram| self.vocabulary.weight(b);
                    let index = self.index();
                    index
                        .nodes
                        .top(&index.left_terms[l], weight, TOP_CANDIDATES * 2)
                        .into_iter()
                        .filter(|&r| right.nodes[r].parent.is_some())
                        .filter(|&r| near.contains(&right.nodes[r].root))
                        .take(TOP_CANDIDATES)
                        .collect()
                };
                for r in chosen {
                    let c = Candidate::new(l, r, score(l, r), bonus(r));
                    let in_section = best_in_section.entry((l, right.nodes[r].root)).or_default();
                    *in_section = in_section.max(c.score);
                    let for_right = best_for_right.entry(r).or_default();
                    *for_right = for_right.max(c.score);
                    candidates.push(c);
                }
                for &section in near {
                    let whole = score(l, section);
                    let best_item = best_in_section.get(&(l, section)).copied().unwrap_or(0.0);
                    if whole.score * join_share((l, section)) > best_item {
                        candidates.push(Candidate::join(l, section, whole, Column::Right));
                    }
                }
            }
            for r in near.iter().flat_map(|&s| right.below(s)) {
                let whole = score(root, r);
                let best_item = best_for_right.get(&r).copied().unwrap_or(0.0);
                if whole.score * join_share((root, r)) > best_item {
                    candidates.push(Candidate::join(root, r, whole, Column::Left));
                }
            }
        }
        candidates
    }
}

/// A section of one side whose items have one best match in common on the other side, an item,
/// meets that item as a whole (the item joins it): the item names in one sentence what the
/// section's items do one by one (南山's 环评 section of 告知承诺制 and 重大项目环评服务 against
/// 龙岗's 深化环评审批改革…重大项目“绿色通道”). Ranked just above the best of those items' own
/// pairs with it, so the join is made before either of them pairs it. Sections below the top
/// level only: a top-level section is met as a whole by the rules of [`PARTNER_JOIN_SHARE`], and
/// covering it too would stand 光明's 深入推动政务服务提质增效 beside 龙岗's whole 政务服务 section
/// rather than beside the service-centre item it pairs with (measured: one more labelled pair of
/// the 城管 plans, and the bundled plans' service-centre pair given up).
fn covering_candidates(
    left: &Side,
    right: &Side,
    items: &[Candidate],
    score: impl Fn(usize, usize) -> Similarity,
) -> Vec<Candidate> {
    let mut best_right: HashMap<usize, Candidate> = HashMap::new();
    let mut best_left: HashMap<usize, Candidate> = HashMap::new();
    for c in items
        .iter()
        .filter(|c| c.join.is_none() && c.score >= ITEM_MIN)
    {
        let better = |held: Option<&Candidate>| {
            held.is_none_or(|h| Candidate::best_first(c, h) == std::cmp::Ordering::Less)
        };
        if better(best_right.get(&c.left)) {
            best_right.insert(c.left, *c);
        }
        if better(best_left.get(&c.right)) {
            best_left.insert(c.right, *c);
        }
    }
    let mut found = Vec::new();
    for (section, flat) in left
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, f)| f.parent.is_some())
    {
        let bests = flat.children.iter().filter_map(|c| best_right.get(c));
        for (r, top) in shared_best(bests, |c| c.right) {
            found.push(Candidate::covering(
                section,
                r,
                score(section, r),
                Column::Left,
                top,
            ));
        }
    }
    for (section, flat) in right
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, f)| f.parent.is_some())
    {
        let bests = flat.children.iter().filter_map(|c| best_left.get(c));
        for (l, top) in shared_best(bests, |c| c.left) {
            found.push(Candidate::covering(
                l,
                section,
                score(l, section),
                Column::Right,
                top,
            ));
        }
    }
    found
}

/// The nodes that are the best match of two or more of the candidates' nodes (`other`: the node
/// matched), each with the highest-ranked of those candidates.
fn shared_best<'c>(
    bests: impl Iterator<Item = &'c Candidate>,
    other: impl Fn(&Candidate) -> usize,
) -> Vec<(usize, Candidate)> {
    let mut by_node: Vec<(usize, usize, Candidate)> = Vec::new();
    for c in bests {
        match by_node.iter_mut().find(|(n, _, _)| *n == other(c)) {
            Some((_, count, top)) => {
                *count += 1;
                if Candidate::best_first(c, top) == std::cmp::Ordering::Less {
                    *top = *c;
                }
            }
            None => by_node.push((other(c), 1, *c)),
        }
    }
    by_node
        .into_iter()
        .filter(|&(_, count, _)| count >= 2)
        .map(|(n, _, top)| (n, top))
        .collect()
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

/// Nodes still alone join a node of the other side that their section already stands beside:
/// the items of a section paired with an item of the other side, or joined by one as a whole
/// ([`covering_candidates`]), join that item when they match it from [`ITEM_MIN`]; the items right
/// under a section whose partner has no items join that partner (a summary of sections beside a
/// summary of 一是/二是 items), unless one of them joined it already, matching it better than
/// their section does; a section still alone whose items stand beside items of the other side
/// joins the one of those it matches best as a whole, from [`ITEM_MIN`] (南山's section
/// 强化医学学科建设和科技创新, whose 一是 pairs with 坪山's item 加强医学重点学科建设). (left, right) pairs, added to the joins made while matching.
fn join_sections(
    left: &Side,
    right: &Side,
    matching: &Matching,
    score: impl Fn(usize, usize) -> Similarity,
) -> Vec<(usize, usize)> {
    let mut joined = matching.joined.clone();
    let mut alone_left: Vec<bool> = (0..left.nodes.len())
        .map(|l| matching.left[l].is_none() && !matching.joined_left[l])
        .collect();
    let mut alone_right: Vec<bool> = (0..right.nodes.len())
        .map(|r| matching.right[r].is_none() && !matching.joined_right[r])
        .collect();
    // a section an item joined is no longer alone either
    for &(l, r) in &matching.joined {
        alone_left[l] = false;
        alone_right[r] = false;
    }
    let has_items = |side: &Side, n: usize| !side.nodes[n].children.is_empty();
    let item =
        |side: &Side, n: usize| side.nodes[n].parent.is_some() && side.nodes[n].children.is_empty();
    let paired = (0..left.nodes.len()).filter_map(|l| Some((l, matching.left[l]?)));
    let beside: Vec<(usize, usize)> = paired.chain(matching.joined.iter().copied()).collect();
    for (l, r) in beside {
        if has_items(left, l) && item(right, r) {
            for &c in &left.nodes[l].children {
                if alone_left[c] && score(c, r).score >= ITEM_MIN {
                    joined.push((c, r));
                    alone_left[c] = false;
                }
            }
        }
        if has_items(right, r) && item(left, l) {
            for &c in &right.nodes[r].children {
                if alone_right[c] && score(l, c).score >= ITEM_MIN {
                    joined.push((l, c));
                    alone_right[c] = false;
                }
            }
        }
    }
    // an item-less partner that one of the section's items joined on its own, and matches better
    // than the section, stands for that item, not for the section: the other items stay alone
    let stands_for_item = |item: (usize, usize), section: (usize, usize)| {
        matching.joined.contains(&item)
            && score(item.0, item.1).score > score(section.0, section.1).score
    };
    for (l, flat) in left.nodes.iter().enumerate() {
        if flat.parent != Some(flat.root) || !alone_left[l] {
            continue;
        }
        let siblings = &left.nodes[flat.root].children;
        if let Some(r) = matching.left[flat.root].filter(|&r| {
            right.nodes[r].children.is_empty()
                && !siblings
                    .iter()
                    .any(|&c| stands_for_item((c, r), (flat.root, r)))
        }) {
            joined.push((l, r));
        }
    }
    for (r, flat) in right.nodes.iter().enumerate() {
        if flat.parent != Some(flat.root) || !alone_right[r] {
            continue;
        }
        let siblings = &right.nodes[flat.root].children;
        if let Some(l) = matching.right[flat.root].filter(|&l| {
            left.nodes[l].children.is_empty()
                && !siblings
                    .iter()
                    .any(|&c| stands_for_item((l, c), (l, flat.root)))
        }) {
            joined.push((l, r));
        }
    }
    // a section still alone whose items stand beside items of the other side stands beside the
    // one of those that matches it best as a whole
    let right_score = |r: usize, l: usize| score(l, r).score;
    for (r, l) in
        alone_sections_beside_items(right, left, &matching.right, &alone_right, right_score)
    {
        joined.push((l, r));
    }
    let left_score = |l: usize, r: usize| score(l, r).score;
    joined.extend(alone_sections_beside_items(
        left,
        right,
        &matching.left,
        &alone_left,
        left_score,
    ));
    joined
}

/// For each section of `own` still `alone` whose items have partners (`partner`, by own node) that
/// are items of `other`: (the section, the partner it matches best as a whole by `score`), when
/// that match reaches [`ITEM_MIN`].
fn alone_sections_beside_items(
    own: &Side,
    other: &Side,
    partner: &[Option<usize>],
    alone: &[bool],
    score: impl Fn(usize, usize) -> f64,
) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (section, flat) in own.nodes.iter().enumerate() {
        if flat.children.is_empty() || !alone[section] {
            continue;
        }
        let best = flat
            .children
            .iter()
            .filter_map(|&c| partner[c])
            .filter(|&o| other.nodes[o].children.is_empty())
            .map(|o| (o, score(section, o)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((o, _)) = best.filter(|&(_, s)| s >= ITEM_MIN) {
            found.push((section, o));
        }
    }
    found
}

/// The vectors of one side's nodes, numbered by the comparison's vocabulary.
struct Vectors {
    own: Vec<Numbered>,
    /// Over the whole subtree; `None` for a leaf, whose subtree is its own text.
    whole: Vec<Option<Numbered>>,
}

impl Vectors {
    fn whole(&self, i: usize) -> &Numbered {
        self.whole[i].as_ref().unwrap_or(&self.own[i])
    }
}

/// The cosines of left nodes with right nodes. A left node meets many right nodes in a row (every
/// candidate of an item, then the sections near it), so its vectors are spread once for all of
/// them.
struct Cosines<'v> {
    left: &'v Vectors,
    right: &'v Vectors,
    own: Spread<'v>,
    whole: Spread<'v>,
}

impl<'v> Cosines<'v> {
    fn new(left: &'v Vectors, right: &'v Vectors, vocabulary: &Vocabulary) -> Self {
        Cosines {
            left,
            right,
            own: Spread::new(vocabulary),
            whole: Spread::new(vocabulary),
        }
    }

    fn similarity(&mut self, l: usize, r: usize) -> Similarity {
        let (left, right) = (self.left, self.right);
        let own = self.own.cosine(&left.own[l], &right.own[r]);
        let whole = if left.whole[l].is_none() && right.whole[r].is_none() {
            own
        } else {
            self.whole.cosine(left.whole(l), right.whole(r))
        };
        // a section against an item is compared as a whole: its heading alone shares the
        // field's words with the item (深化生态文明宣传教育 against 深化生态文明示范创建…生态文明
        // 教育基地, 0.36) and says nothing of what its items do
        if left.whole[l].is_some() != right.whole[r].is_some() {
            return Similarity {
                score: whole,
                other: own,
            };
        }
        Similarity {
            score: own.max(whole),
            other: own.min(whole),
        }
    }
}

/// How alike two nodes are: the better of their own-text and whole-subtree cosines (the
/// whole's for a section against an item), and the other one (which breaks ties: two sections
/// with the same heading are told apart by their items).
#[derive(Debug, Clone, Copy)]
struct Similarity {
    score: f64,
    other: f64,
}

/// The first subject two sorted lists of subjects share.
fn shared_subject(left: &[usize], right: &[usize]) -> Option<usize> {
    left.iter()
        .copied()
        .find(|s| right.binary_search(s).is_ok())
}

impl Similarity {
    fn plus(self, bonus: f64) -> Self {
        Similarity {
            score: (self.score + bonus).min(1.0),
            other: self.other,
        }
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
    /// Each node's own text ([`pair_text`]) folded: folded once for its bigrams and for telling
    /// whether a pair changed.
    folded: Vec<Vec<char>>,
    /// Bigrams of each node's own text.
    own: Vec<Vec<Bigram>>,
    /// The related-terms groups each node's title names ([`crate::compare::lexicon`]).
    subjects: Vec<Vec<usize>>,
}

impl<'a> Side<'a> {
    fn new(part: &'a Part) -> Self {
        let mut side = Side {
            nodes: Vec::new(),
            roots: Vec::new(),
            folded: Vec::new(),
            own: Vec::new(),
            subjects: Vec::new(),
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
        let folded = fold(&pair_text(node)).chars;
        self.own.push(folded_bigrams(&folded));
        self.folded.push(folded);
        self.subjects
            .push(lexicon::current().subjects(&fold(&node.title).chars));
        for child in &node.children {
            let child_index = self.add(child, Some(index));
            self.nodes[index].children.push(child_index);
        }
        self.nodes[index].end = self.nodes.len();
        index
    }

    /// Each node's subtree bigrams (its own for a leaf), sorted and distinct.
    fn subtree_terms(&self) -> Vec<Vec<Bigram>> {
        (0..self.nodes.len())
            .map(|i| {
                let mut set: Vec<Bigram> = self.own[i..self.nodes[i].end].concat();
                set.sort_unstable();
                set.dedup();
                set
            })
            .collect()
    }

    fn vectors(&self, vocabulary: &Vocabulary) -> Vectors {
        let numbers: Vec<Vec<u64>> = self.own.iter().map(|g| vocabulary.numbers(g)).collect();
        let own = numbers
            .iter()
            .map(|n| vocabulary.vector(n.clone()))
            .collect();
        let whole = (0..self.nodes.len())
            .map(|i| {
                (!self.nodes[i].children.is_empty())
                    .then(|| vocabulary.vector(numbers[i..self.nodes[i].end].concat()))
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
    /// (left, right) of each item that joined a section of the other column.
    joined: Vec<(usize, usize)>,
    /// The left items and the right items that joined a section.
    joined_left: Vec<bool>,
    joined_right: Vec<bool>,
}

/// A possible pair: its score, and its rank (the score plus any bonus) that orders candidates.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    left: usize,
    right: usize,
    score: f64,
    /// The rank in units of 1e-9, rounded ([`Candidate::best_first`]): rounded once here rather
    /// than at every comparison of a sort, where rounding was most of the sorting time.
    rank: f64,
    /// Orders candidates of equal rank; rounded like `rank`.
    tiebreak: f64,
    /// An item joining a section of the other column, which stays free for others: the column
    /// of the section.
    join: Option<Column>,
}

impl Candidate {
    fn new(left: usize, right: usize, similarity: Similarity, bonus: f64) -> Self {
        Candidate {
            left,
            right,
            score: similarity.score,
            rank: coarse(similarity.score + bonus),
            tiebreak: coarse(similarity.other),
            join: None,
        }
    }

    /// The item (in the other column) joining the section in `section`'s column.
    fn join(left: usize, right: usize, similarity: Similarity, section: Column) -> Self {
        Candidate {
            join: Some(section),
            ..Candidate::new(left, right, similarity, 0.0)
        }
    }

    /// A section meeting, as a whole, the item its items all match best (see
    /// [`covering_candidates`]): ranked just above `top`, the best of those items' pairs.
    fn covering(
        left: usize,
        right: usize,
        similarity: Similarity,
        section: Column,
        top: Candidate,
    ) -> Self {
        Candidate {
            rank: top.rank + 1.0,
            ..Candidate::join(left, right, similarity, section)
        }
    }

    /// Highest rank first, then highest tiebreak, then document order. Ranks closer than 1e-9
    /// are equal (both are rounded to it): two identical texts do not always score exactly 1.
    fn best_first(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
        b.rank
            .total_cmp(&a.rank)
            .then(b.tiebreak.total_cmp(&a.tiebreak))
            .then(a.left.cmp(&b.left))
            .then(a.right.cmp(&b.right))
    }
}

/// A rank or tiebreak in units of 1e-9, rounded: how candidates compare.
fn coarse(x: f64) -> f64 {
    (x * 1e9).round()
}

impl Matching {
    fn new(left: usize, right: usize) -> Self {
        Matching {
            left: vec![None; left],
            right: vec![None; right],
            score: vec![0.0; left],
            joined: Vec::new(),
            joined_left: vec![false; left],
            joined_right: vec![false; right],
        }
    }

    /// Pairs the candidates scoring at least `min`, best first, each node at most once.
    /// Pairs nodes still alone (neither paired nor in a join) that are each other's best
    /// candidate among such nodes, scoring at least `min`; repeated until no more pair.
    fn mutual_best<'c>(
        &mut self,
        candidates: impl Iterator<Item = &'c Candidate> + Clone,
        min: f64,
    ) {
        loop {
            // a node in a join, as the item or as the section, has a counterpart already
            let (mut in_join_left, mut in_join_right) =
                (vec![false; self.left.len()], vec![false; self.right.len()]);
            for &(l, r) in &self.joined {
                in_join_left[l] = true;
                in_join_right[r] = true;
            }
            let joined = |c: &Candidate| in_join_left[c.left] || in_join_right[c.right];
            let open: Vec<Candidate> = candidates
                .clone()
                .filter(|c| c.join.is_none() && !joined(c))
                .filter(|c| self.left[c.left].is_none() && self.right[c.right].is_none())
                .copied()
                .collect();
            let mut best_left: HashMap<usize, Candidate> = HashMap::new();
            let mut best_right: HashMap<usize, Candidate> = HashMap::new();
            for c in &open {
                let better = |held: Option<&Candidate>| {
                    held.is_none_or(|h| Candidate::best_first(c, h) == std::cmp::Ordering::Less)
                };
                if better(best_left.get(&c.left)) {
                    best_left.insert(c.left, *c);
                }
                if better(best_right.get(&c.right)) {
                    best_right.insert(c.right, *c);
                }
            }
            let mut mutual: Vec<Candidate> = best_left
                .values()
                .filter(|c| c.score >= min)
                .filter(|c| best_right.get(&c.right).is_some_and(|b| b.left == c.left))
                .copied()
                .collect();
            if mutual.is_empty() {
                return;
            }
            mutual.sort_by(Candidate::best_first);
            self.greedy(&mutual, min);
        }
    }

    fn greedy(&mut self, candidates: &[Candidate], min: f64) {
        let mut ranked: Vec<Candidate> = candidates
            .iter()
            .filter(|c| c.score >= min)
            .copied()
            .collect();
        ranked.sort_by(Candidate::best_first);
        for c in ranked {
            let alone = |m: &Self, column: Column| match column {
                Column::Left => m.left[c.left].is_none() && !m.joined_left[c.left],
                Column::Right => m.right[c.right].is_none() && !m.joined_right[c.right],
            };
            match c.join {
                // the item is the node in the other column; the section stays free
                Some(Column::Right) if alone(self, Column::Left) => {
                    self.joined.push((c.left, c.right));
                    self.joined_left[c.left] = true;
                }
                Some(Column::Left) if alone(self, Column::Right) => {
                    self.joined.push((c.left, c.right));
                    self.joined_right[c.right] = true;
                }
                Some(_) => {}
                None if alone(self, Column::Left) && alone(self, Column::Right) => {
                    self.left[c.left] = Some(c.right);
                    self.right[c.right] = Some(c.left);
                    self.score[c.left] = c.score;
                }
                None => {}
            }
        }
    }
}

/// The rows in the left part's reading order (see the module docs): (left, right) indexes.
fn layout(
    left: &Side,
    right: &Side,
    matching: &Matching,
    joined: &[(usize, usize)],
) -> Vec<(Option<usize>, Option<usize>)> {
    let mut joins_of: Vec<Vec<usize>> = vec![Vec::new(); left.nodes.len()];
    // a node with no partner of its own is shown only beside what it joined
    let mut joined_only = vec![false; left.nodes.len()];
    for &(l, r) in joined {
        joins_of[l].push(r);
        joined_only[l] |= matching.left[l].is_none();
    }
    let mut rows: Vec<(Option<usize>, Option<usize>)> = Vec::new();
    for l in 0..left.nodes.len() {
        if !joined_only[l] {
            rows.push((Some(l), matching.left[l]));
        }
        // the sections this item joined, or the items that joined this section, right after it
        rows.extend(joins_of[l].iter().map(|&r| (Some(l), Some(r))));
    }
    // right nodes without a row follow the nearest right node before them that has one
    let mut first_row: Vec<Option<usize>> = vec![None; right.nodes.len()];
    for (row, &(_, r)) in rows.iter().enumerate() {
        if let Some(r) = r {
            first_row[r].get_or_insert(row);
        }
    }
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); rows.len() + 1];
    let mut anchor_slot = 0;
    for (r, first) in first_row.iter().enumerate() {
        let Some(row) = *first else {
            after[anchor_slot].push(r);
            continue;
        };
        // after the rows of the left node's subtree (its items and what joined them)
        let subtree = rows[row].0.map_or(row..row + 1, |l| l..left.nodes[l].end);
        let mut end = row;
        while rows
            .get(end + 1)
            .is_some_and(|&(l, _)| l.is_some_and(|l| subtree.contains(&l)))
        {
            end += 1;
        }
        anchor_slot = end + 1;
    }
    let mut ordered = Vec::with_capacity(rows.len() + right.nodes.len());
    ordered.extend(after[0].iter().map(|&r| (None, Some(r))));
    for (i, row) in rows.into_iter().enumerate() {
        ordered.push(row);
        ordered.extend(after[i + 1].iter().map(|&r| (None, Some(r))));
    }
    ordered
}

/// The pair of one row.
fn pair(
    left: &Side,
    right: &Side,
    matching: &Matching,
    (l, r): (Option<usize>, Option<usize>),
    score: impl Fn(usize, usize) -> Similarity,
) -> Pair {
    let (score, moved, changed, subject) = match (l, r) {
        (Some(l), Some(r)) => {
            let both_items = left.nodes[l].parent.is_some() && right.nodes[r].parent.is_some();
            let primary = matching.left[l] == Some(r);
            let moved = both_items
                && primary
                && matching.left[left.nodes[l].root] != Some(right.nodes[r].root);
            let changed = left.folded[l] != right.folded[r];
            // worth saying only where the texts differ
            let subject = shared_subject(&left.subjects[l], &right.subjects[r])
                .filter(|_| changed)
                .map(|s| lexicon::current().name(s));
            (score(l, r).score, moved, changed, subject)
        }
        _ => (0.0, false, true, None),
    };
    Pair {
        left: l.map(|l| left.id(l)),
        right: r.map(|r| right.id(r)),
        score,
        moved,
        moved_from: r.filter(|_| moved).map(|r| right.place(r)),
        subject,
        changed,
        repeated: None,
    }
}

/// Marks every row that shows a node an earlier row showed.
fn mark_repeats(pairs: &mut [Pair]) {
    let mut seen_left = std::collections::HashSet::new();
    let mut seen_right = std::collections::HashSet::new();
    for pair in pairs {
        if let Some(l) = &pair.left
            && !seen_left.insert(l.clone())
        {
            pair.repeated = Some(Column::Left);
        }
        if let Some(r) = &pair.right
            && !seen_right.insert(r.clone())
        {
            pair.repeated = Some(Column::Right);
        }
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
        // the label says where the partner stands on the right
        assert_eq!(security.moved_from.as_deref(), Some("(三)一是"));
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
        // the right section whose one item pairs with the left security item stands beside it
        assert!(only(Some("p2.2.3"), Some("p2.3")));
        assert_eq!(
            a.counts,
            Counts {
                paired: 7,
                changed: 3,
                moved: 1,
                only_left: 2,
                only_right: 2
            }
        );
    }

    #[test]
    fn pairs_follow_the_left_part_and_right_only_nodes_follow_their_right_neighbour() {
        let a = align(&left(), &right());
        let expected = [
            // no right node before them has a row: they open the list
            ("-", "p2.1"),
            ("-", "p2.1.1"),
            ("p2.1", "-"),
            ("p2.1.1", "-"),
            ("p2.2", "p2.2"),
            ("p2.2.1", "p2.2.1"),
            ("p2.2.2", "p2.2.2"),
            // the right section (三) stands beside the item its one item pairs with
            ("p2.2.3", "p2.3.1"),
            ("p2.2.3", "p2.3"),
            ("p2.3", "p2.4"),
            ("p2.3.1", "p2.4.1"),
        ];
        let got = rows(&a);
        assert_eq!(got, expected.map(|(l, r)| (l.to_string(), r.to_string())));
    }

    #[test]
    fn the_left_part_keeps_its_order_when_the_right_one_is_reordered() {
        let mut reordered = left();
        reordered.nodes.reverse();
        let a = align(&left(), &reordered);
        let lefts: Vec<&str> = a.pairs.iter().filter_map(|p| p.left.as_deref()).collect();
        assert_eq!(
            lefts,
            vec![
                "p2.1", "p2.1.1", "p2.2", "p2.2.1", "p2.2.2", "p2.2.3", "p2.3", "p2.3.1"
            ]
        );
    }

    #[test]
    fn items_under_a_section_whose_partner_has_no_items_join_that_partner() {
        // a summary of 一是/二是 items beside a summary of bare sections
        let items = part(vec![node(
            "p1.1",
            "(一)",
            "民意速办改革走深走实",
            "",
            vec![
                node(
                    "p1.1.1",
                    "一是",
                    "诉求分拨处置机制更加完善。",
                    "优化分拨流程。",
                    vec![],
                ),
                node(
                    "p1.1.2",
                    "二是",
                    "服务质效不断提升。",
                    "按时办结率达99%。",
                    vec![],
                ),
            ],
        )]);
        let bare = part(vec![node(
            "p1.1",
            "(一)",
            "民生诉求服务水平实现新提升",
            "优化民意速办分拨处置流程,按时办结率达98%。",
            vec![],
        )]);
        let a = align(&items, &bare);
        let pairs: Vec<(String, String, Option<Column>)> = a
            .pairs
            .iter()
            .map(|p| {
                let id = |s: &Option<String>| s.clone().unwrap_or_else(|| "-".into());
                (id(&p.left), id(&p.right), p.repeated)
            })
            .collect();
        assert_eq!(
            pairs,
            vec![
                ("p1.1".into(), "p1.1".into(), None),
                ("p1.1.1".into(), "p1.1".into(), Some(Column::Right)),
                ("p1.1.2".into(), "p1.1".into(), Some(Column::Right)),
            ]
        );
    }

    #[test]
    fn a_section_whose_items_one_item_covers_stands_beside_that_item_with_them() {
        // 南山 writes 环评 as a section of two items, 龙岗 as one 二是 naming both
        let sections = part(vec![node(
            "p2.2",
            "二、",
            "推动绿色低碳高质量发展",
            "",
            vec![
                node(
                    "p2.2.1",
                    "（一）",
                    "优化环评审批服务",
                    "",
                    vec![
                        node(
                            "p2.2.1.1",
                            "1.",
                            "深化环评审批制度改革。",
                            "落实环评审批告知承诺制和豁免管理，环评审批时限压缩至法定时限的40%以内。",
                            vec![],
                        ),
                        node(
                            "p2.2.1.2",
                            "2.",
                            "做好重大项目环评服务。",
                            "对重点片区项目提前介入、专人跟进，提供环评“一对一”服务，保障重大项目落地。",
                            vec![],
                        ),
                    ],
                ),
                node(
                    "p2.2.2",
                    "（二）",
                    "严格生态环境执法",
                    "深入开展“利剑”专项执法行动，严查偷排偷放等违法行为。",
                    vec![],
                ),
            ],
        )]);
        let items = part(vec![node(
            "p2.6",
            "六、",
            "提升执法监管和审批服务效能",
            "",
            vec![
                node(
                    "p2.6.1",
                    "一是",
                    "严格生态环境执法监管，开展“利剑”专项执法行动，严厉打击偷排偷放等违法行为。",
                    "",
                    vec![],
                ),
                node(
                    "p2.6.2",
                    "二是",
                    "深化环评审批改革，落实环评告知承诺制和豁免管理，环评审批平均时限压缩至法定时限的50%以内；对重点片区重大项目开辟环评“绿色通道”，提供全流程服务。",
                    "",
                    vec![],
                ),
            ],
        )]);
        let got = rows(&align(&sections, &items));
        let row = |l: &str, r: &str| (l.to_string(), r.to_string());
        assert!(got.contains(&row("p2.2.1", "p2.6.2")), "{got:?}");
        assert!(got.contains(&row("p2.2.1.1", "p2.6.2")), "{got:?}");
        assert!(got.contains(&row("p2.2.1.2", "p2.6.2")), "{got:?}");
        assert!(got.contains(&row("p2.2.2", "p2.6.1")), "{got:?}");
    }

    #[test]
    fn an_item_less_section_one_item_matches_better_than_its_section_takes_that_item_only() {
        // 光明's 安全 section holds 校园安全 and 食品安全 items; 龙华's 校园安全 section has no
        // items and says nothing of food
        let sections = part(vec![node(
            "p2.6",
            "六、",
            "守牢安全底线，提升教育治理效能",
            "",
            vec![
                node(
                    "p2.6.1",
                    "（二十三）",
                    "加强校园安全管理。",
                    "深化平安校园建设，中小学幼儿园专职保安员配备率、封闭化管理率、一键式紧急报警和视频监控联网率均保持100%；开展防溺水专项行动和校园安全隐患排查整治；完成15所学校消防设施改造提升；确保不发生重大校园安全责任事故。",
                    vec![],
                ),
                node(
                    "p2.6.2",
                    "（二十四）",
                    "强化校园食品安全管理。",
                    "推进学校食堂“互联网+明厨亮灶”全覆盖，落实学校负责人陪餐制度；优化学生午餐配送服务，学生午餐满意度测评达到90%以上。",
                    vec![],
                ),
            ],
        )]);
        let item_less = part(vec![node(
            "p2.5",
            "五、",
            "守牢校园安全底线",
            "深化平安校园建设，全区中小学幼儿园专职保安员配备率、封闭化管理率、“一键式”紧急报警和视频监控联网率保持100%。开展防溺水、防欺凌、交通安全专项教育，建设校园安全教育体验馆2个。完成18所学校消防设施改造和老旧电气线路整治，确保全年不发生重大校园安全责任事故。",
            vec![],
        )]);
        let got = rows(&align(&sections, &item_less));
        let row = |l: &str, r: &str| (l.to_string(), r.to_string());
        assert!(got.contains(&row("p2.6.1", "p2.5")), "{got:?}");
        assert!(got.contains(&row("p2.6.2", "-")), "{got:?}");
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
