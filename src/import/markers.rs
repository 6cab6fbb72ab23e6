//! Outline markers as written on real pages: 一、 (一) （一） 1. 1、 １． (1) （1） ① 一是, and
//! their damaged forms. Depends on text only.

/// The kinds of numbering a report uses, from the outermost to the innermost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MarkerKind {
    /// `第一部分` or a heading line with no marker that names a part (`2024年工作总结`): opens
    /// a part whose `一、` items become its nodes.
    Chapter,
    /// `一、` — opens a part.
    Part,
    /// `(一)` / `（一）`.
    Section,
    /// `1.` / `1、` / `１．`.
    Numbered,
    /// `(1)` / `（1）`.
    Paren,
    /// `①` … `⑳`, opening a paragraph (the level under `(1)` in the usual order 一、（一）1.（1）①).
    Circled,
    /// `一是` … `十是`, run into a paragraph.
    RunIn,
}

/// A marker found at some position of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub kind: MarkerKind,
    /// The number it carries; `None` when the numeral itself was lost (a damaged marker).
    pub number: Option<u32>,
    /// Length in bytes of the marker text.
    pub len: usize,
    /// The marker is damaged: a bracket or the numeral is missing.
    pub broken: bool,
}

use crate::text::chars::{digit_value, han_number, is_digit, is_han};

const OPEN: [char; 2] = ['(', '（'];
const CLOSE: [char; 2] = [')', '）'];

/// Reads ASCII or full-width digits at the start of `s`.
fn arabic_number(s: &str) -> Option<(u32, usize)> {
    let mut value = 0u32;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        let Some(d) = digit_value(c) else {
            break;
        };
        value = value.checked_mul(10)?.checked_add(d)?;
        end = i + c.len_utf8();
        if end > 9 {
            return None;
        }
    }
    (end > 0).then_some((value, end))
}

/// The circled numeral `①` … `⑳` (U+2460 … U+2473) at the start of `s`, and its length. A
/// range check: no crate in the build names these numerals' values.
fn circled_number(s: &str) -> Option<(u32, usize)> {
    let c = s.chars().next()?;
    let n = u32::from(c).checked_sub(u32::from('①'))? + 1;
    (n <= 20).then_some((n, c.len_utf8()))
}

fn starts_with_any(s: &str, set: &[char]) -> Option<usize> {
    let c = s.chars().next()?;
    set.contains(&c).then_some(c.len_utf8())
}

fn marker(kind: MarkerKind, number: Option<u32>, len: usize, broken: bool) -> Option<Marker> {
    Some(Marker {
        kind,
        number,
        len,
        broken,
    })
}

/// The well-formed marker that starts `s`, if any.
///
/// A numbered marker must be followed by something other than a digit, so `2.0` and `1.5%` in
/// running text are not markers.
pub fn marker_at(s: &str) -> Option<Marker> {
    if let Some((n, len)) = circled_number(s) {
        return marker(MarkerKind::Circled, Some(n), len, false);
    }
    if let Some(open) = starts_with_any(s, &OPEN) {
        let rest = &s[open..];
        if let Some((n, len)) = han_number(rest) {
            let close = starts_with_any(&rest[len..], &CLOSE)?;
            return marker(MarkerKind::Section, Some(n), open + len + close, false);
        }
        let (n, len) = arabic_number(rest)?;
        let close = starts_with_any(&rest[len..], &CLOSE)?;
        return marker(MarkerKind::Paren, Some(n), open + len + close, false);
    }
    if let Some((n, len)) = han_number(s) {
        let rest = &s[len..];
        if rest.starts_with('、') {
            return marker(MarkerKind::Part, Some(n), len + '、'.len_utf8(), false);
        }
        if rest.starts_with('是') && n <= 20 {
            return marker(MarkerKind::RunIn, Some(n), len + '是'.len_utf8(), false);
        }
        return None;
    }
    let (n, len) = arabic_number(s)?;
    let rest = &s[len..];
    let sep = rest.chars().next()?;
    if !matches!(sep, '.' | '、' | '．' | '。') || n == 0 {
        return None;
    }
    // `1。` is a typo for `1.` seen on real pages; `1.5` is a number.
    let after = rest[sep.len_utf8()..].chars().next();
    if after.is_some_and(is_digit) {
        return None;
    }
    if sep == '。' && after.is_none_or(|c| !is_han(c)) {
        return None;
    }
    marker(MarkerKind::Numbered, Some(n), len + sep.len_utf8(), false)
}

/// `第一部分` / `第一篇` / `第一章` at the start of a line: a chapter above the `一、` level.
pub fn chapter_at(s: &str) -> Option<Marker> {
    let rest = s.strip_prefix('第')?;
    let (n, len) = han_number(rest)?;
    let word = ["部分", "篇", "章"]
        .iter()
        .find(|w| rest[len..].starts_with(*w))?;
    marker(
        MarkerKind::Chapter,
        Some(n),
        '第'.len_utf8() + len + word.len(),
        false,
    )
}

