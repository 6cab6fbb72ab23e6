//! `planlens audit PLAN SUMMARY`: each plan item against the next year's summary, with the
//! auditor's verdicts, as text, JSON, Markdown, CSV or an Excel workbook, all read from one
//! `AuditTable`; `--verdicts-from` first takes the verdicts an auditor wrote into a workbook.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::output::{Output, write_workbook};
use super::{CommandError, one_line, open_report};
use crate::compare::audit::{AuditError, audit};
use crate::compare::warnings::pair_warnings;
use crate::export::{self, workbook::workbook, workbook_edits::read_edits};
use crate::model::Report;
use crate::present::audit_table::{AuditRow, AuditTable, Column, Side};
use crate::present::labels::{self, pair_warning, status_with_symbol};
use crate::store::dirs::data_dir;
use crate::store::regular::{self, MAX_STORE_BYTES};
use crate::store::sidecar::sidecar_path;
use crate::store::verdicts::VerdictFile;
use crate::text::wrap::{str_width, wrap};

/// Output formats of `planlens audit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AuditFormat {
    Text,
    Json,
    Md,
    Csv,
    /// An Excel workbook: sheets 审计, 证据, 概况 (to a file only)
    Xlsx,
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
    /// Read the verdict (核实) and note (备注) columns of an audit workbook edited in Excel
    /// into the verdicts file first; other edits are reported, not applied
    #[arg(long, value_name = "FILE.xlsx")]
    pub verdicts_from: Option<PathBuf>,
    #[command(flatten)]
    pub output: Output,
}

/// Width of the text output in terminal cells.
const TEXT_WIDTH: usize = 80;

/// Writes the audit in the chosen format (`--format`, else the output file's extension, else
/// text): every format reads the one [`AuditTable`].
pub fn run(args: &AuditArgs, out: &mut impl Write) -> Result<(), CommandError> {
    let format = args.output.format(args.format).unwrap_or(AuditFormat::Text);
    if format == AuditFormat::Xlsx {
        args.output.refuse_xlsx_on_stdout()?;
    }
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
    let (mut verdicts, problem) = VerdictFile::load(&sidecar);
    let mut warnings: Vec<String> = pair_warnings(&plan, &summary)
        .iter()
        .map(pair_warning)
        .collect();
    warnings.extend(problem);
    let side = |file: &PathBuf, report: &Report, year| Side {
        file: file.display().to_string(),
        title: report.title.clone(),
        year,
    };
    let mut table = AuditTable::new(
        side(&args.plan, &plan, audit.plan_year),
        side(&args.summary, &summary, audit.summary_year),
        &audit,
        &summary,
        &verdicts,
        warnings,
    );
    if let Some(edited) = &args.verdicts_from {
        read_back(edited, &mut verdicts, &mut table)?;
    }
    match format {
        AuditFormat::Text => write_text(out, &table)?,
        AuditFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &table.json()).map_err(io::Error::from)?;
            writeln!(out)?;
        }
        AuditFormat::Md => out.write_all(markdown(&table).as_bytes())?,
        AuditFormat::Csv => {
            let csv = export::csv(&AuditTable::headers(), &table.cells());
            out.write_all(csv.as_bytes())?;
        }
        AuditFormat::Xlsx => write_workbook(out, workbook(&table))?,
    }
    Ok(())
}

/// Takes the verdicts and notes an auditor changed in the workbook `edited` into the sidecar
/// (saved once, atomically) and the table; says on standard error how many, and each edit that
/// is not applied.
fn read_back(
    edited: &Path,
    verdicts: &mut VerdictFile,
    table: &mut AuditTable,
) -> Result<(), CommandError> {
    let name = edited.display();
    let bytes = regular::read_regular(edited, MAX_STORE_BYTES)
        .map_err(|e| CommandError::BadData(format!("{name}: cannot read: {e}")))?;
    let edits =
        read_edits(&bytes, table).map_err(|e| CommandError::BadData(format!("{name}: {e}")))?;
    verdicts
        .set_all(&edits.changes)
        .map_err(|e| CommandError::BadData(e.to_string()))?;
    table.set_verdicts(verdicts);
    let mut err = io::stderr().lock();
    for line in &edits.not_applied {
        writeln!(err, "planlens: {}: {}", name, one_line(line))?;
    }
    writeln!(
        err,
        "planlens: {name}: {} verdicts or notes read back; {} edits not applied",
        edits.changes.len(),
        edits.not_applied.len()
    )?;
    Ok(())
}

