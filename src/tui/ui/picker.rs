//! The corpus picker: loaded reports grouped by district and bureau, and the files that failed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::draw::{draw_pieces, pane};
use super::footer;
use crate::present::labels;
use crate::tui::app::{App, PickerRow};
use crate::tui::layout::body_and_footer;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let wide = app.ambiguous_wide;
    let (body, footer_area) = body_and_footer(area);
    let title = labels::picker_title(app.entries.len());
    let list = pane(app, &title, true, body, buf);
    let offset = crate::tui::layout::list_offset(app.picker_selected, list.height);
    let mut y = list.y;
    for (index, row) in app.picker_rows.iter().enumerate().skip(offset) {
        if y >= list.bottom() {
            break;
        }
        let line = match row {
            PickerRow::Group(name) => vec![(name.clone(), theme.heading)],
            PickerRow::Report(entry) => {
                let e = &app.entries[*entry];
                let parts: Vec<String> = e
                    .report
                    .parts
                    .iter()
                    .map(|p| {
                        format!(
                            "{}{}",
                            p.year.map(|y| y.to_string()).unwrap_or_default(),
                            labels::part_kind(p.kind)
                        )
                    })
                    .collect();
                let style = if index == app.picker_selected {
                    theme.selected
                } else {
                    theme.base
                };
                vec![
                    (format!("  {}", parts.join(" · ")), style),
                    (
                        format!("  {}", e.report.title),
                        if index == app.picker_selected {
                            style
                        } else {
                            theme.dim
                        },
                    ),
                    (
                        format!("  {}", e.source),
                        if index == app.picker_selected {
                            style
                        } else {
                            theme.dim
                        },
                    ),
                ]
            }
        };
        let pieces: Vec<(&str, _)> = line.iter().map(|(t, s)| (t.as_str(), *s)).collect();
        draw_pieces(buf, list.x, y, list.width, &pieces, wide);
        y += 1;
    }
    if !app.failures.is_empty() && y + 1 < list.bottom() {
        y += 1;
        draw_pieces(
            buf,
            list.x,
            y,
            list.width,
            &[(labels::FAILED_FILES, theme.error)],
            wide,
        );
        for failure in &app.failures {
            y += 1;
            if y >= list.bottom() {
                break;
            }
            draw_pieces(
                buf,
                list.x,
                y,
                list.width,
                &[("  ", theme.base), (failure, theme.error)],
                wide,
            );
        }
    }
    footer::render(app, labels::CHOOSE_REPORT, "", footer_area, buf);
}
