//! The loop: draw, wait for an event, map it through the keymap, update, carry out effects.
//! Generic over the ratatui backend, so tests drive the real app on a `TestBackend`. Files only
//! through the `Store` it is handed.

use std::io;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

use super::action::{Action, Context, action_for};
use super::app::{App, Effect};
use super::ui;
use crate::present::labels;
use crate::store::Store;

/// What a terminal event asks for in a context, if anything.
pub fn action_for_event(event: &Event, context: Context) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => action_for(key, context),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::ScrollDownAt(mouse.column, mouse.row)),
            MouseEventKind::ScrollUp => Some(Action::ScrollUpAt(mouse.column, mouse.row)),
            MouseEventKind::Down(MouseButton::Left) => {
                Some(Action::ClickAt(mouse.column, mouse.row))
            }
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        _ => None,
    }
}

/// Applies an action and carries out the effect it asks for.
pub fn dispatch(app: &mut App, action: Action, store: &mut dyn Store) {
    let result = match app.update(action) {
        None => Ok(()),
        Some(Effect::SaveBookmarks) => store
            .save_bookmarks(&app.bookmarks)
            .map_err(|e| labels::bookmarks_not_saved(&e)),
        Some(Effect::OpenAudit { plan, summary }) => {
            let source = app
                .entries
                .get(plan)
                .map(|e| e.source.clone())
                .unwrap_or_default();
            let (verdicts, warning) = store.load_verdicts(&source);
            app.open_audit(plan, summary, verdicts);
            warning.map_or(Ok(()), Err)
        }
        Some(Effect::SaveVerdict(change)) => {
            let saved = match &mut app.audit {
                Some(audit) => store
                    .save_verdict(&mut audit.verdicts, &change)
                    .map_err(|e| e.to_string()),
                None => Ok(()),
            };
            // a filter (no verdict yet) may have let the item go
            app.settle_audit();
            saved
        }
    };
    if let Err(error) = result {
        app.message = Some(error);
    }
}

/// Runs the app until it quits. `next_event` blocks for the next terminal event.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    mut next_event: impl FnMut() -> io::Result<Event>,
    store: &mut dyn Store,
) -> io::Result<()>
where
    B::Error: Into<io::Error>,
{
    let size = terminal.size().map_err(Into::into)?;
    app.update(Action::Resize(size.width, size.height));
    loop {
        terminal
            .draw(|frame| ui::render(app, frame))
            .map_err(Into::into)?;
        if app.quit {
            return Ok(());
        }
        let event = next_event()?;
        if let Some(action) = action_for_event(&event, app.context()) {
            dispatch(app, action, store);
        }
    }
}
