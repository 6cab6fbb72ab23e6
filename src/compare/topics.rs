//! Topics across many reports (the districts × topics matrix): the units of one part kind of
//! every report clustered by what they say, each topic named by its most typical terms and its
//! most central unit, with, for a report that has nothing on the topic, its nearest unit below
//! the threshold. Every unit is in exactly one topic. No UI text.
//!
//! The clustering is leader clustering (Butina's): each unit's neighbours are the units of
//! other reports at [`TOPIC_SIMILARITY`] or more (candidates from the term index, so the work
//! grows with the units, not their square); the unit with neighbours in the most reports leads
//! the first topic and takes its neighbours, and so on; a unit left alone joins the topic of its
//! best neighbour when it is near enough that topic's leader ([`JOIN_SIMILARITY`]).
//!
//! Finding the neighbours, naming the topics and their near misses are independent per unit or
//! per topic: they run on every core ([`each`]), with the same results as one after the other.

use crate::compare::corpus::{Terms, Unit, terms};
use crate::compare::index::TermIndex;
use crate::compare::similarity::Bigram;
use crate::compare::terms::{CONTENT_WEIGHT, sorted_set};
use rustc_hash::FxHashMap as HashMap;

/// Cosine (content bigrams, TF-IDF with the background) at which two units of different reports
/// are on one topic. Set on the labelled pairs of `tests/fixtures/matrix/` and the two bundled
/// plans: the reworded pairs there lie at 0.24–0.6, the pairs that must stay apart (two
/// platforms, two kinds of 安全) below 0.17.
pub const TOPIC_SIMILARITY: f64 = 0.22;
/// A unit left with no topic of its own joins its best neighbour's topic when it is this near
/// the topic's leader.
pub const JOIN_SIMILARITY: f64 = 0.15;
/// A report's nearest unit is shown in an empty cell from this similarity on (below it the
/// report has nothing near the topic).
pub const NEAR_SIMILARITY: f64 = 0.06;
/// Candidates looked at per unit when finding its neighbours.
const CANDIDATES: usize = 40;
/// Terms in a topic's name at most, and characters in a term: a longer run shared by the members
/// is a clause they copy, not a name.
const LABEL_TERMS: usize = 2;
const TERM_CHARS: usize = 8;

/// One row of the matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    /// The most typical terms, most typical first (数据要素, 授权运营).
    pub terms: Vec<String>,
    /// The unit that leads the topic (its most central one).
    pub central: usize,
    /// Per report, the units on the topic (indices into [`Matrix::units`]), in document order.
    pub cells: Vec<Vec<usize>>,
    /// Per report with an empty cell, its nearest unit and how near, when at least
    /// [`NEAR_SIMILARITY`].
    pub near: Vec<Option<(usize, f64)>>,
}

impl Topic {
    /// How many reports have something on the topic.
    pub fn reach(&self) -> usize {
        self.cells.iter().filter(|c| !c.is_empty()).count()
    }
}

/// The topics of the units of `reports` reports, the widest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    pub units: Vec<Unit>,
    pub topics: Vec<Topic>,
}

/// Clusters the units (of reports `0..reports`) into topics.
pub fn matrix(units: Vec<Unit>, reports: usize) -> Matrix {
    let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
    let terms = terms(&texts);
    let index = TermIndex::new(terms.grams.iter().map(Vec::as_slice));
    let neighbours = neighbours(&units, &terms, &index);
    let (leaders, topic_of) = cluster(&units, &terms, &neighbours);
    let mut topics: Vec<Topic> = leaders
        .iter()
        .map(|&leader| Topic {
            terms: Vec::new(),
            central: leader,
            cells: vec![Vec::new(); reports],
            near: vec![None; reports],
        })
        .collect();
    for (u, &t) in topic_of.iter().enumerate() {
        if let Some(cell) = topics[t].cells.get_mut(units[u].report) {
            cell.push(u);
        }
    }
    let named = each(topics.len(), |t| {
        (
            typical_terms(&topics[t], &terms),
            near_units(&topics[t], &units, &terms, &index, reports),
        )
    });
    for (topic, (typical, near)) in topics.iter_mut().zip(named) {
        topic.terms = typical;
        topic.near = near;
    }
    topics.sort_by_key(|t| {
        let size: usize = t.cells.iter().map(Vec::len).sum();
        (
            std::cmp::Reverse(t.reach()),
            std::cmp::Reverse(size),
            t.central,
        )
    });
    Matrix { units, topics }
}

