//! The matrix workbook (.xlsx) for reviewers who work in Excel: one sheet 矩阵, a row per topic
//! (its name first), a column per report headed district · year, each cell its items as the
//! text format shows them (marker and heading, one per line), a near miss grey and italic with
//! its label, nothing on the topic grey; header row and topic column frozen, autofilter on,
//! columns as wide as their text, text wrapped. Must not depend on tui, the CLI or ratatui.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::sheet::{Value, header_format, text_format, write_rows};
use crate::compare::topics::Matrix;
use crate::present::labels;
use crate::present::matrix::{CellKind, cell_lines, topic_name};

/// Grey, as the app dims a cell with nothing on the topic.
const DIM: u32 = 0x808080;

/// The 矩阵 sheet: 主题 and the report `columns`, then a row per topic; also each cell's kind
/// (the topic column's counts as on topic).
pub fn matrix_rows(survey: &Matrix, columns: &[String]) -> (Vec<Vec<Value>>, Vec<Vec<CellKind>>) {
    let header = std::iter::once(labels::TOPIC)
        .chain(columns.iter().map(String::as_str))
        .map(Value::text)
        .collect();
    let mut rows = vec![header];
    let mut kinds = vec![vec![CellKind::OnTopic; columns.len() + 1]];
    for t in 0..survey.topics.len() {
        let mut row = vec![Value::text(topic_name(survey, t))];
        let mut kind = vec![CellKind::OnTopic];
        for r in 0..columns.len() {
            let (lines, k) = cell_lines(survey, t, r);
            row.push(Value::text(lines.join("\n")));
            kind.push(k);
        }
        rows.push(row);
        kinds.push(kind);
    }
    (rows, kinds)
}

/// The workbook of `survey` with its report `columns`, as the bytes of an .xlsx file.
pub fn matrix_workbook(survey: &Matrix, columns: &[String]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let header = header_format();
    let text = text_format();
    let near = text.clone().set_font_color(DIM).set_italic();
    let empty = text.clone().set_font_color(DIM);
    let sheet = book.add_worksheet().set_name(labels::SHEET_MATRIX)?;
    let (rows, kinds) = matrix_rows(survey, columns);
    let format = |row: usize, column: usize| -> &Format {
        match (row, kinds[row][column]) {
            (0, _) => &header,
            (_, CellKind::OnTopic) => &text,
            (_, CellKind::Near) => &near,
            (_, CellKind::Empty) => &empty,
        }
    };
    write_rows(sheet, &rows, 1, format)?;
    sheet.set_landscape().set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?.set_repeat_columns(0, 0)?;
    book.save_to_buffer()
}
