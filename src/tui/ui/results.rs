//! The search across reports: each report's title with its count of hits, then for each hit where
//! it is (report › section path) and its sentence, started short of the hit when the sentence is
//! too long, so the highlighted hit always shows; the selected hit stands out. The query is
//! typed in the footer.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Ctx;
use super::draw::{draw_pieces, fill, pane, truncate};
use super::footer::{self, Footer, search_field};
use crate::present::labels;
use crate::text::wrap::{char_width, str_width};
use crate::tui::layout::{body_and_footer, cells};
use crate::tui::screens::results::{ResultLine, ResultsScreen};

/// Blanks before a hit's place, and before its sentence.
const PLACE_INDENT: &str = "  ";
const SENTENCE_INDENT: &str = "    ";

pub fn render(ctx: &Ctx, results: &ResultsScreen, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let wide = ctx.ambiguous_wide;
    let search = &results.search;
    let (body, footer_area) = body_and_footer(area);
    let query = search.query.trim();
    let title = if query.is_empty() {
        labels::SEARCH_ALL_TITLE.to_string()
    } else {
        let reports = results
            .lines
            .iter()
            .filter(|l| matches!(l, ResultLine::Report { .. }))
            .count();
        format!(
            " {} ",
            labels::search_summary(query, reports, search.hits.len())
        )
    };
    let list = pane(ctx, &title, true, body, buf);
    if search.hits.is_empty() {
        let note = if query.is_empty() {
            labels::SEARCH_ALL_PROMPT.to_string()
        } else {
            labels::not_found(query)
        };
        draw_pieces(buf, list.x, list.y, list.width, &[(&note, theme.dim)], wide);
    }
    let room = usize::from(list.width);
    for (row, line) in results
        .lines
        .iter()
        .skip(results.offset)
        .take(usize::from(list.height))
        .enumerate()
    {
        let y = list.y + cells(row);
        match *line {
            ResultLine::Report { entry, count } => {
                let e = &ctx.entries[entry];
                let name = if e.report.title.is_empty() {
                    &e.source
                } else {
                    &e.report.title
                };
                // the count always shows: the title gives way to it
                let count = format!("  {}", labels::hit_count(count));
                let name = truncate(name, room.saturating_sub(str_width(&count, wide)), wide);
                draw_pieces(
                    buf,
                    list.x,
                    y,
                    list.width,
                    &[(&name, theme.heading), (&count, theme.heading)],
                    wide,
                );
            }
            ResultLine::Place(n) => {
                let Some(found) = search.hits.get(n) else {
                    continue;
                };
                let style = if search.current == Some(n) {
                    fill(buf, Rect::new(list.x, y, list.width, 1), theme.selected);
                    theme.selected
                } else {
                    theme.dim
                };
                let report = &ctx.entries[found.entry].report;
                let name = report.district.as_deref().unwrap_or(&report.title);
                let indent = str_width(PLACE_INDENT, wide);
                let place = place(name, &found.hit.path, room.saturating_sub(indent), wide);
                draw_pieces(
                    buf,
                    list.x,
                    y,
                    list.width,
                    &[(PLACE_INDENT, style), (&place, style)],
                    wide,
                );
            }
            ResultLine::Sentence(n) => {
                let Some(found) = search.hits.get(n) else {
                    continue;
                };
                let hit_style = if search.current == Some(n) {
                    theme.current_hit
                } else {
                    theme.hit
                };
                let (sentence, range) = (&found.hit.sentence, &found.hit.range);
                let indent = str_width(SENTENCE_INDENT, wide);
                let start = window_start(sentence, range, room.saturating_sub(indent), wide);
                let cut = if start > 0 { "…" } else { "" };
                draw_pieces(
                    buf,
                    list.x,
                    y,
                    list.width,
                    &[
                        (SENTENCE_INDENT, theme.base),
                        (cut, theme.dim),
                        (&sentence[start..range.start], theme.base),
                        (&sentence[range.clone()], hit_style),
                        (&sentence[range.end..], theme.base),
                    ],
                    wide,
                );
            }
        }
    }
    let position = search
        .current
        .map(|c| format!("{}/{}", c + 1, search.hits.len()))
        .unwrap_or_default();
    let footer = Footer {
        location: labels::SEARCH_ALL,
        position: &position,
        field: search_field(search),
        ..Footer::default()
    };
    footer::render(ctx, &footer, footer_area, buf);
}

