//! Metadata read from the words of a report: part kinds and years, city / district / bureau from
//! the title, the publication date, the script (simplified or traditional). Depends on text and
//! model only.

use crate::model::{Half, PartKind, SHORTCOMINGS_WORDS, Script};
use crate::text::chars::{digit_value, ends_sentence, han_digit, is_han};
use crate::text::normalize::fold;
use crate::text::script::to_simplified;

/// Words naming a part's kind, in simplified script (headings are folded to simplified first).
/// When a heading holds several, the last one decides: 重点工作完成情况 is a summary,
/// 主要工作安排 a plan.
const KIND_WORDS: &[(&str, PartKind)] = &[
    ("工作总结", PartKind::Summary),
    ("总结", PartKind::Summary),
    ("工作情况", PartKind::Summary),
    ("主要工作", PartKind::Summary),
    ("工作回顾", PartKind::Summary),
    ("执行情况", PartKind::Summary),
    ("完成情况", PartKind::Summary),
    ("工作成效", PartKind::Summary),
    ("工作亮点", PartKind::Summary),
    ("开展情况", PartKind::Summary),
    ("进展情况", PartKind::Summary),
    ("落实情况", PartKind::Summary),
    ("推进情况", PartKind::Summary),
    ("工作计划", PartKind::Plan),
    ("计划", PartKind::Plan),
    ("工作安排", PartKind::Plan),
    ("工作思路", PartKind::Plan),
    ("重点工作", PartKind::Plan),
    ("工作打算", PartKind::Plan),
    ("工作要点", PartKind::Plan),
    ("工作设想", PartKind::Plan),
    ("下一步", PartKind::Plan),
];

/// True when a heading names the year's shortcomings.
pub fn names_shortcomings(heading: &str) -> bool {
    let folded = to_simplified(heading);
    SHORTCOMINGS_WORDS.iter().any(|w| folded.contains(w))
}

/// How far into a heading the kind words are looked for, in characters.
const HEADING_REACH: usize = 30;

/// The kind named in a heading, and the byte offset (in `heading`) just after the deciding words.
/// The heading is folded for matching first, so pinyin glosses that mirror sites put inside the
/// words (工作計(jì)劃) do not hide them.
fn kind_words(heading: &str) -> Option<(PartKind, usize)> {
    let reach_end = heading
        .char_indices()
        .nth(HEADING_REACH)
        .map_or(heading.len(), |(i, _)| i);
    let folded = fold(&heading[..reach_end]);
    let folded_text = folded.as_string();
    let mut best: Option<(usize, usize, PartKind)> = None; // (start, end) in folded chars
    for &(word, kind) in KIND_WORDS {
        for (byte, _) in folded_text.match_indices(word) {
            let start = folded_text[..byte].chars().count();
            let end = start + word.chars().count();
            let later = best.is_none_or(|(s, e, _)| start > s || (start == s && end > e));
            let inside_best = best.is_some_and(|(s, e, _)| start >= s && end <= e);
            if later && !inside_best {
                best = Some((start, end, kind));
            }
        }
    }
    best.map(|(start, end, kind)| (kind, folded.source_range(start..end).end))
}

/// True when the text right after a `一、` names a part: used to accept a part marker inside a
/// line (pages whose line breaks were lost).
pub fn names_part_kind(after_marker: &str) -> bool {
    kind_words(after_marker).is_some()
}

/// Where the words naming the part's kind end in a heading that runs on into body text.
pub fn part_kind_phrase_end(heading: &str) -> Option<usize> {
    kind_words(heading).map(|(_, end)| end)
}

/// Kind, year and half-year of a part, from its heading.
pub fn part_kind(heading: &str) -> (PartKind, Option<i32>, Option<Half>) {
    let kind = kind_words(heading).map_or(PartKind::Other, |(kind, _)| kind);
    let folded = to_simplified(heading);
    (kind, years(&folded).first().copied(), half(&folded))
}

/// The year N of a summary a text announces together with the plan of year N+1, in one sentence
/// naming both with the two years in that order (`关于2025年工作总结和2026年工作计划的报告`,
/// `现将我局2025年工作总结和2026年工作计划报告如下：`).
pub fn announced_summary_year(text: &str) -> Option<i32> {
    let folded = to_simplified(text);
    folded.split(ends_sentence).find_map(|sentence| {
        let names = |kind| {
            KIND_WORDS
                .iter()
                .any(|&(word, k)| k == kind && sentence.contains(word))
        };
        if !names(PartKind::Summary) || !names(PartKind::Plan) {
            return None;
        }
        let years = years(sentence);
        years.windows(2).find(|w| w[1] == w[0] + 1).map(|w| w[0])
    })
}

