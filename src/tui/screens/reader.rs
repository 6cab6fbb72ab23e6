//! The reader's state and update: one report as a foldable tree beside its wrapped text, the
//! search, and the popups it opens (bookmarks, the comparison and audit choosers). Wrapping and
//! searching happen here once per request, never while drawing. No drawing, no files.

use std::ops::Range;

use ratatui::layout::Rect;

use super::compare::CompareScreen;
use super::{Chooser, Env, Screen, Step, WHEEL_LINES};
use crate::compare::align;
use crate::compare::warnings::{PairWarning, pair_warnings};
use crate::model::PartKind;
use crate::present::labels;
use crate::text::wrap::WrapOptions;
use crate::tui::action::{Action, Context};
use crate::tui::app::Effect;
use crate::tui::document::{DocLayout, Document};
use crate::tui::layout::{inner, reader_areas, row_in};
use crate::tui::search::{self, Search};

/// Which pane of the reader keys move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Reader,
}

/// A search hit: a byte range of a block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub block: usize,
    pub range: Range<usize>,
}

/// A popup the reader opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReaderPopup {
    /// The bookmarked ids of the report; Enter jumps to one.
    Bookmarks(Chooser<String>),
    /// The parts (entry, part id) the current part, `left`, can be compared with (each would be
    /// the right side).
    ChooseCompare {
        left: (usize, String),
        chooser: Chooser<(usize, String)>,
    },
    /// The summaries (entry, what is off about the pair) the plan can be audited against.
    ChooseAudit(Chooser<(usize, Vec<PairWarning>)>),
}

/// The reader on one report.
#[derive(Debug, Clone)]
pub struct ReaderScreen {
    pub entry: usize,
    /// Where the report came from (its bookmarks are kept under it).
    pub source: String,
    pub doc: Document,
    pub layout: DocLayout,
    /// Fold state per block (only meaningful for blocks with children).
    pub open: Vec<bool>,
    pub selected: usize,
    /// First tree row shown.
    pub tree_offset: usize,
    /// First reader line shown.
    pub scroll: usize,
    pub focus: Focus,
    pub search: Search<Hit>,
    pub popup: Option<ReaderPopup>,
    /// The terminal size the screen is laid out for.
    size: Rect,
}

impl ReaderScreen {
    /// The reader on an entry, with the tree focused on the first block.
    pub fn new(entry: usize, env: &Env) -> Option<Self> {
        let e = env.entries.get(entry)?;
        let doc = Document::new(&e.report);
        let open = doc.blocks.iter().map(|b| b.depth == 0).collect();
        let mut screen = ReaderScreen {
            entry,
            source: e.source.clone(),
            layout: DocLayout::default(),
            open,
            selected: 0,
            tree_offset: 0,
            scroll: 0,
            focus: Focus::Tree,
            search: Search::default(),
            popup: None,
            doc,
            size: env.size,
        };
        screen.relayout(env);
        Some(screen)
    }

    /// The reader on an entry, opened at a node (an item chosen in the matrix or a thread).
    pub fn at(entry: usize, id: &str, env: &Env) -> Option<Self> {
        let mut screen = Self::new(entry, env)?;
        screen.go_to_id(id);
        Some(screen)
    }

    pub fn context(&self) -> Context {
        if self.popup.is_some() {
            Context::Overlay
        } else if self.search.editing {
            Context::SearchInput
        } else {
            Context::Reader
        }
    }

    /// Closes the popup, ends typing the query, or clears the search; false when none is open.
    pub fn back(&mut self) -> bool {
        if self.popup.take().is_some() {
            return true;
        }
        self.search.back()
    }

    /// Re-wraps the text for the size (only when the width changed), keeping the section at the
    /// top of the reader at the top.
    pub fn relayout(&mut self, env: &Env) {
        self.size = env.size;
        let options = wrap_options(env.size, env.ambiguous_wide);
        if self.layout.width != options.width || self.layout.lines.is_empty() {
            let top_block =
                (!self.layout.lines.is_empty()).then(|| self.layout.block_at(self.scroll));
            self.layout = DocLayout::new(&self.doc, options);
            self.scroll = top_block.map_or(0, |b| self.layout.block_starts[b]);
        }
        self.clamp_scroll();
        self.keep_selection_visible();
    }

