//! Display-width line wrapping: no line wider than the width, no character lost.

use unicode_width::UnicodeWidthChar;

/// Wraps `text` into lines of at most `width` display cells (a Chinese character is 2).
///
/// Paragraphs (`\n`) start new lines; a character wider than the whole width gets a line of its
/// own. Concatenating the lines of a paragraph gives the paragraph back.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for c in paragraph.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += w;
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn wide_characters_never_overflow() {
        let lines = wrap("汇聚数据超28亿条,印发数据资源目录2批", 7);
        assert!(lines.iter().all(|l| l.width() <= 7), "{lines:?}");
        assert_eq!(lines.concat(), "汇聚数据超28亿条,印发数据资源目录2批");
        assert_eq!(lines[0], "汇聚数");
    }

    #[test]
    fn paragraphs_start_new_lines() {
        assert_eq!(wrap("一二\n三", 10), vec!["一二", "三"]);
        assert_eq!(wrap("一", 1), vec!["一"]);
    }
}