/// A damaged level-1 marker at the start of a line: `(坚持…` where `一)` was lost, `一)坚持…`
/// where `(` was lost, or `(三坚持…` where `)` was lost.
pub fn broken_section_at_line_start(s: &str) -> Option<Marker> {
    if let Some(open) = starts_with_any(s, &OPEN) {
        let rest = &s[open..];
        if let Some((n, len)) = han_number(rest) {
            // `(三坚持` — the closing bracket is missing
            let next = rest[len..].chars().next()?;
            return (is_han(next) && !CLOSE.contains(&next))
                .then(|| marker(MarkerKind::Section, Some(n), open + len, true))?;
        }
        // a bracket closed anywhere on the line is a parenthetical note, not a damaged marker
        let next = rest.chars().next()?;
        let closes = rest.contains(CLOSE);
        return (is_han(next) && !closes).then(|| marker(MarkerKind::Section, None, open, true))?;
    }
    let (n, len) = han_number(s)?;
    let close = starts_with_any(&s[len..], &CLOSE)?;
    marker(MarkerKind::Section, Some(n), len + close, true)
}

/// A run-in item whose numeral was lost: `。是筑牢…` for `。二是筑牢…`.
pub fn broken_run_in_at(s: &str) -> Option<Marker> {
    let rest = s.strip_prefix('是')?;
    let next = rest.chars().next()?;
    // 是否 / 是的 / 是指 open ordinary sentences, not items
    (is_han(next) && !"否的指为".contains(next))
        .then(|| marker(MarkerKind::RunIn, None, '是'.len_utf8(), true))?
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_number(s: &str) -> Option<(MarkerKind, Option<u32>, &str)> {
        marker_at(s).map(|m| (m.kind, m.number, &s[..m.len]))
    }

    #[test]
    fn every_marker_style() {
        use MarkerKind::*;
        assert_eq!(kind_number("一、2024年"), Some((Part, Some(1), "一、")));
        assert_eq!(kind_number("(一)坚持"), Some((Section, Some(1), "(一)")));
        assert_eq!(
            kind_number("（二）实施"),
            Some((Section, Some(2), "（二）"))
        );
        assert_eq!(kind_number("(三）混合"), Some((Section, Some(3), "(三）")));
        assert_eq!(kind_number("1.加强"), Some((Numbered, Some(1), "1.")));
        assert_eq!(kind_number("2、推动"), Some((Numbered, Some(2), "2、")));
        assert_eq!(kind_number("１．全角"), Some((Numbered, Some(1), "１．")));
        assert_eq!(kind_number("12.十二"), Some((Numbered, Some(12), "12.")));
        assert_eq!(kind_number("(1)小项"), Some((Paren, Some(1), "(1)")));
        assert_eq!(kind_number("（2）小项"), Some((Paren, Some(2), "（2）")));
        assert_eq!(kind_number("一是数字"), Some((RunIn, Some(1), "一是")));
        assert_eq!(kind_number("十是"), Some((RunIn, Some(10), "十是")));
        assert_eq!(kind_number("①实施"), Some((Circled, Some(1), "①")));
        assert_eq!(kind_number("⑳完善"), Some((Circled, Some(20), "⑳")));
        assert_eq!(
            kind_number("⑴实施"),
            None,
            "a parenthesised numeral is not circled"
        );
    }

    #[test]
    fn numbers_in_running_text_are_not_markers() {
        assert_eq!(marker_at("2.0,将原有"), None);
        assert_eq!(marker_at("1.5%"), None);
        assert_eq!(marker_at("2024年"), None);
        assert_eq!(marker_at("(第二版)"), None);
        assert_eq!(marker_at("一网统管"), None);
        assert_eq!(marker_at("0.加强"), None);
    }

    #[test]
    fn chapters() {
        let m = chapter_at("第二部分 2025年工作计划").unwrap();
        assert_eq!(
            (m.kind, m.number, m.len),
            (MarkerKind::Chapter, Some(2), "第二部分".len())
        );
        assert_eq!(chapter_at("第三届全球数字贸易博览会"), None);
    }

    #[test]
    fn damaged_section_markers() {
        let lost_numeral = broken_section_at_line_start("(坚持党建引领,").unwrap();
        assert_eq!((lost_numeral.number, lost_numeral.len), (None, 1));
        let lost_open = broken_section_at_line_start("一)坚持").unwrap();
        assert_eq!((lost_open.number, lost_open.len), (Some(1), 4));
        let lost_close = broken_section_at_line_start("（三坚持").unwrap();
        assert_eq!((lost_close.number, lost_close.len), (Some(3), 6));
        assert_eq!(broken_section_at_line_start("(注:本表数据截至12月)"), None);
        assert_eq!(
            broken_section_at_line_start("（注：以上数据为快报数，最终以统计部门公布数据为准）"),
            None
        );
    }

    #[test]
    fn damaged_run_in_marker() {
        assert!(broken_run_in_at("是筑牢网络信息安全屏障。").is_some());
        assert_eq!(broken_run_in_at("是否符合条件"), None);
    }
}
