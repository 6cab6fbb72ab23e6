//! Persistence: where the user's files live, atomic writes, the typed config, bookmarks,
//! verdict sidecars and hand-off files, and the `Store` the app saves through. Depends on nothing in the crate (no
//! tui, no present, no report types): callers above hand it paths and plain data.

pub mod atomic;
pub mod bookmarks;
pub mod config;
pub mod dirs;
pub mod handoff;
pub mod regular;
pub mod sidecar;
pub mod verdicts;

use std::io;
use std::path::{Path, PathBuf};

use bookmarks::BookmarkFile;
pub use bookmarks::{BookmarkError, Bookmarks};
use handoff::Written;
use verdicts::{VerdictChange, VerdictError, VerdictFile};

/// Where the app's state is saved; the run loop's only way out to files.
pub trait Store {
    /// Saves all bookmarks; on error nothing else is lost.
    fn save_bookmarks(&mut self, bookmarks: &Bookmarks) -> Result<(), BookmarkError>;
    /// The verdicts of a plan report (a message when its sidecar could not be read).
    fn load_verdicts(&mut self, plan_source: &str) -> (VerdictFile, Option<String>);
    /// Saves one verdict change; on error nothing changed.
    fn save_verdict(
        &mut self,
        file: &mut VerdictFile,
        change: &VerdictChange,
    ) -> Result<(), VerdictError>;
    /// Where the hand-off file `name` of the report `source` goes (see
    /// [`handoff::handoff_path`]).
    fn handoff_path(&self, source: &str, name: &str) -> PathBuf;
    /// Writes a hand-off file atomically; an existing one only when `replace`.
    fn write_handoff(&mut self, path: &Path, bytes: &[u8], replace: bool) -> io::Result<Written>;
}

/// The app's files under a data folder: bookmarks in `DATA/bookmarks.json`, verdicts in the
/// sidecar of each audited plan (see [`sidecar::sidecar_path`]).
#[derive(Debug)]
pub struct FileStore {
    data_dir: PathBuf,
    bookmarks: BookmarkFile,
}

impl FileStore {
    /// The store over the data folder `data_dir` (usually [`dirs::data_dir`]).
    pub fn new(data_dir: PathBuf) -> Self {
        FileStore {
            bookmarks: BookmarkFile::new(data_dir.join("bookmarks.json")),
            data_dir,
        }
    }

    /// Reads the bookmarks (see [`BookmarkFile::load`]).
    pub fn load_bookmarks(&mut self) -> (Bookmarks, Option<String>) {
        self.bookmarks.load()
    }
}

impl Store for FileStore {
    fn save_bookmarks(&mut self, bookmarks: &Bookmarks) -> Result<(), BookmarkError> {
        self.bookmarks.save(bookmarks)
    }

    fn load_verdicts(&mut self, plan_source: &str) -> (VerdictFile, Option<String>) {
        VerdictFile::load(&sidecar::sidecar_path(
            Path::new(plan_source),
            &self.data_dir,
        ))
    }

    fn save_verdict(
        &mut self,
        file: &mut VerdictFile,
        change: &VerdictChange,
    ) -> Result<(), VerdictError> {
        file.set(change)
    }

    fn handoff_path(&self, source: &str, name: &str) -> PathBuf {
        handoff::handoff_path(Path::new(source), name, &self.data_dir)
    }

    fn write_handoff(&mut self, path: &Path, bytes: &[u8], replace: bool) -> io::Result<Written> {
        handoff::write(path, bytes, replace)
    }
}
