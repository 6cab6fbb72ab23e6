//! Search across reports, and the matching every search shares: a query folded as matching folds
//! (width, punctuation, quotes, script, pinyin glosses: 一网统管 finds 一網(wǎng)統(tǒng)管), found in
//! every report as sentences with the byte range of the hit, grouped by report; an [`Index`]
//! folds the reports once for many queries. The reader's and the comparison's search find with
//! [`find`] too. Depends on model and text only.

use std::ops::Range;
use std::sync::Arc;

use crate::model::{Node, Report};
use crate::text::chars::ends_sentence;
use crate::text::normalize::fold;

/// The id of hits in a report's opening paragraph (before its first part).
pub const PREAMBLE_ID: &str = "preamble";

/// One place a query was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The node id, the part id (its heading or paragraph), or [`PREAMBLE_ID`].
    pub id: String,
    /// The headings from the part down to the node the hit is in (marker and title), outermost
    /// first; empty in the opening paragraph. Shared by the hits of a heading or paragraph.
    pub path: Arc<[String]>,
    /// The sentence the hit is in, as written (a heading is one sentence).
    pub sentence: String,
    /// The byte range of the hit in `sentence`.
    pub range: Range<usize>,
}

/// The hits of one report, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportHits {
    /// The report's position among those searched.
    pub report: usize,
    pub hits: Vec<Hit>,
}

/// The query folded for matching (empty when it is only blanks).
pub fn needle(query: &str) -> Vec<char> {
    fold(query).chars
}

/// Every occurrence of a folded `needle` in `text`, left to right and not overlapping, as byte
/// ranges of `text` (a hit may span what folding drops: a line break, a pinyin gloss).
pub fn find(text: &str, needle: &[char]) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    let folded = fold(text);
    occurrences(&folded.chars, needle)
        .map(|range| folded.source_range(range))
        .collect()
}

/// Where `needle` occurs in `hay`, left to right and not overlapping, as ranges of `hay`.
fn occurrences<'a>(hay: &'a [char], needle: &'a [char]) -> impl Iterator<Item = Range<usize>> + 'a {
    let mut at = 0;
    std::iter::from_fn(move || {
        let first = *needle.first()?;
        while at + needle.len() <= hay.len() {
            let start = at + hay[at..].iter().position(|&c| c == first)?;
            let end = start + needle.len();
            if hay.get(start..end) == Some(needle) {
                at = end;
                return Some(start..end);
            }
            at = start + 1;
        }
        None
    })
}

/// Reports folded once for searching: building the index is most of the work (every heading
/// and paragraph folded with its map back); each query then only scans folded characters.
#[derive(Debug, Clone, Default)]
pub struct Index {
    reports: Vec<Vec<Unit>>,
}

/// A heading or a paragraph of a report, folded.
#[derive(Debug, Clone)]
struct Unit {
    /// The node or part id, or [`PREAMBLE_ID`].
    id: String,
    /// The headings down to the unit's node.
    path: Arc<[String]>,
    /// A heading is one sentence; a paragraph is cut into sentences around its hits.
    heading: bool,
    text: String,
    folded: Vec<char>,
    /// Where in `text` each folded character starts.
    starts: Vec<usize>,
}

impl Unit {
    fn new(id: &str, path: &Arc<[String]>, heading: bool, text: String) -> Self {
        let folded = fold(&text);
        Unit {
            id: id.to_string(),
            path: Arc::clone(path),
            heading,
            folded: folded.chars,
            starts: folded.sources.into_iter().map(|s| s.start).collect(),
            text,
        }
    }

    /// The byte range of `text` that folded characters `range` (not empty) came from.
    fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.starts[range.start];
        let last = self.starts[range.end - 1];
        let last_len = self.text[last..].chars().next().map_or(0, char::len_utf8);
        start..last + last_len
    }

    fn hits<'a>(&'a self, needle: &'a [char]) -> impl Iterator<Item = Hit> + 'a {
        occurrences(&self.folded, needle).map(|range| {
            let range = self.source_range(range);
            let sentence = if self.heading {
                0..self.text.len()
            } else {
                sentence_around(&self.text, &range)
            };
            Hit {
                id: self.id.clone(),
                path: self.path.clone(),
                sentence: self.text[sentence.clone()].to_string(),
                range: range.start - sentence.start..range.end - sentence.start,
            }
        })
    }
}

impl Index {
    /// Folds every report's opening paragraph, part headings and paragraphs, node headings
    /// (marker and title) and texts, in document order.
    pub fn new<'a>(reports: impl IntoIterator<Item = &'a Report>) -> Self {
        Index {
            reports: reports.into_iter().map(units).collect(),
        }
    }

    /// Every hit of `query`, grouped by report in the order indexed; reports without a hit are
    /// left out.
    pub fn search(&self, query: &str) -> Vec<ReportHits> {
        let needle = needle(query);
        if needle.is_empty() {
            return Vec::new();
        }
        self.reports
            .iter()
            .enumerate()
            .filter_map(|(report, units)| {
                let hits: Vec<Hit> = units.iter().flat_map(|u| u.hits(&needle)).collect();
                (!hits.is_empty()).then_some(ReportHits { report, hits })
            })
            .collect()
    }
}

