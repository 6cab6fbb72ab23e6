//! The hand-offs, checked as the people who receive them would: the audit workbook read back
//! (calamine) holds what the audit holds, with its frozen header, filter, verdict list and
//! chart; verdicts an auditor typed into it come back into the sidecar and nothing else does;
//! the comparison redline, rendered in headless Chromium, has every pair, no horizontal overflow
//! on a 1280 px screen or on A4 landscape paper, and its highlights where the JSON says; `x` in
//! the app writes them and asks before replacing a file.
//!
//! The browser test needs `chromium` (and `fonts-noto-cjk`), which `.ci/run` installs; without
//! them it fails, unless `PLANLENS_SKIP_BROWSER=1` is set.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command as Cli;
use calamine::{Data, Range, Reader, Xlsx};
use planlens::tui::action::{Action, Context};
use planlens::tui::app::{App, Entry};
use planlens::tui::theme::{Theme, ThemeName};
use serde_json::Value;

const PLAN: &str = "minghu-zwsj-2024-2025.txt";
const SUMMARY: &str = "minghu-zwsj-2025-2026.txt";
const MIRROR: &str = "minghu-zwsj-2025-2026-mirror.txt";

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/audit/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn planlens(data: &Path) -> Cli {
    let mut cmd = Cli::cargo_bin("planlens").unwrap();
    cmd.env("PLANLENS_DATA_DIR", data)
        .env("PLANLENS_CONFIG_DIR", data);
    cmd
}

/// `planlens audit` of the fixtures with the verdicts file `verdicts` and `extra` arguments.
fn audit(data: &Path, verdicts: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    planlens(data)
        .args(["audit", &fixture(PLAN), &fixture(SUMMARY), "--verdicts"])
        .arg(verdicts)
        .args(extra)
        .assert()
}

