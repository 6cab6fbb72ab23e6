//! A year's plan against the summary of that year, item by item: evidence sentences, a status,
//! targets beside reported figures, weaker commitment words. No UI types, no I/O.
//!
//! Plan items are the leaves of the plan part, each with its parent heading. Evidence units are
//! the summary part's sentences (cut at 。！？；, line breaks and run-in 一是/二是 markers), each
//! with its node id and byte range. Both are character-bigram TF-IDF vectors
//! ([`crate::compare::similarity`]) over folded text, so width, quotes, script and pinyin glosses
//! do not matter. Generic words ([`GENERIC_WORDS`]: 推进, 加强, 持续, 全面, 深化, 建设, 工作 …)
//! and the figures (compared as targets instead) are taken out first, and the IDF is taken over
//! all items and sentences of the pair, so what is left weighs by how rare it is in the pair.
//!
//! An item's score is the share of its commitments the evidence reports: the item is cut into
//! clauses (its text after the title; the title, a heading then, at [`HEADING_WEIGHT`]), and a
//! clause counts as reported when the evidence holds [`CLAUSE_FOUND`] of its IDF-weighted
//! bigrams. Status: `not_mentioned` at 0 (and then no evidence is listed), `reported` from
//! [`REPORTED_SHARE`], `partial` between; a plan that promised to finish (完成/建成) reported only
//! as started (启动/探索/谋划) is at most `partial`.
//!
//! Thresholds, tuned on the fixture pair in `tests/fixtures/audit/` and checked on the bundled
//! reports (other districts, other years) and generated pairs:
//! - [`EVIDENCE_MIN`] 0.15 (cosine): below it a sentence shares too little with the item to be
//!   worth showing; generic words cannot reach it, as they are taken out.
//! - [`CLAUSE_FOUND`] 0.45: a reworded clause keeps about half of its bigrams (数字孪生底板实现
//!   全区…全覆盖 for 完善全区数字孪生底板: 0.53 to 0.62, the pairs across word boundaries are
//!   what is lost), while a clause whose key words are missing keeps a third at most (与港澳
//!   地区实现…跨境通办 against a sentence on 政务服务事项异地通办: 0.34).
//! - [`REPORTED_SHARE`] 0.6: most commitments reported; one of two or two of four is `partial`.

use std::ops::Range;

use serde::Serialize;

use crate::compare::similarity::{Bigram, Idf, Vector, bigrams};
pub use crate::compare::targets::TargetCheck;
use crate::compare::targets::{CLAUSE_BREAKS, Figure, check_targets, figures, weakenings};
use crate::model::{Node, Part, PartKind, Report};
use crate::text::normalize::{fold, fold_str};

/// The lowest cosine between an item and a sentence for the sentence to count as evidence.
pub const EVIDENCE_MIN: f64 = 0.15;
/// The share of an item's commitments its evidence must report for `reported`.
pub const REPORTED_SHARE: f64 = 0.6;
/// The weight of a title that heads a longer item, against its text's clauses.
pub const HEADING_WEIGHT: f64 = 0.5;
/// The share of a clause's weighted bigrams the evidence must hold for the clause to count as
/// reported.
pub const CLAUSE_FOUND: f64 = 0.45;
/// Evidence sentences kept per item.
pub const TOP_EVIDENCE: usize = 3;

/// The audit of one plan against one summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Audit {
    pub plan_year: Option<i32>,
    pub summary_year: Option<i32>,
    /// Why the pair may not be a plan and its own summary: different district or bureau,
    /// different or unknown years, a half-year summary.
    pub warnings: Vec<String>,
    pub items: Vec<ItemAudit>,
}

