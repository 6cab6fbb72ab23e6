//! The evidence units of a summary: its sentences, with where each came from. Evidence is the
//! whole summary of that year — the report's opening paragraph, the summary part, any other
//! summary part of the same year — and never a plan part, nor a section on the year's
//! shortcomings (存在问题). No UI types.

use std::ops::Range;

use crate::compare::audit::Field;
use crate::model::{Node, Part, PartKind, Report, SHORTCOMINGS_WORDS};
use crate::text::chars::{ends_sentence, is_item_numeral};
use crate::text::normalize::fold;

/// The id given to sentences of the report's opening paragraph (before the first part).
pub const PREAMBLE_ID: &str = "preamble";

/// One evidence unit of the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence<'a> {
    /// The node id, the part id for the part's own paragraph, or [`PREAMBLE_ID`].
    pub id: &'a str,
    pub field: Field,
    /// Byte range of `text` in that node's title or text.
    pub range: Range<usize>,
    pub text: &'a str,
}

/// The sentences a summary reports its year with, in document order: the opening paragraph, then
/// each summary part of the year of `part` (and `part` itself): its paragraph, and each node's
/// title and text. Headings are units too: results-style summaries report in them (区级政务智算
/// 中心建成投用。); one that only appraises (政务服务能力持续提升。) is marked, context and not
/// evidence.
pub fn evidence_units<'a>(summary: &'a Report, part: &'a Part) -> Vec<Sentence<'a>> {
    let mut found = Vec::new();
    push_sentences(PREAMBLE_ID, Field::Text, &summary.preamble, &mut found);
    let same_year =
        |p: &&Part| std::ptr::eq(*p, part) || (p.kind == PartKind::Summary && p.year == part.year);
    for p in summary.parts.iter().filter(same_year) {
        push_sentences(&p.id, Field::Text, &p.text, &mut found);
        for node in &p.nodes {
            push_node(node, &mut found);
        }
    }
    found
}

/// The sentences of the plans the summary's page makes for a later year than `part`'s: what it
/// promises again. Not evidence: a commitment the summary does not report and the next plan
/// promises again was not delivered.
pub fn later_plan_units<'a>(summary: &'a Report, part: &'a Part) -> Vec<Sentence<'a>> {
    let mut found = Vec::new();
    let later = |p: &&Part| {
        p.kind == PartKind::Plan && p.year.zip(part.year).is_none_or(|(plan, done)| plan > done)
    };
    for p in summary.parts.iter().filter(later) {
        push_sentences(&p.id, Field::Text, &p.text, &mut found);
        for node in &p.nodes {
            push_node(node, &mut found);
        }
    }
    found
}

/// The sentences of a node and of the nodes below it, but none of a section on the year's
/// shortcomings ([`names_shortcomings`]).
fn push_node<'a>(node: &'a Node, found: &mut Vec<Sentence<'a>>) {
    if names_shortcomings(&node.title) {
        return;
    }
    push_sentences(&node.id, Field::Title, &node.title, found);
    push_sentences(&node.id, Field::Text, &node.text, found);
    for child in &node.children {
        push_node(child, found);
    }
}

/// Whether a heading opens a section on the year's shortcomings (（二）存在问题, 问题与不足):
/// what it names was not done (部分场站项目未能按期建成), so none of it is evidence. Only a short
/// heading: an item that mentions a 短板 is a result.
fn names_shortcomings(title: &str) -> bool {
    const HEADING_CHARS: usize = 16;
    let folded = fold(title).as_string();
    folded.chars().count() <= HEADING_CHARS && SHORTCOMINGS_WORDS.iter().any(|w| folded.contains(w))
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

/// Whether a sentence, folded, only appraises a field of work (政务服务标准化规范化便利化水平不断
/// 提升。各项工作取得新成效。) and so is context, never evidence the engine finds (an auditor may
/// still attach it): no figure, and it ends in a word of progress in general. Summaries
/// head their paragraphs so; such a heading shares the field's words with every plan item of the
/// field (标准化, 规范化 with 深化政务公开标准化规范化建设) and says nothing was done. Measured:
/// pingshan false alarms 0.12 → 0, status 0.73 → 0.77, no other pair changed (a broader rule —
/// every heading without a figure or a verb of completion — cost baoan and nanhai status).
/// A sentence whose earlier clauses report a result ([`RESULT_VERBS`]: 通过…复审，社康中医馆实现全
/// 覆盖，…可及性进一步提升) is a report that ends in an appraisal (guangming-wjj evidence
/// 0.84 → 0.89, status +1; nothing else moved).
pub fn is_appraisal(sentence: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "提升",
        "增强",
        "提高",
        "新成效",
        "新台阶",
        "新突破",
        "新进展",
        "新提升",
        "明显",
        "显著",
    ];
    let core = sentence.trim_end_matches(|c: char| !c.is_alphanumeric());
    let last_clause = core.rsplit([',', ';']).next().unwrap_or(core);
    let before_last = &core[..core.len() - last_clause.len()];
    ENDINGS.iter().any(|e| core.ends_with(e))
        && !core.chars().any(|c| c.is_ascii_digit())
        && !RESULT_VERBS.iter().any(|v| before_last.contains(v))
}

