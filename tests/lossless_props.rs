//! Property tests of the importer: generated reports come back with the shape they were written
//! with, and whatever text the importer accepts, it accounts for losslessly.
//!
//! The runs are deterministic (a fixed seed) so that CI does not flake; set `PROPTEST_RNG_SEED`
//! (and `PROPTEST_CASES`) to explore other inputs.

use std::path::Path;

use planlens::import::{check_lossless, decode::decode, import_bytes, import_text};
use planlens::model::{Node, Part, Report};
use planlens::text::wrap::{NO_LINE_START, str_width};

use planlens::synth::{self, BUREAUS, DISTRICTS, ItemStyle, Spec, shape_of};
use proptest::prelude::*;
use proptest::test_runner::RngSeed;

/// `cases` cases (unless `PROPTEST_CASES` says otherwise), a fixed seed (unless
/// `PROPTEST_RNG_SEED` says otherwise), and no regression files in the work tree.
fn config(cases: u32) -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = cases;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x706c_616e_6c65_6e73);
    }
    config.failure_persistence = None;
    config
}

fn style() -> impl Strategy<Value = ItemStyle> {
    prop_oneof![
        Just(ItemStyle::RunIn),
        Just(ItemStyle::Numbered),
        Just(ItemStyle::Mixed)
    ]
}

