//! The fuzz targets: what each feeds to planlens and what it checks beyond "no panic".

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use planlens::commands::audit::{AuditArgs, AuditFormat};
use planlens::commands::diff::{self, DiffArgs, DiffFormat, TextOptions, choose};
use planlens::commands::{self, list_row, print_rows, print_show, print_tree};
use planlens::compare::audit::audit;
use planlens::compare::warnings::pair_warnings;
use planlens::import::sources::{self, Format};
use planlens::import::{check_lossless, decode::decode, import_bytes, import_extracted};
use planlens::load::report_from_bytes;
use planlens::model::Report;
use planlens::present::comparison::ComparisonDoc;
use planlens::present::labels;
use planlens::store::FileStore;
use planlens::store::sidecar::sidecar_path;
use planlens::synth::{self, Rng, Spec};
use planlens::text::wrap::{WrapOptions, layout, str_width};
use planlens::tui::action::{Action, KEYMAP};
use planlens::tui::app::{App, Entry};
use planlens::tui::document::{DocLayout, Document};
use planlens::tui::run::{action_for_event, dispatch};
use planlens::tui::theme::{Theme, ThemeName};
use planlens::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::mutate;

pub struct Target {
    pub name: &'static str,
    /// Executions in the CI budget (release build, about a minute each on a 2-core machine).
    pub ci_execs: u64,
    pub seeds: fn() -> Vec<Vec<u8>>,
    pub mutate: fn(&mut Rng, &[Vec<u8>]) -> Vec<u8>,
    /// Runs one input; `scratch` is a folder for the files a command needs.
    pub run: fn(&[u8], &Path) -> Result<(), Failure>,
    /// The input as a person (or a regression test) reads it.
    pub show: fn(&[u8]) -> String,
}

/// A failed check or a panic. Minimising keeps inputs that fail with the same `kind`.
pub struct Failure {
    pub kind: String,
    pub message: String,
}

fn fail(kind: &str, message: impl std::fmt::Display) -> Failure {
    Failure {
        kind: kind.to_string(),
        message: format!("{kind}: {message}"),
    }
}

pub fn all() -> Vec<Target> {
    vec![
        Target {
            name: "import",
            ci_execs: 150_000,
            seeds: pages,
            mutate: |rng, seeds| mutated_page(rng, seeds),
            run: |input, _| import(input),
            show: show_page,
        },
        Target {
            name: "json",
            ci_execs: 6_000,
            seeds: reports_json,
            mutate: |rng, seeds| {
                let mut bytes = seeds[rng.below(seeds.len())].clone();
                mutate::json(rng, &mut bytes);
                bytes
            },
            run: json,
            show: show_page,
        },
        Target {
            name: "compare",
            ci_execs: 30_000,
            seeds: pages,
            mutate: |rng, seeds| [mutated_page(rng, seeds), mutated_page(rng, seeds)].join(PAIR),
            run: |input, _| compare(input),
            show: show_page,
        },
        Target {
            name: "docx",
            ci_execs: 20_000,
            seeds: docx_seeds,
            mutate: mutated_docx,
            run: |input, _| office(Format::Docx, input),
            show: show_page,
        },
        Target {
            name: "pdf",
            ci_execs: 30_000,
            seeds: pdf_seeds,
            mutate: |rng, seeds| {
                let mut bytes = seeds[rng.below(seeds.len())].clone();
                mutate::bytes(rng, &mut bytes);
                bytes
            },
            run: |input, _| office(Format::Pdf, input),
            show: show_page,
        },
        Target {
            name: "wrap",
            ci_execs: 5_000_000,
            seeds: Vec::new,
            mutate: |rng, _| {
                let mut bytes: Vec<u8> = (0..rng.range(2, 40))
                    .map(|_| mutate::random_byte(rng))
                    .collect();
                mutate::bytes(rng, &mut bytes);
                bytes
            },
            run: |input, _| wrap(input),
            show: show_wrap,
        },
        Target {
            name: "tui",
            ci_execs: 9_000,
            seeds: Vec::new,
            mutate: |rng, _| {
                (0..rng.range(2, 80))
                    .map(|_| mutate::random_byte(rng))
                    .collect()
            },
            run: tui,
            show: show_tui,
        },
    ]
}

// ---- seeds ----

