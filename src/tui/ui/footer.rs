//! The footer line: where you are, the position, and key hints from the keymap table itself;
//! short of room, the hints of the highest rank go first, and `? 帮助` never does.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Ctx;
use super::draw::{draw_pieces, fill, truncate, truncate_start};
use crate::present::labels;
use crate::text::wrap::str_width;
use crate::tui::action::{Hint, hints};
use crate::tui::layout::cells;
use crate::tui::search::Search;

/// What a screen puts in its footer.
#[derive(Debug, Default)]
pub struct Footer<'a> {
    /// Where you are (report, section path …), on the left.
    pub location: &'a str,
    /// How far along (`59/181 43%`, `3/21`), on the right before the hints.
    pub position: &'a str,
    /// Before the position: the kept search and its hit count.
    pub status: String,
    /// A text being typed (the search query, a note): the whole line, with its cursor.
    pub field: Option<String>,
}

/// The search field while the query is typed: `/数据▏  3/41`.
pub fn search_field<H>(search: &Search<H>) -> Option<String> {
    if !search.editing {
        return None;
    }
    let count = match search.hits.len() {
        0 if search.query.is_empty() => String::new(),
        0 => labels::NO_HITS.to_string(),
        n => format!("  {}/{n}", search.current.map_or(0, |c| c + 1)),
    };
    Some(format!("/{}▏{count}", search.query))
}

/// The kept search before the position: `“数据” 3/41  `.
pub fn search_status<H>(search: &Search<H>) -> String {
    if search.hits.is_empty() {
        return String::new();
    }
    format!(
        "“{}” {}/{}  ",
        search.query,
        search.current.map_or(0, |c| c + 1),
        search.hits.len()
    )
}

/// Draws the location on the left and the position plus the key hints (or a message) on the
/// right; a field being typed takes the whole line.
pub fn render(ctx: &Ctx, footer: &Footer, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let theme = ctx.theme;
    let wide = ctx.ambiguous_wide;
    fill(buf, area, theme.footer);
    if let Some(field) = &footer.field {
        // typing: the whole line is the field; its end (and the cursor) always shows
        let width = usize::from(area.width);
        let texts: Vec<&str> = hints(ctx.context).iter().map(|h| h.text).collect();
        let with_hints = format!("{field}   {}", texts.join("  "));
        let line = if str_width(&with_hints, wide) <= width {
            with_hints
        } else {
            truncate_start(field, width, wide)
        };
        draw_pieces(
            buf,
            area.x,
            area.y,
            area.width,
            &[(&line, theme.footer)],
            wide,
        );
        return;
    }
    // the message, or the search and the position; then the hints that fit
    let info = match ctx.message {
        Some(message) => message.to_string(),
        None => format!("{}{}", footer.status, footer.position),
    };
    // the location keeps up to two fifths of the line, less when the essential hints need it
    let location = footer.location;
    let width = usize::from(area.width);
    let all = hints(ctx.context);
    let essential = joined_width(all.iter().filter(|h| h.rank == 0), wide);
    let location_budget = str_width(location, wide).min(width * 2 / 5);
    let budget = width
        .saturating_sub(location_budget + 1)
        .max(essential.min(width));
    let right = right_side(&info, &all, budget, wide);
    let right_width = str_width(&right, wide);
    let left_width = width.saturating_sub(right_width + 1);
    let left = truncate(location, left_width, wide);
    draw_pieces(
        buf,
        area.x,
        area.y,
        cells(left_width),
        &[(&left, theme.footer)],
        wide,
    );
    let x = area.x + cells(width - right_width);
    draw_pieces(
        buf,
        x,
        area.y,
        cells(right_width),
        &[(&right, theme.footer)],
        wide,
    );
}

/// Hints joined by two blanks: their width.
fn joined_width<'a>(hints: impl Iterator<Item = &'a Hint>, wide: bool) -> usize {
    hints
        .map(|h| str_width(h.text, wide) + 2)
        .sum::<usize>()
        .saturating_sub(2)
}

/// The right side of the footer in `budget` cells: `info`, cut to leave room for the rank-0
/// hints, then as many hints as fit, taken by rank (table order among equals) and shown in
/// table order.
fn right_side(info: &str, hints: &[Hint], budget: usize, wide: bool) -> String {
    let essential = joined_width(hints.iter().filter(|h| h.rank == 0), wide);
    let gap = if info.is_empty() || essential == 0 {
        0
    } else {
        2
    };
    let info = truncate(info, budget.saturating_sub(essential + gap), wide);
    let mut used = str_width(&info, wide);
    let mut order: Vec<usize> = (0..hints.len()).collect();
    order.sort_by_key(|&i| hints[i].rank);
    let mut shown = vec![false; hints.len()];
    for i in order {
        let cost = str_width(hints[i].text, wide) + if used == 0 { 0 } else { 2 };
        if used + cost > budget {
            break;
        }
        used += cost;
        shown[i] = true;
    }
    let chosen: Vec<&str> = hints
        .iter()
        .zip(&shown)
        .filter(|&(_, &s)| s)
        .map(|(h, _)| h.text)
        .collect();
    let mut right = info;
    if !chosen.is_empty() {
        if !right.is_empty() {
            right.push_str("  ");
        }
        right.push_str(&chosen.join("  "));
    }
    // only when even the essential hints do not fit the line
    truncate(&right, budget, wide)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Context;

    #[test]
    fn short_of_room_the_footer_drops_hints_by_rank_and_keeps_the_help() {
        let reader = hints(Context::Reader);
        let all = right_side("59/181 43%", &reader, 200, false);
        assert!(all.ends_with("? 帮助  q 返回"), "{all}");
        let some = right_side("59/181 43%", &reader, 60, false);
        for kept in ["d 比较", "a 审计", "/ 搜索", "? 帮助", "q 返回"] {
            assert!(some.contains(kept), "{kept} in {some}");
        }
        assert!(!some.contains("h/l 折叠"), "{some}");
        assert!(str_width(&some, false) <= 60);
        let message = right_side(
            "已加书签: 一、2024年工作总结 (一)坚持多维发力",
            &reader,
            30,
            false,
        );
        assert!(message.ends_with("  ? 帮助"), "{message}");
        assert!(message.contains('…'), "{message}");
        assert_eq!(right_side("", &reader, 6, false), "? 帮助");
        assert!(str_width(&right_side("1/2", &reader, 3, false), false) <= 3);
    }
}
