//! A PDF copied as text -> which of its lines only wrap a paragraph (hard line breaks to undo).
//! Depends on import's outline (sentence ends, headings) and cruft (page numbers), and on text.
//!
//! A PDF copied as text keeps the PDF's line breaks: its lines all stop at about the same display
//! width, most of them in the middle of a sentence (`…截至2025年12月底，全区基本医` /
//! `疗保险参保人数143.58万人…`), and its page numbers stand between them (`— 1 —`). A page is
//! read as such a copy only when nearly all its lines fit within one width and several are cut
//! at it in mid-sentence: an ordinary web page, one paragraph to a line, has most of its lines
//! far wider than the headings that end in mid-sentence there. Hand-written: the signs are these
//! copies', and no crate reads them (the PDF extractor, `sources/pdf_layout.rs`, goes by the
//! glyphs' places instead).

use super::SourceLine;
use super::cruft::is_page_number;
use super::outline::{ends_mid_sentence, opens_heading};
use crate::text::wrap::str_width;

/// Display width (terminal cells) below which a line is no line of a PDF page: the narrowest
/// pages hold 28 characters a line (the 公文 format, GB/T 9704), 56 cells.
const MIN_PAGE_WIDTH: usize = 40;
/// How far short of the page's width a cut line may stop, in cells: a figure or a word that did
/// not fit went to the next line whole (`…集采药品` / `586个品种`), at most 4 characters. The
/// PDF extractor allows the same, 4 font sizes (`SHORT_LINE_SLACK` in sources/pdf_layout.rs).
const SHORT_BY: usize = 8;
/// How far past the page's width a line may run, in cells: digits and Latin letters count one
/// cell here but may be set narrower than half a character.
const LONG_BY: usize = 4;
/// Share of a page's lines of text, at least, that a PDF copy sets within its width: all of them
/// but a line or two of the web page around it (the huicheng-ybj page: all). A web page, whose
/// lines are paragraphs, has most of its lines far wider than the headings that end in
/// mid-sentence there: the pages of tests/fixtures set 56% of their lines within that width at
/// most, most pages under 25%.
const FIT_SHARE: f64 = 0.9;
/// Lines cut in mid-sentence at the width, each running on into the next, that a PDF copy shows
/// at least (the huicheng-ybj page has 52).
const MIN_WRAPS: usize = 4;
/// Paragraph ends (lines short of the page's width) a copy shows, at least, and the share of
/// them followed by an indented line, at least, for the copy to mark its paragraphs by indent
/// (the huicheng-ybj page: 11 of 11).
const MIN_PARAGRAPH_ENDS: usize = 3;
const INDENTED_SHARE: f64 = 0.75;

/// For each line of `content` (the report's lines, in source order), whether it is a wrap: the
/// next content line goes on its paragraph. `all` is every line of the page, for what stands
/// between two content lines: only page numbers may (`…药品追` / `— 1 —` / `溯码…`). Nothing is
/// a wrap unless the page is a PDF copy. A line that opens a heading (a marker, even where the
/// sentence above does not end: a line break before a heading is never undone) or is indented (a
/// PDF copy keeps the `　　` that opens a paragraph) is never the continuation of a wrap.
pub fn wraps(content: &[SourceLine<'_>], all: &[SourceLine<'_>]) -> Vec<bool> {
    let none = vec![false; content.len()];
    let Some(page) = Page::of(content) else {
        return none;
    };
    let text = content.iter().filter(|l| !has_gap(l.text));
    if share(text.clone().filter(|l| page.fits(l)).count(), text.count()) < FIT_SHARE {
        return none;
    }
    // whether the next line may go on this one's paragraph: it follows on the page, and it
    // opens neither a paragraph (an indent) nor a heading (asked only of lines at the width)
    let goes_on = |i: usize| {
        content.get(i + 1).is_some_and(|next| {
            follows(&content[i], next, all)
                && !has_gap(next.text)
                && !page.indented(next)
                && !opens_heading(next)
        })
    };
    let mut wraps: Vec<bool> = content
        .iter()
        .enumerate()
        .map(|(i, line)| page.at_width(line) && ends_mid_sentence(line.text) && goes_on(i))
        .collect();
    if wraps.iter().filter(|&&w| w).count() < MIN_WRAPS {
        return none;
    }
    if page.indents_paragraphs(content, all) {
        // a sentence that ends at the page's width goes on too, unless the next line is indented
        for (i, wrap) in wraps.iter_mut().enumerate() {
            *wrap = *wrap || (page.at_width(&content[i]) && goes_on(i));
        }
    }
    wraps
}

