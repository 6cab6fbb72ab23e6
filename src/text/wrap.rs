//! Line wrapping for Chinese report text by display width, with Chinese line-breaking rules
//! (禁则), returning source byte ranges so styles and hits map onto screen rows. No UI types.
//!
//! Break opportunities come from UAX #14 (unicode-linebreak); on top of them the Chinese rules
//! that UAX #14 does not give are hand-written here: no line starts with closing punctuation, no
//! line ends with opening punctuation, —— …… numbers and full-width digit runs stay whole, a
//! figure stays on one line with its measure word (3.8亿条次, 203条, 2024年), quotes next to Han
//! text may break like the Han text, and a paragraph's indent stays on its first line.
//! Ratatui's own `Paragraph::wrap` is never used on report text: it overflows and panics on CJK
//! at small widths (ratatui #2679).

use std::ops::Range;

use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

use crate::text::chars::{is_cjk, is_digit};
use crate::text::numbers::quantities;

/// Characters a line must not start with.
pub const NO_LINE_START: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '）', '》', '」', '』', '】', '〕', '”', '’', '·',
    ',', '.', ';', ':', '?', '!', ')', '%', '％', '〉', '…', '—',
];
/// Characters a line must not end with.
pub const NO_LINE_END: &[char] = &['（', '《', '「', '『', '【', '〔', '“', '‘', '(', '〈'];

/// How to measure and wrap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrapOptions {
    /// The pane width in terminal cells.
    pub width: usize,
    /// Count East Asian ambiguous characters (“ ” × · — …) as 2 cells, for terminals that draw
    /// them wide.
    pub ambiguous_wide: bool,
}

impl WrapOptions {
    pub fn new(width: usize) -> Self {
        WrapOptions {
            width,
            ambiguous_wide: false,
        }
    }
}

/// One screen line: the source bytes it shows and their display width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub range: Range<usize>,
    pub width: usize,
    /// True for the first line of a paragraph.
    pub starts_paragraph: bool,
}

/// Display width of a character in cells (control characters count 0).
pub fn char_width(c: char, ambiguous_wide: bool) -> usize {
    let width = if ambiguous_wide {
        c.width_cjk()
    } else {
        c.width()
    };
    width.unwrap_or(0)
}

/// Display width of a string in cells.
pub fn str_width(s: &str, ambiguous_wide: bool) -> usize {
    s.chars().map(|c| char_width(c, ambiguous_wide)).sum()
}

/// Lays `text` out in lines no wider than `options.width`.
///
/// Each `\n` ends a paragraph (the newline belongs to no line). Concatenating the ranges of a
/// paragraph's lines gives the paragraph back exactly, and every line starts at a grapheme
/// cluster boundary. The only line that can be wider than the width is a single cluster wider
/// than the whole pane (a Chinese character in a 1-cell pane).
pub fn layout(text: &str, options: WrapOptions) -> Vec<Line> {
    let width = options.width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    for paragraph in text.split('\n') {
        layout_paragraph(paragraph, start, width, options.ambiguous_wide, &mut lines);
        start += paragraph.len() + 1;
    }
    lines
}

/// The wrapped lines of `text` as strings (a convenience for plain output).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    layout(text, WrapOptions::new(width))
        .into_iter()
        .map(|line| text[line.range].to_string())
        .collect()
}

fn layout_paragraph(
    paragraph: &str,
    offset: usize,
    width: usize,
    wide: bool,
    lines: &mut Vec<Line>,
) {
    let breaks = break_points(paragraph);
    let mut line_start = 0;
    let mut line_width = 0;
    let mut unit_start = 0;
    let push = |lines: &mut Vec<Line>, range: Range<usize>, w: usize| {
        let starts_paragraph = range.start == 0;
        lines.push(Line {
            range: range.start + offset..range.end + offset,
            width: w,
            starts_paragraph,
        });
    };
    for &unit_end in breaks.iter().chain(std::iter::once(&paragraph.len())) {
        if unit_end <= unit_start {
            continue;
        }
        let unit = &paragraph[unit_start..unit_end];
        let unit_width = str_width(unit, wide);
        if line_width + unit_width <= width {
            line_width += unit_width;
        } else if unit_width <= width {
            // the unit fits on a line of its own: break before it
            if unit_start > line_start {
                push(lines, line_start..unit_start, line_width);
            }
            line_start = unit_start;
            line_width = unit_width;
        } else {
            // wider than the pane: the rules cannot be kept, break between grapheme clusters
            // (never before a ZWJ, a variation selector or a combining mark)
            if unit_start > line_start {
                push(lines, line_start..unit_start, line_width);
                line_start = unit_start;
                line_width = 0;
            }
            for (i, cluster) in unit.grapheme_indices(true) {
                let w = str_width(cluster, wide);
                let at = unit_start + i;
                if line_width + w > width && at > line_start {
                    push(lines, line_start..at, line_width);
                    line_start = at;
                    line_width = 0;
                }
                line_width += w;
            }
        }
        unit_start = unit_end;
    }
    push(lines, line_start..paragraph.len(), line_width);
}

