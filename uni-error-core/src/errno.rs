//! [`Errno`]: the validated 7-digit WeChat-style error number.

use core::fmt;
use core::str::FromStr;

use crate::rules::{self, Part, PartOutOfRange, TooLarge};

/// A validated WeChat-style errno: a number in `0..=9_999_999`.
///
/// An errno has seven decimal digits (leading zeros implied):
///
/// | digits | meaning | accessor |
/// |---|---|---|
/// | 1–2 | first-level category (`15` = device) | [`category`](Errno::category) |
/// | 3–4 | second-level category (`04` = NFC) | [`sub`](Errno::sub) |
/// | 5–7 | the error type; its hundreds digit names the [`Platform`] | [`code`](Errno::code) |
///
/// Category-00 codes are simply below 100 000: WeChat's "time out" is `5`,
/// not `0000005`, and that is how it is displayed and serialized.
///
/// ```
/// use uni_error::{Errno, Platform};
///
/// let e = Errno::new(15, 4, 3)?;
/// assert_eq!(e.get(), 1_504_003);
/// assert_eq!((e.category(), e.sub(), e.code()), (15, 4, 3));
/// assert_eq!(e.to_string(), "1504003");
/// assert_eq!(e.platform(), Platform::Shared);
///
/// let parsed: Errno = "1500102".parse()?;
/// assert_eq!((parsed.category(), parsed.sub(), parsed.code()), (15, 0, 102));
/// assert_eq!(Errno::TIMEOUT.get(), 5);
/// # Ok::<(), uni_error::ErrnoError>(())
/// ```
///
/// On the wire an errno is a JSON number; deserializing an out-of-range number
/// fails with an error that names it.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct Errno(u32);

/// Where a platform-specific errno may occur, from the hundreds digit of its
/// last three digits (uni-app error specification).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Platform {
    /// `000`–`599`: shared by every platform (WeChat's own codes live here).
    Shared,
    /// `6xx`: cross-platform, App and Web.
    CrossPlatform,
    /// `7xx`: App on Android.
    Android,
    /// `8xx`: App on iOS.
    Ios,
    /// `9xx`: Web.
    Web,
}

impl Platform {
    /// The platform a 3-digit error type belongs to (`code` is taken modulo 1000).
    ///
    /// ```
    /// use uni_error::Platform;
    /// assert_eq!(Platform::of_code(601), Platform::CrossPlatform);
    /// assert_eq!(Platform::of_code(3), Platform::Shared);
    /// ```
    pub const fn of_code(code: u16) -> Platform {
        Platform::ALL[rules::platform_of_code(code)]
    }

    /// Every platform, in the order of `rules::PLATFORMS` (their names and
    /// ranges, shared with the derive).
    const ALL: [Platform; 5] = [
        Platform::Shared,
        Platform::CrossPlatform,
        Platform::Android,
        Platform::Ios,
        Platform::Web,
    ];

    /// The range of error types this platform owns, as `(first, last)`.
    ///
    /// ```
    /// assert_eq!(uni_error::Platform::Ios.code_range(), (800, 899));
    /// ```
    pub const fn code_range(self) -> (u16, u16) {
        let (_, first, last) = rules::PLATFORMS[self as usize];
        (first, last)
    }

    /// The lower-case name used by `#[errno(platform = "...")]`:
    /// `shared`, `cross`, `android`, `ios` or `web`.
    pub const fn as_str(self) -> &'static str {
        rules::PLATFORMS[self as usize].0
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a number or string is not a valid [`Errno`]. Its message names the
/// offending value and the range that was expected.
///
/// ```
/// let err = uni_error::Errno::new(100, 0, 0).unwrap_err();
/// assert_eq!(err.to_string(), "errno category 100 is out of range: expected 0..=99");
/// ```
///
/// It is `Copy` (no heap), so `const` code can match on it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct ErrnoError {
    kind: ErrnoErrorKind,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum ErrnoErrorKind {
    Category(u8),
    Sub(u8),
    Code(u16),
    TooLarge(u64),
    Negative(i64),
    NotANumber(Snippet),
    DigitsTooLarge(Snippet),
}

/// The start of a rejected string, kept inline so that [`ErrnoError`] stays
/// `Copy`: up to 32 bytes, cut at a character boundary.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
struct Snippet {
    bytes: [u8; 32],
    len: u8,
    truncated: bool,
}

impl Snippet {
    fn new(s: &str) -> Snippet {
        let mut len = s.len().min(32);
        while !s.is_char_boundary(len) {
            len -= 1;
        }
        let mut bytes = [0; 32];
        bytes[..len].copy_from_slice(&s.as_bytes()[..len]);
        Snippet {
            bytes,
            len: len as u8,
            truncated: len < s.len(),
        }
    }

