//! The footer line: where you are, the position, and key hints from the keymap table itself.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Ctx;
use super::draw::{draw_pieces, fill, truncate, truncate_start};
use crate::present::labels;
use crate::text::wrap::str_width;
use crate::tui::action::hints;
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
        let with_hints = format!("{field}   {}", hints(ctx.context).join("  "));
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
    let right = match ctx.message {
        Some(message) => message.to_string(),
        None => format!(
            "{}{}  {}",
            footer.status,
            footer.position,
            hints(ctx.context).join("  ")
        ),
    };
    // the location keeps up to two fifths of the line; the rest goes to position and hints
    let location = footer.location;
    let width = usize::from(area.width);
    let location_budget = str_width(location, wide).min(width * 2 / 5);
    let right = truncate(&right, width.saturating_sub(location_budget + 1), wide);
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
