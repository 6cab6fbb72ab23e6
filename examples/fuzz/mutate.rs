//! Mutators for this input: outline markers inserted, line breaks removed, bytes damaged, lines
//! moved, pieces of other pages spliced in, other encodings, and id games on report JSON.

use planlens::synth::Rng;
use serde_json::Value;

/// Outline markers and part headings the importer keys on, and the punctuation around them.
const MARKERS: &[&str] = &[
    "一、",
    "二、",
    "十一、",
    "（一）",
    "(二)",
    "（十）",
    "1.",
    "2、",
    "１．",
    "（1）",
    "(2)",
    "①",
    "一是",
    "二是",
    "是",
    "第一部分",
    "第二部分 ",
    "2024年工作总结",
    "二、2025年工作计划",
    "一、2024年工作总结\n",
    "上半年工作总结",
    "（",
    "、",
    "。",
    "\n",
];

/// Characters and pieces that break naive text code, and page furniture.
pub const TRICKY: &[&str] = &[
    "\u{200D}",
    "\u{FE0F}",
    "\u{0301}",
    "\u{3000}",
    "\u{A0}",
    "\u{FEFF}",
    "\u{200B}",
    "\r",
    "\r\n",
    "\t",
    "👨\u{200D}👩\u{200D}👧",
    "👍🏽",
    "🇨🇳",
    "１２３",
    "×",
    "“",
    "”",
    "——",
    "……",
    "【打印】",
    "发布日期：2024-01-05",
    "当前位置：首页 > 政务公开",
    "\u{1b}[2J",
    "\u{FFFD}",
    "深圳市光明区政务服务和数据管理局2024年工作总结和2025年工作计划",
];

/// 1 to 8 edits of page text (or of any bytes).
pub fn page(rng: &mut Rng, bytes: &mut Vec<u8>, seeds: &[Vec<u8>]) {
    for _ in 0..rng.range(1, 8) {
        match rng.below(10) {
            0 | 1 => {
                let marker = rng.pick(MARKERS);
                insert(rng, bytes, marker.as_bytes(), true);
            }
            2 => remove_line_break(rng, bytes),
            3 | 4 => damage(rng, bytes),
            5 => {
                let piece = rng.pick(TRICKY);
                insert(rng, bytes, piece.as_bytes(), false);
            }
            6 => move_line(rng, bytes),
            7 => splice(rng, bytes, seeds),
            8 => delete_range(rng, bytes),
            _ => reencode(rng, bytes),
        }
    }
}

/// Byte-level edits only, for inputs that are not text (wrap and TUI scripts).
pub fn bytes(rng: &mut Rng, bytes: &mut Vec<u8>) {
    for _ in 0..rng.range(1, 4) {
        match rng.below(4) {
            0 => damage(rng, bytes),
            1 => delete_range(rng, bytes),
            2 => {
                let at = rng.below(bytes.len() + 1);
                let byte = random_byte(rng);
                bytes.insert(at, byte);
            }
            _ => {
                let from = rng.below(bytes.len() + 1);
                let piece = bytes[from..(from + rng.range(1, 8)).min(bytes.len())].to_vec();
                insert(rng, bytes, &piece, false);
            }
        }
    }
}

/// A byte, every value as likely.
pub fn random_byte(rng: &mut Rng) -> u8 {
    u8::try_from(rng.below(256)).expect("below 256")
}

/// Id games on report JSON (duplicate, empty, huge and mistyped ids, nodes moved and copied,
/// odd numbers and texts), then sometimes damaged bytes.
pub fn json(rng: &mut Rng, bytes: &mut Vec<u8>) {
    if let Ok(mut value) = serde_json::from_slice::<Value>(bytes) {
        for _ in 0..rng.range(1, 4) {
            id_game(rng, &mut value);
        }
        let written = if rng.chance(1, 2) {
            serde_json::to_vec(&value)
        } else {
            serde_json::to_vec_pretty(&value)
        };
        if let Ok(written) = written {
            *bytes = written;
        }
    }
    if rng.chance(1, 4) {
        damage(rng, bytes);
    }
}

/// A random position moved forward to the start of a UTF-8 character (or of a line).
fn position(rng: &mut Rng, bytes: &[u8], line_start: bool) -> usize {
    if line_start && rng.chance(2, 3) {
        let breaks: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] == b'\n').collect();
        if !breaks.is_empty() {
            return breaks[rng.below(breaks.len())] + 1;
        }
    }
    let mut at = rng.below(bytes.len() + 1);
    while at < bytes.len() && bytes[at] & 0xC0 == 0x80 {
        at += 1;
    }
    at
}

fn insert(rng: &mut Rng, bytes: &mut Vec<u8>, piece: &[u8], line_start: bool) {
    let at = position(rng, bytes, line_start);
    bytes.splice(at..at, piece.iter().copied());
}

fn remove_line_break(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let breaks: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] == b'\n').collect();
    if breaks.is_empty() {
        return;
    }
    let at = breaks[rng.below(breaks.len())];
    if rng.chance(1, 3) {
        bytes[at] = b' ';
    } else {
        bytes.remove(at);
    }
}

