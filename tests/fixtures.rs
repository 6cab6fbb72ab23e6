//! The importer on realistic pages of other districts, years and bureaus (`tests/fixtures/*.txt`),
//! one page per thing it must handle: other sites' furniture, marker styles, damaged markers,
//! glued headings, lost line breaks, the traditional script and legacy encodings, line endings
//! and indentation, and the other wordings of part headings.
//!
//! The expectations are what a careful human reader of each page says, not what the importer
//! happens to output.

use std::fmt::Write as _;
use std::path::PathBuf;

use planlens::import::decode::decode;
use planlens::import::{check_lossless, import_bytes, import_text};
use planlens::model::{DropReason, Flag, Half, Node, PartKind, Report, Script};
use planlens::text::script::to_simplified;

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn fixture_bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The page as text (decoded, BOM removed), exactly what `check_lossless` compares against.
fn fixture_text(name: &str) -> String {
    decode(&fixture_bytes(name)).unwrap().text
}

/// Imports a fixture as the command line does (from the file's bytes), and checks what holds for
/// every page: the import is lossless, importing the decoded text gives the same report, and
/// every dropped piece says where it came from.
fn import(name: &str) -> Report {
    let text = fixture_text(name);
    let report = import_bytes(&fixture_bytes(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    if let Err(e) = check_lossless(&text, &report) {
        panic!("{name}: not lossless: {e}");
    }
    assert_eq!(
        import_text(&text).as_ref(),
        Ok(&report),
        "{name}: importing the text and the bytes differ"
    );
    assert_eq!(report.dropped.len(), report.dropped_info.len());
    report
}

fn flag_name(flag: Flag) -> &'static str {
    match flag {
        Flag::MarkerBroken => "marker_broken",
        Flag::NumberingGap => "numbering_gap",
        Flag::HeadingGlued => "heading_glued",
    }
}

/// The shape of the tree, one line per part and node: `p1 summary 2024 first | 一、…` for a part
/// (kind, year or `-`, half if any, heading), `  p1.2 （二） !marker_broken` for a node (indented
/// by depth, the marker as written, its flags).
fn skeleton(report: &Report) -> String {
    fn node(out: &mut String, n: &Node, depth: usize) {
        let flags: String = n
            .flags
            .iter()
            .map(|&f| format!(" !{}", flag_name(f)))
            .collect();
        let line = format!("{}{} {}{flags}", "  ".repeat(depth), n.id, n.marker);
        writeln!(out, "{}", line.trim_end()).unwrap();
        for child in &n.children {
            node(out, child, depth + 1);
        }
    }
    let mut out = String::new();
    for part in &report.parts {
        let year = part.year.map_or("-".to_string(), |y| y.to_string());
        let half = match part.half {
            Some(Half::First) => " first",
            Some(Half::Second) => " second",
            None => "",
        };
        let (id, kind) = (&part.id, part.kind.as_str());
        writeln!(out, "{id} {kind} {year}{half} | {}", part.heading).unwrap();
        for n in &part.nodes {
            node(&mut out, n, 1);
        }
    }
    out
}

fn assert_tree(report: &Report, expected: &[&str]) {
    let expected: String = expected.iter().map(|l| format!("{l}\n")).collect();
    assert_eq!(skeleton(report), expected, "tree shape");
}

fn node<'a>(report: &'a Report, id: &str) -> &'a Node {
    report
        .node(id)
        .unwrap_or_else(|| panic!("no node {id}:\n{}", skeleton(report)))
}

/// Marker and title of one node.
fn assert_node(report: &Report, id: &str, marker: &str, title: &str) {
    let n = node(report, id);
    assert_eq!(
        (n.marker.as_str(), n.title.as_str()),
        (marker, title),
        "{id}"
    );
}

#[derive(Debug, PartialEq)]
struct Meta<'a> {
    title: &'a str,
    city: Option<&'a str>,
    district: Option<&'a str>,
    bureau: Option<&'a str>,
    published: Option<&'a str>,
    script: Script,
}

fn assert_meta(report: &Report, expected: Meta<'_>) {
    let actual = Meta {
        title: &report.title,
        city: report.city.as_deref(),
        district: report.district.as_deref(),
        bureau: report.bureau.as_deref(),
        published: report.published.as_deref(),
        script: report.script,
    };
    assert_eq!(actual, expected, "metadata");
}

/// Exactly these pieces of the page are furniture, in source order: every one of them is dropped
/// and nothing else (no report sentence) is. The headline among them (one line, or several when
/// the page wrapped it) is dropped as the title.
fn assert_dropped(report: &Report, expected: &[&str]) {
    assert_eq!(report.dropped, expected, "dropped furniture");
    let headline: String = report
        .dropped
        .iter()
        .zip(&report.dropped_info)
        .filter(|(_, info)| info.reason == DropReason::Title)
        .map(|(d, _)| d.as_str())
        .collect();
    assert_eq!(headline, report.title, "the headline is the title");
}

fn reason_of(report: &Report, index: usize) -> DropReason {
    report.dropped_info[index].reason
}

const S: Script = Script::Simplified;

// ---------------------------------------------------------------------------------------------
// Page furniture of other sites
// ---------------------------------------------------------------------------------------------

/// 福田区发改局: a 您现在的位置 breadcrumb without spaces, a full metadata block with full-width
/// colons and tabs (索引号 分类 发布机构 成文日期 名称 文号 发布日期 主题词), 【字体：大 中 小】
/// 视力保护色 【打印】 【关闭】 before the headline and 【打印】 【关闭】 after the report.
#[test]
fn futian_fgj_breadcrumb_and_metadata_block() {
    let r = import("futian_fgj_2023_2024.txt");
    assert_tree(
        &r,
        &[
            "p1 summary 2023 | 一、2023年工作总结",
            "  p1.1 （一）",
            "    p1.1.1 一是",
            "    p1.1.2 二是",
            "    p1.1.3 三是",
            "  p1.2 （二）",
            "    p1.2.1 一是",
            "    p1.2.2 二是",
            "  p1.3 （三）",
            "    p1.3.1 一是",
            "    p1.3.2 二是",
            "p2 plan 2024 | 二、2024年工作计划",
            "  p2.1 （一）",
            "    p2.1.1 一是",
            "    p2.1.2 二是",
            "  p2.2 （二）",
            "    p2.2.1 一是",
            "    p2.2.2 二是",
            "    p2.2.3 三是",
            "  p2.3 （三）",
            "    p2.3.1 一是",
            "    p2.3.2 二是",
        ],
    );
    assert_node(&r, "p1.1", "（一）", "强化经济运行调度，经济发展稳中有进。");
    assert_eq!(
        node(&r, "p1.1").text,
        "全年实现地区生产总值5808.6亿元，同比增长5.8%。"
    );
    assert_node(&r, "p1.1.2", "二是", "狠抓重大项目建设。");
    assert_eq!(
        node(&r, "p1.1.2").text,
        "全年纳入市重大项目计划的项目38个，完成投资412亿元，投资完成率达112%。"
    );
    assert!(
        r.preamble
            .starts_with("2023年，区发展改革局在区委、区政府的坚强领导下")
    );
    assert!(
        r.parts[1]
            .text
            .starts_with("2024年，我局将围绕区委、区政府中心工作")
    );
    assert_meta(
        &r,
        Meta {
            title: "深圳市福田区发展和改革局2023年工作总结和2024年工作计划",
            city: Some("深圳市"),
            district: Some("福田区"),
            bureau: Some("发展和改革局"),
            published: Some("2024-01-29"),
            script: S,
        },
    );
    assert_dropped(
        &r,
        &[
            "您现在的位置：首页>政务公开>规划计划>年度工作计划及总结",
            "索引号：11440304MB2C92758K/2024-00031\t分类：计划总结",
            "发布机构：深圳市福田区发展和改革局\t成文日期：2024-01-26",
            "名称：深圳市福田区发展和改革局2023年工作总结和2024年工作计划",
            "文号：\t发布日期：2024-01-29",
            "主题词：",
            "【字体：大 中 小】 视力保护色 【打印】 【关闭】",
            "深圳市福田区发展和改革局2023年工作总结和2024年工作计划",
            "【打印】 【关闭】",
        ],
    );
}

/// 南山区教育局: a site header, a 首页 | … navigation bar and a 目录 listing the part headings,
/// all before the headline; then the report with a third part 三、保障措施 (kind other).
#[test]
fn nanshan_jyj_table_of_contents_before_title() {
    let r = import("nanshan_jyj_2023_2024_toc.txt");
    assert_tree(
        &r,
        &[
            "p1 summary 2023 | 一、2023年工作总结",
            "  p1.1 （一）",
            "  p1.2 （二）",
            "  p1.3 （三）",
            "p2 plan 2024 | 二、2024年工作计划",
            "  p2.1 （一）",
            "  p2.2 （二）",
            "  p2.3 （三）",
            "  p2.4 （四）",
            "p3 other - | 三、保障措施",
            "  p3.1 （一）",
            "  p3.2 （二）",
        ],
    );
    assert_node(&r, "p2.4", "（四）", "守牢校园安全底线。");
    assert_node(&r, "p3.1", "（一）", "加强组织领导。");
    assert!(
        r.preamble
            .starts_with("2023年，南山区教育局坚持以人民为中心")
    );
    assert_meta(
        &r,
        Meta {
            title: "南山区教育局2023年工作总结和2024年工作计划",
            city: None,
            district: Some("南山区"),
            bureau: Some("教育局"),
            published: Some("2024-02-02"),
            script: S,
        },
    );
    assert_dropped(
        &r,
        &[
            "南山区人民政府门户网站",
            "首页 | 政务公开 | 政务服务 | 互动交流 | 走进南山",
            "目  录",
            "一、2023年工作总结",
            "二、2024年工作计划",
            "三、保障措施",
            "南山区教育局2023年工作总结和2024年工作计划",
            "发布日期：2024-02-02　　来源：南山区教育局　　字号：大 中 小",
        ],
    );
}

