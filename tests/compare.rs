//! Compare end to end: tokens, folding, alignment of pages written like the real reports
//! (renumbered, reordered, moved, missing), highlights, and `planlens diff` on the bundled
//! reports in its three formats.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use assert_cmd::Command;
use planlens::compare::align::{Alignment, Column, Pair, align, choose_part, pair_text};
use planlens::compare::diff::{Op, diff};
use planlens::import::import_text;
use planlens::model::{Node, Part, Report};
use planlens::synth;
use planlens::text::tokens::{TokenKind, tokens};
use serde_json::Value;
use tempfile::TempDir;
use unicode_width::UnicodeWidthStr;

const GUANGMING: &str = "guangming-zwsj-2024-2025";
const LONGGANG: &str = "longgang-zwsj-2023-2024";

// --- tokens and folding --------------------------------------------------------------------------

#[test]
fn tokens_of_a_report_sentence() {
    let text = "汇聚数据超28亿条,建成CIM平台和5G基站1200个,占比31.26%。";
    let got: Vec<(&str, TokenKind)> = tokens(text)
        .into_iter()
        .map(|t| (&text[t.range], t.kind))
        .filter(|(_, k)| *k != TokenKind::Han)
        .collect();
    assert_eq!(
        got,
        [
            ("28亿条", TokenKind::Number),
            (",", TokenKind::Punct),
            ("CIM", TokenKind::Latin),
            ("5G", TokenKind::Latin),
            ("1200个", TokenKind::Number),
            (",", TokenKind::Punct),
            ("31.26%", TokenKind::Number),
            ("。", TokenKind::Punct),
        ]
    );
    assert!(
        tokens("数据要素")
            .iter()
            .all(|t| t.kind == TokenKind::Han && t.range.len() == "数".len())
    );
}

#[test]
fn keys_fold_width_quotes_script_and_whitespace() {
    let keys = |text: &str| -> String { tokens(text).into_iter().map(|t| t.key).collect() };
    assert_eq!(
        keys("（一）“数治光明”，２０２４"),
        keys("(一)\"数治光明\",2024")
    );
    assert_eq!(keys("‘一网统管’"), keys("「一网统管」"));
    assert_eq!(keys("數據要素價值加快釋放"), keys("数据要素价值加快释放"));
    assert_eq!(keys("数据\n要素　价值"), keys("数据要素价值"));
}

// --- highlights ---------------------------------------------------------------------------------

/// The changed pieces of a diff as (op, left text, right text).
fn changed<'a>(left: &'a str, right: &'a str) -> Vec<(Op, &'a str, &'a str)> {
    diff(left, right)
        .into_iter()
        .filter(|c| c.op != Op::Equal)
        .map(|c| (c.op, &left[c.left], &right[c.right]))
        .collect()
}

#[test]
fn a_changed_figure_highlights_the_number_as_one_change() {
    assert_eq!(
        changed("新增算力12个节点", "新增算力15个节点"),
        [(Op::Replace, "12", "15")]
    );
    assert_eq!(
        changed("汇聚数据超28亿条", "汇聚数据超30亿条"),
        [(Op::Replace, "28", "30")]
    );
    assert_eq!(
        changed("提升至156平方公里", "提升至156公里"),
        [(Op::Replace, "156平方公里", "156公里")]
    );
}

#[test]
fn a_qualifier_is_highlighted_alone() {
    assert_eq!(
        changed("数字孪生底板基本完成", "数字孪生底板完成"),
        [(Op::Delete, "基本", "")]
    );
    assert_eq!(
        changed("推进公共数据授权运营", "全面推进公共数据授权运营"),
        [(Op::Insert, "", "全面")]
    );
}

#[test]
fn punctuation_width_quotes_and_script_are_not_changes() {
    assert!(
        changed(
            "打造民生诉求综合服务改革“光明新实践”，（试点）",
            "打造民生訴求綜合服務改革\"光明新實踐\",(试点)"
        )
        .is_empty()
    );
    let changes = diff("数据，要素", "数据,要素");
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].op, Op::Equal);
}