/// Every page of the repository (data/raw, tests/fixtures) and a few synthetic ones.
fn pages() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages = Vec::new();
    for dir in ["data/raw", "tests/fixtures", "tests/fixtures/audit"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        pages.extend(files.iter().filter_map(|p| std::fs::read(p).ok()));
    }
    for seed in 0..4_u8 {
        let spec = Spec {
            seed: seed.into(),
            sections: 2 + usize::from(seed),
            lost_line_breaks: seed % 2 == 1,
            crlf: seed == 2,
            ..Spec::default()
        };
        pages.push(synth::report_text(&spec).into_bytes());
    }
    pages
}

/// The files of tests/fixtures/office with this extension.
fn office_files(extension: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/office");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    files.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

fn docx_seeds() -> Vec<Vec<u8>> {
    office_files("docx")
}

/// The PDFs, and each again with its streams decompressed, so that mutations reach the content
/// operators, the fonts and the ToUnicode maps.
fn pdf_seeds() -> Vec<Vec<u8>> {
    let mut seeds = office_files("pdf");
    let decompressed: Vec<Vec<u8>> = seeds
        .iter()
        .filter_map(|pdf| {
            let mut document = pdf_extract::Document::load_mem(pdf).ok()?;
            document.decompress();
            let mut bytes = Vec::new();
            document.save_to(&mut bytes).ok()?;
            Some(bytes)
        })
        .collect();
    seeds.extend(decompressed);
    seeds
}

/// A .docx with one of its XML parts edited as page text (markers, damage, lines moved …),
/// packed again; now and then the package's own bytes damaged instead.
fn mutated_docx(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut bytes = seeds[rng.below(seeds.len())].clone();
    if rng.chance(1, 10) {
        mutate::bytes(rng, &mut bytes);
        return bytes;
    }
    let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(&bytes)) else {
        return bytes;
    };
    let target = match rng.below(10) {
        0 | 1 => "word/numbering.xml",
        2 => "word/styles.xml",
        _ => "word/document.xml",
    };
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..archive.len() {
        let Ok(mut file) = archive.by_index(i) else {
            continue;
        };
        let mut content = Vec::new();
        if std::io::Read::read_to_end(&mut file, &mut content).is_err() {
            continue;
        }
        let Ok(name) = file.name().map(|n| n.to_string()) else {
            continue;
        };
        if name == target {
            let original = content.clone();
            mutate::page(rng, &mut content, std::slice::from_ref(&original));
        }
        parts.push((name, content));
    }
    let mut packed = std::io::Cursor::new(Vec::new());
    let mut writer = zip::ZipWriter::new(&mut packed);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in parts {
        if writer.start_file(name, stored).is_err() || writer.write_all(&content).is_err() {
            return bytes;
        }
    }
    if writer.finish().is_err() {
        return bytes;
    }
    packed.into_inner()
}

fn reports_json() -> Vec<Vec<u8>> {
    pages()
        .iter()
        .filter_map(|page| import_bytes(page).ok())
        .filter_map(|report| serde_json::to_vec_pretty(&report).ok())
        .collect()
}

fn mutated_page(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut bytes = seeds[rng.below(seeds.len())].clone();
    mutate::page(rng, &mut bytes, seeds);
    bytes
}

fn show_page(input: &[u8]) -> String {
    format!(
        "{} bytes: {:?}",
        input.len(),
        String::from_utf8_lossy(input)
    )
}

/// A width from the input itself, so an input always runs the same way.
fn width_of(input: &[u8], lo: usize, hi: usize) -> usize {
    let hash = input.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    lo + usize::try_from(hash % (hi - lo + 1) as u64).expect("below hi - lo + 1, a usize")
}

// ---- import: page bytes -> report; lossless on the decoded text; JSON round trip ----

fn import(input: &[u8]) -> Result<(), Failure> {
    let Ok(report) = import_bytes(input) else {
        return Ok(());
    };
    let decoded = decode(input).map_err(|e| fail("decode", e))?;
    if decoded.damaged != report.damaged {
        return Err(fail(
            "damaged count",
            format!(
                "{} decoded, {} in the report",
                decoded.damaged, report.damaged
            ),
        ));
    }
    check_lossless(&decoded.text, &report).map_err(|e| fail("lossless", e))?;
    let json = serde_json::to_vec(&report).map_err(|e| fail("to JSON", e))?;
    let back =
        report_from_bytes(Path::new("fuzz.json"), &json).map_err(|e| fail("JSON round trip", e))?;
    if back != report {
        return Err(fail("JSON round trip", "the report read back differs"));
    }
    Ok(())
}

// ---- docx, pdf: a document -> its extracted lines -> report; lossless on the extracted text ----

