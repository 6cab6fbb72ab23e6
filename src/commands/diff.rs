//! `planlens diff A B`: two reports side by side, sections paired by content, changes marked
//! inside each pair; as text, JSON, a Markdown table or an HTML redline. Reads files only through `open_report`;
//! must not depend on tui.

use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::output::Output;
use super::{CommandError, one_line, open_report};
use crate::compare::align::{Column, choose_part};
use crate::export::markdown_table;
use crate::export::redline::redline;
use crate::model::Report;
use crate::present::comparison::{ChosenPart, ComparisonDoc, NodeCell, PairRow};
use crate::present::labels::{LEFT, LEGEND, MISSING, NOTE, RIGHT, SCORE};
use crate::text::wrap::{self, WrapOptions, layout};

/// Output formats of `planlens diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
    Md,
    /// A self-contained HTML redline: the pairs side by side, for a browser or print
    Html,
}

#[derive(Debug, Clone, clap::Args)]
pub struct DiffArgs {
    /// The left report (JSON, raw page text, or a bundled name)
    pub left: PathBuf,
    /// The right report
    pub right: PathBuf,
    /// Part of the left report: plan, summary, or its number (1, 2 …)
    #[arg(long)]
    pub left_part: Option<String>,
    /// Part of the right report: plan, summary, or its number
    #[arg(long)]
    pub right_part: Option<String>,
    /// Output format (without one, the output file's extension; else, on a terminal, the app
    /// opens on the comparison; else text)
    #[arg(long, value_enum)]
    pub format: Option<DiffFormat>,
    /// Width of the text output in terminal cells (default: the terminal's, else 120)
    #[arg(long, value_parser = clap::value_parser!(u16).range(2..))]
    pub width: Option<u16>,
    #[command(flatten)]
    pub output: Output,
}

/// Width of the text output when standard output is not a terminal.
const DEFAULT_WIDTH: usize = 120;
/// Below this width the two sides are printed one above the other.
const SIDE_BY_SIDE_MIN: usize = 40;
const COLUMN_GAP: &str = " │ ";

// Change marks without colour, and the ANSI styles with colour.
const DELETED: (&str, &str) = ("[-", "-]");
const INSERTED: (&str, &str) = ("{+", "+}");
const MD_DELETED: (&str, &str) = ("<del>", "</del>");
const MD_INSERTED: (&str, &str) = ("<ins>", "</ins>");
const STYLE_LEFT: &str = "\x1b[4;31m";
const STYLE_RIGHT: &str = "\x1b[4;32m";
const STYLE_HEADER: &str = "\x1b[1m";
const STYLE_RESET: &str = "\x1b[0m";

/// Writes the comparison in the chosen format (`--format`, else the output file's extension,
/// else text); colours and the terminal's width only when the output is a terminal.
pub fn run(args: &DiffArgs, out: &mut impl Write) -> Result<(), CommandError> {
    let left_report = open_report(&args.left)?;
    let right_report = open_report(&args.right)?;
    let comparison = ComparisonDoc::new(
        choose(&args.left, &left_report, args.left_part.as_deref())?,
        choose(&args.right, &right_report, args.right_part.as_deref())?,
    );
    match args.output.format(args.format).unwrap_or(DiffFormat::Text) {
        DiffFormat::Json => write_json(out, &comparison)?,
        DiffFormat::Md => write_markdown(out, &comparison)?,
        DiffFormat::Html => out.write_all(redline(&comparison).as_bytes())?,
        DiffFormat::Text => {
            let terminal = args.output.is_terminal();
            let options = TextOptions {
                width: args
                    .width
                    .map_or_else(|| default_width(terminal), usize::from),
                colour: terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            };
            write_text(out, &comparison, options)?;
        }
    }
    Ok(())
}

/// The terminal's width when standard output is one, else [`DEFAULT_WIDTH`].
fn default_width(terminal: bool) -> usize {
    terminal
        .then(|| ratatui::crossterm::terminal::size().ok())
        .flatten()
        .map_or(DEFAULT_WIDTH, |(columns, _)| usize::from(columns).max(2))
}

/// The part of `report` asked for (plan, summary, a number; the plan by default); the error
/// names the file.
pub fn choose<'a>(
    file: &Path,
    report: &'a Report,
    choice: Option<&str>,
) -> Result<ChosenPart<'a>, CommandError> {
    let file = file.display().to_string();
    let part =
        choose_part(report, choice).map_err(|e| CommandError::BadData(format!("{file}: {e}")))?;
    Ok(ChosenPart { file, report, part })
}

/// Which side of a pair.
fn cell(row: &PairRow, side: Column) -> Option<&NodeCell> {
    row.side(side)
}

