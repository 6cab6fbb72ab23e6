//! The districts × topics matrix: the labelled pairs of `tests/fixtures/matrix/labels.json` (every
//! must-share pair on one row, no must-not pair), the CLI's formats and errors, and the screen
//! (snapshots at 120×40 and 60×20, every size down to 1×1; two columns compared on a row; topics
//! filtered); the workbook (.xlsx) holds what the JSON and the text hold.

mod support;

use std::path::Path;

use assert_cmd::Command;
use planlens::commands::matrix::{MatrixArgs, MatrixFormat, PartArg, UnitArg, run};
use planlens::commands::output::Output;
use planlens::tui::action::Action;
use planlens::tui::screens::Screen;
use serde_json::Value;
use support::{app_on, every_size, screen};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn labels() -> Value {
    let text = std::fs::read_to_string(root().join("tests/fixtures/matrix/labels.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The labelled reports, in the labels' order, as the CLI takes them.
fn labelled_paths(labels: &Value) -> (Vec<String>, Vec<std::path::PathBuf>) {
    let reports = labels["reports"].as_object().unwrap();
    let keys: Vec<String> = ["gm", "lg", "ft", "ns", "ba"]
        .iter()
        .map(|k| k.to_string())
        .collect();
    let paths = keys
        .iter()
        .map(|k| {
            let name = reports[k].as_str().unwrap();
            if name.contains('/') {
                root().join(name)
            } else {
                name.into()
            }
        })
        .collect();
    (keys, paths)
}

fn matrix_json(paths: &[std::path::PathBuf]) -> Value {
    let args = MatrixArgs {
        paths: paths.to_vec(),
        unit: UnitArg::Item,
        part: PartArg::Plan,
        format: Some(MatrixFormat::Json),
        output: Output::default(),
    };
    let mut out = Vec::new();
    assert!(run(&args, &mut out).unwrap().is_empty());
    serde_json::from_slice(&out).unwrap()
}

/// The row of each `key#id` unit.
fn row_of(json: &Value, keys: &[String], unit: &str) -> usize {
    let (key, id) = unit.split_once('#').unwrap();
    let report = keys.iter().position(|k| k == key).unwrap();
    json["topics"]
        .as_array()
        .unwrap()
        .iter()
        .position(|t| {
            t["cells"][report]
                .as_array()
                .unwrap()
                .iter()
                .any(|u| u == id)
        })
        .unwrap_or_else(|| panic!("{unit} is in no topic"))
}

#[test]
fn every_labelled_pair_is_on_its_row_and_no_forbidden_pair_shares_one() {
    let labels = labels();
    let (keys, paths) = labelled_paths(&labels);
    let json = matrix_json(&paths);
    let together = |pair: &Value| {
        row_of(&json, &keys, pair[0].as_str().unwrap())
            == row_of(&json, &keys, pair[1].as_str().unwrap())
    };
    let share = labels["must_share"].as_array().unwrap();
    let apart = labels["must_not"].as_array().unwrap();
    let missed: Vec<&Value> = share.iter().filter(|p| !together(p)).collect();
    let mixed: Vec<&Value> = apart.iter().filter(|p| together(p)).collect();
    // recall: must-share pairs on one row; purity: must-not pairs kept apart
    let recall = (share.len() - missed.len()) as f64 / share.len() as f64;
    let purity = (apart.len() - mixed.len()) as f64 / apart.len() as f64;
    eprintln!(
        "recall {recall:.2} ({} pairs), purity {purity:.2} ({} pairs)",
        share.len(),
        apart.len()
    );
    assert!(missed.is_empty(), "apart: {missed:?}");
    assert!(mixed.is_empty(), "together: {mixed:?}");
    for pair in labels["known_misses"].as_array().unwrap() {
        eprintln!("known miss {pair}: together = {}", together(pair));
    }
}

#[test]
fn every_unit_is_in_exactly_one_topic_and_reports_keep_their_order() {
    let labels = labels();
    let (_, paths) = labelled_paths(&labels);
    let json = matrix_json(&paths);
    let files: Vec<&str> = json["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    assert_eq!(files[0], "guangming-zwsj-2024-2025");
    assert!(files[4].ends_with("baoan-zsj-2024-2025.txt"));
    assert_eq!(json["reports"][4]["bureau"], "政数局");
    assert_eq!(json["reports"][1]["year"], 2024);
    assert_eq!(json["reports"][0]["part"], "plan");
    let guangming = planlens::bundled::BUNDLED[0].report().unwrap();
    let plan = guangming
        .part_of_kind(planlens::model::PartKind::Plan)
        .unwrap();
    let mut expected: Vec<String> = plan
        .nodes
        .iter()
        .flat_map(|n| n.leaves())
        .map(|n| n.id.clone())
        .collect();
    let mut placed: Vec<String> = json["topics"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["cells"][0].as_array().unwrap().clone())
        .map(|id| id.as_str().unwrap().to_string())
        .collect();
    expected.sort();
    placed.sort();
    assert_eq!(placed, expected, "each of 光明's items once");
    let topic = &json["topics"][0];
    assert!(
        topic["label"].as_str().unwrap().contains("授权运营"),
        "{topic}"
    );
    assert_eq!(topic["cells"].as_array().unwrap().len(), 5);
}

#[test]
fn cli_formats_and_a_file_that_fails() {
    let fixtures = root().join("tests/fixtures/matrix/pages");
    let text = Command::cargo_bin("planlens")
        .unwrap()
        .args(["matrix", "guangming-zwsj-2024-2025"])
        .arg(&fixtures)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(text).unwrap();
    assert!(text.starts_with("授权运营"), "{text}");
    assert!(
        text.contains("  福田区 · 2025: 1.深化公共数据授权运营。"),
        "{text}"
    );
    assert!(
        text.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80)
    );
    let csv = Command::cargo_bin("planlens")
        .unwrap()
        .args(["matrix", "--format", "csv", "--unit", "section"])
        .arg(&fixtures)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.starts_with("\u{FEFF}主题,宝安区 · 2025,福田区 · 2025,南山区 · 2025\r\n"),
        "{csv}"
    );
    let md = Command::cargo_bin("planlens")
        .unwrap()
        .args(["matrix", "--format", "md", "--part", "summary"])
        .arg(fixtures.join("futian-zwsj-2024-2025.txt"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8(md)
            .unwrap()
            .starts_with("| 主题 | 福田区 · 2024 |")
    );
    // a broken file: one line naming it, exit 1, the others still in the matrix
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\"schema\": \"planlens.report/1\",").unwrap();
    let assert = Command::cargo_bin("planlens")
        .unwrap()
        .args(["matrix", "longgang-zwsj-2023-2024"])
        .arg(&broken)
        .assert()
        .code(1);
    let output = assert.get_output();
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("broken.json:1:"), "{stderr}");
    assert!(
        String::from_utf8(output.stdout.clone())
            .unwrap()
            .contains("龙岗区 · 2024")
    );
}

fn matrix_text(paths: &[std::path::PathBuf]) -> String {
    let args = MatrixArgs {
        paths: paths.to_vec(),
        unit: UnitArg::Item,
        part: PartArg::Plan,
        format: Some(MatrixFormat::Text),
        output: Output::default(),
    };
    let mut out = Vec::new();
    assert!(run(&args, &mut out).unwrap().is_empty());
    String::from_utf8(out).unwrap()
}

fn cell_text(range: &calamine::Range<calamine::Data>, row: usize, column: usize) -> String {
    match range.get((row, column)) {
        None | Some(calamine::Data::Empty) => String::new(),
        Some(data) => data.to_string(),
    }
}

fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_workbook_holds_what_the_json_and_the_text_hold() {
    use calamine::Reader;
    let labels = labels();
    let (_, paths) = labelled_paths(&labels);
    let json = matrix_json(&paths);
    let text = matrix_text(&paths);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("矩阵.xlsx");
    // the extension chooses the format
    Command::cargo_bin("planlens")
        .unwrap()
        .arg("matrix")
        .args(&paths)
        .arg("-o")
        .arg(&file)
        .assert()
        .success();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&file).unwrap();
    assert_eq!(book.sheet_names(), ["矩阵"]);
    let sheet = book.worksheet_range("矩阵").unwrap();
    let reports = json["reports"].as_array().unwrap();
    let topics = json["topics"].as_array().unwrap();
    assert_eq!(sheet.height(), topics.len() + 1);
    assert_eq!(sheet.width(), reports.len() + 1);
    // the header: 主题, then district · year of each report in order
    let columns: Vec<String> = reports
        .iter()
        .map(|r| format!("{} · {}", r["district"].as_str().unwrap(), r["year"]))
        .collect();
    assert_eq!(cell_text(&sheet, 0, 0), "主题");
    for (r, column) in columns.iter().enumerate() {
        assert_eq!(&cell_text(&sheet, 0, r + 1), column);
    }
    // each cell as the JSON's ids name the items: marker and heading, one per line; else the
    // near miss with its label, else a dash
    let loaded: Vec<planlens::model::Report> = planlens::commands::reports::load_all(&paths)
        .0
        .into_iter()
        .map(|(_, report)| report)
        .collect();
    let heading = |r: usize, id: &Value| {
        let node = loaded[r].node(id.as_str().unwrap()).unwrap();
        format!("{}{}", node.marker, node.title)
    };
    let mut near_misses = 0;
    for (t, topic) in topics.iter().enumerate() {
        assert_eq!(
            cell_text(&sheet, t + 1, 0),
            topic["label"].as_str().unwrap()
        );
        for r in 0..reports.len() {
            let cell = cell_text(&sheet, t + 1, r + 1);
            let ids = topic["cells"][r].as_array().unwrap();
            let near = &topic["near"][r];
            if !ids.is_empty() {
                let lines: Vec<String> = ids.iter().map(|id| heading(r, id)).collect();
                assert_eq!(cell, lines.join("\n"), "topic {t}, report {r}");
            } else if !near.is_null() {
                near_misses += 1;
                let rest = cell.strip_prefix("(近似 ").expect(&cell);
                let (similarity, unit) = rest.split_once(") ").expect(&cell);
                let similarity: f64 = similarity.parse().unwrap();
                assert!((similarity - near["similarity"].as_f64().unwrap()).abs() < 0.0051);
                assert_eq!(unit, heading(r, &near["id"]), "topic {t}, report {r}");
            } else {
                assert_eq!(cell, "—", "topic {t}, report {r}");
            }
        }
    }
    eprintln!("{} topics, {near_misses} near misses", topics.len());
    // the text: a block per topic, its name, then each report's cell (wrapped at 80 columns)
    let blocks: Vec<&str> = text.trim_end().split("\n\n").collect();
    assert_eq!(blocks.len(), topics.len());
    for (t, block) in blocks.iter().enumerate() {
        let mut lines = block.lines();
        let name = cell_text(&sheet, t + 1, 0);
        assert!(
            lines.next().unwrap().starts_with(&format!("{name} (")),
            "{block}"
        );
        // a cell starts at the next report's `  福田区 · 2025: `; other lines go on the last one
        let heads: Vec<String> = columns.iter().map(|c| format!("  {c}: ")).collect();
        let mut cells: Vec<String> = Vec::new();
        for line in lines {
            match heads
                .get(cells.len())
                .and_then(|h| line.strip_prefix(h.as_str()))
            {
                Some(first) => cells.push(first.to_string()),
                None => cells.last_mut().expect(line).push_str(line),
            }
        }
        assert_eq!(cells.len(), columns.len(), "{block}");
        for (r, cell) in cells.iter().enumerate() {
            assert_eq!(squeezed(cell), squeezed(&cell_text(&sheet, t + 1, r + 1)));
        }
    }
    // header row and topic column frozen, the filter over the table, near misses grey italic
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    let mut part = |name: &str| {
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut xml).unwrap();
        xml
    };
    let xml = part("xl/worksheets/sheet1.xml");
    assert!(
        xml.contains(r#"<pane xSplit="1" ySplit="1" topLeftCell="B2""#),
        "{xml}"
    );
    assert!(xml.contains(&format!(r#"<autoFilter ref="A1:F{}"/>"#, topics.len() + 1)));
    let styles = part("xl/styles.xml");
    assert!(
        styles.contains("<i/>") && styles.contains("FF808080"),
        "{styles}"
    );
}

#[test]
fn a_matrix_workbook_is_never_written_to_standard_output() {
    for extra in [&["--format", "xlsx"][..], &["--format", "xlsx", "-o", "-"]] {
        let assert = Command::cargo_bin("planlens")
            .unwrap()
            .args(["matrix", "guangming-zwsj-2024-2025"])
            .args(extra)
            .assert()
            .code(1);
        let output = assert.get_output();
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("-o FILE.xlsx"), "{stderr}");
    }
}

#[test]
fn the_matrix_screen() {
    for (w, h) in [(120, 40), (60, 20)] {
        let mut app = app_on(&fixture_entries(), w, h);
        app.update(Action::OpenMatrix);
        insta::assert_snapshot!(format!("matrix_{w}x{h}"), screen(&app, w, h));
        app.update(Action::Down);
        app.update(Action::ColumnRight);
        insta::assert_snapshot!(format!("matrix_moved_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn space_marks_reports_and_enter_opens_the_item_in_its_reader() {
    let mut app = app_on(&fixture_entries(), 100, 30);
    // mark the first two reports: the matrix has two columns
    for action in [Action::Mark, Action::Down, Action::Mark] {
        app.update(action);
    }
    app.update(Action::OpenMatrix);
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("2 份报告"), "{shown}");
    app.update(Action::Open);
    let reader = app.reader().expect("the item opens in its reader");
    let id = &reader.doc.blocks[reader.selected].id;
    assert!(id.starts_with("p2."), "{id}");
}

#[test]
fn the_matrix_renders_at_every_size() {
    use Action::*;
    every_size(
        &fixture_entries(),
        &[
            vec![OpenMatrix, Down, ColumnRight, Bottom, ToggleHelp],
            vec![Mark, OpenMatrix, Open],
            vec![OpenMatrix, Mark, ColumnRight, Mark, OpenCompare, Bottom],
            vec![OpenMatrix, StartSearch, Type('数'), Back, Down, Open],
        ],
    );
}

#[test]
fn two_marked_columns_compare_their_items_of_the_row() {
    let mut app = app_on(&fixture_entries(), 120, 40);
    app.update(Action::OpenMatrix);
    app.update(Action::OpenCompare);
    assert_eq!(
        app.message(),
        Some("先在两列上按 Space 选中两份报告, 再按 d 比较本行")
    );
    // 光明区 and 福田区 on the first row (授权运营)
    app.update(Action::Mark);
    app.update(Action::ColumnRight);
    app.update(Action::ColumnRight);
    app.update(Action::Mark);
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("＊光明区 · 2025"), "{shown}");
    assert!(shown.contains("＊福田区 · 2025"), "{shown}");
    app.update(Action::OpenCompare);
    let compare = app.compare().expect("d opens the comparison");
    let ids = |left: bool| -> Vec<String> {
        compare
            .doc
            .rows
            .iter()
            .filter_map(|r| if left { &r.left } else { &r.right }.as_ref())
            .map(|n| n.id.clone())
            .collect()
    };
    // only the row's items: 光明's 1.探索公共数据开发利用新机制 beside 福田's 1.深化公共数据授权运营
    assert_eq!(ids(true).len(), 1, "{:?}", ids(true));
    assert_eq!(ids(false).len(), 1, "{:?}", ids(false));
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("探索公共数据开发利用新机制"), "{shown}");
    assert!(shown.contains("深化公共数据授权运营"), "{shown}");
    assert!(
        shown.contains("光明区 · 二、2025年工作计划 · 授权运营"),
        "{shown}"
    );
    insta::assert_snapshot!("matrix_compare_120x40", shown);
    // Back returns to the matrix, the marks kept
    app.update(Action::Back);
    assert!(screen(&app, 120, 40).contains("＊福田区 · 2025"));
}

#[test]
fn slash_keeps_the_topics_that_hold_the_words() {
    let mut app = app_on(&fixture_entries(), 120, 40);
    app.update(Action::OpenMatrix);
    app.update(Action::StartSearch);
    for c in "孪生".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Back); // Enter: done typing, the filter stays
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("个主题 “孪生” × 5 份报告"), "{shown}");
    insta::assert_snapshot!("matrix_filtered_120x40", shown);
    let Screen::Matrix(matrix) = app.top() else {
        panic!("the matrix stays on top");
    };
    assert!(!matrix.rows.is_empty() && matrix.rows.len() < matrix.survey.topics.len());
    for &t in &matrix.rows {
        let topic = &matrix.survey.topics[t];
        let texts: Vec<&str> = topic
            .cells
            .iter()
            .flatten()
            .map(|&u| matrix.survey.units[u].text.as_str())
            .collect();
        assert!(
            texts.iter().any(|t| t.contains("孪生")),
            "{:?}",
            topic.terms
        );
    }
    // Esc clears the filter
    app.update(Action::Back);
    let Screen::Matrix(matrix) = app.top() else {
        panic!("Esc clears the filter first");
    };
    assert_eq!(matrix.rows.len(), matrix.survey.topics.len());
    // a word no topic holds: an empty grid that says so
    app.update(Action::StartSearch);
    for c in "无此词".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Back);
    assert!(screen(&app, 120, 40).contains("没有含该词的主题"));
    app.update(Action::Open);
    assert!(app.reader().is_none(), "no cell to open");
}

fn fixture_entries() -> Vec<planlens::tui::app::Entry> {
    let mut entries = planlens::tui::app::Entry::bundled();
    for name in [
        "futian-zwsj-2024-2025.txt",
        "nanshan-zwsj-2024-2025.txt",
        "baoan-zsj-2024-2025.txt",
    ] {
        let path = root().join("tests/fixtures/matrix/pages").join(name);
        entries.push(planlens::tui::app::Entry {
            source: name.to_string(),
            report: planlens::load::load_report(&path).unwrap(),
        });
    }
    entries
}
