//! Every Chinese string the user reads, in one place for the CLI and the TUI: status and verdict
//! labels, pair warnings, titles, column headers, messages. Must not depend on tui, the CLI or
//! ratatui. (The keymap's help and hint texts stay in its table, beside their keys.)

use crate::compare::align::Counts;
use crate::compare::audit::{CommitmentCheck, Status};
use crate::compare::targets::TargetCheck;
use crate::compare::warnings::{Organisation, PairWarning};
use crate::model::{Flag, PartKind};
use crate::store::verdicts::{SummaryRef, Verdict};

// --- statuses, verdicts, part kinds, importer flags ---

/// The label auditors read: 已报告, 部分, 未提及.
pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Reported => "已报告",
        Status::Partial => "部分",
        Status::NotMentioned => "未提及",
    }
}

/// A symbol that tells the status without colour: ✓ reported, ◐ partial, ✗ not mentioned.
pub fn status_symbol(status: Status) -> &'static str {
    match status {
        Status::Reported => "✓",
        Status::Partial => "◐",
        Status::NotMentioned => "✗",
    }
}

/// Symbol and label, so the status reads without colour: `✓ 已报告`.
pub fn status_with_symbol(status: Status) -> String {
    format!("{} {}", status_symbol(status), status_label(status))
}

/// The label auditors read: 已落实, 部分落实, 未落实, 待核实.
pub fn verdict_label(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Done => "已落实",
        Verdict::Partial => "部分落实",
        Verdict::NotDone => "未落实",
        Verdict::Unverified => "待核实",
    }
}

/// 总结 / 计划 / 其他.
pub fn part_kind(kind: PartKind) -> &'static str {
    match kind {
        PartKind::Summary => "总结",
        PartKind::Plan => "计划",
        PartKind::Other => "其他",
    }
}

/// The reader's note after a node the importer flagged.
pub fn flag_note(flag: Flag) -> &'static str {
    match flag {
        Flag::MarkerBroken => "〔序号残缺,按原文保留〕",
        Flag::NumberingGap => "〔序号不连续〕",
        Flag::HeadingGlued => "〔标题与正文粘连,已按语义分开〕",
    }
}

/// The reader's note up front on a page with damaged bytes: `〔原文有2处字节损坏,无法解码,显示为�〕`.
pub fn damaged_note(damaged: usize) -> String {
    format!("〔原文有{damaged}处字节损坏,无法解码,显示为\u{FFFD}〕")
}

// --- pair warnings ---

/// One pair warning as a sentence: `单位不同: 计划为光明区政务服务和数据管理局, 总结为…`,
/// `无法确认是同一单位: …`, `年份不同: 计划为2025年, 总结为未知`, `总结只含半年`.
pub fn pair_warning(warning: &PairWarning) -> String {
    let organisation = |o: &Organisation| {
        format!(
            "{}{}",
            o.district.as_deref().unwrap_or("(区未知)"),
            o.bureau.as_deref().unwrap_or("(单位未知)")
        )
    };
    let year = |y: Option<i32>| y.map_or_else(|| "未知".to_string(), |y| format!("{y}年"));
    match warning {
        PairWarning::DifferentOrganisation { plan, summary } => format!(
            "单位不同: 计划为{}, 总结为{}",
            organisation(plan),
            organisation(summary)
        ),
        PairWarning::UnknownOrganisation { plan } => {
            format!("无法确认是同一单位: {}", organisation(plan))
        }
        PairWarning::DifferentYears { plan, summary } => {
            format!("年份不同: 计划为{}, 总结为{}", year(*plan), year(*summary))
        }
        PairWarning::HalfYearSummary => "总结只含半年".to_string(),
    }
}

/// `注意: W1; W2` for warnings shown beside a choice or as a message.
pub fn caution(warnings: &[PairWarning]) -> String {
    let said: Vec<String> = warnings.iter().map(pair_warning).collect();
    format!("注意: {}", said.join("; "))
}

/// The audit chooser's note on a pair without warnings.
pub const SUGGESTED: &str = "建议";

// --- comparison (CLI and TUI) ---

