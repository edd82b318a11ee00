//! `google.rpc.Status` with an `ErrorInfo` detail, the google.rpc [`Code`]
//! and HTTP status of an errno, and the `ChatAppLogEntry` log record
//! (SPEC §4).
//!
//! ```
//! use uni_error::google::{ChatAppLogEntry, Status};
//! use uni_error::Error;
//!
//! let err = Error::new("uni-request", 5, "request timed out");
//! let status = Status::from_uni(&err);
//! assert_eq!(
//!     serde_json::to_string(&status)?,
//!     concat!(
//!         r#"{"code":4,"message":"request timed out","details":[{"#,
//!         r#""@type":"type.googleapis.com/google.rpc.ErrorInfo","#,
//!         r#""reason":"5","domain":"uni-request"}]}"#
//!     )
//! );
//! let entry = ChatAppLogEntry::new("AKfycbx-deployment", status, "onMessage");
//! assert_eq!(
//!     serde_json::to_string(&entry)?,
//!     concat!(
//!         r#"{"deployment":"AKfycbx-deployment","error":{"code":4,"message":"request timed out","details":[{"#,
//!         r#""@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"5","domain":"uni-request"}]},"#,
//!         r#""deploymentFunction":"onMessage"}"#
//!     )
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Mapping a uni error to a Status
//!
//! | Status | from the uni error |
//! |---|---|
//! | `code` | [`grpc_code`]: the error's [`StatusOverride`], else [`Code::from_errno`] of errCode (`UNKNOWN` when errCode is not an errno) |
//! | `message` | errMsg |
//! | `details[0]` | an `ErrorInfo`: `reason` = errCode in decimal (the errno, as a string), `domain` = errSubject, `metadata` = `{"cause": <the chain>}` when there is a cause |
//!
//! The chain in `metadata.cause` is the owned error's `{:#}` text without its
//! first line (that line is the error itself, already in `code`, `message`
//! and the `ErrorInfo`): one `caused by:` / `[i]` line per cause. It names
//! third-party SDKs and their codes; remove it
//! (`error_info_mut().metadata.clear()`) before sending a Status to an
//! untrusted client. `data` is not carried.
//!
//! The HTTP status of an error is [`http_status`]: the override's `http`,
//! else the standard grpc-gateway table of the code ([`Code::http_status`]).
//!
//! # Key order
//!
//! Status: `code`, `message`, `details`, then unknown keys; all three are
//! always written (a missing one reads as proto3's default: `0`, `""`, `[]`).
//! ErrorInfo: `@type`, `reason`, `domain`, `metadata` (omitted when empty),
//! then unknown keys. A detail of any other `@type` is kept as it was read.
//! ChatAppLogEntry: `deployment`, `error`, `deploymentFunction`, then
//! unknown keys.

use core::fmt;
use core::str::FromStr;

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::json::{kind, write_extra, Fields};
use crate::{AnyUniError, Errno, Error};

/// The `@type` of a `google.rpc.ErrorInfo` detail.
///
/// ```
/// use uni_error::google::{Detail, ErrorInfo, ERROR_INFO_TYPE};
/// assert_eq!(Detail::ErrorInfo(ErrorInfo::new("5", "uni-request")).type_url(), ERROR_INFO_TYPE);
/// ```
pub const ERROR_INFO_TYPE: &str = "type.googleapis.com/google.rpc.ErrorInfo";

/// The errSubject of a uni error made from a Status without `ErrorInfo`.
///
/// ```
/// use uni_error::google::{Code, Status, STATUS_SUBJECT};
/// assert_eq!(Status::new(Code::Internal, "boom").to_uni_error().subject(), STATUS_SUBJECT);
/// ```
pub const STATUS_SUBJECT: &str = "google.rpc";

macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident = $n:literal, $s:literal, $http:literal;)*) => {
        /// A canonical `google.rpc.Code` (0–16).
        ///
        /// ```
        /// use uni_error::google::Code;
        /// assert_eq!(Code::NotFound.value(), 5);
        /// assert_eq!(Code::NotFound.as_str(), "NOT_FOUND");
        /// assert_eq!("NOT_FOUND".parse::<Code>(), Ok(Code::NotFound));
        /// assert_eq!(Code::try_from(5), Ok(Code::NotFound));
        /// assert_eq!(Code::NotFound.http_status(), 404);
        /// assert_eq!(
        ///     Code::try_from(17).unwrap_err().to_string(),
        ///     "google.rpc.Code 17 is out of range: expected 0..=16"
        /// );
        /// ```
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(i32)]
        pub enum Code {
            $($(#[$doc])* $name = $n,)*
        }

        impl Code {
            /// Every code, in numeric order.
            ///
            /// ```
            /// use uni_error::google::Code;
            /// assert_eq!(Code::ALL[16], Code::Unauthenticated);
            /// ```
            pub const ALL: [Code; 17] = [$(Code::$name),*];

            /// The name as google.rpc spells it (`DEADLINE_EXCEEDED`).
            ///
            /// ```
            /// assert_eq!(uni_error::google::Code::DeadlineExceeded.as_str(), "DEADLINE_EXCEEDED");
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$name => $s,)*
                }
            }

            /// The HTTP status of the code, as grpc-gateway maps it.
            ///
            /// ```
            /// use uni_error::google::Code;
            /// assert_eq!(Code::Ok.http_status(), 200);
            /// assert_eq!(Code::Cancelled.http_status(), 499);
            /// assert_eq!(Code::Unauthenticated.http_status(), 401);
            /// ```
            pub const fn http_status(self) -> u16 {
                match self {
                    $(Code::$name => $http,)*
                }
            }
        }
    };
}

codes! {
    /// `0 OK`: not an error.
    Ok = 0, "OK", 200;
    /// `1 CANCELLED`: the caller cancelled.
    Cancelled = 1, "CANCELLED", 499;
    /// `2 UNKNOWN`.
    Unknown = 2, "UNKNOWN", 500;
    /// `3 INVALID_ARGUMENT`.
    InvalidArgument = 3, "INVALID_ARGUMENT", 400;
    /// `4 DEADLINE_EXCEEDED`.
    DeadlineExceeded = 4, "DEADLINE_EXCEEDED", 504;
    /// `5 NOT_FOUND`.
    NotFound = 5, "NOT_FOUND", 404;
    /// `6 ALREADY_EXISTS`.
    AlreadyExists = 6, "ALREADY_EXISTS", 409;
    /// `7 PERMISSION_DENIED`.
    PermissionDenied = 7, "PERMISSION_DENIED", 403;
    /// `8 RESOURCE_EXHAUSTED`.
    ResourceExhausted = 8, "RESOURCE_EXHAUSTED", 429;
    /// `9 FAILED_PRECONDITION`.
    FailedPrecondition = 9, "FAILED_PRECONDITION", 400;
    /// `10 ABORTED`.
    Aborted = 10, "ABORTED", 409;
    /// `11 OUT_OF_RANGE`.
    OutOfRange = 11, "OUT_OF_RANGE", 400;
    /// `12 UNIMPLEMENTED`.
    Unimplemented = 12, "UNIMPLEMENTED", 501;
    /// `13 INTERNAL`.
    Internal = 13, "INTERNAL", 500;
    /// `14 UNAVAILABLE`.
    Unavailable = 14, "UNAVAILABLE", 503;
    /// `15 DATA_LOSS`.
    DataLoss = 15, "DATA_LOSS", 500;
    /// `16 UNAUTHENTICATED`.
    Unauthenticated = 16, "UNAUTHENTICATED", 401;
}

impl Code {
    /// The numeric value (`DEADLINE_EXCEEDED` = 4).
    ///
    /// ```
    /// assert_eq!(uni_error::google::Code::DeadlineExceeded.value(), 4);
    /// ```
    pub const fn value(self) -> i32 {
        self as i32
    }

    /// The code of a number, if it is one of 0–16.
    ///
    /// ```
    /// use uni_error::google::Code;
    /// assert_eq!(Code::from_i64(14), Ok(Code::Unavailable));
    /// assert!(Code::from_i64(17).is_err());
    /// ```
    pub const fn from_i64(n: i64) -> Result<Code, CodeError> {
        if n >= 0 && n < Code::ALL.len() as i64 {
            Ok(Code::ALL[n as usize])
        } else {
            Err(CodeError::Number(n))
        }
    }

