//! The app: the screen stack and `App::update(msg)`, the only place state changes. The stack
//! decides which screen is on top and what Back means; each screen (tui/screens) owns its state
//! and its update. No file I/O: saving and loading are asked for with an `Effect` that the run
//! loop carries out, and their outcome comes back as a `Msg`.

use ratatui::layout::Rect;

use super::action::{Action, Context, help_rows};
pub use super::entry::Entry;
use super::screens::handoff::{Handoff, Replace};
use super::screens::{AuditScreen, CompareScreen, Env, PickerScreen, ReaderScreen, Screen, Step};
use super::theme::Theme;
use super::ui::{Ctx, View};
use crate::present::labels;
use crate::store::Bookmarks;
use crate::store::verdicts::{VerdictChange, VerdictFile};

/// Side effects `update` asks the run loop for; their outcome comes back as a `Msg`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save `App::bookmarks` (a failure comes back as `Msg::Note`).
    SaveBookmarks,
    /// Load the verdicts of the plan report at `source`, then `Msg::AuditReady`.
    OpenAudit {
        plan: usize,
        summary: usize,
        source: String,
    },
    /// Save a verdict change to a copy of the verdicts, then `Msg::VerdictSaved` with it (or a
    /// `Msg::Note` saying why not: the verdicts in the app are then unchanged).
    SaveVerdict {
        verdicts: VerdictFile,
        change: VerdictChange,
    },
    /// Write a hand-off file (`x`), over an existing one only with `replace`; then a
    /// `Msg::Note` saying where, or `Msg::ReplaceAsked` when the file is there.
    WriteHandoff { handoff: Handoff, replace: bool },
}

/// What `App::update` takes: a user's action, a request of the command line, or the outcome of
/// an effect the run loop carried out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Action(Action),
    /// Open an entry in the reader (over the picker).
    OpenReport(usize),
    /// Open the comparison of two parts, (entry, part id) each, over what is on top.
    OpenCompare {
        left: (usize, String),
        right: (usize, String),
    },
    /// The plan's verdicts were read (`Effect::OpenAudit`): open the audit.
    AuditReady {
        plan: usize,
        summary: usize,
        verdicts: VerdictFile,
    },
    /// A verdict change was saved: the verdicts as they are now.
    VerdictSaved(VerdictFile),
    /// The hand-off file is already there: ask before replacing it.
    ReplaceAsked(Replace),
    /// The saved bookmarks, read at start.
    Bookmarks(Bookmarks),
    /// Something to tell the user in the footer (a file not saved, a config error).
    Note(String),
}

impl From<Action> for Msg {
    fn from(action: Action) -> Self {
        Msg::Action(action)
    }
}

/// The screens, the picker at the bottom; never empty.
#[derive(Debug)]
struct Stack {
    bottom: Screen,
    above: Vec<Screen>,
}

impl Stack {
    fn top(&self) -> &Screen {
        self.above.last().unwrap_or(&self.bottom)
    }

    fn top_mut(&mut self) -> &mut Screen {
        match self.above.last_mut() {
            Some(top) => top,
            None => &mut self.bottom,
        }
    }

    fn iter(&self) -> impl DoubleEndedIterator<Item = &Screen> {
        std::iter::once(&self.bottom).chain(&self.above)
    }

    fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut Screen> {
        std::iter::once(&mut self.bottom).chain(&mut self.above)
    }
}

#[derive(Debug)]
pub struct App {
    entries: Vec<Entry>,
    theme: Theme,
    ambiguous_wide: bool,
    size: Rect,
    bookmarks: Bookmarks,
    /// A short note for the footer, until the next action.
    message: Option<String>,
    stack: Stack,
    /// The help over the top screen, scrolled down by this many rows.
    help: Option<usize>,
    quit: bool,
}

