//! Bookmarks in `bookmarks.json`: node ids per report source, saved atomically; a corrupt file
//! is moved aside and reported, never overwritten; temporary files of killed writers are removed
//! when it loads. Depends only on `store::atomic` and `store::regular`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::atomic;
use super::regular::{self, ReadError};

/// Bookmarked node ids per report source.
pub type Bookmarks = BTreeMap<String, Vec<String>>;

/// Why the bookmarks were not saved (the file on disk is unchanged).
#[derive(Debug, thiserror::Error)]
pub enum BookmarkError {
    #[error("{path}: {reason}")]
    Refused { path: PathBuf, reason: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The bookmarks file, and whether saving over it is safe.
#[derive(Debug)]
pub struct BookmarkFile {
    path: PathBuf,
    /// Why saving would overwrite a corrupt file that could not be moved aside.
    refused: Option<String>,
}

impl BookmarkFile {
    pub fn new(path: PathBuf) -> Self {
        BookmarkFile {
            path,
            refused: None,
        }
    }

    /// Reads the bookmarks. Missing: none, no message. A corrupt file is moved aside
    /// (`bookmarks.json.corrupt-<secs>`) so it is never overwritten; the message says where it
    /// went.
    pub fn load(&mut self) -> (Bookmarks, Option<String>) {
        atomic::remove_stale_temps(&self.path);
        let bytes = match regular::read_regular(&self.path, regular::MAX_STORE_BYTES) {
            Ok(bytes) => bytes,
            Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                return (Bookmarks::new(), None);
            }
            Err(e) => {
                return (
                    Bookmarks::new(),
                    Some(format!("{}: cannot read: {e}", self.path.display())),
                );
            }
        };
        match serde_json::from_slice(&bytes) {
            Ok(marks) => (marks, None),
            Err(e) => {
                let kept = match atomic::move_aside(&self.path) {
                    Ok(aside) => format!("kept as {}", aside.display()),
                    Err(why) => {
                        self.refused =
                            Some(format!("the corrupt file could not be moved aside: {why}"));
                        "left in place, bookmarks will not be saved".to_string()
                    }
                };
                (
                    Bookmarks::new(),
                    Some(format!(
                        "{}:{}:{}: corrupt bookmarks ({e}); {kept}",
                        self.path.display(),
                        e.line(),
                        e.column()
                    )),
                )
            }
        }
    }

    /// Saves all bookmarks atomically (creating the folder if needed).
    pub fn save(&self, bookmarks: &Bookmarks) -> Result<(), BookmarkError> {
        if let Some(reason) = &self.refused {
            return Err(BookmarkError::Refused {
                path: self.path.clone(),
                reason: reason.clone(),
            });
        }
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| BookmarkError::Io { path, source }
        };
        let json = serde_json::to_vec_pretty(bookmarks).map_err(|e| io(&self.path)(e.into()))?;
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
        }
        atomic::write(&self.path, &json).map_err(io(&self.path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bookmarks_round_trip_and_a_corrupt_file_is_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let mut file = BookmarkFile::new(dir.path().join("planlens/bookmarks.json"));
        assert_eq!(file.load(), (Bookmarks::new(), None));
        let mut marks = Bookmarks::new();
        marks.insert("a.json".into(), vec!["p1.2".into()]);
        file.save(&marks).unwrap();
        assert_eq!(file.load(), (marks, None));
        std::fs::write(&file.path, b"{\"a.json\": [").unwrap();
        let (loaded, message) = file.load();
        assert!(loaded.is_empty());
        assert!(message.unwrap().contains("corrupt bookmarks"));
        assert!(
            !file.path.exists(),
            "moved aside, so the next save cannot overwrite it"
        );
        let aside: Vec<_> = std::fs::read_dir(file.path.parent().unwrap())
            .unwrap()
            .collect();
        assert_eq!(aside.len(), 1);
    }
}