    /// The default code of an errno, for the general WeChat errnos:
    ///
    /// | errno | code |
    /// |---|---|
    /// | 0 ok | `OK` |
    /// | 1 cancel | `CANCELLED` |
    /// | 4 internal error | `INTERNAL` |
    /// | 5 time out | `DEADLINE_EXCEEDED` |
    /// | 100 jsapi not supported | `UNIMPLEMENTED` |
    /// | 101 jsapi invalid request data | `INVALID_ARGUMENT` |
    /// | 102–104 no permission, authorize denied / canceled | `PERMISSION_DENIED` |
    /// | 108–109 cgi failed for network issues / response null | `UNAVAILABLE` |
    /// | 111 oom occurs | `RESOURCE_EXHAUSTED` |
    /// | any other | `UNKNOWN` |
    ///
    /// A per-error [`StatusOverride`] chooses otherwise.
    ///
    /// ```
    /// use uni_error::{google::Code, Errno};
    /// assert_eq!(Code::from_errno(Errno::TIMEOUT), Code::DeadlineExceeded);
    /// assert_eq!(Code::from_errno(Errno::from_u32(1_500_102)?), Code::Unknown);
    /// # Ok::<(), uni_error::ErrnoError>(())
    /// ```
    pub const fn from_errno(errno: Errno) -> Code {
        match errno.get() {
            0 => Code::Ok,
            1 => Code::Cancelled,
            4 => Code::Internal,
            5 => Code::DeadlineExceeded,
            100 => Code::Unimplemented,
            101 => Code::InvalidArgument,
            102..=104 => Code::PermissionDenied,
            108 | 109 => Code::Unavailable,
            111 => Code::ResourceExhausted,
            _ => Code::Unknown,
        }
    }

    /// The general errno a code stands for, the inverse of
    /// [`from_errno`](Self::from_errno) where one exists (the first errno
    /// of a range: `PERMISSION_DENIED` → 102, `UNAVAILABLE` → 108).
    ///
    /// ```
    /// use uni_error::{google::Code, Errno};
    /// assert_eq!(Code::DeadlineExceeded.to_errno(), Some(Errno::TIMEOUT));
    /// assert_eq!(Code::NotFound.to_errno(), None);
    /// ```
    pub const fn to_errno(self) -> Option<Errno> {
        Some(match self {
            Code::Ok => Errno::OK,
            Code::Cancelled => Errno::CANCEL,
            Code::Internal => Errno::INTERNAL_ERROR,
            Code::DeadlineExceeded => Errno::TIMEOUT,
            Code::Unimplemented => Errno::JSAPI_NOT_SUPPORTED,
            Code::InvalidArgument => Errno::JSAPI_INVALID_REQUEST_DATA,
            Code::PermissionDenied => Errno::JSAPI_HAS_NO_PERMISSION,
            Code::Unavailable => Errno::CGI_FAILED_FOR_NETWORK_ISSUES,
            Code::ResourceExhausted => Errno::OOM_OCCURS,
            _ => return None,
        })
    }
}

impl fmt::Display for Code {
    /// The name (`NOT_FOUND`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<i32> for Code {
    type Error = CodeError;
    fn try_from(n: i32) -> Result<Code, CodeError> {
        Code::from_i64(n.into())
    }
}

impl From<Code> for i32 {
    fn from(c: Code) -> i32 {
        c.value()
    }
}

impl FromStr for Code {
    type Err = CodeError;
    /// Parses the exact name (`"NOT_FOUND"`).
    fn from_str(s: &str) -> Result<Code, CodeError> {
        Code::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| CodeError::Name(s.chars().take(40).collect()))
    }
}

impl Serialize for Code {
    /// The number, as `google.rpc.Status.code` is an `int32`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i32(self.value())
    }
}