/// Byte offsets inside `paragraph` where a line may break (never 0 or the end, never inside a
/// grapheme cluster: UAX #14 allows a break before a mark or ZWJ that follows a space, and before
/// an emoji modifier, which UAX #29 keeps with the character before).
pub fn break_points(paragraph: &str) -> Vec<usize> {
    let uax14: Vec<usize> = linebreaks(paragraph)
        .filter(|&(_, op)| op == BreakOpportunity::Allowed)
        .map(|(i, _)| i)
        .collect();
    let indent_end = paragraph.len() - paragraph.trim_start().len();
    // a figure and its measure word are one unit (调用量3.8 | 亿条次 read as two things)
    let figures = quantities(paragraph);
    let mut figures = figures.iter().peekable();
    let mut points = Vec::new();
    let mut uax = uax14.iter().peekable();
    // in text of characters that are each a cluster (nearly every report paragraph), every
    // character boundary is a cluster boundary: segmenting it was a tenth of `planlens diff`
    let mut clusters = (!paragraph.chars().all(is_own_cluster))
        .then(|| paragraph.grapheme_indices(true).map(|(i, _)| i).peekable());
    let mut chars = paragraph.char_indices().peekable();
    while let Some((_, before)) = chars.next() {
        let Some(&(at, after)) = chars.peek() else {
            break;
        };
        while uax.next_if(|&&i| i < at).is_some() {}
        let allowed_by_uax = uax.peek().is_some_and(|&&i| i == at);
        let cluster_boundary = clusters.as_mut().is_none_or(|clusters| {
            while clusters.next_if(|&i| i < at).is_some() {}
            clusters.peek() == Some(&at)
        });
        while figures.next_if(|f| f.end <= at).is_some() {}
        let in_figure = figures.peek().is_some_and(|f| f.start < at);
        if at > indent_end
            && cluster_boundary
            && !in_figure
            && may_break(before, after, allowed_by_uax)
        {
            points.push(at);
        }
    }
    points
}

/// Whether `c` is a grapheme cluster of its own next to any other such character (UAX #29: none
/// is a control, a mark, a joiner, a Hangul jamo or a regional indicator): printable ASCII and
/// Latin-1, Greek letters, dashes and quotes, arrows, box drawing and shapes, CJK symbols and
/// punctuation (not the tone marks U+302A–U+302F), the CJK ideographs and the full-width forms.
fn is_own_cluster(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{A1}'..='\u{AC}'
        | '\u{AE}'..='\u{FF}'
        | '\u{391}'..='\u{3C9}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2190}'..='\u{21FF}'
        | '\u{2500}'..='\u{25FF}'
        | '\u{3000}'..='\u{3029}'
        | '\u{3030}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{FF01}'..='\u{FF60}')
}

/// Whether a line may break between `before` and `after`.
fn may_break(before: char, after: char, allowed_by_uax: bool) -> bool {
    if NO_LINE_START.contains(&after) || NO_LINE_END.contains(&before) {
        return false;
    }
    if keeps_together(before, after) {
        return false;
    }
    // UAX #14 glues quotes to both neighbours (LB19); next to Han text they break like it.
    let quote_open = matches!(after, '“' | '‘') && is_wide_text(before);
    let quote_close = matches!(before, '”' | '’') && is_wide_text(after);
    allowed_by_uax || quote_open || quote_close || (is_cjk(before) && is_cjk(after))
}

