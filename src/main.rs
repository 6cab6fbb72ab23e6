//! The `planlens` command: the CLI, and the error boundary that turns errors into one line and
//! an exit code (0 ok, 1 bad data, 2 usage). The top: it may use every module of the library.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::io::IsTerminal;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use planlens::bundled;
use planlens::commands::output::Output;
use planlens::commands::{self, ShowError, list_row, one_line, print_rows};
use planlens::compare::align;
use planlens::compare::lexicon;
use planlens::load::{self, LoadError};
use planlens::model::Report;
use planlens::store::config::{self, Config, ThemeName};
use planlens::store::{FileStore, dirs};
use planlens::tui::app::{App, Entry, Msg};
use planlens::tui::theme::Theme;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

#[derive(Parser)]
#[command(
    name = "planlens",
    version,
    about = "Read, compare and audit Chinese government work plans (工作总结和工作计划)"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Reports to open in the app: planlens JSON, raw page text, folders, or bundled names.
    /// With none, the app opens on the bundled reports.
    paths: Vec<PathBuf>,
    /// The terminal draws “ ” × · — … two cells wide (also `ambiguous_wide` in config.json)
    #[arg(long, global = true)]
    ambiguous_wide: bool,
    /// Colour theme (also `theme` in config.json); NO_COLOR turns colours off
    #[arg(long, value_enum, global = true)]
    theme: Option<ThemeArg>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ThemeArg {
    Dark,
    Light,
}

