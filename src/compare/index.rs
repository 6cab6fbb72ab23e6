//! An inverted index from content bigrams to the units that hold them (nodes, sentences), so
//! that matching looks only at units sharing a term with the query: near-linear in the text
//! instead of every unit against every unit. No UI types.

use std::cell::RefCell;

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

    /// The units holding `term`, in order.
    pub fn holding(&self, term: &Bigram) -> &[u32] {
        self.postings.get(term).map_or(&[], Vec::as_slice)
    }

    /// For every unit sharing a term with `query` (distinct bigrams), in the order first met:
    /// the unit, the summed weight of the shared terms and the heaviest of them.
    pub fn overlaps(
        &self,
        query: &[Bigram],
        weight: impl Fn(&Bigram) -> f64,
    ) -> Vec<(u32, (f64, f64))> {
        Tally::with(self.units, |tally| {
            for b in query {
                let w = weight(b);
                for &u in self.postings.get(b).into_iter().flatten() {
                    tally.add(u, w);
                }
            }
            tally.take()
        })
    }

    /// The `k` units sharing the most weight with `query`, best first (ties by unit order),
    /// skipping terms more than [`COMMON_SHARE`] of the units hold when there are many units.
    pub fn top(&self, query: &[Bigram], weight: impl Fn(&Bigram) -> f64, k: usize) -> Vec<usize> {
        let common = ((self.units as f64) * COMMON_SHARE).max(64.0);
        let mut ranked: Vec<(u32, f64)> = Tally::with(self.units, |tally| {
            for b in query {
                let Some(list) = self.postings.get(b) else {
                    continue;
                };
                if list.len() as f64 > common {
                    continue;
                }
                let w = weight(b);
                for &u in list {
                    tally.add(u, w);
                }
            }
            tally.take()
        })
        .into_iter()
        .map(|(u, (sum, _))| (u, sum))
        .collect();
        let by_weight = |a: &(u32, f64), b: &(u32, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if ranked.len() > k {
            ranked.select_nth_unstable_by(k, by_weight);
            ranked.truncate(k);
        }
        ranked.sort_by(by_weight);
        ranked.into_iter().map(|(u, _)| u as usize).collect()
    }
}

/// Running totals of one query per unit (summed weight, heaviest weight): dense and kept for
/// the next query on the same thread, the units touched listed so that clearing costs only
/// them. (A hash map per query was most of the time of a 1,000-report matrix.)
#[derive(Default)]
struct Tally {
    sums: Vec<(f64, f64)>,
    seen: Vec<bool>,
    touched: Vec<u32>,
}

thread_local! {
    static TALLY: RefCell<Tally> = RefCell::new(Tally::default());
}

impl Tally {
    /// Runs `count` with this thread's tally, sized for `units` and empty.
    fn with<R>(units: usize, count: impl FnOnce(&mut Tally) -> R) -> R {
        TALLY.with_borrow_mut(|tally| {
            if tally.seen.len() < units {
                tally.sums.resize(units, (0.0, 0.0));
                tally.seen.resize(units, false);
            }
            count(tally)
        })
    }

    fn add(&mut self, unit: u32, weight: f64) {
        let i = unit as usize;
        if !self.seen[i] {
            self.seen[i] = true;
            self.touched.push(unit);
        }
        let (sum, heaviest) = &mut self.sums[i];
        *sum += weight;
        *heaviest = heaviest.max(weight);
    }

    /// The units touched with their totals, in the order first touched; the tally is left empty.
    fn take(&mut self) -> Vec<(u32, (f64, f64))> {
        let found = self
            .touched
            .iter()
            .map(|&u| (u, self.sums[u as usize]))
            .collect();
        for &u in &self.touched {
            self.seen[u as usize] = false;
            self.sums[u as usize] = (0.0, 0.0);
        }
        self.touched.clear();
        found
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
        assert_eq!(overlaps, vec![(0, (1.0, 1.0)), (2, (4.0, 3.0))]);
    }
}
