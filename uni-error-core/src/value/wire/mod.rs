//! The owned wire types: [`Error`], [`SourceError`], [`AggregateError`] and
//! [`Cause`], field for field the uni-app error specification.
//!
//! | Rust | JSON keys, in output order |
//! |---|---|
//! | [`Error`] | `errSubject`, `errCode`, `errMsg`, `data`?, `cause`?, then unknown keys |
//! | [`SourceError`] | `message`, `subject`?, `code`?, `cause`?, then unknown keys |
//! | [`AggregateError`] | `message`, `subject`?, `code`?, `cause`?, `errors`, then unknown keys |
//!
//! Optional keys (`?`) are omitted when absent, and a `null` read from the
//! wire counts as absent. Keys this crate does not know (an ad SDK's
//! `slotId`) are kept in input order and written back after the known ones,
//! so a deserialize → serialize round trip loses nothing. Values inside
//! `data` and unknown keys keep their key order and their exact text too:
//! they are stored as the text read ([`Json`](crate::Json)), without
//! serde_json's `preserve_order`. A key given twice in one object, at any
//! depth, is a parse error rather than one value silently replacing the
//! other.
//!
//! When an [`Error`] becomes a cause (`Cause::from`, `?` into another
//! error's `#[source]`), its `data` is kept as the source node's unknown key
//! `data`, written after the known keys, which reads back as that unknown
//! key: the spec's source error has no `data`, and nothing is lost.
//!
//! One writer (`shape.rs`) holds the key names, their order and the depth
//! cut for every path that writes a uni error.
//!
//! # Depth
//!
//! Dropping and `{:#}` display walk the chain iteratively, so any depth is
//! safe. Serialization never writes JSON nested deeper than serde_json reads
//! back (127 levels, arrays included): a chain deeper than that is cut, and
//! the last source error written says how many causes were left out.
//! Deserialization is bounded by serde_json's recursion limit: deeper input is
//! a parse error, never a stack overflow.
//!
//! # Strings
//!
//! Strings are Rust `String`s: any Unicode text, quotes and control
//! characters round-trip. A `\uXXXX` escape is read as the character it
//! stands for and written back as that character (escaped only where JSON
//! requires). A lone surrogate escape (`"\ud800"`) is not text: serde_json
//! refuses it with a parse error, and nothing this crate writes contains one.

use core::fmt;

use crate::value::code::StatusOverride;
use crate::value::json::Json;
use crate::Errno;

mod de;
mod display;
pub(crate) mod escape;
pub(crate) use self::display::write_tree;
pub(crate) mod node;
mod parts;
mod ser;
pub(crate) mod shape;
mod source;
mod tree;

pub use source::ReservedKeyError;

/// The deepest JSON nesting serde_json reads back with its default
/// recursion limit; serialization never exceeds it.
pub(crate) const MAX_JSON_DEPTH: usize = 127;

/// The owned, dynamic uni error: `{errSubject, errCode, errMsg, data?, cause?}`.
///
/// Read one off the wire, build one by hand, or erase any typed
/// [`UniError`](crate::UniError) into one with `.into()` / `?`.
///
/// ```
/// use uni_error::{Error, SourceError};
///
/// let err = Error::new("uni-apidName", 60000, "Custom uni error")
///     .with_data(serde_json::json!({"dataName": "custom data value"}))
///     .with_cause(SourceError::new("Third SDK error message"));
/// assert_eq!(
///     serde_json::to_string(&err)?,
///     r#"{"errSubject":"uni-apidName","errCode":60000,"errMsg":"Custom uni error","data":{"dataName":"custom data value"},"cause":{"message":"Third SDK error message"}}"#
/// );
///
/// let back: Error = serde_json::from_str(&serde_json::to_string(&err)?)?;
/// assert_eq!(back, err);
/// assert_eq!(err.to_string(), "Custom uni error");
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// Its `errCode` is any `i64` — legacy codes and negative SDK codes survive —
/// so [`Error`] does not implement [`UniError`](crate::UniError), whose errno
/// is always valid; [`Error::errno`] checks it on demand.
///
/// It is one pointer wide, so `Result<T, uni_error::Error>` stays small.
#[derive(Clone, PartialEq)]
pub struct Error {
    inner: Box<ErrorInner>,
}