// --- alignment ----------------------------------------------------------------------------------

/// A plan page in the style of the 光明 report: (一) rules, (二) infrastructure with a security
/// item, (三) data elements with a research-data item.
const LEFT_PAGE: &str = "宝安区政务服务和数据管理局2024年工作总结和2025年工作计划

  一、2024年工作总结

  (一)推进数字政府建设。全年新增政务服务事项120项。

  二、2025年工作计划

  (一)实施数字规则引领工程

  1.加强数字宝安顶层设计。制定年度数字宝安建设工作要点，完善智慧城市建设运营体制机制。

  2.加强政务信息化项目统筹管理。优化信息化项目立项评审流程，推进项目集约建设。

  (二)实施数字底座强基工程

  1.强化智能算力资源供给。推动区级政务智算基础设施建设，新增算力12个节点。

  2.夯实数字安全保障防护能力。组织开展网络与信息安全现场检查和应急演练，加快推进政务领域密码应用，筑牢政务网络安全防线。

  (三)实施数据要素赋能工程

  1.探索公共数据开发利用新机制。持续推进公共数据治理和授权运营，打造“数据要素×医疗健康”示范场景。

  2.推动科研数据互联互通。推进连接科学城与西丽科教城的光网络建设，实现大科学装置、超算中心互联互通。
";

/// The next year's plan: a new (一), rules renumbered (二) and partly in traditional script with
/// half-width punctuation, the security item moved to a new (三) security section, data
/// elements renumbered (四), infrastructure moved last as (五) with a changed figure, the
/// research-data item dropped.
const RIGHT_PAGE: &str = "宝安区政务服务和数据管理局2025年工作总结和2026年工作计划

  一、2025年工作总结

  (一)推进数字政府建设。全年新增政务服务事项150项。

  二、2026年工作计划

  (一)实施民生服务提质工程

  1.深化民意速办改革。升级民意速办平台，完善快处快裁、预警提醒等管理机制。

  (二)实施数字规则引领工程

  1.加強數字寶安頂層設計。制定年度數字寶安建設工作要點,完善智慧城市建設運營體制機制。

  2.加强政务信息化项目统筹管理。优化信息化项目立项评审流程，推进项目集约建设和动态调整。

  (三)实施网络安全守护工程

  1.夯实数字安全保障防护能力。组织开展网络与信息安全现场检查和攻防演练，加快推进政务领域密码应用，筑牢政务网络安全防线。

  (四)实施数据要素赋能工程

  1.探索公共数据开发利用新机制。持续推进公共数据治理和授权运营，打造“数据要素×医疗健康”示范场景。

  (五)实施数字底座强基工程

  1.强化智能算力资源供给。推动区级政务智算基础设施建设，新增算力15个节点。
";

fn plan(page: &str) -> Report {
    import_text(page).unwrap()
}

/// The node of `part` whose title starts with `title`.
fn titled<'a>(part: &'a Part, title: &str) -> &'a Node {
    part.nodes
        .iter()
        .flat_map(Node::walk)
        .find(|n| n.title.starts_with(title))
        .unwrap_or_else(|| panic!("no node titled {title}"))
}

/// The pair holding the left node titled `left`.
fn pair_of<'a>(alignment: &'a Alignment, left: &Part, title: &str) -> &'a Pair {
    let id = &titled(left, title).id;
    alignment
        .pairs
        .iter()
        .find(|p| p.left.as_ref() == Some(id))
        .unwrap()
}

/// Every node id of a part in document order.
fn document_ids(part: &Part) -> Vec<&str> {
    part.nodes
        .iter()
        .flat_map(Node::walk)
        .map(|n| n.id.as_str())
        .collect()
}

