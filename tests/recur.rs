//! Plan items that come back year after year: on the four-year fixture of one bureau
//! (`tests/fixtures/recur/`) every labelled thread is found with its flag and none is invented;
//! the CLI's formats and errors.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

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
