//! `cargo run --release --example synth_pair -- SCALE DIR`: writes two generated report pages of
//! different districts, each SCALE times the larger bundled page, to DIR/left.txt and
//! DIR/right.txt — the pairs `planlens diff` is timed on against `git diff --no-index` (README,
//! Measuring speed).

use std::path::PathBuf;
use std::process::ExitCode;

use planlens::synth;

const GUANGMING_RAW: &str = include_str!("../../data/raw/guangming-zwsj-2024-2025.txt");
const LONGGANG_RAW: &str = include_str!("../../data/raw/longgang-zwsj-2023-2024.txt");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(scale), Some(dir)) = (
        args.first().and_then(|s| s.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: synth_pair SCALE DIR");
        return ExitCode::from(2);
    };
    let target = scale * GUANGMING_RAW.len().max(LONGGANG_RAW.len());
    let dir = PathBuf::from(dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("synth_pair: {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let texts = synth::district_pair(target);
    for (name, text) in ["left.txt", "right.txt"].into_iter().zip(texts) {
        if let Err(e) = std::fs::write(dir.join(name), text) {
            eprintln!("synth_pair: {}: {e}", dir.join(name).display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
