//! The side-by-side comparison: pair counts, then both sides row by row (stacked on narrow
//! terminals), differences highlighted on the lines `text::wrap` made.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::Ctx;
use super::draw::{draw_pieces, fill, pane};
use super::footer::{self, Footer};
use crate::present::labels;
use crate::text::wrap::{self, styled_pieces};
use crate::tui::layout::body_and_footer;
use crate::tui::screens::compare::{CompareScreen, GUTTER, PairView, Row, Side};

pub fn render(ctx: &Ctx, compare: &CompareScreen, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let wide = ctx.ambiguous_wide;
    let (body, footer_area) = body_and_footer(area);
    if body.height == 0 {
        return;
    }
    let header = labels::pair_counts(&compare.counts);
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
        let title = format!(" < {}  ⇄  > {} ", compare.left_title, compare.right_title);
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
            &format!(" {} ", compare.left_title),
            true,
            Rect::new(panes.x, panes.y, half, panes.height),
            buf,
        );
        let right_area = Rect::new(panes.x + half, panes.y, panes.width - half, panes.height);
        let right = pane(
            ctx,
            &format!(" {} ", compare.right_title),
            true,
            right_area,
            buf,
        );
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
    let position = format!("{top}/{}", compare.pairs.len());
    let location = format!("{} ⇄ {}", compare.left_title, compare.right_title);
    let footer = Footer {
        location: &location,
        position: &position,
        ..Footer::default()
    };
    footer::render(ctx, &footer, footer_area, buf);
}

/// The label of a pair on one side: marker, id, and on the right the score and any move.
fn pair_labels(pair: &PairView) -> (String, String) {
    let missing = labels::NO_COUNTERPART.to_string();
    let left = if pair.left_label.is_empty() {
        missing.clone()
    } else {
        pair.left_label.clone()
    };
    let mut right = if pair.right_label.is_empty() {
        missing
    } else {
        pair.right_label.clone()
    };
    if pair.pair.left.is_some() && pair.pair.right.is_some() {
        right.push_str(&format!("  {:.2}", pair.pair.score));
    }
    if pair.pair.moved {
        let from = pair.pair.moved_from.as_deref().unwrap_or("");
        right.push_str(&format!("  {} {from}", labels::MOVED_FROM));
    }
    (left, right)
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
            let (l, r) = pair_labels(&compare.pairs[*pair]);
            let style = |empty: bool| if empty { theme.dim } else { theme.marker };
            draw_pieces(
                buf,
                left.x,
                left.y,
                left.width,
                &[(&l, style(compare.pairs[*pair].left_label.is_empty()))],
                ctx.ambiguous_wide,
            );
            draw_pieces(
                buf,
                right.x,
                right.y,
                right.width,
                &[(&r, style(compare.pairs[*pair].right_label.is_empty()))],
                ctx.ambiguous_wide,
            );
        }
        Row::Text {
            pair,
            left: l,
            right: r,
            ..
        } => {
            let p = &compare.pairs[*pair];
            if let Some(line) = l {
                draw_text(
                    ctx,
                    &p.left_text,
                    line,
                    &p.left_marks,
                    theme.removed,
                    left,
                    buf,
                );
            }
            if let Some(line) = r {
                draw_text(
                    ctx,
                    &p.right_text,
                    line,
                    &p.right_marks,
                    theme.added,
                    right,
                    buf,
                );
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
            let (l, r) = pair_labels(&compare.pairs[*pair]);
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
            let p = &compare.pairs[*pair];
            let text_area = Rect::new(
                area.x + gutter.min(area.width),
                area.y,
                area.width.saturating_sub(gutter),
                1,
            );
            let (mark, line, text, marks, style) = match side {
                Side::Right => ("> ", right, &p.right_text, &p.right_marks, theme.added),
                Side::Left | Side::Both => ("< ", left, &p.left_text, &p.left_marks, theme.removed),
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
                draw_text(ctx, text, line, marks, style, text_area, buf);
            }
        }
        Row::Blank => {}
    }
}

/// One wrapped line of a side, its differing ranges in `changed`.
fn draw_text(
    ctx: &Ctx,
    text: &str,
    line: &wrap::Line,
    marks: &[Range<usize>],
    changed: Style,
    area: Rect,
    buf: &mut Buffer,
) {
    let styles: Vec<(Range<usize>, Style)> = marks.iter().map(|r| (r.clone(), changed)).collect();
    let pieces = styled_pieces(text, line, &styles, ctx.theme.base);
    draw_pieces(buf, area.x, area.y, area.width, &pieces, ctx.ambiguous_wide);
}