/// The two sides of a comparison.
pub const LEFT: &str = "左";
pub const RIGHT: &str = "右";
/// Only on the left / right side of a comparison.
pub const ONLY_LEFT: &str = "仅左";
pub const ONLY_RIGHT: &str = "仅右";
/// A pair whose item moved, before where it came from: `⇄ 移自 (二)2`.
pub const MOVED_FROM: &str = "⇄ 移自";
/// Before the subject two titles name in different words (民意速办 / 民生诉求).
pub const SAME_SUBJECT: &str = "同题";
/// A missing side or score in the comparison's text and Markdown.
pub const MISSING: &str = "—";
/// A pair whose two sides read the same.
pub const SAME: &str = "相同";
/// In place of a section shown again beside another item it covers: `↑ 同上 p2.5 (五)`.
pub fn repeated(id: &str, marker: &str) -> String {
    format!("↑ 同上 {id} {marker}").trim_end().to_string()
}
/// The similarity of a pair, and the note on it (the Markdown table's columns).
pub const SCORE: &str = "相似度";
pub const NOTE: &str = "说明";
/// How the text output marks changes.
pub const LEGEND: &str = "标记：[-仅左侧-] {+仅右侧+}";

/// `配对 8 · 有差异 8 · 移动 2 · 仅左 10 · 仅右 19`
pub fn pair_counts(c: &Counts) -> String {
    format!(
        "配对 {} · 有差异 {} · 移动 {} · {ONLY_LEFT} {} · {ONLY_RIGHT} {}",
        c.paired, c.changed, c.moved, c.only_left, c.only_right
    )
}

// --- messages (TUI footer) ---

pub const NOTHING_TO_COMPARE: &str = "没有可比较的其他部分";
pub const NO_MORE_CHANGES: &str = "没有更多有差异的配对";
pub const NO_PLAN_PART: &str = "本报告没有工作计划部分";
pub const NO_SUMMARY_LOADED: &str = "没有载入含工作总结的报告";
pub const SEARCH_FIRST: &str = "先按 / 搜索";

/// `未找到 “QUERY”`
pub fn not_found(query: &str) -> String {
    format!("未找到 “{query}”")
}

/// A bookmark whose node the report no longer has.
pub fn bookmark_gone(id: &str) -> String {
    format!("书签 {id} 已不在本报告中")
}

pub fn bookmark_added(label: &str) -> String {
    format!("已加书签: {label}")
}

pub fn bookmark_removed(label: &str) -> String {
    format!("已删除书签: {label}")
}

/// The footer message when the bookmarks could not be saved.
pub fn bookmarks_not_saved(error: &impl std::fmt::Display) -> String {
    format!("书签未保存: {error}")
}

// --- picker, tree, reader ---

pub const NO_DISTRICT: &str = "(未注明地区)";
pub const NO_BUREAU: &str = "(未注明部门)";
/// The first block of a report with no title.
pub const PREAMBLE: &str = "前言";
pub const FAILED_FILES: &str = "无法加载的文件:";
pub const CHOOSE_REPORT: &str = "选择报告";
pub const TREE_TITLE: &str = " 目录 ";

/// ` planlens · 2 份报告 `
pub fn picker_title(reports: usize) -> String {
    format!(" planlens · {reports} 份报告 ")
}

// --- overlays ---

pub const HELP_TITLE_SCROLLING: &str = " 帮助 · j/k 滚动 · Esc 关闭 ";
pub const HELP_TITLE: &str = " 帮助 · ? 或 Esc 关闭 ";
pub const BOOKMARKS_TITLE_EMPTY: &str = " 书签 · Esc 关闭 ";
pub const NO_BOOKMARKS: &str = "还没有书签: 在阅读时按 m";
pub const BOOKMARKS_TITLE: &str = " 书签 · Enter 跳转 · Esc 关闭 ";
pub const CHOOSE_COMPARE_TITLE: &str = " 比较: 左为当前部分, 右为所选 · Enter 比较 · Esc 取消 ";
/// The compare chooser's first line (the open part, the left side) and each choice's mark.
pub const COMPARE_LEFT_CURRENT: &str = "左 (当前)";
pub const COMPARE_RIGHT_CHOICE: &str = "右";
pub const CHOOSE_AUDIT_TITLE: &str = " 对照哪一份总结审计 · Enter 审计 · Esc 取消 ";
pub const CHOOSE_VERDICT_TITLE: &str = " 结论 · Enter 确定 · Esc 取消 ";
pub const CLEAR_VERDICT: &str = "(清除结论)";

