//! What every planlens workbook's sheets share: cells as values, the cell formats (wrapped,
//! top-aligned, bordered; a bold filled header), a header row frozen with an autofilter under
//! it, columns as wide as their text's display width. Must not depend on tui, the CLI or
//! ratatui.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use crate::text::wrap::str_width;

/// A cell as the workbook holds it (an empty cell is empty text).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
}

impl Value {
    pub fn text(text: impl Into<String>) -> Self {
        Value::Text(text.into())
    }

    pub fn year(year: Option<i32>) -> Self {
        year.map_or_else(|| Value::text(""), |y| Value::Number(y.into()))
    }

    pub fn count(n: usize) -> Self {
        // counts of plan items: far below 2^53, so exact as a float
        #[allow(clippy::cast_precision_loss)]
        Value::Number(n as f64)
    }
}

/// The widest a column gets, in Excel's units (about one Latin character; a Chinese one is 2).
pub const MAX_COLUMN_WIDTH: usize = 60;

/// A cell of text: wrapped, at the top, with a thin border.
pub fn text_format() -> Format {
    Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
}

/// A header cell: text, bold, on light blue.
pub fn header_format() -> Format {
    text_format().set_bold().set_background_color(0xD9E1F2)
}

/// Writes a sheet with a header row: the cells, the header (and the first `frozen_columns`
/// columns) frozen, an autofilter over the table, columns as wide as their text.
pub fn write_rows<'f>(
    sheet: &mut Worksheet,
    rows: &[Vec<Value>],
    frozen_columns: u16,
    format: impl Fn(usize, usize) -> &'f Format,
) -> Result<(), XlsxError> {
    write_cells(sheet, rows, format)?;
    set_widths(sheet, rows)?;
    sheet.set_freeze_panes(1, frozen_columns)?;
    let columns = rows.first().map_or(0, Vec::len);
    if columns > 0 {
        sheet.autofilter(0, 0, to_row(rows.len() - 1)?, to_column(columns - 1)?)?;
    }
    Ok(())
}

/// Writes the cells, each in the format `format(row, column)` gives.
pub fn write_cells<'f>(
    sheet: &mut Worksheet,
    rows: &[Vec<Value>],
    format: impl Fn(usize, usize) -> &'f Format,
) -> Result<(), XlsxError> {
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            let (at_row, at_column) = (to_row(r)?, to_column(c)?);
            let format = format(r, c);
            match value {
                // strings are always text: nothing written can run as a formula
                Value::Text(text) => {
                    sheet.write_string_with_format(at_row, at_column, text, format)?
                }
                Value::Number(n) => {
                    sheet.write_number_with_format(at_row, at_column, *n, format)?
                }
            };
        }
    }
    Ok(())
}

/// Each column as wide as its widest line (display width: a Chinese character counts 2), plus a
/// margin, at most [`MAX_COLUMN_WIDTH`] (longer text wraps).
pub fn set_widths(sheet: &mut Worksheet, rows: &[Vec<Value>]) -> Result<(), XlsxError> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    for column in 0..columns {
        let widest = rows
            .iter()
            .filter_map(|row| row.get(column))
            .map(|value| match value {
                Value::Text(text) => text.lines().map(|l| str_width(l, false)).max().unwrap_or(0),
                Value::Number(_) => 6,
            })
            .max()
            .unwrap_or(0);
        let width = widest.clamp(4, MAX_COLUMN_WIDTH) + 2;
        // at most MAX_COLUMN_WIDTH + 2: exact as a float
        #[allow(clippy::cast_precision_loss)]
        sheet.set_column_width(to_column(column)?, width as f64)?;
    }
    Ok(())
}

/// A 0-based row as the writer takes it, or its limit error.
pub fn to_row(row: usize) -> Result<u32, XlsxError> {
    u32::try_from(row).map_err(|_| XlsxError::RowColumnLimitError)
}

/// A 0-based column as the writer takes it, or its limit error.
pub fn to_column(column: usize) -> Result<u16, XlsxError> {
    u16::try_from(column).map_err(|_| XlsxError::RowColumnLimitError)
}
