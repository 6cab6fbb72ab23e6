//! The `planlens` binary as a user runs it: what it prints, what it refuses, and how it says so.
//!
//! Bad data must give exactly one line on standard error naming the file and the place
//! (`file:LINE:COLUMN:` for JSON, `line N` / `byte N` for page text), exit code 1, and never a
//! panic; usage mistakes exit 2.

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::Duration;

use assert_cmd::Command;
use planlens::model::{Node, Report};
use predicates::prelude::*;
use tempfile::TempDir;
use unicode_width::UnicodeWidthStr;

const GUANGMING: &str = "guangming-zwsj-2024-2025";
const LONGGANG: &str = "longgang-zwsj-2023-2024";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The committed JSON of a bundled report.
fn json_path(name: &str) -> PathBuf {
    root().join(format!("data/{name}.json"))
}

/// The raw page text of a bundled report.
fn raw_path(name: &str) -> PathBuf {
    root().join(format!("data/raw/{name}.txt"))
}

fn read_report(name: &str) -> Report {
    serde_json::from_str(&std::fs::read_to_string(json_path(name)).unwrap()).unwrap()
}

/// `planlens`, run from the repository root.
fn planlens() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_planlens"));
    cmd.current_dir(root());
    cmd
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Runs a command that must succeed quietly and returns its standard output.
fn succeeds(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    assert_eq!(stderr(&output), "");
    stdout(&output)
}

/// Runs a command that must fail on bad data: exit code 1, no panic, and exactly one line on
/// standard error that names `file`. Returns that line.
fn fails_on(cmd: &mut Command, file: &Path) -> String {
    let output = cmd.output().unwrap();
    let err = stderr(&output);
    assert!(!err.contains("panicked"), "panic: {err}");
    assert_eq!(output.status.code(), Some(1), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "not one line: {err:?}");
    assert!(err.ends_with('\n'), "{err:?}");
    assert!(err.starts_with("planlens: "), "{err}");
    assert!(
        err.contains(&file.display().to_string()),
        "does not name {}: {err}",
        file.display()
    );
    err.trim_end().to_string()
}

/// The `LINE:COLUMN` right after `file:` in an error line.
fn json_place(error: &str, file: &Path) -> (usize, usize) {
    let prefix = format!("{}:", file.display());
    let rest = &error[error.find(&prefix).unwrap() + prefix.len()..];
    let mut numbers = rest.splitn(3, ':');
    let line = numbers.next().unwrap().parse().unwrap();
    let column = numbers.next().unwrap().parse().unwrap();
    (line, column)
}

