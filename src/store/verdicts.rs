//! Auditor verdicts on plan items (done / partial / not done / unverified, with a note) in a
//! sidecar JSON file at a given path, saved atomically on every change. Depends only on
//! `store::atomic` and `store::regular`; the labels auditors read (已落实 …) are in `present::labels`.
//!
//! The sidecar keeps one verdict per plan item and summary: each is keyed by the plan node id, a
//! hash of the item's text, and the summary it was made against (its file name, title and year). When the report is edited or re-imported and an item's text
//! changes, its verdict shows as stale instead of silently applying to different words; audited
//! against another summary, an item's verdicts are listed as made against another summary,
//! never applied. In JSON a verdict is its stable English key (`done`, `partial`, `not_done`,
//! `unverified`).
//!
//! ```json
//! {
//!   "schema": "planlens.verdicts/2",
//!   "verdicts": [
//!     {"id": "p2.1.1", "hash": "9f0c1e2a3b4d5e6f", "verdict": "done", "note": "见区政府公告",
//!      "item": "建成区级政务智算中心。确保6月底前…",
//!      "summary": {"file": "minghu-zwsj-2025-2026.txt", "title": "明湖区…", "year": 2025},
//!      "rejected": [{"id": "p1.1.1", "text": "6月底前建成区级政务智算中心并投入使用。"}],
//!      "attached": [{"id": "p1.2.3", "text": "区级政务智算中心入选全省典型案例。"}]}
//!   ]
//! }
//! ```
//!
//! With a verdict go the auditor's corrections of its evidence ([`Corrections`]): suggested
//! sentences rejected and other sentences of the summary attached, each by node id and text, so a
//! sentence the summary no longer holds is noticed. They are written only when there are some,
//! and only then is the sidecar `planlens.verdicts/3` (a planlens that does not know them refuses
//! to save into it instead of dropping them); without any it stays `planlens.verdicts/2`.
//!
//! A `planlens.verdicts/1` sidecar (before verdicts named their summary) loads as it is: its
//! verdicts have no summary, so they are listed as made against another summary, and saving
//! writes version 2 with them kept.
//!
//! A missing sidecar is an empty one. A corrupt one is reported in one line
//! (`FILE:LINE:COLUMN: …`) and moved aside to `FILE.corrupt-SECONDS`, so no later save can
//! overwrite it; one that cannot be read or moved aside, or that has another schema, is left
//! alone and saving is refused.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic;
use super::regular::{self, ReadError};

/// The value of the sidecar's `schema` key when a verdict carries corrections of its evidence.
pub const SCHEMA: &str = "planlens.verdicts/3";
/// The schema of a sidecar without corrections (also read: it is version 3 without them).
pub const SCHEMA_V2: &str = "planlens.verdicts/2";
/// The earlier schema, still read: verdicts without their summary.
pub const SCHEMA_V1: &str = "planlens.verdicts/1";

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
}

/// The summary a verdict was made against: its file name (not the folder), title and year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryRef {
    pub file: String,
    pub title: String,
    pub year: Option<i32>,
}

impl SummaryRef {
    /// The summary read from `source` (a path or a bundled name: only its file name is kept).
    pub fn new(source: &str, title: &str, year: Option<i32>) -> Self {
        let file = Path::new(source)
            .file_name()
            .map_or_else(|| source.to_string(), |n| n.to_string_lossy().into_owned());
        SummaryRef {
            file,
            title: title.to_string(),
            year,
        }
    }

    /// The same summary: title and year, and the file name without its extension (a bundled
    /// report is `NAME` on the command line and `NAME.json` in the app; a page and its import
    /// are `NAME.txt` and `NAME.json`).
    pub fn same_as(&self, other: &SummaryRef) -> bool {
        let stem = |file: &str| {
            Path::new(file)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
        };
        self.title == other.title
            && self.year == other.year
            && stem(&self.file) == stem(&other.file)
    }
}

/// A sentence of the summary: the node (or part) id it is in and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceRef {
    pub id: String,
    pub text: String,
}

/// The auditor's corrections of an item's evidence against a summary.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Corrections {
    /// Suggested sentences that do not report the item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<SentenceRef>,
    /// Other sentences of the summary that do, in the order attached.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attached: Vec<SentenceRef>,
}

impl Corrections {
    pub fn is_empty(&self) -> bool {
        self.rejected.is_empty() && self.attached.is_empty()
    }
}