impl<'de> Deserialize<'de> for Code {
    /// A number in 0..=16.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Code::from_i64(i64::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// Why a number or name is not a [`Code`].
///
/// ```
/// let err = "NOPE".parse::<uni_error::google::Code>().unwrap_err();
/// assert!(err.to_string().starts_with(r#""NOPE" is not a google.rpc.Code name: expected one of OK, CANCELLED,"#));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// A number outside 0..=16.
    Number(i64),
    /// A string that is not a code's name (its first 40 characters).
    Name(String),
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::Number(n) => {
                write!(f, "google.rpc.Code {n} is out of range: expected 0..=16")
            }
            CodeError::Name(s) => {
                write!(f, "{s:?} is not a google.rpc.Code name: expected one of ")?;
                for (i, c) in Code::ALL.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(c.as_str())?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for CodeError {}

/// A per-error choice of google.rpc code and HTTP status, returned by
/// [`UniError::status_override`](crate::UniError::status_override). A
/// `None` part keeps the default; an HTTP status left `None` follows the
/// (possibly overridden) code.
///
/// ```
/// use uni_error::google::{Code, StatusOverride};
/// let o = StatusOverride { grpc: Some(Code::NotFound), http: Some(410) };
/// assert_eq!(o.http, Some(410));
/// ```
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct StatusOverride {
    /// The google.rpc code to use instead of [`Code::from_errno`].
    pub grpc: Option<Code>,
    /// The HTTP status to use instead of [`Code::http_status`].
    pub http: Option<u16>,
}

/// The google.rpc code of an error: its [`StatusOverride`], else
/// [`Code::from_errno`] of errCode, else (errCode is not an errno) `UNKNOWN`.
///
/// ```
/// use uni_error::{google::{self, Code}, Error};
/// assert_eq!(google::grpc_code(&Error::new("uni-request", 108, "offline")), Code::Unavailable);
/// assert_eq!(google::grpc_code(&Error::new("csj", -404012, "no fill")), Code::Unknown);
/// ```
pub fn grpc_code(error: &(impl AnyUniError + ?Sized)) -> Code {
    code_of(error.wire_status_override(), || error.to_wire().errno())
}

/// [`grpc_code`] from its parts, so a caller that already has the wire form
/// does not build it twice.
fn code_of(over: Option<StatusOverride>, errno: impl FnOnce() -> Option<Errno>) -> Code {
    over.and_then(|o| o.grpc)
        .unwrap_or_else(|| errno().map_or(Code::Unknown, Code::from_errno))
}

/// The HTTP status of an error: its [`StatusOverride`]'s `http`, else
/// [`Code::http_status`] of [`grpc_code`].
///
/// ```
/// use uni_error::{google, Error};
/// assert_eq!(google::http_status(&Error::new("uni-getLocation", 103, "auth deny")), 403);
/// ```
pub fn http_status(error: &(impl AnyUniError + ?Sized)) -> u16 {
    let over = error.wire_status_override().and_then(|o| o.http);
    over.unwrap_or_else(|| grpc_code(error).http_status())
}

/// A `google.rpc.ErrorInfo` detail: `reason`, `domain`, string `metadata`.
///
/// ```
/// use uni_error::google::ErrorInfo;
/// let info = ErrorInfo::new("1504003", "uni-login");
/// assert_eq!(
///     serde_json::to_string(&info)?,
///     r#"{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"1504003","domain":"uni-login"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorInfo {
    /// The reason; for a uni error, errCode in decimal.
    pub reason: String,
    /// The domain; for a uni error, errSubject.
    pub domain: String,
    /// String metadata, in order.
    pub metadata: Vec<(String, String)>,
    extra: Vec<(String, Value)>,
}

impl ErrorInfo {
    /// An ErrorInfo without metadata.
    ///
    /// ```
    /// let info = uni_error::google::ErrorInfo::new("5", "uni-request");
    /// assert_eq!((info.reason.as_str(), info.domain.as_str()), ("5", "uni-request"));
    /// ```
    pub fn new(reason: impl Into<String>, domain: impl Into<String>) -> Self {
        ErrorInfo {
            reason: reason.into(),
            domain: domain.into(),
            metadata: Vec::new(),
            extra: Vec::new(),
        }
    }

