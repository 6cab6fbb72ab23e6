//! Content similarity for Chinese text: character-bigram TF-IDF cosine over folded text.
//!
//! Why bigrams: Chinese has no spaces, and most content words are two characters (数据, 要素,
//! 政务, 服务), so overlapping character pairs capture words without a segmenter and its
//! dictionary; single characters are too ambiguous, longer n-grams too sparse for rewordings.
//! IDF, computed over the units being compared (sections, items, sentences), weights down the
//! words every report uses (推进, 加强, 建设, 工作) so they cannot make unrelated text look alike.

// FxHashMap: bigram keys are small and not attacker-chosen, and SipHash was most of the
// alignment time (measured: a whole comparison 1.6 ms -> 1.05 ms).
use rustc_hash::FxHashMap as HashMap;

use crate::compare::background;
use crate::compare::lexicon;
use crate::text::normalize::fold;

/// A character pair, the term of the vectors.
pub type Bigram = [char; 2];

/// Characters that carry content: Han, letters, digits (not punctuation or symbols). The common
/// ideographs, most of a report, are told first by their range: `is_alphanumeric` searches the
/// Unicode tables for them, which was 4% of comparing the bundled plans (a test checks that it
/// says the same of every one of them).
fn is_content(c: char) -> bool {
    COMMON_IDEOGRAPHS.contains(&c) || c.is_alphanumeric()
}

/// The CJK Unified Ideographs block.
const COMMON_IDEOGRAPHS: std::ops::RangeInclusive<char> = '\u{4E00}'..='\u{9FFF}';

/// The bigrams of a text, folded (script, width, punctuation, related terms: see
/// [`lexicon`]) first; pairs across punctuation are not words and are skipped.
pub fn bigrams(text: &str) -> Vec<Bigram> {
    folded_bigrams(&fold(text).chars)
}

/// [`bigrams`] of a text already folded, for a caller that keeps the folded text for more.
pub fn folded_bigrams(folded: &[char]) -> Vec<Bigram> {
    content_pairs(&lexicon::current().canonical(folded))
}

/// The bigrams of a text as written, folded but with no related terms replaced: for finding
/// phrases of one text in another.
pub fn written_bigrams(text: &str) -> Vec<Bigram> {
    content_pairs(&fold(text).chars)
}

fn content_pairs(folded: &[char]) -> Vec<Bigram> {
    folded
        .windows(2)
        .filter(|w| is_content(w[0]) && is_content(w[1]))
        .map(|w| [w[0], w[1]])
        .collect()
}

/// Inverse document frequencies of bigrams: the background counts of many real reports plus
/// the counts over the texts being compared.
#[derive(Debug, Clone, Default)]
pub struct Idf {
    weights: HashMap<Bigram, f64>,
    /// The weight of a bigram no text had (the rarest).
    unseen: f64,
}

impl Idf {
    /// Smoothed IDF over the given texts alone ([`idf_weight`]).
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a [Bigram]>) -> Self {
        Self::counted(texts, 0, |_| 0)
    }

    /// The same over the background counts of real reports and the given texts together: what
    /// is rare is decided by many reports, with the pair's own counts on top.
    pub fn with_background<'a>(texts: impl IntoIterator<Item = &'a [Bigram]>) -> Self {
        Self::counted(texts, background::SENTENCES, background::df)
    }

    /// Counts over `texts` on top of `background_n` sentences whose counts `background_df` gives.
    fn counted<'a>(
        texts: impl IntoIterator<Item = &'a [Bigram]>,
        background_n: usize,
        background_df: impl Fn(&Bigram) -> usize,
    ) -> Self {
        let (df, counted) = document_frequencies(texts);
        let n = background_n + counted;
        Idf {
            weights: df
                .into_iter()
                .map(|(b, d)| (b, idf_weight(n, d.texts + background_df(&b))))
                .collect(),
            unseen: idf_weight(n, 0),
        }
    }

    pub fn weight(&self, bigram: &Bigram) -> f64 {
        self.weights.get(bigram).copied().unwrap_or(self.unseen)
    }
}

/// How many of `texts` have each bigram, and how many texts there are.
fn document_frequencies<'a>(
    texts: impl IntoIterator<Item = &'a [Bigram]>,
) -> (HashMap<Bigram, Count>, usize) {
    let mut counts: HashMap<Bigram, Count> = HashMap::default();
    let mut n = 0;
    for text in texts {
        n += 1;
        for &b in text {
            let count = counts.entry(b).or_default();
            if count.last != n {
                count.texts += 1;
                count.last = n;
            }
        }
    }
    (counts, n)
}

