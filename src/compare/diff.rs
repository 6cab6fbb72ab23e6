//! Highlights inside a pair: a diff of two texts over [`tokens`], as byte ranges of both texts,
//! merged into phrases. No UI types.
//!
//! Tokens are compared by their folded keys, so punctuation width, quote style, whitespace and
//! script are never a change. [`similar`]'s algorithm is chosen by size: Hunt for the paragraphs
//! of a pair, Myers with its heuristics (never `RawMyers`) for long texts, under [`TIMEOUT`]; past
//! it the diff is coarser but still correct. An equal gap between two changes that
//! is too small to read on its own is folded into them, and a changed figure keeps its
//! unchanged unit out of the highlight (12个 → 15个 highlights 12 → 15).

use std::ops::Range;
use std::time::{Duration, Instant};

use rustc_hash::FxHashMap as HashMap;
use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use crate::text::normalize::fold_str;
use crate::text::numbers::UNITS;
use crate::text::tokens::{Token, TokenKind, tokens};

/// The longest a single diff may take. Two paragraphs take microseconds; only two long unrelated
/// texts reach it, and then a coarser diff is better than a frozen screen.
pub const TIMEOUT: Duration = Duration::from_millis(100);

/// What a change does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    Delete,
    Insert,
    Replace,
}

/// One piece of the diff: byte ranges into the left and right texts.
///
/// The changes of a diff cover both texts completely and in order. `Equal` pieces may differ in
/// what folding ignores (，/, “/", 數/数, whitespace); `Delete` has an empty right range and
/// `Insert` an empty left range, at the place where the other side's text would be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub op: Op,
    pub left: Range<usize>,
    pub right: Range<usize>,
}

/// The changes that turn `left` into `right`.
///
/// ```
/// use planlens::compare::diff::{diff, Op};
/// let (left, right) = ("基本完成", "完成");
/// let changes = diff(left, right);
/// assert_eq!(changes[0].op, Op::Delete);
/// assert_eq!(&left[changes[0].left.clone()], "基本");
/// assert_eq!(changes[1].op, Op::Equal);
/// ```
pub fn diff(left: &str, right: &str) -> Vec<Change> {
    if left.is_empty() || right.is_empty() {
        return one_sided(left, right);
    }
    let left = Side::new(left);
    let right = Side::new(right);
    let runs = merge_small_gaps(runs(&left.tokens, &right.tokens), &left.tokens);
    let mut changes = Vec::with_capacity(runs.len() + 1);
    let mut at = (0, 0);
    for run in &runs {
        let change = Change {
            op: run.op(),
            left: at.0..left.end_of(&run.left, at.0),
            right: at.1..right.end_of(&run.right, at.1),
        };
        at = (change.left.end, change.right.end);
        for piece in split_unit(change, &left, &right) {
            push(&mut changes, piece);
        }
    }
    let rest = Change {
        op: Op::Equal,
        left: at.0..left.text.len(),
        right: at.1..right.text.len(),
    };
    if !rest.left.is_empty() || !rest.right.is_empty() {
        push(&mut changes, rest);
    }
    changes
}

/// The diff when a side is empty (a node only on one side), without tokenizing: the other side
/// whole, deleted or inserted, or equal when it is only whitespace.
fn one_sided(left: &str, right: &str) -> Vec<Change> {
    let op = match (left.trim().is_empty(), right.trim().is_empty()) {
        (true, true) if left.is_empty() && right.is_empty() => return Vec::new(),
        (true, true) => Op::Equal,
        (false, _) => Op::Delete,
        (_, false) => Op::Insert,
    };
    vec![Change {
        op,
        left: 0..left.len(),
        right: 0..right.len(),
    }]
}

/// Appends a change, joining it to the last one when both are equal.
fn push(changes: &mut Vec<Change>, change: Change) {
    match changes.last_mut() {
        Some(last) if last.op == Op::Equal && change.op == Op::Equal => {
            last.left.end = change.left.end;
            last.right.end = change.right.end;
        }
        _ => changes.push(change),
    }
}

/// One text and its significant tokens: those with a key (not whitespace, not pinyin glosses).
struct Side<'a> {
    text: &'a str,
    tokens: Vec<Token>,
}

impl<'a> Side<'a> {
    fn new(text: &'a str) -> Self {
        let tokens = tokens(text)
            .into_iter()
            .filter(|t| !t.key.is_empty())
            .collect();
        Side { text, tokens }
    }

    /// The byte where a run of `tokens` ends (`at`, where the run starts, when it is empty).
    fn end_of(&self, tokens: &Range<usize>, at: usize) -> usize {
        self.tokens
            .get(tokens.clone())
            .and_then(<[Token]>::last)
            .map_or(at, |t| t.range.end)
    }

    /// The unit that ends `change` when its last token is a figure with a unit (个 in 12个).
    fn unit(&self, change: &Range<usize>) -> Option<&'a str> {
        let text: &'a str = self.text;
        let figure = &text[change.clone()];
        let unit = UNITS.iter().find(|u| figure.ends_with(*u))?;
        let number = &figure[..figure.len() - unit.len()];
        number
            .chars()
            .next_back()
            .is_some_and(|c| c.is_numeric())
            .then(|| &figure[figure.len() - unit.len()..])
    }
}

