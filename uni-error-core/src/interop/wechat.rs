//! WeChat's error object: `{"errMsg":"<api>:fail <reason>","errno":N}`, and
//! back (SPEC §2).
//!
//! A WeChat API rejects with an object whose `errMsg` is
//! `<api>:fail<:|space><reason>` (or just `<api>:fail`), with the 7-digit
//! `errno` and, for older APIs, a legacy `errCode`; when both codes are
//! there, errno wins. [`WeChatError`] reads and writes that object exactly:
//!
//! ```
//! use uni_error::wechat::WeChatError;
//!
//! let spec = r#"{"errMsg": "openBluetoothAdapter:fail:not available", "errCode": 10001, "errno": 1500102}"#;
//! let err: WeChatError = serde_json::from_str(spec)?;
//! assert_eq!(err.api(), "openBluetoothAdapter");
//! assert_eq!(err.reason(), Some("not available"));
//! assert_eq!(err.errno().map(|e| e.get()), Some(1_500_102));
//! assert_eq!(err.err_code(), Some(10001));
//! assert_eq!(err.code(), Some(1_500_102)); // errno wins
//! assert_eq!(
//!     serde_json::to_string(&err)?,
//!     r#"{"errMsg":"openBluetoothAdapter:fail:not available","errCode":10001,"errno":1500102}"#
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Key order
//!
//! `errMsg`, `errCode`?, `errno`?, then unknown keys in input order: the
//! order of WeChat's own example, so a WeChat object read and written again
//! comes back byte for byte (in compact form). Absent codes are omitted; a
//! `null` on input reads as absent.
//!
//! # Mapping to and from a uni error
//!
//! [`WeChatError::from_uni`] (any [`AnyUniError`]):
//!
//! | WeChat | from the uni error |
//! |---|---|
//! | `errMsg` | errMsg as it is when it already reads as `<api>:fail…`; else `<api>:fail <errMsg>` (`<api>:fail` for an empty errMsg), `<api>` being errSubject up to its first `:`, without a leading `uni-` (`uni-login::weixin` → `login`) |
//! | `errno` | errCode, when it is a valid errno (`0..=9999999`) |
//! | `errCode` | the `code` of a direct cause with subject `weixin` (where [`WeChatError::to_uni`] keeps the legacy code); else errCode when it is not an errno and not `-1` |
//! | unknown keys | the extra attributes of that `weixin` cause |
//!
//! [`WeChatError::to_uni`]:
//!
//! | uni | from the WeChat object |
//! |---|---|
//! | errSubject | `uni-<api>` (the uni-app naming of an API's errors) |
//! | errCode | errno; `-1` when there is none (not an errno, so [`Error::errno`] is `None` and a legacy code is never mistaken for one) |
//! | errMsg | errMsg, unchanged |
//! | cause | when there is a legacy errCode or unknown keys: `{"message":<errMsg>,"subject":"weixin","code":<errCode>, <unknown keys>}` |
//!
//! So WeChat → uni → WeChat gives the same object back, except for an
//! unknown key named like a source error field (`message`, `code`, …),
//! which a source error cannot hold.

use core::fmt;

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::interop::fields::{kind, write_extra, Fields};
use crate::Json;
use crate::{AnyUniError, Cause, Errno, Error, SourceError};

/// The errCode of a uni error made from a WeChat error without errno: not an
/// errno, on purpose.
///
/// ```
/// use uni_error::wechat::{WeChatError, NO_ERRNO};
/// let uni = WeChatError::new("chooseImage", "cancel")?.to_uni();
/// assert_eq!(uni.code(), NO_ERRNO);
/// assert_eq!(uni.errno(), None);
/// # Ok::<(), uni_error::wechat::ErrMsgError>(())
/// ```
pub const NO_ERRNO: i64 = -1;

