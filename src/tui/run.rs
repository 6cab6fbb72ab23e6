//! The loop: draw, wait for an event, map it through the keymap, update, carry out effects.
//! Generic over the ratatui backend, so tests drive the real app on a `TestBackend`.

use std::io;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

use super::action::{Action, Context, action_for};
use super::app::{App, Bookmarks, Effect};
use super::ui;

/// Where the app's state is saved; the run loop's only way out to files.
pub trait Store {
    /// Saves all bookmarks; an error is shown to the user, and nothing else is lost.
    fn save_bookmarks(&mut self, bookmarks: &Bookmarks) -> Result<(), String>;
}

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
    if let Some(Effect::SaveBookmarks) = app.update(action)
        && let Err(error) = store.save_bookmarks(&app.bookmarks)
    {
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
