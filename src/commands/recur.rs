//! `planlens recur FILES|DIR`: the plan items each organisation promises again in successive
//! years, with what each year's summary said of them, as text, Markdown or JSON.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::CommandError;
use super::matrix::JsonReport;
use super::output::Output;
use super::reports::load_all;
use crate::compare::threads::{Thread, threads};
use crate::export;
use crate::model::{PartKind, Report};
use crate::present::labels;
use crate::present::threads::item_name;
use crate::text::wrap::wrap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RecurFormat {
    Text,
    Md,
    Json,
}

#[derive(Debug, Clone, clap::Args)]
pub struct RecurArgs {
    /// Reports and folders (a folder's files in name order), or bundled names: one bureau's
    /// pages over several years, or several bureaus'
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format (default: the output file's extension, else text)
    #[arg(long, value_enum)]
    pub format: Option<RecurFormat>,
    #[command(flatten)]
    pub output: Output,
}

/// Width of the text output in terminal cells.
const TEXT_WIDTH: usize = 80;
const HEADERS: [&str; 5] = ["线索", "年份", "条目", "总结所述", "标记"];

/// Writes the threads; returns the one-line errors of the files that failed to load (the others
/// count all the same).
pub fn run(args: &RecurArgs, out: &mut impl Write) -> Result<Vec<String>, CommandError> {
    let (loaded, failures) = load_all(&args.paths);
    if loaded.is_empty() {
        return Err(CommandError::BadData(failures.join("; ")));
    }
    let reports: Vec<&Report> = loaded.iter().map(|(_, r)| r).collect();
    let found = threads(&reports);
    match args.output.format(args.format).unwrap_or(RecurFormat::Text) {
        RecurFormat::Text => text(out, &found, &reports)?,
        RecurFormat::Md => {
            out.write_all(export::markdown_table(&HEADERS, &rows(&found, &reports)).as_bytes())?
        }
        RecurFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &json(&loaded, &found))
                .map_err(io::Error::from)?;
            writeln!(out)?;
        }
    }
    Ok(failures)
}

/// One table row per thread item.
fn rows(found: &[Thread], reports: &[&Report]) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for (n, thread) in found.iter().enumerate() {
        for item in &thread.items {
            rows.push(vec![
                (n + 1).to_string(),
                item.year.to_string(),
                item_name(reports[item.report], &item.id),
                labels::thread_status(item.status),
                thread
                    .flag
                    .map(labels::thread_flag)
                    .unwrap_or_default()
                    .to_string(),
            ]);
        }
    }
    rows
}

fn text(out: &mut impl Write, found: &[Thread], reports: &[&Report]) -> io::Result<()> {
    if found.is_empty() {
        return writeln!(out, "{}", labels::NO_THREADS);
    }
    for (n, thread) in found.iter().enumerate() {
        let first = reports[thread.items[0].report];
        let mut heading = format!(
            "{} · {}",
            labels::thread_heading(n + 1, thread.items.len()),
            labels::report_column(first, None)
        );
        if let Some(flag) = thread.flag {
            heading.push_str(&format!("  ⚠ {}", labels::thread_flag(flag)));
        }
        writeln!(out, "{heading}")?;
        for item in &thread.items {
            let head = format!("  {} {} ", item.year, labels::thread_status(item.status));
            let indent = " ".repeat(crate::text::wrap::str_width(&head, false));
            let name = item_name(reports[item.report], &item.id);
            for (i, line) in wrap(&name, TEXT_WIDTH - indent.len()).iter().enumerate() {
                writeln!(out, "{}{line}", if i == 0 { &head } else { &indent })?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonRecur<'a> {
    reports: Vec<JsonReport<'a>>,
    threads: Vec<JsonThread<'a>>,
}

#[derive(Serialize)]
struct JsonThread<'a> {
    items: Vec<JsonItem<'a>>,
    flag: Option<&'static str>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    report: usize,
    id: &'a str,
    year: i32,
    status: Option<&'static str>,
}

fn json<'a>(loaded: &'a [(String, Report)], found: &'a [Thread]) -> JsonRecur<'a> {
    JsonRecur {
        reports: loaded
            .iter()
            .map(|(file, report)| JsonReport::new(file, report, PartKind::Plan))
            .collect(),
        threads: found
            .iter()
            .map(|thread| JsonThread {
                items: thread
                    .items
                    .iter()
                    .map(|item| JsonItem {
                        report: item.report,
                        id: &item.id,
                        year: item.year,
                        status: item.status.map(|s| s.key()),
                    })
                    .collect(),
                flag: thread.flag.map(|f| f.key()),
            })
            .collect(),
    }
}
