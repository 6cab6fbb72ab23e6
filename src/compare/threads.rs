//! Plan items that come back year after year: for each organisation (the report key), threads of
//! plan items making the same commitment in the plans of successive years, each item with what
//! its year's summary said (by the audit, when that summary is loaded), and a flag for a
//! commitment no summary reports. No UI text.
//!
//! Successive plans are the organisation's loaded plans in year order: a year with no plan
//! loaded does not break a thread when the next plan repeats the item, but a plan without it
//! does. Items of two successive plans are paired one to one, the most similar first, from
//! [`THREAD_SIMILARITY`] up; an item paired with none is on no thread.

use crate::compare::audit::{Audit, Status, audit};
use crate::compare::corpus::{UnitKind, terms, units};
use crate::compare::key::{OrgKey, ReportKey};
use crate::model::{PartKind, Report};

/// Cosine (content bigrams, TF-IDF with the background) at which two items of successive plans
/// make the same commitment. Set on `tests/fixtures/recur/`: the reworded items of one thread
/// lie at 0.3–0.7, the closest items of two threads below 0.2.
pub const THREAD_SIMILARITY: f64 = 0.25;

/// One item of a thread.
#[derive(Debug, Clone, PartialEq)]
pub struct ThreadItem {
    /// Index of the report (in the slice given) whose plan holds the item.
    pub report: usize,
    pub id: String,
    pub year: i32,
    /// What the summary of that year said of it; `None` when that summary is not loaded.
    pub status: Option<Status>,
}

/// What is off about a thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThreadFlag {
    /// On two or more successive plans, and no summary of those years reports it (two or more
    /// summaries say it is not mentioned, none says more).
    ConsecutiveUnfulfilled,
}

impl ThreadFlag {
    /// The key in JSON.
    pub fn key(self) -> &'static str {
        match self {
            ThreadFlag::ConsecutiveUnfulfilled => "consecutive_unfulfilled",
        }
    }
}

/// Items of successive plans of one organisation that make one commitment, earliest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Thread {
    pub org: OrgKey,
    pub items: Vec<ThreadItem>,
    pub flag: Option<ThreadFlag>,
}

/// The threads of the plans among `reports`: by organisation (in the order its first report
/// comes), then by the year and document order of the first item.
pub fn threads(reports: &[&Report]) -> Vec<Thread> {
    let mut orgs: Vec<OrgKey> = Vec::new();
    for report in reports {
        let org = OrgKey::of(report);
        if !orgs.contains(&org) {
            orgs.push(org);
        }
    }
    orgs.into_iter()
        .flat_map(|org| threads_of(reports, &org))
        .collect()
}

