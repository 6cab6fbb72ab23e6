//! Word's automatic numbering -> the label each numbered paragraph displays (`一、`, `（一）`,
//! `1.`, `(1)`): the levels of numbering.xml, the numbering paragraph styles carry in styles.xml,
//! counters that go on and restart as Word's do. Depends on nothing in the crate; no files.

use std::collections::{HashMap, HashSet};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// Levels of a Word list (`w:ilvl` 0 … 8).
const LEVELS: usize = 9;
/// How far a style's `basedOn` chain is followed (a cycle in a damaged file stops here).
const STYLE_DEPTH: usize = 16;

/// A level of an abstract numbering definition: its first value, number format and label
/// template (`%1、`, `（%2）`).
#[derive(Debug, Clone, Default, PartialEq)]
struct Level {
    start: i64,
    format: String,
    template: String,
    /// `w:isLgl`: every number of the label shown in decimal.
    legal: bool,
}

/// A numbering instance (`w:num`): the abstract definition it uses and the levels it restarts.
#[derive(Debug, Clone, Default)]
struct Instance {
    abstract_id: String,
    start_overrides: Vec<(usize, i64)>,
}

/// The numbering a paragraph style carries, and the style it is based on.
#[derive(Debug, Clone, Default)]
struct StyleNumbering {
    based_on: Option<String>,
    num_id: Option<String>,
    level: Option<usize>,
}

/// What a paragraph's properties (`w:pPr`) say about its numbering.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParagraphNumbering {
    pub style: Option<String>,
    pub num_id: Option<String>,
    pub level: Option<usize>,
}

/// Where a part of the document failed to parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    pub byte: u64,
    pub message: String,
}

/// The numbering definitions of a document and the counters of the paragraphs read so far.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    instances: HashMap<String, Instance>,
    styles: HashMap<String, StyleNumbering>,
    counters: HashMap<String, [Option<i64>; LEVELS]>,
    /// Instances whose start overrides were applied (on their first paragraph).
    started: HashSet<String>,
}

impl Numbering {
    /// Reads numbering.xml and styles.xml (either may be missing from a document).
    pub fn parse(
        numbering: Option<&str>,
        styles: Option<&str>,
    ) -> Result<Self, (String, XmlError)> {
        let mut this = Numbering::default();
        if let Some(xml) = numbering {
            this.read_numbering(xml)
                .map_err(|e| ("word/numbering.xml".to_string(), e))?;
        }
        if let Some(xml) = styles {
            this.read_styles(xml)
                .map_err(|e| ("word/styles.xml".to_string(), e))?;
        }
        Ok(this)
    }

    /// The label of the next paragraph with these properties, counting it; `None` for a
    /// paragraph without numbering, a bullet or a level that shows nothing.
    pub fn label(&mut self, paragraph: &ParagraphNumbering) -> Option<String> {
        let (num_id, level) = self.resolve(paragraph)?;
        let instance = self.instances.get(&num_id)?;
        let levels = self.abstracts.get(&instance.abstract_id)?;
        let counters = self
            .counters
            .entry(instance.abstract_id.clone())
            .or_insert([None; LEVELS]);
        if self.started.insert(num_id) {
            for &(at, start) in &instance.start_overrides {
                counters[at] = Some(start - 1);
            }
        }
        let start = |at: usize| levels.get(at).map_or(1, |l| l.start);
        counters[level] = Some(counters[level].map_or(start(level), |c| c + 1));
        counters[level + 1..].fill(None);
        let this = levels.get(level)?;
        if matches!(this.format.as_str(), "bullet" | "none") {
            return None;
        }
        let mut label = String::new();
        let mut rest = this.template.as_str();
        while let Some(at) = rest.find('%') {
            label.push_str(&rest[..at]);
            let digit = rest[at + 1..].chars().next();
            match digit.and_then(|d| d.to_digit(10)) {
                Some(n @ 1..=9) => {
                    let of = n as usize - 1;
                    let value = counters[of].unwrap_or(start(of));
                    let format = match levels.get(of) {
                        _ if this.legal => "decimal",
                        Some(level) => level.format.as_str(),
                        None => "decimal",
                    };
                    label.push_str(&display(value, format));
                    rest = &rest[at + 2..];
                }
                _ => {
                    label.push('%');
                    rest = &rest[at + 1..];
                }
            }
        }
        label.push_str(rest);
        (!label.trim().is_empty()).then_some(label)
    }

