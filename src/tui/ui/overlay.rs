//! Popups over the screen: the help (every binding, from the keymap table) and the bookmarks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::draw::{clear_straddled, draw_pieces, fill, pane};
use crate::text::wrap::str_width;
use crate::tui::action::{Context, bindings};
use crate::tui::app::App;
use crate::tui::layout::centered;

fn frame(app: &App, title: &str, area: Rect, buf: &mut Buffer) -> Rect {
    clear_straddled(buf, area);
    fill(buf, area, app.theme.base);
    pane(app, title, true, area, buf)
}

/// Every binding of the view under the popup, keys on the left, what they do on the right.
pub fn help(app: &App, scroll: usize, screen: Rect, buf: &mut Buffer) {
    let context = if app.reader.is_some() {
        Context::Reader
    } else {
        Context::Picker
    };
    let mut rows: Vec<(String, &str)> = Vec::new();
    let searching = bindings(Context::SearchInput).filter(|_| context == Context::Reader);
    for binding in bindings(context).chain(searching) {
        let keys = binding
            .keys
            .iter()
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join(" ");
        if !rows.iter().any(|(k, h)| *k == keys && *h == binding.help) {
            rows.push((keys, binding.help));
        }
    }
    let key_width = rows
        .iter()
        .map(|(k, _)| str_width(k, app.ambiguous_wide))
        .max()
        .unwrap_or(0);
    let text_width = rows
        .iter()
        .map(|(_, h)| str_width(h, app.ambiguous_wide))
        .max()
        .unwrap_or(0);
    let width = (key_width + text_width + 6) as u16;
    let area = centered(screen, width, rows.len() as u16 + 2);
    let height = usize::from(area.height.saturating_sub(2));
    let scroll = scroll.min(rows.len().saturating_sub(height));
    let title = if rows.len() > height {
        " 帮助 · j/k 滚动 · Esc 关闭 "
    } else {
        " 帮助 · ? 或 Esc 关闭 "
    };
    let list = frame(app, title, area, buf);
    for (row, (keys, help)) in rows
        .iter()
        .skip(scroll)
        .enumerate()
        .take(usize::from(list.height))
    {
        let padded = format!(
            "{keys}{}  ",
            " ".repeat(key_width - str_width(keys, app.ambiguous_wide))
        );
        draw_pieces(
            buf,
            list.x + 1,
            list.y + row as u16,
            list.width.saturating_sub(1),
            &[(&padded, app.theme.marker), (help, app.theme.base)],
            app.ambiguous_wide,
        );
    }
}

/// The bookmarks of the open report; Enter jumps to one.
pub fn bookmarks(app: &App, selected: usize, screen: Rect, buf: &mut Buffer) {
    let marks = app.current_bookmarks();
    let labels: Vec<String> = marks
        .iter()
        .map(|id| {
            app.reader
                .as_ref()
                .and_then(|r| r.doc.index_of(id).map(|b| &r.doc.blocks[b]))
                .map_or_else(
                    || format!("{id} (已不在本报告中)"),
                    |b| format!("{id}  {}", b.label),
                )
        })
        .collect();
    let area = centered(
        screen,
        screen.width.saturating_sub(8).max(30),
        labels.len().max(1) as u16 + 2,
    );
    let list = frame(app, " 书签 · Enter 跳转 · Esc 关闭 ", area, buf);
    if labels.is_empty() {
        draw_pieces(
            buf,
            list.x + 1,
            list.y,
            list.width.saturating_sub(1),
            &[("还没有书签: 在阅读时按 m", app.theme.dim)],
            app.ambiguous_wide,
        );
    }
    for (row, label) in labels.iter().enumerate().take(usize::from(list.height)) {
        let style = if row == selected {
            app.theme.selected
        } else {
            app.theme.base
        };
        let y = list.y + row as u16;
        if row == selected {
            fill(buf, Rect::new(list.x, y, list.width, 1), style);
        }
        draw_pieces(
            buf,
            list.x + 1,
            y,
            list.width.saturating_sub(1),
            &[(label, style)],
            app.ambiguous_wide,
        );
    }
}
