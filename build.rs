//! Build step: the background bigram counts (`data/matching/gov-report-df.tsv`) turned into a
//! sorted Rust table, so no run of planlens parses 13,000 rows before its first comparison
//! (measured: parsing took 0.95 ms, a quarter of `planlens diff` on the two seeds); and the
//! binary linked at a fixed address on Linux (see [`link_fixed_address`]).

use std::fmt::Write as _;
use std::path::Path;

const COUNTS: &str = "data/matching/gov-report-df.tsv";

fn main() {
    link_fixed_address();
    println!("cargo::rerun-if-changed={COUNTS}");
    let tsv = std::fs::read_to_string(COUNTS).unwrap_or_else(|e| panic!("{COUNTS}: {e}"));
    let (sentences, mut rows) = bigram_rows(&tsv);
    rows.sort_unstable();
    let mut table = String::new();
    let _ = writeln!(
        table,
        "/// Sentences counted.\npub const SENTENCES: usize = {sentences};"
    );
    let _ = writeln!(
        table,
        "/// (bigram, sentences it occurs in), sorted by bigram.\npub static BIGRAM_DF: &[([char; 2], u32)] = &["
    );
    for ([a, b], df) in rows {
        let _ = writeln!(table, "    ([{a:?}, {b:?}], {df}),");
    }
    table.push_str("];\n");
    let out = std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"));
    let path = Path::new(&out).join("background_df.rs");
    std::fs::write(&path, table).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Links the `planlens` binary as a position-dependent executable on Linux. As a PIE, its 28,000
/// relative relocations (the tables of string pointers of its dependencies: html5ever's atoms,
/// PDF encodings, Unicode data) were patched at every start, writing 150 pages of `.data.rel.ro`:
/// 0.3 ms of the 1.1 ms a run took before `main`, a tenth of `planlens diff` on the two seeds
/// (measured with `perf stat planlens --version`: 1.07 ms → 0.76 ms, page faults 272 → 124;
/// packed relative relocations, `-z pack-relative-relocs`, changed nothing). The binary gives up
/// address randomisation of its own code, which a tool reading local documents can spare.
fn link_fixed_address() {
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    if linux {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}

/// The `N` row and the `bigram` rows; comments and `word` rows are not used. A malformed row is
/// a mistake in the data file and stops the build, naming the line.
fn bigram_rows(tsv: &str) -> (usize, Vec<([char; 2], u32)>) {
    let mut sentences: Option<usize> = None;
    let mut rows = Vec::new();
    for (number, line) in tsv.lines().enumerate() {
        let bad = || -> ! { panic!("{COUNTS}:{}: malformed row: {line}", number + 1) };
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["N", n] => sentences = Some(n.parse().unwrap_or_else(|_| bad())),
            ["bigram", term, df] => {
                let chars: Vec<char> = term.chars().collect();
                let [a, b] = chars.as_slice() else { bad() };
                rows.push(([*a, *b], df.parse().unwrap_or_else(|_| bad())));
            }
            ["word", _, _] => {}
            _ if line.starts_with('#') || line.is_empty() => {}
            _ => bad(),
        }
    }
    (
        sentences.unwrap_or_else(|| panic!("{COUNTS}: no N row")),
        rows,
    )
}
