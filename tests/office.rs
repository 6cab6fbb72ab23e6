//! Word (.docx) and PDF reports: each fixture under tests/fixtures/office, made by LibreOffice
//! from its .txt twin (make_fixtures.py), reads as that twin (`tree` and `show` alike), is
//! lossless over its extracted text, keeps Word's numbering as generated text and a PDF's
//! running headers and page numbers in `dropped`; `list` and the picker show them; an old .doc,
//! a .wps, an OFD, a password-protected, scanned or damaged PDF and a damaged .docx are each a
//! one-line error, exit 1, while the other files still load.

mod support;

use std::io::Read;
use std::path::{Path, PathBuf};

use planlens::import::sources::{self, Format};
use planlens::import::{check_lossless, import_extracted};
use planlens::model::{DropReason, SourceFormat};
use planlens::tui::app::{App, Entry};
use planlens::tui::theme::{Theme, ThemeName};
use predicates::prelude::*;
use support::{planlens, stdout};
use tempfile::TempDir;

/// The fixtures, each a .docx and a .pdf beside its .txt twin.
const REPORTS: &[&str] = &[
    "futian_zsj_2024_2025_numbering",
    "baoan_fgj_2023_2024_pages",
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/office")
        .join(name)
}

#[test]
fn tree_and_show_of_each_docx_and_pdf_match_its_text_twin() {
    for report in REPORTS {
        let twin = fixture(&format!("{report}.txt"));
        for extension in ["docx", "pdf"] {
            let file = fixture(&format!("{report}.{extension}"));
            for args in [
                &["tree"][..],
                &["show"],
                &["show", "p1"],
                &["show", "p2", "--width", "36"],
            ] {
                assert_eq!(
                    stdout(args, &file),
                    stdout(args, &twin),
                    "{report}.{extension} {args:?}"
                );
            }
        }
    }
}

/// The fixture read through its extractor, and the report imported from it.
fn extracted(name: &str) -> (sources::Extracted, planlens::model::Report) {
    let bytes = std::fs::read(fixture(name)).unwrap();
    let extracted = sources::extract(sources::sniff(&fixture(name), &bytes), &bytes).unwrap();
    let report = import_extracted(&extracted).unwrap();
    (extracted, report)
}

#[test]
fn every_document_is_lossless_over_its_extracted_text() {
    for report in REPORTS {
        for (extension, format) in [("docx", SourceFormat::Docx), ("pdf", SourceFormat::Pdf)] {
            let name = format!("{report}.{extension}");
            let (extracted, imported) = extracted(&name);
            assert_eq!(imported.source, format, "{name}");
            check_lossless(&extracted.text, &imported).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(imported.dropped.len(), imported.dropped_info.len());
        }
    }
}

#[test]
fn a_docx_numbered_by_word_shows_the_markers_as_generated_text() {
    let name = "futian_zsj_2024_2025_numbering.docx";
    let mut package = zip::ZipArchive::new(std::fs::File::open(fixture(name)).unwrap()).unwrap();
    let mut part = |name: &str| {
        let mut xml = String::new();
        package
            .by_name(name)
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        xml
    };
    let (document, numbering) = (part("word/document.xml"), part("word/numbering.xml"));
    // The markers are not in the text: only numbering.xml holds them.
    for marker in ["一、", "（一）", "（二）", "（1）"] {
        assert!(!document.contains(marker), "{marker} is in document.xml");
    }
    for template in ["%1、", "（%2）", "%1.", "（%2）"] {
        assert!(
            numbering.contains(template),
            "{template} not in numbering.xml"
        );
    }
    let (extracted, report) = extracted(name);
    let generated: Vec<&str> = report.generated.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(
        generated[..6],
        ["一、", "（一）", "1.", "2.", "（二）", "1."]
    );
    assert!(generated.contains(&"（1）") && generated.contains(&"二、"));
    let lines: Vec<&str> = extracted.text.lines().collect();
    for g in &report.generated {
        assert!(lines[g.line - 1].starts_with(&g.text), "{g:?}");
    }
    let part = &report.parts[0];
    assert_eq!(part.heading, "一、2024年工作总结");
    assert_eq!(part.nodes[1].children[1].children[0].marker, "（1）");
    // The table reads one row per line, its cells parted by a space.
    assert!(lines.contains(&"电子证照调用量 100万次 126.5万次"));
}

