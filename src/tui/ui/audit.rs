//! The audit view: counts per status, a table of plan items (status with symbol, score,
//! section, item, target vs figure, verdict), and for one item its text beside its evidence
//! sentences with the shared phrases highlighted, all wrapped by `text::wrap`.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::Ctx;
use super::draw::{draw_pieces, fill, pane, truncate};
use super::footer::{self, Footer};
use super::overlay::{self, Choice};
use crate::compare::audit::Status;
use crate::model::PartKind;
use crate::present::audit_table::{self, AuditRow};
use crate::present::labels;
use crate::text::wrap::{self, WrapOptions, str_width, styled_pieces};
use crate::tui::layout::{body_and_footer, cells};
use crate::tui::screens::audit::{AuditScreen, DetailMark, Filter, detail_area, detail_areas};
use crate::tui::search::Search;

pub fn render(ctx: &Ctx, audit: &AuditScreen, area: Rect, buf: &mut Buffer) {
    let (body, footer_area) = body_and_footer(area);
    if body.height == 0 {
        return;
    }
    let header = labels::audit_header(
        &report_name(ctx, audit.plan_entry, audit.table.plan.year, PartKind::Plan),
        &report_name(
            ctx,
            audit.summary_entry,
            audit.table.summary.year,
            PartKind::Summary,
        ),
        audit.table.counts(),
    );
    fill(
        buf,
        Rect::new(body.x, body.y, body.width, 1),
        ctx.theme.heading,
    );
    // the filter at the right end, always: the header gives way to it
    let filter = labels::filter_note(audit.filter.label());
    let wide = ctx.ambiguous_wide;
    let filter_width = cells(str_width(&filter, wide)).min(body.width);
    let filter_style = if audit.filter == Filter::All {
        ctx.theme.heading
    } else {
        ctx.theme.marker
    };
    draw_pieces(
        buf,
        body.right() - filter_width,
        body.y,
        filter_width,
        &[(&filter, filter_style)],
        wide,
    );
    draw_pieces(
        buf,
        body.x,
        body.y,
        body.width.saturating_sub(filter_width + 2),
        &[(&header, ctx.theme.heading)],
        wide,
    );
    let main = detail_area(area);
    match audit.current().filter(|_| audit.detail) {
        Some(row) => detail(ctx, audit, row, main, buf),
        None => table(ctx, audit, main, buf),
    }
    let visible = audit.visible().len();
    let position = format!(
        "{}/{visible}",
        if visible == 0 { 0 } else { audit.selected + 1 }
    );
    let location = audit
        .current()
        .map(|row| format!("{} › {}", row.item.section, row.heading()))
        .unwrap_or_default();
    let footer = Footer {
        location: &location,
        position: &position,
        field: audit.note_input.as_deref().map(labels::note_field),
        ..Footer::default()
    };
    footer::render(ctx, &footer, footer_area, buf);
    if let Some(selected) = audit.choosing_verdict {
        overlay::choose_verdict(ctx, selected, area, buf);
    }
    if let Some(search) = &audit.attach {
        attach(ctx, audit, search, area, buf);
    }
}

/// `+`: the query, and the summary's sentences it finds, each with its node id under it.
fn attach(ctx: &Ctx, audit: &AuditScreen, search: &Search<usize>, screen: Rect, buf: &mut Buffer) {
    let choices: Vec<Choice> = search
        .hits
        .iter()
        .filter_map(|&i| audit.table.sentences.get(i))
        .map(|s| Choice {
            label: s.text.clone(),
            note: Some(s.id.clone()),
        })
        .collect();
    let header = labels::attach_query(&search.query, choices.len());
    overlay::list_popup(
        ctx,
        labels::ATTACH_TITLE,
        Some(&header),
        &choices,
        search.current.unwrap_or(0),
        screen,
        buf,
    );
}

fn report_name(ctx: &Ctx, entry: usize, year: Option<i32>, kind: PartKind) -> String {
    let report = &ctx.entries[entry].report;
    let name = report.district.as_deref().unwrap_or(&report.title);
    format!(
        "{name} {}{}",
        year.map(|y| y.to_string()).unwrap_or_default(),
        labels::part_kind(kind)
    )
}

pub(super) fn status_style(ctx: &Ctx, status: Status) -> Style {
    match status {
        Status::Reported => ctx.theme.added,
        Status::Partial => ctx.theme.figure,
        Status::NotMentioned => ctx.theme.removed,
    }
}

/// The columns of the audit table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Status,
    Parts,
    Section,
    Item,
    Target,
    Verdict,
}

impl Column {
    fn title(self) -> &'static str {
        match self {
            Column::Status => labels::COLUMN_STATUS,
            Column::Parts => labels::COLUMN_PARTS,
            Column::Section => labels::COLUMN_SECTION,
            Column::Item => labels::COLUMN_ITEM,
            Column::Target => labels::COLUMN_TARGET,
            Column::Verdict => labels::COLUMN_VERDICT,
        }
    }
}