/// A bookmark in the list whose node the report no longer has.
pub fn bookmark_missing(id: &str) -> String {
    format!("{id} (已不在本报告中)")
}

// --- text fields ---

/// The note being typed, with its cursor.
pub fn note_field(note: &str) -> String {
    format!("备注: {note}▏")
}

pub const NO_HITS: &str = "  无结果";

// --- the compare view ---

/// The label of a pair's missing side.
pub const NO_COUNTERPART: &str = "— 无对应 —";

// --- the audit view ---

pub const FILTER_ALL: &str = "全部";
pub const FILTER_NOT_MENTIONED: &str = "仅未提及";
pub const FILTER_FLAGGED_TARGETS: &str = "仅目标未达或未报";
pub const FILTER_NO_VERDICT: &str = "仅未下结论";

/// `审计 · 明湖区 2025计划 ⇄ 明湖区 2025总结 · ✓ 已报告 7 · ◐ 部分 3 · ✗ 未提及 2`
pub fn audit_header(plan: &str, summary: &str, counts: [usize; 3]) -> String {
    let [reported, partial, missing] = counts;
    format!(
        "审计 · {plan} ⇄ {summary} · {} {reported} · {} {partial} · {} {missing}",
        status_with_symbol(Status::Reported),
        status_with_symbol(Status::Partial),
        status_with_symbol(Status::NotMentioned),
    )
}

/// `筛选: 仅未提及`, kept in sight at the end of the audit header.
pub fn filter_note(filter: &str) -> String {
    format!("筛选: {filter}")
}

pub const AUDIT_TABLE_TITLE: &str = " 计划条目 · Enter 证据 · v 结论 · e 备注 · f 筛选 ";
pub const COLUMN_STATUS: &str = "状态";
/// The table column of reported commitments (`2/3`).
pub const COLUMN_PARTS: &str = FIELD_PARTS;
pub const COLUMN_SECTION: &str = "章节";
pub const COLUMN_ITEM: &str = "条目";
pub const COLUMN_TARGET: &str = "目标→实际";
pub const COLUMN_VERDICT: &str = "结论";
pub const NOTHING_FILTERED: &str = "没有符合筛选的条目 (f 换筛选)";
/// A stale verdict's mark.
pub const STALE: &str = "(已过期)";

/// A stale verdict in a table cell: `已落实 (已过期)`, `- (已过期)` for a note alone.
pub fn stale_label(verdict: Option<Verdict>) -> String {
    format!("{} {STALE}", verdict.map_or("-", verdict_label))
}
/// The verdict cell of a stale entry with a note and no verdict.
pub const NOTE_ONLY: &str = "备注";
/// A target whose figure the summary does not report, in the table.
pub const NOT_REPORTED_SHORT: &str = "未报";

pub const DETAIL_ITEM_TITLE: &str = " 计划条目 ";
pub const DETAIL_EVIDENCE_TITLE: &str = " 总结中的证据 ";
pub const DETAIL_STACKED_TITLE: &str = " 条目与证据 · Esc 返回表格 ";
pub const NO_EVIDENCE: &str = "总结中没有找到相关的句子。";
/// The evidence view at either end of the table (`n` / `p`).
pub const LAST_ITEM: &str = "已是最后一条";
pub const FIRST_ITEM: &str = "已是第一条";

/// `✓ 已报告 · 分项 2/3 已报告`
pub fn status_line(status: Status, (reported, of): (usize, usize)) -> String {
    format!(
        "{} · {}",
        status_with_symbol(status),
        parts_reported(reported, of)
    )
}

/// `分项 2/3 已报告`: how many of an item's commitments the summary reports.
pub fn parts_reported(reported: usize, of: usize) -> String {
    format!("{FIELD_PARTS} {reported}/{of} 已报告")
}

