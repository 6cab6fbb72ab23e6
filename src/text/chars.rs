//! Characters of report text: Han ideographs, digits of both widths, Han numerals, sentence
//! ends. The bottom of the crate: depends on nothing in it.

/// CJK unified ideographs (the basic block, extension A and the compatibility block), the
/// characters of report text.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Text that is written without spaces and may break between any two characters: Han
/// ideographs of every block (the supplementary planes too), kana and hangul. Not punctuation.
pub fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c,
            '\u{20000}'..='\u{2FFFF}' | '\u{3040}'..='\u{30FF}' | '\u{AC00}'..='\u{D7AF}')
}

/// The value of an ASCII or full-width digit (`7`, `７`).
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(u32::from(c) - u32::from('0')),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    }
}

/// An ASCII or full-width digit.
pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// The value of a Han digit 一 … 九 (1 … 9). A match, not a search of a list: the outline
/// asks it about every character of a page.
pub fn han_digit(c: char) -> Option<u32> {
    Some(match c {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The numerals that number outline and run-in items: 一 … 九 and 十.
pub fn is_item_numeral(c: char) -> bool {
    c == '十' || han_digit(c).is_some()
}

/// Reads a Han numeral 一 … 九十九 at the start of `s`: value and length in bytes.
pub fn han_number(s: &str) -> Option<(u32, usize)> {
    const WIDTH: usize = 3; // every numeral character is 3 bytes of UTF-8
    let mut chars = s.chars();
    let (first, second, third) = (chars.next()?, chars.next(), chars.next());
    let unit_after = |c: Option<char>| c.and_then(han_digit);
    if first == '十' {
        return Some(match unit_after(second) {
            Some(unit) => (10 + unit, 2 * WIDTH),
            None => (10, WIDTH),
        });
    }
    let tens = han_digit(first)?;
    if second != Some('十') {
        return Some((tens, WIDTH));
    }
    Some(match unit_after(third) {
        Some(unit) => (tens * 10 + unit, 3 * WIDTH),
        None => (tens * 10, 2 * WIDTH),
    })
}

/// Characters of an amount written in Han numerals: the digits with 零/〇 and 两, and the
/// multipliers 十 百 千 万 亿.
pub fn is_amount_numeral(c: char) -> bool {
    // a match, not `str::contains`: this runs for every character of every text audited
    amount_digit(c).is_some() || matches!(c, '十' | '百' | '千' | '万' | '亿')
}

/// A digit of an amount: 零/〇 0, 两 2, 一 … 九.
fn amount_digit(c: char) -> Option<f64> {
    match c {
        '零' | '〇' => Some(0.0),
        '两' => Some(2.0),
        _ => han_digit(c).map(f64::from),
    }
}

/// The value of an amount in Han numerals (三, 十五, 二百三十, 两千, 三万, 一亿三千万), or `None`
/// for runs that are not one number (三五天, 十五五, 二〇二四).
pub fn han_amount(numeral: &[char]) -> Option<f64> {
    let (mut total, mut section, mut pending): (f64, f64, Option<f64>) = (0.0, 0.0, None);
    for &c in numeral {
        if let Some(d) = amount_digit(c) {
            // two digits in a row are not one number, except after 零 (一百零五)
            if pending.is_some_and(|p| p != 0.0) {
                return None;
            }
            pending = Some(d);
            continue;
        }
        match c {
            '十' | '百' | '千' => {
                let scale = match c {
                    '十' => 10.0,
                    '百' => 100.0,
                    _ => 1000.0,
                };
                // 十五 is ten and five; 百 and 千 need their digit
                section += pending.take().or((c == '十').then_some(1.0))? * scale;
            }
            _ => {
                section += pending.take().unwrap_or(0.0);
                if section == 0.0 && total == 0.0 {
                    return None;
                }
                if c == '亿' {
                    total = (total + section) * 1e8;
                } else {
                    total += section * 1e4;
                }
                section = 0.0;
            }
        }
    }
    Some(total + section + pending.unwrap_or(0.0))
}

/// The full-width stops: 。！？
pub const FULL_STOPS: [char; 3] = ['。', '！', '？'];

/// What ends a sentence, both widths: the stops and the semicolon (。！？；!?;), which in these
/// reports closes a clause that stands as a sentence (一是…；二是…).
pub const SENTENCE_ENDS: [char; 7] = ['。', '！', '？', '；', '!', '?', ';'];

/// Whether `c` ends a sentence (see [`SENTENCE_ENDS`]).
pub fn ends_sentence(c: char) -> bool {
    SENTENCE_ENDS.contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_and_cjk() {
        assert!(is_han('数') && is_han('區') && is_han('㐀'));
        assert!(!is_han('，') && !is_han('a') && !is_han('𠀀'));
        assert!(is_cjk('𠀀') && is_cjk('か') && is_cjk('한') && !is_cjk('。'));
    }

    #[test]
    fn digits_of_both_widths() {
        assert_eq!(digit_value('7'), Some(7));
        assert_eq!(digit_value('７'), Some(7));
        assert_eq!(digit_value('七'), None);
        assert!(is_digit('０') && !is_digit('.'));
    }

    #[test]
    fn item_numerals() {
        assert_eq!(han_number("一、"), Some((1, 3)));
        assert_eq!(han_number("十是"), Some((10, 3)));
        assert_eq!(han_number("十二"), Some((12, 6)));
        assert_eq!(han_number("二十"), Some((20, 6)));
        assert_eq!(han_number("二十三是"), Some((23, 9)));
        assert_eq!(han_number("九十九"), Some((99, 9)));
        assert_eq!(han_number("一二"), Some((1, 3)));
        assert_eq!(han_number("是"), None);
        assert_eq!(han_number("两"), None);
        assert!(is_item_numeral('十') && is_item_numeral('三') && !is_item_numeral('百'));
    }

    #[test]
    fn amounts() {
        let value = |s: &str| han_amount(&s.chars().collect::<Vec<_>>());
        assert_eq!(value("三"), Some(3.0));
        assert_eq!(value("十五"), Some(15.0));
        assert_eq!(value("二百三十"), Some(230.0));
        assert_eq!(value("两千"), Some(2000.0));
        assert_eq!(value("一百零五"), Some(105.0));
        assert_eq!(value("一亿三千万"), Some(1.3e8));
        assert_eq!(value("三万"), Some(30000.0));
        assert_eq!(value("三五"), None);
        assert_eq!(value("十五五"), None);
        assert_eq!(value("二〇二四"), None);
        assert_eq!(value("万"), None);
        assert!(is_amount_numeral('两') && is_amount_numeral('亿') && !is_amount_numeral('是'));
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence('。') && ends_sentence(';') && !ends_sentence('，'));
        assert!(FULL_STOPS.iter().all(|&c| ends_sentence(c)));
    }
}