/// The pair, its warnings and counts, then the table.
fn markdown(table: &AuditTable) -> String {
    let mut md = format!(
        "**计划** {} ({}) · **总结** {} ({})\n\n",
        table.plan.file,
        year_text(table.plan.year),
        table.summary.file,
        year_text(table.summary.year)
    );
    for warning in &table.warnings {
        md.push_str(&format!("- ⚠ {}\n", one_line(warning)));
    }
    if !table.warnings.is_empty() {
        md.push('\n');
    }
    md.push_str(&format!("{}\n\n", table.counts_line()));
    md.push_str(&export::markdown_table(
        &AuditTable::headers(),
        &table.cells(),
    ));
    md
}

/// The text report: the pair, warnings, counts, then each item under its section.
fn write_text(out: &mut impl Write, table: &AuditTable) -> io::Result<()> {
    // The file name only: a folder path would push the line past the width (JSON keeps it).
    let side = |label: &str, side: &Side| {
        let path = Path::new(&side.file);
        let name = path
            .file_name()
            .map_or_else(|| side.file.clone(), |n| n.to_string_lossy().into_owned());
        format!("{label}  {name}  ({})", year_text(side.year))
    };
    writeln!(out, "{}", one_line(&side("计划", &table.plan)))?;
    writeln!(out, "{}", one_line(&side("总结", &table.summary)))?;
    for warning in &table.warnings {
        write_wrapped(out, "! ", warning)?;
    }
    writeln!(out, "{}", table.counts_line())?;
    let mut section = None;
    for row in &table.rows {
        if section != Some(&row.item.section) {
            writeln!(out)?;
            write_wrapped(out, "", &row.item.section)?;
            section = Some(&row.item.section);
        }
        item_text(out, row)?;
    }
    Ok(())
}

/// One item in the text report: its heading, then a labelled field per cell.
fn item_text(out: &mut impl Write, row: &AuditRow) -> io::Result<()> {
    let item = &row.item;
    write_wrapped(out, &format!("  {}  ", item.id), &row.heading())?;
    let body = row.body();
    if !body.is_empty() {
        write_field(out, labels::FIELD_BODY, &[body.to_string()])?;
    }
    let (reported, of) = item.reported_count();
    let status = format!(
        "{}  {}",
        status_with_symbol(item.status),
        labels::parts_reported(reported, of)
    );
    write_field(out, labels::COLUMN_STATUS, &[status])?;
    write_field(out, labels::FIELD_PARTS, &row.commitment_lines())?;
    write_field(out, labels::FIELD_EVIDENCE, &row.evidence_lines())?;
    write_field(out, labels::FIELD_TARGETS, &row.target_lines())?;
    write_field(out, labels::FIELD_COMMITMENT, &[row.cell(Column::Weakened)])?;
    // the verdict against this summary, then those made against another (listed, not applied)
    let mut verdicts = vec![format!(
        "{}  {}",
        row.cell(Column::Verdict),
        row.cell(Column::Note)
    )];
    verdicts.extend(row.other_verdict_lines());
    write_field(out, labels::FIELD_VERDICT, &verdicts)
}

/// A field's lines under its label (`      证据  [1] …`), the label on the first only; nothing
/// for a field with nothing in it.
fn write_field(out: &mut impl Write, label: &str, lines: &[String]) -> io::Result<()> {
    let blank = " ".repeat(str_width(label, false));
    for (n, line) in lines.iter().filter(|l| !l.trim().is_empty()).enumerate() {
        let label = if n == 0 { label } else { &blank };
        write_wrapped(out, &format!("      {label}  "), line)?;
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

fn year_text(year: Option<i32>) -> String {
    year.map_or_else(|| "年份未知".to_string(), |y| format!("{y}年"))
}
