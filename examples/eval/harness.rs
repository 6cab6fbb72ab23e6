//! The labelled evaluation: reads `tests/fixtures/eval/labels/*.json`, runs the audit and the
//! comparison on each pair, and scores them against the labels. Shared by `examples/eval` (the
//! table) and `tests/eval.rs` (the floors); it knows nothing of how the engine decides.

use std::path::{Path, PathBuf};

use planlens::compare::align::{align, choose_part};
use planlens::compare::audit::{Audit, ItemAudit, Status, audit};
use planlens::model::{Node, Part, Report};
use planlens::text::normalize::fold_str;
use serde::{Deserialize, Serialize};

/// One labels file.
#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Labels {
    Audit(AuditLabels),
    Compare(CompareLabels),
}

#[derive(Debug, Deserialize)]
pub struct AuditLabels {
    pub name: String,
    #[serde(default)]
    pub held_out: bool,
    pub plan: String,
    pub summary: String,
    pub items: Vec<ItemLabel>,
}

#[derive(Debug, Deserialize)]
pub struct ItemLabel {
    pub item: String,
    pub status: LabelStatus,
    #[serde(default)]
    pub how: Option<String>,
    #[serde(default)]
    pub evidence: Vec<String>,
    #[serde(default)]
    pub targets: Vec<TargetLabel>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelStatus {
    Reported,
    Partial,
    NotMentioned,
}

#[derive(Debug, Deserialize)]
pub struct TargetLabel {
    pub plan: String,
    pub reported: Option<String>,
    pub met: Option<bool>,
}

#[derive(Debug, Deserialize)]
pub struct CompareLabels {
    pub name: String,
    pub left: String,
    pub left_part: String,
    pub right: String,
    pub right_part: String,
    pub pairs: Vec<PairLabel>,
    #[serde(default)]
    pub forbidden: Vec<PairLabel>,
}

#[derive(Debug, Deserialize)]
pub struct PairLabel {
    pub left: String,
    pub right: String,
}

/// The counts of one audit pair (or of several, added up); the rates are methods.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AuditScore {
    pub name: String,
    pub held_out: bool,
    pub items: usize,
    /// Items labelled reported or partial.
    pub delivered: usize,
    /// Of those, the ones given reported/partial with a labelled evidence sentence shown.
    pub cited: usize,
    /// Items labelled not mentioned.
    pub silent: usize,
    /// Of those, the ones given another status.
    pub alarms: usize,
    /// Items whose status is the label's.
    pub agreed: usize,
    /// Labelled targets found with the same reported figure and verdict.
    pub targets_found: usize,
    /// Labelled targets plus the engine's targets that match none (a name read as a target).
    pub targets_total: usize,
    /// Per item: what went wrong, for the detail view (empty for a held-out pair).
    #[serde(skip)]
    pub misses: Vec<String>,
}

impl AuditScore {
    pub fn evidence_recall(&self) -> f64 {
        ratio(self.cited, self.delivered, 1.0)
    }
    pub fn false_alarms(&self) -> f64 {
        ratio(self.alarms, self.silent, 0.0)
    }
    pub fn status_agreement(&self) -> f64 {
        ratio(self.agreed, self.items, 1.0)
    }
    pub fn target_agreement(&self) -> f64 {
        ratio(self.targets_found, self.targets_total, 1.0)
    }

    /// These counts and another pair's, added up.
    pub fn add(&mut self, other: &AuditScore) {
        self.items += other.items;
        self.delivered += other.delivered;
        self.cited += other.cited;
        self.silent += other.silent;
        self.alarms += other.alarms;
        self.agreed += other.agreed;
        self.targets_found += other.targets_found;
        self.targets_total += other.targets_total;
    }
}

