//! The `planlens` command: the CLI, and the error boundary that turns errors into one line and
//! an exit code (0 ok, 1 bad data, 2 usage).

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use planlens::load::{self, LoadError};
use planlens::model::{Node, Report};
use planlens::{bundled, text};
use unicode_width::UnicodeWidthStr;

#[derive(Parser)]
#[command(
    name = "planlens",
    version,
    about = "Read, compare and audit Chinese government work plans (工作总结和工作计划)"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Import the raw text of a report page into planlens JSON
    Import {
        /// The page text (UTF-8, GBK/GB18030, Big5 or UTF-16)
        file: PathBuf,
        /// Write the JSON here instead of standard output
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Print the section tree of a report: id, marker, title
    Tree {
        /// A report: planlens JSON, raw page text, or the name of a bundled report
        report: PathBuf,
    },
    /// Print a report, or one section of it, wrapped to a width
    Show {
        /// A report: planlens JSON, raw page text, or the name of a bundled report
        report: PathBuf,
        /// A node id from `planlens tree` (e.g. p2.3.1) or a part id (p1)
        id: Option<String>,
        /// Display width in terminal cells (a Chinese character takes 2, so at least 2)
        #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(2..))]
        width: u16,
    },
    /// List the reports under a folder: file, district, bureau, parts
    List {
        /// Folder to search (recursively) for .json and .txt reports
        dir: PathBuf,
    },
}

/// A failure that is the data's fault (exit 1), already described in one line.
struct BadData(String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // The reader of our output went away (`planlens tree … | head`): nothing left to say.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let message = match error.downcast_ref::<BadData>() {
                Some(BadData(m)) => m.clone(),
                None => format!("{error:#}"),
            };
            report_error(&message);
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Writes `planlens: MESSAGE` to standard error as exactly one line, whatever the message holds.
fn report_error(message: &str) {
    // Nowhere left to report a failure to write to standard error.
    let _ = writeln!(std::io::stderr().lock(), "planlens: {}", one_line(message));
}

/// The text with control characters (newlines, tabs, escapes) written as `\n`, `\t`, `\u{1b}`:
/// one line that cannot move the terminal's cursor.
fn one_line(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_string();
    }
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

impl std::fmt::Debug for BadData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::fmt::Display for BadData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for BadData {}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match cli.command {
        None => list_bundled(&mut out)?,
        Some(Command::Import { file, output }) => {
            let report = load_text_report(&file)?;
            let json = to_json(&report)?;
            match output {
                Some(path) => write_atomically(&path, json.as_bytes())
                    .with_context(|| format!("{}: cannot write", path.display()))?,
                None => writeln!(out, "{json}")?,
            }
        }
        Some(Command::Tree { report }) => print_tree(&mut out, &open(&report)?)?,
        Some(Command::Show { report, id, width }) => {
            print_show(&mut out, &open(&report)?, id.as_deref(), usize::from(width))?
        }
        Some(Command::List { dir }) => return list_dir(&mut out, &dir),
    }
    Ok(ExitCode::SUCCESS)
}

fn bad(error: LoadError) -> anyhow::Error {
    BadData(error.to_string()).into()
}

/// Opens a report file, or a bundled report by name when no such file exists.
fn open(path: &Path) -> anyhow::Result<Report> {
    if !path.exists()
        && let Some(found) = path.to_str().and_then(bundled::find)
    {
        return found.report().map_err(bad);
    }
    load::load_report(path).map_err(bad)
}

/// `import` takes raw page text; a JSON report is already imported.
fn load_text_report(path: &Path) -> anyhow::Result<Report> {
    load::load_report(path).map_err(bad)
}

fn to_json(report: &Report) -> anyhow::Result<String> {
    Ok(serde_json::to_string_pretty(report)?)
}

/// Writes through a temporary file in the same folder and renames it over the target; on
/// failure the target is untouched and the temporary file removed.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if path.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "is a directory (give a file name)",
        ));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let (temp, mut file) = tempfile_in(dir, path)?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&temp, path));
    if written.is_err() {
        // The write already failed; a leftover temporary file is the lesser problem.
        let _ = std::fs::remove_file(&temp);
    }
    written
}

fn tempfile_in(dir: &Path, target: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("report");
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    Ok((temp.clone(), std::fs::File::create(temp)?))
}

fn print_tree(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
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

fn print_node(out: &mut impl Write, node: &Node, depth: usize) -> std::io::Result<()> {
    let flags: Vec<String> = node
        .flags
        .iter()
        .map(|f| {
            serde_json::to_value(f)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        })
        .collect();
    let flags = if flags.is_empty() {
        String::new()
    } else {
        format!("  !{}", flags.join(","))
    };
    writeln!(
        out,
        "{}{}  {}{}{flags}",
        "  ".repeat(depth),
        one_line(&node.id),
        one_line(&node.marker),
        one_line(&node.title)
    )?;
    for child in &node.children {
        print_node(out, child, depth + 1)?;
    }
    Ok(())
}

fn print_show(
    out: &mut impl Write,
    report: &Report,
    id: Option<&str>,
    width: usize,
) -> anyhow::Result<()> {
    let mut print = |s: &str| -> std::io::Result<()> {
        for line in text::wrap::wrap(s, width) {
            writeln!(out, "{line}")?;
        }
        Ok(())
    };
    match id {
        None => {
            print(&report.title)?;
            print(&report.preamble)?;
            for part in &report.parts {
                print(&part.heading)?;
                print(&part.text)?;
                for node in part.nodes.iter().flat_map(Node::walk) {
                    print(&format!("{}{}", node.marker, node.title))?;
                    print(&node.text)?;
                }
            }
        }
        Some(id) => {
            if let Some(part) = report.parts.iter().find(|p| p.id == id) {
                print(&part.heading)?;
                print(&part.text)?;
                for node in part.nodes.iter().flat_map(Node::walk) {
                    print(&format!("{}{}", node.marker, node.title))?;
                    print(&node.text)?;
                }
            } else if let Some(node) = report.node(id) {
                for node in node.walk() {
                    print(&format!("{}{}", node.marker, node.title))?;
                    print(&node.text)?;
                }
            } else {
                return Err(BadData(format!(
                    "no section `{id}` in this report (see `planlens tree`)"
                ))
                .into());
            }
        }
    }
    Ok(())
}

fn list_bundled(out: &mut impl Write) -> anyhow::Result<()> {
    let mut rows = Vec::new();
    for b in bundled::BUNDLED {
        let name = b.name.strip_suffix(".json").unwrap_or(b.name);
        rows.push(list_row(Path::new(name), &b.report().map_err(bad)?));
    }
    print_rows(out, &rows)?;
    let first = bundled::BUNDLED.first().map_or("", |b| b.name);
    writeln!(
        out,
        "\nbundled reports; try `planlens tree {}`",
        first.strip_suffix(".json").unwrap_or(first)
    )?;
    Ok(())
}

fn list_dir(out: &mut impl Write, dir: &Path) -> anyhow::Result<ExitCode> {
    if !dir.is_dir() {
        return Err(BadData(format!("{}: not a folder", dir.display())).into());
    }
    let mut rows = Vec::new();
    let mut failed = false;
    for (path, report) in load::load_dir(dir).map_err(bad)? {
        match report {
            Ok(report) => rows.push(list_row(&path, &report)),
            Err(error) => {
                failed = true;
                report_error(&error.to_string());
            }
        }
    }
    print_rows(out, &rows)?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn list_row(path: &Path, report: &Report) -> [String; 4] {
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
fn print_rows(out: &mut impl Write, rows: &[[String; 4]]) -> std::io::Result<()> {
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
