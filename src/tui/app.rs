//! The app's state and `App::update(action)`, the only place state changes. Heavy work (flatten,
//! wrap, search) happens here once per request, never while drawing. No file I/O: saving is
//! asked for with an `Effect` that the run loop carries out.

use std::ops::Range;

use ratatui::layout::Rect;

use super::action::{Action, Context, help_rows};
use super::audit::AuditState;
use super::compare::CompareState;
use super::document::{DocLayout, Document};
use super::layout::{self, inner, reader_areas, row_in};
use super::theme::Theme;
use crate::compare::warnings::{PairWarning, pair_warnings};
use crate::compare::{align, audit};
use crate::model::{PartKind, Report};
use crate::present::labels;
use crate::store::Bookmarks;
use crate::store::verdicts::{Lookup, Verdict, VerdictChange, VerdictFile};
use crate::text::script::search_fold;
use crate::text::wrap::WrapOptions;

/// A loaded report and where it came from (a path, or a bundled report's name).
#[derive(Debug, Clone)]
pub struct Entry {
    pub source: String,
    pub report: Report,
}

impl Entry {
    /// The reports compiled into the binary (they are tested to load).
    pub fn bundled() -> Vec<Entry> {
        crate::bundled::BUNDLED
            .iter()
            .filter_map(|b| {
                Some(Entry {
                    source: b.name.to_string(),
                    report: b.report().ok()?,
                })
            })
            .collect()
    }
}

/// Side effects `update` asks the run loop for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    SaveBookmarks,
    /// Load the plan report's verdicts, then open the audit (`App::open_audit`).
    OpenAudit {
        plan: usize,
        summary: usize,
    },
    SaveVerdict(VerdictChange),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Reader,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The help, scrolled down by this many rows.
    Help {
        scroll: usize,
    },
    /// Choosing the summary to audit the current plan against: (entry, warnings).
    ChooseAudit {
        choices: Vec<(usize, Vec<PairWarning>)>,
        selected: usize,
    },
    /// Choosing a verdict for the selected plan item (the last row clears it).
    ChooseVerdict {
        selected: usize,
    },
    /// Choosing the report and part to compare the current part with.
    ChooseCompare {
        choices: Vec<(usize, String)>,
        selected: usize,
    },
    Bookmarks {
        selected: usize,
    },
}

/// A search hit: a byte range of a block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub block: usize,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    pub editing: bool,
    pub hits: Vec<Hit>,
    pub current: Option<usize>,
}

/// The reader on one report.
#[derive(Debug, Clone)]
pub struct ReaderState {
    pub entry: usize,
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
    pub search: Search,
}

/// One row of the corpus picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerRow {
    Group(String),
    Report(usize),
}

#[derive(Debug)]
pub struct App {
    pub entries: Vec<Entry>,
    /// One-line errors of the files that failed to load.
    pub failures: Vec<String>,
    pub picker_rows: Vec<PickerRow>,
    /// Index into `picker_rows`, always on a `Report` row when there is one.
    pub picker_selected: usize,
    pub reader: Option<ReaderState>,
    /// The side-by-side comparison, over the reader.
    pub compare: Option<CompareState>,
    /// The audit of a plan against a summary, over the reader.
    pub audit: Option<AuditState>,
    pub overlay: Option<Overlay>,
    pub theme: Theme,
    pub ambiguous_wide: bool,
    pub size: Rect,
    pub bookmarks: Bookmarks,
    /// A short note for the footer (bookmark set, no hits …).
    pub message: Option<String>,
    pub quit: bool,
}

/// Lines the mouse wheel scrolls.
const WHEEL_LINES: usize = 3;

impl App {
    pub fn new(
        entries: Vec<Entry>,
        failures: Vec<String>,
        theme: Theme,
        ambiguous_wide: bool,
    ) -> Self {
        let picker_rows = picker_rows(&entries);
        let picker_selected = picker_rows
            .iter()
            .position(|r| matches!(r, PickerRow::Report(_)))
            .unwrap_or(0);
        App {
            entries,
            failures,
            picker_rows,
            picker_selected,
            reader: None,
            compare: None,
            audit: None,
            overlay: None,
            theme,
            ambiguous_wide,
            size: Rect::new(0, 0, 80, 24),
            bookmarks: Bookmarks::new(),
            message: None,
            quit: false,
        }
    }

    /// The view on screen, ignoring overlays and text fields (what the help describes).
    pub fn view_context(&self) -> Context {
        if self.audit.is_some() {
            Context::Audit
        } else if self.compare.is_some() {
            Context::Compare
        } else if self.reader.is_some() {
            Context::Reader
        } else {
            Context::Picker
        }
    }

