//! The side-by-side comparison screen: the aligned pairs of two parts with their in-pair changes
//! (computed once when it opens), laid out per terminal width in rows that keep both sides of a
//! pair together, and its update. Uses ratatui's `Rect` for layout arithmetic only: no drawing,
//! no file access.

use std::ops::Range;

use ratatui::layout::Rect;

use super::handoff::{self, Handoff, Replace};
use super::{Env, Step, WHEEL_LINES};
use crate::compare::align::Column;
use crate::export::redline::redline;
use crate::present::comparison::{ChosenPart, ComparisonDoc, PairRow};
use crate::present::labels;
use crate::text::wrap::{self, WrapOptions};
use crate::tui::action::{Action, Context};
use crate::tui::layout::body_and_footer;
use crate::tui::search::{self, Search};

/// Below this width the two sides are stacked, left above right.
pub const STACK_BELOW_WIDTH: u16 = 80;
/// Cells before each stacked line saying which side it is (`< ` left, `> ` right).
pub const GUTTER: u16 = 2;

/// A search hit: a byte range of one side's text of a pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareHit {
    pub pair: usize,
    pub side: Column,
    pub range: Range<usize>,
}

/// Which side a screen row shows (stacked layout), or both (side by side).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Both,
    Left,
    Right,
}

/// One screen row of the comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// The pair's heading: labels, score, moved note.
    Label {
        pair: usize,
    },
    Text {
        pair: usize,
        side: Side,
        left: Option<wrap::Line>,
        right: Option<wrap::Line>,
    },
    Blank,
}

/// The comparison laid out for one terminal size.
#[derive(Debug, Clone, Default)]
pub struct CompareLayout {
    pub width: u16,
    pub stacked: bool,
    /// Text width of one side.
    pub column: usize,
    pub rows: Vec<Row>,
    /// First row of each pair.
    pub pair_starts: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct CompareScreen {
    pub left_entry: usize,
    pub right_entry: usize,
    /// The pairs with their texts and changes, as `planlens diff` prints them.
    pub doc: ComparisonDoc,
    pub layout: CompareLayout,
    /// First row shown.
    pub scroll: usize,
    /// `/` over both sides' texts.
    pub search: Search<CompareHit>,
    /// The redline (`x`) waiting for the user to say whether to replace the file there.
    pub replacing: Option<Replace>,
    /// The terminal size the screen is laid out for.
    size: Rect,
}

impl CompareScreen {
    /// The comparison of two parts, (entry, part id) each, laid out for the screen; `None` when
    /// either is not loaded.
    pub fn open(left: (usize, &str), right: (usize, &str), env: &Env) -> Option<Self> {
        let find = |(entry, id): (usize, &str)| {
            let entry_ref = env.entries.get(entry)?;
            let report = &entry_ref.report;
            Some(ChosenPart {
                file: entry_ref.source.clone(),
                report,
                part: report.parts.iter().find(|p| p.id == id)?,
            })
        };
        let doc = ComparisonDoc::new(find(left)?, find(right)?);
        Some(Self::with_doc(left.0, right.0, doc, env))
    }

    /// A comparison already made (of parts cut to some of their nodes: the matrix's topic),
    /// laid out for the screen.
    pub fn with_doc(left_entry: usize, right_entry: usize, doc: ComparisonDoc, env: &Env) -> Self {
        let mut screen = CompareScreen {
            left_entry,
            right_entry,
            doc,
            layout: CompareLayout::default(),
            scroll: 0,
            search: Search::default(),
            replacing: None,
            size: Rect::default(),
        };
        screen.relayout(env);
        screen
    }

    /// `光明区 · 二、2025年工作计划`, the left and right panes' titles.
    pub fn titles(&self) -> (String, String) {
        (self.doc.left.pane_title(), self.doc.right.pane_title())
    }

    pub fn context(&self) -> Context {
        if self.replacing.is_some() {
            Context::Confirm
        } else if self.search.editing {
            Context::SearchInput
        } else {
            Context::Compare
        }
    }

    /// Closes the replace question, ends typing the query, or clears the search; false when
    /// there is none.
    pub fn back(&mut self) -> bool {
        self.replacing.take().is_some() || self.search.back()
    }