fn office(format: Format, input: &[u8]) -> Result<(), Failure> {
    let Ok(extracted) = sources::extract(format, input) else {
        return Ok(());
    };
    let lines = extracted.text.lines().count();
    if let Some(bad) = extracted
        .furniture
        .iter()
        .find(|f| f.line == 0 || f.line > lines)
    {
        return Err(fail("furniture line", format!("{} of {lines}", bad.line)));
    }
    let Ok(report) = import_extracted(&extracted) else {
        return Ok(());
    };
    check_lossless(&extracted.text, &report).map_err(|e| fail("lossless", e))
}

// ---- json: report JSON -> every command ----

fn json(input: &[u8], scratch: &Path) -> Result<(), Failure> {
    let Ok(report) = report_from_bytes(Path::new("fuzz.json"), input) else {
        return Ok(());
    };
    let width = width_of(input, 2, 120);
    let mut sink = Vec::new();
    let _ = print_tree(&mut sink, &report);
    let _ = print_rows(&mut sink, &[list_row(Path::new("fuzz.json"), &report)]);
    let ids = report
        .parts
        .iter()
        .map(|p| p.id.clone())
        .chain(report.nodes().map(|(_, n)| n.id.clone()))
        .take(100);
    for id in std::iter::once(None).chain(ids.map(Some)) {
        let mut shown = Vec::new();
        let _ = print_show(&mut shown, &report, id.as_deref(), width);
        for line in String::from_utf8_lossy(&shown).lines() {
            if str_width(line, false) > width && line.graphemes(true).count() > 1 {
                return Err(fail(
                    "show width",
                    format!("{line:?} is wider than {width}"),
                ));
            }
        }
    }
    DocLayout::new(&Document::new(&report), WrapOptions::new(width));
    let file = scratch.join("fuzz.json");
    std::fs::write(&file, input).map_err(|e| fail("scratch", e))?;
    let other = PathBuf::from("longgang-zwsj-2023-2024");
    for (left, right) in [(&file, &other), (&other, &file)] {
        for format in [DiffFormat::Text, DiffFormat::Json, DiffFormat::Md] {
            let args = DiffArgs {
                left: left.clone(),
                right: right.clone(),
                left_part: None,
                right_part: None,
                format: Some(format),
                width: u16::try_from(width).ok(),
                output: Default::default(),
            };
            let _ = diff::run(&args, &mut sink);
        }
        for format in [
            AuditFormat::Text,
            AuditFormat::Json,
            AuditFormat::Md,
            AuditFormat::Csv,
        ] {
            let args = AuditArgs {
                plan: left.clone(),
                summary: right.clone(),
                format: Some(format),
                verdicts: Some(scratch.join("none.verdicts.json")),
                verdicts_from: None,
                output: Default::default(),
            };
            let _ = commands::audit::run(&args, &mut sink);
        }
    }
    Ok(())
}

// ---- compare: two pages -> comparison and audit ----

/// Between the two pages of a `compare` input.
const PAIR: &[u8] = b"\n\0PAIR\0\n";

fn compare(input: &[u8]) -> Result<(), Failure> {
    let (a, b) = input
        .windows(PAIR.len())
        .position(|w| w == PAIR)
        .map_or((input, input), |at| {
            (&input[..at], &input[at + PAIR.len()..])
        });
    let (Ok(left), Ok(right)) = (import_bytes(a), import_bytes(b)) else {
        return Ok(());
    };
    let width = width_of(input, 2, 200);
    let mut sink = Vec::new();
    for (l, r) in [
        (None, None),
        (Some("summary"), Some("summary")),
        (Some("1"), Some("2")),
    ] {
        let (Ok(l), Ok(r)) = (
            choose(Path::new("a.txt"), &left, l),
            choose(Path::new("b.txt"), &right, r),
        ) else {
            continue;
        };
        let comparison = ComparisonDoc::new(l, r);
        let colour = width.is_multiple_of(2);
        let _ = diff::write_text(&mut sink, &comparison, TextOptions { width, colour });
        let _ = diff::write_json(&mut sink, &comparison);
        let _ = diff::write_markdown(&mut sink, &comparison);
    }
    let _ = audit(&left, &right);
    let _ = audit(&right, &left);
    for (plan, summary) in [(&left, &right), (&right, &left)] {
        for warning in pair_warnings(plan, summary) {
            let _ = labels::pair_warning(&warning);
        }
    }
    let _ = sink.flush();
    Ok(())
}

