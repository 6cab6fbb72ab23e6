//! The recurring items: each organisation, then two lines per thread: its flag (连续未落实),
//! number and the wording of an item (the selected year's on the selected thread, the latest
//! elsewhere), and its years with what each summary said, the selected year highlighted and
//! scrolled into the line when the years do not all fit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::Ctx;
use super::audit::status_style;
use super::draw::{draw_pieces, fill, pane};
use super::footer::{self, Footer};
use crate::compare::threads::Thread;
use crate::present::labels;
use crate::present::threads::item_name;
use crate::text::wrap::str_width;
use crate::tui::layout::{body_and_footer, cells};
use crate::tui::screens::recur::{RecurLine, RecurScreen};

/// Blanks before a thread's lines (under its organisation).
const INDENT: &str = " ";

pub fn render(ctx: &Ctx, screen: &RecurScreen, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let wide = ctx.ambiguous_wide;
    let (body, footer_area) = body_and_footer(area);
    let list = pane(
        ctx,
        &labels::recur_title(screen.threads.len()),
        true,
        body,
        buf,
    );
    for (row, line) in screen
        .lines
        .iter()
        .enumerate()
        .skip(screen.offset)
        .take(usize::from(list.height))
    {
        let y = list.y + cells(row - screen.offset);
        let pieces: Vec<(String, Style)> = match *line {
            RecurLine::Group(ref name) => vec![(name.clone(), theme.heading)],
            RecurLine::Name(t) => name_line(ctx, screen, t),
            RecurLine::Years(t) => {
                years_line(ctx, screen, t, usize::from(list.width).saturating_sub(1))
            }
        };
        if matches!(*line, RecurLine::Name(t) | RecurLine::Years(t) if t == screen.selected) {
            fill(buf, Rect::new(list.x, y, list.width, 1), theme.selected);
        }
        let pieces: Vec<(&str, Style)> = pieces.iter().map(|(t, s)| (t.as_str(), *s)).collect();
        draw_pieces(buf, list.x, y, list.width, &pieces, wide);
    }
    let org = screen
        .lines
        .iter()
        .take_while(|l| **l != RecurLine::Name(screen.selected))
        .filter_map(|l| match l {
            RecurLine::Group(name) => Some(name.as_str()),
            _ => None,
        })
        .last()
        .unwrap_or_default();
    let position = format!("{}/{}", screen.selected + 1, screen.threads.len());
    let footer = Footer {
        location: org,
        position: &position,
        ..Footer::default()
    };
    footer::render(ctx, &footer, footer_area, buf);
}

/// `⚠ 连续未落实  线索 2 · 3 年  1.建成区政务服务中心新址。`
fn name_line(ctx: &Ctx, screen: &RecurScreen, t: usize) -> Vec<(String, Style)> {
    let theme = ctx.theme;
    let Some(thread) = screen.threads.get(t) else {
        return Vec::new();
    };
    let selected = t == screen.selected;
    let (base, dim) = if selected {
        (theme.selected, theme.selected)
    } else {
        (theme.base, theme.dim)
    };
    let shown = if selected {
        screen.item
    } else {
        thread.items.len().saturating_sub(1)
    };
    let name = thread
        .items
        .get(shown)
        .and_then(|item| {
            let entry = ctx.entries.get(*screen.entries.get(item.report)?)?;
            Some(item_name(&entry.report, &item.id))
        })
        .unwrap_or_default();
    let mut pieces = vec![(INDENT.to_string(), base)];
    if let Some(flag) = thread.flag {
        let style = if selected { base } else { theme.flag };
        pieces.push((format!("⚠ {}  ", labels::thread_flag(flag)), style));
    }
    pieces.push((
        format!("{}  ", labels::thread_heading(t + 1, thread.items.len())),
        dim,
    ));
    pieces.push((name, base));
    pieces
}

/// `   2022 ✗ 未提及 › 2023 ✗ 未提及 › 2024 无总结`, starting late enough for the selected year
/// to fit `width` cells.
fn years_line(ctx: &Ctx, screen: &RecurScreen, t: usize, width: usize) -> Vec<(String, Style)> {
    let theme = ctx.theme;
    let wide = ctx.ambiguous_wide;
    let Some(thread) = screen.threads.get(t) else {
        return Vec::new();
    };
    let selected = (t == screen.selected).then_some(screen.item);
    let years = year_pieces(ctx, thread, selected);
    // drop years from the front until the selected one ends within the line
    let lead = format!("{INDENT}{INDENT}");
    let step = str_width(labels::THREAD_STEP, wide);
    let mut first = 0;
    if let Some(s) = selected {
        let end = |from: usize| {
            let cut = if from > 0 {
                str_width(labels::THREAD_CUT, wide)
            } else {
                0
            };
            str_width(&lead, wide)
                + cut
                + years[from..=s.min(years.len().saturating_sub(1))]
                    .iter()
                    .map(|(text, _)| str_width(text, wide) + step)
                    .sum::<usize>()
        };
        while first < s && end(first) > width {
            first += 1;
        }
    }
    let dim = if selected.is_some() {
        theme.selected
    } else {
        theme.dim
    };
    let mut pieces = vec![(lead, dim)];
    if first > 0 {
        pieces.push((labels::THREAD_CUT.to_string(), dim));
    }
    for (i, piece) in years.into_iter().enumerate().skip(first) {
        if i > first {
            pieces.push((labels::THREAD_STEP.to_string(), dim));
        }
        pieces.push(piece);
    }
    pieces
}

/// Each year of a thread with what its summary said, styled by the status (the selected one
/// reversed).
fn year_pieces(ctx: &Ctx, thread: &Thread, selected: Option<usize>) -> Vec<(String, Style)> {
    let theme = ctx.theme;
    thread
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let text = format!("{} {}", item.year, labels::thread_status(item.status));
            let style = if selected == Some(i) {
                theme.current_hit
            } else {
                match (item.status, selected) {
                    (Some(status), _) => status_style(ctx, status),
                    (None, Some(_)) => theme.selected,
                    (None, None) => theme.dim,
                }
            };
            (text, style)
        })
        .collect()
}
