//! Tables an auditor pastes into a report: Markdown (GitHub pipe tables) and CSV that opens
//! correctly, and safely, in a spreadsheet (UTF-8 with BOM, RFC 4180 quoting, CRLF rows, no cell
//! read as a formula). Depends on nothing in the crate.

/// A Markdown pipe table. Cell text is escaped so `|` and line breaks cannot break the table.
pub fn markdown_table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let escape = |cell: &str| {
        cell.replace('\\', "\\\\")
            .replace('|', "\\|")
            .replace("\r\n", "<br>")
            .replace(['\n', '\r'], "<br>")
    };
    let mut out = String::new();
    out.push_str(&format!(
        "| {} |\n",
        headers
            .iter()
            .map(|h| escape(h))
            .collect::<Vec<_>>()
            .join(" | ")
    ));
    out.push_str(&format!(
        "|{}\n",
        headers.iter().map(|_| "---|").collect::<String>()
    ));
    for row in rows {
        out.push_str(&format!(
            "| {} |\n",
            row.iter()
                .map(|c| escape(c))
                .collect::<Vec<_>>()
                .join(" | ")
        ));
    }
    out
}

/// A CSV document: BOM first (so spreadsheets read UTF-8), every field [`defused`] and quoted
/// when needed.
pub fn csv(headers: &[&str], rows: &[Vec<String>]) -> String {
    let field = |cell: &str| {
        let cell = defused(cell);
        if cell.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", cell.replace('"', "\"\""))
        } else {
            cell.into_owned()
        }
    };
    let mut out = String::from("\u{FEFF}");
    out.push_str(
        &headers
            .iter()
            .map(|h| field(h))
            .collect::<Vec<_>>()
            .join(","),
    );
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&row.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// A cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return: CSV injection) behind a `'`, which spreadsheets show as text; a plain number
/// (`-12`, `+3.5`) is left as it is.
pub fn defused(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// `-12`, `+3.5`, `0.25`: a sign, digits, at most one point between digits.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    let mut parts = digits.splitn(2, '.');
    let whole = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    parts.next().is_some_and(whole) && parts.next().is_none_or(whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        let table = markdown_table(&["条目", "证据"], &[vec!["a|b".into(), "一\n二".into()]]);
        assert_eq!(table, "| 条目 | 证据 |\n|---|---|\n| a\\|b | 一<br>二 |\n");
    }

    #[test]
    fn csv_has_a_bom_and_quotes_what_needs_it() {
        let csv = csv(
            &["条目", "证据"],
            &[vec!["推进,建设".into(), "“数治”\"光明\"".into()]],
        );
        assert_eq!(
            csv,
            "\u{FEFF}条目,证据\r\n\"推进,建设\",\"“数治”\"\"光明\"\"\"\r\n"
        );
    }

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_are_defused() {
        let csv = csv(
            &["备注"],
            &[
                vec!["=HYPERLINK(\"http://x\",\"点击\")".into()],
                vec!["+1+1".into()],
                vec!["-2+3".into()],
                vec!["@SUM(A1)".into()],
                vec!["\t=1".into()],
                vec!["\r=1".into()],
                vec!["-12".into()],
                vec!["+3.5".into()],
                vec!["见区政府公告 =1".into()],
            ],
        );
        let records: Vec<&str> = csv.split("\r\n").skip(1).collect();
        assert_eq!(
            records,
            [
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\"",
                "'+1+1",
                "'-2+3",
                "'@SUM(A1)",
                "'\t=1",
                "\"'\r=1\"",
                "-12",
                "+3.5",
                "见区政府公告 =1",
                "",
            ]
        );
    }

    #[test]
    fn only_plain_numbers_are_numbers() {
        for number in ["-12", "+3.5", "0.25", "7"] {
            assert!(is_plain_number(number), "{number}");
        }
        for text in ["-", "+.5", "-1.", "1.2.3", "-1e5", "--1", "-１"] {
            assert!(!is_plain_number(text), "{text}");
        }
    }
}
