//! The audit workbook (.xlsx) for auditors who work in Excel, written from the one `AuditTable`:
//! sheet 审计 (a row per plan item, the audit table's columns, the status filled by colour, the
//! verdict an in-cell list), 证据 (a row per evidence sentence) and 概况 (the pair, warnings,
//! items per status per section, with a bar chart); headers frozen, autofilter on, columns as
//! wide as their text's display width, text wrapped (those shared in `sheet.rs`). Must not
//! depend on tui, the CLI or ratatui.

use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLegendPosition, ChartSolidFill, ChartType, DataValidation, Format,
    Workbook, XlsxError,
};

use super::sheet::{
    Value, header_format, set_widths, text_format, to_column, to_row, write_cells, write_rows,
};

use crate::compare::audit::Status;
use crate::present::audit_table::{AuditRow, AuditTable, Column, EvidenceKind};
use crate::present::labels;
use crate::store::verdicts::Verdict;

/// The statuses in the order of the overview's columns and the chart's series.
const STATUSES: [Status; 3] = [Status::Reported, Status::Partial, Status::NotMentioned];

/// The fill of a status (green, amber, red: Excel's good / neutral / bad styles).
fn status_fill(status: Status) -> u32 {
    match status {
        Status::Reported => 0xC6EFCE,
        Status::Partial => 0xFFEB9C,
        Status::NotMentioned => 0xFFC7CE,
    }
}

/// The 审计 sheet: the headers of [`Column::ALL`], then a row per item.
pub fn audit_rows(table: &AuditTable) -> Vec<Vec<Value>> {
    let header = AuditTable::headers().into_iter().map(Value::text).collect();
    std::iter::once(header)
        .chain(table.rows.iter().map(|row| {
            Column::ALL
                .iter()
                .map(|&column| audit_value(row, column))
                .collect()
        }))
        .collect()
}

/// One cell of the 审计 sheet: the audit table's cell, the status with its symbol, the score a
/// number.
pub fn audit_value(row: &AuditRow, column: Column) -> Value {
    match column {
        Column::Status => Value::text(labels::status_with_symbol(row.item.status)),
        Column::Score => Value::Number(row.item.score),
        column => Value::text(row.cell(column)),
    }
}

/// The 证据 sheet: a row per evidence sentence as the auditor left it (rejected ones tagged,
/// attached ones after), with its item.
pub fn evidence_rows(table: &AuditTable) -> Vec<Vec<Value>> {
    let header = [
        labels::COLUMN_ID,
        labels::COLUMN_PLAN_ITEM,
        labels::COLUMN_EVIDENCE_SOURCE,
        labels::FIELD_EVIDENCE,
        labels::COLUMN_EVIDENCE_SCORE,
    ]
    .into_iter()
    .map(Value::text)
    .collect();
    let mut rows = vec![header];
    for row in &table.rows {
        for (n, line) in row.evidence.iter().enumerate() {
            // the engine's sentences come first, in its order: those have its score
            let found = matches!(line.kind, EvidenceKind::Suggested | EvidenceKind::Rejected);
            let score = row
                .item
                .evidence
                .get(n)
                .filter(|_| found)
                .map_or_else(|| Value::text(""), |e| Value::Number(e.score));
            rows.push(vec![
                Value::text(&row.item.id),
                Value::text(row.heading()),
                Value::text(line.label(n)),
                Value::text(&line.sentence.text),
                score,
            ]);
        }
    }
    rows
}

/// The 概况 sheet: the pair (file, title, year), the counts and warnings, then items per status
/// per section with a total row; also the row where that table's header is.
pub fn overview_rows(table: &AuditTable) -> (Vec<Vec<Value>>, usize) {
    let side = |label: &str, side: &crate::present::audit_table::Side| {
        vec![
            Value::text(label),
            Value::text(&side.file),
            Value::text(&side.title),
            Value::year(side.year),
        ]
    };
    let mut rows = vec![
        [
            "",
            labels::COLUMN_FILE,
            labels::COLUMN_TITLE,
            labels::COLUMN_YEAR,
        ]
        .into_iter()
        .map(Value::text)
        .collect(),
        side(labels::PLAN, &table.plan),
        side(labels::SUMMARY, &table.summary),
        vec![Value::text(table.counts_line())],
    ];
    for warning in &table.warnings {
        rows.push(vec![Value::text(labels::WARNING), Value::text(warning)]);
    }
    rows.push(Vec::new());
    let header_at = rows.len();
    rows.push(
        std::iter::once(labels::COLUMN_SECTION)
            .chain(STATUSES.map(labels::status_label))
            .chain([labels::TOTAL])
            .map(Value::text)
            .collect(),
    );
    let mut sections: Vec<&str> = Vec::new();
    for row in &table.rows {
        if !sections.contains(&row.item.section.as_str()) {
            sections.push(&row.item.section);
        }
    }
    let counts = |section: Option<&str>| {
        let rows: Vec<&AuditRow> = table
            .rows
            .iter()
            .filter(|r| section.is_none_or(|s| r.item.section == s))
            .collect();
        STATUSES
            .iter()
            .map(|&s| Value::count(rows.iter().filter(|r| r.item.status == s).count()))
            .chain([Value::count(rows.len())])
            .collect::<Vec<_>>()
    };
    for section in sections {
        let mut row = vec![Value::text(section)];
        row.extend(counts(Some(section)));
        rows.push(row);
    }
    let mut total = vec![Value::text(labels::TOTAL)];
    total.extend(counts(None));
    rows.push(total);
    (rows, header_at)
}

