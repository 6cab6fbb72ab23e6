//! The audit screen: the audit of a plan against a summary (computed once when it opens), the
//! auditor's verdicts, the filter, the selection, the evidence view with its selected sentence,
//! the verdict chooser, the note being typed and the search for a sentence to attach, and its
//! update. It holds the plan's `VerdictFile` but never saves it: a change goes out as an
//! `Effect`, which the run loop saves through its `Store` and hands back (a correction of the
//! evidence goes on a copy of the verdicts, saved with the item's verdict as it is). Uses
//! ratatui's `Rect` for layout arithmetic only: no drawing, no files.

use std::ops::Range;

use ratatui::layout::Rect;

use super::handoff::{self, Handoff, Replace};
use super::{Env, Step, WHEEL_LINES};
use crate::compare::audit::{self, Status, phrase_ranges};
use crate::compare::warnings::pair_warnings;
use crate::export::workbook::workbook;
use crate::present::audit_table::{AuditRow, AuditTable, EvidenceKind, Side};
use crate::present::labels;
use crate::store::verdicts::{Corrections, Verdict, VerdictChange, VerdictFile};
use crate::text::wrap::{self, WrapOptions};
use crate::tui::action::{Action, Context};
use crate::tui::app::Effect;
use crate::tui::layout::{self, cells, inner};
use crate::tui::search::{Search, find, needle};

/// Which items the table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    NotMentioned,
    /// Items with a target below or without its reported figure.
    FlaggedTargets,
    NoVerdict,
}

impl Filter {
    pub fn next(self) -> Self {
        match self {
            Filter::All => Filter::NotMentioned,
            Filter::NotMentioned => Filter::FlaggedTargets,
            Filter::FlaggedTargets => Filter::NoVerdict,
            Filter::NoVerdict => Filter::All,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Filter::All => labels::FILTER_ALL,
            Filter::NotMentioned => labels::FILTER_NOT_MENTIONED,
            Filter::FlaggedTargets => labels::FILTER_FLAGGED_TARGETS,
            Filter::NoVerdict => labels::FILTER_NO_VERDICT,
        }
    }
}

#[derive(Debug, Clone)]
pub struct AuditScreen {
    pub plan_entry: usize,
    pub summary_entry: usize,
    /// The audit with the verdicts, as every view shows it.
    pub table: AuditTable,
    /// The plan's verdicts, as saved: a change goes out on a copy.
    pub verdicts: VerdictFile,
    pub filter: Filter,
    /// Index into `visible()`.
    pub selected: usize,
    /// First table row shown.
    pub offset: usize,
    /// The selected item and its evidence are shown instead of the table.
    pub detail: bool,
    pub detail_scroll: usize,
    /// The note being typed (`e`), if any.
    pub note_input: Option<String>,
    /// The verdict chooser (`v`), with its selected row (the last clears the verdict).
    pub choosing_verdict: Option<usize>,
    /// The evidence sentence of the evidence view that `r` rejects or restores.
    pub evidence_selected: usize,
    /// Attaching a sentence (`+`): the query and the summary's sentences it finds (indexes into
    /// `table.sentences`) that the item's evidence does not show yet.
    pub attach: Option<Search<usize>>,
    /// The workbook (`x`) waiting for the user to say whether to replace the file there.
    pub replacing: Option<Replace>,
    /// The terminal size the screen is laid out for.
    size: Rect,
    ambiguous_wide: bool,
}

impl AuditScreen {
    /// Audits an entry's plan against another's summary, with the plan's stored verdicts; also
    /// the first thing that is off about the pair, to say in the footer.
    pub fn open(
        plan: usize,
        summary: usize,
        verdicts: VerdictFile,
        env: &Env,
    ) -> Result<(Self, Option<String>), String> {
        let (Some(p), Some(s)) = (env.entries.get(plan), env.entries.get(summary)) else {
            return Err(labels::NO_SUMMARY_LOADED.to_string());
        };
        let result = audit::audit(&p.report, &s.report).map_err(|e| e.to_string())?;
        let warnings = pair_warnings(&p.report, &s.report);
        let warning = warnings
            .first()
            .map(|w| labels::caution(std::slice::from_ref(w)));
        let side = |entry: &crate::tui::entry::Entry, year| Side {
            file: entry.source.clone(),
            title: entry.report.title.clone(),
            year,
        };
        let table = AuditTable::new(
            side(p, result.plan_year),
            side(s, result.summary_year),
            &result,
            &s.report,
            &verdicts,
            warnings.iter().map(labels::pair_warning).collect(),
        );
        let mut screen = Self::new(plan, summary, table, verdicts);
        screen.relayout(env);
        Ok((screen, warning))
    }

