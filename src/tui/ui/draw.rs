//! Putting styled text into the buffer cell by cell, by display width: never past the given
//! width, wide characters whole, ambiguous characters drawn 2 cells wide when the terminal does.

use std::ops::Range;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use unicode_width::UnicodeWidthChar;

use ratatui::widgets::{Block, Widget};

use super::Ctx;
use crate::text::wrap::{char_width, str_width};
use crate::tui::layout::{cells, inner};

/// Draws `pieces` on row `y` from column `x`, at most `width` cells. Returns the cells used.
/// Pieces wider than that are cut with … (in the style of the piece cut), so a cut always shows.
///
/// In ambiguous-wide mode an ambiguous character (“ ” × · — …) is counted 2 cells, as the
/// terminal draws it: its cell is marked 2 wide so ratatui skips the next cell and moves the
/// cursor past both, keeping every later column where ratatui thinks it is.
pub fn draw_pieces(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    width: u16,
    pieces: &[(&str, Style)],
    ambiguous_wide: bool,
) -> u16 {
    let area = buf.area;
    if y < area.y || y >= area.bottom() {
        return 0;
    }
    let limit = x.saturating_add(width).min(area.right());
    let room = usize::from(limit.saturating_sub(x));
    let total: usize = pieces
        .iter()
        .map(|(text, _)| str_width(text, ambiguous_wide))
        .sum();
    let ellipsis = cells(char_width('…', ambiguous_wide));
    // when cut, the text stops short of the limit by the ellipsis
    let stop = if total > room {
        limit.saturating_sub(ellipsis)
    } else {
        limit
    };
    let mut col = x;
    for (text, style) in pieces {
        for c in text.chars() {
            let w = cells(char_width(c, ambiguous_wide));
            if w == 0 {
                continue; // zero-width characters have no cell of their own
            }
            if col + w > stop {
                if col + ellipsis <= limit
                    && put(buf, col, y, '…', ellipsis, *style, ambiguous_wide)
                {
                    col += ellipsis;
                }
                return col - x;
            }
            if !put(buf, col, y, c, w, *style, ambiguous_wide) {
                return col - x;
            }
            col += w;
        }
    }
    col - x
}

/// Puts one character `w` cells wide at (`col`, `y`); false when the cell is off the buffer.
fn put(buf: &mut Buffer, col: u16, y: u16, c: char, w: u16, style: Style, wide: bool) -> bool {
    let Some(cell) = buf.cell_mut((col, y)) else {
        return false;
    };
    let c = if wide { wide_quote(c) } else { c };
    cell.set_char(if c == '\t' { ' ' } else { c })
        .set_style(style);
    if w == 2
        && c.width() == Some(1)
        && let Some(two) = std::num::NonZeroU16::new(2)
    {
        cell.set_diff_option(CellDiffOption::ForcedWidth(two));
    }
    if w == 2
        && let Some(next) = buf.cell_mut((col + 1, y))
    {
        next.reset();
        next.set_style(style);
    }
    true
}

/// In ambiguous-wide mode the curly quotes are drawn as corner brackets (「」『』, the quotes of
/// traditional typesetting), which every terminal draws two cells wide: they line up whatever
/// the terminal does with ambiguous characters.
fn wide_quote(c: char) -> char {
    match c {
        '“' => '「',
        '”' => '」',
        '‘' => '『',
        '’' => '』',
        _ => c,
    }
}

/// A string cut to `width` cells, with … when cut.
pub fn truncate(text: &str, width: usize, ambiguous_wide: bool) -> String {
    let total: usize = text.chars().map(|c| char_width(c, ambiguous_wide)).sum();
    if total <= width {
        return text.to_string();
    }
    let ellipsis = char_width('…', ambiguous_wide);
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c, ambiguous_wide);
        if used + w + ellipsis > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if used + ellipsis <= width {
        out.push('…');
    }
    out
}

/// A string cut to its last `width` cells, with … in front when cut (for text being typed).
pub fn truncate_start(text: &str, width: usize, ambiguous_wide: bool) -> String {
    let reversed: String = text.chars().rev().collect();
    truncate(&reversed, width, ambiguous_wide)
        .chars()
        .rev()
        .collect()
}

/// `top` ranges drawn over `bottom` ranges: the result is sorted and non-overlapping.
pub fn layer(
    bottom: &[(Range<usize>, Style)],
    top: &[(Range<usize>, Style)],
) -> Vec<(Range<usize>, Style)> {
    let mut out: Vec<(Range<usize>, Style)> = Vec::new();
    for (range, style) in bottom {
        let mut start = range.start;
        for (hit, _) in top
            .iter()
            .filter(|(h, _)| h.start < range.end && h.end > range.start)
        {
            if hit.start > start {
                out.push((start..hit.start, *style));
            }
            start = start.max(hit.end);
        }
        if start < range.end {
            out.push((start..range.end, *style));
        }
    }
    out.extend(top.iter().cloned());
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// Fills a row segment with a style (blank cells).
pub fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.reset();
                cell.set_style(style);
            }
        }
    }
}