/// How many texts have a bigram, and the last of them (counting from 1): a bigram again in the
/// same text is not counted again, with no sorting of each text to find its distinct bigrams.
#[derive(Debug, Clone, Copy, Default)]
struct Count {
    texts: usize,
    last: usize,
}

/// The weight of a bigram `d` of `n` texts have: ln((1 + n) / (1 + df)) + 1, so a bigram in every
/// text still weighs a little.
fn idf_weight(n: usize, d: usize) -> f64 {
    ((1.0 + n as f64) / (1.0 + d as f64)).ln() + 1.0
}

/// A TF-IDF vector of one text: its distinct bigrams, sorted, with their weights. Sorted so two
/// vectors meet in one merging pass, with no hashing (hash lookups were 29–78% of a comparison's
/// time).
#[derive(Debug, Clone, Default)]
pub struct Vector {
    /// (bigram as one number: see [`key`], weight), sorted by key.
    terms: Vec<(u64, f64)>,
    norm: f64,
}

/// How many times longer one vector must be than the other for [`Vector::cosine`] to search the
/// longer rather than walk both.
const SEARCH_RATIO: usize = 8;

/// A bigram as one number that sorts as the bigram does, for fast merging.
fn key([a, b]: Bigram) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// The bigram of a [`key`].
fn bigram(key: u64) -> Bigram {
    let char_at = |shift: u32| {
        u32::try_from((key >> shift) & u64::from(u32::MAX))
            .ok()
            .and_then(char::from_u32)
            .unwrap_or_default()
    };
    [char_at(32), char_at(0)]
}

impl Vector {
    pub fn new(bigrams: &[Bigram], idf: &Idf) -> Self {
        Vector::weighted(bigrams.iter().map(|&b| key(b)).collect(), |k| {
            idf.weight(&bigram(k))
        })
    }

    /// The vector of a text's terms given as numbers that sort as the terms do (bigram keys, or
    /// a [`Vocabulary`]'s numbers), repeats counted: term frequency times `weight`.
    fn weighted(mut sorted: Vec<u64>, weight: impl Fn(u64) -> f64) -> Self {
        sorted.sort_unstable();
        let mut terms: Vec<(u64, f64)> = Vec::new();
        for k in sorted {
            match terms.last_mut() {
                Some((last, count)) if *last == k => *count += 1.0,
                _ => terms.push((k, 1.0)),
            }
        }
        for (k, tf) in &mut terms {
            *tf *= weight(*k);
        }
        let norm = terms.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        Vector { terms, norm }
    }

    /// Cosine similarity in 0..=1 (0 for an empty text).
    pub fn cosine(&self, other: &Vector) -> f64 {
        let mut dot = 0.0;
        self.each_shared(other, |_, w, v| dot += w * v);
        normalised(dot, self.norm, other.norm)
    }

    /// The bigrams both texts share, heaviest first (for highlighting shared phrases).
    pub fn shared(&self, other: &Vector) -> Vec<(Bigram, f64)> {
        let mut shared = Vec::new();
        self.each_shared(other, |k, w, v| shared.push((bigram(k), w * v)));
        shared.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        shared
    }

    /// Calls `found` with the key of each bigram of both vectors and its two weights, in order:
    /// one merging pass over both, or — when one is far longer (an item against a whole
    /// section) — a search of the longer for each term of the shorter.
    fn each_shared(&self, other: &Vector, mut found: impl FnMut(u64, f64, f64)) {
        let (short, long, swapped) = if self.terms.len() <= other.terms.len() {
            (&self.terms, &other.terms, false)
        } else {
            (&other.terms, &self.terms, true)
        };
        let mut report = |k: u64, s: f64, l: f64| {
            if swapped {
                found(k, l, s)
            } else {
                found(k, s, l)
            }
        };
        if short.len() * SEARCH_RATIO < long.len() {
            let mut from = 0;
            for &(k, s) in short {
                from += long[from..].partition_point(|&(l, _)| l < k);
                match long.get(from) {
                    Some(&(l, w)) if l == k => report(k, s, w),
                    Some(_) => {}
                    None => break,
                }
            }
            return;
        }
        let (mut i, mut j) = (0, 0);
        while let (Some(&(a, w)), Some(&(b, v))) = (short.get(i), long.get(j)) {
            match a.cmp(&b) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    report(a, w, v);
                    i += 1;
                    j += 1;
                }
            }
        }
    }
}

/// The cosine of two vectors from their dot product and norms: 0 for an empty text.
fn normalised(dot: f64, norm: f64, other_norm: f64) -> f64 {
    if norm == 0.0 || other_norm == 0.0 {
        return 0.0;
    }
    (dot / (norm * other_norm)).clamp(0.0, 1.0)
}

