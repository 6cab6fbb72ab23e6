//! Drawing: a pure function of `&App` into a ratatui buffer, one file per pane.

mod draw;
mod footer;
mod overlay;
mod picker;
mod reader;
mod tree;

use ratatui::Frame;

use super::app::{App, Overlay};

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    match &app.reader {
        None => picker::render(app, area, buf),
        Some(reader) => reader::render_screen(app, reader, area, buf),
    }
    match &app.overlay {
        Some(Overlay::Help { scroll }) => overlay::help(app, *scroll, area, buf),
        Some(Overlay::Bookmarks { selected }) => overlay::bookmarks(app, *selected, area, buf),
        None => {}
    }
}
