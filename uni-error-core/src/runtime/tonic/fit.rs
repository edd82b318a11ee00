//! Keeping a Status within what HTTP/2 peers take in a header block
//! ([`MAX_TRAILER_LEN`]): the longest texts are cut first, each on a
//! character boundary and ending with a note of how many bytes went.

use super::proto::encode_status;
use super::MAX_TRAILER_LEN;
use crate::interop::google::{self, Detail};

/// Texts this short are never cut: the note would take as much room.
const SHORTEST_CUT: usize = 64;

/// A byte's cost in the trailer, in thirds of a byte (base64 is 4/3).
type Weight = fn(u8) -> usize;

/// The binary details of `status`, after cutting its longest texts to one
/// length, the longest that lets the two headers tonic writes for it fit
/// [`MAX_TRAILER_LEN`]; `status` keeps the cut texts (its message is the
/// one to send).
pub(super) fn encode_to_fit(status: &mut google::Status) -> Vec<u8> {
    let mut details = Vec::new();
    encode_status(status, &mut details);
    let len = trailer_len(status.message(), details.len());
    if len <= MAX_TRAILER_LEN {
        return details;
    }
    let (message, list) = status.message_and_details_mut();
    let mut texts: Vec<(&mut String, Weight)> = vec![(message, message_weight)];
    for detail in list {
        match detail {
            Detail::LocalizedMessage(m) => texts.push((&mut m.message, details_weight)),
            Detail::ErrorInfo(info) => texts.extend(
                info.metadata
                    .iter_mut()
                    // from_status reads errCode back from it: kept whole.
                    .filter(|(key, _)| key != "errCode")
                    .map(|(_, value)| (value, details_weight as Weight)),
            ),
            Detail::Other { .. } => {}
        }
    }
    texts.retain(|(text, _)| text.len() > SHORTEST_CUT);
    let full: Vec<usize> = texts.iter().map(|(t, w)| cost(t, *w)).collect();
    // What capping every text at `cap` bytes saves, in thirds of a byte,
    // against what must go. The length prefixes only shrink, and one byte
    // is kept for base64's rounding up.
    let fits = |cap: usize| {
        let saved: usize = texts
            .iter()
            .zip(&full)
            .map(|((t, w), full)| {
                // A cap just under a text's length can cost more than the
                // whole text (the note percent-encodes to more than the
                // bytes it replaces): it saves nothing then.
                full.saturating_sub(
                    capped(t, cap).map_or(*full, |(k, n)| cost(&t[..k], *w) + cost(&n, *w)),
                )
            })
            .sum();
        3 * len <= 3 * (MAX_TRAILER_LEN - 1) + saved
    };
    // The longest cap that fits: a text kept longer than the whole budget
    // could not fit anyway.
    let (mut lo, mut hi) = (SHORTEST_CUT, MAX_TRAILER_LEN);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    for (text, _) in &mut texts {
        if let Some((keep, note)) = capped(text, lo) {
            text.truncate(keep);
            text.push_str(&note);
        }
    }
    details.clear();
    encode_status(status, &mut details);
    details
}

/// A text longer than `cap` bytes cut to fit in `cap` with its note: the
/// bytes kept (a character boundary) and the note; `None` if it fits.
fn capped(text: &str, cap: usize) -> Option<(usize, String)> {
    if text.len() <= cap {
        return None;
    }
    // The note at its longest (the whole text cut).
    let mut keep = cap.saturating_sub(note(text.len()).len());
    while !text.is_char_boundary(keep) {
        keep -= 1;
    }
    Some((keep, note(text.len() - keep)))
}

/// The line that ends a cut text.
fn note(cut: usize) -> String {
    format!("\n[{cut} bytes were cut to fit a gRPC trailer]")
}

fn cost(text: &str, weight: Weight) -> usize {
    text.bytes().map(weight).sum()
}

/// What `grpc-message` and `grpc-status-details-bin` take: the message
/// percent-encoded as tonic 0.14 writes it, the details in base64 without
/// padding.
pub(super) fn trailer_len(message: &str, details_len: usize) -> usize {
    message.bytes().map(percent_len).sum::<usize>() + (4 * details_len).div_ceil(3)
}

/// tonic's set: controls, non-ASCII, and ` "#%<>`?{}`.
fn percent_len(b: u8) -> usize {
    let escaped = !(0x20..0x7f).contains(&b)
        || matches!(
            b,
            b' ' | b'"' | b'#' | b'%' | b'<' | b'>' | b'`' | b'?' | b'{' | b'}'
        );
    if escaped {
        3
    } else {
        1
    }
}

/// A byte of the details alone: 4/3 of a byte of base64.
fn details_weight(_: u8) -> usize {
    4
}

/// A byte of the message: in the details, and in `grpc-message`.
fn message_weight(b: u8) -> usize {
    4 + 3 * percent_len(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trailer_length_counts_percent_escapes_and_base64() {
        assert_eq!(trailer_len("", 0), 0);
        assert_eq!(trailer_len("ab", 1), 2 + 2);
        assert_eq!(trailer_len("a b{}", 3), 1 + 3 + 1 + 3 + 3 + 4);
        assert_eq!(trailer_len("é\n", 4), 6 + 3 + 6);
    }

    #[test]
    fn a_cap_keeps_whole_characters_and_names_what_went() {
        let text = "é".repeat(100);
        assert_eq!(capped(&text, 200), None);
        let (keep, note) = capped(&text, 100).unwrap();
        assert!(text.is_char_boundary(keep) && keep + note.len() <= 100);
        // The note is 43 bytes; 57 is inside an `é`.
        assert_eq!(keep, 56);
        assert_eq!(note, "\n[144 bytes were cut to fit a gRPC trailer]");
    }
}
