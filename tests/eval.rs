//! The labelled evaluation holds every pair to its floors: figures no lower than the engine
//! reached when they were set (raise them as it improves; never lower them to pass).

#[path = "../examples/eval/harness.rs"]
#[allow(
    dead_code,
    reason = "adding pairs up is for the table in examples/eval"
)]
mod harness;

/// (pair, evidence recall >=, false alarms <=, status agreement >=, target agreement >=).
/// Raised with the commitment-based audit (evidence from the whole summary, background IDF), then
/// with two content bigrams for a heading, the units of every bureau and figures that are parts;
/// then with a main commitment reported with its result (`RESULT_MAY_MISS`), appraisals as
/// context and enumerations found whole. The one floor lowered, futian's status 0.69 → 0.65
/// (one item), was traded for two items of the other held-out pair (nanhai 0.80 → 0.87): the
/// held-out pairs together gained. The labels3 pairs (longhua-wjj-2024, panyu-jyj-2025-heldout,
/// plans-longhua-luohu) were written blind and set at what the engine reached when they came;
/// so were the session-6 pairs (nanshan-rlj-2024, shunde-scjgj-2025, yantian-zjj-2025,
/// pingshan-mzj-2025, guangming-jyj-2025, plans-baoan-longgang-swj: other bureaus than the data
/// bureaus the engine was first tuned on; baoan-yjglj-2025, luohu-cgj-2025 and
/// plans-guangming-longhua-jyj came last, after the session's engine changes, as a fresh check;
/// plans-nanshan-longgang-sthj, guangming-jtj-2025 and futian-wgltj-2025 were written blind in
/// session 7 and set before any change of that session; longgang-kjj-2025, nansha-sfj-2025 and
/// plans-futian-longhua-cgj were written blind after them and set at the engine they met).
/// Lowered once more, by a documented trade: a result reported, and not short of its target, counts for `reported` without the heading's words
/// (`RESULT_MAY_MISS`): status over all 344 items 0.73 → 0.78 — the blind pairs of session 6 and
/// pingshan gain 17 items, the held-out nanhai loses one (0.87 → 0.83). pingshan-mzj's status
/// 0.74 → 0.70 when the importer stopped reading the page footer (相关链接：…) into the last plan
/// item: that item lost an unreported clause and is now reported, labelled partial. Lowered by a
/// third documented trade, `CLAUSE_FOUND` 0.45 → 0.5: false alarms 0.19 → 0.14 over all pairs,
/// status 0.80 → 0.81, but guangming-jyj (−2 items), longhua and pingshan-mzj (−1 each) lose
/// status, and the held-out panyu one delivered item's evidence (0.95 → 0.90).
/// Lowered by a fourth documented trade, `LONE_FINDING` (one weak commitment of an item of four
/// or more is no mention): false alarms 0.15 → 0.08 over the 448 items (the two pairs written
/// after it was chosen gain status, +1 each), status 0.79 → 0.81; lost, delivered items reported
/// by one figure or one clause alone: baoan-fgj (status −1, evidence 0.95 → 0.90, targets
/// 1.00 → 0.92), pingshan (status −1, evidence and targets → 0.96/0.94), nanshan and
/// futian-wgltj evidence (−1 item each), futian-wgltj targets 0.70 → 0.68. A fifth,
/// `BODY_REPORTED_SHARE` (three in four of the body report an item without its heading): status
/// 0.81 → 0.82 over 502 items, five pairs +1 item each; longhua −1 (0.74 → 0.70). A sixth
/// (session 8), abbreviation groups in the lexicon, short form first (社康 / 社区健康服务中心,
/// 城管 / 城市管理, 市监 / 市场监管 …): comparisons baoan-longhua-scjgj 0.96 → 1.00 and
/// futian-longhua-cgj 0.88 → 0.94; longhua-wjj false alarms 0.20 → 0, status 0.74 → 0.81; lost:
/// guangming-wjj status −1 (0.81 → 0.78) and one longhua delivered item's evidence (1.00 → 0.95).
/// The wave-3 pairs (baoan-gxj-2025, guangming-wjj-2025, zengcheng-nyj-2025,
/// plans-baoan-longhua-scjgj, plans-pingshan-nanshan-wjj) were written blind at session 8's start
/// and set at the engine they met. So were the wave-4 pairs (dapeng-csgx-2025,
/// xiangzhou-tyjrj-2025, huicheng-ybj-2025), written blind at session 9's start: huicheng's summary
/// page, copied out of a PDF, did not import (a title over two lines left no 2025 summary part).
/// The wave-5 pairs (huangpu-swj-2025, pingshan-swj-2025, chancheng-sthj-2025) were written blind
/// in session 9 after its engine changes, as a fresh check, and set at the engine they met once
/// the importer read their layouts (①, 【heading】, a 报告 whose summary sections are themed).
/// huicheng's status floor 0.85 → 0.81 when the importer joined its PDF hard wraps: evidence
/// 0.95 → 1.00 and targets 0.79 → 0.95, one item's status lost (not looked into: the pair's
/// items are kept unread).
/// Lowered by a sixth documented trade in session 9: a result reported no longer stands for
/// another result the item set and the summary does not report (`RESULT_MAY_MISS`): status over
/// the 581 items before wave 4 0.83 → 0.84, ten items gained (held-out futian +2, nanhai +1),
/// four lost: baoan-fgj, guangming-jtj, longhua-wjj and the held-out panyu, one item each.
/// The wave-6 pairs (baiyun-ghzy-2025, sanshui-zjsl-2025, xinhui-wgltj-2025) were written blind at
/// session 10's start and set at the engine they met, before any change of that session.
/// pingshan-swj's status 0.70 → 0.66 when the importer read its one-cell-per-line indicator table
/// back into rows (targets 0.77 → 0.91): 污水集中收集率 86.3% now reports its target, and with
/// it 推动水质净化厂提质增效 reads as reported, labelled partial (启动沙田…提标改造 unreported);
/// the floor came back to 0.70 when 二次供水 stopped reading as an amount.
/// The wave-7 pairs (huadu-lyyl-2025, nanshan-cl-2025, gaoming-sjj-2025) were written blind in
/// session 10 after its engine changes, as a fresh check, and set at the engine they met.
/// huadu's status 0.88 → 0.85 with `targets::NEAR` (a figure many times the target's counts
/// something else): false alarms over the 824 tuning items 0.100 → 0.087, status 0.830 → 0.834.
/// Lowered by a seventh documented trade in session 10: a figure reported short of its target is
/// a result still (`RESULT_MAY_MISS`): status over the 743 tuning items 0.826 → 0.836, fifteen
/// items gained over eleven pairs; lost: pingshan −2, baoan-yjglj, longgang-kjj, luohu-cgj, yantian
/// and the held-out panyu (0.80 → 0.76) one item each. An eighth: 名 and 人 both count people
/// (`targets::SCALED_UNITS`): targets over the 824 tuning items 0.911 → 0.915 (nanshan-cl +4,
/// xiangzhou +1); the held-out panyu loses one target (0.92 → 0.88).
/// The wave-8 pairs (liwan-swu-2025, doumen-nyncj-2025, qingxin-rsj-2025) and wave-9 pairs
/// (jinwan-kgxj-2025, conghua-gzj-2025, huiyang-jtysj-2025) were written blind at session 11's
/// start and set at the engine they met, before any change of that session. The wave-9 writers
/// were not asked to repeat undelivered work in the next year's plan (earlier writers were).
/// Lowered by a ninth documented trade in session 11: a commitment the summary does not report and
/// the next year's plan promises again keeps the item partial (`PROMISED_AGAIN`): status over the
/// 986 tuning items 0.826 → 0.864, 40 items over 23 pairs gained (held-out panyu +2); lost,
/// liwan-swu and luohu-cgj one item each, delivered items whose routine clause the next plan
/// repeats (举办促消费活动不少于60场, 主次干道绿化“四季有花、季季有景”).
/// The wave-10 pairs (tianhe-tjj-2025, pengjiang-sjj-2025, duanzhou-xfj-2025) were written blind at
/// session 12's start and set at the engine they met, before any change of that session.
/// Lowered by a tenth documented trade in session 12: a figure whose clause holds little but its
/// measure takes its subject from the clause before (`targets::SHORT_CONTEXT`), and brackets no
/// longer cut a figure's clause: over the 1,067 tuning items targets 0.913 → 0.920 and status
/// 0.873 → 0.875; lost, conghua-gzj three targets (引入社会资本不低于2亿元 reads its neighbour's
/// 企业 and 投资), xinhui-wgltj one target and tianhe-tjj one status. And once more by one
/// conghua target when a clause that only measures the one before joins it
/// (`commitments::MEASURE_ONLY`): over the tuning items false alarms 0.092 → 0.089, status
/// 0.875 → 0.878.
/// The wave-11 pairs (jianghai-jgswj-2025, huidong-qxj-2025, haojiang-rfb-2025) were written blind
/// after session 12's changes, as a fresh check: the session-start engine and the changed one
/// scored them alike. Set at the engine after one more unit (千克标准煤: jianghai +1 target).
/// The wave-12 pairs (haizhu-zsj-2025, taishan-cl-2025, yuexiu-dag-2025) were written blind at
/// session 13's start and set at the engine they met, before any change of that session.
/// Lowered by an eleventh documented trade in session 13: a sentence holding much less of a
/// commitment than the next year's plan promises again reports nothing
/// (`commitments::OUTPROMISED`): over the 1,148 tuning items false alarms 0.101 → 0.080, status
/// 0.871 → 0.879; held out, false alarms 0.150 → 0.050. Lost: found only begun (建成燕罗“工业上楼”
/// 示范园一期, 建成增城区智慧农业综合服务平台), the labels count as evidence: baoan-gxj one
/// evidence; zengcheng-nyj one evidence, one status and one target; shunde-scjgj one evidence
/// and one target; baoan-yjglj one status (an aim kept year after year: 坚决遏制较大及以上生产安全
/// 事故).
const AUDIT_FLOORS: &[(&str, f64, f64, f64, f64)] = &[
    ("baiyun-ghzy-2025", 0.94, 0.125, 0.92, 0.91),
    ("baoan-fgj-2024", 0.95, 0.0, 0.92, 1.0),
    ("baoan-gxj-2025", 0.94, 0.0, 0.96, 0.95),
    ("baoan-yjglj-2025", 1.0, 0.0, 0.96, 0.97),
    ("chancheng-sthj-2025", 0.89, 0.0, 0.96, 0.91),
    ("conghua-gzj-2025", 0.94, 0.125, 0.88, 0.84),
    ("dapeng-csgx-2025", 0.89, 0.0, 0.81, 0.93),
    ("doumen-nyncj-2025", 0.89, 0.0, 0.92, 0.88),
    ("duanzhou-xfj-2025", 0.94, 0.0, 0.81, 0.78),
    ("futian-mzj-2025-heldout", 0.9, 0.2, 0.8, 0.92),
    ("futian-wgltj-2025", 0.94, 0.0, 0.92, 0.92),
    ("gaoming-sjj-2025", 1.0, 0.25, 0.81, 0.76),
    ("guangming-jtj-2025", 1.0, 0.125, 0.88, 0.95),
    ("guangming-jyj-2025", 1.0, 0.0, 0.84, 0.89),
    ("guangming-wjj-2025", 0.89, 0.125, 0.85, 0.85),
    ("haizhu-zsj-2025", 0.94, 0.0, 0.88, 0.97),
    ("haojiang-rfb-2025", 0.94, 0.125, 0.85, 0.83),
    ("huadu-lyyl-2025", 0.94, 0.0, 0.92, 0.91),
    ("huangpu-swj-2025", 0.94, 0.125, 0.88, 0.9),
    ("huicheng-ybj-2025", 1.0, 0.0, 0.92, 0.94),
    ("huidong-qxj-2025", 0.84, 0.0, 0.85, 0.85),
    ("huiyang-jtysj-2025", 0.94, 0.125, 0.88, 0.87),
    ("jianghai-jgswj-2025", 0.84, 0.625, 0.62, 0.75),
    ("jinwan-kgxj-2025", 0.94, 0.0, 0.88, 0.89),
    ("liwan-swu-2025", 0.94, 0.0, 0.92, 0.97),
    ("longgang-2023", 1.0, 0.0, 0.84, 1.0),
    ("longgang-kjj-2025", 1.0, 0.125, 0.92, 0.93),
    ("longhua-wjj-2024", 0.95, 0.0, 0.88, 0.93),
    ("luohu-cgj-2025", 1.0, 0.143, 0.84, 0.84),
    ("minghu-2025", 1.0, 0.0, 1.0, 1.0),
    ("minghu-2025-mirror", 1.0, 0.0, 1.0, 1.0),
    ("nanhai-2025-heldout", 0.95, 0.0, 0.93, 0.88),
    ("nansha-sfj-2025", 1.0, 0.125, 0.92, 0.97),
    ("nanshan-cl-2025", 0.95, 0.429, 0.81, 0.92),
    ("nanshan-rlj-2024", 0.94, 0.125, 0.88, 0.97),
    ("panyu-jyj-2025-heldout", 0.9, 0.0, 0.88, 0.91),
    ("pengjiang-sjj-2025", 0.84, 0.375, 0.62, 0.94),
    ("pingshan-2024", 0.94, 0.0, 0.96, 0.96),
    ("pingshan-mzj-2025", 1.0, 0.0, 0.96, 0.93),
    ("pingshan-swj-2025", 0.89, 0.125, 0.81, 0.95),
    ("qingxin-rsj-2025", 0.94, 0.0, 0.81, 0.97),
    ("sanshui-zjsl-2025", 0.89, 0.0, 0.85, 0.95),
    ("shunde-scjgj-2025", 0.9, 0.0, 0.77, 0.97),
    ("taishan-cl-2025", 0.89, 0.125, 0.7, 0.88),
    ("tianhe-tjj-2025", 0.94, 0.0, 0.88, 0.94),
    ("xiangzhou-tyjrj-2025", 0.89, 0.0, 0.88, 0.95),
    ("xinhui-wgltj-2025", 0.94, 0.125, 0.88, 0.83),
    ("yantian-zjj-2025", 1.0, 0.0, 0.96, 1.0),
    ("yuexiu-dag-2025", 0.89, 0.125, 0.81, 0.86),
    ("zengcheng-nyj-2025", 0.89, 0.0, 0.96, 0.85),
];

