//! The screens of the app, one module each: the picker, the reader, the comparison, the audit,
//! the search across reports, the matrix, the recurring items.
//! A screen owns its state (with the popups it opens) and its `update`; what it cannot do alone
//! (open another screen, save, say something in the footer) it asks the app for with a `Step`.
//! The app's stack decides which screen is on top and what Back means. No drawing, no files.

pub mod audit;
pub mod compare;
pub mod handoff;
pub mod matrix;
pub mod picker;
pub mod reader;
pub mod recur;
pub mod results;

use ratatui::layout::Rect;

use super::action::{Action, Context};
use super::app::Effect;
use super::entry::Entry;
use crate::store::Bookmarks;

pub use audit::AuditScreen;
pub use compare::CompareScreen;
pub use matrix::MatrixScreen;
pub use picker::PickerScreen;
pub use reader::ReaderScreen;
pub use recur::RecurScreen;
pub use results::ResultsScreen;

/// What a screen may read of the app while it updates: the reports, the bookmarks, the screen's
/// size and how ambiguous characters are counted.
#[derive(Debug, Clone, Copy)]
pub struct Env<'a> {
    pub entries: &'a [Entry],
    pub bookmarks: &'a Bookmarks,
    pub size: Rect,
    pub ambiguous_wide: bool,
}

/// What a screen asks the app for after an action.
#[derive(Debug)]
pub enum Step {
    /// Nothing (the screen did what was asked, or nothing applied).
    Stay,
    /// A short note for the footer (bookmark set, no hits …).
    Say(String),
    /// Open a screen on top of this one.
    Push(Screen),
    /// A side effect for the run loop.
    Effect(Effect),
    /// Add or remove a bookmark of a report (`source`); `label` names the section.
    ToggleBookmark {
        source: String,
        id: String,
        label: String,
    },
}

/// One screen of the stack.
#[derive(Debug)]
pub enum Screen {
    Picker(PickerScreen),
    Reader(Box<ReaderScreen>),
    Compare(Box<CompareScreen>),
    Audit(Box<AuditScreen>),
    Results(Box<ResultsScreen>),
    Matrix(Box<MatrixScreen>),
    Recur(Box<RecurScreen>),
}

impl Screen {
    /// Where keys are looked up (a popup or a text field of the screen comes first).
    pub fn context(&self) -> Context {
        match self {
            Screen::Picker(_) => Context::Picker,
            Screen::Reader(s) => s.context(),
            Screen::Compare(s) => s.context(),
            Screen::Audit(s) => s.context(),
            Screen::Results(s) => s.context(),
            Screen::Matrix(s) => s.context(),
            Screen::Recur(_) => Context::Recur,
        }
    }

    /// The view, ignoring popups and text fields (what the help describes).
    pub fn view(&self) -> Context {
        match self {
            Screen::Picker(_) => Context::Picker,
            Screen::Reader(_) => Context::Reader,
            Screen::Compare(_) => Context::Compare,
            Screen::Audit(s) => s.view(),
            Screen::Results(_) => Context::Results,
            Screen::Matrix(_) => Context::Matrix,
            Screen::Recur(_) => Context::Recur,
        }
    }

    pub fn update(&mut self, action: Action, env: &Env) -> Step {
        match self {
            Screen::Picker(s) => s.update(action, env),
            Screen::Reader(s) => s.update(action, env),
            Screen::Compare(s) => s.update(action, env),
            Screen::Audit(s) => s.update(action, env),
            Screen::Results(s) => s.update(action, env),
            Screen::Matrix(s) => s.update(action, env),
            Screen::Recur(s) => s.update(action, env),
        }
    }

    /// Back inside the screen: closes its popup or text field, clears its search, leaves its
    /// detail. False when it has nothing of its own to close (Back then leaves the screen).
    pub fn back(&mut self) -> bool {
        match self {
            Screen::Picker(_) | Screen::Recur(_) => false,
            Screen::Matrix(s) => s.back(),
            Screen::Reader(s) => s.back(),
            Screen::Compare(s) => s.back(),
            Screen::Audit(s) => s.back(),
            Screen::Results(s) => s.back(),
        }
    }

    /// Asks, over the screen that made the hand-off file, whether to replace the one there.
    pub fn ask_replace(&mut self, asked: handoff::Replace) {
        match self {
            Screen::Compare(s) => s.replacing = Some(asked),
            Screen::Audit(s) => s.replacing = Some(asked),
            Screen::Picker(_)
            | Screen::Reader(_)
            | Screen::Results(_)
            | Screen::Matrix(_)
            | Screen::Recur(_) => {}
        }
    }

    /// The replace question the screen shows, if any.
    pub fn replacing(&self) -> Option<&handoff::Replace> {
        match self {
            Screen::Compare(s) => s.replacing.as_ref(),
            Screen::Audit(s) => s.replacing.as_ref(),
            Screen::Picker(_)
            | Screen::Reader(_)
            | Screen::Results(_)
            | Screen::Matrix(_)
            | Screen::Recur(_) => None,
        }
    }

    /// Lays the screen out again for a new size (or keeps it, when nothing it depends on changed).
    pub fn relayout(&mut self, env: &Env) {
        match self {
            Screen::Picker(_) => {}
            Screen::Reader(s) => s.relayout(env),
            Screen::Compare(s) => s.relayout(env),
            Screen::Audit(s) => s.relayout(env),
            Screen::Results(s) => s.relayout(env),
            Screen::Matrix(s) => s.relayout(env),
            Screen::Recur(s) => s.relayout(env),
        }
    }
}

/// A popup list to choose one of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chooser<T> {
    pub choices: Vec<T>,
    pub selected: usize,
}

impl<T> Chooser<T> {
    pub fn new(choices: Vec<T>) -> Self {
        Chooser {
            choices,
            selected: 0,
        }
    }

    /// Moves the selection by `delta`, stopping at the ends.
    pub fn step(&mut self, delta: isize) {
        self.selected = self
            .selected
            .saturating_add_signed(delta)
            .min(self.choices.len().saturating_sub(1));
    }

    pub fn chosen(&self) -> Option<&T> {
        self.choices.get(self.selected)
    }
}

/// Lines the mouse wheel scrolls.
pub const WHEEL_LINES: usize = 3;
