//! The corpus picker: loaded reports grouped by district and bureau, and the files that failed.
//! A row short of room cuts the title before the file name, and the path from its start, so two
//! files with one title stay apart.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Ctx;
use super::draw::{draw_pieces, pane, truncate, truncate_start};
use super::footer::{self, Footer};
use crate::present::labels;
use crate::text::wrap::str_width;
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
                let selected = index == picker.selected;
                let (style, dim) = if selected {
                    (theme.selected, theme.selected)
                } else {
                    (theme.base, theme.dim)
                };
                let lead = if picker.marked.contains(entry) {
                    labels::MARKED
                } else {
                    "  "
                };
                let parts = format!("{lead}{}", parts.join(" · "));
                let room = usize::from(list.width).saturating_sub(str_width(&parts, wide));
                let (title, source) = title_and_source(&e.report.title, &e.source, room, wide);
                vec![(parts, style), (title, dim), (source, dim)]
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
    let marked = labels::marked_count(picker.marked.len());
    let footer = Footer {
        location: if picker.marked.is_empty() {
            labels::CHOOSE_REPORT
        } else {
            &marked
        },
        ..Footer::default()
    };
    footer::render(ctx, &footer, footer_area, buf);
}

/// A report row's title and source in `room` cells, each with its two blanks in front: the
/// source keeps its end (the file name) and up to half the room; the title takes the rest and is
/// cut first.
fn title_and_source(title: &str, source: &str, room: usize, wide: bool) -> (String, String) {
    let title = format!("  {title}");
    let (title_width, source_width) = (str_width(&title, wide), str_width(source, wide) + 2);
    if title_width + source_width <= room {
        return (title, format!("  {source}"));
    }
    let file = source.rsplit(['/', '\\']).next().unwrap_or(source);
    // the file name and its … always; the directories only as far as half the room allows
    let keep = (str_width(file, wide) + 3).max(room / 2).min(source_width);
    let source = format!("  {}", truncate_start(source, keep.saturating_sub(2), wide));
    let left = room.saturating_sub(str_width(&source, wide));
    (truncate(&title, left, wide), source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_row_keeps_the_file_name_and_cuts_the_title() {
        let (title, source) = title_and_source(
            "明湖区政务服务和数据管理局2024年工作总结和2025年工作计划",
            "/home/auditor/reports/2025/minghu-zwsj-2024-2025.txt",
            60,
            false,
        );
        assert!(source.starts_with("  …"), "{source}");
        assert!(source.ends_with("/minghu-zwsj-2024-2025.txt"), "{source}");
        assert!(title.ends_with('…'), "{title}");
        assert_eq!(str_width(&title, false) + str_width(&source, false), 60);
        // room for all: nothing cut
        let (title, source) = title_and_source("标题", "a/b.txt", 40, false);
        assert_eq!((title.as_str(), source.as_str()), ("  标题", "  a/b.txt"));
        // hardly any room: the file name still leads what shows of the source
        let (_, source) = title_and_source("标题", "dir/name.json", 8, false);
        assert!(source.ends_with("name.json"), "{source}");
    }
}
