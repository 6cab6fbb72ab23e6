//! `planlens audit PLAN SUMMARY`: each plan item against the next year's summary, with the
//! auditor's verdicts, as text, JSON, Markdown or CSV.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::output::Output;
use super::{CommandError, one_line, open_report};
use crate::compare::audit::{
    Audit, AuditError, CommitmentCheck, ItemAudit, Status, TargetCheck, audit,
};
use crate::compare::warnings::pair_warnings;
use crate::export;
use crate::present::labels::{
    self, pair_warning, status_label, status_symbol, target_check, verdict_label,
};
use crate::store::dirs::data_dir;
use crate::store::sidecar::sidecar_path;
use crate::store::verdicts::{Lookup, VerdictFile};
use crate::text::wrap::{str_width, wrap};

/// Output formats of `planlens audit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AuditFormat {
    Text,
    Json,
    Md,
    Csv,
}

#[derive(Debug, Clone, clap::Args)]
pub struct AuditArgs {
    /// The report with the year-N plan (JSON, raw page text, or a bundled name)
    pub plan: PathBuf,
    /// The report with the year-N summary (usually the next year's document)
    pub summary: PathBuf,
    /// Output format (default: the output file's extension, else text)
    #[arg(long, value_enum)]
    pub format: Option<AuditFormat>,
    /// The verdicts file (default: the sidecar next to the plan report)
    #[arg(long)]
    pub verdicts: Option<PathBuf>,
    #[command(flatten)]
    pub output: Output,
}

/// Width of the text output in terminal cells.
const TEXT_WIDTH: usize = 80;
/// Column headers of the Markdown and CSV tables.
const HEADERS: [&str; 11] = [
    "编号",
    "章节",
    "计划条目",
    "状态",
    "分项",
    "分项明细",
    "证据",
    "指标",
    "承诺减弱",
    "核实",
    "备注",
];

/// Writes the audit in the chosen format.
pub fn run(args: &AuditArgs, out: &mut impl Write) -> Result<(), CommandError> {
    let plan = open_report(&args.plan)?;
    let summary = open_report(&args.summary)?;
    let bad =
        |file: &PathBuf, e: AuditError| CommandError::BadData(format!("{}: {e}", file.display()));
    let audit = audit(&plan, &summary).map_err(|e| match e {
        AuditError::NoPlan => bad(&args.plan, e),
        AuditError::NoSummary => bad(&args.summary, e),
    })?;
    let sidecar = args
        .verdicts
        .clone()
        .unwrap_or_else(|| sidecar_path(&args.plan, &data_dir()));
    let (verdicts, problem) = VerdictFile::load(&sidecar);
    let mut warnings: Vec<String> = pair_warnings(&plan, &summary)
        .iter()
        .map(pair_warning)
        .collect();
    warnings.extend(problem);
    let report = AuditView::new(args, &audit, &verdicts, warnings);
    match args.output.format(args.format).unwrap_or(AuditFormat::Text) {
        AuditFormat::Text => report.text(out)?,
        AuditFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &report.json()).map_err(io::Error::from)?;
            writeln!(out)?;
        }
        AuditFormat::Md => out.write_all(report.markdown().as_bytes())?,
        AuditFormat::Csv => out.write_all(export::csv(&HEADERS, &report.rows()).as_bytes())?,
    }
    Ok(())
}

/// The audit with each item's verdict, ready to print.
struct AuditView<'a> {
    args: &'a AuditArgs,
    audit: &'a Audit,
    items: Vec<(&'a ItemAudit, Lookup<'a>)>,
    /// The pair's warnings, then the verdict file's problems and stale verdicts.
    warnings: Vec<String>,
}

impl<'a> AuditView<'a> {
    fn new(
        args: &'a AuditArgs,
        audit: &'a Audit,
        verdicts: &'a VerdictFile,
        mut warnings: Vec<String>,
    ) -> Self {
        let items: Vec<(&ItemAudit, Lookup)> = audit
            .items
            .iter()
            .map(|item| (item, verdicts.get(&item.id, &item.text)))
            .collect();
        for (item, lookup) in &items {
            if let Lookup::Stale(entry) = lookup {
                warnings.push(labels::stale_verdict(&item.id, entry.verdict, &entry.note));
            }
        }
        AuditView {
            args,
            audit,
            items,
            warnings,
        }
    }

