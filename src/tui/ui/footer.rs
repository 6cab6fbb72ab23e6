//! The footer line: where you are, the position, and key hints from the keymap table itself.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::draw::{draw_pieces, fill, truncate, truncate_start};
use crate::present::labels;
use crate::text::wrap::str_width;
use crate::tui::action::hints;
use crate::tui::app::App;
use crate::tui::layout::cells;

/// Draws `location` on the left and `position` plus the key hints (or the search field, or a
/// message) on the right.
pub fn render(app: &App, location: &str, position: &str, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let theme = &app.theme;
    let wide = app.ambiguous_wide;
    fill(buf, area, theme.footer);
    let search = app.reader.as_ref().map(|r| &r.search);
    let note = app.audit.as_ref().and_then(|a| a.note_input.as_deref());
    let field = match (note, search.filter(|s| s.editing)) {
        (Some(note), _) => Some(labels::note_field(note)),
        (None, Some(search)) => {
            let count = match search.hits.len() {
                0 if search.query.is_empty() => String::new(),
                0 => labels::NO_HITS.to_string(),
                n => format!("  {}/{n}", search.current.map_or(0, |c| c + 1)),
            };
            Some(format!("/{}▏{count}", search.query))
        }
        (None, None) => None,
    };
    if let Some(field) = field {
        // typing: the whole line is the field; its end (and the cursor) always shows
        let width = usize::from(area.width);
        let with_hints = format!("{field}   {}", hints(app.context()).join("  "));
        let line = if str_width(&with_hints, wide) <= width {
            with_hints
        } else {
            truncate_start(&field, width, wide)
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
    let right = if let Some(message) = &app.message {
        message.clone()
    } else {
        let hits = search
            .filter(|s| !s.hits.is_empty())
            .map(|s| {
                format!(
                    "“{}” {}/{}  ",
                    s.query,
                    s.current.map_or(0, |c| c + 1),
                    s.hits.len()
                )
            })
            .unwrap_or_default();
        format!("{hits}{position}  {}", hints(app.context()).join("  "))
    };
    // the location keeps up to two fifths of the line; the rest goes to position and hints
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
