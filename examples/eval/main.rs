//! `cargo run --release --example eval [-- --json | --detail [PAIR...]]`: the labelled
//! evaluation's table (per pair and in total); `--detail` lists what each tuning pair got wrong
//! (never the held-out pair's items), or only the named pairs' (so a pair kept blind stays unread).

mod harness;

use std::process::ExitCode;

use harness::{AuditScore, Scores};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let scores = match harness::evaluate(&harness::root()) {
        Ok(scores) => scores,
        Err(e) => {
            eprintln!("eval: {e}");
            return ExitCode::FAILURE;
        }
    };
    if args.iter().any(|a| a == "--json") {
        match serde_json::to_string_pretty(&as_json(&scores)) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("eval: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        let detail = args.iter().any(|a| a == "--detail");
        let named: Vec<&str> = args
            .iter()
            .filter(|a| !a.starts_with("--"))
            .map(String::as_str)
            .collect();
        print_table(&scores, detail.then_some(named.as_slice()));
    }
    ExitCode::SUCCESS
}

/// Counts and rates of every pair, and the total.
fn as_json(scores: &Scores) -> serde_json::Value {
    let audit = |s: &AuditScore| {
        serde_json::json!({
            "name": s.name,
            "held_out": s.held_out,
            "counts": s,
            "evidence_recall": s.evidence_recall(),
            "false_alarms": s.false_alarms(),
            "status_agreement": s.status_agreement(),
            "target_agreement": s.target_agreement(),
        })
    };
    serde_json::json!({
        "audit": scores.audit.iter().map(audit).collect::<Vec<_>>(),
        "audit_total": audit(&total(&scores.audit)),
        "compare": scores.compare,
    })
}

/// The table; with `detail`, the misses of every pair, or only of the pairs named in it.
fn print_table(scores: &Scores, detail: Option<&[&str]>) {
    println!(
        "{:<34} {:>5} {:>9} {:>9} {:>9} {:>9}",
        "audit pair", "items", "evidence", "false al", "status", "targets"
    );
    for s in &scores.audit {
        let name = if s.held_out {
            format!("{} (held out)", s.name)
        } else {
            s.name.clone()
        };
        print_audit_row(&name, s);
    }
    let total = total(&scores.audit);
    print_audit_row("total", &total);
    println!();
    println!(
        "{:<34} {:>5} {:>9} {:>9}",
        "comparison", "pairs", "recall", "forbidden"
    );
    for s in &scores.compare {
        println!(
            "{:<34} {:>5} {:>9.2} {:>9}",
            s.name, s.pairs, s.pair_recall, s.forbidden_made
        );
    }
    if let Some(named) = detail {
        let shown = |name: &str| named.is_empty() || named.contains(&name);
        for s in scores.audit.iter().filter(|s| shown(&s.name)) {
            print_misses(&s.name, &s.misses);
        }
        for s in scores.compare.iter().filter(|s| shown(&s.name)) {
            print_misses(&s.name, &s.misses);
        }
    }
}

fn print_audit_row(name: &str, s: &AuditScore) {
    println!(
        "{:<34} {:>5} {:>9.2} {:>9.2} {:>9.2} {:>9.2}",
        name,
        s.items,
        s.evidence_recall(),
        s.false_alarms(),
        s.status_agreement(),
        s.target_agreement()
    );
}

fn print_misses(name: &str, misses: &[String]) {
    if misses.is_empty() {
        return;
    }
    println!("\n{name}:");
    for miss in misses {
        println!("  {miss}");
    }
}

/// Every pair's counts added up.
fn total(audits: &[AuditScore]) -> AuditScore {
    let mut total = AuditScore {
        name: "total".to_string(),
        ..AuditScore::default()
    };
    for s in audits {
        total.add(s);
    }
    total
}
