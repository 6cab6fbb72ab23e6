//! The audit view's state: the audit of a plan against a summary (computed once when the view
//! opens), the auditor's verdicts, the filter, the selection and the note being typed. No
//! ratatui types and no file access: verdicts are saved by the run loop through its `Store`.

use crate::compare::audit::{Audit, ItemAudit, Status};
use crate::verdicts::{Lookup, Verdict, VerdictFile};

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
            Filter::All => "全部",
            Filter::NotMentioned => "仅未提及",
            Filter::FlaggedTargets => "仅目标未达或未报",
            Filter::NoVerdict => "仅未下结论",
        }
    }
}

/// A verdict change the run loop must save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerdictChange {
    pub id: String,
    pub item_text: String,
    pub verdict: Option<Verdict>,
    pub note: String,
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

/// Status with its symbol, so it reads without colour: ✓ 已报告, ◐ 部分, ✗ 未提及.
pub fn status_label(status: Status) -> String {
    format!("{} {}", status.symbol(), status.label())
}