    fn as_str(&self) -> &str {
        // The bytes were cut from a `&str` at a character boundary.
        core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl ErrnoError {
    const fn new(kind: ErrnoErrorKind) -> Self {
        ErrnoError { kind }
    }
}

impl fmt::Display for ErrnoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrnoErrorKind::Category(c) => out_of_range(f, Part::Category, u64::from(*c)),
            ErrnoErrorKind::Sub(s) => out_of_range(f, Part::Sub, u64::from(*s)),
            ErrnoErrorKind::Code(c) => out_of_range(f, Part::Code, u64::from(*c)),
            ErrnoErrorKind::TooLarge(n) => fmt::Display::fmt(&TooLarge(n), f),
            ErrnoErrorKind::Negative(n) => {
                write!(f, "errno {n} is negative: expected a number in 0..=9999999")
            }
            ErrnoErrorKind::DigitsTooLarge(s) => fmt::Display::fmt(
                &TooLarge(format_args!(
                    "{}{}",
                    s.as_str(),
                    if s.truncated { "..." } else { "" }
                )),
                f,
            ),
            ErrnoErrorKind::NotANumber(s) => write!(
                f,
                "errno {:?}{} is not a number: expected 1 to 7 decimal digits",
                s.as_str(),
                if s.truncated { "..." } else { "" }
            ),
        }
    }
}

/// The shared words for a part out of range.
fn out_of_range(f: &mut fmt::Formatter<'_>, part: Part, value: u64) -> fmt::Result {
    fmt::Display::fmt(&PartOutOfRange { part, value }, f)
}

impl std::error::Error for ErrnoError {}

impl Errno {
    /// The largest errno, `9_999_999`.
    pub const MAX: Errno = Errno(rules::ERRNO_MAX);

    /// Builds an errno from its three parts, rejecting a `category` or `sub`
    /// over 99 and a `code` over 999.
    ///
    /// ```
    /// use uni_error::Errno;
    /// assert_eq!(Errno::new(14, 16, 601).map(Errno::get), Ok(1_416_601));
    /// assert!(Errno::new(15, 100, 0).is_err());
    /// assert!(Errno::new(15, 4, 1000).is_err());
    /// ```
    pub const fn new(category: u8, sub: u8, code: u16) -> Result<Errno, ErrnoError> {
        if category as u16 > Part::Category.max() {
            return Err(ErrnoError::new(ErrnoErrorKind::Category(category)));
        }
        if sub as u16 > Part::Sub.max() {
            return Err(ErrnoError::new(ErrnoErrorKind::Sub(sub)));
        }
        if code > Part::Code.max() {
            return Err(ErrnoError::new(ErrnoErrorKind::Code(code)));
        }
        Ok(Errno(rules::compose(
            category as u32,
            sub as u32,
            code as u32,
        )))
    }

    /// Builds an errno from the whole number, rejecting anything over
    /// `9_999_999`. The `const` twin of `TryFrom<u32>`.
    ///
    /// ```
    /// use uni_error::Errno;
    /// const BT_UNAVAILABLE: Errno = match Errno::from_u32(1_500_102) {
    ///     Ok(e) => e,
    ///     Err(_) => panic!("not an errno"),
    /// };
    /// assert_eq!(BT_UNAVAILABLE.code(), 102);
    /// assert!(Errno::from_u32(10_000_000).is_err());
    /// ```
    pub const fn from_u32(n: u32) -> Result<Errno, ErrnoError> {
        if n > Errno::MAX.0 {
            Err(ErrnoError::new(ErrnoErrorKind::TooLarge(n as u64)))
        } else {
            Ok(Errno(n))
        }
    }

    /// Builds an errno from any integer, as read from a wire format whose
    /// codes may be negative or huge.
    ///
    /// ```
    /// use uni_error::Errno;
    /// assert_eq!(Errno::from_i64(5).map(Errno::get), Ok(5));
    /// assert!(Errno::from_i64(-404_012).is_err());
    /// ```
    pub const fn from_i64(n: i64) -> Result<Errno, ErrnoError> {
        if n < 0 {
            Err(ErrnoError::new(ErrnoErrorKind::Negative(n)))
        } else if n > Errno::MAX.0 as i64 {
            Err(ErrnoError::new(ErrnoErrorKind::TooLarge(n as u64)))
        } else {
            Ok(Errno(n as u32))
        }
    }

    /// An errno `n` that is known to be at most 9 999 999 (the derive
    /// validated it when the macro ran; see `__private::errno`).
    pub(crate) const fn from_validated(n: u32) -> Errno {
        Errno(n)
    }

