//! The audit of a plan against the next year's summary, on fixture pages written for it
//! (`tests/fixtures/audit/`: 明湖区 is fictional): each item's status, evidence, targets and
//! commitment notes as a careful auditor reads them, also against a traditional-script mirror
//! with pinyin glosses; verdict sidecars (round trip, stale, corrupt, crashes during saves); and
//! `planlens audit` in its four formats.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use planlens::compare::audit::{Audit, AuditError, Field, ItemAudit, Status, audit, phrase_ranges};
use planlens::compare::targets::TargetCheck;
use planlens::compare::warnings::pair_warnings;
use planlens::import::import_text;
use planlens::load::load_report;
use planlens::model::Report;
use planlens::present::labels::pair_warning;
use planlens::store::sidecar::sidecar_path;
use planlens::store::verdicts::{
    Lookup, SummaryRef, Verdict, VerdictChange, VerdictFile, item_hash,
};
use planlens::text::wrap::str_width;
use tempfile::TempDir;

const PLAN: &str = "minghu-zwsj-2024-2025.txt";
const SUMMARY: &str = "minghu-zwsj-2025-2026.txt";
const MIRROR: &str = "minghu-zwsj-2025-2026-mirror.txt";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/audit")
        .join(name)
}

fn report(name: &str) -> Report {
    load_report(&fixture(name)).unwrap()
}

fn fixture_audit(summary: &str) -> Audit {
    audit(&report(PLAN), &report(summary)).unwrap()
}

/// What a careful auditor finds for one plan item.
struct Expected {
    id: &'static str,
    status: Status,
    /// The summary nodes of the evidence (the first is the best).
    evidence: &'static [&'static str],
    /// (plan target, reported figure, met)
    targets: &'static [(&'static str, Option<&'static str>, Option<bool>)],
    commitment: &'static [&'static str],
}

const fn item(
    id: &'static str,
    status: Status,
    evidence: &'static [&'static str],
    targets: &'static [(&'static str, Option<&'static str>, Option<bool>)],
    commitment: &'static [&'static str],
) -> Expected {
    Expected {
        id,
        status,
        evidence,
        targets,
        commitment,
    }
}

use Status::{NotMentioned, Partial, Reported};

/// The fixture plan's items, in order. Why each status:
/// - p2.1.1 reported nearly verbatim.
/// - p2.1.2 reworded (数字孪生底板实现全区120平方公里全覆盖), both targets met.
/// - p2.1.3 drills reported (3 of at least 4), 等级保护测评 and the 监测预警平台 not: partial.
/// - p2.2.1 reported, but the regulation 确保年内出台 is only 力争 next year; 18 of 30 products.
/// - p2.2.2 promised 完成, reported 启动 (and 全面 → 逐步): partial however well it matches.
/// - p2.3.1 reworded, 99.2% against 98%以上, 93.5% against 95%.
/// - p2.3.2 Chinese numerals on both sides: 三个 of 五个.
/// - p2.3.3 appears only in the summary report's next-year plan: not mentioned.
/// - p2.3.4 专窗 reported, the 港澳 跨境通办 (the heavier clause) not: partial; 6个/12个 are
///   not 项, so the 30项 target has no reported figure.
/// - p2.3.5 reported, 22项 against 20项, 98.5% against 99%以上.
/// - p2.4.1 the title's 软件和信息技术服务业 is written 软信 in the summary; both targets met,
///   两位数以上 against 12.6%.
/// - p2.5.1 shares only 持续深化, 全面加强, 推进, 建设 with the summary: not mentioned.
const EXPECTED: &[Expected] = &[
    item("p2.1.1", Reported, &["p1.1.1"], &[], &[]),
    item(
        "p2.1.2",
        Reported,
        &["p1.1.2", "p1.1.2"],
        &[
            ("120平方公里", Some("120平方公里"), Some(true)),
            ("不少于20个", Some("26个"), Some(true)),
        ],
        &[],
    ),
    item(
        "p2.1.3",
        Partial,
        &["p1.1.3", "p1.1.3"],
        &[("不少于4次", Some("3次"), Some(false))],
        &[],
    ),
    item(
        "p2.2.1",
        Reported,
        &["p1.2.1", "p1.2.1", "p1.2.1"],
        &[
            ("不少于30个", Some("18个"), Some(false)),
            ("突破1亿元", Some("达1.2亿元"), Some(true)),
        ],
        &["确保→力争"],
    ),
    item(
        "p2.2.2",
        Partial,
        // 政务数据资源目录编制工作启动 reports the heading only begun, and the 2026 plan promises
        // 全面完成政务数据资源目录编制 again: the body's clause carries the begun report
        &["p1.2.2"],
        &[("超30亿条", Some("28亿条"), Some(false))],
        &["完成→启动", "全面→逐步"],
    ),
    item(
        "p2.3.1",
        Reported,
        &["p1.3", "p1.3.1", "p1.3.2"],
        &[
            ("达到98%以上", Some("达99.2%"), Some(true)),
            ("提升至95%", Some("93.5%"), Some(false)),
        ],
        &[],
    ),
    item(
        "p2.3.2",
        Reported,
        // its heading's twin (基层治理数字化水平稳步提升。) only appraises: context, not evidence
        &["p1.3.3"],
        &[("五个", Some("三个"), Some(false))],
        &[],
    ),
    item(
        "p2.3.3",
        NotMentioned,
        &[],
        &[("不少于5万个", None, None)],
        &[],
    ),
    item(
        "p2.3.4",
        Partial,
        &["p1.4.2"],
        &[("不少于30项", None, None)],
        &[],
    ),
    item(
        "p2.3.5",
        Reported,
        // the section heading 政务服务效能持续提升。 only appraises
        &["p1.4.1", "p1.4.1"],
        &[
            ("不少于20项", Some("22项"), Some(true)),
            ("达到99%以上", Some("达98.5%"), Some(false)),
        ],
        &[],
    ),
    item(
        "p2.4.1",
        Reported,
        &["p1.5"],
        &[
            ("不少于50家", Some("62家"), Some(true)),
            ("增长两位数以上", Some("增长12.6%"), Some(true)),
        ],
        &[],
    ),
    item("p2.5.1", NotMentioned, &[], &[], &[]),
];

/// Each target as shown: the plan's figure, the reported one, whether it is met.
fn shown_targets(targets: &[TargetCheck]) -> Vec<(&str, Option<&str>, Option<bool>)> {
    targets
        .iter()
        .map(|t| (t.plan.as_str(), t.reported.as_deref(), t.met))
        .collect()
}

