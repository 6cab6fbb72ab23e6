//! Hand-off speed: `cargo bench --bench handoff`.
//!
//! Targets: the workbook of a 100-item audit in 200 ms or less; the redline of the bundled
//! comparison in 50 ms or less. Each is the writer alone, over the table or document the
//! command has already built.

use divan::{Bencher, black_box};
use planlens::bundled;
use planlens::commands::diff::choose;
use planlens::compare::audit::audit;
use planlens::export::redline::redline;
use planlens::export::workbook::workbook;
use planlens::import::import_text;
use planlens::model::Report;
use planlens::present::audit_table::{AuditTable, Side};
use planlens::present::comparison::ComparisonDoc;
use planlens::store::verdicts::VerdictFile;
use planlens::synth::{self, Spec};

fn main() {
    divan::main();
}

/// A generated bureau's report: the summary of `year`, a plan of 10 sections of 10 items.
fn generated(seed: u64, year: i32) -> Report {
    let text = synth::report_text(&Spec {
        seed,
        summary_year: year,
        sections: 10,
        items_per_section: 10,
        ..Spec::default()
    });
    import_text(&text).unwrap_or_else(|e| panic!("{e}"))
}

/// The audit table of a generated 100-item plan against the next year's summary.
fn hundred_item_table() -> AuditTable {
    let (plan, summary) = (generated(1, 2024), generated(2, 2025));
    let audited = audit(&plan, &summary).unwrap_or_else(|e| panic!("{e}"));
    let side = |report: &Report, year| Side {
        file: "generated.txt".into(),
        title: report.title.clone(),
        year,
    };
    let (verdicts, _) = VerdictFile::load(std::path::Path::new("/nonexistent/v.json"));
    let table = AuditTable::new(
        side(&plan, audited.plan_year),
        side(&summary, audited.summary_year),
        &audited,
        &summary,
        &verdicts,
        Vec::new(),
    );
    assert_eq!(table.rows.len(), 100, "a 100-item plan");
    table
}

#[divan::bench(sample_count = 20)]
fn workbook_100_items(bencher: Bencher) {
    let table = hundred_item_table();
    bencher.bench(|| workbook(black_box(&table)));
}

#[divan::bench]
fn redline_bundled(bencher: Bencher) {
    let [left, right] = ["guangming-zwsj-2024-2025", "longgang-zwsj-2023-2024"].map(|name| {
        bundled::find(name)
            .and_then(|b| b.report().ok())
            .expect("bundled report")
    });
    let doc = ComparisonDoc::new(
        choose(std::path::Path::new("a"), &left, None).expect("a plan"),
        choose(std::path::Path::new("b"), &right, None).expect("a plan"),
    );
    bencher.bench(|| redline(black_box(&doc)));
}