    pub fn update(&mut self, action: Action, env: &Env) -> Step {
        match self.context() {
            Context::Overlay => self.update_popup(action, env),
            Context::SearchInput => {
                self.update_search_input(action);
                Step::Stay
            }
            _ => self.update_reading(action, env),
        }
    }

    fn update_popup(&mut self, action: Action, env: &Env) -> Step {
        let Some(popup) = &mut self.popup else {
            return Step::Stay;
        };
        let delta = match action {
            Action::Down => 1,
            Action::Up => -1,
            Action::Open => 0,
            _ => return Step::Stay,
        };
        if delta != 0 {
            match popup {
                ReaderPopup::Bookmarks(c) => c.step(delta),
                ReaderPopup::ChooseCompare { chooser, .. } => chooser.step(delta),
                ReaderPopup::ChooseAudit(c) => c.step(delta),
            }
            return Step::Stay;
        }
        let Some(popup) = self.popup.take() else {
            return Step::Stay;
        };
        match popup {
            ReaderPopup::Bookmarks(c) => match c.chosen() {
                Some(id) => self.go_to_id(id),
                None => Step::Stay,
            },
            ReaderPopup::ChooseCompare { left, chooser } => match chooser.chosen() {
                Some((entry, part)) => CompareScreen::open((left.0, &left.1), (*entry, part), env)
                    .map_or(Step::Stay, |c| Step::Push(Screen::Compare(Box::new(c)))),
                None => Step::Stay,
            },
            ReaderPopup::ChooseAudit(c) => match c.chosen() {
                Some((summary, _)) => Step::Effect(Effect::OpenAudit {
                    plan: self.entry,
                    summary: *summary,
                    source: self.source.clone(),
                }),
                None => Step::Stay,
            },
        }
    }

    /// Searches for `query` with `hit` (found across reports, in this report) as the current
    /// hit: its section unfolded and the text scrolled to it.
    pub fn search_at(&mut self, query: &str, hit: &crate::search::Hit) {
        // the opening paragraph's hits are in the front block, the first
        let block = self.doc.index_of(&hit.id).unwrap_or(0);
        let at = self.doc.blocks[block]
            .text
            .find(&hit.sentence)
            .map_or(0, |start| start + hit.range.start);
        let hits = find_hits(&self.doc, query);
        let current = hits
            .iter()
            .position(|h| h.block == block && h.range.end > at)
            .or((!hits.is_empty()).then_some(0));
        self.search = Search {
            query: query.to_string(),
            editing: false,
            hits,
            current,
        };
        for ancestor in self.doc.path(block) {
            self.open[ancestor] = true;
        }
        self.focus = Focus::Reader;
        self.show_current_hit();
    }

    fn update_search_input(&mut self, action: Action) {
        match action {
            Action::Type(c) => self.search.query.push(c),
            Action::DeleteBack => {
                self.search.query.pop();
            }
            _ => return,
        }
        self.search.hits = find_hits(&self.doc, &self.search.query);
        let from_line = self.scroll;
        let layout = &self.layout;
        self.search.current = self
            .search
            .hits
            .iter()
            .position(|h| layout.line_of(h.block, h.range.start) >= from_line)
            .or((!self.search.hits.is_empty()).then_some(0));
        self.show_current_hit();
    }

