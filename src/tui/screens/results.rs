//! Search across every loaded report (`/` in the picker): the query typed in the footer, its hits
//! grouped by report in the picker's order with their counts, the selected hit; Enter opens the
//! reader at it, searching there for the same query (n/N go on from it). Searching happens here
//! as the query changes, never while drawing. No drawing, no files.

use ratatui::layout::Rect;

use super::reader::ReaderScreen;
use super::{Env, Screen, Step};
use crate::search::{Hit, Index};
use crate::tui::action::{Action, Context};
use crate::tui::layout::{self, body_and_footer, row_in};
use crate::tui::search::Search;

/// A hit and the entry it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub entry: usize,
    pub hit: Hit,
}

/// One line of the results list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultLine {
    /// A report's heading: the entry and how many hits it has.
    Report { entry: usize, count: usize },
    /// Where hit `n` is: report › section path.
    Place(usize),
    /// The sentence of hit `n`.
    Sentence(usize),
}

/// Lines each hit takes: its place, its sentence.
const LINES_PER_HIT: usize = 2;

#[derive(Debug, Clone)]
pub struct ResultsScreen {
    /// The entries searched, in the picker's order.
    order: Vec<usize>,
    /// Those entries folded for searching, once.
    index: Index,
    /// The query, the hits in list order and the selected one.
    pub search: Search<Found>,
    pub lines: Vec<ResultLine>,
    /// First line shown.
    pub offset: usize,
    size: Rect,
}

impl ResultsScreen {
    /// An empty search being typed over the entries `order` (the picker's order).
    pub fn start(order: Vec<usize>, env: &Env) -> Self {
        let order: Vec<usize> = order
            .into_iter()
            .filter(|&e| e < env.entries.len())
            .collect();
        ResultsScreen {
            index: Index::new(order.iter().map(|&e| &env.entries[e].report)),
            order,
            search: Search::start(),
            lines: Vec::new(),
            offset: 0,
            size: env.size,
        }
    }

    pub fn context(&self) -> Context {
        if self.search.editing {
            Context::SearchInput
        } else {
            Context::Results
        }
    }

    /// Ends typing the query; false when there is none or none is being typed (Back then
    /// leaves the screen).
    pub fn back(&mut self) -> bool {
        let typed = self.search.editing && !self.search.query.is_empty();
        self.search.editing = false;
        typed
    }

    pub fn relayout(&mut self, env: &Env) {
        self.size = env.size;
        self.keep_selection_visible();
    }

    pub fn update(&mut self, action: Action, env: &Env) -> Step {
        if self.search.editing {
            match action {
                Action::Type(c) => self.search.query.push(c),
                Action::DeleteBack => {
                    self.search.query.pop();
                }
                _ => return Step::Stay,
            }
            self.find();
            return Step::Stay;
        }
        match action {
            Action::Down | Action::ScrollDownAt(..) => self.step(1),
            Action::Up | Action::ScrollUpAt(..) => self.step(-1),
            Action::PageDown | Action::HalfPageDown => self.step(self.page()),
            Action::PageUp | Action::HalfPageUp => self.step(-self.page()),
            Action::Top => self.step(isize::MIN / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::StartSearch => self.search.editing = true,
            Action::Open => return self.open(env),
            Action::ClickAt(column, row) => {
                let (body, _) = body_and_footer(self.size);
                let clicked = row_in(body, column, row)
                    .and_then(|r| self.lines.get(self.offset + r))
                    .and_then(|line| match *line {
                        ResultLine::Place(n) | ResultLine::Sentence(n) => Some(n),
                        ResultLine::Report { .. } => None,
                    });
                if let Some(n) = clicked {
                    if self.search.current == Some(n) {
                        return self.open(env);
                    }
                    self.search.current = Some(n);
                    self.keep_selection_visible();
                }
            }
            _ => {}
        }
        Step::Stay
    }

    /// Searches every entry for the query; the first hit is selected.
    fn find(&mut self) {
        let groups = self.index.search(&self.search.query);
        self.search.hits.clear();
        self.lines.clear();
        for group in groups {
            let entry = self.order[group.report];
            self.lines.push(ResultLine::Report {
                entry,
                count: group.hits.len(),
            });
            for hit in group.hits {
                let n = self.search.hits.len();
                self.lines
                    .extend([ResultLine::Place(n), ResultLine::Sentence(n)]);
                self.search.hits.push(Found { entry, hit });
            }
        }
        self.search.current = (!self.search.hits.is_empty()).then_some(0);
        self.offset = 0;
        self.keep_selection_visible();
    }

    /// Moves the selection by `delta` hits, stopping at the ends.
    fn step(&mut self, delta: isize) {
        let Some(current) = self.search.current else {
            return;
        };
        let last = self.search.hits.len().saturating_sub(1);
        self.search.current = Some(current.saturating_add_signed(delta).min(last));
        self.keep_selection_visible();
    }

    /// Hits a page holds.
    fn page(&self) -> isize {
        let rows = usize::from(list_height(self.size));
        (rows / LINES_PER_HIT).max(1) as isize
    }

    /// Scrolls so the selected hit's lines show, with its report's heading when it is the
    /// report's first hit.
    fn keep_selection_visible(&mut self) {
        let height = usize::from(list_height(self.size)).max(1);
        let Some(current) = self.search.current else {
            self.offset = 0;
            return;
        };
        let Some(place) = self
            .lines
            .iter()
            .position(|l| *l == ResultLine::Place(current))
        else {
            return;
        };
        let heading_above = place > 0 && matches!(self.lines[place - 1], ResultLine::Report { .. });
        let first = if heading_above { place - 1 } else { place };
        let last = place + LINES_PER_HIT - 1;
        if first < self.offset {
            self.offset = first;
        } else if last >= self.offset + height {
            self.offset = (last + 1).saturating_sub(height).min(place);
        }
    }

    /// The reader on the selected hit's report, at the hit.
    fn open(&self, env: &Env) -> Step {
        let Some(found) = self.search.current_hit() else {
            return Step::Stay;
        };
        let Some(mut reader) = ReaderScreen::new(found.entry, env) else {
            return Step::Stay;
        };
        reader.search_at(&self.search.query, &found.hit);
        Step::Push(Screen::Reader(Box::new(reader)))
    }
}

/// Rows of the results list for a terminal size (inside the pane's border).
pub fn list_height(size: Rect) -> u16 {
    layout::inner(body_and_footer(size).0).height
}
