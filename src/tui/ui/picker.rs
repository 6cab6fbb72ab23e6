//! The corpus picker: loaded reports grouped by district and bureau, and the files that failed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Ctx;
use super::draw::{draw_pieces, pane};
use super::footer::{self, Footer};
use crate::present::labels;
use crate::tui::layout::{body_and_footer, list_offset};
use crate::tui::screens::picker::{PickerRow, PickerScreen};

pub fn render(ctx: &Ctx, picker: &PickerScreen, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let wide = ctx.ambiguous_wide;
    let (body, footer_area) = body_and_footer(area);
    let title = labels::picker_title(ctx.entries.len());
    let list = pane(ctx, &title, true, body, buf);
    let offset = list_offset(picker.selected, list.height);
    let mut y = list.y;
    for (index, row) in picker.rows.iter().enumerate().skip(offset) {
        if y >= list.bottom() {
            break;
        }
        let line = match row {
            PickerRow::Group(name) => vec![(name.clone(), theme.heading)],
            PickerRow::Report(entry) => {
                let e = &ctx.entries[*entry];
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
                let style = if index == picker.selected {
                    theme.selected
                } else {
                    theme.base
                };
                vec![
                    (format!("  {}", parts.join(" · ")), style),
                    (
                        format!("  {}", e.report.title),
                        if index == picker.selected {
                            style
                        } else {
                            theme.dim
                        },
                    ),
                    (
                        format!("  {}", e.source),
                        if index == picker.selected {
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
    if !picker.failures.is_empty() && y + 1 < list.bottom() {
        y += 1;
        draw_pieces(
            buf,
            list.x,
            y,
            list.width,
            &[(labels::FAILED_FILES, theme.error)],
            wide,
        );
        for failure in &picker.failures {
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
    let footer = Footer {
        location: labels::CHOOSE_REPORT,
        ..Footer::default()
    };
    footer::render(ctx, &footer, footer_area, buf);
}
