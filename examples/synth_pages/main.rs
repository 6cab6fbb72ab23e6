//! `cargo run --release --example synth_pages -- COUNT DIR`: writes COUNT generated report pages
//! (about 16 KB each, of every district, bureau, year and item style) to DIR/page-NNNN.txt, each
//! in the site's page furniture as copied: navigation above, a 来源 / 发布时间 / 字号 line under the
//! date, the previous / next links and the footer below — the folder `planlens list` is timed on
//! (README, Measuring speed).

use std::path::PathBuf;
use std::process::ExitCode;

use planlens::synth::{self, BUREAUS, DISTRICTS, ItemStyle, Spec};

/// Bytes of report text each page is grown to, before its furniture.
const PAGE_BYTES: usize = 15_000;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(dir)) = (
        args.first().and_then(|s| s.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: synth_pages COUNT DIR");
        return ExitCode::from(2);
    };
    let dir = PathBuf::from(dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("synth_pages: {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    for i in 0..count {
        let path = dir.join(format!("page-{i:04}.txt"));
        if let Err(e) = std::fs::write(&path, page(i)) {
            eprintln!("synth_pages: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// Page `i`: a generated report (its own head furniture on) in the site's navigation and footer.
fn page(i: usize) -> String {
    let district = DISTRICTS[i % DISTRICTS.len()];
    let bureau = BUREAUS[i / DISTRICTS.len() % BUREAUS.len()];
    let year = 2019 + i32::try_from(i % 6).unwrap_or_default();
    let text = synth::report_text(&Spec {
        seed: i as u64,
        district: district.to_string(),
        bureau: bureau.to_string(),
        summary_year: year,
        uneven: i.is_multiple_of(2),
        style: [ItemStyle::Mixed, ItemStyle::RunIn, ItemStyle::Numbered][i % 3],
        glued_head: i % 5 == 4,
        crlf: i % 7 == 6,
        target_bytes: Some(PAGE_BYTES),
        ..Spec::default()
    });
    let organisation = format!("深圳市{district}{bureau}");
    let title = format!("{organisation}{year}年工作总结和{}年工作计划", year + 1);
    let navigation = [
        format!("首页 | 政务公开 | 政务服务 | 互动交流 | 走进{district}"),
        "无障碍 | 长者模式 | 繁體 | 登录".to_string(),
    ];
    let source = format!(
        "来源：{organisation} 发布时间：{}-01-{:02} 09:{:02} 字号：大 中 小",
        year + 1,
        1 + i % 28,
        i % 60
    );
    let footer = [
        format!(
            "上一篇：{organisation}{}年工作总结和{year}年工作计划",
            year - 1
        ),
        format!("下一篇：{organisation}{}年部门预算", year + 1),
        "【打印】 【关闭】".to_string(),
        format!(
            "主办单位：深圳市{district}人民政府 承办单位：深圳市{district}政务服务和数据管理局"
        ),
        format!(
            "网站标识码：44030{i:05} 粤ICP备{:08}号 粤公网安备 44030{:09}号",
            i * 7,
            i * 13
        ),
    ];
    // the source line stands on its own line above the headline's, in the page's line endings
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let headline = text.find(&title).unwrap_or_default();
    let at = text[..headline].rfind('\n').map_or(0, |n| n + 1);
    let mut page = navigation.join(newline);
    page.push_str(newline);
    page.push_str(&text[..at]);
    page.push_str(&source);
    page.push_str(newline);
    page.push_str(&text[at..]);
    page.push_str(newline);
    page.push_str(&footer.join(newline));
    page.push_str(newline);
    page
}