/// Every hit of `query` in `reports` (see [`Index::search`]), for a single query.
pub fn search<'a>(reports: impl IntoIterator<Item = &'a Report>, query: &str) -> Vec<ReportHits> {
    Index::new(reports).search(query)
}

/// The units of a report, in document order.
fn units(report: &Report) -> Vec<Unit> {
    let mut units = vec![Unit::new(
        PREAMBLE_ID,
        &Arc::from([]),
        false,
        report.preamble.clone(),
    )];
    let mut path = Vec::new();
    for part in &report.parts {
        path.push(part.heading.clone());
        let shared = Arc::from(path.as_slice());
        units.push(Unit::new(&part.id, &shared, true, part.heading.clone()));
        units.push(Unit::new(&part.id, &shared, false, part.text.clone()));
        for node in &part.nodes {
            node_units(node, &mut path, &mut units);
        }
        path.pop();
    }
    units.retain(|u| !u.folded.is_empty());
    units
}

fn node_units(node: &Node, path: &mut Vec<String>, units: &mut Vec<Unit>) {
    let heading = format!("{}{}", node.marker, node.title);
    path.push(heading.clone());
    let shared = Arc::from(path.as_slice());
    units.push(Unit::new(&node.id, &shared, true, heading));
    units.push(Unit::new(&node.id, &shared, false, node.text.clone()));
    for child in &node.children {
        node_units(child, path, units);
    }
    path.pop();
}

/// The byte range of the sentence of `text` that holds `hit`: from after the sentence end or
/// line break before it to its own sentence end (included) or line break, without the blanks
/// and the 　　 indent around it.
fn sentence_around(text: &str, hit: &Range<usize>) -> Range<usize> {
    let breaks = |c: char| ends_sentence(c) || c == '\n';
    let start = text[..hit.start]
        .char_indices()
        .rev()
        .find(|&(_, c)| breaks(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[hit.end..]
        .char_indices()
        .find(|&(_, c)| breaks(c))
        .map_or(text.len(), |(i, c)| {
            hit.end + i + if c == '\n' { 0 } else { c.len_utf8() }
        });
    let lead = text[start..hit.start].len() - text[start..hit.start].trim_start().len();
    let trail = text[hit.end..end].len() - text[hit.end..end].trim_end().len();
    start + lead..end - trail
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;

    #[test]
    fn simplified_finds_traditional_with_pinyin_glosses_and_width() {
        let text = "打造一網(wǎng)統(tǒng)管平台，推進“一网统管”";
        let found = find(text, &needle(" 一网统管 "));
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].clone()], "一網(wǎng)統(tǒng)管");
        assert_eq!(&text[found[1].clone()], "一网统管");
        // full-width digits and letters, punctuation of either width
        assert_eq!(
            find("ＣＩＭ平台（２.０）", &needle("cim平台(2.0)")).len(),
            1
        );
        assert!(find(text, &needle("  ")).is_empty());
    }

    #[test]
    fn a_hit_carries_its_sentence_and_where_it_is_in_it() {
        let text = "　　一是数字孪生科学城初显成效。全力推进CIM数字底座部署；搭建数据底板。\n　　二是数据要素价值加快释放";
        let sentence = |query: &str| {
            let range = find(text, &needle(query)).remove(0);
            &text[sentence_around(text, &range)]
        };
        assert_eq!(sentence("数字孪生"), "一是数字孪生科学城初显成效。");
        assert_eq!(sentence("CIM"), "全力推进CIM数字底座部署；");
        assert_eq!(sentence("要素"), "二是数据要素价值加快释放");
    }

    #[test]
    fn hits_are_grouped_by_report_with_their_section_path() {
        let reports: Vec<Report> = bundled::BUNDLED
            .iter()
            .map(|b| b.report().unwrap())
            .collect();
        let results = search(&reports, "一网统管");
        assert_eq!(
            results.iter().map(|r| r.report).collect::<Vec<_>>(),
            vec![0, 1]
        );
        for group in &results {
            for hit in &group.hits {
                assert_eq!(&hit.sentence[hit.range.clone()], "一网统管");
                let report = &reports[group.report];
                let node = report.node(&hit.id).unwrap();
                assert!(
                    hit.path
                        .last()
                        .is_some_and(|p| *p == format!("{}{}", node.marker, node.title)),
                    "{hit:?}"
                );
                assert!(report.parts.iter().any(|p| p.heading == hit.path[0]));
            }
        }
        let longgang = &results[1].hits;
        assert!(
            longgang
                .iter()
                .any(|h| h.sentence == "四是优化“一网统管”平台功能。")
        );
        assert!(search(&reports, "  ").is_empty());
        assert!(search(&reports, "没有这样的词语").is_empty());
    }
}