    fn new(
        plan_entry: usize,
        summary_entry: usize,
        table: AuditTable,
        verdicts: VerdictFile,
    ) -> Self {
        AuditScreen {
            plan_entry,
            summary_entry,
            table,
            verdicts,
            filter: Filter::All,
            selected: 0,
            offset: 0,
            detail: false,
            detail_scroll: 0,
            note_input: None,
            choosing_verdict: None,
            evidence_selected: 0,
            attach: None,
            replacing: None,
            size: Rect::default(),
            ambiguous_wide: false,
        }
    }

    pub fn context(&self) -> Context {
        if self.replacing.is_some() {
            Context::Confirm
        } else if self.choosing_verdict.is_some() {
            Context::Overlay
        } else if self.note_input.is_some() {
            Context::NoteInput
        } else if self.attach.is_some() {
            Context::AttachInput
        } else {
            self.view()
        }
    }

    /// The view under popups and the note field: the table, or an item with its evidence.
    pub fn view(&self) -> Context {
        if self.detail && self.current().is_some() {
            Context::Evidence
        } else {
            Context::Audit
        }
    }

    /// Closes the verdict chooser or the search for a sentence to attach, drops the note being
    /// typed, or leaves the evidence view.
    pub fn back(&mut self) -> bool {
        if self.replacing.take().is_some()
            || self.choosing_verdict.take().is_some()
            || self.note_input.take().is_some()
            || self.attach.take().is_some()
        {
            return true;
        }
        if self.detail {
            self.detail = false;
            return true;
        }
        false
    }

    /// Keeps the selection on a visible row of the table at the new size.
    pub fn relayout(&mut self, env: &Env) {
        self.size = env.size;
        self.ambiguous_wide = env.ambiguous_wide;
        self.settle();
    }

    /// The verdicts as saved (after a verdict, a note or a correction): a filter may have let
    /// the item go, a removed sentence may have been the selected one, and a selection past the
    /// end was the sentence being attached: now the last, scrolled into view.
    pub fn verdicts_saved(&mut self, verdicts: VerdictFile) {
        let attaching = self
            .current()
            .is_some_and(|row| self.evidence_selected >= row.evidence.len());
        self.table.set_verdicts(&verdicts);
        self.verdicts = verdicts;
        self.settle();
        if attaching && self.detail {
            self.select_evidence(0, detail_rows(self.size));
        }
        let count = self.current().map_or(0, |row| row.evidence.len());
        self.evidence_selected = self.evidence_selected.min(count.saturating_sub(1));
    }

    fn settle(&mut self) {
        self.select(0, table_height(self.size));
    }

    pub fn update(&mut self, action: Action, _env: &Env) -> Step {
        match self.context() {
            Context::Confirm => handoff::update_replace(&mut self.replacing, action),
            Context::Overlay => self.update_verdict_chooser(action),
            Context::NoteInput => self.update_note_input(action),
            Context::AttachInput => self.update_attach(action),
            _ => self.update_table(action),
        }
    }

    fn update_verdict_chooser(&mut self, action: Action) -> Step {
        let Some(selected) = &mut self.choosing_verdict else {
            return Step::Stay;
        };
        match action {
            Action::Down => *selected = (*selected + 1).min(Verdict::ALL.len()),
            Action::Up => *selected = selected.saturating_sub(1),
            Action::Open => {
                let verdict = Verdict::ALL.get(*selected).copied();
                self.choosing_verdict = None;
                return self.save(self.verdict_change(verdict));
            }
            _ => {}
        }
        Step::Stay
    }

    fn update_note_input(&mut self, action: Action) -> Step {
        let Some(note) = &mut self.note_input else {
            return Step::Stay;
        };
        match action {
            Action::Type(c) => note.push(c),
            Action::DeleteBack => {
                note.pop();
            }
            Action::Confirm => {
                let note = self.note_input.take().unwrap_or_default();
                return self.save(self.note_change(note));
            }
            _ => {}
        }
        Step::Stay
    }