fn audit_json(data: &Path, verdicts: &Path) -> Value {
    let out = audit(data, verdicts, &["--format", "json"]).success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

fn workbook(path: &Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    calamine::open_workbook(path).unwrap()
}

fn text(range: &Range<Data>, row: usize, column: usize) -> String {
    match range.get((row, column)) {
        None | Some(Data::Empty) => String::new(),
        Some(data) => data.to_string(),
    }
}

fn number(range: &Range<Data>, row: usize, column: usize) -> f64 {
    match range.get((row, column)) {
        Some(Data::Float(n)) => *n,
        other => panic!("({row}, {column}) is no number: {other:?}"),
    }
}

/// The column of a header in a sheet's first row.
fn column(range: &Range<Data>, header: &str) -> usize {
    (0..range.width())
        .find(|&c| text(range, 0, c) == header)
        .unwrap_or_else(|| panic!("no column {header}"))
}

/// A part of the .xlsx (a zip of XML files) as text.
fn part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("no {name} in the workbook"))
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn the_workbook_holds_what_the_audit_holds() {
    let dir = tempfile::tempdir().unwrap();
    let verdicts = dir.path().join("verdicts.json");
    let book = dir.path().join("审计.xlsx");
    audit(dir.path(), &verdicts, &["-o", book.to_str().unwrap()]).success();
    let json = audit_json(dir.path(), &verdicts);
    let items = json["items"].as_array().unwrap();

    let mut xlsx = workbook(&book);
    assert_eq!(xlsx.sheet_names(), ["审计", "证据", "概况"]);
    let sheet = xlsx.worksheet_range("审计").unwrap();
    assert_eq!(
        sheet.height(),
        items.len() + 1,
        "a header, then a row per item"
    );
    let at = |header| column(&sheet, header);
    for (n, item) in items.iter().enumerate() {
        let row = n + 1;
        let id = item["id"].as_str().unwrap();
        assert_eq!(text(&sheet, row, at("编号")), id);
        assert_eq!(
            text(&sheet, row, at("章节")),
            item["section"].as_str().unwrap()
        );
        let heading = format!(
            "{}{}",
            item["marker"].as_str().unwrap(),
            item["title"].as_str().unwrap()
        );
        assert_eq!(text(&sheet, row, at("计划条目")), heading);
        // the full text: the heading and the body
        let full = format!("{heading}{}", text(&sheet, row, at("条目正文")));
        let marker = item["marker"].as_str().unwrap();
        assert_eq!(
            full.strip_prefix(marker)
                .unwrap()
                .split_whitespace()
                .collect::<String>(),
            item["text"]
                .as_str()
                .unwrap()
                .split_whitespace()
                .collect::<String>(),
            "{id}"
        );
        let status = match item["status"].as_str().unwrap() {
            "reported" => "✓ 已报告",
            "partial" => "◐ 部分",
            "not_mentioned" => "✗ 未提及",
            other => panic!("status {other}"),
        };
        assert_eq!(text(&sheet, row, at("状态")), status, "{id}");
        let score = number(&sheet, row, at("覆盖度"));
        assert!(
            (score - item["score"].as_f64().unwrap()).abs() < 0.001,
            "{id}"
        );
        let commitments = item["commitments"].as_array().unwrap();
        let reported = commitments
            .iter()
            .filter(|c| !c["evidence"].is_null())
            .count();
        assert_eq!(
            text(&sheet, row, at("分项")),
            format!("{reported}/{}", commitments.len())
        );
        let evidence = text(&sheet, row, at("证据"));
        let sentences = item["evidence"].as_array().unwrap();
        assert_eq!(
            evidence.lines().filter(|l| !l.is_empty()).count(),
            sentences.len(),
            "{id}"
        );
        for (k, e) in sentences.iter().enumerate() {
            let line = format!(
                "[{}] {} {}",
                k + 1,
                e["id"].as_str().unwrap(),
                e["sentence"].as_str().unwrap()
            );
            assert!(evidence.lines().any(|l| l == line), "{id}: {line}");
        }
        let targets = text(&sheet, row, at("指标"));
        let checks = item["targets"].as_array().unwrap();
        assert_eq!(
            targets.lines().filter(|l| !l.is_empty()).count(),
            checks.len(),
            "{id}"
        );
        for (line, check) in targets.lines().zip(checks) {
            let plan = check["plan"].as_str().unwrap();
            assert!(line.starts_with(&format!("{plan} → ")), "{id}: {line}");
            let said = match (check["reported"].as_str(), check["met"].as_bool()) {
                (Some(r), Some(true)) => format!("{r} ✓"),
                (Some(r), _) => format!("{r} ✗ 未达标"),
                (None, _) => "未报告".to_string(),
            };
            assert!(line.ends_with(&said), "{id}: {line} / {said}");
        }
        assert_eq!(text(&sheet, row, at("核实")), "", "{id}: no verdict yet");
    }

    let evidence = xlsx.worksheet_range("证据").unwrap();
    let sentences: Vec<(String, String)> = items
        .iter()
        .flat_map(|i| {
            i["evidence"].as_array().unwrap().iter().map(move |e| {
                (
                    i["id"].as_str().unwrap().to_string(),
                    e["sentence"].as_str().unwrap().to_string(),
                )
            })
        })
        .collect();
    assert_eq!(evidence.height(), sentences.len() + 1);
    for (n, (id, sentence)) in sentences.iter().enumerate() {
        assert_eq!(&text(&evidence, n + 1, column(&evidence, "编号")), id);
        assert_eq!(&text(&evidence, n + 1, column(&evidence, "证据")), sentence);
    }

    let overview = xlsx.worksheet_range("概况").unwrap();
    assert_eq!(text(&overview, 1, 1), fixture(PLAN));
    assert_eq!(
        text(&overview, 2, 2),
        json["summary"]["title"].as_str().unwrap()
    );
    let total = (0..overview.height())
        .find(|&r| text(&overview, r, 0) == "合计")
        .expect("a total row");
    let count = |status: &str| items.iter().filter(|i| i["status"] == status).count() as f64;
    assert_eq!(number(&overview, total, 1), count("reported"));
    assert_eq!(number(&overview, total, 2), count("partial"));
    assert_eq!(number(&overview, total, 3), count("not_mentioned"));
    assert_eq!(number(&overview, total, 4), items.len() as f64);

    // what Excel shows: the header frozen, a filter, the verdict list, fills, widths, a chart
    let audit_xml = part(&book, "xl/worksheets/sheet1.xml");
    assert!(audit_xml.contains(r#"ySplit="1""#) && audit_xml.contains(r#"state="frozen""#));
    assert!(audit_xml.contains("<autoFilter ref=\"A1:"));
    assert!(audit_xml.contains("<dataValidation type=\"list\""));
    assert!(audit_xml.contains("<formula1>\"已落实,部分落实,未落实,待核实\"</formula1>"));
    let styles = part(&book, "xl/styles.xml");
    for fill in ["FFC6EFCE", "FFFFEB9C", "FFFFC7CE"] {
        assert!(styles.contains(fill), "status fill {fill}");
    }
    assert!(styles.contains("wrapText=\"1\""));
    // one <col min= max= width=> per run of columns of the same width
    fn attribute<T: std::str::FromStr<Err: std::fmt::Debug>>(col: &str, name: &str) -> T {
        let value = col.split(&format!("{name}=\"")).nth(1).unwrap();
        value[..value.find('"').unwrap()].parse().unwrap()
    }
    let widths: Vec<f64> = audit_xml
        .split("<col ")
        .skip(1)
        .flat_map(|c| {
            let run = attribute::<usize>(c, "max") - attribute::<usize>(c, "min") + 1;
            std::iter::repeat_n(attribute::<f64>(c, "width"), run)
        })
        .collect();
    // 编号 (p2.1.1: 6 cells) is narrow; 证据 (long Chinese sentences) is capped
    assert!(widths[at("编号")] < 12.0, "{widths:?}");
    assert!(widths[at("证据")] > 50.0, "{widths:?}");
    let chart = part(&book, "xl/charts/chart1.xml");
    assert!(chart.contains("<c:barChart>") && chart.contains("<c:grouping val=\"stacked\"/>"));
}

#[test]
fn a_workbook_is_never_written_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let verdicts = dir.path().join("v.json");
    for extra in [&["--format", "xlsx"][..], &["--format", "xlsx", "-o", "-"]] {
        let out = audit(dir.path(), &verdicts, extra).code(1);
        let output = out.get_output();
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("-o FILE.xlsx"), "{stderr}");
    }
}

