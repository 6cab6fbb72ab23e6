//! Search across every loaded report, as a user meets it: `planlens search` as text and JSON on
//! the bundled reports and a traditional-script mirror page (a simplified query finds 一網統管
//! and 一網(wǎng)統(tǒng)管), a file that fails beside ones that load; and in the app, `/` in the
//! picker, the results screen (snapshots at 120×40 and 60×20, every size down to 1×1), Enter
//! opening the reader at the hit with n/N going on from it, the mouse.

mod support;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use planlens::search::needle;
use planlens::tui::action::{Action, Context};
use planlens::tui::app::{App, Entry};
use planlens::tui::screens::Screen;
use planlens::tui::theme::{Theme, ThemeName};
use serde_json::Value;
use support::{drawn, screen};
use unicode_width::UnicodeWidthStr;

const GUANGMING: &str = "guangming-zwsj-2024-2025";
const LONGGANG: &str = "longgang-zwsj-2023-2024";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The folder with the traditional-script mirror page of 龙华区 (pinyin glosses and all).
fn mirror_dir() -> PathBuf {
    root().join("tests/fixtures/search")
}

fn planlens() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_planlens"));
    cmd.current_dir(root());
    cmd
}

fn run_json(args: &[&str]) -> Value {
    let output = planlens()
        .args(["search"])
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The hit's text as the JSON says: the sentence's bytes `start..end`.
fn hit_text(hit: &Value) -> &str {
    let sentence = hit["sentence"].as_str().unwrap();
    let start = usize::try_from(hit["start"].as_u64().unwrap()).unwrap();
    let end = usize::try_from(hit["end"].as_u64().unwrap()).unwrap();
    &sentence[start..end]
}

#[test]
fn json_on_the_bundled_reports_gives_each_hit_with_its_place() {
    let json = run_json(&["一网统管", GUANGMING, LONGGANG]);
    assert_eq!(json["query"], "一网统管");
    let hits = json["hits"].as_array().unwrap();
    let files: Vec<&str> = hits.iter().map(|h| h["file"].as_str().unwrap()).collect();
    assert!(
        files.contains(&GUANGMING) && files.contains(&LONGGANG),
        "{files:?}"
    );
    // grouped by file, in the order given
    assert!(files.is_sorted_by_key(|f| *f == LONGGANG));
    for hit in hits {
        assert_eq!(hit_text(hit), "一网统管");
        assert!(hit["id"].as_str().unwrap().starts_with('p'));
        assert!(!hit["path"].as_array().unwrap().is_empty());
    }
    // 龙岗's plan item 四是优化“一网统管”平台功能: its heading is the sentence, its path ends there
    let item = hits
        .iter()
        .find(|h| h["sentence"] == "四是优化“一网统管”平台功能。")
        .expect("the plan item's heading");
    assert_eq!(item["file"], LONGGANG);
    assert_eq!(
        item["path"].as_array().unwrap().last().unwrap(),
        "四是优化“一网统管”平台功能。"
    );
}

#[test]
fn a_simplified_query_finds_traditional_text_and_pinyin_glosses() {
    let json = run_json(&["一网统管", mirror_dir().to_str().unwrap(), GUANGMING]);
    let hits = json["hits"].as_array().unwrap();
    let found: Vec<&str> = hits.iter().map(hit_text).collect();
    assert!(found.contains(&"一網(wǎng)統(tǒng)管"), "{found:?}");
    assert!(found.contains(&"一網統管"), "{found:?}");
    assert!(found.contains(&"一网统管"), "{found:?}");
    let mirror = hits
        .iter()
        .find(|h| hit_text(h) == "一網(wǎng)統(tǒng)管" && h["id"] == "p1.1.1")
        .expect("the summary's first item");
    assert!(
        mirror["file"]
            .as_str()
            .unwrap()
            .ends_with("longhua-zwsj-2024-2025-mirror.txt")
    );
    assert_eq!(
        mirror["sentence"],
        "一是區「一網(wǎng)統(tǒng)管」平臺迭代升級。"
    );
    // a traditional query finds simplified text too
    let json = run_json(&["數據要素", GUANGMING]);
    assert!(!json["hits"].as_array().unwrap().is_empty());
}

#[test]
fn text_output_counts_marks_and_wraps_by_display_width() {
    let output = planlens()
        .args(["search", "一网统管", "--width", "50"])
        .arg(mirror_dir())
        .args([GUANGMING, LONGGANG])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.lines().all(|l| l.width() <= 50), "{text}");
    assert!(text.starts_with("“一网统管”: 3 份报告, "), "{text}");
    assert!(text.contains("【一網(wǎng)統(tǒng)管】"), "{text}");
    assert!(text.contains(&format!("{LONGGANG}  ")), "{text}");
    // every hit's place is written with its section path
    assert!(
        text.contains("\n  p2.3.4  二、2024年工作计划 › (三)围绕"),
        "{text}"
    );
    let none = planlens()
        .args(["search", "没有这个词语", GUANGMING])
        .output()
        .unwrap();
    assert!(none.status.success());
    assert_eq!(
        String::from_utf8(none.stdout).unwrap(),
        "“没有这个词语”: 未找到\n"
    );
}