    fn update_attach(&mut self, action: Action) -> Step {
        let Some(search) = &mut self.attach else {
            return Step::Stay;
        };
        match action {
            Action::Type(c) => search.query.push(c),
            Action::DeleteBack => {
                search.query.pop();
            }
            Action::Down | Action::ScrollDownAt(..) => {
                search.step(1);
                return Step::Stay;
            }
            Action::Up | Action::ScrollUpAt(..) => {
                search.step(-1);
                return Step::Stay;
            }
            Action::Confirm => {
                let chosen = search.current_hit().copied();
                self.attach = None;
                let (Some(row), Some(sentence)) = (
                    self.current(),
                    chosen.and_then(|i| self.table.sentences.get(i)),
                ) else {
                    return Step::Stay;
                };
                let corrections = row.attached(sentence);
                // the new sentence, last of the evidence, is selected
                self.evidence_selected = row.evidence.len();
                return self.save_corrections(corrections);
            }
            _ => return Step::Stay,
        }
        self.find_attachable();
        Step::Stay
    }

    /// The summary's sentences the attach query finds (all of them for no query), less those
    /// the item's evidence shows already; the first is selected.
    fn find_attachable(&mut self) {
        let Some(row) = self.current() else {
            return;
        };
        let Some(query) = self.attach.as_ref().map(|s| needle(&s.query)) else {
            return;
        };
        let hits: Vec<usize> = (self.table.sentences.iter().enumerate())
            .filter(|(_, s)| {
                !row.shows(s) && (query.is_empty() || !find(&s.text, &query).is_empty())
            })
            .map(|(i, _)| i)
            .collect();
        if let Some(search) = &mut self.attach {
            search.current = (!hits.is_empty()).then_some(0);
            search.hits = hits;
        }
    }

    /// Asks the run loop to save a change to the verdicts.
    fn save(&self, change: Option<VerdictChange>) -> Step {
        change.map_or(Step::Stay, |change| {
            Step::Effect(Effect::SaveVerdict {
                verdicts: self.verdicts.clone(),
                change,
            })
        })
    }

    /// Asks the run loop to save the selected item's evidence corrections, with its verdict and
    /// note as they are.
    fn save_corrections(&self, corrections: Corrections) -> Step {
        let Some(row) = self.current() else {
            return Step::Stay;
        };
        let (verdict, note) = row.verdict.current();
        let change = self.change(row, verdict, note.to_string());
        Step::Effect(Effect::SaveVerdict {
            verdicts: self.verdicts.with_corrections(
                &change.id,
                &change.item_text,
                &change.summary,
                corrections,
            ),
            change,
        })
    }

    fn update_table(&mut self, action: Action) -> Step {
        let height = table_height(self.size);
        let detail_rows = detail_rows(self.size);
        let step = |a: &mut AuditScreen, delta: isize| {
            if a.detail {
                let max = a.detail_max_scroll(detail_rows);
                a.detail_scroll = a.detail_scroll.saturating_add_signed(delta).min(max);
            } else {
                a.select(delta, height);
            }
        };
        let half = (height / 2).max(1) as isize;
        match action {
            Action::Down => step(self, 1),
            Action::Up => step(self, -1),
            Action::ScrollDownAt(..) => step(self, WHEEL_LINES as isize),
            Action::ScrollUpAt(..) => step(self, -(WHEEL_LINES as isize)),
            Action::PageDown => step(self, height as isize),
            Action::PageUp => step(self, -(height as isize)),
            Action::HalfPageDown => step(self, half),
            Action::HalfPageUp => step(self, -half),
            Action::Top => step(self, isize::MIN / 2),
            Action::Bottom => step(self, isize::MAX / 2),
            Action::Open => {
                self.detail = !self.detail;
                self.detail_scroll = 0;
                self.evidence_selected = 0;
            }
            Action::NextItem | Action::PreviousItem => {
                let forward = action == Action::NextItem;
                let before = self.selected;
                self.select(if forward { 1 } else { -1 }, height);
                if self.selected == before {
                    return Step::Say(
                        if forward {
                            labels::LAST_ITEM
                        } else {
                            labels::FIRST_ITEM
                        }
                        .to_string(),
                    );
                }
                self.detail_scroll = 0;
                self.evidence_selected = 0;
            }
            Action::NextEvidence => self.select_evidence(1, detail_rows),
            Action::PreviousEvidence => self.select_evidence(-1, detail_rows),
            Action::ClickAt(column, row) if self.detail => self.click_evidence(column, row),
            Action::RejectEvidence => {
                let toggled = self
                    .current()
                    .and_then(|row| row.toggled(self.evidence_selected));
                return match toggled {
                    Some(corrections) => self.save_corrections(corrections),
                    None => Step::Say(labels::NO_EVIDENCE_TO_REJECT.to_string()),
                };
            }
            Action::AttachEvidence if self.current().is_some() => {
                self.attach = Some(Search::start());
                self.find_attachable();
            }
            Action::CycleFilter => self.cycle_filter(),
            Action::Handoff => return self.handoff(),
            Action::SetVerdict if self.current().is_some() => self.choosing_verdict = Some(0),
            Action::EditNote => {
                if let Some(row) = self.current() {
                    self.note_input = Some(row.verdict.current().1.to_string());
                }
            }
            _ => {}
        }
        Step::Stay
    }