/// The expected `(line, column)` of the character that starts at byte `offset` of `text`: both
/// 1-based, the column counted in characters as editors show it.
fn place_of(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

fn write(dir: &TempDir, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

// --- happy paths on the bundled reports ----------------------------------------------------------

#[test]
fn no_arguments_lists_the_bundled_reports_from_any_folder() {
    let elsewhere = TempDir::new().unwrap();
    let out = succeeds(Command::new(env!("CARGO_BIN_EXE_planlens")).current_dir(elsewhere.path()));
    let row = |name: &str| {
        out.lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name} not listed:\n{out}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(
        row(GUANGMING),
        format!("{GUANGMING} 光明区 政务服务和数据管理局 summary 2024, plan 2025")
    );
    assert_eq!(
        row(LONGGANG),
        format!("{LONGGANG} 龙岗区 政务服务和数据管理局 summary 2023, plan 2024")
    );
    // The hint it gives works as written.
    let hint = out.lines().find(|l| l.contains("try `")).unwrap();
    let suggested = hint.split('`').nth(1).unwrap();
    let args: Vec<&str> = suggested.split_whitespace().skip(1).collect();
    let tree = succeeds(
        Command::new(env!("CARGO_BIN_EXE_planlens"))
            .current_dir(elsewhere.path())
            .args(&args),
    );
    assert!(tree.starts_with("光明区政务服务和数据管理局"), "{tree}");
}

#[test]
fn tree_of_json_raw_text_and_bundled_name_are_the_same() {
    let from_json = succeeds(planlens().arg("tree").arg(json_path(GUANGMING)));
    let from_text = succeeds(planlens().arg("tree").arg(raw_path(GUANGMING)));
    assert_eq!(from_json, from_text);
    assert!(
        from_json
            .lines()
            .any(|l| l == "    p1.5.2  是筑牢网络信息安全屏障。  !marker_broken"),
        "{from_json}"
    );
    assert!(from_json.contains("p1.5.3  四是打造政务领域5G应用示范。  !numbering_gap"));
    assert!(from_json.contains("p2.2.1  1.强化智能算力资源供给  !heading_glued"));
    assert!(from_json.starts_with("光明区政务服务和数据管理局2024年工作总结和2025年工作计划\n"));

    let relative = succeeds(planlens().args(["tree", "data/guangming-zwsj-2024-2025.json"]));
    assert_eq!(relative, from_json);
    let elsewhere = TempDir::new().unwrap();
    let by_name = succeeds(
        Command::new(env!("CARGO_BIN_EXE_planlens"))
            .current_dir(elsewhere.path())
            .args(["tree", GUANGMING]),
    );
    assert_eq!(by_name, from_json);

    let longgang_json = succeeds(planlens().arg("tree").arg(json_path(LONGGANG)));
    let longgang_text = succeeds(planlens().arg("tree").arg(raw_path(LONGGANG)));
    assert_eq!(longgang_json, longgang_text);
}

#[test]
fn show_a_node_wraps_to_the_width_and_loses_nothing() {
    let report = read_report(GUANGMING);
    let node = report.node("p2.2.1").unwrap();
    for width in [30, 2, 7, 80] {
        let out =
            succeeds(planlens().args(["show", GUANGMING, "p2.2.1", "--width", &width.to_string()]));
        for line in out.lines() {
            assert!(line.width() <= width, "wider than {width}: {line:?}");
        }
        let joined: String = out.lines().collect();
        assert!(
            joined.contains(&node.text),
            "width {width}: text lost:\n{out}"
        );
        assert!(joined.contains(&format!("{}{}", node.marker, node.title)));
    }
}

/// Every non-whitespace character of what `show` should print, in order.
fn shown_chars(report: &Report) -> String {
    let mut pieces = vec![report.title.clone(), report.preamble.clone()];
    for part in &report.parts {
        pieces.push(part.heading.clone());
        pieces.push(part.text.clone());
        for node in part.nodes.iter().flat_map(Node::walk) {
            pieces.push(format!("{}{}", node.marker, node.title));
            pieces.push(node.text.clone());
        }
    }
    pieces
        .concat()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[test]
fn show_the_whole_report_keeps_every_character_in_order() {
    for name in [GUANGMING, LONGGANG] {
        let report = read_report(name);
        for width in [2, 30] {
            let out = succeeds(planlens().args(["show", name, "--width", &width.to_string()]));
            assert!(out.lines().all(|l| l.width() <= width));
            let got: String = out.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(got, shown_chars(&report), "{name} at width {width}");
        }
    }
}

#[test]
fn show_a_part_by_id() {
    let report = read_report(GUANGMING);
    let out = succeeds(planlens().args(["show", GUANGMING, "p2", "--width", "40"]));
    let joined: String = out.lines().collect();
    assert!(joined.starts_with(&report.parts[1].heading), "{out}");
    assert!(joined.contains(&report.node("p2.5.2").unwrap().text));
    assert!(!joined.contains(&report.parts[0].heading));
}

/// `show` names a part as `diff` does: plan, summary, or its number.
#[test]
fn show_a_part_as_diff_names_it() {
    let by_id = succeeds(planlens().args(["show", LONGGANG, "p2", "--width", "50"]));
    for name in ["plan", "2"] {
        let out = succeeds(planlens().args(["show", LONGGANG, name, "--width", "50"]));
        assert_eq!(out, by_id, "show {name}");
    }
    let summary = succeeds(planlens().args(["show", LONGGANG, "summary"]));
    assert!(summary.starts_with("一、2023年工作总结"), "{summary}");
}

/// A name that is no file and no bundled report: one line that says which names are bundled.
#[test]
fn an_unknown_report_name_lists_the_bundled_ones() {
    planlens()
        .args(["show", "nosuch"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            predicate::str::contains("nosuch: cannot read")
                .and(predicate::str::contains(
                    "bundled reports: guangming-zwsj-2024-2025, longgang-zwsj-2023-2024",
                ))
                .and(predicate::str::is_match("^[^\n]*\n$").unwrap()),
        );
}

#[test]
fn import_writes_the_committed_json() {
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(json_path(LONGGANG)).unwrap()).unwrap();
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out.json");
    let printed = succeeds(
        planlens()
            .arg("import")
            .arg(raw_path(LONGGANG))
            .arg("-o")
            .arg(&out),
    );
    assert_eq!(printed, "", "-o writes nothing to standard output");
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(written, expected);
    // Only the output file is left behind: no temporary files.
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1);

    // Overwrites an existing file.
    std::fs::write(&out, "old").unwrap();
    succeeds(
        planlens()
            .arg("import")
            .arg(raw_path(LONGGANG))
            .arg("--output")
            .arg(&out),
    );
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(written, expected);

    // Standard output by default.
    let printed = succeeds(planlens().arg("import").arg(raw_path(LONGGANG)));
    let printed: serde_json::Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(printed, expected);

    let guangming = succeeds(planlens().arg("import").arg(raw_path(GUANGMING)));
    let committed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(json_path(GUANGMING)).unwrap()).unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&guangming).unwrap(),
        committed
    );
}

