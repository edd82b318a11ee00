//! A catalog row's messages in several languages, in its one `msg` string.
//!
//! Every field of a [`CatalogEntry`](super::CatalogEntry) is one more value
//! the compiler evaluates and checks in every row of every catalog, even
//! when it is empty: a field for `#[locales]` made each row of a type
//! *without* them cost about 1.4% more to compile (issue 24). So a row of
//! a type with `#[locales]` keeps its languages and translations in `msg`
//! itself, and every other row's `msg` is its template, as before.
//!
//! The form: a NUL byte, then pieces, each its length in decimal bytes, a
//! `:` and the bytes: the `#[msg]` template, the `n` languages, then the
//! `n - 1` translations. The derive writes it (also for a template that
//! starts with NUL, as one piece, so that nothing reads as it).

/// Piece `index` of `msg` (the template itself when `msg` is not in the
/// pieces form), `None` past the last.
pub(super) const fn piece(msg: &'static str, index: usize) -> Option<&'static str> {
    let b = msg.as_bytes();
    if b.is_empty() || b[0] != 0 {
        return if index == 0 { Some(msg) } else { None };
    }
    let mut at = 1;
    let mut i = 0;
    while at < b.len() {
        let mut len: usize = 0;
        while at < b.len() && b[at] != b':' {
            let digit = b[at].wrapping_sub(b'0') as usize;
            len = len.saturating_mul(10).saturating_add(digit);
            at += 1;
        }
        at += 1;
        if at > b.len() || len > b.len() - at {
            return None;
        }
        if i == index {
            let (_, rest) = b.split_at(at);
            let (piece, _) = rest.split_at(len);
            return match core::str::from_utf8(piece) {
                Ok(piece) => Some(piece),
                Err(_) => None,
            };
        }
        at += len;
        i += 1;
    }
    None
}

/// The languages (`n`) of `msg`: half its pieces after the template.
pub(super) fn languages(msg: &'static str) -> usize {
    let mut count = 1;
    while piece(msg, count).is_some() {
        count += 1;
    }
    count / 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_read_back() {
        let msg = "\u{0}13:off: {reason}2:en7:zh-Hans17:关闭：{reason}";
        assert_eq!(piece(msg, 0), Some("off: {reason}"));
        assert_eq!(piece(msg, 1), Some("en"));
        assert_eq!(piece(msg, 2), Some("zh-Hans"));
        assert_eq!(piece(msg, 3), Some("关闭：{reason}"));
        assert_eq!(piece(msg, 4), None);
        assert_eq!(languages(msg), 2);
        assert_eq!(piece("plain {x}", 0), Some("plain {x}"));
        assert_eq!(piece("plain {x}", 1), None);
        assert_eq!(languages("plain {x}"), 0);
        assert_eq!(piece("", 0), Some(""));
        // A template that starts with NUL, as the derive writes it.
        assert_eq!(piece("\u{0}2:\u{0}x", 0), Some("\u{0}x"));
        assert_eq!(languages("\u{0}2:\u{0}x"), 0);
        // Cut short: no panic, nothing past the cut.
        assert_eq!(piece("\u{0}9:ab", 0), None);
        assert_eq!(piece("\u{0}", 0), None);
    }
}