/// A stretch of the diff in token indices: equal, or changed on either side.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Run {
    equal: bool,
    left: Range<usize>,
    right: Range<usize>,
}

impl Run {
    /// The number of tokens it spans on its longer side.
    fn size(&self) -> usize {
        self.left.len().max(self.right.len())
    }

    fn op(&self) -> Op {
        match (self.equal, self.left.is_empty(), self.right.is_empty()) {
            (true, _, _) => Op::Equal,
            (false, true, _) => Op::Insert,
            (false, _, true) => Op::Delete,
            (false, false, false) => Op::Replace,
        }
    }
}

/// The token diff of the keys as runs, a change always between two equal runs.
fn runs(left: &[Token], right: &[Token]) -> Vec<Run> {
    let (left_keys, right_keys) = interned(left, right);
    let algorithm = algorithm(left_keys.len(), right_keys.len());
    // Hunt's work is bounded by HUNT_MAX_PAIRS: it ends in a millisecond at most, never near the
    // timeout, so it runs without reading the clock (at every step: a tenth of its time)
    let deadline = match algorithm {
        Algorithm::Hunt => None,
        _ => Instant::now().checked_add(TIMEOUT),
    };
    let ops = capture_diff_slices_deadline(algorithm, &left_keys, &right_keys, deadline);
    let mut runs: Vec<Run> = Vec::with_capacity(ops.len());
    for op in ops {
        let (tag, left, right) = op.as_tag_tuple();
        let equal = tag == DiffTag::Equal;
        match runs.last_mut() {
            Some(last) if !last.equal && !equal => {
                last.left.end = left.end;
                last.right.end = right.end;
            }
            _ => runs.push(Run { equal, left, right }),
        }
    }
    runs
}

/// The most token pairs (left length × right length) diffed with Hunt.
const HUNT_MAX_PAIRS: usize = 1 << 18;

/// Hunt–Szymanski for texts the size of a pair's paragraphs: on two items that say different
/// things it is about twice as fast as Myers, and gives the same changes (a longest common
/// subsequence either way). Its memory grows with the number of matching token pairs, up to
/// left × right, so above [`HUNT_MAX_PAIRS`] (6 MB at worst) Myers with its heuristics runs.
fn algorithm(left: usize, right: usize) -> Algorithm {
    if left.saturating_mul(right) <= HUNT_MAX_PAIRS {
        Algorithm::Hunt
    } else {
        Algorithm::Myers
    }
}

/// The keys of both sides as numbers, equal for equal keys: the diff then compares numbers, not
/// strings. (FxHash: keys are a character or a figure, short and not attacker-chosen; SipHash was
/// a sixth of the diff's time.)
fn interned<'a>(left: &'a [Token], right: &'a [Token]) -> (Vec<usize>, Vec<usize>) {
    let mut numbers: HashMap<&'a str, usize> = HashMap::default();
    let mut number = |token: &'a Token| {
        let next = numbers.len();
        *numbers.entry(token.key.as_str()).or_insert(next)
    };
    let left = left.iter().map(&mut number).collect();
    let right = right.iter().map(&mut number).collect();
    (left, right)
}

/// Folds small equal gaps into the changes around them, so that highlights read as phrases.
fn merge_small_gaps(runs: Vec<Run>, left: &[Token]) -> Vec<Run> {
    let mut merged: Vec<Run> = Vec::with_capacity(runs.len());
    let mut runs = runs.into_iter().peekable();
    while let Some(run) = runs.next() {
        let Some(last) = merged.last_mut().filter(|last| !last.equal) else {
            merged.push(run);
            continue;
        };
        if !run.equal {
            last.left.end = run.left.end;
            last.right.end = run.right.end;
        } else if let Some(next) = runs.next_if(|next| absorbs(&run, last, next, left)) {
            last.left.end = next.left.end;
            last.right.end = next.right.end;
        } else {
            merged.push(run);
        }
    }
    merged
}

/// Whether the equal `gap` between the changes `before` and `after` is folded into them.
///
/// A single token (one character, one figure) between two changes is folded: 全面建成 vs
/// 基本建立 reads as one change, not 全面→基本 and 成→立 around a lone 建. A longer gap is kept
/// unless both changes are at least four times as long: a shared 数据 inside two rewritten
/// clauses is a coincidence, not a point in common. Two-character words (most Chinese words)
/// between short changes stay visible as equal, and so does a gap of punctuation only: it is
/// a phrase boundary already, and folding it would show an unchanged 。 as changed.
fn absorbs(gap: &Run, before: &Run, after: &Run, left: &[Token]) -> bool {
    let punctuation = left[gap.left.clone()]
        .iter()
        .all(|t| t.kind == TokenKind::Punct);
    !after.equal
        && !punctuation
        && (gap.size() <= 1 || gap.size() * 4 <= before.size().min(after.size()))
}

