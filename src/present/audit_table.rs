//! The audit as every view shows it: one row per plan item with typed cells (status, score, the
//! item's heading and body, commitments, evidence with ids as the auditor corrected it, targets,
//! weakened words, verdict, note), built once from the engine's `Audit` and the auditor's
//! verdicts, and read by the CLI's text, Markdown, CSV and JSON and by the TUI's table and
//! evidence view. Must not depend on tui, the CLI or ratatui.

use serde::Serialize;

use crate::compare::audit::units::evidence_units;
use crate::compare::audit::{Audit, CommitmentCheck, ItemAudit, Status, TargetCheck};
use crate::model::{PartKind, Report};
use crate::present::labels;
use crate::store::verdicts::{
    Corrections, Entry, Lookup, SentenceRef, SummaryRef, Verdict, VerdictFile,
};

/// One report of the audited pair: the file as given, its title, the year of the audited part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    pub file: String,
    pub title: String,
    pub year: Option<i32>,
}

/// The audit of a plan against a summary, with the auditor's verdicts, ready for any view.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditTable {
    pub plan: Side,
    pub summary: Side,
    /// What is off about the pair, the verdict file's problems, then each stale verdict.
    pub warnings: Vec<String>,
    pub rows: Vec<AuditRow>,
    /// The summary's sentences that evidence is taken from, in document order: what the
    /// auditor can attach.
    pub sentences: Vec<SentenceRef>,
}

/// One plan item: the engine's audit of it and the verdict the auditor gave it against this
/// summary, with the evidence as corrected; its verdicts against other summaries are listed,
/// never applied.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditRow {
    pub item: ItemAudit,
    pub verdict: VerdictCell,
    /// The item's verdicts made against another summary (另一份总结).
    pub others: Vec<Entry>,
    /// The auditor's corrections of the evidence that apply (none from a stale entry).
    pub corrections: Corrections,
    /// The engine's evidence in its order (so the commitments' numbers still point at it),
    /// rejected ones marked, then the sentences the auditor attached.
    pub evidence: Vec<EvidenceLine>,
}

/// One evidence sentence as the auditor left it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceLine {
    pub sentence: SentenceRef,
    pub kind: EvidenceKind,
}

/// Where an evidence sentence comes from and what the auditor made of it. The item's status is
/// the engine's whatever the auditor corrects: the verdict is where the auditor concludes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceKind {
    /// Found by the engine.
    Suggested,
    /// Found by the engine, rejected by the auditor.
    Rejected,
    /// Attached by the auditor.
    Attached,
    /// Attached by the auditor, and no longer in the summary (it was edited since).
    Gone,
}

/// The auditor's verdict on an item, as the sidecar holds it for the item's current text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum VerdictCell {
    #[default]
    None,
    /// Given on the item's current text.
    Current {
        verdict: Option<Verdict>,
        note: String,
    },
    /// Given on an earlier text of the item: shown marked, never applied.
    Stale {
        verdict: Option<Verdict>,
        note: String,
    },
}

/// The columns of the Markdown and CSV tables, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Id,
    Section,
    Item,
    Body,
    Status,
    Score,
    Parts,
    Commitments,
    Evidence,
    Targets,
    Weakened,
    Verdict,
    Note,
    OtherVerdicts,
}

impl Column {
    pub const ALL: [Column; 14] = [
        Column::Id,
        Column::Section,
        Column::Item,
        Column::Body,
        Column::Status,
        Column::Score,
        Column::Parts,
        Column::Commitments,
        Column::Evidence,
        Column::Targets,
        Column::Weakened,
        Column::Verdict,
        Column::Note,
        Column::OtherVerdicts,
    ];

    pub fn header(self) -> &'static str {
        match self {
            Column::Id => labels::COLUMN_ID,
            Column::Section => labels::COLUMN_SECTION,
            Column::Item => labels::COLUMN_PLAN_ITEM,
            Column::Body => labels::COLUMN_BODY,
            Column::Status => labels::COLUMN_STATUS,
            Column::Score => labels::COLUMN_SCORE,
            Column::Parts => labels::COLUMN_PARTS,
            Column::Commitments => labels::COLUMN_PART_LINES,
            Column::Evidence => labels::FIELD_EVIDENCE,
            Column::Targets => labels::FIELD_TARGETS,
            Column::Weakened => labels::FIELD_COMMITMENT,
            Column::Verdict => labels::FIELD_VERDICT,
            Column::Note => labels::COLUMN_NOTE,
            Column::OtherVerdicts => labels::COLUMN_OTHER_VERDICTS,
        }
    }
}