/// The workbook's cells, every sheet, as an auditor's copy would hold them.
type Cells = Vec<(String, Vec<Vec<Data>>)>;

fn cells(path: &Path) -> Cells {
    let mut xlsx = workbook(path);
    xlsx.sheet_names()
        .into_iter()
        .map(|name| {
            let range = xlsx.worksheet_range(&name).unwrap();
            let rows = (0..range.height())
                .map(|r| {
                    (0..range.width())
                        .map(|c| range.get((r, c)).cloned().unwrap_or(Data::Empty))
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}

/// Saves cells as a new workbook: what comes back from Excel after an auditor's edits.
fn save(cells: &Cells, path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in cells {
        let sheet = book.add_worksheet().set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (u32::try_from(r).unwrap(), u16::try_from(c).unwrap());
                match cell {
                    Data::String(s) => sheet.write_string(r, c, s).map(|_| ()).unwrap(),
                    Data::Float(n) => sheet.write_number(r, c, *n).map(|_| ()).unwrap(),
                    Data::Empty => {}
                    other => panic!("unexpected cell {other:?}"),
                }
            }
        }
    }
    book.save(path).unwrap();
}

#[test]
fn verdicts_come_back_from_the_workbook_and_nothing_else_does() {
    let dir = tempfile::tempdir().unwrap();
    let verdicts = dir.path().join("verdicts.json");
    let book = dir.path().join("audit.xlsx");
    audit(dir.path(), &verdicts, &["-o", book.to_str().unwrap()]).success();

    // read back as written: nothing to apply, nothing to report
    let same = audit(
        dir.path(),
        &verdicts,
        &["--verdicts-from", book.to_str().unwrap()],
    )
    .success();
    let stderr = String::from_utf8_lossy(&same.get_output().stderr).to_string();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("0 verdicts or notes read back; 0 edits not applied"),
        "{stderr}"
    );
    assert!(!verdicts.exists(), "nothing changed, nothing saved");

    let mut edited = cells(&book);
    let (audit_part, rest) = edited.split_at_mut(1);
    let audit_sheet = &mut audit_part[0].1;
    let header: Vec<String> = audit_sheet[0].iter().map(|d| d.to_string()).collect();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (verdict, note, status, item) = (at("核实"), at("备注"), at("状态"), at("计划条目"));
    let set = |rows: &mut Vec<Vec<Data>>, r: usize, c: usize, s: &str| {
        rows[r][c] = Data::String(s.into())
    };
    set(audit_sheet, 1, verdict, "已落实"); // p2.1.1
    set(audit_sheet, 2, note, "见区政府公告"); // p2.1.2
    set(audit_sheet, 3, verdict, "差不多"); // p2.1.3: not a verdict
    set(audit_sheet, 4, status, "✗ 未提及"); // p2.2.1: another column, reported
    set(audit_sheet, 4, verdict, "未落实"); //  … and its verdict still applies
    set(audit_sheet, 5, item, "1.改过的条目。"); // p2.2.2: the words changed …
    set(audit_sheet, 5, verdict, "已落实"); //  … so its verdict is not applied
    // the auditor sorted the table: rows are found by their id
    audit_sheet[1..].reverse();
    // and changed a sentence on 证据
    rest[0].1[1][3] = Data::String("改过的句子".into());
    let edited_book = dir.path().join("edited.xlsx");
    save(&edited, &edited_book);

    let out = audit(
        dir.path(),
        &verdicts,
        &[
            "--verdicts-from",
            edited_book.to_str().unwrap(),
            "--format",
            "json",
        ],
    )
    .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    let json: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let by_id = |id: &str| {
        json["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(by_id("p2.1.1")["verdict"], "done");
    assert_eq!(by_id("p2.1.2")["note"], "见区政府公告");
    assert!(by_id("p2.1.2")["verdict"].is_null());
    assert!(by_id("p2.1.3")["verdict"].is_null());
    assert_eq!(by_id("p2.2.1")["verdict"], "not_done");
    assert_eq!(
        by_id("p2.2.1")["status"],
        "reported",
        "the status is the engine's, not the sheet's"
    );
    assert!(by_id("p2.2.2")["verdict"].is_null());
    // the sidecar holds them, made against the summary audited
    let sidecar: Value =
        serde_json::from_str(&std::fs::read_to_string(&verdicts).unwrap()).unwrap();
    assert_eq!(sidecar["schema"], "planlens.verdicts/2");
    let entries = sidecar["verdicts"].as_array().unwrap();
    assert_eq!(entries.len(), 3, "{entries:?}");
    assert!(entries.iter().all(|e| e["summary"]["file"] == SUMMARY));
    // each edit not applied, named by its cell
    let rows = edited[0].1.len();
    let row_of = |id: &str| {
        (1..rows)
            .find(|&r| edited[0].1[r][at("编号")] == id)
            .unwrap()
            + 1
    };
    let letter = |c: usize| char::from(b'A' + u8::try_from(c).unwrap());
    for said in [
        format!(
            "审计!{}{}: “差不多” is not a verdict",
            letter(verdict),
            row_of("p2.1.3")
        ),
        format!(
            "审计!{}{} (状态): changed",
            letter(status),
            row_of("p2.2.1")
        ),
        format!(
            "审计!{}{} (计划条目): changed",
            letter(item),
            row_of("p2.2.2")
        ),
        format!(
            "审计!{}{}: the item's words differ",
            letter(verdict),
            row_of("p2.2.2")
        ),
        "证据!2: changed; not applied".to_string(),
        "3 verdicts or notes read back; 5 edits not applied".to_string(),
    ] {
        assert!(stderr.contains(&said), "{said}\n{stderr}");
    }
    assert!(
        stderr.lines().all(|l| l.starts_with("planlens: ")),
        "{stderr}"
    );
}

#[test]
fn a_workbook_of_another_summary_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let verdicts = dir.path().join("verdicts.json");
    let book = dir.path().join("mirror.xlsx");
    planlens(dir.path())
        .args(["audit", &fixture(PLAN), &fixture(MIRROR), "-o"])
        .arg(&book)
        .assert()
        .success();
    let out = audit(
        dir.path(),
        &verdicts,
        &["--verdicts-from", book.to_str().unwrap()],
    )
    .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("mirror.xlsx: 概况!B3: the workbook's verdicts are made against minghu-zwsj-2025-2026-mirror.txt"), "{stderr}");
    assert!(!verdicts.exists());
    // and a file that is no workbook at all
    let out = audit(dir.path(), &verdicts, &["--verdicts-from", &fixture(PLAN)]).code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("not an xlsx workbook"), "{stderr}");
}

