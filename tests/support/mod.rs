//! What the integration tests share: the planlens command and its output for a file; an app on
//! given reports, the screen drawn and as text, every size down to 1×1.
#![allow(
    dead_code,
    reason = "each test binary that includes this module uses a part of it"
)]

use std::path::Path;

use assert_cmd::Command;
use planlens::tui::action::Action;
use planlens::tui::app::{App, Entry};
use planlens::tui::theme::{Theme, ThemeName};
use planlens::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

pub fn app_on(entries: &[Entry], width: u16, height: u16) -> App {
    let mut app = App::new(
        entries.to_vec(),
        Vec::new(),
        Theme::new(ThemeName::Dark, false),
        false,
    );
    app.update(Action::Resize(width, height));
    app
}

/// The screen as drawn, cells with their styles.
pub fn drawn(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| ui::render(&app.view(), frame))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as lines of text (a wide character once).
pub fn screen(app: &App, width: u16, height: u16) -> String {
    let buffer = drawn(app, width, height);
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

/// Each script at every size from 1×1 up: no panic, no row wider than the screen, after every
/// step.
pub fn every_size(entries: &[Entry], scripts: &[Vec<Action>]) {
    for script in scripts {
        for (w, h) in (1..=24).flat_map(|w| [(w * 5 - 4, 1 + w % 7 * 6), (w * 5 - 4, w)]) {
            let mut app = app_on(entries, w, h);
            for action in script {
                app.update(action.clone());
                let shown = screen(&app, w, h);
                assert!(
                    shown.lines().all(|l| l.width() <= usize::from(w)),
                    "{w}x{h} {action:?}"
                );
            }
        }
    }
}

/// The planlens binary of this build.
pub fn planlens() -> Command {
    Command::new(env!("CARGO_BIN_EXE_planlens"))
}

/// What `planlens ARGS[0] FILE ARGS[1..]` prints; it must succeed.
pub fn stdout(args: &[&str], file: &Path) -> String {
    let output = planlens()
        .arg(args[0])
        .arg(file)
        .args(&args[1..])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}: {:?}", file.display(), output);
    String::from_utf8(output.stdout).unwrap()
}