#[test]
fn every_item_of_the_fixture_plan_as_an_auditor_reads_it() {
    let audit = fixture_audit(SUMMARY);
    assert_eq!(
        (audit.plan_year, audit.summary_year),
        (Some(2025), Some(2025))
    );
    let warnings = pair_warnings(&report(PLAN), &report(SUMMARY));
    assert!(warnings.is_empty(), "{warnings:?}");
    let ids: Vec<&str> = audit.items.iter().map(|i| i.id.as_str()).collect();
    let expected_ids: Vec<&str> = EXPECTED.iter().map(|e| e.id).collect();
    assert_eq!(ids, expected_ids);
    for (item, expected) in audit.items.iter().zip(EXPECTED) {
        let id = &item.id;
        assert_eq!(
            item.status, expected.status,
            "{id} status (score {})",
            item.score
        );
        let evidence: Vec<&str> = item.evidence.iter().map(|e| e.id.as_str()).collect();
        // one sentence per reported commitment, in the item's order
        assert_eq!(evidence, expected.evidence, "{id} evidence");
        assert_eq!(
            shown_targets(&item.targets),
            expected.targets,
            "{id} targets"
        );
        assert_eq!(item.commitment, expected.commitment, "{id} commitment");
        let (reported, of) = item.reported_count();
        match item.status {
            NotMentioned => assert!(item.evidence.is_empty() && reported == 0, "{id}"),
            Reported | Partial => assert!(reported > 0 && reported <= of, "{id}"),
        }
        // every reported commitment points at a shown sentence
        for c in &item.commitments {
            assert!(c.evidence.is_none_or(|e| e < item.evidence.len()), "{id}");
        }
    }
}

#[test]
fn items_keep_their_section_and_full_text() {
    let audit = fixture_audit(SUMMARY);
    let first = &audit.items[0];
    assert_eq!(first.marker, "1.");
    assert_eq!(first.title, "建成区级政务智算中心。");
    assert_eq!(first.section, "(一)实施数字底座强基工程");
    assert!(first.text.starts_with("建成区级政务智算中心。确保6月底前"));
    assert!(first.shared.contains(&"建成区级政务智算中心".to_string()));
}

#[test]
fn evidence_ranges_point_into_the_summary_nodes() {
    let summary = report(MIRROR);
    let audit = audit(&report(PLAN), &summary).unwrap();
    for evidence in audit.items.iter().flat_map(|i| &i.evidence) {
        let text = match (summary.node(&evidence.id), evidence.field) {
            (Some(node), Field::Title) => &node.title,
            (Some(node), Field::Text) => &node.text,
            (None, _) => {
                &summary
                    .parts
                    .iter()
                    .find(|p| p.id == evidence.id)
                    .unwrap()
                    .text
            }
        };
        assert_eq!(&text[evidence.range.clone()], evidence.sentence);
    }
}

#[test]
fn a_traditional_script_mirror_with_pinyin_glosses_gives_the_same_audit() {
    let simplified = fixture_audit(SUMMARY);
    let mirror = fixture_audit(MIRROR);
    let warnings = pair_warnings(&report(PLAN), &report(MIRROR));
    assert!(warnings.is_empty(), "{warnings:?}");
    for (a, b) in simplified.items.iter().zip(&mirror.items) {
        assert_eq!(a.status, b.status, "{}", a.id);
        assert_eq!(a.commitment, b.commitment, "{}", a.id);
        let reported = |i: &ItemAudit| {
            i.commitments
                .iter()
                .map(|c| c.evidence.is_some())
                .collect::<Vec<_>>()
        };
        assert_eq!(reported(a), reported(b), "{} commitments", a.id);
        let ids = |i: &ItemAudit| i.evidence.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(a), ids(b), "{}", a.id);
        let met = |i: &ItemAudit| i.targets.iter().map(|t| t.met).collect::<Vec<_>>();
        assert_eq!(met(a), met(b), "{}", a.id);
        // 羣 (a variant of 群) is not folded, everything else is
        assert!((a.score - b.score).abs() < 0.05, "{}", a.id);
    }
    // the evidence is shown as the mirror writes it, and the shared phrases are found in it
    let twin = &mirror.items[1];
    let sentence = &twin.evidence[1].sentence;
    assert_eq!(
        sentence,
        "數字孿(luán)生底板實現全區120平方公里全覆蓋，上線「孿生+防汛」「孿生+工地」等應用場景26個。"
    );
    assert_eq!(twin.targets[1].reported.as_deref(), Some("26個"));
    let found: Vec<&str> = phrase_ranges(sentence, &twin.shared)
        .into_iter()
        .map(|r| &sentence[r])
        .collect();
    assert!(found.contains(&"數字孿(luán)生底板"), "{found:?}");
}

/// A one-section page with these items under its heading.
fn page(title: &str, heading: &str, items: &[&str]) -> Report {
    let mut text = format!("{title}\n\n{heading}\n\n(一)重点工作\n\n");
    for (n, item) in items.iter().enumerate() {
        text.push_str(&format!("{}.{item}\n\n", n + 1));
    }
    import_text(&text).unwrap()
}

#[test]
fn an_item_sharing_only_generic_words_is_not_mentioned() {
    let plan = page(
        "明湖区政务服务和数据管理局2024年工作总结和2025年工作计划",
        "二、2025年工作计划",
        &[
            "全面加强机关党的建设。持续深化模范机关创建,推进党建和业务深度融合,建设学习型机关。",
            "建成区级政务智算中心。为全区各部门提供统一的智能算力服务。",
        ],
    );
    let generic = [
        "持续深化数字政府建设,全面加强数据要素赋能,推进各项工作取得新成效。",
        "扎实推进各项工作,全面加强统筹,持续深化改革,不断提升工作成效。",
        "建成区级政务智算中心,为全区各部门提供统一的智能算力服务。",
    ];
    let summary = page(
        "明湖区政务服务和数据管理局2025年工作总结和2026年工作计划",
        "一、2025年工作总结",
        &generic,
    );
    let audit = audit(&plan, &summary).unwrap();
    assert_eq!(audit.items[0].status, NotMentioned, "{:?}", audit.items[0]);
    assert!(audit.items[0].evidence.is_empty());
    assert_eq!(audit.items[1].status, Reported);
    // the same summary with one sentence on the item's substance
    let mut with_substance = generic.to_vec();
    with_substance.push("开展模范机关创建,建设学习型机关,推进党建和业务深度融合。");
    let summary = page(
        "明湖区政务服务和数据管理局2025年工作总结和2026年工作计划",
        "一、2025年工作总结",
        &with_substance,
    );
    let audit = planlens::compare::audit::audit(&plan, &summary).unwrap();
    assert_eq!(audit.items[0].status, Reported, "{:?}", audit.items[0]);
}

