//! Report files -> `Report`: our JSON, or a source imported on the fly (page text, a saved web
//! page, a Word document, a PDF), with one-line errors that name the file and the place. The only
//! module that reads report files.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::import::{self, ImportError};
use crate::model::{Report, SCHEMA};
use crate::store::regular::{FileKind, ReadError, read_regular};

/// Largest report file accepted. Real pages are tens of kilobytes; this leaves room for a year's
/// worth of a bureau's reports in one file while refusing logs and dumps.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Why a report file could not be loaded. Each displays as one line naming the file and place:
/// `file:LINE:COLUMN` for JSON (1-based, the column counted in characters, as editors show it),
/// `line N` or `byte N` for page text.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: is a directory, not a report file (use `planlens list DIR`)")]
    Directory { path: PathBuf },
    #[error("{path}: is {kind}, not a report file (only regular files are read)")]
    NotRegular { path: PathBuf, kind: FileKind },
    /// `size` is the file's length, or `None` when it grew past the limit while being read.
    #[error(
        "{path}: byte {limit}: too large for a report ({}; a report may have at most {limit} bytes)",
        match size { Some(size) => format!("{size} bytes"), None => format!("more than {MAX_FILE_BYTES} bytes") },
        limit = MAX_FILE_BYTES
    )]
    TooLarge { path: PathBuf, size: Option<u64> },
    /// The file has no text at all (`blank`: only whitespace).
    #[error(
        "{path}: line 1: {}",
        if *blank { "blank file (only whitespace), no report in it" } else { "empty file, no report in it" }
    )]
    Empty { path: PathBuf, blank: bool },
    #[error("{path}:{line}:{column}: invalid report JSON: {message}")]
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}:{line}:{column}: unknown schema `{found}` (this planlens reads `{SCHEMA}`)")]
    Schema {
        path: PathBuf,
        line: usize,
        column: usize,
        found: String,
    },
    #[error("{path}: {source}")]
    Import {
        path: PathBuf,
        #[source]
        source: ImportError,
    },
}

/// Reads a report file: JSON when it is named `.json` or starts with `{`, otherwise a source
/// (page text, a saved web page) read through the extractor of its format.
pub fn load_report(path: &Path) -> Result<Report, LoadError> {
    let bytes = read_regular(path, MAX_FILE_BYTES).map_err(|error| {
        let path = path.to_path_buf();
        match error {
            ReadError::Io(source) => LoadError::Io { path, source },
            ReadError::NotRegular(FileKind::Directory) => LoadError::Directory { path },
            ReadError::NotRegular(kind) => LoadError::NotRegular { path, kind },
            ReadError::TooLarge(size) => LoadError::TooLarge { path, size },
        }
    })?;
    report_from_bytes(path, &bytes)
}

/// Parses the bytes of a report file named `path`: JSON when it is named `.json` or starts with
/// `{`, otherwise a source read through the extractor of its format.
pub fn report_from_bytes(path: &Path, bytes: &[u8]) -> Result<Report, LoadError> {
    let unbommed = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let named_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if unbommed.iter().all(u8::is_ascii_whitespace) {
        let blank = !unbommed.is_empty();
        if named_json {
            let message = if blank {
                "blank file (only whitespace)"
            } else {
                "empty file"
            };
            return Err(LoadError::Json {
                path: path.to_path_buf(),
                line: 1,
                column: 1,
                message: message.to_string(),
            });
        }
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
            blank,
        });
    }
    if named_json || unbommed.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
        return report_from_json(path, unbommed);
    }
    import::import_source(path, bytes).map_err(|source| LoadError::Import {
        path: path.to_path_buf(),
        source,
    })
}

fn report_from_json(path: &Path, bytes: &[u8]) -> Result<Report, LoadError> {
    if let Some(start) = bytes.iter().position(|b| !b.is_ascii_whitespace())
        && bytes[start] != b'{'
    {
        let (line, column) = line_column(bytes, start);
        return Err(LoadError::Json {
            path: path.to_path_buf(),
            line,
            column,
            message: "not a report: a report is a JSON object `{…}`".to_string(),
        });
    }
    #[derive(serde::Deserialize)]
    struct SchemaOnly {
        schema: Option<serde_json::Value>,
    }
    let schema_error = |found: String| {
        let (line, column) = schema_value_offset(bytes)
            .map(|offset| line_column(bytes, offset))
            .unwrap_or((1, 1));
        LoadError::Schema {
            path: path.to_path_buf(),
            line,
            column,
            found,
        }
    };
    match serde_json::from_slice::<Report>(bytes) {
        Ok(report) if report.schema == SCHEMA => Ok(report),
        Ok(report) => Err(schema_error(report.schema)),
        Err(error) => {
            // A report of another schema version fails on its fields first: name the version.
            if let Ok(SchemaOnly {
                schema: Some(found),
            }) = serde_json::from_slice(bytes)
                && found.as_str() != Some(SCHEMA)
            {
                return Err(schema_error(match found {
                    serde_json::Value::String(found) => found,
                    other => other.to_string(),
                }));
            }
            let (line, column) = char_column(bytes, error.line(), error.column());
            Err(LoadError::Json {
                path: path.to_path_buf(),
                line,
                column,
                message: strip_position(&error.to_string()),
            })
        }
    }
}