    fn update_reading(&mut self, action: Action, env: &Env) -> Step {
        let page = text_height(self.size);
        let tree_page = tree_height(self.size);
        let focus = self.focus;
        match action {
            Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp => {
                let (lines, rows) = match action {
                    Action::Down => (1, 1),
                    Action::Up => (-1, -1),
                    Action::PageDown => (page as isize, tree_page as isize),
                    Action::PageUp => (-(page as isize), -(tree_page as isize)),
                    Action::HalfPageDown => {
                        ((page / 2).max(1) as isize, (tree_page / 2).max(1) as isize)
                    }
                    _ => (
                        -((page / 2).max(1) as isize),
                        -((tree_page / 2).max(1) as isize),
                    ),
                };
                match focus {
                    Focus::Tree => self.move_selection(rows),
                    Focus::Reader => self.scroll_by(lines),
                }
            }
            Action::Top => match focus {
                Focus::Tree => self.select_row(0),
                Focus::Reader => self.scroll_to(0),
            },
            Action::Bottom => match focus {
                Focus::Tree => self.select_row(usize::MAX),
                Focus::Reader => self.scroll_to(usize::MAX),
            },
            Action::Fold => self.fold(),
            Action::Unfold => {
                if let Some(open) = self.open.get_mut(self.selected) {
                    *open = true;
                }
            }
            Action::Open if focus == Focus::Tree => {
                self.focus = Focus::Reader;
                self.show_block(self.selected);
            }
            Action::FocusNext => {
                self.focus = match focus {
                    Focus::Tree => Focus::Reader,
                    Focus::Reader => Focus::Tree,
                };
            }
            Action::StartSearch => {
                // hits show in the reader, so it takes the focus (the narrow layout shows it)
                self.focus = Focus::Reader;
                self.search = Search::start();
            }
            Action::NextHit => return self.step_hit(1),
            Action::PreviousHit => return self.step_hit(-1),
            Action::SetBookmark => return self.toggle_bookmark(),
            Action::ShowBookmarks => {
                let marks = env.bookmarks.get(&self.source).cloned();
                self.popup = Some(ReaderPopup::Bookmarks(Chooser::new(
                    marks.unwrap_or_default(),
                )));
            }
            Action::OpenCompare => return self.choose_compare(env),
            Action::OpenAudit => return self.choose_audit(env),
            Action::ScrollDownAt(column, row) | Action::ScrollUpAt(column, row) => {
                let down = matches!(action, Action::ScrollDownAt(..));
                let areas = reader_areas(self.size, focus);
                let over_tree = areas.tree.is_some_and(|t| t.contains((column, row).into()));
                let step = if down {
                    WHEEL_LINES as isize
                } else {
                    -(WHEEL_LINES as isize)
                };
                if over_tree {
                    self.move_selection(step);
                } else {
                    self.scroll_by(step);
                }
            }
            Action::ClickAt(column, row) => self.click(column, row),
            _ => {}
        }
        Step::Stay
    }

    fn click(&mut self, column: u16, row: u16) {
        let areas = reader_areas(self.size, self.focus);
        if let Some(tree) = areas.tree
            && let Some(r) = row_in(tree, column, row)
        {
            let rows = self.visible_rows();
            if let Some(&block) = rows.get(self.tree_offset + r) {
                self.focus = Focus::Tree;
                if self.selected == block && self.doc.blocks[block].has_children {
                    self.open[block] = !self.open[block];
                }
                self.select_block(block);
            }
        } else if areas
            .reader
            .is_some_and(|r| r.contains((column, row).into()))
        {
            self.focus = Focus::Reader;
        }
    }

    fn fold(&mut self) {
        let selected = self.selected;
        let Some(block) = self.doc.blocks.get(selected) else {
            return;
        };
        if block.has_children && self.open[selected] {
            self.open[selected] = false;
        } else if let Some(parent) = block.parent {
            self.select_block(parent);
        }
    }

    /// Moves the tree selection by `delta` visible rows.
    fn move_selection(&mut self, delta: isize) {
        let rows = self.visible_rows();
        let at = rows.iter().position(|&b| b == self.selected).unwrap_or(0);
        let target = at
            .saturating_add_signed(delta)
            .min(rows.len().saturating_sub(1));
        if let Some(&block) = rows.get(target) {
            self.select_block(block);
        }
    }

    fn select_row(&mut self, row: usize) {
        let rows = self.visible_rows();
        if let Some(&block) = rows.get(row.min(rows.len().saturating_sub(1))) {
            self.select_block(block);
        }
    }

    /// Selects a block in the tree and scrolls the reader to it.
    fn select_block(&mut self, block: usize) {
        self.selected = block;
        self.scroll = self.layout.block_starts.get(block).copied().unwrap_or(0);
        self.clamp_scroll();
        self.keep_selection_visible();
    }