impl App {
    pub fn new(
        entries: Vec<Entry>,
        failures: Vec<String>,
        theme: Theme,
        ambiguous_wide: bool,
    ) -> Self {
        let picker = PickerScreen::new(&entries, failures);
        App {
            entries,
            theme,
            ambiguous_wide,
            size: Rect::new(0, 0, 80, 24),
            bookmarks: Bookmarks::new(),
            message: None,
            stack: Stack {
                bottom: Screen::Picker(picker),
                above: Vec::new(),
            },
            help: None,
            quit: false,
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn bookmarks(&self) -> &Bookmarks {
        &self.bookmarks
    }

    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// Whether the user asked to quit.
    pub fn has_quit(&self) -> bool {
        self.quit
    }

    /// The screen on top.
    pub fn top(&self) -> &Screen {
        self.stack.top()
    }

    /// The topmost reader, comparison, audit on the stack (for tests and tools).
    pub fn reader(&self) -> Option<&ReaderScreen> {
        self.stack.iter().rev().find_map(|s| match s {
            Screen::Reader(r) => Some(&**r),
            _ => None,
        })
    }

    pub fn compare(&self) -> Option<&CompareScreen> {
        self.stack.iter().rev().find_map(|s| match s {
            Screen::Compare(c) => Some(&**c),
            _ => None,
        })
    }

    pub fn audit(&self) -> Option<&AuditScreen> {
        self.stack.iter().rev().find_map(|s| match s {
            Screen::Audit(a) => Some(&**a),
            _ => None,
        })
    }

    /// The view on top, ignoring popups and text fields (what the help describes).
    pub fn view_context(&self) -> Context {
        self.stack.top().view()
    }

    /// Where keys are looked up now.
    pub fn context(&self) -> Context {
        if self.help.is_some() {
            Context::Overlay
        } else {
            self.stack.top().context()
        }
    }

    /// What the renderer needs, borrowed: `ui::render(&app.view(), frame)`.
    pub fn view(&self) -> View<'_> {
        View {
            ctx: Ctx {
                theme: &self.theme,
                ambiguous_wide: self.ambiguous_wide,
                entries: &self.entries,
                bookmarks: &self.bookmarks,
                message: self.message.as_deref(),
                context: self.context(),
            },
            screen: self.stack.top(),
            help: self.help.map(|scroll| (scroll, self.view_context())),
        }
    }

    /// The stack, and what its screens may read of the rest of the app.
    fn split(&mut self) -> (&mut Stack, Env<'_>) {
        (
            &mut self.stack,
            Env {
                entries: &self.entries,
                bookmarks: &self.bookmarks,
                size: self.size,
                ambiguous_wide: self.ambiguous_wide,
            },
        )
    }

    /// Applies one message; returns what the run loop must do besides redrawing.
    pub fn update(&mut self, msg: impl Into<Msg>) -> Option<Effect> {
        match msg.into() {
            Msg::Action(action) => return self.act(action),
            Msg::OpenReport(entry) => {
                self.stack.above.clear();
                if let Screen::Picker(picker) = &mut self.stack.bottom {
                    picker.select_entry(entry);
                }
                let (stack, env) = self.split();
                if let Some(reader) = ReaderScreen::new(entry, &env) {
                    stack.above.push(Screen::Reader(Box::new(reader)));
                }
            }
            Msg::OpenCompare { left, right } => {
                let (stack, env) = self.split();
                if let Some(compare) =
                    CompareScreen::open((left.0, &left.1), (right.0, &right.1), &env)
                {
                    stack.above.push(Screen::Compare(Box::new(compare)));
                }
            }
            Msg::AuditReady {
                plan,
                summary,
                verdicts,
            } => {
                let (stack, env) = self.split();
                match AuditScreen::open(plan, summary, verdicts, &env) {
                    Ok((audit, warning)) => {
                        stack.above.push(Screen::Audit(Box::new(audit)));
                        self.message = warning;
                    }
                    Err(error) => self.message = Some(error),
                }
            }
            Msg::VerdictSaved(verdicts) => {
                let audit = self.stack.iter_mut().rev().find_map(|s| match s {
                    Screen::Audit(a) => Some(a),
                    _ => None,
                });
                if let Some(audit) = audit {
                    audit.verdicts_saved(verdicts);
                }
            }
            Msg::ReplaceAsked(asked) => self.stack.top_mut().ask_replace(asked),
            Msg::Bookmarks(bookmarks) => self.bookmarks = bookmarks,
            Msg::Note(note) => self.message = Some(note),
        }
        None
    }

    fn act(&mut self, action: Action) -> Option<Effect> {
        if let Action::Resize(width, height) = action {
            self.size = Rect::new(0, 0, width, height);
            let (stack, env) = self.split();
            for screen in stack.iter_mut() {
                screen.relayout(&env);
            }
            return None;
        }
        self.message = None;
        match action {
            Action::Quit => self.quit = true,
            Action::Back => self.back(),
            _ if self.help.is_some() => self.update_help(action),
            // a popup of the screen closes as the help would
            Action::ToggleHelp if self.context() == Context::Overlay => {
                self.stack.top_mut().back();
            }
            Action::ToggleHelp => self.help = Some(0),
            Action::ToggleTheme => self.theme = self.theme.toggled(),
            action => {
                let (stack, env) = self.split();
                let step = stack.top_mut().update(action, &env);
                return self.apply(step);
            }
        }
        None
    }

    /// What Back means, in one place: the help closes; else the top screen closes what it has
    /// open (a popup, a text field, a search, the evidence view); else the top screen goes,
    /// down to the picker.
    fn back(&mut self) {
        if self.help.take().is_some() || self.stack.top_mut().back() {
            return;
        }
        self.stack.above.pop();
    }

    fn update_help(&mut self, action: Action) {
        // the help scrolls until its last row shows (the popup is at most the screen's height)
        let rows = help_rows(self.view_context()).len();
        let shown = usize::from(self.size.height)
            .min(rows + 2)
            .saturating_sub(2);
        let max = rows.saturating_sub(shown);
        let Some(scroll) = &mut self.help else {
            return;
        };
        match action {
            Action::ToggleHelp => self.help = None,
            Action::Down | Action::ScrollDownAt(..) => *scroll = (*scroll + 1).min(max),
            Action::Up | Action::ScrollUpAt(..) => *scroll = scroll.saturating_sub(1),
            _ => {}
        }
    }

    /// Does what a screen asked for.
    fn apply(&mut self, step: Step) -> Option<Effect> {
        match step {
            Step::Stay => None,
            Step::Say(message) => {
                self.message = Some(message);
                None
            }
            Step::Push(screen) => {
                self.stack.above.push(screen);
                None
            }
            Step::Effect(effect) => Some(effect),
            Step::ToggleBookmark { source, id, label } => {
                let marks = self.bookmarks.entry(source).or_default();
                if let Some(i) = marks.iter().position(|m| *m == id) {
                    marks.remove(i);
                    self.message = Some(labels::bookmark_removed(&label));
                } else {
                    marks.push(id);
                    self.message = Some(labels::bookmark_added(&label));
                }
                Some(Effect::SaveBookmarks)
            }
        }
    }

    /// The bookmarked ids of the report open in the reader.
    pub fn current_bookmarks(&self) -> Vec<String> {
        self.reader()
            .and_then(|r| self.bookmarks.get(&r.source))
            .cloned()
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::screens::picker::PickerRow;
    use crate::tui::theme::ThemeName;

    fn app() -> App {
        let mut app = App::new(
            Entry::bundled(),
            vec![],
            Theme::new(ThemeName::Dark, false),
            false,
        );
        app.update(Action::Resize(100, 30));
        app
    }

    fn reader(app: &App) -> &ReaderScreen {
        app.reader().expect("a reader is open")
    }

    #[test]
    fn picker_groups_by_district_and_opens_the_selected_report() {
        let mut app = app();
        let Screen::Picker(picker) = app.top() else {
            panic!("the app opens on the picker");
        };
        assert!(matches!(&picker.rows[0], PickerRow::Group(g) if g.starts_with("光明区")));
        app.update(Action::Down);
        app.update(Action::Open);
        assert_eq!(
            app.entries()[reader(&app).entry].report.district.as_deref(),
            Some("龙岗区")
        );
    }

    #[test]
    fn tree_selection_scrolls_the_reader_and_reader_scroll_moves_the_tree() {
        let mut app = app();
        app.update(Action::Open);
        app.update(Action::Down); // 一、2024年工作总结
        app.update(Action::Down); // (一)
        let r = reader(&app);
        assert_eq!(r.doc.blocks[r.selected].id, "p1.1");
        assert_eq!(r.scroll, r.layout.block_starts[r.selected]);
        app.update(Action::FocusNext);
        for _ in 0..40 {
            app.update(Action::Down);
        }
        let r = reader(&app);
        let top = r.layout.block_at(r.scroll);
        assert_eq!(r.selected, r.nearest_shown(top));
        assert_ne!(r.doc.blocks[r.selected].id, "p1.1");
    }

    #[test]
    fn folding_hides_children_and_moves_to_the_parent() {
        let mut app = app();
        app.update(Action::Open);
        let rows_before = reader(&app).visible_rows().len();
        app.update(Action::Down);
        app.update(Action::Fold); // fold 一、
        let rows_after = reader(&app).visible_rows().len();
        assert!(rows_after < rows_before);
        app.update(Action::Unfold);
        app.update(Action::Down);
        app.update(Action::Fold); // (一) is folded: nothing; it has children but starts closed
        let r = reader(&app);
        assert_eq!(
            r.doc.blocks[r.selected].id, "p1",
            "h on a closed node goes to its parent"
        );
    }

    #[test]
    fn search_finds_simplified_in_traditional_and_n_cycles() {
        let mut app = app();
        app.update(Action::Open);
        app.update(Action::StartSearch);
        for c in "數據".chars() {
            app.update(Action::Type(c));
        }
        app.update(Action::Back);
        let r = reader(&app);
        let count = r.search.hits.len();
        assert!(count > 10, "{count} hits for 數據 in a simplified report");
        let hit = &r.search.hits[0];
        assert_eq!(&r.doc.blocks[hit.block].text[hit.range.clone()], "数据");
        app.update(Action::PreviousHit);
        assert_eq!(reader(&app).search.current, Some(count - 1));
        app.update(Action::Back);
        assert!(
            reader(&app).search.hits.is_empty(),
            "Esc clears the search first"
        );
        app.update(Action::Back);
        assert!(app.reader().is_none(), "then leaves the reader");
        assert!(matches!(app.top(), Screen::Picker(_)));
        app.update(Action::Back);
        assert!(
            matches!(app.top(), Screen::Picker(_)) && !app.has_quit(),
            "Back stops at the picker"
        );
    }

    #[test]
    fn bookmarks_toggle_and_ask_to_be_saved() {
        let mut app = app();
        app.update(Action::Open);
        app.update(Action::Down);
        assert_eq!(app.update(Action::SetBookmark), Some(Effect::SaveBookmarks));
        assert_eq!(app.current_bookmarks(), vec!["p1".to_string()]);
        app.update(Action::ShowBookmarks);
        app.update(Action::Open);
        assert_eq!(app.update(Action::SetBookmark), Some(Effect::SaveBookmarks));
        assert!(app.current_bookmarks().is_empty());
    }

    /// The walk-through: fold 一、, Tab to the text, scroll into 四是…, `m` marked 一、 (the tree's
    /// selection) and a second `m` further down removed it. `m` marks the section being read.
    #[test]
    fn m_marks_the_section_at_the_top_of_the_text() {
        let mut app = app();
        app.update(Action::Open);
        app.update(Action::Down);
        app.update(Action::Fold);
        app.update(Action::FocusNext);
        let at = |app: &App| {
            let r = reader(app);
            r.doc.blocks[r.layout.block_at(r.scroll)].id.clone()
        };
        while at(&app) != "p1.1.4" {
            app.update(Action::Down);
        }
        let r = reader(&app);
        assert_eq!(
            r.doc.blocks[r.selected].id, "p1",
            "the tree shows the folded 一、"
        );
        app.update(Action::SetBookmark);
        assert_eq!(
            app.message(),
            Some("已加书签: 四是基层数字化治理能力不断提高。")
        );
        while at(&app) == "p1.1.4" {
            app.update(Action::Down);
        }
        app.update(Action::SetBookmark);
        assert!(app.message().is_some_and(|m| m.starts_with("已加书签")));
        let marks = app.current_bookmarks();
        assert_eq!(marks.len(), 2, "{marks:?}");
        assert_eq!(marks[0], "p1.1.4");
        // with the tree focused, `m` marks the tree's selection as before
        app.update(Action::FocusNext);
        app.update(Action::SetBookmark);
        assert!(app.current_bookmarks().contains(&"p1".to_string()));
    }

    #[test]
    fn resize_keeps_the_same_section_at_the_top() {
        let mut app = app();
        app.update(Action::Open);
        for _ in 0..8 {
            app.update(Action::Down);
        }
        let before = reader(&app).selected;
        app.update(Action::Resize(41, 20));
        app.update(Action::Resize(100, 30));
        assert_eq!(reader(&app).selected, before);
    }

    /// The help and a popup close before the screen under them; Back from the comparison
    /// returns to the reader it was opened from.
    #[test]
    fn back_closes_the_top_thing_first() {
        let mut app = app();
        app.update(Action::Open);
        app.update(Action::OpenCompare);
        assert_eq!(app.context(), Context::Overlay);
        app.update(Action::ToggleHelp);
        assert_eq!(app.context(), Context::Reader, "? closes the chooser");
        app.update(Action::OpenCompare);
        app.update(Action::Open);
        assert!(matches!(app.top(), Screen::Compare(_)));
        app.update(Action::ToggleHelp);
        assert_eq!(app.context(), Context::Overlay);
        assert_eq!(app.view_context(), Context::Compare);
        app.update(Action::Back);
        assert!(
            matches!(app.top(), Screen::Compare(_)),
            "Esc closed the help"
        );
        app.update(Action::Back);
        assert!(matches!(app.top(), Screen::Reader(_)));
    }
}
