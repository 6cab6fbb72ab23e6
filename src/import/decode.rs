//! Bytes of a saved page -> text: BOMs, UTF-8, UTF-16, and GBK/GB18030/Big5 detected by chardetng.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("byte {offset}: binary data (NUL byte), not a text report")]
    Binary { offset: usize },
}

/// Decoded text and the name of the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decodes a report file, whatever encoding it was saved in.
///
/// A BOM decides; otherwise valid UTF-8 is UTF-8; otherwise chardetng guesses among the legacy
/// encodings Chinese pages use (GBK/GB18030, Big5). Characters that do not decode become U+FFFD,
/// so a damaged byte never hides the rest of the file.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    let encoding = match Encoding::for_bom(bytes) {
        Some((encoding, _)) => encoding,
        None => {
            if let Some(offset) = bytes.iter().position(|&b| b == 0) {
                return Err(DecodeError::Binary { offset });
            }
            sniff(bytes)
        }
    };
    // `decode` strips the BOM it was given and replaces malformed sequences.
    let (text, _, _) = encoding.decode(bytes);
    if encoding != UTF_16LE && encoding != UTF_16BE && text.contains('\0') {
        let offset = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        return Err(DecodeError::Binary { offset });
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    })
}

/// Most bytes valid UTF-8 with a few damaged sequences is a damaged UTF-8 page, not another
/// encoding: legacy Chinese text read as UTF-8 fails on nearly every character.
const DAMAGED_UTF8_SHARE: f64 = 0.01;

fn sniff(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let lossy = String::from_utf8_lossy(bytes);
    let damaged = lossy
        .chars()
        .filter(|&c| c == char::REPLACEMENT_CHARACTER)
        .count();
    let total = lossy.chars().count().max(1);
    if (damaged as f64 / total as f64) < DAMAGED_UTF8_SHARE {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // The bytes are not UTF-8, as checked above.
    detector.guess(None, chardetng::Utf8Detection::Deny)
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
    fn empty_and_binary_are_errors() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"  \r\n\t"), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(DecodeError::Binary { offset: 8 })
        );
    }
}