#[test]
fn import_of_a_gbk_page_gives_the_same_json() {
    let dir = TempDir::new().unwrap();
    for name in [GUANGMING, LONGGANG] {
        let utf8 = std::fs::read_to_string(raw_path(name)).unwrap();
        let expected: serde_json::Value =
            serde_json::from_str(&succeeds(planlens().arg("import").arg(raw_path(name)))).unwrap();

        // The pages hold NBSPs, which GBK proper cannot encode: GB18030 (what "GBK" pages are
        // read as) encodes the page byte for byte.
        let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&utf8);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
        let gb = write(&dir, &format!("{name}.gb18030.txt"), &bytes);
        let got: serde_json::Value =
            serde_json::from_str(&succeeds(planlens().arg("import").arg(&gb))).unwrap();
        assert_eq!(got, expected, "{name} in GB18030");

        // Strict GBK, with the NBSPs made plain spaces in both copies.
        let plain = utf8.replace('\u{a0}', " ");
        let (bytes, _, unmappable) = encoding_rs::GBK.encode(&plain);
        assert!(!unmappable);
        let gbk = write(&dir, &format!("{name}.gbk.txt"), &bytes);
        let utf8_plain = write(&dir, &format!("{name}.utf8.txt"), &plain);
        let expected: serde_json::Value =
            serde_json::from_str(&succeeds(planlens().arg("import").arg(&utf8_plain))).unwrap();
        let got: serde_json::Value =
            serde_json::from_str(&succeeds(planlens().arg("import").arg(&gbk))).unwrap();
        assert_eq!(got, expected, "{name} in GBK");

        // And the tree reads the same from the GBK file.
        assert_eq!(
            succeeds(planlens().arg("tree").arg(&gbk)),
            succeeds(planlens().arg("tree").arg(&utf8_plain))
        );
    }
}

#[test]
fn utf16_pages_without_a_bom_import_in_both_byte_orders() {
    let dir = TempDir::new().unwrap();
    let utf8 = std::fs::read_to_string(raw_path(GUANGMING)).unwrap();
    let expected = succeeds(planlens().arg("tree").arg(raw_path(GUANGMING)));
    for (order, big_endian) in [("le", false), ("be", true)] {
        let bytes: Vec<u8> = utf8
            .encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect();
        let file = write(&dir, &format!("{GUANGMING}.utf16{order}.txt"), &bytes);
        assert_eq!(
            succeeds(planlens().arg("tree").arg(&file)),
            expected,
            "{order}"
        );
    }
}

/// The 光明 page with 40 stray 0xFF bytes spread through it (about 1% of its characters).
fn damaged_guangming() -> Vec<u8> {
    let page = std::fs::read_to_string(raw_path(GUANGMING)).unwrap();
    let starts: Vec<usize> = page.char_indices().map(|(i, _)| i).collect();
    let step = starts.len() / 41;
    let mut bytes = Vec::new();
    let mut from = 0;
    for n in 1..=40 {
        let at = starts[n * step];
        bytes.extend_from_slice(&page.as_bytes()[from..at]);
        bytes.push(0xFF);
        from = at;
    }
    bytes.extend_from_slice(&page.as_bytes()[from..]);
    bytes
}

#[test]
fn a_utf8_page_with_damaged_bytes_stays_utf8_and_says_how_many() {
    let dir = TempDir::new().unwrap();
    let file = write(&dir, "guangming-damaged.txt", damaged_guangming());
    let clean = succeeds(planlens().arg("tree").arg(raw_path(GUANGMING)));
    for command in ["tree", "import"] {
        let output = planlens().arg(command).arg(&file).output().unwrap();
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(0), "{err}");
        assert_eq!(
            err,
            format!(
                "planlens: warning: {}: 40 damaged byte sequences in the page did not decode; they read as \u{FFFD}\n",
                file.display()
            )
        );
        if command == "import" {
            let report: Report = serde_json::from_str(&stdout(&output)).unwrap();
            assert_eq!(report.damaged, 40);
            assert_eq!(report.parts.len(), 2);
        } else {
            // the same tree, a U+FFFD where a byte was damaged
            let tree = stdout(&output);
            assert_eq!(tree.replace('\u{FFFD}', ""), clean, "{tree}");
            assert!(tree.contains("[summary 2024]") && tree.contains("[plan 2025]"));
        }
    }
}

#[test]
fn a_page_in_an_encoding_reports_do_not_come_in_is_refused_by_name() {
    let dir = TempDir::new().unwrap();
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(
        "Plan de travail 2025\n1. Créer un guichet unique.\n2. Améliorer les délais à zéro.\n",
    );
    let file = write(&dir, "plan.txt", &latin1);
    let error = fails_on(planlens().arg("tree").arg(&file), &file);
    assert!(error.contains("looks like windows-1252"), "{error}");
}