struct ErrorInner {
    subject: String,
    code: i64,
    message: String,
    data: Option<Json>,
    cause: Option<Box<Cause>>,
    extra: Vec<(String, Json)>,
    status: OffWire<Option<StatusOverride>>,
}

/// A value an [`Error`] carries beside its wire form: not serialized, not
/// read, and not compared by `==` (two errors are equal when their JSON is).
#[derive(Clone, Copy, Debug, Default)]
struct OffWire<T>(T);

impl<T> PartialEq for OffWire<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// A source error: `{message, subject?, code?, cause?, ...}`, the error of a
/// lower layer (a third-party SDK, another module) that caused this one.
///
/// ```
/// use uni_error::SourceError;
///
/// let sdk = SourceError::new("no ad to show")
///     .with_subject("csj")
///     .with_code(-404012)
///     .with_extra("slotId", serde_json::json!("887654"))?;
/// assert_eq!(
///     serde_json::to_string(&sdk)?,
///     r#"{"message":"no ad to show","subject":"csj","code":-404012,"slotId":"887654"}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct SourceError {
    message: String,
    subject: Option<String>,
    code: Option<i64>,
    cause: Option<Box<Cause>>,
    extra: Vec<(String, Json)>,
}

/// Several source errors that together caused this one: a [`SourceError`]'s
/// fields plus `errors` (the spec's `UniAggregateError`).
///
/// ```
/// use uni_error::{AggregateError, SourceError};
///
/// let all = AggregateError::new(vec![
///     SourceError::new("First 3rd SDK error message").into(),
///     SourceError::new("Second 3rd SDK error message").into(),
/// ]);
/// assert_eq!(all.message(), "2 errors");
/// assert_eq!(
///     serde_json::to_string(&all)?,
///     r#"{"message":"2 errors","errors":[{"message":"First 3rd SDK error message"},{"message":"Second 3rd SDK error message"}]}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
pub struct AggregateError {
    head: SourceError,
    errors: Vec<Cause>,
}

/// The `cause` of an error: one [`SourceError`] or an [`AggregateError`].
///
/// On the wire it is untagged: an object with an `errors` key is an
/// aggregate, any other object a source error.
pub enum Cause {
    /// A single source error.
    Source(SourceError),
    /// Several source errors.
    Aggregate(AggregateError),
}

// ---------------------------------------------------------------------------
// Construction and accessors
// ---------------------------------------------------------------------------

impl Error {
    /// A uni error with the three required fields.
    ///
    /// `code` takes an [`Errno`] or any integer up to `i64`.
    pub fn new(
        subject: impl Into<String>,
        code: impl Into<i64>,
        message: impl Into<String>,
    ) -> Self {
        Error {
            inner: Box::new(ErrorInner {
                subject: subject.into(),
                code: code.into(),
                message: message.into(),
                data: None,
                cause: None,
                extra: Vec::new(),
                status: OffWire(None),
            }),
        }
    }

    /// A uni error whose errSubject passes the errSubject rules
    /// ([`subject::check`](crate::subject::check)): the way to build one in
    /// your own code. [`Error::new`] takes any subject as it is, for errors
    /// read from another system.
    ///
    /// ```
    /// use uni_error::Error;
    /// let e = Error::try_new("uni-login::weixin", 1_416_601, "weixin login failed")?;
    /// assert_eq!(e.err_subject(), "uni-login::weixin");
    /// assert!(Error::try_new("", 1, "m").is_err());
    /// assert!(Error::try_new("uni login:: ", 1, "m").is_err());
    /// # Ok::<(), uni_error::subject::SubjectError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When the subject is empty or malformed; the error says how.
    pub fn try_new(
        subject: impl Into<String>,
        code: impl Into<i64>,
        message: impl Into<String>,
    ) -> Result<Self, crate::subject::SubjectError> {
        let subject = subject.into();
        crate::subject::check(&subject)?;
        Ok(Error::new(subject, code, message))
    }