#[test]
fn a_thing_to_build_that_the_summary_does_not_report_leaves_the_item_partial() {
    let plan = page(
        "明湖区卫生健康局2024年工作总结和2025年工作计划",
        "二、2025年工作计划",
        &[
            "发展普惠托育服务。新增普惠托位800个,每千人口托位数达到4.5个,开展托育机构质量评估,建成区托育综合服务中心。",
        ],
    );
    let summary = |sentences: &[&str]| {
        page(
            "明湖区卫生健康局2025年工作总结和2026年工作计划",
            "一、2025年工作总结",
            sentences,
        )
    };
    let without_centre = [
        "全年新增普惠托位1020个,每千人口拥有3岁以下婴幼儿托位数达4.6个。",
        "开展托育机构质量评估,覆盖全区托育机构。",
    ];
    let first = audit(&plan, &summary(&without_centre)).unwrap();
    let item = &first.items[0];
    assert_eq!(item.status, Partial, "{item:?}");
    let built = item
        .commitments
        .iter()
        .find(|c| c.text.contains("建成"))
        .unwrap();
    assert_eq!(built.evidence, None);
    let mut with_centre = without_centre.to_vec();
    with_centre.push("区托育综合服务中心建成并投入使用。");
    let second = audit(&plan, &summary(&with_centre)).unwrap();
    assert_eq!(second.items[0].status, Reported, "{:?}", second.items[0]);
}

#[test]
fn a_commitment_the_next_plan_promises_again_leaves_the_item_partial() {
    let plan = page(
        "明湖区工业和信息化局2024年工作总结和2025年工作计划",
        "二、2025年工作计划",
        &[
            "提升惠企政策兑现效能。全年兑现产业扶持资金不低于15亿元，推行惠企政策“免申即享”，修订《明湖区关于促进制造业高质量发展的若干措施》。",
        ],
    );
    let summary_part = "一、2025年工作总结\n\n(一)重点工作\n\n1.全年兑现产业扶持资金15.8亿元，惠企政策“免申即享”事项达到38项。\n\n";
    let summary = |next_plan_item: &str| {
        import_text(&format!(
            "明湖区工业和信息化局2025年工作总结和2026年工作计划\n\n{summary_part}二、2026年工作计划\n\n(一)重点工作\n\n1.{next_plan_item}\n\n"
        ))
        .unwrap()
    };
    // the next plan turns to other work: the summary reports the item's results
    let other_work = audit(
        &plan,
        &summary("建设明湖区中小企业数字化转型公共服务平台。"),
    )
    .unwrap();
    assert_eq!(
        other_work.items[0].status, Reported,
        "{:?}",
        other_work.items[0]
    );
    // the next plan promises the unreported revision again: it was not delivered
    let again = audit(
        &plan,
        &summary("修订《明湖区关于促进制造业高质量发展的若干措施》，优化兑现流程。"),
    )
    .unwrap();
    let item = &again.items[0];
    assert_eq!(item.status, Partial, "{item:?}");
    let revision = item
        .commitments
        .iter()
        .find(|c| c.text.contains("修订"))
        .unwrap();
    assert!(revision.evidence.is_none() && revision.promised_again);
    assert!(item.commitments.iter().filter(|c| c.promised_again).count() == 1);
}

#[test]
fn a_commitment_whose_target_the_evidence_reports_is_reported() {
    let plan = page(
        "明湖区商务局2024年工作总结和2025年工作计划",
        "二、2025年工作计划",
        &[
            "举办“2025明湖消费季”系列活动。联动重点商圈和商贸企业，全年在各街道、各社区策划组织节庆主题促消费活动不少于60场，带动参与企业销售额15亿元以上。",
        ],
    );
    let summary = import_text(
        "明湖区商务局2025年工作总结和2026年工作计划\n\n一、2025年工作总结\n\n(一)消费\n\n1.举办“2025明湖消费季”系列活动78场，联动重点商圈310余家商户，带动参与企业销售额16.2亿元。\n\n2.举办招商推介活动12场，开展外贸政策宣讲活动8场。\n\n3.举办老字号嘉年华，开展农贸市场安全检查活动。\n\n二、2026年工作计划\n\n(一)消费\n\n1.全年在各街道、各社区策划组织节庆主题促消费活动不少于60场。\n\n",
    )
    .unwrap();
    let audit = audit(&plan, &summary).unwrap();
    let item = &audit.items[0];
    // 78场 reports the 60场 the clause set: the clause is reported, though by few of its words,
    // and the next plan's promise of as many is the next year's
    let activities = item
        .commitments
        .iter()
        .find(|c| c.text.contains("60场"))
        .unwrap();
    assert_eq!(activities.evidence, Some(0), "{item:?}");
    assert!(!activities.promised_again);
    assert_eq!(item.status, Reported, "{item:?}");
    assert_eq!(
        shown_targets(&item.targets)[0],
        ("不少于60场", Some("78场"), Some(true))
    );
}

#[test]
fn other_bureau_and_other_year_are_warned_about() {
    let guangming = planlens::bundled::find("guangming-zwsj-2024-2025")
        .unwrap()
        .report()
        .unwrap();
    let warnings: Vec<String> = pair_warnings(&report(PLAN), &guangming)
        .iter()
        .map(pair_warning)
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("明湖区") && warnings[0].contains("光明区"));
    assert!(warnings[1].contains("2025") && warnings[1].contains("2024"));
}

#[test]
fn missing_parts_are_errors() {
    let summary_only = page(
        "明湖区某局2025年工作总结",
        "一、2025年工作总结",
        &["建成平台。"],
    );
    assert_eq!(
        audit(&summary_only, &report(SUMMARY)),
        Err(AuditError::NoPlan)
    );
    let plan_only = page(
        "明湖区某局2026年工作计划",
        "一、2026年工作计划",
        &["建成平台。"],
    );
    assert_eq!(audit(&report(PLAN), &plan_only), Err(AuditError::NoSummary));
}

const ITEM: &str = "建成区级政务智算中心。确保6月底前建成。";

/// The fixture summary, as a verdict names it.
fn fixture_summary() -> SummaryRef {
    SummaryRef::new(SUMMARY, &report(SUMMARY).title, Some(2025))
}

/// A verdict on the item `id` with `text`, made against the fixture summary.
fn change(id: &str, text: &str, verdict: Option<Verdict>, note: &str) -> VerdictChange {
    VerdictChange {
        id: id.to_string(),
        item_text: text.to_string(),
        summary: fixture_summary(),
        verdict,
        note: note.to_string(),
    }
}