/// The display-width offsets at which the cells of a `list` line start (cells are separated by
/// two or more spaces).
fn cell_starts(line: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut width = 0;
    let mut spaces = 0;
    for c in line.chars() {
        if c == ' ' {
            spaces += 1;
        } else {
            if spaces >= 2 {
                starts.push(width);
            }
            spaces = 0;
        }
        width += c.to_string().width();
    }
    starts
}

fn assert_aligned(out: &str) {
    let lines: Vec<&str> = out.lines().collect();
    let first = cell_starts(lines[0]);
    assert_eq!(first.len(), 4, "{:?}", lines[0]);
    for line in &lines {
        assert_eq!(cell_starts(line), first, "columns not aligned:\n{out}");
    }
}

#[test]
fn list_data_lists_both_reports_aligned() {
    let out = succeeds(planlens().args(["list", "data"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines
            .iter()
            .map(|l| l.split("  ").next().unwrap())
            .collect::<Vec<_>>(),
        vec![
            "data/guangming-zwsj-2024-2025.json",
            "data/longgang-zwsj-2023-2024.json",
            "data/raw/guangming-zwsj-2024-2025.txt",
            "data/raw/longgang-zwsj-2023-2024.txt",
        ]
    );
    for line in &lines {
        let district = if line.contains("guangming") {
            "光明区"
        } else {
            "龙岗区"
        };
        let parts = if line.contains("guangming") {
            "summary 2024, plan 2025"
        } else {
            "summary 2023, plan 2024"
        };
        assert!(
            line.contains(district) && line.contains("政务服务和数据管理局"),
            "{line}"
        );
        assert!(line.ends_with(parts), "{line}");
    }
    assert_aligned(&out);
}

#[test]
fn list_aligns_chinese_file_names_by_display_width() {
    let dir = TempDir::new().unwrap();
    std::fs::copy(json_path(GUANGMING), dir.path().join("光明区报告.json")).unwrap();
    std::fs::copy(json_path(LONGGANG), dir.path().join("longgang-2023.json")).unwrap();
    std::fs::copy(raw_path(LONGGANG), dir.path().join("龙岗.txt")).unwrap();
    let out = succeeds(planlens().arg("list").arg(dir.path()));
    assert_eq!(out.lines().count(), 3, "{out}");
    assert_aligned(&out);
}

// --- bad input -----------------------------------------------------------------------------------

#[test]
fn truncated_json_names_line_and_column() {
    let dir = TempDir::new().unwrap();
    let full = std::fs::read_to_string(json_path(GUANGMING)).unwrap();
    // Cut in the middle of a Chinese string, on a character boundary.
    let cut = full.find("数字孪生科学城").unwrap() + "数字孪生".len();
    let truncated = &full[..cut];
    let file = write(&dir, "truncated.json", truncated);
    for command in ["tree", "show", "import"] {
        let error = fails_on(planlens().arg(command).arg(&file), &file);
        // The file breaks off at its last character.
        let last = truncated.char_indices().last().unwrap().0;
        assert_eq!(
            json_place(&error, &file),
            place_of(truncated, last),
            "{error}"
        );
        assert!(error.contains("EOF"), "{error}");
    }
}

#[test]
fn json_syntax_error_column_counts_characters() {
    let dir = TempDir::new().unwrap();
    let full = std::fs::read_to_string(json_path(GUANGMING)).unwrap();
    // `"title": "光明区…计划";` — a `;` where a `,` belongs, after Chinese text on the line.
    let title = full.find("\"title\":").unwrap();
    let comma = title + full[title..].find("\",\n").unwrap() + 1;
    let broken = format!("{};{}", &full[..comma], &full[comma + 1..]);
    let file = write(&dir, "semicolon.json", &broken);
    let error = fails_on(planlens().arg("tree").arg(&file), &file);
    assert_eq!(
        json_place(&error, &file),
        place_of(&broken, comma),
        "{error}"
    );
}

#[test]
fn unknown_schema_version_is_named_at_its_place() {
    let dir = TempDir::new().unwrap();
    let full = std::fs::read_to_string(json_path(GUANGMING)).unwrap();
    let v9 = full.replacen("planlens.report/1", "planlens.report/9", 1);
    let file = write(&dir, "v9.json", &v9);
    let error = fails_on(planlens().arg("tree").arg(&file), &file);
    assert!(error.contains("planlens.report/9"), "{error}");
    let value = v9.find("\"planlens.report/9\"").unwrap();
    assert_eq!(json_place(&error, &file), place_of(&v9, value), "{error}");

    // Another version with other fields still names the version, not a missing field.
    let other =
        "{\n  \"title\": \"x\",\n  \"schema\": \"planlens.report/2\",\n  \"sections\": []\n}\n";
    let file = write(&dir, "v2.json", other);
    let error = fails_on(planlens().arg("tree").arg(&file), &file);
    assert!(error.contains("planlens.report/2"), "{error}");
    assert_eq!(json_place(&error, &file), (3, 13), "{error}");
}

#[test]
fn empty_files_are_refused_with_a_place() {
    let dir = TempDir::new().unwrap();
    for (name, bytes) in [
        ("empty.txt", ""),
        ("blank.txt", "  \n\t\r\n  \n"),
        ("bom-only.txt", "\u{feff}"),
    ] {
        let file = write(&dir, name, bytes);
        for command in ["tree", "import"] {
            let error = fails_on(planlens().arg(command).arg(&file), &file);
            assert!(error.contains(": line 1:"), "{error}");
        }
    }
    for (name, bytes) in [("empty.json", ""), ("blank.json", " \n\n  ")] {
        let file = write(&dir, name, bytes);
        let error = fails_on(planlens().arg("tree").arg(&file), &file);
        assert_eq!(json_place(&error, &file), (1, 1), "{error}");
    }
}

#[test]
fn binary_file_is_refused_at_the_nul_byte() {
    let dir = TempDir::new().unwrap();
    let file = write(
        &dir,
        "image.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0",
    );
    for command in ["tree", "show", "import"] {
        let error = fails_on(planlens().arg(command).arg(&file), &file);
        assert!(error.contains("byte 8"), "{error}");
    }
    // Binary with no extension at all.
    let file = write(&dir, "blob", [0u8, 159, 146, 150, 0, 1, 2]);
    let error = fails_on(planlens().arg("tree").arg(&file), &file);
    assert!(error.contains("byte 0"), "{error}");
}

#[test]
fn a_100_megabyte_file_is_refused_by_its_size() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("huge.txt");
    std::fs::File::create(&file)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    for command in ["tree", "import"] {
        let error = fails_on(planlens().arg(command).arg(&file), &file);
        assert!(error.contains("too large"), "{error}");
        assert!(
            error.contains(&format!("byte {}", planlens::load::MAX_FILE_BYTES)),
            "{error}"
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_device_is_refused_without_reading_it() {
    // /dev/zero says it is 0 bytes long and never ends.
    let file = Path::new("/dev/zero");
    let error = fails_on(
        planlens()
            .arg("tree")
            .arg(file)
            .timeout(Duration::from_secs(60)),
        file,
    );
    assert!(error.contains("is a character device"), "{error}");
}

/// A named pipe with no writer (`mkfifo`): opening it the ordinary way waits forever.
#[cfg(unix)]
fn fifo(dir: &TempDir, name: &str) -> PathBuf {
    let path = dir.path().join(name);
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(made.success());
    path
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_at_once_by_every_command() {
    let dir = TempDir::new().unwrap();
    let pipe = fifo(&dir, "pipe.txt");
    let good = json_path(GUANGMING);
    let commands: [Vec<&std::ffi::OsStr>; 7] = [
        vec!["tree".as_ref(), pipe.as_ref()],
        vec!["show".as_ref(), pipe.as_ref()],
        vec!["import".as_ref(), pipe.as_ref()],
        vec!["diff".as_ref(), pipe.as_ref(), good.as_ref()],
        vec!["diff".as_ref(), good.as_ref(), pipe.as_ref()],
        vec!["audit".as_ref(), pipe.as_ref(), good.as_ref()],
        vec!["audit".as_ref(), good.as_ref(), pipe.as_ref()],
    ];
    for args in commands {
        let error = fails_on(
            planlens().args(&args).timeout(Duration::from_secs(20)),
            &pipe,
        );
        assert!(
            error.contains("is a named pipe (FIFO)"),
            "{args:?}: {error}"
        );
    }
}

/// The related-terms file of the config folder is read before every command: a named pipe there
/// is one error line, not a hang.
#[cfg(unix)]
#[test]
fn a_named_pipe_as_the_related_terms_file_is_refused_at_once() {
    let dir = TempDir::new().unwrap();
    let pipe = fifo(&dir, "related-terms.lst");
    let error = fails_on(
        planlens()
            .env("PLANLENS_CONFIG_DIR", dir.path())
            .arg("tree")
            .arg(json_path(GUANGMING))
            .timeout(Duration::from_secs(20)),
        &pipe,
    );
    assert!(error.contains("is a named pipe (FIFO)"), "{error}");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_in_a_folder_is_one_error_line_and_the_rest_is_listed() {
    let dir = TempDir::new().unwrap();
    std::fs::copy(json_path(GUANGMING), dir.path().join("good.json")).unwrap();
    let pipe = fifo(&dir, "pipe.txt");
    let output = planlens()
        .arg("list")
        .arg(dir.path())
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let (out, err) = (stdout(&output), stderr(&output));
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("good.json"), "{out}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&format!("{}: is a named pipe (FIFO)", pipe.display())),
        "{err}"
    );
    // the app loads the folder for its picker the same way, before it needs a terminal
    let output = planlens()
        .arg(dir.path())
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("needs a terminal"), "{err}");
}

#[test]
fn deeply_nested_json_is_refused_without_overflowing() {
    let dir = TempDir::new().unwrap();
    let depth = 100_000;
    let cases = [
        ("open-arrays.json", "[".repeat(depth)),
        (
            "arrays.json",
            format!("{}{}", "[".repeat(depth), "]".repeat(depth)),
        ),
        ("objects.json", "{\"a\":".repeat(depth)),
        (
            "closed-objects.json",
            format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth)),
        ),
        (
            "inside-a-report.json",
            format!(
                "{{\"schema\":\"planlens.report/1\",\"title\":{}",
                "[".repeat(depth)
            ),
        ),
    ];
    for (name, text) in cases {
        let file = write(&dir, name, &text);
        let error = fails_on(planlens().arg("tree").arg(&file), &file);
        let (line, column) = json_place(&error, &file);
        assert_eq!(line, 1, "{error}");
        assert!(column >= 1 && column <= text.len(), "{error}");
    }
    // The same brackets as page text: not a report either, and no overflow.
    let file = write(&dir, "brackets.txt", "[".repeat(depth));
    let error = fails_on(planlens().arg("tree").arg(&file), &file);
    assert!(error.contains("no Chinese text"), "{error}");
}

#[test]
fn a_directory_is_not_a_report_file() {
    let dir = TempDir::new().unwrap();
    for command in ["tree", "show", "import"] {
        let error = fails_on(planlens().arg(command).arg(dir.path()), dir.path());
        assert!(error.contains("directory"), "{error}");
    }
}

#[test]
fn a_missing_file_is_named() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("no-such-report.json");
    for command in ["tree", "show", "import"] {
        let error = fails_on(planlens().arg(command).arg(&file), &file);
        assert!(error.contains("cannot read"), "{error}");
    }
    let file = Path::new("guangming-zwsj-2099-2100");
    fails_on(planlens().arg("tree").arg(file), file);
}

#[test]
fn text_with_no_outline_names_the_line() {
    let dir = TempDir::new().unwrap();
    let file = write(
        &dir,
        "paragraph.txt",
        "\n\n这是一段普通的文字，没有任何标题，也没有编号的条目。\n",
    );
    for command in ["tree", "import"] {
        let error = fails_on(planlens().arg(command).arg(&file), &file);
        assert!(error.contains("line 3"), "{error}");
        assert!(error.contains("no report outline"), "{error}");
    }
}

#[test]
fn json_that_is_not_a_report_is_refused() {
    let dir = TempDir::new().unwrap();
    let file = write(
        &dir,
        "schema-only.json",
        "{\"schema\":\"planlens.report/1\"}",
    );
    let error = fails_on(planlens().arg("tree").arg(&file), &file);
    assert!(error.contains("missing field"), "{error}");
    assert_eq!(json_place(&error, &file).0, 1, "{error}");

    for (name, text, place) in [
        ("array.json", "[1, 2, 3]\n", (1, 1)),
        ("number.json", "\n  42\n", (2, 3)),
        ("string.json", "\"一、二\"", (1, 1)),
    ] {
        let file = write(&dir, name, text);
        let error = fails_on(planlens().arg("tree").arg(&file), &file);
        assert_eq!(json_place(&error, &file), place, "{error}");
    }
}

#[test]
fn error_messages_stay_on_one_line_whatever_the_data_holds() {
    let dir = TempDir::new().unwrap();
    let full = std::fs::read_to_string(json_path(LONGGANG)).unwrap();
    let bad_script = full.replacen("\"simplified\"", "\"multi\\nline\\u001b[31m\"", 1);
    assert_ne!(bad_script, full);
    let file = write(&dir, "script.json", &bad_script);
    let error = fails_on(planlens().arg("tree").arg(&file), &file);
    assert!(!error.contains('\u{1b}'), "{error:?}");

    let bad_schema = full.replacen("planlens.report/1", "v2\\nv3", 1);
    let file = write(&dir, "schema.json", &bad_schema);
    fails_on(planlens().arg("tree").arg(&file), &file);
}

#[test]
fn list_reports_each_bad_file_and_lists_the_good_one() {
    let dir = TempDir::new().unwrap();
    std::fs::copy(json_path(GUANGMING), dir.path().join("good.json")).unwrap();
    let empty = write(&dir, "empty.txt", "");
    let broken = write(&dir, "broken.json", "{\"schema\": ");
    write(&dir, "notes.md", "not a report file: not listed");
    let output = planlens().arg("list").arg(dir.path()).output().unwrap();
    let out = stdout(&output);
    let err = stderr(&output);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("good.json") && out.contains("光明区"), "{out}");
    let errors: Vec<&str> = err.lines().collect();
    assert_eq!(errors.len(), 2, "{err}");
    assert!(
        errors
            .iter()
            .any(|l| l.contains(&format!("{}: line 1:", empty.display())))
    );
    assert!(
        errors
            .iter()
            .any(|l| l.contains(&format!("{}:1:", broken.display()))),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn list_follows_a_symlink_loop_only_once() {
    let dir = TempDir::new().unwrap();
    std::fs::copy(json_path(LONGGANG), dir.path().join("longgang.json")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("again")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("back")).unwrap();
    let out = succeeds(
        planlens()
            .arg("list")
            .arg(dir.path())
            .timeout(Duration::from_secs(60)),
    );
    assert_eq!(out.lines().count(), 1, "{out}");
}

#[test]
fn list_of_a_file_or_missing_folder_is_one_line() {
    let file = json_path(GUANGMING);
    fails_on(planlens().arg("list").arg(&file), &file);
    let missing = Path::new("no-such-folder");
    fails_on(planlens().arg("list").arg(missing), missing);
}

#[test]
fn show_an_unknown_id_is_one_line() {
    let output = planlens()
        .args(["show", GUANGMING, "p9.9"])
        .output()
        .unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("p9.9") && !err.contains("panicked"), "{err}");
    assert_eq!(stdout(&output), "");
}

#[test]
fn import_to_a_folder_fails_cleanly() {
    let dir = TempDir::new().unwrap();
    let target = dir.path().join("out");
    std::fs::create_dir(&target).unwrap();
    fails_on(
        planlens()
            .arg("import")
            .arg(raw_path(LONGGANG))
            .arg("-o")
            .arg(&target),
        &target,
    );
    // No temporary file is left behind.
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1);
    let missing_parent = dir.path().join("no/such/out.json");
    fails_on(
        planlens()
            .arg("import")
            .arg(raw_path(LONGGANG))
            .arg("-o")
            .arg(&missing_parent),
        &missing_parent,
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["tree"],
        vec!["show"],
        vec!["import"],
        vec!["list"],
        vec!["import", "a.txt", "-o"],
        vec!["show", GUANGMING, "--width", "wide"],
        vec!["show", GUANGMING, "--width", "0"],
        vec!["show", GUANGMING, "--width", "-3"],
        vec!["tree", GUANGMING, "--no-such-flag"],
    ] {
        planlens()
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("panicked").not())
            .stdout("");
    }
    planlens().arg("--help").assert().success();
    planlens().arg("--version").assert().success();
}

