//! Import and load speed: `cargo bench --bench import`.
//!
//! Targets: import at 20 MB/s or more; a folder of 1,000 report JSON files loaded in 200 ms or
//! less; a 50-page PDF imported in 1 s or less.

use std::path::Path;

use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use planlens::import::import_text;
use planlens::load::load_dir;
use planlens::synth::{self, ItemStyle, Spec};

fn main() {
    divan::main();
}

/// The seed pages of data/raw, as scraped.
const SEEDS: &[(&str, &str)] = &[
    (
        "guangming-zwsj-2024-2025",
        include_str!("../data/raw/guangming-zwsj-2024-2025.txt"),
    ),
    (
        "longgang-zwsj-2023-2024",
        include_str!("../data/raw/longgang-zwsj-2023-2024.txt"),
    ),
];

#[divan::bench(args = ["guangming-zwsj-2024-2025", "longgang-zwsj-2023-2024"])]
fn import_seed(bencher: Bencher, name: &str) {
    let text = SEEDS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
        .unwrap_or_default();
    assert!(import_text(text).is_ok(), "{name} does not import");
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| import_text(black_box(text)));
}

/// A generated report of about 1 MB, its line breaks intact or lost.
fn megabyte_report(lost_line_breaks: bool) -> String {
    synth::report_text(&Spec {
        seed: 2025,
        style: ItemStyle::Mixed,
        uneven: true,
        lost_line_breaks,
        target_bytes: Some(1 << 20),
        ..Spec::default()
    })
}

#[divan::bench(args = ["intact", "flattened"], sample_count = 30)]
fn import_1mb(bencher: Bencher, line_breaks: &str) {
    let text = megabyte_report(line_breaks == "flattened");
    assert!(import_text(&text).is_ok());
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| import_text(black_box(&text)));
}

/// Number of report files in the folder `load_dir` reads.
const FILES: usize = 1_000;

/// Writes `FILES` report JSON files, imports of generated pages of every style and size, into
/// `dir` (in ten subfolders, as a year of several bureaus' reports would be kept).
fn write_reports(dir: &Path) -> u64 {
    let mut bytes = 0;
    for i in 0..FILES {
        let spec = Spec {
            seed: i as u64,
            district: synth::DISTRICTS[i % synth::DISTRICTS.len()].to_string(),
            bureau: synth::BUREAUS[i / 10 % synth::BUREAUS.len()].to_string(),
            summary_year: 2018 + i32::try_from(i % 8).unwrap_or_default(),
            sections: 3 + i % 4,
            items_per_section: 1 + i % 5,
            uneven: i % 2 == 0,
            style: [ItemStyle::RunIn, ItemStyle::Numbered, ItemStyle::Mixed][i % 3],
            ..Spec::default()
        };
        let report = import_text(&synth::report_text(&spec)).expect("generated report imports");
        let json = serde_json::to_string_pretty(&report).expect("report serialises");
        let sub = dir.join(format!("bureau-{}", i % 10));
        std::fs::create_dir_all(&sub).expect("create folder");
        std::fs::write(sub.join(format!("report-{i:04}.json")), &json).expect("write report");
        bytes += json.len() as u64;
    }
    bytes
}

#[divan::bench(sample_count = 30)]
fn load_dir_1000_json(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("temp folder");
    let bytes = write_reports(dir.path());
    let loaded: Vec<_> = load_dir(dir.path()).expect("folder loads").collect();
    assert_eq!(loaded.len(), FILES);
    assert!(loaded.iter().all(|(_, report)| report.is_ok()));
    bencher
        .counter(ItemsCount::new(FILES))
        .counter(BytesCount::new(bytes))
        .bench(|| load_dir(black_box(dir.path())).map(Iterator::collect::<Vec<_>>));
}

/// The 1 MB report saved as a web page of a CMS: head, scripts, menus, breadcrumb, the body as
/// paragraphs of a TRS_Editor container, share buttons and a footer.
fn megabyte_page() -> String {
    let text = megabyte_report(false);
    let mut page = String::from(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>工作总结和工作计划</title>\
         <script>var site = {name: 'gov'};</script><style>p{line-height:2}</style></head><body>\
         <div class=\"nav\"><ul><li>首页</li><li>政务公开</li><li>政务服务</li></ul></div>\
         <div class=\"position\">当前位置：首页 &gt; 政务公开 &gt; 计划总结</div>\
         <div class=\"content\"><div class=\"TRS_Editor\">\n",
    );
    for line in text.lines() {
        page.push_str("<p style=\"text-indent:2em\"><span>");
        page.push_str(line);
        page.push_str("</span></p>\n");
    }
    page.push_str(
        "</div></div><div class=\"bdsharebuttonbox\">分享到：微信 微博</div>\
         <div class=\"footer\">版权所有</div><script>var _hmt = [];</script></body></html>",
    );
    page
}

#[divan::bench(sample_count = 20)]
fn import_1mb_html(bencher: Bencher) {
    let page = megabyte_page();
    let path = Path::new("page.html");
    assert!(planlens::import::import_source(path, page.as_bytes()).is_ok());
    bencher
        .counter(BytesCount::of_str(&page))
        .bench(|| planlens::import::import_source(path, black_box(page.as_bytes())));
}

/// Pages of the PDF benchmark.
const PDF_PAGES: usize = 50;

/// The four-page PDF fixture (LibreOffice, embedded CJK font subset with its ToUnicode map,
/// running header, page numbers) grown to `PDF_PAGES` pages by repeating its pages.
fn fifty_page_pdf() -> Vec<u8> {
    use pdf_extract::{Document, Object};
    let fixture = include_bytes!("../tests/fixtures/office/baoan_fgj_2023_2024_pages.pdf");
    let mut document = Document::load_mem(fixture).expect("the fixture loads");
    let pages: Vec<_> = document.get_pages().values().copied().collect();
    let root = document
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .expect("a page tree");
    let kids: Vec<Object> = (0..PDF_PAGES)
        .map(|i| {
            let page = document
                .get_object(pages[i % pages.len()])
                .expect("a page")
                .clone();
            Object::Reference(document.add_object(page))
        })
        .collect();
    let tree = document
        .get_object_mut(root)
        .and_then(Object::as_dict_mut)
        .expect("the page tree is a dictionary");
    tree.set("Kids", Object::Array(kids));
    tree.set("Count", Object::Integer(PDF_PAGES as i64));
    let mut bytes = Vec::new();
    document.save_to(&mut bytes).expect("the PDF is written");
    bytes
}

#[divan::bench(sample_count = 10)]
fn import_50_page_pdf(bencher: Bencher) {
    let pdf = fifty_page_pdf();
    let path = Path::new("report.pdf");
    let report = planlens::import::import_source(path, &pdf).expect("the PDF imports");
    assert_eq!(
        report
            .dropped_info
            .iter()
            .filter(|d| d.reason == planlens::model::DropReason::PageNumber)
            .count(),
        PDF_PAGES
    );
    bencher
        .counter(ItemsCount::new(PDF_PAGES))
        .counter(BytesCount::new(pdf.len()))
        .bench(|| planlens::import::import_source(path, black_box(&pdf)));
}
