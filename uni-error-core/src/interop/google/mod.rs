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
//! | `code` | [`grpc_code`](crate::status::grpc_code): the error's [`StatusOverride`](crate::status::StatusOverride), else [`Code::from_errno`] of errCode (`UNKNOWN` when errCode is not an errno) |
//! | `message` | errMsg |
//! | `details[0]` | an `ErrorInfo` (AIP-193): `reason` = the variant's name in UPPER_SNAKE_CASE (`NfcUnavailable` → `NFC_UNAVAILABLE`, a struct's type name; `#[status(reason = "..")]` overrides; checked at compile time to be at most 63 characters and unique per errSubject), `domain` = errSubject (`#[status(domain = "..")]` on the type overrides), `metadata` = each field the message names, under its lowerCamel name (`order_id` → `orderId`, `.0` → `arg0`) and written as `Display` shows it (`Debug` for `{x:?}`), then `errCode` (decimal), then `cause` (the chain) when there is one |
//! | `details[1]` | with [`Status::from_uni_in`] and a type with `#[locales]`: a [`LocalizedMessage`] in the best match for the requested language |
//!
//! The owned [`Error`] has no variant: its `reason` is errCode in decimal,
//! as 0.2 wrote every reason, and its `metadata` only the `cause`. Reading
//! back ([`Status::to_uni`]), errCode comes from `metadata.errCode`, else
//! from a decimal `reason`: statuses written by 0.2 read as before.
//! `ErrorInfo.metadata` of a derived error needs the `google` feature of
//! `uni_error` when the type is compiled (it turns on the derive's part),
//! and is left out for generic types and fields without `Display`/`Debug`.
//!
//! The chain in `metadata.cause` is the owned error's `{:#}` text without its
//! first line (that line is the error itself, already in `code`, `message`
//! and the `ErrorInfo`): one `caused by:` / `[i]` line per cause. It names
//! third-party SDKs and their codes; remove it
//! (`error_info_mut().metadata.clear()`) before sending a Status to an
//! untrusted client. `data` is not carried.
//!
//! The HTTP status of an error is [`http_status`](crate::status::http_status): the override's `http`,
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

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::interop::fields::{write_extra, Fields};
use crate::value::error_trait::GoogleFacts;
use crate::value::status::{code_of, Code};
use crate::Json;
use crate::{AnyUniError, Error};

mod chat_log;
mod detail;
mod localized;

pub use chat_log::ChatAppLogEntry;
pub use detail::{Detail, ErrorInfo};
pub use localized::{LocalizedMessage, LOCALIZED_MESSAGE_TYPE};

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
/// use uni_error::google::{Status, STATUS_SUBJECT};
/// use uni_error::status::Code;
/// assert_eq!(Status::new(Code::Internal, "boom").to_uni().err_subject(), STATUS_SUBJECT);
/// ```
pub const STATUS_SUBJECT: &str = "google.rpc";

pub(super) const STATUS_WHAT: &str = "a google.rpc.Status {code, message, details}";

/// A `google.rpc.Status`: `{"code", "message", "details"}`. See the
/// [module docs](self) for the mapping and the key order.
///
/// ```
/// use uni_error::google::Status;
/// use uni_error::status::Code;
///
/// let s = r#"{"code":5,"message":"no such order","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"1007","domain":"uni-pay"},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"2s"}]}"#;
/// let status: Status = serde_json::from_str(s)?;
/// assert_eq!(status.code(), Code::NotFound);
/// assert_eq!(status.details()[1].type_url(), "type.googleapis.com/google.rpc.RetryInfo");
/// assert_eq!(serde_json::to_string(&status)?, s);
///
/// let uni = status.to_uni();
/// assert_eq!((uni.err_subject(), uni.code(), uni.message()), ("uni-pay", 1007, "no such order"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    code: Code,
    message: String,
    details: Vec<Detail>,
    extra: Vec<(String, Json)>,
}