#[test]
fn a_mistyped_command_is_usage_and_a_missing_file_is_bad_data() {
    planlens()
        .args(["shwo", "x"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("`shwo` is neither a command")
                .and(predicate::str::is_match("^[^\n]*\n$").unwrap()),
        );
    planlens()
        .arg("missing.json")
        .assert()
        .code(1)
        .stdout("")
        .stderr("planlens: missing.json: cannot read: No such file or directory (os error 2)\n");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_planlens"))
        .args(["show", GUANGMING, "--width", "2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Like `planlens show … | head -0`: the reader is gone before anything is written.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let err = stderr(&output);
    assert_eq!(err, "", "{err}");
    assert_eq!(output.status.code(), Some(0));
}

// --- --output ------------------------------------------------------------------------------------

/// Every command that prints writes the same bytes to `--output FILE` as to standard output,
/// with `-` meaning standard output, and leaves nothing else beside the file.
#[test]
fn every_printing_command_writes_what_it_prints_to_output() {
    let dir = TempDir::new().unwrap();
    let data = root().join("data");
    let commands: [Vec<&str>; 7] = [
        vec!["tree", GUANGMING],
        vec!["show", GUANGMING, "p2.1", "--width", "40"],
        vec!["list", data.to_str().unwrap()],
        vec!["diff", GUANGMING, LONGGANG, "--format", "md"],
        vec!["audit", GUANGMING, GUANGMING, "--format", "json"],
        vec!["import", "data/raw/longgang-zwsj-2023-2024.txt"],
        vec!["search", "数据", GUANGMING, "--format", "json"],
    ];
    for (n, args) in commands.iter().enumerate() {
        let printed = planlens()
            .env("PLANLENS_DATA_DIR", dir.path())
            .args(args)
            .output()
            .unwrap();
        assert_eq!(printed.status.code(), Some(0), "{args:?}");
        let file = dir.path().join(format!("out{n}"));
        let quiet = succeeds(
            planlens()
                .env("PLANLENS_DATA_DIR", dir.path())
                .args(args)
                .arg("--output")
                .arg(&file),
        );
        assert_eq!(quiet, "", "{args:?}: --output prints nothing");
        assert_eq!(std::fs::read(&file).unwrap(), printed.stdout, "{args:?}");
        let dashed = planlens()
            .env("PLANLENS_DATA_DIR", dir.path())
            .args(args)
            .args(["-o", "-"])
            .output()
            .unwrap();
        assert_eq!(
            dashed.stdout, printed.stdout,
            "{args:?}: - is standard output"
        );
    }
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    left.sort();
    assert_eq!(
        left,
        ["out0", "out1", "out2", "out3", "out4", "out5", "out6"]
    );
}

/// Without `--format`, the output file's extension chooses it; `--format` wins over it.
#[test]
fn the_output_files_extension_chooses_the_format() {
    let dir = TempDir::new().unwrap();
    let audit_to = |name: &str, format: Option<&str>| {
        let file = dir.path().join(name);
        let mut cmd = planlens();
        cmd.env("PLANLENS_DATA_DIR", dir.path())
            .args(["audit", GUANGMING, GUANGMING, "-o"])
            .arg(&file);
        if let Some(format) = format {
            cmd.args(["--format", format]);
        }
        succeeds(&mut cmd);
        std::fs::read_to_string(&file).unwrap()
    };
    let json = audit_to("审计.json", None);
    assert!(
        serde_json::from_str::<serde_json::Value>(&json).is_ok(),
        "{json}"
    );
    assert!(audit_to("审计.csv", None).starts_with("\u{FEFF}编号,"));
    assert!(audit_to("审计.md", None).starts_with("**计划**"));
    assert!(audit_to("审计.txt", None).starts_with("计划  "));
    assert!(
        audit_to("审计.out", None).starts_with("计划  "),
        "unknown: text"
    );
    assert!(audit_to("审计.json", Some("md")).starts_with("**计划**"));
    let diff = dir.path().join("比较.json");
    succeeds(
        planlens()
            .args(["diff", GUANGMING, LONGGANG, "-o"])
            .arg(&diff),
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&diff).unwrap()).unwrap();
    assert!(json["pairs"].is_array());
    // text to a file: no colours, the default width
    let text = dir.path().join("比较.txt");
    succeeds(
        planlens()
            .args(["diff", GUANGMING, LONGGANG, "-o"])
            .arg(&text),
    );
    let text = std::fs::read_to_string(&text).unwrap();
    assert!(!text.contains('\u{1b}'));
    assert!(text.lines().all(|l| l.width() <= 120));
}

/// Bad data or an unwritable place: one line naming the file, exit 1, and the old file as it was.
#[test]
fn a_failed_command_leaves_the_output_file_as_it_was() {
    let dir = TempDir::new().unwrap();
    let out = write(&dir, "out.txt", "old");
    fails_on(
        planlens().args(["show", GUANGMING, "p9.9", "-o"]).arg(&out),
        Path::new("no section `p9.9`"),
    );
    let bad = write(&dir, "bad.json", "{");
    fails_on(
        planlens().args(["tree"]).arg(&bad).arg("-o").arg(&out),
        &bad,
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
    let nowhere = dir.path().join("no/such/out.md");
    fails_on(
        planlens().args(["tree", GUANGMING, "-o"]).arg(&nowhere),
        &nowhere,
    );
    fails_on(
        planlens().args(["tree", GUANGMING, "-o"]).arg(dir.path()),
        dir.path(),
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

/// A `planlens diff … -o FILE` killed at any moment leaves no file or the whole one, never a
/// part of it.
#[test]
fn a_killed_write_leaves_no_partial_output_file() {
    let dir = TempDir::new().unwrap();
    let page = |seed, district: &str| {
        planlens::synth::report_text(&planlens::synth::Spec {
            seed,
            district: district.to_string(),
            target_bytes: Some(400_000),
            ..planlens::synth::Spec::default()
        })
    };
    let left = write(&dir, "left.txt", page(2024, "光明区"));
    let right = write(&dir, "right.txt", page(2025, "龙岗区"));
    let out = dir.path().join("diff.md");
    let run = || {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_planlens"));
        cmd.arg("diff").args([&left, &right]).arg("-o").arg(&out);
        cmd
    };
    assert!(run().status().unwrap().success());
    let whole = std::fs::read(&out).unwrap();
    assert!(whole.len() > 100_000);
    let mut killed_before_the_end = 0;
    for round in 0..10u64 {
        std::fs::remove_file(&out).ok();
        let mut child = run()
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(5 + round * 37 % 300));
        child.kill().ok();
        let finished = child.wait().unwrap().success();
        match std::fs::read(&out) {
            Ok(bytes) => assert!(bytes == whole, "round {round}: a partial file"),
            Err(_) => {
                assert!(!finished, "round {round}");
                killed_before_the_end += 1;
            }
        }
    }
    assert!(
        killed_before_the_end > 0,
        "no run was killed before it wrote"
    );
}
