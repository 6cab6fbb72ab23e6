//! Bytes of a saved page -> text, in the encodings reports come in: UTF-8 (damaged bytes read as
//! U+FFFD and counted), UTF-16 (by its BOM, or by its NUL bytes and what each byte order reads
//! as), GBK/GB18030 and Big5 (told apart by chardetng). Nothing else is guessed: a page that
//! looks like another encoding, or whose decoding holds no Han character, is refused, naming the
//! likely cause.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{BIG5, DecoderResult, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

use crate::text::chars::is_han;

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("byte {offset}: binary data (NUL byte), not a text report")]
    Binary { offset: usize },
    /// chardetng reads the page as an encoding reports do not come in (windows-1252 …): read
    /// as GBK or Big5 it would be mojibake.
    #[error(
        "the page looks like {name} text, not an encoding Chinese reports come in (UTF-8, \
         GBK/GB18030, Big5, UTF-16): save it as UTF-8"
    )]
    OtherEncoding { name: &'static str },
    /// The page declares a charset no encoding goes by.
    #[error("the page declares charset `{label}`, which is not an encoding: save it as UTF-8")]
    Unsupported { label: String },
    /// The decoded text holds no Han character.
    #[error("no Chinese text: read as {encoding} it has no Han character{}", match damaged {
        0 => ": not a Chinese report".to_string(),
        n => format!(" and {n} byte sequences that do not decode: a damaged file, or not text"),
    })]
    NoChinese {
        encoding: &'static str,
        damaged: usize,
    },
}

/// Decoded text, the name of the encoding it was read in, and how many damaged byte sequences
/// became U+FFFD.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub damaged: usize,
}

/// Decodes a report file saved in any encoding reports come in.
///
/// A BOM decides. Otherwise NUL bytes mean UTF-16 (when it reads as text) or binary data; UTF-8
/// with a few damaged bytes stays UTF-8; anything else is GBK/GB18030 or Big5 as chardetng tells,
/// or refused. Sequences that do not decode become U+FFFD and are counted, so a damaged byte never
/// hides the rest.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return decoded(encoding, &bytes[bom..], bytes);
    }
    // valid UTF-8 without NUL bytes, nearly every page, is its own text: checked once (by
    // encoding_rs, ten times faster than str::from_utf8 on Chinese text), not guessed and then
    // decoded
    if !bytes.contains(&0)
        && let Some(text) = UTF_8.decode_without_bom_handling_and_without_replacement(bytes)
    {
        return checked(text.into_owned(), UTF_8, 0, bytes);
    }
    decoded(guess(bytes)?, bytes, bytes)
}

/// `body` (the page's `bytes` without a BOM) decoded, then [`checked`].
fn decoded(encoding: &'static Encoding, body: &[u8], bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (text, damaged) = decode_counting(encoding, body);
    checked(text, encoding, damaged, bytes)
}

/// Text decoded from the page's `bytes`, refused when it holds NUL characters (binary data,
/// except in UTF-16 where they cannot appear decoded) or no Han character.
fn checked(
    text: String,
    encoding: &'static Encoding,
    damaged: usize,
    bytes: &[u8],
) -> Result<Decoded, DecodeError> {
    let utf16 = encoding == UTF_16LE || encoding == UTF_16BE;
    if !utf16 && text.contains('\0') {
        let offset = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        return Err(DecodeError::Binary { offset });
    }
    if !text.chars().any(is_han) {
        return Err(DecodeError::NoChinese {
            encoding: encoding.name(),
            damaged,
        });
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        damaged,
    })
}

/// Decodes a page whose markup declares its charset (`label`, as written in `<meta charset>`).
/// A BOM still decides first; a declared label names an encoding reports come in or is refused;
/// a page declared as a legacy encoding whose bytes are valid UTF-8 (re-saved by a browser) is
/// read as UTF-8.
pub fn decode_declared(bytes: &[u8], label: &str) -> Result<Decoded, DecodeError> {
    if Encoding::for_bom(bytes).is_some() {
        return decode(bytes);
    }
    let Some(declared) = Encoding::for_label(label.trim().as_bytes()) else {
        return Err(DecodeError::Unsupported {
            label: label.trim().to_string(),
        });
    };
    let encoding = if ![GBK, GB18030, BIG5, UTF_8, UTF_16LE, UTF_16BE].contains(&declared) {
        return Err(DecodeError::OtherEncoding {
            name: declared.name(),
        });
    } else if declared != UTF_8 && std::str::from_utf8(bytes).is_ok_and(|t| !t.is_ascii()) {
        UTF_8
    } else {
        declared
    };
    decoded(encoding, bytes, bytes)
}