// --- the redline -----------------------------------------------------------------------------

const LEFT: &str = "guangming-zwsj-2024-2025";
const RIGHT: &str = "longgang-zwsj-2023-2024";

fn diff(data: &Path, format: &str) -> Vec<u8> {
    let out = planlens(data)
        .args(["diff", LEFT, RIGHT, "--format", format])
        .assert()
        .success();
    out.get_output().stdout.clone()
}

#[test]
fn the_redline_is_one_file_that_fetches_nothing_and_escapes_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let html = String::from_utf8(diff(dir.path(), "html")).unwrap();
    for fetch in [
        "http://", "https://", "<script", "<link", " src=", "@import", "url(",
    ] {
        assert!(!html.contains(fetch), "{fetch}");
    }
    assert!(html.contains("@page { size: A4 landscape;"));
    assert!(html.contains("\"Noto Sans CJK SC\""));
    // a page whose text holds markup, compared with itself (no marks cut the text)
    let page = "明湖区某局2025年工作总结和2026年工作计划\n一、2025年工作总结\n(一)建成平台。\n二、2026年工作计划\n(一)建成<b>平台</b>&“数据”'库'<script>alert('x')</script>。\n";
    let path = dir.path().join("markup.txt");
    std::fs::write(&path, page).unwrap();
    let out = dir.path().join("markup.html");
    planlens(dir.path())
        .args(["diff", path.to_str().unwrap(), path.to_str().unwrap(), "-o"])
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        !html.contains("<script>") && !html.contains("<b>"),
        "{html}"
    );
    assert!(
        html.contains("&lt;b&gt;平台&lt;/b&gt;&amp;“数据”&#39;库&#39;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        "{html}"
    );
}