#[test]
fn verdicts_round_trip_and_go_stale_when_the_item_changes() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("sub/plan.verdicts.json");
    let (mut file, message) = VerdictFile::load(&path);
    assert_eq!(message, None);
    assert_eq!(file.get("p2.1.1", ITEM, &fixture_summary()), Lookup::None);
    file.set(&change(
        "p2.1.1",
        ITEM,
        Some(Verdict::Done),
        " 见区政府公告 ",
    ))
    .unwrap();
    file.set(&change("p2.1.2", "另一项", Some(Verdict::Unverified), ""))
        .unwrap();
    let (loaded, message) = VerdictFile::load(&path);
    assert_eq!(message, None);
    assert_eq!(loaded, file);
    let Lookup::Current(entry) = loaded.get("p2.1.1", ITEM, &fixture_summary()) else {
        panic!("{:?}", loaded.get("p2.1.1", ITEM, &fixture_summary()));
    };
    assert_eq!(
        (entry.verdict, entry.note.as_str(), entry.hash.clone()),
        (Some(Verdict::Done), "见区政府公告", item_hash(ITEM))
    );
    // re-wrapped text keeps the verdict; changed words make it stale
    assert!(matches!(
        loaded.get(
            "p2.1.1",
            "建成区级政务智算中心。\n确保6月底前建成。",
            &fixture_summary()
        ),
        Lookup::Current(_)
    ));
    assert!(matches!(
        loaded.get(
            "p2.1.1",
            "建成区级政务智算中心。确保9月底前建成。",
            &fixture_summary()
        ),
        Lookup::Stale(_)
    ));
    // clearing removes the entry
    file.set(&change("p2.1.2", "另一项", None, "")).unwrap();
    assert_eq!(VerdictFile::load(&path).0.entries().len(), 1);
    let json = std::fs::read_to_string(&path).unwrap();
    assert!(
        json.contains("\"schema\": \"planlens.verdicts/2\""),
        "{json}"
    );
    assert!(json.contains("\"verdict\": \"done\""), "{json}");
}

#[test]
fn a_corrupt_sidecar_is_reported_with_its_place_and_kept_aside() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("plan.verdicts.json");
    std::fs::write(
        &path,
        "{\"schema\": \"planlens.verdicts/1\",\n \"verdicts\": [\n",
    )
    .unwrap();
    let (mut file, message) = VerdictFile::load(&path);
    let message = message.unwrap();
    assert!(!message.contains('\n'), "{message}");
    assert!(
        message.starts_with(&format!("{}:3:", path.display())),
        "{message}"
    );
    assert!(file.entries().is_empty());
    assert!(!path.exists(), "moved aside, so no save can overwrite it");
    let aside: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(aside.len(), 1);
    assert!(
        message.contains(&aside[0].display().to_string()),
        "{message}"
    );
    assert!(
        std::fs::read_to_string(&aside[0])
            .unwrap()
            .contains("\"verdicts\": [")
    );
    // a new verdict starts a new file beside the kept copy
    file.set(&change("p2.1.1", ITEM, Some(Verdict::Partial), ""))
        .unwrap();
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn a_sidecar_of_another_schema_is_left_alone_and_never_overwritten() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("plan.verdicts.json");
    let future = "{\"schema\": \"planlens.verdicts/9\", \"verdicts\": []}";
    std::fs::write(&path, future).unwrap();
    let (mut file, message) = VerdictFile::load(&path);
    assert!(message.unwrap().contains("planlens.verdicts/9"));
    assert!(
        file.set(&change("p2.1.1", ITEM, Some(Verdict::Done), ""))
            .is_err()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), future);
}

#[test]
fn a_crash_mid_save_loses_nothing_saved_before() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("plan.verdicts.json");
    let (mut file, _) = VerdictFile::load(&path);
    file.set(&change("p2.1.1", ITEM, Some(Verdict::Done), "第一次"))
        .unwrap();
    let saved = std::fs::read(&path).unwrap();
    // a save killed before its rename leaves a half-written temporary file behind
    let temp = dir.path().join(".plan.verdicts.json.99999.tmp");
    std::fs::write(&temp, &saved[..saved.len() / 2]).unwrap();
    let (loaded, message) = VerdictFile::load(&path);
    assert_eq!((loaded.entries(), message), (file.entries(), None));
    // a save that fails (here: the temporary file cannot be created) changes nothing
    let blocker = dir
        .path()
        .join(format!(".plan.verdicts.json.{}.tmp", std::process::id()));
    std::fs::create_dir(&blocker).unwrap();
    assert!(
        file.set(&change("p2.1.1", ITEM, Some(Verdict::NotDone), "第二次"))
            .is_err()
    );
    assert_eq!(std::fs::read(&path).unwrap(), saved);
    assert!(
        matches!(file.get("p2.1.1", ITEM, &fixture_summary()), Lookup::Current(e) if e.note == "第一次")
    );
    std::fs::remove_dir(&blocker).unwrap();
    file.set(&change("p2.1.1", ITEM, Some(Verdict::NotDone), "第二次"))
        .unwrap();
    assert!(
        matches!(VerdictFile::load(&path).0.get("p2.1.1", ITEM, &fixture_summary()), Lookup::Current(e) if e.note == "第二次")
    );
}

/// Set by [`killed_during_saves_the_sidecar_is_always_old_or_new`] for its child process.
const SAVER_ENV: &str = "PLANLENS_TEST_VERDICT_SAVER";

/// The child of the kill test: saves verdicts in a loop until killed. Does nothing in a normal
/// test run.
#[test]
#[ignore = "run by killed_during_saves_the_sidecar_is_always_old_or_new"]
fn verdict_saver_child() {
    let Some(path) = std::env::var_os(SAVER_ENV) else {
        return;
    };
    let (mut file, message) = VerdictFile::load(Path::new(&path));
    assert_eq!(message, None);
    for n in saves(&file) + 1.. {
        let verdict = Verdict::ALL[n % Verdict::ALL.len()];
        let note = format!("第{n}次保存");
        file.set(&change(
            &format!("p2.{}.1", n % 5),
            ITEM,
            Some(verdict),
            &note,
        ))
        .unwrap();
    }
}

/// The number of the last save the saver child made (its notes say 第N次保存).
fn saves(file: &VerdictFile) -> usize {
    file.entries()
        .iter()
        .filter_map(|e| {
            e.note
                .strip_prefix('第')?
                .strip_suffix("次保存")?
                .parse()
                .ok()
        })
        .max()
        .unwrap_or(0)
}

#[test]
fn killed_during_saves_the_sidecar_is_always_old_or_new() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("plan.verdicts.json");
    let mut last = 0usize;
    for round in 0..12u64 {
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["verdict_saver_child", "--exact", "--ignored", "--quiet"])
            .env(SAVER_ENV, &path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while !path.exists() && start.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_millis(3 + round * 7 % 23));
        child.kill().unwrap();
        child.wait().unwrap();
        let (file, message) = VerdictFile::load(&path);
        assert_eq!(message, None, "round {round}: the sidecar must always load");
        // a kill mid-save leaves `.plan.verdicts.json.PID.tmp`; the load removed it
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| n != "plan.verdicts.json")
            .collect();
        assert!(left.is_empty(), "round {round}: left behind: {left:?}");
        assert!(!file.entries().is_empty(), "round {round}: nothing lost");
        // each child goes on from what the last one saved: the count never goes back
        let saves = saves(&file);
        assert!(saves >= last, "round {round}: {saves} after {last}");
        last = saves;
    }
    assert!(last > 0);
}

