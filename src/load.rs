//! Report files -> `Report`: our JSON or raw page text (imported on the fly), with one-line errors
//! that name the file and the place. The only module that reads report files.

use std::path::{Path, PathBuf};

use crate::import::{self, ImportError};
use crate::model::{Report, SCHEMA};

/// Largest report file accepted. Real pages are tens of kilobytes; this leaves room for a year's
/// worth of a bureau's reports in one file while refusing logs and dumps.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Why a report file could not be loaded. Each displays as one line naming the file and place.
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
    #[error("{path}: {size} bytes, larger than the {limit} bytes a report may have", limit = MAX_FILE_BYTES)]
    TooLarge { path: PathBuf, size: u64 },
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

impl LoadError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Io { path, .. }
            | LoadError::Directory { path }
            | LoadError::TooLarge { path, .. }
            | LoadError::Json { path, .. }
            | LoadError::Schema { path, .. }
            | LoadError::Import { path, .. } => path,
        }
    }
}

/// Reads a report file: JSON when it starts with `{`, raw page text otherwise.
pub fn load_report(path: &Path) -> Result<Report, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(io)?;
    if metadata.is_dir() {
        return Err(LoadError::Directory {
            path: path.to_path_buf(),
        });
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: metadata.len(),
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    report_from_bytes(path, &bytes)
}

/// Parses the bytes of a report file named `path` (JSON or raw page text).
pub fn report_from_bytes(path: &Path, bytes: &[u8]) -> Result<Report, LoadError> {
    let unbommed = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if unbommed.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
        return report_from_json(path, unbommed);
    }
    import::import_bytes(bytes).map_err(|source| LoadError::Import {
        path: path.to_path_buf(),
        source,
    })
}

fn report_from_json(path: &Path, bytes: &[u8]) -> Result<Report, LoadError> {
    #[derive(serde::Deserialize)]
    struct SchemaOnly {
        schema: Option<serde_json::Value>,
    }
    let schema_error = |found: String| LoadError::Schema {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        found,
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
                return Err(schema_error(
                    found.to_string().trim_matches('"').to_string(),
                ));
            }
            Err(LoadError::Json {
                path: path.to_path_buf(),
                line: error.line(),
                column: error.column(),
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

/// A file found in a folder and what loading it gave.
pub type Loaded = (PathBuf, Result<Report, LoadError>);

/// Every report file (`.json`, `.txt`) under a folder, sorted by path, with its load result.
pub fn load_dir(dir: &Path) -> Result<Vec<Loaded>, LoadError> {
    let mut files = Vec::new();
    collect_files(dir, &mut files)?;
    files.sort();
    Ok(files
        .into_iter()
        .map(|path| {
            let report = load_report(&path);
            (path, report)
        })
        .collect())
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    let io = |source| LoadError::Io {
        path: dir.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.is_dir() {
            collect_files(&path, files)?;
        } else if is_report_file(&path) {
            files.push(path);
        }
    }
    Ok(())
}

/// Report files are `.json` (ours) and `.txt` (raw page text).
pub fn is_report_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("txt"))
}