/// Each unit's neighbours: units of other reports at [`TOPIC_SIMILARITY`] or more, with the
/// similarity, both ways.
fn neighbours(units: &[Unit], terms: &Terms, index: &TermIndex) -> Vec<Vec<(usize, f64)>> {
    let mut found: Vec<Vec<(usize, f64)>> = each(units.len(), |u| {
        index
            .top(&terms.grams[u], |b| terms.idf.weight(b), CANDIDATES)
            .into_iter()
            .filter(|&v| v > u && units[v].report != units[u].report)
            .map(|v| (v, terms.vectors[u].cosine(&terms.vectors[v])))
            .filter(|&(_, similarity)| similarity >= TOPIC_SIMILARITY)
            .collect()
    });
    // the candidates of u hold v or those of v hold u: keep each pair once, both ways
    for u in 0..found.len() {
        for i in 0..found[u].len() {
            let (v, similarity) = found[u][i];
            if !found[v].iter().any(|&(w, _)| w == u) {
                found[v].push((u, similarity));
            }
        }
    }
    found
}

/// The leaders, in the order they were chosen, and each unit's topic (an index into them).
fn cluster(
    units: &[Unit],
    terms: &Terms,
    neighbours: &[Vec<(usize, f64)>],
) -> (Vec<usize>, Vec<usize>) {
    // the unit whose neighbours are in the most reports first, then the most similar ones
    let reach = |u: usize| {
        let mut reports: Vec<usize> = neighbours[u]
            .iter()
            .map(|&(v, _)| units[v].report)
            .collect();
        reports.sort_unstable();
        reports.dedup();
        reports.len()
    };
    let mut order: Vec<(usize, usize, f64)> = (0..units.len())
        .map(|u| (u, reach(u), neighbours[u].iter().map(|n| n.1).sum()))
        .collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0)));
    let mut topic_of: Vec<Option<usize>> = vec![None; units.len()];
    let mut leaders: Vec<usize> = Vec::new();
    let mut alone: Vec<usize> = Vec::new();
    for &(u, _, _) in &order {
        if topic_of[u].is_some() {
            continue;
        }
        let members: Vec<usize> = neighbours[u]
            .iter()
            .map(|&(v, _)| v)
            .filter(|&v| topic_of[v].is_none())
            .collect();
        if members.is_empty() && !neighbours[u].is_empty() {
            alone.push(u);
            continue;
        }
        let topic = leaders.len();
        leaders.push(u);
        topic_of[u] = Some(topic);
        for v in members {
            topic_of[v] = Some(topic);
        }
    }
    // a unit whose neighbours were all taken: into its best neighbour's topic if near its
    // leader, else a topic of its own
    for u in alone {
        let joined = neighbours[u]
            .iter()
            .filter_map(|&(v, s)| Some((topic_of[v]?, s)))
            .filter(|&(t, _)| {
                terms.vectors[u].cosine(&terms.vectors[leaders[t]]) >= JOIN_SIMILARITY
            })
            .max_by(|a, b| a.1.total_cmp(&b.1));
        topic_of[u] = Some(match joined {
            Some((t, _)) => t,
            None => {
                leaders.push(u);
                leaders.len() - 1
            }
        });
    }
    let topic_of = topic_of.into_iter().map(|t| t.unwrap_or(0)).collect();
    (leaders, topic_of)
}