fn half(folded: &str) -> Option<Half> {
    if folded.contains("上半年") {
        Some(Half::First)
    } else if folded.contains("下半年") {
        Some(Half::Second)
    } else {
        None
    }
}

/// The years written in a text as `2024年` or `二〇二四年`, in order.
pub fn years(text: &str) -> Vec<i32> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (i, window) in chars.windows(5).enumerate() {
        if window[4] != '年' || (i > 0 && year_digit(chars[i - 1]).is_some()) {
            continue;
        }
        let digits: Option<Vec<u32>> = window[..4].iter().map(|&c| year_digit(c)).collect();
        if let Some(d) = digits {
            let year = d.iter().fold(0, |acc, &x| acc * 10 + x) as i32;
            if (1949..=2100).contains(&year) {
                found.push(year);
            }
        }
    }
    found
}

/// A digit of a year: Arabic (both widths), Han (一 … 九), or one of the zeros pages write
/// in 二〇二四 (〇 零 ○ Ｏ).
fn year_digit(c: char) -> Option<u32> {
    match c {
        '〇' | '零' | '○' | 'Ｏ' => Some(0),
        _ => digit_value(c).or_else(|| han_digit(c)),
    }
}

/// True when a line reads like the title of a work report: it names a summary or plan, carries a
/// year (or a bureau), and is not a sentence.
pub fn looks_like_title(line: &str) -> bool {
    let folded = to_simplified(line);
    let chars = folded.chars().count();
    let names_kind = KIND_WORDS
        .iter()
        .any(|(w, _)| folded.contains(w) && w.chars().count() > 2 || folded.ends_with(w));
    let has_anchor = !years(&folded).is_empty() || organisation_end(&folded).is_some();
    (6..=80).contains(&chars)
        && names_kind
        && has_anchor
        && !folded.contains(['。', '；', '，', ','])
        && super::markers::marker_at(line).is_none()
}

/// Words that join the two parts a headline names (`2025年工作总结和2026年工作计划`).
const TITLE_CONJUNCTIONS: &[char] = &['和', '及', '与', '暨'];

/// A line that is the second half of a headline wrapped before its second part
/// (`和2026年工作计划`, `及下一步工作安排`): a conjunction, then words naming a part's kind, and no
/// sentence.
pub fn continues_title(line: &str) -> bool {
    let folded = to_simplified(line);
    let Some(rest) = folded.strip_prefix(TITLE_CONJUNCTIONS) else {
        return false;
    };
    folded.chars().count() <= 40
        && !folded.contains(['。', '；', '，', ','])
        && names_part_kind(rest)
        && names_period(rest)
}

/// Whether a text (in simplified script) names the period a part covers: a year, a half, or the
/// time ahead (`2025年`, `上半年`, `下一步`, `今后`).
pub fn names_period(folded: &str) -> bool {
    !years(folded).is_empty()
        || ["上半年", "下半年", "下一步", "今后"]
            .iter()
            .any(|w| folded.contains(w))
}

/// A line that is only an organisation's name (`深圳市龙岗区发展和改革局`): the first half of a
/// headline wrapped over two lines.
pub fn is_organisation_name(line: &str) -> bool {
    let folded = to_simplified(line);
    years(&folded).is_empty() && organisation_end(&folded) == Some(folded.len())
}

/// The issuing organisation named at the start of a title, as written.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Organisation {
    pub city: Option<String>,
    pub district: Option<String>,
    pub bureau: Option<String>,
}

/// Suffixes that end the name of a bureau (局, 委员会 …), longest first.
const BUREAU_ENDS: &[&str] = &[
    "委员会",
    "办公室",
    "管理局",
    "领导小组",
    "中心",
    "局",
    "委",
    "办",
    "院",
    "署",
    "厅",
    "馆",
    "部",
    "会",
];

/// Byte offset just after the organisation name at the start of a folded title.
fn organisation_end(folded: &str) -> Option<usize> {
    let head_end = folded
        .char_indices()
        .find(|&(_, c)| !is_han(c) || c == '年')
        .map_or(folded.len(), |(i, _)| i);
    let head = &folded[..head_end];
    let head = head
        .char_indices()
        .rev()
        .find(|&(_, c)| "局委办院署厅馆部会心室组".contains(c))
        .map(|(i, c)| &head[..i + c.len_utf8()])?;
    (head.chars().count() >= 3).then_some(head.len())
}