    /// `x`: the audit workbook, beside the plan.
    fn handoff(&self) -> Step {
        let (plan, summary) = (&self.table.plan.file, &self.table.summary.file);
        let name = handoff::file_name((plan, "plan"), (summary, "summary"), "xlsx");
        match workbook(&self.table) {
            Ok(bytes) => Handoff {
                source: plan.clone(),
                name,
                bytes,
            }
            .write(false),
            Err(error) => Step::Say(labels::handoff_not_written(&name, &error)),
        }
    }

    /// Indexes of the items the filter lets through, in plan order.
    pub fn visible(&self) -> Vec<usize> {
        (0..self.table.rows.len())
            .filter(|&i| self.passes(&self.table.rows[i]))
            .collect()
    }

    fn passes(&self, row: &AuditRow) -> bool {
        match self.filter {
            Filter::All => true,
            Filter::NotMentioned => row.item.status == Status::NotMentioned,
            Filter::FlaggedTargets => target_flagged(row),
            Filter::NoVerdict => !row.verdict.is_given(),
        }
    }

    /// The selected item, if the filter leaves any.
    pub fn current(&self) -> Option<&AuditRow> {
        self.visible()
            .get(self.selected)
            .map(|&i| &self.table.rows[i])
    }

    /// Moves the selection, keeping it in a table of `height` rows.
    pub fn select(&mut self, delta: isize, height: usize) {
        let count = self.visible().len();
        self.selected = self
            .selected
            .saturating_add_signed(delta)
            .min(count.saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height.max(1) {
            self.offset = self.selected + 1 - height.max(1);
        }
    }

    pub fn cycle_filter(&mut self) {
        self.filter = self.filter.next();
        self.selected = 0;
        self.offset = 0;
    }

    /// The change that sets the selected item's verdict (keeping its note).
    pub fn verdict_change(&self, verdict: Option<Verdict>) -> Option<VerdictChange> {
        let row = self.current()?;
        Some(self.change(row, verdict, row.verdict.current().1.to_string()))
    }

    /// The change that sets the selected item's note (keeping its current verdict).
    pub fn note_change(&self, note: String) -> Option<VerdictChange> {
        let row = self.current()?;
        Some(self.change(row, row.verdict.current().0, note))
    }

    fn change(&self, row: &AuditRow, verdict: Option<Verdict>, note: String) -> VerdictChange {
        VerdictChange {
            id: row.item.id.clone(),
            item_text: row.item.text.clone(),
            summary: self.table.summary_ref(),
            verdict,
            note,
        }
    }

    /// Selects the next (or previous) evidence sentence, scrolling the view to show it in
    /// `rows` rows.
    fn select_evidence(&mut self, delta: isize, rows: usize) {
        let count = self.current().map_or(0, |row| row.evidence.len());
        self.evidence_selected = self
            .evidence_selected
            .saturating_add_signed(delta)
            .min(count.saturating_sub(1));
        let Some(line) = self.evidence_line(self.evidence_selected) else {
            return;
        };
        // its source line and the first line of the sentence
        if line < self.detail_scroll {
            self.detail_scroll = line;
        } else if line + 2 > self.detail_scroll + rows {
            self.detail_scroll = (line + 2).saturating_sub(rows);
        }
    }

    /// The wrapped line of the evidence pane that evidence sentence `n` starts on.
    fn evidence_line(&self, n: usize) -> Option<usize> {
        let row = self.current()?;
        let (pane, lines) = self.wrapped(row).pop()?;
        let start = *pane.evidence.get(n)?;
        lines.iter().position(|l| l.range.end > start)
    }

    /// A click on an evidence sentence selects it.
    fn click_evidence(&mut self, column: u16, row: u16) {
        let Some(item) = self.current() else {
            return;
        };
        let mut panes = self.wrapped(item);
        let mut areas = detail_areas(detail_area(self.size), panes.len());
        let (Some(area), Some((pane, lines))) = (areas.pop(), panes.pop()) else {
            return;
        };
        let Some(at) = layout::row_in(area, column, row) else {
            return;
        };
        let Some(line) = lines.get(self.detail_scroll + at) else {
            return;
        };
        if let Some(n) = pane.evidence.iter().rposition(|&s| s <= line.range.start) {
            self.evidence_selected = n;
        }
    }
}

/// Where the table or the evidence view goes for a terminal size: the body under the header.
pub fn detail_area(size: Rect) -> Rect {
    let (body, _) = layout::body_and_footer(size);
    Rect::new(
        body.x,
        body.y.saturating_add(1),
        body.width,
        body.height.saturating_sub(1),
    )
}

/// The panes of the evidence view in `area`, side by side: `count` of equal width, the last
/// taking what is left.
pub fn detail_areas(area: Rect, count: usize) -> Vec<Rect> {
    let width = area.width / cells(count.max(1));
    (0..count)
        .map(|n| {
            let x = area.x + width * cells(n);
            let w = if n + 1 == count {
                area.right() - x
            } else {
                width
            };
            Rect::new(x, area.y, w, area.height)
        })
        .collect()
}

/// Rows of text in the evidence view's panes for a terminal size.
fn detail_rows(size: Rect) -> usize {
    usize::from(inner(detail_area(size)).height).max(1)
}

/// Rows of the audit table for a terminal size.
pub fn table_height(size: Rect) -> usize {
    let (body, _) = layout::body_and_footer(size);
    usize::from(body.height.saturating_sub(4)).max(1)
}

/// A target whose reported figure is below it, or was not found.
pub fn target_flagged(row: &AuditRow) -> bool {
    row.item.targets.iter().any(|t| t.met != Some(true))
}

/// Below this width the item and its evidence are stacked in one pane.
pub const STACK_BELOW_WIDTH: u16 = 80;

/// What a marked range of the detail text is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailMark {
    Section,
    Heading,
    /// A phrase the item and its evidence share.
    Shared,
    Status(Status),
    Commitment,
    /// An evidence sentence's number and node id.
    Source,
    /// The source of the sentence `r` acts on.
    Chosen,
    /// What the auditor made of a sentence (已剔除, 审计添加).
    Tag,
    /// A sentence the auditor rejected.
    Rejected,
}