/// The encoding of a page without a BOM.
fn guess(bytes: &[u8]) -> Result<&'static Encoding, DecodeError> {
    // `contains` finds a byte with memchr; most pages have none
    if bytes.contains(&0) {
        let offset = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        return utf16_by_nuls(bytes).ok_or(DecodeError::Binary { offset });
    }
    if mostly_utf8(bytes) {
        return Ok(UTF_8);
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    match detector.guess(None, Utf8Detection::Deny) {
        guess if [GBK, GB18030, BIG5].contains(&guess) => Ok(guess),
        other => Err(DecodeError::OtherEncoding { name: other.name() }),
    }
}

/// A page is damaged UTF-8, not another encoding, when its well-formed multi-byte characters
/// outnumber its malformed sequences at least this many times. Measured on the 24 pages of
/// tests/fixtures and data/raw saved as GBK or Big5 and read as UTF-8: 0.03 to 0.28 (the
/// two-byte sequences GBK happens to form); the 光明 page with 40 damaged bytes: 82.
const UTF8_CHARS_PER_DAMAGED: usize = 2;

/// Valid UTF-8, or UTF-8 with a few damaged bytes (see [`UTF8_CHARS_PER_DAMAGED`]).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut damaged) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        damaged += usize::from(!chunk.invalid().is_empty());
    }
    multibyte >= UTF8_CHARS_PER_DAMAGED * damaged
}

/// UTF-16 without a BOM. Its NUL bytes are the high bytes of ASCII characters and the low bytes
/// of U+xx00 ones (一, the U+3000 indent), so where they fall does not tell the order on every
/// page; what each order decodes to does: the right one reads as report text (Han, ASCII, CJK and
/// full-width punctuation), the wrong one as a scatter of scripts. Binary data reads as neither.
fn utf16_by_nuls(bytes: &[u8]) -> Option<&'static Encoding> {
    [UTF_16LE, UTF_16BE]
        .into_iter()
        .map(|encoding| (encoding, text_share(&decode_counting(encoding, bytes).0)))
        .filter(|&(_, share)| share >= UTF16_TEXT_SHARE)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(encoding, _)| encoding)
}

/// The share of report-text characters a UTF-16 reading must reach. Measured on the 24 pages of
/// tests/fixtures and data/raw saved as UTF-16: at least 0.998 in the right order, at most 0.49
/// in the wrong one.
const UTF16_TEXT_SHARE: f64 = 0.9;

/// The share of `text`'s characters that report text is made of.
fn text_share(text: &str) -> f64 {
    let (mut total, mut texty) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        texty += usize::from(is_han(c) || is_report_symbol(c));
    }
    texty as f64 / total.max(1) as f64
}

/// ASCII text, Latin-1 symbols (· ×), general punctuation, letterlike symbols, arrows and
/// enclosed numbers (— … “ ” ℃ ①), CJK punctuation (、。《》 and the U+3000 indent), CJK units
/// (㎡), full-width forms (，：（）％).
fn is_report_symbol(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | ' '..='~' | '\u{A0}'..='\u{FF}' | '\u{2000}'..='\u{24FF}'
        | '\u{3000}'..='\u{303F}' | '\u{3300}'..='\u{33FF}' | '\u{FF00}'..='\u{FFEF}')
}