#[test]
fn a_pdf_sets_its_running_header_and_page_numbers_aside_and_joins_a_paragraph_across_pages() {
    let name = "baoan_fgj_2023_2024_pages.pdf";
    // The fixture really breaks that paragraph between two pages.
    let pages = pdf_extract::extract_text_from_mem_by_pages(&std::fs::read(fixture(name)).unwrap())
        .unwrap();
    assert!(pages.len() >= 3);
    let across = pages.windows(2).any(|w| {
        w[0].contains("近零碳排放区试") && !w[0].contains("区试点") && w[1].contains("点，3")
    });
    assert!(across, "no paragraph across a page break");
    let (_, report) = extracted(name);
    let with = |reason: DropReason| {
        report
            .dropped
            .iter()
            .zip(&report.dropped_info)
            .filter(|(_, info)| info.reason == reason)
            .map(|(text, info)| (text.as_str(), info.from.clone().unwrap_or_default()))
            .collect::<Vec<_>>()
    };
    let headers = with(DropReason::RunningHeader);
    assert_eq!(headers.len(), pages.len());
    assert!(
        headers
            .iter()
            .all(|(text, _)| *text == "宝安区发展和改革局2023年工作总结和2024年工作计划")
    );
    let numbers = with(DropReason::PageNumber);
    assert_eq!(numbers[0], ("—1—", "page 1".to_string()));
    assert_eq!(numbers.len(), pages.len());
    let item = report
        .nodes()
        .map(|(_, n)| n)
        .find(|n| n.title.starts_with("开展绿色低碳试点示范"))
        .unwrap();
    assert_eq!(
        item.text,
        "推动航城街道、燕罗街道创建近零碳排放区试点，3家企业获评国家级绿色工厂。"
    );
    assert_eq!(
        report.title,
        "宝安区发展和改革局2023年工作总结和2024年工作计划"
    );
    // No space left between Han characters and figures.
    assert!(!report.content_pieces().concat().contains(" 年"));
}