fn partner_title(right: &Part, pair: &Pair) -> String {
    let id = pair.right.as_deref().unwrap_or("-");
    right
        .nodes
        .iter()
        .flat_map(Node::walk)
        .find(|n| n.id == id)
        .map_or("-".into(), |n| n.title.clone())
}

#[test]
fn renumbered_and_reordered_sections_pair_by_content() {
    let (l, r) = (plan(LEFT_PAGE), plan(RIGHT_PAGE));
    let (left, right) = (
        choose_part(&l, None).unwrap(),
        choose_part(&r, None).unwrap(),
    );
    let a = align(left, right);
    // (三) → (四), (二) → (五), (一) → (二)
    for (from, to) in [
        ("实施数据要素赋能工程", "实施数据要素赋能工程"),
        ("实施数字底座强基工程", "实施数字底座强基工程"),
        ("实施数字规则引领工程", "实施数字规则引领工程"),
    ] {
        let pair = pair_of(&a, left, from);
        assert_eq!(partner_title(right, pair), to);
        assert!(!pair.moved);
    }
}

#[test]
fn an_item_under_another_section_is_paired_and_moved() {
    let (l, r) = (plan(LEFT_PAGE), plan(RIGHT_PAGE));
    let (left, right) = (&l.parts[1], &r.parts[1]);
    let a = align(left, right);
    let security = pair_of(&a, left, "夯实数字安全保障防护能力");
    assert_eq!(partner_title(right, security), "夯实数字安全保障防护能力。");
    assert!(security.moved && security.changed);
    // the label says where the partner stands on the right
    assert_eq!(security.moved_from.as_deref(), Some("(三)1"));
    // renumbered section, same place within it: not moved
    let data = pair_of(&a, left, "探索公共数据开发利用新机制");
    assert!(!data.moved && !data.changed);
    // traditional script and half-width punctuation are no change
    let rules = pair_of(&a, left, "加强数字宝安顶层设计");
    assert!(!rules.changed, "{rules:?}");
    assert!((rules.score - 1.0).abs() < 1e-9);
    let figure = pair_of(&a, left, "强化智能算力资源供给");
    assert!(figure.changed && !figure.moved);
}

#[test]
fn missing_nodes_are_listed_on_their_side_and_every_node_appears_once() {
    let (l, r) = (plan(LEFT_PAGE), plan(RIGHT_PAGE));
    let (left, right) = (&l.parts[1], &r.parts[1]);
    let a = align(left, right);
    let research = pair_of(&a, left, "推动科研数据互联互通");
    assert_eq!(research.right, None);
    assert_eq!(research.score, 0.0);
    let only_right: Vec<String> = a
        .pairs
        .iter()
        .filter(|p| p.left.is_none())
        .map(|p| partner_title(right, p))
        .collect();
    assert_eq!(only_right, ["实施民生服务提质工程", "深化民意速办改革。"]);
    // a section whose one item pairs with a left item stands beside that item
    let guard = a
        .pairs
        .iter()
        .find(|p| p.right.is_some() && partner_title(right, p) == "实施网络安全守护工程")
        .unwrap();
    assert!(guard.left.is_some(), "{guard:?}");
    assert_eq!(
        (
            a.counts.paired,
            a.counts.moved,
            a.counts.only_left,
            a.counts.only_right
        ),
        (9, 1, 1, 2)
    );
    assert_every_node_once(&a, left, right);
}

#[test]
fn pairs_read_down_the_left_document() {
    let (l, r) = (plan(LEFT_PAGE), plan(RIGHT_PAGE));
    let (left, right) = (&l.parts[1], &r.parts[1]);
    let a = align(left, right);
    let mut left_order: Vec<&str> = a.pairs.iter().filter_map(|p| p.left.as_deref()).collect();
    // a node standing beside two right nodes is shown on two rows in a row
    left_order.dedup();
    let document = document_ids(left);
    assert_eq!(left_order, document);
    // a right node with no partner follows the right node before it
    let row = |id: &str| a.pairs.iter().position(|p| p.right.as_deref() == Some(id));
    let right_ids = document_ids(right);
    for pair in a.pairs.iter().filter(|p| p.left.is_none()) {
        let id = pair.right.as_deref().unwrap();
        let at = right_ids.iter().position(|r| *r == id).unwrap();
        if let Some(before) = at.checked_sub(1) {
            assert!(
                row(right_ids[before]) < row(id),
                "{id} after {}",
                right_ids[before]
            );
        }
    }
}