/// The text with its changed ranges wrapped in `marks`, and where the changed pieces now are.
fn with_marks(
    text: &str,
    changed: &[Range<usize>],
    marks: Option<(&str, &str)>,
) -> (String, Vec<Range<usize>>) {
    let (open, close) = marks.unwrap_or(("", ""));
    let mut shown = String::with_capacity(text.len() + changed.len() * 4);
    let mut styled = Vec::with_capacity(changed.len());
    let mut at = 0;
    for range in changed {
        shown.push_str(&printable(&text[at..range.start]));
        let start = shown.len();
        shown.push_str(open);
        shown.push_str(&printable(&text[range.clone()]));
        shown.push_str(close);
        styled.push(start..shown.len());
        at = range.end;
    }
    shown.push_str(&printable(&text[at..]));
    (shown, styled)
}

/// Control characters other than line breaks shown as spaces (of the same byte length, so
/// ranges still hold): nothing in a report can move the terminal's cursor.
fn printable(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\n' {
            shown.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            shown.push(c);
        }
    }
    shown
}

// --- text ---------------------------------------------------------------------------------------

/// How to print the text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    /// Total width in terminal cells (at least 2).
    pub width: usize,
    /// ANSI colours instead of `[-…-]` / `{+…+}` marks.
    pub colour: bool,
}

/// The side-by-side text: captions, counts, then each pair's header and its two columns.
pub fn write_text(
    out: &mut impl Write,
    comparison: &ComparisonDoc,
    options: TextOptions,
) -> std::io::Result<()> {
    let width = options.width.max(2);
    let mut header = vec![
        one_line(&comparison.left.caption(LEFT)),
        one_line(&comparison.right.caption(RIGHT)),
        comparison.counts_line(),
    ];
    if !options.colour {
        header.push(LEGEND.to_string());
    }
    for line in &header {
        write_wrapped(out, line, width, options.colour.then_some(STYLE_HEADER))?;
    }
    for row in &comparison.rows {
        writeln!(out)?;
        if row.is_section() {
            writeln!(out, "{}", "═".repeat(width))?;
        }
        write_wrapped(
            out,
            &one_line(&row.title()),
            width,
            options.colour.then_some(STYLE_HEADER),
        )?;
        write_columns(out, row, width, options.colour)?;
    }
    Ok(())
}

/// One line of plain text wrapped to the width, in `style` if given.
fn write_wrapped(
    out: &mut impl Write,
    text: &str,
    width: usize,
    style: Option<&str>,
) -> std::io::Result<()> {
    for line in wrap::wrap(text, width) {
        match style {
            Some(style) => writeln!(out, "{style}{line}{STYLE_RESET}")?,
            None => writeln!(out, "{line}")?,
        }
    }
    Ok(())
}

/// A side of a pair laid out in lines of a column: each line as printable pieces, and its width.
fn column_lines(row: &PairRow, side: Column, width: usize, colour: bool) -> Vec<(String, usize)> {
    let (marks, style) = match side {
        Column::Left => (DELETED, STYLE_LEFT),
        Column::Right => (INSERTED, STYLE_RIGHT),
    };
    let Some(node) = cell(row, side) else {
        return Vec::new();
    };
    let (shown, styled) = with_marks(&node.shown, &node.marks, (!colour).then_some(marks));
    let styles: Vec<(Range<usize>, bool)> = styled.into_iter().map(|r| (r, true)).collect();
    let lines = layout(&shown, WrapOptions::new(width));
    lines
        .iter()
        .map(|line| {
            let text: String = wrap::styled_pieces(&shown, line, &styles, false)
                .into_iter()
                .map(|(piece, changed)| match changed && colour {
                    true => format!("{style}{piece}{STYLE_RESET}"),
                    false => piece.to_string(),
                })
                .collect();
            (text, line.width)
        })
        .collect()
}

/// The two sides of a pair: in two columns, or one above the other when the width is narrow.
fn write_columns(
    out: &mut impl Write,
    row: &PairRow,
    width: usize,
    colour: bool,
) -> std::io::Result<()> {
    if width < SIDE_BY_SIDE_MIN {
        for (label, side) in [(LEFT, Column::Left), (RIGHT, Column::Right)] {
            write_wrapped(out, &format!("{label}:"), width, None)?;
            for (line, _) in column_lines(row, side, width, colour) {
                writeln!(out, "{line}")?;
            }
        }
        return Ok(());
    }
    let gap = wrap::str_width(COLUMN_GAP, false);
    let left_width = (width - gap) / 2;
    let right_width = width - gap - left_width;
    let left = column_lines(row, Column::Left, left_width, colour);
    let right = column_lines(row, Column::Right, right_width, colour);
    for i in 0..left.len().max(right.len()) {
        let (l, l_width) = left.get(i).map_or(("", 0), |(s, w)| (s.as_str(), *w));
        let r = right.get(i).map_or("", |(s, _)| s.as_str());
        let pad = " ".repeat(left_width.saturating_sub(l_width));
        let line = format!("{l}{pad}{COLUMN_GAP}{r}");
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

// --- JSON ---------------------------------------------------------------------------------------

/// The comparison as JSON (see [`ComparisonDoc::json`]): node and part ids as in the report
/// format, with both sides' titles and texts.
pub fn write_json(out: &mut impl Write, comparison: &ComparisonDoc) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &comparison.json())?;
    writeln!(out)
}