/// One commitment of an item: `✓ 建成区级政务智算中心 (主项) [1]`, `✗ 建成监测预警平台`,
/// `✗ 修订《若干措施》 (下一年计划再列)`; the number is the evidence sentence that reports it.
pub fn part_line(commitment: &CommitmentCheck) -> String {
    let mark = if commitment.evidence.is_some() {
        "✓"
    } else {
        "✗"
    };
    let main = if commitment.main { " (主项)" } else { "" };
    let again = if commitment.promised_again {
        PROMISED_AGAIN
    } else {
        ""
    };
    let source = commitment
        .evidence
        .map_or(String::new(), |n| format!(" {}", evidence_ref(n)));
    let text = commitment
        .text
        .trim()
        .trim_end_matches(['。', '.', '；', ';']);
    format!("{mark} {text}{main}{again}{source}")
}

/// Beside a commitment the summary does not report and the next year's plan promises again.
pub const PROMISED_AGAIN: &str = " (下一年计划再列)";

/// `[1]`: an evidence sentence's number (0-based `n`), as the commitments cite it.
pub fn evidence_ref(n: usize) -> String {
    format!("[{}]", n + 1)
}

/// `指标: 不少于20个 → 26个 ✓`
pub fn target_field(check: &str) -> String {
    format!("{FIELD_TARGETS}: {check}")
}

/// `承诺减弱: 确保→力争`
pub fn commitment_line(note: &str) -> String {
    format!("{FIELD_COMMITMENT}: {note}")
}

/// The verdict line of the detail view: `结论: 已落实 见公告`, a stale one, or none yet.
pub fn verdict_line(verdict: Option<(Option<Verdict>, &str)>, stale: bool) -> String {
    let label = |v: Option<Verdict>, note: &str| format!("{} {note}", v.map_or("—", verdict_label));
    match verdict {
        Some((v, note)) if stale => format!("结论(条目已修改, 已过期): {}", label(v, note)),
        Some((v, note)) => format!("结论: {}", label(v, note)),
        None => "结论: 未下 (v 下结论, e 写备注)".to_string(),
    }
}

// --- the CLI's audit report ---

/// The columns of the audit's Markdown and CSV tables besides the fields below.
pub const COLUMN_ID: &str = "编号";
pub const COLUMN_PLAN_ITEM: &str = "计划条目";
/// What the item says after its heading.
pub const COLUMN_BODY: &str = "条目正文";
/// The share of the item the evidence covers, 0 to 1.
pub const COLUMN_SCORE: &str = "覆盖度";
/// Each commitment, reported or not.
pub const COLUMN_PART_LINES: &str = "分项明细";
pub const COLUMN_NOTE: &str = "备注";
/// Verdicts made against another summary than the one audited against.
pub const COLUMN_OTHER_VERDICTS: &str = "另一份总结的结论";
pub const OTHER_SUMMARY: &str = "另一份总结";

/// `另一份总结 minghu-2024.txt (2024年): 已落实 见公告`; `(未记录)` when an old sidecar did not
/// say which summary.
pub fn other_verdict(summary: Option<&SummaryRef>, verdict: Option<Verdict>, note: &str) -> String {
    let which = summary.map_or_else(
        || "(未记录)".to_string(),
        |s| {
            let year = s
                .year
                .map_or_else(|| "年份未知".to_string(), |y| format!("{y}年"));
            format!("{} ({year})", s.file)
        },
    );
    format!(
        "{OTHER_SUMMARY} {which}: {} {note}",
        verdict.map_or("—", verdict_label)
    )
    .trim_end()
    .to_string()
}

/// The label of an item's body in the text report.
pub const FIELD_BODY: &str = "正文";

/// The labels of an item's lines in the text report (the status line uses [`COLUMN_STATUS`]).
pub const FIELD_EVIDENCE: &str = "证据";
pub const FIELD_TARGETS: &str = "指标";
/// An item's commitments, each reported or not.
pub const FIELD_PARTS: &str = "分项";
/// Plan words the evidence reports in a weaker form.
pub const FIELD_COMMITMENT: &str = "承诺减弱";
pub const FIELD_VERDICT: &str = "核实";

/// `p2.1.1: 核实结论已过期 (条目文字已改动): 已落实 见公告`
pub fn stale_verdict(id: &str, verdict: Option<Verdict>, note: &str) -> String {
    format!(
        "{id}: 核实结论已过期 (条目文字已改动): {} {note}",
        verdict.map_or("-", verdict_label)
    )
    .trim_end()
    .to_string()
}