    /// Where keys are looked up now.
    pub fn context(&self) -> Context {
        if self.overlay.is_some() {
            Context::Overlay
        } else if let Some(audit) = &self.audit {
            if audit.note_input.is_some() {
                Context::NoteInput
            } else {
                Context::Audit
            }
        } else if self.compare.is_some() {
            Context::Compare
        } else if let Some(reader) = &self.reader {
            if reader.search.editing {
                Context::SearchInput
            } else {
                Context::Reader
            }
        } else {
            Context::Picker
        }
    }

    /// Applies one action; returns what the run loop must do besides redrawing.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        if let Action::Resize(width, height) = action {
            self.size = Rect::new(0, 0, width, height);
            self.relayout();
            return None;
        }
        self.message = None;
        if action == Action::Quit {
            self.quit = true;
            return None;
        }
        match self.context() {
            Context::Overlay => self.update_overlay(action),
            Context::Picker => {
                self.update_picker(action);
                None
            }
            Context::SearchInput => {
                self.update_search_input(action);
                None
            }
            Context::Reader => self.update_reader(action),
            Context::Compare => {
                self.update_compare(action);
                None
            }
            Context::Audit => self.update_audit(action),
            Context::NoteInput => self.update_note_input(action),
        }
    }

    fn update_overlay(&mut self, action: Action) -> Option<Effect> {
        let marks = self.current_bookmarks();
        // the help scrolls until its last row shows (the popup is at most the screen's height)
        let help_rows = help_rows(self.view_context()).len();
        let help_max = help_rows.saturating_sub(
            usize::from(self.size.height)
                .min(help_rows + 2)
                .saturating_sub(2),
        );
        match (&mut self.overlay, action) {
            (_, Action::Back | Action::ToggleHelp) => self.overlay = None,
            (Some(Overlay::Help { scroll }), Action::Down | Action::ScrollDownAt(..)) => {
                *scroll = (*scroll + 1).min(help_max);
            }
            (Some(Overlay::Help { scroll }), Action::Up | Action::ScrollUpAt(..)) => {
                *scroll = scroll.saturating_sub(1)
            }
            (Some(Overlay::ChooseCompare { choices, selected }), Action::Down) => {
                *selected = (*selected + 1).min(choices.len().saturating_sub(1));
            }
            (Some(Overlay::ChooseCompare { selected, .. }), Action::Up) => {
                *selected = selected.saturating_sub(1)
            }
            (Some(Overlay::ChooseCompare { choices, selected }), Action::Open) => {
                let choice = choices.get(*selected).cloned();
                self.overlay = None;
                if let Some((entry, part)) = choice {
                    self.open_compare_with(entry, &part);
                }
            }
            (Some(Overlay::ChooseAudit { choices, selected }), Action::Down) => {
                *selected = (*selected + 1).min(choices.len().saturating_sub(1));
            }
            (Some(Overlay::ChooseAudit { selected, .. }), Action::Up) => {
                *selected = selected.saturating_sub(1)
            }
            (Some(Overlay::ChooseAudit { choices, selected }), Action::Open) => {
                let summary = choices.get(*selected).map(|c| c.0);
                self.overlay = None;
                let plan = self.reader.as_ref().map(|r| r.entry);
                if let (Some(plan), Some(summary)) = (plan, summary) {
                    return Some(Effect::OpenAudit { plan, summary });
                }
            }
            (Some(Overlay::ChooseVerdict { selected }), Action::Down) => {
                *selected = (*selected + 1).min(Verdict::ALL.len())
            }
            (Some(Overlay::ChooseVerdict { selected }), Action::Up) => {
                *selected = selected.saturating_sub(1)
            }
            (Some(Overlay::ChooseVerdict { selected }), Action::Open) => {
                let verdict = Verdict::ALL.get(*selected).copied();
                self.overlay = None;
                return self
                    .audit
                    .as_ref()
                    .and_then(|a| a.verdict_change(verdict))
                    .map(Effect::SaveVerdict);
            }
            (Some(Overlay::Bookmarks { selected }), Action::Down) => {
                *selected = (*selected + 1).min(marks.len().saturating_sub(1));
            }
            (Some(Overlay::Bookmarks { selected }), Action::Up) => {
                *selected = selected.saturating_sub(1)
            }
            (Some(Overlay::Bookmarks { selected }), Action::Open) => {
                let target = marks.get(*selected).cloned();
                self.overlay = None;
                if let Some(id) = target {
                    self.go_to_id(&id);
                }
            }
            _ => {}
        }
        None
    }

    fn update_picker(&mut self, action: Action) {
        match action {
            Action::Down => self.move_picker(1),
            Action::Up => self.move_picker(-1),
            Action::PageDown | Action::HalfPageDown => self.move_picker(10),
            Action::PageUp | Action::HalfPageUp => self.move_picker(-10),
            Action::Top => self.move_picker(isize::MIN / 2),
            Action::Bottom => self.move_picker(isize::MAX / 2),
            Action::ScrollDownAt(..) => self.move_picker(1),
            Action::ScrollUpAt(..) => self.move_picker(-1),
            Action::Open => self.open_selected_report(),
            Action::ToggleHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::ToggleTheme => self.theme = self.theme.toggled(),
            Action::ClickAt(column, row) => {
                let (body, _) = layout::body_and_footer(self.size);
                let offset = layout::list_offset(self.picker_selected, layout::inner(body).height);
                if let Some(r) = row_in(body, column, row).map(|r| r + offset)
                    && let Some(PickerRow::Report(_)) = self.picker_rows.get(r)
                {
                    if r == self.picker_selected {
                        self.open_selected_report();
                    } else {
                        self.picker_selected = r;
                    }
                }
            }
            _ => {}
        }
    }

    fn move_picker(&mut self, delta: isize) {
        let reports: Vec<usize> = (0..self.picker_rows.len())
            .filter(|&i| matches!(self.picker_rows[i], PickerRow::Report(_)))
            .collect();
        let Some(at) = reports.iter().position(|&i| i == self.picker_selected) else {
            return;
        };
        let target = at.saturating_add_signed(delta).min(reports.len() - 1);
        self.picker_selected = reports[target];
    }

    fn open_selected_report(&mut self) {
        if let Some(PickerRow::Report(entry)) = self.picker_rows.get(self.picker_selected) {
            self.open_entry(*entry);
        }
    }

    /// Opens the reader on an entry, with the tree focused on the first part.
    pub fn open_entry(&mut self, entry: usize) {
        let Some(e) = self.entries.get(entry) else {
            return;
        };
        let doc = Document::new(&e.report);
        let open = doc.blocks.iter().map(|b| b.depth == 0).collect();
        self.reader = Some(ReaderState {
            entry,
            layout: DocLayout::default(),
            open,
            selected: 0,
            tree_offset: 0,
            scroll: 0,
            focus: Focus::Tree,
            search: Search::default(),
            doc,
        });
        if let Some(row) = self
            .picker_rows
            .iter()
            .position(|r| *r == PickerRow::Report(entry))
        {
            self.picker_selected = row;
        }
        self.relayout();
    }

    /// Re-wraps the reader for the current size (only when the width changed), keeping the
    /// section at the top of the reader at the top.
    fn relayout(&mut self) {
        self.settle_audit();
        if let Some(compare) = &mut self.compare {
            compare.relayout(self.size, self.ambiguous_wide);
            compare.scroll = compare.scroll.min(
                compare
                    .layout
                    .rows
                    .len()
                    .saturating_sub(CompareState::height(self.size)),
            );
        }
        let options = self.wrap_options();
        if let Some(reader) = &mut self.reader
            && (reader.layout.width != options.width || reader.layout.lines.is_empty())
        {
            let top_block =
                (!reader.layout.lines.is_empty()).then(|| reader.layout.block_at(reader.scroll));
            reader.layout = DocLayout::new(&reader.doc, options);
            reader.scroll = top_block.map_or(0, |b| reader.layout.block_starts[b]);
        }
        self.clamp_scroll();
        self.keep_selection_visible();
    }

    /// The reader pane's text width (the narrow layout gives the reader the whole width).
    fn wrap_options(&self) -> WrapOptions {
        let reader = reader_areas(self.size, Focus::Reader).reader;
        WrapOptions {
            width: reader.map_or(1, |r| usize::from(inner(r).width).max(1)),
            ambiguous_wide: self.ambiguous_wide,
        }
    }

    /// Rows of text the reader pane shows.
    pub fn reader_height(&self) -> usize {
        let areas = reader_areas(self.size, Focus::Reader);
        areas
            .reader
            .map_or(1, |r| usize::from(inner(r).height).max(1))
    }

    /// Rows the tree pane shows.
    pub fn tree_height(&self) -> usize {
        let areas = reader_areas(self.size, Focus::Tree);
        areas
            .tree
            .map_or(1, |r| usize::from(inner(r).height).max(1))
    }

    /// The part of the open report the reader's selection is in (else its plan, else its first).
    fn current_part(&self) -> Option<(usize, String)> {
        let reader = self.reader.as_ref()?;
        let report = &self.entries[reader.entry].report;
        let top = reader
            .doc
            .path(reader.selected)
            .first()
            .map(|&b| reader.doc.blocks[b].id.clone());
        let part = top
            .filter(|id| report.parts.iter().any(|p| p.id == *id))
            .or_else(|| align::choose_part(report, None).ok().map(|p| p.id.clone()))?;
        Some((reader.entry, part))
    }

    /// `d`: every part of every loaded report other than the current one, plans first.
    fn choose_compare(&mut self) {
        let Some(current) = self.current_part() else {
            return;
        };
        let mut choices: Vec<(usize, String)> = Vec::new();
        for (entry, e) in self.entries.iter().enumerate() {
            for part in &e.report.parts {
                if (entry, part.id.clone()) != current {
                    choices.push((entry, part.id.clone()));
                }
            }
        }
        let kind = |&(entry, ref id): &(usize, String)| {
            let part = self.entries[entry]
                .report
                .parts
                .iter()
                .find(|p| p.id == *id);
            part.map(|p| p.kind) != Some(crate::model::PartKind::Plan)
        };
        choices.sort_by_key(|c| (c.0 == current.0, kind(c)));
        if choices.is_empty() {
            self.message = Some(labels::NOTHING_TO_COMPARE.to_string());
            return;
        }
        self.overlay = Some(Overlay::ChooseCompare {
            choices,
            selected: 0,
        });
    }

    /// Opens the comparison of the current part with a part of another (or the same) report.
    pub fn open_compare_with(&mut self, entry: usize, part: &str) {
        let Some((left_entry, left_part)) = self.current_part() else {
            return;
        };
        self.open_compare(left_entry, &left_part, entry, part);
    }

    /// Opens the comparison of two parts (the reader, if any, stays underneath).
    pub fn open_compare(
        &mut self,
        left_entry: usize,
        left_part: &str,
        right_entry: usize,
        right_part: &str,
    ) {
        let find = |entry: usize, id: &str| {
            let report = &self.entries.get(entry)?.report;
            Some((report, report.parts.iter().find(|p| p.id == id)?))
        };
        let (Some(left), Some(right)) =
            (find(left_entry, left_part), find(right_entry, right_part))
        else {
            return;
        };
        let mut compare = CompareState::new(left_entry, left, right_entry, right);
        compare.relayout(self.size, self.ambiguous_wide);
        self.compare = Some(compare);
    }

    fn update_compare(&mut self, action: Action) {
        let height = CompareState::height(self.size);
        let Some(compare) = &mut self.compare else {
            return;
        };
        let max = compare.layout.rows.len().saturating_sub(height);
        let by = |scroll: usize, delta: isize| scroll.saturating_add_signed(delta).min(max);
        compare.scroll = match action {
            Action::Down => by(compare.scroll, 1),
            Action::Up => by(compare.scroll, -1),
            Action::ScrollDownAt(..) => by(compare.scroll, WHEEL_LINES as isize),
            Action::ScrollUpAt(..) => by(compare.scroll, -(WHEEL_LINES as isize)),
            Action::PageDown => by(compare.scroll, height as isize),
            Action::PageUp => by(compare.scroll, -(height as isize)),
            Action::HalfPageDown => by(compare.scroll, (height / 2).max(1) as isize),
            Action::HalfPageUp => by(compare.scroll, -((height / 2).max(1) as isize)),
            Action::Top => 0,
            Action::Bottom => max,
            Action::NextChange | Action::PreviousChange => {
                match compare
                    .jump(action == Action::NextChange)
                    .map(|row| row.min(max))
                {
                    Some(row) if row != compare.scroll => row,
                    _ => {
                        self.message = Some(labels::NO_MORE_CHANGES.to_string());
                        return;
                    }
                }
            }
            Action::Back => {
                self.compare = None;
                return;
            }
            Action::ToggleHelp => {
                self.overlay = Some(Overlay::Help { scroll: 0 });
                return;
            }
            Action::ToggleTheme => {
                self.theme = self.theme.toggled();
                return;
            }
            _ => return,
        };
    }

    /// `a`: the summaries the open report's plan can be audited against, the suggested pair
    /// (same district and bureau, plan year = summary year) first; opened at once when it is the
    /// only clean one.
    fn choose_audit(&mut self) -> Option<Effect> {
        let plan = self.reader.as_ref()?.entry;
        let plan_report = &self.entries[plan].report;
        if plan_report.part_of_kind(PartKind::Plan).is_none() {
            self.message = Some(labels::NO_PLAN_PART.to_string());
            return None;
        }
        let mut choices: Vec<(usize, Vec<PairWarning>)> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.report.part_of_kind(PartKind::Summary).is_some())
            .map(|(i, e)| (i, pair_warnings(plan_report, &e.report)))
            .collect();
        choices.sort_by_key(|(i, w)| (w.len(), *i == plan));
        match choices.as_slice() {
            [] => {
                self.message = Some(labels::NO_SUMMARY_LOADED.to_string());
                None
            }
            [(summary, warnings), rest @ ..]
                if warnings.is_empty() && rest.first().is_none_or(|r| !r.1.is_empty()) =>
            {
                Some(Effect::OpenAudit {
                    plan,
                    summary: *summary,
                })
            }
            _ => {
                self.overlay = Some(Overlay::ChooseAudit {
                    choices,
                    selected: 0,
                });
                None
            }
        }
    }

    /// Audits an entry's plan against another's summary, with the plan's stored verdicts.
    pub fn open_audit(&mut self, plan: usize, summary: usize, verdicts: VerdictFile) {
        let (Some(p), Some(s)) = (self.entries.get(plan), self.entries.get(summary)) else {
            return;
        };
        match audit::audit(&p.report, &s.report) {
            Ok(result) => {
                let warnings = pair_warnings(&p.report, &s.report);
                self.message = warnings
                    .first()
                    .map(|w| labels::caution(std::slice::from_ref(w)));
                self.audit = Some(AuditState::new(plan, summary, result, verdicts));
            }
            Err(error) => self.message = Some(error.to_string()),
        }
    }

    /// Keeps the audit selection on a visible row after the list or the screen changed.
    pub fn settle_audit(&mut self) {
        let height = self.audit_height();
        if let Some(audit) = &mut self.audit {
            audit.select(0, height);
        }
    }

    /// Rows of the audit table.
    pub fn audit_height(&self) -> usize {
        let (body, _) = layout::body_and_footer(self.size);
        usize::from(body.height.saturating_sub(4)).max(1)
    }

    fn update_audit(&mut self, action: Action) -> Option<Effect> {
        let height = self.audit_height();
        let (body, _) = layout::body_and_footer(self.size);
        let detail_rows = usize::from(body.height.saturating_sub(3)).max(1);
        let (width, wide) = (self.size.width, self.ambiguous_wide);
        let audit = self.audit.as_mut()?;
        let step = |a: &mut AuditState, delta: isize| {
            if a.detail {
                let max = a.detail_max_scroll(width, detail_rows, wide);
                a.detail_scroll = a.detail_scroll.saturating_add_signed(delta).min(max);
            } else {
                a.select(delta, height);
            }
        };
        match action {
            Action::Down => step(audit, 1),
            Action::Up => step(audit, -1),
            Action::ScrollDownAt(..) => step(audit, WHEEL_LINES as isize),
            Action::ScrollUpAt(..) => step(audit, -(WHEEL_LINES as isize)),
            Action::PageDown => step(audit, height as isize),
            Action::PageUp => step(audit, -(height as isize)),
            Action::HalfPageDown => step(audit, (height / 2).max(1) as isize),
            Action::HalfPageUp => step(audit, -((height / 2).max(1) as isize)),
            Action::Top => step(audit, isize::MIN / 2),
            Action::Bottom => step(audit, isize::MAX / 2),
            Action::Open => {
                audit.detail = !audit.detail;
                audit.detail_scroll = 0;
            }
            Action::CycleFilter => audit.cycle_filter(),
            Action::SetVerdict if audit.current().is_some() => {
                self.overlay = Some(Overlay::ChooseVerdict { selected: 0 })
            }
            Action::EditNote => {
                if let Some(item) = audit.current() {
                    let note = match audit.verdict(item) {
                        Lookup::Current(e) => e.note.clone(),
                        _ => String::new(),
                    };
                    audit.note_input = Some(note);
                }
            }
            Action::Back if audit.detail => audit.detail = false,
            Action::Back => self.audit = None,
            Action::ToggleHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::ToggleTheme => self.theme = self.theme.toggled(),
            _ => {}
        }
        None
    }

    fn update_note_input(&mut self, action: Action) -> Option<Effect> {
        let audit = self.audit.as_mut()?;
        let note = audit.note_input.as_mut()?;
        match action {
            Action::Type(c) => note.push(c),
            Action::DeleteBack => {
                note.pop();
            }
            Action::Back => audit.note_input = None,
            Action::Confirm => {
                let note = audit.note_input.take().unwrap_or_default();
                return audit.note_change(note).map(Effect::SaveVerdict);
            }
            _ => {}
        }
        None
    }

    fn update_search_input(&mut self, action: Action) {
        let Some(reader) = &mut self.reader else {
            return;
        };
        match action {
            Action::Type(c) => reader.search.query.push(c),
            Action::DeleteBack => {
                reader.search.query.pop();
            }
            Action::Back => {
                reader.search.editing = false;
                return;
            }
            _ => return,
        }
        reader.search.hits = find_hits(&reader.doc, &reader.search.query);
        let from_line = reader.scroll;
        let layout = &reader.layout;
        reader.search.current = reader
            .search
            .hits
            .iter()
            .position(|h| layout.line_of(h.block, h.range.start) >= from_line)
            .or((!reader.search.hits.is_empty()).then_some(0));
        self.show_current_hit();
    }

    fn update_reader(&mut self, action: Action) -> Option<Effect> {
        let page = self.reader_height();
        let tree_page = self.tree_height();
        let reader = self.reader.as_mut()?;
        let focus = reader.focus;
        match action {
            Action::Back => {
                if reader.search.hits.is_empty() && reader.search.query.is_empty() {
                    self.reader = None;
                } else {
                    reader.search = Search::default();
                }
            }
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
                let selected = reader.selected;
                reader.open[selected] = true;
            }
            Action::Open if focus == Focus::Tree => {
                reader.focus = Focus::Reader;
                let selected = reader.selected;
                self.show_block(selected);
            }
            Action::FocusNext => {
                reader.focus = match focus {
                    Focus::Tree => Focus::Reader,
                    Focus::Reader => Focus::Tree,
                };
            }
            Action::StartSearch => {
                // hits show in the reader, so it takes the focus (the narrow layout shows it)
                reader.focus = Focus::Reader;
                reader.search = Search {
                    editing: true,
                    ..Search::default()
                };
            }
            Action::NextHit => self.step_hit(1),
            Action::PreviousHit => self.step_hit(-1),
            Action::SetBookmark => return self.toggle_bookmark(),
            Action::ShowBookmarks => self.overlay = Some(Overlay::Bookmarks { selected: 0 }),
            Action::OpenCompare => self.choose_compare(),
            Action::OpenAudit => return self.choose_audit(),
            Action::ToggleHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::ToggleTheme => self.theme = self.theme.toggled(),
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
        None
    }

    fn click(&mut self, column: u16, row: u16) {
        let Some(reader) = &self.reader else {
            return;
        };
        let areas = reader_areas(self.size, reader.focus);
        if let Some(tree) = areas.tree
            && let Some(r) = row_in(tree, column, row)
        {
            let rows = visible_rows(reader);
            if let Some(&block) = rows.get(reader.tree_offset + r) {
                if let Some(reader) = &mut self.reader {
                    reader.focus = Focus::Tree;
                    if reader.selected == block && reader.doc.blocks[block].has_children {
                        reader.open[block] = !reader.open[block];
                    }
                }
                self.select_block(block);
            }
        } else if areas
            .reader
            .is_some_and(|r| r.contains((column, row).into()))
            && let Some(reader) = &mut self.reader
        {
            reader.focus = Focus::Reader;
        }
    }

    fn fold(&mut self) {
        let Some(reader) = &mut self.reader else {
            return;
        };
        let selected = reader.selected;
        let block = &reader.doc.blocks[selected];
        if block.has_children && reader.open[selected] {
            reader.open[selected] = false;
        } else if let Some(parent) = block.parent {
            self.select_block(parent);
        }
    }

    /// Moves the tree selection by `delta` visible rows.
    fn move_selection(&mut self, delta: isize) {
        let Some(reader) = &self.reader else {
            return;
        };
        let rows = visible_rows(reader);
        let at = rows.iter().position(|&b| b == reader.selected).unwrap_or(0);
        let target = at
            .saturating_add_signed(delta)
            .min(rows.len().saturating_sub(1));
        if let Some(&block) = rows.get(target) {
            self.select_block(block);
        }
    }

    fn select_row(&mut self, row: usize) {
        if let Some(reader) = &self.reader {
            let rows = visible_rows(reader);
            if let Some(&block) = rows.get(row.min(rows.len().saturating_sub(1))) {
                self.select_block(block);
            }
        }
    }

    /// Selects a block in the tree and scrolls the reader to it.
    fn select_block(&mut self, block: usize) {
        if let Some(reader) = &mut self.reader {
            reader.selected = block;
            reader.scroll = reader.layout.block_starts.get(block).copied().unwrap_or(0);
        }
        self.clamp_scroll();
        self.keep_selection_visible();
    }

    /// Scrolls the reader to a block and selects it (its folded ancestors stay folded: the
    /// nearest visible one is selected).
    fn show_block(&mut self, block: usize) {
        if let Some(reader) = &mut self.reader {
            reader.scroll = reader.layout.block_starts.get(block).copied().unwrap_or(0);
        }
        // near the end the scroll is clamped, but the section asked for stays selected
        self.clamp_scroll();
        if let Some(reader) = &mut self.reader {
            reader.selected = nearest_shown(reader, block);
        }
        self.keep_selection_visible();
    }

    fn go_to_id(&mut self, id: &str) {
        let Some(block) = self.reader.as_ref().and_then(|r| r.doc.index_of(id)) else {
            self.message = Some(labels::bookmark_gone(id));
            return;
        };
        if let Some(reader) = &mut self.reader {
            for ancestor in reader.doc.path(block) {
                reader.open[ancestor] = true;
            }
        }
        self.select_block(block);
    }

    fn scroll_by(&mut self, delta: isize) {
        if let Some(reader) = &mut self.reader {
            reader.scroll = reader.scroll.saturating_add_signed(delta);
        }
        self.clamp_scroll();
        self.follow_scroll();
    }

    fn scroll_to(&mut self, line: usize) {
        if let Some(reader) = &mut self.reader {
            reader.scroll = line;
        }
        self.clamp_scroll();
        self.follow_scroll();
    }

    fn clamp_scroll(&mut self) {
        let height = self.reader_height();
        if let Some(reader) = &mut self.reader {
            let max = reader.layout.lines.len().saturating_sub(height);
            reader.scroll = reader.scroll.min(max);
        }
    }

    /// The tree follows the reader: select the (visible) block at the top of the reader.
    fn follow_scroll(&mut self) {
        if let Some(reader) = &mut self.reader {
            if reader.layout.lines.is_empty() {
                return;
            }
            let top = reader.layout.block_at(reader.scroll);
            reader.selected = nearest_shown(reader, top);
        }
        self.keep_selection_visible();
    }

    fn keep_selection_visible(&mut self) {
        let height = self.tree_height();
        if let Some(reader) = &mut self.reader {
            let rows = visible_rows(reader);
            let at = rows.iter().position(|&b| b == reader.selected).unwrap_or(0);
            if at < reader.tree_offset {
                reader.tree_offset = at;
            } else if at >= reader.tree_offset + height {
                reader.tree_offset = at + 1 - height;
            }
            reader.tree_offset = reader.tree_offset.min(rows.len().saturating_sub(1));
        }
    }

    fn step_hit(&mut self, delta: isize) {
        let Some(reader) = &mut self.reader else {
            return;
        };
        let count = reader.search.hits.len();
        if count == 0 {
            self.message = Some(if reader.search.query.is_empty() {
                labels::SEARCH_FIRST.to_string()
            } else {
                labels::not_found(&reader.search.query)
            });
            return;
        }
        let current = reader.search.current.unwrap_or(0) as isize;
        reader.search.current = Some((current + delta).rem_euclid(count as isize) as usize);
        self.show_current_hit();
    }

    /// Scrolls so the current hit is in view (a third down the pane) and selects its section.
    fn show_current_hit(&mut self) {
        let height = self.reader_height();
        let Some(reader) = &mut self.reader else {
            return;
        };
        let Some(hit) = reader
            .search
            .current
            .and_then(|i| reader.search.hits.get(i))
        else {
            return;
        };
        let line = reader.layout.line_of(hit.block, hit.range.start);
        if line < reader.scroll || line >= reader.scroll + height {
            reader.scroll = line.saturating_sub(height / 3);
        }
        let block = hit.block;
        self.clamp_scroll();
        if let Some(reader) = &mut self.reader {
            reader.selected = nearest_shown(reader, block);
        }
        self.keep_selection_visible();
    }

    fn toggle_bookmark(&mut self) -> Option<Effect> {
        let reader = self.reader.as_ref()?;
        let source = self.entries[reader.entry].source.clone();
        let block = &reader.doc.blocks[reader.selected];
        let id = block.id.clone();
        let label = block.label.clone();
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

    /// The bookmarked ids of the open report.
    pub fn current_bookmarks(&self) -> Vec<String> {
        self.reader
            .as_ref()
            .and_then(|r| self.bookmarks.get(&self.entries[r.entry].source))
            .cloned()
            .unwrap_or_default()
    }
}