/// The threads of one organisation's plans.
fn threads_of(reports: &[&Report], org: &OrgKey) -> Vec<Thread> {
    // its plans in year order (one per year: the first given)
    let mut plans: Vec<(i32, usize)> = Vec::new();
    for (r, report) in reports.iter().enumerate() {
        let key = ReportKey::of(report, PartKind::Plan);
        if key.org == *org
            && let Some(year) = key.year
            && !plans.iter().any(|&(y, _)| y == year)
        {
            plans.push((year, r));
        }
    }
    plans.sort_unstable();
    let chosen: Vec<&Report> = plans.iter().map(|&(_, r)| reports[r]).collect();
    let items = units(&chosen, PartKind::Plan, UnitKind::Item);
    let texts: Vec<&str> = items.iter().map(|u| u.text.as_str()).collect();
    let terms = terms(&texts);
    // next[i]: the item of the next plan that continues item i
    let mut next: Vec<Option<usize>> = vec![None; items.len()];
    let mut continued = vec![false; items.len()];
    for pair in 0..plans.len().saturating_sub(1) {
        let of = |p: usize| -> Vec<usize> {
            (0..items.len()).filter(|&i| items[i].report == p).collect()
        };
        let (earlier, later) = (of(pair), of(pair + 1));
        let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
        for &a in &earlier {
            for &b in &later {
                let similarity = terms.vectors[a].cosine(&terms.vectors[b]);
                if similarity >= THREAD_SIMILARITY {
                    candidates.push((similarity, a, b));
                }
            }
        }
        candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        for (_, a, b) in candidates {
            if next[a].is_none() && !continued[b] {
                next[a] = Some(b);
                continued[b] = true;
            }
        }
    }
    let audits = audits(reports, org, &plans);
    let mut found = Vec::new();
    for start in (0..items.len()).filter(|&i| !continued[i] && next[i].is_some()) {
        let mut chain = vec![start];
        while let Some(n) = chain.last().and_then(|&i| next[i]) {
            chain.push(n);
        }
        let thread_items: Vec<ThreadItem> = chain
            .iter()
            .map(|&i| {
                let (year, report) = plans[items[i].report];
                let status = audits[items[i].report].as_ref().and_then(|a| {
                    a.items
                        .iter()
                        .find(|item| item.id == items[i].id)
                        .map(|item| item.status)
                });
                ThreadItem {
                    report,
                    id: items[i].id.clone(),
                    year,
                    status,
                }
            })
            .collect();
        found.push(Thread {
            org: org.clone(),
            flag: flag(&thread_items),
            items: thread_items,
        });
    }
    found
}

/// 连续未落实: at least two summaries say not mentioned, and none says more.
fn flag(items: &[ThreadItem]) -> Option<ThreadFlag> {
    let known: Vec<Status> = items.iter().filter_map(|i| i.status).collect();
    let unreported = known.iter().filter(|&&s| s == Status::NotMentioned).count();
    (unreported >= 2 && unreported == known.len()).then_some(ThreadFlag::ConsecutiveUnfulfilled)
}

/// Each plan audited against the whole-year summary of its year of the same organisation, when
/// one is loaded.
fn audits(reports: &[&Report], org: &OrgKey, plans: &[(i32, usize)]) -> Vec<Option<Audit>> {
    plans
        .iter()
        .map(|&(year, plan)| {
            let summary = reports.iter().find(|s| {
                let key = ReportKey::of(s, PartKind::Summary);
                key.org == *org && key.year == Some(year) && key.half.is_none()
            })?;
            audit(reports[plan], summary).ok()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(year: i32, status: Option<Status>) -> ThreadItem {
        ThreadItem {
            report: 0,
            id: "p2.1.1".into(),
            year,
            status,
        }
    }

    #[test]
    fn unfulfilled_takes_two_summaries_saying_not_mentioned_and_none_more() {
        use Status::{NotMentioned, Partial};
        let flagged = [
            item(2022, Some(NotMentioned)),
            item(2023, Some(NotMentioned)),
            item(2024, None),
        ];
        assert_eq!(flag(&flagged), Some(ThreadFlag::ConsecutiveUnfulfilled));
        let once = [item(2022, Some(NotMentioned)), item(2023, None)];
        assert_eq!(flag(&once), None, "one summary is not a pattern");
        let partly = [
            item(2022, Some(NotMentioned)),
            item(2023, Some(Partial)),
            item(2024, Some(NotMentioned)),
        ];
        assert_eq!(flag(&partly), None);
    }

    #[test]
    fn two_districts_share_no_thread() {
        let guangming = crate::bundled::BUNDLED[0].report().unwrap();
        let mut next_year = guangming.clone();
        for part in &mut next_year.parts {
            part.year = part.year.map(|y| y + 1);
        }
        let found = threads(&[&guangming, &next_year]);
        assert!(
            found.len() > 10,
            "the same plan a year later: each item continues"
        );
        assert!(
            found
                .iter()
                .all(|t| t.items.len() == 2 && t.items[0].year == 2025)
        );
        let mut elsewhere = next_year;
        elsewhere.district = Some("龙岗区".into());
        assert!(threads(&[&guangming, &elsewhere]).is_empty());
    }
}
