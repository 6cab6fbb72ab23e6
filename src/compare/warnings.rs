//! Why a plan and a summary may not be a plan and its own summary (another organisation, other
//! or unknown years, a half-year summary), as enums: `present::labels` says them. No UI text,
//! no I/O.

use crate::compare::key::ReportKey;
use crate::model::{PartKind, Report};

/// The organisation a report names, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    pub district: Option<String>,
    pub bureau: Option<String>,
}

impl Organisation {
    fn of(report: &Report) -> Self {
        Organisation {
            district: report.district.clone(),
            bureau: report.bureau.clone(),
        }
    }
}

/// Something off about auditing a plan against a summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PairWarning {
    /// The district or the bureau differs (compared by [`crate::compare::key::OrgKey`]: folded, the bureau's short
    /// and long names one).
    DifferentOrganisation {
        plan: Organisation,
        summary: Organisation,
    },
    /// Nothing differs, but the plan's district or bureau is unknown.
    UnknownOrganisation { plan: Organisation },
    /// The plan's year is unknown, or is not the summary's.
    DifferentYears {
        plan: Option<i32>,
        summary: Option<i32>,
    },
    /// The summary covers half a year.
    HalfYearSummary,
}

/// The warnings for auditing `plan` against `summary`, in this order: organisation, years,
/// half year. None for the same district and bureau with the plan year equal to the summary
/// year.
pub fn pair_warnings(plan: &Report, summary: &Report) -> Vec<PairWarning> {
    let mut warnings = Vec::new();
    let plan_key = ReportKey::of(plan, PartKind::Plan);
    let summary_key = ReportKey::of(summary, PartKind::Summary);
    if plan_key.org != summary_key.org {
        warnings.push(PairWarning::DifferentOrganisation {
            plan: Organisation::of(plan),
            summary: Organisation::of(summary),
        });
    } else if !plan_key.org.is_known() {
        warnings.push(PairWarning::UnknownOrganisation {
            plan: Organisation::of(plan),
        });
    }
    if plan_key.year.is_none() || plan_key.year != summary_key.year {
        warnings.push(PairWarning::DifferentYears {
            plan: plan_key.year,
            summary: summary_key.year,
        });
    }
    if summary_key.half.is_some() {
        warnings.push(PairWarning::HalfYearSummary);
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::BUNDLED;

    #[test]
    fn a_report_against_itself_is_off_by_a_year_and_two_districts_differ() {
        let guangming = BUNDLED[0].report().unwrap();
        let longgang = BUNDLED[1].report().unwrap();
        assert_eq!(
            pair_warnings(&guangming, &guangming),
            vec![PairWarning::DifferentYears {
                plan: Some(2025),
                summary: Some(2024)
            }]
        );
        let warnings = pair_warnings(&guangming, &longgang);
        assert!(matches!(
            &warnings[0],
            PairWarning::DifferentOrganisation { plan, summary }
                if plan.district.as_deref() == Some("光明区")
                    && summary.district.as_deref() == Some("龙岗区")
        ));
        assert_eq!(warnings.len(), 2);
    }

    #[test]
    fn the_short_name_of_the_bureau_is_the_same_organisation() {
        let plan = BUNDLED[0].report().unwrap();
        let mut summary = plan.clone();
        summary.bureau = Some("政数局".into());
        assert!(
            !pair_warnings(&plan, &summary)
                .iter()
                .any(|w| matches!(w, PairWarning::DifferentOrganisation { .. }))
        );
    }

    #[test]
    fn unknown_organisation_and_half_year() {
        let mut plan = BUNDLED[0].report().unwrap();
        let mut summary = plan.clone();
        plan.bureau = None;
        summary.bureau = None;
        for part in &mut summary.parts {
            if part.kind == PartKind::Summary {
                part.year = Some(2025);
                part.half = Some(crate::model::Half::First);
            }
        }
        assert_eq!(
            pair_warnings(&plan, &summary),
            vec![
                PairWarning::UnknownOrganisation {
                    plan: Organisation::of(&plan)
                },
                PairWarning::HalfYearSummary
            ]
        );
    }
}