/// `不少于20个→26个`, `220项→230项 !` (below), `5万个→未报 ?` (unreported), `… +2` with more
/// targets: a target in a narrow column.
pub fn target_short(t: &TargetCheck, more: usize) -> String {
    let mark = match t.met {
        Some(true) => "",
        Some(false) => " !",
        None => " ?",
    };
    let more = if more > 0 {
        format!(" +{more}")
    } else {
        String::new()
    };
    format!(
        "{}→{}{mark}{more}",
        t.plan,
        t.reported.as_deref().unwrap_or(NOT_REPORTED_SHORT)
    )
}

/// `已报告 7 · 部分 4 · 未提及 2`
pub fn status_counts(counts: [(Status, usize); 3]) -> String {
    let said: Vec<String> = counts
        .iter()
        .map(|(status, n)| format!("{} {n}", status_label(*status)))
        .collect();
    said.join(" · ")
}

/// `不少于20个 → 26个 ✓`, `提升至95% → 93.5% ✗ 未达标`, `不少于5万个 → 未报告`.
pub fn target_check(t: &TargetCheck) -> String {
    match (&t.reported, t.met) {
        (Some(reported), Some(true)) => format!("{} → {reported} ✓", t.plan),
        (Some(reported), _) => format!("{} → {reported} ✗ 未达标", t.plan),
        (None, _) => format!("{} → 未报告", t.plan),
    }
}

// --- search across reports (CLI and TUI) ---

/// Around a hit in the CLI's text output: `【一网统管】`.
pub const HIT_MARKS: (&str, &str) = ("【", "】");
/// Between the report and the headings of a section path.
pub const PATH_SEPARATOR: &str = " › ";
/// The results screen: its title, its place in the footer, what it shows before a query.
pub const SEARCH_ALL_TITLE: &str = " 搜索全部报告 ";
pub const SEARCH_ALL: &str = "搜索全部报告";
pub const SEARCH_ALL_PROMPT: &str = "输入词语搜索全部报告 (数据 也找到 數據)";

/// `“一网统管”: 2 份报告, 5 处`; `“秒批”: 未找到`.
pub fn search_summary(query: &str, reports: usize, hits: usize) -> String {
    if hits == 0 {
        return format!("“{query}”: 未找到");
    }
    format!("“{query}”: {reports} 份报告, {hits} 处")
}

/// A report's count of hits: `3 处`.
pub fn hit_count(hits: usize) -> String {
    format!("{hits} 处")
}

/// `一、2024年工作总结 › (一)坚持多维发力…`; a hit in the opening paragraph is in the 前言.
pub fn section_path(path: &[String]) -> String {
    if path.is_empty() {
        return PREAMBLE.to_string();
    }
    path.join(PATH_SEPARATOR)
}

// --- many reports: the matrix (topics × reports) and the recurring items ---

/// A report as a column of the matrix: `光明区 · 2025` (its district, else its city or title).
pub fn report_column(report: &crate::model::Report, year: Option<i32>) -> String {
    let place = report
        .district
        .as_deref()
        .or(report.city.as_deref())
        .unwrap_or(&report.title);
    match year {
        Some(year) => format!("{place} · {year}"),
        None => place.to_string(),
    }
}

/// The name of a topic: its typical terms, `数据要素 · 授权运营`; without any (a topic of one
/// item, or of items sharing no short whole words), the first clause of its central item's
/// heading.
pub fn topic_label(terms: &[String], heading: &str) -> String {
    if terms.is_empty() {
        // its first clause: whole words, cut where the heading itself pauses
        heading
            .split(['。', '；', ';', '，', ',', '：', ':'])
            .map(str::trim)
            .find(|clause| !clause.is_empty())
            .unwrap_or(heading)
            .to_string()
    } else {
        terms.join(" · ")
    }
}

/// A cell with nothing on the topic but a report's nearest unit: `(近似 0.12) 2.提升…`.
pub fn near_miss(similarity: f64, unit: &str) -> String {
    format!("(近似 {similarity:.2}) {unit}")
}

