//! The user's files: where they live (directories crate, overridable by environment for tests),
//! the config (`config.json`), the bookmarks (`bookmarks.json`, saved atomically; a corrupt one is
//! moved aside and reported, never overwritten), and the run loop's `Store` over them and the
//! verdict sidecars.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic;
use crate::tui::app::Bookmarks;
use crate::tui::audit::VerdictChange;
use crate::tui::run::Store;
use crate::verdicts::{self, VerdictFile};

/// The folder for planlens' data: `$PLANLENS_DATA_DIR`, else the platform's data folder.
pub fn data_dir() -> Option<PathBuf> {
    std::env::var_os("PLANLENS_DATA_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("", "", "planlens").map(|d| d.data_dir().to_path_buf())
        })
}

/// The folder for the config file: `$PLANLENS_CONFIG_DIR`, else the platform's config folder.
pub fn config_dir() -> Option<PathBuf> {
    std::env::var_os("PLANLENS_CONFIG_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("", "", "planlens").map(|d| d.config_dir().to_path_buf())
        })
}

/// Settings read from `config.json`; every key optional.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// The terminal draws “ ” × · — … two cells wide.
    pub ambiguous_wide: bool,
    /// `"dark"` (default) or `"light"`.
    pub theme: Option<String>,
}

/// Reads the config; a missing file is the default, an unreadable one an error naming it.
pub fn load_config(dir: &Path) -> Result<Config, String> {
    let path = dir.join("config.json");
    match std::fs::read(&path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
            format!(
                "{}:{}:{}: invalid config: {e}",
                path.display(),
                e.line(),
                e.column()
            )
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(format!("{}: cannot read: {e}", path.display())),
    }
}

/// The app's files: bookmarks in `bookmarks.json` in the data folder, verdicts in the sidecar
/// of each audited plan.
pub struct FileStore {
    pub path: PathBuf,
    /// Why saving bookmarks would overwrite something that could not be moved aside.
    refused: Option<String>,
}

impl FileStore {
    /// The store with bookmarks at `path`.
    pub fn new(path: PathBuf) -> Self {
        FileStore {
            path,
            refused: None,
        }
    }

    /// Reads the bookmarks. A corrupt file is moved aside (`bookmarks.json.corrupt-<secs>`) so it
    /// is never overwritten; the message says where it went.
    pub fn load(&mut self) -> (Bookmarks, Option<String>) {
        let bytes = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Bookmarks::new(), None),
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
}

impl Store for FileStore {
    fn load_verdicts(&mut self, plan_source: &str) -> (VerdictFile, Option<String>) {
        VerdictFile::load(&verdicts::sidecar_path(Path::new(plan_source)))
    }

    fn save_verdict(
        &mut self,
        file: &mut VerdictFile,
        change: &VerdictChange,
    ) -> Result<(), String> {
        file.set(&change.id, &change.item_text, change.verdict, &change.note)
            .map_err(|e| e.to_string())
    }

    fn save_bookmarks(&mut self, bookmarks: &Bookmarks) -> Result<(), String> {
        if let Some(why) = &self.refused {
            return Err(format!("书签未保存: {}: {why}", self.path.display()));
        }
        let json = serde_json::to_vec_pretty(bookmarks).map_err(|e| e.to_string())?;
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        atomic::write(&self.path, &json)
            .map_err(|e| format!("书签未保存: {}: {e}", self.path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bookmarks_round_trip_and_a_corrupt_file_is_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let mut file = FileStore::new(dir.path().join("planlens/bookmarks.json"));
        assert_eq!(file.load(), (Bookmarks::new(), None));
        let mut marks = Bookmarks::new();
        marks.insert("a.json".into(), vec!["p1.2".into()]);
        file.save_bookmarks(&marks).unwrap();
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

    #[test]
    fn config_defaults_and_errors() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load_config(dir.path()), Ok(Config::default()));
        std::fs::write(
            dir.path().join("config.json"),
            br#"{"ambiguous_wide": true}"#,
        )
        .unwrap();
        assert!(load_config(dir.path()).unwrap().ambiguous_wide);
        std::fs::write(dir.path().join("config.json"), b"{").unwrap();
        assert!(
            load_config(dir.path())
                .unwrap_err()
                .contains("config.json:1:")
        );
    }
}