    /// The numbering instance and level of a paragraph: its own, else its style's (through the
    /// styles it is based on). Instance `0` is "no numbering".
    fn resolve(&self, paragraph: &ParagraphNumbering) -> Option<(String, usize)> {
        let mut num_id = paragraph.num_id.clone();
        let mut level = paragraph.level;
        let mut style = paragraph.style.clone();
        for _ in 0..STYLE_DEPTH {
            if num_id.is_some() && level.is_some() {
                break;
            }
            let Some(numbering) = style.as_ref().and_then(|s| self.styles.get(s)) else {
                break;
            };
            num_id = num_id.or_else(|| numbering.num_id.clone());
            level = level.or(numbering.level);
            style = numbering.based_on.clone();
        }
        let num_id = num_id.filter(|id| id != "0")?;
        Some((num_id, level.unwrap_or(0).min(LEVELS - 1)))
    }

    fn read_numbering(&mut self, xml: &str) -> Result<(), XmlError> {
        let mut abstract_id: Option<String> = None;
        let mut levels: Vec<Level> = Vec::new();
        let mut level: Option<usize> = None;
        let mut num: Option<(String, Instance)> = None;
        let mut override_level: Option<usize> = None;
        each_element(xml, |name, element, opening| match (name, opening) {
            ("abstractNum", true) => {
                abstract_id = attribute(element, "abstractNumId");
                levels = vec![Level::default(); LEVELS];
            }
            ("abstractNum", false) => {
                if let Some(id) = abstract_id.take() {
                    self.abstracts.insert(id, std::mem::take(&mut levels));
                }
            }
            ("lvl", true) if abstract_id.is_some() => level = index(element, "ilvl"),
            ("lvl", false) => level = None,
            ("start", true) => {
                if let (Some(at), Some(value)) = (level, number(element)) {
                    levels[at].start = value;
                }
            }
            ("numFmt", true) => {
                if let (Some(at), Some(value)) = (level, attribute(element, "val")) {
                    levels[at].format = value;
                }
            }
            ("lvlText", true) => {
                if let (Some(at), Some(value)) = (level, attribute(element, "val")) {
                    levels[at].template = value;
                }
            }
            ("isLgl", true) => {
                if let Some(at) = level {
                    levels[at].legal = attribute(element, "val")
                        .is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off"));
                }
            }
            ("num", true) => {
                num = attribute(element, "numId").map(|id| (id, Instance::default()));
            }
            ("num", false) => {
                if let Some((id, instance)) = num.take() {
                    self.instances.insert(id, instance);
                }
            }
            ("abstractNumId", true) => {
                if let (Some((_, instance)), Some(value)) =
                    (num.as_mut(), attribute(element, "val"))
                {
                    instance.abstract_id = value;
                }
            }
            ("lvlOverride", true) => override_level = index(element, "ilvl"),
            ("lvlOverride", false) => override_level = None,
            ("startOverride", true) => {
                if let (Some((_, instance)), Some(at), Some(value)) =
                    (num.as_mut(), override_level, number(element))
                {
                    instance.start_overrides.push((at, value));
                }
            }
            _ => {}
        })
    }

    fn read_styles(&mut self, xml: &str) -> Result<(), XmlError> {
        let mut style: Option<(String, StyleNumbering)> = None;
        each_element(xml, |name, element, opening| match (name, opening) {
            ("style", true) => {
                style = attribute(element, "styleId").map(|id| (id, StyleNumbering::default()));
            }
            ("style", false) => {
                if let Some((id, numbering)) = style.take() {
                    self.styles.insert(id, numbering);
                }
            }
            ("basedOn", true) => {
                if let Some((_, numbering)) = style.as_mut() {
                    numbering.based_on = attribute(element, "val");
                }
            }
            ("numId", true) => {
                if let Some((_, numbering)) = style.as_mut() {
                    numbering.num_id = attribute(element, "val");
                }
            }
            ("ilvl", true) => {
                if let Some((_, numbering)) = style.as_mut() {
                    numbering.level = index(element, "val");
                }
            }
            _ => {}
        })
    }
}

