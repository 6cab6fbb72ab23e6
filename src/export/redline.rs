//! The comparison redline (.html) for reviewers who read in a browser or on paper, written from
//! the one `ComparisonDoc`: a single self-contained file (inline CSS, no script, nothing fetched)
//! with the counts, a table of contents of the sections, and every pair side by side, what
//! only one side has in `<del>` / `<ins>`, moved pairs labelled; Chinese font families, and
//! print CSS for A4 landscape. Every text is escaped. Must not depend on tui, the CLI or ratatui.

use std::fmt::Write;

use crate::compare::align::Column;
use crate::present::comparison::{ComparisonDoc, DocSide, NodeCell, PairRow};
use crate::present::labels;

/// Styles for every medium: two equal columns that can shrink below their longest word (so no
/// line pushes the page wider), marks that read in black and white too.
const STYLE: &str = r#"
:root { --rule: #d0d7de; --muted: #57606a; --del: #ffd7d5; --del-ink: #82071e;
  --ins: #ccffd8; --ins-ink: #055d20; --moved: #8250df; }
* { box-sizing: border-box; }
body { margin: 0 auto; color: #1f2328; background: #fff; line-height: 1.7;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  overflow-wrap: anywhere; line-break: strict; }
h1 { font-size: 1.4em; margin: 0 0 .4em; }
h2 { font-size: 1.1em; margin: 1em 0 .4em; }
header p { margin: .2em 0; }
.tag { display: inline-block; min-width: 1.6em; font-weight: bold; }
.muted, .score { color: var(--muted); }
.counts { font-weight: bold; }
.toc ol { margin: 0; padding-left: 1.6em; }
.toc a { color: inherit; }
.pair { margin: 0 0 1.4em; }
.pair h3 { font-size: 1em; margin: 0 0 .3em; font-weight: bold; }
.pair h3 span + span::before { content: " · "; color: var(--muted); }
.moved { color: var(--moved); }
.sides { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1em; }
.side { min-width: 0; white-space: pre-wrap; padding: .5em .8em; border: 1px solid var(--rule);
  border-radius: 4px; }
.side.missing { color: var(--muted); font-style: italic; }
del { background: var(--del); color: var(--del-ink); text-decoration: line-through; }
ins { background: var(--ins); color: var(--ins-ink); text-decoration: underline; }
"#;

/// On a screen: room around the page.
const SCREEN_STYLE: &str = r#"
body { padding: 24px; max-width: 1600px; }
"#;

/// On paper: A4 landscape, smaller type, the marks' colours kept, the contents on a page of
/// their own, a pair's heading kept with its text.
const PRINT_STYLE: &str = r#"
@page { size: A4 landscape; margin: 12mm; }
body { padding: 0; max-width: none; font-size: 10pt; line-height: 1.55; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.toc { break-after: page; }
.toc a { text-decoration: none; }
.pair h3 { break-after: avoid; }
"#;

/// The redline of a comparison: a whole HTML document.
pub fn redline(doc: &ComparisonDoc) -> String {
    let mut html = String::with_capacity(64 * 1024);
    let title = format!(
        "{} {} ⇄ {}",
        labels::REDLINE_TITLE,
        doc.left.pane_title(),
        doc.right.pane_title()
    );
    html.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    push_tag(&mut html, "title", "", &title);
    let _ = write!(
        html,
        "<style>{STYLE}</style>\n<style media=\"screen\">{SCREEN_STYLE}</style>\n\
         <style media=\"print\">{PRINT_STYLE}</style>\n</head>\n<body>\n<header>\n"
    );
    push_tag(&mut html, "h1", "", &title);
    side_caption(&mut html, labels::LEFT, &doc.left);
    side_caption(&mut html, labels::RIGHT, &doc.right);
    push_tag(&mut html, "p", "class=\"counts\"", &doc.counts_line());
    html.push_str("<p class=\"legend\">");
    push_tag(&mut html, "del", "", labels::REDLINE_ONLY_LEFT);
    html.push(' ');
    push_tag(&mut html, "ins", "", labels::REDLINE_ONLY_RIGHT);
    html.push_str("</p>\n</header>\n");
    contents(&mut html, doc);
    html.push_str("<main>\n");
    for (n, row) in doc.rows.iter().enumerate() {
        pair(&mut html, n, row);
    }
    html.push_str("</main>\n</body>\n</html>\n");
    html
}

/// `左 FILE · p2 二、2025年工作计划`, the report's title below.
fn side_caption(html: &mut String, label: &str, side: &DocSide) {
    html.push_str("<p>");
    push_tag(html, "span", "class=\"tag\"", label);
    escape_into(
        html,
        &format!("{} · {} {}", side.file, side.part, side.heading),
    );
    html.push_str("<br>");
    push_tag(html, "span", "class=\"muted\"", &side.title);
    html.push_str("</p>\n");
}

/// The table of contents: every section pair, linked to its place.
fn contents(html: &mut String, doc: &ComparisonDoc) {
    html.push_str("<nav class=\"toc\">\n");
    push_tag(html, "h2", "", labels::REDLINE_CONTENTS);
    html.push_str("<ol>\n");
    for (n, row) in doc.rows.iter().enumerate().filter(|(_, r)| r.is_section()) {
        let heading = |side: Column| {
            row.side(side)
                .map(|cell| format!("{}{}", cell.marker, cell.title))
        };
        let name = heading(Column::Left)
            .or_else(|| heading(Column::Right))
            .unwrap_or_default();
        let _ = write!(html, "<li><a href=\"#{}\">", anchor(n));
        escape_into(html, &name);
        html.push_str("</a>");
        let note = row.note();
        if !note.is_empty() {
            html.push(' ');
            push_tag(html, "span", "class=\"muted\"", &note);
        }
        html.push_str("</li>\n");
    }
    html.push_str("</ol>\n</nav>\n");
}

/// One pair: its heading (both labels, the score, what it is), then the two sides.
fn pair(html: &mut String, n: usize, row: &PairRow) {
    let _ = write!(html, "<section class=\"pair\" id=\"{}\"", anchor(n));
    for (name, id) in [
        ("data-left", &row.pair.left),
        ("data-right", &row.pair.right),
    ] {
        if let Some(id) = id {
            let _ = write!(html, " {name}=\"");
            escape_into(html, id);
            html.push('"');
        }
    }
    html.push_str(">\n<h3>");
    let labels = format!("{} ↔ {}", row.label(Column::Left), row.label(Column::Right));
    push_tag(html, "span", "", &labels);
    if let Some(score) = row.score() {
        push_tag(
            html,
            "span",
            "class=\"score\"",
            &format!("{} {score}", labels::SCORE),
        );
    }
    let note = row.note();
    if !note.is_empty() {
        let class = if row.pair.moved_from.is_some() {
            "class=\"moved\""
        } else {
            "class=\"muted\""
        };
        push_tag(html, "span", class, &note);
    }
    html.push_str("</h3>\n<div class=\"sides\">\n");
    side(html, row.side(Column::Left), "left", "del");
    side(html, row.side(Column::Right), "right", "ins");
    html.push_str("</div>\n</section>\n");
}

/// One side's text with its changed words in `mark` (`del` or `ins`), or a note that the other
/// report has nothing here.
fn side(html: &mut String, cell: Option<&NodeCell>, class: &str, mark: &str) {
    let Some(cell) = cell else {
        let _ = write!(html, "<div class=\"side {class} missing\">");
        escape_into(html, labels::NO_COUNTERPART);
        html.push_str("</div>\n");
        return;
    };
    let _ = write!(html, "<div class=\"side {class}\">");
    let text = &cell.shown;
    let mut at = 0;
    for range in &cell.marks {
        escape_into(html, &text[at..range.start]);
        push_tag(html, mark, "", &text[range.clone()]);
        at = range.end;
    }
    escape_into(html, &text[at..]);
    html.push_str("</div>\n");
}

/// `pair-3`: the anchor of the pair at index 2.
fn anchor(n: usize) -> String {
    format!("pair-{}", n + 1)
}

/// `<tag attributes>text</tag>`, the text escaped.
fn push_tag(html: &mut String, tag: &str, attributes: &str, text: &str) {
    let _ = write!(html, "<{tag}");
    if !attributes.is_empty() {
        let _ = write!(html, " {attributes}");
    }
    html.push('>');
    escape_into(html, text);
    let _ = write!(html, "</{tag}>");
}

/// Text safe in HTML content and attribute values: `& < > " '` as references, control
/// characters other than line breaks and tabs as spaces.
fn escape_into(html: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' => html.push_str("&quot;"),
            '\'' => html.push_str("&#39;"),
            '\n' | '\t' => html.push(c),
            c if c.is_control() => html.push(' '),
            c => html.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_open_a_tag_or_end_an_attribute() {
        let mut html = String::new();
        escape_into(&mut html, "<script>\"a\" & 'b'\u{1b}\n</script>");
        assert_eq!(
            html,
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39; \n&lt;/script&gt;"
        );
    }
}