    /// Lays the pairs out for a terminal size (only when the width changed); keeps the pair at
    /// the top of the view at the top.
    pub fn relayout(&mut self, env: &Env) {
        let size = env.size;
        self.size = size;
        if self.layout.width != size.width || self.layout.rows.is_empty() {
            let top = self.pair_at(self.scroll);
            self.layout = layout(&self.doc.rows, size.width, env.ambiguous_wide);
            self.scroll = top
                .and_then(|p| self.layout.pair_starts.get(p).copied())
                .unwrap_or(0);
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// The last first row: the bottom of the comparison at the bottom of the view.
    fn max_scroll(&self) -> usize {
        self.layout
            .rows
            .len()
            .saturating_sub(Self::height(self.size))
    }

    pub fn update(&mut self, action: Action, _env: &Env) -> Step {
        if self.replacing.is_some() {
            return handoff::update_replace(&mut self.replacing, action);
        }
        if self.search.editing {
            self.update_search_input(action);
            return Step::Stay;
        }
        match action {
            Action::Handoff => return self.handoff(),
            Action::StartSearch => {
                self.search = Search::start();
                return Step::Stay;
            }
            Action::NextHit | Action::PreviousHit => {
                let delta = if action == Action::NextHit { 1 } else { -1 };
                if !self.search.step(delta) {
                    return Step::Say(if self.search.query.is_empty() {
                        labels::SEARCH_FIRST.to_string()
                    } else {
                        labels::not_found(&self.search.query)
                    });
                }
                self.show_current_hit();
                return Step::Stay;
            }
            _ => {}
        }
        let height = Self::height(self.size);
        let max = self.max_scroll();
        let by = |scroll: usize, delta: isize| scroll.saturating_add_signed(delta).min(max);
        let half = (height / 2).max(1) as isize;
        self.scroll = match action {
            Action::Down => by(self.scroll, 1),
            Action::Up => by(self.scroll, -1),
            Action::ScrollDownAt(..) => by(self.scroll, WHEEL_LINES as isize),
            Action::ScrollUpAt(..) => by(self.scroll, -(WHEEL_LINES as isize)),
            Action::PageDown => by(self.scroll, height as isize),
            Action::PageUp => by(self.scroll, -(height as isize)),
            Action::HalfPageDown => by(self.scroll, half),
            Action::HalfPageUp => by(self.scroll, -half),
            Action::Top => 0,
            Action::Bottom => max,
            Action::NextChange | Action::PreviousChange => {
                match self
                    .jump(action == Action::NextChange)
                    .map(|row| row.min(max))
                {
                    Some(row) if row != self.scroll => row,
                    _ => return Step::Say(labels::NO_MORE_CHANGES.to_string()),
                }
            }
            _ => return Step::Stay,
        };
        Step::Stay
    }

    fn update_search_input(&mut self, action: Action) {
        match action {
            Action::Type(c) => self.search.query.push(c),
            Action::DeleteBack => {
                self.search.query.pop();
            }
            _ => return,
        }
        let needle = search::needle(&self.search.query);
        self.search.hits = self
            .doc
            .rows
            .iter()
            .enumerate()
            .flat_map(|(pair, row)| {
                let needle = &needle;
                [Column::Left, Column::Right]
                    .into_iter()
                    .flat_map(move |side| {
                        let text = row.side(side).map_or("", |n| n.shown.as_str());
                        search::find(text, needle)
                            .into_iter()
                            .map(move |range| CompareHit { pair, side, range })
                    })
            })
            .collect();
        // the first hit from the top of the view on
        let from = self.scroll;
        let first = self.search.hits.iter().position(|h| self.row_of(h) >= from);
        self.search.current = first.or((!self.search.hits.is_empty()).then_some(0));
        self.show_current_hit();
    }

    /// `x`: the redline, beside the left report.
    fn handoff(&self) -> Step {
        let (left, right) = (&self.doc.left, &self.doc.right);
        Handoff {
            source: left.file.clone(),
            name: handoff::file_name((&left.file, &left.part), (&right.file, &right.part), "html"),
            bytes: redline(&self.doc).into_bytes(),
        }
        .write(false)
    }

    /// The row showing the start of a hit.
    pub fn row_of(&self, hit: &CompareHit) -> usize {
        let start = self.layout.pair_starts.get(hit.pair).copied().unwrap_or(0);
        let shows = |line: &Option<wrap::Line>| {
            line.as_ref()
                .is_some_and(|l| l.range.start <= hit.range.start && hit.range.start < l.range.end)
        };
        self.layout.rows[start..]
            .iter()
            .take_while(|row| !matches!(row, Row::Label { pair } if *pair != hit.pair))
            .position(|row| match row {
                Row::Text { left, right, .. } => match hit.side {
                    Column::Left => shows(left),
                    Column::Right => shows(right),
                },
                _ => false,
            })
            .map_or(start, |i| start + i)
    }

    /// Scrolls so the current hit is in view (a third down the view).
    fn show_current_hit(&mut self) {
        let Some(row) = self.search.current_hit().map(|h| self.row_of(h)) else {
            return;
        };
        let height = Self::height(self.size);
        if row < self.scroll || row >= self.scroll + height {
            self.scroll = row.saturating_sub(height / 3).min(self.max_scroll());
        }
    }

    /// The pair shown on a row.
    pub fn pair_at(&self, row: usize) -> Option<usize> {
        let starts = &self.layout.pair_starts;
        match starts.binary_search(&row) {
            Ok(p) => Some(p),
            Err(0) => None,
            Err(next) => Some(next - 1),
        }
    }

    /// The first row of the next (`forward`) or previous pair with differences.
    pub fn jump(&self, forward: bool) -> Option<usize> {
        let current = self.pair_at(self.scroll).unwrap_or(0);
        let candidates: Box<dyn Iterator<Item = usize>> = if forward {
            Box::new(current + 1..self.doc.rows.len())
        } else {
            Box::new((0..current).rev())
        };
        candidates
            .into_iter()
            .find(|&p| self.doc.rows[p].pair.changed)
            .and_then(|p| self.layout.pair_starts.get(p).copied())
    }

    /// Rows the view shows below its header.
    pub fn height(size: Rect) -> usize {
        let (body, _) = body_and_footer(size);
        usize::from(body.height.saturating_sub(3)).max(1)
    }
}

/// Rows for all pairs: side by side when wide enough, else stacked.
fn layout(pairs: &[PairRow], width: u16, ambiguous_wide: bool) -> CompareLayout {
    let stacked = width < STACK_BELOW_WIDTH;
    // side by side: two bordered panes; stacked: one bordered pane
    let column = if stacked {
        usize::from(width.saturating_sub(2 + GUTTER))
    } else {
        usize::from(width / 2).saturating_sub(2)
    }
    .max(1);
    let options = WrapOptions {
        width: column,
        ambiguous_wide,
    };
    let mut rows = Vec::new();
    let mut pair_starts = Vec::with_capacity(pairs.len());
    for (index, pair) in pairs.iter().enumerate() {
        pair_starts.push(rows.len());
        rows.push(Row::Label { pair: index });
        let wrap = |side: Column| {
            pair.side(side)
                .map_or_else(Vec::new, |n| wrap::layout(&n.shown, options))
        };
        let (left, right) = (wrap(Column::Left), wrap(Column::Right));
        if stacked {
            rows.extend(left.into_iter().map(|l| Row::Text {
                pair: index,
                side: Side::Left,
                left: Some(l),
                right: None,
            }));
            rows.extend(right.into_iter().map(|r| Row::Text {
                pair: index,
                side: Side::Right,
                left: None,
                right: Some(r),
            }));
        } else {
            let height = left.len().max(right.len());
            let (mut left, mut right) = (left.into_iter(), right.into_iter());
            for _ in 0..height {
                rows.push(Row::Text {
                    pair: index,
                    side: Side::Both,
                    left: left.next(),
                    right: right.next(),
                });
            }
        }
        rows.push(Row::Blank);
    }
    CompareLayout {
        width,
        stacked,
        column,
        rows,
        pair_starts,
    }
}