/// Calls `visit(local name, element, opening)` for every element of `xml`: once opening (with
/// its attributes) and once closing (an empty element `<a/>` both opens and closes).
fn each_element(
    xml: &str,
    mut visit: impl FnMut(&str, &BytesStart<'_>, bool),
) -> Result<(), XmlError> {
    let mut reader = Reader::from_str(xml);
    loop {
        let event = reader.read_event().map_err(|e| XmlError {
            byte: reader.error_position(),
            message: e.to_string(),
        })?;
        match event {
            Event::Start(element) => visit(element.local_name().as_ref(), &element, true),
            Event::Empty(element) => {
                visit(element.local_name().as_ref(), &element, true);
                visit(element.local_name().as_ref(), &element, false);
            }
            Event::End(end) => visit(end.local_name().as_ref(), &BytesStart::new(""), false),
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The value of an attribute by its local name (`w:val` -> `val`).
pub fn attribute(element: &BytesStart<'_>, local: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// A level index attribute (`w:ilvl="2"`), within the nine levels.
fn index(element: &BytesStart<'_>, local: &str) -> Option<usize> {
    attribute(element, local)?
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|&l| l < LEVELS)
}

/// The `w:val` of an element as a number.
fn number(element: &BytesStart<'_>) -> Option<i64> {
    attribute(element, "val")?.trim().parse().ok()
}

/// A counter value in one of Word's number formats (`w:numFmt`); an unknown format shows
/// decimal, as Word does.
fn display(value: i64, format: &str) -> String {
    let Ok(n) = u32::try_from(value) else {
        return value.to_string();
    };
    let enclosed = |first: char| {
        (1..=20)
            .contains(&n)
            .then(|| char::from_u32(u32::from(first) + n - 1))
            .flatten()
            .map_or_else(|| n.to_string(), String::from)
    };
    let cycle = |set: &str| {
        let set: Vec<char> = set.chars().collect();
        match n.checked_sub(1) {
            Some(i) if (i as usize) < set.len() => set[i as usize].to_string(),
            _ => n.to_string(),
        }
    };
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "japaneseCounting"
        | "ideographDigital" => han_counting(n, "〇一二三四五六七八九", "千百十"),
        "chineseLegalSimplified" => han_counting(n, "零壹贰叁肆伍陆柒捌玖", "仟佰拾"),
        "ideographLegalTraditional" => han_counting(n, "零壹貳參肆伍陸柒捌玖", "仟佰拾"),
        "ideographTraditional" => cycle("甲乙丙丁戊己庚辛壬癸"),
        "ideographZodiac" => cycle("子丑寅卯辰巳午未申酉戌亥"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .filter_map(|d| char::from_u32(u32::from(d) - u32::from('0') + u32::from('０')))
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" | "ideographEnclosedCircle" => {
            enclosed('①')
        }
        "decimalEnclosedParen" => enclosed('⑴'),
        "decimalEnclosedFullstop" => enclosed('⒈'),
        "decimalZero" => format!("{n:02}"),
        "lowerLetter" | "upperLetter" => {
            let Some(i) = n.checked_sub(1) else {
                return String::new();
            };
            let letter = char::from(b'a' + (i % 26) as u8);
            let letter = if format == "upperLetter" {
                letter.to_ascii_uppercase()
            } else {
                letter
            };
            std::iter::repeat_n(letter, i as usize / 26 + 1).collect()
        }
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        _ => n.to_string(),
    }
}

/// A number 0 … 9999 in Han numerals, counted (`十一`, `一百零五`); larger ones in digits.
/// `digits` are zero … nine, `units` thousands, hundreds and tens.
fn han_counting(n: u32, digits: &str, units: &str) -> String {
    let digits: Vec<char> = digits.chars().collect();
    let units: Vec<char> = units.chars().collect();
    let zero = digits[0];
    if n == 0 {
        return zero.to_string();
    }
    if n > 9999 {
        return n.to_string();
    }
    let places = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut gap = false;
    for (place, &d) in places.iter().enumerate() {
        if d == 0 {
            gap = !out.is_empty();
            continue;
        }
        if gap {
            out.push(if zero == '〇' { '零' } else { zero });
            gap = false;
        }
        // 十一, not 一十一, at the head of a number
        if !(d == 1 && place == 2 && out.is_empty()) {
            out.push(digits[d as usize]);
        }
        if let Some(&unit) = units.get(place) {
            out.push(unit);
        }
    }
    out
}

/// A number in upper-case Roman numerals.
fn roman(mut n: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
        <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%4)"/></w:lvl>
        <w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="2">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="2"/>
        <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    </w:numbering>"#;

    const STYLES: &str = r#"<w:styles xmlns:w="w">
      <w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
    </w:styles>"#;

    fn styled(style: &str) -> ParagraphNumbering {
        ParagraphNumbering {
            style: Some(style.to_string()),
            ..ParagraphNumbering::default()
        }
    }

    fn direct(num_id: &str, level: usize) -> ParagraphNumbering {
        ParagraphNumbering {
            style: None,
            num_id: Some(num_id.to_string()),
            level: Some(level),
        }
    }

    #[test]
    fn the_outline_levels_show_the_markers_reports_use() {
        let mut numbering = Numbering::parse(Some(NUMBERING), Some(STYLES)).unwrap();
        let labels: Vec<Option<String>> = [
            styled("Heading1"),
            styled("Heading2"),
            direct("1", 2),
            direct("1", 3),
            direct("1", 3),
            direct("1", 2),
            styled("Heading2"),
            styled("Heading1"),
            styled("Heading2"),
            direct("1", 4),
        ]
        .iter()
        .map(|p| numbering.label(p))
        .collect();
        let expected = [
            "一、",
            "（一）",
            "1.",
            "(1)",
            "(2)",
            "2.",
            "（二）",
            "二、",
            "（一）",
        ];
        for (label, expected) in labels.iter().zip(expected) {
            assert_eq!(label.as_deref(), Some(expected));
        }
        assert_eq!(labels[9], None, "a bullet is not a marker");
    }

    #[test]
    fn an_instance_with_a_start_override_restarts_the_list_it_shares() {
        let mut numbering = Numbering::parse(Some(NUMBERING), None).unwrap();
        let labels: Vec<String> = [
            direct("2", 0),
            direct("2", 0),
            direct("3", 0),
            direct("3", 0),
        ]
        .iter()
        .filter_map(|p| numbering.label(p))
        .collect();
        assert_eq!(labels, ["1.", "2.", "1.", "2."]);
        assert_eq!(numbering.label(&direct("0", 0)), None);
        assert_eq!(numbering.label(&direct("9", 0)), None);
    }

    #[test]
    fn han_numerals_count_as_written() {
        let han = |n| han_counting(n, "〇一二三四五六七八九", "千百十");
        assert_eq!(han(1), "一");
        assert_eq!(han(10), "十");
        assert_eq!(han(11), "十一");
        assert_eq!(han(20), "二十");
        assert_eq!(han(105), "一百零五");
        assert_eq!(han(1010), "一千零一十");
        assert_eq!(display(3, "chineseLegalSimplified"), "叁");
        assert_eq!(display(2, "ideographTraditional"), "乙");
        assert_eq!(display(3, "decimalEnclosedCircle"), "③");
        assert_eq!(display(12, "decimalFullWidth"), "１２");
        assert_eq!(display(28, "lowerLetter"), "bb");
        assert_eq!(display(14, "upperRoman"), "XIV");
    }

    #[test]
    fn a_style_cycle_or_damaged_xml_does_not_hang_or_panic() {
        let cycle = r#"<w:styles><w:style w:styleId="A"><w:basedOn w:val="B"/></w:style>
            <w:style w:styleId="B"><w:basedOn w:val="A"/></w:style></w:styles>"#;
        let mut numbering = Numbering::parse(Some(NUMBERING), Some(cycle)).unwrap();
        assert_eq!(numbering.label(&styled("A")), None);
        assert!(Numbering::parse(Some("<w:numbering><w:num></w:numbering>"), None).is_err());
    }
}
