//! Search speed: `cargo bench --bench search`.
//!
//! Target: a query over 1,000 loaded reports (generated pages of real size) in 100 ms or less,
//! for a rare subject (一网统管, in some sections), a common one (数据要素) and one character
//! (数, in nearly every sentence: the most hits a query can give). The reports are folded once
//! into an `Index` (as the app does when `/` opens the search); that is measured on its own.

use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use planlens::import::import_text;
use planlens::model::Report;
use planlens::search::Index;
use planlens::synth::{self, DISTRICTS, Spec};

fn main() {
    divan::main();
}

/// `n` generated reports of real-page size, of several districts and years.
fn generated(n: usize) -> Vec<Report> {
    (0..n)
        .map(|i| {
            let text = synth::report_text(&Spec {
                seed: i as u64,
                district: DISTRICTS[i % DISTRICTS.len()].to_string(),
                summary_year: [2022, 2023, 2024, 2025][i % 4],
                uneven: true,
                ..Spec::default()
            });
            import_text(&text).unwrap_or_else(|e| panic!("{e}"))
        })
        .collect()
}

/// One query over the 1,000 reports, folded beforehand.
#[divan::bench(args = ["一网统管", "数据要素", "数"], sample_count = 20, sample_size = 1)]
fn query_1000_reports(bencher: Bencher, query: &str) {
    let index = Index::new(&generated(1000));
    bencher
        .counter(ItemsCount::new(1000_usize))
        .bench(|| index.search(black_box(query)));
}

/// Folding the 1,000 reports for searching (once, when the search opens).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn index_1000_reports(bencher: Bencher) {
    let reports = generated(1000);
    bencher
        .counter(ItemsCount::new(reports.len()))
        .bench(|| Index::new(black_box(&reports)));
}
