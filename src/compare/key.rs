//! The report key, computed here and nowhere else: the organisation (district and bureau, folded
//! and with the bureau's short and long names made one) and the year and half of a part. Used to
//! tell a plan's own summary, to group the picker, to put a bureau's years on one thread. No UI
//! text.

use crate::model::{Half, PartKind, Report};
use crate::text::normalize::fold_str;

/// Short names bureaus go by, and the full name they stand for (without 和, as
/// [`bureau_key`] compares them). 政数局 is 政务服务和数据管理局 (also written
/// 政务服务数据管理局).
const BUREAU_SHORT_NAMES: &[(&str, &str)] = &[
    ("政数局", "政务服务数据管理局"),
    ("发改局", "发展改革局"),
    ("工信局", "工业信息化局"),
    ("科创局", "科技创新局"),
    ("人力资源局", "人力资源社会保障局"),
    ("人社局", "人力资源社会保障局"),
    ("住建局", "住房建设局"),
    ("城管局", "城市管理综合执法局"),
    ("文广旅体局", "文化广电旅游体育局"),
    ("卫健局", "卫生健康局"),
    ("应急局", "应急管理局"),
    ("市监局", "市场监督管理局"),
];

/// Who issued a report: its district (or, without one, its city) and its bureau, in the form
/// two reports of one organisation share whatever their script, width or naming of the bureau.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OrgKey {
    /// The district folded (光明区, 大鹏新区), else the city; `None` when the report names neither.
    pub place: Option<String>,
    /// The bureau folded, without 和, short names spelled out; `None` when unnamed.
    pub bureau: Option<String>,
}

impl OrgKey {
    pub fn of(report: &Report) -> Self {
        OrgKey {
            place: report
                .district
                .as_deref()
                .or(report.city.as_deref())
                .map(fold_str),
            bureau: report.bureau.as_deref().map(bureau_key),
        }
    }

    /// Whether both the place and the bureau are known.
    pub fn is_known(&self) -> bool {
        self.place.is_some() && self.bureau.is_some()
    }
}

/// One part of one organisation: the organisation, and the part's year and half.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportKey {
    pub org: OrgKey,
    pub year: Option<i32>,
    pub half: Option<Half>,
}

impl ReportKey {
    /// The key of the report's first part of this kind (year and half unknown without one).
    pub fn of(report: &Report, kind: PartKind) -> Self {
        let part = report.part_of_kind(kind);
        ReportKey {
            org: OrgKey::of(report),
            year: part.and_then(|p| p.year),
            half: part.and_then(|p| p.half),
        }
    }
}

/// A bureau's name in the form that compares: folded (script, width), without the 和 that
/// pages write or leave out (政务服务和数据管理局 = 政务服务数据管理局), a short name spelled out.
pub fn bureau_key(bureau: &str) -> String {
    let folded = fold_str(bureau).replace('和', "");
    BUREAU_SHORT_NAMES
        .iter()
        .find(|(short, _)| *short == folded)
        .map_or(folded, |(_, full)| (*full).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::BUNDLED;

    fn report(district: Option<&str>, bureau: Option<&str>) -> Report {
        let mut report = BUNDLED[0].report().unwrap();
        report.district = district.map(str::to_string);
        report.bureau = bureau.map(str::to_string);
        report
    }

    #[test]
    fn one_bureau_under_its_three_names_is_one_organisation() {
        let long = OrgKey::of(&report(Some("光明区"), Some("政务服务和数据管理局")));
        for name in ["政数局", "政务服务数据管理局", "政務服務和數據管理局"] {
            assert_eq!(
                OrgKey::of(&report(Some("光明区"), Some(name))),
                long,
                "{name}"
            );
        }
        assert_ne!(
            OrgKey::of(&report(Some("龙岗区"), Some("政数局"))),
            long,
            "another district"
        );
        assert_ne!(
            OrgKey::of(&report(Some("光明区"), Some("发展和改革局"))),
            long
        );
        assert_eq!(bureau_key("发改局"), bureau_key("发展和改革局"));
        assert!(long.is_known());
        assert!(!OrgKey::of(&report(Some("光明区"), None)).is_known());
    }

    #[test]
    fn the_key_of_a_part_has_its_year_and_half() {
        let guangming = BUNDLED[0].report().unwrap();
        let plan = ReportKey::of(&guangming, PartKind::Plan);
        let summary = ReportKey::of(&guangming, PartKind::Summary);
        assert_eq!((plan.year, summary.year), (Some(2025), Some(2024)));
        assert_eq!(plan.org, summary.org);
        assert_eq!(plan.half, None);
        let mut half = guangming.clone();
        half.parts[0].half = Some(Half::First);
        assert_eq!(
            ReportKey::of(&half, PartKind::Summary).half,
            Some(Half::First)
        );
        // no city or district: the place is unknown, not guessed
        let mut nowhere = guangming;
        nowhere.district = None;
        nowhere.city = None;
        assert_eq!(OrgKey::of(&nowhere).place, None);
    }
}