/// One plan item and what the summary says about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemAudit {
    /// The plan node id (`p2.1.3`).
    pub id: String,
    pub marker: String,
    pub title: String,
    /// The parent heading with its marker (`(一)实施数字底座强基工程`), or the part heading for
    /// an item directly under the part.
    pub section: String,
    /// The item's full text: title then text.
    pub text: String,
    pub status: Status,
    /// How much of the item its evidence covers, 0..=1 (the share of its weighted bigrams).
    pub score: f64,
    /// The best evidence sentences, best first (at most [`TOP_EVIDENCE`]).
    pub evidence: Vec<Evidence>,
    /// Each figure of the item beside the figure its evidence reports in the same unit.
    pub targets: Vec<TargetCheck>,
    /// Key phrases of the item found in its evidence, as the item writes them, in item order;
    /// [`phrase_ranges`] finds them in any text (evidence in another script too).
    pub shared: Vec<String>,
    /// Plan words the evidence reports in a weaker form: `确保→力争`, `完成→启动`, `全面→逐步`.
    pub commitment: Vec<String>,
}

/// Whether the summary reports a plan item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Reported,
    Partial,
    NotMentioned,
}

impl Status {
    /// The key in JSON: `reported`, `partial`, `not_mentioned`.
    pub fn key(self) -> &'static str {
        match self {
            Status::Reported => "reported",
            Status::Partial => "partial",
            Status::NotMentioned => "not_mentioned",
        }
    }

    /// A symbol that tells the status without colour: ✓ reported, ◐ partial, ✗ not mentioned.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Reported => "✓",
            Status::Partial => "◐",
            Status::NotMentioned => "✗",
        }
    }

    /// The label auditors read: 已报告, 部分, 未提及.
    pub fn label(self) -> &'static str {
        match self {
            Status::Reported => "已报告",
            Status::Partial => "部分",
            Status::NotMentioned => "未提及",
        }
    }
}

/// A summary sentence that reports (part of) a plan item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// The summary node id, or the part id for a sentence of the part's own paragraph.
    pub id: String,
    /// Which text of that node `range` points into.
    pub field: Field,
    pub sentence: String,
    /// Cosine similarity with the item, 0..=1.
    pub score: f64,
    /// Byte range of `sentence` in the node's `title` or `text` (see `field`).
    pub range: Range<usize>,
}

/// The text of a node (or part) a sentence was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Title,
    Text,
}

/// Why two reports cannot be audited against each other.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuditError {
    #[error("no plan part (工作计划) in the plan report")]
    NoPlan,
    #[error("no summary part (工作总结) in the summary report")]
    NoSummary,
}

/// A suggested pair of the given reports: indexes of the plan report and the summary report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub plan: usize,
    pub summary: usize,
    /// Empty for the same district and bureau with the plan year equal to the summary year.
    pub warnings: Vec<String>,
}

/// A plan item to audit, with its heading for context.
struct PlanItem<'a> {
    node: &'a Node,
    section: String,
    text: String,
}

impl PlanItem<'_> {
    /// What the item commits to, as clauses with their weight factor: the text after the title
    /// in full, and the title, which is then a heading (1.建成智算中心。确保6月底前…), at
    /// [`HEADING_WEIGHT`]; the title in full when there is no more text (一是…).
    fn clauses(&self) -> Vec<(String, f64)> {
        let title = clauses(&self.node.title);
        if !self.node.text.chars().any(char::is_alphanumeric) {
            return title.into_iter().map(|c| (c, 1.0)).collect();
        }
        let body = clauses(&self.node.text).into_iter().map(|c| (c, 1.0));
        title
            .into_iter()
            .map(|c| (c, HEADING_WEIGHT))
            .chain(body)
            .collect()
    }
}

/// One evidence unit of the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Sentence<'a> {
    id: &'a str,
    field: Field,
    range: Range<usize>,
    text: &'a str,
}

