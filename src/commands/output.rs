//! Where a command's output goes: `--output FILE` (`-o`), shared by every command that prints.
//! Standard output by default and for `-`; a file is written whole and atomically (buffered,
//! then write-temp-fsync-rename through `store::atomic`), so a command that fails or is killed
//! leaves the old file, or none, never a partial one. Without `--format`, the file's extension
//! chooses the format. Must not depend on tui.
//!
//! A command takes it with `#[command(flatten)] output: Output` in its arguments and prints
//! with one call:
//!
//! ```no_run
//! # use planlens::commands::output::Output;
//! # fn print(out: &mut impl std::io::Write) -> std::io::Result<()> { writeln!(out, "…") }
//! # let output = Output::default();
//! output.write(|out| print(out))?;
//! # Ok::<(), std::io::Error>(())
//! ```

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::{CommandError, one_line};
use crate::store::atomic;

/// The `--output` argument of a command.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct Output {
    /// Write to FILE instead of standard output (`-`: standard output). The file is replaced
    /// whole, never left half-written; without --format its extension (.json, .md, .csv, .txt,
    /// .xlsx, .html) chooses the format
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl Output {
    /// Output to `path` (`-` is standard output).
    pub fn to(path: impl Into<PathBuf>) -> Self {
        Output {
            output: Some(path.into()),
        }
    }

    /// The file to write, or `None` for standard output.
    pub fn file(&self) -> Option<&Path> {
        self.output.as_deref().filter(|p| *p != Path::new("-"))
    }

    /// Whether the output goes to standard output and that is a terminal (colours, its width).
    pub fn is_terminal(&self) -> bool {
        self.file().is_none() && io::stdout().is_terminal()
    }

    /// The format asked for with `--format`, else the one the file's extension names (`txt` is
    /// `text`, `markdown` is `md`, `htm` is `html`; any of a command's format names works), else `None`.
    pub fn format<F: clap::ValueEnum>(&self, given: Option<F>) -> Option<F> {
        given.or_else(|| {
            let extension = self.file()?.extension()?.to_str()?.to_ascii_lowercase();
            let name = match extension.as_str() {
                "txt" => "text",
                "markdown" => "md",
                "htm" => "html",
                other => other,
            };
            F::from_str(name, true).ok()
        })
    }

    /// Refuses a workbook (.xlsx, binary) on standard output, in one line; a file is fine.
    pub fn refuse_xlsx_on_stdout(&self) -> Result<(), CommandError> {
        match self.file() {
            Some(_) => Ok(()),
            None => Err(CommandError::BadData(
                "xlsx is a binary workbook, not for standard output: give a file with -o FILE.xlsx"
                    .into(),
            )),
        }
    }

    /// Runs `print` on the destination: standard output (buffered); or a buffer that replaces
    /// the file atomically only once `print` succeeded (on error the file is untouched).
    pub fn write<E: From<io::Error>>(
        &self,
        print: impl FnOnce(&mut Sink<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        match self.file() {
            None => {
                let mut out = Sink(Inner::Stdout(io::BufWriter::new(io::stdout().lock())));
                print(&mut out)?;
                out.flush()?;
                Ok(())
            }
            Some(path) => {
                let mut bytes = Vec::new();
                print(&mut Sink(Inner::Buffer(&mut bytes)))?;
                replace(path, &bytes).map_err(|e| {
                    E::from(io::Error::new(
                        e.kind(),
                        format!("{}: cannot write: {e}", path.display()),
                    ))
                })
            }
        }
    }
}

/// Writes the bytes of a workbook, or says in one line why it could not be made.
pub fn write_workbook(
    out: &mut impl Write,
    workbook: Result<Vec<u8>, rust_xlsxwriter::XlsxError>,
) -> Result<(), CommandError> {
    let bytes = workbook.map_err(|e| {
        CommandError::BadData(format!(
            "cannot write the workbook: {}",
            one_line(&e.to_string())
        ))
    })?;
    out.write_all(&bytes)?;
    Ok(())
}

/// What a command prints to under [`Output::write`]: any `Write` taker accepts it.
pub struct Sink<'a>(Inner<'a>);

enum Inner<'a> {
    Stdout(io::BufWriter<io::StdoutLock<'static>>),
    Buffer(&'a mut Vec<u8>),
}

impl Write for Sink<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match &mut self.0 {
            Inner::Stdout(out) => out.write(bytes),
            Inner::Buffer(out) => out.write(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.0 {
            Inner::Stdout(out) => out.flush(),
            Inner::Buffer(out) => out.flush(),
        }
    }
}

/// Replaces the file at `path` atomically; a folder is refused.
fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if path.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory (give a file name)",
        ));
    }
    atomic::write(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
    enum Format {
        Text,
        Json,
        Md,
        Csv,
        Html,
    }

    #[test]
    fn the_format_comes_from_the_flag_else_the_extension() {
        let format = |path: &str, given| Output::to(path).format::<Format>(given);
        assert_eq!(format("a.json", None), Some(Format::Json));
        assert_eq!(format("a.JSON", None), Some(Format::Json));
        assert_eq!(format("审计.csv", None), Some(Format::Csv));
        assert_eq!(format("a.txt", None), Some(Format::Text));
        assert_eq!(format("a.markdown", None), Some(Format::Md));
        assert_eq!(format("比较.htm", None), Some(Format::Html));
        assert_eq!(format("a.json", Some(Format::Md)), Some(Format::Md));
        assert_eq!(format("a.pdf", None), None);
        assert_eq!(format("-", None), None);
        assert_eq!(Output::default().format::<Format>(None), None);
    }

    #[test]
    fn a_dash_is_standard_output() {
        assert_eq!(Output::to("-").file(), None);
        assert_eq!(Output::to("x.md").file(), Some(Path::new("x.md")));
    }

    #[test]
    fn a_failed_print_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        std::fs::write(&path, "old").unwrap();
        let output = Output::to(&path);
        let result: io::Result<()> = output.write(|out| {
            out.write_all(b"half")?;
            Err(io::Error::other("bad data"))
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        output.write(|out| out.write_all("新".as_bytes())).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "新");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
