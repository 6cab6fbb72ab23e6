//! Page furniture around a report (breadcrumbs, metadata, buttons, the headline) recognised line
//! by line and set aside in `dropped`, never deleted. Hand-written: the patterns are these sites'.

use super::SourceLine;
use super::markers;
use super::meta;
use crate::model::DropReason;

/// Metadata keys of government information-disclosure pages, as in `发布日期：2025-09-18`.
const METADATA_KEYS: &[&str] = &[
    "索引号",
    "分类",
    "主题分类",
    "体裁分类",
    "组配分类",
    "发布机构",
    "发文机关",
    "所属机构",
    "成文日期",
    "名称",
    "标题",
    "文号",
    "发文字号",
    "发布日期",
    "主题词",
    "信息提供日期",
    "来源",
    "信息来源",
    "文章来源",
    "发布时间",
    "更新时间",
    "浏览次数",
    "访问次数",
    "点击数",
    "阅读次数",
    "字号",
    "字体",
    "作者",
    "责任编辑",
    "公开方式",
    "公开范围",
    "有效性",
    "生效日期",
    "时效",
    "日期",
    "时间",
];

/// Keys whose value is the publication date, in order of preference.
const DATE_KEYS: &[&str] = &[
    "发布日期",
    "发布时间",
    "成文日期",
    "信息提供日期",
    "日期",
    "时间",
];

/// Buttons and navigation words that are never report text.
const NAVIGATION: &[&str] = &[
    "×",
    "x",
    "X",
    "【打印】",
    "[打印]",
    "打印",
    "打印本页",
    "【关闭】",
    "[关闭]",
    "关闭",
    "关闭窗口",
    "【关闭窗口】",
    "返回",
    "返回顶部",
    "返回首页",
    "首页",
    "收藏",
    "分享",
    "分享到",
    "分享到:",
    "分享到：",
    "扫一扫",
    "上一篇",
    "下一篇",
    "视力保护色",
    "默认",
    "大",
    "中",
    "小",
    "【大",
    "中】",
    "小】",
    "【大】",
    "【中】",
    "【小】",
    "政府信息公开",
    "信息公开",
    "规章库",
    "政策法规",
    "政务公开",
    "相关链接",
    "【字体",
    "字体",
];

const BREADCRUMB_STARTS: &[&str] = &[
    "当前位置",
    "您现在的位置",
    "您的位置",
    "您当前的位置",
    "当前的位置",
    "所在位置",
];
const BREADCRUMB_SEPARATORS: &[char] = &['>', '＞', '»', '›', '→', '/'];

/// A line or piece of a line, with where it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Content,
    Dropped(DropReason),
}

/// The page split into report content and furniture, with what the furniture told.
#[derive(Debug, Default)]
pub struct Sorted<'a> {
    /// Content and dropped pieces in source order.
    pub pieces: Vec<(SourceLine<'a>, Place)>,
    pub title: Option<String>,
    /// The `名称` metadata value: the title when the page shows no headline.
    pub name: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    /// Index in `DATE_KEYS` of the key `published` was read from.
    published_rank: Option<usize>,
}

/// Sorts every line of the page into content and furniture.
pub fn sort<'a>(lines: &[SourceLine<'a>]) -> Sorted<'a> {
    let mut sorted = Sorted::default();
    let first_marker = lines
        .iter()
        .position(|l| {
            markers::marker_at(l.text).is_some_and(|m| m.kind <= markers::MarkerKind::Numbered)
        })
        .unwrap_or(lines.len());
    let head: Vec<SourceLine<'a>> = lines.iter().flat_map(head_segments).collect();
    let head_end = head
        .iter()
        .position(|s| s.number > lines.get(first_marker).map_or(usize::MAX, |l| l.number))
        .unwrap_or(head.len());
    let title_at = head[..head_end]
        .iter()
        .position(|s| classify(s.text).is_none() && meta::looks_like_title(s.text));
    let mut in_head = true;
    let mut pieces = Vec::new();
    for (i, segment) in head.iter().enumerate() {
        let reason = classify(segment.text);
        let place = match (title_at, reason) {
            (Some(t), _) if i == t => {
                sorted.title = Some(segment.text.to_string());
                Place::Dropped(DropReason::Title)
            }
            (Some(t), reason) if i < t => Place::Dropped(reason.unwrap_or(DropReason::BeforeTitle)),
            _ if sorted
                .title
                .as_deref()
                .is_some_and(|t| same_text(t, segment.text)) =>
            {
                Place::Dropped(DropReason::RepeatedTitle)
            }
            (_, Some(reason)) if in_head || is_furniture_anywhere(segment.text) => {
                Place::Dropped(reason)
            }
            _ => {
                in_head = false;
                Place::Content
            }
        };
        if let Place::Dropped(DropReason::Metadata) = place {
            sorted.read_metadata(segment.text);
        }
        pieces.push((*segment, place));
    }
    // Furniture after the report: the trailing run of lines that are all furniture.
    for (segment, place) in pieces.iter_mut().rev() {
        match (*place, classify(segment.text)) {
            (Place::Content, Some(reason)) => *place = Place::Dropped(reason),
            (Place::Dropped(_), _) => {}
            (Place::Content, None) => break,
        }
    }
    sorted.pieces = pieces;
    sorted
}

