//! Where a hand-off file (the audit workbook, the comparison redline) is written from the app:
//! beside the report it is made from, or in the data folder for a report that is no file of its
//! own (a bundled one); atomically, and over an existing file only when asked to. Depends on
//! nothing in the crate but `store::atomic`.

use std::io;
use std::path::{Path, PathBuf};

use super::atomic;

/// What writing a hand-off file did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Written,
    /// A file of that name is there and was left as it is: the user is asked first.
    Exists,
}

/// The hand-off file `name` of the report `source`: beside it when it is a file, else in the
/// data folder.
pub fn handoff_path(source: &Path, name: &str, data_dir: &Path) -> PathBuf {
    if source.is_file() {
        source.with_file_name(name)
    } else {
        data_dir.join(name)
    }
}

/// Writes `bytes` to `path` atomically (its folder made if need be); an existing file only when
/// `replace`.
pub fn write(path: &Path, bytes: &[u8], replace: bool) -> io::Result<Written> {
    if !replace && path.exists() {
        return Ok(Written::Exists);
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    atomic::write(path, bytes)?;
    Ok(Written::Written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_replaced_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let report = dir.path().join("plan.json");
        std::fs::write(&report, b"{}").unwrap();
        let path = handoff_path(&report, "plan.audit.xlsx", Path::new("/data"));
        assert_eq!(path, dir.path().join("plan.audit.xlsx"));
        assert_eq!(write(&path, b"one", false).unwrap(), Written::Written);
        assert_eq!(write(&path, b"two", false).unwrap(), Written::Exists);
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        assert_eq!(write(&path, b"two", true).unwrap(), Written::Written);
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let bundled = handoff_path(Path::new("guangming-zwsj-2024-2025"), "a.html", dir.path());
        assert_eq!(bundled, dir.path().join("a.html"));
    }
}
