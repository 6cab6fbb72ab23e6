//! The corpus picker's state and update: the loaded reports grouped by district and bureau, the
//! selected row, the reports marked for the matrix, the files that failed to load. Opening a
//! report pushes the reader, `/` the search across every report, `M` the matrix and `R` the
//! recurring items of the marked reports (all when none is). No drawing.

use super::matrix::MatrixScreen;
use super::reader::ReaderScreen;
use super::recur::RecurScreen;
use super::results::ResultsScreen;
use super::{Env, Screen, Step};
use crate::compare::key::OrgKey;
use crate::present::labels;
use crate::tui::action::Action;
use crate::tui::entry::Entry;
use crate::tui::layout::{self, row_in};

/// One row of the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerRow {
    Group(String),
    Report(usize),
}

#[derive(Debug, Clone)]
pub struct PickerScreen {
    pub rows: Vec<PickerRow>,
    /// Index into `rows`, always on a `Report` row when there is one.
    pub selected: usize,
    /// One-line errors of the files that failed to load.
    pub failures: Vec<String>,
    /// The entries marked with Space, in entry order.
    pub marked: Vec<usize>,
}

impl PickerScreen {
    pub fn new(entries: &[Entry], failures: Vec<String>) -> Self {
        let rows = picker_rows(entries);
        let selected = rows
            .iter()
            .position(|r| matches!(r, PickerRow::Report(_)))
            .unwrap_or(0);
        PickerScreen {
            rows,
            selected,
            failures,
            marked: Vec::new(),
        }
    }

    pub fn update(&mut self, action: Action, env: &Env) -> Step {
        match action {
            Action::Down | Action::ScrollDownAt(..) => self.step(1),
            Action::Up | Action::ScrollUpAt(..) => self.step(-1),
            Action::PageDown | Action::HalfPageDown => self.step(10),
            Action::PageUp | Action::HalfPageUp => self.step(-10),
            Action::Top => self.step(isize::MIN / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::Open => return self.open(env),
            Action::StartSearch => return self.search_all(env),
            Action::Mark => self.toggle_mark(),
            Action::OpenMatrix => {
                return MatrixScreen::open(&self.surveyed(env), env).map_or_else(
                    || Step::Say(labels::NO_REPORT_TO_SURVEY.to_string()),
                    |m| Step::Push(Screen::Matrix(Box::new(m))),
                );
            }
            Action::OpenRecur => {
                return RecurScreen::open(&self.surveyed(env), env).map_or_else(
                    || Step::Say(labels::NO_THREADS.to_string()),
                    |r| Step::Push(Screen::Recur(Box::new(r))),
                );
            }
            Action::ClickAt(column, row) => {
                let (body, _) = layout::body_and_footer(env.size);
                let offset = layout::list_offset(self.selected, layout::inner(body).height);
                if let Some(r) = row_in(body, column, row).map(|r| r + offset)
                    && let Some(PickerRow::Report(_)) = self.rows.get(r)
                {
                    if r == self.selected {
                        return self.open(env);
                    }
                    self.selected = r;
                }
            }
            _ => {}
        }
        Step::Stay
    }

    /// Selects the row of an entry (the report opened from the command line).
    pub fn select_entry(&mut self, entry: usize) {
        if let Some(row) = self
            .rows
            .iter()
            .position(|r| *r == PickerRow::Report(entry))
        {
            self.selected = row;
        }
    }

    fn toggle_mark(&mut self) {
        if let Some(PickerRow::Report(entry)) = self.rows.get(self.selected) {
            match self.marked.binary_search(entry) {
                Ok(at) => {
                    self.marked.remove(at);
                }
                Err(at) => self.marked.insert(at, *entry),
            }
        }
    }

    /// The entries the matrix and the recurring items look at: the marked ones, else all.
    fn surveyed(&self, env: &Env) -> Vec<usize> {
        if self.marked.is_empty() {
            (0..env.entries.len()).collect()
        } else {
            self.marked.clone()
        }
    }

    fn step(&mut self, delta: isize) {
        let reports: Vec<usize> = (0..self.rows.len())
            .filter(|&i| matches!(self.rows[i], PickerRow::Report(_)))
            .collect();
        let Some(at) = reports.iter().position(|&i| i == self.selected) else {
            return;
        };
        let target = at
            .saturating_add_signed(delta)
            .min(reports.len().saturating_sub(1));
        if let Some(&row) = reports.get(target) {
            self.selected = row;
        }
    }

    /// `/`: the search across every report, listed in the picker's order.
    fn search_all(&self, env: &Env) -> Step {
        let order = self.rows.iter().filter_map(|row| match row {
            PickerRow::Report(entry) => Some(*entry),
            PickerRow::Group(_) => None,
        });
        let results = ResultsScreen::start(order.collect(), env);
        Step::Push(Screen::Results(Box::new(results)))
    }

    fn open(&self, env: &Env) -> Step {
        match self.rows.get(self.selected) {
            Some(PickerRow::Report(entry)) => ReaderScreen::new(*entry, env)
                .map_or(Step::Stay, |r| Step::Push(Screen::Reader(Box::new(r)))),
            _ => Step::Stay,
        }
    }
}

fn picker_rows(entries: &[Entry]) -> Vec<PickerRow> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    let key = |e: &Entry| {
        let r = &e.report;
        let first_year = r.parts.iter().filter_map(|p| p.year).min();
        (OrgKey::of(r), first_year, e.source.clone())
    };
    order.sort_by_key(|&i| key(&entries[i]));
    let mut rows = Vec::new();
    let mut group = None;
    for i in order {
        let r = &entries[i].report;
        let org = OrgKey::of(r);
        if group.as_ref() != Some(&org) {
            // the group is named as its first report writes it
            rows.push(PickerRow::Group(labels::org_name(r)));
            group = Some(org);
        }
        rows.push(PickerRow::Report(i));
    }
    rows
}
