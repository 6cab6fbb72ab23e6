//! Popups over the screen: the help (every binding, from the keymap table), the bookmarks, the
//! choosers of a comparison, an audit and a verdict, and the question before replacing a file.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Ctx;
use super::draw::{clear_straddled, draw_pieces, fill, pane};
use crate::compare::warnings::PairWarning;
use crate::model::PartKind;
use crate::present::labels;
use crate::store::verdicts::Verdict;
use crate::text::wrap::{self, WrapOptions, str_width};
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
    let choices: Vec<Choice> = rows.into_iter().map(Choice::new).collect();
    list_popup(
        ctx,
        labels::BOOKMARKS_TITLE,
        None,
        &choices,
        selected,
        screen,
        buf,
    );
}

/// `d`: the open part, the left side, on a line of its own; then the reports and parts it can
/// be compared with, each the right side.
pub fn choose_compare(
    ctx: &Ctx,
    left: &(usize, String),
    chooser: &Chooser<(usize, String)>,
    screen: Rect,
    buf: &mut Buffer,
) {
    let describe = |(entry, id): &(usize, String)| {
        let report = &ctx.entries[*entry].report;
        let part = report.parts.iter().find(|p| p.id == *id);
        let who = [report.district.as_deref(), report.bureau.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let who = if who.is_empty() { "-".to_string() } else { who };
        format!("{who} · {}", part.map_or("", |p| p.heading.as_str()))
    };
    let sides: Vec<&(usize, String)> = std::iter::once(left).chain(&chooser.choices).collect();
    let named = with_file_names(
        ctx,
        sides.iter().map(|side| (side.0, describe(side))).collect(),
    );
    let mut named = named.into_iter();
    let header = named
        .next()
        .map(|l| format!("{}  {l}", labels::COMPARE_LEFT_CURRENT));
    let choices: Vec<Choice> = named
        .map(|r| Choice::new(format!("{}  {r}", labels::COMPARE_RIGHT_CHOICE)))
        .collect();
    list_popup(
        ctx,
        labels::CHOOSE_COMPARE_TITLE,
        header.as_deref(),
        &choices,
        chooser.selected,
        screen,
        buf,
    );
}

/// Labels of entries, with ` · FILE NAME` added to those another entry's label repeats (two
/// copies of one report, two files with one title).
fn with_file_names(ctx: &Ctx, labelled: Vec<(usize, String)>) -> Vec<String> {
    labelled
        .iter()
        .map(|(entry, label)| {
            let repeated = labelled
                .iter()
                .any(|(other, l)| l == label && other != entry);
            match ctx.entries.get(*entry) {
                Some(e) if repeated => {
                    let file = e.source.rsplit(['/', '\\']).next().unwrap_or(&e.source);
                    format!("{label} · {file}")
                }
                _ => label.clone(),
            }
        })
        .collect()
}

/// One row of a popup list, with the note under it (wrapped to the popup, indented).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Choice {
    pub(super) label: String,
    pub(super) note: Option<String>,
}

impl Choice {
    fn new(label: String) -> Self {
        Choice { label, note: None }
    }
}

/// Cells a choice's note is indented by.
const NOTE_INDENT: u16 = 4;

