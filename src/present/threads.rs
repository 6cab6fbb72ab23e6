//! What a recurring thread says, for the CLI and the app alike: an item named by its marker and
//! title, the organisation a thread belongs to as its first report writes it.

use crate::compare::threads::Thread;
use crate::model::Report;
use crate::present::labels;

/// An item as the views name it: its marker and title (empty when the report has no such node).
pub fn item_name(report: &Report, id: &str) -> String {
    report
        .node(id)
        .map(|n| format!("{}{}", n.marker, n.title))
        .unwrap_or_default()
}

/// The organisation of a thread as its first report writes it: `坪山区 · 政务服务数据管理局`.
pub fn thread_org(thread: &Thread, reports: &[&Report]) -> String {
    thread
        .items
        .first()
        .and_then(|item| reports.get(item.report))
        .map_or_else(String::new, |report| labels::org_name(report))
}
