//! The end of a report, under its last item: a closing formula (`特此报告。`), the signature
//! (the bureau's name, the date) and a contact note under it, and the last word to a meeting the
//! report was delivered at (`主任、各位副主任、各位委员，…`), set aside in `dropped`. Depends on
//! text and model only.

use super::SourceLine;
use super::cruft::Place;
use super::meta;
use crate::model::DropReason;

/// How a report written to a superior body ends, before its signature (`特此报告。`), or, delivered
/// at a meeting, before nothing (`以上报告，请予审议。`).
const CLOSINGS: &[&str] = &["特此报告", "特此汇报", "以上报告"];

/// What a closing asks of a body that deliberates (a people's congress standing committee): a
/// report delivered at its meeting (`以上报告，请予审议。`).
const DELIBERATION: &str = "审议";

/// Characters the salutation of a report holds at most (`主任、各位副主任、各位委员`).
const LONGEST_SALUTATION: usize = 20;

/// Characters a closing line holds at most (`特此报告，请予审议。`): a longer line is report text.
const LONGEST_CLOSING: usize = 16;

/// Punctuation that may follow a closing formula.
const CLOSING_PUNCTUATION: &[char] = &['。', '，', '！', '.', ',', '!'];

/// A line that is only a date (`2025年1月10日`, `2025-01-10`): the date a report is signed.
fn is_signature_date(text: &str) -> bool {
    text.chars().count() <= 16
        && text.starts_with(|c: char| c.is_ascii_digit())
        && meta::date(text).is_some()
}

/// Characters a contact note holds at most (`（联系人：何××，联系电话：82××××××）`).
const LONGEST_CONTACT_NOTE: usize = 40;

/// A note under the signature naming whom to ask (`（联系人：何××，联系电话：82××××××）`),
/// from the line folded to simplified script.
fn is_contact_note(folded: &str) -> bool {
    let note = folded.trim_matches(['（', '(', '）', ')']);
    folded.chars().count() <= LONGEST_CONTACT_NOTE
        && !folded.contains('。')
        && note
            .strip_prefix("联系人")
            .is_some_and(|rest| rest.trim_start().starts_with([':', '：']))
}

/// A line that closes a report to a superior body (`特此报告。`, `特此报告，请审阅。`), from the
/// line folded to simplified script.
fn is_closing(folded: &str) -> bool {
    let request = |rest: &str| {
        let rest = rest.trim_matches(CLOSING_PUNCTUATION);
        rest.is_empty() || rest.starts_with('请')
    };
    folded.chars().count() <= LONGEST_CLOSING
        && CLOSINGS
            .iter()
            .any(|c| folded.strip_prefix(c).is_some_and(request))
}