// ---- the command line ----

fn planlens() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_planlens"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn run_ok(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "stderr: {stderr}");
    assert_eq!(stderr, "");
    stdout(&output)
}

/// `planlens audit` on the fixture pair, with the verdicts in `dir`.
fn audit_cmd(dir: &TempDir, format: &str) -> Command {
    let mut cmd = planlens();
    cmd.arg("audit")
        .arg(fixture(PLAN))
        .arg(fixture(SUMMARY))
        .args(["--format", format, "--verdicts"])
        .arg(dir.path().join("v.json"));
    cmd
}

#[test]
fn json_has_exactly_the_documented_keys() {
    let dir = TempDir::new().unwrap();
    let out = run_ok(&mut audit_cmd(&dir, "json"));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&json), ["items", "plan", "summary", "warnings"]);
    assert_eq!(keys(&json["plan"]), ["file", "title", "year"]);
    assert_eq!(keys(&json["summary"]), ["file", "title", "year"]);
    assert_eq!(json["plan"]["year"], 2025);
    assert_eq!(json["summary"]["year"], 2025);
    assert!(json["plan"]["file"].as_str().unwrap().ends_with(PLAN));
    assert_eq!(json["warnings"], serde_json::json!([]));
    let items = json["items"].as_array().unwrap();
    assert_eq!(items.len(), EXPECTED.len());
    for (item, expected) in items.iter().zip(EXPECTED) {
        assert_eq!(
            keys(item),
            [
                "commitments",
                "evidence",
                "id",
                "marker",
                "note",
                "other_verdicts",
                "score",
                "section",
                "status",
                "targets",
                "text",
                "title",
                "verdict",
                "weakened"
            ]
        );
        // every commitment cites a shown sentence, or none
        let shown = item["evidence"].as_array().unwrap().len();
        for c in item["commitments"].as_array().unwrap() {
            assert_eq!(keys(c), ["evidence", "main", "promised_again", "text"]);
            assert!(c["evidence"].is_null() || c["evidence"].as_u64().unwrap() < shown as u64);
        }
        assert_eq!(item["id"], expected.id);
        let status = serde_json::to_value(expected.status).unwrap();
        assert_eq!(item["status"], status);
        for e in item["evidence"].as_array().unwrap() {
            assert_eq!(keys(e), ["id", "score", "sentence"]);
        }
        for t in item["targets"].as_array().unwrap() {
            assert_eq!(keys(t), ["met", "plan", "reported"]);
        }
        assert!(item["verdict"].is_null() && item["note"].is_null());
    }
    assert_eq!(items[3]["status"], "reported");
    assert_eq!(items[2]["status"], "partial");
    assert_eq!(items[7]["status"], "not_mentioned");
    assert_eq!(
        items[3]["targets"][0],
        serde_json::json!({"plan": "不少于30个", "reported": "18个", "met": false})
    );
    assert_eq!(
        items[7]["targets"][0],
        serde_json::json!({"plan": "不少于5万个", "reported": null, "met": null})
    );
}