/// A flipped bit, a stray byte (0xFF, a lone continuation byte, NUL …) put in or over one.
fn damage(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let stray = rng.pick(&[0xFF, 0x80, 0x00, 0xE4, 0xC0, b'\n', b'{', b'"']);
    let at = rng.below(bytes.len() + 1);
    match (rng.below(3), bytes.get_mut(at)) {
        (0, Some(byte)) => *byte ^= 1 << rng.below(8),
        (1, Some(byte)) => *byte = stray,
        _ => bytes.insert(at, stray),
    }
}

fn delete_range(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let from = rng.below(bytes.len() + 1);
    let to = (from + rng.range(1, 64)).min(bytes.len());
    bytes.drain(from..to);
}

/// A line duplicated, dropped or moved elsewhere.
fn move_line(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let mut lines: Vec<Vec<u8>> = bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    let from = rng.below(lines.len());
    let line = lines.remove(from);
    let copies = rng.below(3); // 0: dropped, 1: moved, 2: duplicated
    for _ in 0..copies {
        let to = rng.below(lines.len() + 1);
        lines.insert(to, line.clone());
    }
    *bytes = lines.join(&b'\n');
}

fn splice(rng: &mut Rng, bytes: &mut Vec<u8>, seeds: &[Vec<u8>]) {
    let Some(other) = seeds.get(rng.below(seeds.len())) else {
        return;
    };
    let from = position(rng, other, true);
    let to = (from + rng.range(1, 2000)).min(other.len());
    let piece = other[from..to].to_vec();
    insert(rng, bytes, &piece, true);
}

/// The text saved in another encoding reports come in, with or without a BOM.
fn reencode(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let bom = rng.chance(1, 2);
    *bytes = match rng.below(6) {
        0 => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        1 => encoding_rs::GBK.encode(text).0.into_owned(),
        2 => encoding_rs::GB18030.encode(text).0.into_owned(),
        3 => encoding_rs::BIG5.encode(text).0.into_owned(),
        4 => {
            let units = text.encode_utf16().flat_map(u16::to_le_bytes);
            (bom.then_some([0xFF, 0xFE]).into_iter().flatten())
                .chain(units)
                .collect()
        }
        _ => {
            let units = text.encode_utf16().flat_map(u16::to_be_bytes);
            (bom.then_some([0xFE, 0xFF]).into_iter().flatten())
                .chain(units)
                .collect()
        }
    };
}

/// The JSON pointers of every object that has an `id` (parts and nodes).
fn with_ids(value: &Value, pointer: String, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if map.contains_key("id") {
                found.push(pointer.clone());
            }
            for (key, child) in map {
                with_ids(child, format!("{pointer}/{key}"), found);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                with_ids(child, format!("{pointer}/{i}"), found);
            }
        }
        _ => {}
    }
}

fn id_game(rng: &mut Rng, value: &mut Value) {
    let mut pointers = Vec::new();
    with_ids(value, String::new(), &mut pointers);
    if pointers.is_empty() {
        return;
    }
    let pointer = pointers[rng.below(pointers.len())].clone();
    let other = pointers[rng.below(pointers.len())].clone();
    let other_value = value.pointer(&other).cloned().unwrap_or(Value::Null);
    let odd_text = rng.pick(TRICKY).repeat(rng.range(1, 300));
    let choice = rng.below(11);
    if choice == 10 {
        // the object copied next to itself: every id of it twice
        if let Some((parent, index)) = pointer.rsplit_once('/')
            && let Ok(index) = index.parse::<usize>()
            && let Some(Value::Array(items)) = value.pointer_mut(parent)
            && let Some(copy) = items.get(index).cloned()
        {
            items.insert(index, copy);
        }
        return;
    }
    let Some(Value::Object(object)) = value.pointer_mut(&pointer) else {
        return;
    };
    let key = rng.pick(&["title", "text", "marker", "heading"]);
    match choice {
        0 => {
            object.insert("id".into(), other_value["id"].clone());
        }
        1 => {
            object.insert("id".into(), Value::from(""));
        }
        2 => {
            let id = rng.pick(&["p1", "front", "p1.1.1.1.1.1", "p0", "p99999999999999999999"]);
            object.insert("id".into(), Value::from(id));
        }
        3 => {
            object.insert("id".into(), Value::from("p9.".repeat(rng.range(1, 500))));
        }
        4 => {
            let odd = [
                Value::Null,
                Value::from(7),
                Value::from(-1.5),
                Value::Bool(true),
            ];
            object.insert("id".into(), odd[rng.below(odd.len())].clone());
        }
        5 => {
            object.remove("id");
        }
        6 => {
            // the children of another object (nodes under themselves, parts as nodes …)
            let children = other_value
                .get("children")
                .or_else(|| other_value.get("nodes"))
                .cloned()
                .unwrap_or(Value::Array(vec![other_value.clone()]));
            let field = if object.contains_key("nodes") {
                "nodes"
            } else {
                "children"
            };
            object.insert(field.into(), children);
        }
        7 => {
            let field = rng.pick(&["line", "year", "half", "kind"]);
            let odd = [
                Value::from(u64::MAX),
                Value::from(i64::MIN),
                Value::from(0),
                Value::from(2_147_483_647),
                Value::from("bogus"),
                Value::Null,
            ];
            object.insert(field.into(), odd[rng.below(odd.len())].clone());
        }
        8 => {
            object.insert(key.into(), Value::from(odd_text));
        }
        _ => {
            object.insert(
                "flags".into(),
                Value::from(vec!["heading_glued", "marker_broken"]),
            );
        }
    }
}
