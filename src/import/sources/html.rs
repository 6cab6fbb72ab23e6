//! Saved web pages (.html, .htm) -> lines: the charset from a BOM or the markup, else guessed;
//! html5ever parsing (scraper); one line per paragraph, block or `<br>`, one per table row; the
//! article found as the block that holds the outline; scripts, menus, breadcrumbs, share buttons,
//! footers and text outside the article set aside with their reason and element. Depends on
//! import's decode and markers and on model; no files.

use ego_tree::NodeId;
use scraper::{Html, Node};

use super::{Extracted, Furniture};
use crate::import::decode;
use crate::import::markers::{MarkerKind, marker_at};
use crate::import::{ImportError, is_blank};
use crate::model::{DropReason, SourceFormat};

/// How far into a page its charset declaration is looked for (the HTML standard's prescan
/// reads 1024 bytes; saved pages put comments such as `<!-- saved from url=… -->` first).
const CHARSET_REACH: usize = 4096;

/// Elements that end a line before and after them.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "title",
    "tr",
    "ul",
];

/// Class or id words of the containers government CMS pages wrap a report's body in (TRS
/// WCM's `TRS_Editor`, the `zoom` of font-size buttons, …), lower case.
const ARTICLE_CONTAINERS: &[&str] = &[
    "trs_editor",
    "zoom",
    "article-content",
    "article_content",
    "news_content",
    "content",
    "article",
    "detail",
    "text",
];

/// Words in a class or id that mark page furniture, lower case, with the reason.
const FURNITURE_WORDS: &[(&str, DropReason)] = &[
    ("breadcrumb", DropReason::Breadcrumb),
    ("crumb", DropReason::Breadcrumb),
    ("position", DropReason::Breadcrumb),
    ("location", DropReason::Breadcrumb),
    ("share", DropReason::Share),
    ("fenxiang", DropReason::Share),
    ("footer", DropReason::Footer),
    ("foot", DropReason::Footer),
    ("copyright", DropReason::Footer),
    ("bottom", DropReason::Footer),
    ("nav", DropReason::Navigation),
    ("menu", DropReason::Navigation),
    ("header", DropReason::Navigation),
    ("banner", DropReason::Navigation),
    ("toolbar", DropReason::Navigation),
];

/// Reads a saved web page into lines and the furniture its markup shows.
pub fn extract(bytes: &[u8]) -> Result<Extracted, ImportError> {
    let decoded = match declared_charset(bytes) {
        Some(label) => decode::decode_declared(bytes, &label)?,
        None => decode::decode(bytes)?,
    };
    let page = Html::parse_document(&decoded.text);
    let lines = walk(&page);
    let article = find_article(&page, &lines).ok_or(ImportError::NoArticle)?;
    let inside = |line: &Line| {
        page.tree
            .get(line.block)
            .is_some_and(|n| n.ancestors().any(|a| a.id() == article) || n.id() == article)
    };
    let last_inside = lines.iter().rposition(inside).unwrap_or(0);
    let mut text = String::new();
    let mut furniture = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        text.push_str(&line.text);
        text.push('\n');
        let set_aside = match line.zone {
            Some((reason, at)) => Some((reason, at)),
            None if i > last_inside && !inside(line) => {
                Some((DropReason::OutsideArticle, line.block))
            }
            None => None,
        };
        if let Some((reason, at)) = set_aside {
            furniture.push(Furniture {
                line: i + 1,
                reason,
                from: page.tree.get(at).map(|n| describe(n.value())),
            });
        }
    }
    Ok(Extracted {
        text,
        furniture,
        damaged: decoded.damaged,
        format: SourceFormat::Html,
        generated: Vec::new(),
    })
}

/// The charset a page declares in `<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(CHARSET_REACH)]).to_lowercase();
    let mut from = 0;
    while let Some(at) = head[from..].find("<meta") {
        let start = from + at;
        let end = head[start..].find('>').map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        if let Some(c) = tag.find("charset") {
            let value = tag[c + "charset".len()..].trim_start();
            if let Some(value) = value.strip_prefix('=') {
                let value = value.trim_start().trim_start_matches(['"', '\'']);
                let label: String = value
                    .chars()
                    .take_while(|c| !matches!(c, '"' | '\'' | ';' | ' ' | '/' | '>'))
                    .collect();
                if !label.is_empty() {
                    return Some(label);
                }
            }
        }
        from = end;
    }
    None
}

/// One line of the page's text, the innermost block it sits in and the furniture around it.
struct Line {
    text: String,
    block: NodeId,
    zone: Option<(DropReason, NodeId)>,
}

/// What the walk does at a node: go into it, or leave an element it went into.
enum Step<'a> {
    Enter(ego_tree::NodeRef<'a, Node>),
    Leave { block: bool, zone: bool },
}

