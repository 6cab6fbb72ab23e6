//! Drawing speed: a full 200×60 frame of each view (picker, reader, comparison, audit table,
//! evidence, with a search where a view has one), and wrapping a whole report. Target:
//! <= 1 ms/frame. And the app's first frame, from loading the bundled reports (issue 11 target:
//! <= 20 ms).

use divan::Bencher;
use planlens::bundled::BUNDLED;
use planlens::compare::lexicon;
use planlens::store::FileStore;
use planlens::text::wrap::WrapOptions;
use planlens::tui::action::Action;
use planlens::tui::app::{App, Entry, Msg};
use planlens::tui::document::{DocLayout, Document};
use planlens::tui::run::dispatch;
use planlens::tui::theme::{Theme, ThemeName};
use planlens::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

fn reader_app(width: u16, height: u16) -> App {
    let entries = BUNDLED
        .iter()
        .filter_map(|b| {
            Some(Entry {
                source: b.name.to_string(),
                report: b.report().ok()?,
            })
        })
        .collect();
    let mut app = App::new(
        entries,
        Vec::new(),
        Theme::new(ThemeName::Dark, false),
        false,
    );
    app.update(Action::Resize(width, height));
    app.update(Action::Open);
    app.update(Action::FocusNext);
    app.update(Action::PageDown);
    app
}

/// What `planlens` without arguments does before its first frame, as far as the terminal: the
/// related terms installed, the bundled reports loaded from their JSON, the app made and sized,
/// and the picker drawn on a 200×60 terminal.
#[divan::bench]
fn first_frame_200x60(bencher: Bencher) {
    bencher.bench_local(|| {
        let _ = lexicon::install(None);
        let mut app = App::new(
            Entry::bundled(),
            Vec::new(),
            Theme::new(ThemeName::Dark, false),
            false,
        );
        app.update(Action::Resize(200, 60));
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).ok();
        if let Some(terminal) = terminal.as_mut() {
            let _ = terminal.draw(|frame| ui::render(&app.view(), frame));
        }
        terminal
    });
}

/// One frame of the reader (tree, wrapped text with figures styled, footer) at 200×60.
#[divan::bench]
fn frame_200x60(bencher: Bencher) {
    let app = reader_app(200, 60);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).ok();
    bencher.bench_local(|| {
        if let Some(terminal) = terminal.as_mut() {
            let _ = terminal.draw(|frame| ui::render(&app.view(), frame));
        }
    });
}

/// One frame with a search highlighting every 数据.
#[divan::bench]
fn frame_200x60_with_search(bencher: Bencher) {
    let mut app = reader_app(200, 60);
    app.update(Action::StartSearch);
    app.update(Action::Type('数'));
    app.update(Action::Type('据'));
    app.update(Action::Back);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).ok();
    bencher.bench_local(|| {
        if let Some(terminal) = terminal.as_mut() {
            let _ = terminal.draw(|frame| ui::render(&app.view(), frame));
        }
    });
}

/// Draws `app` on a 200×60 terminal, once per iteration.
fn bench_frames(bencher: Bencher, app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).ok();
    bencher.bench_local(|| {
        if let Some(terminal) = terminal.as_mut() {
            let _ = terminal.draw(|frame| ui::render(&app.view(), frame));
        }
    });
}

/// One frame of the comparison of the two bundled plans, side by side.
#[divan::bench]
fn frame_200x60_compare(bencher: Bencher) {
    let mut app = reader_app(200, 60);
    app.update(Msg::OpenCompare {
        left: (0, "p2".into()),
        right: (1, "p2".into()),
    });
    app.update(Action::NextChange);
    bench_frames(bencher, &app);
}

/// One frame of the comparison with a search highlighting every 数据 on both sides.
#[divan::bench]
fn frame_200x60_compare_search(bencher: Bencher) {
    let mut app = reader_app(200, 60);
    app.update(Msg::OpenCompare {
        left: (0, "p2".into()),
        right: (1, "p2".into()),
    });
    for action in [
        Action::StartSearch,
        Action::Type('数'),
        Action::Type('据'),
        Action::Back,
        Action::NextHit,
    ] {
        app.update(action);
    }
    bench_frames(bencher, &app);
}

/// The 光明 plan audited against the first summary offered, then `more` actions.
fn audit_app(more: &[Action]) -> Option<(App, tempfile::TempDir)> {
    let data = tempfile::tempdir().ok()?;
    let mut store = FileStore::new(data.path().to_path_buf());
    let mut app = reader_app(200, 60);
    dispatch(&mut app, Action::OpenAudit, &mut store);
    if app.audit().is_none() {
        dispatch(&mut app, Action::Open, &mut store); // the chooser: take the first summary
    }
    for action in more {
        dispatch(&mut app, action.clone(), &mut store);
    }
    Some((app, data))
}

/// One frame of the audit table.
#[divan::bench]
fn frame_200x60_audit(bencher: Bencher) {
    if let Some((app, _data)) = audit_app(&[]) {
        bench_frames(bencher, &app);
    }
}

/// One frame of the evidence view (item and evidence side by side, shared phrases marked), on
/// the second item.
#[divan::bench]
fn frame_200x60_evidence(bencher: Bencher) {
    if let Some((app, _data)) = audit_app(&[Action::Open, Action::NextItem]) {
        bench_frames(bencher, &app);
    }
}

/// One frame of the picker.
#[divan::bench]
fn frame_200x60_picker(bencher: Bencher) {
    let mut app = reader_app(200, 60);
    app.update(Action::Back);
    bench_frames(bencher, &app);
}

/// Wrapping the whole 光明 report for the reader pane (what a resize costs).
#[divan::bench(args = [40, 80, 160])]
fn wrap_whole_report(bencher: Bencher, width: usize) {
    let Ok(report) = BUNDLED[0].report() else {
        return;
    };
    let doc = Document::new(&report);
    bencher.bench_local(|| DocLayout::new(&doc, WrapOptions::new(width)));
}
