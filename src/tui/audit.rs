//! The audit view's state: the audit of a plan against a summary (computed once when the view
//! opens), the auditor's verdicts, the filter, the selection and the note being typed. No
//! ratatui types. It holds the plan's `VerdictFile` but never saves it: a change goes out as a
//! `VerdictChange`, which the run loop saves through its `Store`.

use std::ops::Range;

use super::layout::cells;
use crate::compare::audit::{Audit, ItemAudit, Status, phrase_ranges};
use crate::present::labels;
use crate::store::verdicts::{Lookup, Verdict, VerdictChange, VerdictFile};
use crate::text::wrap::{self, WrapOptions};

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
pub struct AuditState {
    pub plan_entry: usize,
    pub summary_entry: usize,
    pub audit: Audit,
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
}

impl AuditState {
    pub fn new(
        plan_entry: usize,
        summary_entry: usize,
        audit: Audit,
        verdicts: VerdictFile,
    ) -> Self {
        AuditState {
            plan_entry,
            summary_entry,
            audit,
            verdicts,
            filter: Filter::All,
            selected: 0,
            offset: 0,
            detail: false,
            detail_scroll: 0,
            note_input: None,
        }
    }

    /// Indexes of the items the filter lets through, in plan order.
    pub fn visible(&self) -> Vec<usize> {
        (0..self.audit.items.len())
            .filter(|&i| self.passes(&self.audit.items[i]))
            .collect()
    }

    fn passes(&self, item: &ItemAudit) -> bool {
        match self.filter {
            Filter::All => true,
            Filter::NotMentioned => item.status == Status::NotMentioned,
            Filter::FlaggedTargets => target_flagged(item),
            Filter::NoVerdict => {
                !matches!(self.verdict(item), Lookup::Current(e) if e.verdict.is_some())
            }
        }
    }

    /// The stored verdict of an item (current, stale, or none).
    pub fn verdict(&self, item: &ItemAudit) -> Lookup<'_> {
        self.verdicts.get(&item.id, &item.text)
    }

    /// The selected item, if the filter leaves any.
    pub fn current(&self) -> Option<&ItemAudit> {
        self.visible()
            .get(self.selected)
            .map(|&i| &self.audit.items[i])
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

    /// Item counts per status, in the order reported, partial, not mentioned.
    pub fn counts(&self) -> [usize; 3] {
        let count = |s: Status| self.audit.items.iter().filter(|i| i.status == s).count();
        [
            count(Status::Reported),
            count(Status::Partial),
            count(Status::NotMentioned),
        ]
    }

    /// The change that sets the selected item's verdict (keeping its note).
    pub fn verdict_change(&self, verdict: Option<Verdict>) -> Option<VerdictChange> {
        let item = self.current()?;
        let note = match self.verdict(item) {
            Lookup::Current(e) => e.note.clone(),
            _ => String::new(),
        };
        Some(VerdictChange {
            id: item.id.clone(),
            item_text: item.text.clone(),
            verdict,
            note,
        })
    }

    /// The change that sets the selected item's note (keeping its current verdict).
    pub fn note_change(&self, note: String) -> Option<VerdictChange> {
        let item = self.current()?;
        let verdict = match self.verdict(item) {
            Lookup::Current(e) => e.verdict,
            _ => None,
        };
        Some(VerdictChange {
            id: item.id.clone(),
            item_text: item.text.clone(),
            verdict,
            note,
        })
    }
}

/// A target whose reported figure is below it, or was not found.
pub fn target_flagged(item: &ItemAudit) -> bool {
    item.targets.iter().any(|t| t.met != Some(true))
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
}

/// One pane of the detail view: its title and its text with marked ranges.
#[derive(Debug, Clone, PartialEq)]
pub struct DetailPane {
    pub title: &'static str,
    pub text: String,
    pub marks: Vec<(Range<usize>, DetailMark)>,
}