// ---- wrap: text -> lines ----

/// What wrap inputs are made of: one byte, one piece.
const PIECES: &[&str] = &[
    "数",
    "据",
    "要",
    "素",
    "一",
    "a",
    "b",
    "Z",
    "1",
    "2",
    "0",
    ".",
    "%",
    "，",
    "。",
    "、",
    "；",
    "（",
    "）",
    "《",
    "》",
    "“",
    "”",
    "‘",
    "’",
    "—",
    "…",
    "·",
    "×",
    " ",
    "\u{3000}",
    "\u{A0}",
    "\n",
    "\t",
    "\u{200D}",
    "\u{FE0F}",
    "\u{FE0E}",
    "\u{0301}",
    "\u{20E3}",
    "\u{200B}",
    "\u{1F3FD}",
    "👍",
    "👨",
    "👩",
    "🇨",
    "🇳",
    "❤",
    "ᄀ",
    "ᅡ",
    "ᆨ",
    "가",
    "ก",
    "\u{0E33}",
    "\u{093F}",
    "क",
    "\r",
    "\u{1b}",
    "\u{FFFD}",
    "２",
    "Ａ",
    "!",
    "-",
    "ä",
];

fn wrap_input(input: &[u8]) -> (WrapOptions, String) {
    let options = WrapOptions {
        width: 1 + usize::from(input.first().copied().unwrap_or(0)) % 40,
        ambiguous_wide: input.get(1).is_some_and(|b| b % 2 == 1),
    };
    let text = input
        .iter()
        .skip(2)
        .map(|&b| PIECES[usize::from(b) % PIECES.len()])
        .collect();
    (options, text)
}

fn show_wrap(input: &[u8]) -> String {
    let (options, text) = wrap_input(input);
    format!(
        "width {}, ambiguous_wide {}, text {text:?}",
        options.width, options.ambiguous_wide
    )
}

/// Lines no wider than the pane (but a lone cluster wider than it), each paragraph given back
/// whole, and no line starting inside a grapheme cluster.
fn wrap(input: &[u8]) -> Result<(), Failure> {
    let (options, text) = wrap_input(input);
    let lines = layout(&text, options);
    let mut paragraph_start = 0;
    let mut rebuilt = String::new();
    for line in &lines {
        if line.starts_paragraph && line.range.start > 0 {
            rebuilt.push('\n');
            paragraph_start = line.range.start;
        }
        let shown = &text[line.range.clone()];
        rebuilt.push_str(shown);
        if line.width != str_width(shown, options.ambiguous_wide) {
            return Err(fail(
                "line width",
                format!("{shown:?} says {} cells", line.width),
            ));
        }
        if line.width > options.width && shown.graphemes(true).count() > 1 {
            return Err(fail(
                "overflow",
                format!("{shown:?} is {} cells in {}", line.width, options.width),
            ));
        }
        let paragraph_end = text[paragraph_start..]
            .find('\n')
            .map_or(text.len(), |i| paragraph_start + i);
        let paragraph = &text[paragraph_start..paragraph_end];
        let at = line.range.start - paragraph_start;
        if at < paragraph.len() && !paragraph.grapheme_indices(true).any(|(i, _)| i == at) {
            return Err(fail(
                "line starts inside a grapheme cluster",
                format!("{shown:?} in {paragraph:?}"),
            ));
        }
    }
    if rebuilt != text {
        return Err(fail("lost text", format!("{rebuilt:?} from {text:?}")));
    }
    Ok(())
}

// ---- tui: events -> dispatch and render ----

/// The app's reports: the bundled two, the audit fixture pair, and the 光明 page with damaged
/// bytes, all with sources in the scratch folder (where their verdicts are saved).
fn entries(scratch: &Path) -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut reports: Vec<Report> = Entry::bundled().into_iter().map(|e| e.report).collect();
        for name in ["minghu-zwsj-2024-2025.txt", "minghu-zwsj-2025-2026.txt"] {
            let page =
                std::fs::read(root.join("tests/fixtures/audit").join(name)).unwrap_or_default();
            reports.extend(import_bytes(&page).ok());
        }
        let mut damaged =
            std::fs::read(root.join("data/raw/guangming-zwsj-2024-2025.txt")).unwrap_or_default();
        for at in (100..damaged.len()).step_by(997).rev() {
            damaged.insert(at, 0xFF);
        }
        reports.extend(import_bytes(&damaged).ok());
        reports
            .into_iter()
            .enumerate()
            .map(|(i, report)| Entry {
                source: scratch.join(format!("tui-{i}.json")).display().to_string(),
                report,
            })
            .collect()
    })
}

