//! The fast path of [`Json`](super::json::Json)'s check: one pass over the
//! bytes of a value serde_json has already read, that says "certainly
//! accepted" or "not sure"; only the second runs the full check, whose
//! verdict and words stand.

/// The most keys [`quick_check`] holds for the objects open at once, and
/// the deepest nesting it follows; beyond either it leaves the text to the
/// full check (`check_with` in `json.rs`).
const QUICK_KEYS: usize = 32;
const QUICK_DEPTH: usize = 64;

/// `true` when `text` is certainly one JSON value that the full check
/// accepts: no key twice in an object, nested no deeper than
/// [`QUICK_DEPTH`]. One pass over the bytes, keys compared as borrowed
/// bytes, nothing allocated. `false` means "not sure": the caller then runs
/// the full check, whose verdict (and words) stand. So anything the full
/// check could refuse for a reason other than a duplicate is "not sure"
/// here: a `\u` escape (it may be a lone surrogate), a key with any escape
/// (it may equal an unescaped one), a number with an exponent or over 300
/// integer digits (it may be out of `f64` range), more than [`QUICK_KEYS`]
/// keys, and anything that is not JSON.
pub(crate) fn quick_check(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    // Bit d of `objects`: the container at depth d is an object.
    let mut objects: u64 = 0;
    let mut depth = 0;
    let mut keys: [&[u8]; QUICK_KEYS] = [&[]; QUICK_KEYS];
    let mut nkeys = 0;
    // Where each open object's keys start in `keys`.
    let mut starts = [0u8; QUICK_DEPTH];
    // Reads the key at `i` (after `{` or `,` in an object) and its `:`.
    macro_rules! key {
        () => {{
            i = skip_ws(b, i);
            let Some((end, Escapes::None)) = string_end(b, i) else {
                return false;
            };
            let key = &b[i + 1..end - 1];
            let first = usize::from(starts[depth - 1]);
            if nkeys == QUICK_KEYS || keys[first..nkeys].contains(&key) {
                return false;
            }
            keys[nkeys] = key;
            nkeys += 1;
            i = skip_ws(b, end);
            if b.get(i) != Some(&b':') {
                return false;
            }
            i += 1;
        }};
    }
    loop {
        // A value starts at `i`.
        i = skip_ws(b, i);
        // `Some(close)` when a container opens here.
        let close = match b.get(i) {
            Some(b'{') => Some(b'}'),
            Some(b'[') => Some(b']'),
            Some(b'"') => match string_end(b, i) {
                Some((end, Escapes::None | Escapes::Simple)) => {
                    i = end;
                    None
                }
                _ => return false,
            },
            Some(b't') if b[i..].starts_with(b"true") => {
                i += 4;
                None
            }
            Some(b'f') if b[i..].starts_with(b"false") => {
                i += 5;
                None
            }
            Some(b'n') if b[i..].starts_with(b"null") => {
                i += 4;
                None
            }
            _ => match number_end(b, i) {
                Some(end) => {
                    i = end;
                    None
                }
                None => return false,
            },
        };
        if let Some(close) = close {
            if depth == QUICK_DEPTH {
                return false;
            }
            i = skip_ws(b, i + 1);
            if b.get(i) == Some(&close) {
                i += 1;
            } else {
                let object = close == b'}';
                if object {
                    objects |= 1 << depth;
                    // `nkeys` <= QUICK_KEYS, which fits a byte.
                    starts[depth] = nkeys as u8;
                } else {
                    objects &= !(1 << depth);
                }
                depth += 1;
                if object {
                    key!();
                }
                continue;
            }
        }
        // After a value: `,` (then a key in an object) or the close.
        loop {
            i = skip_ws(b, i);
            if depth == 0 {
                return i == b.len();
            }
            let object = objects & (1 << (depth - 1)) != 0;
            match b.get(i) {
                Some(b',') => {
                    i += 1;
                    if object {
                        key!();
                    }
                    break;
                }
                Some(b'}') if object => {
                    depth -= 1;
                    nkeys = usize::from(starts[depth]);
                    i += 1;
                }
                Some(b']') if !object => {
                    depth -= 1;
                    i += 1;
                }
                _ => return false,
            }
        }
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while let Some(b' ' | b'\n' | b'\r' | b'\t') = b.get(i) {
        i += 1;
    }
    i
}

/// What escapes a string has.
#[derive(Clone, Copy, PartialEq)]
enum Escapes {
    None,
    /// Only `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`.
    Simple,
    /// A `\u` escape.
    Unicode,
}

/// The end (one past the closing quote) of the string whose opening quote
/// is at `i`, and what escapes it has; `None` when there is no string there,
/// or it holds a raw control character or an unknown escape.
fn string_end(b: &[u8], i: usize) -> Option<(usize, Escapes)> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let mut j = i + 1;
    let mut escapes = Escapes::None;
    loop {
        match *b.get(j)? {
            b'"' => return Some((j + 1, escapes)),
            b'\\' => {
                match *b.get(j + 1)? {
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => {
                        if escapes == Escapes::None {
                            escapes = Escapes::Simple;
                        }
                    }
                    b'u' => escapes = Escapes::Unicode,
                    _ => return None,
                }
                j += 2;
            }
            c if c < 0x20 => return None,
            _ => j += 1,
        }
    }
}