impl Sorted<'_> {
    fn read_metadata(&mut self, line: &str) {
        for (key, value) in key_values(line) {
            match key {
                "名称" | "标题" if !value.is_empty() => {
                    self.name.get_or_insert_with(|| value.to_string());
                }
                "发布机构" | "发文机关" | "所属机构" if !value.is_empty() => {
                    self.publisher.get_or_insert_with(|| value.to_string());
                }
                _ => {}
            }
        }
        for (rank, key) in DATE_KEYS.iter().enumerate() {
            let date = key_values(line)
                .find(|(k, _)| k == key)
                .and_then(|(_, v)| meta::date(v));
            if let Some(date) = date
                && self.published_rank.is_none_or(|r| rank < r)
            {
                self.published = Some(date);
                self.published_rank = Some(rank);
            }
        }
    }
}

fn same_text(a: &str, b: &str) -> bool {
    a.chars()
        .filter(|c| !c.is_whitespace())
        .eq(b.chars().filter(|c| !c.is_whitespace()))
}

/// Why a line is furniture, if it is.
pub fn classify(line: &str) -> Option<DropReason> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let first = *tokens.first()?;
    if is_breadcrumb_start(first) {
        return Some(DropReason::Breadcrumb);
    }
    if metadata_key(first).is_some() {
        return Some(DropReason::Metadata);
    }
    tokens
        .iter()
        .all(|t| is_navigation(t))
        .then_some(DropReason::Navigation)
}

/// Furniture that may stand anywhere on a page, even between report paragraphs: buttons and
/// navigation words, never a sentence.
fn is_furniture_anywhere(line: &str) -> bool {
    classify(line) == Some(DropReason::Navigation)
}

fn is_navigation(token: &str) -> bool {
    NAVIGATION.contains(&token)
        || token.starts_with("【字体")
        || token.starts_with("字号")
        || token.starts_with("【打印")
        || token.starts_with("【关闭")
}

fn is_breadcrumb_start(token: &str) -> bool {
    BREADCRUMB_STARTS.iter().any(|s| token.starts_with(s))
        || (token.starts_with("首页") && token.contains(BREADCRUMB_SEPARATORS))
        || token == "首页"
}

/// The metadata key a token starts with (`发布日期:2025-09-18`, `分类:`), if any.
fn metadata_key(token: &str) -> Option<&'static str> {
    let token = token.trim_start_matches(['【', '[']);
    METADATA_KEYS.iter().copied().find(|key| {
        token
            .strip_prefix(key)
            .is_some_and(|rest| rest.starts_with([':', '：']))
    })
}

/// `key: value` pairs of a metadata line; a value may be in the next whitespace-separated token.
fn key_values(line: &str) -> impl Iterator<Item = (&'static str, &str)> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let mut pairs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(key) = metadata_key(tokens[i]) {
            let after_key = tokens[i].trim_start_matches(['【', '[']);
            let mut value = after_key[key.len()..].trim_start_matches([':', '：']);
            if value.is_empty() && tokens.get(i + 1).is_some_and(|t| metadata_key(t).is_none()) {
                i += 1;
                value = tokens[i];
            }
            pairs.push((key, value));
        }
        i += 1;
    }
    pairs.into_iter()
}

/// A line of the page head split where furniture and text share it (pages whose line breaks
/// were lost: `首页 > 信息公开 > 计划总结 深圳市…工作计划 发布日期：2024-01-05 2023年以来，…`).
/// Lines that do not start with furniture, or are furniture through and through, stay whole.
fn head_segments<'a>(line: &SourceLine<'a>) -> Vec<SourceLine<'a>> {
    let text = line.text;
    let starts_with_furniture = text
        .split_whitespace()
        .next()
        .is_some_and(|t| classify(t).is_some());
    if !starts_with_furniture || (classify(text).is_some() && !has_sentence(text)) {
        return vec![*line];
    }
    #[derive(PartialEq, Clone, Copy)]
    enum Token {
        Furniture,
        Title,
        Text,
    }
    let tokens = token_spans(text);
    let mut cuts = vec![0];
    let mut previous = Token::Furniture;
    let mut in_breadcrumb = false;
    for (k, &(start, end)) in tokens.iter().enumerate() {
        let token = &text[start..end];
        let previous_token = k.checked_sub(1).map(|j| &text[tokens[j].0..tokens[j].1]);
        let is_separator = token.chars().all(|c| BREADCRUMB_SEPARATORS.contains(&c));
        in_breadcrumb = is_breadcrumb_start(token)
            || (in_breadcrumb
                && (is_separator
                    || previous_token.is_some_and(|p| p.ends_with(BREADCRUMB_SEPARATORS))));
        let is_metadata_value = previous_token.is_some_and(|p| {
            metadata_key(p)
                .is_some_and(|key| p.trim_start_matches(['【', '[']).len() <= key.len() + 3)
        }) && metadata_key(token).is_none();
        let kind = if in_breadcrumb || is_metadata_value || classify(token).is_some() {
            Token::Furniture
        } else if meta::looks_like_title(token) {
            Token::Title
        } else {
            Token::Text
        };
        if kind != previous || kind == Token::Title {
            cuts.push(start);
        }
        if kind == Token::Text {
            break; // the rest of the line is report text
        }
        previous = kind;
    }
    cuts.push(text.len());
    cuts.dedup();
    cuts.windows(2)
        .map(|w| SourceLine {
            number: line.number,
            text: text[w[0]..w[1]].trim(),
        })
        .filter(|s| !s.text.is_empty())
        .collect()
}

fn has_sentence(text: &str) -> bool {
    text.contains(['。', '，', '；'])
}

/// Byte ranges of the whitespace-separated tokens of a line.
fn token_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}
