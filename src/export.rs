//! Tables an auditor pastes into a report: Markdown (GitHub pipe tables) and CSV that opens
//! correctly in a spreadsheet (UTF-8 with BOM, RFC 4180 quoting, CRLF rows). Depends on nothing
//! in the crate.

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

/// A CSV document: BOM first (so spreadsheets read UTF-8), every field quoted when needed.
pub fn csv(headers: &[&str], rows: &[Vec<String>]) -> String {
    let field = |cell: &str| {
        if cell.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", cell.replace('"', "\"\""))
        } else {
            cell.to_string()
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
}
