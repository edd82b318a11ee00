//! Messages in several languages: the [`Localized`] view that
//! [`UniError::localized`] returns, and the tag matching it uses
//! ([`lookup`], and [`preferred`] for an HTTP `Accept-Language` list).
//!
//! A derived type declares its languages with `#[locales("en", "zh-Hans")]`
//! (the first is the language of `#[msg]`) and gives each variant its
//! translations with `#[locale(zh_Hans = "…")]`. `Display`, errMsg and
//! `Serialize` stay in the first language; a view writes another:
//!
//! ```
//! use uni_error::UniError;
//!
//! #[derive(Debug, UniError)]
//! #[subject("uni-login")]
//! #[errno(category = 15, sub = 4)]
//! #[locales("en", "zh-Hans")]
//! enum LoginError {
//!     #[errno(code = 3)]
//!     #[msg("NFC is not available: {reason}")]
//!     #[locale(zh_Hans = "NFC 不可用：{reason}")]
//!     NfcUnavailable { reason: String },
//! }
//!
//! let e = LoginError::NfcUnavailable { reason: "off".into() };
//! assert_eq!(e.locales(), ["en", "zh-Hans"]);
//! assert_eq!(e.to_string(), "NFC is not available: off");
//! assert_eq!(e.localized("zh-Hans-CN").to_string(), "NFC 不可用：off");
//! assert_eq!(
//!     serde_json::to_string(&e.localized("zh-CN"))?,
//!     r#"{"errSubject":"uni-login","errCode":1504003,"errMsg":"NFC 不可用：off"}"#
//! );
//! // No match: the default language.
//! assert_eq!(e.localized("fr").to_string(), "NFC is not available: off");
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # How a language is picked
//!
//! [`lookup`] follows RFC 4647's *lookup*: the requested tag, then the tag
//! with its last subtag cut, and so on (`zh-Hans-CN` → `zh-Hans` → `zh`),
//! compared without regard to case. A Chinese tag without a script
//! (`zh-CN`, `zh-TW`, `zh`) also tries the script its region writes
//! (`zh-Hans`; `zh-Hant` for TW, HK and MO) before the bare `zh`, as
//! CLDR's likely subtags do: browsers send `zh-CN` where uni-app's
//! `uni.getLocale()` says `zh-Hans`. No match is the default language.
//!
//! Every error of a chain picks from its own languages with the one tag:
//! a view of an error whose cause is another localized type writes both
//! messages in the best match each has.
//!
//! # Cost
//!
//! The request travels in a thread-local for as long as the view writes,
//! so the view allocates nothing the default path does not. A type without
//! `#[locales]` reads nothing; one with it reads the thread-local once per
//! message.

use core::cell::Cell;
use core::fmt;

use serde::{Serialize, Serializer};

use crate::{Error, UniError};

/// An error written in a requested language: what
/// [`UniError::localized`] returns. `Display` and `Serialize` write errMsg
/// (and the message of each cause that is a localized uni error) in the
/// best match for the tag (see the [module docs](self)); everything else is
/// as the error itself writes it.
#[derive(Clone, Copy, Debug)]
pub struct Localized<'a, E: ?Sized> {
    error: &'a E,
    tag: &'a str,
}

impl<'a, E: ?Sized> Localized<'a, E> {
    /// The view of `error` in the language `tag` (a BCP 47 tag such as
    /// `zh-Hans-CN`); the same as `error.localized(tag)`.
    pub fn new(error: &'a E, tag: &'a str) -> Self {
        Localized { error, tag }
    }

    /// The error.
    pub fn error(&self) -> &'a E {
        self.error
    }

    /// The requested tag, as given.
    pub fn tag(&self) -> &'a str {
        self.tag
    }
}

