//! Diff tokens of report text: one Han character, a number with its unit, a Latin word; each with
//! a folded key (width, punctuation, quotes, script) so that only real differences compare
//! unequal. Depends on text/ only.
//!
//! A sentence diffed character by character splits 28亿条 into digits; diffed by
//! whitespace-separated words, a Chinese clause is one word. These tokens sit in between:
//!
//! | kind | what | example |
//! |---|---|---|
//! | `Han` | one wide letter (a Han character, or kana/hangul) | `数` |
//! | `Number` | digits with their decimal point and the unit after them ([`numbers::UNITS`]) | `28亿条`, `31.26%`, `2024` |
//! | `Latin` | a run of letters and digits holding a letter (full-width folded) | `CIM`, `5G` |
//! | `Punct` | one punctuation mark or symbol | `，` |
//! | `Space` | a run of whitespace | `\n` |
//!
//! Keys come from [`normalize::fold`], so `，` and `,`, `“` and `"`, `數` and `数` share a key, and
//! whitespace and pinyin glosses have an empty key: they are never a difference.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use crate::text::normalize::{self, fold_char};
use crate::text::numbers;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Han,
    Number,
    Latin,
    Punct,
    Space,
}

/// One token: where it is in the text, what it is, and its folded key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text; the tokens of a text cover it completely, in order.
    pub range: Range<usize>,
    pub kind: TokenKind,
    /// The folded form compared in diffs; empty for whitespace and pinyin glosses.
    pub key: String,
}

/// The tokens of `text`, covering it completely and in order.
///
/// ```
/// use planlens::text::tokens::{tokens, TokenKind};
/// let text = "汇聚28亿条，CIM平台";
/// let words: Vec<&str> = tokens(text).iter().map(|t| &text[t.range.clone()]).collect();
/// assert_eq!(words, ["汇", "聚", "28亿条", "，", "CIM", "平", "台"]);
/// assert_eq!(tokens("，")[0].key, ",");
/// ```
pub fn tokens(text: &str) -> Vec<Token> {
    let ranges = token_ranges(text);
    let folded = normalize::fold(text);
    let mut keyed = folded.chars.iter().zip(&folded.sources).peekable();
    ranges
        .into_iter()
        .map(|(range, kind)| {
            let mut key = String::new();
            while let Some((c, _)) = keyed.next_if(|(_, source)| source.start < range.end) {
                key.push(*c);
            }
            Token { range, kind, key }
        })
        .collect()
}

/// The byte ranges and kinds of the tokens, before keys.
fn token_ranges(text: &str) -> Vec<(Range<usize>, TokenKind)> {
    let mut quantities = numbers::quantities(text).into_iter().peekable();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        while quantities.next_if(|q| q.start < at).is_some() {}
        let (end, kind) = if c.is_whitespace() {
            (run_end(text, at, char::is_whitespace), TokenKind::Space)
        } else if is_word_char(c) {
            word_end(text, at, quantities.next_if(|q| q.start == at))
        } else if c.is_alphanumeric() {
            (at + c.len_utf8(), TokenKind::Han)
        } else {
            (at + c.len_utf8(), TokenKind::Punct)
        };
        found.push((at..end, kind));
        at = end;
    }
    found
}

/// The end and kind of the word starting at `at`: a Latin word when its run of letters and
/// digits holds a letter (5G), else the figure `quantity` (28亿条), else the digits (a year).
fn word_end(text: &str, at: usize, quantity: Option<Range<usize>>) -> (usize, TokenKind) {
    let end = run_end(text, at, is_word_char);
    if text[at..end].chars().any(|c| fold_char(c).is_alphabetic()) {
        (end, TokenKind::Latin)
    } else {
        (quantity.map_or(end, |q| q.end), TokenKind::Number)
    }
}

/// Letters and digits written in a row without spaces: ASCII (full-width too) and narrow letters
/// such as α; wide letters (Han) are one token each.
fn is_word_char(c: char) -> bool {
    fold_char(c).is_ascii_alphanumeric() || (c.width() != Some(2) && c.is_alphanumeric())
}

/// The end of the run of characters matching `pred` that starts at `at`.
fn run_end(text: &str, at: usize, pred: fn(char) -> bool) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, c)| !pred(c))
        .map_or(text.len(), |(i, _)| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<(&str, TokenKind)> {
        tokens(text)
            .into_iter()
            .map(|t| (&text[t.range], t.kind))
            .collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn one_han_character_per_token() {
        assert_eq!(
            split("数据要素"),
            ["数", "据", "要", "素"].map(|t| (t, TokenKind::Han))
        );
    }

    #[test]
    fn numbers_keep_their_point_percent_and_unit() {
        assert_eq!(
            texts("汇聚28亿条,占31.26%,覆盖156平方公里"),
            [
                "汇",
                "聚",
                "28亿条",
                ",",
                "占",
                "31.26%",
                ",",
                "覆",
                "盖",
                "156平方公里"
            ]
        );
        assert_eq!(split("12个")[0], ("12个", TokenKind::Number));
        assert_eq!(split("１２％")[0], ("１２％", TokenKind::Number));
        // a year is a number without a unit; 年 stays a character
        assert_eq!(
            split("2024年"),
            [("2024", TokenKind::Number), ("年", TokenKind::Han)]
        );
    }

    #[test]
    fn latin_words_stay_whole() {
        assert_eq!(
            split("CIM、BIM和5G"),
            [
                ("CIM", TokenKind::Latin),
                ("、", TokenKind::Punct),
                ("BIM", TokenKind::Latin),
                ("和", TokenKind::Han),
                ("5G", TokenKind::Latin)
            ]
        );
        assert_eq!(texts("政数α讲堂"), ["政", "数", "α", "讲", "堂"]);
        assert_eq!(tokens("ＣＩＭ")[0].key, "cim");
    }

    #[test]
    fn tokens_cover_the_text_in_order() {
        let text = "  一是“一盘棋”统筹,\n新增敷设政务光缆约140公里。ＡＢ";
        let all = tokens(text);
        let mut at = 0;
        for token in &all {
            assert_eq!(token.range.start, at);
            at = token.range.end;
        }
        assert_eq!(at, text.len());
        assert_eq!(all[0].kind, TokenKind::Space);
    }

    #[test]
    fn keys_fold_width_quotes_and_script() {
        let keys = |text: &str| -> Vec<String> {
            tokens(text)
                .into_iter()
                .map(|t| t.key)
                .filter(|k| !k.is_empty())
                .collect()
        };
        assert_eq!(keys("“数据”，（试点）"), keys("\"數據\",(试点)"));
        assert_eq!(keys("推进 数据\n要素"), keys("推进数据要素"));
        assert_eq!(keys("龍崗區(qū)"), keys("龙岗区"));
    }
}