fn table(ctx: &Ctx, audit: &AuditScreen, area: Rect, buf: &mut Buffer) {
    let wide = ctx.ambiguous_wide;
    let inside = pane(ctx, labels::AUDIT_TABLE_TITLE, true, area, buf);
    let width = usize::from(inside.width);
    // status 8, commitments reported 5 (12/14), section 16, target 18, verdict 12, and the item
    // takes the rest
    let roomy = width >= 90;
    let columns: Vec<(Column, usize)> = if roomy {
        vec![
            (Column::Status, 8),
            (Column::Parts, 5),
            (Column::Section, 16),
            (Column::Item, width.saturating_sub(65)),
            (Column::Target, 18),
            (Column::Verdict, 12),
        ]
    } else {
        vec![
            (Column::Status, 8),
            (Column::Item, width.saturating_sub(22)),
            (Column::Verdict, 12),
        ]
    };
    // cells padded to their widths, one blank between (none after the last)
    let header: Vec<String> = columns
        .iter()
        .map(|(column, w)| pad(column.title(), *w, wide))
        .collect();
    let header = header.join(" ");
    draw_pieces(
        buf,
        inside.x,
        inside.y,
        inside.width,
        &[(&header, ctx.theme.dim)],
        wide,
    );
    let visible = audit.visible();
    if visible.is_empty() && inside.height >= 2 {
        draw_pieces(
            buf,
            inside.x,
            inside.y + 1,
            inside.width,
            &[(labels::NOTHING_FILTERED, ctx.theme.dim)],
            wide,
        );
    }
    let rows = usize::from(inside.height.saturating_sub(1));
    for (row, &index) in visible.iter().enumerate().skip(audit.offset).take(rows) {
        let row_cells = &audit.table.rows[index];
        let item = &row_cells.item;
        let y = inside.y + 1 + cells(row - audit.offset);
        let selected = row == audit.selected;
        let base = if selected {
            ctx.theme.selected
        } else {
            ctx.theme.base
        };
        if selected {
            fill(buf, Rect::new(inside.x, y, inside.width, 1), base);
        }
        let title = row_cells.heading();
        let cells: Vec<(String, Style)> = columns
            .iter()
            .map(|(column, _)| match column {
                Column::Status => (
                    labels::status_with_symbol(item.status),
                    if selected {
                        base
                    } else {
                        status_style(ctx, item.status)
                    },
                ),
                Column::Parts => (row_cells.cell(audit_table::Column::Parts), base),
                Column::Section => (item.section.clone(), base),
                Column::Item => (title.clone(), base),
                Column::Target => (row_cells.target_short(), base),
                Column::Verdict => (row_cells.verdict_short(), base),
            })
            .collect();
        let last = columns.len().saturating_sub(1);
        let padded: Vec<(String, Style)> = cells
            .iter()
            .zip(&columns)
            .enumerate()
            .map(|(i, ((text, style), (_, w)))| {
                let gap = if i == last { "" } else { " " };
                (pad(text, *w, wide) + gap, *style)
            })
            .collect();
        let pieces: Vec<(&str, Style)> = padded.iter().map(|(t, s)| (t.as_str(), *s)).collect();
        draw_pieces(buf, inside.x, y, inside.width, &pieces, wide);
    }
}

/// A cell cut or padded to exactly `width` display cells.
fn pad(text: &str, width: usize, wide: bool) -> String {
    let cut = truncate(text, width, wide);
    let used = str_width(&cut, wide);
    cut + &" ".repeat(width.saturating_sub(used))
}

/// The item (left) and its evidence (right), or stacked when narrow.
fn detail(ctx: &Ctx, audit: &AuditScreen, row: &AuditRow, area: Rect, buf: &mut Buffer) {
    let panes = audit.detail_panes(row, area.width);
    for (pane_text, pane_area) in panes.iter().zip(detail_areas(area, panes.len())) {
        let inside = pane(ctx, pane_text.title, true, pane_area, buf);
        let marks: Vec<(Range<usize>, Style)> = pane_text
            .marks
            .iter()
            .map(|(r, m)| (r.clone(), mark_style(ctx, *m)))
            .collect();
        draw_wrapped(
            ctx,
            &pane_text.text,
            &marks,
            audit.detail_scroll,
            inside,
            buf,
        );
    }
}

fn mark_style(ctx: &Ctx, mark: DetailMark) -> Style {
    match mark {
        DetailMark::Section => ctx.theme.dim,
        DetailMark::Heading => ctx.theme.heading,
        DetailMark::Shared => ctx.theme.hit,
        DetailMark::Status(status) => status_style(ctx, status),
        DetailMark::Commitment => ctx.theme.flag,
        DetailMark::Source => ctx.theme.marker,
        DetailMark::Chosen => ctx.theme.selected,
        DetailMark::Tag => ctx.theme.flag,
        DetailMark::Rejected => ctx.theme.dim.add_modifier(Modifier::CROSSED_OUT),
    }
}

/// Wraps `text` to the area with `text::wrap` and draws it from line `scroll`.
fn draw_wrapped(
    ctx: &Ctx,
    text: &str,
    marks: &[(Range<usize>, Style)],
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let options = WrapOptions {
        width: usize::from(area.width).max(1),
        ambiguous_wide: ctx.ambiguous_wide,
    };
    let mut marks = marks.to_vec();
    marks.sort_by_key(|(r, _)| r.start);
    let marks = non_overlapping(marks);
    let lines: Vec<wrap::Line> = wrap::layout(text, options);
    for (y, line) in (area.y..area.bottom()).zip(lines.iter().skip(scroll)) {
        let pieces = styled_pieces(text, line, &marks, ctx.theme.base);
        draw_pieces(buf, area.x, y, area.width, &pieces, ctx.ambiguous_wide);
    }
}

/// Sorted ranges with overlaps cut off (the earlier range wins).
fn non_overlapping(sorted: Vec<(Range<usize>, Style)>) -> Vec<(Range<usize>, Style)> {
    let mut out: Vec<(Range<usize>, Style)> = Vec::with_capacity(sorted.len());
    for (range, style) in sorted {
        let start = out
            .last()
            .map_or(range.start, |(last, _)| range.start.max(last.end));
        if start < range.end {
            out.push((start..range.end, style));
        }
    }
    out
}
