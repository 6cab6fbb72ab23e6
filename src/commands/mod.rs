//! The command-line views, written to any `Write` so scripts and tests see exactly what a
//! terminal would: `tree`, `show`, `list` here; `diff`, `audit`, `search`, `matrix` and `recur`
//! in their modules; where they go (`--output`) in `output`. Must not depend on tui (ratatui only
//! for the terminal's width); the words come from `present::labels`.

pub mod audit;
pub mod diff;
pub mod matrix;
pub mod output;
pub mod recur;
pub mod reports;
pub mod search;

use std::io::{self, Write};
use std::path::Path;

use unicode_width::UnicodeWidthStr;

use crate::bundled;
use crate::compare::align::choose_part;
use crate::load;
use crate::model::{Node, Report};
use crate::text::wrap;

/// Why a command failed: the data (exit 1, described in one line) or the output.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error("{0}")]
    BadData(String),
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// Opens a report file (JSON or raw page text), or a bundled report by name when no such file
/// exists (a name that is neither says which names are bundled); warns on standard error when
/// the page had damaged bytes.
pub fn open_report(path: &Path) -> Result<Report, CommandError> {
    let bad = |e: load::LoadError| CommandError::BadData(e.to_string());
    if !path.exists() {
        if let Some(found) = path.to_str().and_then(bundled::find) {
            return found.report().map_err(bad);
        }
        return load::load_report(path).map_err(|e| {
            CommandError::BadData(format!("{e}; bundled reports: {}", bundled_names()))
        });
    }
    let report = load::load_report(path).map_err(bad)?;
    warn_if_damaged(path, &report);
    Ok(report)
}

/// One line on standard error when the report's page had bytes that did not decode (they read
/// as U+FFFD): the output is not the whole page, and the user should know.
pub fn warn_if_damaged(path: &Path, report: &Report) {
    if report.damaged > 0 {
        // Nowhere left to report a failure to write to standard error.
        let _ = writeln!(
            io::stderr().lock(),
            "planlens: warning: {}: {} damaged byte sequences in the page did not decode; they read as \u{FFFD}",
            one_line(&path.display().to_string()),
            report.damaged
        );
    }
}

/// The names the bundled reports answer to, `, `-separated.
pub fn bundled_names() -> String {
    let names: Vec<&str> = bundled::BUNDLED
        .iter()
        .map(|b| b.name.strip_suffix(".json").unwrap_or(b.name))
        .collect();
    names.join(", ")
}

/// The text with control characters (newlines, tabs, escapes) written as `\n`, `\t`, `\u{1b}`:
/// one line that cannot move the terminal's cursor.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// `planlens tree`: title, then each part and node with id, marker, title and flags.
pub fn print_tree(out: &mut impl Write, report: &Report) -> io::Result<()> {
    writeln!(out, "{}", one_line(&report.title))?;
    for part in &report.parts {
        let year = part.year.map(|y| format!(" {y}")).unwrap_or_default();
        writeln!(
            out,
            "{}  {}  [{}{year}]",
            one_line(&part.id),
            one_line(&part.heading),
            part.kind.as_str()
        )?;
        for node in &part.nodes {
            print_node(out, node, 1)?;
        }
    }
    Ok(())
}

fn print_node(out: &mut impl Write, node: &Node, depth: usize) -> io::Result<()> {
    let flags: Vec<String> = node
        .flags
        .iter()
        .filter_map(|f| serde_json::to_value(f).ok()?.as_str().map(str::to_string))
        .collect();
    let flags = if flags.is_empty() {
        String::new()
    } else {
        format!("  !{}", flags.join(","))
    };
    let indent = "  ".repeat(depth);
    writeln!(
        out,
        "{indent}{}  {}{}{flags}",
        one_line(&node.id),
        one_line(&node.marker),
        one_line(&node.title)
    )?;
    for child in &node.children {
        print_node(out, child, depth + 1)?;
    }
    Ok(())
}

