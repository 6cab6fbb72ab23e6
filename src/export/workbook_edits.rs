//! An audit workbook read back after an auditor edited it in Excel: only the verdict (核实) and
//! note (备注) columns of 审计 become verdict changes against the audited summary; any other
//! cell that no longer holds what the audit holds is reported, never applied. Rows are found by
//! their item id, so a sorted or filtered sheet reads the same. Must not depend on tui, the CLI
//! or ratatui.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx};

use super::sheet::Value;
use super::workbook::{audit_value, cell_name, evidence_rows, overview_rows};
use crate::present::audit_table::{AuditRow, AuditTable, Column};
use crate::present::labels;
use crate::store::verdicts::{SummaryRef, Verdict, VerdictChange};

/// What a workbook says: the verdict changes to save, and one line per edit that is not applied.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Edits {
    pub changes: Vec<VerdictChange>,
    pub not_applied: Vec<String>,
}

/// The verdict changes in an audit workbook (the bytes of an .xlsx) made from `table`'s plan and
/// summary; an error (one line, naming the sheet and cell) when it is no such workbook.
pub fn read_edits(bytes: &[u8], table: &AuditTable) -> Result<Edits, String> {
    let mut book =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| format!("not an xlsx workbook: {e}"))?;
    let mut sheet = |name: &str| {
        book.worksheet_range(name)
            .map_err(|_| format!("no sheet {name}: not a planlens audit workbook"))
    };
    let (audit, evidence, overview) = (
        sheet(labels::SHEET_AUDIT)?,
        sheet(labels::SHEET_EVIDENCE)?,
        sheet(labels::SHEET_OVERVIEW)?,
    );
    same_pair(&overview, table)?;
    let mut edits = audit_edits(&audit, table)?;
    let (overview_expected, _) = overview_rows(table);
    for (name, range, expected) in [
        (labels::SHEET_EVIDENCE, &evidence, evidence_rows(table)),
        (labels::SHEET_OVERVIEW, &overview, overview_expected),
    ] {
        edits
            .not_applied
            .extend(changed_rows(name, range, expected));
    }
    Ok(edits)
}

/// Refuses a workbook of another plan or made against another summary (its 概况 names them).
fn same_pair(overview: &Range<Data>, table: &AuditTable) -> Result<(), String> {
    let text = |row: u32, column: u32| cell_text(overview, row, column);
    let year = |row: u32| match overview.get_value((row, 3)) {
        Some(Data::Float(y)) => format!("{y}").parse().ok(),
        Some(Data::Int(y)) => i32::try_from(*y).ok(),
        _ => None,
    };
    // row 1 is the plan, row 2 the summary: file, title, year in columns B to D
    if text(1, 2) != table.plan.title {
        return Err(format!(
            "{}: the workbook audits the plan “{}”, not “{}”; nothing read",
            cell_name(labels::SHEET_OVERVIEW, 1, 2),
            text(1, 2),
            table.plan.title
        ));
    }
    let summary = SummaryRef::new(&text(2, 1), &text(2, 2), year(2));
    if !summary.same_as(&table.summary_ref()) {
        return Err(format!(
            "{}: the workbook's verdicts are made against {} (“{}”, {}), not {}; nothing read",
            cell_name(labels::SHEET_OVERVIEW, 2, 1),
            summary.file,
            summary.title,
            year_text(summary.year),
            table.summary.file
        ));
    }
    Ok(())
}