    /// Scrolls the reader to a block and selects it (its folded ancestors stay folded: the
    /// nearest visible one is selected).
    fn show_block(&mut self, block: usize) {
        self.scroll = self.layout.block_starts.get(block).copied().unwrap_or(0);
        // near the end the scroll is clamped, but the section asked for stays selected
        self.clamp_scroll();
        self.selected = self.nearest_shown(block);
        self.keep_selection_visible();
    }

    fn go_to_id(&mut self, id: &str) -> Step {
        let Some(block) = self.doc.index_of(id) else {
            return Step::Say(labels::bookmark_gone(id));
        };
        for ancestor in self.doc.path(block) {
            self.open[ancestor] = true;
        }
        self.select_block(block);
        Step::Stay
    }

    fn scroll_by(&mut self, delta: isize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
        self.clamp_scroll();
        self.follow_scroll();
    }

    fn scroll_to(&mut self, line: usize) {
        self.scroll = line;
        self.clamp_scroll();
        self.follow_scroll();
    }

    fn clamp_scroll(&mut self) {
        let max = self
            .layout
            .lines
            .len()
            .saturating_sub(text_height(self.size));
        self.scroll = self.scroll.min(max);
    }

    /// The tree follows the reader: select the (visible) block at the top of the reader.
    fn follow_scroll(&mut self) {
        if self.layout.lines.is_empty() {
            return;
        }
        let top = self.layout.block_at(self.scroll);
        self.selected = self.nearest_shown(top);
        self.keep_selection_visible();
    }

    fn keep_selection_visible(&mut self) {
        let height = tree_height(self.size);
        let rows = self.visible_rows();
        let at = rows.iter().position(|&b| b == self.selected).unwrap_or(0);
        if at < self.tree_offset {
            self.tree_offset = at;
        } else if at >= self.tree_offset + height {
            self.tree_offset = at + 1 - height;
        }
        self.tree_offset = self.tree_offset.min(rows.len().saturating_sub(1));
    }

    fn step_hit(&mut self, delta: isize) -> Step {
        if !self.search.step(delta) {
            return Step::Say(if self.search.query.is_empty() {
                labels::SEARCH_FIRST.to_string()
            } else {
                labels::not_found(&self.search.query)
            });
        }
        self.show_current_hit();
        Step::Stay
    }

    /// Scrolls so the current hit is in view (a third down the pane) and selects its section.
    fn show_current_hit(&mut self) {
        let height = text_height(self.size);
        let Some(hit) = self.search.current_hit() else {
            return;
        };
        let block = hit.block;
        let line = self.layout.line_of(block, hit.range.start);
        if line < self.scroll || line >= self.scroll + height {
            self.scroll = line.saturating_sub(height / 3);
        }
        self.clamp_scroll();
        self.selected = self.nearest_shown(block);
        self.keep_selection_visible();
    }

    /// `m`: the section being read, the one at the top of the text when the text has the focus
    /// (the tree's selection may be a folded ancestor of it), else the tree's selection.
    fn toggle_bookmark(&self) -> Step {
        let block = match self.focus {
            Focus::Reader if !self.layout.lines.is_empty() => self.layout.block_at(self.scroll),
            _ => self.selected,
        };
        let Some(block) = self.doc.blocks.get(block) else {
            return Step::Stay;
        };
        Step::ToggleBookmark {
            source: self.source.clone(),
            id: block.id.clone(),
            label: block.label.clone(),
        }
    }

    /// The part of the report the selection is in (else its plan, else its first).
    fn current_part(&self, env: &Env) -> Option<(usize, String)> {
        let report = &env.entries.get(self.entry)?.report;
        let top = self
            .doc
            .path(self.selected)
            .first()
            .map(|&b| self.doc.blocks[b].id.clone());
        let part = top
            .filter(|id| report.parts.iter().any(|p| p.id == *id))
            .or_else(|| align::choose_part(report, None).ok().map(|p| p.id.clone()))?;
        Some((self.entry, part))
    }