/// The workbook of `table`, as the bytes of an .xlsx file.
pub fn workbook(table: &AuditTable) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let styles = Styles::new();

    let audit = book.add_worksheet().set_name(labels::SHEET_AUDIT)?;
    let rows = audit_rows(table);
    write_rows(audit, &rows, 0, |row, column| {
        let status = row
            .checked_sub(1)
            .and_then(|r| table.rows.get(r))
            .map(|r| r.item.status);
        match (Column::ALL.get(column), status) {
            (_, None) => &styles.header,
            (Some(Column::Status), Some(status)) => styles.status(status),
            (Some(Column::Score), _) => &styles.number,
            _ => &styles.text,
        }
    })?;
    let items = to_row(table.rows.len())?;
    if let Some(verdict) = Column::ALL.iter().position(|&c| c == Column::Verdict)
        && items > 0
    {
        let list =
            DataValidation::new().allow_list_strings(&Verdict::ALL.map(labels::verdict_label))?;
        let verdict = to_column(verdict)?;
        audit.add_data_validation(1, verdict, items, verdict, &list)?;
    }
    audit.set_landscape().set_print_fit_to_pages(1, 0);
    audit.set_repeat_rows(0, 0)?;

    let evidence = book.add_worksheet().set_name(labels::SHEET_EVIDENCE)?;
    let rows = evidence_rows(table);
    let score = rows.first().map_or(0, |header| header.len() - 1);
    write_rows(evidence, &rows, 0, |row, column| match (row, column) {
        (0, _) => &styles.header,
        (_, c) if c == score => &styles.number,
        _ => &styles.text,
    })?;

    let overview = book.add_worksheet().set_name(labels::SHEET_OVERVIEW)?;
    let (rows, header_at) = overview_rows(table);
    write_cells(overview, &rows, |row, _| match row {
        0 => &styles.header,
        r if r == header_at => &styles.header,
        _ => &styles.text,
    })?;
    set_widths(overview, &rows)?;
    overview.insert_chart(to_row(header_at)?, 6, &status_chart(header_at, rows.len())?)?;

    book.save_to_buffer()
}

/// The formats of the workbook's cells.
struct Styles {
    header: Format,
    text: Format,
    number: Format,
    statuses: [Format; 3],
}

impl Styles {
    fn new() -> Self {
        let text = text_format();
        Styles {
            header: header_format(),
            number: text.clone().set_num_format("0.00"),
            statuses: STATUSES.map(|s| text.clone().set_background_color(status_fill(s))),
            text,
        }
    }

    fn status(&self, status: Status) -> &Format {
        let at = STATUSES.iter().position(|&s| s == status).unwrap_or(0);
        &self.statuses[at]
    }
}

/// Items per status per section, stacked bars, from the overview's table at `header_at` (its
/// sections below, up to the total row, which is left out).
fn status_chart(header_at: usize, rows: usize) -> Result<Chart, XlsxError> {
    let sheet = labels::SHEET_OVERVIEW;
    let (first, last) = (to_row(header_at + 1)?, to_row(rows.saturating_sub(2))?);
    let mut chart = Chart::new(ChartType::BarStacked);
    for (n, status) in STATUSES.into_iter().enumerate() {
        let column = to_column(n + 1)?;
        chart
            .add_series()
            .set_name((sheet, to_row(header_at)?, column))
            .set_categories((sheet, first, 0, last, 0))
            .set_values((sheet, first, column, last, column))
            .set_format(
                ChartFormat::new()
                    .set_solid_fill(ChartSolidFill::new().set_color(status_fill(status))),
            );
    }
    chart.title().set_name(labels::CHART_TITLE);
    chart.legend().set_position(ChartLegendPosition::Bottom);
    let sections = u32::try_from(rows - header_at).unwrap_or(u32::MAX);
    chart
        .set_width(640)
        .set_height(sections.saturating_mul(36).clamp(288, 1200));
    Ok(chart)
}

/// `审计!E5`: a cell as Excel names it, for one-line messages about a workbook.
pub fn cell_name(sheet: &str, row: usize, column: usize) -> String {
    format!("{sheet}!{}{}", column_letters(column), row + 1)
}

/// `A`, `B` … `Z`, `AA` …: Excel's name of a 0-based column.
fn column_letters(column: usize) -> String {
    let mut n = column + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let digit = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(digit).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_excel_names_them() {
        assert_eq!(cell_name("审计", 0, 0), "审计!A1");
        assert_eq!(cell_name("审计", 4, 25), "审计!Z5");
        assert_eq!(cell_name("审计", 9, 26), "审计!AA10");
    }
}