/// The matrix's first column header, and the text of an empty cell.
pub const TOPIC: &str = "主题";
pub const NOTHING_ON_TOPIC: &str = "—";
/// ` 主题矩阵 · 12 个主题 × 5 份报告 `
pub fn matrix_title(topics: usize, reports: usize) -> String {
    format!(" 主题矩阵 · {topics} 个主题 × {reports} 份报告 ")
}
pub const NO_REPORT_TO_SURVEY: &str = "没有含该部分的报告";
/// A report marked in the picker for the matrix and the recurring items.
pub const MARKED: &str = "＊";
pub fn marked_count(marked: usize) -> String {
    format!("已选 {marked} 份 · M 矩阵 · R 反复")
}

/// A thread's flag: an item on two or more successive plans that no summary reports.
pub const CONSECUTIVE_UNFULFILLED: &str = "连续未落实";
/// The status of a thread item whose year's summary is not loaded.
pub const NO_SUMMARY: &str = "无总结";
pub const NO_THREADS: &str = "没有跨年重复的计划条目";
/// What a thread item's summary said: its status, or that the summary is not loaded.
pub fn thread_status(status: Option<Status>) -> String {
    status.map_or_else(|| NO_SUMMARY.to_string(), status_with_symbol)
}

pub fn thread_flag(flag: crate::compare::threads::ThreadFlag) -> &'static str {
    match flag {
        crate::compare::threads::ThreadFlag::ConsecutiveUnfulfilled => CONSECUTIVE_UNFULFILLED,
    }
}

/// A thread's heading: `线索 2 · 3 年`.
pub fn thread_heading(number: usize, years: usize) -> String {
    format!("线索 {number} · {years} 年")
}

// --- correcting the evidence (the evidence view and the CLI's audit) ---

/// How a corrected evidence sentence is tagged after its number and node id.
pub const EVIDENCE_REJECTED: &str = "已剔除";
pub const EVIDENCE_ATTACHED: &str = "审计添加";
pub const EVIDENCE_GONE: &str = "审计添加, 总结中已无此句";

/// `[2] p1.3 (已剔除)`
pub fn evidence_tagged(source: &str, tag: &str) -> String {
    format!("{source} ({tag})")
}

/// The popup that attaches a sentence of the summary.
pub const ATTACH_TITLE: &str = " 添加证据 · ↑↓ 选择 · Enter 添加 · Esc 取消 ";

/// The attach popup's query line: `搜索总结: 数据▏  12 句`.
pub fn attach_query(query: &str, found: usize) -> String {
    format!("搜索总结: {query}▏  {found} 句")
}

/// `r` in an item without evidence.
pub const NO_EVIDENCE_TO_REJECT: &str = "没有证据句 (+ 添加)";

// --- the recurring items' screen, and the matrix's comparison and filter ---

/// An organisation as a report writes it: `坪山区 · 政务服务数据管理局` (the picker's groups, the
/// recurring items' groups).
pub fn org_name(report: &crate::model::Report) -> String {
    format!(
        "{} · {}",
        report
            .district
            .as_deref()
            .or(report.city.as_deref())
            .unwrap_or(NO_DISTRICT),
        report.bureau.as_deref().unwrap_or(NO_BUREAU)
    )
}
/// ` 反复出现的计划条目 · 4 条线索 `
pub fn recur_title(threads: usize) -> String {
    format!(" 反复出现的计划条目 · {threads} 条线索 ")
}
/// Between the years of a thread.
pub const THREAD_STEP: &str = " › ";
/// Before a thread's years when the first ones are scrolled out of the row.
pub const THREAD_CUT: &str = "… ";
/// `d` in the matrix before two columns are marked.
pub const MARK_TWO_COLUMNS: &str = "先在两列上按 Space 选中两份报告, 再按 d 比较本行";
/// A side of the matrix's comparison: the part's heading and the topic compared,
/// `二、2025年工作计划 · 授权运营`.
pub fn topic_part_heading(heading: &str, topic: &str) -> String {
    format!("{heading} · {topic}")
}
/// ` 主题矩阵 · 3/34 个主题 “数据” × 5 份报告 `: the matrix with its topics filtered.
pub fn matrix_filtered_title(shown: usize, topics: usize, query: &str, reports: usize) -> String {
    format!(" 主题矩阵 · {shown}/{topics} 个主题 “{query}” × {reports} 份报告 ")
}
pub const NO_TOPIC_FOUND: &str = "没有含该词的主题";

// --- hand-off: the audit workbook (.xlsx) and the comparison redline (.html) ---