/// serde_json appends " at line L column C" to its messages; the error already says where.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// serde_json counts columns in bytes (0 before the first byte of a line); editors count
/// characters from 1. Turns serde_json's (line, byte column) into (line, character column).
fn char_column(bytes: &[u8], line: usize, byte_column: usize) -> (usize, usize) {
    let Some(text) = bytes.split(|&b| b == b'\n').nth(line.saturating_sub(1)) else {
        return (line.max(1), byte_column.max(1));
    };
    // The column of the character holding the byte serde_json stopped at: the characters that
    // start at or before it.
    let upto = &text[..byte_column.min(text.len())];
    (line.max(1), char_starts(upto).max(1))
}

/// How many characters start in these UTF-8 bytes (an invalid byte counts as one).
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// The 1-based line and character column of a byte offset.
fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = char_starts(&before[line_start..]) + 1;
    (line, column)
}

/// The byte offset of the value of the top-level `"schema"` key of a JSON object, if any.
/// Expects valid JSON (it is only asked after serde_json has read the object).
fn schema_value_offset(bytes: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    // At depth 1, whether the next string is a key.
    let mut expect_key = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'[' => {
                depth += 1;
                expect_key = depth == 1;
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            b',' if depth == 1 => expect_key = true,
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if depth == 1 && expect_key {
                    expect_key = false;
                    if bytes.get(start..i) == Some(b"schema".as_slice()) {
                        let colon = i + 1 + bytes.get(i + 1..)?.iter().position(|&b| b == b':')?;
                        let value = colon
                            + 1
                            + bytes
                                .get(colon + 1..)?
                                .iter()
                                .position(|b| !b.is_ascii_whitespace())?;
                        return Some(value);
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// A file found in a folder and what loading it gave.
pub type Loaded = (PathBuf, Result<Report, LoadError>);

/// Every report file (`.json`, `.txt`, `.html`, `.docx`, `.pdf` …) under a folder, sorted by path,
/// with its load result. The files are found at once and loaded one at a time, as the iterator is
/// read: a caller that is done with each report in turn (`planlens list`) holds one at a time.
///
/// A subfolder that cannot be read is listed as an error in place of its files; a folder reached
/// twice (through a symbolic link) is read once.
pub fn load_dir(dir: &Path) -> Result<impl Iterator<Item = Loaded> + use<>, LoadError> {
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    let entries = read_dir(dir, &mut seen)?;
    collect_files(entries, &mut seen, &mut files);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files.into_iter().map(|(path, error)| match error {
        Some(error) => (path, Err(error)),
        None => {
            let report = load_report(&path);
            (path, report)
        }
    }))
}

/// The paths in a folder, or `None` when it was already read.
fn read_dir(dir: &Path, seen: &mut HashSet<PathBuf>) -> Result<Option<Vec<PathBuf>>, LoadError> {
    let io = |source| LoadError::Io {
        path: dir.to_path_buf(),
        source,
    };
    if !seen.insert(std::fs::canonicalize(dir).map_err(io)?) {
        return Ok(None);
    }
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        paths.push(entry.map_err(io)?.path());
    }
    Ok(Some(paths))
}

fn collect_files(
    entries: Option<Vec<PathBuf>>,
    seen: &mut HashSet<PathBuf>,
    files: &mut Vec<(PathBuf, Option<LoadError>)>,
) {
    for path in entries.into_iter().flatten() {
        if path.is_dir() {
            if is_saved_page_folder(&path) {
                continue;
            }
            match read_dir(&path, seen) {
                Ok(entries) => collect_files(entries, seen, files),
                Err(error) => files.push((path, Some(error))),
            }
        } else if is_report_file(&path) {
            files.push((path, None));
        }
    }
}

/// The `NAME_files` folder a browser saves a "complete" page's images and scripts in, beside
/// `NAME.html` or `NAME.htm`.
fn is_saved_page_folder(path: &Path) -> bool {
    let Some(stem) = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix("_files"))
    else {
        return false;
    };
    ["html", "htm"]
        .iter()
        .any(|e| path.with_file_name(format!("{stem}.{e}")).is_file())
}

/// Report files are `.json` (ours) and the sources an extractor reads (`.txt`, `.html`, `.htm`,
/// `.docx`, `.pdf` …; `.mhtml`, `.doc`, `.wps` and `.ofd` to say they are not read); verdict
/// sidecars (`*.verdicts.json`) are not reports.
pub fn is_report_file(path: &Path) -> bool {
    let sidecar = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
        n.to_lowercase()
            .ends_with(crate::store::sidecar::SIDECAR_SUFFIX)
    });
    let json = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    !sidecar && (json || import::sources::is_source_name(path))
}
