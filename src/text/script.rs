//! Script folding: traditional characters to simplified, one character for one, for matching
//! only (displayed text stays as written). Depends on nothing in the crate.

use std::borrow::Cow;

include!(concat!(env!("OUT_DIR"), "/foldable.rs"));

/// Whether fast2s folds `c` to another character on its own (build.rs asked it about every
/// character).
fn may_fold(c: char) -> bool {
    let Some(bit) = u32::from(c).checked_sub(FOLDABLE_FIRST) else {
        return false;
    };
    let bit = bit as usize;
    FOLDABLE
        .get(bit / 64)
        .is_some_and(|word| word >> (bit % 64) & 1 == 1)
}

/// Whether fast2s folds the character `c` at byte `at` of `text`: on its own, or with the
/// character before or after it (看著, but not 显著).
fn folds_at(text: &str, at: usize, c: char) -> bool {
    if may_fold(c) {
        return true;
    }
    if !FOLDED_IN_CONTEXT.contains(&c) {
        return false;
    }
    let pair_with = |pair: [char; 2]| FOLD_PAIRS.binary_search(&pair).is_ok();
    let before = text[..at].chars().next_back();
    let after = text[at + c.len_utf8()..].chars().next();
    before.is_some_and(|b| pair_with([b, c])) || after.is_some_and(|a| pair_with([c, a]))
}

/// Folds traditional characters to simplified, one character for one and each to one of the same
/// UTF-8 length, so the folded text has the byte offsets of `text`. Text with nothing to fold
/// (simplified text, nearly always) comes back as it is.
pub fn to_simplified(text: &str) -> Cow<'_, str> {
    // fast2s reads a character's neighbours only for a few pairs of Han characters (看著, 計畫),
    // never across a line break: the text folds line by line alike, and only the lines with
    // something to fold go through it; the others are copied
    let mut folded = String::new();
    let mut copied = 0;
    while let Some(at) = text[copied..]
        .char_indices()
        .find_map(|(i, c)| folds_at(text, copied + i, c).then_some(copied + i))
    {
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        folded.reserve(text.len() - folded.len()); // once: folding keeps the length
        folded.push_str(&text[copied..start]);
        folded.push_str(&fast2s::convert(&text[start..end]));
        copied = end;
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    folded.push_str(&text[copied..]);
    Cow::Owned(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_folds_to_simplified_character_for_character() {
        let text = "數據要素價值";
        assert_eq!(to_simplified(text), "数据要素价值");
    }

    #[test]
    fn folds_as_fast2s_does_the_whole_text() {
        let texts = [
            "成效顯著。看著計畫\n乾隆的乾兒子\r\n2024年工作總結\n\n企畫 慰藉 藉口 樊於期 甚夥",
            "取得显著成效\n数据要素价值\n",
            "看著",
            "",
            include_str!("../../tests/fixtures/pingshan_kjj_2023_2024_traditional.txt"),
            include_str!("../../data/raw/longgang-zwsj-2023-2024.txt"),
        ];
        for text in texts {
            let folded = to_simplified(text);
            assert_eq!(folded, fast2s::convert(text), "{text}");
            assert_eq!(folded.len(), text.len(), "byte offsets kept: {text}");
        }
    }

    #[test]
    fn simplified_text_is_not_copied() {
        for text in [
            include_str!("../../data/raw/guangming-zwsj-2024-2025.txt"),
            // 著 of 显著: fast2s folds it only in 看著 (and 覆 of 覆盖 never)
            include_str!("../../data/raw/longgang-zwsj-2023-2024.txt"),
        ] {
            assert!(matches!(to_simplified(text), Cow::Borrowed(_)));
        }
    }

    #[test]
    fn a_character_folded_in_context_folds_only_there() {
        assert!(matches!(to_simplified("成效显著"), Cow::Borrowed(_)));
        assert_eq!(to_simplified("看著"), "看着");
        for text in ["著看", "看著書", "藉口", "慰藉", "計畫"] {
            assert_eq!(to_simplified(text), fast2s::convert(text), "{text}");
        }
    }
}
