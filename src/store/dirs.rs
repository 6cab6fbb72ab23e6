//! Where the user's files live: the data folder and the config folder (the directories crate,
//! overridable by environment for tests and scripts). Depends on nothing in the crate.

use std::path::PathBuf;

/// The folder for planlens' data (bookmarks, verdicts of bundled reports): `$PLANLENS_DATA_DIR`,
/// else the platform's data folder, else `.planlens` in the working folder.
pub fn data_dir() -> PathBuf {
    std::env::var_os("PLANLENS_DATA_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("", "", "planlens").map(|d| d.data_dir().to_path_buf())
        })
        .unwrap_or_else(|| PathBuf::from(".planlens"))
}

/// The folder for the config file: `$PLANLENS_CONFIG_DIR`, else the platform's config folder.
pub fn config_dir() -> Option<PathBuf> {
    std::env::var_os("PLANLENS_CONFIG_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("", "", "planlens").map(|d| d.config_dir().to_path_buf())
        })
}
