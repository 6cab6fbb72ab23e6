//! Every Chinese string the user reads, in one place for the CLI and the TUI: status and verdict
//! labels, pair warnings, view titles, column headers, messages. Must not depend on tui, the
//! CLI or ratatui.

use crate::store::verdicts::Verdict;

/// The label auditors read: 已落实, 部分落实, 未落实, 待核实.
pub fn verdict_label(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Done => "已落实",
        Verdict::Partial => "部分落实",
        Verdict::NotDone => "未落实",
        Verdict::Unverified => "待核实",
    }
}

/// The footer message when the bookmarks could not be saved.
pub fn bookmarks_not_saved(error: &impl std::fmt::Display) -> String {
    format!("书签未保存: {error}")
}
