//! A stable-Rust fuzz loop over planlens' entry points: seeded mutations of real inputs, each run
//! under `catch_unwind` with a hang watchdog; a find is minimised, saved, and exits non-zero.
//!
//! ```text
//! cargo run --release --example fuzz -- --target all --seed 1            # the CI budget
//! cargo run --release --example fuzz -- --target wrap --seed 7 --execs 10000000
//! ```
//!
//! Targets (see `targets.rs`): `import` (page bytes -> report, lossless check, JSON round trip),
//! `docx` (a Word document with an XML part edited, or its bytes damaged -> lines -> report,
//! lossless over the extracted text), `pdf` (a PDF, also with its streams decompressed, its
//! bytes damaged -> lines -> report, lossless),
//! `json` (report JSON -> tree, show, list, diff and audit in every format), `compare` (two pages
//! -> comparison and audit), `wrap` (text -> lines: width, nothing lost, no line starting inside
//! a grapheme cluster), `tui` (key, mouse and resize events -> dispatch and render at sizes from
//! 0x0 to 320x120, no row wider than the screen). No coverage feedback: every input is a fresh
//! mutation of a seed, so runs are reproducible from `--seed` alone.

mod mutate;
mod targets;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clap::Parser;
use planlens::synth::Rng;

use targets::{Failure, Target};

#[derive(Parser)]
struct Args {
    /// A target name, or `all`
    #[arg(long, default_value = "all")]
    target: String,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Executions per target (default: each target's CI budget, about 5 minutes in all)
    #[arg(long)]
    execs: Option<u64>,
    /// An input taking longer than this is a hang
    #[arg(long, default_value_t = 10)]
    hang_secs: u64,
    /// Where finds are saved
    #[arg(long, default_value = "target/fuzz-finds")]
    finds: PathBuf,
}

/// The input being run, for the watchdog: target name, start, bytes.
type Running = Arc<Mutex<Option<(&'static str, Instant, Vec<u8>)>>>;

fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let all = targets::all();
    let chosen: Vec<&Target> = all
        .iter()
        .filter(|t| args.target == "all" || t.name == args.target)
        .collect();
    if chosen.is_empty() {
        let names: Vec<&str> = all.iter().map(|t| t.name).collect();
        eprintln!(
            "fuzz: unknown target `{}` (all, {})",
            args.target,
            names.join(", ")
        );
        return std::process::ExitCode::from(2);
    }
    quiet_panics();
    let scratch = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(error) => {
            eprintln!("fuzz: no scratch folder: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let running: Running = Arc::default();
    watchdog(
        running.clone(),
        Duration::from_secs(args.hang_secs),
        args.finds.clone(),
        scratch.path().to_path_buf(),
    );
    let mut failed = 0;
    for (index, target) in all.iter().enumerate() {
        if !chosen.iter().any(|t| t.name == target.name) {
            continue;
        }
        let execs = args.execs.unwrap_or(target.ci_execs);
        // each target has its own stream, so `--target X` repeats what `all` ran for X
        let mut rng = Rng::new(args.seed ^ (index as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        failed += usize::from(fuzz(
            target,
            execs,
            &mut rng,
            &running,
            &args,
            scratch.path(),
        ));
    }
    // one line per target above; this one is read like a test runner's closing line
    println!("fuzz: {} passed, {failed} failed", chosen.len() - failed);
    if failed > 0 {
        std::process::ExitCode::FAILURE
    } else {
        std::process::ExitCode::SUCCESS
    }
}

/// Runs `execs` inputs of one target; stops at the first find. Returns whether it found one.
fn fuzz(
    target: &Target,
    execs: u64,
    rng: &mut Rng,
    running: &Running,
    args: &Args,
    scratch: &Path,
) -> bool {
    let seeds = (target.seeds)();
    let start = Instant::now();
    for n in 1..=execs {
        let input = (target.mutate)(rng, &seeds);
        if let Err(failure) = run_one(target, &input, running, scratch) {
            println!(
                "FIND {} after {n} executions: {}",
                target.name, failure.message
            );
            let small = minimise(target, input, &failure, running, scratch);
            let saved = save(
                &args.finds,
                &format!("{}-{}-{n}", target.name, args.seed),
                &small,
            );
            println!("  minimised input: {}", (target.show)(&small));
            println!("  saved to {}", saved.display());
            return true;
        }
    }
    println!(
        "{:<8} {execs:>8} executions  {:>6.1} s  0 finds",
        target.name,
        start.elapsed().as_secs_f64()
    );
    false
}

/// One input, a panic caught and reported like a failed check.
fn run_one(
    target: &Target,
    input: &[u8],
    running: &Running,
    scratch: &Path,
) -> Result<(), Failure> {
    set(running, Some((target.name, Instant::now(), input.to_vec())));
    let result =
        catch_unwind(AssertUnwindSafe(|| (target.run)(input, scratch))).unwrap_or_else(|_| {
            let (place, message) = LAST_PANIC.with(|p| p.take()).unwrap_or_default();
            Err(Failure {
                message: format!("panic at {place}: {message}"),
                kind: place,
            })
        });
    set(running, None);
    result
}

fn set(running: &Running, value: Option<(&'static str, Instant, Vec<u8>)>) {
    if let Ok(mut slot) = running.lock() {
        *slot = value;
    }
}

thread_local! {
    /// Where the last panic on this thread happened (`file:line`) and its message.
    static LAST_PANIC: std::cell::Cell<Option<(String, String)>> =
        const { std::cell::Cell::new(None) };
}

/// Panics are expected finds: record where, print nothing.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        LAST_PANIC.with(|p| p.set(Some((place, message))));
    }));
}

/// A thread that saves the running input and ends the process when one runs too long (the
/// scratch folder removed first: the exit skips its destructor).
fn watchdog(running: Running, limit: Duration, finds: PathBuf, scratch: PathBuf) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(100));
            let Ok(slot) = running.lock() else { return };
            if let Some((name, started, input)) = slot.as_ref()
                && started.elapsed() > limit
            {
                let saved = save(&finds, &format!("{name}-hang"), input);
                println!(
                    "FIND {name}: an input ran over {} s (a hang); saved to {}",
                    limit.as_secs(),
                    saved.display()
                );
                let _ = std::fs::remove_dir_all(&scratch);
                std::process::exit(3);
            }
        }
    });
}

/// The smallest input found (by removing ever smaller chunks) that fails the same way.
fn minimise(
    target: &Target,
    mut input: Vec<u8>,
    failure: &Failure,
    running: &Running,
    scratch: &Path,
) -> Vec<u8> {
    let same = |candidate: &[u8]| {
        run_one(target, candidate, running, scratch).is_err_and(|f| f.kind == failure.kind)
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut chunk = input.len() / 2;
    while chunk > 0 && Instant::now() < deadline {
        let mut at = 0;
        while at < input.len() && Instant::now() < deadline {
            let mut candidate = input.clone();
            candidate.drain(at..(at + chunk).min(input.len()));
            if same(&candidate) {
                input = candidate;
            } else {
                at += chunk;
            }
        }
        chunk /= 2;
    }
    input
}

fn save(dir: &Path, name: &str, input: &[u8]) -> PathBuf {
    let path = dir.join(format!("{name}.bin"));
    if let Err(error) = std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&path, input)) {
        eprintln!("fuzz: cannot save {}: {error}", path.display());
    }
    path
}