impl<E: UniError + ?Sized> Localized<'_, E> {
    /// The declared language the error's own message is written in: the
    /// best match of [`tag`](Self::tag) in its [`UniError::locales`], else
    /// the first of them (`None` for a type without languages).
    pub fn locale(&self) -> Option<&'static str> {
        let locales = self.error.locales();
        let i = lookup(locales, self.tag).unwrap_or(0);
        locales.get(i).copied()
    }
}

impl<E: fmt::Display + ?Sized> fmt::Display for Localized<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        with_requested(self.tag, || fmt::Display::fmt(self.error, f))
    }
}

impl<E: Serialize + ?Sized> Serialize for Localized<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        with_requested(self.tag, || self.error.serialize(serializer))
    }
}

impl<E: UniError + ?Sized> Localized<'_, E> {
    /// [`UniError::write_json`] under the request: the same bytes as
    /// `serde_json::to_writer(out, &view)`, through the direct writer.
    ///
    /// ```
    /// use uni_error::UniError;
    ///
    /// #[derive(Debug, UniError)]
    /// #[subject("uni-login")]
    /// #[errno(category = 15, sub = 4, code = 3)]
    /// #[locales("en", "zh-Hans")]
    /// #[msg("login failed")]
    /// #[locale(zh_Hans = "登录失败")]
    /// struct LoginFailed;
    ///
    /// let mut out = Vec::new();
    /// LoginFailed.localized("zh-CN").write_json(&mut out)?;
    /// assert_eq!(out, serde_json::to_vec(&LoginFailed.localized("zh-CN"))?);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        with_requested(self.tag, || self.error.write_json(out))
    }

    /// [`UniError::to_json`] under the request.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        with_requested(self.tag, || self.error.to_json())
    }
}

/// [`UniError::to_error_in`]: the owned error built under the request.
pub(crate) fn to_error_in<E: UniError + ?Sized>(error: &E, tag: &str) -> Error {
    with_requested(tag, || error.to_error())
}

/// The error's `Display` under the request: its message in the best match.
pub(crate) fn display_in<E: fmt::Display + ?Sized>(error: &E, tag: &str) -> String {
    with_requested(tag, || error.to_string())
}

/// The longest tag kept for a request (`zh-Hans-CN` is 10 bytes): longer
/// ones are cut at a subtag boundary, which lookup would reach anyway
/// before any declared tag of that length.
const MAX: usize = 16;

/// The request in effect: the tag's bytes, packed, and length (0: none).
/// Sixteen bytes in one integer: set, read and compared in a few
/// instructions, which is what keeps a view as cheap as the default path.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Requested {
    bytes: u128,
    len: u8,
}

const NONE: Requested = Requested { bytes: 0, len: 0 };

impl Requested {
    /// `tag` as it is when it fits (lookup trims it when it reads it back);
    /// else trimmed and cut at a `-` to fit.
    #[inline]
    fn new(tag: &str) -> Requested {
        let bytes = tag.as_bytes();
        if bytes.len() <= MAX {
            Requested::pack(bytes)
        } else {
            Requested::long(tag)
        }
    }

    /// A tag longer than [`MAX`]: trimmed, then cut at a subtag.
    #[cold]
    #[inline(never)]
    fn long(tag: &str) -> Requested {
        let mut cut = tag.trim();
        while cut.len() > MAX {
            cut = cut.rsplit_once('-').map_or("", |(head, _)| head);
        }
        Requested::pack(cut.as_bytes())
    }