/// Verbs of a result delivered, which make a clause a report rather than an appraisal.
const RESULT_VERBS: &[&str] = &[
    "实现", "通过", "建成", "完成", "获评", "入选", "获批", "获得", "开通", "上线", "投用", "启用",
];

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
        if ends_sentence(c) || c == '\n' {
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
        .take_while(|&(_, c)| is_item_numeral(c))
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
    fn a_sentence_that_only_appraises_is_context() {
        let appraises = |text: &str| is_appraisal(&crate::text::normalize::fold(text).as_string());
        assert!(appraises("政务服务标准化规范化便利化水平不断提升。"));
        assert!(appraises("網絡設施安全保障能力再上新臺階。"));
        assert!(appraises("民生诉求服务水平实现新提升"));
        // a result, or a figure, is evidence
        assert!(!appraises("区级政务智算中心建成投用。"));
        assert!(!appraises("群众满意率提升至99.2%。"));
        assert!(!appraises("办理时限压缩60%,审批效率明显提升。"));
        assert!(!appraises(
            "顺利通过示范区复审，社康中医馆实现全覆盖，服务可及性进一步提升。"
        ));
        assert!(appraises("服务流程持续优化，群众获得感不断提升。"));
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
    fn evidence_is_the_opening_and_the_summary_never_the_plan() {
        let report = crate::import::import_text(
            "明湖区政务服务和数据管理局2025年工作总结和2026年工作计划\n\
             2025年,区级政务智算中心入选全省算力典型案例。\n\
             一、2025年工作总结\n\
             (一)数字底座更加坚实。建成数字孪生底板。\n\
             (二)政务服务持续优化\n\
             二、2026年工作计划\n\
             (一)建设智慧停车平台。接入泊位5万个。\n",
        )
        .expect("imports");
        let summary = report
            .part_of_kind(PartKind::Summary)
            .expect("summary part");
        let units = evidence_units(&report, summary);
        let texts: Vec<&str> = units.iter().map(|u| u.text).collect();
        assert_eq!(
            texts,
            vec![
                "2025年,区级政务智算中心入选全省算力典型案例。",
                "数字底座更加坚实。",
                "建成数字孪生底板。",
                "政务服务持续优化"
            ],
            "the opening paragraph and the summary are evidence, the next year's plan is not"
        );
        assert_eq!(units[0].id, PREAMBLE_ID);
    }

    #[test]
    fn a_section_on_the_years_shortcomings_is_no_evidence() {
        let report = crate::import::import_text(
            "光明区交通运输局2025年工作总结和2026年工作计划\n\
             一、2025年工作总结\n\
             (一)主要成效\n\
             新建超充站46座。\n\
             (二)存在问题\n\
             一是公交首末站用地落实难，部分场站项目未能按期建成。\n\
             二、2026年工作计划\n\
             (一)加快公交场站建设。建成公交首末站4个。\n",
        )
        .expect("imports");
        let summary = report
            .part_of_kind(PartKind::Summary)
            .expect("summary part");
        let texts: Vec<&str> = evidence_units(&report, summary)
            .iter()
            .map(|u| u.text)
            .collect();
        assert_eq!(texts, vec!["主要成效", "新建超充站46座。"]);
        // an item that names a 短板 is a result, not a heading on shortcomings
        assert!(!names_shortcomings(
            "三是补齐公交场站短板，新建首末站4个，解决了存在问题最多的片区。"
        ));
        assert!(names_shortcomings("（二）存在的问题和不足"));
    }
}
