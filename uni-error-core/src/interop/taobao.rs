//! Taobao Open Platform (TOP) errors: v2 `{"error_response": {...}}` and
//! v1 `{"error_rsp": {...}}`, and back (SPEC §5).
//!
//! ```
//! use uni_error::taobao::TopError;
//!
//! let seed = r#"{"error_response":{"args":{"arg":[{"key":"method","value":"taobao.item.get"}]},"code":530,"msg":"Remote service error","sub_code":"missing-parameter","sub_msg":"iid和num_iid至少要传入一个"}}"#;
//! let err: TopError = serde_json::from_str(seed)?;
//! assert_eq!(err.code(), 530);
//! assert_eq!(err.sub_code(), Some("missing-parameter"));
//! assert_eq!(serde_json::to_string(&err)?, seed);
//!
//! let v1: TopError = serde_json::from_str(
//!     r#"{"error_rsp":{"code":40,"msg":"Missing required arguments:missing parameter iid/num_iid"}}"#,
//! )?;
//! assert!(v1.is_platform_level());
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Mapping a uni error to TOP
//!
//! TOP's `code` is coarse (below 200 a platform-level error of the gateway,
//! 200–1000 a business-level error naming the class of API that failed) and
//! its `msg` "in general cannot be used for debugging on its own": the
//! precise reason is `sub_code` / `sub_msg`. A uni error is always a
//! business error of the service behind the gateway, and its errno says
//! precisely what failed, so [`TopError::from_uni`] writes:
//!
//! | TOP | from the uni error |
//! |---|---|
//! | `code` | [`BUSINESS_CODE`] `530`, the seed's own business-level example |
//! | `msg` | [`BUSINESS_MSG`] `"Remote service error"`, its message |
//! | `sub_code` | `<errSubject>.<errCode>` (`uni-login.1504003`, `uni-login::weixin.1416601`) |
//! | `sub_msg` | errMsg |
//!
//! `sub_code` keeps errSubject as it is and the errno in digits rather than
//! inventing a kebab-case name (`missing-parameter`), which a uni error does
//! not have: the pair is unique per error, stable, and reads back exactly
//! (the code is after the last `.`). [`TopError::to_uni`] inverts
//! that; a TOP error whose `sub_code` is not of that form (a real gateway
//! error) becomes errSubject [`TOP_SUBJECT`], errCode `-1` (not an errno),
//! errMsg `sub_msg` (else `msg`), with the TOP `code`, `msg` and `sub_code`
//! kept as its cause.
//!
//! # Key order
//!
//! Inside `error_response` / `error_rsp`: `args`?, `code`, `msg`,
//! `sub_code`?, `sub_msg`?, `request_id`?, then unknown keys; unknown keys
//! beside `error_response` follow it. Optional keys are omitted when absent.

use core::fmt;

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::interop::fields::{write_extra, Fields};
use crate::Json;
use crate::{AnyUniError, Error, SourceError};

/// The business-level `code` of a uni error in TOP form.
///
/// ```
/// use uni_error::{taobao::{TopError, BUSINESS_CODE}, Error};
/// assert_eq!(TopError::from_uni(&Error::new("uni-x", 5, "m")).code(), BUSINESS_CODE);
/// ```
pub const BUSINESS_CODE: i64 = 530;

/// The `msg` of [`BUSINESS_CODE`].
///
/// ```
/// use uni_error::{taobao::{TopError, BUSINESS_MSG}, Error};
/// assert_eq!(TopError::from_uni(&Error::new("uni-x", 5, "m")).msg(), BUSINESS_MSG);
/// ```
pub const BUSINESS_MSG: &str = "Remote service error";

/// The errSubject of a uni error made from a TOP error that did not come
/// from a uni error.
///
/// ```
/// use uni_error::taobao::{TopError, TOP_SUBJECT};
/// assert_eq!(TopError::new(27, "Invalid session").to_uni().err_subject(), TOP_SUBJECT);
/// ```
pub const TOP_SUBJECT: &str = "taobao-top";

