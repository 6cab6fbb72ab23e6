//! The topics × reports matrix: computed once when it opens, over the reports marked in the
//! picker (all when none is); the selected cell, what the grid shows of it (first row and column
//! shown), Enter opening the cell's item in its reader. No drawing.

use ratatui::layout::Rect;

use super::reader::ReaderScreen;
use super::{Env, Screen, Step};
use crate::compare::corpus::{UnitKind, units};
use crate::compare::topics::{Matrix, matrix};
use crate::model::PartKind;
use crate::present::labels;
use crate::present::matrix::cell_unit;
use crate::tui::action::Action;
use crate::tui::layout::{body_and_footer, inner};

/// Rows of text each topic takes in the grid.
pub const ROW_LINES: u16 = 2;
/// Width of a report's column, and at most that of the topic column, in cells.
pub const COLUMN_WIDTH: u16 = 26;
pub const TOPIC_WIDTH: u16 = 20;

#[derive(Debug, Clone)]
pub struct MatrixScreen {
    /// The entry of each column.
    pub entries: Vec<usize>,
    /// Each column's header (`光明区 · 2025`).
    pub columns: Vec<String>,
    pub survey: Matrix,
    /// The selected topic and report.
    pub row: usize,
    pub column: usize,
    /// The first topic and report the grid shows.
    pub top: usize,
    pub left: usize,
    size: Rect,
}

impl MatrixScreen {
    /// The matrix of the plans of these entries; `None` when none has a plan.
    pub fn open(entries: &[usize], env: &Env) -> Option<Self> {
        let entries: Vec<usize> = entries
            .iter()
            .copied()
            .filter(|&e| {
                env.entries
                    .get(e)
                    .is_some_and(|e| e.report.part_of_kind(PartKind::Plan).is_some())
            })
            .collect();
        if entries.is_empty() {
            return None;
        }
        let reports: Vec<_> = entries.iter().map(|&e| &env.entries[e].report).collect();
        let survey = matrix(
            units(&reports, PartKind::Plan, UnitKind::Item),
            reports.len(),
        );
        let columns = reports
            .iter()
            .map(|r| labels::report_column(r, r.part_of_kind(PartKind::Plan).and_then(|p| p.year)))
            .collect();
        Some(MatrixScreen {
            entries,
            columns,
            survey,
            row: 0,
            column: 0,
            top: 0,
            left: 0,
            size: env.size,
        })
    }

    pub fn relayout(&mut self, env: &Env) {
        self.size = env.size;
        self.keep_visible();
    }

    pub fn update(&mut self, action: Action, env: &Env) -> Step {
        let page = grid_shape(grid_area(self.size)).1;
        match action {
            Action::Down | Action::ScrollDownAt(..) => self.move_row(1),
            Action::Up | Action::ScrollUpAt(..) => self.move_row(-1),
            Action::PageDown => self.move_row(signed(page)),
            Action::PageUp => self.move_row(-signed(page)),
            Action::HalfPageDown => self.move_row(signed(page / 2).max(1)),
            Action::HalfPageUp => self.move_row(-signed(page / 2).max(1)),
            Action::Top => self.move_row(isize::MIN / 2),
            Action::Bottom => self.move_row(isize::MAX / 2),
            Action::ColumnLeft => self.move_column(-1),
            Action::ColumnRight => self.move_column(1),
            Action::Open => return self.open_cell(env),
            _ => {}
        }
        Step::Stay
    }

    fn move_row(&mut self, delta: isize) {
        self.row = self
            .row
            .saturating_add_signed(delta)
            .min(self.survey.topics.len().saturating_sub(1));
        self.keep_visible();
    }

    fn move_column(&mut self, delta: isize) {
        self.column = self
            .column
            .saturating_add_signed(delta)
            .min(self.columns.len().saturating_sub(1));
        self.keep_visible();
    }

    /// Scrolls so the selected cell shows.
    fn keep_visible(&mut self) {
        let (columns, rows) = grid_shape(grid_area(self.size));
        self.top = self.top.clamp(self.row.saturating_sub(rows - 1), self.row);
        self.left = self
            .left
            .clamp(self.column.saturating_sub(columns - 1), self.column);
    }

    fn open_cell(&self, env: &Env) -> Step {
        let Some(unit) = cell_unit(&self.survey, self.row, self.column) else {
            return Step::Stay;
        };
        let (Some(&entry), Some(unit)) =
            (self.entries.get(self.column), self.survey.units.get(unit))
        else {
            return Step::Stay;
        };
        ReaderScreen::at(entry, &unit.id, env)
            .map_or(Step::Stay, |r| Step::Push(Screen::Reader(Box::new(r))))
    }
}

/// Where the grid goes on a terminal of this size: inside the pane above the footer.
pub fn grid_area(size: Rect) -> Rect {
    inner(body_and_footer(size).0)
}

/// How many report columns and topic rows a grid in `inside` shows (at least one each).
pub fn grid_shape(inside: Rect) -> (usize, usize) {
    let topic = topic_width(inside.width);
    let columns = usize::from(inside.width.saturating_sub(topic) / COLUMN_WIDTH).max(1);
    // the header row stays on top
    let rows = usize::from(inside.height.saturating_sub(1) / ROW_LINES).max(1);
    (columns, rows)
}

/// The topic column's width in a grid this wide: up to [`TOPIC_WIDTH`], a third on narrow screens.
pub fn topic_width(width: u16) -> u16 {
    TOPIC_WIDTH.min(width / 3)
}

/// A count of rows as a step (rows on screen: far below `isize::MAX`).
fn signed(rows: usize) -> isize {
    isize::try_from(rows).unwrap_or(isize::MAX)
}