#[test]
fn a_report_against_itself_pairs_everything_unchanged() {
    let report = planlens::bundled::BUNDLED[1].report().unwrap();
    for part in &report.parts {
        let a = align(part, part);
        assert!(a.pairs.iter().all(|p| p.left == p.right && !p.changed));
        assert_eq!(
            a.counts.paired,
            part.nodes.iter().flat_map(Node::walk).count()
        );
    }
}

#[test]
fn generated_parts_of_many_sections_pair_with_themselves_and_every_node_appears_once() {
    let generated = |seed| {
        import_text(&synth::report_text(&synth::Spec {
            seed,
            sections: 30,
            items_per_section: 6,
            uneven: true,
            style: synth::ItemStyle::Numbered,
            ..synth::Spec::default()
        }))
        .unwrap()
    };
    let (a, b) = (generated(7), generated(8));
    let (left, right) = (&a.parts[1], &b.parts[1]);
    let itself = align(left, left);
    for p in &itself.pairs {
        assert!(p.left == p.right && !p.moved, "{p:?}");
    }
    let other = align(left, right);
    assert_every_node_once(&other, left, right);
    assert!(other.pairs.iter().all(|p| (0.0..=1.0).contains(&p.score)));
}

/// Every node of both parts is in exactly one row where it is not a repeat.
fn assert_every_node_once(a: &Alignment, left: &Part, right: &Part) {
    let ids = |part: &Part| -> Vec<String> {
        let mut ids: Vec<String> = part
            .nodes
            .iter()
            .flat_map(Node::walk)
            .map(|n| n.id.clone())
            .collect();
        ids.sort();
        ids
    };
    let shown = |column: Column, id: fn(&Pair) -> &Option<String>| -> Vec<String> {
        let mut ids: Vec<String> = a
            .pairs
            .iter()
            .filter(|p| p.repeated != Some(column))
            .filter_map(|p| id(p).clone())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(shown(Column::Left, |p| &p.left), ids(left));
    assert_eq!(shown(Column::Right, |p| &p.right), ids(right));
}

// --- planlens diff ------------------------------------------------------------------------------

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn planlens() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_planlens"));
    cmd.current_dir(root()).env_remove("NO_COLOR");
    cmd
}

/// Runs `planlens diff` on the bundled plans with extra arguments; it must succeed quietly.
fn diff_bundled(args: &[&str]) -> String {
    let output = planlens()
        .args(["diff", GUANGMING, LONGGANG])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "");
    String::from_utf8(output.stdout).unwrap()
}

fn bundled(name: &str) -> Report {
    planlens::bundled::find(name).unwrap().report().unwrap()
}

/// The right nodes shown beside the left node titled `title`: its partner, or the sections it
/// joined.
fn beside(a: &Alignment, left: &Part, right: &Part, title: &str) -> Vec<String> {
    let id = &titled(left, title).id;
    a.pairs
        .iter()
        .filter(|p| p.left.as_ref() == Some(id) && p.right.is_some())
        .map(|p| partner_title(right, p))
        .collect()
}

/// Aligns the bundled reports' parts of one kind (光明 on the left) and hands them to `check`.
fn bundled_alignment(kind: &str, check: impl FnOnce(&Alignment, &Part, &Part)) {
    let (l, r) = (bundled(GUANGMING), bundled(LONGGANG));
    let (left, right) = (
        choose_part(&l, Some(kind)).unwrap(),
        choose_part(&r, Some(kind)).unwrap(),
    );
    check(&align(left, right), left, right);
}

