//! The side-by-side comparison: pair counts, then both sides row by row (stacked on narrow
//! terminals), differences highlighted on the lines `text::wrap` made.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::Ctx;
use super::draw::{draw_pieces, fill, layer, pane};
use super::footer::{self, Footer, search_field, search_status};
use crate::compare::align::Column;
use crate::present::comparison::PairRow;
use crate::present::labels;
use crate::text::wrap::{self, styled_pieces};
use crate::tui::layout::body_and_footer;
use crate::tui::screens::compare::{CompareScreen, GUTTER, Row, Side};

pub fn render(ctx: &Ctx, compare: &CompareScreen, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let wide = ctx.ambiguous_wide;
    let (body, footer_area) = body_and_footer(area);
    if body.height == 0 {
        return;
    }
    let header = compare.doc.counts_line();
    let (left_title, right_title) = compare.titles();
    fill(buf, Rect::new(body.x, body.y, body.width, 1), theme.heading);
    draw_pieces(
        buf,
        body.x,
        body.y,
        body.width,
        &[(&header, theme.heading)],
        wide,
    );
    let panes = Rect::new(body.x, body.y + 1, body.width, body.height - 1);
    let rows = compare.layout.rows.iter().skip(compare.scroll);
    if compare.layout.stacked {
        let title = format!(" < {left_title}  ⇄  > {right_title} ");
        let inside = pane(ctx, &title, true, panes, buf);
        for (y, row) in (inside.y..inside.bottom()).zip(rows) {
            draw_stacked_row(
                ctx,
                compare,
                row,
                Rect::new(inside.x, y, inside.width, 1),
                buf,
            );
        }
    } else {
        let half = panes.width / 2;
        let left = pane(
            ctx,
            &format!(" {left_title} "),
            true,
            Rect::new(panes.x, panes.y, half, panes.height),
            buf,
        );
        let right_area = Rect::new(panes.x + half, panes.y, panes.width - half, panes.height);
        let right = pane(ctx, &format!(" {right_title} "), true, right_area, buf);
        for ((y, row), _) in (left.y..left.bottom()).zip(rows).zip(0..) {
            draw_side_row(
                ctx,
                compare,
                row,
                Rect::new(left.x, y, left.width, 1),
                Rect::new(right.x, y, right.width, 1),
                buf,
            );
        }
    }
    let top = compare.pair_at(compare.scroll).map_or(0, |p| p + 1);
    let position = format!("{top}/{}", compare.doc.rows.len());
    let location = format!("{left_title} ⇄ {right_title}");
    let footer = Footer {
        location: &location,
        position: &position,
        status: search_status(&compare.search),
        field: search_field(&compare.search),
    };
    footer::render(ctx, &footer, footer_area, buf);
}

/// The label of a pair on each side: id and marker, and on the right the score and any move.
fn pair_labels(pair: &PairRow) -> (String, String) {
    let label = |side: Column| {
        pair.side(side)
            .map_or(labels::NO_COUNTERPART.to_string(), |n| n.label())
    };
    let mut right = label(Column::Right);
    if let Some(score) = pair.score() {
        right.push_str(&format!("  {score}"));
    }
    for note in [pair.moved_note(), pair.subject_note()]
        .into_iter()
        .flatten()
    {
        right.push_str(&format!("  {note}"));
    }
    (label(Column::Left), right)
}

fn draw_side_row(
    ctx: &Ctx,
    compare: &CompareScreen,
    row: &Row,
    left: Rect,
    right: Rect,
    buf: &mut Buffer,
) {
    let theme = ctx.theme;
    match row {
        Row::Label { pair } => {
            let row = &compare.doc.rows[*pair];
            let (l, r) = pair_labels(row);
            let style = |empty: bool| if empty { theme.dim } else { theme.marker };
            draw_pieces(
                buf,
                left.x,
                left.y,
                left.width,
                &[(&l, style(row.left.is_none()))],
                ctx.ambiguous_wide,
            );
            draw_pieces(
                buf,
                right.x,
                right.y,
                right.width,
                &[(&r, style(row.right.is_none()))],
                ctx.ambiguous_wide,
            );
        }
        Row::Text {
            pair,
            left: l,
            right: r,
            ..
        } => {
            if let Some(line) = l {
                draw_text(ctx, compare, *pair, Column::Left, line, left, buf);
            }
            if let Some(line) = r {
                draw_text(ctx, compare, *pair, Column::Right, line, right, buf);
            }
        }
        Row::Blank => {}
    }
}

fn draw_stacked_row(ctx: &Ctx, compare: &CompareScreen, row: &Row, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let gutter = GUTTER;
    match row {
        Row::Label { pair } => {
            let (l, r) = pair_labels(&compare.doc.rows[*pair]);
            let text = format!("< {l}  > {r}");
            draw_pieces(
                buf,
                area.x,
                area.y,
                area.width,
                &[(&text, theme.marker)],
                ctx.ambiguous_wide,
            );
        }
        Row::Text {
            pair,
            side,
            left,
            right,
        } => {
            let text_area = Rect::new(
                area.x + gutter.min(area.width),
                area.y,
                area.width.saturating_sub(gutter),
                1,
            );
            let (mark, line, column) = match side {
                Side::Right => ("> ", right, Column::Right),
                Side::Left | Side::Both => ("< ", left, Column::Left),
            };
            draw_pieces(
                buf,
                area.x,
                area.y,
                gutter.min(area.width),
                &[(mark, theme.dim)],
                ctx.ambiguous_wide,
            );
            if let Some(line) = line {
                draw_text(ctx, compare, *pair, column, line, text_area, buf);
            }
        }
        Row::Blank => {}
    }
}

/// One wrapped line of one side of a pair: what differs from the other side marked, the search
/// hits drawn over it.
fn draw_text(
    ctx: &Ctx,
    compare: &CompareScreen,
    pair: usize,
    side: Column,
    line: &wrap::Line,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = ctx.theme;
    let Some(node) = compare.doc.rows.get(pair).and_then(|p| p.side(side)) else {
        return;
    };
    let (text, marks) = (&node.shown, &node.marks);
    let changed = match side {
        Column::Left => theme.removed,
        Column::Right => theme.added,
    };
    let on_line = |r: &Range<usize>| r.start < line.range.end && r.end > line.range.start;
    let marks: Vec<(Range<usize>, Style)> = marks
        .iter()
        .filter(|r| on_line(r))
        .map(|r| (r.clone(), changed))
        .collect();
    let current = compare.search.current_hit();
    let hits: Vec<(Range<usize>, Style)> = compare
        .search
        .hits
        .iter()
        .filter(|h| h.pair == pair && h.side == side && on_line(&h.range))
        .map(|h| {
            let style = if Some(h) == current {
                theme.current_hit
            } else {
                theme.hit
            };
            (h.range.clone(), style)
        })
        .collect();
    let styles = layer(&marks, &hits);
    let pieces = styled_pieces(text, line, &styles, theme.base);
    draw_pieces(buf, area.x, area.y, area.width, &pieces, ctx.ambiguous_wide);
}
