//! Audit speed: `cargo bench --bench audit`.
//!
//! Targets: one plan/summary pair audited in 5 ms or less; 1,000 generated pairs in 2 s or less;
//! (issue 11) a plan of 4,000 items of 60 characters against a summary of as many in 2 s or less,
//! and a 1.3 MB report against itself in 0.5 s or less.

use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use planlens::compare::audit::audit;
use planlens::import::import_text;
use planlens::model::PartKind;
use planlens::model::Report;
use planlens::synth::{self, Spec};

fn main() {
    divan::main();
}

fn fixture(name: &str) -> Report {
    let path = format!("{}/tests/fixtures/audit/{name}", env!("CARGO_MANIFEST_DIR"));
    planlens::load::load_report(std::path::Path::new(&path)).unwrap_or_else(|e| panic!("{e}"))
}

fn bundled(name: &str) -> Report {
    let found = planlens::bundled::find(name).unwrap_or_else(|| panic!("no {name}"));
    found.report().unwrap_or_else(|e| panic!("{e}"))
}

/// The fixture plan (2025) against the next year's summary, and against its traditional mirror.
#[divan::bench(args = ["minghu-zwsj-2025-2026.txt", "minghu-zwsj-2025-2026-mirror.txt"])]
fn fixture_pair(bencher: Bencher, summary: &str) {
    let plan = fixture("minghu-zwsj-2024-2025.txt");
    let summary = fixture(summary);
    bencher.bench(|| audit(black_box(&plan), black_box(&summary)));
}

/// The bundled 龙岗 2024 plan against the bundled 光明 2024 summary (the same year).
#[divan::bench]
fn bundled_pair(bencher: Bencher) {
    let plan = bundled("longgang-zwsj-2023-2024");
    let summary = bundled("guangming-zwsj-2024-2025");
    bencher.bench(|| audit(black_box(&plan), black_box(&summary)));
}

/// A generated bureau's report for `year` (summary of `year`, plan of the next).
fn generated(seed: u64, year: i32, target_bytes: Option<usize>) -> Report {
    let text = synth::report_text(&Spec {
        seed,
        summary_year: year,
        uneven: true,
        target_bytes,
        ..Spec::default()
    });
    import_text(&text).unwrap_or_else(|e| panic!("{e}"))
}

/// `n` generated pairs: each plan for 2025 against the same bureau's 2025 summary.
fn generated_pairs(n: u64, target_bytes: Option<usize>) -> Vec<(Report, Report)> {
    (0..n)
        .map(|seed| {
            (
                generated(seed, 2024, target_bytes),
                generated(seed + 10_000, 2025, target_bytes),
            )
        })
        .collect()
}

/// 1,000 generated pairs of real-page size, one after another.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn generated_1000_pairs(bencher: Bencher) {
    let pairs = generated_pairs(1000, None);
    bencher.counter(ItemsCount::new(pairs.len())).bench(|| {
        for (plan, summary) in &pairs {
            let _ = black_box(audit(plan, summary));
        }
    });
}

/// One large generated pair: about 200 KB of text on each side (ten times a real page).
#[divan::bench(sample_count = 10)]
fn generated_large_pair(bencher: Bencher) {
    let pairs = generated_pairs(1, Some(200_000));
    let (plan, summary) = &pairs[0];
    bencher.bench(|| audit(black_box(plan), black_box(summary)));
}

/// A plan of 4,000 items (80 sections of 50) against another district's summary of as many,
/// every item cut to 60 characters.
#[divan::bench(sample_count = 5)]
fn items_4000_of_60_chars(bencher: Bencher) {
    let [plan, summary] = synth::numbered_pair(80, 50).map(|text| {
        let mut report = import_text(&text).unwrap_or_else(|e| panic!("{e}"));
        for part in &mut report.parts {
            synth::shorten_items(part, 60);
        }
        report
    });
    assert_eq!(
        plan.part_of_kind(PartKind::Plan).map(|p| p.year),
        summary.part_of_kind(PartKind::Summary).map(|p| p.year),
        "the plan's year is the summary's"
    );
    bencher.bench(|| audit(black_box(&plan), black_box(&summary)));
}

/// A generated report of 1.3 MB audited against itself (its plan against its own summary).
#[divan::bench(sample_count = 5)]
fn identical_reports_of_1_3_mb(bencher: Bencher) {
    let [text, _] = synth::district_pair(1_300_000);
    let report = import_text(&text).unwrap_or_else(|e| panic!("{e}"));
    bencher.bench(|| audit(black_box(&report), black_box(&report)));
}
