//! The check of JSON.stringify's text that the reader runs on `data` and
//! each unknown key's value, in place of a parse with serde_json's value
//! reader (most of a wasm module's `Error::from_js` cost).
//!
//! JSON.stringify always writes well-formed JSON, but two things in it are
//! not what this crate accepts: a string with a lone surrogate (written as
//! a `\udXXX` escape since ES2019) is not Unicode text, and nesting deeper
//! than serde_json reads (127 levels) could not be read back. This finds
//! both, in one pass over the bytes, and says so in serde_json's own words
//! and position (`lone leading surrogate in hex escape at line 1 column
//! 7`), so the messages are those of the value reader it replaces. The
//! unit tests below hold it to serde_json on generated text.

use crate::value::wire::MAX_JSON_DEPTH;

/// Why JSON.stringify's `text` is not JSON this crate reads: serde_json's
/// message for the first problem in it, with its line and column.
pub(super) fn check(text: &str) -> Result<(), String> {
    let bytes = text.as_bytes();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(at(bytes, bytes.len(), "EOF while parsing a value"));
    }
    let mut depth = 0usize;
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        match (in_string, bytes[i]) {
            (false, b'[' | b'{') => {
                depth += 1;
                if depth > MAX_JSON_DEPTH {
                    return Err(at(bytes, i + 1, "recursion limit exceeded"));
                }
            }
            (false, b']' | b'}') => depth = depth.saturating_sub(1),
            (_, b'"') => in_string = !in_string,
            (true, b'\\') => {
                i += 1;
                if bytes.get(i) == Some(&b'u') {
                    i = unicode_escape(bytes, i + 1)?;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// Checks the `\u` escape whose four hex digits start at `start`; returns
/// the index after it (after both halves of a surrogate pair).
fn unicode_escape(bytes: &[u8], start: usize) -> Result<usize, String> {
    let first = hex4(bytes, start);
    let after = start + 4;
    match first {
        Some(0xDC00..=0xDFFF) => Err(at(bytes, after, "lone leading surrogate in hex escape")),
        Some(0xD800..=0xDBFF) => {
            // A leading surrogate must be followed by `\u` and a trailing
            // one; serde_json reports where that stops being true.
            if bytes.get(after) != Some(&b'\\') {
                return Err(at(bytes, after + 1, "unexpected end of hex escape"));
            }
            if bytes.get(after + 1) != Some(&b'u') {
                return Err(at(bytes, after + 2, "unexpected end of hex escape"));
            }
            match hex4(bytes, after + 2) {
                Some(0xDC00..=0xDFFF) => Ok(after + 6),
                _ => Err(at(bytes, after + 6, "lone leading surrogate in hex escape")),
            }
        }
        _ => Ok(after),
    }
}

/// The four hex digits at `start` as a code unit.
fn hex4(bytes: &[u8], start: usize) -> Option<u16> {
    let digits = bytes.get(start..start + 4)?;
    let digits = core::str::from_utf8(digits).ok()?;
    u16::from_str_radix(digits, 16).ok()
}

/// `message` at the position serde_json gives after reading `read` bytes:
/// line 1 + the newlines before, column = bytes since the last newline.
fn at(bytes: &[u8], read: usize, message: &str) -> String {
    let read = read.min(bytes.len());
    let before = &bytes[..read];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let line = 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count();
    format!("{message} at line {line} column {}", read - line_start)
}

#[cfg(test)]
mod tests {
    use super::check;

    /// What serde_json's value reader says of `text` (the reader `check`
    /// stands in for).
    fn serde(text: &str) -> Result<(), String> {
        serde_json::from_str::<serde_json::Value>(text)
            .map(drop)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn the_cases_seen_in_node() {
        for text in [
            r#""\udc00""#,
            r#""\ud800""#,
            r#""a\ud800b""#,
            r#""\ud800\n""#,
            r#""\ud800\ud800""#,
            r#""\ud800\u001f""#,
            r#""\ud800\\""#,
            r#""\ud800\udc00""#,
            r#"{"\ud800":1}"#,
            r#"["x",{"k":"\udfff"}]"#,
            r#""中文\udbff""#,
            r#""\\ud800""#,
            r#"{"a":"[[[[","b":"\"]"}"#,
            "",
            "1e+21",
        ] {
            assert_eq!(check(text), serde(text), "{text}");
        }
    }

    #[test]
    fn depth_as_serde_json_reads_it() {
        for n in [126, 127, 128, 200] {
            for (open, close) in [("[", "]"), (r#"{"é":"#, "}"), (r#"[1,"[",{"a":["#, "]}]")] {
                let text = format!("{}0{}", open.repeat(n), close.repeat(n));
                assert_eq!(check(&text), serde(&text), "{n} {open}");
            }
        }
        // Closing brackets bring the depth back down.
        let wide = format!("[{}]", "[[]],".repeat(500) + "0");
        assert_eq!(check(&wide), Ok(()));
    }

    /// Generated text of the shapes JSON.stringify writes (strings with
    /// every kind of escape, lone surrogates among them, non-ASCII text,
    /// nesting around the limit): `check` says what serde_json says.
    #[test]
    fn agrees_with_serde_json_on_generated_text() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        const PIECES: &[&str] = &[
            "a",
            "中",
            "😀",
            "\\\"",
            "\\\\",
            "\\n",
            "\\u001f",
            "\\ud800",
            "\\udbff",
            "\\udc00",
            "\\udfff",
            "\\ud83d\\ude00",
            "[",
            "{",
            "\\u0041",
            "/",
        ];
        let (mut failures, mut refused) = (0, 0);
        for _ in 0..20_000 {
            let mut text = String::new();
            let depth = match next(4) {
                0 => 120 + next(15) as usize,
                _ => next(6) as usize,
            };
            for d in 0..depth {
                text.push_str(if d % 2 == 0 { "[" } else { r#"{"k":"# });
            }
            text.push('"');
            for _ in 0..next(6) {
                text.push_str(PIECES[next(PIECES.len() as u64) as usize]);
            }
            text.push('"');
            for d in (0..depth).rev() {
                text.push(if d % 2 == 0 { ']' } else { '}' });
            }
            let (ours, theirs) = (check(&text), serde(&text));
            refused += usize::from(theirs.is_err());
            if ours != theirs {
                failures += 1;
                eprintln!("{text}\n  ours:   {ours:?}\n  serde:  {theirs:?}");
            }
        }
        assert_eq!(failures, 0);
        // Both kinds of text were made, in numbers.
        assert!((2_000..18_000).contains(&refused), "{refused} refused");
    }
}