#[test]
fn a_file_that_fails_is_named_and_the_others_are_searched() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        "{\"schema\": \"planlens.report/1\",\n  \"title\": }",
    )
    .unwrap();
    let output = planlens()
        .args(["search", "一网统管"])
        .arg(&broken)
        .arg(GUANGMING)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("broken.json:2:"), "{stderr}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("【一网统管】"), "{stdout}");
    // nothing loads: the one line, and no output
    let output = planlens()
        .args(["search", "一网统管"])
        .arg(&broken)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    // no file at all is a usage error
    planlens().args(["search", "一网统管"]).assert().code(2);
}

// --- the app ---------------------------------------------------------------------------------

/// The app on the bundled reports and the mirror page, at a size.
fn app(width: u16, height: u16) -> App {
    let mut entries = Entry::bundled();
    let mirror = mirror_dir().join("longhua-zwsj-2024-2025-mirror.txt");
    entries.push(Entry {
        source: mirror.display().to_string(),
        report: planlens::load::load_report(&mirror).unwrap(),
    });
    let mut app = App::new(entries, vec![], Theme::new(ThemeName::Dark, false), false);
    app.update(Action::Resize(width, height));
    app
}

fn drive(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.update(action.clone());
    }
}

/// `/`, the query typed, Enter: the results.
fn searched(query: &str) -> Vec<Action> {
    std::iter::once(Action::StartSearch)
        .chain(query.chars().map(Action::Type))
        .chain([Action::Back])
        .collect()
}

fn results(app: &App) -> &planlens::tui::screens::ResultsScreen {
    match app.top() {
        Screen::Results(results) => results,
        _ => panic!("the results are on top"),
    }
}

#[test]
fn the_results_screen() {
    for (w, h) in [(120, 40), (60, 20)] {
        let mut app = app(w, h);
        drive(&mut app, &searched("一网统管"));
        drive(&mut app, &[Action::Down, Action::Down]);
        insta::assert_snapshot!(format!("results_{w}x{h}"), screen(&app, w, h));
        // every hit highlighted, the selected one (龍華's first item) as the current hit
        let buffer = drawn(&app, w, h);
        let styled = |style: ratatui::style::Style| -> Vec<String> {
            let mut runs: Vec<String> = Vec::new();
            let mut last_y = None;
            for y in 0..h {
                for x in 0..w {
                    let cell = &buffer[(x, y)];
                    if cell.bg == style.bg.unwrap() && cell.fg == style.fg.unwrap() {
                        if last_y != Some(y) {
                            runs.push(String::new());
                            last_y = Some(y);
                        }
                        runs.last_mut().unwrap().push_str(cell.symbol());
                    }
                }
            }
            runs
        };
        let theme = app.theme();
        assert_eq!(styled(theme.current_hit), ["一網(wǎng)統(tǒng)管"]);
        let others = styled(theme.hit);
        assert_eq!(others.len(), 5, "{others:?}");
        assert!(others.iter().all(|h| h.starts_with("一")), "{others:?}");
    }
}

#[test]
fn slash_in_the_picker_searches_every_report_grouped_in_the_pickers_order() {
    let mut app = app(100, 30);
    app.update(Action::StartSearch);
    assert_eq!(app.context(), Context::SearchInput);
    let typing = screen(&app, 100, 30);
    assert!(typing.contains("输入词语搜索全部报告"), "{typing}");
    drive(&mut app, &searched("一网统管")[1..]);
    assert_eq!(app.context(), Context::Results);
    let r = results(&app);
    // 光明区, 龍華區, 龙岗区: the picker's order (by district as written), each with its count
    let groups: Vec<(usize, usize)> = r
        .lines
        .iter()
        .filter_map(|l| match *l {
            planlens::tui::screens::results::ResultLine::Report { entry, count } => {
                Some((entry, count))
            }
            _ => None,
        })
        .collect();
    assert_eq!(groups.iter().map(|g| g.0).collect::<Vec<_>>(), [0, 2, 1]);
    assert_eq!(
        groups.iter().map(|g| g.1).sum::<usize>(),
        r.search.hits.len()
    );
    let needle = needle("一网统管");
    for found in &r.search.hits {
        assert_eq!(
            needle,
            planlens::search::needle(&found.hit.sentence[found.hit.range.clone()])
        );
    }
    // Backspace while typing searches again; Esc on an empty query goes back to the picker
    drive(&mut app, &[Action::StartSearch, Action::DeleteBack]);
    assert_eq!(results(&app).search.query, "一网统");
    for _ in 0..3 {
        app.update(Action::DeleteBack);
    }
    app.update(Action::Back);
    assert!(matches!(app.top(), Screen::Picker(_)));
}

