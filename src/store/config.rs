//! The user's settings in `config.json`, typed: every key optional, a value of the wrong kind an
//! error that names the file and place. Depends only on `store::regular`.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::regular::{self, ReadError};

/// Settings read from `config.json`.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// The terminal draws “ ” × · — … two cells wide.
    pub ambiguous_wide: bool,
    /// `"dark"` (the default) or `"light"`.
    pub theme: Option<ThemeName>,
}

/// The colour themes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
}

/// Reads `config.json` in `dir`; a missing file is the default, an unreadable or invalid one an
/// error naming it (`FILE:LINE:COLUMN: invalid config: …`).
pub fn load_config(dir: &Path) -> Result<Config, String> {
    let path = dir.join("config.json");
    match regular::read_regular(&path, regular::MAX_STORE_BYTES) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
            format!(
                "{}:{}:{}: invalid config: {e}",
                path.display(),
                e.line(),
                e.column()
            )
        }),
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(format!("{}: cannot read: {e}", path.display())),
    }
}

/// The user's related-terms file in the config folder: groups added to the built-in lexicon
/// (`data/matching/related-terms.lst`, same format).
pub const RELATED_TERMS_FILE: &str = "related-terms.lst";

/// The text of the user's related-terms file in `dir`, `None` when there is none; an unreadable
/// one (not a regular file, not UTF-8) is an error naming it.
pub fn load_related_terms(dir: &Path) -> Result<Option<String>, String> {
    let path = dir.join(RELATED_TERMS_FILE);
    let cannot_read = |e: &dyn std::fmt::Display| format!("{}: cannot read: {e}", path.display());
    match regular::read_regular(&path, regular::MAX_STORE_BYTES) {
        Ok(bytes) => String::from_utf8(bytes)
            .map(Some)
            .map_err(|e| cannot_read(&e)),
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(cannot_read(&e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_defaults_and_errors() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load_config(dir.path()), Ok(Config::default()));
        std::fs::write(
            dir.path().join("config.json"),
            br#"{"ambiguous_wide": true, "theme": "light"}"#,
        )
        .unwrap();
        let config = load_config(dir.path()).unwrap();
        assert!(config.ambiguous_wide);
        assert_eq!(config.theme, Some(ThemeName::Light));
        std::fs::write(dir.path().join("config.json"), b"{").unwrap();
        assert!(
            load_config(dir.path())
                .unwrap_err()
                .contains("config.json:1:")
        );
        std::fs::write(dir.path().join("config.json"), br#"{"theme": "solarized"}"#).unwrap();
        let error = load_config(dir.path()).unwrap_err();
        assert!(
            error.contains("config.json:1:") && error.contains("solarized"),
            "{error}"
        );
    }

    #[test]
    fn related_terms_are_read_only_from_a_regular_utf8_file() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load_related_terms(dir.path()), Ok(None));
        let path = dir.path().join(RELATED_TERMS_FILE);
        std::fs::write(&path, "城运中心 / 城市大脑指挥\n").unwrap();
        assert_eq!(
            load_related_terms(dir.path()),
            Ok(Some("城运中心 / 城市大脑指挥\n".to_string()))
        );
        std::fs::write(&path, b"\xB3\xC7\xD4\xCB").unwrap();
        let error = load_related_terms(dir.path()).unwrap_err();
        assert!(error.contains("related-terms.lst: cannot read"), "{error}");
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir(&path).unwrap();
        let error = load_related_terms(dir.path()).unwrap_err();
        assert!(error.contains("it is a directory"), "{error}");
    }
}
