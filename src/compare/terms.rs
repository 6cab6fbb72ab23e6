//! Content terms of report text: the bigrams left once the words every report uses (推进,
//! 加强, 持续深化) and the figures are taken out, what makes a shared bigram content, and the
//! clauses a text is cut into. Shared by the audit and the alignment. No UI types.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::compare::similarity::{Bigram, folded_bigrams};
use crate::compare::targets::CLAUSE_BREAKS;
use crate::text::normalize::fold;

/// The least IDF weight of a shared bigram that makes it content: ln(1/0.03) + 1, a bigram in at
/// most about 3% of real report sentences. Above that share are the words that say how or
/// where, not what (政务 21%, 服务, 数据 17%, 平台, 应用 8%, 街道, 社区). A clause is reported only
/// by a sentence that shares at least one content bigram with it.
pub const CONTENT_WEIGHT: f64 = 4.5;
/// Words every report uses: they say how (推进, 加强, 持续深化), not what. They are taken out
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
    // a plan's 不发生 is a summary's 未发生 (重大网络安全事件): the tense, not the subject
    "不发生",
    "未发生",
    "不出现",
    "未出现",
];

/// The bigrams of a text with its generic words and figures taken out (pairs across them are
/// skipped as pairs across punctuation are).
pub fn content_bigrams(text: &str) -> Vec<Bigram> {
    folded_content_bigrams(&fold(text).as_string())
}

/// [`content_bigrams`] of a text already folded, for a caller that reads the folded text for
/// more. Every place a generic word covers is taken out, overlaps included (推进一步: 推进 and
/// 进一步).
pub fn folded_content_bigrams(folded: &str) -> Vec<Bigram> {
    let mut generic = vec![false; folded.len()];
    for found in generic_words()
        .into_iter()
        .flat_map(|a| a.find_overlapping_iter(folded))
    {
        generic[found.range()].fill(true);
    }
    let chars: Vec<char> = folded
        .char_indices()
        .map(|(at, c)| {
            if generic[at] || c.is_ascii_digit() {
                ','
            } else {
                c
            }
        })
        .collect();
    folded_bigrams(&chars)
}

/// [`GENERIC_WORDS`] as one automaton, built once: one pass over a text finds them all. Building
/// fails only past size limits far above these few short words (a unit test builds it).
fn generic_words() -> Option<&'static AhoCorasick> {
    static AUTOMATON: LazyLock<Option<AhoCorasick>> =
        LazyLock::new(|| AhoCorasick::new(GENERIC_WORDS).ok());
    AUTOMATON.as_ref()
}

/// Bigrams sorted and without repeats, for `binary_search` and merging.
pub fn sorted_set(grams: impl Iterator<Item = Bigram>) -> Vec<Bigram> {
    let mut set: Vec<Bigram> = grams.collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// The clauses of a text as written: cut where its folded form has a comma, stop, semicolon,
/// colon, ! or ? — not at the enumeration comma 、, which lists the objects of one commitment
/// (与湖南、江西、广西签订协议), nor at brackets, whose note belongs to its clause (向村(社区)延伸),
/// nor at a decimal point (达到1.6万人次).
pub fn split_clauses(text: &str) -> Vec<&str> {
    let folded = fold(text);
    let mut pieces = Vec::new();
    let mut start = 0;
    let digit = |i: Option<usize>| {
        i.and_then(|i| folded.chars.get(i))
            .is_some_and(char::is_ascii_digit)
    };
    for (i, c) in folded.chars.iter().enumerate() {
        let enumeration = text.get(folded.sources[i].clone()) == Some("、");
        let decimal_point = *c == '.' && digit(i.checked_sub(1)) && digit(Some(i + 1));
        if CLAUSE_BREAKS.contains(c) && !matches!(c, '(' | ')') && !enumeration && !decimal_point {
            if i > start {
                pieces.push(folded.source_range(start..i));
            }
            start = i + 1;
        }
    }
    if folded.chars.len() > start {
        pieces.push(folded.source_range(start..folded.chars.len()));
    }
    pieces
        .into_iter()
        .filter_map(|r| text.get(r))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_words_are_taken_out_where_they_overlap() {
        assert!(generic_words().is_some());
        // 推进 and 进一步 overlap: neither leaves a pair behind; the figure goes too
        assert_eq!(folded_content_bigrams("推进一步改革3项"), [['改', '革']]);
    }

    #[test]
    fn a_plan_not_to_let_a_thing_happen_reads_as_a_report_that_it_did_not() {
        assert_eq!(
            content_bigrams("全年不发生重大网络安全事件"),
            content_bigrams("全年未发生重大网络安全事件")
        );
    }

    #[test]
    fn a_folded_text_is_not_folded_again() {
        // folded, （DIP） becomes (dip): folded again, it would read as a pinyin gloss and go
        assert!(content_bigrams("按病种分值付费（DIP）改革").contains(&['d', 'i']));
    }

    #[test]
    fn clauses_break_at_punctuation_but_not_inside_a_list_a_bracket_or_a_number() {
        assert_eq!(
            split_clauses("畅通上转下转通道，全年双向转诊患者达到1.6万人次；推动号源向社康开放。"),
            [
                "畅通上转下转通道",
                "全年双向转诊患者达到1.6万人次",
                "推动号源向社康开放"
            ]
        );
        assert_eq!(
            split_clauses("与湖南、江西签订协议"),
            ["与湖南、江西签订协议"]
        );
        assert_eq!(split_clauses("向村(社区)延伸"), ["向村(社区)延伸"]);
        assert_eq!(split_clauses("建成2个.开工3个"), ["建成2个", "开工3个"]);
    }
}
