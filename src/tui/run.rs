//! The loop: draw, wait for an event, map it through the keymap, update, carry out effects and
//! hand their outcome back to `update`. Generic over the ratatui backend, so tests drive the real
//! app on a `TestBackend`. Files only through the `Store` it is handed; it never changes the app
//! but through `App::update`.

use std::io;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

use super::action::{Action, Context, action_for};
use super::app::{App, Effect, Msg};
use super::screens::handoff::Replace;
use super::ui;
use crate::present::labels;
use crate::store::Store;
use crate::store::handoff::Written;

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

/// Applies an action and carries out the effect it asks for, handing its outcome back.
pub fn dispatch(app: &mut App, action: Action, store: &mut dyn Store) {
    let Some(effect) = app.update(action) else {
        return;
    };
    let outcomes: Vec<Msg> = match effect {
        Effect::SaveBookmarks => match store.save_bookmarks(app.bookmarks()) {
            Ok(()) => Vec::new(),
            Err(error) => vec![Msg::Note(labels::bookmarks_not_saved(&error))],
        },
        Effect::OpenAudit {
            plan,
            summary,
            source,
        } => {
            let (verdicts, warning) = store.load_verdicts(&source);
            let ready = Msg::AuditReady {
                plan,
                summary,
                verdicts,
            };
            std::iter::once(ready)
                .chain(warning.map(Msg::Note))
                .collect()
        }
        Effect::SaveVerdict {
            mut verdicts,
            change,
        } => match store.save_verdict(&mut verdicts, &change) {
            Ok(()) => vec![Msg::VerdictSaved(verdicts)],
            Err(error) => vec![Msg::Note(error.to_string())],
        },
        Effect::WriteHandoff { handoff, replace } => {
            let path = store.handoff_path(&handoff.source, &handoff.name);
            let shown = path.display().to_string();
            vec![match store.write_handoff(&path, &handoff.bytes, replace) {
                Ok(Written::Written) => Msg::Note(labels::handoff_written(&shown)),
                Ok(Written::Exists) => Msg::ReplaceAsked(Replace {
                    handoff,
                    path: shown,
                }),
                Err(error) => Msg::Note(labels::handoff_not_written(&shown, &error)),
            }]
        }
    };
    for outcome in outcomes {
        // the outcome of an effect asks for no other effect
        let _ = app.update(outcome);
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
            .draw(|frame| ui::render(&app.view(), frame))
            .map_err(Into::into)?;
        if app.has_quit() {
            return Ok(());
        }
        let event = next_event()?;
        if let Some(action) = action_for_event(&event, app.context()) {
            dispatch(app, action, store);
        }
    }
}