impl AuditTable {
    /// The table of `audit` (of a plan against `summary_report`) with each item's verdict and
    /// corrected evidence from `verdicts`; `warnings` are the pair's and the verdict file's, to
    /// which each stale verdict is added.
    pub fn new(
        plan: Side,
        summary: Side,
        audit: &Audit,
        summary_report: &Report,
        verdicts: &VerdictFile,
        warnings: Vec<String>,
    ) -> Self {
        let mut table = AuditTable {
            plan,
            summary,
            warnings,
            rows: audit
                .items
                .iter()
                .map(|item| AuditRow {
                    item: item.clone(),
                    verdict: VerdictCell::None,
                    others: Vec::new(),
                    corrections: Corrections::default(),
                    evidence: Vec::new(),
                })
                .collect(),
            sentences: summary_sentences(summary_report),
        };
        table.set_verdicts(verdicts);
        for row in &table.rows {
            if let VerdictCell::Stale { verdict, note } = &row.verdict {
                let warning = labels::stale_verdict(&row.item.id, *verdict, note);
                table.warnings.push(warning);
            }
        }
        table
    }

    /// The summary the verdicts are made against.
    pub fn summary_ref(&self) -> SummaryRef {
        SummaryRef::new(&self.summary.file, &self.summary.title, self.summary.year)
    }

    /// Takes each item's verdict and corrections of its evidence from `verdicts` (after the
    /// auditor changed one). An entry that only corrects the evidence gives no verdict.
    pub fn set_verdicts(&mut self, verdicts: &VerdictFile) {
        let summary = self.summary_ref();
        let judged = |e: &&Entry| e.verdict.is_some() || !e.note.is_empty();
        for row in &mut self.rows {
            row.others = verdicts
                .others(&row.item.id, &summary)
                .filter(judged)
                .cloned()
                .collect();
            let lookup = verdicts.get(&row.item.id, &row.item.text, &summary);
            row.corrections = match lookup {
                Lookup::Current(e) => e.corrections.clone(),
                Lookup::Stale(_) | Lookup::None => Corrections::default(),
            };
            row.verdict = match lookup {
                Lookup::Current(e) if judged(&e) => VerdictCell::Current {
                    verdict: e.verdict,
                    note: e.note.clone(),
                },
                Lookup::Stale(e) => VerdictCell::Stale {
                    verdict: e.verdict,
                    note: e.note.clone(),
                },
                Lookup::Current(_) | Lookup::None => VerdictCell::None,
            };
            row.evidence = corrected_evidence(&row.item, &row.corrections, &self.sentences);
        }
    }

    /// Items per status, in the order reported, partial, not mentioned.
    pub fn counts(&self) -> [usize; 3] {
        let count = |s: Status| self.rows.iter().filter(|r| r.item.status == s).count();
        [
            count(Status::Reported),
            count(Status::Partial),
            count(Status::NotMentioned),
        ]
    }

    /// `已报告 7 · 部分 4 · 未提及 2`
    pub fn counts_line(&self) -> String {
        let [reported, partial, missing] = self.counts();
        labels::status_counts([
            (Status::Reported, reported),
            (Status::Partial, partial),
            (Status::NotMentioned, missing),
        ])
    }

    /// The column headers of the Markdown and CSV tables.
    pub fn headers() -> Vec<&'static str> {
        Column::ALL.iter().map(|c| c.header()).collect()
    }

    /// Every row's cells in the order of [`Column::ALL`], as Markdown and CSV show them.
    pub fn cells(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|row| Column::ALL.iter().map(|&c| row.cell(c)).collect())
            .collect()
    }

    /// The JSON document: `{plan, summary, warnings, items}`.
    pub fn json(&self) -> JsonAudit<'_> {
        JsonAudit {
            plan: &self.plan,
            summary: &self.summary,
            warnings: &self.warnings,
            items: self.rows.iter().map(AuditRow::json).collect(),
        }
    }
}

impl AuditRow {
    /// One cell as text; cells of several lines (commitments, evidence, targets) hold one per
    /// line.
    pub fn cell(&self, column: Column) -> String {
        let item = &self.item;
        match column {
            Column::Id => item.id.clone(),
            Column::Section => item.section.clone(),
            Column::Item => self.heading(),
            Column::Body => self.body().to_string(),
            Column::Status => labels::status_label(item.status).to_string(),
            Column::Score => format!("{:.2}", item.score),
            Column::Parts => {
                let (reported, of) = item.reported_count();
                format!("{reported}/{of}")
            }
            Column::Commitments => self.commitment_lines().join("\n"),
            Column::Evidence => self.evidence_lines().join("\n"),
            Column::Targets => self.target_lines().join("\n"),
            Column::Weakened => item.commitment.join("; "),
            Column::Verdict => self.verdict.label(),
            Column::Note => self.verdict.note().to_string(),
            Column::OtherVerdicts => self.other_verdict_lines().join("\n"),
        }
    }