/// What `planlens show` was asked for is not in the report.
#[derive(Debug, thiserror::Error)]
pub enum ShowError {
    #[error(
        "no section `{0}` in this report (give a node or part id from `planlens tree`, or plan, summary or a part number)"
    )]
    NoSuchId(String),
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// `planlens show`: the whole report, a part (`p2`, or as `diff` names parts: `plan`, `summary`,
/// `2`) or a node with its children, wrapped.
pub fn print_show(
    out: &mut impl Write,
    report: &Report,
    id: Option<&str>,
    width: usize,
) -> Result<(), ShowError> {
    let mut paragraphs: Vec<String> = Vec::new();
    let nodes = |nodes: &mut dyn Iterator<Item = &Node>, paragraphs: &mut Vec<String>| {
        for node in nodes {
            paragraphs.push(format!("{}{}", node.marker, node.title));
            paragraphs.push(node.text.clone());
        }
    };
    match id {
        None => {
            paragraphs.extend([report.title.clone(), report.preamble.clone()]);
            for part in &report.parts {
                paragraphs.extend([part.heading.clone(), part.text.clone()]);
                nodes(&mut part.nodes.iter().flat_map(Node::walk), &mut paragraphs);
            }
        }
        Some(id) => {
            let by_name = || {
                let named = matches!(id, "plan" | "summary") || id.parse::<usize>().is_ok();
                named.then(|| choose_part(report, Some(id)).ok()).flatten()
            };
            if let Some(part) = report.parts.iter().find(|p| p.id == id).or_else(by_name) {
                paragraphs.extend([part.heading.clone(), part.text.clone()]);
                nodes(&mut part.nodes.iter().flat_map(Node::walk), &mut paragraphs);
            } else if let Some(node) = report.node(id) {
                nodes(&mut node.walk(), &mut paragraphs);
            } else {
                return Err(ShowError::NoSuchId(id.to_string()));
            }
        }
    }
    for paragraph in paragraphs.iter().filter(|p| !p.is_empty()) {
        for line in wrap::wrap(paragraph, width) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// One row of `planlens list`: file, district, bureau, part kinds and years.
pub fn list_row(path: &Path, report: &Report) -> [String; 4] {
    let parts: Vec<String> = report
        .parts
        .iter()
        .map(|p| match p.year {
            Some(y) => format!("{} {y}", p.kind.as_str()),
            None => p.kind.as_str().to_string(),
        })
        .collect();
    let or_dash = |s: &Option<String>| s.as_deref().map_or_else(|| "-".into(), one_line);
    [
        one_line(&path.display().to_string()),
        or_dash(&report.district),
        or_dash(&report.bureau),
        parts.join(", "),
    ]
}

/// Prints rows as columns aligned by display width.
pub fn print_rows(out: &mut impl Write, rows: &[[String; 4]]) -> io::Result<()> {
    let widths: Vec<usize> = (0..4)
        .map(|c| rows.iter().map(|r| r[c].width()).max().unwrap_or(0))
        .collect();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < row.len() {
                line.push_str(&" ".repeat(widths[c] - cell.width() + 2));
            }
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::BUNDLED;

    #[test]
    fn control_characters_cannot_break_a_line() {
        assert_eq!(one_line("a\nb\u{1b}[2J"), "a\\nb\\u{1b}[2J");
    }

    #[test]
    fn show_a_node_keeps_every_character() {
        let report = BUNDLED[0].report().unwrap();
        let mut out = Vec::new();
        print_show(&mut out, &report, Some("p2.2.1"), 20).unwrap();
        let shown = String::from_utf8(out).unwrap();
        let node = report.node("p2.2.1").unwrap();
        assert!(shown.lines().all(|l| l.width() <= 20));
        assert_eq!(
            shown.replace('\n', ""),
            format!("{}{}{}", node.marker, node.title, node.text)
        );
        assert!(matches!(
            print_show(&mut Vec::new(), &report, Some("p9"), 20),
            Err(ShowError::NoSuchId(_))
        ));
    }

    /// `show` names parts as `diff` does: plan, summary, or a number counted from 1.
    #[test]
    fn show_a_part_by_kind_or_number() {
        let report = BUNDLED[1].report().unwrap();
        let shown = |id: &str| {
            let mut out = Vec::new();
            print_show(&mut out, &report, Some(id), 60).map(|()| String::from_utf8(out).unwrap())
        };
        let plan = shown("p2").unwrap();
        assert!(plan.starts_with("二、2024年工作计划"), "{plan}");
        assert_eq!(shown("plan").unwrap(), plan);
        assert_eq!(shown("2").unwrap(), plan);
        assert_eq!(shown("summary").unwrap(), shown("p1").unwrap());
        assert!(matches!(shown("3"), Err(ShowError::NoSuchId(_))));
        assert!(matches!(shown("0"), Err(ShowError::NoSuchId(_))));
    }

    #[test]
    fn an_unknown_report_name_lists_the_bundled_ones() {
        let Err(CommandError::BadData(error)) = open_report(Path::new("nosuch")) else {
            panic!("nosuch opened");
        };
        assert!(error.starts_with("nosuch: cannot read"), "{error}");
        assert!(
            error.ends_with("; bundled reports: guangming-zwsj-2024-2025, longgang-zwsj-2023-2024"),
            "{error}"
        );
    }
}
