//! The reader: the report's wrapped lines (from `text::wrap`, never ratatui's wrap) with markers,
//! headings, figures and search hits styled; and the screen that puts tree, reader and footer
//! together.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::draw::{draw_pieces, layer, pane};
use super::footer::{self, Footer, search_field, search_status};
use super::{Ctx, overlay, tree};
use crate::text::wrap::styled_pieces;
use crate::tui::layout::{cells, reader_areas};
use crate::tui::screens::reader::{Focus, ReaderPopup, ReaderScreen, text_height};

pub fn render_screen(ctx: &Ctx, reader: &ReaderScreen, area: Rect, buf: &mut Buffer) {
    let areas = reader_areas(area, reader.focus);
    if let Some(tree_area) = areas.tree {
        tree::render(ctx, reader, tree_area, buf);
    }
    if let Some(reader_area) = areas.reader {
        render(ctx, reader, reader_area, buf);
    }
    // the report (its district, else its title), then the section path
    let report = &ctx.entries[reader.entry].report;
    let name = report.district.as_deref().unwrap_or(&report.title);
    let path: Vec<&str> = std::iter::once(name)
        .chain(
            reader
                .doc
                .path(reader.selected)
                .iter()
                .map(|&b| reader.doc.blocks[b].label.as_str()),
        )
        .collect();
    let total = reader.layout.lines.len().max(1);
    let position = format!(
        "{}/{} {}%",
        reader.scroll + 1,
        total,
        (reader.scroll + text_height(area)).min(total) * 100 / total
    );
    let location = path.join(" › ");
    let footer = Footer {
        location: &location,
        position: &position,
        status: search_status(&reader.search),
        field: search_field(&reader.search),
    };
    footer::render(ctx, &footer, areas.footer, buf);
    match &reader.popup {
        Some(ReaderPopup::Bookmarks(chooser)) => {
            overlay::bookmarks(ctx, reader, chooser, area, buf)
        }
        Some(ReaderPopup::ChooseCompare { left, chooser }) => {
            overlay::choose_compare(ctx, left, chooser, area, buf)
        }
        Some(ReaderPopup::ChooseAudit(chooser)) => overlay::choose_audit(ctx, chooser, area, buf),
        None => {}
    }
}

fn render(ctx: &Ctx, reader: &ReaderScreen, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let wide = ctx.ambiguous_wide;
    let entry = &ctx.entries[reader.entry];
    let focused = reader.focus == Focus::Reader;
    let title = format!(" {} ", entry.report.title);
    let text_area = pane(ctx, &title, focused, area, buf);
    let current = reader.search.current_hit();
    for (row, laid) in reader
        .layout
        .lines
        .iter()
        .skip(reader.scroll)
        .take(usize::from(text_area.height))
        .enumerate()
    {
        let Some(index) = laid.block else {
            continue;
        };
        let block = &reader.doc.blocks[index];
        let hits: Vec<(Range<usize>, Style)> = reader
            .search
            .hits
            .iter()
            .filter(|h| {
                h.block == index
                    && h.range.start < laid.line.range.end
                    && h.range.end > laid.line.range.start
            })
            .map(|h| {
                (
                    h.range.clone(),
                    if Some(h) == current {
                        theme.current_hit
                    } else {
                        theme.hit
                    },
                )
            })
            .collect();
        let marks: Vec<(Range<usize>, Style)> = block
            .marks
            .iter()
            .map(|(r, m)| (r.clone(), theme.mark(*m)))
            .collect();
        let styles = layer(&marks, &hits);
        let pieces = styled_pieces(&block.text, &laid.line, &styles, theme.base);
        draw_pieces(
            buf,
            text_area.x,
            text_area.y + cells(row),
            text_area.width,
            &pieces,
            wide,
        );
    }
}