    /// The whole number, e.g. `1504003`.
    pub const fn get(self) -> u32 {
        self.0
    }

    /// Digits 1–2: the first-level category (`15` in `1504003`).
    pub const fn category(self) -> u8 {
        (self.0 / 100_000) as u8
    }

    /// Digits 3–4: the second-level category (`4` in `1504003`).
    pub const fn sub(self) -> u8 {
        (self.0 / 1_000 % 100) as u8
    }

    /// Digits 5–7: the error type (`3` in `1504003`).
    pub const fn code(self) -> u16 {
        (self.0 % 1_000) as u16
    }

    /// The platform the error type's range names (SPEC §1): `6xx`
    /// cross-platform, `7xx` Android, `8xx` iOS, `9xx` Web, else shared.
    ///
    /// ```
    /// use uni_error::{Errno, Platform};
    /// assert_eq!(Errno::new(14, 16, 601)?.platform(), Platform::CrossPlatform);
    /// assert_eq!(Errno::new(15, 4, 3)?.platform(), Platform::Shared);
    /// # Ok::<(), uni_error::ErrnoError>(())
    /// ```
    pub const fn platform(self) -> Platform {
        Platform::of_code(self.code())
    }
}

macro_rules! general_errnos {
    ($($(#[$doc:meta])* $name:ident = $n:literal;)*) => {
        impl Errno {
            $($(#[$doc])* pub const $name: Errno = Errno($n);)*
        }
    };
}

general_errnos! {
    /// `0`: ok (成功).
    OK = 0;
    /// `1`: cancel (撤销).
    CANCEL = 1;
    /// `3`: system permission denied (系统权限未授予微信).
    SYSTEM_PERMISSION_DENIED = 3;
    /// `4`: internal error (小程序框架内部异常).
    INTERNAL_ERROR = 4;
    /// `5`: time out (接口超时).
    TIMEOUT = 5;
    /// `100`: jsapi not supported (JsApi不支持).
    JSAPI_NOT_SUPPORTED = 100;
    /// `101`: jsapi invalid request data (JsApi请求参数非法).
    JSAPI_INVALID_REQUEST_DATA = 101;
    /// `102`: jsapi has no permission (JsApi没有权限).
    JSAPI_HAS_NO_PERMISSION = 102;
    /// `103`: jsapi user authorize denied (JsApi用户拒绝授权).
    JSAPI_USER_AUTHORIZE_DENIED = 103;
    /// `104`: jsapi user authorize canceled (JsApi用户取消授权).
    JSAPI_USER_AUTHORIZE_CANCELED = 104;
    /// `106`: invalid jsapi index (JsApi权限位序号非法).
    INVALID_JSAPI_INDEX = 106;
    /// `108`: cgi failed for network issues (网络错误导致CGI逻辑失败).
    CGI_FAILED_FOR_NETWORK_ISSUES = 108;
    /// `109`: cgi failed for response null (CGI响应为空).
    CGI_FAILED_FOR_RESPONSE_NULL = 109;
    /// `110`: scope or scope list empty (scope或者scope列表为空).
    SCOPE_OR_SCOPE_LIST_EMPTY = 110;
    /// `111`: oom occurs (发生OutOfMemoryError).
    OOM_OCCURS = 111;
    /// `112`: api scope is not declared in the privacy agreement (接口未在隐私协议中声明).
    API_SCOPE_NOT_DECLARED_IN_PRIVACY_AGREEMENT = 112;
}

impl fmt::Display for Errno {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Errno {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Errno({})", self.0)
    }
}

impl TryFrom<u32> for Errno {
    type Error = ErrnoError;
    fn try_from(n: u32) -> Result<Self, ErrnoError> {
        Errno::from_u32(n)
    }
}

impl TryFrom<i64> for Errno {
    type Error = ErrnoError;
    fn try_from(n: i64) -> Result<Self, ErrnoError> {
        Errno::from_i64(n)
    }
}

impl From<Errno> for u32 {
    fn from(e: Errno) -> u32 {
        e.0
    }
}

impl From<Errno> for i64 {
    fn from(e: Errno) -> i64 {
        i64::from(e.0)
    }
}

impl FromStr for Errno {
    type Err = ErrnoError;

    /// Parses 1 to 7 ASCII decimal digits (leading zeros allowed, no sign,
    /// no spaces): `"1504003"`, `"5"`, `"0000005"`.
    fn from_str(s: &str) -> Result<Self, ErrnoError> {
        let not_a_number = || ErrnoError::new(ErrnoErrorKind::NotANumber(Snippet::new(s)));
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(not_a_number());
        }
        let digits = s.trim_start_matches('0');
        if digits.len() > 7 {
            // Name the value itself, even when it overflows every integer type.
            return Err(match digits.parse::<u64>() {
                Ok(n) => ErrnoError::new(ErrnoErrorKind::TooLarge(n)),
                Err(_) => ErrnoError::new(ErrnoErrorKind::DigitsTooLarge(Snippet::new(s))),
            });
        }
        let n = digits
            .bytes()
            .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
        Errno::from_u32(n)
    }
}

impl serde::Serialize for Errno {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Errno {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Errno;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an errno: an integer in 0..=9999999")
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Errno, E> {
                match u32::try_from(n) {
                    Ok(n) => Errno::from_u32(n).map_err(E::custom),
                    Err(_) => Err(E::custom(ErrnoError::new(ErrnoErrorKind::TooLarge(n)))),
                }
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Errno, E> {
                Errno::from_i64(n).map_err(E::custom)
            }
        }
        d.deserialize_u32(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        assert_eq!(Errno::from_u32(0).map(Errno::get), Ok(0));
        assert_eq!(Errno::from_u32(9_999_999).map(Errno::get), Ok(9_999_999));
        assert_eq!(
            Errno::from_u32(10_000_000).unwrap_err().to_string(),
            "errno 10000000 is out of range: expected at most 7 digits (0..=9999999)"
        );
        assert!(Errno::new(99, 99, 999).is_ok());
        assert_eq!(Errno::new(99, 99, 999).unwrap(), Errno::MAX);
        let refused = |r: Result<Errno, ErrnoError>| r.unwrap_err().to_string();
        assert_eq!(
            refused(Errno::new(100, 0, 0)),
            "errno category 100 is out of range: expected 0..=99"
        );
        assert_eq!(
            refused(Errno::new(0, 100, 0)),
            "errno sub-category 100 is out of range: expected 0..=99"
        );
        assert_eq!(
            refused(Errno::new(0, 0, 1000)),
            "errno code 1000 is out of range: expected 0..=999"
        );
        assert_eq!(Errno::new(0, 0, 999).map(Errno::get), Ok(999));
    }

    #[test]
    fn splits_wechat_example() {
        let e = Errno::from_u32(1_500_102).unwrap();
        assert_eq!((e.category(), e.sub(), e.code()), (15, 0, 102));
    }

    #[test]
    fn parts_round_trip_over_the_whole_domain() {
        for n in (0..=9_999_999u32).step_by(7) {
            let e = Errno::from_u32(n).unwrap();
            assert_eq!(Errno::new(e.category(), e.sub(), e.code()), Ok(e));
            assert_eq!(e.to_string().parse::<Errno>(), Ok(e));
        }
    }

    #[test]
    fn parse_rejects_and_names_bad_strings() {
        for bad in ["", " 1", "1 ", "+1", "-1", "1.0", "0x10", "١٢"] {
            let err = bad.parse::<Errno>().unwrap_err();
            assert!(err.to_string().contains(&format!("{bad:?}")), "{err}");
        }
        assert_eq!(
            "10000000".parse::<Errno>().unwrap_err().to_string(),
            "errno 10000000 is out of range: expected at most 7 digits (0..=9999999)"
        );
        let huge = "99999999999999999999999";
        assert!(huge
            .parse::<Errno>()
            .unwrap_err()
            .to_string()
            .contains(huge));
        let long = "x".repeat(100);
        assert_eq!(
            long.parse::<Errno>().unwrap_err().to_string(),
            format!(
                "errno \"{}\"... is not a number: expected 1 to 7 decimal digits",
                &long[..32]
            )
        );
        assert_eq!("0000005".parse::<Errno>(), Ok(Errno::TIMEOUT));
    }

    #[test]
    fn each_platform_is_its_row_of_the_shared_table() {
        let names = ["shared", "cross", "android", "ios", "web"];
        for (p, name) in Platform::ALL.into_iter().zip(names) {
            assert_eq!(p.as_str(), name);
            let (first, last) = p.code_range();
            assert_eq!(Platform::of_code(first), p, "{name}");
            assert_eq!(Platform::of_code(last), p, "{name}");
        }
        assert_eq!(Platform::Ios.code_range(), (800, 899));
    }

    #[test]
    fn platforms() {
        let p = |c| Errno::new(14, 16, c).unwrap().platform();
        assert_eq!(p(599), Platform::Shared);
        assert_eq!(p(600), Platform::CrossPlatform);
        assert_eq!(p(799), Platform::Android);
        assert_eq!(p(800), Platform::Ios);
        assert_eq!(p(999), Platform::Web);
    }
}