/// The figures of one comparison pair.
#[derive(Debug, Clone, Serialize)]
pub struct CompareScore {
    pub name: String,
    pub pairs: usize,
    /// Labelled pairs the alignment makes, over labelled pairs.
    pub pair_recall: f64,
    /// Forbidden pairs the alignment makes.
    pub forbidden_made: usize,
    #[serde(skip)]
    pub misses: Vec<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct Scores {
    pub audit: Vec<AuditScore>,
    pub compare: Vec<CompareScore>,
}

/// The repository root (where the labels live), whatever the current directory.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Scores every labels file under `root/tests/fixtures/eval/labels`, in file-name order.
pub fn evaluate(root: &Path) -> Result<Scores, String> {
    let dir = root.join("tests/fixtures/eval/labels");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut scores = Scores::default();
    for file in files {
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let labels: Labels =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        let place = |e: String| format!("{}: {e}", file.display());
        match labels {
            Labels::Audit(l) => scores.audit.push(score_audit(root, &l).map_err(place)?),
            Labels::Compare(l) => scores.compare.push(score_compare(root, &l).map_err(place)?),
        }
    }
    Ok(scores)
}

/// A bundled report by name, or a file relative to the repository root.
fn open(root: &Path, name: &str) -> Result<Report, String> {
    match planlens::bundled::find(name) {
        Some(bundled) => bundled.report().map_err(|e| e.to_string()),
        None => planlens::load::load_report(&root.join(name)).map_err(|e| e.to_string()),
    }
}

fn score_audit(root: &Path, labels: &AuditLabels) -> Result<AuditScore, String> {
    let plan = open(root, &labels.plan)?;
    let summary = open(root, &labels.summary)?;
    let result: Audit = audit(&plan, &summary).map_err(|e| e.to_string())?;
    let mut delivered = (0, 0);
    let mut silent = (0, 0);
    let mut agreed = 0;
    let mut targets = (0, 0);
    let mut misses = Vec::new();
    for label in &labels.items {
        let item = find_item(&result, &label.item)?;
        let status = engine_status(item.status);
        let cited = item
            .evidence
            .iter()
            .any(|e| label.evidence.iter().any(|l| same_sentence(&e.sentence, l)));
        match label.status {
            LabelStatus::NotMentioned => {
                silent.1 += 1;
                if status != LabelStatus::NotMentioned {
                    silent.0 += 1;
                }
            }
            _ => {
                delivered.1 += 1;
                if status != LabelStatus::NotMentioned && cited {
                    delivered.0 += 1;
                }
            }
        }
        if status == label.status {
            agreed += 1;
        }
        let (found, spurious) = target_agreement(item, &label.targets);
        targets.0 += found;
        targets.1 += label.targets.len() + spurious;
        let mut wrong = Vec::new();
        if status != label.status {
            wrong.push(format!("status {status:?}, label {:?}", label.status));
        }
        if label.status != LabelStatus::NotMentioned && !cited {
            wrong.push("no labelled evidence shown".to_string());
        }
        if found < label.targets.len() || spurious > 0 {
            wrong.push(format!(
                "targets {found}/{} found, {spurious} not labelled: {} | labelled: {}",
                label.targets.len(),
                item.targets
                    .iter()
                    .map(|t| format!("{}→{:?} {:?}", t.plan, t.reported, t.met))
                    .collect::<Vec<_>>()
                    .join("; "),
                label
                    .targets
                    .iter()
                    .map(|t| format!("{}→{:?} {:?}", t.plan, t.reported, t.met))
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
        if !wrong.is_empty() && !labels.held_out {
            let commitments: Vec<String> = item
                .commitments
                .iter()
                .map(|c| {
                    let mark = if c.evidence.is_some() { "✓" } else { "✗" };
                    format!("{mark}{}{}", if c.main { "*" } else { "" }, c.text)
                })
                .collect();
            misses.push(format!(
                "{} {}{} [{}]: {}\n      {}",
                item.id,
                item.marker,
                item.title,
                label.how.as_deref().unwrap_or("-"),
                wrong.join("; "),
                commitments.join(" | ")
            ));
        }
    }
    Ok(AuditScore {
        name: labels.name.clone(),
        held_out: labels.held_out,
        items: labels.items.len(),
        delivered: delivered.1,
        cited: delivered.0,
        silent: silent.1,
        alarms: silent.0,
        agreed,
        targets_found: targets.0,
        targets_total: targets.1,
        misses,
    })
}

fn engine_status(status: Status) -> LabelStatus {
    match status {
        Status::Reported => LabelStatus::Reported,
        Status::Partial => LabelStatus::Partial,
        Status::NotMentioned => LabelStatus::NotMentioned,
    }
}

fn ratio(part: usize, whole: usize, empty: f64) -> f64 {
    if whole == 0 {
        empty
    } else {
        part as f64 / whole as f64
    }
}

/// The one audited item whose marker and title hold the key.
fn find_item<'a>(audit: &'a Audit, key: &str) -> Result<&'a ItemAudit, String> {
    let key = fold_str(key);
    let found: Vec<&ItemAudit> = audit
        .items
        .iter()
        .filter(|i| fold_str(&format!("{}{}", i.marker, i.title)).contains(&key))
        .collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(format!("no plan item matches `{key}`")),
        many => Err(format!("`{key}` matches {} plan items", many.len())),
    }
}

/// A shown sentence is the labelled one when either holds the other, folded.
pub fn same_sentence(shown: &str, label: &str) -> bool {
    let (shown, label) = (fold_str(shown), fold_str(label));
    !shown.is_empty() && !label.is_empty() && (shown.contains(&label) || label.contains(&shown))
}

/// Labelled targets the engine gets right (plan figure, reported figure and verdict), and the
/// engine's targets that match no labelled one.
fn target_agreement(item: &ItemAudit, labels: &[TargetLabel]) -> (usize, usize) {
    let found = labels
        .iter()
        .filter(|label| {
            item.targets.iter().any(|t| {
                holds_figure(&t.plan, &label.plan)
                    && match (&t.reported, &label.reported) {
                        (Some(r), Some(l)) => holds_figure(r, l),
                        (None, None) => true,
                        _ => false,
                    }
                    && t.met == label.met
            })
        })
        .count();
    let spurious = item
        .targets
        .iter()
        .filter(|t| !labels.iter().any(|l| holds_figure(&t.plan, &l.plan)))
        .count();
    (found, spurious)
}

/// Whether `text` (`不少于20个`) holds the figure (`20个`) as a whole number: not as the end of
/// a longer one (`120个`).
pub fn holds_figure(text: &str, figure: &str) -> bool {
    let (text, figure) = (fold_str(text), fold_str(figure));
    text.match_indices(&figure).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        !before.is_some_and(|c| {
            c.is_ascii_digit() || c == '.' || "零〇一二两三四五六七八九十百千".contains(c)
        })
    })
}