    fn json(&self) -> JsonAudit<'_> {
        JsonAudit {
            plan: JsonSide {
                file: self.args.plan.display().to_string(),
                year: self.audit.plan_year,
            },
            summary: JsonSide {
                file: self.args.summary.display().to_string(),
                year: self.audit.summary_year,
            },
            warnings: &self.warnings,
            items: self
                .items
                .iter()
                .map(|(item, v)| json_item(item, *v))
                .collect(),
        }
    }

    /// One table row per item, in the order of [`HEADERS`].
    fn rows(&self) -> Vec<Vec<String>> {
        self.items
            .iter()
            .map(|(item, lookup)| {
                let evidence: Vec<String> = item
                    .evidence
                    .iter()
                    .enumerate()
                    .map(|(n, e)| format!("{} {} {}", labels::evidence_ref(n), e.id, e.sentence))
                    .collect();
                let parts: Vec<String> = item
                    .commitments
                    .iter()
                    .map(|c| labels::part_line(&c.text, c.main, c.evidence))
                    .collect();
                let (reported, of) = item.reported_count();
                let targets: Vec<String> = item.targets.iter().map(target_check).collect();
                let (verdict, note) = verdict_cells(*lookup);
                vec![
                    item.id.clone(),
                    item.section.clone(),
                    format!("{}{}", item.marker, item.title),
                    status_label(item.status).to_string(),
                    format!("{reported}/{of}"),
                    parts.join("\n"),
                    evidence.join("\n"),
                    targets.join("\n"),
                    item.commitment.join("; "),
                    verdict,
                    note,
                ]
            })
            .collect()
    }

    fn markdown(&self) -> String {
        let mut md = format!(
            "**计划** {} ({}) · **总结** {} ({})\n\n",
            self.args.plan.display(),
            year_text(self.audit.plan_year),
            self.args.summary.display(),
            year_text(self.audit.summary_year)
        );
        for warning in &self.warnings {
            md.push_str(&format!("- ⚠ {}\n", one_line(warning)));
        }
        if !self.warnings.is_empty() {
            md.push('\n');
        }
        md.push_str(&format!("{}\n\n", self.counts()));
        md.push_str(&export::markdown_table(&HEADERS, &self.rows()));
        md
    }

    /// `已报告 7 · 部分 4 · 未提及 2`
    fn counts(&self) -> String {
        [Status::Reported, Status::Partial, Status::NotMentioned]
            .iter()
            .map(|s| {
                let n = self.items.iter().filter(|(i, _)| i.status == *s).count();
                format!("{} {n}", status_label(*s))
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    fn text(&self, out: &mut impl Write) -> io::Result<()> {
        // The file name only: a folder path would push the line past the width (JSON keeps it).
        let side = |label: &str, path: &PathBuf, year: Option<i32>| {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            format!("{label}  {name}  ({})", year_text(year))
        };
        writeln!(
            out,
            "{}",
            one_line(&side("计划", &self.args.plan, self.audit.plan_year))
        )?;
        writeln!(
            out,
            "{}",
            one_line(&side("总结", &self.args.summary, self.audit.summary_year))
        )?;
        for warning in &self.warnings {
            write_wrapped(out, "! ", warning)?;
        }
        writeln!(out, "{}", self.counts())?;
        let mut section = None;
        for (item, lookup) in &self.items {
            if section != Some(&item.section) {
                writeln!(out)?;
                write_wrapped(out, "", &item.section)?;
                section = Some(&item.section);
            }
            item_text(out, item, *lookup)?;
        }
        Ok(())
    }
}

/// One item in the text output.
fn item_text(out: &mut impl Write, item: &ItemAudit, lookup: Lookup) -> io::Result<()> {
    write_wrapped(
        out,
        &format!("  {}  ", item.id),
        &format!("{}{}", item.marker, item.title),
    )?;
    let (reported, of) = item.reported_count();
    writeln!(
        out,
        "      {}  {} {}  {}",
        labels::COLUMN_STATUS,
        status_symbol(item.status),
        status_label(item.status),
        labels::parts_reported(reported, of)
    )?;
    for (n, c) in item.commitments.iter().enumerate() {
        let label = if n == 0 { labels::FIELD_PARTS } else { "    " };
        let line = labels::part_line(&c.text, c.main, c.evidence);
        write_wrapped(out, &format!("      {label}  "), &line)?;
    }
    for (n, e) in item.evidence.iter().enumerate() {
        let label = if n == 0 {
            labels::FIELD_EVIDENCE
        } else {
            "    "
        };
        let prefix = format!("      {label}  {} {}  ", labels::evidence_ref(n), e.id);
        write_wrapped(out, &prefix, &e.sentence)?;
    }
    for (n, t) in item.targets.iter().enumerate() {
        let label = if n == 0 {
            labels::FIELD_TARGETS
        } else {
            "    "
        };
        write_wrapped(out, &format!("      {label}  "), &target_check(t))?;
    }
    if !item.commitment.is_empty() {
        let prefix = format!("      {}  ", labels::FIELD_COMMITMENT);
        write_wrapped(out, &prefix, &item.commitment.join("; "))?;
    }
    let (verdict, note) = verdict_cells(lookup);
    if !verdict.is_empty() || !note.is_empty() {
        let prefix = format!("      {}  ", labels::FIELD_VERDICT);
        write_wrapped(out, &prefix, &format!("{verdict}  {note}"))?;
    }
    Ok(())
}

/// Writes `prefix` then `text` wrapped to [`TEXT_WIDTH`], later lines indented under the text.
fn write_wrapped(out: &mut impl Write, prefix: &str, text: &str) -> io::Result<()> {
    let prefix = one_line(prefix);
    let indent = str_width(&prefix, false);
    let width = TEXT_WIDTH.saturating_sub(indent).max(20);
    let text = one_line(text.trim());
    for (n, line) in wrap(&text, width).iter().enumerate() {
        if n == 0 {
            writeln!(out, "{prefix}{line}")?;
        } else {
            writeln!(out, "{}{line}", " ".repeat(indent))?;
        }
    }
    Ok(())
}

/// The verdict and note cells: empty when there is none; a stale verdict is marked.
fn verdict_cells(lookup: Lookup) -> (String, String) {
    match lookup {
        Lookup::None => (String::new(), String::new()),
        Lookup::Current(e) => (
            e.verdict
                .map(|v| verdict_label(v).to_string())
                .unwrap_or_default(),
            e.note.clone(),
        ),
        Lookup::Stale(e) => (
            format!("{} {}", e.verdict.map_or("-", verdict_label), labels::STALE),
            e.note.clone(),
        ),
    }
}

fn year_text(year: Option<i32>) -> String {
    year.map_or_else(|| "年份未知".to_string(), |y| format!("{y}年"))
}

/// The JSON output; its keys are read by programs outside this repository.
#[derive(Serialize)]
struct JsonAudit<'a> {
    plan: JsonSide,
    summary: JsonSide,
    warnings: &'a [String],
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonSide {
    file: String,
    year: Option<i32>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    marker: &'a str,
    title: &'a str,
    section: &'a str,
    status: Status,
    /// The share of the item's commitments (by weight) the summary reports, 0..=1.
    score: f64,
    /// What the item commits to, each with the index in `evidence` of the sentence that
    /// reports it (`null`: not reported); the first `main` one is its heading or head clause.
    commitments: &'a [CommitmentCheck],
    evidence: Vec<JsonEvidence<'a>>,
    targets: &'a [TargetCheck],
    /// The verdict key (`done` …); `null` with none, or when it is stale (then in `warnings`).
    verdict: Option<&'static str>,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    id: &'a str,
    sentence: &'a str,
    score: f64,
}

fn json_item<'a>(item: &'a ItemAudit, lookup: Lookup<'a>) -> JsonItem<'a> {
    let current = match lookup {
        Lookup::Current(entry) => Some(entry),
        Lookup::Stale(_) | Lookup::None => None,
    };
    JsonItem {
        id: &item.id,
        marker: &item.marker,
        title: &item.title,
        section: &item.section,
        status: item.status,
        score: rounded(item.score),
        commitments: &item.commitments,
        evidence: item
            .evidence
            .iter()
            .map(|e| JsonEvidence {
                id: &e.id,
                sentence: &e.sentence,
                score: rounded(e.score),
            })
            .collect(),
        targets: &item.targets,
        verdict: current.and_then(|e| e.verdict).map(|v| v.key()),
        note: current.map(|e| e.note.as_str()).filter(|n| !n.is_empty()),
    }
}

/// Scores to three decimals, so the JSON does not show float noise.
fn rounded(score: f64) -> f64 {
    (score * 1000.0).round() / 1000.0
}