    /// The value of one metadata key.
    ///
    /// ```
    /// use uni_error::google::ErrorInfo;
    /// let mut info = ErrorInfo::new("5", "uni-request");
    /// info.metadata.push(("cause".into(), "caused by: dns".into()));
    /// assert_eq!(info.metadata_get("cause"), Some("caused by: dns"));
    /// ```
    pub fn metadata_get(&self, key: &str) -> Option<&str> {
        self.metadata
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Keys other than `@type`, reason, domain and metadata, in input order.
    ///
    /// ```
    /// use uni_error::google::Status;
    /// let s: Status = serde_json::from_str(r#"{"code":1,"details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"1","domain":"d","x":1}]}"#)?;
    /// assert_eq!(s.error_info().unwrap().extra()[0].0, "x");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn extra(&self) -> &[(String, Value)] {
        &self.extra
    }

    fn from_fields<E: serde::de::Error>(mut f: Fields) -> Result<Self, E> {
        let reason = f.string("reason")?.unwrap_or_default();
        let domain = f.string("domain")?.unwrap_or_default();
        let mut metadata = Vec::new();
        if let Some(m) = f.object("metadata", "an object of strings")? {
            for (k, v) in m.rest() {
                match v {
                    Value::String(s) => metadata.push((k, s)),
                    other => {
                        return Err(f.error(format_args!(
                            "`metadata.{k}` must be a string, found {}",
                            kind(&other)
                        )))
                    }
                }
            }
        }
        Ok(ErrorInfo {
            reason,
            domain,
            metadata,
            extra: f.rest(),
        })
    }
}

impl Serialize for ErrorInfo {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = 3 + usize::from(!self.metadata.is_empty()) + self.extra.len();
        let mut map = serializer.serialize_map(Some(len))?;
        map.serialize_entry("@type", ERROR_INFO_TYPE)?;
        map.serialize_entry("reason", &self.reason)?;
        map.serialize_entry("domain", &self.domain)?;
        if !self.metadata.is_empty() {
            map.serialize_entry("metadata", &Metadata(&self.metadata))?;
        }
        write_extra(&mut map, &self.extra)?;
        map.end()
    }
}

struct Metadata<'a>(&'a [(String, String)]);

impl Serialize for Metadata<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// One entry of `details`: an [`ErrorInfo`], or any other detail kept as
/// the object it was (with its `@type`).
///
/// ```
/// use uni_error::google::{Detail, Status};
/// let s: Status = serde_json::from_str(r#"{"code":14,"details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"2s"}]}"#)?;
/// let Detail::Other(retry) = &s.details()[0] else { panic!("not an ErrorInfo") };
/// assert_eq!(retry["retryDelay"], "2s");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    /// `type.googleapis.com/google.rpc.ErrorInfo`.
    ErrorInfo(ErrorInfo),
    /// A detail of another `@type`, as read.
    Other(Map<String, Value>),
}

impl Detail {
    /// The `@type` URL.
    ///
    /// ```
    /// use uni_error::google::{Detail, ErrorInfo};
    /// let d = Detail::ErrorInfo(ErrorInfo::new("5", "uni-request"));
    /// assert_eq!(d.type_url(), "type.googleapis.com/google.rpc.ErrorInfo");
    /// ```
    pub fn type_url(&self) -> &str {
        match self {
            Detail::ErrorInfo(_) => ERROR_INFO_TYPE,
            Detail::Other(m) => m.get("@type").and_then(Value::as_str).unwrap_or_default(),
        }
    }

    fn from_value<E: serde::de::Error>(v: Value) -> Result<Self, E> {
        const WHAT: &str = r#"a google.rpc.Status detail {"@type", ...}"#;
        let mut f = Fields::of::<E>(v, WHAT)?;
        let type_url = f
            .string::<E>("@type")?
            .ok_or_else(|| f.error("missing field `@type`"))?;
        if type_url == ERROR_INFO_TYPE {
            return ErrorInfo::from_fields(f).map(Detail::ErrorInfo);
        }
        let mut map = Map::new();
        map.insert("@type".to_owned(), Value::String(type_url));
        map.extend(f.rest());
        Ok(Detail::Other(map))
    }
}