/// Audits the plan part of `plan` against the summary part of `summary`.
pub fn audit(plan: &Report, summary: &Report) -> Result<Audit, AuditError> {
    let plan_part = plan
        .part_of_kind(PartKind::Plan)
        .ok_or(AuditError::NoPlan)?;
    let summary_part = summary
        .part_of_kind(PartKind::Summary)
        .ok_or(AuditError::NoSummary)?;
    let items = plan_items(plan_part);
    let sentences = sentences(summary_part);
    let item_grams: Vec<Vec<Bigram>> = items.iter().map(|i| content_bigrams(&i.text)).collect();
    let sentence_grams: Vec<Vec<Bigram>> =
        sentences.iter().map(|s| content_bigrams(s.text)).collect();
    let idf = Idf::new(item_grams.iter().chain(&sentence_grams).map(Vec::as_slice));
    let sentence_vectors: Vec<Vector> = sentence_grams
        .iter()
        .map(|g| Vector::new(g, &idf))
        .collect();
    let corpus = Corpus {
        sentences: &sentences,
        grams: &sentence_grams,
        vectors: &sentence_vectors,
        idf: &idf,
    };
    Ok(Audit {
        plan_year: plan_part.year,
        summary_year: summary_part.year,
        warnings: pair_warnings(plan, summary),
        items: items
            .iter()
            .zip(&item_grams)
            .map(|(item, grams)| corpus.audit_item(item, grams))
            .collect(),
    })
}

/// Words every report uses: they say how (推进, 加强, 持续深化), not what. IDF over a pair
/// cannot know that 持续深化 is boilerplate when the pair uses it twice, so these are taken out
/// before matching, on top of the IDF weighting.
pub const GENERIC_WORDS: &[&str] = &[
    "进一步",
    "推进",
    "推动",
    "加强",
    "加快",
    "持续",
    "全面",
    "深化",
    "深入",
    "建设",
    "工作",
    "不断",
    "稳步",
    "扎实",
    "积极",
    "切实",
    "着力",
    "大力",
    "全力",
    "有序",
    "坚持",
    "围绕",
    "取得",
    "成效",
    "各项",
    "提升",
    "强化",
    "落实",
    "开展",
    "实施",
    "工程",
    "不少于",
    "不低于",
    "以上",
    "以内",
    "达到",
    "超过",
    "突破",
    "力争",
    "确保",
    "累计",
    "同比",
];

/// The bigrams of a text with its generic words taken out (pairs across them are skipped as
/// pairs across punctuation are).
fn content_bigrams(text: &str) -> Vec<Bigram> {
    let mut folded = fold(text).as_string();
    for word in GENERIC_WORDS {
        if folded.contains(word) {
            folded = folded.replace(word, ",");
        }
    }
    // figures are compared as targets, not as text
    bigrams(&folded.replace(|c: char| c.is_ascii_digit(), ","))
}

/// The summary's sentences with their vectors, and the IDF of the pair.
struct Corpus<'a> {
    sentences: &'a [Sentence<'a>],
    grams: &'a [Vec<Bigram>],
    vectors: &'a [Vector],
    idf: &'a Idf,
}

impl Corpus<'_> {
    fn audit_item(&self, item: &PlanItem, grams: &[Bigram]) -> ItemAudit {
        let mut best = self.best_sentences(grams);
        let covered = |best: &[(usize, f64)]| {
            sorted_set(
                best.iter()
                    .flat_map(|&(s, _)| self.grams[s].iter().copied()),
            )
        };
        let score = found_share(&item.clauses(), &covered(&best), self.idf);
        if score == 0.0 {
            // similar sentences that report none of the item's clauses are not evidence
            best.clear();
        }
        let covered = covered(&best);
        let texts: Vec<&str> = best.iter().map(|&(s, _)| self.sentences[s].text).collect();
        let weakened = weakenings(&item.text, &texts);
        let evidence_figures: Vec<(Vec<Figure>, &str)> =
            texts.iter().map(|t| (figures(t), *t)).collect();
        ItemAudit {
            id: item.node.id.clone(),
            marker: item.node.marker.clone(),
            title: item.node.title.clone(),
            section: item.section.clone(),
            text: item.text.clone(),
            status: status(score, weakened.iter().any(|w| w.only_started())),
            score,
            evidence: best
                .iter()
                .map(|&(s, score)| self.evidence(s, score))
                .collect(),
            targets: check_targets(&figures(&item.text), &item.text, &evidence_figures),
            shared: shared_phrases(&item.text, &covered, self.idf),
            commitment: weakened.iter().map(|w| w.note()).collect(),
        }
    }

    /// The sentences at or above [`EVIDENCE_MIN`], best first, at most [`TOP_EVIDENCE`].
    fn best_sentences(&self, grams: &[Bigram]) -> Vec<(usize, f64)> {
        let item = Vector::new(grams, self.idf);
        let mut scored: Vec<(usize, f64)> = self
            .vectors
            .iter()
            .map(|v| item.cosine(v))
            .enumerate()
            .filter(|&(_, score)| score >= EVIDENCE_MIN)
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scored.truncate(TOP_EVIDENCE);
        scored
    }

    fn evidence(&self, sentence: usize, score: f64) -> Evidence {
        let s = &self.sentences[sentence];
        Evidence {
            id: s.id.to_string(),
            field: s.field,
            sentence: s.text.to_string(),
            score,
            range: s.range.clone(),
        }
    }
}

