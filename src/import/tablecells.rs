//! A table scraped one cell per line -> which of its lines end a cell of a row (to join with a tab).
//! Depends on import's outline (headings) and on text.
//!
//! Copying a web page's table often gives one cell per line: the header's cells (`序号`, `指标名称`,
//! `单位`, `年度目标`, `完成情况`), then each row's, the first cell of a row its number (`1`, `2` …).
//! Read line by line, every cell is a paragraph of its own and a row's figures lose their names.
//! Such a run is read back as rows: the header on one line, each row on one, cells joined by a tab,
//! as a table pasted from a spreadsheet reads (and as `compare::targets` reads a row's result).
//! Hand-written: no crate reads these copies.

use super::SourceLine;
use super::outline::opens_heading;
use crate::text::wrap::str_width;

/// Words that open the header of a numbered table: its first cell.
const NUMBER_HEADERS: &[&str] = &["序号", "编号"];
/// Cells a row has, at least and at most: a number, a name and a figure; a table of indicators
/// rarely has more than eight columns.
const MIN_COLUMNS: usize = 3;
const MAX_COLUMNS: usize = 8;
/// Rows a run must have to be read as a table.
const MIN_ROWS: usize = 2;
/// The widest a header cell may be, in cells of the terminal (指标名称, 完成情况: 8).
const HEADER_WIDTH: usize = 16;
/// The widest any cell may be: a row's name is a short phrase, never a paragraph.
const CELL_WIDTH: usize = 60;

/// For each line of `content`, whether it ends a cell of a table row that goes on on the next
/// line: the next line is the row's next cell.
pub fn cells(content: &[SourceLine<'_>]) -> Vec<bool> {
    let mut joined = vec![false; content.len()];
    let mut i = 0;
    while i < content.len() {
        match table_at(content, i) {
            Some((columns, rows)) => {
                for row in 0..=rows {
                    let start = i + row * columns;
                    joined[start..start + columns - 1].fill(true);
                }
                i += (rows + 1) * columns;
            }
            None => i += 1,
        }
    }
    joined
}

/// The table whose header opens at line `at`: (its columns, its rows besides the header).
fn table_at(content: &[SourceLine<'_>], at: usize) -> Option<(usize, usize)> {
    if !NUMBER_HEADERS.contains(&content[at].text) {
        return None;
    }
    // the header runs to the line before the first row's number, 1
    let columns = (1..=MAX_COLUMNS)
        .find(|&c| content.get(at + c).is_some_and(|l| l.text == "1"))
        .filter(|&c| c >= MIN_COLUMNS)?;
    let header = &content[at..at + columns];
    if header
        .iter()
        .any(|l| str_width(l.text, false) > HEADER_WIDTH || opens_heading(l))
    {
        return None;
    }
    let mut rows = 0;
    while let Some(row) = content.get(at + (rows + 1) * columns..at + (rows + 2) * columns) {
        let numbered = row[0].text == (rows + 1).to_string();
        let cells_fit = row[1..]
            .iter()
            .all(|l| str_width(l.text, false) <= CELL_WIDTH && !opens_heading(l));
        if !(numbered && cells_fit) {
            break;
        }
        rows += 1;
    }
    (rows >= MIN_ROWS).then_some((columns, rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::source_lines;

    fn joined(text: &str) -> Vec<bool> {
        cells(&source_lines(text, text))
    }

    #[test]
    fn a_table_copied_one_cell_per_line_is_read_row_by_row() {
        let page = "（一）主要指标完成情况\n序号\n指标名称\n单位\n年度目标\n完成情况\n\
                    1\n主要河流水质达标率\n%\n100\n100\n\
                    2\n内涝积水点整治\n处\n15\n17\n\
                    （二）治水提质\n";
        let t = true;
        let f = false;
        assert_eq!(
            joined(page),
            [f, t, t, t, t, f, t, t, t, t, f, t, t, t, t, f, f]
        );
    }

    #[test]
    fn the_rows_read_back_stand_in_the_section_text_with_their_cells_tabbed() {
        let page = "坪山区水务局2025年工作总结\n一、2025年工作总结\n（一）主要指标完成情况\n\
                    10项主要指标中，8项完成年度目标。\n序号\n指标名称\n单位\n年度目标\n完成情况\n\
                    1\n主要河流水质达标率\n%\n100\n100\n2\n内涝积水点整治\n处\n15\n17\n\
                    （二）治水提质\n建成碧道8公里。\n";
        let report = crate::import::import_text(page).unwrap();
        let node = &report.parts[0].nodes[0];
        assert_eq!(
            node.text,
            "10项主要指标中，8项完成年度目标。\n序号\t指标名称\t单位\t年度目标\t完成情况\n\
             1\t主要河流水质达标率\t%\t100\t100\n2\t内涝积水点整治\t处\t15\t17"
        );
        assert_eq!(report.parts[0].nodes[1].title, "治水提质");
    }

    #[test]
    fn short_lines_that_are_no_numbered_table_stay_lines() {
        // one row only
        assert!(!joined("序号\n指标\n目标\n1\n达标率\n100%\n").contains(&true));
        // the rows' numbers out of sequence
        assert!(!joined("序号\n指标\n目标\n1\n达标率\n100%\n3\n覆盖率\n90%\n").contains(&true));
        // a heading where a cell would be
        let heading = "序号\n指标\n目标\n1\n达标率\n100%\n2\n二、2026年工作计划\n90%\n";
        assert!(!joined(heading).contains(&true));
        // no number header
        assert!(!joined("指标\n目标\n完成\n1\n达标率\n100%\n2\n覆盖率\n90%\n").contains(&true));
    }
}