/// The bigrams of some texts numbered in their order, so numbers sort as the bigrams do, with the
/// weights [`Idf::new`] gives them over those texts.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    numbers: HashMap<Bigram, usize>,
    /// By number.
    weights: Vec<f64>,
}

/// A vector with its bigrams numbered by a [`Vocabulary`], to meet others through a [`Spread`].
/// The numbers keep the bigrams' order, so its products are summed in the order
/// [`Vector::cosine`] sums them and every cosine comes out the same to the last bit.
#[derive(Debug, Clone, Default)]
pub struct Numbered(Vector);

impl Vocabulary {
    /// The bigrams of `texts`, counted and numbered (an [`Idf`] and then its numbering took three
    /// hash tables; this takes two).
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a [Bigram]>) -> Self {
        let (counts, n) = document_frequencies(texts);
        let mut counted: Vec<(u64, usize)> =
            counts.iter().map(|(&b, d)| (key(b), d.texts)).collect();
        counted.sort_unstable();
        Vocabulary {
            numbers: counted
                .iter()
                .enumerate()
                .map(|(number, &(k, _))| (bigram(k), number))
                .collect(),
            weights: counted.iter().map(|&(_, d)| idf_weight(n, d)).collect(),
        }
    }

    /// The weight of a bigram of the texts.
    pub fn weight(&self, bigram: &Bigram) -> f64 {
        self.weights[self.numbers[bigram]]
    }

    /// The numbers of a text's bigrams, in its order, each a bigram of the texts the vocabulary
    /// was made of (a missing one is a mistake of the caller, and panics).
    pub fn numbers(&self, bigrams: &[Bigram]) -> Vec<u64> {
        bigrams.iter().map(|b| self.numbers[b] as u64).collect()
    }

    /// The vector of a text given as the [`numbers`](Self::numbers) of its bigrams (in any order):
    /// the same as [`Vector::new`] with the IDF over the vocabulary's texts, numbered.
    pub fn vector(&self, numbers: Vec<u64>) -> Numbered {
        Numbered(Vector::weighted(numbers, |n| self.weights[place(n)]))
    }
}

/// One numbered vector spread over a table by bigram number, to meet many others in turn: each
/// meeting is one pass over the other's terms, a look-up each, with no merging. The alignment
/// scores every node against dozens of the other side's, and merging two sorted lists was most
/// of its time: branching on which list is behind, which no predictor guesses (measured on the
/// items of generated pages: 5× faster than merging; `planlens diff` of the 100× generated pair
/// took half the time). Hand-written: sparse-vector crates keep a vector sorted or hashed and
/// meet two by merging or hashing, not one against many.
#[derive(Debug, Clone, Default)]
pub struct Spread<'v> {
    /// The spread vector's weight at its bigrams' numbers, 0 elsewhere.
    table: Vec<f64>,
    spread: Option<&'v Numbered>,
}

impl<'v> Spread<'v> {
    pub fn new(vocabulary: &Vocabulary) -> Self {
        Spread {
            table: vec![0.0; vocabulary.weights.len()],
            spread: None,
        }
    }

    /// `vector.cosine(other)` for numbered vectors, the same to the last bit; `vector` is spread
    /// first unless it was for the last call.
    pub fn cosine(&mut self, vector: &'v Numbered, other: &Numbered) -> f64 {
        if !self.spread.is_some_and(|s| std::ptr::eq(s, vector)) {
            self.spread_out(vector);
        }
        let (vector, other) = (&vector.0, &other.0);
        if vector.terms.len() * SEARCH_RATIO < other.terms.len() {
            // an item against a whole section: searching the section for the item's few
            // bigrams beats a pass over all of the section's
            return vector.cosine(other);
        }
        // a bigram of `other` that `vector` lacks adds 0.0, which leaves the sum as it was
        let dot = other
            .terms
            .iter()
            .fold(0.0, |dot, &(n, v)| dot + self.table[place(n)] * v);
        normalised(dot, vector.norm, other.norm)
    }

    fn spread_out(&mut self, vector: &'v Numbered) {
        for &(n, _) in self.spread.iter().flat_map(|s| &s.0.terms) {
            self.table[place(n)] = 0.0;
        }
        for &(n, w) in &vector.0.terms {
            self.table[place(n)] = w;
        }
        self.spread = Some(vector);
    }
}

/// Where a bigram number stands in a [`Spread`]'s table.
#[allow(clippy::cast_possible_truncation)] // a number is a place in a `Vec`, so it fits a usize
fn place(number: u64) -> usize {
    number as usize
}

