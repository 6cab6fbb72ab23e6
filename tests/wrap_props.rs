//! Properties of `text::wrap` on random mixes of Chinese, punctuation, ASCII, digits and emoji.

use planlens::text::wrap::{
    NO_LINE_END, NO_LINE_START, WrapOptions, break_points, layout, str_width,
};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// Pieces report text is made of, weighted towards Han text like the real pages.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[\u{4E00}-\u{4FFF}]{1,6}",
        3 => prop::sample::select(vec!["，", "。", "、", "；", "：", "？", "！", "（", "）", "《", "》", "「", "」", "“", "”", "‘", "’", "【", "】", "〔", "〕", "·", "——", "……", "%"]).prop_map(str::to_string),
        2 => "[a-zA-Z]{1,8}",
        2 => "[0-9]{1,5}(\\.[0-9]{1,2})?%?",
        1 => "[０-９]{1,4}",
        1 => prop::sample::select(vec![" ", "\u{3000}\u{3000}", "\u{a0}", "\n", "😀", "👍🏽", "×", "…", "—"]).prop_map(str::to_string),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn lines_fit_concatenate_back_and_keep_the_rules(text in text(), width in 1usize..=200, wide in any::<bool>()) {
        let options = WrapOptions { width, ambiguous_wide: wide };
        let lines = layout(&text, options);
        // width bound: only a lone grapheme cluster wider than the pane (👍🏽 in 1 cell) may
        // exceed it
        for line in &lines {
            let shown = &text[line.range.clone()];
            prop_assert_eq!(line.width, str_width(shown, wide));
            let lone_wide_cluster = shown.graphemes(true).count() == 1 && line.width > width;
            prop_assert!(line.width <= width || lone_wide_cluster, "{:?} is {} cells in {}", shown, line.width, width);
        }
        // nothing lost: each paragraph is the concatenation of its lines
        let mut rebuilt: Vec<String> = Vec::new();
        for line in &lines {
            if line.starts_paragraph {
                rebuilt.push(String::new());
            }
            if let Some(last) = rebuilt.last_mut() {
                last.push_str(&text[line.range.clone()]);
            }
        }
        prop_assert_eq!(rebuilt.join("\n"), text.clone());
        // kinsoku: a line starts at a break opportunity unless the unit there is wider than the pane
        for pair in lines.windows(2) {
            let (prev, line) = (&pair[0], &pair[1]);
            if line.starts_paragraph {
                continue;
            }
            let paragraph_start = text[..line.range.start].rfind('\n').map_or(0, |i| i + 1);
            let paragraph_end = text[paragraph_start..].find('\n').map_or(text.len(), |i| paragraph_start + i);
            let paragraph = &text[paragraph_start..paragraph_end];
            let points = break_points(paragraph);
            let at = line.range.start - paragraph_start;
            if !points.contains(&at) {
                // an emergency break: the unbreakable unit around it is wider than the pane
                let before = points.iter().copied().filter(|&p| p < at).max().unwrap_or(0);
                let after = points.iter().copied().find(|&p| p > at).unwrap_or(paragraph.len());
                let unit = &paragraph[before..after];
                prop_assert!(str_width(unit, wide) > width, "line {:?} after {:?} breaks inside {:?}", &text[line.range.clone()], &text[prev.range.clone()], unit);
            }
        }
    }

    #[test]
    fn break_points_obey_the_chinese_rules(text in text()) {
        for paragraph in text.split('\n') {
            for at in break_points(paragraph) {
                let before = paragraph[..at].chars().next_back().unwrap();
                let after = paragraph[at..].chars().next().unwrap();
                prop_assert!(!NO_LINE_START.contains(&after), "break before {:?} in {:?}", after, paragraph);
                prop_assert!(!NO_LINE_END.contains(&before), "break after {:?} in {:?}", before, paragraph);
                prop_assert!(!(before.is_ascii_digit() && after.is_ascii_digit()));
                prop_assert!(!(before == after && (before == '—' || before == '…')));
            }
        }
    }
}
