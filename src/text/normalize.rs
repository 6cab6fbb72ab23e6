//! Folding for matching only: what two reports write differently without saying anything
//! different (full-/half-width punctuation and digits, quote styles, whitespace and line breaks,
//! traditional vs simplified script, pinyin glosses that mirror sites insert after characters:
//! 區(qū) → 区). Displayed text always stays as written; folded text keeps a map back to it.
//! Depends on text/ only.

use std::ops::Range;

use crate::text::chars::is_han;
use crate::text::script::to_simplified;

/// Text folded for matching, with the byte range in the original of every folded character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    pub chars: Vec<char>,
    /// `sources[i]` is the byte range of the original text that folded character `i` came from.
    pub sources: Vec<Range<usize>>,
}

impl Folded {
    pub fn as_string(&self) -> String {
        self.chars.iter().collect()
    }

    /// The byte range of the original covered by folded characters `range`.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        match (
            self.sources.get(range.start),
            range.end.checked_sub(1).and_then(|e| self.sources.get(e)),
        ) {
            (Some(first), Some(last)) if range.start < range.end => first.start..last.end,
            _ => 0..0,
        }
    }
}

/// Folds one character: full-width ASCII to ASCII, Chinese punctuation to its ASCII twin, every
/// quote to `"`, every dash to `-`; other characters are kept (script is folded separately).
pub fn fold_char(c: char) -> char {
    match c {
        // full-width ASCII (，（）；：１２Ａ …) to ASCII, then folded like ASCII
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).map_or(c, fold_char),
        '、' => ',',
        '。' => '.',
        '〔' | '【' => '(',
        '〕' | '】' => ')',
        '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' | '\'' | '《' | '》' | '〈' | '〉' => {
            '"'
        }
        '—' | '–' | '―' => '-',
        '…' => '.',
        '·' | '・' => '·',
        '\u{3000}' => ' ',
        _ => c.to_ascii_lowercase(),
    }
}

/// Folds a text for matching: script to simplified, punctuation and width folded, whitespace
/// removed, pinyin glosses dropped.
pub fn fold(text: &str) -> Folded {
    let simplified = to_simplified(text);
    // fast2s maps character for character; offsets are taken from the original.
    let originals: Vec<(usize, char)> = text.char_indices().collect();
    let converted: Vec<char> = simplified.chars().collect();
    let same_length = converted.len() == originals.len();
    let mut chars = Vec::with_capacity(originals.len());
    let mut sources = Vec::with_capacity(originals.len());
    let mut i = 0;
    while i < originals.len() {
        let (at, original) = originals[i];
        if i > 0
            && let Some(skip) = pinyin_gloss_len(&originals[i..])
            && is_han(originals[i - 1].1)
        {
            i += skip;
            continue;
        }
        let c = if same_length { converted[i] } else { original };
        if !c.is_whitespace() {
            chars.push(fold_char(c));
            sources.push(at..at + original.len_utf8());
        }
        i += 1;
    }
    Folded { chars, sources }
}

/// The folded text as a string (for keys and comparisons that need no map back).
pub fn fold_str(text: &str) -> String {
    fold(text).as_string()
}

/// Characters of a pinyin gloss `(qū)` / `（qū）` starting here: letters with tone marks, or
/// tone numbers, between brackets.
fn pinyin_gloss_len(chars: &[(usize, char)]) -> Option<usize> {
    let open = chars.first()?.1;
    if open != '(' && open != '（' {
        return None;
    }
    let close = chars
        .iter()
        .skip(1)
        .take(10)
        .position(|&(_, c)| c == ')' || c == '）')?
        + 1;
    let inner = &chars[1..close];
    let pinyin = !inner.is_empty()
        && inner.iter().all(|&(_, c)| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".contains(c)
        })
        && inner
            .iter()
            .any(|&(_, c)| c.is_ascii_lowercase() || !c.is_ascii());
    pinyin.then_some(close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_width_quotes_and_spaces_fold_away() {
        assert_eq!(
            fold_str("推进“数治光明”，（试点）"),
            fold_str("推进\"数治光明\",(试点)")
        );
        assert_eq!(fold_str("数据 要素\n价值"), fold_str("数据要素价值"));
        assert_eq!(fold_str("ＣＩＭ１２３"), "cim123");
    }

    #[test]
    fn traditional_script_folds_to_simplified() {
        assert_eq!(
            fold_str("數據要素價值加快釋放"),
            fold_str("数据要素价值加快释放")
        );
    }

    #[test]
    fn pinyin_glosses_are_dropped() {
        assert_eq!(fold_str("龍崗區(qū)政務"), fold_str("龙岗区政务"));
        assert_eq!(fold_str("全區（qu1）推進"), fold_str("全区推进"));
        // a real parenthesis after a character is kept
        assert_eq!(fold_str("CIM(城市信息模型)"), "cim(城市信息模型)");
        assert_eq!(fold_str("平台(2.0)"), "平台(2.0)");
    }

    #[test]
    fn folded_characters_map_back_to_the_original() {
        let text = "數據 “要素”";
        let folded = fold(text);
        let at = folded
            .as_string()
            .find("要素")
            .map(|b| folded.as_string()[..b].chars().count())
            .unwrap();
        let range = folded.source_range(at..at + 2);
        assert_eq!(&text[range], "要素");
    }
}