/// What a popup list shows on one of its lines.
enum ListLine<'a> {
    Label(&'a str),
    Note(&'a str),
}

/// A popup list with one selected choice, an optional line above the choices, and each
/// choice's note under it; labels and notes are wrapped to the popup (nothing is cut), and the
/// list scrolls to keep the selected choice in view.
pub(super) fn list_popup(
    ctx: &Ctx,
    title: &str,
    header: Option<&str>,
    choices: &[Choice],
    selected: usize,
    screen: Rect,
    buf: &mut Buffer,
) {
    let wide = ctx.ambiguous_wide;
    let width = screen.width.saturating_sub(8).max(30).min(screen.width);
    let options = |indent: u16| WrapOptions {
        width: usize::from(width.saturating_sub(3 + indent)).max(1),
        ambiguous_wide: wide,
    };
    // every line, with the choice it belongs to: labels and notes are wrapped, never cut
    let mut lines: Vec<(usize, ListLine)> = Vec::new();
    for (index, choice) in choices.iter().enumerate() {
        let label = &choice.label;
        for line in wrap::layout(label, options(0)) {
            lines.push((index, ListLine::Label(&label[line.range])));
        }
        if let Some(note) = &choice.note {
            for line in wrap::layout(note, options(NOTE_INDENT)) {
                lines.push((index, ListLine::Note(&note[line.range])));
            }
        }
    }
    let header_rows = usize::from(header.is_some());
    let area = centered(screen, width, cells((lines.len() + header_rows).max(1)) + 2);
    let inside = frame(ctx, title, area, buf);
    if let Some(header) = header.filter(|_| inside.height > 1) {
        draw_pieces(
            buf,
            inside.x + 1,
            inside.y,
            inside.width.saturating_sub(1),
            &[(header, ctx.theme.heading)],
            wide,
        );
    }
    let shown = if inside.height > 1 { header_rows } else { 0 };
    let list = Rect::new(
        inside.x,
        inside.y + cells(shown),
        inside.width,
        inside.height.saturating_sub(cells(shown)),
    );
    let height = usize::from(list.height);
    // the selected choice's last line in view, and its first if there is room
    let first = lines.iter().position(|(i, _)| *i == selected).unwrap_or(0);
    let last = lines.iter().rposition(|(i, _)| *i == selected).unwrap_or(0);
    let offset = (last + 1).saturating_sub(height).min(first);
    for (row, (index, line)) in lines.iter().enumerate().skip(offset).take(height) {
        let style = if *index == selected {
            ctx.theme.selected
        } else {
            ctx.theme.base
        };
        let y = list.y + cells(row - offset);
        if *index == selected {
            fill(buf, Rect::new(list.x, y, list.width, 1), style);
        }
        let (indent, text, style) = match line {
            ListLine::Label(label) => (1, *label, style),
            ListLine::Note(note) => {
                let dim = if *index == selected {
                    style
                } else {
                    ctx.theme.dim
                };
                (1 + NOTE_INDENT, *note, dim)
            }
        };
        draw_pieces(
            buf,
            list.x + indent.min(list.width),
            y,
            list.width.saturating_sub(indent),
            &[(text, style)],
            wide,
        );
    }
}

/// `a` with several candidates: the summaries to audit against, each with what is off about
/// it (or that it is the suggested one) wrapped under it.
pub fn choose_audit(
    ctx: &Ctx,
    chooser: &Chooser<(usize, Vec<PairWarning>)>,
    screen: Rect,
    buf: &mut Buffer,
) {
    let titled: Vec<(usize, String)> = chooser
        .choices
        .iter()
        .map(|(entry, _)| {
            let report = &ctx.entries[*entry].report;
            let summary = report.part_of_kind(PartKind::Summary);
            let heading = summary.map_or("", |p| p.heading.as_str());
            (*entry, format!("{} · {heading}", report.title))
        })
        .collect();
    let choices: Vec<Choice> = with_file_names(ctx, titled)
        .into_iter()
        .zip(&chooser.choices)
        .map(|(label, (_, warnings))| Choice {
            label,
            note: Some(if warnings.is_empty() {
                labels::SUGGESTED.to_string()
            } else {
                labels::caution(warnings)
            }),
        })
        .collect();
    list_popup(
        ctx,
        labels::CHOOSE_AUDIT_TITLE,
        None,
        &choices,
        chooser.selected,
        screen,
        buf,
    );
}

/// `v`: the four verdicts, and clearing the verdict.
pub fn choose_verdict(ctx: &Ctx, selected: usize, screen: Rect, buf: &mut Buffer) {
    let choices: Vec<Choice> = Verdict::ALL
        .into_iter()
        .map(|v| labels::verdict_label(v).to_string())
        .chain(std::iter::once(labels::CLEAR_VERDICT.to_string()))
        .map(Choice::new)
        .collect();
    list_popup(
        ctx,
        labels::CHOOSE_VERDICT_TITLE,
        None,
        &choices,
        selected,
        screen,
        buf,
    );
}

/// `x` when the file is there: its path, and whether to replace it (`y` / `n`).
pub fn confirm_replace(ctx: &Ctx, path: &str, screen: Rect, buf: &mut Buffer) {
    list_popup(
        ctx,
        labels::REPLACE_TITLE,
        Some(labels::REPLACE_QUESTION),
        &[Choice::new(path.to_string())],
        0,
        screen,
        buf,
    );
}