/// Every field of a small report: seed, organisation, year, sizes, style, furniture, lost line
/// breaks, glued head, line endings.
fn spec() -> impl Strategy<Value = Spec> {
    (
        any::<u64>(),
        0..DISTRICTS.len(),
        0..BUREAUS.len(),
        2000i32..2040,
        0usize..8,
        0usize..8,
        any::<bool>(),
        style(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(
                seed,
                district,
                bureau,
                summary_year,
                sections,
                items_per_section,
                uneven,
                style,
                furniture,
                lost_line_breaks,
                glued_head,
                crlf,
            )| Spec {
                seed,
                district: DISTRICTS[district].to_string(),
                bureau: BUREAUS[bureau].to_string(),
                summary_year,
                sections,
                items_per_section,
                uneven,
                style,
                furniture,
                lost_line_breaks,
                glued_head,
                crlf,
                target_bytes: None,
            },
        )
}

/// The page for `spec` imports, losslessly, into the tree it was written as, with its
/// organisation, years and date, and with every sentence of the report in the report (page
/// furniture has no 。, report text always has).
fn imports_as_written(spec: &Spec) -> Result<(), TestCaseError> {
    let generated = synth::generate(spec);
    let report = import_text(&generated.text).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(check_lossless(&generated.text, &report), Ok(()));
    prop_assert_eq!(synth::shape_of(&report), generated.shape);
    prop_assert_eq!(report.city.as_deref(), Some("深圳市"));
    prop_assert_eq!(report.district.as_deref(), Some(spec.district.as_str()));
    prop_assert_eq!(report.bureau.as_deref(), Some(spec.bureau.as_str()));
    let years: Vec<_> = report.parts.iter().map(|p| p.year).collect();
    prop_assert_eq!(
        years,
        vec![Some(spec.summary_year), Some(spec.summary_year + 1)]
    );
    prop_assert!(report.nodes().all(|(_, n)| n.flags.is_empty()));
    prop_assert_eq!(report.published.is_some(), spec.furniture);
    prop_assert!(!report.preamble.is_empty());
    prop_assert!(
        report.dropped.iter().all(|d| !d.contains('。')),
        "report text dropped as furniture: {:?}",
        report.dropped
    );
    prop_assert_eq!(report.dropped.len(), report.dropped_info.len());
    Ok(())
}

proptest! {
    #![proptest_config(config(512))]

    /// Generated pages, line breaks intact or lost in the body, head on its own lines.
    #[test]
    fn generated_reports_import_with_their_shape(
        spec in spec().prop_map(|s| Spec { glued_head: false, ..s }),
    ) {
        imports_as_written(&spec)?;
    }

    /// Generated pages whose head runs into the preamble, as on flattened pages.
    #[test]
        fn generated_reports_with_a_glued_head_import_with_their_shape(
        spec in spec().prop_map(|s| Spec { glued_head: true, furniture: true, ..s }),
    ) {
        imports_as_written(&spec)?;
    }
}

/// `page` as the text copied out of a PDF of it: every line hard-wrapped at `width` display
/// cells (a figure kept whole, no line opened by closing punctuation, the indent on the first
/// line only), no blank lines, and a page number (`— 1 —`, `- 2 -`, `第 3 页`) after every
/// `page_lines` lines.
fn as_pdf_copy(page: &str, width: usize, page_lines: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for source in page.lines().filter(|l| !l.trim().is_empty()) {
        let mut line = String::new();
        let mut chars = source.chars().peekable();
        while let Some(c) = chars.next() {
            let mut piece = c.to_string();
            while c.is_ascii_digit()
                && let Some(d) = chars.next_if(|d| d.is_ascii_digit() || matches!(d, '.' | '%'))
            {
                piece.push(d);
            }
            let opens_no_line = NO_LINE_START.contains(&c);
            if str_width(&line, false) + str_width(&piece, false) > width && !opens_no_line {
                lines.push(std::mem::take(&mut line));
            }
            line.push_str(&piece);
        }
        lines.push(line);
    }
    let mut copy = String::new();
    for (i, line) in lines.iter().enumerate() {
        copy.push_str(line);
        copy.push('\n');
        if (i + 1) % page_lines == 0 {
            let n = (i + 1) / page_lines;
            let number = match n % 3 {
                0 => format!("— {n} —"),
                1 => format!("- {n} -"),
                _ => format!("第 {n} 页"),
            };
            copy.push_str(&number);
            copy.push('\n');
        }
    }
    copy
}

/// The parts of a report as a reader sees them, but for the paragraph breaks inside a text:
/// the source lines left out, and the texts run together. (A copy of a page that does not indent
/// its paragraphs cannot tell a sentence that ends a paragraph at the page's width from one
/// that does not: `…801公里。` / `— 2 —` / `稳步推进…`.)
fn parts_as_read(report: &Report) -> Vec<Part> {
    fn as_read(node: &mut Node) {
        node.line = 0;
        node.text.retain(|c| c != '\n');
        node.children.iter_mut().for_each(as_read);
    }
    let mut parts = report.parts.clone();
    for part in &mut parts {
        part.line = 0;
        part.text.retain(|c| c != '\n');
        part.nodes.iter_mut().for_each(as_read);
    }
    parts
}

proptest! {
    #![proptest_config(config(256))]

    /// A generated report copied out of its PDF, hard-wrapped at 36 to 44 characters a line with
    /// page numbers between its lines, reads as the page it was set from: the same preamble,
    /// parts, headings, items and text (but where a page break falls after a sentence), and
    /// every character accounted for.
    #[test]
    fn a_pdf_copy_reads_as_the_page_it_was_set_from(
        spec in spec().prop_map(|s| Spec {
            furniture: false,
            lost_line_breaks: false,
            glued_head: false,
            sections: s.sections.max(2),
            items_per_section: s.items_per_section.max(2),
            ..s
        }),
        width in 72usize..=88,
        page_lines in 8usize..40,
    ) {
        let page = synth::report_text(&spec);
        let copy = as_pdf_copy(&page, width, page_lines);
        let report = import_text(&copy).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(check_lossless(&copy, &report), Ok(()));
        let web = import_text(&page).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let preamble = |r: &Report| r.preamble.replace('\n', "");
        prop_assert_eq!(preamble(&report), preamble(&web), "copy:\n{}", copy);
        prop_assert_eq!(parts_as_read(&report), parts_as_read(&web), "copy:\n{}", copy);
    }
}

/// Minimal input of the bug above: the preamble `甲。` ends up in `dropped` as the value of the
/// `浏览次数` metadata key (on a real page: `发布日期:2025-09-18  浏览次数:- 2024年,区…`).
#[test]
fn sentence_after_a_metadata_key_is_not_dropped() {
    let text = "浏览次数:- 甲。\n一、工作总结\n";
    let report = import_text(text).unwrap();
    assert_eq!(report.preamble, "甲。");
    assert_eq!(report.dropped, vec!["浏览次数:-"]);
}

/// Pieces that exercise the importer: every marker form and its damaged variants, part and
/// kind words, furniture, punctuation of both widths, figures, whitespace of every kind, line
/// endings, ASCII, emoji and other non-Han text.
const PIECES: &[&str] = &[
    "一、",
    "二、",
    "三、",
    "十、",
    "二十、",
    "(一)",
    "（二）",
    "(三）",
    "（四)",
    "(二十一)",
    "(",
    "（",
    ")",
    "）",
    "一)",
    "(三",
    "1.",
    "2.",
    "3.",
    "1、",
    "2、",
    "１．",
    "２．",
    "1。",
    "(1)",
    "（2）",
    "一是",
    "二是",
    "三是",
    "十是",
    "二十是",
    "二十一是",
    "是",
    "是否",
    "一二",
    "十",
    "2024年",
    "2025年",
    "二〇二四年",
    "工作总结",
    "工作计划",
    "年工作总结和",
    "工作總結",
    "上半年",
    "下半年",
    "下一步工作安排",
    "。",
    "，",
    ",",
    "、",
    "；",
    ";",
    "：",
    ":",
    "！",
    "!",
    "？",
    "?",
    "“",
    "”",
    "《",
    "》",
    "【",
    "】",
    "【打印】",
    "【字体:",
    "×",
    "x",
    "首页",
    ">",
    "当前位置:",
    "发布日期:2025-09-18",
    "发布日期:",
    "浏览次数:-",
    "名称:",
    "索引号:",
    "深圳市",
    "光明区",
    "政务服务和数据管理局",
    "局",
    "推进",
    "加强",
    "数字政府",
    "充分发挥",
    "33.8%",
    "28亿条",
    "2.0",
    "1.5",
    "12",
    " ",
    "  ",
    "\u{3000}",
    "\u{3000}\u{3000}",
    "\u{a0}",
    "\t",
    "\u{2028}",
    "\u{85}",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "abc",
    "CIM+",
    "😀",
    "👨‍👩‍👧",
    "é",
    "\u{feff}",
    "\u{200b}",
    "龍崗區",
];

/// One piece of adversarial text: mostly report pieces, some random Han, some any character.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(PIECES).prop_map(str::to_string),
        2 => prop::char::range('\u{4e00}', '\u{9fff}').prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
        1 => "[ -~]{1,4}",
    ]
}

