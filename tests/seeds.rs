//! The two bundled seed pages: their trees, losslessness, and the committed JSON beside them.

use std::path::Path;

use planlens::bundled::BUNDLED;
use planlens::import::{check_lossless, import_text};
use planlens::model::{Flag, PartKind, Report, Script};

const GUANGMING: &str = "guangming-zwsj-2024-2025";
const LONGGANG: &str = "longgang-zwsj-2023-2024";

fn raw(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("data/raw/{name}.txt"));
    std::fs::read_to_string(path).unwrap()
}

/// Whitespace runs (the pages use NBSP and double spaces) as one ASCII space.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn import(name: &str) -> Report {
    import_text(&raw(name)).unwrap()
}

/// (kind, year, children per section) of each part.
fn shape(report: &Report) -> Vec<(PartKind, Option<i32>, Vec<usize>)> {
    report
        .parts
        .iter()
        .map(|p| {
            (
                p.kind,
                p.year,
                p.nodes.iter().map(|n| n.children.len()).collect(),
            )
        })
        .collect()
}

#[test]
fn guangming_tree_is_the_one_a_reader_sees() {
    let report = import(GUANGMING);
    assert_eq!(
        shape(&report),
        vec![
            (PartKind::Summary, Some(2024), vec![4, 3, 2, 2, 3]),
            (PartKind::Plan, Some(2025), vec![2, 3, 2, 4, 2]),
        ]
    );
    let fifth: Vec<_> = report.parts[0].nodes[4]
        .children
        .iter()
        .map(|n| (n.marker.as_str(), n.title.as_str(), n.flags.clone()))
        .collect();
    assert_eq!(
        fifth,
        vec![
            ("一是", "“一盘棋”统筹推进数字光明建设。", vec![]),
            ("是", "筑牢网络信息安全屏障。", vec![Flag::MarkerBroken]),
            ("四是", "打造政务领域5G应用示范。", vec![Flag::NumberingGap]),
        ]
    );
    let glued = report.node("p2.2.1").unwrap();
    assert_eq!(
        (glued.marker.as_str(), glued.title.as_str()),
        ("1.", "强化智能算力资源供给")
    );
    assert!(glued.text.starts_with("充分发挥超算智算集聚的区位优势"));
    assert_eq!(glued.flags, vec![Flag::HeadingGlued]);
    let plan_section = report.node("p2.1").unwrap();
    assert_eq!(
        (plan_section.marker.as_str(), plan_section.title.as_str()),
        ("(一)", "实施数字规则引领工程")
    );
    assert_eq!(report.parts[1].heading, "二、2025年工作计划");
    assert!(report.parts[1].text.starts_with("围绕建设世界一流科学城"));
}

#[test]
fn guangming_metadata_and_furniture() {
    let report = import(GUANGMING);
    assert_eq!(
        report.title,
        "光明区政务服务和数据管理局2024年工作总结和2025年工作计划"
    );
    assert_eq!(report.city.as_deref(), Some("深圳市"));
    assert_eq!(report.district.as_deref(), Some("光明区"));
    assert_eq!(report.bureau.as_deref(), Some("政务服务和数据管理局"));
    assert_eq!(report.published.as_deref(), Some("2025-09-18"));
    assert_eq!(report.script, Script::Simplified);
    assert!(
        report
            .preamble
            .starts_with("2024年,区政务服务和数据管理局认真落实")
    );
    for furniture in [
        "政府信息公开 规章库",
        "主题词:",
        "【打印】 【字体:",
        "发布日期:2025-09-18 浏览次数:-",
    ] {
        assert!(
            report.dropped.iter().any(|d| squash(d) == furniture),
            "{furniture} not dropped"
        );
    }
    assert_eq!(report.dropped.len(), report.dropped_info.len());
}

#[test]
fn longgang_tree_is_the_one_a_reader_sees() {
    let report = import(LONGGANG);
    assert_eq!(
        shape(&report),
        vec![
            (PartKind::Summary, Some(2023), vec![0; 6]),
            (PartKind::Plan, Some(2024), vec![2, 3, 4, 5, 3, 4]),
        ]
    );
    assert!(
        report.nodes().all(|(_, n)| n.flags.is_empty()),
        "nothing in 龙岗 is damaged"
    );
    assert_eq!(report.city.as_deref(), Some("深圳市"));
    assert_eq!(report.district.as_deref(), Some("龙岗区"));
    assert_eq!(report.published, None, "the page shows no date");
    assert_eq!(
        report.dropped.iter().map(|d| squash(d)).collect::<Vec<_>>(),
        vec![
            "当前位置: 首页 > 信息公开 > 规划计划 > 年度工作计划及总结 > 区政府工作部门",
            "深圳市龙岗区政务服务和数据管理局2023年工作总结及2024年工作计划",
            "×",
        ]
    );
    let item = report.node("p2.3.1").unwrap();
    assert_eq!(
        (item.marker.as_str(), item.title.as_str()),
        ("一是", "完善事件分拨处置机制。")
    );
    assert_eq!(
        item.text,
        "完善权责清单,探索AI+分拨,减少事件流转层级,提高事件运转效能。"
    );
}

#[test]
fn seeds_are_lossless() {
    for name in [GUANGMING, LONGGANG] {
        let text = raw(name);
        check_lossless(&text, &import_text(&text).unwrap()).unwrap();
    }
}

/// The committed JSON is exactly what importing the raw page gives today.
/// `UPDATE_DATA=1 cargo test --test seeds` rewrites it after a deliberate importer change.
#[test]
fn committed_json_matches_a_fresh_import() {
    for name in [GUANGMING, LONGGANG] {
        let fresh = serde_json::to_string_pretty(&import(name)).unwrap();
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("data/{name}.json"));
        if std::env::var_os("UPDATE_DATA").is_some() {
            std::fs::write(&path, format!("{fresh}\n")).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap();
        assert!(
            committed.trim_end() == fresh,
            "{} differs from a fresh import of data/raw/{name}.txt; if the change is intended, run UPDATE_DATA=1 cargo test --test seeds",
            path.display()
        );
    }
}

#[test]
fn bundled_reports_load_from_the_binary() {
    assert_eq!(BUNDLED.len(), 2);
    for bundled in BUNDLED {
        let report = bundled.report().unwrap();
        assert_eq!(report.parts.len(), 2, "{}", bundled.name);
    }
}