/// The topic's name: the runs of typical bigrams in its leader's text (held by at least half
/// the members), whole, the heaviest first (the weight of a run is that of its content
/// bigrams). A run is cut only where the text itself breaks (punctuation, quotes, a figure, a
/// generic word) or where the members stop sharing it, so it is made of whole words; it is
/// never cut to a length (a run longer than [`TERM_CHARS`] is no name). A topic of one unit shares nothing with another: it has no terms
/// (its name is then its leader's heading).
fn typical_terms(topic: &Topic, terms: &Terms) -> Vec<String> {
    let members: Vec<usize> = topic.cells.iter().flatten().copied().collect();
    if members.len() < 2 {
        return Vec::new();
    }
    // how many members hold each bigram of the leader: one pass over the members' bigrams
    let mut holding: HashMap<Bigram, usize> =
        terms.grams[topic.central].iter().map(|b| (*b, 0)).collect();
    for &m in &members {
        for b in sorted_set(terms.grams[m].iter().copied()) {
            if let Some(count) = holding.get_mut(&b) {
                *count += 1;
            }
        }
    }
    // a bigram's share of the members, and its weight in the name (none when under half)
    let typical = |b: &Bigram| {
        let share = holding.get(b).copied().unwrap_or(0) as f64 / members.len() as f64;
        let weight = terms.idf.weight(b);
        let score = if weight >= CONTENT_WEIGHT {
            weight * share
        } else {
            0.0
        };
        (share >= 0.5).then_some((share, score))
    };
    // runs of consecutive typical bigrams ([数据][据要][要素] -> 数据要素)
    let mut runs: Vec<Vec<(Bigram, f64, f64)>> = vec![Vec::new()];
    for b in &terms.grams[topic.central] {
        let continues = runs
            .last()
            .and_then(|r| r.last())
            .is_some_and(|(last, _, _)| last[1] == b[0]);
        let scored = typical(b);
        if !continues || scored.is_none() {
            runs.push(Vec::new());
        }
        if let (Some((share, score)), Some(run)) = (scored, runs.last_mut()) {
            run.push((*b, share, score));
        }
    }
    let mut runs: Vec<(String, f64)> = runs
        .iter()
        .flat_map(|run| words(run))
        .filter(|(text, _)| text.chars().count() <= TERM_CHARS)
        .collect();
    runs.retain(|(_, score)| *score > 0.0);
    runs.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut chosen: Vec<String> = Vec::new();
    for (text, _) in runs {
        // a run repeating a chosen one (数据要素 twice) says nothing more
        if !chosen
            .iter()
            .any(|c| c.contains(&text) || text.contains(c.as_str()))
        {
            chosen.push(text);
        }
        if chosen.len() == LABEL_TERMS {
            break;
        }
    }
    chosen
}

/// A run of typical bigrams cut where fewer members share a bigram than share those on either
/// side of it (公共数据 | 授权运营 where some members write 公共数据治理和授权运营): the word
/// boundary the members show. Each piece as text, with its weight.
fn words(run: &[(Bigram, f64, f64)]) -> Vec<(String, f64)> {
    let dip =
        |i: usize| i > 0 && i + 1 < run.len() && run[i].1 < run[i - 1].1 && run[i].1 < run[i + 1].1;
    let mut pieces: Vec<(String, f64)> = Vec::new();
    let mut piece: Option<(String, f64)> = None;
    for (i, (b, _, score)) in run.iter().enumerate() {
        if dip(i) {
            pieces.extend(piece.take());
            continue;
        }
        match piece.as_mut() {
            Some((text, total)) => {
                text.push(b[1]);
                *total += score;
            }
            None => piece = Some((b.iter().collect(), *score)),
        }
    }
    pieces.extend(piece);
    pieces
}

