//! Page furniture around a report (breadcrumbs, metadata, buttons, the headline) recognised line
//! by line and set aside in `dropped`, never deleted. Hand-written: the patterns are these sites'.
//! Depends on text and model only, like all of import.

use super::markers;
use super::meta;
use super::signoff;
use super::{SourceLine, is_blank};
use crate::model::DropReason;
use crate::text::chars::is_digit;

/// Metadata keys of government information-disclosure pages, as in `发布日期：2025-09-18`; a key
/// may be padded for alignment (`标　　题：`, `索 引 号：`, see [`metadata_key`]).
const METADATA_KEYS: &[&str] = &[
    "索引号",
    "分类",
    "信息分类",
    "主题分类",
    "体裁分类",
    "组配分类",
    "发布机构",
    "发文机关",
    "所属机构",
    "成文日期",
    "生成日期",
    "名称",
    "标题",
    "文号",
    "发文字号",
    "发布日期",
    "主题",
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
    "主办单位",
    "承办单位",
    "主办",
    "承办",
    "技术支持",
    "版权所有",
    "网站标识码",
    "备案号",
    // the files attached to the page: `附件：无`, `附件：…工作计划.pdf（点击下载）`
    "附件",
    // the credits and account under an article of a WeChat public account
    "编辑",
    "审核",
    "校对",
    "微信号",
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

/// Buttons and navigation words that are never report text; in brackets too (`【打印】`).
const NAVIGATION: &[&str] = &[
    "×",
    "x",
    "X",
    "打印",
    "打印本页",
    "关闭",
    "关闭窗口",
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
    "政府信息公开",
    "信息公开",
    "规章库",
    "政策法规",
    "政务公开",
    "相关链接",
    "纠错",
    "我要纠错",
    "【字体",
    "字体",
    "微信",
    "微博",
    "QQ空间",
    "QQ",
    "繁體",
    "繁体",
    "简体",
    "登录",
    "注册",
    "朋友圈",
    // the buttons of a WeChat public account's article, copied with it
    "点击蓝字关注我们",
    "长按识别二维码关注我们",
    "长按二维码关注我们",
    "阅读原文",
    "在看",
    "点亮在看",
    "点赞",
    "写留言",
    "留言",
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
    let mut head = Vec::with_capacity(lines.len());
    for line in lines {
        head_segments(line, &mut head);
    }
    let (title_start, title_end) = find_title(&head).map_or((usize::MAX, usize::MAX), |r| r);
    let mut in_head = true;
    let mut pieces = Vec::new();
    let mut title = String::new();
    let mut repeat_end = None;
    for (i, (segment, reason)) in head.iter().enumerate() {
        let repeats_title = i > title_end
            && (repeat_end.is_some_and(|end| i <= end) || {
                repeat_end = repeated_title_end(&head, i, &title);
                repeat_end.is_some()
            });
        let place = if (title_start..=title_end).contains(&i) {
            title.push_str(segment.text);
            Place::Dropped(DropReason::Title)
        } else if i < title_start && title_start != usize::MAX {
            Place::Dropped(reason.unwrap_or(DropReason::BeforeTitle))
        } else if repeats_title {
            Place::Dropped(DropReason::RepeatedTitle)
        } else if let Some(reason) = reason.filter(|r| in_head || is_furniture_anywhere(*r)) {
            Place::Dropped(reason)
        } else {
            in_head = false;
            Place::Content
        };
        if let Place::Dropped(DropReason::Metadata) = place {
            sorted.read_metadata(segment);
        }
        pieces.push((*segment, place));
    }
    if !title.is_empty() {
        sorted.title = Some(title);
    }
    drop_trailing_furniture(&mut pieces);
    sorted.pieces = pieces;
    sorted
}

/// Furniture that stands between lines of the report, not only around it: buttons, and the page
/// numbers of a PDF copied as text (`…药品追` / `— 1 —` / `溯码…`).
fn is_furniture_anywhere(reason: DropReason) -> bool {
    matches!(reason, DropReason::Navigation | DropReason::PageNumber)
}

/// The headline: the first title-like line before the report's first sentence (a table of
/// contents may come before it), with the rest of it on the lines next to it when the headline
/// was wrapped: an organisation name on the line above (`深圳市龙岗区发展和改革局` /
/// `2023年工作总结及2024年工作计划`), the plan on the line below (`…医疗保障局2025年工作总结` /
/// `和2026年工作计划`). Segment indices, first and last.
fn find_title(head: &[(SourceLine<'_>, Option<DropReason>)]) -> Option<(usize, usize)> {
    let prose = head
        .iter()
        .position(|(s, _)| is_prose(s.text))
        .unwrap_or(head.len());
    let at = head[..prose].iter().position(|(s, reason)| {
        reason.is_none() && meta::looks_like_title(s.text) && markers::marker_at(s.text).is_none()
    })?;
    let wrapped = at.checked_sub(1).filter(|&above| {
        let (line, reason) = head[above];
        line.number + 1 == head[at].0.number
            && reason.is_none()
            && meta::is_organisation_name(line.text)
    });
    let rest = head.get(at + 1).filter(|(line, reason)| {
        line.number == head[at].0.number + 1 && reason.is_none() && meta::continues_title(line.text)
    });
    Some((wrapped.unwrap_or(at), rest.map_or(at, |_| at + 1)))
}

/// The headline again from segment `i` on, on one line or wrapped over the lines below as the
/// headline itself may be: the index of its last segment. Whitespace does not count.
fn repeated_title_end(
    head: &[(SourceLine<'_>, Option<DropReason>)],
    i: usize,
    title: &str,
) -> Option<usize> {
    let title: Vec<char> = title.chars().filter(|c| !c.is_whitespace()).collect();
    let mut matched = 0;
    for (j, (segment, _)) in head.iter().enumerate().skip(i) {
        if j > i && segment.number != head[j - 1].0.number + 1 {
            return None;
        }
        let rest = &title[matched..];
        let mut len = 0;
        for c in segment.text.chars().filter(|c| !c.is_whitespace()) {
            if rest.get(len) != Some(&c) {
                return None;
            }
            len += 1;
        }
        matched += len;
        if matched == title.len() && matched > 0 {
            return Some(j);
        }
    }
    None
}

/// A sentence of report text, which no headline or furniture line is.
fn is_prose(text: &str) -> bool {
    text.contains('。') || text.chars().count() > 80
}

/// Headings of a list of links to other pages, or to files attached to the page (相关附件), under
/// the report.
const RELATED_LINKS: &[&str] = &[
    "相关链接",
    "相关附件",
    "相关文章",
    "相关稿件",
    "相关阅读",
    "相关新闻",
    "相关文件",
    "相关信息",
    "延伸阅读",
    "推荐阅读",
    "往期推荐",
    "往期回顾",
    "往期精彩",
];

/// Whether a line heads a list of links to other pages, and why it is furniture: navigation for
/// the heading alone (`相关链接：`), related links for the heading with the list on its line
/// (`相关链接：深圳市住房和建设局 | 广东省住房和城乡建设厅`).
fn related_links_heading(folded: &str) -> Option<DropReason> {
    let (name, links) = folded.split_once([':', '：']).unwrap_or((folded, ""));
    let links = links.trim_matches(|c: char| is_token_separator(c) || matches!(c, ':' | '：'));
    if !RELATED_LINKS.contains(&name.trim()) || is_prose(links) {
        return None;
    }
    Some(if links.is_empty() {
        DropReason::Navigation
    } else {
        DropReason::RelatedLinks
    })
}

/// The trailing run of furniture lines, dropped; the index of the last line of content.
fn drop_trailing_run(pieces: &mut [(SourceLine<'_>, Place)]) -> Option<usize> {
    for (i, (segment, place)) in pieces.iter_mut().enumerate().rev() {
        match (*place, classify(segment.folded)) {
            (Place::Content, Some(reason)) => *place = Place::Dropped(reason),
            (Place::Dropped(_), _) => {}
            (Place::Content, None) => return Some(i),
        }
    }
    None
}

/// A related-links heading at the foot of the page and the titles listed under it, after the
/// page's trailing furniture is dropped: each a line of its own and no prose. The titles name
/// other reports (`…2022年工作总结及2023年工作计划`) and would otherwise read as parts of this
/// one; the heading (`相关链接：`, `相关文章：`, or the list on one line) would end the last
/// item's text. Whether any line was dropped.
fn drop_related_links(pieces: &mut [(SourceLine<'_>, Place)]) -> bool {
    let Some((heading, reason)) = pieces
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, (s, _))| Some((i, related_links_heading(s.folded)?)))
    else {
        return false;
    };
    let content = |place: &Place| *place == Place::Content;
    let titles_only = pieces[heading + 1..]
        .iter()
        .all(|(s, place)| !content(place) || !is_prose(s.text));
    if !titles_only {
        return false;
    }
    let (heading, listed) = pieces[heading..].split_at_mut(1);
    let mut dropped = false;
    if content(&heading[0].1) {
        heading[0].1 = Place::Dropped(reason);
        dropped = true;
    }
    // furniture a footer line left unrecognised at the page's end is still furniture
    for (line, place) in listed.iter_mut().filter(|(_, p)| content(p)) {
        let reason = classify(line.folded).unwrap_or(DropReason::RelatedLinks);
        *place = Place::Dropped(reason);
        dropped = true;
    }
    dropped
}

/// The furniture after the report: the trailing run of furniture lines, the titles under a
/// related-links heading, the closing and signature ([`signoff`]), and buttons left at the end
/// of the last line of text when the page's line breaks were lost (`…应用。 【打印】 【关闭】`).
fn drop_trailing_furniture(pieces: &mut Vec<(SourceLine<'_>, Place)>) {
    let mut last_content = drop_trailing_run(pieces);
    if drop_related_links(pieces) {
        last_content = drop_trailing_run(pieces);
    }
    let Some(last) = last_content else {
        return;
    };
    let Some(i) = signoff::drop_signoff(pieces, last) else {
        return;
    };
    let line = pieces[i].0;
    let tokens = token_spans(line.folded);
    let trailing = tokens
        .iter()
        .rev()
        .take_while(|&&(s, e)| classify(&line.folded[s..e]) == Some(DropReason::Navigation))
        .count();
    if trailing == 0 || trailing == tokens.len() {
        return;
    }
    let cut = tokens[tokens.len() - trailing].0;
    let text = line.slice(0..line.text[..cut].trim_end().len());
    let buttons = line.slice(cut..line.text.len());
    pieces[i] = (text, Place::Content);
    pieces.insert(i + 1, (buttons, Place::Dropped(DropReason::Navigation)));
}

impl Sorted<'_> {
    fn read_metadata(&mut self, segment: &SourceLine<'_>) {
        let line = segment.text;
        let pairs: Vec<(&str, String)> = key_values(segment);
        for (key, value) in &pairs {
            match *key {
                "名称" | "标题" if !value.is_empty() => {
                    self.name.get_or_insert_with(|| value.to_string());
                }
                "发布机构" | "发文机关" | "所属机构" if !value.is_empty() => {
                    self.publisher.get_or_insert_with(|| value.to_string());
                }
                _ => {}
            }
        }
        // a line that opens with the date (`2024-01-12 16:21 来源：…`) ranks after every key
        let leading_date = line
            .split_whitespace()
            .next()
            .filter(|t| t.starts_with(|c: char| c.is_ascii_digit()))
            .and_then(meta::date)
            .map(|date| (DATE_KEYS.len(), date));
        let keyed = DATE_KEYS.iter().enumerate().filter_map(|(rank, key)| {
            let (_, value) = pairs.iter().find(|(k, _)| k == key)?;
            meta::date(value).map(|date| (rank, date))
        });
        for (rank, date) in keyed.chain(leading_date) {
            if self.published_rank.is_none_or(|r| rank < r) {
                self.published = Some(date);
                self.published_rank = Some(rank);
            }
        }
    }
}

/// Why a line is furniture, if it is, from the line folded to simplified script (a
/// [`SourceLine`]'s `folded`). Its tokens are split at whitespace and bars (`|`, `｜`).
pub fn classify(folded: &str) -> Option<DropReason> {
    let mut tokens = folded.split(is_token_separator).filter(|t| !t.is_empty());
    let first = tokens.next()?;
    classify_tokens(folded, first, tokens)
}

/// What [`classify`] splits a line's tokens at: whitespace and bars.
fn is_token_separator(c: char) -> bool {
    c.is_whitespace() || c == '|' || c == '｜'
}

/// [`classify`] for a word, which holds no whitespace (a line's first word): it is one token
/// unless it holds a bar, which memchr finds, so the word is not read character by character.
fn classify_word(word: &str) -> Option<DropReason> {
    if word.contains('|') || word.contains('｜') {
        return classify(word);
    }
    if word.is_empty() {
        return None;
    }
    classify_tokens(word, word, std::iter::empty())
}

/// Why the line `folded` is furniture, given its first token and an iterator over the others.
fn classify_tokens<'a>(
    folded: &str,
    first: &str,
    mut rest: impl Iterator<Item = &'a str> + Clone,
) -> Option<DropReason> {
    if is_page_number(folded) {
        return Some(DropReason::PageNumber);
    }
    if is_breadcrumb_start(first) {
        return Some(DropReason::Breadcrumb);
    }
    // a key padded for alignment runs over the first token (`标　　题：`)
    let from_first = folded.trim_start_matches(is_token_separator);
    // no separator is inside the marks, so a line holds one where one of its words does
    if metadata_key(from_first).is_some() || folded.contains("ICP备") || folded.contains("公网安备")
    {
        return Some(DropReason::Metadata);
    }
    // `建议使用1366×768以上分辨率浏览本网站`, `版权所有 © …`
    if folded.contains("分辨率") && folded.contains("浏览") || folded.contains("版权所有")
    {
        return Some(DropReason::Footer);
    }
    // `2024-01-12 16:21 来源：… 【打印】`: a date opening a line of metadata
    let is_date = |t: &str| t.starts_with(|c: char| c.is_ascii_digit()) && meta::date(t).is_some();
    let is_time = |t: &str| {
        t.len() <= 8 && t.contains(':') && t.chars().all(|c| c.is_ascii_digit() || c == ':')
    };
    if is_date(first) {
        let rest: Vec<&str> = rest.clone().collect();
        if !rest.is_empty()
            && rest.iter().all(|t| {
                is_time(t) || metadata_key(t).is_some() || is_navigation(t) || !is_sentence(t)
            })
            && rest
                .iter()
                .any(|t| is_time(t) || metadata_key(t).is_some() || is_navigation(t))
        {
            return Some(DropReason::Metadata);
        }
    }
    if is_article_byline(first, rest.clone()) || is_reading_count(first, rest.clone()) {
        return Some(DropReason::Metadata);
    }
    (is_navigation(first) && rest.all(is_navigation)).then_some(DropReason::Navigation)
}

/// The byline a WeChat public account prints under an article's title, copied with it: `原创`,
/// the author and the account, the date and time, the province (`原创 越秀档案 越秀档案
/// 2026年01月20日 17:30 广东`).
fn is_article_byline<'a>(first: &str, rest: impl Iterator<Item = &'a str>) -> bool {
    first == "原创" && rest.take(4).any(|t| meta::date(t).is_some())
}

/// The reading count under a WeChat public account's article (`阅读 1286`, `阅读 10万+`).
fn is_reading_count<'a>(first: &str, mut rest: impl Iterator<Item = &'a str>) -> bool {
    let count = |t: &str| {
        t.starts_with(|c: char| c.is_ascii_digit())
            && t.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | '万' | '+'))
    };
    first == "阅读" && rest.next().is_some_and(count) && rest.next().is_none()
}

/// Dashes around a page number (`— 3 —`, `- 3 -`, `－3－`, `·3·`).
const PAGE_NUMBER_DASHES: &[char] = &['—', '–', '-', '－', '·'];

/// A page number as a PDF prints it, copied with the text: `— 3 —`, `- 3 -`, `—3—`, `第 3 页`,
/// `第3页 共5页`, `共5页 第3页`, `Page 3 of 10` (blanks anywhere). A bare number is none: in page
/// text it is a table's cell or a list's figure.
pub fn is_page_number(text: &str) -> bool {
    let text = text.trim_matches(is_blank);
    // most lines are told apart by their first character, with nothing allocated
    let Some(first) = text.chars().next() else {
        return false;
    };
    if !(PAGE_NUMBER_DASHES.contains(&first) || matches!(first, '第' | '共' | 'P' | 'p')) {
        return false;
    }
    let compact: String = text.chars().filter(|c| !is_blank(*c)).collect();
    let number = |s: &str| !s.is_empty() && s.chars().all(is_digit);
    let dashed = compact.trim_matches(PAGE_NUMBER_DASHES);
    if compact.starts_with(PAGE_NUMBER_DASHES) && compact.ends_with(PAGE_NUMBER_DASHES) {
        return number(dashed);
    }
    if let Some(page) = compact
        .strip_prefix("Page")
        .or_else(|| compact.strip_prefix("page"))
    {
        let (page, total) = page.split_once("of").unwrap_or((page, "1"));
        return number(page) && number(total);
    }
    // 第3页, with the count of pages before or after it (a slash between them or not)
    let within = |s: &str, open: char| {
        s.strip_prefix(open)
            .and_then(|s| s.strip_suffix('页'))
            .is_some_and(number)
    };
    let pieces: Vec<&str> = compact
        .split_inclusive('页')
        .map(|p| p.trim_start_matches(['/', '／', ',', '，']))
        .collect();
    let pages = pieces.iter().filter(|p| within(p, '第')).count();
    pages == 1 && pieces.len() <= 2 && pieces.iter().all(|p| within(p, '第') || within(p, '共'))
}

/// A token that reads as a sentence rather than a label or value.
fn is_sentence(token: &str) -> bool {
    token.contains(['。', '，', '；', ',']) || token.chars().count() > 40
}

fn is_navigation(token: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "【字体",
        "【字号",
        "字号",
        "【打印",
        "【关闭",
        "【纠错",
        "【我要纠错",
        "上一篇",
        "下一篇",
        "分享到",
        "扫一扫",
        "网站地图",
        "网站纠错",
        "网站声明",
        "隐私保护",
        "长者模式",
        "联系我们",
        "使用帮助",
        "关于我们",
        "无障碍",
        "隐私声明",
        "免责声明",
        "打印本页",
        "关闭窗口",
        "返回顶部",
    ];
    NAVIGATION.contains(&token)
        || PREFIXES.iter().any(|p| token.starts_with(p))
        || button_label(token).is_some_and(is_navigation)
}

/// The label of a portal button written in brackets (`【返回顶部】`, `[打印]`).
fn button_label(token: &str) -> Option<&str> {
    token
        .strip_prefix(['【', '['])
        .and_then(|t| t.strip_suffix(['】', ']']))
}

fn is_breadcrumb_start(token: &str) -> bool {
    BREADCRUMB_STARTS.iter().any(|s| token.starts_with(s))
        || (token.starts_with("首页") && token.contains(BREADCRUMB_SEPARATORS))
        || token == "首页"
}

/// Characters in the longest of [`METADATA_KEYS`].
const LONGEST_KEY: usize = 6;

/// The metadata key a text starts with (`发布日期:2025-09-18`, `分类:`), if any, and the length
/// in bytes of the text through the key's colon. Whitespace inside the key is padding for
/// alignment, as information-disclosure pages write their keys (`标　　题：`, `索 引 号：`,
/// `发布日期 ：`), and does not count. A metadata table pasted with the page has a tab where the
/// colon would be, the key alone in its cell (`名称\t大鹏新区…`, `文号\t\t主题分类\t…`): the
/// length is then through the tab. The text is in simplified script.
fn metadata_key(text: &str) -> Option<(&'static str, usize)> {
    let start = text.len() - text.trim_start_matches(['【', '[']).len();
    // no key holds a colon or a tab, so a key is all that comes before the text's first one
    let mut key_chars = 0;
    for (i, c) in text[start..].char_indices() {
        let ends_cell = || c == '\t' && !text[start + i..].trim_start().starts_with([':', '：']);
        if matches!(c, ':' | '：') || ends_cell() {
            let written = text[start..start + i]
                .chars()
                .filter(|c| !c.is_whitespace());
            let key = METADATA_KEYS
                .iter()
                .copied()
                .find(|key| key.chars().eq(written.clone()))?;
            return Some((key, start + i + c.len_utf8()));
        }
        if !c.is_whitespace() {
            key_chars += 1;
            if key_chars > LONGEST_KEY {
                return None;
            }
        }
    }
    None
}

/// `key: value` pairs of a metadata line (matched folded to simplified); a value may stand in
/// the next token, unless that token is itself a key or reads as a sentence.
fn key_values(line: &SourceLine<'_>) -> Vec<(&'static str, String)> {
    let folded = line.folded;
    let tokens = token_spans(folded);
    let mut pairs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let (start, end) = tokens[i];
        if let Some((key, key_len)) = metadata_key(&folded[start..end]) {
            let after_key = &folded[start + key_len..end];
            let mut value = end - after_key.trim_start_matches([':', '：']).len()..end;
            if value.is_empty()
                && let Some(&(next_start, next_end)) = tokens.get(i + 1)
                && takes_value(&folded[next_start..next_end])
            {
                i += 1;
                value = next_start..next_end;
            }
            // as written (a traditional page keeps its script): folding keeps byte offsets
            pairs.push((key, line.text[value].to_string()));
        }
        i += 1;
    }
    pairs
}