impl Status {
    /// A status without details.
    ///
    /// ```
    /// use uni_error::google::{Detail, ErrorInfo, Status};
    /// use uni_error::status::Code;
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
    /// use uni_error::google::{Detail, ErrorInfo, Status};
    /// use uni_error::status::Code;
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
        Status::from_facts(error, error.wire_google(None))
    }

    /// [`from_uni`](Self::from_uni) for a client that asked for the
    /// language `tag`: `message` stays the default language (AIP-193:
    /// developer-facing), and a typed error whose type declares
    /// `#[locales(..)]` gets a second detail, a [`LocalizedMessage`] with
    /// the message in the best match for `tag` (the default when none
    /// matches) and the declared tag it is written in. The owned
    /// [`Error`] has one message in an unknown language: no detail.
    ///
    /// ```
    /// use uni_error::google::{Detail, Status};
    /// use uni_error::UniError;
    ///
    /// #[derive(Debug, UniError)]
    /// #[subject("uni-pay")]
    /// #[errno(category = 7, sub = 0, code = 4)]
    /// #[locales("en", "zh-Hans")]
    /// #[msg("no such order: {order_id}")]
    /// #[locale(zh_Hans = "订单不存在：{order_id}")]
    /// struct NoOrder { order_id: u64 }
    ///
    /// let status = Status::from_uni_in(&NoOrder { order_id: 7 }, "zh-CN");
    /// assert_eq!(
    ///     serde_json::to_string(&status)?,
    ///     concat!(
    ///         r#"{"code":2,"message":"no such order: 7","details":["#,
    ///         r#"{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"NO_ORDER","domain":"uni-pay","#,
    ///         r#""metadata":{"orderId":"7","errCode":"700004"}},"#,
    ///         r#"{"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":"zh-Hans","message":"订单不存在：7"}]}"#
    ///     )
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn from_uni_in(error: &(impl AnyUniError + ?Sized), tag: &str) -> Self {
        Status::from_facts(error, error.wire_google(Some(tag)))
    }

    fn from_facts(error: &(impl AnyUniError + ?Sized), facts: GoogleFacts) -> Self {
        let wire = error.to_wire();
        let domain = facts.domain.unwrap_or(wire.err_subject());
        let mut info = match facts.reason {
            Some(reason) => ErrorInfo::new(reason, domain),
            // No variant to name: errCode in decimal, as 0.2 wrote it.
            None => ErrorInfo::new(wire.code().to_string(), domain),
        };
        info.metadata.extend(
            facts
                .fields
                .into_iter()
                .map(|(key, value)| (key.to_owned(), value)),
        );
        if facts.reason.is_some() {
            info.metadata
                .push(("errCode".to_owned(), wire.code().to_string()));
        }
        if wire.cause().is_some() {
            let text = format!("{:#}", &*wire);
            if let Some((_, below)) = text.split_once('\n') {
                info.metadata.push(("cause".to_owned(), below.to_owned()));
            }
        }
        let code = code_of(error.wire_status_override(), || wire.errno());
        let mut status = Status::new(code, wire.message()).with_detail(Detail::ErrorInfo(info));
        if let Some((locale, message)) = facts.localized {
            status = status.with_detail(Detail::LocalizedMessage(LocalizedMessage::new(
                locale, message,
            )));
        }
        status
    }

    /// The first `LocalizedMessage` detail, if any.
    ///
    /// ```
    /// use uni_error::google::{Detail, LocalizedMessage, Status};
    /// use uni_error::status::Code;
    /// let s = Status::new(Code::Aborted, "retry")
    ///     .with_detail(Detail::LocalizedMessage(LocalizedMessage::new("zh-Hans", "请重试")));
    /// assert_eq!(s.localized_message().map(|m| m.message.as_str()), Some("请重试"));
    /// ```
    pub fn localized_message(&self) -> Option<&LocalizedMessage> {
        self.details.iter().find_map(|d| match d {
            Detail::LocalizedMessage(m) => Some(m),
            _ => None,
        })
    }

    /// The uni error a Status stands for: from its first `ErrorInfo`,
    /// errSubject = `domain` and errCode = `metadata.errCode` (what
    /// [`from_uni`](Self::from_uni) writes beside a named `reason`), else
    /// `reason` when it is an integer (as 0.2 wrote it); errMsg =
    /// `message`. Without either, errCode is [`Code::to_errno`] of the
    /// code, else `-1` (not an errno), and without an `ErrorInfo`
    /// errSubject is [`STATUS_SUBJECT`]. The rest of the metadata and the
    /// other details are not carried over (a [`LocalizedMessage`] is read
    /// with [`localized_message`](Self::localized_message)).
    ///
    /// ```
    /// use uni_error::google::Status;
    /// use uni_error::status::Code;
    /// let uni = Status::new(Code::DeadlineExceeded, "too slow").to_uni();
    /// assert_eq!((uni.err_subject(), uni.code()), ("google.rpc", 5));
    /// ```
    pub fn to_uni(&self) -> Error {
        let info = self.error_info();
        let fallback = self.code.to_errno().map_or(-1, i64::from);
        let code = info
            .and_then(|i| {
                let code = i
                    .metadata_get("errCode")
                    .and_then(|c| c.parse::<i64>().ok());
                code.or_else(|| i.reason.parse::<i64>().ok())
            })
            .unwrap_or(fallback);
        let subject = info.map_or(STATUS_SUBJECT, |i| i.domain.as_str());
        Error::new(subject, code, self.message.clone())
    }

    /// `code`.
    ///
    /// ```
    /// use uni_error::google::{Detail, ErrorInfo, Status};
    /// use uni_error::status::Code;
    /// assert_eq!(Status::new(Code::Aborted, "m").code(), Code::Aborted);
    /// ```
    pub fn code(&self) -> Code {
        self.code
    }

    /// `message`.
    ///
    /// ```
    /// use uni_error::google::{Detail, ErrorInfo, Status};
    /// use uni_error::status::Code;
    /// assert_eq!(Status::new(Code::Aborted, "retry").message(), "retry");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// `details`, in order.
    ///
    /// ```
    /// use uni_error::google::{Detail, ErrorInfo, Status};
    /// use uni_error::status::Code;
    /// assert!(Status::new(Code::Aborted, "m").details().is_empty());
    /// ```
    pub fn details(&self) -> &[Detail] {
        &self.details
    }

    /// The first `ErrorInfo` detail, if any.
    ///
    /// ```
    /// use uni_error::google::{Detail, ErrorInfo, Status};
    /// use uni_error::status::Code;
    /// let s = Status::new(Code::Aborted, "m").with_detail(Detail::ErrorInfo(ErrorInfo::new("10", "uni-x")));
    /// assert_eq!(s.error_info().map(|i| i.reason.as_str()), Some("10"));
    /// ```
    pub fn error_info(&self) -> Option<&ErrorInfo> {
        self.details.iter().find_map(|d| match d {
            Detail::ErrorInfo(i) => Some(i),
            _ => None,
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
            _ => None,
        })
    }

    /// The message and the details, to edit in place: `tonic` cuts the
    /// longest texts of a Status to fit a gRPC trailer.
    #[cfg(feature = "tonic")]
    pub(crate) fn message_and_details_mut(&mut self) -> (&mut String, &mut [Detail]) {
        (&mut self.message, &mut self.details)
    }

    /// Keys other than code, message and details, in input order.
    ///
    /// ```
    /// use uni_error::google::Status;
    /// let s: Status = serde_json::from_str(r#"{"code":1,"traceId":"t-1"}"#)?;
    /// assert_eq!(s.extra()[0].0, "traceId");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn extra(&self) -> &[(String, Json)] {
        &self.extra
    }

    fn from_fields<E: serde::de::Error>(mut f: Fields) -> Result<Self, E> {
        let code = match f.int::<E>("code")? {
            None => Code::Ok,
            Some(n) => Code::from_i64(n).map_err(|e| f.error(format_args!("`code`: {e}")))?,
        };
        let message = f.string("message")?.unwrap_or_default();
        let details = match f.array::<E>("details")? {
            None => Vec::new(),
            Some(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, item)| {
                    Detail::from_value::<E>(item)
                        .map_err(|e| E::custom(format_args!("{e} at `details[{i}]`")))
                })
                .collect::<Result<_, E>>()?,
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
        s.to_uni()
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