/// The status from how much of the item is reported, and whether a promise to finish was
/// reported only as started.
fn status(score: f64, only_started: bool) -> Status {
    if score == 0.0 {
        Status::NotMentioned
    } else if score >= REPORTED_SHARE && !only_started {
        Status::Reported
    } else {
        Status::Partial
    }
}

/// How much of a plan item its evidence reports, 0..=1: the share of the item's clauses (its
/// commitments: 建成…, 新增…不少于20个, 实现…全覆盖), weighted by their content and their
/// factor, of which the evidence holds at least [`CLAUSE_FOUND`].
fn found_share(clauses: &[(String, f64)], covered: &[Bigram], idf: &Idf) -> f64 {
    let mut total = 0.0;
    let mut found = 0.0;
    for (clause, factor) in clauses {
        let distinct = sorted_set(content_bigrams(clause).into_iter());
        let weight: f64 = distinct.iter().map(|b| idf.weight(b)).sum();
        let present: f64 = distinct
            .iter()
            .filter(|b| covered.binary_search(b).is_ok())
            .map(|b| idf.weight(b))
            .sum();
        total += weight * factor;
        if weight > 0.0 && present / weight >= CLAUSE_FOUND {
            found += weight * factor;
        }
    }
    if total == 0.0 { 0.0 } else { found / total }
}

/// Bigrams sorted and without repeats, for `binary_search`.
fn sorted_set(grams: impl Iterator<Item = Bigram>) -> Vec<Bigram> {
    let mut set: Vec<Bigram> = grams.collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// The clauses of a text, folded: cut at commas, stops, semicolons, colons and brackets.
fn clauses(text: &str) -> Vec<String> {
    fold(text)
        .as_string()
        .split(CLAUSE_BREAKS)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

/// The runs of the item's text whose bigrams all occur in its evidence, as the item writes
/// them. A run of one bigram is kept only when that bigram is rarer than the item's average (so
/// 推进 or 建设 alone is not a key phrase).
fn shared_phrases(text: &str, covered: &[Bigram], idf: &Idf) -> Vec<String> {
    let folded = fold(text);
    let chars = &folded.chars;
    let grams: Vec<Option<Bigram>> = chars
        .windows(2)
        .map(|w| Some([w[0], w[1]]).filter(|b| covered.binary_search(b).is_ok()))
        .collect();
    let distinct = sorted_set(chars.windows(2).map(|w| [w[0], w[1]]));
    let mean = distinct.iter().map(|b| idf.weight(b)).sum::<f64>() / distinct.len().max(1) as f64;
    let mut phrases: Vec<String> = Vec::new();
    let mut i = 0;
    while i < grams.len() {
        let run = grams[i..].iter().take_while(|g| g.is_some()).count();
        if run == 0 {
            i += 1;
            continue;
        }
        let key = run > 1 || grams[i].is_some_and(|b| idf.weight(&b) > mean);
        let phrase = text
            .get(folded.source_range(i..i + run + 1))
            .unwrap_or_default()
            .to_string();
        if key && !phrases.contains(&phrase) {
            phrases.push(phrase);
        }
        i += run;
    }
    phrases
}

/// Byte ranges in `text` where any of the phrases occurs, compared folded (so a simplified
/// phrase is found in traditional text, and across full-width punctuation), sorted and merged.
pub fn phrase_ranges(text: &str, phrases: &[String]) -> Vec<Range<usize>> {
    let folded = fold(text);
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for phrase in phrases {
        let needle = fold(phrase).chars;
        if needle.is_empty() || needle.len() > folded.chars.len() {
            continue;
        }
        for start in 0..=folded.chars.len() - needle.len() {
            if folded.chars[start..start + needle.len()] == needle[..] {
                ranges.push(folded.source_range(start..start + needle.len()));
            }
        }
    }
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// The leaves of the plan part, each with its parent heading.
fn plan_items(part: &Part) -> Vec<PlanItem<'_>> {
    let mut items = Vec::new();
    for node in &part.nodes {
        collect_items(node, &part.heading, &mut items);
    }
    items
}

fn collect_items<'a>(node: &'a Node, section: &str, items: &mut Vec<PlanItem<'a>>) {
    if node.children.is_empty() {
        items.push(PlanItem {
            node,
            section: section.to_string(),
            text: format!("{}{}", node.title, node.text),
        });
        return;
    }
    let heading = format!("{}{}", node.marker, node.title);
    for child in &node.children {
        collect_items(child, &heading, items);
    }
}

/// The evidence units of a summary part: its own paragraph's sentences, then each node's title
/// and text sentences, in document order.
fn sentences(part: &Part) -> Vec<Sentence<'_>> {
    let mut found = Vec::new();
    push_sentences(&part.id, Field::Text, &part.text, &mut found);
    for node in part.nodes.iter().flat_map(Node::walk) {
        push_sentences(&node.id, Field::Title, &node.title, &mut found);
        push_sentences(&node.id, Field::Text, &node.text, &mut found);
    }
    found
}