/// The subject of the source error that keeps WeChat's legacy errCode and
/// unknown keys in a uni error.
///
/// ```
/// use uni_error::wechat::{WeChatError, SOURCE_SUBJECT};
/// let uni = WeChatError::new("openBluetoothAdapter", "not available")?.with_err_code(10001).to_uni();
/// assert_eq!(uni.cause().and_then(|c| c.subject()), Some(SOURCE_SUBJECT));
/// assert_eq!(uni.cause().and_then(|c| c.code()), Some(10001));
/// # Ok::<(), uni_error::wechat::ErrMsgError>(())
/// ```
pub const SOURCE_SUBJECT: &str = "weixin";

const WHAT: &str = "a WeChat error object {errMsg, errCode?, errno?}";

/// A WeChat API error object: `errMsg` (`<api>:fail <reason>`), `errno`,
/// the legacy `errCode` and any other keys, read and written exactly. See
/// the [module docs](self) for the key order and the uni mapping.
///
/// ```
/// use uni_error::{wechat::WeChatError, Errno};
///
/// let err = WeChatError::new("request", "timeout")?.with_errno(Errno::TIMEOUT);
/// assert_eq!(serde_json::to_string(&err)?, r#"{"errMsg":"request:fail timeout","errno":5}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct WeChatError {
    err_msg: String,
    /// `err_msg[..api_end]` is the API name.
    api_end: usize,
    /// `err_msg[reason_start..]` is the reason, if there is one.
    reason_start: Option<usize>,
    errno: Option<Errno>,
    err_code: Option<i64>,
    extra: Vec<(String, Json)>,
}

/// Why a string is not a WeChat failure errMsg (`<api>:fail`,
/// `<api>:fail <reason>` or `<api>:fail:<reason>`). Its message quotes the
/// string (its first 60 characters).
///
/// ```
/// let err = uni_error::wechat::WeChatError::parse_err_msg("login:ok").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     r#"errMsg "login:ok" is not a WeChat failure: expected `<api>:fail`, `<api>:fail <reason>` or `<api>:fail:<reason>`"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrMsgError {
    found: String,
}

impl fmt::Display for ErrMsgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "errMsg {:?} is not a WeChat failure: expected `<api>:fail`, `<api>:fail <reason>` or `<api>:fail:<reason>`",
            self.found
        )
    }
}

impl std::error::Error for ErrMsgError {}

/// Splits `<api>:fail[<sep><reason>]` into `(api_end, reason_start)`: the
/// API is the text before the first `:`, non-empty and without spaces.
fn split(err_msg: &str) -> Option<(usize, Option<usize>)> {
    let api_end = err_msg.find(':')?;
    let api = &err_msg[..api_end];
    if api.is_empty() || api.contains(char::is_whitespace) {
        return None;
    }
    let after = err_msg[api_end + 1..].strip_prefix("fail")?;
    let fail_end = api_end + 1 + "fail".len();
    match after.chars().next() {
        None => Some((api_end, None)),
        Some(' ' | ':') => Some((api_end, Some(fail_end + 1))),
        Some(_) => None,
    }
}

impl WeChatError {
    /// A failure of `api` for `reason`: errMsg `<api>:fail <reason>` (with a
    /// space, WeChat's usual separator), or `<api>:fail` for an empty
    /// reason. No code yet: see [`with_errno`](Self::with_errno).
    ///
    /// Fails when `api` is empty or holds a `:` or whitespace.
    ///
    /// ```
    /// use uni_error::wechat::WeChatError;
    /// assert_eq!(WeChatError::new("chooseImage", "cancel")?.err_msg(), "chooseImage:fail cancel");
    /// assert_eq!(WeChatError::new("login", "")?.err_msg(), "login:fail");
    /// assert!(WeChatError::new("a:b", "x").is_err());
    /// # Ok::<(), uni_error::wechat::ErrMsgError>(())
    /// ```
    pub fn new(api: &str, reason: &str) -> Result<Self, ErrMsgError> {
        if api.is_empty() || api.contains(|c: char| c == ':' || c.is_whitespace()) {
            return Err(ErrMsgError {
                found: format!("{api}:fail {reason}").chars().take(60).collect(),
            });
        }
        Ok(WeChatError::build(api, reason))
    }

