//! The real app driven through its actions and drawn on a TestBackend: snapshots of each screen
//! at a normal and a narrow size, and every size down to 1×1 without panic.

mod support;

use planlens::tui::action::Action;
use planlens::tui::app::{App, Entry};
use planlens::tui::theme::{Theme, ThemeName};
use planlens::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::screen;
use unicode_width::UnicodeWidthStr;

fn app(width: u16, height: u16) -> App {
    let entries = Entry::bundled();
    assert_eq!(entries.len(), 2);
    let mut app = App::new(
        entries,
        vec!["broken.json:3:7: invalid report JSON: expected `,` or `}`".into()],
        Theme::new(ThemeName::Dark, false),
        false,
    );
    app.update(Action::Resize(width, height));
    app
}

fn drive(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.update(action.clone());
    }
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Type).collect()
}

const SIZES: [(u16, u16); 2] = [(100, 30), (60, 20)];

#[test]
fn picker() {
    for (w, h) in SIZES {
        let app = app(w, h);
        insta::assert_snapshot!(format!("picker_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn reader_opened_on_the_first_report() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        drive(
            &mut app,
            &[Action::Open, Action::Down, Action::Down, Action::Down],
        );
        insta::assert_snapshot!(format!("reader_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn tree_folded_and_unfolded() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        drive(&mut app, &[Action::Open, Action::Down, Action::Fold]);
        insta::assert_snapshot!(format!("tree_folded_{w}x{h}"), screen(&app, w, h));
        drive(&mut app, &[Action::Unfold, Action::Down, Action::Unfold]);
        insta::assert_snapshot!(format!("tree_unfolded_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn search_hits_highlighted() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        drive(
            &mut app,
            &[Action::Open, Action::FocusNext, Action::StartSearch],
        );
        drive(&mut app, &typed("數據"));
        insta::assert_snapshot!(format!("search_typing_{w}x{h}"), screen(&app, w, h));
        drive(&mut app, &[Action::Back, Action::NextHit, Action::NextHit]);
        insta::assert_snapshot!(format!("search_hits_{w}x{h}"), screen(&app, w, h));
    }
}

/// The walk-through: at 120 columns the reader's footer ended "… / 搜索  n/N 上下…", so `d`, `a`
/// and `?` never showed. Now `? 帮助` stays at every width (after a message too), and the
/// comparison and the audit as long as there is room.
#[test]
fn the_reader_footer_keeps_the_help_and_the_views() {
    for (w, kept) in [
        (120, &["d 比较", "a 审计", "? 帮助", "q 返回"][..]),
        (60, &["d 比较", "a 审计", "? 帮助"][..]),
        (30, &["? 帮助"][..]),
    ] {
        let mut app = app(w, 20);
        drive(&mut app, &[Action::Open, Action::Down, Action::Down]);
        let shown = screen(&app, w, 20);
        let footer = shown.lines().last().unwrap_or_default();
        for hint in kept {
            assert!(footer.contains(hint), "{w}: {hint} in {footer:?}");
        }
        drive(&mut app, &[Action::SetBookmark]);
        let shown = screen(&app, w, 20);
        let footer = shown.lines().last().unwrap_or_default();
        assert!(
            footer.contains("已加") && footer.ends_with("? 帮助"),
            "{w}: {footer:?}"
        );
    }
}

#[test]
fn help_overlay() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        drive(&mut app, &[Action::Open, Action::ToggleHelp]);
        insta::assert_snapshot!(format!("help_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn second_report_reader_narrow_focus_on_text() {
    let mut app = app(60, 20);
    drive(
        &mut app,
        &[Action::Down, Action::Open, Action::Bottom, Action::Open],
    );
    insta::assert_snapshot!("longgang_end_60x20", screen(&app, 60, 20));
}

/// Every screen and popup at every size down to 1×1: no panic, and no row wider than the
/// terminal, after every step of each script (picker, reader, search, help, bookmarks, both
/// choosers, the comparison and its search, the audit table, the evidence view stepping from
/// item to item, the verdict chooser, the note field).
#[test]
fn every_size_renders() {
    use Action::*;
    let bundled: Vec<Vec<Action>> = vec![
        vec![Down, Up, ToggleHelp, Down],
        vec![Open, FocusNext, PageDown, Fold, Unfold],
        vec![Open, ToggleHelp, Down, Down],
        vec![Open, StartSearch, Type('数'), Type('据'), Back, NextHit],
        vec![Open, Down, SetBookmark, ShowBookmarks, Down],
        vec![Open, ShowBookmarks],
        // the compare chooser, then the comparison, its search and its help
        TO_COMPARE_CHOOSER.to_vec(),
        TO_COMPARE_CHOOSER
            .iter()
            .cloned()
            .chain([
                Open,
                NextChange,
                StartSearch,
                Type('数'),
                Back,
                NextHit,
                ToggleHelp,
            ])
            .collect(),
        // 光明 has no clean summary among the bundled reports: the audit chooser
        vec![Open, OpenAudit, Down],
    ];
    let audit: Vec<Vec<Action>> = vec![vec![
        Open,
        OpenAudit,
        Down,
        Open,
        NextItem,
        Down,
        ToggleHelp,
        Back,
        SetVerdict,
        Down,
        Back,
        EditNote,
        Type('见'),
        Back,
        PreviousItem,
        Back,
        CycleFilter,
    ]];
    let data = tempfile::tempdir().unwrap();
    for (w, h) in [
        (1, 1),
        (2, 2),
        (10, 5),
        (40, 12),
        (79, 20),
        (100, 30),
        (200, 60),
        (3, 40),
        (200, 2),
    ] {
        let runs = bundled
            .iter()
            .map(|s| (app(w, h), s))
            .chain(audit.iter().map(|s| (audit_app(w, h, data.path()).0, s)));
        for (mut app, script) in runs {
            let mut store = planlens::store::FileStore::new(data.path().to_path_buf());
            for (step, action) in std::iter::once(None)
                .chain(script.iter().map(Some))
                .enumerate()
            {
                if let Some(action) = action {
                    planlens::tui::run::dispatch(&mut app, action.clone(), &mut store);
                }
                for line in screen(&app, w, h).lines() {
                    assert!(
                        line.width() <= usize::from(w),
                        "{w}x{h} {script:?} step {step}: {line:?}"
                    );
                }
            }
        }
    }
}

/// Open 光明, fold its summary, select its plan part, press `d`: the chooser.
const TO_COMPARE_CHOOSER: [Action; 5] = [
    Action::Open,
    Action::Down,
    Action::Fold,
    Action::Down,
    Action::OpenCompare,
];

/// `d` on the 光明 plan, choose the 龙岗 plan: the side-by-side comparison.
fn compare_app(w: u16, h: u16) -> App {
    let mut app = app(w, h);
    // pick the first choice (龙岗's plan comes first)
    drive(&mut app, &TO_COMPARE_CHOOSER);
    drive(&mut app, &[Action::Open]);
    app
}

#[test]
fn compare_view_side_by_side_and_stacked() {
    for (w, h) in [(120, 40), (70, 25)] {
        let mut app = compare_app(w, h);
        let compare = app.compare().expect("the comparison opened");
        let (left_title, right_title) = compare.titles();
        assert!(left_title.contains("2025年工作计划"), "{left_title}");
        assert!(right_title.contains("2024年工作计划"), "{right_title}");
        insta::assert_snapshot!(format!("compare_{w}x{h}"), screen(&app, w, h));
        drive(&mut app, &[Action::NextChange, Action::NextChange]);
        insta::assert_snapshot!(format!("compare_next_change_{w}x{h}"), screen(&app, w, h));
    }
}

/// A moved pair says where it came from, in Chinese as in `planlens diff`: `⇄ 移自 (二)2`.
#[test]
fn compare_view_labels_a_moved_pair() {
    let (w, h) = (120, 40);
    let mut app = compare_app(w, h);
    let compare = app.compare().expect("the comparison opened");
    let moved = compare
        .doc
        .rows
        .iter()
        .position(|p| p.pair.moved)
        .expect("the bundled plans have a moved pair");
    let row = compare.layout.pair_starts[moved];
    while app.compare().is_some_and(|c| c.scroll < row) {
        app.update(Action::Down);
    }
    let shown = screen(&app, w, h);
    assert!(shown.contains("⇄ 移自"), "{shown}");
    insta::assert_snapshot!(format!("compare_moved_{w}x{h}"), shown);
}

/// The chooser says which side is which: the open part is the left, on a line of its own; each
/// choice would be the right.
/// `/` searches both sides of the comparison (its help spoke of clearing a search it did not
/// have): hits are highlighted, `n` goes to the next, Esc clears the search before leaving.
#[test]
fn compare_view_searches_both_sides() {
    let (w, h) = (120, 40);
    let mut app = compare_app(w, h);
    drive(&mut app, &[Action::StartSearch]);
    assert_eq!(app.context(), planlens::tui::action::Context::SearchInput);
    drive(&mut app, &typed("数據"));
    let typing = screen(&app, w, h);
    assert!(
        typing
            .lines()
            .last()
            .unwrap_or_default()
            .starts_with("/数據▏  1/"),
        "{typing}"
    );
    drive(&mut app, &[Action::Back]);
    let compare = app.compare().expect("the comparison is open");
    let hits = compare.search.hits.len();
    assert!(hits > 10, "{hits} hits");
    let sides: std::collections::BTreeSet<_> = compare
        .search
        .hits
        .iter()
        .map(|h| format!("{:?}", h.side))
        .collect();
    assert_eq!(sides.len(), 2, "hits on both sides");
    // far enough to scroll
    for _ in 0..8 {
        drive(&mut app, &[Action::NextHit]);
    }
    let compare = app.compare().unwrap();
    let current = compare.search.current_hit().unwrap();
    let row = compare.row_of(current);
    assert!(
        compare.scroll <= row && row < compare.scroll + 36,
        "the hit is in view"
    );
    let shown = screen(&app, w, h);
    assert!(
        shown
            .lines()
            .last()
            .unwrap_or_default()
            .contains(&format!("“数據” 9/{hits}")),
        "{shown}"
    );
    insta::assert_snapshot!(format!("compare_search_{w}x{h}"), shown);
    drive(&mut app, &[Action::Back]);
    assert!(
        app.compare().is_some_and(|c| c.search.hits.is_empty()),
        "Esc clears the search first"
    );
    drive(&mut app, &[Action::Back]);
    assert!(app.compare().is_none(), "then leaves the comparison");
}

#[test]
fn compare_chooser_lists_the_other_report_first() {
    let mut app = app(100, 30);
    drive(&mut app, &TO_COMPARE_CHOOSER);
    let shown = screen(&app, 100, 30);
    assert!(
        shown.contains("│ 左 (当前)  光明区 政务服务和数据管理局 · 二、2025年工作计划"),
        "{shown}"
    );
    assert!(shown.contains("│ 右  龙岗区 政务服务和数据管理局 · 二、2024年工作计划"));
    insta::assert_snapshot!("compare_chooser_100x30", shown);
}

/// Two copies of the 光明 report under other names, and 龙岗: `a` on the first copy offers three
/// summaries, none clean. Each choice's warning is wrapped whole under it (it was cut
/// mid-word), and the two copies, one title, are told apart by their file names.
#[test]
fn audit_chooser_wraps_its_warnings_and_names_files_that_share_a_title() {
    let bundled = Entry::bundled();
    let copy = |source: &str| Entry {
        source: source.to_string(),
        report: bundled[0].report.clone(),
    };
    let entries = vec![
        copy("reports/a/guangming-copy-1.json"),
        copy("reports/b/guangming-copy-2.json"),
        bundled[1].clone(),
    ];
    let (w, h) = (70, 25);
    let mut app = App::new(entries, vec![], Theme::new(ThemeName::Dark, false), false);
    app.update(Action::Resize(w, h));
    drive(&mut app, &[Action::Open, Action::OpenAudit]);
    let shown = screen(&app, w, h);
    assert!(shown.contains("guangming-copy-1.json"), "{shown}");
    assert!(shown.contains("guangming-copy-2.json"), "{shown}");
    // the 龙岗 warning, read back from the popup's lines, is whole
    let popup: String = shown
        .lines()
        .filter_map(|l| l.split('│').nth(2))
        .map(str::trim)
        .collect();
    let longgang = planlens::present::labels::caution(&planlens::compare::warnings::pair_warnings(
        &app.entries()[0].report,
        &app.entries()[2].report,
    ));
    let unspaced = |s: &str| s.replace(' ', "");
    assert!(
        unspaced(&popup).contains(&unspaced(&longgang)),
        "{longgang} in {popup}"
    );
    insta::assert_snapshot!(format!("audit_chooser_{w}x{h}"), shown);
}

#[test]
fn compare_every_size_renders() {
    for (w, h) in [
        (1, 1),
        (2, 2),
        (10, 5),
        (40, 12),
        (79, 20),
        (80, 20),
        (200, 60),
    ] {
        let mut app = compare_app(w, h);
        for action in [
            Action::NextChange,
            Action::PageDown,
            Action::Resize(w.max(3) - 2, h),
            Action::Bottom,
        ] {
            app.update(action);
            for line in screen(&app, w, h).lines() {
                assert!(line.width() <= usize::from(w), "{w}x{h}: {line:?}");
            }
        }
    }
}

/// The audit fixtures: 明湖区's 2025 plan (in its 2024/2025 report) and its 2025 summary.
fn audit_app(w: u16, h: u16, data: &std::path::Path) -> (App, planlens::store::FileStore) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/audit");
    let entries = ["minghu-zwsj-2024-2025.txt", "minghu-zwsj-2025-2026.txt"]
        .iter()
        .map(|name| {
            // copies in a temporary folder, so the verdict sidecar is written there
            let path = data.join(name);
            std::fs::copy(format!("{dir}/{name}"), &path).unwrap();
            Entry {
                source: path.display().to_string(),
                report: planlens::load::load_report(&path).unwrap(),
            }
        })
        .collect();
    let mut app = App::new(entries, vec![], Theme::new(ThemeName::Dark, false), false);
    app.update(Action::Resize(w, h));
    let store = planlens::store::FileStore::new(data.to_path_buf());
    (app, store)
}

fn dispatch(app: &mut App, store: &mut planlens::store::FileStore, actions: &[Action]) {
    for action in actions {
        planlens::tui::run::dispatch(app, action.clone(), store);
    }
}

#[test]
fn audit_view_table_detail_and_verdicts() {
    for (w, h) in [(120, 40), (70, 25)] {
        let data = tempfile::tempdir().unwrap();
        let (mut app, mut store) = audit_app(w, h, data.path());
        // the picker lists the 2024/2025 report first; `a` opens its audit at once: the 2025
        // summary is the one suggested pair
        dispatch(&mut app, &mut store, &[Action::Open, Action::OpenAudit]);
        let audit = app
            .audit()
            .expect("the audit opened on the suggested summary");
        let warnings = planlens::compare::warnings::pair_warnings(
            &app.entries()[audit.plan_entry].report,
            &app.entries()[audit.summary_entry].report,
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        insta::assert_snapshot!(format!("audit_table_{w}x{h}"), screen(&app, w, h));
        dispatch(&mut app, &mut store, &[Action::Open]);
        insta::assert_snapshot!(format!("audit_detail_{w}x{h}"), screen(&app, w, h));
        // a verdict and a note, saved to the sidecar beside the plan report
        dispatch(
            &mut app,
            &mut store,
            &[
                Action::Back,
                Action::SetVerdict,
                Action::Down,
                Action::Open,
                Action::EditNote,
            ],
        );
        dispatch(
            &mut app,
            &mut store,
            &typed("见总结第二节")
                .into_iter()
                .chain([Action::Confirm])
                .collect::<Vec<_>>(),
        );
        let sidecar =
            std::fs::read_to_string(data.path().join("minghu-zwsj-2024-2025.verdicts.json"))
                .unwrap();
        assert!(
            sidecar.contains("\"partial\"") && sidecar.contains("见总结第二节"),
            "{sidecar}"
        );
        // the verdict names the summary it was made against
        let saved: serde_json::Value = serde_json::from_str(&sidecar).unwrap();
        assert_eq!(
            saved["verdicts"][0]["summary"]["file"], "minghu-zwsj-2025-2026.txt",
            "{sidecar}"
        );
        assert_eq!(saved["verdicts"][0]["summary"]["year"], 2025);
        assert!(
            screen(&app, w, h).contains("部分落实"),
            "the table shows the verdict"
        );
        // the filter for items without a verdict leaves that item out
        let before = app.audit().unwrap().visible().len();
        dispatch(
            &mut app,
            &mut store,
            &[
                Action::CycleFilter,
                Action::CycleFilter,
                Action::CycleFilter,
            ],
        );
        assert_eq!(app.audit().unwrap().visible().len(), before - 1);
    }
}

/// The walk-through: at 50 columns the audit header hid that a filter was on. The filter now
/// holds the header's right end at any width, and the rest gives way with ….
#[test]
fn the_audit_header_always_shows_the_filter() {
    let data = tempfile::tempdir().unwrap();
    for w in [120, 50, 30] {
        let (mut app, mut store) = audit_app(w, 20, data.path());
        dispatch(
            &mut app,
            &mut store,
            &[Action::Open, Action::OpenAudit, Action::CycleFilter],
        );
        let shown = screen(&app, w, 20);
        let header = shown.lines().next().unwrap_or_default();
        assert!(header.ends_with("筛选: 仅未提及"), "{w}: {header:?}");
        assert!(header.starts_with("审计 · "), "{w}: {header:?}");
    }
}

/// The walk-through: 21 items took 21 × q j Enter. In the evidence view `n` / `]` goes to the
/// next item and `p` / `[` to the previous, staying in the evidence view.
#[test]
fn the_evidence_view_steps_from_item_to_item() {
    let data = tempfile::tempdir().unwrap();
    let (mut app, mut store) = audit_app(70, 16, data.path());
    dispatch(
        &mut app,
        &mut store,
        &[Action::Open, Action::OpenAudit, Action::Open],
    );
    let title = |app: &App| {
        app.audit()
            .and_then(|a| a.current())
            .map(|row| row.item.title.clone())
    };
    let first = title(&app);
    assert_eq!(app.context(), planlens::tui::action::Context::Evidence);
    let footer = screen(&app, 70, 16);
    assert!(
        footer
            .lines()
            .last()
            .unwrap_or_default()
            .contains("n/p 上下条"),
        "{footer}"
    );
    dispatch(&mut app, &mut store, &[Action::PreviousItem]);
    assert_eq!(
        screen(&app, 70, 16)
            .lines()
            .last()
            .map(|l| l.contains("已是第一条")),
        Some(true)
    );
    // scrolled down in the first item, `n`: the second item, from its top, still with evidence
    dispatch(&mut app, &mut store, &[Action::Down]);
    assert_eq!(app.audit().map(|a| a.detail_scroll), Some(1));
    dispatch(&mut app, &mut store, &[Action::NextItem]);
    let second = title(&app);
    assert_ne!(second, first);
    let audit = app.audit().unwrap();
    assert_eq!(
        (audit.detail, audit.selected, audit.detail_scroll),
        (true, 1, 0)
    );
    assert!(screen(&app, 70, 16).contains(second.as_deref().unwrap_or("?")));
    dispatch(&mut app, &mut store, &[Action::PreviousItem]);
    assert_eq!(title(&app), first);
    // the keys as a user types them
    let key = |c| {
        planlens::tui::action::action_for(
            &ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char(c)),
            app.context(),
        )
    };
    assert_eq!(key('n'), Some(Action::NextItem));
    assert_eq!(key(']'), Some(Action::NextItem));
    assert_eq!(key('p'), Some(Action::PreviousItem));
    assert_eq!(key('['), Some(Action::PreviousItem));
}

#[test]
fn audit_every_size_renders() {
    let data = tempfile::tempdir().unwrap();
    for (w, h) in [(1, 1), (2, 2), (10, 5), (40, 12), (79, 20), (200, 60)] {
        let (mut app, mut store) = audit_app(w, h, data.path());
        dispatch(&mut app, &mut store, &[Action::Open, Action::OpenAudit]);
        for action in [
            Action::Down,
            Action::Open,
            Action::PageDown,
            Action::Back,
            Action::CycleFilter,
            Action::SetVerdict,
        ] {
            dispatch(&mut app, &mut store, &[action]);
            for line in screen(&app, w, h).lines() {
                assert!(line.width() <= usize::from(w), "{w}x{h}: {line:?}");
            }
        }
    }
}

fn cells(n: usize) -> u16 {
    u16::try_from(n).unwrap()
}

/// The sidecar beside the audit fixtures' plan, as JSON.
fn saved_verdicts(data: &std::path::Path) -> serde_json::Value {
    let path = data.join("minghu-zwsj-2024-2025.verdicts.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// `planlens audit` on the audit fixtures copied to `data` (the sidecar beside the plan).
fn planlens_audit(data: &std::path::Path, format: &str) -> String {
    let output = assert_cmd::Command::cargo_bin("planlens")
        .unwrap()
        .arg("audit")
        .arg(data.join("minghu-zwsj-2024-2025.txt"))
        .arg(data.join("minghu-zwsj-2025-2026.txt"))
        .args(["--format", format])
        .env("PLANLENS_DATA_DIR", data)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(output).unwrap()
}

/// Issue 17, step 6: in the evidence view the auditor rejects the selected sentence (`r`) and
/// attaches another sentence of the summary (`+`, a query, Enter); both are saved with the
/// item's verdict, shown, and exported by `planlens audit` — the status stays the engine's. `r`
/// again restores the rejected one and removes the attached one.
#[test]
fn the_auditor_corrects_the_evidence() {
    use Action::*;
    for (w, h) in [(120, 40), (60, 20)] {
        let data = tempfile::tempdir().unwrap();
        let (mut app, mut store) = audit_app(w, h, data.path());
        dispatch(
            &mut app,
            &mut store,
            &[Open, OpenAudit, Open, RejectEvidence, AttachEvidence],
        );
        // the search folds as the reader's: traditional 區級 finds the simplified 区级
        dispatch(&mut app, &mut store, &typed("區級政務智算中心建成"));
        let popup = screen(&app, w, h);
        assert!(
            popup.contains("搜索总结: 區級政務智算中心建成▏  1 句"),
            "{popup}"
        );
        assert!(popup.contains("区级政务智算中心建成投用。"), "{popup}");
        dispatch(&mut app, &mut store, &[Confirm]);
        let shown = screen(&app, w, h);
        assert!(
            shown.contains("(已剔除)") && shown.contains("(审计添加)"),
            "{shown}"
        );
        insta::assert_snapshot!(format!("evidence_corrected_{w}x{h}"), shown);
        // the rejected sentence is struck through
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|frame| ui::render(&app.view(), frame))
            .unwrap();
        let sentence = "6月底前建成区级政务智算中心并投入使用,为全区";
        let y = shown.lines().position(|l| l.contains(sentence)).unwrap();
        let x = shown.lines().nth(y).unwrap().rfind(sentence).unwrap();
        let x = shown.lines().nth(y).unwrap()[..x].width();
        let cell = &terminal.backend().buffer()[(cells(x), cells(y))];
        assert!(
            cell.modifier
                .contains(ratatui::style::Modifier::CROSSED_OUT),
            "{w}x{h}: {cell:?}"
        );

        let saved = saved_verdicts(data.path());
        assert_eq!(saved["schema"], "planlens.verdicts/3");
        let entry = &saved["verdicts"][0];
        assert_eq!(entry["id"], "p2.1.1");
        assert!(entry["verdict"].is_null(), "a correction is not a verdict");
        assert_eq!(
            entry["rejected"],
            serde_json::json!([{"id": "p1.1.1",
                "text": "6月底前建成区级政务智算中心并投入使用,为全区各部门提供统一的智能算力服务。"}])
        );
        assert_eq!(
            entry["attached"],
            serde_json::json!([{"id": "p1.1.1", "text": "区级政务智算中心建成投用。"}])
        );

        let csv = planlens_audit(data.path(), "csv");
        assert!(
            csv.contains("[1] p1.1.1 (已剔除) 6月底前建成区级政务智算中心")
                && csv.contains("[2] p1.1.1 (审计添加) 区级政务智算中心建成投用。"),
            "{csv}"
        );
        let json: serde_json::Value =
            serde_json::from_str(&planlens_audit(data.path(), "json")).unwrap();
        let item = &json["items"][0];
        assert_eq!(item["evidence"][0]["rejected"], true);
        assert_eq!(
            item["attached"][0]["sentence"],
            "区级政务智算中心建成投用。"
        );
        assert_eq!(item["attached"][0]["in_summary"], true);
        assert_eq!(item["status"], "reported", "the engine's status stands");
        let text = planlens_audit(data.path(), "text");
        assert!(text.contains("[2] p1.1.1 (审计添加)"), "{text}");

        // a verdict keeps the corrections
        dispatch(&mut app, &mut store, &[SetVerdict, Open]);
        let saved = saved_verdicts(data.path());
        assert_eq!(saved["verdicts"][0]["verdict"], "done");
        assert_eq!(saved["verdicts"][0]["attached"][0]["id"], "p1.1.1");
        // the attached sentence is selected: back to the first, restore it, remove the other
        assert_eq!(app.audit().map(|a| a.evidence_selected), Some(1));
        dispatch(
            &mut app,
            &mut store,
            &[
                PreviousEvidence,
                RejectEvidence,
                NextEvidence,
                RejectEvidence,
            ],
        );
        let saved = saved_verdicts(data.path());
        assert_eq!(saved["schema"], "planlens.verdicts/2", "{saved}");
        assert!(saved["verdicts"][0].get("rejected").is_none(), "{saved}");
        assert!(saved["verdicts"][0].get("attached").is_none(), "{saved}");
        let shown = screen(&app, w, h);
        assert!(!shown.contains("(已剔除)") && !shown.contains("(审计添加)"));
    }
}

/// An attached sentence that the summary no longer holds (it was edited since) is listed as
/// gone, in the app and in the exports, at every size.
#[test]
fn an_attached_sentence_gone_from_the_summary_is_shown_as_gone() {
    use planlens::store::verdicts::{Corrections, SentenceRef, VerdictChange, VerdictFile};
    let data = tempfile::tempdir().unwrap();
    let (mut app, mut store) = audit_app(120, 40, data.path());
    dispatch(&mut app, &mut store, &[Action::Open, Action::OpenAudit]);
    let audit = app.audit().unwrap();
    let item = &audit.table.rows[0].item;
    let summary = audit.table.summary_ref();
    let (verdicts, _) = VerdictFile::load(&data.path().join("minghu-zwsj-2024-2025.verdicts.json"));
    let corrections = Corrections {
        rejected: Vec::new(),
        attached: vec![SentenceRef {
            id: "p1.1.9".into(),
            text: "区级政务智算中心二期建成。".into(),
        }],
    };
    let mut verdicts = verdicts.with_corrections(&item.id, &item.text, &summary, corrections);
    verdicts
        .set(&VerdictChange {
            id: item.id.clone(),
            item_text: item.text.clone(),
            summary,
            verdict: None,
            note: String::new(),
        })
        .unwrap();
    for (w, h) in [(1, 1), (10, 5), (40, 12), (60, 20), (120, 40)] {
        let (mut app, mut store) = audit_app(w, h, data.path());
        dispatch(
            &mut app,
            &mut store,
            &[
                Action::Open,
                Action::OpenAudit,
                Action::Open,
                Action::NextEvidence,
            ],
        );
        let shown = screen(&app, w, h);
        for line in shown.lines() {
            assert!(line.width() <= usize::from(w), "{w}x{h}: {line:?}");
        }
        if w >= 60 {
            assert!(
                shown.contains("[2] p1.1.9 (审计添加, 总结中已无此句)"),
                "{shown}"
            );
        }
    }
    let csv = planlens_audit(data.path(), "csv");
    assert!(
        csv.contains("(审计添加, 总结中已无此句) 区级政务智算中心二期建成。"),
        "{csv}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&planlens_audit(data.path(), "json")).unwrap();
    assert_eq!(json["items"][0]["attached"][0]["in_summary"], false);
}

/// The keys of the evidence view and of the search for a sentence to attach, as typed; a click
/// on an evidence sentence selects it; every size renders with the popup open.
#[test]
fn evidence_keys_clicks_and_every_size() {
    use Action::*;
    use planlens::tui::action::{Context, action_for};
    use ratatui::crossterm::event::{KeyCode, KeyEvent};
    let key = |code, context| action_for(&KeyEvent::from(code), context);
    assert_eq!(
        key(KeyCode::Char('r'), Context::Evidence),
        Some(RejectEvidence)
    );
    assert_eq!(
        key(KeyCode::Char('+'), Context::Evidence),
        Some(AttachEvidence)
    );
    assert_eq!(key(KeyCode::Tab, Context::Evidence), Some(NextEvidence));
    assert_eq!(
        key(KeyCode::BackTab, Context::Evidence),
        Some(PreviousEvidence)
    );
    assert_eq!(
        key(KeyCode::Char('r'), Context::AttachInput),
        Some(Type('r'))
    );
    assert_eq!(key(KeyCode::Enter, Context::AttachInput), Some(Confirm));
    assert_eq!(key(KeyCode::Down, Context::AttachInput), Some(Down));
    assert_eq!(key(KeyCode::Esc, Context::AttachInput), Some(Back));

    // the second item has two evidence sentences: a click on the second selects it
    let data = tempfile::tempdir().unwrap();
    let (mut app, mut store) = audit_app(120, 40, data.path());
    dispatch(&mut app, &mut store, &[Open, OpenAudit, Down, Open]);
    let shown = screen(&app, 120, 40);
    let row = shown
        .lines()
        .position(|l| l.contains("[2] p1.1.2"))
        .unwrap();
    dispatch(
        &mut app,
        &mut store,
        &[ClickAt(100, u16::try_from(row + 1).unwrap())],
    );
    assert_eq!(app.audit().map(|a| a.evidence_selected), Some(1));
    dispatch(&mut app, &mut store, &[AttachEvidence, Type('x')]);
    assert_eq!(app.context(), Context::AttachInput);
    dispatch(&mut app, &mut store, &[Back]);
    assert_eq!(
        app.context(),
        Context::Evidence,
        "Esc closes the search only"
    );

    for (w, h) in [
        (1, 1),
        (2, 2),
        (10, 5),
        (40, 12),
        (79, 20),
        (200, 60),
        (3, 40),
    ] {
        let (mut app, mut store) = audit_app(w, h, data.path());
        dispatch(&mut app, &mut store, &[Open, OpenAudit]);
        for action in [
            Open,
            NextEvidence,
            RejectEvidence,
            AttachEvidence,
            Type('数'),
            Down,
            ScrollDownAt(0, 0),
            ToggleHelp,
            Confirm,
            ClickAt(w / 2, h / 2),
            PreviousEvidence,
            RejectEvidence,
            NextItem,
            RejectEvidence,
            ToggleHelp,
        ] {
            dispatch(&mut app, &mut store, std::slice::from_ref(&action));
            for line in screen(&app, w, h).lines() {
                assert!(
                    line.width() <= usize::from(w),
                    "{w}x{h} {action:?}: {line:?}"
                );
            }
        }
    }
}

#[test]
fn enter_on_the_last_section_keeps_it_selected() {
    let mut app = app(100, 30);
    drive(&mut app, &[Action::Open, Action::Bottom, Action::Open]);
    let reader = app.reader().unwrap();
    assert_eq!(
        reader.doc.blocks[reader.selected].id, "p2.5",
        "(五) stays selected although it cannot scroll to the top"
    );
}

#[test]
fn a_click_in_a_scrolled_picker_picks_the_row_under_the_pointer() {
    let mut app = app(60, 5);
    drive(&mut app, &[Action::Down]);
    let shown = screen(&app, 60, 5);
    let row = u16::try_from(shown.lines().position(|l| l.contains("2023总结")).unwrap()).unwrap();
    drive(
        &mut app,
        &[Action::ClickAt(5, row), Action::ClickAt(5, row)],
    );
    let reader = app.reader().expect("the second click opens the report");
    assert_eq!(
        app.entries()[reader.entry].report.district.as_deref(),
        Some("龙岗区")
    );
}

#[test]
fn the_evidence_view_stops_at_its_end_and_verdicts_keep_the_selection_on_a_row() {
    let data = tempfile::tempdir().unwrap();
    let (mut app, mut store) = audit_app(100, 30, data.path());
    dispatch(
        &mut app,
        &mut store,
        &[
            Action::Open,
            Action::OpenAudit,
            Action::Open,
            Action::Bottom,
        ],
    );
    assert!(
        screen(&app, 100, 30).contains("结论"),
        "G shows the end of the item, not a blank pane"
    );
    dispatch(&mut app, &mut store, &[Action::Back]);
    // only items without a verdict; give the last one a verdict: the selection moves up a row
    dispatch(
        &mut app,
        &mut store,
        &[
            Action::CycleFilter,
            Action::CycleFilter,
            Action::CycleFilter,
            Action::Bottom,
        ],
    );
    let before = app.audit().unwrap().visible().len();
    dispatch(&mut app, &mut store, &[Action::SetVerdict, Action::Open]);
    let audit = app.audit().unwrap();
    assert_eq!(audit.visible().len(), before - 1);
    assert!(audit.current().is_some(), "a row is still selected");
}

#[test]
fn the_app_and_planlens_audit_give_the_same_statuses_and_commitments() {
    let data = tempfile::tempdir().unwrap();
    let (mut app, mut store) = audit_app(120, 40, data.path());
    dispatch(&mut app, &mut store, &[Action::Open, Action::OpenAudit]);
    let table = &app.audit().expect("the audit opened").table;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_planlens"))
        .arg("audit")
        .arg(data.path().join("minghu-zwsj-2024-2025.txt"))
        .arg(data.path().join("minghu-zwsj-2025-2026.txt"))
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let cli = json["items"].as_array().unwrap();
    assert_eq!(cli.len(), table.rows.len());
    for (shown, printed) in table.rows.iter().map(|row| &row.item).zip(cli) {
        assert_eq!(printed["id"], shown.id.as_str());
        assert_eq!(printed["status"], shown.status.key(), "{}", shown.id);
        let reported: Vec<bool> = printed["commitments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| !c["evidence"].is_null())
            .collect();
        let in_app: Vec<bool> = shown
            .commitments
            .iter()
            .map(|c| c.evidence.is_some())
            .collect();
        assert_eq!(reported, in_app, "{}", shown.id);
    }
}

#[test]
fn the_app_and_planlens_diff_give_the_same_rows() {
    let app = compare_app(120, 40);
    let compare = app.compare().expect("the comparison opened");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_planlens"))
        .args([
            "diff",
            "guangming-zwsj-2024-2025",
            "longgang-zwsj-2023-2024",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let printed: Vec<(Option<String>, Option<String>)> = json["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let id = |v: &serde_json::Value| v.as_str().map(str::to_string);
            (id(&p["left"]), id(&p["right"]))
        })
        .collect();
    let shown: Vec<(Option<String>, Option<String>)> = compare
        .doc
        .rows
        .iter()
        .map(|p| (p.pair.left.clone(), p.pair.right.clone()))
        .collect();
    assert_eq!(shown, printed);
}