/// The end of the number at `i`: `-? (0 | [1-9][0-9]*) (. [0-9]+)?`, with
/// at most 300 integer digits; `None` otherwise (an exponent included).
fn number_end(b: &[u8], mut i: usize) -> Option<usize> {
    let digits = |b: &[u8], mut i: usize| {
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        (i, i - start)
    };
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    let (end, n) = digits(b, i);
    if n == 0 || n > 300 || (n > 1 && b[i] == b'0') {
        return None;
    }
    i = end;
    if b.get(i) == Some(&b'.') {
        let (end, n) = digits(b, i + 1);
        if n == 0 {
            return None;
        }
        i = end;
    }
    match b.get(i) {
        Some(b'e' | b'E') => None,
        _ => Some(i),
    }
}

#[cfg(test)]
mod tests {
    use core::cell::RefCell;

    use super::quick_check;
    use crate::value::json::check_with;

    fn full(text: &str) -> bool {
        check_with(text, &RefCell::new(None)).is_ok()
    }

    /// Clean values pass without the full check; everything the full check
    /// could refuse, or that needs unescaping to compare, is left to it.
    #[test]
    fn says_sure_only_when_the_full_check_accepts() {
        for sure in [
            "null",
            " 0 ",
            "-1.25",
            r#""a \"quoted\" \\ line\n""#,
            r#"{"user":"alice","attempt":3,"providers":["weixin","apple"]}"#,
            r#"{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}],"c":{}}"#,
            r#"[[],{},[{}],"x",true,false,null]"#,
            // Long numbers without an exponent stay in f64 range.
            &format!("-{}.{}", "9".repeat(300), "9".repeat(400)),
            &format!("[0.{}1]", "0".repeat(5000)),
        ] {
            assert!(quick_check(sure), "{sure}");
            assert!(full(sure), "{sure}");
        }
        for unsure in [
            r#"{"a":1,"a":2}"#,
            r#"{"a":1,"b":{"c":1,"c":2}}"#,
            r#"{"a":1,"\u0061":2}"#,
            r#"{"a\n":1}"#,
            r#""\ud800""#,
            "1e400",
            "1E2",
            &"9".repeat(301),
            &format!("{}1{}", "[".repeat(65), "]".repeat(65)),
            &format!(
                "{{{}}}",
                (0..33)
                    .map(|i| format!("\"k{i}\":{i}"))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            "",
            "01",
            "1.",
            "-",
            "[1,]",
            "{\"a\" 1}",
            "{\"a\":1,}",
            "[1] 2",
            "tru",
            "\"a\u{1}\"",
            r#""\x""#,
            "{]",
            "[}",
        ] {
            assert!(!quick_check(unsure), "{unsure}");
        }
        // 64 levels and 32 keys still go the quick way.
        assert!(quick_check(&format!(
            "{}1{}",
            "[".repeat(64),
            "]".repeat(64)
        )));
        let keys: Vec<String> = (0..32).map(|i| format!("\"k{i}\":{i}")).collect();
        assert!(quick_check(&format!("{{{}}}", keys.join(","))));
    }

    /// Random texts, JSON and near-JSON alike: whenever the quick pass says
    /// sure, the full check agrees.
    #[test]
    fn never_sure_where_the_full_check_refuses() {
        let pieces = [
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            " ",
            "\"a\"",
            "\"b\"",
            "\"\\u0061\"",
            "\"\\ud800\"",
            "\"\\n\"",
            "1",
            "-0.5",
            "1e400",
            "01",
            "true",
            "null",
            "\"a\":",
            "\"b\":",
            "\n",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let (mut sure, mut accepted) = (0, 0);
        for _ in 0..200_000 {
            let len = 1 + next() % 12;
            let text: String = (0..len)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect();
            let quick = quick_check(&text);
            let ok = full(&text);
            assert!(!quick || ok, "quick said sure for {text:?}");
            sure += usize::from(quick);
            accepted += usize::from(ok);
        }
        // The generator reaches both sides.
        assert!(sure > 1000 && accepted > sure, "{sure} {accepted}");
    }
}