fn text_of(pieces: &[String]) -> String {
    pieces.concat()
}

/// An import that succeeded must account for every character of the page.
fn assert_lossless_if_ok(text: &str) -> Result<(), TestCaseError> {
    if let Ok(report) = import_text(text) {
        prop_assert_eq!(check_lossless(text, &report), Ok(()), "text: {:?}", text);
        prop_assert_eq!(report.dropped.len(), report.dropped_info.len());
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(10_000))]

    /// Arbitrary mixes of markers, punctuation, whitespace and line endings: import never
    /// panics, and whenever it returns a report, the report is lossless.
    #[test]
    fn arbitrary_text_is_lossless_whenever_imported(pieces in prop::collection::vec(piece(), 0..80)) {
        assert_lossless_if_ok(&text_of(&pieces))?;
    }
}

/// A splice into a page: at a relative position, remove some characters and insert a piece.
#[derive(Debug, Clone)]
struct Edit {
    at: f64,
    remove: usize,
    insert: String,
}

fn edit() -> impl Strategy<Value = Edit> {
    (
        0.0..1.0f64,
        prop_oneof![3 => Just(0usize), 1 => 1usize..6],
        piece(),
    )
        .prop_map(|(at, remove, insert)| Edit { at, remove, insert })
}

#[allow(
    clippy::cast_possible_truncation,
    reason = "edit.at is in 0..1, so the position is at most the length, a usize"
)]
fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for edit in edits {
        let at = ((chars.len() as f64) * edit.at) as usize;
        let end = (at + edit.remove).min(chars.len());
        chars.splice(at..end, edit.insert.chars());
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(config(2_000))]

    /// Generated pages damaged in a few places (markers cut, punctuation and line breaks
    /// inserted or removed): still lossless whenever imported.
    #[test]
    fn damaged_reports_are_lossless_whenever_imported(
        spec in spec(),
        edits in prop::collection::vec(edit(), 1..8),
    ) {
        let spec = Spec { sections: spec.sections.min(4), items_per_section: spec.items_per_section.min(4), ..spec };
        assert_lossless_if_ok(&apply(&synth::report_text(&spec), &edits))?;
    }
}

/// A page with damaged bytes (one in a hundred characters): each is counted, the decoded text
/// is accounted for losslessly, and the outline is the one of the undamaged page.
#[test]
fn damaged_bytes_are_counted_and_the_decoded_text_is_kept_whole() {
    let page = synth::report_text(&Spec::default());
    let mut bytes = Vec::new();
    for (n, c) in page.chars().enumerate() {
        if n % 100 == 99 {
            bytes.push(0xFF);
        }
        bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    }
    let report = import_bytes(&bytes).unwrap();
    assert_eq!(report.damaged, page.chars().count() / 100);
    let decoded = decode(&bytes).unwrap();
    assert_eq!(check_lossless(&decoded.text, &report), Ok(()));
    assert_eq!(shape_of(&report), shape_of(&import_text(&page).unwrap()));
}

#[test]
fn seed_pages_are_lossless() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/raw");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            let report = import_text(&text).unwrap();
            check_lossless(&text, &report).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            seen += 1;
        }
    }
    assert!(
        seen >= 2,
        "expected the two seed pages in {}",
        dir.display()
    );
}