/// City, district and bureau from a title such as
/// `深圳市龙岗区政务服务和数据管理局2023年工作总结及2024年工作计划`.
pub fn organisation(title: &str) -> Organisation {
    let folded = to_simplified(title);
    let Some(end) = organisation_end(&folded) else {
        return Organisation::default();
    };
    // The folded text has the same characters, one for one, so offsets carry over by count.
    let written: String = title.chars().take(folded[..end].chars().count()).collect();
    split_organisation(&written)
}

/// City, district and bureau from a report's opening sentence, for a page with no title line:
/// `2024年,坪山区政务服务和数据管理局紧紧围绕…` — the year (and 以来) with its comma skipped, the
/// name ending at its first bureau ending (longest first: 委员会 before 委). Only a name that
/// starts with its district or city counts (区政务服务和数据管理局 alone names no district).
pub fn opening_organisation(opening: &str) -> Organisation {
    let written: Vec<char> = opening.trim_start().chars().collect();
    let folded: Vec<char> = to_simplified(&written.iter().collect::<String>())
        .chars()
        .collect();
    if folded.len() != written.len() {
        return Organisation::default();
    }
    let mut at = folded.iter().take_while(|c| c.is_ascii_digit()).count();
    if at > 0 && folded.get(at) == Some(&'年') {
        at += 1;
        if folded[at..].starts_with(&['以', '来']) {
            at += 2;
        }
    }
    while folded
        .get(at)
        .is_some_and(|c| matches!(c, '，' | ',' | '、' | ' ' | '\u{3000}'))
    {
        at += 1;
    }
    let name_end = (at..folded.len())
        .take_while(|&i| is_han(folded[i]))
        .find_map(|i| {
            let rest: String = folded[i..].iter().take(4).collect();
            BUREAU_ENDS
                .iter()
                .find(|e| rest.starts_with(*e))
                .map(|e| i + e.chars().count())
                .filter(|&end| end - at >= 4)
        });
    let Some(end) = name_end else {
        return Organisation::default();
    };
    let org = split_organisation(&written[at..end].iter().collect::<String>());
    if org.city.is_none() && org.district.is_none() {
        return Organisation::default();
    }
    org
}

/// Splits `深圳市光明区政务服务和数据管理局` into 深圳市 / 光明区 / 政务服务和数据管理局.
pub fn split_organisation(name: &str) -> Organisation {
    let folded = to_simplified(name);
    let chars: Vec<char> = name.chars().collect();
    let folded_chars: Vec<char> = folded.chars().collect();
    let take = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    let mut at = 0;
    let mut org = Organisation::default();
    // a city: 2–3 characters and 市 (深圳市); 自治州 and 地区 name prefectures too
    let is_district_char = |c: &char| "区县旗".contains(*c);
    if let Some(end) = (2..=4).find(|&n| {
        folded_chars.get(n) == Some(&'市') && !folded_chars[..n].iter().any(is_district_char)
    }) {
        org.city = Some(take(0, end + 1));
        at = end + 1;
    }
    // a district or county: 2–4 characters and 区 / 县 / 新区 / 旗 (光明区, 大鹏新区)
    if let Some(end) =
        (at + 1..=at + 4).find(|&i| folded_chars.get(i).is_some_and(|c| "区县旗".contains(*c)))
    {
        org.district = Some(take(at, end + 1));
        at = end + 1;
    }
    let rest = take(at, chars.len());
    let folded_rest: String = folded_chars[at..].iter().collect();
    if BUREAU_ENDS.iter().any(|e| folded_rest.ends_with(e)) && folded_rest.chars().count() >= 2 {
        org.bureau = Some(rest);
    }
    org
}