    /// `d`: every part of every loaded report other than the current one, plans first.
    fn choose_compare(&mut self, env: &Env) -> Step {
        let Some(current) = self.current_part(env) else {
            return Step::Stay;
        };
        let mut choices: Vec<(usize, String)> = Vec::new();
        for (entry, e) in env.entries.iter().enumerate() {
            for part in &e.report.parts {
                if (entry, part.id.clone()) != current {
                    choices.push((entry, part.id.clone()));
                }
            }
        }
        let not_plan = |&(entry, ref id): &(usize, String)| {
            let part = env.entries[entry].report.parts.iter().find(|p| p.id == *id);
            part.map(|p| p.kind) != Some(PartKind::Plan)
        };
        choices.sort_by_key(|c| (c.0 == current.0, not_plan(c)));
        if choices.is_empty() {
            return Step::Say(labels::NOTHING_TO_COMPARE.to_string());
        }
        self.popup = Some(ReaderPopup::ChooseCompare {
            left: current,
            chooser: Chooser::new(choices),
        });
        Step::Stay
    }

    /// `a`: the summaries the report's plan can be audited against, the suggested pair (same
    /// district and bureau, plan year = summary year) first; opened at once when it is the only
    /// clean one.
    fn choose_audit(&mut self, env: &Env) -> Step {
        let plan = self.entry;
        let Some(plan_report) = env.entries.get(plan).map(|e| &e.report) else {
            return Step::Stay;
        };
        if plan_report.part_of_kind(PartKind::Plan).is_none() {
            return Step::Say(labels::NO_PLAN_PART.to_string());
        }
        let mut choices: Vec<(usize, Vec<PairWarning>)> = env
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.report.part_of_kind(PartKind::Summary).is_some())
            .map(|(i, e)| (i, pair_warnings(plan_report, &e.report)))
            .collect();
        choices.sort_by_key(|(i, w)| (w.len(), *i == plan));
        match choices.as_slice() {
            [] => Step::Say(labels::NO_SUMMARY_LOADED.to_string()),
            [(summary, warnings), rest @ ..]
                if warnings.is_empty() && rest.first().is_none_or(|r| !r.1.is_empty()) =>
            {
                Step::Effect(Effect::OpenAudit {
                    plan,
                    summary: *summary,
                    source: self.source.clone(),
                })
            }
            _ => {
                self.popup = Some(ReaderPopup::ChooseAudit(Chooser::new(choices)));
                Step::Stay
            }
        }
    }

    /// Whether a block shows in the tree (all its ancestors are open).
    fn is_shown(&self, block: usize) -> bool {
        let mut parent = self.doc.blocks[block].parent;
        while let Some(p) = parent {
            if !self.open[p] {
                return false;
            }
            parent = self.doc.blocks[p].parent;
        }
        true
    }

    /// The block itself if the tree shows it, else its outermost folded ancestor.
    pub fn nearest_shown(&self, block: usize) -> usize {
        self.doc
            .path(block)
            .into_iter()
            .find(|&b| b != block && !self.open[b])
            .unwrap_or(block)
    }

    /// The blocks the tree shows, in order.
    pub fn visible_rows(&self) -> Vec<usize> {
        (0..self.doc.blocks.len())
            .filter(|&b| self.is_shown(b))
            .collect()
    }
}

/// The reader pane's wrap width for a terminal size (the narrow layout gives the reader the
/// whole width).
fn wrap_options(size: Rect, ambiguous_wide: bool) -> WrapOptions {
    let reader = reader_areas(size, Focus::Reader).reader;
    WrapOptions {
        width: reader.map_or(1, |r| usize::from(inner(r).width).max(1)),
        ambiguous_wide,
    }
}

/// Rows of text the reader pane shows.
pub fn text_height(size: Rect) -> usize {
    let areas = reader_areas(size, Focus::Reader);
    areas
        .reader
        .map_or(1, |r| usize::from(inner(r).height).max(1))
}

/// Rows the tree pane shows.
pub fn tree_height(size: Rect) -> usize {
    let areas = reader_areas(size, Focus::Tree);
    areas
        .tree
        .map_or(1, |r| usize::from(inner(r).height).max(1))
}

/// Every occurrence of `query` in the document (see `search::find`).
pub fn find_hits(doc: &Document, query: &str) -> Vec<Hit> {
    let needle = search::needle(query);
    doc.blocks
        .iter()
        .enumerate()
        .flat_map(|(block, b)| {
            search::find(&b.text, &needle)
                .into_iter()
                .map(move |range| Hit { block, range })
        })
        .collect()
}