fn score_compare(root: &Path, labels: &CompareLabels) -> Result<CompareScore, String> {
    let (left, right) = (open(root, &labels.left)?, open(root, &labels.right)?);
    let left_part = choose_part(&left, Some(&labels.left_part))?;
    let right_part = choose_part(&right, Some(&labels.right_part))?;
    let alignment = align(left_part, right_part);
    let paired = |l: &str, r: &str| {
        alignment
            .pairs
            .iter()
            .any(|p| p.left.as_deref() == Some(l) && p.right.as_deref() == Some(r))
    };
    let mut misses = Vec::new();
    let mut found = 0;
    let mut forbidden_made = 0;
    let labelled = labels.pairs.iter().map(|p| (p, true));
    let forbidden = labels.forbidden.iter().map(|p| (p, false));
    for (pair, wanted) in labelled.chain(forbidden) {
        let l = find_node(left_part, &pair.left)?;
        let r = find_node(right_part, &pair.right)?;
        let made = paired(&l.id, &r.id);
        let what = match (wanted, made) {
            (true, true) => {
                found += 1;
                continue;
            }
            (true, false) => "apart",
            (false, true) => {
                forbidden_made += 1;
                "forbidden made"
            }
            (false, false) => continue,
        };
        misses.push(format!(
            "{what}: {} {}{} | {} {}{}",
            l.id, l.marker, l.title, r.id, r.marker, r.title
        ));
    }
    Ok(CompareScore {
        name: labels.name.clone(),
        pairs: labels.pairs.len(),
        pair_recall: ratio(found, labels.pairs.len(), 1.0),
        forbidden_made,
        misses,
    })
}

/// The one node of the part whose marker and title hold the key.
fn find_node<'a>(part: &'a Part, key: &str) -> Result<&'a Node, String> {
    let folded = fold_str(key);
    let found: Vec<&Node> = part
        .nodes
        .iter()
        .flat_map(Node::walk)
        .filter(|n| fold_str(&format!("{}{}", n.marker, n.title)).contains(&folded))
        .collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(format!("no node of part {} matches `{key}`", part.id)),
        many => Err(format!(
            "`{key}` matches {} nodes of part {}",
            many.len(),
            part.id
        )),
    }
}