/// Whether a block shows in the tree (all its ancestors are open).
fn is_shown(reader: &ReaderState, block: usize) -> bool {
    let mut parent = reader.doc.blocks[block].parent;
    while let Some(p) = parent {
        if !reader.open[p] {
            return false;
        }
        parent = reader.doc.blocks[p].parent;
    }
    true
}

/// The block itself if the tree shows it, else its outermost folded ancestor.
fn nearest_shown(reader: &ReaderState, block: usize) -> usize {
    reader
        .doc
        .path(block)
        .into_iter()
        .find(|&b| b != block && !reader.open[b])
        .unwrap_or(block)
}

/// The blocks the tree shows, in order.
pub fn visible_rows(reader: &ReaderState) -> Vec<usize> {
    (0..reader.doc.blocks.len())
        .filter(|&b| is_shown(reader, b))
        .collect()
}

/// Every occurrence of `query` in the document, matching simplified against traditional script
/// and ASCII case-insensitively. Folding maps each character to one character, so positions in
/// the folded text are positions in the original.
pub fn find_hits(doc: &Document, query: &str) -> Vec<Hit> {
    let needle = search_fold(query.trim());
    if needle.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (block, b) in doc.blocks.iter().enumerate() {
        let offsets: Vec<usize> = b
            .text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(b.text.len()))
            .collect();
        let hay = search_fold(&b.text);
        if hay.len() + 1 != offsets.len() {
            continue; // folding changed the character count: cannot map positions back
        }
        let mut i = 0;
        while i + needle.len() <= hay.len() {
            if hay[i..i + needle.len()] == needle[..] {
                hits.push(Hit {
                    block,
                    range: offsets[i]..offsets[i + needle.len()],
                });
                i += needle.len();
            } else {
                i += 1;
            }
        }
    }
    hits
}

