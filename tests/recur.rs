//! Plan items that come back year after year: on the four-year fixture of one bureau
//! (`tests/fixtures/recur/`) every labelled thread is found with its flag and none is invented;
//! the CLI's formats and errors; the app's screen (`R` in the picker: snapshots at 120×40 and
//! 60×20, every size down to 1×1, Enter opening the year's item).

mod support;

use std::path::Path;

use assert_cmd::Command;
use planlens::tui::action::Action;
use planlens::tui::app::Entry;
use planlens::tui::screens::Screen;
use serde_json::Value;
use support::{app_on, every_size, screen};

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/recur"))
}

fn recur(args: &[&str]) -> (String, String, Option<i32>) {
    let output = Command::cargo_bin("planlens")
        .unwrap()
        .arg("recur")
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
        output.status.code(),
    )
}

#[test]
fn every_labelled_thread_is_found_and_none_invented() {
    let pages = fixtures().join("pages");
    let (out, err, code) = recur(&[pages.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, Some(0), "{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    let years: Vec<i64> = json["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2022, 2023, 2024, 2025], "a folder's files by name");
    let found: Vec<(Vec<String>, Value)> = json["threads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let items = t["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| format!("{}#{}", i["year"], i["id"].as_str().unwrap()))
                .collect();
            (items, t["flag"].clone())
        })
        .collect();
    let labels: Value =
        serde_json::from_str(&std::fs::read_to_string(fixtures().join("threads.json")).unwrap())
            .unwrap();
    let labelled: Vec<(Vec<String>, Value)> = labels["threads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let items = t["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i.as_str().unwrap().to_string())
                .collect();
            (items, t["flag"].clone())
        })
        .collect();
    for thread in &labelled {
        assert!(
            found.contains(thread),
            "not found: {thread:?}\nfound: {found:?}"
        );
    }
    for thread in &found {
        assert!(labelled.contains(thread), "invented: {thread:?}");
    }
    // each item's status comes from the audit of its year's summary; 2025's is not loaded
    let first = &json["threads"][0]["items"];
    assert_eq!(first[0]["status"], "not_mentioned");
    assert_eq!(first[3]["status"], Value::Null);
    assert_eq!(first[1]["report"], 1);
}

#[test]
fn a_missing_year_does_not_break_a_thread_and_text_says_the_flag() {
    let pages = fixtures().join("pages");
    // without the 2023–2024 page the 2024 plan is missing: 民生诉求 goes on from 2023 to 2025
    let files: Vec<String> = ["2021-2022", "2022-2023", "2024-2025"]
        .iter()
        .map(|y| {
            pages
                .join(format!("pingshan-zwsj-{y}.txt"))
                .display()
                .to_string()
        })
        .collect();
    let mut args: Vec<&str> = files.iter().map(String::as_str).collect();
    args.extend(["--format", "json"]);
    let (out, _, code) = recur(&args);
    assert_eq!(code, Some(0));
    let json: Value = serde_json::from_str(&out).unwrap();
    let livelihood = json["threads"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["items"][0]["id"] == "p2.3.1" && t["items"][0]["year"] == 2022)
        .expect("the 民生诉求 thread");
    assert_eq!(livelihood["items"].as_array().unwrap().len(), 3);
    assert_eq!(livelihood["items"][2]["year"], 2025);
    let (text, _, _) = recur(&[pages.to_str().unwrap()]);
    assert!(
        text.starts_with("线索 1 · 4 年 · 坪山区  ⚠ 连续未落实\n"),
        "{text}"
    );
    assert!(
        text.contains("  2025 无总结 1.建成区政务服务中心新址。"),
        "{text}"
    );
    let (md, _, _) = recur(&[pages.to_str().unwrap(), "--format", "md"]);
    assert!(
        md.starts_with("| 线索 | 年份 | 条目 | 总结所述 | 标记 |"),
        "{md}"
    );
}