/// Which TOP protocol an error object belongs to.
///
/// ```
/// use uni_error::taobao::{TopError, TopVersion};
/// let v1: TopError = serde_json::from_str(r#"{"error_rsp":{"code":40,"msg":"m"}}"#)?;
/// assert_eq!(v1.version(), TopVersion::V1);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum TopVersion {
    /// 1.0: `{"error_rsp": {"code", "msg"}}`.
    V1,
    /// 2.0: `{"error_response": {"args"?, "code", "msg", "sub_code", "sub_msg"}}`.
    V2,
}

impl TopVersion {
    /// The wrapping key: `error_rsp` or `error_response`.
    ///
    /// ```
    /// assert_eq!(uni_error::taobao::TopVersion::V2.key(), "error_response");
    /// ```
    pub const fn key(self) -> &'static str {
        match self {
            TopVersion::V1 => "error_rsp",
            TopVersion::V2 => "error_response",
        }
    }
}

/// A TOP error response, v1 or v2, read and written exactly. See the
/// [module docs](self) for the mapping and the key order.
///
/// ```
/// use uni_error::taobao::TopError;
/// let err = TopError::new(27, "Invalid session").with_sub("invalid-sessionkey", "SessionKey非法");
/// assert_eq!(
///     serde_json::to_string(&err)?,
///     r#"{"error_response":{"code":27,"msg":"Invalid session","sub_code":"invalid-sessionkey","sub_msg":"SessionKey非法"}}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct TopError {
    version: TopVersion,
    code: i64,
    msg: String,
    sub_code: Option<String>,
    sub_msg: Option<String>,
    args: Option<Json>,
    request_id: Option<String>,
    extra: Vec<(String, Json)>,
    outer_extra: Vec<(String, Json)>,
}

