//! JSON string escaping and integer text for the direct writer
//! (`shape::write_error_json`), byte for byte what serde_json writes:
//! `"` and `\` escaped, `\b \f \n \r \t` short, every other control
//! character as `\u00xx` (lowercase hex), everything else (0x7f and all of
//! UTF-8 above ASCII) as it is.

use core::fmt;

/// What follows the `\` for byte `b`: `0` for none, `u` for `\u00xx`.
const ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = b'u';
        i += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends `s` to `out` as the inside of a JSON string.
#[inline]
pub(crate) fn escape_into(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let esc = ESCAPE[usize::from(b)];
        if esc == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        if esc == b'u' {
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ]);
        } else {
            out.extend_from_slice(&[b'\\', esc]);
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// A `fmt::Write` that appends what it is given as the inside of a JSON
/// string: a `Display` streams through it, allocating nothing.
pub(crate) struct Escaped<'a>(pub(crate) &'a mut Vec<u8>);

impl fmt::Write for Escaped<'_> {
    #[inline]
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escape_into(self.0, s);
        Ok(())
    }
}

/// Appends `n` in decimal, with the printer serde_json uses.
#[inline]
pub(crate) fn int_into(out: &mut Vec<u8>, n: i64) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_serde_json_does() {
        let mut all = String::new();
        for c in (0u32..0x300).chain([0x2028, 0x4e2d, 0x1f600]) {
            all.push(char::from_u32(c).unwrap());
        }
        let mut out = vec![b'"'];
        escape_into(&mut out, &all);
        out.push(b'"');
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string(&all).unwrap()
        );
    }

    #[test]
    fn integers_as_serde_json_does() {
        for n in [0, 7, -1, 10, 1_504_003, i64::MAX, i64::MIN, -100] {
            let mut out = Vec::new();
            int_into(&mut out, n);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&n).unwrap()
            );
        }
    }
}