    /// At most [`MAX`] bytes, zero-padded, read as two overlapping words
    /// (no copy loop, no `memcpy` call: this runs for every view).
    #[inline]
    fn pack(b: &[u8]) -> Requested {
        let len = b.len();
        let bytes = if len >= 8 {
            let (mut lo, mut hi) = ([0u8; 8], [0u8; 8]);
            lo.copy_from_slice(&b[..8]);
            hi.copy_from_slice(&b[len - 8..]);
            // `hi` holds bytes len-8..len; bytes 8..len are its top len-8.
            let hi = u64::from_le_bytes(hi).checked_shr(8 * (16 - len) as u32);
            u128::from(u64::from_le_bytes(lo)) | u128::from(hi.unwrap_or(0)) << 64
        } else if len >= 4 {
            let (mut lo, mut hi) = ([0u8; 4], [0u8; 4]);
            lo.copy_from_slice(&b[..4]);
            hi.copy_from_slice(&b[len - 4..]);
            let hi = u32::from_le_bytes(hi).checked_shr(8 * (8 - len) as u32);
            u128::from(u32::from_le_bytes(lo)) | u128::from(hi.unwrap_or(0)) << 32
        } else {
            b.iter()
                .enumerate()
                .fold(0, |w, (i, &x)| w | u128::from(x) << (8 * i))
        };
        Requested {
            bytes,
            len: len as u8,
        }
    }
}

/// The last answer of [`requested_index`]: for the language list at
/// `locales` (its address and length) and the request `tag`, `index`. A
/// server answers in a few languages, and one type's messages are written
/// again and again: the lookup is made once per (type, tag) in a row.
#[derive(Clone, Copy)]
struct Cache {
    locales: usize,
    len: usize,
    tag: Requested,
    index: usize,
}

std::thread_local! {
    static REQUESTED: Cell<Requested> = const { Cell::new(NONE) };
    static CACHE: Cell<Cache> = const {
        Cell::new(Cache { locales: 0, len: 0, tag: NONE, index: 0 })
    };
}

/// Runs `f` with `tag` as the requested language, restoring the previous
/// request afterwards (also when `f` unwinds).
fn with_requested<R>(tag: &str, f: impl FnOnce() -> R) -> R {
    struct Restore(Requested);
    impl Drop for Restore {
        #[inline]
        fn drop(&mut self) {
            let _ = REQUESTED.try_with(|r| r.set(self.0));
        }
    }
    let next = Requested::new(tag);
    let previous = REQUESTED.try_with(|r| r.replace(next)).unwrap_or(NONE);
    let _restore = Restore(previous);
    f()
}

/// Which of `locales` the message of a derived error is written in: the
/// index of the best match of the request in effect, else 0 (the default).
/// Generated `Display` calls it once per message.
#[doc(hidden)]
#[inline]
pub fn requested_index(locales: &[&str]) -> usize {
    let requested = REQUESTED.try_with(Cell::get).unwrap_or(NONE);
    if requested.len == 0 {
        return 0;
    }
    let (address, len) = (locales.as_ptr() as usize, locales.len());
    if let Ok(cache) = CACHE.try_with(Cell::get) {
        if cache.locales == address && cache.len == len && cache.tag == requested {
            return cache.index;
        }
    }
    let bytes = requested.bytes.to_le_bytes();
    let bytes = &bytes[..usize::from(requested.len)];
    // Built from a `&str` cut at a `-`: always UTF-8.
    let index = core::str::from_utf8(bytes)
        .ok()
        .and_then(|tag| lookup(locales, tag))
        .unwrap_or(0);
    let _ = CACHE.try_with(|c| {
        c.set(Cache {
            locales: address,
            len,
            tag: requested,
            index,
        })
    });
    index
}

/// The index in `available` of the best match for `requested`, by
/// RFC 4647 lookup (see the [module docs](self)), or `None`.
///
/// ```
/// use uni_error::locale::lookup;
///
/// let available = ["en", "zh-Hans", "zh-Hant"];
/// assert_eq!(lookup(&available, "zh-Hans-CN"), Some(1));
/// assert_eq!(lookup(&available, "ZH-hant"), Some(2));
/// assert_eq!(lookup(&available, "zh-TW"), Some(2));
/// assert_eq!(lookup(&available, "zh-CN"), Some(1));
/// assert_eq!(lookup(&available, "en-US"), Some(0));
/// assert_eq!(lookup(&available, "fr"), None);
/// ```
pub fn lookup(available: &[&str], requested: &str) -> Option<usize> {
    let find = |tag: &str| available.iter().position(|a| a.eq_ignore_ascii_case(tag));
    let mut tag = requested.trim();
    let script = chinese_script(tag);
    while !tag.is_empty() && tag != "*" {
        if let Some(i) = find(tag) {
            return Some(i);
        }
        let Some((head, _)) = tag.rsplit_once('-') else {
            break;
        };
        // A single-letter subtag (an extension's `-u`) goes with its value.
        tag = match head.rsplit_once('-') {
            Some((shorter, last)) if last.len() == 1 => shorter,
            _ => head,
        };
        if let (Some(script), false) = (script, tag.contains('-')) {
            if let Some(i) = find(script) {
                return Some(i);
            }
        }
    }
    match script {
        // The bare `zh` was asked: its likely script.
        Some(script) if !requested.trim().contains('-') => find(script),
        _ => None,
    }
}

