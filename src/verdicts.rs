//! Auditor verdicts on plan items (已落实 / 部分落实 / 未落实 / 待核实, with a note) in a sidecar
//! JSON beside the plan report, saved atomically on every change. No UI types.
//!
//! The sidecar (`planlens.verdicts/1`) keys each verdict by the plan node id and a hash of the
//! item's text, so when the report is edited or re-imported and an item's text changes, its
//! verdict shows as stale instead of silently applying to different words. In JSON a verdict is
//! its stable English key (`done`, `partial`, `not_done`, `unverified`); [`Verdict::label`] is
//! the Chinese label shown to auditors, and [`Verdict::from_str`] reads either.
//!
//! ```json
//! {
//!   "schema": "planlens.verdicts/1",
//!   "verdicts": [
//!     {"id": "p2.1.1", "hash": "9f0c1e2a3b4d5e6f", "verdict": "done", "note": "见区政府公告",
//!      "item": "建成区级政务智算中心。确保6月底前…"}
//!   ]
//! }
//! ```
//!
//! A missing sidecar is an empty one. A corrupt one is reported in one line
//! (`FILE:LINE:COLUMN: …`) and moved aside to `FILE.corrupt-SECONDS`, so no later save can
//! overwrite it; one that cannot be read or moved aside, or that has another schema, is left
//! alone and saving is refused.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{atomic, bundled, settings};

/// The value of the sidecar's `schema` key.
pub const SCHEMA: &str = "planlens.verdicts/1";
/// How the sidecar of `plan.json` (or `plan.txt`) is named: `plan.verdicts.json`.
pub const SIDECAR_SUFFIX: &str = ".verdicts.json";

/// An auditor's verdict on a plan item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// 已落实
    Done,
    /// 部分落实
    Partial,
    /// 未落实
    NotDone,
    /// 待核实
    Unverified,
}

impl Verdict {
    /// Every verdict, in the order a picker offers them.
    pub const ALL: [Verdict; 4] = [
        Verdict::Done,
        Verdict::Partial,
        Verdict::NotDone,
        Verdict::Unverified,
    ];

    /// The key in JSON: `done`, `partial`, `not_done`, `unverified`.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Done => "done",
            Verdict::Partial => "partial",
            Verdict::NotDone => "not_done",
            Verdict::Unverified => "unverified",
        }
    }

    /// The label auditors read: 已落实, 部分落实, 未落实, 待核实.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Done => "已落实",
            Verdict::Partial => "部分落实",
            Verdict::NotDone => "未落实",
            Verdict::Unverified => "待核实",
        }
    }
}

impl FromStr for Verdict {
    type Err = String;

    /// Reads a key (`done`) or a label (`已落实`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Verdict::ALL
            .into_iter()
            .find(|v| v.key() == s || v.label() == s)
            .ok_or_else(|| {
                format!("unknown verdict `{s}` (done/已落实, partial/部分落实, not_done/未落实, unverified/待核实)")
            })
    }
}

/// One item's verdict as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The plan node id.
    pub id: String,
    /// [`item_hash`] of the item text the verdict was given on.
    pub hash: String,
    pub verdict: Option<Verdict>,
    #[serde(default)]
    pub note: String,
    /// The start of that item text, for people reading the file.
    #[serde(default)]
    pub item: String,
}