/// (pair, pair recall >=, forbidden pairs made <=).
const COMPARE_FLOORS: &[(&str, f64, usize)] = &[
    ("plans-baoan-futian", 1.0, 0),
    ("plans-baoan-longgang-swj", 1.0, 0),
    ("plans-baoan-longhua-scjgj", 1.0, 0),
    ("plans-futian-longhua-cgj", 0.937, 0),
    ("plans-guangming-longgang", 1.0, 0),
    ("plans-guangming-longhua-jyj", 1.0, 0),
    ("plans-longhua-luohu", 1.0, 0),
    ("plans-nanshan-longgang-sthj", 1.0, 0),
    ("plans-pingshan-nanshan-wjj", 0.909, 0),
    ("summaries-guangming-longgang", 1.0, 0),
];

#[test]
fn every_labelled_pair_meets_its_floors() {
    let scores = harness::evaluate(&harness::root()).expect("labels load and every key resolves");
    let mut failures = Vec::new();
    for &(name, evidence, alarms, status, targets) in AUDIT_FLOORS {
        let Some(s) = scores.audit.iter().find(|s| s.name == name) else {
            failures.push(format!("{name}: no such audit pair"));
            continue;
        };
        let figures = [
            ("evidence recall", s.evidence_recall(), evidence, true),
            ("false alarms", s.false_alarms(), alarms, false),
            ("status agreement", s.status_agreement(), status, true),
            ("target agreement", s.target_agreement(), targets, true),
        ];
        for (what, got, floor, higher_is_better) in figures {
            let ok = if higher_is_better {
                got >= floor - 1e-9
            } else {
                got <= floor + 1e-9
            };
            if !ok {
                failures.push(format!(
                    "{name}: {what} {got:.3} (floor {floor})\n  {}",
                    s.misses.join("\n  ")
                ));
            }
        }
    }
    for &(name, recall, forbidden) in COMPARE_FLOORS {
        let Some(s) = scores.compare.iter().find(|s| s.name == name) else {
            failures.push(format!("{name}: no such comparison"));
            continue;
        };
        if s.pair_recall < recall - 1e-9 {
            failures.push(format!(
                "{name}: pair recall {:.3} (floor {recall})",
                s.pair_recall
            ));
        }
        if s.forbidden_made > forbidden {
            failures.push(format!(
                "{name}: {} forbidden pairs made (at most {forbidden})",
                s.forbidden_made
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_pair_is_held_to_a_floor() {
    let scores = harness::evaluate(&harness::root()).expect("labels load");
    for s in &scores.audit {
        assert!(
            AUDIT_FLOORS.iter().any(|f| f.0 == s.name),
            "{} has no floor",
            s.name
        );
    }
    for s in &scores.compare {
        assert!(
            COMPARE_FLOORS.iter().any(|f| f.0 == s.name),
            "{} has no floor",
            s.name
        );
    }
}

#[test]
fn a_figure_is_found_whole_not_inside_a_longer_number() {
    assert!(harness::holds_figure("不少于20个", "20个"));
    assert!(!harness::holds_figure("120个", "20个"));
    assert!(!harness::holds_figure("二十个", "十个"));
    assert!(harness::holds_figure("達99.2%", "达99.2%"));
}

#[test]
fn a_shown_sentence_matches_its_labelled_phrase_in_either_direction() {
    assert!(harness::same_sentence(
        "完成全区80平方公里三维建模。",
        "80平方公里三维建模"
    ));
    assert!(harness::same_sentence(
        "三维建模",
        "完成全区80平方公里三维建模"
    ));
    assert!(!harness::same_sentence(
        "组织网络安全攻防演练2次。",
        "三维建模"
    ));
}