/// The script a Chinese tag without one implies: `zh-Hant` for Taiwan,
/// Hong Kong and Macau, `zh-Hans` otherwise. `None` for other languages
/// and for a tag that names its script.
fn chinese_script(tag: &str) -> Option<&'static str> {
    let mut subtags = tag.split('-');
    if !subtags.next()?.eq_ignore_ascii_case("zh") {
        return None;
    }
    match subtags.next() {
        Some(s) if s.len() == 4 => None,
        Some(r) if ["TW", "HK", "MO"].iter().any(|x| r.eq_ignore_ascii_case(x)) => Some("zh-Hant"),
        _ => Some("zh-Hans"),
    }
}

/// The entry of an HTTP `Accept-Language` value that the languages in
/// `available` serve best: the one with the highest quality (`q`, first
/// wins a tie) that [`lookup`] matches, or `None` when none does. An entry
/// with `q=0`, or whose `q` does not parse, is skipped.
///
/// ```
/// use uni_error::locale::preferred;
///
/// let available = ["en", "zh-Hans", "zh-Hant"];
/// assert_eq!(preferred(&available, "zh-CN,zh;q=0.9,en;q=0.8"), Some("zh-CN"));
/// assert_eq!(preferred(&available, "fr-FR, en;q=0.5, zh-TW;q=0.7"), Some("zh-TW"));
/// assert_eq!(preferred(&available, "fr, de;q=0.9"), None);
/// ```
pub fn preferred<'h>(available: &[&str], accept_language: &'h str) -> Option<&'h str> {
    let mut best: Option<(u16, &'h str)> = None;
    for entry in accept_language.split(',') {
        let mut parts = entry.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let q = parts
            .map(str::trim)
            .find_map(|p| p.strip_prefix("q=").or_else(|| p.strip_prefix("Q=")))
            .map_or(Some(1000), quality);
        let Some(q) = q.filter(|&q| q > 0) else {
            continue;
        };
        if best.is_some_and(|(b, _)| b >= q) || lookup(available, tag).is_none() {
            continue;
        }
        best = Some((q, tag));
    }
    best.map(|(_, tag)| tag)
}