impl Serialize for Detail {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Detail::ErrorInfo(info) => info.serialize(serializer),
            Detail::Other(map) => map.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Detail {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Detail::from_value(crate::json::strict_value(d)?)
    }
}

const STATUS_WHAT: &str = "a google.rpc.Status {code, message, details}";

/// A `google.rpc.Status`: `{"code", "message", "details"}`. See the
/// [module docs](self) for the mapping and the key order.
///
/// ```
/// use uni_error::google::{Code, Status};
///
/// let s = r#"{"code":5,"message":"no such order","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"1007","domain":"uni-pay"},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"2s"}]}"#;
/// let status: Status = serde_json::from_str(s)?;
/// assert_eq!(status.code(), Code::NotFound);
/// assert_eq!(status.details()[1].type_url(), "type.googleapis.com/google.rpc.RetryInfo");
/// assert_eq!(serde_json::to_string(&status)?, s);
///
/// let uni = status.to_uni_error();
/// assert_eq!((uni.subject(), uni.code(), uni.message()), ("uni-pay", 1007, "no such order"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    code: Code,
    message: String,
    details: Vec<Detail>,
    extra: Vec<(String, Value)>,
}

impl Status {
    /// A status without details.
    ///
    /// ```
    /// use uni_error::google::{Code, Detail, ErrorInfo, Status};
    /// let s = Status::new(Code::NotFound, "no such order");
    /// assert_eq!(serde_json::to_string(&s)?, r#"{"code":5,"message":"no such order","details":[]}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Status {
            code,
            message: message.into(),
            details: Vec::new(),
            extra: Vec::new(),
        }
    }

    /// Appends a detail.
    ///
    /// ```
    /// use uni_error::google::{Code, Detail, ErrorInfo, Status};
    /// let s = Status::new(Code::NotFound, "m").with_detail(Detail::ErrorInfo(ErrorInfo::new("1007", "uni-pay")));
    /// assert_eq!(s.error_info().map(|i| i.domain.as_str()), Some("uni-pay"));
    /// ```
    #[must_use]
    pub fn with_detail(mut self, detail: Detail) -> Self {
        self.details.push(detail);
        self
    }

    /// The Status of any uni error; see the
    /// [module docs](self#mapping-a-uni-error-to-a-status).
    ///
    /// ```
    /// use uni_error::{google::Status, Error, SourceError};
    ///
    /// let err = Error::new("uni-ad", 1_416_601, "no ad could be shown")
    ///     .with_cause(SourceError::new("no fill").with_subject("csj").with_code(-404012));
    /// let status = Status::from_uni(&err);
    /// assert_eq!(status.code().as_str(), "UNKNOWN");
    /// assert_eq!(
    ///     status.error_info().and_then(|i| i.metadata_get("cause")),
    ///     Some("caused by: csj -404012: no fill")
    /// );
    /// ```
    pub fn from_uni(error: &(impl AnyUniError + ?Sized)) -> Self {
        let wire = error.to_wire();
        let mut info = ErrorInfo::new(wire.code().to_string(), wire.subject());
        if wire.cause().is_some() {
            let text = format!("{:#}", &*wire);
            if let Some((_, below)) = text.split_once('\n') {
                info.metadata.push(("cause".to_owned(), below.to_owned()));
            }
        }
        let code = code_of(error.wire_status_override(), || wire.errno());
        Status::new(code, wire.message()).with_detail(Detail::ErrorInfo(info))
    }

    /// The uni error a Status stands for: from its first `ErrorInfo`,
    /// errSubject = `domain` and errCode = `reason` when it is an integer;
    /// errMsg = `message`. Without an `ErrorInfo` (or with a non-numeric
    /// reason) errCode is [`Code::to_errno`] of the code, else `-1` (not an
    /// errno), and without one errSubject is [`STATUS_SUBJECT`]. Metadata and
    /// other details are not carried over.
    ///
    /// ```
    /// use uni_error::google::{Code, Status};
    /// let uni = Status::new(Code::DeadlineExceeded, "too slow").to_uni_error();
    /// assert_eq!((uni.subject(), uni.code()), ("google.rpc", 5));
    /// ```
    pub fn to_uni_error(&self) -> Error {
        let info = self.error_info();
        let fallback = self.code.to_errno().map_or(-1, i64::from);
        let code = info
            .and_then(|i| i.reason.parse::<i64>().ok())
            .unwrap_or(fallback);
        let subject = info.map_or(STATUS_SUBJECT, |i| i.domain.as_str());
        Error::new(subject, code, self.message.clone())
    }

    /// `code`.
    ///
    /// ```
    /// use uni_error::google::{Code, Detail, ErrorInfo, Status};
    /// assert_eq!(Status::new(Code::Aborted, "m").code(), Code::Aborted);
    /// ```
    pub fn code(&self) -> Code {
        self.code
    }

    /// `message`.
    ///
    /// ```
    /// use uni_error::google::{Code, Detail, ErrorInfo, Status};
    /// assert_eq!(Status::new(Code::Aborted, "retry").message(), "retry");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// `details`, in order.
    ///
    /// ```
    /// use uni_error::google::{Code, Detail, ErrorInfo, Status};
    /// assert!(Status::new(Code::Aborted, "m").details().is_empty());
    /// ```
    pub fn details(&self) -> &[Detail] {
        &self.details
    }

    /// The first `ErrorInfo` detail, if any.
    ///
    /// ```
    /// use uni_error::google::{Code, Detail, ErrorInfo, Status};
    /// let s = Status::new(Code::Aborted, "m").with_detail(Detail::ErrorInfo(ErrorInfo::new("10", "uni-x")));
    /// assert_eq!(s.error_info().map(|i| i.reason.as_str()), Some("10"));
    /// ```
    pub fn error_info(&self) -> Option<&ErrorInfo> {
        self.details.iter().find_map(|d| match d {
            Detail::ErrorInfo(i) => Some(i),
            Detail::Other(_) => None,
        })
    }

    /// The first `ErrorInfo` detail, to edit (drop the `cause` metadata
    /// before showing a Status to an untrusted client).
    ///
    /// ```
    /// use uni_error::{google::Status, Error, SourceError};
    /// let err = Error::new("uni-pay", 700001, "payment failed").with_cause(SourceError::new("db down"));
    /// let mut status = Status::from_uni(&err);
    /// if let Some(info) = status.error_info_mut() {
    ///     info.metadata.clear();
    /// }
    /// assert!(!serde_json::to_string(&status)?.contains("db down"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn error_info_mut(&mut self) -> Option<&mut ErrorInfo> {
        self.details.iter_mut().find_map(|d| match d {
            Detail::ErrorInfo(i) => Some(i),
            Detail::Other(_) => None,
        })
    }

    /// Keys other than code, message and details, in input order.
    ///
    /// ```
    /// use uni_error::google::Status;
    /// let s: Status = serde_json::from_str(r#"{"code":1,"traceId":"t-1"}"#)?;
    /// assert_eq!(s.extra()[0].0, "traceId");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn extra(&self) -> &[(String, Value)] {
        &self.extra
    }

    fn from_fields<E: serde::de::Error>(mut f: Fields) -> Result<Self, E> {
        let code = match f.int::<E>("code")? {
            None => Code::Ok,
            Some(n) => Code::from_i64(n).map_err(|e| f.error(format_args!("`code`: {e}")))?,
        };
        let message = f.string("message")?.unwrap_or_default();
        let details = match f.value("details") {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .into_iter()
                .enumerate()
                .map(|(i, item)| {
                    Detail::from_value::<E>(item)
                        .map_err(|e| E::custom(format_args!("{e} at `details[{i}]`")))
                })
                .collect::<Result<_, E>>()?,
            Some(other) => {
                return Err(f.error(format_args!(
                    "`details` must be an array, found {}",
                    kind(&other)
                )))
            }
        };
        Ok(Status {
            code,
            message,
            details,
            extra: f.rest(),
        })
    }
}