    /// [`new`](Self::new) for an `api` known to be valid.
    fn build(api: &str, reason: &str) -> Self {
        let (err_msg, reason_start) = if reason.is_empty() {
            (format!("{api}:fail"), None)
        } else {
            (
                format!("{api}:fail {reason}"),
                Some(api.len() + ":fail ".len()),
            )
        };
        WeChatError {
            err_msg,
            api_end: api.len(),
            reason_start,
            errno: None,
            err_code: None,
            extra: Vec::new(),
        }
    }

    /// Reads an errMsg of the form `<api>:fail`, `<api>:fail <reason>` or
    /// `<api>:fail:<reason>` (the separator is kept as it was). `<api>` is
    /// the text before the first `:`: not empty, no whitespace.
    ///
    /// ```
    /// use uni_error::wechat::WeChatError;
    /// let e = WeChatError::parse_err_msg("getLocation:fail auth deny")?;
    /// assert_eq!((e.api(), e.reason()), ("getLocation", Some("auth deny")));
    /// let e = WeChatError::parse_err_msg("login:fail")?;
    /// assert_eq!((e.api(), e.reason()), ("login", None));
    /// assert!(WeChatError::parse_err_msg("login:failed").is_err());
    /// # Ok::<(), uni_error::wechat::ErrMsgError>(())
    /// ```
    pub fn parse_err_msg(err_msg: impl Into<String>) -> Result<Self, ErrMsgError> {
        let err_msg = err_msg.into();
        match split(&err_msg) {
            Some((api_end, reason_start)) => Ok(WeChatError {
                err_msg,
                api_end,
                reason_start,
                errno: None,
                err_code: None,
                extra: Vec::new(),
            }),
            None => Err(ErrMsgError {
                found: err_msg.chars().take(60).collect(),
            }),
        }
    }

    /// Sets `errno`.
    ///
    /// ```
    /// use uni_error::{wechat::WeChatError, Errno};
    /// let e = WeChatError::new("request", "timeout")?.with_errno(Errno::TIMEOUT);
    /// assert_eq!(e.errno(), Some(Errno::TIMEOUT));
    /// # Ok::<(), uni_error::wechat::ErrMsgError>(())
    /// ```
    #[must_use]
    pub fn with_errno(mut self, errno: Errno) -> Self {
        self.errno = Some(errno);
        self
    }

    /// Sets the legacy `errCode`.
    ///
    /// ```
    /// use uni_error::{wechat::WeChatError, Errno};
    /// let e = WeChatError::new("openBluetoothAdapter", "not available")?.with_err_code(10001);
    /// assert_eq!(e.err_code(), Some(10001));
    /// # Ok::<(), uni_error::wechat::ErrMsgError>(())
    /// ```
    #[must_use]
    pub fn with_err_code(mut self, err_code: i64) -> Self {
        self.err_code = Some(err_code);
        self
    }

    /// `errMsg`, whole.
    ///
    /// ```
    /// use uni_error::{wechat::WeChatError, Errno};
    /// let e = WeChatError::new("request", "timeout")?;
    /// assert_eq!(e.err_msg(), "request:fail timeout");
    /// # Ok::<(), uni_error::wechat::ErrMsgError>(())
    /// ```
    pub fn err_msg(&self) -> &str {
        &self.err_msg
    }

    /// The API that failed (`openBluetoothAdapter`).
    ///
    /// ```
    /// use uni_error::{wechat::WeChatError, Errno};
    /// assert_eq!(WeChatError::parse_err_msg("openBluetoothAdapter:fail:not available")?.api(), "openBluetoothAdapter");
    /// # Ok::<(), uni_error::wechat::ErrMsgError>(())
    /// ```
    pub fn api(&self) -> &str {
        &self.err_msg[..self.api_end]
    }