/// The workbook's sheets: the audit table, its evidence sentences, the overview.
pub const SHEET_AUDIT: &str = "审计";
pub const SHEET_EVIDENCE: &str = "证据";
pub const SHEET_OVERVIEW: &str = "概况";
/// The matrix workbook's one sheet: topics × reports.
pub const SHEET_MATRIX: &str = "矩阵";
/// The 证据 sheet's columns beside the audit's: the sentence's number and node id, its score.
pub const COLUMN_EVIDENCE_SOURCE: &str = "证据来源";
pub const COLUMN_EVIDENCE_SCORE: &str = "相关度";
/// The 概况 sheet: the two reports (file, title, year), a warning's label, the totals.
pub const COLUMN_FILE: &str = "文件";
pub const COLUMN_TITLE: &str = "标题";
pub const COLUMN_YEAR: &str = "年份";
pub const PLAN: &str = "计划";
pub const SUMMARY: &str = "总结";
pub const WARNING: &str = "注意";
pub const TOTAL: &str = "合计";
pub const CHART_TITLE: &str = "各章节条目状态";
/// The redline's title (before the two parts), its contents, its legend.
pub const REDLINE_TITLE: &str = "比较";
pub const REDLINE_CONTENTS: &str = "目录";
pub const REDLINE_ONLY_LEFT: &str = "仅左侧";
pub const REDLINE_ONLY_RIGHT: &str = "仅右侧";
/// The TUI's confirm popup before replacing a hand-off file.
pub const REPLACE_TITLE: &str = " 文件已存在 · y 替换 · n 取消 ";
pub const REPLACE_QUESTION: &str = "这个文件已存在, 替换吗?";

/// `已写入 PATH`, the footer after `x`.
pub fn handoff_written(path: &str) -> String {
    format!("已写入 {path}")
}

/// `未写入 PATH: REASON`, the footer when the file could not be written.
pub fn handoff_not_written(path: &str, error: &impl std::fmt::Display) -> String {
    format!("未写入 {path}: {error}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_commitment_line_says_what_reports_it_or_that_it_comes_again() {
        let commitment = |text: &str, main, evidence, promised_again| CommitmentCheck {
            text: text.to_string(),
            main,
            evidence,
            promised_again,
            result: false,
        };
        assert_eq!(
            part_line(&commitment("建成区级政务智算中心。", true, Some(0), false)),
            "✓ 建成区级政务智算中心 (主项) [1]"
        );
        assert_eq!(
            part_line(&commitment("修订《若干措施》", false, None, true)),
            "✗ 修订《若干措施》 (下一年计划再列)"
        );
        assert_eq!(
            part_line(&commitment("建成监测预警平台；", false, None, false)),
            "✗ 建成监测预警平台"
        );
    }

    #[test]
    fn warnings_read_as_before() {
        let org = |d: Option<&str>, b: Option<&str>| Organisation {
            district: d.map(str::to_string),
            bureau: b.map(str::to_string),
        };
        assert_eq!(
            pair_warning(&PairWarning::DifferentOrganisation {
                plan: org(Some("明湖区"), Some("某局")),
                summary: org(Some("光明区"), None),
            }),
            "单位不同: 计划为明湖区某局, 总结为光明区(单位未知)"
        );
        assert_eq!(
            pair_warning(&PairWarning::UnknownOrganisation {
                plan: org(None, Some("某局"))
            }),
            "无法确认是同一单位: (区未知)某局"
        );
        assert_eq!(
            pair_warning(&PairWarning::DifferentYears {
                plan: None,
                summary: Some(2024)
            }),
            "年份不同: 计划为未知, 总结为2024年"
        );
        assert_eq!(
            caution(&[PairWarning::HalfYearSummary, PairWarning::HalfYearSummary]),
            "注意: 总结只含半年; 总结只含半年"
        );
    }

    #[test]
    fn statuses_read_without_colour() {
        assert_eq!(status_with_symbol(Status::Partial), "◐ 部分");
        assert_eq!(
            audit_header("甲", "乙", [7, 3, 2]),
            "审计 · 甲 ⇄ 乙 · ✓ 已报告 7 · ◐ 部分 3 · ✗ 未提及 2"
        );
        assert_eq!(filter_note(FILTER_ALL), "筛选: 全部");
    }
}
