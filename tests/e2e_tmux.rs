//! The real binary in a real terminal (tmux): open a report, move, search, resize to 41 columns,
//! quit; what a user would see is checked on `capture-pane`. `.ci/run` installs tmux.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use unicode_width::UnicodeWidthStr;

/// A tmux server of our own (its own socket), killed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, width: u16, height: u16, data_dir: &Path) -> Tmux {
        let version = Command::new("tmux").arg("-V").output();
        assert!(
            version.is_ok_and(|o| o.status.success()),
            "tmux is required for this test (apt-get install tmux; .ci/run installs it)"
        );
        let tmux = Tmux {
            socket: format!("planlens-e2e-{}-{name}", std::process::id()),
        };
        // `planlens` on the PATH, as a user has it (and a short command line that never wraps)
        let bin = data_dir.join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_planlens"), bin.join("planlens")).unwrap();
        let shell = format!(
            "env -i PATH={home}/bin:/usr/bin:/bin HOME={home} TERM=xterm-256color LANG=C.UTF-8 PLANLENS_DATA_DIR={home} PLANLENS_CONFIG_DIR={home} PS1='$ ' bash --norc --noprofile",
            home = data_dir.display()
        );
        tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            &shell,
        ]);
        tmux
    }

    fn run(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "e2e", key]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", text]);
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-t", "e2e", "-p"])
    }

    /// Waits until the screen satisfies `ready` (the app draws asynchronously); returns it.
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

/// Rows of the screen, and the text inside the panes' borders.
fn assert_fits_and_keeps_kinsoku(screen: &str, width: usize) {
    for line in screen.lines() {
        assert!(line.width() <= width, "line wider than {width}: {line:?}");
        let inside = line.trim_start_matches(['│', '┌', '└', ' ']);
        assert!(
            !inside.starts_with(['，', '。']),
            "line starts with closing punctuation: {line:?}"
        );
    }
}

#[test]
fn open_move_search_resize_quit_in_a_real_terminal() {
    let home = tempfile::tempdir().unwrap();
    let tmux = Tmux::start("reader", 100, 30, home.path());
    // capture-pane drops trailing spaces: the prompt `$ ` reads `$`
    tmux.wait_for("the shell prompt", |s| {
        s.lines().any(|l| l.trim_end() == "$")
    });
    tmux.type_text("planlens\n");
    let picker = tmux.wait_for("the picker", |s| s.contains("份报告"));
    assert!(picker.contains("光明区 · 政务服务和数据管理局"), "{picker}");

    // open 光明, go down to (二) of the summary, focus the text
    tmux.keys(&["Enter", "j", "j", "j"]);
    let reader = tmux.wait_for("the reader on (二)", |s| {
        s.contains("一是充分凝聚招商合力")
    });
    assert!(
        reader.contains("(二)坚持精准发力"),
        "the selected section's text is shown:\n{reader}"
    );
    assert_fits_and_keeps_kinsoku(&reader, 100);

    // search across the whole report; the hit count shows in the footer
    tmux.keys(&["/"]);
    tmux.type_text("软信");
    tmux.keys(&["Enter"]);
    let searched = tmux.wait_for("search hits", |s| s.contains("“软信”"));
    assert!(searched.contains("软信"), "{searched}");

    // a narrow terminal: one pane at a time, no line wider than the window
    tmux.run(&["resize-window", "-t", "e2e", "-x", "41", "-y", "20"]);
    let narrow = tmux.wait_for("the narrow layout", |s| {
        s.lines().all(|l| l.width() <= 41) && s.contains("┐")
    });
    assert_fits_and_keeps_kinsoku(&narrow, 41);
    assert!(
        narrow.contains("软信"),
        "the hit stays in view after the resize:\n{narrow}"
    );
    tmux.keys(&["n", "n", "G", "g", "Tab", "j"]);
    let moved = tmux.wait_for("moving after the resize", |s| s.contains("目录"));
    assert_fits_and_keeps_kinsoku(&moved, 41);

    // Esc clears the search, q leaves the reader, q quits: the prompt comes back clean
    tmux.keys(&["Escape", "q", "q"]);
    let after = tmux.wait_for("the prompt after quitting", |s| {
        s.lines().rfind(|l| !l.trim().is_empty()).map(str::trim_end) == Some("$")
    });
    assert!(
        !after.contains("份报告"),
        "the app's screen is gone (alternate screen left):\n{after}"
    );
    assert!(
        !after.contains('\u{1b}') && !after.contains("[<"),
        "no escape or mouse garbage:\n{after}"
    );
    tmux.type_text("echo done-$((40+2))\n");
    tmux.wait_for("the shell still works", |s| s.contains("done-42"));
}