/// Decodes `bytes` (BOM already removed) with each malformed sequence read as one U+FFFD; returns
/// the text and how many sequences were replaced.
fn decode_counting(encoding: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut damaged = 0;
    let mut input = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(input, &mut text, true);
        input = &input[read..];
        match result {
            DecoderResult::InputEmpty => return (text, damaged),
            DecoderResult::Malformed(_, _) => {
                damaged += 1;
                text.push(char::REPLACEMENT_CHARACTER);
            }
            DecoderResult::OutputFull => text.reserve(3 * input.len() + 4),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str =
        "深圳市光明区政务服务和数据管理局2024年工作总结和2025年工作计划\n一、2024年工作总结\n";

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode(SAMPLE.as_bytes()).unwrap();
        assert_eq!(plain.text, SAMPLE);
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(SAMPLE.as_bytes());
        assert_eq!(decode(&with_bom).unwrap().text, SAMPLE);
    }

    #[test]
    fn gbk_is_detected() {
        let (bytes, _, _) = encoding_rs::GBK.encode(SAMPLE);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, SAMPLE);
        assert!(decoded.encoding == "GBK" || decoded.encoding == "gb18030");
    }

    #[test]
    fn big5_traditional_is_detected() {
        let traditional = "深圳市龍崗區政務服務數據管理局2023年工作總結及2024年工作計劃\n一、2023年工作總結\n（一）著力減流程優服務，政務服務改革形成新亮點。\n";
        let (bytes, _, _) = encoding_rs::BIG5.encode(traditional);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, "Big5");
        assert_eq!(decoded.text, traditional);
    }

    #[test]
    fn utf16_with_bom_both_endians() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap().text, SAMPLE);
        let mut be = vec![0xFE, 0xFF];
        be.extend(SAMPLE.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap().text, SAMPLE);
    }

    #[test]
    fn one_damaged_byte_does_not_garble_a_utf8_page() {
        let mut bytes = SAMPLE.repeat(3).into_bytes();
        bytes.insert(9, 0xFF); // between two characters
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(decoded.text.matches('\u{FFFD}').count(), 1);
        assert!(decoded.text.contains("一、2024年工作总结"));
    }

    #[test]
    fn utf16_without_bom_is_told_by_its_nul_bytes_in_both_orders() {
        let le: Vec<u8> = SAMPLE.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let decoded = decode(&le).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            (SAMPLE, "UTF-16LE")
        );
        let be: Vec<u8> = SAMPLE.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let decoded = decode(&be).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            (SAMPLE, "UTF-16BE")
        );
        assert_eq!(decoded.damaged, 0);
        // more U+xx00 characters (the 　 indent, 一) than ASCII ones: NUL bytes mostly on the
        // "wrong" side, the order is still right
        let indented = "\u{3000}\u{3000}一是统一标准。\n".repeat(5);
        for (bytes, order) in [
            (
                indented
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect::<Vec<u8>>(),
                "UTF-16LE",
            ),
            (
                indented.encode_utf16().flat_map(u16::to_be_bytes).collect(),
                "UTF-16BE",
            ),
        ] {
            let decoded = decode(&bytes).unwrap();
            assert_eq!(
                (decoded.text.as_str(), decoded.encoding),
                (indented.as_str(), order)
            );
        }
    }

    #[test]
    fn a_utf8_page_with_one_percent_damaged_bytes_stays_utf8_and_counts_them() {
        let page = SAMPLE.repeat(20);
        let mut bytes = Vec::new();
        for (n, line) in page.split_inclusive('\n').enumerate() {
            bytes.extend_from_slice(line.as_bytes());
            if n % 2 == 0 {
                bytes.push(0xFF);
            }
        }
        let decoded = decode(&bytes).unwrap();
        assert_eq!((decoded.encoding, decoded.damaged), ("UTF-8", 20));
        assert_eq!(decoded.text.replace('\u{FFFD}', ""), page);
    }

    #[test]
    fn only_chinese_encodings_are_guessed_and_text_without_han_is_refused() {
        let english = decode(b"Annual work plan\n1. Improve services\n").unwrap_err();
        assert_eq!(
            english.to_string(),
            "no Chinese text: read as UTF-8 it has no Han character: not a Chinese report"
        );
        // Latin-1 French would read as GBK mojibake (cr閑r): refused, naming what it looks like
        let (french, _, _) = encoding_rs::WINDOWS_1252
            .encode("Plan de travail: créer, améliorer, réduire à zéro.\n");
        assert_eq!(
            decode(&french),
            Err(DecodeError::OtherEncoding {
                name: "windows-1252"
            })
        );
    }

    #[test]
    fn empty_and_binary_are_errors() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"  \r\n\t"), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(DecodeError::Binary { offset: 8 })
        );
    }
}
