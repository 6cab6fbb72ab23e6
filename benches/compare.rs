//! Compare speed: `cargo bench --bench compare`.
//!
//! What `planlens diff` does (align the plans, diff every pair, lay the text out side by side) on
//! the bundled pair, on a generated pair 100× larger, on plans of 10,000 items and of 4,000 items
//! of 60 characters; and the token diff alone on the whole texts. Targets (issue 11):
//! `planlens diff A B --format text` on the bundled pair no slower than
//! `git diff --no-index --word-diff-regex=.` on their raw pages; 10,000 items a side in 2 s or
//! less (and 200 MB or less at its peak: `/usr/bin/time -v` on the bench); 4,000 × 4,000
//! items of 60 characters in 2 s or less.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use planlens::bundled;
use planlens::commands::diff::{TextOptions, choose, write_text};
use planlens::compare::diff::diff;
use planlens::import::import_text;
use planlens::model::Report;
use planlens::present::comparison::ComparisonDoc;
use planlens::synth;

fn main() {
    divan::main();
}

const GUANGMING_RAW: &str = include_str!("../data/raw/guangming-zwsj-2024-2025.txt");
const LONGGANG_RAW: &str = include_str!("../data/raw/longgang-zwsj-2023-2024.txt");

/// How much larger the generated pair is than the bundled one.
const SCALE: usize = 100;

fn bundled_pair() -> [Report; 2] {
    ["guangming-zwsj-2024-2025", "longgang-zwsj-2023-2024"].map(|name| {
        bundled::find(name)
            .and_then(|b| b.report().ok())
            .expect("bundled report")
    })
}

/// Two generated pages of different districts, each `SCALE` times a bundled page.
fn large_texts() -> [String; 2] {
    let target = SCALE * GUANGMING_RAW.len().max(LONGGANG_RAW.len());
    synth::district_pair(target)
}

fn large_pair() -> [Report; 2] {
    large_texts().map(|text| import_text(&text).expect("generated report imports"))
}

/// Two generated reports of different districts whose plans have `sections` × `items` numbered
/// items, each cut to `chars` characters when given.
fn item_pair(sections: usize, items: usize, chars: Option<usize>) -> [Report; 2] {
    synth::numbered_pair(sections, items).map(|text| {
        let mut report = import_text(&text).expect("generated report imports");
        for part in &mut report.parts {
            if let Some(chars) = chars {
                synth::shorten_items(part, chars);
            }
        }
        report
    })
}

/// Aligns the plans, diffs every pair and writes the side-by-side text at 120 columns.
fn compare_and_print(reports: &[Report; 2]) -> usize {
    let chosen = |report| choose("bench".as_ref(), report, None).expect("a plan");
    let comparison = ComparisonDoc::new(chosen(&reports[0]), chosen(&reports[1]));
    let mut out = Vec::new();
    let options = TextOptions {
        width: 120,
        colour: false,
    };
    write_text(&mut out, &comparison, options).expect("written to memory");
    out.len()
}

fn plan_bytes(reports: &[Report; 2]) -> u64 {
    reports
        .iter()
        .flat_map(|r| r.parts.iter().filter(|p| p.kind.as_str() == "plan"))
        .flat_map(|p| p.nodes.iter().flat_map(|n| n.walk()))
        .map(|n| (n.title.len() + n.text.len()) as u64)
        .sum()
}

#[divan::bench]
fn compare_bundled(bencher: Bencher) {
    let reports = bundled_pair();
    bencher
        .counter(BytesCount::new(plan_bytes(&reports)))
        .bench(|| compare_and_print(black_box(&reports)));
}

#[divan::bench(sample_count = 10)]
fn compare_large(bencher: Bencher) {
    let reports = large_pair();
    bencher
        .counter(BytesCount::new(plan_bytes(&reports)))
        .bench(|| compare_and_print(black_box(&reports)));
}

/// 10,000 plan items a side (80 sections of 125).
#[divan::bench(sample_count = 3)]
fn compare_10000_items(bencher: Bencher) {
    let reports = item_pair(80, 125, None);
    bencher
        .counter(BytesCount::new(plan_bytes(&reports)))
        .bench(|| compare_and_print(black_box(&reports)));
}

/// 4,000 plan items a side (80 sections of 50), each of 60 characters.
#[divan::bench(sample_count = 5)]
fn compare_4000_items_of_60_chars(bencher: Bencher) {
    let reports = item_pair(80, 50, Some(60));
    bencher
        .counter(BytesCount::new(plan_bytes(&reports)))
        .bench(|| compare_and_print(black_box(&reports)));
}

#[divan::bench]
fn diff_bundled_texts(bencher: Bencher) {
    bencher
        .counter(BytesCount::of_str(GUANGMING_RAW))
        .bench(|| diff(black_box(GUANGMING_RAW), black_box(LONGGANG_RAW)));
}

#[divan::bench(sample_count = 10)]
fn diff_large_texts(bencher: Bencher) {
    let [left, right] = large_texts();
    bencher
        .counter(BytesCount::of_str(&left))
        .bench(|| diff(black_box(&left), black_box(&right)));
}
