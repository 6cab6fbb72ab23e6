//! An inverted index from content bigrams to the units that hold them (nodes, sentences), so
//! that matching looks only at units sharing a term with the query: near-linear in the text
//! instead of every unit against every unit. No UI types.

use rustc_hash::FxHashMap as HashMap;

use crate::compare::similarity::Bigram;

/// Bigrams held by more units than this share of them are skipped when choosing the top
/// candidates (see [`TermIndex::top`]): such a bigram (推进, 服务) weighs little in any score
/// and its list is the long one.
pub const COMMON_SHARE: f64 = 0.1;

/// Term → the units holding it, each unit once per term.
#[derive(Debug, Default)]
pub struct TermIndex {
    postings: HashMap<Bigram, Vec<u32>>,
    units: usize,
}

impl TermIndex {
    /// Indexes units given as their bigrams (repeats within a unit are counted once).
    pub fn new<'a>(units: impl IntoIterator<Item = &'a [Bigram]>) -> Self {
        let mut index = TermIndex::default();
        for (u, grams) in units.into_iter().enumerate() {
            let u = u32::try_from(u).unwrap_or(u32::MAX);
            for b in grams {
                let list = index.postings.entry(*b).or_default();
                if list.last() != Some(&u) {
                    list.push(u);
                }
            }
            index.units += 1;
        }
        index
    }

    /// For every unit sharing a term with `query` (distinct bigrams): the summed weight of the
    /// shared terms and the heaviest of them.
    pub fn overlaps(
        &self,
        query: &[Bigram],
        weight: impl Fn(&Bigram) -> f64,
    ) -> HashMap<u32, (f64, f64)> {
        let mut found: HashMap<u32, (f64, f64)> = HashMap::default();
        for b in query {
            let w = weight(b);
            for &u in self.postings.get(b).into_iter().flatten() {
                let entry = found.entry(u).or_default();
                entry.0 += w;
                entry.1 = entry.1.max(w);
            }
        }
        found
    }

    /// The `k` units sharing the most weight with `query`, best first (ties by unit order),
    /// skipping terms more than [`COMMON_SHARE`] of the units hold when there are many units.
    pub fn top(&self, query: &[Bigram], weight: impl Fn(&Bigram) -> f64, k: usize) -> Vec<usize> {
        let common = ((self.units as f64) * COMMON_SHARE).max(64.0);
        let mut found: HashMap<u32, f64> = HashMap::default();
        for b in query {
            let Some(list) = self.postings.get(b) else {
                continue;
            };
            if list.len() as f64 > common {
                continue;
            }
            let w = weight(b);
            for &u in list {
                *found.entry(u).or_default() += w;
            }
        }
        let mut ranked: Vec<(u32, f64)> = found.into_iter().collect();
        let by_weight = |a: &(u32, f64), b: &(u32, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if ranked.len() > k {
            ranked.select_nth_unstable_by(k, by_weight);
            ranked.truncate(k);
        }
        ranked.sort_by(by_weight);
        ranked.into_iter().map(|(u, _)| u as usize).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_units_share_the_most_weight() {
        let units = [
            vec![['数', '据'], ['要', '素']],
            vec![['孪', '生']],
            vec![['数', '据'], ['孪', '生'], ['底', '板']],
        ];
        let index = TermIndex::new(units.iter().map(Vec::as_slice));
        let query = [['孪', '生'], ['底', '板']];
        assert_eq!(index.top(&query, |_| 1.0, 1), vec![2]);
        assert_eq!(index.top(&query, |_| 1.0, 5), vec![2, 1]);
        let overlaps = index.overlaps(&[['数', '据'], ['底', '板']], |b| {
            if b[0] == '底' { 3.0 } else { 1.0 }
        });
        assert_eq!(overlaps.get(&2), Some(&(4.0, 3.0)));
        assert_eq!(overlaps.get(&0), Some(&(1.0, 1.0)));
        assert!(!overlaps.contains_key(&1));
    }
}