#[test]
fn text_is_readable_and_fits_80_cells() {
    let dir = TempDir::new().unwrap();
    let out = run_ok(&mut audit_cmd(&dir, "text"));
    for line in out.lines() {
        assert!(str_width(line, false) <= 80, "{line}");
    }
    assert!(out.contains("已报告 7 · 部分 3 · 未提及 2"), "{out}");
    assert!(out.contains("不少于30个 → 18个 ✗ 未达标"), "{out}");
    assert!(out.contains("承诺减弱  完成→启动; 全面→逐步"), "{out}");
    // what is on screen explains the status: the commitments, each with its evidence
    assert!(
        out.contains(
            "      状态  ◐ 部分  分项 2/5 已报告\n      分项  ✗ 夯实政务网络安全防护能力 (主项)\n            ✓ 常态化开展网络安全攻防演练 [1]\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("      证据  [1] p1.1.3 常态化开展网络安全攻防演练。\n"),
        "{out}"
    );
    assert!(
        out.contains("p2.3.3  3.推进智慧停车系统建设。\n      正文  建成全区统一的智慧停车平台,"),
        "{out}"
    );
}

#[test]
fn text_header_names_the_files_wherever_they_sit_and_json_keeps_the_paths() {
    // a folder path over 100 characters, as in a deep clone of the repository
    let dir = TempDir::new().unwrap();
    let deep = dir.path().join("d".repeat(110)).join("报告");
    std::fs::create_dir_all(&deep).unwrap();
    for name in [PLAN, SUMMARY] {
        std::fs::copy(fixture(name), deep.join(name)).unwrap();
    }
    let audit_at = |format: &str| {
        let mut cmd = planlens();
        cmd.arg("audit")
            .arg(deep.join(PLAN))
            .arg(deep.join(SUMMARY))
            .args(["--format", format, "--verdicts"])
            .arg(dir.path().join("v.json"));
        run_ok(&mut cmd)
    };
    let text = audit_at("text");
    assert!(
        text.starts_with(&format!(
            "计划  {PLAN}  (2025年)\n总结  {SUMMARY}  (2025年)\n"
        )),
        "{text}"
    );
    for line in text.lines() {
        assert!(str_width(line, false) <= 80, "{line}");
    }
    let json: serde_json::Value = serde_json::from_str(&audit_at("json")).unwrap();
    assert_eq!(
        json["plan"]["file"].as_str(),
        Some(deep.join(PLAN).display().to_string().as_str())
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_as_the_verdicts_file_is_a_warning_not_a_hang() {
    let dir = TempDir::new().unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("v.json"))
        .status()
        .unwrap();
    assert!(made.success());
    let out = run_ok(audit_cmd(&dir, "json").timeout(Duration::from_secs(20)));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json["warnings"][0].as_str(),
        Some(
            format!(
                "{}: cannot read verdicts: it is a named pipe (FIFO), not a regular file",
                dir.path().join("v.json").display()
            )
            .as_str()
        )
    );
}

#[test]
fn markdown_is_a_table_with_one_row_per_item() {
    let dir = TempDir::new().unwrap();
    let out = run_ok(&mut audit_cmd(&dir, "md"));
    let rows: Vec<&str> = out.lines().filter(|l| l.starts_with("| ")).collect();
    assert_eq!(rows.len(), EXPECTED.len() + 1, "{out}");
    assert!(rows[0].starts_with("| 编号 | 章节 | 计划条目 | 条目正文 | 状态 | 覆盖度 |"));
    assert!(
        rows[8].starts_with(
            "| p2.3.3 | (三)实施应用场景共建工程 | 3.推进智慧停车系统建设。 | 建成全区统一的智慧停车平台,"
        ),
        "{}",
        rows[8]
    );
    assert!(
        out.contains("| 4/4 | ✓ 加快建设数字孪生明湖 (主项) [1]<br>✓ 完善全区数字孪生底板 [2]"),
        "{out}"
    );
    assert!(
        out.contains(
            "[1] p1.1.2 数字孪生明湖加快建设。<br>[2] p1.1.2 数字孪生底板实现全区120平方公里全覆盖"
        ),
        "{out}"
    );
}

#[test]
fn csv_has_a_bom_and_one_record_per_item() {
    let dir = TempDir::new().unwrap();
    let out = run_ok(&mut audit_cmd(&dir, "csv"));
    assert!(out.starts_with(
        "\u{FEFF}编号,章节,计划条目,条目正文,状态,覆盖度,分项,分项明细,证据,指标,承诺减弱,核实,备注,另一份总结的结论\r\n"
    ));
    let records: Vec<&str> = out.split("\r\n").filter(|r| r.starts_with("p2.")).collect();
    assert_eq!(records.len(), EXPECTED.len(), "{out}");
    assert!(
        records[4]
            .starts_with("p2.2.2,(二)实施数据要素赋能工程,2.完成政务数据资源目录编制。,\"全面完成全区政务数据资源目录编制,汇聚政务数据超30亿条。\",部分,0.64,2/3,")
    );
    assert!(
        records[4].ends_with(",完成→启动; 全面→逐步,,,"),
        "{}",
        records[4]
    );
}

#[test]
fn a_verdict_set_in_the_library_shows_in_the_cli_and_goes_stale_when_the_plan_changes() {
    let dir = TempDir::new().unwrap();
    let plan_path = dir.path().join(PLAN);
    std::fs::copy(fixture(PLAN), &plan_path).unwrap();
    let plan = load_report(&plan_path).unwrap();
    let audited = audit(&plan, &report(SUMMARY)).unwrap();
    let item = &audited.items[0];
    let sidecar = sidecar_path(&plan_path, Path::new("/nowhere"));
    assert_eq!(
        sidecar,
        dir.path().join("minghu-zwsj-2024-2025.verdicts.json")
    );
    let (mut verdicts, _) = VerdictFile::load(&sidecar);
    verdicts
        .set(&change(
            &item.id,
            &item.text,
            Some(Verdict::Done),
            "见区政府公告",
        ))
        .unwrap();
    let json_of =
        |cmd: &mut Command| -> serde_json::Value { serde_json::from_str(&run_ok(cmd)).unwrap() };
    let cmd = || {
        let mut cmd = planlens();
        cmd.arg("audit").arg(&plan_path).arg(fixture(SUMMARY));
        cmd
    };
    let json = json_of(cmd().args(["--format", "json"]));
    assert_eq!(json["items"][0]["verdict"], "done");
    assert_eq!(json["items"][0]["note"], "见区政府公告");
    assert!(json["items"][1]["verdict"].is_null());
    assert!(run_ok(&mut cmd()).contains("核实  已落实  见区政府公告"));
    // the plan is edited: the verdict no longer applies to what the item says
    let text = std::fs::read_to_string(&plan_path).unwrap();
    std::fs::write(&plan_path, text.replace("确保6月底前", "确保9月底前")).unwrap();
    let json = json_of(cmd().args(["--format", "json"]));
    assert!(json["items"][0]["verdict"].is_null());
    let warnings = json["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().unwrap().starts_with("p2.1.1: 核实结论已过期")),
        "{warnings:?}"
    );
    assert!(run_ok(&mut cmd()).contains("核实  已落实 (已过期)  见区政府公告"));
    // the folder listing does not take the sidecar for a report
    let listed = run_ok(planlens().arg("list").arg(dir.path()));
    assert!(!listed.contains("verdicts"), "{listed}");
}

#[test]
fn verdicts_of_a_bundled_report_live_in_the_data_folder() {
    let data = TempDir::new().unwrap();
    let name = "guangming-zwsj-2024-2025";
    let bundled = planlens::bundled::find(name).unwrap().report().unwrap();
    let audited = audit(&bundled, &bundled).unwrap();
    let item = &audited.items[0];
    let sidecar = data
        .path()
        .join("verdicts/guangming-zwsj-2024-2025.verdicts.json");
    let (mut verdicts, _) = VerdictFile::load(&sidecar);
    verdicts
        .set(&VerdictChange {
            summary: SummaryRef::new(name, &bundled.title, audited.summary_year),
            ..change(&item.id, &item.text, Some(Verdict::Unverified), "")
        })
        .unwrap();
    let out = run_ok(
        planlens()
            .env("PLANLENS_DATA_DIR", data.path())
            .args(["audit", name, name, "--format", "json"]),
    );
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["items"][0]["verdict"], "unverified");
    assert_eq!(json["plan"]["year"], 2025);
    assert_eq!(json["summary"]["year"], 2024);
    assert!(!json["warnings"].as_array().unwrap().is_empty());
}

#[test]
fn a_corrupt_sidecar_is_a_warning_not_a_failure() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("v.json"), "{").unwrap();
    let out = run_ok(&mut audit_cmd(&dir, "json"));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let warning = json["warnings"][0].as_str().unwrap();
    assert!(
        warning.contains("v.json:1:") && warning.contains("kept as"),
        "{warning}"
    );
}

/// Runs a failing command: exit 1 and exactly one line on standard error.
fn fails(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("planlens: "), "{stderr}");
    stderr
}