fn picker_rows(entries: &[Entry]) -> Vec<PickerRow> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    let key = |e: &Entry| {
        let r = &e.report;
        let first_year = r.parts.iter().filter_map(|p| p.year).min();
        (
            r.district.clone(),
            r.bureau.clone(),
            first_year,
            e.source.clone(),
        )
    };
    order.sort_by_key(|&i| key(&entries[i]));
    let mut rows = Vec::new();
    let mut group = None;
    for i in order {
        let r = &entries[i].report;
        let name = format!(
            "{} · {}",
            r.district
                .as_deref()
                .or(r.city.as_deref())
                .unwrap_or(labels::NO_DISTRICT),
            r.bureau.as_deref().unwrap_or(labels::NO_BUREAU)
        );
        if group.as_ref() != Some(&name) {
            rows.push(PickerRow::Group(name.clone()));
            group = Some(name);
        }
        rows.push(PickerRow::Report(i));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
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

    #[test]
    fn picker_groups_by_district_and_opens_the_selected_report() {
        let mut app = app();
        assert!(matches!(&app.picker_rows[0], PickerRow::Group(g) if g.starts_with("光明区")));
        app.update(Action::Down);
        app.update(Action::Open);
        let reader = app.reader.as_ref().unwrap();
        assert_eq!(
            app.entries[reader.entry].report.district.as_deref(),
            Some("龙岗区")
        );
    }

    #[test]
    fn tree_selection_scrolls_the_reader_and_reader_scroll_moves_the_tree() {
        let mut app = app();
        app.update(Action::Open);
        app.update(Action::Down); // 一、2024年工作总结
        app.update(Action::Down); // (一)
        let reader = app.reader.as_ref().unwrap();
        assert_eq!(reader.doc.blocks[reader.selected].id, "p1.1");
        assert_eq!(reader.scroll, reader.layout.block_starts[reader.selected]);
        app.update(Action::FocusNext);
        for _ in 0..40 {
            app.update(Action::Down);
        }
        let reader = app.reader.as_ref().unwrap();
        let top = reader.layout.block_at(reader.scroll);
        assert_eq!(reader.selected, nearest_shown(reader, top));
        assert_ne!(reader.doc.blocks[reader.selected].id, "p1.1");
    }

    #[test]
    fn folding_hides_children_and_moves_to_the_parent() {
        let mut app = app();
        app.update(Action::Open);
        let rows_before = visible_rows(app.reader.as_ref().unwrap()).len();
        app.update(Action::Down);
        app.update(Action::Fold); // fold 一、
        let rows_after = visible_rows(app.reader.as_ref().unwrap()).len();
        assert!(rows_after < rows_before);
        app.update(Action::Unfold);
        app.update(Action::Down);
        app.update(Action::Fold); // (一) is folded: nothing; it has children but starts closed
        let reader = app.reader.as_ref().unwrap();
        assert_eq!(
            reader.doc.blocks[reader.selected].id, "p1",
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
        let reader = app.reader.as_ref().unwrap();
        let count = reader.search.hits.len();
        assert!(count > 10, "{count} hits for 數據 in a simplified report");
        let hit = &reader.search.hits[0];
        assert_eq!(
            &reader.doc.blocks[hit.block].text[hit.range.clone()],
            "数据"
        );
        app.update(Action::PreviousHit);
        assert_eq!(app.reader.as_ref().unwrap().search.current, Some(count - 1));
        app.update(Action::Back);
        assert!(
            app.reader.as_ref().unwrap().search.hits.is_empty(),
            "Esc clears the search first"
        );
        app.update(Action::Back);
        assert!(app.reader.is_none(), "then leaves the reader");
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

    #[test]
    fn resize_keeps_the_same_section_at_the_top() {
        let mut app = app();
        app.update(Action::Open);
        for _ in 0..8 {
            app.update(Action::Down);
        }
        let before = app.reader.as_ref().map(|r| r.selected);
        app.update(Action::Resize(41, 20));
        app.update(Action::Resize(100, 30));
        assert_eq!(app.reader.as_ref().map(|r| r.selected), before);
    }
}