/// What the sidecar holds for an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup<'a> {
    None,
    /// Given on this very text.
    Current(&'a Entry),
    /// Given on a different text under the same id: the report changed since.
    Stale(&'a Entry),
}

/// Why a verdict was not saved (the sidecar on disk is unchanged).
#[derive(Debug, thiserror::Error)]
pub enum VerdictError {
    #[error("{path}: verdicts not saved: {reason}")]
    Refused { path: PathBuf, reason: String },
    #[error("{path}: verdicts not saved: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The file as stored.
#[derive(Debug, Serialize, Deserialize)]
struct Sidecar {
    schema: String,
    verdicts: Vec<Entry>,
}

/// The verdicts of one plan report and the sidecar they are saved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerdictFile {
    path: PathBuf,
    entries: Vec<Entry>,
    /// Why saving would lose something (unreadable file, another schema, a corrupt file that
    /// could not be moved aside); `None` when saving is safe.
    refused: Option<String>,
}

/// Characters of the item kept in [`Entry::item`].
const EXCERPT_CHARS: usize = 30;

impl VerdictFile {
    /// Reads the sidecar at `path`. Missing: empty, no message. Anything else that keeps it
    /// from loading gives an empty file and a one-line message naming the file (see the module
    /// docs for what happens to the file).
    pub fn load(path: &Path) -> (VerdictFile, Option<String>) {
        let mut file = VerdictFile {
            path: path.to_path_buf(),
            entries: Vec::new(),
            refused: None,
        };
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (file, None),
            Err(e) => {
                let message = format!("{}: cannot read verdicts: {e}", path.display());
                file.refused = Some(message.clone());
                return (file, Some(message));
            }
        };
        match serde_json::from_slice::<Sidecar>(&bytes) {
            Ok(sidecar) if sidecar.schema == SCHEMA => {
                file.entries = sidecar.verdicts;
                (file, None)
            }
            Ok(sidecar) => {
                let message = format!(
                    "{}: unknown verdicts schema `{}` (this planlens reads `{SCHEMA}`); left as it is",
                    path.display(),
                    sidecar.schema
                );
                file.refused = Some(message.clone());
                (file, Some(message))
            }
            Err(e) => {
                let kept = match atomic::move_aside(path) {
                    Ok(aside) => format!("kept as {}", aside.display()),
                    Err(reason) => {
                        file.refused = Some(format!("corrupt file left in place: {reason}"));
                        format!("left in place ({reason}); saving is off")
                    }
                };
                let message = format!(
                    "{}:{}:{}: corrupt verdicts file ({e}); {kept}",
                    path.display(),
                    e.line(),
                    e.column()
                );
                (file, Some(message))
            }
        }
    }

    /// The sidecar this file saves to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every stored verdict, in the order they were first set.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The verdict for the item `id` whose text is now `item_text`.
    pub fn get(&self, id: &str, item_text: &str) -> Lookup<'_> {
        match self.entries.iter().find(|e| e.id == id) {
            Some(entry) if entry.hash == item_hash(item_text) => Lookup::Current(entry),
            Some(entry) => Lookup::Stale(entry),
            None => Lookup::None,
        }
    }

    /// Sets (or, with no verdict and an empty note, clears) the verdict of item `id` given on
    /// `item_text`, replacing any earlier one, stale or not, and saves the sidecar atomically.
    /// On error nothing changed, in memory or on disk.
    pub fn set(
        &mut self,
        id: &str,
        item_text: &str,
        verdict: Option<Verdict>,
        note: &str,
    ) -> Result<(), VerdictError> {
        let mut entries = self.entries.clone();
        let at = entries.iter().position(|e| e.id == id);
        let entry = Entry {
            id: id.to_string(),
            hash: item_hash(item_text),
            verdict,
            note: note.trim().to_string(),
            item: item_text.trim().chars().take(EXCERPT_CHARS).collect(),
        };
        let keep = verdict.is_some() || !entry.note.is_empty();
        match (at, keep) {
            (Some(at), true) => entries[at] = entry,
            (Some(at), false) => {
                entries.remove(at);
            }
            (None, true) => entries.push(entry),
            (None, false) => return Ok(()),
        }
        self.save(&entries)?;
        self.entries = entries;
        Ok(())
    }

    fn save(&self, entries: &[Entry]) -> Result<(), VerdictError> {
        if let Some(reason) = &self.refused {
            return Err(VerdictError::Refused {
                path: self.path.clone(),
                reason: reason.clone(),
            });
        }
        let io = |source| VerdictError::Io {
            path: self.path.clone(),
            source,
        };
        let sidecar = Sidecar {
            schema: SCHEMA.to_string(),
            verdicts: entries.to_vec(),
        };
        let mut json = serde_json::to_vec_pretty(&sidecar).map_err(|e| io(e.into()))?;
        json.push(b'\n');
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        atomic::write(&self.path, &json).map_err(io)
    }
}

/// A stable hash of an item's text (FNV-1a, 64 bits, as 16 hex digits), whitespace ignored so a
/// re-wrapped page keeps its verdicts.
pub fn item_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        let mut buf = [0; 4];
        for byte in c.encode_utf8(&mut buf).bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// Where the verdicts of a plan report live: beside it (`plan.json` → `plan.verdicts.json`), or,
/// for a bundled report named without a file, under the data folder
/// (`DATA/verdicts/NAME.verdicts.json`).
pub fn sidecar_path(plan_source: &Path) -> PathBuf {
    let bundled = (!plan_source.exists())
        .then(|| plan_source.to_str().and_then(bundled::find))
        .flatten();
    let sidecar_name = |name: &str| {
        let stem = Path::new(name)
            .file_stem()
            .map_or_else(|| name.to_string(), |s| s.to_string_lossy().into_owned());
        format!("{stem}{SIDECAR_SUFFIX}")
    };
    match bundled {
        Some(found) => settings::data_dir()
            .unwrap_or_else(|| PathBuf::from(".planlens"))
            .join("verdicts")
            .join(sidecar_name(found.name)),
        None => plan_source.with_file_name(sidecar_name(
            &plan_source
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_read_keys_and_labels() {
        for v in Verdict::ALL {
            assert_eq!(v.key().parse::<Verdict>(), Ok(v));
            assert_eq!(v.label().parse::<Verdict>(), Ok(v));
            assert_eq!(
                serde_json::to_string(&v).unwrap(),
                format!("\"{}\"", v.key())
            );
        }
        assert!("done!".parse::<Verdict>().is_err());
    }

    #[test]
    fn hash_ignores_whitespace_only() {
        assert_eq!(item_hash("建成 智算\n中心"), item_hash("建成智算中心"));
        assert_ne!(item_hash("建成智算中心"), item_hash("建成智算中心。"));
        assert_eq!(item_hash(""), "cbf29ce484222325");
    }

    #[test]
    fn sidecars_sit_beside_the_plan() {
        assert_eq!(
            sidecar_path(Path::new("/reports/plan.json")),
            Path::new("/reports/plan.verdicts.json")
        );
        assert_eq!(
            sidecar_path(Path::new("page.txt")),
            Path::new("page.verdicts.json")
        );
    }
}