    /// `另一份总结 minghu-2024.txt (2024年): 已落实 见公告`, one per verdict made against another
    /// summary.
    pub fn other_verdict_lines(&self) -> Vec<String> {
        self.others
            .iter()
            .map(|e| labels::other_verdict(e.summary.as_ref(), e.verdict, &e.note))
            .collect()
    }

    /// The verdict for a narrow column: the one given, else a mark that other summaries have
    /// some.
    pub fn verdict_short(&self) -> String {
        match (&self.verdict, self.others.is_empty()) {
            (VerdictCell::None, false) => labels::OTHER_SUMMARY.to_string(),
            (cell, _) => cell.short(),
        }
    }

    /// Marker and title: `3.推进智慧停车系统建设。`
    pub fn heading(&self) -> String {
        format!("{}{}", self.item.marker, self.item.title)
    }

    /// What the item says after its heading (its text repeats its title: shown once).
    pub fn body(&self) -> &str {
        let item = &self.item;
        item.text
            .strip_prefix(item.title.as_str())
            .unwrap_or(&item.text)
            .trim()
    }

    /// `✓ 建成区级政务智算中心 (主项) [1]`, one per commitment.
    pub fn commitment_lines(&self) -> Vec<String> {
        self.item
            .commitments
            .iter()
            .map(labels::part_line)
            .collect()
    }

    /// `[1] p1.1.2 数字孪生明湖加快建设。`, one per evidence sentence, the corrected ones
    /// tagged: `[2] p1.3 (已剔除) …`, `[3] p1.4.1 (审计添加) …`.
    pub fn evidence_lines(&self) -> Vec<String> {
        self.evidence
            .iter()
            .enumerate()
            .map(|(n, e)| format!("{} {}", e.label(n), e.sentence.text))
            .collect()
    }

    /// The corrections once evidence sentence `n` is rejected, or restored, or (attached by the
    /// auditor) removed.
    pub fn toggled(&self, n: usize) -> Option<Corrections> {
        let line = self.evidence.get(n)?;
        let mut corrections = self.corrections.clone();
        match line.kind {
            EvidenceKind::Suggested => corrections.rejected.push(line.sentence.clone()),
            EvidenceKind::Rejected => corrections.rejected.retain(|s| *s != line.sentence),
            EvidenceKind::Attached | EvidenceKind::Gone => {
                corrections.attached.retain(|s| *s != line.sentence);
            }
        }
        Some(corrections)
    }

    /// The corrections with `sentence` attached.
    pub fn attached(&self, sentence: &SentenceRef) -> Corrections {
        let mut corrections = self.corrections.clone();
        if !self.shows(sentence) {
            corrections.attached.push(sentence.clone());
        }
        corrections
    }

    /// Whether `sentence` is among the evidence shown (rejected or not).
    pub fn shows(&self, sentence: &SentenceRef) -> bool {
        self.evidence.iter().any(|e| e.sentence == *sentence)
    }

    /// `不少于20个 → 26个 ✓`, one per target.
    pub fn target_lines(&self) -> Vec<String> {
        self.item.targets.iter().map(labels::target_check).collect()
    }

    /// The first target against its reported figure, for a narrow column: `220项→230项 !`.
    pub fn target_short(&self) -> String {
        let targets = &self.item.targets;
        let Some(target) = targets.first() else {
            return String::new();
        };
        labels::target_short(target, targets.len() - 1)
    }