/// One pane of the detail view: its title and its text with marked ranges.
#[derive(Debug, Clone, PartialEq)]
pub struct DetailPane {
    pub title: &'static str,
    pub text: String,
    pub marks: Vec<(Range<usize>, DetailMark)>,
    /// Where each evidence sentence (its source line) starts in `text`.
    pub evidence: Vec<usize>,
}

impl AuditScreen {
    /// The detail view of an item for a screen `width`: item and evidence side by side, or one
    /// pane with both when narrow.
    pub fn detail_panes(&self, row: &AuditRow, width: u16) -> Vec<DetailPane> {
        let (item_text, item_marks) = item_block(row);
        let evidence = evidence_block(row, self.evidence_selected);
        if width >= STACK_BELOW_WIDTH {
            let item = DetailPane {
                title: labels::DETAIL_ITEM_TITLE,
                text: item_text,
                marks: item_marks,
                evidence: Vec::new(),
            };
            return vec![item, evidence];
        }
        let shift = item_text.len() + 2;
        let marks = item_marks
            .into_iter()
            .chain(
                evidence
                    .marks
                    .into_iter()
                    .map(|(r, m)| (r.start + shift..r.end + shift, m)),
            )
            .collect();
        vec![DetailPane {
            title: labels::DETAIL_STACKED_TITLE,
            text: format!("{item_text}\n\n{}", evidence.text),
            marks,
            evidence: evidence.evidence.into_iter().map(|s| s + shift).collect(),
        }]
    }