/// `--ambiguous-wide` in a terminal that draws “ ” one cell wide (tmux cannot be told otherwise):
/// borders turn ASCII, curly quotes are drawn as 「」, and still nothing passes the window.
#[test]
fn ambiguous_wide_mode_never_overflows() {
    let home = tempfile::tempdir().unwrap();
    let tmux = Tmux::start("ambiguous", 60, 20, home.path());
    tmux.wait_for("the shell prompt", |s| {
        s.lines().any(|l| l.trim_end() == "$")
    });
    tmux.type_text("planlens --ambiguous-wide guangming-zwsj-2024-2025\n");
    // keys typed before the app has the terminal would be echoed by the shell's tty
    tmux.wait_for("the app", |s| s.contains("+-"));
    tmux.keys(&["Tab", "/"]);
    tmux.type_text("数治光明");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("the reader with ASCII borders", |s| {
        s.contains("+-") && s.contains("数治光明")
    });
    assert!(!screen.contains('│') && !screen.contains('┌'), "{screen}");
    assert!(
        screen.contains("「数治光明」"),
        "curly quotes are drawn as brackets two cells wide:\n{screen}"
    );
    assert_fits_and_keeps_kinsoku(&screen, 60);
    tmux.keys(&["Escape", "q", "q"]);
    tmux.wait_for("the prompt after quitting", |s| {
        s.lines().rfind(|l| !l.trim().is_empty()).map(str::trim_end) == Some("$")
    });
}

/// `d` compares the 光明 plan with the 龙岗 plan; `]` jumps between changed pairs; a resize to
/// 70 columns stacks the two sides; nothing passes the window.
#[test]
fn compare_view_in_a_real_terminal() {
    let home = tempfile::tempdir().unwrap();
    let tmux = Tmux::start("compare", 120, 40, home.path());
    tmux.wait_for("the shell prompt", |s| {
        s.lines().any(|l| l.trim_end() == "$")
    });
    tmux.type_text("planlens\n");
    tmux.wait_for("the picker", |s| s.contains("份报告"));
    // open 光明, fold its summary, select the plan, compare
    tmux.keys(&["Enter", "j", "h", "j", "d"]);
    tmux.wait_for("the chooser", |s| s.contains("左为当前部分"));
    tmux.keys(&["Enter"]);
    let side_by_side = tmux.wait_for("the comparison", |s| {
        s.contains("配对") && s.contains("龙岗区 · 二、2024年工作计划")
    });
    assert!(
        side_by_side.contains("光明区 · 二、2025年工作计划"),
        "{side_by_side}"
    );
    assert_fits_and_keeps_kinsoku(&side_by_side, 120);
    tmux.keys(&["]", "]"]);
    let jumped = tmux.wait_for("a later pair", |s| !s.contains(" 1/"));
    assert_fits_and_keeps_kinsoku(&jumped, 120);
    tmux.run(&["resize-window", "-t", "e2e", "-x", "70", "-y", "25"]);
    let stacked = tmux.wait_for("the stacked layout", |s| {
        s.contains("┌ < ") && s.lines().all(|l| l.width() <= 70)
    });
    assert_fits_and_keeps_kinsoku(&stacked, 70);
    tmux.keys(&["q", "q", "q"]);
    tmux.wait_for("the prompt after quitting", |s| {
        s.lines().rfind(|l| !l.trim().is_empty()).map(str::trim_end) == Some("$")
    });
}