impl From<&Status> for Error {
    fn from(s: &Status) -> Error {
        s.to_uni_error()
    }
}

impl fmt::Display for Status {
    /// `CODE: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for Status {}

impl Serialize for Status {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3 + self.extra.len()))?;
        map.serialize_entry("code", &self.code)?;
        map.serialize_entry("message", &self.message)?;
        map.serialize_entry("details", &self.details)?;
        write_extra(&mut map, &self.extra)?;
        map.end()
    }
}

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Status::from_fields(Fields::read(d, STATUS_WHAT)?)
    }
}

/// A `ChatAppLogEntry`: `{"deployment", "error": Status,
/// "deploymentFunction"}`, the record an error log line carries.
///
/// ```
/// use uni_error::google::ChatAppLogEntry;
/// let s = r#"{"deployment":"d-1","error":{"code":13,"message":"boom","details":[]},"deploymentFunction":"onEvent"}"#;
/// let entry: ChatAppLogEntry = serde_json::from_str(s)?;
/// assert_eq!(entry.error.message(), "boom");
/// assert_eq!(serde_json::to_string(&entry)?, s);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ChatAppLogEntry {
    /// The deployment that caused the error.
    pub deployment: String,
    /// The error.
    pub error: Status,
    /// The callback that was running (`deploymentFunction`).
    pub deployment_function: String,
    extra: Vec<(String, Value)>,
}

