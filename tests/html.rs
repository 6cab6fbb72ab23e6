//! Saved web pages: each fixture under tests/fixtures/html reads as its hand-made .txt twin
//! (`tree` and `show` alike), is lossless over its extracted text, and sets its furniture aside
//! with reason and element; `list` shows pages beside the other reports; a page without an
//! article, in an unsupported encoding, or a web archive is a one-line error.

mod support;

use std::path::{Path, PathBuf};

use planlens::import::sources::{self, Format};
use planlens::import::{check_lossless, import_extracted};
use planlens::model::{DropReason, SourceFormat};
use predicates::prelude::*;
use support::{planlens, stdout};
use tempfile::TempDir;

/// The page fixtures, each with its twin.
const PAGES: &[&str] = &[
    "luohu_swj_2024_2025_trs.html",
    "nanshan_kjj_2023_2024_zoom.html",
    "longhua_wjj_2024h1_article.htm",
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/html")
        .join(name)
}

fn twin(page: &str) -> PathBuf {
    fixture(page).with_extension("txt")
}

#[test]
fn tree_and_show_of_a_page_match_its_text_twin() {
    for page in PAGES {
        for args in [&["tree"][..], &["show"], &["show", "p2"]] {
            let html = stdout(args, &fixture(page));
            assert_eq!(html, stdout(args, &twin(page)), "{page} {args:?}");
        }
    }
}

#[test]
fn every_page_is_lossless_over_its_extracted_text() {
    for page in PAGES {
        let bytes = std::fs::read(fixture(page)).unwrap();
        let format = sources::sniff(&fixture(page), &bytes);
        assert_eq!(format, Format::Html);
        let extracted = sources::extract(format, &bytes).unwrap();
        let report = import_extracted(&extracted).unwrap();
        assert_eq!(report.source, SourceFormat::Html, "{page}");
        check_lossless(&extracted.text, &report).unwrap_or_else(|e| panic!("{page}: {e}"));
        assert_eq!(report.dropped.len(), report.dropped_info.len());
    }
}

#[test]
fn gbk_pages_are_really_gbk_and_read_with_and_without_a_charset_meta() {
    for page in [
        "luohu_swj_2024_2025_trs.html",
        "longhua_wjj_2024h1_article.htm",
    ] {
        let bytes = std::fs::read(fixture(page)).unwrap();
        assert!(
            std::str::from_utf8(&bytes).is_err(),
            "{page} is not GBK bytes"
        );
    }
    let head = std::fs::read(fixture("longhua_wjj_2024h1_article.htm")).unwrap();
    assert!(!String::from_utf8_lossy(&head).contains("charset"));
}

#[test]
fn furniture_goes_to_dropped_with_its_reason_and_element() {
    let bytes = std::fs::read(fixture("luohu_swj_2024_2025_trs.html")).unwrap();
    let extracted = sources::extract(Format::Html, &bytes).unwrap();
    let report = import_extracted(&extracted).unwrap();
    let from = |reason: DropReason| {
        report
            .dropped_info
            .iter()
            .filter(|d| d.reason == reason)
            .filter_map(|d| d.from.clone())
            .collect::<Vec<_>>()
    };
    assert!(from(DropReason::Script).contains(&"script".to_string()));
    assert!(from(DropReason::Navigation).contains(&"div.nav".to_string()));
    assert!(from(DropReason::Breadcrumb).contains(&"div.position".to_string()));
    assert!(from(DropReason::Share).contains(&"div.bdsharebuttonbox".to_string()));
    assert!(from(DropReason::Footer).contains(&"div.footer".to_string()));
    assert_eq!(from(DropReason::PageHead), vec!["head".to_string()]);
    assert_eq!(report.published.as_deref(), Some("2025-01-20"));
    assert_eq!(report.district.as_deref(), Some("罗湖区"));
    // Nothing of the scripts or the footer reached the report's content.
    let content = report.content_pieces().concat();
    assert!(!content.contains("版权所有") && !content.contains("_hmt"));
}

#[test]
fn a_table_reads_one_row_per_line() {
    let bytes = std::fs::read(fixture("nanshan_kjj_2023_2024_zoom.html")).unwrap();
    let extracted = sources::extract(Format::Html, &bytes).unwrap();
    assert!(
        extracted
            .text
            .lines()
            .any(|l| l == "全社会研发投入占比 6.2% 6.5%")
    );
}

