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
/// one is an error naming it.
pub fn load_related_terms(dir: &Path) -> Result<Option<String>, String> {
    let path = dir.join(RELATED_TERMS_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{}: cannot read: {e}", path.display())),
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
}
