//! Build step: tables computed once here, so no run of planlens computes them before its first
//! use. The background bigram counts (`data/matching/gov-report-df.tsv`) as a sorted Rust table
//! (measured: parsing took 0.95 ms, a quarter of `planlens diff` on the two seeds); and the Han
//! characters fast2s folds to simplified, as a bitset, with the pairs in which it folds a character
//! it leaves alone on its own (看著), so text with none of them skips fast2s (asking fast2s about
//! every character takes 0.9 ms; building its map, a tenth of `planlens diff` on the seeds).

use std::fmt::Write as _;
use std::path::Path;

const COUNTS: &str = "data/matching/gov-report-df.tsv";

fn main() {
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
    write_out("background_df.rs", &table);
    write_out("foldable.rs", &foldable_table());
}

fn write_out(name: &str, table: &str) {
    let out = std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"));
    let path = Path::new(&out).join(name);
    std::fs::write(&path, table).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// The block of Han characters the bitset covers: fast2s folds none outside it (checked below).
const FOLDABLE_FIRST: u32 = 0x3400;
const FOLDABLE_END: u32 = 0xA000;
/// The characters fast2s folds only next to certain others (看著 -> 看着, 計畫 -> 计划), which
/// asking about one character at a time does not show: the keys of its special-case table.
const FOLDED_IN_CONTEXT: &str = "藉著苧闔鍾讎畫";

/// `FOLDABLE`: bit `c - FOLDABLE_FIRST` is set for every character fast2s folds to another on
/// its own; `FOLD_PAIRS`: the pairs of characters in which fast2s folds one it leaves alone on
/// its own (看著, but not 显著), found by asking it about the character next to every other.
/// Every fold keeps the character's UTF-8 length (text and its folding have the same byte
/// offsets); a fast2s that broke this, or folded outside the block, stops the build.
fn foldable_table() -> String {
    let words = (FOLDABLE_END - FOLDABLE_FIRST).div_ceil(64) as usize;
    let mut bits = vec![0u64; words];
    let mut buffer = [0u8; 4];
    let mut in_context = Vec::new();
    for c in '\0'..=char::MAX {
        let written = c.encode_utf8(&mut buffer);
        let folded = fast2s::convert(written);
        if folded == *written {
            if FOLDED_IN_CONTEXT.contains(c) {
                in_context.push(c);
            }
            continue;
        }
        let code = u32::from(c);
        assert!(
            folded.len() == written.len() && (FOLDABLE_FIRST..FOLDABLE_END).contains(&code),
            "fast2s folds {c:?} (U+{code:04X}) to {folded:?}: outside the foldable table's block, \
             or to another length"
        );
        let bit = (code - FOLDABLE_FIRST) as usize;
        bits[bit / 64] |= 1 << (bit % 64);
    }
    // fast2s reads one neighbour on each side, and only of a character of three UTF-8 bytes
    let mut pairs = Vec::new();
    for &c in &in_context {
        for other in ('\0'..='\u{FFFF}').filter(|o| !o.is_control()) {
            for (pair, at) in [([other, c], 1), ([c, other], 0)] {
                let written: String = pair.iter().collect();
                if fast2s::convert(&written).chars().nth(at) != Some(c) {
                    pairs.push(pair);
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut table = String::new();
    let _ = writeln!(
        table,
        "/// The first character of the block `FOLDABLE` covers.\n\
         pub const FOLDABLE_FIRST: u32 = {FOLDABLE_FIRST:#X};\n\
         /// Bit `c - FOLDABLE_FIRST` is set for each character fast2s folds to another on its own.\n\
         pub static FOLDABLE: [u64; {words}] = ["
    );
    for word in bits {
        let _ = writeln!(table, "    {word:#018X},");
    }
    table.push_str("];\n");
    let _ = writeln!(
        table,
        "/// The characters fast2s folds only in a pair of `FOLD_PAIRS`.\n\
         pub const FOLDED_IN_CONTEXT: &[char] = &{in_context:?};\n\
         /// The pairs in which fast2s folds one of `FOLDED_IN_CONTEXT`, sorted.\n\
         pub static FOLD_PAIRS: &[[char; 2]] = &{pairs:?};"
    );
    table
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
