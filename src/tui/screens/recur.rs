//! The recurring plan items: computed once when it opens, over the reports marked in the picker
//! (all when none is): the threads grouped by organisation, the selected thread and the selected
//! year on it (h/l), what the list shows (its first line), Enter opening that year's item in its
//! reader. No drawing.

use ratatui::layout::Rect;

use super::reader::ReaderScreen;
use super::{Env, Screen, Step};
use crate::compare::threads::{Thread, threads};
use crate::model::Report;
use crate::present::threads::thread_org;
use crate::tui::action::Action;
use crate::tui::layout::{body_and_footer, inner};

/// One line of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecurLine {
    /// An organisation, as its first report writes it.
    Group(String),
    /// A thread's heading and item (its flag, number, wording).
    Name(usize),
    /// A thread's years, each with what its summary said.
    Years(usize),
}

#[derive(Debug, Clone)]
pub struct RecurScreen {
    /// The entry of each report the threads index.
    pub entries: Vec<usize>,
    pub threads: Vec<Thread>,
    pub lines: Vec<RecurLine>,
    /// The selected thread, and the selected item on it.
    pub selected: usize,
    pub item: usize,
    /// The first line shown.
    pub offset: usize,
    size: Rect,
}

impl RecurScreen {
    /// The threads of the plans of these entries; `None` when there is none.
    pub fn open(entries: &[usize], env: &Env) -> Option<Self> {
        let entries: Vec<usize> = entries
            .iter()
            .copied()
            .filter(|&e| e < env.entries.len())
            .collect();
        let reports: Vec<&Report> = entries.iter().map(|&e| &env.entries[e].report).collect();
        let threads = threads(&reports);
        if threads.is_empty() {
            return None;
        }
        let mut lines = Vec::new();
        for (t, thread) in threads.iter().enumerate() {
            if t == 0 || threads[t - 1].org != thread.org {
                lines.push(RecurLine::Group(thread_org(thread, &reports)));
            }
            lines.extend([RecurLine::Name(t), RecurLine::Years(t)]);
        }
        let mut screen = RecurScreen {
            entries,
            threads,
            lines,
            selected: 0,
            item: 0,
            offset: 0,
            size: env.size,
        };
        screen.keep_visible();
        Some(screen)
    }

    pub fn relayout(&mut self, env: &Env) {
        self.size = env.size;
        self.keep_visible();
    }

    pub fn update(&mut self, action: Action, env: &Env) -> Step {
        let page = isize::try_from(self.threads_per_page()).unwrap_or(1);
        match action {
            Action::Down | Action::ScrollDownAt(..) => self.move_thread(1),
            Action::Up | Action::ScrollUpAt(..) => self.move_thread(-1),
            Action::PageDown => self.move_thread(page),
            Action::PageUp => self.move_thread(-page),
            Action::HalfPageDown => self.move_thread((page / 2).max(1)),
            Action::HalfPageUp => self.move_thread(-(page / 2).max(1)),
            Action::Top => self.move_thread(isize::MIN / 2),
            Action::Bottom => self.move_thread(isize::MAX / 2),
            Action::ColumnLeft => self.item = self.item.saturating_sub(1),
            Action::ColumnRight => {
                let last = self.thread().map_or(0, |t| t.items.len().saturating_sub(1));
                self.item = (self.item + 1).min(last);
            }
            Action::Open => return self.open_item(env),
            _ => {}
        }
        Step::Stay
    }

    pub fn thread(&self) -> Option<&Thread> {
        self.threads.get(self.selected)
    }

    /// The entry and node id of the selected item.
    pub fn selected_item(&self) -> Option<(usize, &str)> {
        let item = self.thread()?.items.get(self.item)?;
        Some((*self.entries.get(item.report)?, item.id.as_str()))
    }

    fn move_thread(&mut self, delta: isize) {
        let selected = self
            .selected
            .saturating_add_signed(delta)
            .min(self.threads.len().saturating_sub(1));
        if selected != self.selected {
            // the same year on the next thread, as near as it has
            let year = self
                .thread()
                .and_then(|t| t.items.get(self.item))
                .map(|i| i.year);
            self.selected = selected;
            self.item = self.thread().map_or(0, |t| {
                t.items
                    .iter()
                    .position(|i| Some(i.year) >= year)
                    .unwrap_or(t.items.len().saturating_sub(1))
            });
        }
        self.keep_visible();
    }

    /// Threads a page holds (two lines each).
    fn threads_per_page(&self) -> usize {
        usize::from(list_area(self.size).height / 2).max(1)
    }

    /// Scrolls so the selected thread shows whole, with its organisation above it when it is
    /// the organisation's first.
    fn keep_visible(&mut self) {
        let height = usize::from(list_area(self.size).height).max(1);
        let name = self
            .lines
            .iter()
            .position(|l| *l == RecurLine::Name(self.selected))
            .unwrap_or(0);
        let first = match name.checked_sub(1).and_then(|g| self.lines.get(g)) {
            Some(RecurLine::Group(_)) => name - 1,
            _ => name,
        };
        let last = name + 1;
        if first < self.offset {
            self.offset = first;
        } else if last >= self.offset + height {
            self.offset = (last + 1).saturating_sub(height).min(name);
        }
    }

    fn open_item(&self, env: &Env) -> Step {
        let Some((entry, id)) = self.selected_item() else {
            return Step::Stay;
        };
        ReaderScreen::at(entry, id, env)
            .map_or(Step::Stay, |r| Step::Push(Screen::Reader(Box::new(r))))
    }
}

/// Where the list goes on a terminal of this size: inside the pane above the footer.
pub fn list_area(size: Rect) -> Rect {
    inner(body_and_footer(size).0)
}