impl AuditState {
    /// The detail view of an item for a screen `width`: item and evidence side by side, or one
    /// pane with both when narrow.
    pub fn detail_panes(&self, item: &ItemAudit, width: u16) -> Vec<DetailPane> {
        let (item_text, item_marks) = self.item_block(item);
        let (evidence_text, evidence_marks) = evidence_block(item);
        if width >= STACK_BELOW_WIDTH {
            return vec![
                DetailPane {
                    title: labels::DETAIL_ITEM_TITLE,
                    text: item_text,
                    marks: item_marks,
                },
                DetailPane {
                    title: labels::DETAIL_EVIDENCE_TITLE,
                    text: evidence_text,
                    marks: evidence_marks,
                },
            ];
        }
        let shift = item_text.len() + 2;
        let marks = item_marks
            .into_iter()
            .chain(
                evidence_marks
                    .into_iter()
                    .map(|(r, m)| (r.start + shift..r.end + shift, m)),
            )
            .collect();
        vec![DetailPane {
            title: labels::DETAIL_STACKED_TITLE,
            text: format!("{item_text}\n\n{evidence_text}"),
            marks,
        }]
    }

    /// How far the detail view can scroll: its longest pane's lines less the rows shown.
    pub fn detail_max_scroll(&self, width: u16, rows: usize, ambiguous_wide: bool) -> usize {
        let Some(item) = self.current() else {
            return 0;
        };
        let panes = self.detail_panes(item, width);
        let inner = (width / cells(panes.len().max(1))).saturating_sub(2);
        let options = WrapOptions {
            width: usize::from(inner).max(1),
            ambiguous_wide,
        };
        let lines = panes
            .iter()
            .map(|p| wrap::layout(&p.text, options).len())
            .max()
            .unwrap_or(0);
        lines.saturating_sub(rows)
    }

    /// The item: section, marker and title, text, status and commitments, targets, commitment
    /// notes, verdict and note.
    fn item_block(&self, item: &ItemAudit) -> (String, Vec<(Range<usize>, DetailMark)>) {
        let mut text = format!("{}\n{}{}\n", item.section, item.marker, item.title);
        let mut marks = vec![
            (0..item.section.len(), DetailMark::Section),
            (item.section.len() + 1..text.len() - 1, DetailMark::Heading),
        ];
        // the item's text repeats its title: show the title once, as the heading
        let body = item
            .text
            .strip_prefix(item.title.as_str())
            .unwrap_or(&item.text)
            .trim_start();
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
        for c in &item.commitments {
            text.push('\n');
            text.push_str(&labels::part_line(&c.text, c.main, c.evidence));
        }
        text.push('\n');
        for target in &item.targets {
            text.push('\n');
            text.push_str(&labels::target_line(
                &target.plan,
                target.reported.as_deref(),
                target.met,
            ));
        }
        for note in &item.commitment {
            let start = text.len() + 1;
            text.push('\n');
            text.push_str(&labels::commitment_line(note));
            marks.push((start..text.len(), DetailMark::Commitment));
        }
        let verdict = match self.verdict(item) {
            Lookup::Current(e) => labels::verdict_line(Some((e.verdict, &e.note)), false),
            Lookup::Stale(e) => labels::verdict_line(Some((e.verdict, &e.note)), true),
            Lookup::None => labels::verdict_line(None, false),
        };
        text.push_str("\n\n");
        text.push_str(&verdict);
        (text, marks)
    }
}

/// The evidence sentences, in the order of the commitments they report, each with its number
/// (as the commitments cite it) and node id.
fn evidence_block(item: &ItemAudit) -> (String, Vec<(Range<usize>, DetailMark)>) {
    if item.evidence.is_empty() {
        return (labels::NO_EVIDENCE.to_string(), Vec::new());
    }
    let mut text = String::new();
    let mut marks = Vec::new();
    for (n, evidence) in item.evidence.iter().enumerate() {
        if n > 0 {
            text.push_str("\n\n");
        }
        let label = format!("{} {}", labels::evidence_ref(n), evidence.id);
        marks.push((text.len()..text.len() + label.len(), DetailMark::Source));
        text.push_str(&label);
        text.push('\n');
        let start = text.len();
        text.push_str(&evidence.sentence);
        marks.extend(
            phrase_ranges(&evidence.sentence, &item.shared)
                .into_iter()
                .map(|r| (r.start + start..r.end + start, DetailMark::Shared)),
        );
    }
    (text, marks)
}