#[derive(Subcommand)]
enum Command {
    /// Import the raw text of a report page into planlens JSON
    Import {
        /// The page text (UTF-8, GBK/GB18030, Big5 or UTF-16)
        file: PathBuf,
        #[command(flatten)]
        output: Output,
    },
    /// Print the section tree of a report: id, marker, title
    Tree {
        /// A report: planlens JSON, raw page text, or the name of a bundled report
        report: PathBuf,
        #[command(flatten)]
        output: Output,
    },
    /// Print a report, or one section of it, wrapped to a width
    Show {
        /// A report: planlens JSON, raw page text, or the name of a bundled report
        report: PathBuf,
        /// A node id from `planlens tree` (e.g. p2.3.1), a part id (p1), or a part as `diff`
        /// names it: plan, summary, or its number (1, 2)
        id: Option<String>,
        /// Display width in terminal cells (a Chinese character takes 2, so at least 2)
        #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(2..))]
        width: u16,
        #[command(flatten)]
        output: Output,
    },
    /// List the reports under a folder: file, district, bureau, parts
    List {
        /// Folder to search (recursively) for .json and .txt reports
        dir: PathBuf,
        #[command(flatten)]
        output: Output,
    },
    /// Compare two reports side by side, sections paired by content
    Diff(commands::diff::DiffArgs),
    /// Audit a year's plan against the next year's summary, item by item
    Audit(commands::audit::AuditArgs),
    /// Find every place a subject comes up in reports and folders: section paths and sentences
    Search(commands::search::SearchArgs),
    /// Topics × reports: who plans what, and who plans nothing there
    Matrix(commands::matrix::MatrixArgs),
    /// Plan items promised again year after year, with what each year's summary said
    Recur(commands::recur::RecurArgs),
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
    install_related_terms()?;
    match cli.command {
        None if !std::io::stdout().is_terminal() && cli.paths.is_empty() => {
            Output::default().write(|out| list_bundled(out))?
        }
        None => {
            if let Some(word) = mistyped_command(&cli.paths) {
                report_error(&format!(
                    "`{word}` is neither a command (import, tree, show, list, diff, audit, search, matrix, recur) nor a report file; see planlens --help"
                ));
                return Ok(ExitCode::from(2));
            }
            return run_app(&cli.paths, cli.ambiguous_wide, cli.theme);
        }
        Some(Command::Import { file, output }) => {
            let report = load::load_report(&file).map_err(bad)?;
            commands::warn_if_damaged(&file, &report);
            let json = serde_json::to_string_pretty(&report)?;
            output.write(|out| writeln!(out, "{json}"))?;
        }
        Some(Command::Tree { report, output }) => {
            let report = open(&report)?;
            output.write(|out| commands::print_tree(out, &report))?;
        }
        Some(Command::Show {
            report,
            id,
            width,
            output,
        }) => {
            let report = open(&report)?;
            let width = usize::from(width);
            output.write(|out| show(out, &report, id.as_deref(), width))?;
        }
        Some(Command::List { dir, output }) => return list_dir(&dir, &output),
        Some(Command::Diff(args))
            if args.format.is_none()
                && args.output.output.is_none()
                && std::io::stdout().is_terminal() =>
        {
            return run_compare_app(&args, cli.ambiguous_wide, cli.theme);
        }
        Some(Command::Diff(args)) => args
            .output
            .write(|out| commands::diff::run(&args, out))
            .map_err(command_error)?,
        Some(Command::Audit(args)) => args
            .output
            .write(|out| commands::audit::run(&args, out))
            .map_err(command_error)?,
        Some(Command::Search(args)) => {
            let mut failures = Vec::new();
            args.output
                .write(|out| {
                    failures = commands::search::run(&args, out)?;
                    Ok(())
                })
                .map_err(command_error)?;
            return Ok(loaded_all(&failures));
        }
        Some(Command::Matrix(args)) => {
            let mut failures = Vec::new();
            args.output
                .write(|out| {
                    failures = commands::matrix::run(&args, out)?;
                    Ok(())
                })
                .map_err(command_error)?;
            return Ok(loaded_all(&failures));
        }
        Some(Command::Recur(args)) => {
            let mut failures = Vec::new();
            args.output
                .write(|out| {
                    failures = commands::recur::run(&args, out)?;
                    Ok(())
                })
                .map_err(command_error)?;
            return Ok(loaded_all(&failures));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `planlens show`: an id the report does not have is bad data.
fn show(
    out: &mut impl Write,
    report: &Report,
    id: Option<&str>,
    width: usize,
) -> anyhow::Result<()> {
    match commands::print_show(out, report, id, width) {
        Err(ShowError::NoSuchId(id)) => Err(BadData(format!(
            "no section `{id}` in this report (give a node or part id from `planlens tree`, or plan, summary or a part number)"
        ))
        .into()),
        Err(ShowError::Io(error)) => Err(error.into()),
        Ok(()) => Ok(()),
    }
}

/// `planlens shwo x`: the first word is no file, no bundled report and no path-like name, and
/// nothing given exists: a mistyped command (a usage error), not files that failed to load.
fn mistyped_command(paths: &[PathBuf]) -> Option<String> {
    let first = paths.first()?.to_str()?;
    let word_like = !first.is_empty() && first.chars().all(|c| c.is_ascii_alphabetic() || c == '-');
    let none_exist = paths
        .iter()
        .all(|p| !p.exists() && p.to_str().and_then(bundled::find).is_none());
    (word_like && none_exist).then(|| first.to_string())
}

/// Loads the reports to open (bundled ones when no path is given): files that fail become
/// one-line errors for the picker, the rest open.
fn load_entries(paths: &[PathBuf]) -> (Vec<Entry>, Vec<String>) {
    let mut entries = Vec::new();
    let mut failures = Vec::new();
    let mut add = |source: String, result: Result<Report, LoadError>| match result {
        Ok(report) => entries.push(Entry { source, report }),
        Err(error) => failures.push(one_line(&error.to_string())),
    };
    if paths.is_empty() {
        for b in bundled::BUNDLED {
            add(b.name.to_string(), b.report());
        }
    }
    for path in paths {
        if path.is_dir() {
            match load::load_dir(path) {
                Ok(found) => found
                    .into_iter()
                    .for_each(|(p, r)| add(p.display().to_string(), r)),
                Err(error) => add(path.display().to_string(), Err(error)),
            }
        } else if let Some(found) = path
            .to_str()
            .and_then(bundled::find)
            .filter(|_| !path.exists())
        {
            add(found.name.to_string(), found.report());
        } else {
            let source = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            add(source.display().to_string(), load::load_report(path));
        }
    }
    (entries, failures)
}

/// The terminal app: loads files first, then takes over the terminal until `q`.
fn run_app(
    paths: &[PathBuf],
    ambiguous_wide: bool,
    theme: Option<ThemeArg>,
) -> anyhow::Result<ExitCode> {
    let (entries, failures) = load_entries(paths);
    if entries.is_empty() {
        for failure in &failures {
            report_error(failure);
        }
        if failures.is_empty() {
            report_error("no reports found");
        }
        return Ok(ExitCode::from(1));
    }
    let single = entries.len() == 1 && failures.is_empty();
    let start = if single {
        vec![Msg::OpenReport(0)]
    } else {
        Vec::new()
    };
    run_terminal(entries, failures, ambiguous_wide, theme, start)
}

/// `planlens diff A B` on a terminal, with no format: the app opens on the comparison.
fn run_compare_app(
    args: &commands::diff::DiffArgs,
    ambiguous_wide: bool,
    theme: Option<ThemeArg>,
) -> anyhow::Result<ExitCode> {
    let left = open(&args.left)?;
    let right = open(&args.right)?;
    let part_id = |report: &Report, choice: &Option<String>, path: &Path| {
        align::choose_part(report, choice.as_deref())
            .map(|p| p.id.clone())
            .map_err(|e| anyhow::Error::from(BadData(format!("{}: {e}", path.display()))))
    };
    let left_part = part_id(&left, &args.left_part, &args.left)?;
    let right_part = part_id(&right, &args.right_part, &args.right)?;
    let entries = vec![
        Entry {
            source: args.left.display().to_string(),
            report: left,
        },
        Entry {
            source: args.right.display().to_string(),
            report: right,
        },
    ];
    let start = vec![
        Msg::OpenReport(0),
        Msg::OpenCompare {
            left: (0, left_part),
            right: (1, right_part),
        },
    ];
    run_terminal(entries, Vec::new(), ambiguous_wide, theme, start)
}

/// Adds the user's related terms (config folder) to the built-in ones before anything is
/// matched, so the CLI and the app match alike; a malformed file is an error naming its line.
fn install_related_terms() -> Result<(), BadData> {
    let Some(dir) = dirs::config_dir() else {
        return lexicon::install(None).map_err(BadData);
    };
    let text = config::load_related_terms(&dir).map_err(BadData)?;
    lexicon::install(text.as_deref()).map_err(|e| {
        BadData(format!(
            "{}: {e}",
            dir.join(config::RELATED_TERMS_FILE).display()
        ))
    })
}

/// Takes over the terminal with the app until it quits; `start` opens the first view.
fn run_terminal(
    entries: Vec<Entry>,
    failures: Vec<String>,
    ambiguous_wide: bool,
    theme: Option<ThemeArg>,
    start: Vec<Msg>,
) -> anyhow::Result<ExitCode> {
    let (config, config_error) = match dirs::config_dir().map(|d| config::load_config(&d)) {
        Some(Ok(config)) => (config, None),
        Some(Err(error)) => (Config::default(), Some(error)),
        None => (Config::default(), None),
    };
    let theme_name = match theme {
        Some(ThemeArg::Dark) => ThemeName::Dark,
        Some(ThemeArg::Light) => ThemeName::Light,
        None => config.theme.unwrap_or_default(),
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mut app = App::new(
        entries,
        failures,
        Theme::new(theme_name, no_color),
        ambiguous_wide || config.ambiguous_wide,
    );
    let mut store = FileStore::new(dirs::data_dir());
    let (bookmarks, bookmark_error) = store.load_bookmarks();
    app.update(Msg::Bookmarks(bookmarks));
    for msg in start
        .into_iter()
        .chain(config_error.or(bookmark_error).map(Msg::Note))
    {
        app.update(msg);
    }
    if !std::io::stdout().is_terminal() {
        return Err(BadData("the app needs a terminal: standard output is not one (for scripts: planlens tree, show, list, diff --format, audit)".into()).into());
    }
    install_panic_hook();
    let mut terminal = ratatui::try_init().context("cannot take over the terminal")?;
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    let result = planlens::tui::run::run(
        &mut terminal,
        &mut app,
        ratatui::crossterm::event::read,
        &mut store,
    );
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result?;
    Ok(ExitCode::SUCCESS)
}

/// On a panic the terminal comes back first (ratatui's hook, installed after this one, restores
/// raw mode and the screen, then calls this), then mouse reporting is turned off, then the
/// message is printed.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        previous(info);
    }));
}

/// The files that failed to load, one line each on standard error, after the output of the
/// others: exit 1 when there was one, else 0.
fn loaded_all(failures: &[String]) -> ExitCode {
    failures.iter().for_each(|failure| report_error(failure));
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn command_error(error: commands::CommandError) -> anyhow::Error {
    match error {
        commands::CommandError::BadData(message) => BadData(message).into(),
        commands::CommandError::Io(error) => error.into(),
    }
}

fn bad(error: LoadError) -> anyhow::Error {
    BadData(error.to_string()).into()
}

fn open(path: &Path) -> anyhow::Result<Report> {
    commands::open_report(path).map_err(command_error)
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

fn list_dir(dir: &Path, output: &Output) -> anyhow::Result<ExitCode> {
    if !dir.is_dir() {
        return Err(BadData(format!("{}: not a folder", dir.display())).into());
    }
    let mut rows = Vec::new();
    let mut failed = false;
    for (path, report) in load::load_dir(dir).map_err(bad)? {
        match report {
            Ok(report) => {
                commands::warn_if_damaged(&path, &report);
                rows.push(list_row(&path, &report));
            }
            Err(error) => {
                failed = true;
                report_error(&error.to_string());
            }
        }
    }
    output.write(|out| print_rows(out, &rows))?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