    /// Replaces errSubject, as given (like [`Error::new`]: check it first
    /// with [`subject::check`](crate::subject::check) when it is yours).
    #[must_use]
    pub fn with_subject(mut self, subject: impl Into<String>) -> Self {
        self.inner.subject = subject.into();
        self
    }

    /// Adds (or replaces) a top-level key this crate does not know, written
    /// after the known ones.
    ///
    /// ```
    /// use serde_json::json;
    /// let e = uni_error::Error::new("uni-ad", 1, "no fill").with_extra("traceId", json!("t-9"))?;
    /// assert_eq!(
    ///     serde_json::to_string(&e).unwrap(),
    ///     r#"{"errSubject":"uni-ad","errCode":1,"errMsg":"no fill","traceId":"t-9"}"#
    /// );
    /// assert_eq!(
    ///     e.with_extra("errCode", json!(2)).unwrap_err().to_string(),
    ///     "`errCode` is a uni error field, not an extra attribute: expected a key other than errSubject, errCode, errMsg, data, cause"
    /// );
    /// # Ok::<(), uni_error::ReservedKeyError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A reserved key (errSubject, errCode, errMsg, data, cause) is
    /// refused, not dropped: those have their own setters.
    pub fn with_extra(
        mut self,
        key: impl Into<String>,
        value: impl Into<Json>,
    ) -> Result<Self, ReservedKeyError> {
        self.insert_extra(key, value)?;
        Ok(self)
    }

    /// Adds or replaces a top-level unknown key, keeping the position of a
    /// replaced key; returns the old value.
    ///
    /// # Errors
    ///
    /// A reserved key (errSubject, errCode, errMsg, data, cause) is refused.
    pub fn insert_extra(
        &mut self,
        key: impl Into<String>,
        value: impl Into<Json>,
    ) -> Result<Option<Json>, ReservedKeyError> {
        source::insert_extra(
            &mut self.inner.extra,
            shape::ERROR_KEYS,
            key.into(),
            value.into(),
        )
    }

    /// Sets `data`, the partial result returned with the error.
    #[must_use]
    pub fn with_data(mut self, data: impl Into<Json>) -> Self {
        self.inner.data = Some(data.into());
        self
    }

    /// Sets `cause`, the source error(s) of this one.
    #[must_use]
    pub fn with_cause(mut self, cause: impl Into<Cause>) -> Self {
        self.set_cause(Some(cause.into()));
        self
    }

    /// errSubject: the module that reports the error (`"uni-login::weixin"`).
    pub fn err_subject(&self) -> &str {
        &self.inner.subject
    }

    /// errCode as read or given, any integer.
    pub fn code(&self) -> i64 {
        self.inner.code
    }

    /// errCode as an [`Errno`], or `None` when it is not in `0..=9_999_999`.
    ///
    /// ```
    /// use uni_error::{Errno, Error};
    /// assert_eq!(Error::new("a", 1504003, "m").errno().map(Errno::get), Some(1504003));
    /// assert_eq!(Error::new("a", -404012, "m").errno(), None);
    /// ```
    pub fn errno(&self) -> Option<Errno> {
        Errno::from_i64(self.inner.code).ok()
    }

    /// errMsg.
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// `data`, if any.
    pub fn data(&self) -> Option<&Json> {
        self.inner.data.as_ref()
    }

    /// `cause`, if any.
    pub fn cause(&self) -> Option<&Cause> {
        self.inner.cause.as_deref()
    }

    /// Replaces `cause`, returning the old one.
    pub fn set_cause(&mut self, cause: Option<Cause>) -> Option<Cause> {
        core::mem::replace(&mut self.inner.cause, cause.map(Box::new)).map(|b| *b)
    }