#[test]
fn enter_opens_the_reader_at_the_hit_and_n_goes_on_from_it() {
    let mut app = app(120, 40);
    drive(&mut app, &searched("一网统管"));
    // the mirror page's plan item 一是優化區「一網統管」平臺功能 (its last hit)
    while results(&app).search.current_hit().unwrap().hit.id != "p2.1.1" {
        app.update(Action::Down);
    }
    let chosen = results(&app).search.current_hit().unwrap().clone();
    assert_eq!(chosen.entry, 2);
    app.update(Action::Open);
    let reader = app.reader().expect("the reader opened");
    assert_eq!(reader.entry, 2);
    let hit = reader.search.current_hit().unwrap();
    let block = &reader.doc.blocks[hit.block];
    assert_eq!(block.id, chosen.hit.id);
    assert_eq!(
        &block.text[hit.range.clone()],
        &chosen.hit.sentence[chosen.hit.range.clone()]
    );
    assert!(
        screen(&app, 120, 40).contains("一是優化區「一網統管」平臺功能"),
        "the hit shows"
    );
    // the page's hits (the preamble's, the summary's, this one): n goes round to the first
    let reader = app.reader().unwrap();
    assert_eq!(reader.search.hits.len(), 3);
    assert_eq!(reader.search.current, Some(2));
    app.update(Action::NextHit);
    assert_eq!(app.reader().unwrap().search.current, Some(0));
    // q clears the search, q goes back to the results, q to the picker
    app.update(Action::Back);
    app.update(Action::Back);
    assert!(matches!(app.top(), Screen::Results(_)));
    app.update(Action::Back);
    assert!(matches!(app.top(), Screen::Picker(_)));
}

#[test]
fn the_mouse_scrolls_selects_and_opens() {
    let mut app = app(120, 40);
    drive(&mut app, &searched("数据"));
    app.update(Action::ScrollDownAt(10, 10));
    assert_eq!(results(&app).search.current, Some(1));
    // row 1 is the first report's title, rows 2-3 the first hit, rows 4-5 the second …
    app.update(Action::ClickAt(10, 1));
    assert_eq!(results(&app).search.current, Some(1), "a title is no hit");
    app.update(Action::ClickAt(10, 2));
    assert_eq!(results(&app).search.current, Some(0));
    app.update(Action::ClickAt(10, 3));
    assert!(
        app.reader().is_some(),
        "a click on the selected hit opens it"
    );
}

#[test]
fn the_help_and_the_footer_come_from_the_keymap() {
    let mut app = app(120, 40);
    drive(&mut app, &searched("数据"));
    let footer = screen(&app, 120, 40).lines().last().unwrap().to_string();
    for hint in ["/ 搜索全部", "Enter 打开", "? 帮助", "q 返回"] {
        assert!(footer.contains(hint), "{hint} in {footer}");
    }
    app.update(Action::ToggleHelp);
    let help = screen(&app, 120, 40);
    for row in ["搜索全部报告", "在报告中阅读这一处", "删除一个字"] {
        assert!(help.contains(row), "{row} in {help}");
    }
}

/// The results screen at every size down to 1×1, after every step: typing, moving, the help,
/// opening a hit.
#[test]
fn every_size_renders() {
    use Action::*;
    let script = [
        StartSearch,
        Type('数'),
        Type('据'),
        Back,
        Down,
        PageDown,
        Bottom,
        ToggleHelp,
        Down,
        ToggleHelp,
        Top,
        ClickAt(3, 3),
        Open,
        NextHit,
    ];
    for (w, h) in [
        (1, 1),
        (2, 2),
        (10, 5),
        (40, 12),
        (60, 20),
        (79, 20),
        (120, 40),
        (200, 60),
        (3, 40),
        (200, 2),
    ] {
        let mut app = app(w, h);
        for (step, action) in std::iter::once(None)
            .chain(script.iter().map(Some))
            .enumerate()
        {
            if let Some(action) = action {
                app.update(action.clone());
            }
            for line in screen(&app, w, h).lines() {
                assert!(
                    line.width() <= usize::from(w),
                    "{w}x{h} step {step}: {line:?}"
                );
            }
        }
    }
}