/// Before a popup is drawn over `area`: a wide character whose right half the popup covers
/// would make ratatui skip the popup's first cell (ratatui #2526); blank it.
pub fn clear_straddled(buf: &mut Buffer, area: Rect) {
    for y in area.top()..area.bottom() {
        if area.x > buf.area.x
            && let Some(cell) = buf.cell_mut((area.x - 1, y))
            && cell
                .symbol()
                .chars()
                .next()
                .is_some_and(|c| c.width() == Some(2))
        {
            cell.reset();
        }
        // a wide character in the popup's last column would spill one cell past it
        let right = area.right();
        if right < buf.area.right()
            && let Some(cell) = buf.cell_mut((right - 1, y))
            && cell
                .symbol()
                .chars()
                .next()
                .is_some_and(|c| c.width() == Some(2))
            && let Some(next) = buf.cell_mut((right, y))
        {
            next.reset();
            next.set_diff_option(CellDiffOption::AlwaysUpdate);
        }
    }
}

/// A bordered pane with a title (cut to fit), highlighted when focused; returns its inside.
pub fn pane(ctx: &Ctx, title: &str, focused: bool, area: Rect, buf: &mut Buffer) -> Rect {
    let theme = ctx.theme;
    Block::bordered()
        .border_set(border_set(ctx.ambiguous_wide))
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title(truncate(
            title,
            usize::from(area.width.saturating_sub(2)),
            ctx.ambiguous_wide,
        ))
        .style(theme.base)
        .render(area, buf);
    inner(area)
}

/// Box-drawing characters are ambiguous width: terminals that draw those wide get ASCII borders.
pub fn border_set(ambiguous_wide: bool) -> border::Set<'static> {
    if ambiguous_wide {
        border::Set {
            top_left: "+",
            top_right: "+",
            bottom_left: "+",
            bottom_right: "+",
            vertical_left: "|",
            vertical_right: "|",
            horizontal_top: "-",
            horizontal_bottom: "-",
        }
    } else {
        border::PLAIN
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn wide_characters_never_pass_the_width_and_a_cut_shows() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        let used = draw_pieces(&mut buf, 0, 0, 5, &[("数据要素", Style::new())], false);
        assert_eq!(
            used, 5,
            "the third character would need cells 5-6: … instead"
        );
        assert_eq!(buf[(4, 0)].symbol(), "…");
        assert_eq!(buf[(5, 0)].symbol(), " ");
        // a cut in the second piece: … in its style
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        let bold = Style::new().add_modifier(Modifier::BOLD);
        draw_pieces(
            &mut buf,
            0,
            0,
            7,
            &[("▸ ", Style::new()), ("光明区政务", bold)],
            false,
        );
        assert_eq!(buf[(4, 0)].symbol(), "明");
        assert_eq!(buf[(6, 0)].symbol(), "…");
        assert!(
            buf[(6, 0)].modifier.contains(Modifier::BOLD),
            "in the cut piece's style"
        );
        // what fits exactly is not cut; an ambiguous-wide … takes two cells
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        assert_eq!(
            draw_pieces(&mut buf, 0, 0, 4, &[("数据", Style::new())], false),
            4
        );
        assert_eq!(
            draw_pieces(&mut buf, 0, 0, 5, &[("数据要", Style::new())], true),
            4
        );
        assert_eq!(buf[(2, 0)].symbol(), "…");
        // no room even for …: nothing
        assert_eq!(
            draw_pieces(&mut buf, 0, 0, 1, &[("数", Style::new())], true),
            0
        );
    }

    #[test]
    fn ambiguous_wide_mode_marks_quotes_two_cells_wide() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        let used = draw_pieces(&mut buf, 0, 0, 10, &[("“数”×", Style::new())], true);
        assert_eq!(used, 8);
        assert_eq!(
            buf[(0, 0)].symbol(),
            "「",
            "quotes become brackets every terminal draws wide"
        );
        assert_eq!(buf[(2, 0)].symbol(), "数");
        assert_eq!(buf[(4, 0)].symbol(), "」");
        assert_eq!(buf[(6, 0)].symbol(), "×");
    }

    #[test]
    fn hits_are_drawn_over_marks() {
        let mark = Style::new().fg(ratatui::style::Color::Red);
        let hit = Style::new().bg(ratatui::style::Color::Yellow);
        let got = layer(&[(0..10, mark)], &[(3..5, hit)]);
        assert_eq!(got, vec![(0..3, mark), (3..5, hit), (5..10, mark)]);
    }

    #[test]
    fn truncation_by_width() {
        assert_eq!(truncate("光明区政务服务", 7, false), "光明区…");
        assert_eq!(truncate("光明", 4, false), "光明");
        assert_eq!(truncate("光明", 1, false), "…");
        assert_eq!(truncate_start("备注: 已核对台账", 9, false), "…核对台账");
    }

    #[test]
    fn popup_edges_do_not_cut_wide_characters() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        draw_pieces(&mut buf, 0, 0, 8, &[("数据要素", Style::new())], false);
        clear_straddled(&mut buf, Rect::new(3, 0, 3, 1));
        assert_eq!(
            buf[(2, 0)].symbol(),
            " ",
            "据 straddled the popup's left edge"
        );
        assert_eq!(buf[(0, 0)].symbol(), "数");
    }
}