/// Pairs that form one unit: —— ……, digit runs (full-width too) with their decimal point and %,
/// a number and the 年 月 日 of a date (a year is no figure of `quantities`, but 2024 | 年 splits
/// it all the same).
fn keeps_together(before: char, after: char) -> bool {
    let numeric = |c: char| is_digit(c) || matches!(c, '.' | '．' | '%' | '％' | ',');
    (before == after && matches!(before, '—' | '…'))
        || (is_digit(before) && (numeric(after) || matches!(after, '年' | '月' | '日')))
        || (numeric(before) && is_digit(after))
}

fn is_wide_text(c: char) -> bool {
    is_cjk(c) || c.width() == Some(2)
}

/// Cuts styled ranges of `text` to one line: the (text, style) pieces the line shows, in order.
/// `styles` are (range, style) pairs, sorted and not overlapping; unstyled text gets `default`.
pub fn styled_pieces<'a, S: Copy>(
    text: &'a str,
    line: &Line,
    styles: &[(Range<usize>, S)],
    default: S,
) -> Vec<(&'a str, S)> {
    let mut pieces = Vec::new();
    let mut at = line.range.start;
    for (range, style) in styles {
        if range.end <= at || range.start >= line.range.end {
            continue;
        }
        let start = range.start.max(at);
        if start > at {
            pieces.push((&text[at..start], default));
        }
        let end = range.end.min(line.range.end);
        pieces.push((&text[start..end], *style));
        at = end;
    }
    if at < line.range.end {
        pieces.push((&text[at..line.range.end], default));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        layout(text, WrapOptions::new(width))
            .into_iter()
            .map(|l| &text[l.range])
            .collect()
    }

    #[test]
    fn wide_character_that_does_not_fit_moves_to_the_next_line() {
        // 5 cells: two Han characters and a blank cell
        assert_eq!(lines("数据要素价值", 5), vec!["数据", "要素", "价值"]);
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        // at width 8 a greedy cut would put "，" at the start of line 2
        let got = lines("数据要素，价值加快释放。", 8);
        assert!(
            got.iter().skip(1).all(|l| !l.starts_with(NO_LINE_START)),
            "{got:?}"
        );
        assert_eq!(got.concat(), "数据要素，价值加快释放。");
        assert_eq!(got[0], "数据要");
    }

    #[test]
    fn no_line_ends_with_opening_punctuation() {
        // at width 6 a greedy cut would end line 1 with "《"
        let got = lines("印发《光明区公共数据授权运营管理暂行办法》", 6);
        assert!(got.iter().all(|l| !l.ends_with(NO_LINE_END)), "{got:?}");
        assert_eq!(&got[..2], ["印发", "《光明"]);
    }

    #[test]
    fn numbers_with_point_and_percent_stay_whole() {
        let got = lines("同比增长33.8%。受理16.8万宗", 10);
        assert!(got.iter().any(|l| l.contains("33.8%")), "{got:?}");
        assert!(got.iter().any(|l| l.contains("16.8")), "{got:?}");
    }

    #[test]
    fn a_figure_stays_with_its_measure_word() {
        // greedy cuts would give 调用量3.8 | 亿条次, 203 | 条, 2024 | 年
        let text = "数据调用量3.8亿条次";
        assert_eq!(lines(text, 12), vec!["数据调用量", "3.8亿条次"]);
        assert_eq!(lines("新增标准203条", 10), vec!["新增标准", "203条"]);
        assert_eq!(lines("截至2024年底", 7), vec!["截至", "2024年", "底"]);
        assert_eq!(lines("建成156平方公里", 12), vec!["建成", "156平方公里"]);
        // wider than the pane: broken between characters rather than overflowing
        assert!(
            layout("3.8亿条次", WrapOptions::new(4))
                .iter()
                .all(|l| l.width <= 4)
        );
    }

    #[test]
    fn full_width_digits_dash_and_ellipsis_stay_whole() {
        let got = lines("完成２０２４年目标——全面落实……继续", 8);
        assert!(got.iter().any(|l| l.contains("２０２４")), "{got:?}");
        assert!(got.iter().any(|l| l.contains("——")), "{got:?}");
        assert!(got.iter().any(|l| l.contains("……")), "{got:?}");
    }

    #[test]
    fn quotes_break_like_han_text_but_stay_with_their_word() {
        let got = lines("光明区亮相大会“最佳场景驱动倡议大奖”荣获", 12);
        assert!(
            got.iter().all(|l| !l.starts_with('”') && !l.ends_with('“')),
            "{got:?}"
        );
        assert!(got.iter().all(|l| str_width(l, false) <= 12), "{got:?}");
    }

    #[test]
    fn paragraph_indent_stays_on_the_first_line() {
        let got = lines("\u{3000}\u{3000}2024年,区政务服务和数据管理局认真落实", 12);
        assert!(got[0].starts_with("\u{3000}\u{3000}2"), "{got:?}");
        let got = lines("  一是数字孪生", 6);
        assert!(got[0].starts_with("  一"), "{got:?}");
    }

    #[test]
    fn impossible_rules_break_rather_than_overflow() {
        // a 6-cell number in a 4-cell pane
        let got = lines("123456", 4);
        assert_eq!(got, vec!["1234", "56"]);
        // a Han character in a 1-cell pane gets a line of its own
        assert_eq!(lines("数据", 1), vec!["数", "据"]);
        // and so does an emoji with its skin tone, kept whole
        assert_eq!(lines("👍🏽a", 1), vec!["👍🏽", "a"]);
    }

    /// Where each line starts is a grapheme cluster boundary of the text.
    fn starts_on_cluster_boundaries(text: &str, width: usize) -> bool {
        let boundaries: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
        layout(text, WrapOptions::new(width))
            .iter()
            .all(|l| l.range.start == text.len() || boundaries.contains(&l.range.start))
    }

    #[test]
    fn no_line_starts_inside_a_grapheme_cluster() {
        // runs wider than the pane, broken in the fallback: a family emoji (ZWJ), keycaps,
        // e + combining acute
        for (text, width) in [
            ("ab👨\u{200D}👩\u{200D}👧cd", 4),
            ("x1\u{FE0F}\u{20E3}2\u{FE0F}\u{20E3}", 2),
            ("cafe\u{0301}s", 4),
        ] {
            assert!(starts_on_cluster_boundaries(text, width), "{text:?}");
            assert_eq!(lines(text, width).concat(), text);
        }
        // found by the fuzz loop: a character wider than the pane, then a ZWJ (zero width, but
        // the line was already full)
        for (text, ambiguous_wide) in [("”\u{200D}", true), ("数\u{200D}", false)] {
            let options = WrapOptions {
                width: 1,
                ambiguous_wide,
            };
            assert_eq!(layout(text, options).len(), 1, "{text:?}");
        }
        // UAX #14 alone would break before a ZWJ or mark after a space, and before a skin tone
        for (text, width) in [
            ("数据 \u{200D}数据", 5),
            ("ab \u{0301}cd", 3),
            ("—🏽", 1),
            ("数 \u{FE0F}据", 2),
        ] {
            assert!(starts_on_cluster_boundaries(text, width), "{text:?}");
        }
    }

    #[test]
    fn characters_taken_as_their_own_cluster_are_one() {
        let own: Vec<char> = ('\0'..=char::MAX).filter(|&c| is_own_cluster(c)).collect();
        // each next to itself, next to its neighbours in the list, and between two others
        for pair in own.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            for text in [
                format!("{a}{a}"),
                format!("{a}{b}"),
                format!("{b}{a}"),
                format!("x{a}y"),
            ] {
                assert_eq!(
                    text.graphemes(true).count(),
                    text.chars().count(),
                    "{:?}",
                    text
                );
            }
        }
    }

    #[test]
    fn ambiguous_wide_counts_quotes_as_two() {
        let options = WrapOptions {
            width: 6,
            ambiguous_wide: true,
        };
        let text = "“数治”";
        let got = layout(text, options);
        assert!(got.iter().all(|l| l.width <= 6));
        assert_eq!(got.iter().map(|l| l.width).sum::<usize>(), 8);
    }

    #[test]
    fn paragraphs_and_ranges() {
        let text = "一二\n三";
        let got = layout(text, WrapOptions::new(10));
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].range, 7..10);
        assert!(got[1].starts_paragraph);
        assert_eq!(wrap("", 5), vec![""]);
    }

    #[test]
    fn styled_pieces_cut_styles_at_line_edges() {
        let text = "汇聚数据超28亿条";
        let line = Line {
            range: 6..text.len(),
            width: 0,
            starts_paragraph: false,
        };
        let number = text.find('2').unwrap()..text.len();
        let got = styled_pieces(text, &line, &[(0..9, 'a'), (number, 'n')], '-');
        assert_eq!(got, vec![("数", 'a'), ("据超", '-'), ("28亿条", 'n')]);
    }
}
