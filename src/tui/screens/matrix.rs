//! The topics × reports matrix: computed once when it opens, over the reports marked in the
//! picker (all when none is); the selected cell, what the grid shows of it (first row and column
//! shown), Enter opening the cell's item in its reader; Space marking two columns and `d`
//! comparing their items of the selected topic; `/` keeping the topics whose name or items hold
//! the words typed. No drawing.

use ratatui::layout::Rect;

use super::compare::CompareScreen;
use super::reader::ReaderScreen;
use super::{Env, Screen, Step};
use crate::compare::corpus::{UnitKind, units};
use crate::compare::topics::{Matrix, matrix};
use crate::model::{Part, PartKind};
use crate::present::comparison::{ChosenPart, ComparisonDoc};
use crate::present::labels;
use crate::present::matrix::{cell_unit, cell_units, topic_name};
use crate::tui::action::{Action, Context};
use crate::tui::layout::{body_and_footer, inner};
use crate::tui::search::{self, Search};

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
    /// The topics shown, in order: all of them, or those the filter keeps.
    pub rows: Vec<usize>,
    /// `/`: the words typed; its hits are the topics kept.
    pub filter: Search<usize>,
    /// The columns marked with Space, in the order marked (two at most: the left and right of
    /// `d`).
    pub marked: Vec<usize>,
    /// The selected row (an index into `rows`) and report.
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
            rows: (0..survey.topics.len()).collect(),
            survey,
            filter: Search::default(),
            marked: Vec::new(),
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

    pub fn context(&self) -> Context {
        if self.filter.editing {
            Context::SearchInput
        } else {
            Context::Matrix
        }
    }

    /// Ends typing the filter, or clears it; false when there is none.
    pub fn back(&mut self) -> bool {
        let closed = self.filter.back();
        if closed && self.filter.is_empty() {
            self.refilter();
        }
        closed
    }

    /// The topic of the selected row.
    pub fn topic(&self) -> Option<usize> {
        self.rows.get(self.row).copied()
    }

    pub fn update(&mut self, action: Action, env: &Env) -> Step {
        if self.filter.editing {
            match action {
                Action::Type(c) => self.filter.query.push(c),
                Action::DeleteBack => {
                    self.filter.query.pop();
                }
                _ => return Step::Stay,
            }
            self.refilter();
            return Step::Stay;
        }
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
            Action::Mark => self.toggle_mark(),
            Action::OpenCompare => return self.compare_row(env),
            Action::StartSearch => {
                self.filter = Search::start();
                self.refilter();
            }
            _ => {}
        }
        Step::Stay
    }

    fn move_row(&mut self, delta: isize) {
        self.row = self
            .row
            .saturating_add_signed(delta)
            .min(self.rows.len().saturating_sub(1));
        self.keep_visible();
    }

    /// The topics whose name, or the text of one of whose units, holds the filter's words (all
    /// when there are none); the selection stays on its topic when it is kept.
    fn refilter(&mut self) {
        let selected = self.topic();
        let needle = search::needle(&self.filter.query);
        let survey = &self.survey;
        let holds = |text: &str| !search::find(text, &needle).is_empty();
        self.filter.hits = if self.filter.query.trim().is_empty() {
            Vec::new()
        } else {
            (0..survey.topics.len())
                .filter(|&t| {
                    let topic = &survey.topics[t];
                    holds(&topic_name(survey, t))
                        || topic
                            .cells
                            .iter()
                            .flatten()
                            .filter_map(|&u| survey.units.get(u))
                            .any(|u| holds(&u.text))
                })
                .collect()
        };
        self.rows = if self.filter.query.trim().is_empty() {
            (0..survey.topics.len()).collect()
        } else {
            self.filter.hits.clone()
        };
        self.row = selected
            .and_then(|t| self.rows.iter().position(|&r| r == t))
            .unwrap_or(0);
        self.top = 0;
        self.keep_visible();
    }

    /// Space: marks the selected column, or unmarks it; a third mark replaces the first.
    fn toggle_mark(&mut self) {
        if let Some(at) = self.marked.iter().position(|&c| c == self.column) {
            self.marked.remove(at);
        } else {
            if self.marked.len() == 2 {
                self.marked.remove(0);
            }
            self.marked.push(self.column);
        }
    }

    /// `d`: the two marked reports' units of the selected topic (or, for a report with none,
    /// its near miss) side by side, paired by content.
    fn compare_row(&self, env: &Env) -> Step {
        let (Some(topic), [left, right]) = (self.topic(), self.marked.as_slice()) else {
            return Step::Say(labels::MARK_TWO_COLUMNS.to_string());
        };
        let label = topic_name(&self.survey, topic);
        let (Some(left_part), Some(right_part)) = (
            self.topic_part(topic, *left, &label, env),
            self.topic_part(topic, *right, &label, env),
        ) else {
            return Step::Stay;
        };
        let chosen = |column: usize, part| {
            let entry = &env.entries[self.entries[column]];
            ChosenPart {
                file: entry.source.clone(),
                report: &entry.report,
                part,
            }
        };
        let doc = ComparisonDoc::new(chosen(*left, &left_part), chosen(*right, &right_part));
        let screen = CompareScreen::with_doc(self.entries[*left], self.entries[*right], doc, env);
        Step::Push(Screen::Compare(Box::new(screen)))
    }

    /// The plan of a column's report with only its units of the topic, headed by the topic.
    fn topic_part(&self, topic: usize, column: usize, label: &str, env: &Env) -> Option<Part> {
        let report = &env.entries.get(*self.entries.get(column)?)?.report;
        let plan = report.part_of_kind(PartKind::Plan)?;
        let nodes = cell_units(&self.survey, topic, column)
            .into_iter()
            .filter_map(|u| report.node(&self.survey.units.get(u)?.id).cloned())
            .collect();
        Some(Part {
            id: plan.id.clone(),
            kind: plan.kind,
            year: plan.year,
            half: plan.half,
            heading: labels::topic_part_heading(&plan.heading, label),
            text: String::new(),
            nodes,
            line: plan.line,
        })
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
        let Some(unit) = self
            .topic()
            .and_then(|t| cell_unit(&self.survey, t, self.column))
        else {
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