/// A verdict change to save: the item, the text the verdict is given on, the summary it is
/// made against, the verdict (none to clear it) and the note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerdictChange {
    pub id: String,
    pub item_text: String,
    pub summary: SummaryRef,
    pub verdict: Option<Verdict>,
    pub note: String,
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
    /// The summary the verdict was made against; `None` in a version 1 sidecar.
    #[serde(default)]
    pub summary: Option<SummaryRef>,
    /// The evidence as corrected against that summary (none before version 3).
    #[serde(flatten)]
    pub corrections: Corrections,
}

impl Entry {
    /// Whether the verdict was made against `summary`.
    pub fn made_against(&self, summary: &SummaryRef) -> bool {
        self.summary.as_ref().is_some_and(|s| s.same_as(summary))
    }
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
        atomic::remove_stale_temps(path);
        let bytes = match regular::read_regular(path, regular::MAX_STORE_BYTES) {
            Ok(bytes) => bytes,
            Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                return (file, None);
            }
            Err(e) => {
                let message = format!("{}: cannot read verdicts: {e}", path.display());
                file.refused = Some(message.clone());
                return (file, Some(message));
            }
        };
        match serde_json::from_slice::<Sidecar>(&bytes) {
            Ok(sidecar) if [SCHEMA, SCHEMA_V2, SCHEMA_V1].contains(&sidecar.schema.as_str()) => {
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

    /// Every stored verdict, in the order they were first set.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The verdict made against `summary` for the item `id` whose text is now `item_text`.
    pub fn get(&self, id: &str, item_text: &str, summary: &SummaryRef) -> Lookup<'_> {
        match self
            .entries
            .iter()
            .find(|e| e.id == id && e.made_against(summary))
        {
            Some(entry) if entry.hash == item_hash(item_text) => Lookup::Current(entry),
            Some(entry) => Lookup::Stale(entry),
            None => Lookup::None,
        }
    }

    /// The item's verdicts made against other summaries (or, from a version 1 sidecar, against
    /// an unrecorded one), in the order they were set.
    pub fn others<'a>(
        &'a self,
        id: &'a str,
        summary: &'a SummaryRef,
    ) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries
            .iter()
            .filter(move |e| e.id == id && !e.made_against(summary))
    }

    /// A copy in which the evidence corrections of the item `id` (whose text is now
    /// `item_text`) against `summary` are `corrections`, not saved yet: `set` saves them with
    /// the item's verdict and note, the one way a change is saved. An entry given on an earlier
    /// text is replaced, as `set` replaces it.
    pub fn with_corrections(
        &self,
        id: &str,
        item_text: &str,
        summary: &SummaryRef,
        corrections: Corrections,
    ) -> VerdictFile {
        let mut copy = self.clone();
        let hash = item_hash(item_text);
        let at = copy
            .entries
            .iter()
            .position(|e| e.id == id && e.made_against(summary));
        match at.map(|at| &mut copy.entries[at]) {
            Some(entry) if entry.hash == hash => entry.corrections = corrections,
            found => {
                let entry = Entry {
                    id: id.to_string(),
                    hash,
                    verdict: None,
                    note: String::new(),
                    item: excerpt(item_text),
                    summary: Some(summary.clone()),
                    corrections,
                };
                match found {
                    Some(stale) => *stale = entry,
                    None => copy.entries.push(entry),
                }
            }
        }
        copy
    }

    /// Sets (or, with no verdict, an empty note and no corrections, clears) the verdict of the
    /// change's item against its summary, replacing any earlier one against that summary, stale
    /// or not (the corrections of its evidence are kept unless it was stale), and saves the
    /// sidecar atomically. On error nothing changed, in memory or on disk.
    pub fn set(&mut self, change: &VerdictChange) -> Result<(), VerdictError> {
        self.set_all(std::slice::from_ref(change))
    }

    /// Sets several verdicts as [`VerdictFile::set`] sets one (a workbook read back), saved
    /// once: all of them or, on error, none.
    pub fn set_all(&mut self, changes: &[VerdictChange]) -> Result<(), VerdictError> {
        let mut entries = self.entries.clone();
        let mut touched = false;
        for change in changes {
            touched |= apply(&mut entries, change);
        }
        if !touched {
            return Ok(());
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
        let corrected = entries.iter().any(|e| !e.corrections.is_empty());
        let sidecar = Sidecar {
            schema: if corrected { SCHEMA } else { SCHEMA_V2 }.to_string(),
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

/// One change applied to the entries: replaces the item's entry against the change's summary
/// (keeping its evidence corrections unless it was stale), adds one, or removes it (no verdict,
/// an empty note and no corrections); false when there was nothing to set or remove.
fn apply(entries: &mut Vec<Entry>, change: &VerdictChange) -> bool {
    let at = entries
        .iter()
        .position(|e| e.id == change.id && e.made_against(&change.summary));
    let hash = item_hash(&change.item_text);
    let corrections = at
        .map(|at| &entries[at])
        .filter(|e| e.hash == hash)
        .map(|e| e.corrections.clone())
        .unwrap_or_default();
    let entry = Entry {
        id: change.id.clone(),
        hash,
        verdict: change.verdict,
        note: change.note.trim().to_string(),
        item: excerpt(&change.item_text),
        summary: Some(change.summary.clone()),
        corrections,
    };
    let keep = entry.verdict.is_some() || !entry.note.is_empty() || !entry.corrections.is_empty();
    match (at, keep) {
        (Some(at), true) => entries[at] = entry,
        (Some(at), false) => {
            entries.remove(at);
        }
        (None, true) => entries.push(entry),
        (None, false) => return false,
    }
    true
}

/// The start of an item's text, kept in [`Entry::item`].
fn excerpt(item_text: &str) -> String {
    item_text.trim().chars().take(EXCERPT_CHARS).collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_are_their_keys_in_json() {
        for v in Verdict::ALL {
            assert_eq!(
                serde_json::to_string(&v).unwrap(),
                format!("\"{}\"", v.key())
            );
        }
    }

    #[test]
    fn a_summary_is_its_file_stem_title_and_year() {
        let summary = SummaryRef::new("/a/b/minghu-2025.txt", "明湖区2025年工作总结", Some(2025));
        assert_eq!(summary.file, "minghu-2025.txt");
        let same = SummaryRef::new("minghu-2025.json", "明湖区2025年工作总结", Some(2025));
        assert!(summary.same_as(&same));
        for other in [
            SummaryRef::new("minghu-2025.txt", "明湖区2025年工作总结", Some(2024)),
            SummaryRef::new("minghu-2025.txt", "光明区2025年工作总结", Some(2025)),
            SummaryRef::new("mirror.txt", "明湖区2025年工作总结", Some(2025)),
        ] {
            assert!(!summary.same_as(&other), "{other:?}");
        }
    }

    /// Corrections are staged on a copy and saved with the verdict; a verdict set later keeps
    /// them; the file says version 3 only while some verdict carries them.
    #[test]
    fn corrections_are_saved_with_the_verdict_and_kept_by_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.verdicts.json");
        let (mut file, _) = VerdictFile::load(&path);
        let summary = SummaryRef::new("s.txt", "明湖区2025年工作总结", Some(2025));
        let change = |verdict| VerdictChange {
            id: "p2.1.1".into(),
            item_text: "建成智算中心。".into(),
            summary: summary.clone(),
            verdict,
            note: String::new(),
        };
        let sentence = SentenceRef {
            id: "p1.1.1".into(),
            text: "智算中心建成。".into(),
        };
        let corrections = Corrections {
            rejected: vec![sentence.clone()],
            attached: Vec::new(),
        };
        let mut staged = file.with_corrections("p2.1.1", "建成智算中心。", &summary, corrections);
        assert_eq!(
            VerdictFile::load(&path).0.entries().len(),
            0,
            "not saved yet"
        );
        staged.set(&change(None)).unwrap();
        let schema = |path: &Path| {
            let json: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            json["schema"].as_str().map(str::to_string)
        };
        assert_eq!(schema(&path).as_deref(), Some(SCHEMA));
        staged.set(&change(Some(Verdict::Done))).unwrap();
        let (loaded, _) = VerdictFile::load(&path);
        assert_eq!(loaded.entries()[0].corrections.rejected, vec![sentence]);
        assert_eq!(loaded.entries()[0].verdict, Some(Verdict::Done));
        // a stale entry's corrections are not carried to the new text
        let mut edited = change(Some(Verdict::Done));
        edited.item_text = "建成智算中心二期。".into();
        file = loaded;
        file.set(&edited).unwrap();
        assert!(file.entries()[0].corrections.is_empty());
        assert_eq!(schema(&path).as_deref(), Some(SCHEMA_V2));
    }

    #[test]
    fn hash_ignores_whitespace_only() {
        assert_eq!(item_hash("建成 智算\n中心"), item_hash("建成智算中心"));
        assert_ne!(item_hash("建成智算中心"), item_hash("建成智算中心。"));
        assert_eq!(item_hash(""), "cbf29ce484222325");
    }
}