/// An HTTP quality value (`0`, `0.8`, `1.000`) in thousandths.
fn quality(q: &str) -> Option<u16> {
    let (whole, fraction) = q.trim().split_once('.').unwrap_or((q.trim(), ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: u16 = match whole {
        "0" => 0,
        "1" => 1,
        _ => return None,
    };
    let mut thousandths = 0;
    for (i, digit) in fraction.bytes().enumerate() {
        thousandths += u16::from(digit - b'0') * [100, 10, 1][i];
    }
    let q = whole * 1000 + thousandths;
    (q <= 1000).then_some(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_packs_its_bytes_zero_padded() {
        for tag in [
            "",
            "z",
            "zh",
            "zh-",
            "zh-C",
            "zh-CN",
            "zh-Hant",
            "zh-Hans-",
            "zh-Hans-C",
        ] {
            let r = Requested::new(tag);
            let mut want = [0u8; MAX];
            want[..tag.len()].copy_from_slice(tag.as_bytes());
            assert_eq!(r.bytes.to_le_bytes(), want, "{tag}");
            assert_eq!(usize::from(r.len), tag.len());
        }
        let full = "zh-Hans-CN-x-abc";
        assert_eq!(Requested::new(full).bytes.to_le_bytes(), *full.as_bytes());
        let cut = Requested::new("  zh-Hans-CN-x-abcd  ");
        assert_eq!(
            &cut.bytes.to_le_bytes()[..usize::from(cut.len)],
            b"zh-Hans-CN-x"
        );
    }

    #[test]
    fn lookup_cuts_subtags_and_ignores_case() {
        let available = ["en", "zh-Hans", "zh-Hant"];
        assert_eq!(lookup(&available, "zh-hans-cn"), Some(1));
        assert_eq!(lookup(&available, "zh-Hant-HK"), Some(2));
        assert_eq!(lookup(&available, "zh-HK"), Some(2));
        assert_eq!(lookup(&available, "zh-MO"), Some(2));
        assert_eq!(lookup(&available, "zh-SG"), Some(1));
        assert_eq!(lookup(&available, "zh"), Some(1));
        assert_eq!(lookup(&available, "en-x-private"), Some(0));
        assert_eq!(lookup(&available, "en-u-ca-gregory"), Some(0));
        assert_eq!(lookup(&available, ""), None);
        assert_eq!(lookup(&available, "*"), None);
        assert_eq!(lookup(&available, "-"), None);
        assert_eq!(lookup(&["en", "zh"], "zh-Hans-CN"), Some(1));
        assert_eq!(lookup(&["en", "zh"], "zh-TW"), Some(1));
        assert_eq!(lookup(&["en", "zh-Hant"], "zh-Hans-CN"), None);
    }

    #[test]
    fn quality_values() {
        assert_eq!(quality("1"), Some(1000));
        assert_eq!(quality("1.000"), Some(1000));
        assert_eq!(quality("0.8"), Some(800));
        assert_eq!(quality("0.05"), Some(50));
        assert_eq!(quality("0"), Some(0));
        for bad in ["1.5", "2", "0.1234", "x", "", "0.-1", "."] {
            assert_eq!(quality(bad), None, "{bad}");
        }
    }

    #[test]
    fn preferred_takes_the_highest_served_quality() {
        let available = ["en", "zh-Hans"];
        assert_eq!(preferred(&available, "de;q=1, en;q=0.5"), Some("en"));
        assert_eq!(preferred(&available, "en;q=0.5, zh;q=0.5"), Some("en"));
        assert_eq!(preferred(&available, "en;q=0, zh"), Some("zh"));
        assert_eq!(preferred(&available, "en;q=bad"), None);
        assert_eq!(preferred(&available, ""), None);
        assert_eq!(preferred(&available, ",,;"), None);
    }

    #[test]
    fn the_request_is_scoped_and_cut_at_a_subtag() {
        assert_eq!(requested_index(&["en", "zh-Hans"]), 0);
        let inner = with_requested("zh-Hans-CN", || requested_index(&["en", "zh-Hans"]));
        assert_eq!(inner, 1);
        assert_eq!(requested_index(&["en", "zh-Hans"]), 0);
        let long = "zh-Hans-CN-x-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd";
        assert_eq!(
            with_requested(long, || requested_index(&["en", "zh-Hans"])),
            1
        );
        let nested = with_requested("zh", || {
            let inner = with_requested("en", || requested_index(&["en", "zh-Hans"]));
            (inner, requested_index(&["en", "zh-Hans"]))
        });
        assert_eq!(nested, (0, 1));
        let padded = with_requested(" zh-Hans ", || requested_index(&["en", "zh-Hans"]));
        assert_eq!(padded, 1);
        let unwound = std::panic::catch_unwind(|| with_requested("zh", || panic!("boom")));
        assert!(unwound.is_err());
        assert_eq!(requested_index(&["en", "zh-Hans"]), 0);
    }
}