/// Whether a token can be the value of the metadata key before it.
fn takes_value(token: &str) -> bool {
    metadata_key(token).is_none() && !is_sentence(token)
}

/// A line of the page head split where furniture and text share it (pages whose line breaks
/// were lost: `首页 > 信息公开 > 计划总结 深圳市…工作计划 发布日期：2024-01-05 2023年以来，…`).
/// Lines that do not start with furniture, or are furniture through and through, stay whole.
/// Each segment goes to `out` with why it is furniture, if it is ([`classify`]).
fn head_segments<'a>(line: &SourceLine<'a>, out: &mut Vec<(SourceLine<'a>, Option<DropReason>)>) {
    let (text, folded) = (line.text, line.folded);
    let first_word = folded.trim_start();
    let first_word = &first_word[..first_word
        .find(char::is_whitespace)
        .unwrap_or(first_word.len())];
    let first_reason = classify_word(first_word);
    // a line of one word (most lines of text) is classified once
    let reason = || {
        if first_word.len() == folded.len() {
            first_reason
        } else {
            classify(folded)
        }
    };
    if first_reason.is_none() {
        out.push((*line, reason()));
        return;
    }
    let reason = reason();
    if reason.is_some() && !has_sentence(text) {
        out.push((*line, reason));
        return;
    }
    #[derive(PartialEq, Clone, Copy)]
    enum Token {
        Furniture,
        Title,
        Text,
    }
    let tokens = token_spans(folded);
    let mut cuts = vec![0];
    let mut previous = Token::Furniture;
    let mut in_breadcrumb = false;
    for (k, &(start, end)) in tokens.iter().enumerate() {
        let token = &text[start..end];
        let folded_token = &folded[start..end];
        let previous_span = k.checked_sub(1).map(|j| tokens[j].0..tokens[j].1);
        let previous_token = previous_span.clone().map(|p| &text[p]);
        let is_separator = token.chars().all(|c| BREADCRUMB_SEPARATORS.contains(&c));
        in_breadcrumb = is_breadcrumb_start(folded_token)
            || (in_breadcrumb
                && (is_separator
                    || previous_token.is_some_and(|p| p.ends_with(BREADCRUMB_SEPARATORS))));
        // the previous token is a key with its colon and nothing after it
        let is_metadata_value = previous_span
            .map(|p| &folded[p])
            .is_some_and(|p| metadata_key(p).is_some_and(|(_, key_len)| key_len == p.len()))
            && takes_value(folded_token);
        let kind = if in_breadcrumb || is_metadata_value || classify(folded_token).is_some() {
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
    out.extend(
        cuts.windows(2)
            .map(|w| line.slice(w[0]..w[1]).trim())
            .filter(|s| !s.text.is_empty())
            .map(|s| (s, classify(s.folded))),
    );
}

fn has_sentence(text: &str) -> bool {
    text.contains(['。', '，', '；'])
}

/// Byte ranges of the whitespace-separated tokens of a line folded to simplified script (the
/// same ranges in the line as written); a metadata key padded for alignment is one token with
/// the value after its colon (`标　　题：深圳市…`).
fn token_spans(folded: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    // where the padded key of the current token ends: whitespace before it is inside the token
    let mut key_end = 0;
    for (i, c) in folded.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) if i >= key_end => {
                spans.push((s, i));
                start = None;
            }
            (false, None) => {
                start = Some(i);
                key_end = metadata_key(&folded[i..]).map_or(0, |(_, len)| i + len);
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, folded.len()));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_furniture_of_a_wechat_article_is_not_report_text() {
        let page = "越秀档案\n\
                    点击蓝字关注我们\n\
                    越秀区档案馆2025年工作总结和2026年工作计划\n\
                    原创 越秀档案 越秀档案 2026年01月20日 17:30 广东\n\
                    2025年，越秀区档案馆坚持以人民为中心。\n\
                    一、2025年工作总结\n\
                    全年接收到期档案13640卷（件）。\n\
                    来源：越秀区档案馆\n\
                    编辑：梁晓彤\n\
                    审核：陈志坚\n\
                    往期推荐\n\
                    《越秀年鉴（2025）》出版发行\n\
                    越秀档案\n\
                    微信号：yuexiudangan\n\
                    长按识别二维码关注我们\n\
                    分享\n\
                    收藏\n\
                    点亮在看\n\
                    阅读 1286\n";
        let (pieces, _) = sort_page(page);
        assert_eq!(
            kept(&pieces),
            [
                "2025年，越秀区档案馆坚持以人民为中心。",
                "一、2025年工作总结",
                "全年接收到期档案13640卷（件）。",
            ]
        );
        // a count read in a sentence stays
        assert_eq!(classify("阅读 1286 人次"), None);
    }

    #[test]
    fn longest_key_is_the_longest() {
        let longest = METADATA_KEYS.iter().map(|k| k.chars().count()).max();
        assert_eq!(longest, Some(LONGEST_KEY));
    }

    /// The pieces of a sorted page kept as report content.
    fn kept(pieces: &[(String, Option<DropReason>)]) -> Vec<&str> {
        pieces
            .iter()
            .filter(|(_, reason)| reason.is_none())
            .map(|(text, _)| text.as_str())
            .collect()
    }

    /// The pieces `sort` makes of `page`, each with its reason if dropped, and what it read.
    fn sort_page(page: &str) -> (Vec<(String, Option<DropReason>)>, Sorted<'_>) {
        let folded = crate::text::script::to_simplified(page).into_owned();
        let lines = super::super::source_lines(page, &folded);
        let mut sorted = sort(&lines);
        let pieces = std::mem::take(&mut sorted.pieces)
            .into_iter()
            .map(|(line, place)| {
                let reason = match place {
                    Place::Dropped(reason) => Some(reason),
                    Place::Content => None,
                };
                (line.text.to_string(), reason)
            })
            .collect();
        // what `sort` read is owned; the lines it borrowed from `folded` are gone
        let read = Sorted {
            pieces: Vec::new(),
            ..sorted
        };
        (pieces, read)
    }

    #[test]
    fn keys_padded_for_alignment_are_metadata_like_their_plain_forms() {
        for line in [
            "标　　题：深圳市南山区人力资源局2024年工作总结和2025年工作计划",
            "索　引　号：11440305MB2C61827J/2025-00019",
            "索 引 号：11440305MB2C61827J/2025-00019　　信息分类：规划计划/年度计划",
            "发　布　机　构：深圳市南山区人力资源局",
            "成文日期 ：2025-02-26",
            "主　　题：人力资源",
            "【标　题：深圳市南山区人力资源局2024年工作总结】",
        ] {
            assert_eq!(classify(line), Some(DropReason::Metadata), "{line}");
        }
        // the page's attachments, a download link or none
        for line in [
            "附件：惠州市惠城区医疗保障局2025年工作总结和2026年工作计划.pdf（点击下载）",
            "附件：无",
        ] {
            assert_eq!(classify(line), Some(DropReason::Metadata), "{line}");
        }
        // words of report text before a colon are no key, spaced or not
        for line in [
            "工作 目标：全年新增就业2万人。",
            "一是 稳岗：发放补贴。",
            "标 准：统一",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
    }

    /// The page opens with one line before the title, four metadata lines, the headline (its title
    /// and name) and two lines of body; the metadata names the publisher and the date.
    fn assert_four_metadata_lines_then_the_title(
        page: &str,
        title: &str,
        publisher: &str,
        published: &str,
    ) {
        let (pieces, read) = sort_page(page);
        let reasons: Vec<_> = pieces.iter().map(|(_, reason)| *reason).collect();
        let m = Some(DropReason::Metadata);
        let expected = [
            Some(DropReason::BeforeTitle),
            m,
            m,
            m,
            m,
            Some(DropReason::Title),
            None,
            None,
        ];
        assert_eq!(reasons, expected);
        assert_eq!(read.title.as_deref(), Some(title));
        assert_eq!(read.name.as_deref(), Some(title));
        assert_eq!(read.publisher.as_deref(), Some(publisher));
        assert_eq!(read.published.as_deref(), Some(published));
    }

    #[test]
    fn a_padded_title_key_names_the_report_and_the_headline_is_its_title() {
        let page = "南山区政府信息公开平台\n\
                    标　　题：深圳市南山区人力资源局2024年工作总结和2025年工作计划\n\
                    索 引 号：11440305MB2C61827J/2025-00019　　信息分类：规划计划/年度计划\n\
                    发布机构：深圳市南山区人力资源局　　　　　　生成日期：2025-02-26\n\
                    发布日期：2025-03-05　　　　　　　　　　　　有效性：有效\n\
                    深圳市南山区人力资源局2024年工作总结和2025年工作计划\n\
                    2024年，南山区人力资源局坚持就业优先。\n\
                    2024年工作总结\n";
        assert_four_metadata_lines_then_the_title(
            page,
            "深圳市南山区人力资源局2024年工作总结和2025年工作计划",
            "深圳市南山区人力资源局",
            "2025-03-05",
        );
    }

    #[test]
    fn a_metadata_table_pasted_with_tabs_names_the_report_and_the_headline_is_its_title() {
        let page = "信息公开目录\n\
                    索引号\t11440300MB2D01234X/2025-00007\t分类\t计划总结\n\
                    发布机构\t深圳市坪山区水务局\t发布日期\t2025-02-14\n\
                    名称\t坪山区水务局2024年工作总结和2025年工作计划\n\
                    文号\t\t主题分类\t水务\n\
                    坪山区水务局2024年工作总结和2025年工作计划\n\
                    2024年，坪山区水务局坚持治水提质。\n\
                    一、2024年工作总结\n";
        assert_four_metadata_lines_then_the_title(
            page,
            "坪山区水务局2024年工作总结和2025年工作计划",
            "深圳市坪山区水务局",
            "2025-02-14",
        );
        // a tab before the colon is padding, as a space is; a tab after words is no key
        for line in ["发布日期\t：2025-02-14", "名 称\t坪山区水务局工作总结"] {
            assert_eq!(classify(line), Some(DropReason::Metadata), "{line}");
        }
        for line in ["完成情况\t已完成\t100%", "名称说明\t坪山区水务局"] {
            assert_eq!(classify(line), None, "{line}");
        }
    }

    #[test]
    fn a_headline_wrapped_before_its_plan_is_one_title_and_its_repeat_is_set_aside() {
        let wrapped = "江门市蓬江区交通运输局2025年工作总结\n和2026年工作计划\n";
        let opening = "2025年，区交通运输局坚持交通先行。\n一、2025年工作开展情况\n";
        let title = "江门市蓬江区交通运输局2025年工作总结和2026年工作计划";
        let (t, r, c) = (
            Some(DropReason::Title),
            Some(DropReason::RepeatedTitle),
            None,
        );
        for (page, reasons) in [
            // the headline of a PDF copied as text, with no portal headline above it
            (format!("{wrapped}{opening}"), vec![t, t, c, c]),
            // the portal's headline on one line, the PDF's under it on two
            (
                format!("{title}\n发布时间：2026-01-20\n{wrapped}{opening}"),
                vec![t, Some(DropReason::Metadata), r, r, c, c],
            ),
        ] {
            let (pieces, read) = sort_page(&page);
            let found: Vec<_> = pieces.iter().map(|(_, reason)| *reason).collect();
            assert_eq!(found, reasons, "{page}");
            assert_eq!(read.title.as_deref(), Some(title));
        }
        // a part heading under a one-line headline is no half of it
        let page = format!("{title}\n2025年工作总结\n{opening}");
        let (pieces, _) = sort_page(&page);
        assert_eq!(pieces[1], ("2025年工作总结".to_string(), None));
    }

    #[test]
    fn page_numbers_of_a_pdf_copied_as_text_are_set_aside_wherever_they_stand() {
        for line in [
            "— 1 —",
            "- 3 -",
            "—3—",
            "－１２－",
            "第 3 页",
            "第3页 共5页",
            "共5页 第3页",
            "第3页/共5页",
            "Page 3 of 10",
        ] {
            assert!(is_page_number(line), "{line}");
        }
        for line in [
            "3",
            "3 / 10",
            "—",
            "-5%",
            "第三部分",
            "第3页共5页第4页",
            "共5页",
            "第3条",
            "— 1 —加强建设。",
            "第3页的表格",
        ] {
            assert!(!is_page_number(line), "{line}");
        }
        let page = "蓬江区交通运输局2025年工作总结\n一、2025年工作开展情况\n\
                    （一）全年完成公路养护工程12项，累计投入资金\n— 1 —\n3.6亿元。\n\
                    （二）深化改革。\n第 2 页 共 2 页\n";
        let (pieces, _) = sort_page(page);
        let p = Some(DropReason::PageNumber);
        let reasons: Vec<_> = pieces.iter().map(|(_, reason)| *reason).collect();
        assert_eq!(
            reasons,
            [Some(DropReason::Title), None, None, p, None, None, p]
        );
    }

    #[test]
    fn a_padded_key_is_one_token_with_its_value() {
        let text = "标　　题：人力资源局工作总结　　发 布 日 期：2025-03-05 文号： 深人〔2025〕1号";
        let line = super::super::source_lines(text, text)[0];
        assert_eq!(
            key_values(&line),
            [
                ("标题", "人力资源局工作总结".to_string()),
                ("发布日期", "2025-03-05".to_string()),
                ("文号", "深人〔2025〕1号".to_string()),
            ]
        );
    }

    #[test]
    fn footer_buttons_and_related_links_headings_are_furniture() {
        for line in [
            "【我要纠错】　【打印】　【关闭】",
            "【打印】　【关闭】　【纠错】",
            "网站地图 | 联系我们 | 使用帮助 | 隐私声明",
            "网站地图 | 联系我们 | 隐私声明 | 网站纠错",
            "网站地图 | 联系我们 | 网站声明 | 隐私保护",
            "无障碍浏览 | 长者模式 | 繁體 | 登录 | 注册",
            "【打印】　【关闭】　【返回顶部】",
            "[打印本页] [关闭窗口] 【收藏】",
            "分享到: 微信 微博 QQ空间  【字号: 大 中 小】 【打印】",
        ] {
            assert_eq!(classify(line), Some(DropReason::Navigation), "{line}");
        }
        let nav = Some(DropReason::Navigation);
        let links = Some(DropReason::RelatedLinks);
        for (line, reason) in [
            ("相关链接：", nav),
            ("相关文章：", nav),
            ("相关链接", nav),
            ("相关附件：", nav),
            ("相关稿件：", nav),
            (
                "相关链接：深圳市住房和建设局 | 广东省住房和城乡建设厅",
                links,
            ),
            ("相关文件：区政府印发的实施方案，明确了各单位职责。", None),
        ] {
            assert_eq!(related_links_heading(line), reason, "{line}");
        }
    }

    #[test]
    fn the_last_item_ends_before_the_page_footer() {
        let page = "深圳市龙岗区水务局2024年工作总结及2025年工作计划\n\
                    一、2025年工作计划\n\
                    坚持以党建引领水务高质量发展。\n\
                    【我要纠错】　【打印】　【关闭】\n\
                    分享到：\n\
                    相关链接：\n\
                    深圳市龙岗区水务局2023年工作总结及2024年工作计划\n\
                    主办单位：深圳市龙岗区人民政府办公室\n";
        let (pieces, _) = sort_page(page);
        assert_eq!(
            kept(&pieces),
            ["一、2025年工作计划", "坚持以党建引领水务高质量发展。"]
        );
        let heading = pieces.iter().find(|(text, _)| text == "相关链接：");
        assert_eq!(
            heading.and_then(|(_, reason)| *reason),
            Some(DropReason::Navigation)
        );
    }

    #[test]
    fn an_empty_attachments_heading_after_the_report_is_furniture() {
        let page = "广州市黄埔区商务局2025年工作总结和2026年工作计划\n\
                    2026年工作计划\n\
                    （一）发展数字商务。培育数字贸易重点企业15家。\n\
                    相关附件：\n\
                    打印本页　　关闭窗口\n";
        let (pieces, _) = sort_page(page);
        let reasons: Vec<_> = pieces.iter().map(|(_, reason)| *reason).collect();
        let nav = Some(DropReason::Navigation);
        assert_eq!(reasons, [Some(DropReason::Title), None, None, nav, nav]);
    }

    #[test]
    fn a_closing_and_contact_note_above_a_back_to_top_button_are_set_aside() {
        let page = "广州市增城区农业农村局关于2024年工作总结和2025年工作计划的报告\n\
                    一、2025年工作计划\n\
                    （六）加强党的建设和干部队伍建设\n\
                    举办业务能力提升培训不少于4期。\n\
                    特此报告。\n\
                    广州市增城区农业农村局\n\
                    2025年1月20日\n\
                    （联系人：何××，联系电话：82××××××）\n\
                    【打印】　【关闭】　【返回顶部】\n\
                    分享到：微信　微博　QQ空间\n";
        let (pieces, _) = sort_page(page);
        let reasons: Vec<_> = pieces.iter().map(|(_, reason)| *reason).collect();
        let (c, s, n) = (
            Some(DropReason::Closing),
            Some(DropReason::Signature),
            Some(DropReason::Navigation),
        );
        assert_eq!(
            reasons,
            [Some(DropReason::Title), None, None, None, c, s, s, s, n, n]
        );
    }
}
