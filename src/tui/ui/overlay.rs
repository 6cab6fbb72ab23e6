//! Popups over the screen: the help (every binding, from the keymap table), the bookmarks, and
//! the choosers of a comparison, an audit and a verdict.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Ctx;
use super::draw::{clear_straddled, draw_pieces, fill, pane};
use crate::compare::warnings::PairWarning;
use crate::model::PartKind;
use crate::present::labels;
use crate::store::verdicts::Verdict;
use crate::text::wrap::str_width;
use crate::tui::action::{Context, help_rows};
use crate::tui::layout::{cells, centered};
use crate::tui::screens::Chooser;
use crate::tui::screens::reader::ReaderScreen;

fn frame(ctx: &Ctx, title: &str, area: Rect, buf: &mut Buffer) -> Rect {
    clear_straddled(buf, area);
    fill(buf, area, ctx.theme.base);
    pane(ctx, title, true, area, buf)
}

/// Every binding of the view under the popup, keys on the left, what they do on the right.
pub fn help(ctx: &Ctx, view: Context, scroll: usize, screen: Rect, buf: &mut Buffer) {
    let rows = help_rows(view);
    let key_width = rows
        .iter()
        .map(|(k, _)| str_width(k, ctx.ambiguous_wide))
        .max()
        .unwrap_or(0);
    let text_width = rows
        .iter()
        .map(|(_, h)| str_width(h, ctx.ambiguous_wide))
        .max()
        .unwrap_or(0);
    let width = cells(key_width + text_width + 6);
    let area = centered(screen, width, cells(rows.len()) + 2);
    let height = usize::from(area.height.saturating_sub(2));
    let scroll = scroll.min(rows.len().saturating_sub(height));
    let title = if rows.len() > height {
        labels::HELP_TITLE_SCROLLING
    } else {
        labels::HELP_TITLE
    };
    let list = frame(ctx, title, area, buf);
    for (row, (keys, help)) in rows
        .iter()
        .skip(scroll)
        .enumerate()
        .take(usize::from(list.height))
    {
        let padded = format!(
            "{keys}{}  ",
            " ".repeat(key_width - str_width(keys, ctx.ambiguous_wide))
        );
        draw_pieces(
            buf,
            list.x + 1,
            list.y + cells(row),
            list.width.saturating_sub(1),
            &[(&padded, ctx.theme.marker), (help, ctx.theme.base)],
            ctx.ambiguous_wide,
        );
    }
}

/// The bookmarks of the open report; Enter jumps to one.
pub fn bookmarks(
    ctx: &Ctx,
    reader: &ReaderScreen,
    chooser: &Chooser<String>,
    screen: Rect,
    buf: &mut Buffer,
) {
    let selected = chooser.selected;
    let rows: Vec<String> = chooser
        .choices
        .iter()
        .map(|id| {
            let block = reader.doc.index_of(id).map(|b| &reader.doc.blocks[b]);
            block.map_or_else(
                || labels::bookmark_missing(id),
                |b| format!("{id}  {}", b.label),
            )
        })
        .collect();
    if rows.is_empty() {
        let area = centered(screen, screen.width.saturating_sub(8).max(30), 3);
        let list = frame(ctx, labels::BOOKMARKS_TITLE_EMPTY, area, buf);
        let hint = [(labels::NO_BOOKMARKS, ctx.theme.dim)];
        draw_pieces(
            buf,
            list.x + 1,
            list.y,
            list.width.saturating_sub(1),
            &hint,
            ctx.ambiguous_wide,
        );
        return;
    }
    list_popup(ctx, labels::BOOKMARKS_TITLE, &rows, selected, screen, buf);
}

/// `d`: the reports and parts the current part can be compared with.
pub fn choose_compare(
    ctx: &Ctx,
    chooser: &Chooser<(usize, String)>,
    screen: Rect,
    buf: &mut Buffer,
) {
    let selected = chooser.selected;
    let rows: Vec<String> = chooser
        .choices
        .iter()
        .map(|(entry, id)| {
            let report = &ctx.entries[*entry].report;
            let part = report.parts.iter().find(|p| p.id == *id);
            format!(
                "{} {} · {}",
                report.district.as_deref().unwrap_or("-"),
                report.bureau.as_deref().unwrap_or(""),
                part.map_or("", |p| p.heading.as_str()),
            )
        })
        .collect();
    list_popup(
        ctx,
        labels::CHOOSE_COMPARE_TITLE,
        &rows,
        selected,
        screen,
        buf,
    );
}

/// A popup list with one selected row, scrolled to keep it in view.
fn list_popup(
    ctx: &Ctx,
    title: &str,
    labels: &[String],
    selected: usize,
    screen: Rect,
    buf: &mut Buffer,
) {
    let area = centered(
        screen,
        screen.width.saturating_sub(8).max(30),
        cells(labels.len().max(1)) + 2,
    );
    let list = frame(ctx, title, area, buf);
    let height = usize::from(list.height);
    let offset = (selected + 1).saturating_sub(height);
    for (row, label) in labels.iter().enumerate().skip(offset).take(height) {
        let style = if row == selected {
            ctx.theme.selected
        } else {
            ctx.theme.base
        };
        let y = list.y + cells(row - offset);
        if row == selected {
            fill(buf, Rect::new(list.x, y, list.width, 1), style);
        }
        draw_pieces(
            buf,
            list.x + 1,
            y,
            list.width.saturating_sub(1),
            &[(label, style)],
            ctx.ambiguous_wide,
        );
    }
}

/// `a` with several candidates: the summaries to audit against, with what is off about each.
pub fn choose_audit(
    ctx: &Ctx,
    chooser: &Chooser<(usize, Vec<PairWarning>)>,
    screen: Rect,
    buf: &mut Buffer,
) {
    let selected = chooser.selected;
    let rows: Vec<String> = chooser
        .choices
        .iter()
        .map(|(entry, warnings)| {
            let report = &ctx.entries[*entry].report;
            let summary = report.part_of_kind(PartKind::Summary);
            let note = if warnings.is_empty() {
                labels::SUGGESTED.to_string()
            } else {
                labels::caution(warnings)
            };
            format!(
                "{} · {} · {note}",
                report.title,
                summary.map_or("", |p| p.heading.as_str())
            )
        })
        .collect();
    list_popup(
        ctx,
        labels::CHOOSE_AUDIT_TITLE,
        &rows,
        selected,
        screen,
        buf,
    );
}

/// `v`: the four verdicts, and clearing the verdict.
pub fn choose_verdict(ctx: &Ctx, selected: usize, screen: Rect, buf: &mut Buffer) {
    let rows: Vec<String> = Verdict::ALL
        .into_iter()
        .map(|v| labels::verdict_label(v).to_string())
        .chain(std::iter::once(labels::CLEAR_VERDICT.to_string()))
        .collect();
    list_popup(
        ctx,
        labels::CHOOSE_VERDICT_TITLE,
        &rows,
        selected,
        screen,
        buf,
    );
}