/// Every key the keymap binds, and keys typed into the search and note fields.
fn keys() -> Vec<KeyEvent> {
    let mut keys: Vec<KeyEvent> = KEYMAP
        .iter()
        .flat_map(|b| b.keys.iter())
        .map(|k| {
            let modifiers = if k.ctrl {
                KeyModifiers::CONTROL
            } else {
                KeyModifiers::NONE
            };
            KeyEvent::new(k.code, modifiers)
        })
        .collect();
    keys.extend(
        ['数', 'a', '1', ' ', '\u{200D}', '👍', '\u{0301}', 'x']
            .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
    );
    keys
}

/// A size from 0x0 to 320x120.
fn size(w: u8, h: u8) -> (u16, u16) {
    (u16::from(w) * 320 / 255, u16::from(h) * 120 / 255)
}

/// The events of a TUI input: its first two bytes are the size, then each byte a key, or a mouse
/// event or a resize with the two bytes after it.
fn events(input: &[u8]) -> ((u16, u16), Vec<Event>) {
    let get = |i: usize| input.get(i).copied().unwrap_or(0);
    let start = size(get(0), get(1));
    let keys = keys();
    let mut events = Vec::new();
    let mut i = 2;
    while i < input.len() {
        let b = input[i];
        events.push(match b {
            0..=199 => Event::Key(keys[usize::from(b) % keys.len()]),
            200..=229 => {
                let kind = [
                    MouseEventKind::ScrollDown,
                    MouseEventKind::ScrollUp,
                    MouseEventKind::Down(MouseButton::Left),
                ][usize::from(b) % 3];
                i += 2;
                Event::Mouse(MouseEvent {
                    kind,
                    column: u16::from(get(i - 1)) * 2,
                    row: u16::from(get(i)),
                    modifiers: KeyModifiers::NONE,
                })
            }
            _ => {
                i += 2;
                let (w, h) = size(get(i - 1), get(i));
                Event::Resize(w, h)
            }
        });
        i += 1;
    }
    (start, events)
}

fn show_tui(input: &[u8]) -> String {
    let ((w, h), events) = events(input);
    format!("{w}x{h}, then {events:?}")
}

fn tui(input: &[u8], scratch: &Path) -> Result<(), Failure> {
    let entries = entries(scratch);
    // the store's files under the scratch folder: bookmarks, and the verdict sidecars of the
    // entries (their sources are no files, so the sidecars sit under the data folder)
    for entry in entries {
        let _ = std::fs::remove_file(sidecar_path(Path::new(&entry.source), scratch));
    }
    let _ = std::fs::remove_file(scratch.join("bookmarks.json"));
    let ((mut w, mut h), events) = events(input);
    let theme = Theme::new(ThemeName::Dark, input.len().is_multiple_of(3));
    let mut app = App::new(
        entries.to_vec(),
        vec!["broken.json:3:7: invalid report JSON".into()],
        theme,
        input.len().is_multiple_of(2),
    );
    let mut store = FileStore::new(scratch.to_path_buf());
    app.update(Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).map_err(|e| fail("terminal", e))?;
    for event in std::iter::once(None).chain(events.into_iter().map(Some)) {
        if let Some(event) = event {
            if let Event::Resize(nw, nh) = event {
                (w, h) = (nw, nh);
                terminal =
                    Terminal::new(TestBackend::new(w, h)).map_err(|e| fail("terminal", e))?;
            }
            if let Some(action) = action_for_event(&event, app.context()) {
                dispatch(&mut app, action, &mut store);
            }
        }
        if app.has_quit() {
            break;
        }
        terminal
            .draw(|frame| ui::render(&app.view(), frame))
            .map_err(|e| fail("draw", e))?;
        rows_fit(terminal.backend().buffer())?;
    }
    Ok(())
}

/// No row of the screen is wider than the screen.
fn rows_fit(buffer: &Buffer) -> Result<(), Failure> {
    let area = buffer.area;
    for y in 0..area.height {
        let (mut width, mut skip) = (0, 0);
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let w = buffer[(x, y)].symbol().width();
            width += w;
            skip = w.saturating_sub(1);
        }
        if width > usize::from(area.width) {
            return Err(fail(
                "row wider than the screen",
                format!("row {y}: {width} cells on {}x{}", area.width, area.height),
            ));
        }
    }
    Ok(())
}