fn push_sentences<'a>(id: &'a str, field: Field, text: &'a str, found: &mut Vec<Sentence<'a>>) {
    for range in split_sentences(text) {
        found.push(Sentence {
            id,
            field,
            text: &text[range.clone()],
            range,
        });
    }
}

/// Characters that end a sentence (both widths).
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '；', '!', '?', ';', '\n'];
/// Han numerals of run-in markers (一是 … 二十是).
const RUN_IN_NUMERALS: &str = "一二三四五六七八九十";

/// Byte ranges of the sentences of `text`: cut after 。！？； and at line breaks, and before a
/// run-in marker (一是, 二是 …) that follows punctuation; the marker itself and surrounding
/// whitespace are left out, and pieces with fewer than two letters or Han characters dropped.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut cuts = vec![0];
    let mut previous: Option<char> = None;
    for (i, c) in text.char_indices() {
        if previous.is_some_and(|p| !p.is_alphanumeric() && !p.is_whitespace())
            && run_in_marker_len(&text[i..]).is_some()
        {
            cuts.push(i);
        }
        if SENTENCE_ENDS.contains(&c) {
            cuts.push(i + c.len_utf8());
        }
        if !c.is_whitespace() {
            previous = Some(c);
        }
    }
    cuts.push(text.len());
    cuts.dedup();
    cuts.windows(2)
        .filter_map(|w| trim_sentence(text, w[0]..w[1]))
        .collect()
}

/// The byte length of a run-in marker (一是 … 二十是) at the start of `text`.
fn run_in_marker_len(text: &str) -> Option<usize> {
    let numeral = text
        .char_indices()
        .take_while(|&(_, c)| RUN_IN_NUMERALS.contains(c))
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    (numeral <= 3 * 3 && text[numeral..].starts_with('是')).then_some(numeral + '是'.len_utf8())
}

/// A sentence range without surrounding whitespace and its leading run-in marker; `None` when
/// too little is left to be a sentence.
fn trim_sentence(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let mut start = range.start + lead;
    if let Some(marker) = run_in_marker_len(&text[start..range.end]) {
        start += marker;
    }
    let end = range.start + piece.trim_end().len();
    let content = text
        .get(start..end)?
        .chars()
        .filter(|c| c.is_alphanumeric())
        .count();
    (content >= 2).then_some(start..end)
}