/// Headless Chromium, or why there is none: a failure, unless PLANLENS_SKIP_BROWSER=1.
fn chromium() -> Option<PathBuf> {
    if std::env::var("PLANLENS_SKIP_BROWSER").is_ok_and(|v| v == "1") {
        eprintln!("skipped: PLANLENS_SKIP_BROWSER=1");
        return None;
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
    .find(|file| file.is_file());
    assert!(
        found.is_some(),
        "headless Chromium is needed to test the redline and was not found on PATH \
         (apt-get install chromium fonts-noto-cjk, as .ci/run does); \
         PLANLENS_SKIP_BROWSER=1 skips this test"
    );
    found
}

/// Runs Chromium headless on `args` (a fresh profile, no sandbox as root), killed after a
/// minute; its standard output.
fn run_chromium(browser: &Path, args: &[String]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let mut command = Command::new(browser);
    command
        .args([
            "--headless",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
        ])
        .args(["--no-first-run", "--disable-extensions", "--mute-audio"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if root {
        command.arg("--no-sandbox");
    }
    let mut child = command.spawn().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        stdout.read_to_string(&mut out).map(|_| out)
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium failed: {status}");
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish in a minute: {args:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().unwrap().unwrap()
}

/// Measures the page in the browser: each pair's ids and marks, the page's width against the
/// window's, every element past the right edge; appended as JSON for --dump-dom to carry out.
const PROBE: &str = r##"<script>
(function () {
  var width = document.documentElement.clientWidth;
  var out = { width: width, scroll: document.documentElement.scrollWidth, over: [], pairs: [],
    cjk: document.fonts.check('16px "Noto Sans CJK SC"') };
  document.querySelectorAll('body *').forEach(function (e) {
    var r = e.getBoundingClientRect();
    var inner = e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1;
    if (r.right > width + 0.5 || inner) out.over.push(e.tagName + '.' + e.className + ' ' + r.right);
  });
  document.querySelectorAll('section.pair').forEach(function (s) {
    var texts = function (sel) { return Array.prototype.map.call(s.querySelectorAll(sel), function (e) { return e.textContent; }); };
    var side = function (sel) { var e = s.querySelector(sel); return e ? e.textContent : ''; };
    out.pairs.push({ left: s.getAttribute('data-left'), right: s.getAttribute('data-right'),
      del: texts('.side.left del'), ins: texts('.side.right ins'), leftText: side('.side.left'), rightText: side('.side.right'),
      anchor: s.id, linked: document.querySelector('a[href="#' + s.id + '"]') !== null });
  });
  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"##;

/// The page rendered at `width` px with the probe; what it measured.
fn probe(browser: &Path, html: &str, width: u32, dir: &Path, name: &str) -> Value {
    let page = dir.join(name);
    let probed = html.replace("</body>", &format!("{PROBE}</body>"));
    std::fs::write(&page, probed).unwrap();
    let dom = run_chromium(
        browser,
        &[
            format!("--window-size={width},1000"),
            "--virtual-time-budget=5000".into(),
            "--dump-dom".into(),
            format!("file://{}", page.display()),
        ],
    );
    let start = dom.find("<pre id=\"probe\">").expect("the probe ran") + "<pre id=\"probe\">".len();
    let end = start + dom[start..].find("</pre>").unwrap();
    let json = dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    serde_json::from_str(&json).unwrap()
}

fn squeezed(text: &str) -> String {
    text.split_whitespace().collect()
}

#[test]
fn the_redline_renders_in_chromium() {
    let Some(browser) = chromium() else {
        return;
    };
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let html = String::from_utf8(diff(dir.path(), "html")).unwrap();
    let json: Value = serde_json::from_slice(&diff(dir.path(), "json")).unwrap();
    let pairs = json["pairs"].as_array().unwrap();

    // A4 landscape less the 12 mm margins, at 96 px to the inch; the print styles applied
    // (297 - 24) mm / 25.4 mm per inch * 96 px per inch = 1031.8 px
    let print_width = 1031;
    let print = html
        .replace("<style media=\"print\">", "<style>")
        .replace("<style media=\"screen\">", "<style media=\"not all\">");
    for (what, page, width) in [("screen", &html, 1280), ("print", &print, print_width)] {
        let measured = probe(&browser, page, width, dir.path(), &format!("{what}.html"));
        assert_eq!(
            measured["cjk"], true,
            "Noto Sans CJK SC is not installed (apt-get install fonts-noto-cjk)"
        );
        assert!(
            measured["scroll"].as_u64() <= measured["width"].as_u64(),
            "{what}: the page is wider than {width} px: {}",
            measured["scroll"]
        );
        assert_eq!(
            measured["over"].as_array().unwrap().len(),
            0,
            "{what}: past the edge: {}",
            measured["over"]
        );
        let shown = measured["pairs"].as_array().unwrap();
        assert_eq!(shown.len(), pairs.len(), "{what}: every pair in the DOM");
        for (n, (pair, dom)) in pairs.iter().zip(shown).enumerate() {
            assert_eq!(pair["left"], dom["left"], "{what}: pair {n}");
            assert_eq!(pair["right"], dom["right"], "{what}: pair {n}");
            for (node, side) in [("left_node", "leftText"), ("right_node", "rightText")] {
                if let Some(title) = pair[node]["title"].as_str() {
                    let repeated = pair["repeated"].as_str()
                        == Some(if node == "left_node" { "left" } else { "right" });
                    assert!(
                        repeated
                            || squeezed(dom[side].as_str().unwrap()).contains(&squeezed(title)),
                        "{what}: pair {n} {node}"
                    );
                }
            }
            // highlights where the JSON says: what only the left has is struck, what only the
            // right has inserted (a side alone is not marked)
            let both = !pair["left"].is_null() && !pair["right"].is_null();
            for (side, marks) in [("left", "del"), ("right", "ins")] {
                let expected: String = if both {
                    pair["changes"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|c| c["op"] != "equal")
                        .map(|c| squeezed(c[side].as_str().unwrap()))
                        .collect()
                } else {
                    String::new()
                };
                let marked: String = dom[marks]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| squeezed(m.as_str().unwrap()))
                    .collect();
                assert_eq!(marked, expected, "{what}: pair {n} {side}");
            }
            if pair["left"]
                .as_str()
                .or(pair["right"].as_str())
                .is_some_and(|id| id.matches('.').count() == 1)
            {
                assert_eq!(
                    dom["linked"], true,
                    "{what}: section pair {n} is in the contents"
                );
            }
        }
    }

    // printed: A4 landscape pages
    let pdf = dir.path().join("redline.pdf");
    let page = dir.path().join("redline.html");
    std::fs::write(&page, &html).unwrap();
    run_chromium(
        &browser,
        &[
            "--no-pdf-header-footer".into(),
            format!("--print-to-pdf={}", pdf.display()),
            format!("file://{}", page.display()),
        ],
    );
    let bytes = std::fs::read(&pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let boxes: Vec<&str> = text
        .match_indices("/MediaBox [")
        .map(|(at, _)| &text[at..at + 40])
        .collect();
    assert!(!boxes.is_empty(), "a PDF with pages");
    for media in boxes {
        let numbers: Vec<f64> = media["/MediaBox [".len()..]
            .split(']')
            .next()
            .unwrap()
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        let (w, h) = (numbers[2], numbers[3]);
        assert!(
            (w - 842.0).abs() < 2.0 && (h - 595.0).abs() < 2.0,
            "A4 landscape: {media}"
        );
    }
    let _ = writeln!(
        std::io::stderr(),
        "browser test: {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

// --- the app's `x` -------------------------------------------------------------------------------

fn app(data: &Path) -> (App, planlens::store::FileStore) {
    let mut app = App::new(
        Entry::bundled(),
        vec![],
        Theme::new(ThemeName::Dark, false),
        false,
    );
    app.update(Action::Resize(120, 30));
    (app, planlens::store::FileStore::new(data.to_path_buf()))
}

fn press(app: &mut App, store: &mut planlens::store::FileStore, actions: &[Action]) {
    for action in actions {
        planlens::tui::run::dispatch(app, action.clone(), store);
    }
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| planlens::tui::ui::render(&app.view(), frame))
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..height)
        .map(|y| {
            let mut line = String::new();
            let mut skip = 0;
            for x in 0..width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                line.push_str(symbol);
                skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            }
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn x_in_the_comparison_writes_the_redline_and_asks_before_replacing_it() {
    let data = tempfile::tempdir().unwrap();
    let (mut app, mut store) = app(data.path());
    // open 光明区, fold its summary, select its plan, `d`, choose 龙岗区's plan, `x`
    press(
        &mut app,
        &mut store,
        &[
            Action::Open,
            Action::Down,
            Action::Fold,
            Action::Down,
            Action::OpenCompare,
            Action::Open,
            Action::Handoff,
        ],
    );
    let name = "guangming-zwsj-2024-2025.p2-vs-longgang-zwsj-2023-2024.p2.html";
    let path = data.path().join(name);
    let first = std::fs::read_to_string(&path).expect("the redline is in the data folder");
    assert!(first.starts_with("<!DOCTYPE html>"));
    assert_eq!(
        app.message(),
        Some(format!("已写入 {}", path.display()).as_str())
    );

    std::fs::write(&path, "mine").unwrap();
    press(&mut app, &mut store, &[Action::Handoff]);
    assert_eq!(
        app.context(),
        Context::Confirm,
        "the file is there: asked first"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    let shown = screen(&app, 120, 30);
    assert!(
        shown.contains("文件已存在 · y 替换 · n 取消") && shown.contains("这个文件已存在, 替换吗?"),
        "{shown}"
    );
    assert!(shown.contains(name), "{shown}");
    // the path is the temporary folder's: the snapshot shows it as DATA, padded to its width
    let folder = data.path().display().to_string();
    let padded = format!("{:width$}", "DATA", width = folder.len());
    insta::assert_snapshot!("handoff_replace_120x30", shown.replace(&folder, &padded));
    for (w, h) in (1..=60)
        .step_by(7)
        .flat_map(|w| (1..=24).step_by(5).map(move |h| (w, h)))
    {
        screen(&app, w, h);
    }
    press(&mut app, &mut store, &[Action::Back]);
    assert_eq!(app.context(), Context::Compare);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "mine",
        "n keeps the file"
    );

    press(&mut app, &mut store, &[Action::Handoff, Action::Confirm]);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        first,
        "y replaces it"
    );
    assert_eq!(app.context(), Context::Compare);
}

#[test]
fn x_in_the_audit_writes_the_workbook_beside_the_plan() {
    let data = tempfile::tempdir().unwrap();
    let entries: Vec<Entry> = [PLAN, SUMMARY]
        .iter()
        .map(|name| {
            let path = data.path().join(name);
            std::fs::copy(fixture(name), &path).unwrap();
            Entry {
                source: path.display().to_string(),
                report: planlens::load::load_report(&path).unwrap(),
            }
        })
        .collect();
    let mut app = App::new(entries, vec![], Theme::new(ThemeName::Dark, false), false);
    app.update(Action::Resize(120, 30));
    let mut store = planlens::store::FileStore::new(data.path().join("data"));
    press(
        &mut app,
        &mut store,
        &[Action::Open, Action::OpenAudit, Action::Handoff],
    );
    let path = data
        .path()
        .join("minghu-zwsj-2024-2025.plan-vs-minghu-zwsj-2025-2026.summary.xlsx");
    assert_eq!(
        app.message(),
        Some(format!("已写入 {}", path.display()).as_str())
    );
    let mut xlsx = workbook(&path);
    let sheet = xlsx.worksheet_range("审计").unwrap();
    assert_eq!(sheet.height(), app.audit().unwrap().table.rows.len() + 1);
}