/// A `YYYY-MM-DD` date in a metadata value (`2025-09-18`, `2025年9月18日`, `2025/9/18`).
pub fn date(value: &str) -> Option<String> {
    let digits = |s: &str| -> Option<(u32, usize)> {
        let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        s[..end].parse().ok().map(|n| (n, end))
    };
    let start = value.find(|c: char| c.is_ascii_digit())?;
    let s = &value[start..];
    let (year, n) = digits(s)?;
    let s = s[n..].strip_prefix(['-', '/', '.', '年'])?;
    let (month, n) = digits(s)?;
    let s = s[n..].strip_prefix(['-', '/', '.', '月'])?;
    let (day, _) = digits(s)?;
    let valid =
        (1949..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day);
    valid.then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// Share of Han characters that change when folded to simplified, above which a text is
/// traditional. Simplified text changes almost nowhere (a few variant characters).
const TRADITIONAL_SHARE: f64 = 0.05;

/// Bytes of a text compared with its folding at once by [`script`].
const SCRIPT_BLOCK: usize = 1024;

/// Simplified or traditional, by how many Han characters fold to a different simplified one
/// (`folded`: the text folded by [`to_simplified`]).
pub fn script(text: &str, folded: &str) -> Script {
    // folding keeps byte offsets: the texts are compared a block at a time, and only the blocks
    // that differ are read character by character
    let mut changed = 0;
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + SCRIPT_BLOCK).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let (a, b) = (&text[start..end], &folded[start..end]);
        if a != b {
            changed += a
                .chars()
                .zip(b.chars())
                .filter(|&(a, b)| a != b && is_han(a))
                .count();
        }
        start = end;
    }
    if changed == 0 {
        return Script::Simplified;
    }
    // the share only falls as Han characters are counted: it is decided once it is low enough
    let mut han = 0usize;
    for _ in text.chars().filter(|&c| is_han(c)) {
        han += 1;
        if changed as f64 / han as f64 <= TRADITIONAL_SHARE {
            return Script::Simplified;
        }
    }
    Script::Traditional
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_glosses_inside_the_kind_word_do_not_hide_it() {
        assert_eq!(part_kind("二、2025年工作計(jì)劃").0, PartKind::Plan);
        assert_eq!(part_kind("一、2024年工作總結(jié)").0, PartKind::Summary);
        assert_eq!(part_kind("一、2024年工作亮点及成效").0, PartKind::Summary);
        assert_eq!(part_kind("一、主要工作回顾").0, PartKind::Summary);
        assert_eq!(part_kind("三、下一步工作安排").0, PartKind::Plan);
        let heading = "二、2025年工作計(jì)劃。一是推进";
        assert_eq!(part_kind_phrase_end(heading), heading.find('。'));
    }

    #[test]
    fn part_kinds_in_both_scripts() {
        assert_eq!(
            part_kind("一、2024年工作总结"),
            (PartKind::Summary, Some(2024), None)
        );
        assert_eq!(
            part_kind("二、2025年工作计划"),
            (PartKind::Plan, Some(2025), None)
        );
        assert_eq!(
            part_kind("一、2023年工作總結"),
            (PartKind::Summary, Some(2023), None)
        );
        assert_eq!(
            part_kind("二、2024年工作計劃"),
            (PartKind::Plan, Some(2024), None)
        );
        assert_eq!(part_kind("一、2023年重点工作完成情况").0, PartKind::Summary);
        assert_eq!(part_kind("三、下一步工作安排").0, PartKind::Plan);
        assert_eq!(part_kind("二、2024年主要工作安排").0, PartKind::Plan);
        assert_eq!(part_kind("一、主要工作开展情况").0, PartKind::Summary);
        assert_eq!(
            part_kind("一、2023年工作开展情况"),
            (PartKind::Summary, Some(2023), None)
        );
        assert_eq!(part_kind("三、存在的问题").0, PartKind::Other);
        assert!(names_shortcomings("三、存在的问题"));
        assert!(names_shortcomings("存在問題和不足"));
        assert!(!names_shortcomings("三、2024年工作计划"));
        assert_eq!(
            part_kind("一、2024年上半年工作总结"),
            (PartKind::Summary, Some(2024), Some(Half::First))
        );
        assert_eq!(
            part_kind("一、二〇二四年工作思路"),
            (PartKind::Plan, Some(2024), None)
        );
    }

    #[test]
    fn the_second_half_of_a_wrapped_headline() {
        for line in [
            "和2026年工作计划",
            "及2025年工作计划",
            "暨下一步工作安排",
            "與2024年工作計劃",
        ] {
            assert!(continues_title(line), "{line}");
        }
        for line in [
            "2026年工作计划",
            "和谐社区建设工作总结",
            "及时总结工作经验",
            "和2026年工作计划，推进建设。",
        ] {
            assert!(!continues_title(line), "{line}");
        }
    }

    #[test]
    fn a_summary_announced_with_the_next_years_plan() {
        let title = "佛山市生态环境局禅城分局关于2025年工作总结和2026年工作计划的报告";
        assert_eq!(announced_summary_year(title), Some(2025));
        let opening = "2025年，我局坚持精准治污。现将我局2025年工作总結和2026年工作計劃報告如下：";
        assert_eq!(announced_summary_year(opening), Some(2025));
        for text in [
            "深圳市坪山区水务局2026年工作计划",
            "2024年工作总结",
            "2025年，我局完成年度计划。2026年，我局将总结经验。",
            "关于2024年工作总结和2026年工作计划的报告",
        ] {
            assert_eq!(announced_summary_year(text), None, "{text}");
        }
    }

    #[test]
    fn organisation_from_titles() {
        let org = organisation("深圳市龙岗区政务服务和数据管理局2023年工作总结及2024年工作计划");
        assert_eq!(org.city.as_deref(), Some("深圳市"));
        assert_eq!(org.district.as_deref(), Some("龙岗区"));
        assert_eq!(org.bureau.as_deref(), Some("政务服务和数据管理局"));
        let org = organisation("光明区政务服务和数据管理局2024年工作总结和2025年工作计划");
        assert_eq!((org.city, org.district.as_deref()), (None, Some("光明区")));
        let org = organisation("深圳市大鹏新区发展和财政局2024年工作总结");
        assert_eq!(org.district.as_deref(), Some("大鹏新区"));
        assert_eq!(org.bureau.as_deref(), Some("发展和财政局"));
        let org = organisation("深圳市龍崗區政務服務數據管理局2023年工作總結");
        assert_eq!(org.district.as_deref(), Some("龍崗區"));
        assert_eq!(org.bureau.as_deref(), Some("政務服務數據管理局"));
        assert_eq!(organisation("2024年工作总结"), Organisation::default());
        let org = organisation("龙华区城市管理和综合执法局2024年工作总结");
        assert_eq!((org.city, org.district.as_deref()), (None, Some("龙华区")));
        assert_eq!(org.bureau.as_deref(), Some("城市管理和综合执法局"));
        let org = organisation("福田区市场监督管理局2024年工作计划");
        assert_eq!(org.bureau.as_deref(), Some("市场监督管理局"));
        // a district's archives (档案馆), library, museum
        let org = organisation("广州市越秀区档案馆2024年工作总结和2025年工作计划");
        assert_eq!(org.bureau.as_deref(), Some("档案馆"));
    }

    #[test]
    fn an_opening_sentence_names_the_organisation_when_the_title_is_missing() {
        let org = opening_organisation(
            "　　2024年，坪山区政务服务和数据管理局紧紧围绕区委区政府中心工作",
        );
        assert_eq!(org.district.as_deref(), Some("坪山区"));
        assert_eq!(org.bureau.as_deref(), Some("政务服务和数据管理局"));
        let org = opening_organisation("2023年以来,深圳市龍崗區政務服務數據管理局緊緊圍繞");
        assert_eq!(org.city.as_deref(), Some("深圳市"));
        assert_eq!(org.district.as_deref(), Some("龍崗區"));
        assert_eq!(org.bureau.as_deref(), Some("政務服務數據管理局"));
        let org = opening_organisation("2024年,南山区发展和改革委员会认真落实");
        assert_eq!(org.bureau.as_deref(), Some("发展和改革委员会"));
        // no district named: nothing rather than a guess
        assert_eq!(
            opening_organisation("2024年,区政务服务和数据管理局认真落实区委部署"),
            Organisation::default()
        );
        assert_eq!(
            opening_organisation("全年完成各项任务。"),
            Organisation::default()
        );
    }

    #[test]
    fn titles_are_recognised() {
        assert!(looks_like_title(
            "光明区政务服务和数据管理局2024年工作总结和2025年工作计划"
        ));
        assert!(looks_like_title(
            "深圳市龍崗區政務服務數據管理局2023年工作總結及2024年工作計劃"
        ));
        assert!(!looks_like_title("一、2024年工作总结"));
        assert!(!looks_like_title(
            "2024年,区政务服务和数据管理局认真落实工作计划。"
        ));
        assert!(!looks_like_title("政府信息公开 规章库"));
    }

    #[test]
    fn dates_years_script() {
        assert_eq!(
            date("发布日期:2025-09-18  浏览次数:-").as_deref(),
            Some("2025-09-18")
        );
        assert_eq!(date("2024年1月5日").as_deref(), Some("2024-01-05"));
        assert_eq!(date("2024-13-05"), None);
        assert_eq!(years("2024年工作总结和2025年工作计划"), vec![2024, 2025]);
        assert_eq!(years("12024年"), Vec::<i32>::new());
        let script = |text: &str| script(text, &to_simplified(text));
        assert_eq!(
            script("深圳市龙岗区政务服务和数据管理局"),
            Script::Simplified
        );
        assert_eq!(
            script("深圳市龍崗區政務服務數據管理局"),
            Script::Traditional
        );
    }
}
