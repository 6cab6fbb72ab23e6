//! The user's files: where they live (directories crate, overridable by environment for tests),
//! the config (`config.json`), and the bookmarks (`bookmarks.json`, saved atomically; a corrupt
//! one is moved aside and reported, never overwritten).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic;
use crate::tui::app::Bookmarks;
use crate::tui::run::Store;

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

/// Bookmarks kept in `bookmarks.json` in the data folder.
pub struct BookmarkFile {
    pub path: PathBuf,
}

impl BookmarkFile {
    /// Reads the bookmarks. A corrupt file is moved aside (`bookmarks.json.corrupt-<secs>`) so it
    /// is never overwritten; the message says where it went.
    pub fn load(&self) -> (Bookmarks, Option<String>) {
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
                let secs = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs());
                let aside = self.path.with_extension(format!("json.corrupt-{secs}"));
                let kept = std::fs::rename(&self.path, &aside).map_or_else(
                    |_| "left in place".to_string(),
                    |_| format!("kept as {}", aside.display()),
                );
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

impl Store for BookmarkFile {
    fn save_bookmarks(&mut self, bookmarks: &Bookmarks) -> Result<(), String> {
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
        let mut file = BookmarkFile {
            path: dir.path().join("planlens/bookmarks.json"),
        };
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
