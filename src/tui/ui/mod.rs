//! Drawing: a pure function of a `View` (the screen on top and a small render context) into a
//! ratatui buffer, one file per pane. No function here sees the `App`; no state changes, no
//! files, no heavy work (that is done in `update`).

mod audit;
mod compare;
mod draw;
mod footer;
mod matrix;
mod overlay;
mod picker;
mod reader;
mod recur;
mod results;
mod tree;

use ratatui::Frame;

use super::action::Context;
use super::entry::Entry;
use super::screens::Screen;
use super::theme::Theme;
use crate::store::Bookmarks;

/// What every renderer may read besides its own screen.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    pub theme: &'a Theme,
    pub ambiguous_wide: bool,
    pub entries: &'a [Entry],
    pub bookmarks: &'a Bookmarks,
    /// The footer's note, if any.
    pub message: Option<&'a str>,
    /// Where keys are looked up (the footer's hints come from it).
    pub context: Context,
}

/// One frame to draw: the screen on top, and the help over it when open.
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    pub ctx: Ctx<'a>,
    pub screen: &'a Screen,
    /// The help's scroll and the view it describes.
    pub help: Option<(usize, Context)>,
}

/// Draws the whole screen.
pub fn render(view: &View<'_>, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    let ctx = &view.ctx;
    match view.screen {
        Screen::Picker(picker) => picker::render(ctx, picker, area, buf),
        Screen::Reader(reader) => reader::render_screen(ctx, reader, area, buf),
        Screen::Compare(compare) => compare::render(ctx, compare, area, buf),
        Screen::Audit(audit) => audit::render(ctx, audit, area, buf),
        Screen::Results(results) => results::render(ctx, results, area, buf),
        Screen::Matrix(screen) => matrix::render(ctx, screen, area, buf),
        Screen::Recur(screen) => recur::render(ctx, screen, area, buf),
    }
    if let Some(asked) = view.screen.replacing() {
        overlay::confirm_replace(ctx, &asked.path, area, buf);
    }
    if let Some((scroll, of)) = view.help {
        overlay::help(ctx, of, scroll, area, buf);
    }
}