    /// Top-level keys this crate does not know, in input order.
    pub fn extra(&self) -> &[(String, Json)] {
        &self.inner.extra
    }

    /// This error with `extra` as its unknown keys, which another
    /// [`Error`] checked already (a transparent wrapper's, erased).
    pub(crate) fn with_checked_extra(mut self, extra: &[(String, Json)]) -> Self {
        if !extra.is_empty() {
            self.inner.extra = extra.to_vec();
        }
        self
    }

    /// The typed error's [`UniError::status_override`](crate::UniError::status_override)
    /// (its `#[status(..)]`), kept when it was erased into this `Error` (by
    /// `?`, `into()` or [`UniError::to_error`](crate::UniError::to_error)),
    /// so that the [`status`](crate::status) mapping gives the same code for
    /// both. It is not part of the JSON: an `Error` read from JSON has none,
    /// and `==` ignores it.
    ///
    /// ```
    /// use uni_error::status;
    /// use uni_error::status::{Code, StatusOverride};
    /// use uni_error::{Error, UniError};
    ///
    /// #[derive(Debug, UniError)]
    /// #[subject("uni-login")]
    /// #[errno(1504003)]
    /// #[status(grpc = "NOT_FOUND", http = 404)]
    /// #[msg("no such account")]
    /// struct NoAccount;
    ///
    /// let erased: Error = NoAccount.into();
    /// assert_eq!(erased.status_override().and_then(|o| o.grpc), Some(Code::NotFound));
    /// assert_eq!(status::grpc_code(&erased), status::grpc_code(&NoAccount));
    /// assert_eq!(status::http_status(&erased), 404);
    /// ```
    pub fn status_override(&self) -> Option<StatusOverride> {
        self.inner.status.0
    }

    /// Sets [`Error::status_override`].
    #[must_use]
    pub fn with_status_override(mut self, status: Option<StatusOverride>) -> Self {
        self.inner.status = OffWire(status);
        self
    }

    /// Iterates over the whole chain below this error, depth first: each
    /// cause, and for an aggregate its `errors` before its own `cause`.
    ///
    /// ```
    /// use uni_error::{AggregateError, Error, SourceError};
    /// let err = Error::new("s", 1, "top").with_cause(
    ///     SourceError::new("mid").with_cause(AggregateError::new(vec![
    ///         SourceError::new("a").into(),
    ///         SourceError::new("b").into(),
    ///     ])),
    /// );
    /// let messages: Vec<&str> = err.chain().map(|c| c.message()).collect();
    /// assert_eq!(messages, ["mid", "2 errors", "a", "b"]);
    /// ```
    pub fn chain(&self) -> Chain<'_> {
        Chain {
            stack: self.cause().into_iter().collect(),
        }
    }
}

impl fmt::Debug for Error {
    /// The fields, without the box: `Error { subject: .., code: .., .. }`;
    /// absent optionals are left out.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &self.inner;
        let mut d = f.debug_struct("Error");
        d.field("subject", &e.subject)
            .field("code", &e.code)
            .field("message", &e.message);
        if let Some(data) = &e.data {
            d.field("data", data);
        }
        if let Some(cause) = &e.cause {
            d.field("cause", cause); // iterative: see tree.rs
        }
        if !e.extra.is_empty() {
            d.field("extra", &e.extra);
        }
        if let Some(status) = &e.status.0 {
            d.field("status_override", status);
        }
        d.finish()
    }
}

/// Depth-first iterator over a cause tree; see [`Error::chain`].
#[derive(Clone, Debug)]
pub struct Chain<'a> {
    stack: Vec<&'a Cause>,
}

impl<'a> Iterator for Chain<'a> {
    type Item = &'a Cause;
    fn next(&mut self) -> Option<&'a Cause> {
        let next = self.stack.pop()?;
        self.stack.extend(next.cause());
        self.stack.extend(next.errors().iter().rev());
        Some(next)
    }
}