impl ChatAppLogEntry {
    /// A log entry.
    ///
    /// ```
    /// use uni_error::google::{ChatAppLogEntry, Code, Status};
    /// let entry = ChatAppLogEntry::new("d-1", Status::new(Code::Internal, "boom"), "onEvent");
    /// assert_eq!(entry.deployment_function, "onEvent");
    /// ```
    pub fn new(
        deployment: impl Into<String>,
        error: Status,
        deployment_function: impl Into<String>,
    ) -> Self {
        ChatAppLogEntry {
            deployment: deployment.into(),
            error,
            deployment_function: deployment_function.into(),
            extra: Vec::new(),
        }
    }

    /// The log entry of any uni error ([`Status::from_uni`]).
    ///
    /// ```
    /// use uni_error::{google::ChatAppLogEntry, Error};
    /// let entry = ChatAppLogEntry::from_uni("d-1", &Error::new("uni-push", 1, "cancelled"), "onPush");
    /// assert_eq!(entry.error.code().as_str(), "CANCELLED");
    /// ```
    pub fn from_uni(
        deployment: impl Into<String>,
        error: &(impl AnyUniError + ?Sized),
        deployment_function: impl Into<String>,
    ) -> Self {
        ChatAppLogEntry::new(deployment, Status::from_uni(error), deployment_function)
    }

    /// Keys other than deployment, error and deploymentFunction, in input
    /// order.
    ///
    /// ```
    /// use uni_error::google::ChatAppLogEntry;
    /// let e: ChatAppLogEntry = serde_json::from_str(r#"{"error":{},"severity":"ERROR"}"#)?;
    /// assert_eq!(e.extra()[0].0, "severity");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn extra(&self) -> &[(String, Value)] {
        &self.extra
    }
}

impl Serialize for ChatAppLogEntry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3 + self.extra.len()))?;
        map.serialize_entry("deployment", &self.deployment)?;
        map.serialize_entry("error", &self.error)?;
        map.serialize_entry("deploymentFunction", &self.deployment_function)?;
        write_extra(&mut map, &self.extra)?;
        map.end()
    }
}

impl<'de> Deserialize<'de> for ChatAppLogEntry {
    /// `error` is required; a missing `deployment` or `deploymentFunction`
    /// reads as `""` (proto3's default).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        const WHAT: &str = "a ChatAppLogEntry {deployment, error, deploymentFunction}";
        let mut f = Fields::read(d, WHAT)?;
        let deployment = f.string("deployment")?.unwrap_or_default();
        let error = match f.object("error", STATUS_WHAT)? {
            Some(status) => Status::from_fields(status)?,
            None => return Err(f.error("missing field `error`")),
        };
        let deployment_function = f.string("deploymentFunction")?.unwrap_or_default();
        Ok(ChatAppLogEntry {
            deployment,
            error,
            deployment_function,
            extra: f.rest(),
        })
    }
}