/// For each report with nothing on the topic, its unit nearest the leader, when at least
/// [`NEAR_SIMILARITY`] (and so below the threshold, or it would be on the topic).
fn near_units(
    topic: &Topic,
    units: &[Unit],
    terms: &Terms,
    index: &TermIndex,
    reports: usize,
) -> Vec<Option<(usize, f64)>> {
    let mut near: Vec<Option<(usize, f64)>> = vec![None; reports];
    let leader = topic.central;
    // only units sharing a content term with the leader can be near it
    // each once: only which units share one matters, and a repeat walks its list again
    let content: Vec<Bigram> = sorted_set(
        terms.grams[leader]
            .iter()
            .copied()
            .filter(|b| terms.idf.weight(b) >= CONTENT_WEIGHT),
    );
    for (u, _) in index.overlaps(&content, |_| 1.0) {
        let u = u as usize;
        let r = units[u].report;
        if topic.cells.get(r).is_none_or(|c| !c.is_empty()) {
            continue;
        }
        let similarity = terms.vectors[leader].cosine(&terms.vectors[u]);
        let better = near[r].is_none_or(|(v, s)| similarity > s || (similarity == s && u < v));
        if similarity >= NEAR_SIMILARITY && better {
            near[r] = Some((u, similarity));
        }
    }
    near
}

/// `work` of each of `0..n`, in that order, shared among the cores (each thread takes every
/// k-th index, so large and small pieces of work spread evenly).
fn each<T: Send>(n: usize, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(n);
    if threads <= 1 {
        return (0..n).map(work).collect();
    }
    let work = &work;
    let parts: Vec<Vec<T>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| scope.spawn(move || (t..n).step_by(threads).map(work).collect::<Vec<T>>()))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    // index i is the (i / threads)-th of part i % threads
    let mut parts: Vec<std::vec::IntoIter<T>> = parts.into_iter().map(Vec::into_iter).collect();
    (0..n)
        .filter_map(|i| parts.get_mut(i % threads).and_then(Iterator::next))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(report: usize, id: &str, text: &str) -> Unit {
        Unit {
            report,
            id: id.into(),
            marker: String::new(),
            title: text.into(),
            text: text.into(),
        }
    }

    #[test]
    fn one_subject_in_three_reports_is_one_topic_and_a_near_miss_is_kept_apart() {
        let units = vec![
            unit(0, "a1", "推进公共数据授权运营试点,释放数据要素价值"),
            unit(0, "a2", "完善民生诉求快速办理机制,提升群众满意率"),
            unit(1, "b1", "深化公共数据授权运营,打造数据要素示范场景"),
            unit(1, "b2", "筑牢网络安全防线,开展攻防演练"),
            unit(2, "c1", "探索公共数据授权运营新机制,培育数据要素市场"),
            unit(2, "c2", "优化民生诉求平台,完善诉求快速办理机制"),
        ];
        let matrix = matrix(units, 3);
        let topic_of = |id: &str| {
            let u = matrix.units.iter().position(|u| u.id == id).unwrap();
            matrix
                .topics
                .iter()
                .position(|t| t.cells.iter().flatten().any(|&m| m == u))
                .unwrap()
        };
        assert_eq!(topic_of("a1"), topic_of("b1"));
        assert_eq!(topic_of("a1"), topic_of("c1"));
        assert_eq!(topic_of("a2"), topic_of("c2"));
        assert_ne!(topic_of("b2"), topic_of("a2"));
        // every unit in exactly one topic
        let placed: usize = matrix
            .topics
            .iter()
            .map(|t| t.cells.iter().map(Vec::len).sum::<usize>())
            .sum();
        assert_eq!(placed, 6);
        let first = &matrix.topics[0];
        assert_eq!(first.reach(), 3, "the widest topic first");
        assert!(
            first.terms.iter().any(|t| t.contains("授权运营")),
            "{:?}",
            first.terms
        );
        // 民生诉求 has nothing in report 1; its nearest unit there is not shown as a member
        let livelihood = &matrix.topics[topic_of("a2")];
        assert!(livelihood.cells[1].is_empty());
        assert!(
            livelihood.near[0].is_none(),
            "a report on the topic has no near miss"
        );
    }
}
