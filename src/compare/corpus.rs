//! Many reports at once: their units (plan items or sections of one part kind) and the term
//! vectors of those units, for the matrix (topics) and the recurring threads. [`terms`] is the one
//! place these views read the term layer, so another term source is swapped in there. No UI text.

use crate::compare::similarity::{Bigram, Idf, Vector};
use crate::compare::terms::content_bigrams;
use crate::model::{Node, PartKind, Report};

/// What a unit of a part is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnitKind {
    /// The leaves of the part: the numbered items (the units the audit judges).
    #[default]
    Item,
    /// The part's top-level sections, with everything under them.
    Section,
}

/// One item or section of one report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Index of the report in the slice the units were taken from.
    pub report: usize,
    /// The node id (`p2.3.1`).
    pub id: String,
    pub marker: String,
    pub title: String,
    /// Everything the unit says (titles and texts, its own and its descendants'), for matching.
    pub text: String,
}

/// The units of the first part of `kind` of each report, report by report in document order.
/// A report without such a part has none.
pub fn units(reports: &[&Report], kind: PartKind, unit: UnitKind) -> Vec<Unit> {
    let mut units = Vec::new();
    for (r, report) in reports.iter().enumerate() {
        let Some(part) = report.part_of_kind(kind) else {
            continue;
        };
        let nodes: Vec<&Node> = match unit {
            UnitKind::Item => part.nodes.iter().flat_map(Node::leaves).collect(),
            UnitKind::Section => part.nodes.iter().collect(),
        };
        units.extend(nodes.into_iter().map(|node| {
            Unit {
                report: r,
                id: node.id.clone(),
                marker: node.marker.clone(),
                title: node.title.clone(),
                text: node
                    .walk()
                    .flat_map(|n| [n.title.as_str(), n.text.as_str()])
                    .collect::<Vec<_>>()
                    .join("\n"),
            }
        }));
    }
    units
}

/// The terms of a set of texts: each text's content terms, their weights over these texts and
/// the background of real reports, and each text's weighted vector.
#[derive(Debug, Clone)]
pub struct Terms {
    pub grams: Vec<Vec<Bigram>>,
    pub idf: Idf,
    pub vectors: Vec<Vector>,
}

/// THE adapter onto the term layer: content bigrams (generic words and figures out), IDF with
/// the background counts, TF-IDF vectors.
pub fn terms(texts: &[&str]) -> Terms {
    let grams: Vec<Vec<Bigram>> = texts.iter().map(|t| content_bigrams(t)).collect();
    let idf = Idf::with_background(grams.iter().map(Vec::as_slice));
    let vectors = grams.iter().map(|g| Vector::new(g, &idf)).collect();
    Terms {
        grams,
        idf,
        vectors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::BUNDLED;

    #[test]
    fn items_are_the_leaves_and_sections_hold_their_items() {
        let guangming = BUNDLED[0].report().unwrap();
        let longgang = BUNDLED[1].report().unwrap();
        let reports = [&guangming, &longgang];
        let items = units(&reports, PartKind::Plan, UnitKind::Item);
        assert_eq!(items[0].id, "p2.1.1");
        assert!(items[0].title.starts_with("加强数字光明顶层设计"));
        assert!(items.iter().any(|u| u.report == 1 && u.id == "p2.6.4"));
        let sections = units(&reports, PartKind::Plan, UnitKind::Section);
        assert_eq!(sections.iter().filter(|u| u.report == 0).count(), 5);
        assert!(sections[0].text.contains("政务信息化项目统筹管理"));
        let summaries = units(&reports, PartKind::Summary, UnitKind::Section);
        assert_eq!(summaries[0].id, "p1.1");
    }

    #[test]
    fn the_same_subject_in_other_words_is_nearer_than_another_subject() {
        let t = terms(&[
            "持续推进公共数据治理和授权运营,释放公共数据价值",
            "推进公共数据授权运营试点改革,加快释放数据要素价值",
            "升级区民意速办平台,完善快处快裁机制",
        ]);
        let near = t.vectors[0].cosine(&t.vectors[1]);
        assert!(near > 3.0 * t.vectors[0].cosine(&t.vectors[2]), "{near}");
    }
}