    fn json(&self) -> JsonItem<'_> {
        let item = &self.item;
        let (verdict, note) = match &self.verdict {
            VerdictCell::Current { verdict, note } => (*verdict, note.as_str()),
            VerdictCell::Stale { .. } | VerdictCell::None => (None, ""),
        };
        JsonItem {
            id: &item.id,
            marker: &item.marker,
            title: &item.title,
            section: &item.section,
            text: &item.text,
            status: item.status,
            score: rounded(item.score),
            commitments: &item.commitments,
            evidence: item
                .evidence
                .iter()
                .zip(&self.evidence)
                .map(|(e, line)| JsonEvidence {
                    id: &e.id,
                    sentence: &e.sentence,
                    score: rounded(e.score),
                    rejected: line.kind == EvidenceKind::Rejected,
                })
                .collect(),
            attached: self
                .evidence
                .iter()
                .filter_map(|line| {
                    let in_summary = match line.kind {
                        EvidenceKind::Attached => true,
                        EvidenceKind::Gone => false,
                        EvidenceKind::Suggested | EvidenceKind::Rejected => return None,
                    };
                    Some(JsonAttached {
                        id: &line.sentence.id,
                        sentence: &line.sentence.text,
                        in_summary,
                    })
                })
                .collect(),
            targets: &item.targets,
            weakened: &item.commitment,
            verdict: verdict.map(Verdict::key),
            note: Some(note).filter(|n| !n.is_empty()),
            other_verdicts: self
                .others
                .iter()
                .map(|e| JsonOtherVerdict {
                    verdict: e.verdict.map(Verdict::key),
                    note: &e.note,
                    summary: e.summary.as_ref(),
                })
                .collect(),
        }
    }
}

impl EvidenceLine {
    /// `[1] p1.1.2`: the sentence's number, as the commitments cite it, and its node id.
    pub fn source(&self, n: usize) -> String {
        format!("{} {}", labels::evidence_ref(n), self.sentence.id)
    }

    /// The source with what the auditor made of the sentence: `[2] p1.3 (已剔除)`.
    pub fn label(&self, n: usize) -> String {
        let source = self.source(n);
        match self.kind.tag() {
            Some(tag) => labels::evidence_tagged(&source, tag),
            None => source,
        }
    }
}

impl EvidenceKind {
    /// How the views tag a corrected sentence: 已剔除, 审计添加, …; none for a suggested one.
    pub fn tag(self) -> Option<&'static str> {
        match self {
            EvidenceKind::Suggested => None,
            EvidenceKind::Rejected => Some(labels::EVIDENCE_REJECTED),
            EvidenceKind::Attached => Some(labels::EVIDENCE_ATTACHED),
            EvidenceKind::Gone => Some(labels::EVIDENCE_GONE),
        }
    }
}

/// The sentences of the summary part of `summary` (and the rest of that year's summary) that
/// the audit takes evidence from.
fn summary_sentences(summary: &Report) -> Vec<SentenceRef> {
    let Some(part) = summary.part_of_kind(PartKind::Summary) else {
        return Vec::new();
    };
    evidence_units(summary, part)
        .into_iter()
        .map(|s| SentenceRef {
            id: s.id.to_string(),
            text: s.text.to_string(),
        })
        .collect()
}

/// The engine's evidence with the rejected sentences marked, then the attached ones, each
/// marked as gone when `sentences` no longer hold it.
fn corrected_evidence(
    item: &ItemAudit,
    corrections: &Corrections,
    sentences: &[SentenceRef],
) -> Vec<EvidenceLine> {
    let suggested = item.evidence.iter().map(|e| {
        let sentence = SentenceRef {
            id: e.id.clone(),
            text: e.sentence.clone(),
        };
        let kind = if corrections.rejected.contains(&sentence) {
            EvidenceKind::Rejected
        } else {
            EvidenceKind::Suggested
        };
        EvidenceLine { sentence, kind }
    });
    let attached = corrections.attached.iter().map(|s| EvidenceLine {
        sentence: s.clone(),
        kind: if sentences.contains(s) {
            EvidenceKind::Attached
        } else {
            EvidenceKind::Gone
        },
    });
    suggested.chain(attached).collect()
}

impl VerdictCell {
    /// `已落实`, `已落实 (已过期)`, empty with none.
    pub fn label(&self) -> String {
        match self {
            VerdictCell::None => String::new(),
            VerdictCell::Current { verdict, .. } => verdict
                .map(labels::verdict_label)
                .unwrap_or_default()
                .into(),
            VerdictCell::Stale { verdict, .. } => labels::stale_label(*verdict),
        }
    }

    /// The note, empty with none.
    pub fn note(&self) -> &str {
        match self {
            VerdictCell::None => "",
            VerdictCell::Current { note, .. } | VerdictCell::Stale { note, .. } => note,
        }
    }

    /// The verdict for a narrow column: `已落实*` when it has a note, `备注(已过期)` for a stale
    /// note alone.
    pub fn short(&self) -> String {
        match self {
            VerdictCell::None => String::new(),
            VerdictCell::Current { verdict, note } => {
                let label = verdict.map_or("—", labels::verdict_label);
                let more = if note.is_empty() { "" } else { "*" };
                format!("{label}{more}")
            }
            VerdictCell::Stale { verdict, .. } => format!(
                "{}{}",
                verdict.map_or(labels::NOTE_ONLY, labels::verdict_label),
                labels::STALE
            ),
        }
    }