#[test]
fn the_bundled_plans_pair_same_subject_items_at_any_level_in_the_left_order() {
    bundled_alignment("plan", |a, left, right| {
        // both build the new district service centre (光明 says so in the item's body)
        assert_eq!(
            beside(a, left, right, "深入推动政务服务提质增效"),
            [
                "全力建好新的区政务服务中心,借鉴各地政务大厅建设经验,对标最好最优,围绕“智能客服”“智能导办”“智能审批”等环节探索智慧应用新场景,努力将新的区政务服务中心打造成为智能共享、便民高效的为民服务新标杆。"
            ]
        );
        // one item for 光明, a whole section for 龙岗
        let appeals = beside(a, left, right, "打造民生诉求综合服务改革");
        assert_eq!(appeals.len(), 1);
        assert!(
            appeals[0].starts_with("围绕民生诉求综合改革"),
            "{appeals:?}"
        );
        // CIM / 数字孪生 base platforms
        assert_eq!(
            beside(a, left, right, "加快建设数字孪生科学城"),
            ["加快基础性支撑平台建设。"]
        );
        // the left column reads in 光明's document order
        let mut order: Vec<&str> = a.pairs.iter().filter_map(|p| p.left.as_deref()).collect();
        order.dedup();
        assert_eq!(order, document_ids(left));
    });
}

#[test]
fn the_bundled_summaries_pair_sections_named_by_related_terms() {
    bundled_alignment("summary", |a, left, right| {
        // 民意速办 (光明) and 民生诉求 (龙岗) are one subject in the lexicon; 龙岗's section has no
        // items, so 光明's 一是/二是 items stand beside it too
        for title in [
            "坚持协同发力,推进民意速办走向深入",
            "建立科学化、精细化和智能化管理机制",
            "推动个案办理向类案治理延伸",
        ] {
            let shown = beside(a, left, right, title);
            assert_eq!(shown.len(), 1, "{title}: {shown:?}");
            assert!(shown[0].starts_with("着力建机制提效能,民生诉求服务水平实现新提升"));
        }
        // the match the lexicon made is said on the pair
        let sections = pair_of(a, left, "坚持协同发力,推进民意速办走向深入");
        assert_eq!(sections.subject.as_deref(), Some("民生诉求"));
    });
}

fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn json_has_exactly_the_documented_keys_and_every_node_once() {
    let json: Value = serde_json::from_str(&diff_bundled(&["--format", "json"])).unwrap();
    assert_eq!(
        keys(&json),
        BTreeSet::from(["left", "right", "counts", "pairs"])
    );
    for (side, file) in [("left", GUANGMING), ("right", LONGGANG)] {
        assert_eq!(
            keys(&json[side]),
            BTreeSet::from(["file", "part", "title", "heading"])
        );
        assert_eq!(json[side]["file"], file);
        assert_eq!(json[side]["part"], "p2");
    }
    let (g, l) = (bundled(GUANGMING), bundled(LONGGANG));
    let nodes = |report: &Report| -> HashMap<String, String> {
        report.parts[1]
            .nodes
            .iter()
            .flat_map(Node::walk)
            .map(|n| (n.id.clone(), pair_text(n)))
            .collect()
    };
    let (left_nodes, right_nodes) = (nodes(&g), nodes(&l));
    let mut seen: [Vec<String>; 2] = Default::default();
    let pairs = json["pairs"].as_array().unwrap();
    for pair in pairs {
        assert_eq!(
            keys(pair),
            BTreeSet::from([
                "left",
                "right",
                "score",
                "moved",
                "moved_from",
                "subject",
                "repeated",
                "note",
                "changes",
                "left_node",
                "right_node"
            ])
        );
        // both sides' titles and texts beside the ids
        for side in ["left", "right"] {
            let node = &pair[format!("{side}_node")];
            match pair[side].as_str() {
                Some(id) => {
                    assert_eq!(node["id"], id);
                    assert_eq!(
                        keys(node),
                        BTreeSet::from(["id", "marker", "title", "text"])
                    );
                    let report = if side == "left" { &g } else { &l };
                    let shown = report.node(id).unwrap();
                    assert_eq!(node["title"], shown.title.as_str());
                    assert_eq!(node["text"], shown.text.as_str());
                }
                None => assert!(node.is_null()),
            }
        }
        let score = pair["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score));
        assert!(pair["moved"].is_boolean());
        // a section shown again beside one more item it covers: its text is in an earlier pair
        if let Some(repeated) = pair["repeated"].as_str() {
            assert!(["left", "right"].contains(&repeated));
            assert!(pair["changes"].as_array().unwrap().is_empty());
            let other = if repeated == "left" { "right" } else { "left" };
            seen[usize::from(other == "right")].push(pair[other].as_str().unwrap().to_string());
            continue;
        }
        assert!(pair["repeated"].is_null());
        for (i, (side, texts)) in [("left", &left_nodes), ("right", &right_nodes)]
            .into_iter()
            .enumerate()
        {
            let joined: String = pair["changes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c[side].as_str().unwrap())
                .collect();
            match pair[side].as_str() {
                Some(id) => {
                    seen[i].push(id.to_string());
                    assert_eq!(joined, texts[id], "{id}");
                }
                None => assert!(pair[side].is_null() && joined.is_empty()),
            }
        }
        for change in pair["changes"].as_array().unwrap() {
            assert_eq!(keys(change), BTreeSet::from(["op", "left", "right"]));
            let op = change["op"].as_str().unwrap();
            assert!(["equal", "delete", "insert", "replace"].contains(&op));
        }
    }
    for (mut ids, texts) in seen.into_iter().zip([&left_nodes, &right_nodes]) {
        ids.sort();
        let mut expected: Vec<String> = texts.keys().cloned().collect();
        expected.sort();
        assert_eq!(ids, expected);
    }
    // real content: the security section pairs with the infrastructure section that holds
    // 光明's security item, and the public-data item finds 龙岗's public-data item in another
    // section
    let pair = |left: &str| {
        pairs
            .iter()
            .find(|p| p["left"] == left)
            .unwrap_or_else(|| panic!("{left}"))
    };
    let title =
        |report: &Report, id: &Value| report.node(id.as_str().unwrap()).unwrap().title.clone();
    let security = pair("p2.2");
    assert!(title(&l, &security["right"]).contains("安全体系"));
    assert!(title(&g, &Value::from("p2.2.3")).contains("安全"));
    let data = pair("p2.3.1");
    assert!(title(&l, &data["right"]).contains("公共数据"));
    assert_eq!(data["moved"], true);
    let projects = pair("p2.1.2");
    assert!(title(&l, &projects["right"]).contains("信息化项目管理"));
}

#[test]
fn text_is_side_by_side_and_never_wider_than_the_width() {
    for width in [120, 100, 81, 41, 40] {
        let text = diff_bundled(&["--format", "text", "--width", &width.to_string()]);
        for line in text.lines() {
            assert!(line.width() <= width, "{width}: {line:?}");
        }
        assert!(text.contains(" │ "), "{width}");
        assert!(text.contains("配对 13"), "{width}");
    }
    let text = diff_bundled(&["--format", "text", "--width", "120"]);
    assert!(text.starts_with(&format!("左 {GUANGMING} · p2 二、2025年工作计划\n")));
    assert!(text.contains("p2.2 (二) ↔ p2.5 (五) · 相似度"), "{text}");
    // the moved label says where the partner stands on the right
    assert!(text.contains("p2.3.1 1. ↔ p2.4.4 四是 · 相似度 0.28 · ⇄ 移自 (四)四是"));
    // the 安全 item beside the section that covers it, shown again as a reference
    assert!(
        text.contains("p2.2.3 3. ↔ p2.5 (五) · 相似度 0.30"),
        "{text}"
    );
    assert!(text.contains("↑ 同上 p2.5 (五)"), "{text}");
    // and the section's own items beside that item, not left 仅右
    assert!(text.contains("p2.2.3 3. ↔ p2.5.2 二是"), "{text}");
    // changes are visible without colour, and no escape codes reach a pipe
    assert!(text.contains("[-") && text.contains("{+"));
    assert!(!text.contains('\u{1b}'));
    // both sides of a pair are in the output
    assert!(text.contains("p2.1.2 2. ↔ p2.4.1 一是 · 相似度"));
    assert!(text.contains("信息化项目[-统筹-]管理"), "{text}");
}

#[test]
fn narrow_text_stacks_the_sides_within_the_width() {
    for width in [39, 20, 7, 2] {
        let text = diff_bundled(&["--width", &width.to_string()]);
        for line in text.lines() {
            assert!(line.width() <= width, "{width}: {line:?}");
        }
        assert!(!text.contains(" │ "));
    }
}

#[test]
fn without_a_format_the_output_is_the_text_at_120() {
    assert_eq!(
        diff_bundled(&[]),
        diff_bundled(&["--format", "text", "--width", "120"])
    );
}

#[test]
fn markdown_is_one_table_row_per_pair() {
    let md = diff_bundled(&["--format", "md"]);
    let json: Value = serde_json::from_str(&diff_bundled(&["--format", "json"])).unwrap();
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows[0], "| 左 | 右 | 相似度 | 说明 |");
    assert_eq!(rows[1], "|---|---|---|---|");
    assert_eq!(rows.len() - 2, json["pairs"].as_array().unwrap().len());
    assert!(rows.iter().all(|r| r.ends_with("|")));
    assert!(md.contains("<del>") && md.contains("<ins>"));
    assert!(
        rows.iter()
            .any(|r| r.starts_with("| `p2.3.1` 1.<br>") && r.ends_with("| ⇄ 移自 (四)四是 |"))
    );
    assert!(rows.iter().any(|r| r.starts_with("| — | `p2.6` (六)<br>")));
}

#[test]
fn parts_are_chosen_by_kind_or_number() {
    let json: Value = serde_json::from_str(&diff_bundled(&[
        "--format",
        "json",
        "--left-part",
        "summary",
        "--right-part",
        "1",
    ]))
    .unwrap();
    assert_eq!(json["left"]["part"], "p1");
    assert_eq!(json["right"]["part"], "p1");
}

#[test]
fn a_missing_part_is_bad_data_naming_the_file() {
    let output = planlens()
        .args(["diff", GUANGMING, LONGGANG, "--right-part", "7"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8(output.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(LONGGANG) && err.contains("7"), "{err}");
}

#[test]
fn raw_pages_in_either_script_compare_unchanged() {
    let dir = TempDir::new().unwrap();
    let simplified = dir.path().join("left.txt");
    let traditional = dir.path().join("right.txt");
    std::fs::write(&simplified, LEFT_PAGE).unwrap();
    let converted = LEFT_PAGE
        .replace("数字", "數字")
        .replace("数据", "數據")
        .replace("，", ",");
    std::fs::write(&traditional, converted).unwrap();
    let output = planlens()
        .arg("diff")
        .args([&simplified, &traditional])
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    for pair in json["pairs"].as_array().unwrap() {
        assert_eq!(pair["left"], pair["right"]);
        assert!(
            pair["changes"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c["op"] == "equal")
        );
    }
}

/// One section of `n` one-line items, each naming two of a few hundred subjects.
fn many_items(n: usize, seed: u64) -> Part {
    const WORDS: &[&str] = &[
        "数据", "平台", "城市", "治理", "服务", "安全", "算力", "孪生", "政务", "诉求", "园区",
        "交通", "医疗", "教育", "应急", "网络", "档案", "信用", "招商", "社区",
    ];
    let mut state = seed;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        usize::try_from(state >> 33).unwrap() % WORDS.len()
    };
    let items: Vec<Node> = (0..n)
        .map(|i| Node {
            id: format!("p2.1.{}", i + 1),
            marker: format!("{}.", i + 1),
            title: format!(
                "推进{}{}{}建设第{i}项。",
                WORDS[next()],
                WORDS[next()],
                WORDS[next()]
            ),
            text: String::new(),
            children: Vec::new(),
            flags: Vec::new(),
            line: 0,
        })
        .collect();
    Part {
        id: "p2".into(),
        kind: planlens::model::PartKind::Plan,
        year: Some(2025),
        half: None,
        heading: "二、2025年工作计划".into(),
        text: String::new(),
        nodes: vec![Node {
            id: "p2.1".into(),
            marker: "(一)".into(),
            title: "重点工作".into(),
            text: String::new(),
            children: items,
            flags: Vec::new(),
            line: 0,
        }],
        line: 0,
    }
}

#[test]
fn a_5000_item_pair_scores_a_bounded_number_of_candidates_per_item() {
    let (left, right) = (many_items(5000, 1), many_items(5000, 2));
    let a = align(&left, &right);
    // every item against every item would be 25 million; the index keeps a few per item
    let per_item = planlens::compare::align::TOP_CANDIDATES + 2;
    assert!(
        a.considered <= 5001 * per_item,
        "{} candidates scored",
        a.considered
    );
    assert_every_node_once(&a, &left, &right);
}

/// The node id a diff row's cell opens with (`p2.1` in text, `` `p2.1` `` in Markdown), or
/// `None` for an empty side (—).
fn row_id(cell: &str) -> Option<String> {
    let cell = cell.trim().trim_start_matches('|').trim_start();
    if cell.starts_with('—') {
        return None;
    }
    let id: String = cell
        .trim_start_matches('`')
        .chars()
        .take_while(|c| *c == 'p' || *c == '.' || c.is_ascii_digit())
        .collect();
    assert!(id.starts_with('p'), "no node id at the start of {cell:?}");
    Some(id)
}

#[test]
fn diff_text_markdown_and_json_hold_the_same_rows() {
    for part in ["plan", "summary"] {
        let parts = ["--left-part", part, "--right-part", part];
        let json: Value =
            serde_json::from_str(&diff_bundled(&[&parts[..], &["--format", "json"]].concat()))
                .unwrap();
        let id = |v: &Value| v.as_str().map(str::to_string);
        let from_json: Vec<(Option<String>, Option<String>)> = json["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (id(&p["left"]), id(&p["right"])))
            .collect();
        // text: each row's header line, `LEFT ↔ RIGHT · …` (body lines hold the │ column rule)
        let text = diff_bundled(&[&parts[..], &["--format", "text", "--width", "100"]].concat());
        let from_text: Vec<_> = text
            .lines()
            .filter(|l| l.contains(" ↔ ") && !l.contains('│'))
            .map(|l| {
                let (left, right) = l.split_once(" ↔ ").unwrap();
                (row_id(left), row_id(right))
            })
            .collect();
        // Markdown: the table's rows after the header and its rule
        let md = diff_bundled(&[&parts[..], &["--format", "md"]].concat());
        let from_md: Vec<_> = md
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| 左 |"))
            .map(|l| {
                let cells: Vec<&str> = l.split(" | ").collect();
                (row_id(cells[0]), row_id(cells[1]))
            })
            .collect();
        assert!(from_json.len() > 20, "{part}: {} rows", from_json.len());
        assert_eq!(
            from_text, from_json,
            "{part}: text rows differ from the JSON's"
        );
        assert_eq!(
            from_md, from_json,
            "{part}: Markdown rows differ from the JSON's"
        );
    }
}
