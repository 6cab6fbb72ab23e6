//! The section tree: one row per visible block, indented, foldable, following the reader.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Ctx;
use super::draw::{draw_pieces, pane};
use crate::present::labels;
use crate::tui::layout::cells;
use crate::tui::screens::reader::{Focus, ReaderScreen};

pub fn render(ctx: &Ctx, reader: &ReaderScreen, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let wide = ctx.ambiguous_wide;
    let focused = reader.focus == Focus::Tree;
    let list = pane(ctx, labels::TREE_TITLE, focused, area, buf);
    let marks: &[String] = ctx.bookmarks.get(&reader.source).map_or(&[], Vec::as_slice);
    let rows = reader.visible_rows();
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