/// The page's text as lines, in document order (an explicit stack: deep markup cannot
/// overflow the call stack).
fn walk(page: &Html) -> Vec<Line> {
    let root = page.tree.root();
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut blocks = vec![root.id()];
    let mut zones: Vec<(DropReason, NodeId)> = Vec::new();
    let mut pre = 0usize;
    let mut steps = vec![Step::Enter(root)];
    let flush = |current: &mut String,
                 lines: &mut Vec<Line>,
                 blocks: &[NodeId],
                 zones: &[(DropReason, NodeId)]| {
        if current.chars().any(|c| !is_blank(c)) {
            lines.push(Line {
                text: std::mem::take(current),
                block: blocks.last().copied().unwrap_or(root.id()),
                zone: zones.last().copied(),
            });
        }
        current.clear();
    };
    while let Some(step) = steps.pop() {
        let node = match step {
            Step::Leave { block, zone } => {
                if block || zone {
                    flush(&mut current, &mut lines, &blocks, &zones);
                }
                if block {
                    blocks.pop();
                }
                if zone {
                    zones.pop();
                }
                continue;
            }
            Step::Enter(node) => node,
        };
        match node.value() {
            Node::Text(text) if pre > 0 => {
                for (i, piece) in text.split(['\n', '\r']).enumerate() {
                    if i > 0 {
                        flush(&mut current, &mut lines, &blocks, &zones);
                    }
                    current.push_str(piece);
                }
            }
            Node::Text(text) => current.extend(text.chars().map(|c| match c {
                '\n' | '\r' | '\t' => ' ',
                c => c,
            })),
            Node::Element(element) => {
                let name = element.name();
                if matches!(name, "script" | "style" | "noscript" | "template") {
                    flush(&mut current, &mut lines, &blocks, &zones);
                    let code: String = node
                        .descendants()
                        .filter_map(|d| d.value().as_text().map(|t| &**t))
                        .collect::<String>()
                        .replace(['\n', '\r'], " ");
                    zones.push((DropReason::Script, node.id()));
                    current = code;
                    flush(&mut current, &mut lines, &blocks, &zones);
                    zones.pop();
                    continue;
                }
                if name == "br" {
                    flush(&mut current, &mut lines, &blocks, &zones);
                    continue;
                }
                if matches!(name, "td" | "th") && !current.is_empty() {
                    current.push(' ');
                }
                let block = BLOCKS.contains(&name);
                let zone = furniture_of(element, name);
                if block || zone.is_some() {
                    flush(&mut current, &mut lines, &blocks, &zones);
                }
                if block {
                    blocks.push(node.id());
                }
                if let Some(reason) = zone {
                    zones.push((reason, node.id()));
                }
                if name == "pre" {
                    pre += 1;
                }
                steps.push(Step::Leave {
                    block,
                    zone: zone.is_some(),
                });
                steps.extend(node.children().rev().map(Step::Enter));
            }
            _ => steps.extend(node.children().rev().map(Step::Enter)),
        }
    }
    flush(&mut current, &mut lines, &blocks, &zones);
    lines
}

/// The words of an element's class and id, lower case.
fn words(element: &scraper::node::Element) -> impl Iterator<Item = String> + '_ {
    element
        .classes()
        .chain(element.id())
        .map(str::to_ascii_lowercase)
}

/// The furniture an element is, by its tag or its class and id words.
fn furniture_of(element: &scraper::node::Element, name: &str) -> Option<DropReason> {
    match name {
        "head" => return Some(DropReason::PageHead),
        "nav" | "header" | "menu" => return Some(DropReason::Navigation),
        "footer" => return Some(DropReason::Footer),
        _ => {}
    }
    words(element).find_map(|word| {
        FURNITURE_WORDS
            .iter()
            .find(|(w, _)| word.contains(w))
            .map(|&(_, reason)| reason)
    })
}

/// The block that holds the report: the innermost element holding every outline heading
/// (`一、`, `(一)`, `一是` outside the furniture), widened to a known article container around
/// it. `None` when the page has no outline heading outside its furniture.
fn find_article(page: &Html, lines: &[Line]) -> Option<NodeId> {
    let heading = |line: &&Line, kinds: &[MarkerKind]| {
        line.zone.is_none()
            && marker_at(line.text.trim_matches(is_blank))
                .is_some_and(|m| !m.broken && kinds.contains(&m.kind))
    };
    let mut outline: Vec<&Line> = lines
        .iter()
        .filter(|l| heading(l, &[MarkerKind::Part, MarkerKind::Section]))
        .collect();
    if outline.is_empty() {
        outline = lines
            .iter()
            .filter(|l| heading(l, &[MarkerKind::Numbered, MarkerKind::RunIn]))
            .collect();
    }
    let mut common: Vec<NodeId> = chain(page, outline.first()?.block);
    for line in &outline[1..] {
        let other = chain(page, line.block);
        let shared = common
            .iter()
            .zip(&other)
            .take_while(|(a, b)| a == b)
            .count();
        common.truncate(shared);
    }
    let known = common.iter().rposition(|&id| {
        page.tree
            .get(id)
            .and_then(|n| n.value().as_element())
            .is_some_and(|e| {
                e.name() == "article" || words(e).any(|w| ARTICLE_CONTAINERS.contains(&w.as_str()))
            })
    });
    known.or(common.len().checked_sub(1)).map(|i| common[i])
}

/// The ids from the root down to `id`.
fn chain(page: &Html, id: NodeId) -> Vec<NodeId> {
    let mut ids: Vec<NodeId> = page
        .tree
        .get(id)
        .map(|n| n.ancestors().map(|a| a.id()).collect())
        .unwrap_or_default();
    ids.reverse();
    ids.push(id);
    ids
}

/// `div#footer.foot` for an element, the node kind otherwise.
fn describe(node: &Node) -> String {
    match node.as_element() {
        Some(element) => {
            let mut name = element.name().to_string();
            if let Some(id) = element.id() {
                name.push('#');
                name.push_str(id);
            }
            for class in element.classes() {
                name.push('.');
                name.push_str(class);
            }
            name
        }
        None => "document".to_string(),
    }
}