    /// The detail view's panes at the screen's size, each with its text wrapped to the inside
    /// of its pane, as drawn.
    fn wrapped(&self, row: &AuditRow) -> Vec<(DetailPane, Vec<wrap::Line>)> {
        let panes = self.detail_panes(row, self.size.width);
        let areas = detail_areas(detail_area(self.size), panes.len());
        panes
            .into_iter()
            .zip(areas)
            .map(|(pane, area)| {
                let options = WrapOptions {
                    width: usize::from(inner(area).width).max(1),
                    ambiguous_wide: self.ambiguous_wide,
                };
                let lines = wrap::layout(&pane.text, options);
                (pane, lines)
            })
            .collect()
    }

    /// How far the detail view can scroll: its longest pane's lines less the `rows` shown.
    fn detail_max_scroll(&self, rows: usize) -> usize {
        let Some(row) = self.current() else {
            return 0;
        };
        let lines = self
            .wrapped(row)
            .iter()
            .map(|(_, lines)| lines.len())
            .max()
            .unwrap_or(0);
        lines.saturating_sub(rows)
    }
}

/// The item: section, heading, body, status and commitments, targets, weakened words, verdict
/// and note.
fn item_block(row: &AuditRow) -> (String, Vec<(Range<usize>, DetailMark)>) {
    let item = &row.item;
    let heading = row.heading();
    let mut text = format!("{}\n{heading}\n", item.section);
    let mut marks = vec![
        (0..item.section.len(), DetailMark::Section),
        (item.section.len() + 1..text.len() - 1, DetailMark::Heading),
    ];
    let body = row.body();
    let body_start = text.len();
    text.push_str(body);
    marks.extend(
        phrase_ranges(body, &item.shared)
            .into_iter()
            .map(|r| (r.start + body_start..r.end + body_start, DetailMark::Shared)),
    );
    let start = text.len() + 2;
    text.push_str("\n\n");
    text.push_str(&labels::status_line(item.status, item.reported_count()));
    marks.push((start..text.len(), DetailMark::Status(item.status)));
    // each commitment, reported (with the evidence that says so) or not
    for line in row.commitment_lines() {
        text.push('\n');
        text.push_str(&line);
    }
    text.push('\n');
    for line in row.target_lines() {
        text.push('\n');
        text.push_str(&labels::target_field(&line));
    }
    for note in &item.commitment {
        let start = text.len() + 1;
        text.push('\n');
        text.push_str(&labels::commitment_line(note));
        marks.push((start..text.len(), DetailMark::Commitment));
    }
    text.push_str("\n\n");
    text.push_str(&row.verdict.line());
    for line in row.other_verdict_lines() {
        text.push('\n');
        text.push_str(&line);
    }
    (text, marks)
}

/// The evidence sentences, in the order of the commitments they report, each with its number
/// (as the commitments cite it), node id and what the auditor made of it (rejected ones struck
/// through), then the sentences the auditor attached, as the evidence pane. The `selected`
/// one's source is marked.
fn evidence_block(row: &AuditRow, selected: usize) -> DetailPane {
    let mut pane = DetailPane {
        title: labels::DETAIL_EVIDENCE_TITLE,
        text: labels::NO_EVIDENCE.to_string(),
        marks: Vec::new(),
        evidence: Vec::new(),
    };
    if row.evidence.is_empty() {
        return pane;
    }
    let mut text = String::new();
    let mut marks = Vec::new();
    let mut starts = Vec::new();
    for (n, evidence) in row.evidence.iter().enumerate() {
        if n > 0 {
            text.push_str("\n\n");
        }
        starts.push(text.len());
        let source = evidence.source(n);
        let label = evidence.label(n);
        let mark = if n == selected {
            DetailMark::Chosen
        } else {
            DetailMark::Source
        };
        marks.push((text.len()..text.len() + source.len(), mark));
        marks.push((
            text.len() + source.len()..text.len() + label.len(),
            DetailMark::Tag,
        ));
        text.push_str(&label);
        text.push('\n');
        let start = text.len();
        let sentence = &evidence.sentence.text;
        text.push_str(sentence);
        if evidence.kind == EvidenceKind::Rejected {
            marks.push((start..text.len(), DetailMark::Rejected));
        } else {
            marks.extend(
                phrase_ranges(sentence, &row.item.shared)
                    .into_iter()
                    .map(|r| (r.start + start..r.end + start, DetailMark::Shared)),
            );
        }
    }
    pane.text = text;
    pane.marks = marks;
    pane.evidence = starts;
    pane
}