#[test]
fn bad_input_is_one_line_and_exit_1() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("missing.json");
    let err = fails(planlens().arg("audit").arg(&missing).arg(fixture(SUMMARY)));
    assert!(err.contains("missing.json"), "{err}");
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\"schema\": \n").unwrap();
    let err = fails(planlens().arg("audit").arg(fixture(PLAN)).arg(&broken));
    assert!(err.contains("broken.json:"), "{err}");
    // a plan report with no plan part, a summary report with no summary part
    let summary_only = dir.path().join("summary-only.txt");
    std::fs::write(
        &summary_only,
        "明湖区某局2025年工作总结\n\n一、2025年工作总结\n\n(一)建成平台。\n",
    )
    .unwrap();
    let err = fails(
        planlens()
            .arg("audit")
            .arg(&summary_only)
            .arg(fixture(SUMMARY)),
    );
    assert!(err.contains("summary-only.txt: no plan part"), "{err}");
    let plan_only = dir.path().join("plan-only.txt");
    std::fs::write(
        &plan_only,
        "明湖区某局2026年工作计划\n\n一、2026年工作计划\n\n(一)建成平台。\n",
    )
    .unwrap();
    let err = fails(
        planlens()
            .arg("audit")
            .arg(fixture(PLAN))
            .arg(&plan_only)
            .args(["--format", "csv"]),
    );
    assert!(err.contains("plan-only.txt: no summary part"), "{err}");
    let output = planlens()
        .args(["audit", "a", "b", "--format", "pdf"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

/// A plan page and its next-year summary page, written into `dir`.
fn write_pair(dir: &TempDir, plan_item: &str, summary_sentence: &str) -> (PathBuf, PathBuf) {
    let plan = dir.path().join("plan.txt");
    let summary = dir.path().join("summary.txt");
    std::fs::write(
        &plan,
        format!(
            "明湖区政务服务和数据管理局2024年工作总结和2025年工作计划\n\n一、2024年工作总结\n\n\
             (一)平台建设\n\n一是建成统一身份认证平台。\n\n二、2025年工作计划\n\n(一)城市治理\n\n\
             1.{plan_item}\n"
        ),
    )
    .unwrap();
    std::fs::write(
        &summary,
        format!(
            "明湖区政务服务和数据管理局2025年工作总结和2026年工作计划\n\n一、2025年工作总结\n\n\
             (一)城市治理\n\n一是{summary_sentence}\n\n二、2026年工作计划\n\n(一)持续优化\n\n\
             1.推进智慧停车平台建设。\n"
        ),
    )
    .unwrap();
    (plan, summary)
}

fn status_of(config: &Path, plan: &Path, summary: &Path) -> String {
    let out = run_ok(
        planlens()
            .env("PLANLENS_CONFIG_DIR", config)
            .arg("audit")
            .arg(plan)
            .arg(summary)
            .args(["--format", "json", "--verdicts"])
            .arg(config.join("v.json")),
    );
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    json["items"][0]["status"].as_str().unwrap().to_string()
}

#[test]
fn a_users_related_terms_match_what_the_reports_call_one_thing() {
    let dir = TempDir::new().unwrap();
    let (plan, summary) = write_pair(&dir, "建成城运中心大厅。", "城市大脑指挥大厅建成投用。");
    let config = dir.path().join("config");
    std::fs::create_dir(&config).unwrap();
    assert_eq!(status_of(&config, &plan, &summary), "not_mentioned");
    std::fs::write(
        config.join("related-terms.lst"),
        "# 本区的叫法\n城运中心 / 城市大脑指挥\n",
    )
    .unwrap();
    assert_eq!(status_of(&config, &plan, &summary), "reported");
}

#[test]
fn a_malformed_related_terms_file_is_one_line_naming_the_file_and_line() {
    let dir = TempDir::new().unwrap();
    let (plan, summary) = write_pair(&dir, "建成城运中心大厅。", "城市大脑指挥大厅建成投用。");
    std::fs::write(
        dir.path().join("related-terms.lst"),
        "城运中心 / 城市大脑\n城运中心\n",
    )
    .unwrap();
    let output = planlens()
        .env("PLANLENS_CONFIG_DIR", dir.path())
        .arg("audit")
        .arg(&plan)
        .arg(&summary)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("related-terms.lst: line 2: a group needs two terms or more"),
        "{err}"
    );
}

/// The records of a CSV document (RFC 4180: quoted fields, `""` for a quote, CRLF rows).
fn csv_records(csv: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let mut chars = csv.trim_start_matches('\u{FEFF}').chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    records
}

/// The rows of a Markdown pipe table, cells unescaped (`\|`, `\\`, `<br>` as a line break).
fn markdown_rows(md: &str) -> Vec<Vec<String>> {
    md.lines()
        .filter(|l| l.starts_with("| "))
        .map(|line| {
            let inner = &line[2..line.len() - 2];
            let mut cells = vec![String::new()];
            let mut chars = inner.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => cells.last_mut().unwrap().extend(chars.next()),
                    ' ' if chars.peek() == Some(&'|') => {
                        chars.next();
                        chars.next();
                        cells.push(String::new());
                    }
                    c => cells.last_mut().unwrap().push(c),
                }
            }
            cells.into_iter().map(|c| c.replace("<br>", "\n")).collect()
        })
        .collect()
}

fn squeezed(text: &str) -> String {
    text.split_whitespace().collect()
}

/// One audit in text, Markdown, CSV and JSON: the same rows with the same cells, the item's full
/// text and its commitments in each; a note a spreadsheet would run is defused in the CSV only.
#[test]
fn text_md_csv_and_json_hold_the_same_rows_and_cells() {
    let dir = TempDir::new().unwrap();
    let plan = report(PLAN);
    let audited = audit(&plan, &report(SUMMARY)).unwrap();
    let (mut verdicts, _) = VerdictFile::load(&dir.path().join("v.json"));
    let item = &audited.items[2];
    verdicts
        .set(&change(
            &item.id,
            &item.text,
            Some(Verdict::Partial),
            "=HYPERLINK(\"http://x\")",
        ))
        .unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&run_ok(&mut audit_cmd(&dir, "json"))).unwrap();
    let csv = csv_records(&run_ok(&mut audit_cmd(&dir, "csv")));
    let md = markdown_rows(&run_ok(&mut audit_cmd(&dir, "md")));
    let text = run_ok(&mut audit_cmd(&dir, "text"));
    assert_eq!(csv[0], md[0], "the same headers");
    let items = json["items"].as_array().unwrap();
    assert_eq!((csv.len(), md.len()), (items.len() + 1, items.len() + 1));
    let column = |name: &str| csv[0].iter().position(|h| h == name).unwrap();
    for ((csv_row, md_row), item) in csv[1..].iter().zip(&md[1..]).zip(items) {
        for (n, (c, m)) in csv_row.iter().zip(md_row).enumerate() {
            let c = if m.starts_with('=') {
                c.strip_prefix('\'').unwrap()
            } else {
                c
            };
            assert_eq!(c, m, "{}: column {}", item["id"], csv[0][n]);
        }
        let cell = |name: &str| md_row[column(name)].as_str();
        assert_eq!(cell("编号"), item["id"]);
        let heading = format!(
            "{}{}",
            item["marker"].as_str().unwrap(),
            item["title"].as_str().unwrap()
        );
        assert_eq!(cell("计划条目"), heading);
        assert_eq!(
            squeezed(&format!(
                "{}{}",
                item["title"].as_str().unwrap(),
                cell("条目正文")
            )),
            squeezed(item["text"].as_str().unwrap()),
            "heading and body are the full text"
        );
        let status = [Status::Reported, Status::Partial, Status::NotMentioned]
            .into_iter()
            .find(|s| item["status"] == s.key())
            .unwrap();
        assert_eq!(
            cell("状态"),
            planlens::present::labels::status_label(status)
        );
        assert_eq!(
            cell("覆盖度"),
            format!("{:.2}", item["score"].as_f64().unwrap())
        );
        let commitments = item["commitments"].as_array().unwrap();
        let lines: Vec<&str> = cell("分项明细").lines().collect();
        assert_eq!(lines.len(), commitments.len());
        for (line, c) in lines.iter().zip(commitments) {
            let said = c["text"].as_str().unwrap().trim_end_matches(['。', '；']);
            assert!(line.contains(said), "{line} / {said}");
        }
        let evidence: Vec<&str> = cell("证据").lines().collect();
        for (n, (line, e)) in evidence
            .iter()
            .zip(item["evidence"].as_array().unwrap())
            .enumerate()
        {
            let id = e["id"].as_str().unwrap();
            assert_eq!(
                *line,
                format!("[{}] {id} {}", n + 1, e["sentence"].as_str().unwrap())
            );
        }
        assert_eq!(cell("备注"), item["note"].as_str().unwrap_or(""));
        // the text report holds every cell of the item (wrapped)
        let id = item["id"].as_str().unwrap();
        let start = text.find(&format!("  {id}  ")).unwrap();
        let block = &text[start..];
        let end = block[4..].find("\n  p").map_or(block.len(), |e| e + 4);
        let block = squeezed(&block[..end]);
        for name in [
            "计划条目",
            "条目正文",
            "分项明细",
            "证据",
            "指标",
            "承诺减弱",
            "核实",
            "备注",
        ] {
            for line in cell(name).lines() {
                assert!(
                    block.contains(&squeezed(line)),
                    "{id} {name}: {line} not in {block}"
                );
            }
        }
    }
    assert_eq!(items[2]["note"], "=HYPERLINK(\"http://x\")");
    assert_eq!(csv[3][column("备注")], "'=HYPERLINK(\"http://x\")");
}