    /// The reason after `:fail` and its separator, if there is one.
    ///
    /// ```
    /// use uni_error::{wechat::WeChatError, Errno};
    /// assert_eq!(WeChatError::parse_err_msg("openBluetoothAdapter:fail:not available")?.reason(), Some("not available"));
    /// assert_eq!(WeChatError::parse_err_msg("login:fail")?.reason(), None);
    /// # Ok::<(), uni_error::wechat::ErrMsgError>(())
    /// ```
    pub fn reason(&self) -> Option<&str> {
        self.reason_start.map(|i| &self.err_msg[i..])
    }

    /// `errno`, if any.
    ///
    /// ```
    /// use uni_error::{wechat::WeChatError, Errno};
    /// let e: WeChatError = serde_json::from_str(r#"{"errMsg":"request:fail timeout","errno":5}"#)?;
    /// assert_eq!(e.errno(), Some(Errno::TIMEOUT));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn errno(&self) -> Option<Errno> {
        self.errno
    }

    /// The legacy `errCode`, if any.
    ///
    /// ```
    /// use uni_error::{wechat::WeChatError, Errno};
    /// let e: WeChatError = serde_json::from_str(r#"{"errMsg":"request:fail timeout","errCode":-1}"#)?;
    /// assert_eq!(e.err_code(), Some(-1));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn err_code(&self) -> Option<i64> {
        self.err_code
    }

    /// The code that counts: errno when there is one (errno wins), else the
    /// legacy errCode.
    ///
    /// ```
    /// use uni_error::{wechat::WeChatError, Errno};
    /// let e = WeChatError::new("openBluetoothAdapter", "not available")?.with_err_code(10001);
    /// assert_eq!(e.code(), Some(10001));
    /// assert_eq!(e.with_errno(Errno::from_u32(1500102)?).code(), Some(1500102));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> Option<i64> {
        self.errno.map(i64::from).or(self.err_code)
    }

    /// Keys other than errMsg, errCode and errno, in input order.
    ///
    /// ```
    /// use uni_error::{wechat::WeChatError, Errno};
    /// let e: WeChatError = serde_json::from_str(r#"{"errMsg":"login:fail","traceId":"t-1"}"#)?;
    /// assert_eq!(e.extra()[0].0, "traceId");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn extra(&self) -> &[(String, Json)] {
        &self.extra
    }

    /// The WeChat object for any uni error; see the
    /// [module docs](self#mapping-to-and-from-a-uni-error).
    ///
    /// ```
    /// use uni_error::{wechat::WeChatError, Error};
    ///
    /// let err = Error::new("uni-getLocation", 103, "auth deny");
    /// assert_eq!(
    ///     serde_json::to_string(&WeChatError::from_uni(&err))?,
    ///     r#"{"errMsg":"getLocation:fail auth deny","errno":103}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn from_uni(error: &(impl AnyUniError + ?Sized)) -> Self {
        let wire = error.to_wire();
        let mut this = WeChatError::parse_err_msg(wire.message()).unwrap_or_else(|_| {
            WeChatError::build(&api_of_subject(wire.err_subject()), wire.message())
        });
        this.errno = wire.errno();
        let weixin = wire
            .cause()
            .filter(|c| matches!(c, Cause::Source(_)) && c.subject() == Some(SOURCE_SUBJECT));
        this.err_code = match weixin.and_then(Cause::code) {
            Some(code) => Some(code),
            None if this.errno.is_none() && wire.code() != NO_ERRNO => Some(wire.code()),
            None => None,
        };
        if let Some(cause) = weixin {
            this.extra = cause.extra().to_vec();
        }
        this
    }

    /// The uni error for this WeChat error; see the
    /// [module docs](self#mapping-to-and-from-a-uni-error).
    ///
    /// ```
    /// use uni_error::wechat::WeChatError;
    ///
    /// let wx: WeChatError = serde_json::from_str(
    ///     r#"{"errMsg":"openBluetoothAdapter:fail:not available","errCode":10001,"errno":1500102}"#,
    /// )?;
    /// let uni = wx.to_uni();
    /// assert_eq!(
    ///     serde_json::to_string(&uni)?,
    ///     concat!(
    ///         r#"{"errSubject":"uni-openBluetoothAdapter","errCode":1500102,"#,
    ///         r#""errMsg":"openBluetoothAdapter:fail:not available","#,
    ///         r#""cause":{"message":"openBluetoothAdapter:fail:not available","subject":"weixin","code":10001}}"#
    ///     )
    /// );
    /// assert_eq!(WeChatError::from_uni(&uni), wx);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn to_uni(&self) -> Error {
        let code = self.errno.map_or(NO_ERRNO, i64::from);
        let mut error = Error::new(format!("uni-{}", self.api()), code, self.err_msg.clone());
        if self.err_code.is_some() || !self.extra.is_empty() {
            let mut source = SourceError::new(self.err_msg.clone()).with_subject(SOURCE_SUBJECT);
            if let Some(code) = self.err_code {
                source = source.with_code(code);
            }
            for (k, v) in &self.extra {
                let _ = source.insert_extra(k.clone(), v.clone());
            }
            error = error.with_cause(source);
        }
        error
    }
}