/// Warnings for auditing `plan` against `summary`: not the same district or bureau, plan and
/// summary years that differ or are unknown, a half-year summary.
pub fn pair_warnings(plan: &Report, summary: &Report) -> Vec<String> {
    let mut warnings = Vec::new();
    let organisation = |r: &Report| {
        format!(
            "{}{}",
            r.district.as_deref().unwrap_or("(区未知)"),
            r.bureau.as_deref().unwrap_or("(单位未知)")
        )
    };
    let same = |a: &Option<String>, b: &Option<String>| {
        a.as_deref().map(fold_str) == b.as_deref().map(fold_str)
    };
    if !same(&plan.district, &summary.district) || !same(&plan.bureau, &summary.bureau) {
        warnings.push(format!(
            "单位不同: 计划为{}, 总结为{}",
            organisation(plan),
            organisation(summary)
        ));
    } else if plan.district.is_none() || plan.bureau.is_none() {
        warnings.push(format!("无法确认是同一单位: {}", organisation(plan)));
    }
    let plan_part = plan.part_of_kind(PartKind::Plan);
    let summary_part = summary.part_of_kind(PartKind::Summary);
    let year = |y: Option<i32>| y.map_or_else(|| "未知".to_string(), |y| format!("{y}年"));
    let (plan_year, summary_year) = (
        plan_part.and_then(|p| p.year),
        summary_part.and_then(|p| p.year),
    );
    if plan_year.is_none() || plan_year != summary_year {
        warnings.push(format!(
            "年份不同: 计划为{}, 总结为{}",
            year(plan_year),
            year(summary_year)
        ));
    }
    if summary_part.is_some_and(|p| p.half.is_some()) {
        warnings.push("总结只含半年".to_string());
    }
    warnings
}

/// Plan/summary pairs among `reports`: every report with a plan part against every other
/// report with a summary part, the matching pairs (same district and bureau, plan year =
/// summary year: no warnings) first, then by fewer warnings and closer years.
pub fn suggest(reports: &[&Report]) -> Vec<Suggestion> {
    let year = |r: &Report, kind| r.part_of_kind(kind).and_then(|p| p.year);
    let mut found: Vec<(i32, Suggestion)> = Vec::new();
    for (p, plan) in reports.iter().enumerate() {
        if plan.part_of_kind(PartKind::Plan).is_none() {
            continue;
        }
        for (s, summary) in reports.iter().enumerate() {
            if s == p || summary.part_of_kind(PartKind::Summary).is_none() {
                continue;
            }
            let distance = match (year(plan, PartKind::Plan), year(summary, PartKind::Summary)) {
                (Some(a), Some(b)) => (a - b).abs(),
                _ => i32::MAX,
            };
            found.push((
                distance,
                Suggestion {
                    plan: p,
                    summary: s,
                    warnings: pair_warnings(plan, summary),
                },
            ));
        }
    }
    found.sort_by(|a, b| {
        (a.1.warnings.len(), a.0, a.1.plan, a.1.summary).cmp(&(
            b.1.warnings.len(),
            b.0,
            b.1.plan,
            b.1.summary,
        ))
    });
    found.into_iter().map(|(_, s)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn sentences_cut_at_stops_semicolons_and_run_in_markers() {
        assert_eq!(
            pieces("主要做了以下工作：一是建成平台，二是上线应用；三是印发办法。四是唯一是否。"),
            vec![
                "主要做了以下工作：",
                "建成平台，",
                "上线应用；",
                "印发办法。",
                "唯一是否。"
            ]
        );
        assert_eq!(
            pieces("  数据底板! 120平方公里?\n覆盖。"),
            vec!["数据底板!", "120平方公里?", "覆盖。"]
        );
        assert!(pieces("。；”").is_empty());
    }

    #[test]
    fn sentence_ranges_point_into_the_text() {
        let text = "一是區級平台建成。二是上線";
        for r in split_sentences(text) {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        assert_eq!(pieces(text), vec!["區級平台建成。", "上線"]);
    }

    #[test]
    fn phrases_are_found_in_any_script() {
        let text = "數字孿(luán)生底板實現全覆蓋";
        let ranges = phrase_ranges(text, &["数字孪生底板".to_string(), "全覆盖".into()]);
        let found: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(found, vec!["數字孿(luán)生底板", "全覆蓋"]);
    }
}
