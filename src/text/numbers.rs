//! Numbers with their units in report text (28亿条, 33.8%, 156平方公里, 220项), located by byte
//! range. Hand-written: a unit list of these reports, not a general measure parser. Depends on
//! text/ only.

use std::ops::Range;

use crate::text::chars::is_digit;

/// Units written after figures in work reports of every kind of bureau (data, development,
/// civil affairs, housing …), longest first so 平方公里 wins over 公里 and 万平方米 over 平方米.
/// Not here on purpose: 千伏 (110千伏 names a class of substation, not an amount; 千伏安 is a
/// capacity), G (5G), 年 (a year).
pub const UNITS: &[&str] = &[
    "千克标准煤/平方米",
    "万吨标准煤",
    "千克标准煤",
    "吨标准煤",
    "微克/立方米",
    "毫克/升",
    "万立方米/日",
    "立方米/秒",
    "立方米/日",
    "万吨/日",
    "吨/日",
    "万千瓦时",
    "万千伏安",
    "万平方米",
    "万立方米",
    "平方公里",
    "万千瓦",
    "亿美元",
    "万美元",
    "千瓦时",
    "千伏安",
    "万标箱",
    "平方米",
    "立方米",
    "亿条次",
    "万条次",
    "万人次",
    "万件次",
    "亿元",
    "万元",
    "美元",
    "兆瓦",
    "千瓦",
    "公顷",
    "万亩",
    "万吨",
    "万辆",
    "万株",
    "万头",
    "万只",
    "标箱",
    "艘次",
    "个月",
    "亿条",
    "万条",
    "万宗",
    "万笔",
    "万人",
    "万户",
    "万次",
    "人次",
    "场次",
    "家次",
    "户次",
    "条次",
    "件次",
    "篇次",
    "个百分点",
    "百分点",
    "个工作日",
    "工作日",
    "套(间)",
    "套（间）",
    "件(套)",
    "件（套）",
    "卷(件)",
    "卷（件）",
    "画幅",
    "批次",
    "项次",
    "公里",
    "千米",
    "万",
    "亿",
    "元",
    "条",
    "个",
    "项",
    "家",
    "宗",
    "次",
    "件",
    "份",
    "批",
    "起",
    "场",
    "篇",
    "笔",
    "期",
    "类",
    "名",
    "人",
    "户",
    "所",
    "座",
    "套",
    "台",
    "倍",
    "天",
    "日",
    "小时",
    "吨",
    "亩",
    "张",
    "床",
    "辆",
    "株",
    "头",
    "只",
    "艘",
    "块",
    "栋",
    "间",
    "处",
    "支",
    "部",
    "本",
    "册",
    "课时",
    "学时",
    "分钟",
    "秒",
    "米",
    "核",
    "路",
    "片",
    "门",
    "盏",
    "根",
    "枚",
    "卷",
    "集",
    "字",
    "TB",
    "tb",
    "p",
    "‰",
    "%",
    "％",
];

/// Characters in the longest of [`UNITS`] (千克标准煤/平方米: 9), for reading a unit from a window of
/// characters.
pub const LONGEST_UNIT: usize = longest_in_chars(UNITS);

/// The most characters of any of `words` (counted at compile time: a `const fn` counts the bytes
/// that open a UTF-8 character).
const fn longest_in_chars(words: &[&str]) -> usize {
    let mut longest = 0;
    let mut w = 0;
    while w < words.len() {
        let bytes = words[w].as_bytes();
        let (mut i, mut chars) = (0, 0);
        while i < bytes.len() {
            if bytes[i] & 0xC0 != 0x80 {
                chars += 1;
            }
            i += 1;
        }
        if chars > longest {
            longest = chars;
        }
        w += 1;
    }
    longest
}

/// Byte ranges of the figures in `text`: a digit run (ASCII or full-width) with its decimal point,
/// then a unit if one follows. A bare four-digit number before 年 is a year, not a figure.
pub fn quantities(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_digit(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, next)) = chars.peek() {
            let decimal_point = matches!(next, '.' | '．')
                && text[i + next.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(is_digit);
            if is_digit(next) || decimal_point {
                end = i + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let number = &text[start..end];
        let rest = &text[end..];
        if number.chars().count() == 4 && rest.starts_with('年') {
            continue;
        }
        let unit = UNITS
            .iter()
            .find(|u| rest.starts_with(*u))
            .map_or(0, |u| u.len());
        found.push(start..end + unit);
        while chars.peek().is_some_and(|&(i, _)| i < end + unit) {
            chars.next();
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<&str> {
        quantities(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn the_longest_unit_is_counted_in_characters() {
        let longest = UNITS.iter().map(|u| u.chars().count()).max();
        assert_eq!(Some(LONGEST_UNIT), longest);
    }

    #[test]
    fn figures_with_their_units() {
        assert_eq!(
            figures("汇聚数据超28亿条,搭建156平方公里数据底板,同比增长33.8%,达到220项和130项"),
            vec!["28亿条", "156平方公里", "33.8%", "220项", "130项"]
        );
        // archives: files, scanned frames; episodes, medals, storage
        assert_eq!(
            figures("接收档案1200卷（件），扫描3000画幅，微视频10集，奖牌27枚，备份30TB"),
            vec!["1200卷（件）", "3000画幅", "10集", "27枚", "30TB"]
        );
        // energy per head and per floor area of public bodies
        assert_eq!(
            figures("人均综合能耗283.7千克标准煤,单位建筑面积能耗8.66千克标准煤/平方米"),
            vec!["283.7千克标准煤", "8.66千克标准煤/平方米"]
        );
    }

    #[test]
    fn years_and_versions_are_not_figures_with_units() {
        assert_eq!(figures("2024年,平台2.0,第三届"), vec!["2.0"]);
        assert_eq!(figures("粤盾2024”"), vec!["2024"]);
        assert_eq!(figures("１２个"), vec!["１２个"]);
    }
}
