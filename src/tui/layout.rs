//! Where each pane goes for a terminal size: one function used both by rendering and by `update`
//! (page sizes, wrap width, mouse hit-testing), so they always agree. Pure arithmetic: no state,
//! no drawing.

use ratatui::layout::{Constraint, Layout, Position, Rect};

use super::screens::reader::Focus;

/// Below this width the tree and the reader do not fit side by side: only the focused one shows.
pub const SIDE_BY_SIDE_MIN_WIDTH: u16 = 60;

/// A count of cells or rows as a screen coordinate. What is counted is on screen, so below the
/// terminal's size (a `u16`); anything larger saturates instead of wrapping around.
pub fn cells(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// The panes of the reader screen. A pane too small to show is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderAreas {
    pub tree: Option<Rect>,
    pub reader: Option<Rect>,
    pub footer: Rect,
}

/// Splits the screen into body and a one-row footer (no footer below 2 rows).
pub fn body_and_footer(area: Rect) -> (Rect, Rect) {
    if area.height < 2 {
        return (area, Rect::new(area.x, area.y + area.height, area.width, 0));
    }
    let [body, footer] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    (body, footer)
}

pub fn reader_areas(area: Rect, focus: Focus) -> ReaderAreas {
    let (body, footer) = body_and_footer(area);
    if body.width < SIDE_BY_SIDE_MIN_WIDTH {
        let (tree, reader) = match focus {
            Focus::Tree => (Some(body), None),
            Focus::Reader => (None, Some(body)),
        };
        return ReaderAreas {
            tree,
            reader,
            footer,
        };
    }
    let tree_width = (body.width / 3).clamp(24, 48);
    let [tree, reader] = body.layout(&Layout::horizontal([
        Constraint::Length(tree_width),
        Constraint::Fill(1),
    ]));
    ReaderAreas {
        tree: Some(tree),
        reader: Some(reader),
        footer,
    }
}

/// The inside of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    Rect::new(
        area.x.saturating_add(1),
        area.y.saturating_add(1),
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    )
}

/// The row, counted from the top of a pane's inside, that a screen position falls on.
pub fn row_in(area: Rect, column: u16, row: u16) -> Option<usize> {
    let inside = inner(area);
    inside
        .contains(Position::new(column, row))
        .then(|| usize::from(row - inside.y))
}

/// The first row a list of `height` rows shows so that row `selected` is visible (the picker
/// draws with it and mouse clicks are mapped with it).
pub fn list_offset(selected: usize, height: u16) -> usize {
    (selected + 1).saturating_sub(usize::from(height).max(1))
}

/// A popup centred in `area`, at most `width` × `height`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_show_both_panes_narrow_ones_the_focused_pane() {
        let wide = reader_areas(Rect::new(0, 0, 100, 30), Focus::Tree);
        assert!(wide.tree.is_some() && wide.reader.is_some());
        assert_eq!(wide.footer, Rect::new(0, 29, 100, 1));
        let narrow = reader_areas(Rect::new(0, 0, 41, 20), Focus::Reader);
        assert_eq!(
            (narrow.tree, narrow.reader),
            (None, Some(Rect::new(0, 0, 41, 19)))
        );
    }

    #[test]
    fn tiny_screens_have_no_negative_areas() {
        for (w, h) in [(0, 0), (1, 1), (2, 2), (3, 1)] {
            let areas = reader_areas(Rect::new(0, 0, w, h), Focus::Reader);
            let reader = areas.reader.unwrap_or_default();
            assert!(reader.width <= w && reader.height <= h);
            assert!(inner(reader).width <= w);
        }
    }
}