#[test]
fn nbsp_and_full_width_indents_are_kept_in_the_extracted_lines() {
    let bytes = std::fs::read(fixture("longhua_wjj_2024h1_article.htm")).unwrap();
    let extracted = sources::extract(Format::Html, &bytes).unwrap();
    assert!(
        extracted
            .text
            .contains("\u{a0}\u{a0}\u{a0}\u{a0}（一）医疗资源")
    );
    assert!(extracted.text.contains("\u{3000}\u{3000}一、2024年上半年"));
}

#[test]
fn a_page_without_an_html_extension_is_sniffed() {
    let bytes = std::fs::read(fixture("nanshan_kjj_2023_2024_zoom.html")).unwrap();
    assert_eq!(sources::sniff(Path::new("saved"), &bytes), Format::Html);
    assert_eq!(sources::sniff(Path::new("a.txt"), b"x"), Format::Text);
    assert_eq!(
        sources::sniff(Path::new("page"), b"MIME-Version: 1.0\r\n"),
        Format::Mhtml
    );
}

#[test]
fn report_json_written_before_the_source_was_recorded_still_loads() {
    let dir = TempDir::new().unwrap();
    let output = planlens()
        .arg("import")
        .arg(twin("luohu_swj_2024_2025_trs.html"))
        .output()
        .unwrap();
    let mut json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["source"], "text");
    let object = json.as_object_mut().unwrap();
    object.remove("source");
    for info in object["dropped_info"].as_array_mut().unwrap() {
        info.as_object_mut().unwrap().remove("from");
    }
    let old = dir.path().join("old.json");
    std::fs::write(&old, serde_json::to_vec(&json).unwrap()).unwrap();
    let report = planlens::load::load_report(&old).unwrap();
    assert_eq!(report.source, SourceFormat::Text);
    assert_eq!(
        stdout(&["tree"], &old),
        stdout(&["tree"], &twin("luohu_swj_2024_2025_trs.html"))
    );
}

#[test]
fn list_shows_pages_beside_text_and_json_and_skips_the_files_folder() {
    let dir = TempDir::new().unwrap();
    for page in PAGES {
        std::fs::copy(fixture(page), dir.path().join(page)).unwrap();
    }
    let files = dir.path().join("longhua_wjj_2024h1_article_files");
    std::fs::create_dir(&files).unwrap();
    std::fs::write(
        files.join("frame.html"),
        "<html><body><p>广告</p></body></html>",
    )
    .unwrap();
    std::fs::copy(
        twin("nanshan_kjj_2023_2024_zoom.html"),
        dir.path().join("nanshan.txt"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("broken.html"),
        "<html><body><p>没有正文的页面</p></body></html>",
    )
    .unwrap();
    let output = planlens().arg("list").arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let out = String::from_utf8(output.stdout).unwrap();
    for name in PAGES.iter().copied().chain(["nanshan.txt"]) {
        assert!(out.contains(name), "{name} missing from\n{out}");
    }
    assert!(!out.contains("frame.html"));
    let err = String::from_utf8(output.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("broken.html") && err.contains("no article"));
}

/// Runs `tree` on a file holding `bytes` and returns its one line of standard error.
fn refused(name: &str, bytes: &[u8]) -> String {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let output = planlens().arg("tree").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8(output.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(name), "{err}");
    err
}

#[test]
fn a_page_with_no_article_is_a_one_line_error() {
    let page = "<html><head><meta charset=\"utf-8\"><title>首页</title></head><body>\
        <div class=\"nav\">首页 政务公开</div><div class=\"list\"><p>关于开展安全检查的通知</p></div>\
        <div class=\"footer\">版权所有</div></body></html>";
    let err = refused("list.html", page.as_bytes());
    assert!(err.contains("no article found"), "{err}");
}

#[test]
fn a_page_in_an_unsupported_encoding_is_a_one_line_error() {
    let page =
        "<html><head><meta charset=\"shift_jis\"></head><body><p>一、工作总结</p></body></html>";
    let err = refused("sjis.html", page.as_bytes());
    assert!(
        err.contains("Shift_JIS") && err.contains("save it as UTF-8"),
        "{err}"
    );
    let page =
        "<html><head><meta charset=\"klingon\"></head><body><p>一、工作总结</p></body></html>";
    assert!(refused("bad.htm", page.as_bytes()).contains("`klingon`"));
}

#[test]
fn a_web_archive_is_a_one_line_error_that_says_to_save_as_html() {
    let archive =
        "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\r\n";
    let err = refused("page.mhtml", archive.as_bytes());
    assert!(
        err.contains("web archive") && err.contains(".html"),
        "{err}"
    );
    // Listed beside the others, with the same error.
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("page.mht"), archive).unwrap();
    planlens()
        .arg("list")
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("page.mht: byte 0: a web archive"));
}
