//! The matrix grid: topics down, reports across, the header row and the topic column staying in
//! place while the cells scroll; each cell wrapped by display width to its column and cut with …,
//! a near miss dimmed, the selected cell highlighted, a column marked for `d` starred; the
//! filter typed in the footer.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::Ctx;
use super::draw::{draw_pieces, fill, pane};
use super::footer::{self, Footer, search_field};
use crate::present::labels;
use crate::present::matrix::{CellKind, cell_lines, topic_name};
use crate::text::wrap::{WrapOptions, layout};
use crate::tui::layout::{body_and_footer, cells};
use crate::tui::screens::matrix::{MatrixScreen, ROW_LINES, grid_shape, topic_width};

pub fn render(ctx: &Ctx, screen: &MatrixScreen, area: Rect, buf: &mut Buffer) {
    let (body, footer_area) = body_and_footer(area);
    let topics = screen.survey.topics.len();
    let query = screen.filter.query.trim();
    let title = if query.is_empty() {
        labels::matrix_title(topics, screen.columns.len())
    } else {
        labels::matrix_filtered_title(screen.rows.len(), topics, query, screen.columns.len())
    };
    let inside = pane(ctx, &title, true, body, buf);
    if inside.width > 0 && inside.height > 0 {
        grid(ctx, screen, inside, buf);
        if screen.rows.is_empty() {
            draw_pieces(
                buf,
                inside.x,
                inside.y.saturating_add(1),
                inside.width,
                &[(labels::NO_TOPIC_FOUND, ctx.theme.dim)],
                ctx.ambiguous_wide,
            );
        }
    }
    let position = format!(
        "{}/{}",
        (screen.row + 1).min(screen.rows.len()),
        screen.rows.len()
    );
    let location = screen
        .columns
        .get(screen.column)
        .map_or(String::new(), Clone::clone);
    let footer = Footer {
        location: &location,
        position: &position,
        field: search_field(&screen.filter),
        ..Footer::default()
    };
    footer::render(ctx, &footer, footer_area, buf);
}

fn grid(ctx: &Ctx, screen: &MatrixScreen, inside: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let wide = ctx.ambiguous_wide;
    let (columns, rows) = grid_shape(inside);
    let topic_w = topic_width(inside.width);
    let column_w = inside.width.saturating_sub(topic_w) / cells(columns).max(1);
    let shown: Vec<usize> = (screen.left..screen.columns.len()).take(columns).collect();
    // the header row: the topic column's name, then each report
    draw_pieces(
        buf,
        inside.x,
        inside.y,
        topic_w,
        &[(labels::TOPIC, theme.heading)],
        wide,
    );
    for (i, &c) in shown.iter().enumerate() {
        let x = inside.x + topic_w + column_w * cells(i);
        let style = if c == screen.column {
            theme.selected
        } else {
            theme.heading
        };
        let mark = if screen.marked.contains(&c) {
            labels::MARKED
        } else {
            " "
        };
        let header = format!("{mark}{}", screen.columns[c]);
        draw_pieces(buf, x, inside.y, column_w, &[(&header, style)], wide);
    }
    for (n, (row, &t)) in screen
        .rows
        .iter()
        .enumerate()
        .skip(screen.top)
        .take(rows)
        .enumerate()
    {
        let y = inside.y + 1 + ROW_LINES * cells(n);
        let label = topic_name(&screen.survey, t);
        let style = if row == screen.row {
            theme.heading
        } else {
            theme.base
        };
        cell(buf, inside.x, y, topic_w, &[label], style, wide);
        for (i, &c) in shown.iter().enumerate() {
            let x = inside.x + topic_w + column_w * cells(i);
            let (lines, kind) = cell_lines(&screen.survey, t, c);
            let style = match (row == screen.row && c == screen.column, kind) {
                (true, _) => theme.selected,
                (false, CellKind::OnTopic) => theme.base,
                (false, _) => theme.dim,
            };
            cell(
                buf,
                x + 1,
                y,
                column_w.saturating_sub(1),
                &lines,
                style,
                wide,
            );
        }
    }
}

/// Lines wrapped to `width` cells in [`ROW_LINES`] rows (the cell's background in `style`), the
/// last row cut with … when more is left.
fn cell(buf: &mut Buffer, x: u16, y: u16, width: u16, lines: &[String], style: Style, wide: bool) {
    fill(
        buf,
        Rect::new(x, y, width, ROW_LINES).intersection(buf.area),
        style,
    );
    let text = lines.join("\n");
    let options = WrapOptions {
        width: usize::from(width).max(1),
        ambiguous_wide: wide,
    };
    let laid = layout(&text, options);
    let rows = usize::from(ROW_LINES);
    for (i, line) in laid.iter().take(rows).enumerate() {
        // the last row runs on to the end, so a cut shows as …
        let end = if i + 1 == rows {
            text.len()
        } else {
            line.range.end
        };
        let shown = text[line.range.start..end].replace('\n', " ");
        draw_pieces(buf, x, y + cells(i), width, &[(&shown, style)], wide);
    }
}