// --- Markdown -----------------------------------------------------------------------------------

/// The comparison as a Markdown table an auditor can paste: the two sides with deletions in
/// `<del>` and insertions in `<ins>` (HTML, because `~~` and `**` do not work next to Chinese
/// punctuation in CommonMark), the score and a note.
pub fn write_markdown(out: &mut impl Write, comparison: &ComparisonDoc) -> std::io::Result<()> {
    writeln!(out, "{}  ", markdown_text(&comparison.left.caption(LEFT)))?;
    writeln!(out, "{}  ", markdown_text(&comparison.right.caption(RIGHT)))?;
    writeln!(out, "{}", comparison.counts_line())?;
    writeln!(out)?;
    let rows: Vec<Vec<String>> = comparison
        .rows
        .iter()
        .map(|row| {
            vec![
                markdown_cell(cell(row, Column::Left), MD_DELETED),
                markdown_cell(cell(row, Column::Right), MD_INSERTED),
                row.score().unwrap_or_else(|| MISSING.to_string()),
                row.note(),
            ]
        })
        .collect();
    write!(
        out,
        "{}",
        markdown_table(&[LEFT, RIGHT, SCORE, NOTE], &rows)
    )
}

/// A side of a pair in a table cell: `` `p2.3` (三) `` then the text with its changes marked.
fn markdown_cell(node: Option<&NodeCell>, (open, close): (&str, &str)) -> String {
    let Some(node) = node else {
        return MISSING.to_string();
    };
    let text = &node.shown;
    let mut cell = format!("`{}` {}\n", node.id, markdown_text(&node.marker));
    let mut at = 0;
    for range in &node.marks {
        cell.push_str(&markdown_text(&text[at..range.start]));
        cell.push_str(open);
        cell.push_str(&markdown_text(&text[range.clone()]));
        cell.push_str(close);
        at = range.end;
    }
    cell.push_str(&markdown_text(&text[at..]));
    cell
}

/// Text safe between HTML tags in Markdown: `&`, `<`, `>` as entities, control characters as
/// spaces.
fn markdown_text(text: &str) -> String {
    printable(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::BUNDLED;
    use unicode_width::UnicodeWidthStr;

    fn bundled_comparison(report: &[Report; 2]) -> ComparisonDoc {
        ComparisonDoc::new(
            choose(Path::new("a"), &report[0], None).unwrap(),
            choose(Path::new("b"), &report[1], None).unwrap(),
        )
    }

    fn reports() -> [Report; 2] {
        [BUNDLED[0].report().unwrap(), BUNDLED[1].report().unwrap()]
    }

    fn text_output(comparison: &ComparisonDoc, width: usize, colour: bool) -> String {
        let mut out = Vec::new();
        write_text(&mut out, comparison, TextOptions { width, colour }).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn marks_sit_on_words_not_on_line_breaks() {
        let (shown, styled) = with_marks("标题\n正文", &[0..6, 7..13], Some(DELETED));
        assert_eq!(shown, "[-标题-]\n[-正文-]");
        assert_eq!(&shown[styled[1].clone()], "[-正文-]");
    }

    #[test]
    fn control_characters_cannot_move_the_cursor() {
        assert_eq!(printable("a\u{1b}[2J\tb\nc"), "a [2J b\nc");
        assert_eq!(markdown_text("<a&b>"), "&lt;a&amp;b&gt;");
    }

    #[test]
    fn colour_output_has_the_same_layout_as_plain_output_without_marks() {
        let reports = reports();
        let comparison = bundled_comparison(&reports);
        let coloured = text_output(&comparison, 100, true);
        assert!(coloured.contains(STYLE_LEFT) && coloured.contains(STYLE_RIGHT));
        assert!(!coloured.contains("[-"));
        let stripped = coloured
            .replace(STYLE_LEFT, "")
            .replace(STYLE_RIGHT, "")
            .replace(STYLE_HEADER, "")
            .replace(STYLE_RESET, "");
        assert!(stripped.lines().all(|l| l.width() <= 100));
    }

    #[test]
    fn narrow_output_stacks_the_sides() {
        let reports = reports();
        let comparison = bundled_comparison(&reports);
        let text = text_output(&comparison, 30, false);
        assert!(!text.contains(COLUMN_GAP));
        assert!(text.lines().all(|l| l.width() <= 30));
        assert!(text.lines().any(|l| l == "左:"));
    }
}