/// Vectors for a set of texts, with the IDF taken over those same texts.
pub fn vectors(texts: &[&str]) -> Vec<Vector> {
    let grams: Vec<Vec<Bigram>> = texts.iter().map(|t| bigrams(t)).collect();
    let idf = Idf::new(grams.iter().map(Vec::as_slice));
    grams.iter().map(|g| Vector::new(g, &idf)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_content_in_other_punctuation_and_script_is_identical() {
        let v = vectors(&[
            "加快释放数据要素价值，推进公共数据授权运营",
            "加快釋放數據要素價值,推進公共數據授權運營",
            "完善民生诉求快裁机制",
        ]);
        assert!((v[0].cosine(&v[1]) - 1.0).abs() < 1e-9);
        assert!(v[0].cosine(&v[2]) < 0.1);
    }

    #[test]
    fn generic_words_weigh_less_than_content_words() {
        let texts = [
            "推进加强数字孪生底板建设",
            "推进加强民生诉求改革",
            "推进加强政务服务中心建设",
            "推进加强数字孪生城市",
        ];
        let v = vectors(&texts);
        // 0 and 3 share 数字孪生; 0 and 1 share only the generic 推进加强
        assert!(
            v[0].cosine(&v[3]) > 2.0 * v[0].cosine(&v[1]),
            "{} vs {}",
            v[0].cosine(&v[3]),
            v[0].cosine(&v[1])
        );
        let shared = v[0].shared(&v[3]);
        let weight = |bigram: Bigram| {
            shared
                .iter()
                .find(|(b, _)| *b == bigram)
                .map_or(0.0, |(_, w)| *w)
        };
        assert!(weight(['孪', '生']) > 2.0 * weight(['推', '进']));
    }

    #[test]
    fn what_real_reports_all_say_weighs_less_whatever_the_pair() {
        // in this pair 推进 and 孪生 are equally frequent; the background of real reports says
        // 推进 is boilerplate
        let grams = [bigrams("推进数字孪生"), bigrams("推进数字孪生底板")];
        let idf = Idf::with_background(grams.iter().map(Vec::as_slice));
        assert!(idf.weight(&['孪', '生']) > idf.weight(&['推', '进']) + 1.5);
    }

    #[test]
    fn the_background_table_is_the_counts_file() {
        assert_eq!(background::SENTENCES, 966);
        assert!(
            background::BIGRAM_DF.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted, no repeats"
        );
        // rows of data/matching/gov-report-df.tsv
        assert_eq!(background::df(&['推', '进']), 102);
        assert_eq!(background::df(&['工', '作']), 212);
        assert_eq!(background::df(&['孪', '生']), 13);
        assert_eq!(background::df(&['龘', '龘']), 0);
    }

    #[test]
    fn a_spread_vector_meets_others_as_cosine_does_to_the_last_bit() {
        // more than SEARCH_RATIO times the bigrams of the others: met by searching it
        let rare: String = (0..200)
            .filter_map(|i| char::from_u32(0x4E00 + 7 * i))
            .collect();
        let long = format!("推进公共数据授权运营，完善数字孪生底板。{rare}");
        let texts = [
            "加快释放数据要素价值，推进公共数据授权运营",
            "完善数字孪生底板,拓展孪生应用场景",
            "推进公共數據授权运营",
            "",
            long.as_str(),
        ];
        let grams: Vec<Vec<Bigram>> = texts.iter().map(|t| bigrams(t)).collect();
        let idf = Idf::new(grams.iter().map(Vec::as_slice));
        let vectors: Vec<Vector> = grams.iter().map(|g| Vector::new(g, &idf)).collect();
        let vocabulary = Vocabulary::new(grams.iter().map(Vec::as_slice));
        let numbered: Vec<Numbered> = grams
            .iter()
            .map(|g| vocabulary.vector(vocabulary.numbers(g)))
            .collect();
        let mut spread = Spread::new(&vocabulary);
        for (a, spread_a) in vectors.iter().zip(&numbered) {
            for (b, numbered_b) in vectors.iter().zip(&numbered) {
                let cosine = spread.cosine(spread_a, numbered_b);
                assert_eq!(cosine.to_bits(), a.cosine(b).to_bits(), "{cosine}");
            }
        }
    }

    #[test]
    fn every_common_ideograph_is_alphanumeric() {
        assert!(COMMON_IDEOGRAPHS.clone().all(char::is_alphanumeric));
    }

    #[test]
    fn bigrams_skip_punctuation() {
        assert_eq!(bigrams("数据,要素"), vec![['数', '据'], ['要', '素']]);
        assert!(bigrams("。").is_empty());
    }
}