impl TopError {
    /// A v2 error with `code` and `msg`.
    ///
    /// ```
    /// use uni_error::taobao::{TopError, TopVersion};
    /// let e = TopError::new(15, "Remote service error");
    /// assert_eq!(serde_json::to_string(&e)?, r#"{"error_response":{"code":15,"msg":"Remote service error"}}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn new(code: i64, msg: impl Into<String>) -> Self {
        TopError {
            version: TopVersion::V2,
            code,
            msg: msg.into(),
            sub_code: None,
            sub_msg: None,
            args: None,
            request_id: None,
            extra: Vec::new(),
            outer_extra: Vec::new(),
        }
    }

    /// Sets `sub_code` and `sub_msg`.
    ///
    /// ```
    /// use uni_error::taobao::{TopError, TopVersion};
    /// let e = TopError::new(530, "Remote service error").with_sub("missing-parameter", "iid is required");
    /// assert_eq!((e.sub_code(), e.sub_msg()), (Some("missing-parameter"), Some("iid is required")));
    /// ```
    #[must_use]
    pub fn with_sub(mut self, sub_code: impl Into<String>, sub_msg: impl Into<String>) -> Self {
        self.sub_code = Some(sub_code.into());
        self.sub_msg = Some(sub_msg.into());
        self
    }

    /// Sets the protocol version (the wrapping key).
    ///
    /// ```
    /// use uni_error::taobao::{TopError, TopVersion};
    /// let v1 = TopError::new(40, "Missing required arguments").with_version(TopVersion::V1);
    /// assert_eq!(serde_json::to_string(&v1)?, r#"{"error_rsp":{"code":40,"msg":"Missing required arguments"}}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn with_version(mut self, version: TopVersion) -> Self {
        self.version = version;
        self
    }

    /// The TOP error of any uni error; see the
    /// [module docs](self#mapping-a-uni-error-to-top).
    ///
    /// ```
    /// use uni_error::{taobao::TopError, Error};
    /// let top = TopError::from_uni(&Error::new("uni-login", 1_504_003, "NFC is not available: off"));
    /// assert_eq!(
    ///     serde_json::to_string(&top)?,
    ///     r#"{"error_response":{"code":530,"msg":"Remote service error","sub_code":"uni-login.1504003","sub_msg":"NFC is not available: off"}}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn from_uni(error: &(impl AnyUniError + ?Sized)) -> Self {
        let wire = error.to_wire();
        TopError::new(BUSINESS_CODE, BUSINESS_MSG).with_sub(
            format!("{}.{}", wire.err_subject(), wire.code()),
            wire.message(),
        )
    }

    /// The uni error of a TOP error; see the
    /// [module docs](self#mapping-a-uni-error-to-top).
    ///
    /// ```
    /// use uni_error::taobao::TopError;
    /// let ours = TopError::new(530, "Remote service error").with_sub("uni-login::weixin.1416601", "weixin login failed");
    /// let uni = ours.to_uni();
    /// assert_eq!((uni.err_subject(), uni.code(), uni.message()), ("uni-login::weixin", 1_416_601, "weixin login failed"));
    ///
    /// let gateway = TopError::new(530, "Remote service error").with_sub("missing-parameter", "iid is required");
    /// assert_eq!(
    ///     serde_json::to_string(&gateway.to_uni())?,
    ///     concat!(
    ///         r#"{"errSubject":"taobao-top","errCode":-1,"errMsg":"iid is required","#,
    ///         r#""cause":{"message":"Remote service error","subject":"taobao-top","code":530,"sub_code":"missing-parameter"}}"#
    ///     )
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn to_uni(&self) -> Error {
        let message = self.sub_msg.as_deref().unwrap_or(&self.msg);
        let ours = self.sub_code.as_deref().and_then(|s| {
            let (subject, code) = s.rsplit_once('.')?;
            let code = code.parse::<i64>().ok()?;
            (!subject.is_empty()).then_some((subject, code))
        });
        if let Some((subject, code)) = ours {
            return Error::new(subject, code, message);
        }
        let mut source = SourceError::new(self.msg.clone())
            .with_subject(TOP_SUBJECT)
            .with_code(self.code);
        if let Some(sub_code) = &self.sub_code {
            // `sub_code` is not a source field: this never refuses.
            let _ = source.insert_extra("sub_code", Json::string(sub_code));
        }
        Error::new(TOP_SUBJECT, -1, message).with_cause(source)
    }

    /// The protocol version.
    ///
    /// ```
    /// use uni_error::taobao::{TopError, TopVersion};
    /// assert_eq!(TopError::new(1, "m").version(), TopVersion::V2);
    /// ```
    pub fn version(&self) -> TopVersion {
        self.version
    }

    /// `code`.
    ///
    /// ```
    /// use uni_error::taobao::{TopError, TopVersion};
    /// assert_eq!(TopError::new(27, "Invalid session").code(), 27);
    /// ```
    pub fn code(&self) -> i64 {
        self.code
    }

    /// Whether `code` is below 200: an error of the platform (gateway)
    /// rather than of the business API behind it.
    ///
    /// ```
    /// use uni_error::taobao::{TopError, TopVersion};
    /// assert!(TopError::new(27, "Invalid session").is_platform_level());
    /// assert!(!TopError::new(530, "Remote service error").is_platform_level());
    /// ```
    pub fn is_platform_level(&self) -> bool {
        self.code < 200
    }

    /// `msg`.
    ///
    /// ```
    /// use uni_error::taobao::{TopError, TopVersion};
    /// assert_eq!(TopError::new(27, "Invalid session").msg(), "Invalid session");
    /// ```
    pub fn msg(&self) -> &str {
        &self.msg
    }

    /// `sub_code`, if any.
    ///
    /// ```
    /// use uni_error::taobao::{TopError, TopVersion};
    /// assert_eq!(TopError::new(27, "m").with_sub("invalid-sessionkey", "x").sub_code(), Some("invalid-sessionkey"));
    /// ```
    pub fn sub_code(&self) -> Option<&str> {
        self.sub_code.as_deref()
    }

    /// `sub_msg`, if any.
    ///
    /// ```
    /// use uni_error::taobao::{TopError, TopVersion};
    /// assert_eq!(TopError::new(27, "m").sub_msg(), None);
    /// ```
    pub fn sub_msg(&self) -> Option<&str> {
        self.sub_msg.as_deref()
    }

    /// `args` (`{"arg": [{"key", "value"}]}`), as read.
    ///
    /// ```
    /// use uni_error::taobao::{TopError, TopVersion};
    /// let e: TopError = serde_json::from_str(r#"{"error_response":{"args":{"arg":[{"key":"v","value":"2.0"}]},"code":530,"msg":"m"}}"#)?;
    /// assert_eq!(e.args().unwrap().get(), r#"{"arg":[{"key":"v","value":"2.0"}]}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn args(&self) -> Option<&Json> {
        self.args.as_ref()
    }

    /// `request_id`, if any.
    ///
    /// ```
    /// use uni_error::taobao::{TopError, TopVersion};
    /// let e: TopError = serde_json::from_str(r#"{"error_response":{"code":15,"msg":"m","request_id":"r-1"}}"#)?;
    /// assert_eq!(e.request_id(), Some("r-1"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// Unknown keys inside `error_response` / `error_rsp`, in input order.
    ///
    /// ```
    /// use uni_error::taobao::{TopError, TopVersion};
    /// let e: TopError = serde_json::from_str(r#"{"error_response":{"code":15,"msg":"m","x":1}}"#)?;
    /// assert_eq!(e.extra()[0].0, "x");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn extra(&self) -> &[(String, Json)] {
        &self.extra
    }

    /// Unknown keys beside `error_response` / `error_rsp`, in input order.
    ///
    /// ```
    /// use uni_error::taobao::{TopError, TopVersion};
    /// let e: TopError = serde_json::from_str(r#"{"error_response":{"code":15,"msg":"m"},"y":2}"#)?;
    /// assert_eq!(e.outer_extra()[0].0, "y");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn outer_extra(&self) -> &[(String, Json)] {
        &self.outer_extra
    }
}