    /// Whether the auditor has given this item a verdict that applies.
    pub fn is_given(&self) -> bool {
        matches!(
            self,
            VerdictCell::Current {
                verdict: Some(_),
                ..
            }
        )
    }

    /// The verdict and note that apply now (none from a stale entry): what a change keeps.
    pub fn current(&self) -> (Option<Verdict>, &str) {
        match self {
            VerdictCell::Current { verdict, note } => (*verdict, note),
            VerdictCell::Stale { .. } | VerdictCell::None => (None, ""),
        }
    }

    /// The evidence view's line: `结论: 已落实 见公告`, a stale one, or none yet.
    pub fn line(&self) -> String {
        match self {
            VerdictCell::None => labels::verdict_line(None, false),
            VerdictCell::Current { verdict, note } => {
                labels::verdict_line(Some((*verdict, note)), false)
            }
            VerdictCell::Stale { verdict, note } => {
                labels::verdict_line(Some((*verdict, note)), true)
            }
        }
    }
}

/// Scores to three decimals, so the JSON does not show float noise.
fn rounded(score: f64) -> f64 {
    (score * 1000.0).round() / 1000.0
}

/// The audit as JSON; its keys are read by programs outside this repository (add, never rename).
#[derive(Serialize)]
pub struct JsonAudit<'a> {
    plan: &'a Side,
    summary: &'a Side,
    warnings: &'a [String],
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    marker: &'a str,
    title: &'a str,
    section: &'a str,
    /// The item's full text: its title, then what follows it.
    text: &'a str,
    status: Status,
    /// The share of the item's commitments (by weight) the summary reports, 0..=1.
    score: f64,
    /// What the item commits to, each with the index in `evidence` of the sentence that
    /// reports it (`null`: not reported); the first `main` one is its heading or head clause.
    commitments: &'a [CommitmentCheck],
    /// The engine's evidence; a sentence the auditor rejected has `"rejected": true` (the status
    /// is still the engine's).
    evidence: Vec<JsonEvidence<'a>>,
    /// Sentences the auditor attached (`in_summary`: false when the summary no longer holds
    /// it); left out when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    attached: Vec<JsonAttached<'a>>,
    targets: &'a [TargetCheck],
    /// Plan words the evidence reports in a weaker form (`确保→力争`).
    weakened: &'a [String],
    /// The verdict key (`done` …); `null` with none, or when it is stale (then in `warnings`).
    verdict: Option<&'static str>,
    note: Option<&'a str>,
    /// The item's verdicts made against other summaries (`summary`: file, title, year; `null`
    /// when a version 1 sidecar did not record it): listed, never applied.
    other_verdicts: Vec<JsonOtherVerdict<'a>>,
}

#[derive(Serialize)]
struct JsonOtherVerdict<'a> {
    verdict: Option<&'static str>,
    note: &'a str,
    summary: Option<&'a SummaryRef>,
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    id: &'a str,
    sentence: &'a str,
    score: f64,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    rejected: bool,
}

#[derive(Serialize)]
struct JsonAttached<'a> {
    id: &'a str,
    sentence: &'a str,
    in_summary: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::BUNDLED;
    use crate::compare::audit::audit;

    fn table() -> AuditTable {
        let report = BUNDLED[0].report().unwrap();
        let audited = audit(&report, &report).unwrap();
        let side = |year| Side {
            file: "a".into(),
            title: report.title.clone(),
            year,
        };
        let (verdicts, _) = VerdictFile::load(std::path::Path::new("/nonexistent/v.json"));
        AuditTable::new(
            side(audited.plan_year),
            side(audited.summary_year),
            &audited,
            &report,
            &verdicts,
            Vec::new(),
        )
    }

    #[test]
    fn the_body_is_what_follows_the_heading() {
        let table = table();
        for row in &table.rows {
            let joined = format!("{}{}", row.item.title, row.body());
            assert_eq!(
                joined.split_whitespace().collect::<String>(),
                row.item.text.split_whitespace().collect::<String>()
            );
        }
    }

    #[test]
    fn every_row_has_a_cell_per_header() {
        let table = table();
        let cells = table.cells();
        assert_eq!(cells.len(), table.rows.len());
        assert!(cells.iter().all(|r| r.len() == AuditTable::headers().len()));
    }
}