/// Drops the signature ending the report's content at `last` (the last content piece): the date
/// on its own line, with the bureau's name on the line above it, and the closing formula above
/// those; or, under a closing formula, the bureau's name alone; and a contact note under either.
/// A closing with no signature under it stays report text unless it asks for deliberation
/// ([`drop_unsigned_closing`]); a name with neither date nor closing stays too, and so does a
/// contact note under them. Above a closing, the paragraph addressing the meeting goes with it
/// ([`drop_closing_address`]). Returns the last piece of content left, if any.
pub fn drop_signoff(pieces: &mut [(SourceLine<'_>, Place)], last: usize) -> Option<usize> {
    let contact = Some(last).filter(|&i| is_contact_note(pieces[i].0.folded));
    let Some(signed) = contact.map_or(Some(last), |c| content_before(pieces, c)) else {
        return Some(last);
    };
    let date = Some(signed).filter(|&i| is_signature_date(pieces[i].0.text));
    let name = match date {
        Some(d) => d.checked_sub(1).filter(|&b| {
            pieces[b].1 == Place::Content && pieces[b].0.number + 1 == pieces[d].0.number
        }),
        None => Some(signed),
    }
    .filter(|&b| meta::is_organisation_name(pieces[b].0.text));
    let Some(top) = name.or(date) else {
        return drop_unsigned_closing(pieces, last);
    };
    let closing = content_before(pieces, top).filter(|&c| is_closing(pieces[c].0.folded));
    if date.is_none() && closing.is_none() {
        return Some(last);
    }
    for i in [date, name, contact].into_iter().flatten() {
        pieces[i].1 = Place::Dropped(DropReason::Signature);
    }
    match closing {
        Some(c) => {
            pieces[c].1 = Place::Dropped(DropReason::Closing);
            drop_closing_address(pieces, c)
        }
        None => content_before(pieces, top),
    }
}

/// The last content piece before piece `i`.
fn content_before(pieces: &[(SourceLine<'_>, Place)], i: usize) -> Option<usize> {
    pieces[..i]
        .iter()
        .rposition(|(_, place)| *place == Place::Content)
}

/// Drops the closing ending the report at `last` when it asks for deliberation
/// (`以上报告，请予审议。`): such a report was delivered at a meeting, its speaker named under its
/// title (`区国资局局长 钟伟明`), and nobody signs under it. Returns the last piece of content left.
fn drop_unsigned_closing(pieces: &mut [(SourceLine<'_>, Place)], last: usize) -> Option<usize> {
    let folded = pieces[last].0.folded;
    if !is_closing(folded) || !folded.contains(DELIBERATION) {
        return Some(last);
    }
    pieces[last].1 = Place::Dropped(DropReason::Closing);
    drop_closing_address(pieces, last)
}

/// Drops the paragraph right above the closing at `closing` when it turns to the meeting with the
/// report's own salutation (`主任、各位副主任、各位委员，2025年区国资局将…。` under the opening
/// `主任、各位副主任、各位委员：`): the speaker's last word to the meeting, the report's closing
/// and no item's text. Returns the last piece of content left, if any.
fn drop_closing_address(pieces: &mut [(SourceLine<'_>, Place)], closing: usize) -> Option<usize> {
    let above = content_before(pieces, closing)?;
    if !opens_with_salutation(pieces, above) {
        return Some(above);
    }
    pieces[above].1 = Place::Dropped(DropReason::Closing);
    content_before(pieces, above)
}

/// Whether the paragraph at `i` opens by addressing the audience the report opened with: its
/// first clause, before a comma, is a line of its own above it ending with a colon, the
/// salutation (`主任、各位副主任、各位委员：`). Read folded to simplified script.
fn opens_with_salutation(pieces: &[(SourceLine<'_>, Place)], i: usize) -> bool {
    let Some((address, _)) = pieces[i].0.folded.split_once(['，', ',']) else {
        return false;
    };
    let short = !address.is_empty() && address.chars().count() <= LONGEST_SALUTATION;
    short
        && pieces[..i]
            .iter()
            .any(|(line, _)| line.folded.strip_suffix(['：', ':']) == Some(address))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pieces of `text`, one line each, all content.
    fn content(text: &str) -> Vec<(SourceLine<'_>, Place)> {
        super::super::source_lines(text, text)
            .into_iter()
            .map(|line| (line, Place::Content))
            .collect()
    }

    /// What [`drop_signoff`] does to the lines of `text`: each line's reason, if dropped, and the
    /// text of the last content line left.
    fn signoff(text: &str) -> (Vec<Option<DropReason>>, Option<&str>) {
        let mut pieces = content(text);
        let end = pieces.len() - 1;
        let last = drop_signoff(&mut pieces, end);
        let reasons = pieces
            .iter()
            .map(|(_, place)| match place {
                Place::Dropped(reason) => Some(*reason),
                Place::Content => None,
            })
            .collect();
        (reasons, last.map(|i| pieces[i].0.text))
    }

    #[test]
    fn a_report_to_the_government_ends_with_its_closing_and_signature() {
        let (reasons, last) = signoff(
            "6、提升消费维权效能。12315投诉举报按时办结率保持100%。\n\n特此报告。\n\n\
             佛山市顺德区市场监督管理局\n2025年1月24日\n",
        );
        let (c, s) = (DropReason::Closing, DropReason::Signature);
        assert_eq!(reasons, [None, Some(c), Some(s), Some(s)]);
        assert_eq!(
            last,
            Some("6、提升消费维权效能。12315投诉举报按时办结率保持100%。")
        );
    }

    #[test]
    fn a_contact_note_under_the_signature_is_part_of_it() {
        let (reasons, last) = signoff(
            "（六）加强党的建设。举办培训不少于4期。\n特此报告。\n广州市增城区农业农村局\n\
             2025年1月20日\n（联系人：何××，联系电话：82××××××）\n",
        );
        let (c, s) = (DropReason::Closing, DropReason::Signature);
        assert_eq!(reasons, [None, Some(c), Some(s), Some(s), Some(s)]);
        assert_eq!(last, Some("（六）加强党的建设。举办培训不少于4期。"));
        // with no signature above it, a contact note stays where it is
        let (reasons, last) = signoff("3.做好宣传。\n（联系人：何××，联系电话：82××××××）\n");
        assert_eq!(reasons, [None, None]);
        assert_eq!(last, Some("（联系人：何××，联系电话：82××××××）"));
    }

    #[test]
    fn a_closing_signed_with_the_name_alone_is_taken() {
        let (reasons, _) = signoff("3.做好宣传。\n特此汇报，请审阅。\n深圳市龙岗区水务局\n");
        let (c, s) = (DropReason::Closing, DropReason::Signature);
        assert_eq!(reasons, [None, Some(c), Some(s)]);
    }

    #[test]
    fn a_signature_without_a_closing_is_the_date_and_the_name_above_it() {
        let (reasons, _) = signoff("3.做好宣传。\n深圳市盐田区司法局\n2025年1月20日\n");
        let s = DropReason::Signature;
        assert_eq!(reasons, [None, Some(s), Some(s)]);
        let (reasons, _) = signoff("3.做好宣传。\n广州市越秀区档案馆\n2025年2月12日\n");
        assert_eq!(reasons, [None, Some(s), Some(s)]);
    }

    #[test]
    fn a_report_delivered_at_a_meeting_ends_with_its_address_and_closing_unsigned() {
        let (reasons, last) = signoff(
            "主任、各位副主任、各位委员：\n现将区国资局2025年工作计划报告如下，请予审议。\n\
             27、打造党建品牌。培育党建品牌5个。\n\
             主任、各位副主任、各位委员，2025年区国资局将自觉接受区人大常委会的监督。\n\
             以上报告，请予审议。\n",
        );
        let c = Some(DropReason::Closing);
        assert_eq!(reasons, [None, None, None, c, c]);
        assert_eq!(last, Some("27、打造党建品牌。培育党建品牌5个。"));
        // signed, a closing asking for deliberation is taken as any other
        let (reasons, _) =
            signoff("3.做好宣传。\n以上报告，请予审议。\n深圳市龙岗区水务局\n2025年1月20日\n");
        let s = Some(DropReason::Signature);
        assert_eq!(reasons, [None, c, s, s]);
    }

    #[test]
    fn only_the_salutation_of_the_report_makes_a_paragraph_the_address() {
        // the paragraph above opens with words the page never addressed anyone with
        let (reasons, last) = signoff(
            "主任、各位副主任、各位委员：\n27、打造党建品牌。\n\
             下一步，区国资局将自觉接受区人大常委会的监督。\n以上报告，请予审议。\n",
        );
        assert_eq!(reasons, [None, None, None, Some(DropReason::Closing)]);
        assert_eq!(last, Some("下一步，区国资局将自觉接受区人大常委会的监督。"));
    }

    #[test]
    fn an_ordinary_last_item_keeps_its_text() {
        // a closing with no signature under it
        assert_eq!(signoff("3.做好宣传。\n特此报告。\n").0, [None, None]);
        // unsigned, a closing that asks for no deliberation
        assert_eq!(
            signoff("3.做好宣传。\n以上报告，请审阅。\n").0,
            [None, None]
        );
        // a name with neither a date nor a closing
        assert_eq!(
            signoff("3.做好宣传。\n深圳市龙岗区水务局\n").0,
            [None, None]
        );
        // the words of a closing opening a sentence of the item: only the date is the signature
        let (reasons, last) =
            signoff("3.做好宣传。\n特此报告区委、区政府，争取支持。\n2025年1月24日\n");
        assert_eq!(reasons, [None, None, Some(DropReason::Signature)]);
        assert_eq!(last, Some("特此报告区委、区政府，争取支持。"));
    }
}