/// 龙华区城管局: the headline repeated under the metadata line, a stray ×, and the page's
/// navigation and footer after the report: 上一篇：… / 下一篇：… (titles of other reports),
/// 分享到：微信 微博 QQ空间, 【打印本页】 【关闭窗口】, 扫一扫在手机打开当前页, 返回顶部, the site
/// footer. The city comes from the 发布机构 line (城市管理 in the bureau's name is no city).
#[test]
fn longhua_cgj_repeated_title_stray_x_and_navigation() {
    let r = import("longhua_cgj_2024_2025_nav.txt");
    assert_tree(
        &r,
        &[
            "p1 summary 2024 | 一、2024年工作总结",
            "  p1.1 （一）",
            "    p1.1.1 一是",
            "    p1.1.2 二是",
            "  p1.2 （二）",
            "    p1.2.1 一是",
            "    p1.2.2 二是",
            "    p1.2.3 三是",
            "  p1.3 （三）",
            "p2 plan 2025 | 二、2025年工作计划",
            "  p2.1 （一）",
            "    p2.1.1 一是",
            "    p2.1.2 二是",
            "  p2.2 （二）",
            "    p2.2.1 一是",
            "    p2.2.2 二是",
            "  p2.3 （三）",
            "    p2.3.1 一是",
            "    p2.3.2 二是",
        ],
    );
    assert_node(
        &r,
        "p2.3.2",
        "二是",
        "加强执法队伍培训，全年组织执法业务培训40场次。",
    );
    assert_eq!(
        node(&r, "p2.3.2").text,
        "",
        "nothing after the last item is report text"
    );
    assert_meta(
        &r,
        Meta {
            title: "龙华区城市管理和综合执法局2024年工作总结和2025年工作计划",
            city: Some("深圳市"),
            district: Some("龙华区"),
            bureau: Some("城市管理和综合执法局"),
            published: Some("2025-02-14"),
            script: S,
        },
    );
    assert_dropped(
        &r,
        &[
            "当前位置：首页 > 政务公开 > 规划计划 > 部门计划总结",
            "龙华区城市管理和综合执法局2024年工作总结和2025年工作计划",
            "发布机构：深圳市龙华区城市管理和综合执法局　发布时间：2025-02-14 16:35:12　浏览次数：",
            "龙华区城市管理和综合执法局2024年工作总结和2025年工作计划",
            "×",
            "上一篇：龙华区城市管理和综合执法局2023年工作总结和2024年工作计划",
            "下一篇：龙华区水务局2024年工作总结和2025年工作计划",
            "分享到：微信 微博 QQ空间",
            "【打印本页】 【关闭窗口】",
            "扫一扫在手机打开当前页",
            "返回顶部",
            "网站地图 | 联系我们 | 使用帮助",
            "主办单位：深圳市龙华区人民政府办公室　网站标识码：4403090001　粤ICP备05063378号",
        ],
    );
    assert_eq!(reason_of(&r, 3), DropReason::RepeatedTitle);
}

