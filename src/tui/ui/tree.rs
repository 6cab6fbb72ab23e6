//! The section tree: one row per visible block, indented, foldable, following the reader.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::draw::{draw_pieces, pane};
use crate::present::labels;
use crate::tui::app::{App, Focus, ReaderState, visible_rows};
use crate::tui::layout::cells;

pub fn render(app: &App, reader: &ReaderState, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let wide = app.ambiguous_wide;
    let focused = reader.focus == Focus::Tree;
    let list = pane(app, labels::TREE_TITLE, focused, area, buf);
    let marks = app.current_bookmarks();
    let rows = visible_rows(reader);
    for (row, &index) in rows
        .iter()
        .skip(reader.tree_offset)
        .take(usize::from(list.height))
        .enumerate()
    {
        let block = &reader.doc.blocks[index];
        let fold = match (block.has_children, reader.open[index]) {
            (false, _) => "  ",
            (true, true) => "▾ ",
            (true, false) => "▸ ",
        };
        let bookmarked = marks.contains(&block.id);
        let indent = "  ".repeat(block.depth);
        let prefix = format!("{indent}{fold}{}", if bookmarked { "*" } else { "" });
        let style = if index == reader.selected {
            if focused {
                theme.selected
            } else {
                theme.selected.add_modifier(ratatui::style::Modifier::DIM)
            }
        } else if block.depth == 0 {
            theme.heading
        } else {
            theme.base
        };
        let y = list.y + cells(row);
        if index == reader.selected {
            super::draw::fill(buf, Rect::new(list.x, y, list.width, 1), style);
        }
        draw_pieces(
            buf,
            list.x,
            y,
            list.width,
            &[(&prefix, style), (&block.label, style)],
            wide,
        );
    }
}
