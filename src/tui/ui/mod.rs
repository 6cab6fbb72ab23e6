//! Drawing: a pure function of `&App` into a ratatui buffer, one file per pane. No state
//! changes, no files, no heavy work (that is done in `App::update`).

mod audit;
mod compare;
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
    match (&app.audit, &app.compare, &app.reader) {
        (Some(audit), _, _) => audit::render(app, audit, area, buf),
        (None, Some(compare), _) => compare::render(app, compare, area, buf),
        (None, None, Some(reader)) => reader::render_screen(app, reader, area, buf),
        (None, None, None) => picker::render(app, area, buf),
    }
    match &app.overlay {
        Some(Overlay::Help { scroll }) => overlay::help(app, *scroll, area, buf),
        Some(Overlay::Bookmarks { selected }) => overlay::bookmarks(app, *selected, area, buf),
        Some(Overlay::ChooseCompare { choices, selected }) => {
            overlay::choose_compare(app, choices, *selected, area, buf)
        }
        Some(Overlay::ChooseAudit { choices, selected }) => {
            overlay::choose_audit(app, choices, *selected, area, buf)
        }
        Some(Overlay::ChooseVerdict { selected }) => {
            overlay::choose_verdict(app, *selected, area, buf)
        }
        None => {}
    }
}
