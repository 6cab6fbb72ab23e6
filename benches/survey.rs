//! Many reports at once: `cargo bench --bench survey`.
//!
//! The districts × topics matrix of generated plans (30 items each, as a bureau's plan has) for
//! 50, 200 and 1,000 reports: loading aside, the units taken, the terms weighted and the topics
//! made (on every core). Target (issue 19): 200 reports <= 2 s, 1,000 <= 10 s. And the recurring
//! items of one bureau over 20 years of 50-item plans, every plan audited against its year's
//! summary. Target (issue 20): <= 1 s.

use divan::{Bencher, black_box};
use planlens::compare::corpus::{UnitKind, units};
use planlens::compare::threads::threads;
use planlens::compare::topics::matrix;
use planlens::import::import_text;
use planlens::model::{PartKind, Report};
use planlens::synth::{self, BUREAUS, DISTRICTS, ItemStyle, Spec};

fn main() {
    divan::main();
}

/// `n` plans of different districts, bureaus and years, 30 items each.
fn plans(n: usize) -> Vec<Report> {
    (0..n)
        .map(|i| {
            let text = synth::report_text(&Spec {
                seed: i as u64,
                district: DISTRICTS[i % DISTRICTS.len()].to_string(),
                bureau: BUREAUS[i / DISTRICTS.len() % BUREAUS.len()].to_string(),
                summary_year: [2020, 2021, 2022, 2023, 2024][i % 5],
                sections: 6,
                items_per_section: 5,
                style: ItemStyle::Mixed,
                ..Spec::default()
            });
            import_text(&text).expect("a generated page imports")
        })
        .collect()
}

#[divan::bench(args = [50, 200, 1000], sample_count = 3)]
fn matrix_of(bencher: Bencher, n: usize) {
    let reports = plans(n);
    let refs: Vec<&Report> = reports.iter().collect();
    bencher.bench(|| {
        let found = matrix(units(&refs, PartKind::Plan, UnitKind::Item), refs.len());
        black_box(found.topics.len())
    });
}

/// One bureau's pages over `years` years, 50 plan items each (so each plan has its summary).
fn one_bureau(years: usize) -> Vec<Report> {
    (0..years)
        .map(|y| {
            let text = synth::report_text(&Spec {
                seed: 7,
                summary_year: 2000 + i32::try_from(y).unwrap_or(0),
                sections: 10,
                items_per_section: 5,
                style: ItemStyle::Numbered,
                ..Spec::default()
            });
            import_text(&text).expect("a generated page imports")
        })
        .collect()
}

#[divan::bench(sample_count = 3)]
fn recur_20_years_of_50_items(bencher: Bencher) {
    let reports = one_bureau(20);
    let refs: Vec<&Report> = reports.iter().collect();
    bencher.bench(|| black_box(threads(&refs).len()));
}