/// A replaced figure whose unit did not change (12个 → 15个) is split so the unit reads as
/// equal: the replacement is the number alone.
fn split_unit(change: Change, left: &Side, right: &Side) -> Vec<Change> {
    let units = (change.op == Op::Replace)
        .then(|| Some((left.unit(&change.left)?, right.unit(&change.right)?)))
        .flatten();
    match units {
        Some((l, r)) if fold_str(l) == fold_str(r) => {
            let left_split = change.left.end - l.len();
            let right_split = change.right.end - r.len();
            vec![
                Change {
                    op: Op::Replace,
                    left: change.left.start..left_split,
                    right: change.right.start..right_split,
                },
                Change {
                    op: Op::Equal,
                    left: left_split..change.left.end,
                    right: right_split..change.right.end,
                },
            ]
        }
        _ => vec![change],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The diff as (op, left text, right text).
    fn pieces<'a>(left: &'a str, right: &'a str) -> Vec<(Op, &'a str, &'a str)> {
        diff(left, right)
            .into_iter()
            .map(|c| (c.op, &left[c.left], &right[c.right]))
            .collect()
    }

    fn changed<'a>(left: &'a str, right: &'a str) -> Vec<(Op, &'a str, &'a str)> {
        pieces(left, right)
            .into_iter()
            .filter(|(op, _, _)| *op != Op::Equal)
            .collect()
    }

    #[test]
    fn a_changed_figure_is_one_change_and_its_unit_stays_equal() {
        assert_eq!(
            pieces("建成12个场景", "建成15个场景"),
            [
                (Op::Equal, "建成", "建成"),
                (Op::Replace, "12", "15"),
                (Op::Equal, "个场景", "个场景")
            ]
        );
        assert_eq!(
            changed("占31.26%", "占33.8%"),
            [(Op::Replace, "31.26", "33.8")]
        );
        // a changed unit is part of the change
        assert_eq!(changed("12个", "12项"), [(Op::Replace, "12个", "12项")]);
    }

    #[test]
    fn only_the_added_words_are_highlighted() {
        assert_eq!(
            pieces("基本完成", "完成"),
            [(Op::Delete, "基本", ""), (Op::Equal, "完成", "完成")]
        );
        assert_eq!(
            changed("推进数据治理", "推进公共数据治理"),
            [(Op::Insert, "", "公共")]
        );
    }

    #[test]
    fn width_quotes_script_and_whitespace_are_not_changes() {
        assert!(changed("推进“数治光明”，（试点）", "推进\"数治光明\",(试点)").is_empty());
        assert!(changed("數據要素價值", "数据要素价值").is_empty());
        assert!(changed("数据 要素\n价值", "数据要素价值").is_empty());
        assert!(changed("ＣＩＭ平台", "CIM平台").is_empty());
    }

    #[test]
    fn a_lone_shared_character_between_changes_is_folded_in() {
        assert_eq!(
            changed("全面建成平台", "基本建立平台"),
            [(Op::Replace, "全面建成", "基本建立")]
        );
        // a shared two-character word between short changes stays visible
        assert_eq!(
            changed("推进数据治理", "加强数据共享"),
            [(Op::Replace, "推进", "加强"), (Op::Replace, "治理", "共享")]
        );
        // so does a lone mark: an unchanged 。 is not shown as changed
        assert_eq!(
            changed("项目管理。强化统筹", "项目管理机制。编制指引"),
            [
                (Op::Insert, "", "机制"),
                (Op::Replace, "强化统筹", "编制指引")
            ]
        );
    }

    #[test]
    fn a_missing_side_is_one_change() {
        assert_eq!(pieces("", "新增一项"), [(Op::Insert, "", "新增一项")]);
        assert_eq!(pieces("删除", ""), [(Op::Delete, "删除", "")]);
        assert_eq!(pieces(" \n", ""), [(Op::Equal, " \n", "")]);
        assert!(diff("", "").is_empty());
    }

    #[test]
    fn changes_cover_both_texts_in_order() {
        let cases = [
            ("  一是“一盘棋”统筹推进。 ", "二是统筹推进数字光明建设。\n"),
            ("", "新增"),
            ("删除", ""),
            ("", ""),
            ("   ", "\n"),
            ("", "\n"),
            (" 新增", ""),
            ("完成12个 ", "完成15个"),
        ];
        for (left, right) in cases {
            let changes = diff(left, right);
            let (mut l, mut r) = (0, 0);
            for c in &changes {
                assert_eq!((c.left.start, c.right.start), (l, r), "{left:?} {right:?}");
                assert!(c.left.start <= c.left.end && c.right.start <= c.right.end);
                (l, r) = (c.left.end, c.right.end);
            }
            assert_eq!((l, r), (left.len(), right.len()), "{left:?} {right:?}");
        }
    }

    #[test]
    fn unrelated_long_texts_finish() {
        let left = "数据要素价值加快释放，".repeat(600);
        let right = "民生诉求综合改革深化，".repeat(600);
        let started = Instant::now();
        let changes = diff(&left, &right);
        assert!(started.elapsed() < Duration::from_secs(2));
        assert!(!changes.is_empty());
    }
}