/// The one line of standard error of `tree` on a file named `name` holding `bytes`.
fn refused(name: &str, bytes: &[u8]) -> String {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let output = planlens().arg("tree").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{name}");
    let err = String::from_utf8(output.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(name), "{err}");
    err
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

#[test]
fn old_office_formats_are_one_line_errors_that_say_to_save_as_docx_or_pdf() {
    let doc = bytes("bad_old_word.doc");
    let err = refused("report.doc", &doc);
    assert!(
        err.contains("byte 0: an old binary Word document (.doc)"),
        "{err}"
    );
    assert!(err.contains("save it as .docx or PDF"), "{err}");
    // A .doc renamed .docx is still a .doc; WPS files are the same kind of container.
    assert!(refused("renamed.docx", &doc).contains("old binary Word document (.doc)"));
    assert!(refused("report.wps", &doc).contains("a WPS Office document (.wps)"));
    let err = refused("report.ofd", &bytes("bad_ofd.ofd"));
    assert!(err.contains("an OFD document (.ofd)") && err.contains(".docx or PDF"));
}

#[test]
fn pdfs_that_cannot_be_read_say_why() {
    let err = refused("locked.pdf", &bytes("bad_password.pdf"));
    assert!(err.contains("password-protected (encrypted) PDF"), "{err}");
    let err = refused("scan.pdf", &bytes("bad_scanned.pdf"));
    assert!(
        err.contains("page 1: no text layer") && err.contains("scanned"),
        "{err}"
    );
    let whole = bytes("baoan_fgj_2023_2024_pages.pdf");
    let err = refused("cut.pdf", &whole[..whole.len() / 3]);
    assert!(err.contains("a damaged PDF"), "{err}");
    let mut garbled = whole.clone();
    for byte in garbled.iter_mut().skip(2000).step_by(7) {
        *byte = b'#';
    }
    let err = refused("garbled.pdf", &garbled);
    assert!(err.contains("PDF"), "{err}");
}

#[test]
fn a_damaged_docx_is_a_one_line_error_naming_the_part() {
    let whole = bytes("baoan_fgj_2023_2024_pages.docx");
    let err = refused("cut.docx", &whole[..whole.len() / 2]);
    assert!(
        err.contains("not a readable Word document (.docx)"),
        "{err}"
    );
    // A zip that holds no Word document.
    let mut buffer = std::io::Cursor::new(Vec::new());
    let mut writer = zip::ZipWriter::new(&mut buffer);
    writer
        .start_file("notes.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    writer.finish().unwrap();
    let err = refused("notes.docx", buffer.get_ref());
    assert!(
        err.contains("word/document.xml") && err.contains("missing"),
        "{err}"
    );
}

#[test]
fn list_shows_docx_and_pdf_reports_and_each_bad_file_on_its_own_line() {
    let dir = TempDir::new().unwrap();
    let good = [
        "futian_zsj_2024_2025_numbering.docx",
        "baoan_fgj_2023_2024_pages.pdf",
    ];
    let bad = [
        "bad_old_word.doc",
        "bad_ofd.ofd",
        "bad_password.pdf",
        "bad_scanned.pdf",
    ];
    for name in good.iter().chain(&bad) {
        std::fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    let output = planlens().arg("list").arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let out = String::from_utf8(output.stdout).unwrap();
    for name in good {
        assert!(out.contains(name), "{name} missing from\n{out}");
    }
    assert!(out.contains("福田区") && out.contains("宝安区"), "{out}");
    let err = String::from_utf8(output.stderr).unwrap();
    assert_eq!(err.lines().count(), bad.len(), "{err}");
    for name in bad {
        assert!(err.contains(name), "{name} missing from\n{err}");
    }
    planlens()
        .arg("list")
        .arg(dir.path())
        .assert()
        .stderr(predicate::str::contains(
            "bad_scanned.pdf: page 1: no text layer",
        ));
}

#[test]
fn the_picker_lists_word_and_pdf_reports_beside_the_files_that_failed() {
    let entries: Vec<Entry> = [
        "futian_zsj_2024_2025_numbering.docx",
        "baoan_fgj_2023_2024_pages.pdf",
    ]
    .iter()
    .map(|name| Entry {
        source: name.to_string(),
        report: planlens::load::load_report(&fixture(name)).unwrap(),
    })
    .collect();
    let failures = ["bad_password.pdf", "bad_old_word.doc"]
        .iter()
        .map(|name| {
            planlens::load::report_from_bytes(Path::new(name), &bytes(name))
                .unwrap_err()
                .to_string()
        })
        .collect();
    let (width, height) = (100, 20);
    let mut app = App::new(entries, failures, Theme::new(ThemeName::Dark, false), false);
    app.update(planlens::tui::action::Action::Resize(width, height));
    insta::assert_snapshot!("office_picker_100x20", support::screen(&app, width, height));
}

#[test]
fn a_file_without_an_extension_is_sniffed_by_its_first_bytes() {
    let pdf = bytes("baoan_fgj_2023_2024_pages.pdf");
    assert_eq!(sources::sniff(Path::new("download"), &pdf), Format::Pdf);
    let docx = bytes("futian_zsj_2024_2025_numbering.docx");
    assert_eq!(sources::sniff(Path::new("attachment"), &docx), Format::Docx);
    let (_, report) = extracted("futian_zsj_2024_2025_numbering.docx");
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("attachment");
    std::fs::write(&path, &docx).unwrap();
    assert_eq!(planlens::load::load_report(&path).unwrap(), report);
}