/// `uni-login::weixin` → `login`: the subject up to its first `:`, without
/// a leading `uni-`, made a valid API name (whitespace becomes `_`, an empty
/// result `uni`).
fn api_of_subject(subject: &str) -> String {
    let first = subject.split(':').next().unwrap_or_default();
    let api = first.strip_prefix("uni-").unwrap_or(first);
    let api: String = api
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect();
    if api.is_empty() {
        "uni".to_owned()
    } else {
        api
    }
}

impl From<&WeChatError> for Error {
    fn from(e: &WeChatError) -> Error {
        e.to_uni()
    }
}

impl From<WeChatError> for Error {
    fn from(e: WeChatError) -> Error {
        e.to_uni()
    }
}

impl fmt::Display for WeChatError {
    /// The errMsg.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.err_msg)
    }
}

impl std::error::Error for WeChatError {}

impl Serialize for WeChatError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = 1
            + usize::from(self.err_code.is_some())
            + usize::from(self.errno.is_some())
            + self.extra.len();
        let mut map = serializer.serialize_map(Some(len))?;
        map.serialize_entry("errMsg", &self.err_msg)?;
        if let Some(code) = self.err_code {
            map.serialize_entry("errCode", &code)?;
        }
        if let Some(errno) = self.errno {
            map.serialize_entry("errno", &errno)?;
        }
        write_extra(&mut map, &self.extra)?;
        map.end()
    }
}

impl<'de> Deserialize<'de> for WeChatError {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut fields = Fields::read(d, WHAT)?;
        let err_msg = fields.required("errMsg")?;
        let err_msg = fields.as_string("errMsg", &err_msg)?;
        let err_code = fields.int("errCode")?;
        let errno = match fields.value("errno") {
            None => None,
            Some(v) if v.parse::<i64>().is_ok() => Some(
                Errno::from_i64(v.parse::<i64>().unwrap_or_default())
                    .map_err(|e| fields.error(format_args!("`errno`: {e}")))?,
            ),
            Some(other) => {
                return Err(fields.error(format_args!(
                    "`errno` must be an integer in 0..=9999999, found {}",
                    kind(&other)
                )))
            }
        };
        let mut this = WeChatError::parse_err_msg(err_msg).map_err(serde::de::Error::custom)?;
        this.errno = errno;
        this.err_code = err_code;
        this.extra = fields.rest();
        Ok(this)
    }
}
