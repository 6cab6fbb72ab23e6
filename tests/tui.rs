//! The real app driven through its actions and drawn on a TestBackend: snapshots of each screen
//! at a normal and a narrow size, and every size down to 1×1 without panic.

use planlens::tui::action::Action;
use planlens::tui::app::{App, Entry};
use planlens::tui::theme::{Theme, ThemeName};
use planlens::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
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

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let mut lines = Vec::new();
    for y in 0..height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..width {
            let cell = &buffer[(x, y)];
            if skip > 0 {
                skip -= 1;
                continue;
            }
            line.push_str(cell.symbol());
            skip = cell.symbol().width().saturating_sub(1);
        }
        lines.push(line.trim_end().to_string());
    }
    lines.join("\n")
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

/// Every screen at every size: no panic, and no row wider than the terminal.
#[test]
fn every_size_renders() {
    let scripts: Vec<Vec<Action>> = vec![
        vec![],
        vec![Action::Open],
        vec![Action::Open, Action::FocusNext, Action::PageDown],
        vec![Action::Open, Action::ToggleHelp],
        vec![Action::Open, Action::StartSearch, Action::Type('数')],
        vec![Action::Open, Action::ShowBookmarks],
    ];
    for (w, h) in [
        (1, 1),
        (2, 2),
        (10, 5),
        (40, 12),
        (100, 30),
        (200, 60),
        (3, 40),
        (200, 2),
    ] {
        for script in &scripts {
            let mut app = app(w, h);
            drive(&mut app, script);
            let shown = screen(&app, w, h);
            for line in shown.lines() {
                assert!(
                    line.width() <= usize::from(w),
                    "{w}x{h} {script:?}: {line:?}"
                );
            }
        }
    }
}