/// 龙岗区发改局 on another site: the headline wrapped over two lines (organisation, then
/// 2023年工作总结及2024年工作计划), and a metadata line that opens with the date and time instead
/// of a key (2024-01-12 16:21　来源：…　【打印】 【关闭】).
#[test]
fn longgang_fgj_headline_on_two_lines_and_date_first_metadata() {
    let r = import("longgang_fgj_2023_2024_title_two_lines.txt");
    assert_tree(
        &r,
        &[
            "p1 summary 2023 | 一、2023年工作总结",
            "  p1.1 （一）",
            "  p1.2 （二）",
            "    p1.2.1 一是",
            "    p1.2.2 二是",
            "  p1.3 （三）",
            "p2 plan 2024 | 二、2024年工作计划",
            "  p2.1 （一）",
            "    p2.1.1 一是",
            "    p2.1.2 二是",
            "  p2.2 （二）",
            "    p2.2.1 一是",
            "    p2.2.2 二是",
            "  p2.3 （三）",
        ],
    );
    assert_eq!(
        r.preamble,
        "2023年，区发展和改革局坚持稳中求进工作总基调，全力以赴稳增长、扩投资、促改革，全区经济运行呈现回升向好态势。"
    );
    assert_node(&r, "p2.1", "（一）", "全力稳增长。");
    assert_meta(
        &r,
        Meta {
            title: "深圳市龙岗区发展和改革局2023年工作总结及2024年工作计划",
            city: Some("深圳市"),
            district: Some("龙岗区"),
            bureau: Some("发展和改革局"),
            published: Some("2024-01-12"),
            script: S,
        },
    );
    assert_dropped(
        &r,
        &[
            "当前位置：首页 > 信息公开 > 规划计划 > 年度工作计划及总结",
            "深圳市龙岗区发展和改革局",
            "2023年工作总结及2024年工作计划",
            "2024-01-12 16:21　来源：深圳市龙岗区发展和改革局　【打印】 【关闭】",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Outline shapes and marker styles
// ---------------------------------------------------------------------------------------------

/// 大鹏新区发财局, a mid-year report: 2024年上半年工作总结 and 下半年工作计划 (the plan's year is
/// the same year); headings on their own lines with 1. items in the summary, 一是 items in the plan.
#[test]
fn dapeng_fzcj_mid_year_report() {
    let r = import("dapeng_fzcj_2024h1.txt");
    assert_tree(
        &r,
        &[
            "p1 summary 2024 first | 一、2024年上半年工作总结",
            "  p1.1 （一）",
            "    p1.1.1 1.",
            "    p1.1.2 2.",
            "  p1.2 （二）",
            "    p1.2.1 1.",
            "    p1.2.2 2.",
            "    p1.2.3 3.",
            "  p1.3 （三）",
            "    p1.3.1 1.",
            "    p1.3.2 2.",
            "p2 plan 2024 second | 二、下半年工作计划",
            "  p2.1 （一）",
            "    p2.1.1 一是",
            "    p2.1.2 二是",
            "  p2.2 （二）",
            "    p2.2.1 一是",
            "    p2.2.2 二是",
            "    p2.2.3 三是",
            "  p2.3 （三）",
            "    p2.3.1 一是",
            "    p2.3.2 二是",
        ],
    );
    assert_eq!(
        r.parts[0].text,
        "上半年，新区实现地区生产总值185.3亿元，同比增长4.6%。我局重点抓好以下工作："
    );
    assert_node(&r, "p1.1", "（一）", "统筹财政资源，保障重点支出");
    assert_node(&r, "p1.1.1", "1.", "加强财政收入组织。");
    assert_node(&r, "p2.2.3", "三是", "谋划储备一批2025年重大项目。");
    assert_eq!(r.preamble, "");
    assert_meta(
        &r,
        Meta {
            title: "深圳市大鹏新区发展和财政局2024年上半年工作总结和下半年工作计划",
            city: Some("深圳市"),
            district: Some("大鹏新区"),
            bureau: Some("发展和财政局"),
            published: Some("2024-07-22"),
            script: S,
        },
    );
    assert_dropped(
        &r,
        &[
            "当前位置：首页 > 新区信息公开 > 规划计划 > 计划总结",
            "深圳市大鹏新区发展和财政局2024年上半年工作总结和下半年工作计划",
            "信息来源：大鹏新区发展和财政局　发布时间：2024-07-22 10:30　【字体：大 中 小】",
        ],
    );
}

const MIXED: &str = "baoan_wtlj_2023_2024_mixed.txt";

/// 宝安区文广旅体局: full-width （一） and half-width (二) side by side, items numbered 1、 １． and
/// 1., sub-items (1) and （2）, full-width ，。； with a stray half-width , and ;. A note in
/// brackets, （注：以上数据为快报数，…）, closes the summary: it is text, not a damaged (一).
#[test]
fn baoan_wtlj_mixed_widths_and_marker_styles() {
    let r = import(MIXED);
    assert_tree(
        &r,
        &[
            "p1 summary 2023 | 一、2023年工作总结",
            "  p1.1 （一）",
            "    p1.1.1 1、",
            "    p1.1.2 2、",
            "  p1.2 (二)",
            "    p1.2.1 １．",
            "    p1.2.2 ２．",
            "  p1.3 （三）",
            "    p1.3.1 1.",
            "    p1.3.2 2.",
            "      p1.3.2.1 (1)",
            "      p1.3.2.2 （2）",
            "p2 plan 2024 | 二、2024年工作计划",
            "  p2.1 （一）",
            "    p2.1.1 1、",
            "    p2.1.2 2、",
            "  p2.2 (二)",
            "    p2.2.1 １．",
            "    p2.2.2 ２．",
            "  p2.3 （三）",
            "    p2.3.1 1.",
            "    p2.3.2 2.",
            "      p2.3.2.1 (1)",
            "      p2.3.2.2 （2）",
        ],
    );
    assert_node(&r, "p1.2", "(二)", "文旅产业加快发展");
    assert_node(&r, "p1.2.1", "１．", "推动文旅消费提质扩容。");
    assert_eq!(
        node(&r, "p1.2.1").text,
        "全年接待游客2600万人次，同比增长21.5%;实现旅游总收入312亿元。"
    );
    assert_node(
        &r,
        "p1.3.2.1",
        "(1)",
        "成功举办宝安马拉松，吸引来自20个国家和地区的2万名跑者参赛。",
    );
    assert_node(&r, "p1.3.2", "2.", "办好品牌赛事活动。");
    let last = node(&r, "p1.3.2.2");
    assert_eq!(
        (last.title.as_str(), last.text.as_str()),
        (
            "承办全国青少年击剑锦标赛等国家级赛事6项,省级赛事15项。",
            "（注：以上数据为快报数，最终以统计部门公布数据为准）"
        )
    );
    assert_meta(
        &r,
        Meta {
            title: "深圳市宝安区文化广电旅游体育局2023年工作总结和2024年工作计划",
            city: Some("深圳市"),
            district: Some("宝安区"),
            bureau: Some("文化广电旅游体育局"),
            published: Some("2024-01-18"),
            script: S,
        },
    );
    assert_dropped(
        &r,
        &[
            "当前位置：首页 > 政务公开 > 规划计划 > 年度工作计划",
            "深圳市宝安区文化广电旅游体育局2023年工作总结和2024年工作计划",
            "发布日期：2024-01-18　来源：宝安区文化广电旅游体育局",
        ],
    );
}

/// 罗湖区卫健局: no (一) level: 一、 then 1. (summary) and 1、 (plan) items directly, one of
/// them with 一是 items.
#[test]
fn luohu_wjj_numbered_items_without_section_level() {
    let r = import("luohu_wjj_2022_2023_no_section.txt");
    assert_tree(
        &r,
        &[
            "p1 summary 2022 | 一、2022年工作总结",
            "  p1.1 1.",
            "  p1.2 2.",
            "  p1.3 3.",
            "  p1.4 4.",
            "p2 plan 2023 | 二、2023年工作计划",
            "  p2.1 1、",
            "  p2.2 2、",
            "    p2.2.1 一是",
            "    p2.2.2 二是",
            "  p2.3 3、",
            "  p2.4 4、",
            "  p2.5 5、",
        ],
    );
    assert_node(&r, "p1.3", "3.", "基层医疗卫生服务体系不断完善。");
    assert_node(&r, "p2.2", "2、", "深化医药卫生体制改革。");
    assert_eq!(node(&r, "p2.2").text, "");
    assert_meta(
        &r,
        Meta {
            title: "深圳市罗湖区卫生健康局2022年工作总结和2023年工作计划",
            city: Some("深圳市"),
            district: Some("罗湖区"),
            bureau: Some("卫生健康局"),
            published: Some("2023-02-10"),
            script: S,
        },
    );
    assert_dropped(
        &r,
        &[
            "您现在的位置：首页 > 信息公开 > 规划计划 > 工作计划总结",
            "深圳市罗湖区卫生健康局2022年工作总结和2023年工作计划",
            "发布日期：2023-02-10　　浏览次数：",
        ],
    );
}

/// 黄埔区科技局: the plan's items under each 一、 open their paragraphs with circled numerals
/// (①推动重大平台建设。…), a level of their own under 一、, each item split into its heading and
/// body like 1. items are. A ① inside a sentence (按①类、②类分档资助) is no marker.
#[test]
fn huangpu_kjj_circled_numerals_open_items() {
    let r = import("huangpu_kjj_2025_2026_circled.txt");
    let plan = r.part_of_kind(PartKind::Plan).expect("a plan part");
    let items: Vec<(&str, &str, usize)> = plan
        .nodes
        .iter()
        .flat_map(|n| &n.children)
        .map(|n| (n.marker.as_str(), n.title.as_str(), n.children.len()))
        .collect();
    assert_eq!(
        items,
        [
            ("①", "推动重大平台建设。", 0),
            ("②", "加强基础研究。", 0),
            ("①", "实施高企培育行动。", 0),
            ("②", "完善科技金融服务。", 0),
            ("③", "促进成果转化。", 0),
        ]
    );
    let research = &plan.nodes[0].children[1];
    assert!(research.text.ends_with("其中按①类、②类分档资助。"));
    assert!(research.flags.is_empty());
    assert!(plan.nodes.iter().all(|n| n.text.is_empty()));
}

/// 盐田区司法局, a plan on its own: the body opens at （一） with no 一、 line (one implied part,
/// a plan for the title's year), and ends with the signature and date, which belong to no item:
/// they are kept in `dropped` as the signature, not glued to the last item's text.
#[test]
fn yantian_sfj_plan_opening_at_section_level() {
    let r = import("yantian_sfj_2025_plan_only.txt");
    assert_tree(
        &r,
        &[
            "p1 plan 2025 | ",
            "  p1.1 （一）",
            "    p1.1.1 1.",
            "    p1.1.2 2.",
            "  p1.2 （二）",
            "    p1.2.1 1.",
            "    p1.2.2 2.",
            "    p1.2.3 3.",
            "  p1.3 （三）",
            "    p1.3.1 1.",
            "    p1.3.2 2.",
            "  p1.4 （四）",
        ],
    );
    assert!(
        r.preamble
            .starts_with("2025年，区司法局将坚持以习近平法治思想为指导")
    );
    assert!(r.preamble.ends_with("具体工作计划如下："));
    assert_node(&r, "p1.4", "（四）", "加强司法行政队伍建设");
    assert!(
        node(&r, "p1.4")
            .text
            .starts_with("坚持党建引领，深化全面从严治党")
    );
    assert_node(&r, "p1.2.3", "3.", "加强法治宣传教育。");
    assert_meta(
        &r,
        Meta {
            title: "深圳市盐田区司法局2025年工作计划",
            city: Some("深圳市"),
            district: Some("盐田区"),
            bureau: Some("司法局"),
            published: Some("2025-01-22"),
            script: S,
        },
    );
    assert!(
        !node(&r, "p1.4").text.contains("司法局\n"),
        "the signature is not the last item's text"
    );
    assert_dropped(
        &r,
        &[
            "当前位置：首页 > 政务公开 > 规划计划 > 年度工作计划",
            "深圳市盐田区司法局2025年工作计划",
            "发布日期：2025-01-22　信息来源：盐田区司法局",
            "深圳市盐田区司法局",
            "2025年1月20日",
        ],
    );
    let reasons: Vec<_> = r
        .dropped_info
        .iter()
        .rev()
        .take(2)
        .map(|d| d.reason)
        .collect();
    assert_eq!(reasons, vec![planlens::model::DropReason::Signature; 2]);
}

/// 坪山区住建局: three parts 一、二、三、, the middle one 二、存在的问题 (kind other, no year)
/// made of 一是 items directly under the part. 发布日期 wins over 成文日期.
#[test]
fn pingshan_zjj_problems_part_is_other() {
    let r = import("pingshan_zjj_2023_2024_problems.txt");
    assert_tree(
        &r,
        &[
            "p1 summary 2023 | 一、2023年工作总结",
            "  p1.1 （一）",
            "    p1.1.1 一是",
            "    p1.1.2 二是",
            "  p1.2 （二）",
            "    p1.2.1 一是",
            "    p1.2.2 二是",
            "    p1.2.3 三是",
            "  p1.3 （三）",
            "p2 other - | 二、存在的问题",
            "  p2.1 一是",
            "  p2.2 二是",
            "  p2.3 三是",
            "p3 plan 2024 | 三、2024年工作计划",
            "  p3.1 （一）",
            "  p3.2 （二）",
            "  p3.3 （三）",
            "  p3.4 （四）",
        ],
    );
    assert_node(
        &r,
        "p2.1",
        "一是",
        "保障性住房供需结构性矛盾仍然存在，中心区房源相对不足。",
    );
    assert_node(&r, "p3.4", "（四）", "强化建筑市场综合治理。");
    assert_meta(
        &r,
        Meta {
            title: "坪山区住房和建设局2023年工作总结和2024年工作计划",
            city: Some("深圳市"),
            district: Some("坪山区"),
            bureau: Some("住房和建设局"),
            published: Some("2024-02-01"),
            script: S,
        },
    );
    assert_dropped(
        &r,
        &[
            "当前位置：首页 > 政务公开 > 规划计划 > 部门工作计划总结",
            "坪山区住房和建设局2023年工作总结和2024年工作计划",
            "发布机构：深圳市坪山区住房和建设局　成文日期：2024-01-30　发布日期：2024-02-01",
        ],
    );
}

/// 黄埔区科技局: parts headed by bare lines (2025年工作总结, 2026年工作计划), and between them a
/// bare 存在的问题 line. It heads a part of its own (kind other, no year) holding the 一是 problems;
/// they are not items of the summary's last section.
#[test]
fn huangpu_kjj_bare_shortcomings_heading_opens_an_other_part() {
    let r = import("huangpu_kjj_2025_2026_circled.txt");
    let parts: Vec<String> = skeleton(&r)
        .lines()
        .filter(|l| l.starts_with('p'))
        .map(String::from)
        .collect();
    assert_eq!(
        parts,
        [
            "p1 summary 2025 | 2025年工作总结",
            "p2 other - | 存在的问题",
            "p3 plan 2026 | 2026年工作计划",
        ]
    );
    assert!(node(&r, "p1.2").children.is_empty());
    assert_node(
        &r,
        "p2.2",
        "二是",
        "科技成果本地转化率不高，中试平台供给不足。",
    );
}

// ---------------------------------------------------------------------------------------------
// Damaged markers and glued headings
// ---------------------------------------------------------------------------------------------

/// 光明区工信局: run-in 一是 items after 。 and after ，; one item lost its numeral (是工业投资…
/// for 三是, so 四是 follows in sequence); a section marker lost its opening bracket (二）). In
/// the plan, an item number repeats (一是 二是 二是) and a section number skips ((二) then (四)):
/// both are items as written, flagged numbering_gap, and what follows them is in sequence.
#[test]
fn guangming_gxj_run_in_items_and_broken_markers() {
    let r = import("guangming_gxj_2024_2025_runin.txt");
    assert_tree(
        &r,
        &[
            "p1 summary 2024 | 一、2024年工作总结",
            "  p1.1 （一）",
            "    p1.1.1 一是",
            "    p1.1.2 二是",
            "    p1.1.3 是 !marker_broken",
            "    p1.1.4 四是",
            "  p1.2 二） !marker_broken",
            "    p1.2.1 一是",
            "    p1.2.2 二是",
            "  p1.3 （三）",
            "    p1.3.1 一是",
            "    p1.3.2 二是",
            "    p1.3.3 三是",
            "p2 plan 2025 | 二、2025年工作计划",
            "  p2.1 （一）",
            "    p2.1.1 一是",
            "    p2.1.2 二是",
            "  p2.2 （二）",
            "    p2.2.1 一是",
            "    p2.2.2 二是",
            "    p2.2.3 二是 !numbering_gap",
            "  p2.3 （四） !numbering_gap",
            "    p2.3.1 一是",
            "    p2.3.2 二是",
            "  p2.4 （五）",
        ],
    );
    assert_node(&r, "p1.1.3", "是", "工业投资持续发力。");
    assert_eq!(
        node(&r, "p1.1.3").text,
        "全年完成工业投资286亿元，同比增长18.4%。"
    );
    assert_node(&r, "p1.1.4", "四是", "数字化转型加速推进。");
    assert_node(&r, "p1.2", "二）", "坚持创新驱动，产业结构持续优化。");
    assert_node(
        &r,
        "p1.3.3",
        "三是",
        "搭建产业链供需对接平台，促成合作项目56个。",
    );
    assert_node(&r, "p2.2.2", "二是", "推动人工智能赋能制造业。");
    assert_eq!(node(&r, "p2.2.2").text, "");
    assert_node(&r, "p2.2.3", "二是", "新建改造工业上楼空间50万平方米。");
    assert_node(&r, "p2.3", "（四）", "持续优化产业服务。");
    assert_meta(
        &r,
        Meta {
            title: "光明区工业和信息化局2024年工作总结和2025年工作计划",
            city: None,
            district: Some("光明区"),
            bureau: Some("工业和信息化局"),
            published: Some("2025-03-06"),
            script: S,
        },
    );
    assert_dropped(
        &r,
        &[
            "当前位置：首页 > 政务公开 > 规划计划 > 工作计划总结",
            "光明区工业和信息化局2024年工作总结和2025年工作计划",
            "发布日期：2025-03-06  浏览次数：-",
        ],
    );
}

/// 龙岗区人力资源局 (the 龙岗 site's style: half-width (一) and ,): the plan's first section lost
/// `一)` and reads `(坚持党建引领,…`; (二) follows it in sequence.
#[test]
fn longgang_rsj_section_marker_lost_its_numeral() {
    let r = import("longgang_rsj_2023_2024_lost_numeral.txt");
    assert_tree(
        &r,
        &[
            "p1 summary 2023 | 一、2023年工作总结",
            "  p1.1 (一)",
            "    p1.1.1 一是",
            "    p1.1.2 二是",
            "  p1.2 (二)",
            "  p1.3 (三)",
            "p2 plan 2024 | 二、2024年工作计划",
            "  p2.1 ( !marker_broken",
            "    p2.1.1 一是",
            "    p2.1.2 二是",
            "  p2.2 (二)",
            "    p2.2.1 一是",
            "    p2.2.2 二是",
            "    p2.2.3 三是",
            "  p2.3 (三)",
            "  p2.4 (四)",
        ],
    );
    assert_node(&r, "p2.1", "(", "坚持党建引领,锻造过硬干部队伍。");
    assert_node(&r, "p1.1", "(一)", "稳就业促就业成效明显。");
    assert_eq!(
        node(&r, "p1.1").text,
        "全年新增就业4.6万人,城镇登记失业率控制在3%以内。"
    );
    assert_meta(
        &r,
        Meta {
            title: "深圳市龙岗区人力资源局2023年工作总结及2024年工作计划",
            city: Some("深圳市"),
            district: Some("龙岗区"),
            bureau: Some("人力资源局"),
            published: None,
            script: S,
        },
    );
    assert_dropped(
        &r,
        &[
            "当前位置: 首页\u{a0}>\u{a0}信息公开\u{a0}>\u{a0}规划计划\u{a0}>\u{a0}年度工作计划及总结\u{a0}>\u{a0}区政府工作部门",
            "深圳市龙岗区人力资源局2023年工作总结及2024年工作计划",
            "×",
        ],
    );
}

const GLUED: &str = "longgang_jyj_2024_2025_glued.txt";
const GLUED_TRADITIONAL: &str = "longgang_jyj_2024_2025_glued_traditional.txt";

/// 坪山区工信局: each plan item opens with its heading in 【】 and runs on into its body with no
/// stop between (（一）【稳住工业增长基本盘】落实…). The bracketed heading, brackets and all, is the
/// title (with a colon right after it: 【扩大有效工业投资】：), the rest the body.
#[test]
fn pingshan_gxj_bracketed_headings_are_the_titles() {
    let r = import("pingshan_gxj_2024_2025_brackets.txt");
    let items: Vec<(&str, &str)> = ["p2.1.1", "p2.1.2", "p2.2.1", "p2.2.2"]
        .into_iter()
        .map(|id| {
            let n = node(&r, id);
            (n.title.as_str(), n.text.as_str())
        })
        .collect();
    assert_eq!(
        items,
        [
            (
                "【稳住工业增长基本盘】",
                "落实重点企业“一企一策”服务机制，全年规模以上工业增加值增长7%以上。"
            ),
            (
                "【扩大有效工业投资】：",
                "新开工工业项目40个，工业投资增长10%。"
            ),
            (
                "【做强新能源汽车产业】",
                "支持整车企业扩能增产，引进核心零部件项目10个，产业集群产值突破1800亿元。"
            ),
            (
                "【打造生物医药创新高地】",
                "建设生物医药中试平台2个，新增二类以上医疗器械注册证30张。"
            ),
        ]
    );
    assert!(r.nodes().all(|(_, n)| n.flags.is_empty()));
}

/// 龙岗区教育局: among plan items with short headings (加快学校建设。…), two headings ran into
/// their bodies with no punctuation: 推进集团化办学提质扩面 | 持续深化紧密型教育集团建设，… and
/// 加强教研体系建设 | 全面推进区、片、校三级教研网络建设，…. The summary's items are long run-in
/// sentences, which is their style, not damage.
#[test]
fn longgang_jyj_heading_glued_to_its_body() {
    let r = import(GLUED);
    assert_tree(
        &r,
        &[
            "p1 summary 2024 | 一、2024年工作总结",
            "  p1.1 （一）",
            "    p1.1.1 一是",
            "    p1.1.2 二是",
            "  p1.2 （二）",
            "    p1.2.1 一是",
            "    p1.2.2 二是",
            "p2 plan 2025 | 二、2025年工作计划",
            "  p2.1 （一）",
            "    p2.1.1 1.",
            "    p2.1.2 2. !heading_glued",
            "    p2.1.3 3.",
            "    p2.1.4 4.",
            "  p2.2 （二）",
            "    p2.2.1 1.",
            "    p2.2.2 2. !heading_glued",
            "    p2.2.3 3.",
        ],
    );
    assert_node(&r, "p2.2.2", "2.", "加强教研体系建设");
    assert_eq!(
        node(&r, "p2.2.2").text,
        "全面推进区、片、校三级教研网络建设，建设学科教研基地20个。"
    );
    assert_node(&r, "p2.1.2", "2.", "推进集团化办学提质扩面");
    assert_eq!(
        node(&r, "p2.1.2").text,
        "持续深化紧密型教育集团建设，新组建教育集团4个，实现义务教育阶段集团化办学全覆盖。"
    );
    assert_node(&r, "p2.1.1", "1.", "加快学校建设。");
    assert_node(&r, "p2.1", "（一）", "扩大优质教育资源供给");
    assert_node(
        &r,
        "p1.2.1",
        "一是",
        "深化课堂教学改革，在全区推广“思维课堂”教学模式，形成典型课例500余节。",
    );
    assert_meta(
        &r,
        Meta {
            title: "深圳市龙岗区教育局2024年工作总结及2025年工作计划",
            city: Some("深圳市"),
            district: Some("龙岗区"),
            bureau: Some("教育局"),
            published: Some("2025-02-27"),
            script: S,
        },
    );
    assert_dropped(
        &r,
        &[
            "当前位置: 首页\u{a0}>\u{a0}信息公开\u{a0}>\u{a0}规划计划\u{a0}>\u{a0}年度工作计划及总结\u{a0}>\u{a0}区政府工作部门",
            "深圳市龙岗区教育局2024年工作总结及2025年工作计划",
            "发布日期：2025-02-27",
        ],
    );
}

/// The 繁體 twin of the glued-headings page: its glued headings are split where the simplified
/// page's are (推進集團化辦學提質擴面 | 持續深化…), and its tree is the simplified tree in the
/// other script. Read as written, 持續 opened nothing and the cut fell at 深化, an opener written
/// alike in both scripts: the heading kept 持續.
#[test]
fn longgang_jyj_traditional_glued_headings_split_where_the_simplified_ones_are() {
    assert_eq!(
        to_simplified(&fixture_text(GLUED_TRADITIONAL)),
        fixture_text(GLUED),
        "the pages are twins"
    );
    let (traditional, simplified) = (import(GLUED_TRADITIONAL), import(GLUED));
    assert_eq!(
        to_simplified(&skeleton(&traditional)),
        skeleton(&simplified)
    );
    assert_node(&traditional, "p2.1.2", "2.", "推進集團化辦學提質擴面");
    assert_node(&traditional, "p2.2.2", "2.", "加強教研體系建設");
    for id in ["p2.1.2", "p2.2.2"] {
        let (t, s) = (node(&traditional, id), node(&simplified, id));
        assert_eq!(to_simplified(&t.title), s.title, "{id}");
        assert_eq!(to_simplified(&t.text), s.text, "{id}");
    }
}

// ---------------------------------------------------------------------------------------------
// Lost line breaks, script, encodings, line endings
// ---------------------------------------------------------------------------------------------

/// 福田区统计局: the line breaks were lost: breadcrumb, headline, metadata, the whole report and
/// the 【打印】 【关闭】 buttons on one line, every marker inline (排名全市第一、全省前列 is not a
/// part marker; the plan's heading runs straight into its introduction).
#[test]
fn futian_tjj_report_on_one_line() {
    let r = import("futian_tjj_2023_2024_oneline.txt");
    assert_tree(
        &r,
        &[
            "p1 summary 2023 | 一、2023年工作总结",
            "  p1.1 （一）",
            "    p1.1.1 一是",
            "    p1.1.2 二是",
            "  p1.2 （二）",
            "    p1.2.1 一是",
            "    p1.2.2 二是",
            "    p1.2.3 三是",
            "  p1.3 （三）",
            "p2 plan 2024 | 二、2024年工作计划",
            "  p2.1 （一）",
            "    p2.1.1 1.",
            "    p2.1.2 2.",
            "  p2.2 （二）",
            "    p2.2.1 1.",
            "    p2.2.2 2.",
            "    p2.2.3 3.",
        ],
    );
    assert_eq!(
        r.preamble,
        "2023年，区统计局坚持依法统计、依法治统，扎实推进统计改革和统计服务，全区统计数据质量和统计服务能力排名全市第一、全省前列。"
    );
    assert_eq!(r.parts[0].text, "");
    assert_eq!(
        r.parts[1].text,
        "2024年，我局将围绕区委、区政府中心工作，着力提升统计数据质量和服务水平。"
    );
    assert_node(&r, "p1.3", "（三）", "统计服务更加精准。");
    assert_eq!(
        node(&r, "p1.3").text,
        "全年编发《福田统计月报》12期、专题分析报告36篇，为区委、区政府决策提供有力支撑。"
    );
    assert_node(&r, "p2.1", "（一）", "夯实统计基层基础。");
    assert_node(
        &r,
        "p2.1.1",
        "1.",
        "做好第五次全国经济普查数据处理和资料开发。",
    );
    assert_node(
        &r,
        "p2.2.3",
        "3.",
        "建设统计数据共享平台，推动统计数据开放应用。",
    );
    assert_eq!(
        node(&r, "p2.2.3").text,
        "",
        "the buttons are no report text"
    );
    assert_meta(
        &r,
        Meta {
            title: "深圳市福田区统计局2023年工作总结和2024年工作计划",
            city: Some("深圳市"),
            district: Some("福田区"),
            bureau: Some("统计局"),
            published: Some("2024-01-05"),
            script: S,
        },
    );
    assert_dropped(
        &r,
        &[
            "当前位置：首页 > 信息公开 > 计划总结",
            "深圳市福田区统计局2023年工作总结和2024年工作计划",
            "发布日期：2024-01-05 浏览次数：1024 字号：大 中 小",
            "【打印】 【关闭】",
        ],
    );
}

const TRADITIONAL: &str = "pingshan_kjj_2023_2024_traditional.txt";

/// 坪山區科技創新局, the site's 繁體 mirror: report and furniture in traditional script
/// (當前位置：首頁, 發佈日期, 來源, 瀏覽次數, 【字體：大 中 小】, 【關閉】).
#[test]
fn pingshan_kjj_traditional_mirror() {
    let r = import(TRADITIONAL);
    assert_tree(
        &r,
        &[
            "p1 summary 2023 | 一、2023年工作總結",
            "  p1.1 （一）",
            "    p1.1.1 一是",
            "    p1.1.2 二是",
            "  p1.2 （二）",
            "    p1.2.1 一是",
            "    p1.2.2 二是",
            "    p1.2.3 三是",
            "  p1.3 （三）",
            "p2 plan 2024 | 二、2024年工作計劃",
            "  p2.1 （一）",
            "    p2.1.1 一是",
            "    p2.1.2 二是",
            "  p2.2 （二）",
            "    p2.2.1 一是",
            "    p2.2.2 二是",
            "  p2.3 （三）",
        ],
    );
    assert_node(&r, "p1.2", "（二）", "科技企業培育成效顯著。");
    assert_node(&r, "p2.2.2", "二是", "新增專精特新中小企業60家以上。");
    assert!(
        r.preamble
            .starts_with("2023年，坪山區科技創新局堅持創新驅動發展戰略")
    );
    assert_eq!(
        node(&r, "p2.3").text,
        "加強科技金融服務，推動設立區科技創新投資基金，優化科技數據共享服務。"
    );
    assert_meta(
        &r,
        Meta {
            title: "深圳市坪山區科技創新局2023年工作總結及2024年工作計劃",
            city: Some("深圳市"),
            district: Some("坪山區"),
            bureau: Some("科技創新局"),
            published: Some("2024-02-20"),
            script: Script::Traditional,
        },
    );
    assert_dropped(
        &r,
        &[
            "當前位置：首頁 > 政務公開 > 規劃計劃 > 年度工作計劃及總結",
            "深圳市坪山區科技創新局2023年工作總結及2024年工作計劃",
            "發佈日期：2024-02-20　　來源：坪山區科技創新局　　瀏覽次數：",
            "【字體：大 中 小】 【打印】 【關閉】",
            "【打印】 【關閉】",
        ],
    );
}

/// The 繁體 page saved in Big5 is detected as Big5 and imports exactly as the UTF-8 one.
#[test]
fn big5_copy_of_the_traditional_page_imports_identically() {
    let text = fixture_text(TRADITIONAL);
    let (bytes, _, unmappable) = encoding_rs::BIG5.encode(&text);
    assert!(!unmappable, "every character of the fixture exists in Big5");
    let decoded = decode(&bytes).unwrap();
    assert_eq!(decoded.encoding, "Big5");
    assert_eq!(decoded.text, text);
    assert_eq!(import_bytes(&bytes).unwrap(), import(TRADITIONAL));
}

/// The mixed-markers page saved in GBK is detected as GBK and imports exactly as the UTF-8 one.
#[test]
fn gbk_copy_of_the_mixed_markers_page_imports_identically() {
    let text = fixture_text(MIXED);
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable, "every character of the fixture exists in GBK");
    let decoded = decode(&bytes).unwrap();
    assert!(
        ["GBK", "gb18030"].contains(&decoded.encoding),
        "{}",
        decoded.encoding
    );
    assert_eq!(decoded.text, text);
    assert_eq!(import_bytes(&bytes).unwrap(), import(MIXED));
}

const CRLF_BOM: &str = "nanshan_swj_2024_2025_crlf_bom.txt";

/// 南山区水务局, saved with a UTF-8 BOM and CRLF line endings, lines indented with NBSP or U+3000
/// (and some ending in them), NBSP around the breadcrumb's `>`, lines holding only an NBSP.
#[test]
fn nanshan_swj_crlf_bom_and_nbsp_indent() {
    let bytes = fixture_bytes(CRLF_BOM);
    assert!(bytes.starts_with(b"\xEF\xBB\xBF") && bytes.windows(2).any(|w| w == b"\r\n"));
    let r = import(CRLF_BOM);
    assert_tree(
        &r,
        &[
            "p1 summary 2024 | 一、2024年工作总结",
            "  p1.1 （一）",
            "    p1.1.1 一是",
            "    p1.1.2 二是",
            "  p1.2 （二）",
            "  p1.3 （三）",
            "    p1.3.1 一是",
            "    p1.3.2 二是",
            "p2 plan 2025 | 二、2025年工作计划",
            "  p2.1 （一）",
            "    p2.1.1 一是",
            "    p2.1.2 二是",
            "  p2.2 （二）",
            "  p2.3 （三）",
            "    p2.3.1 一是",
            "    p2.3.2 二是",
        ],
    );
    assert_node(&r, "p1.3.2", "二是", "优质饮用水入户覆盖率达98%。");
    assert_eq!(node(&r, "p1.3.2").text, "");
    assert_node(&r, "p2.3.2", "二是", "推动全区万元GDP用水量持续下降。");
    assert_eq!(node(&r, "p2.3.2").text, "");
    assert!(
        r.preamble
            .starts_with("2024年，区水务局以建设“水韵南山”为目标")
    );
    // a CRLF ends one line, not two
    assert_eq!((r.parts[1].line, node(&r, "p2.3").line), (17, 23));
    let lines: Vec<usize> = r.dropped_info.iter().map(|d| d.line).collect();
    assert_eq!(lines, [1, 3, 5]);
    assert_meta(
        &r,
        Meta {
            title: "南山区水务局2024年工作总结和2025年工作计划",
            city: None,
            district: Some("南山区"),
            bureau: Some("水务局"),
            published: Some("2025-01-16"),
            script: S,
        },
    );
    assert_dropped(
        &r,
        &[
            "当前位置：首页\u{a0}>\u{a0}政务公开\u{a0}>\u{a0}规划计划\u{a0}>\u{a0}部门工作计划",
            "南山区水务局2024年工作总结和2025年工作计划",
            "发布日期：2025-01-16\u{a0}\u{a0}浏览次数：",
        ],
    );
}

/// The same page read into a `String` as is (`std::fs::read_to_string` keeps the BOM as U+FEFF)
/// imports as from its bytes: the BOM is not text of the page.
#[test]
fn nanshan_swj_text_with_bom_imports_as_the_bytes() {
    let with_bom = String::from_utf8(fixture_bytes(CRLF_BOM)).unwrap();
    assert!(with_bom.starts_with('\u{feff}'));
    assert_eq!(import_text(&with_bom).unwrap(), import(CRLF_BOM));
}

// ---------------------------------------------------------------------------------------------
// Other wordings of the part headings
// ---------------------------------------------------------------------------------------------

/// 龙华区应急管理局: 一、工作情况 (summary) and 二、下一步工作安排 (plan), neither with a year: the
/// years come from the title.
#[test]
fn longhua_yjj_gongzuo_qingkuang_and_gongzuo_anpai() {
    let r = import("longhua_yjj_2023_2024_gongzuoqingkuang.txt");
    assert_tree(
        &r,
        &[
            "p1 summary 2023 | 一、工作情况",
            "  p1.1 （一）",
            "  p1.2 （二）",
            "    p1.2.1 一是",
            "    p1.2.2 二是",
            "  p1.3 （三）",
            "p2 plan 2024 | 二、下一步工作安排",
            "  p2.1 （一）",
            "    p2.1.1 一是",
            "    p2.1.2 二是",
            "  p2.2 （二）",
            "  p2.3 （三）",
            "    p2.3.1 一是",
            "    p2.3.2 二是",
            "    p2.3.3 三是",
        ],
    );
    assert_node(&r, "p2.2", "（二）", "深化重大事故隐患排查整治。");
    assert_meta(
        &r,
        Meta {
            title: "龙华区应急管理局2023年工作总结和2024年工作计划",
            city: None,
            district: Some("龙华区"),
            bureau: Some("应急管理局"),
            published: Some("2024-01-25"),
            script: S,
        },
    );
    assert_dropped(
        &r,
        &[
            "当前位置：首页 > 政务公开 > 规划计划",
            "龙华区应急管理局2023年工作总结和2024年工作计划",
            "发布日期：2024-01-25　　浏览次数：",
        ],
    );
}

/// 罗湖区民政局: 一、2024年主要工作 (summary) and 二、2025年工作思路 (plan); the city from 发布机构.
#[test]
fn luohu_mzj_zhuyao_gongzuo_and_gongzuo_silu() {
    let r = import("luohu_mzj_2024_2025_zhuyaogongzuo.txt");
    assert_tree(
        &r,
        &[
            "p1 summary 2024 | 一、2024年主要工作",
            "  p1.1 （一）",
            "  p1.2 （二）",
            "    p1.2.1 一是",
            "    p1.2.2 二是",
            "    p1.2.3 三是",
            "  p1.3 （三）",
            "p2 plan 2025 | 二、2025年工作思路",
            "  p2.1 （一）",
            "  p2.2 （二）",
            "    p2.2.1 一是",
            "    p2.2.2 二是",
            "  p2.3 （三）",
        ],
    );
    assert_node(&r, "p2.2.2", "二是", "打造“15分钟养老服务圈”。");
    assert_meta(
        &r,
        Meta {
            title: "罗湖区民政局2024年工作总结和2025年工作计划",
            city: Some("深圳市"),
            district: Some("罗湖区"),
            bureau: Some("民政局"),
            published: Some("2025-02-08"),
            script: S,
        },
    );
    assert_dropped(
        &r,
        &[
            "您现在的位置：首页 > 政务公开 > 规划计划",
            "罗湖区民政局2024年工作总结和2025年工作计划",
            "发布机构：深圳市罗湖区民政局　发布日期：2025-02-08",
        ],
    );
}

/// 盐田区文广旅体局: 一、2022年工作回顾 (summary) and 二、2023年重点工作 (plan), 1. items directly.
#[test]
fn yantian_wtlj_gongzuo_huigu_and_zhongdian_gongzuo() {
    let r = import("yantian_wtlj_2022_2023_huigu.txt");
    assert_tree(
        &r,
        &[
            "p1 summary 2022 | 一、2022年工作回顾",
            "  p1.1 1.",
            "  p1.2 2.",
            "  p1.3 3.",
            "p2 plan 2023 | 二、2023年重点工作",
            "  p2.1 1.",
            "  p2.2 2.",
            "  p2.3 3.",
            "  p2.4 4.",
        ],
    );
    assert_node(&r, "p2.3", "3.", "推动全民健身与全民健康深度融合。");
    assert_meta(
        &r,
        Meta {
            title: "深圳市盐田区文化广电旅游体育局2022年工作总结和2023年工作计划",
            city: Some("深圳市"),
            district: Some("盐田区"),
            bureau: Some("文化广电旅游体育局"),
            published: Some("2023-03-01"),
            script: S,
        },
    );
    assert_dropped(
        &r,
        &[
            "当前位置：首页 > 政务公开 > 规划计划 > 计划总结",
            "深圳市盐田区文化广电旅游体育局2022年工作总结和2023年工作计划",
            "发布日期：2023-03-01　信息来源：盐田区文化广电旅游体育局",
        ],
    );
}

/// 光明区水务局: 一、2024年工作计划执行情况 (a summary, though it names the plan) and
/// 二、2025年工作打算 (plan).
#[test]
fn guangming_swj_zhixing_qingkuang_and_gongzuo_dasuan() {
    let r = import("guangming_swj_2024_2025_zhixing.txt");
    assert_tree(
        &r,
        &[
            "p1 summary 2024 | 一、2024年工作计划执行情况",
            "  p1.1 （一）",
            "    p1.1.1 一是",
            "    p1.1.2 二是",
            "  p1.2 （二）",
            "  p1.3 （三）",
            "p2 plan 2025 | 二、2025年工作打算",
            "  p2.1 （一）",
            "  p2.2 （二）",
            "    p2.2.1 一是",
            "    p2.2.2 二是",
            "  p2.3 （三）",
        ],
    );
    assert_node(&r, "p1.2", "（二）", "水环境治理持续巩固。");
    assert_meta(
        &r,
        Meta {
            title: "光明区水务局2024年工作总结和2025年工作计划",
            city: None,
            district: Some("光明区"),
            bureau: Some("水务局"),
            published: Some("2025-01-10"),
            script: S,
        },
    );
    assert_dropped(
        &r,
        &[
            "当前位置：首页 > 政务公开 > 规划计划 > 工作计划总结",
            "光明区水务局2024年工作总结和2025年工作计划",
            "发布日期：2025-01-10  浏览次数：-",
        ],
    );
}

/// 龙岗区退役军人事务局: 一、2023年工作开展情况, the commonest summary heading of all, and
/// 二、2024年工作计划.
#[test]
fn longgang_tyjrj_gongzuo_kaizhan_qingkuang() {
    let r = import("longgang_tyjrj_2023_2024_kaizhan.txt");
    assert_tree(
        &r,
        &[
            "p1 summary 2023 | 一、2023年工作开展情况",
            "  p1.1 (一)",
            "  p1.2 (二)",
            "    p1.2.1 一是",
            "    p1.2.2 二是",
            "  p1.3 (三)",
            "p2 plan 2024 | 二、2024年工作计划",
            "  p2.1 (一)",
            "  p2.2 (二)",
            "    p2.2.1 一是",
            "    p2.2.2 二是",
            "  p2.3 (三)",
        ],
    );
    assert_node(&r, "p2.3", "(三)", "提升服务保障水平。");
    assert_meta(
        &r,
        Meta {
            title: "深圳市龙岗区退役军人事务局2023年工作总结及2024年工作计划",
            city: Some("深圳市"),
            district: Some("龙岗区"),
            bureau: Some("退役军人事务局"),
            published: None,
            script: S,
        },
    );
    assert_dropped(
        &r,
        &[
            "当前位置: 首页\u{a0}>\u{a0}信息公开\u{a0}>\u{a0}规划计划\u{a0}>\u{a0}年度工作计划及总结\u{a0}>\u{a0}区政府工作部门",
            "深圳市龙岗区退役军人事务局2023年工作总结及2024年工作计划",
            "×",
        ],
    );
}

#[test]
fn pingshan_zwsj_no_title_line_names_its_bureau_from_the_opening_sentence() {
    let report = import("pingshan_zwsj_2024_2025_no_title.txt");
    assert_eq!(report.title, "");
    assert_eq!(report.district.as_deref(), Some("坪山区"));
    assert_eq!(report.bureau.as_deref(), Some("政务服务和数据管理局"));
    assert_tree(
        &report,
        &[
            "p1 summary 2024 | 一、2024年主要工作回顾",
            "  p1.1 （一）",
            "    p1.1.1 一是",
            "    p1.1.2 二是",
            "  p1.2 （二）",
            "p2 plan 2025 | 二、2025年工作思路",
            "  p2.1 （一）",
            "  p2.2 （二）",
        ],
    );
}

/// 禅城区司法局 reports to the district government (区人民政府：… 现将我局2024年工作总结和2025年
/// 工作计划报告如下：): its results sections carry themed headings with no 总结 in them
/// (一、围绕中心大局，…), then 三、存在的问题 and 四、2025年工作计划. As the title announces, the
/// themed sections are the summary of 2024; the shortcomings stay other.
#[test]
fn chancheng_sfj_themed_sections_before_the_plan_are_the_summary() {
    let r = import("chancheng_sfj_2024_2025_report.txt");
    let parts: Vec<String> = skeleton(&r)
        .lines()
        .filter(|l| l.starts_with('p'))
        .map(String::from)
        .collect();
    assert_eq!(
        parts,
        [
            "p1 summary 2024 | 一、围绕中心大局，法治政府建设纵深推进",
            "p2 summary 2024 | 二、坚持服务为民，公共法律服务提质增效",
            "p3 other - | 三、存在的问题",
            "p4 plan 2025 | 四、2025年工作计划",
        ]
    );
    assert!(r.preamble.starts_with("区人民政府："));
}

/// Every wording of a part heading seen on real pages, in a page of the real style: the part's
/// kind and half, read from the heading alone (the title names no kind).
#[test]
fn every_heading_wording_bureaus_use_gives_the_part_its_kind() {
    let wordings: &[(&str, &str)] = &[
        ("2024年工作总结", "summary 2024"),
        ("2024年工作情况", "summary 2024"),
        ("2024年主要工作", "summary 2024"),
        ("2024年工作回顾", "summary 2024"),
        ("2024年主要工作回顾", "summary 2024"),
        ("2024年工作亮点及成效", "summary 2024"),
        ("2024年计划执行情况", "summary 2024"),
        ("2024年重点任务落实情况", "summary 2024"),
        ("2024年上半年工作总结", "summary 2024 first"),
        ("2024年下半年工作总结", "summary 2024 second"),
        ("2024年工作總結(jié)", "summary 2024"),
        ("2025年工作计划", "plan 2025"),
        ("2025年工作思路", "plan 2025"),
        ("2025年工作安排", "plan 2025"),
        ("2025年工作打算", "plan 2025"),
        ("2025年工作要点", "plan 2025"),
        ("2025年重点工作", "plan 2025"),
        ("下一步工作计划", "plan -"),
        ("下一步工作安排", "plan -"),
        ("2025年工作計(jì)劃", "plan 2025"),
    ];
    for (heading, expected) in wordings {
        let page = format!(
            "当前位置：首页 > 政务公开 > 规划计划\n\n坪山区政务服务和数据管理局工作报告\n\n\
             发布时间：2025-01-20\n\n　　一、{heading}\n\n　　（一）政务服务提质增效。\
             一是深化“一网通办”改革，网上可办率达到99%。\n"
        );
        let report = import_text(&page).unwrap_or_else(|e| panic!("{heading}: {e}"));
        let part = &report.parts[0];
        let mut got = format!(
            "{} {}",
            part.kind.as_str(),
            part.year.map_or("-".to_string(), |y| y.to_string())
        );
        match part.half {
            Some(Half::First) => got.push_str(" first"),
            Some(Half::Second) => got.push_str(" second"),
            None => {}
        }
        assert_eq!(&got, expected, "{heading}");
        assert!(check_lossless(&page, &report).is_ok(), "{heading}");
    }
}

/// 龙华区卫生健康局 (a page of the labelled evaluation): under the report, 相关链接： lists the
/// titles of two other reports. They are links, dropped as such, not two more parts of this one.
#[test]
fn longhua_wjj_related_links_are_not_parts() {
    let r = import("eval/longhua-wjj-2023-2024.txt");
    let parts: Vec<&str> = r.parts.iter().map(|p| p.heading.as_str()).collect();
    assert_eq!(
        parts,
        ["第一部分 2023年工作总结", "第二部分 2024年工作计划"]
    );
    let links: Vec<&str> = r
        .dropped
        .iter()
        .zip(&r.dropped_info)
        .filter(|(_, info)| info.reason == planlens::model::DropReason::RelatedLinks)
        .map(|(text, _)| text.as_str())
        .collect();
    assert_eq!(
        links,
        [
            "龙华区卫生健康局2022年工作总结及2023年工作计划",
            "龙华区疾病预防控制中心2023年工作总结"
        ]
    );
}

/// The last item of a report, where whatever follows the report on the page would end up.
fn last_node(report: &Report) -> &Node {
    let last = report.nodes().last().map(|(_, n)| n);
    last.unwrap_or_else(|| panic!("no nodes:\n{}", skeleton(report)))
}

/// The dropped pieces with this reason, in source order.
fn dropped_as(report: &Report, reason: DropReason) -> Vec<&str> {
    report
        .dropped
        .iter()
        .zip(&report.dropped_info)
        .filter(|(_, info)| info.reason == reason)
        .map(|(text, _)| text.as_str())
        .collect()
}

/// 南山区人力资源局 on the 信息公开 platform: the metadata block pads its keys with full-width
/// spaces to align them (`标　　题：`, `索 引 号：`). They are metadata like `标题：`; the headline
/// under them is the title, the paragraph under it the report's opening, and the report has the
/// two parts its headings say (no part made of the headline).
#[test]
fn nanshan_rlj_padded_metadata_keys_are_not_the_headline() {
    let r = import("eval/nanshan-rlj-2024-2025.txt");
    let parts: Vec<(PartKind, Option<i32>, &str)> = r
        .parts
        .iter()
        .map(|p| (p.kind, p.year, p.heading.as_str()))
        .collect();
    assert_eq!(
        parts,
        [
            (PartKind::Summary, Some(2024), "2024年工作总结"),
            (PartKind::Plan, Some(2025), "2025年工作计划"),
        ]
    );
    assert!(
        r.preamble
            .starts_with("2024年，南山区人力资源局坚持以习近平新时代中国特色社会主义思想为指导"),
        "the opening paragraph is the report's opening: {}",
        r.preamble
    );
    assert!(
        r.preamble
            .ends_with("南山区零工市场建设经验在全省人社系统交流推广。")
    );
    assert!(
        r.parts[1]
            .text
            .starts_with("2025年是“十四五”规划收官之年。")
    );
    assert_node(&r, "p1.1", "一、", "聚焦“稳”字发力，就业大局保持稳定");
    assert_meta(
        &r,
        Meta {
            title: "深圳市南山区人力资源局2024年工作总结和2025年工作计划",
            city: Some("深圳市"),
            district: Some("南山区"),
            bureau: Some("人力资源局"),
            published: Some("2025-03-05"),
            script: S,
        },
    );
    assert_eq!(
        dropped_as(&r, DropReason::Metadata)[..4],
        [
            "标　　题：深圳市南山区人力资源局2024年工作总结和2025年工作计划",
            "索 引 号：11440305MB2C61827J/2025-00019　　信息分类：规划计划/年度计划",
            "发布机构：深圳市南山区人力资源局　　　　　　生成日期：2025-02-26",
            "发布日期：2025-03-05　　　　　　　　　　　　有效性：有效",
        ]
    );
}

/// 大鹏新区水务局 on the 信息公开 directory: the metadata table comes through as tab-separated
/// lines, each key alone in its cell (`名称\t大鹏新区水务局…`, `文号\t\t主题分类\t…`). They are
/// metadata like `名称：`; the headline under them is the title, and the district (大鹏新区, a
/// 新区) and bureau are read from it. The `附件：无` line of the footer is metadata too, not the
/// last item's text.
#[test]
fn dapeng_swj_metadata_table_pasted_with_tabs_is_not_the_headline() {
    let r = import("dapeng_swj_2024_2025_tab_metadata.txt");
    assert_tree(
        &r,
        &[
            "p1 summary 2024 | 一、2024年工作总结",
            "  p1.1 （一）",
            "    p1.1.1 一是",
            "    p1.1.2 二是",
            "  p1.2 （二）",
            "  p1.3 （三）",
            "p2 plan 2025 | 二、2025年工作计划",
            "  p2.1 1.",
            "  p2.2 2.",
            "  p2.3 3.",
        ],
    );
    assert!(
        r.preamble
            .starts_with("2024年，大鹏新区水务局在新区党工委、管委会的坚强领导下"),
        "the opening paragraph is the report's opening: {}",
        r.preamble
    );
    assert_meta(
        &r,
        Meta {
            title: "大鹏新区水务局2024年工作总结和2025年工作计划",
            // from the publisher, 深圳市大鹏新区水务局
            city: Some("深圳市"),
            district: Some("大鹏新区"),
            bureau: Some("水务局"),
            published: Some("2025-02-10"),
            script: S,
        },
    );
    assert_eq!(
        dropped_as(&r, DropReason::Metadata)[..5],
        [
            "索引号\t11440300MB2D0417XK/2025-00011\t分类\t计划总结",
            "发布机构\t深圳市大鹏新区水务局\t发布日期\t2025-02-10",
            "名称\t大鹏新区水务局2024年工作总结和2025年工作计划",
            "文号\t\t主题分类\t城乡建设、环境保护",
            "来源：大鹏新区水务局　　发布时间：2025-02-10 09:30　　【字体：大 中 小】",
        ]
    );
    assert_eq!(
        last_node(&r).text,
        "完成积水点整治6处，开展防汛演练不少于4次。"
    );
    assert!(dropped_as(&r, DropReason::Metadata).contains(&"附件：无"));
}

/// 蓬江区交通运输局: the text of the PDF attached to the portal page, copied under the portal's
/// headline and its attachment line. The PDF's headline wraps before its plan
/// (`…2025年工作总结` / `和2026年工作计划`): one title, repeated, not two parts. Its lines are
/// hard-wrapped at 36 characters: each paragraph reads as one, joined with nothing between its
/// lines, with figures whole (`26` / `条`), run-in items whose marker the wrap cut (`三` / `是…`)
/// and headings the wrap ended (`一是…项目融资渠道有` / `待进一步拓宽。`). Its page numbers
/// (`- 1 -`, inside `二是推` / `进绿色出行`) are set aside as page numbers.
#[test]
fn pengjiang_jtj_pdf_copied_as_text_reads_as_its_paragraphs() {
    let r = import("pengjiang_jtj_2025_2026_pdf_copy.txt");
    assert_tree(
        &r,
        &[
            "p1 summary 2025 | 一、2025年工作开展情况",
            "  p1.1 （一）",
            "  p1.2 （二）",
            "    p1.2.1 一是",
            "    p1.2.2 二是",
            "    p1.2.3 三是",
            "  p1.3 （三）",
            "p2 other - | 二、存在的问题",
            "  p2.1 一是",
            "  p2.2 二是",
            "  p2.3 三是",
            "p3 plan 2026 | 三、2026年工作计划",
            "  p3.1 （一）",
            "  p3.2 （二）",
            "  p3.3 （三）",
        ],
    );
    assert_meta(
        &r,
        Meta {
            title: "江门市蓬江区交通运输局2025年工作总结和2026年工作计划",
            city: Some("江门市"),
            district: Some("蓬江区"),
            bureau: Some("交通运输局"),
            published: Some("2026-01-21"),
            script: S,
        },
    );
    assert_eq!(
        r.preamble,
        "2025年，蓬江区交通运输局在区委、区政府的坚强领导下，坚持交通先行，全力推进综合交通体系建设，交通基础设施短板加快补齐，公共交通服务水平稳步提升，行业安全形势总体平稳，为全区经济社会高质量发展提供了有力的交通保障。现将有关情况报告如下："
    );
    assert_node(
        &r,
        "p1.2.1",
        "一是",
        "优化公交线网，全年调整优化公交线路26条，新增和优化公交站点148个，中心城区公交站点500米覆盖率达到100%。",
    );
    assert_node(
        &r,
        "p1.2.2",
        "二是",
        "推进绿色出行，新增和更新纯电动公交车120辆，全区公交车辆全部实现电动化。",
    );
    assert_node(
        &r,
        "p2.1",
        "一是",
        "交通基础设施建设资金需求大，区级财政压力持续加大，项目融资渠道有待进一步拓宽。",
    );
    assert_eq!(
        node(&r, "p1.1").text,
        "全年完成交通固定资产投资46.8亿元，同比增长7.2%。江门大道扩建工程主线贯通，滨江新城综合交通枢纽开工建设，新改建农村公路38.6公里，完成国省道路面大中修工程12.4公里，全区公路通车里程达到612公里。农村公路“路长制”实现全覆盖，建成“四好农村路”示范路段5条，创建市级美丽农村路42公里。"
    );
    assert!(
        r.nodes()
            .all(|(_, n)| !n.text.contains('\n') && n.flags.is_empty()),
        "every item is one paragraph, no marker damaged"
    );
    // a marker keeps the line it starts on: 三 of 三是 ends line 27
    assert_eq!(node(&r, "p1.2.3").line, 27);
    assert_eq!(
        dropped_as(&r, DropReason::PageNumber),
        ["- 1 -", "- 2 -", "- 3 -"]
    );
    assert_eq!(
        dropped_as(&r, DropReason::RepeatedTitle),
        ["江门市蓬江区交通运输局2025年工作总结", "和2026年工作计划"]
    );
    assert_eq!(
        dropped_as(&r, DropReason::Signature),
        ["江门市蓬江区交通运输局", "2026年1月15日"]
    );
    assert!(
        dropped_as(&r, DropReason::Metadata)
            .contains(&"附件：江门市蓬江区交通运输局2025年工作总结和2026年工作计划.pdf")
    );
}

/// 生态环境局龙岗管理局: the plan's headings stand alone on their lines, some with a comma
/// (一、聚焦“一微克”行动，推动空气质量持续改善). None is split as a heading glued to its body,
/// and none is cut inside the quoted name it holds (“三水统筹”).
#[test]
fn longgang_sthj_headings_alone_on_their_lines_are_whole() {
    let r = import("eval/longgang-sthj-2024-2025.txt");
    assert_node(&r, "p2.1", "一、", "聚焦“一微克”行动，推动空气质量持续改善");
    assert_node(&r, "p2.2", "二、", "坚持“三水统筹”，巩固提升水环境质量");
    let heading = node(&r, "p2.2");
    assert!(heading.text.is_empty() && heading.flags.is_empty());
}

/// 龍華區衛生健康局 (traditional script): the summary's results headings are appraisals, two
/// clauses to a sentence (（二）醫療服務能力穩步提升，高水平醫院建設提速。). The predicate that
/// closes the first clause (提升) belongs to the heading; it does not start a body glued to it.
#[test]
fn longhua_wjj_results_headings_keep_their_closing_predicate() {
    let r = import("eval/longhua-wjj-2024-2025.txt");
    assert_node(
        &r,
        "p1.2",
        "（二）",
        "醫療服務能力穩步提升，高水平醫院建設提速。",
    );
    let heading = node(&r, "p1.2");
    assert!(
        heading
            .text
            .starts_with("區人民醫院改擴建工程（二期）竣工投用")
    );
    assert!(heading.flags.is_empty());
}

/// Pages of the labelled evaluation end with the portal's footer: buttons (【我要纠错】【打印】
/// 【关闭】), a related-links heading with a colon (`相关链接：`, `相关文章：`, or the links on its
/// line), a site-map bar. None of it is the text of the report's last item; all of it is kept as
/// dropped furniture.
#[test]
fn page_footers_are_not_the_last_items_text() {
    let footer_words = ["相关链接", "相关文章", "纠错", "打印", "关闭", "隐私声明"];
    for (page, last_sentence, heading) in [
        (
            "longgang-swj-2024-2025.txt",
            "锻造忠诚干净担当的水务干部队伍。",
            "相关链接：",
        ),
        (
            "longhua-wjj-2023-2024.txt",
            "实现检验标本集中检测、结果全区互认。",
            "相关链接：",
        ),
        (
            "longhua-wjj-2024-2025.txt",
            "衛生健康事業發展規劃。",
            "相關鏈接：",
        ),
        (
            "luohu-wjj-2023-2024.txt",
            "营造风清气正的行业生态。",
            "相关文章：",
        ),
        (
            "nanshan-rlj-2023-2024.txt",
            "免申即享事项达到15项。",
            "相关链接：",
        ),
        (
            "nanshan-rlj-2024-2025.txt",
            "免申即享事项达到20项。",
            "相关文章：",
        ),
        (
            "baoan-fgj-2023-2024.txt",
            "实现重点经济指标数据自动汇聚、智能预警。",
            "网站地图 | 联系我们 | 使用帮助 | 隐私声明",
        ),
        (
            "yantian-zjj-2024-2025.txt",
            "接入区“一网统管”平台。",
            "相关链接：深圳市住房和建设局 | 广东省住房和城乡建设厅 | 中华人民共和国住房和城乡建设部",
        ),
    ] {
        let r = import(&format!("eval/{page}"));
        let last = last_node(&r);
        // what the reader pane shows of the item (the title, then the text), read in simplified
        let shown = format!("{}{}", last.title, last.text);
        let folded = to_simplified(&shown);
        for word in footer_words {
            assert!(
                !folded.contains(word),
                "{page}: {word} in {} {shown}",
                last.id
            );
        }
        assert!(shown.ends_with(last_sentence), "{page}: {shown}");
        assert!(
            r.dropped.iter().any(|d| d == heading),
            "{page}: {heading} is not dropped"
        );
    }
}

/// 黄埔区科技局: under the report the portal prints an empty 相关附件： (no file attached) above its
/// buttons. It is furniture, dropped like the buttons, not the end of the last item's text.
#[test]
fn huangpu_kjj_empty_attachments_heading_is_furniture() {
    let r = import("huangpu_kjj_2025_2026_circled.txt");
    let last = last_node(&r);
    assert!(
        last.text.ends_with("全年技术合同成交额达到300亿元。"),
        "{}",
        last.text
    );
    let navigation = dropped_as(&r, DropReason::Navigation);
    assert!(
        navigation.ends_with(&[
            "相关附件：",
            "打印本页　　关闭窗口",
            "分享到：微信　微博　QQ空间"
        ]),
        "{navigation:?}"
    );
}

/// 金湾区科技和工业信息化局: under the bare 2025年工作总结 heading the page captions its indicator
/// table 2025年主要经济指标完成情况, a line that names the same summary year. It is the caption,
/// text of the one 2025 summary part before its first section, not a second summary part.
#[test]
fn jinwan_kgxj_table_caption_is_text_of_the_summary_part() {
    let r = import("eval/jinwan-kgxj-2025-2026.txt");
    let parts: Vec<(&str, PartKind, Option<i32>)> = r
        .parts
        .iter()
        .map(|p| (p.heading.as_str(), p.kind, p.year))
        .collect();
    assert_eq!(
        parts,
        [
            ("2025年工作总结", PartKind::Summary, Some(2025)),
            ("2026年工作计划", PartKind::Plan, Some(2026)),
        ]
    );
    let summary = &r.parts[0];
    assert!(
        summary
            .text
            .starts_with("2025年主要经济指标完成情况\n指标名称\t单位\t目标\t完成\n"),
        "{}",
        summary.text
    );
    let first = &summary.nodes[0];
    assert_eq!(
        (first.marker.as_str(), first.title.as_str()),
        ("一、", "工业投资和项目建设提速增效")
    );
}

/// 从化区国资局 reports to the 区人大常委会 at its meeting: after the last plan item the speaker turns
/// to the meeting with the report's salutation (主任、各位副主任、各位委员，…) and closes with
/// 以上报告，请予审议。, signed by nobody (the 局长 is named under the title). Both close the
/// report, not the item: kept in `dropped` as the closing.
#[test]
fn conghua_gzj_address_and_closing_are_not_the_last_items_text() {
    for (page, item, last_sentence, year) in [
        (
            "conghua-gzj-2024-2025.txt",
            "打造“一企一品”党建品牌。",
            "推动党建工作与生产经营深度融合。",
            "2025年",
        ),
        (
            "conghua-gzj-2025-2026.txt",
            "加强党风廉政建设。",
            "巡察监督贯通协同机制。",
            "2026年",
        ),
    ] {
        let r = import(&format!("eval/{page}"));
        let last = last_node(&r);
        assert_eq!(last.title, item, "{page}");
        assert!(last.text.ends_with(last_sentence), "{page}: {}", last.text);
        for word in ["各位委员", "以上报告"] {
            assert!(!last.text.contains(word), "{page}: {word} in {}", last.text);
        }
        let closing = dropped_as(&r, DropReason::Closing);
        assert_eq!(closing.len(), 2, "{page}: {closing:?}");
        assert!(
            closing[0].starts_with(&format!("主任、各位副主任、各位委员，{year}区国资局将")),
            "{page}: {closing:?}"
        );
        assert_eq!(closing[1], "以上报告，请予审议。", "{page}");
        // the salutation the address repeats stays where the report opens
        assert!(
            r.preamble.contains("主任、各位副主任、各位委员："),
            "{page}"
        );
    }
}

/// 顺德区市场监督管理局 reports to the district government: after the last plan item come
/// 特此报告。, the bureau's name and the date. They close the report, not the item: kept in
/// `dropped` as the closing and the signature.
#[test]
fn shunde_scjgj_closing_and_signature_are_not_the_last_items_text() {
    for (page, item, last_sentence, signed) in [
        (
            "shunde-scjgj-2024-2025.txt",
            "提升消费维权效能。",
            "推动线下无理由退货承诺单位扩面。",
            "2025年1月24日",
        ),
        (
            "shunde-scjgj-2025-2026.txt",
            "加强民生领域价格监管。",
            "清理规范涉企违规收费。",
            "2026年1月22日",
        ),
    ] {
        let r = import(&format!("eval/{page}"));
        let last = last_node(&r);
        assert_eq!(last.title, item, "{page}");
        assert!(last.text.ends_with(last_sentence), "{page}: {}", last.text);
        for word in ["特此报告", "顺德区市场监督管理局", signed] {
            assert!(!last.text.contains(word), "{page}: {word} in {}", last.text);
        }
        assert_eq!(
            dropped_as(&r, DropReason::Closing),
            ["特此报告。"],
            "{page}"
        );
        assert_eq!(
            dropped_as(&r, DropReason::Signature),
            ["佛山市顺德区市场监督管理局", signed],
            "{page}"
        );
    }
}