/// The 审计 sheet: a change per row whose verdict or note differs from what the audit holds
/// now; every other cell compared, and what differs reported.
fn audit_edits(audit: &Range<Data>, table: &AuditTable) -> Result<Edits, String> {
    let sheet = labels::SHEET_AUDIT;
    let end = audit.end().map_or(0, |(row, _)| row);
    // the columns by their headers, wherever the auditor moved them
    let headers: HashMap<String, u32> = (0..=audit.end().map_or(0, |(_, c)| c))
        .map(|c| (cell_text(audit, 0, c), c))
        .collect();
    let mut columns = Vec::new();
    let mut edits = Edits::default();
    for column in Column::ALL {
        match headers.get(column.header()) {
            Some(&at) => columns.push((column, at)),
            None if matches!(column, Column::Id | Column::Verdict | Column::Note) => {
                return Err(format!(
                    "{sheet}!1: no column {}: nothing read",
                    column.header()
                ));
            }
            None => edits
                .not_applied
                .push(format!("{sheet}: column {} removed", column.header())),
        }
    }
    let at = |wanted: Column| {
        columns
            .iter()
            .find(|(c, _)| *c == wanted)
            .map(|(_, at)| *at)
    };
    let (Some(id_at), Some(verdict_at), Some(note_at)) =
        (at(Column::Id), at(Column::Verdict), at(Column::Note))
    else {
        return Err(format!("{sheet}!1: a column is missing: nothing read"));
    };
    let rows: HashMap<&str, &AuditRow> =
        table.rows.iter().map(|r| (r.item.id.as_str(), r)).collect();
    let mut seen: Vec<&str> = Vec::new();
    for r in 1..=end {
        let id = cell_text(audit, r, id_at);
        let place = |column: u32| cell_name(sheet, r as usize, column as usize);
        let Some(row) = rows.get(id.as_str()) else {
            if !id.is_empty() || !row_is_empty(audit, r) {
                edits.not_applied.push(format!(
                    "{}: no item “{id}” in the plan now; the row is not applied",
                    place(id_at)
                ));
            }
            continue;
        };
        if seen.contains(&row.item.id.as_str()) {
            edits.not_applied.push(format!(
                "{}: item {id} a second time; the row is not applied",
                place(id_at)
            ));
            continue;
        }
        seen.push(&row.item.id);
        let mut words_changed = false;
        for &(column, c) in &columns {
            if matches!(column, Column::Verdict | Column::Note) {
                continue;
            }
            if !holds(audit.get_value((r, c)), &audit_value(row, column)) {
                words_changed |= matches!(column, Column::Item | Column::Body);
                edits.not_applied.push(format!(
                    "{} ({}): changed; only {} and {} are read back",
                    place(c),
                    column.header(),
                    labels::FIELD_VERDICT,
                    labels::COLUMN_NOTE
                ));
            }
        }
        let (verdict, note) = (
            cell_text(audit, r, verdict_at),
            cell_text(audit, r, note_at),
        );
        let verdict_edited = verdict.trim() != row.cell(Column::Verdict);
        if !verdict_edited && note.trim() == row.cell(Column::Note) {
            continue;
        }
        if words_changed {
            edits.not_applied.push(format!(
                "{}: the item's words differ from the plan now; its verdict is not applied",
                place(verdict_at)
            ));
            continue;
        }
        let verdict = if verdict_edited {
            match parse_verdict(&verdict) {
                Ok(verdict) => verdict,
                Err(()) => {
                    edits.not_applied.push(format!(
                        "{}: “{}” is not a verdict ({}); not applied",
                        place(verdict_at),
                        verdict.trim(),
                        Verdict::ALL.map(labels::verdict_label).join(" / ")
                    ));
                    continue;
                }
            }
        } else {
            row.verdict.current().0
        };
        edits.changes.push(VerdictChange {
            id: row.item.id.clone(),
            item_text: row.item.text.clone(),
            summary: table.summary_ref(),
            verdict,
            note: note.trim().to_string(),
        });
    }
    for row in &table.rows {
        if !seen.contains(&row.item.id.as_str()) {
            edits.not_applied.push(format!(
                "{sheet}: item {} is not in the workbook; its verdict is left as it is",
                row.item.id
            ));
        }
    }
    Ok(edits)
}

/// An empty cell clears the verdict; else one of the four labels.
fn parse_verdict(cell: &str) -> Result<Option<Verdict>, ()> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    Verdict::ALL
        .into_iter()
        .find(|&v| labels::verdict_label(v) == cell)
        .map(Some)
        .ok_or(())
}

/// The rows of a sheet that hold no row the audit writes there (in any order), one line each,
/// and how many of the audit's rows are gone.
fn changed_rows(sheet: &str, range: &Range<Data>, expected: Vec<Vec<Value>>) -> Vec<String> {
    let mut unmatched = expected;
    let mut said = Vec::new();
    let end = range.end().map_or(0, |(row, _)| row);
    for r in 0..=end {
        if row_is_empty(range, r) {
            continue;
        }
        let matches = |row: &Vec<Value>| {
            let columns = range.end().map_or(0, |(_, c)| c);
            (0..=columns).all(|c| {
                let value = row
                    .get(c as usize)
                    .cloned()
                    .unwrap_or(Value::Text(String::new()));
                holds(range.get_value((r, c)), &value)
            })
        };
        match unmatched.iter().position(matches) {
            Some(at) => {
                unmatched.swap_remove(at);
            }
            None => said.push(format!(
                "{sheet}!{}: changed; not applied (only {} and {} of {} are read back)",
                r + 1,
                labels::FIELD_VERDICT,
                labels::COLUMN_NOTE,
                labels::SHEET_AUDIT
            )),
        }
    }
    let gone = unmatched.iter().filter(|row| !row.is_empty()).count();
    if gone > said.len() {
        said.push(format!("{sheet}: {} rows removed", gone - said.len()));
    }
    said
}

/// Whether a cell read back holds `value` (an empty cell holds empty text).
fn holds(cell: Option<&Data>, value: &Value) -> bool {
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
    match (cell.unwrap_or(&Data::Empty), value) {
        (Data::Empty, Value::Text(text)) => text.is_empty(),
        (Data::String(cell), Value::Text(text)) => cell == text,
        (Data::Float(cell), Value::Number(n)) => close(*cell, *n),
        // a whole number Excel saved as an integer
        #[allow(clippy::cast_precision_loss)]
        (Data::Int(cell), Value::Number(n)) => close(*cell as f64, *n),
        _ => false,
    }
}

/// A cell as text (numbers as Excel shows them, empty when empty).
fn cell_text(range: &Range<Data>, row: u32, column: u32) -> String {
    match range.get_value((row, column)) {
        None | Some(Data::Empty) => String::new(),
        Some(data) => data.to_string(),
    }
}

fn row_is_empty(range: &Range<Data>, row: u32) -> bool {
    let columns = range.end().map_or(0, |(_, c)| c);
    (0..=columns).all(|c| matches!(range.get_value((row, c)), None | Some(Data::Empty)))
}

fn year_text(year: Option<i32>) -> String {
    year.map_or_else(|| "?".to_string(), |y| y.to_string())
}