/// The text block a PDF copy was set in, as its lines show it.
struct Page {
    /// The right edge most lines cut in mid-sentence share (the widest of equals).
    width: usize,
    /// Where the lines at the width start, but for the indented ones.
    margin: usize,
}

impl Page {
    /// The page's text block, if its lines cut in mid-sentence are wide enough to be a PDF's.
    fn of(content: &[SourceLine<'_>]) -> Option<Page> {
        let mut cut: Vec<usize> = content
            .iter()
            .filter(|l| !has_gap(l.text) && ends_mid_sentence(l.text))
            .map(right_edge)
            .filter(|&edge| edge >= MIN_PAGE_WIDTH)
            .collect();
        cut.sort_unstable();
        let width = cut
            .chunk_by(|a, b| a == b)
            .max_by_key(|same| (same.len(), same[0]))
            .map(|same| same[0])?;
        let mut page = Page { width, margin: 0 };
        page.margin = content
            .iter()
            .filter(|l| page.at_width(l))
            .map(|l| l.column)
            .min()
            .unwrap_or(0);
        Some(page)
    }

    /// A line of running text that ends at the page's width, or about.
    fn at_width(&self, line: &SourceLine<'_>) -> bool {
        let edge = right_edge(line);
        !has_gap(line.text) && edge + SHORT_BY >= self.width && self.fits(line)
    }

    /// A line no wider than the page.
    fn fits(&self, line: &SourceLine<'_>) -> bool {
        right_edge(line) <= self.width + LONG_BY
    }

    fn indented(&self, line: &SourceLine<'_>) -> bool {
        line.column > self.margin + 1
    }

    /// Whether the copy opens its paragraphs with an indent: the line after a short one (which
    /// ends a paragraph) is indented, nearly always.
    fn indents_paragraphs(&self, content: &[SourceLine<'_>], all: &[SourceLine<'_>]) -> bool {
        let starts: Vec<&SourceLine<'_>> = content
            .windows(2)
            .filter(|pair| right_edge(&pair[0]) + SHORT_BY < self.width)
            .filter(|pair| follows(&pair[0], &pair[1], all))
            .map(|pair| &pair[1])
            .collect();
        let indented = starts.iter().filter(|l| self.indented(l)).count();
        starts.len() >= MIN_PARAGRAPH_ENDS && share(indented, starts.len()) >= INDENTED_SHARE
    }
}

/// `part` of `whole`, 0 for nothing of nothing.
fn share(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

/// The display column a line ends at in the page: its indent and its text.
fn right_edge(line: &SourceLine<'_>) -> usize {
    line.column + str_width(line.text, false)
}

/// A gap inside a line (a tab, a run of spaces, a full-width space): a table row or a web
/// page's layout, which no line of running text in a PDF holds.
fn has_gap(text: &str) -> bool {
    text.contains(['\t', '\u{3000}', '\u{a0}']) || text.contains("  ")
}

/// Whether `next` is the line after `line` on the page, or after the page numbers that stand
/// between them (blank lines around those are the page break too).
fn follows(line: &SourceLine<'_>, next: &SourceLine<'_>, all: &[SourceLine<'_>]) -> bool {
    if next.number == line.number + 1 {
        return true;
    }
    let start = all.partition_point(|l| l.number <= line.number);
    let end = all.partition_point(|l| l.number < next.number);
    let between = all.get(start..end).unwrap_or_default();
    !between.is_empty() && between.iter().all(|l| is_page_number(l.text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::source_lines;

    /// The wraps of a page's lines; its page numbers are furniture, not content.
    fn wraps_of(page: &str) -> Vec<bool> {
        let all = source_lines(page, page);
        let content: Vec<_> = all
            .iter()
            .filter(|l| !is_page_number(l.text))
            .copied()
            .collect();
        wraps(&content, &all)
    }

    /// 38 characters a line, as a PDF set in 16-point type on A4 copies out; a figure that did
    /// not fit goes to the next line whole.
    const PDF: &[&str] = &[
        "　　2025年，区交通运输局坚持交通先行，全力推进综合交通体系建设，全区公路通车",
        "里程达到612公里，新改建农村公路38.6公里，完成国省道路面大中修工程12.4公里，",
        "公交线网优化调整线路26条，新增和优化公交站点148个，全年完成交通固定资产投资",
        "46.8亿元，同比增长7.2%，江门大道扩建工程主线贯通，滨江新城综合交通枢纽开工建",
        "设，农村公路“路长制”实现全覆盖，建成“四好农村路”示范路段5条，创建市级美丽农",
        "村路42公里，交通运输安全生产形势总体平稳，全年未发生较大及以上安全生产事故。",
        "　　一、2025年工作开展情况",
    ];

    /// The page with `line` (an index of [`PDF`]) changed by `edit`.
    fn edited(line: usize, edit: impl Fn(&str) -> String) -> String {
        let lines: Vec<String> = PDF
            .iter()
            .enumerate()
            .map(|(i, l)| if i == line { edit(l) } else { l.to_string() })
            .collect();
        lines.join("\n")
    }

    const T: bool = true;
    const F: bool = false;

    #[test]
    fn a_pdf_copy_wraps_its_lines_and_a_web_page_does_not() {
        assert_eq!(wraps_of(&PDF.join("\n")), [T, T, T, T, T, F, F]);
        // the same paragraph on one line, as web pages have it
        let web: String = PDF[..6].iter().map(|l| l.trim()).collect();
        assert_eq!(wraps_of(&format!("{web}\n{}", PDF[6])), [F, F]);
    }

    #[test]
    fn a_page_number_between_two_lines_of_a_paragraph_does_not_end_it() {
        let page = edited(1, |l| format!("{l}\n\n— 1 —\n"));
        assert_eq!(wraps_of(&page), [T, T, T, T, T, F, F]);
        // a blank line alone is a paragraph break
        let page = edited(1, |l| format!("{l}\n"));
        assert_eq!(wraps_of(&page), [T, F, T, T, T, F, F]);
    }

    #[test]
    fn a_line_that_opens_a_marker_or_an_indent_goes_on_no_wrap() {
        let page = edited(5, |l| l.replacen("村路", "（二）", 1));
        assert_eq!(wraps_of(&page), [T, T, T, T, F, F, F]);
        let page = edited(4, |l| format!("　　{l}"));
        assert_eq!(wraps_of(&page), [T, T, T, F, T, F, F]);
    }

    #[test]
    fn a_sentence_ending_at_the_page_width_goes_on_where_paragraphs_are_indented() {
        // the second line ends its sentence at the page's width
        let first = edited(1, |l| l.replace("12.4公里，", "12.4公里。"));
        let others = PDF.join("\n");
        let page = [first.as_str(), &others, &others, &others].join("\n");
        let mut expected = [T, T, T, T, T, F, F].repeat(4);
        assert_eq!(wraps_of(&page), expected);
        // with the indents lost, nothing tells it from a paragraph's end
        let flush = page.replace('\u{3000}', "");
        expected[1] = F;
        assert_eq!(wraps_of(&flush), expected);
    }

    #[test]
    fn headings_over_paragraphs_wider_than_they_are_no_pdf_copy() {
        // a web page: headings of one width that end in mid-sentence, each over a paragraph
        let heading = "（一）坚持改革创新，全面推进综合交通体系建设提质增效";
        let paragraph = PDF[..6].concat().replace('\u{3000}', "");
        let page = vec![format!("{heading}\n{paragraph}"); 5].join("\n");
        assert_eq!(wraps_of(&page), [F; 10]);
    }

    #[test]
    fn too_few_cut_lines_are_no_pdf_copy() {
        let page =
            edited(1, |l| l.replace("公里，", "公里。")).replacen("开工建\n", "开工建。\n", 1);
        assert_eq!(wraps_of(&page), [F; 7]);
    }
}