/// Cells an outer heading keeps at least when the place is cut: `(一)坚持…`.
const OUTER_HEADING_MIN: usize = 8;

/// `report › heading › …` in `room` cells: when it is too long, the outer headings are cut
/// (with …) before the innermost one, which says where the hit is; the room left is shared
/// out, the shorter headings whole when they fit in their share.
fn place(name: &str, path: &[String], room: usize, wide: bool) -> String {
    let separator = labels::PATH_SEPARATOR;
    let full = format!("{name}{separator}{}", labels::section_path(path));
    let [outer @ .., inner] = path else {
        return full;
    };
    if outer.is_empty() || str_width(&full, wide) <= room {
        return full;
    }
    let fixed =
        str_width(name, wide) + str_width(separator, wide) * path.len() + str_width(inner, wide);
    let mut left = room.saturating_sub(fixed);
    let mut by_width: Vec<usize> = (0..outer.len()).collect();
    by_width.sort_by_key(|&i| str_width(&outer[i], wide));
    let mut shares = vec![0; outer.len()];
    for (n, &i) in by_width.iter().enumerate() {
        let share = (left / (outer.len() - n)).min(str_width(&outer[i], wide));
        shares[i] = share.max(OUTER_HEADING_MIN);
        left = left.saturating_sub(share);
    }
    let cut: Vec<String> = outer
        .iter()
        .zip(shares)
        .map(|(heading, share)| truncate(heading, share, wide))
        .chain([inner.clone()])
        .collect();
    format!("{name}{separator}{}", labels::section_path(&cut))
}

/// Where to start showing `sentence` in `room` cells so that its `hit` shows: at its start when
/// it fits or the hit is near it, else a quarter of the room before the hit (the … of the cut
/// takes a cell of that quarter).
fn window_start(sentence: &str, hit: &Range<usize>, room: usize, wide: bool) -> usize {
    if str_width(sentence, wide) <= room {
        return 0;
    }
    let lead = room / 4;
    let mut start = hit.start;
    let mut used = char_width('…', wide);
    for (i, c) in sentence[..hit.start].char_indices().rev() {
        used += char_width(c, wide);
        if used > lead {
            return start;
        }
        start = i;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_sentence_starts_short_of_its_hit() {
        let sentence = "完善“光明政帮办”服务体系,优化“视频帮办”,创新在线表单导办、同屏协办模式,为超过500家重点企业提供帮办导办服务。";
        let hit = sentence.find("重点企业").unwrap();
        let range = hit..hit + "重点企业".len();
        let start = window_start(sentence, &range, 40, false);
        assert!(start > 0 && start < hit);
        // a quarter of the room before the hit, the … included
        assert!(str_width(&sentence[start..hit], false) < 10);
        assert!(str_width(&sentence[start..range.end], false) < 40);
        // short enough, or the hit near the start: from the start
        assert_eq!(window_start(sentence, &range, 200, false), 0);
        assert_eq!(window_start(sentence, &(3..9), 40, false), 0);
    }

    #[test]
    fn a_long_place_cuts_the_outer_headings_first() {
        let path = [
            "二、2024年工作计划".to_string(),
            "(三)围绕民生诉求综合改革,持续强化机制能力支撑,着力构建智慧高效城运体系。".to_string(),
            "四是优化“一网统管”平台功能。".to_string(),
        ];
        let shown = place("龙岗区", &path, 80, false);
        assert_eq!(
            shown,
            "龙岗区 › 二、2024年工作计划 › (三)围绕民生诉求综… › 四是优化“一网统管”平台功能。"
        );
        assert_eq!(str_width(&shown, false), 80);
        // short of room for any: each outer heading keeps its first characters
        let shown = place("龙岗区", &path, 50, false);
        assert!(
            shown.starts_with("龙岗区 › 二、202… › (三)围… › 四是"),
            "{shown}"
        );
        // room enough: as it is; the opening paragraph: 前言
        let whole = place("龙岗区", &path[..1], 56, false);
        assert_eq!(whole, "龙岗区 › 二、2024年工作计划");
        assert_eq!(place("龙岗区", &[], 4, false), "龙岗区 › 前言");
    }
}