impl From<&TopError> for Error {
    fn from(e: &TopError) -> Error {
        e.to_uni()
    }
}

impl fmt::Display for TopError {
    /// `code msg`, then `: sub_code sub_msg` where present.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code, self.msg)?;
        match (&self.sub_code, &self.sub_msg) {
            (Some(c), Some(m)) => write!(f, ": {c} {m}"),
            (Some(x), None) | (None, Some(x)) => write!(f, ": {x}"),
            (None, None) => Ok(()),
        }
    }
}

impl std::error::Error for TopError {}

struct Inner<'a>(&'a TopError);

impl Serialize for Inner<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let len = 2
            + usize::from(e.args.is_some())
            + usize::from(e.sub_code.is_some())
            + usize::from(e.sub_msg.is_some())
            + usize::from(e.request_id.is_some())
            + e.extra.len();
        let mut map = serializer.serialize_map(Some(len))?;
        if let Some(args) = &e.args {
            map.serialize_entry("args", args)?;
        }
        map.serialize_entry("code", &e.code)?;
        map.serialize_entry("msg", &e.msg)?;
        if let Some(v) = &e.sub_code {
            map.serialize_entry("sub_code", v)?;
        }
        if let Some(v) = &e.sub_msg {
            map.serialize_entry("sub_msg", v)?;
        }
        if let Some(v) = &e.request_id {
            map.serialize_entry("request_id", v)?;
        }
        write_extra(&mut map, &e.extra)?;
        map.end()
    }
}

impl Serialize for TopError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1 + self.outer_extra.len()))?;
        map.serialize_entry(self.version.key(), &Inner(self))?;
        write_extra(&mut map, &self.outer_extra)?;
        map.end()
    }
}

impl<'de> Deserialize<'de> for TopError {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        const WHAT: &str = r#"a Taobao TOP error {"error_response": {code, msg, sub_code?, sub_msg?}} or {"error_rsp": {code, msg}}"#;
        const INNER: &str = "a TOP error body {code, msg, sub_code?, sub_msg?}";
        let mut outer = Fields::read(d, WHAT)?;
        let v2 = outer.object("error_response", INNER)?;
        let v1 = outer.object("error_rsp", INNER)?;
        let (version, mut f) = match (v1, v2) {
            (None, Some(f)) => (TopVersion::V2, f),
            (Some(f), None) => (TopVersion::V1, f),
            (Some(_), Some(_)) => {
                return Err(outer.error("found both `error_response` and `error_rsp`: expected one"))
            }
            (None, None) => {
                return Err(outer.error("missing `error_response` (v2) or `error_rsp` (v1)"))
            }
        };
        let args = f.value("args");
        let code = f
            .int("code")?
            .ok_or_else(|| f.error("missing field `code`"))?;
        let msg = f
            .string("msg")?
            .ok_or_else(|| f.error("missing field `msg`"))?;
        Ok(TopError {
            version,
            code,
            msg,
            sub_code: f.string("sub_code")?,
            sub_msg: f.string("sub_msg")?,
            args,
            request_id: f.string("request_id")?,
            extra: f.rest(),
            outer_extra: outer.rest(),
        })
    }
}