#[test]
fn a_broken_file_is_one_line_and_the_rest_still_counts() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{").unwrap();
    let pages = fixtures().join("pages");
    let (out, err, code) = recur(&[broken.to_str().unwrap(), pages.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("broken.json:1:"), "{err}");
    assert!(out.contains("连续未落实"));
    // the bundled reports: two districts, no item on two plans of one bureau
    let (out, _, code) = recur(&["guangming-zwsj-2024-2025", "longgang-zwsj-2023-2024"]);
    assert_eq!(code, Some(0));
    assert_eq!(out, "没有跨年重复的计划条目\n");
}

#[test]
fn output_takes_the_format_from_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("threads.json");
    let pages = fixtures().join("pages");
    let (out, _, code) = recur(&[pages.to_str().unwrap(), "-o", file.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (Some(0), ""));
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(json["threads"].as_array().unwrap().len(), 4);
}

/// The bundled reports (two districts, no thread) and the four pages of 坪山区.
fn entries() -> Vec<Entry> {
    let mut entries = Entry::bundled();
    for year in ["2021-2022", "2022-2023", "2023-2024", "2024-2025"] {
        let name = format!("pingshan-zwsj-{year}.txt");
        let path = fixtures().join("pages").join(&name);
        entries.push(Entry {
            source: name,
            report: planlens::load::load_report(&path).unwrap(),
        });
    }
    entries
}

#[test]
fn the_recur_screen() {
    for (w, h) in [(120, 40), (60, 20)] {
        let mut app = app_on(&entries(), w, h);
        app.update(Action::OpenRecur);
        let shown = screen(&app, w, h);
        assert!(shown.contains("4 条线索"), "{shown}");
        assert!(shown.contains("连续未落实"), "{shown}");
        insta::assert_snapshot!(format!("recur_{w}x{h}"), shown);
        // the third thread (民生诉求), its second year
        for action in [Action::Down, Action::Down, Action::ColumnRight] {
            app.update(action);
        }
        insta::assert_snapshot!(format!("recur_moved_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn r_takes_the_marked_reports_and_enter_opens_the_year_item() {
    let mut app = app_on(&entries(), 100, 30);
    // only the bundled reports marked: two districts, nothing recurs
    app.update(Action::Mark);
    app.update(Action::OpenRecur);
    assert_eq!(app.message(), Some("没有跨年重复的计划条目"));
    assert!(matches!(app.top(), Screen::Picker(_)));
    app.update(Action::Mark);
    // 坪山区's 2022 and 2023 plans: only threads between those two years
    for action in [Action::Down, Action::Mark, Action::Down, Action::Mark] {
        app.update(action);
    }
    app.update(Action::OpenRecur);
    let Screen::Recur(recur) = app.top() else {
        panic!("R opens the recurring items");
    };
    assert!(recur.threads.iter().all(|t| t.items.len() == 2));
    assert!(recur.threads.iter().all(|t| t.items[1].year == 2023));
    app.update(Action::ColumnRight);
    let Screen::Recur(recur) = app.top() else {
        panic!("still the recurring items");
    };
    let (entry, id) = recur.selected_item().unwrap();
    let (entry, id) = (entry, id.to_string());
    app.update(Action::Open);
    let reader = app.reader().expect("Enter opens the item in its reader");
    assert_eq!(reader.entry, entry);
    assert_eq!(reader.doc.blocks[reader.selected].id, id);
    app.update(Action::Back);
    assert!(
        matches!(app.top(), Screen::Recur(_)),
        "Back returns to the threads"
    );
}

#[test]
fn the_recur_screen_renders_at_every_size() {
    use Action::*;
    every_size(
        &entries(),
        &[
            vec![
                OpenRecur,
                Down,
                ColumnRight,
                ColumnRight,
                Bottom,
                ToggleHelp,
            ],
            vec![OpenRecur, PageDown, ColumnRight, Open],
        ],
    );
}
