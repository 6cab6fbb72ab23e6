//! Commitment words a summary reports in a weaker form than the plan wrote them (确保→力争,
//! 全面→逐步), and a promise to finish a thing (建成, 投入使用) reported only as started (启动,
//! 开工, 完成立项). No UI types.

use crate::compare::similarity::written_bigrams;
use crate::compare::terms::split_clauses;
use crate::text::normalize::fold;

/// A plan word and the weaker words a summary may report it with.
const WEAKER: &[(&str, &[&str])] = &[
    ("确保", &["力争", "争取"]),
    ("完成", &["启动", "探索", "谋划", "推进", "推动"]),
    ("建成", &["启动", "探索", "谋划", "开工", "推进", "推动"]),
    ("全面", &["逐步", "初步", "部分", "试点"]),
];
/// Words that report a thing finished: a 完成/建成 item reported with one of them is not
/// weakened by a 推进 elsewhere in its evidence. Followed by a stage ([`STAGES`]: 完成立项,
/// 实现主体结构封顶), they report the stage, not the thing.
const FINISHED: &[&str] = &[
    "完成",
    "建成",
    "投用",
    "投入使用",
    "上线",
    "落成",
    "竣工",
    "实现",
    "印发",
    "出台",
    "启用",
    "交付",
    "通车",
    "开园",
    "开业",
];
/// Plan words that promise a finished thing: a commitment holding one promises to finish.
const FINISH_PROMISES: &[&str] = &["完成", "建成", "投入使用", "投用", "竣工", "完工"];
/// The finish promises of a thing built and put to use (年内完工: xiangzhou status +1, nothing
/// else moved); 完成 also closes a small task (完成避难场所标识标牌规范设置).
const BUILT_PROMISES: &[&str] = &["建成", "投入使用", "投用", "竣工", "完工"];
/// The stages of a thing begun and not finished, furthest last: thought of (探索, 谋划),
/// prepared (立项, 招标, 选址, 设计), started (启动, 开工), or built in part (主体工程完工,
/// 主体结构封顶). A commitment that names a stage itself (年内实现主体结构封顶, 力争年内开工)
/// promises that stage, not the finished thing.
const STAGES: &[&str] = &[
    "探索", "谋划", "前期", "立项", "选址", "设计", "招标", "启动", "开工", "动工", "主体",
];

/// A plan word the evidence reports in a weaker form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weakening {
    pub plan: &'static str,
    pub reported: &'static str,
}

impl Weakening {
    /// `确保→力争`.
    pub fn note(&self) -> String {
        format!("{}→{}", self.plan, self.reported)
    }
}

/// The plan item's strong words (确保, 完成, 建成, 全面) that its evidence reports only in a
/// weaker form. A strong word the evidence repeats is kept, and so is 完成/建成 when the
/// evidence reports anything finished; a weaker word the plan uses itself (as a name: 试点工作)
/// is not a weakening.
pub fn weakenings(plan_text: &str, evidence: &[&str]) -> Vec<Weakening> {
    let plan = fold(plan_text).as_string();
    let evidence: String = evidence.iter().map(|e| fold(e).as_string()).collect();
    WEAKER
        .iter()
        .filter(|(strong, _)| plan.contains(strong) && !evidence.contains(strong))
        .filter(|(strong, _)| !(FINISH_PROMISES.contains(strong) && reports_finished(&evidence)))
        .filter_map(|&(strong, weaker)| {
            // a word the plan itself uses (全面推进试点工作: 试点 is the programme) is no weakening
            let reported = weaker
                .iter()
                .find(|w| evidence.contains(*w) && !plan.contains(*w))?;
            Some(Weakening {
                plan: strong,
                reported,
            })
        })
        .collect()
}

/// When `commitment` promises to finish a thing (建成区应急物资储备库) and the clause of
/// `sentence` that reports it (the one sharing most of its words) says only that the thing was
/// begun (项目完成立项并于10月开工建设): the promise and the furthest stage reported
/// (`建成→开工`).
pub fn started_only(commitment: &str, sentence: &str) -> Option<Weakening> {
    let promise = promise_among(commitment, FINISH_PROMISES)?;
    let reporting = fold(reporting_clause(commitment, sentence)).as_string();
    if reports_finished(&reporting) {
        return None;
    }
    let stage = STAGES.iter().rev().find(|s| reporting.contains(*s))?;
    Some(Weakening {
        plan: promise,
        reported: stage,
    })
}

/// Whether `commitment` promises a thing built and put to use (建成区应急物资储备库, 年内建成并
/// 投入使用), not a stage of it (力争年内开工).
pub fn promises_built(commitment: &str) -> bool {
    promise_among(commitment, BUILT_PROMISES).is_some()
}

