//! `planlens matrix FILES|DIR`: the topics × reports matrix of the plan items (or sections) of
//! many reports, as text, Markdown, CSV, JSON or an Excel workbook.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::CommandError;
use super::output::{Output, write_workbook};
use super::reports::load_all;
use crate::compare::corpus::{UnitKind, units};
use crate::compare::topics::{Matrix, matrix};
use crate::export::{self, matrix_workbook::matrix_workbook};
use crate::model::{PartKind, Report};
use crate::present::labels;
use crate::present::matrix::{cell_lines, topic_name};
use crate::text::wrap::{str_width, wrap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MatrixFormat {
    Text,
    Md,
    Csv,
    Json,
    /// An Excel workbook: sheet 矩阵 (to a file only)
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum UnitArg {
    Item,
    Section,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PartArg {
    Plan,
    Summary,
}

#[derive(Debug, Clone, clap::Args)]
pub struct MatrixArgs {
    /// Reports and folders (a folder's files in name order), or bundled names
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// What a cell holds: the numbered items, or the top-level sections
    #[arg(long, value_enum, default_value_t = UnitArg::Item)]
    pub unit: UnitArg,
    /// Which part of each report
    #[arg(long, value_enum, default_value_t = PartArg::Plan)]
    pub part: PartArg,
    /// Output format (default: the output file's extension, else text)
    #[arg(long, value_enum)]
    pub format: Option<MatrixFormat>,
    #[command(flatten)]
    pub output: Output,
}

/// Width of the text output in terminal cells.
const TEXT_WIDTH: usize = 80;

/// Writes the matrix; returns the one-line errors of the files that failed to load (the others
/// are in the matrix all the same).
pub fn run(args: &MatrixArgs, out: &mut impl Write) -> Result<Vec<String>, CommandError> {
    let format = args
        .output
        .format(args.format)
        .unwrap_or(MatrixFormat::Text);
    if format == MatrixFormat::Xlsx {
        args.output.refuse_xlsx_on_stdout()?;
    }
    let (loaded, failures) = load_all(&args.paths);
    if loaded.is_empty() {
        return Err(CommandError::BadData(failures.join("; ")));
    }
    let kind = match args.part {
        PartArg::Plan => PartKind::Plan,
        PartArg::Summary => PartKind::Summary,
    };
    let unit = match args.unit {
        UnitArg::Item => UnitKind::Item,
        UnitArg::Section => UnitKind::Section,
    };
    let reports: Vec<&Report> = loaded.iter().map(|(_, r)| r).collect();
    let survey = matrix(units(&reports, kind, unit), reports.len());
    let columns: Vec<String> = reports
        .iter()
        .map(|r| labels::report_column(r, r.part_of_kind(kind).and_then(|p| p.year)))
        .collect();
    match format {
        MatrixFormat::Text => text(out, &survey, &columns)?,
        MatrixFormat::Md => {
            out.write_all(table(&survey, &columns, export::markdown_table).as_bytes())?
        }
        MatrixFormat::Csv => out.write_all(table(&survey, &columns, export::csv).as_bytes())?,
        MatrixFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &json(&loaded, &survey, kind))
                .map_err(io::Error::from)?;
            writeln!(out)?;
        }
        MatrixFormat::Xlsx => write_workbook(out, matrix_workbook(&survey, &columns))?,
    }
    Ok(failures)
}

/// Each topic, then each report's cell under it, wrapped by display width.
fn text(out: &mut impl Write, survey: &Matrix, columns: &[String]) -> io::Result<()> {
    for (t, topic) in survey.topics.iter().enumerate() {
        writeln!(
            out,
            "{} ({}/{})",
            topic_name(survey, t),
            topic.reach(),
            columns.len()
        )?;
        for (r, column) in columns.iter().enumerate() {
            let head = format!("  {column}: ");
            let indent = " ".repeat(str_width(&head, false));
            for (i, line) in cell_lines(survey, t, r).0.iter().enumerate() {
                let first = if i == 0 { head.as_str() } else { &indent };
                let room = TEXT_WIDTH.saturating_sub(indent.len());
                for (j, piece) in wrap(line, room.max(2)).iter().enumerate() {
                    writeln!(out, "{}{piece}", if j == 0 { first } else { &indent })?;
                }
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The grid as a table: a topic per row, a report per column.
fn table(
    survey: &Matrix,
    columns: &[String],
    write: fn(&[&str], &[Vec<String>]) -> String,
) -> String {
    let mut headers = vec![labels::TOPIC];
    headers.extend(columns.iter().map(String::as_str));
    let rows: Vec<Vec<String>> = (0..survey.topics.len())
        .map(|t| {
            let mut row = vec![topic_name(survey, t)];
            row.extend((0..columns.len()).map(|r| cell_lines(survey, t, r).0.join("\n")));
            row
        })
        .collect();
    write(&headers, &rows)
}

/// A report as the JSON of `matrix` and `recur` lists it.
#[derive(Serialize)]
pub struct JsonReport<'a> {
    pub file: &'a str,
    pub title: &'a str,
    pub district: Option<&'a str>,
    pub bureau: Option<&'a str>,
    pub year: Option<i32>,
    pub part: &'static str,
}

impl<'a> JsonReport<'a> {
    pub fn new(file: &'a str, report: &'a Report, kind: PartKind) -> Self {
        JsonReport {
            file,
            title: &report.title,
            district: report.district.as_deref(),
            bureau: report.bureau.as_deref(),
            year: report.part_of_kind(kind).and_then(|p| p.year),
            part: kind.as_str(),
        }
    }
}

#[derive(Serialize)]
struct JsonMatrix<'a> {
    reports: Vec<JsonReport<'a>>,
    topics: Vec<JsonTopic<'a>>,
}

#[derive(Serialize)]
struct JsonTopic<'a> {
    label: String,
    terms: &'a [String],
    /// The id of the topic's most central unit, and its report.
    central: JsonUnit<'a>,
    cells: Vec<Vec<&'a str>>,
    /// Per report with an empty cell, its nearest unit below the threshold (else null).
    near: Vec<Option<JsonNear<'a>>>,
}

#[derive(Serialize)]
struct JsonUnit<'a> {
    report: usize,
    id: &'a str,
}

#[derive(Serialize)]
struct JsonNear<'a> {
    id: &'a str,
    similarity: f64,
}

fn json<'a>(loaded: &'a [(String, Report)], survey: &'a Matrix, kind: PartKind) -> JsonMatrix<'a> {
    let id = |u: usize| survey.units[u].id.as_str();
    JsonMatrix {
        reports: loaded
            .iter()
            .map(|(file, report)| JsonReport::new(file, report, kind))
            .collect(),
        topics: survey
            .topics
            .iter()
            .enumerate()
            .map(|(t, topic)| JsonTopic {
                label: topic_name(survey, t),
                terms: &topic.terms,
                central: JsonUnit {
                    report: survey.units[topic.central].report,
                    id: id(topic.central),
                },
                cells: topic
                    .cells
                    .iter()
                    .map(|cell| cell.iter().map(|&u| id(u)).collect())
                    .collect(),
                near: topic
                    .near
                    .iter()
                    .map(|near| {
                        near.map(|(u, similarity)| JsonNear {
                            id: id(u),
                            similarity: (similarity * 1000.0).round() / 1000.0,
                        })
                    })
                    .collect(),
            })
            .collect(),
    }
}