/// A verdict remembers the summary it was made against: audited against another summary, it is
/// listed as made against another summary (另一份总结), in every format, and never applied; a
/// verdict against this summary is kept beside it.
#[test]
fn a_verdict_is_bound_to_its_summary_and_listed_against_another() {
    let dir = TempDir::new().unwrap();
    let sidecar = dir.path().join("v.json");
    let audited = audit(&report(PLAN), &report(SUMMARY)).unwrap();
    let item = &audited.items[0];
    let (mut verdicts, _) = VerdictFile::load(&sidecar);
    verdicts
        .set(&change(
            &item.id,
            &item.text,
            Some(Verdict::Done),
            "见区政府公告",
        ))
        .unwrap();
    // the same plan against the traditional-script mirror: another summary
    let against = |summary: &str, format: &str| {
        run_ok(
            planlens()
                .arg("audit")
                .arg(fixture(PLAN))
                .arg(fixture(summary))
                .args(["--format", format, "--verdicts"])
                .arg(&sidecar),
        )
    };
    let json: serde_json::Value = serde_json::from_str(&against(MIRROR, "json")).unwrap();
    let first = &json["items"][0];
    assert!(
        first["verdict"].is_null() && first["note"].is_null(),
        "{first}"
    );
    assert_eq!(first["other_verdicts"][0]["verdict"], "done");
    assert_eq!(first["other_verdicts"][0]["note"], "见区政府公告");
    assert_eq!(first["other_verdicts"][0]["summary"]["file"], SUMMARY);
    assert_eq!(first["other_verdicts"][0]["summary"]["year"], 2025);
    let text = against(MIRROR, "text");
    assert!(
        text.contains(&format!(
            "核实  另一份总结 {SUMMARY} (2025年): 已落实 见区政府公告"
        )),
        "{text}"
    );
    let csv = against(MIRROR, "csv");
    assert!(
        csv.contains(&format!(
            ",,,另一份总结 {SUMMARY} (2025年): 已落实 见区政府公告\r\n"
        )),
        "{csv}"
    );
    // a verdict against the mirror is kept beside the first, each shown against its own
    let mirror = report(MIRROR);
    verdicts
        .set(&VerdictChange {
            summary: SummaryRef::new(MIRROR, &mirror.title, Some(2025)),
            ..change(&item.id, &item.text, Some(Verdict::Partial), "繁体版")
        })
        .unwrap();
    assert_eq!(VerdictFile::load(&sidecar).0.entries().len(), 2);
    let json: serde_json::Value = serde_json::from_str(&against(MIRROR, "json")).unwrap();
    assert_eq!(json["items"][0]["verdict"], "partial");
    assert_eq!(json["items"][0]["other_verdicts"][0]["verdict"], "done");
    let json: serde_json::Value = serde_json::from_str(&against(SUMMARY, "json")).unwrap();
    assert_eq!(json["items"][0]["verdict"], "done");
    assert_eq!(json["items"][0]["other_verdicts"][0]["note"], "繁体版");
}

/// A sidecar written before verdicts named their summary (`planlens.verdicts/1`, committed as
/// the code of that time wrote it) still loads: its verdicts are listed as made against an
/// unrecorded summary, never applied, and the next save keeps them in version 2.
#[test]
fn a_version_1_sidecar_still_loads_and_keeps_its_verdicts() {
    let dir = TempDir::new().unwrap();
    let sidecar = dir.path().join("v.json");
    let v1 = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/verdicts/minghu-zwsj-2024-2025.verdicts.json");
    std::fs::copy(&v1, &sidecar).unwrap();
    let (mut verdicts, message) = VerdictFile::load(&sidecar);
    assert_eq!(message, None);
    assert_eq!(verdicts.entries().len(), 2);
    assert!(verdicts.entries().iter().all(|e| e.summary.is_none()));
    let json: serde_json::Value = serde_json::from_str(&run_ok(
        planlens()
            .arg("audit")
            .arg(fixture(PLAN))
            .arg(fixture(SUMMARY))
            .args(["--format", "json", "--verdicts"])
            .arg(&sidecar),
    ))
    .unwrap();
    let first = &json["items"][0];
    assert!(first["verdict"].is_null(), "{first}");
    assert_eq!(first["other_verdicts"][0]["verdict"], "done");
    assert!(first["other_verdicts"][0]["summary"].is_null());
    assert_eq!(json["items"][7]["other_verdicts"][0]["verdict"], "not_done");
    let item = &audit(&report(PLAN), &report(SUMMARY)).unwrap().items[1];
    verdicts
        .set(&change(&item.id, &item.text, Some(Verdict::Done), ""))
        .unwrap();
    let saved = std::fs::read_to_string(&sidecar).unwrap();
    assert!(
        saved.contains("\"schema\": \"planlens.verdicts/2\""),
        "{saved}"
    );
    let (loaded, _) = VerdictFile::load(&sidecar);
    assert_eq!(loaded.entries().len(), 3);
    assert_eq!(
        loaded.entries()[..2],
        VerdictFile::load(&v1).0.entries()[..]
    );
}