/// The first of `promises` that `commitment` holds, unless it names a stage itself.
fn promise_among(commitment: &str, promises: &[&'static str]) -> Option<&'static str> {
    let promised = fold(commitment).as_string();
    let promise = promises.iter().find(|w| promised.contains(*w))?;
    (!STAGES.iter().any(|s| promised.contains(s))).then_some(*promise)
}

/// The clause of `sentence` that shares most character pairs with `commitment` (the first of
/// equals): a sentence often reports several projects, one finished and one begun.
fn reporting_clause<'a>(commitment: &str, sentence: &'a str) -> &'a str {
    let wanted = written_bigrams(commitment);
    let shared = |clause: &str| {
        written_bigrams(clause)
            .iter()
            .filter(|b| wanted.contains(b))
            .count()
    };
    let mut best = ("", 0);
    for clause in split_clauses(sentence) {
        let n = shared(clause);
        if n > best.1 || best.0.is_empty() {
            best = (clause, n);
        }
    }
    best.0
}

/// Whether folded text reports a thing finished: a word of [`FINISHED`] not followed by a stage.
fn reports_finished(folded: &str) -> bool {
    FINISHED.iter().any(|w| {
        folded
            .match_indices(w)
            .any(|(at, _)| !STAGES.iter().any(|s| folded[at + w.len()..].starts_with(s)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_the_plan_uses_itself_is_no_weakening() {
        assert!(weakenings("全面推进试点工作,打造精品服务", &["试点工作入选典型案例"]).is_empty());
        let notes: Vec<String> = weakenings("全面推进数据治理", &["试点推进数据治理"])
            .iter()
            .map(Weakening::note)
            .collect();
        assert_eq!(notes, vec!["全面→试点".to_string()]);
    }

    #[test]
    fn a_thing_to_build_is_promised_finished_not_a_stage_of_it() {
        assert!(promises_built("建成区托育综合服务中心"));
        assert!(promises_built("年内完工"));
        assert!(!promises_built("年内实现主体工程完工"));
        assert!(!promises_built("力争年内开工建设"));
        assert!(!promises_built("完成避难场所标识标牌规范设置"));
    }

    fn notes(plan: &str, evidence: &[&str]) -> Vec<String> {
        weakenings(plan, evidence)
            .iter()
            .map(Weakening::note)
            .collect()
    }

    #[test]
    fn commitment_words_weakened() {
        assert_eq!(
            notes("确保年内出台办法", &["力争明年印发"]),
            vec!["确保→力争"]
        );
        assert_eq!(notes("完成目录编制", &["推进目录编制"]), vec!["完成→推进"]);
        assert_eq!(notes("全面推广应用", &["逐步推广应用"]), vec!["全面→逐步"]);
    }

    #[test]
    fn commitment_kept_is_not_flagged() {
        assert!(notes("确保建成智算中心", &["建成智算中心并确保投用"]).is_empty());
        assert!(notes("完成目录编制", &["全力推进,已完成目录编制"]).is_empty());
        assert!(notes("建成智算中心", &["推进智算中心建设,年底上线"]).is_empty());
        assert!(notes("推进数据治理", &["力争"]).is_empty());
    }

    #[test]
    fn commitment_words_in_traditional_script() {
        assert_eq!(
            notes("确保年内出台办法", &["力爭明年印發"]),
            vec!["确保→力争"]
        );
    }

    #[test]
    fn a_promise_to_finish_reported_begun_is_started_only() {
        let note = |c: &str, s: &str| started_only(c, s).map(|w| w.note());
        assert_eq!(
            note(
                "建成区应急物资储备库（二期）",
                "全年投入采购资金0.34亿元，区应急物资储备库（二期）项目完成立项并于10月开工建设。"
            ),
            Some("建成→开工".to_string())
        );
        assert_eq!(
            note(
                "建成区全民健身中心（二期）并投入使用",
                "区全民健身中心（二期）主体工程完工。"
            ),
            Some("建成→主体".to_string())
        );
        assert_eq!(
            note(
                "建成区学生心理健康服务中心",
                "區學生心理健康服務中心啓動建設。"
            ),
            Some("建成→启动".to_string())
        );
        // finished, even beside another project begun
        assert_eq!(
            note(
                "确保区人民医院改扩建工程（二期）建成投用",
                "区人民医院改扩建工程（二期）竣工投用，区妇幼保健院新院区开工建设。"
            ),
            None
        );
        // a commitment to a stage is kept by that stage
        assert_eq!(
            note("年内实现主体结构封顶", "项目10月实现主体结构封顶。"),
            None
        );
        // nothing promised finished
        assert_eq!(note("推进智慧交通平台建设", "平台启动建设。"), None);
    }
}
