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
//! `data` and unknown keys keep their key order too (serde_json's
//! `preserve_order`). A key given twice in one object, at any depth, is a
//! parse error rather than one value silently replacing the other.
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
use std::borrow::Cow;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::__private::CauseAt;
use crate::status::StatusOverride;
// `data` and unknown keys: any JSON value, refusing a key given twice.
use crate::json::StrictValue;
use crate::Errno;

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

#[derive(Clone, PartialEq, Debug)]
struct ErrorInner {
    subject: String,
    code: i64,
    message: String,
    data: Option<Value>,
    cause: Option<Box<Cause>>,
    extra: Vec<(String, Value)>,
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
///     .with_extra("slotId", serde_json::json!("887654"));
/// assert_eq!(
///     serde_json::to_string(&sdk)?,
///     r#"{"message":"no ad to show","subject":"csj","code":-404012,"slotId":"887654"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, PartialEq, Debug)]
pub struct SourceError {
    message: String,
    subject: Option<String>,
    code: Option<i64>,
    cause: Option<Box<Cause>>,
    extra: Vec<(String, Value)>,
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
#[derive(Clone, PartialEq, Debug)]
pub struct AggregateError {
    head: SourceError,
    errors: Vec<Cause>,
}

/// The `cause` of an error: one [`SourceError`] or an [`AggregateError`].
///
/// On the wire it is untagged: an object with an `errors` key is an
/// aggregate, any other object a source error.
#[derive(Clone, PartialEq, Debug)]
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

    /// Sets `data`, the partial result returned with the error.
    #[must_use]
    pub fn with_data(mut self, data: Value) -> Self {
        self.inner.data = Some(data);
        self
    }

    /// Sets `cause`, the source error(s) of this one.
    #[must_use]
    pub fn with_cause(mut self, cause: impl Into<Cause>) -> Self {
        self.set_cause(Some(cause.into()));
        self
    }

    /// errSubject: the module that reports the error (`"uni-login::weixin"`).
    pub fn subject(&self) -> &str {
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
    pub fn data(&self) -> Option<&Value> {
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
    pub fn extra(&self) -> &[(String, Value)] {
        &self.inner.extra
    }

    /// The typed error's [`UniError::status_override`](crate::UniError::status_override)
    /// (its `#[status(..)]`), kept when it was erased into this `Error` (by
    /// `?`, `into()` or [`UniError::to_error`](crate::UniError::to_error)),
    /// so that the [`google`](crate::google) mapping gives the same code for
    /// both. It is not part of the JSON: an `Error` read from JSON has none,
    /// and `==` ignores it.
    ///
    /// ```
    /// use uni_error::google::self;
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
            d.field("cause", cause);
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

/// Why [`SourceError::insert_extra`] refused a key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReservedKeyError {
    key: String,
}

impl fmt::Display for ReservedKeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is a source error field, not an extra attribute: expected a key other than message, subject, code, cause, errors",
            self.key
        )
    }
}

impl std::error::Error for ReservedKeyError {}

const SOURCE_KEYS: [&str; 5] = ["message", "subject", "code", "cause", "errors"];

impl SourceError {
    /// A source error with only a message.
    pub fn new(message: impl Into<String>) -> Self {
        SourceError {
            message: message.into(),
            subject: None,
            code: None,
            cause: None,
            extra: Vec::new(),
        }
    }

    /// A source error from any std error: its `Display` as `message`, and its
    /// [`source()`](std::error::Error::source) chain as nested causes.
    ///
    /// ```
    /// let io = std::io::Error::new(std::io::ErrorKind::Other, "disk full");
    /// let src = uni_error::SourceError::from_std(&io);
    /// assert_eq!(src.message(), "disk full");
    /// ```
    pub fn from_std(error: &(dyn std::error::Error + '_)) -> Self {
        // Walk the chain once, then link it from the bottom up (no recursion).
        let mut messages = Vec::new();
        let mut next = Some(error);
        while let Some(e) = next {
            messages.push(e.to_string());
            next = e.source();
        }
        let mut built: Option<SourceError> = None;
        while let Some(message) = messages.pop() {
            let mut s = SourceError::new(message);
            if let Some(below) = built.take() {
                s = s.with_cause(below);
            }
            built = Some(s);
        }
        built.unwrap_or_else(|| SourceError::new(String::new()))
    }

    /// Sets `subject`, the module of the source (`"csj"`).
    #[must_use]
    pub fn with_subject(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }

    /// Sets `code`, the source's own original code.
    #[must_use]
    pub fn with_code(mut self, code: impl Into<i64>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// Sets `cause`, the source error below this one.
    #[must_use]
    pub fn with_cause(mut self, cause: impl Into<Cause>) -> Self {
        self.cause = Some(Box::new(cause.into()));
        self
    }

    /// Adds an extra attribute (`slotId`); see [`insert_extra`](Self::insert_extra).
    /// A reserved key (message, subject, code, cause, errors) is ignored:
    /// those have their own setters.
    #[must_use]
    pub fn with_extra(mut self, key: impl Into<String>, value: Value) -> Self {
        let _ = self.insert_extra(key, value);
        self
    }

    /// Adds or replaces an extra attribute, keeping the position of a
    /// replaced key; returns the old value. Reserved keys are refused.
    ///
    /// ```
    /// let mut s = uni_error::SourceError::new("m");
    /// assert_eq!(s.insert_extra("slotId", 1.into()), Ok(None));
    /// assert_eq!(s.insert_extra("slotId", 2.into()), Ok(Some(1.into())));
    /// assert!(s.insert_extra("code", 3.into()).is_err());
    /// ```
    pub fn insert_extra(
        &mut self,
        key: impl Into<String>,
        value: Value,
    ) -> Result<Option<Value>, ReservedKeyError> {
        let key = key.into();
        if SOURCE_KEYS.contains(&key.as_str()) {
            return Err(ReservedKeyError { key });
        }
        if let Some((_, v)) = self.extra.iter_mut().find(|(k, _)| *k == key) {
            return Ok(Some(core::mem::replace(v, value)));
        }
        self.extra.push((key, value));
        Ok(None)
    }

    /// `message`.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// `subject`, if any.
    pub fn subject(&self) -> Option<&str> {
        self.subject.as_deref()
    }

    /// `code`, if any.
    pub fn code(&self) -> Option<i64> {
        self.code
    }

    /// `cause`, if any.
    pub fn cause(&self) -> Option<&Cause> {
        self.cause.as_deref()
    }

    /// Extra attributes, in input order.
    pub fn extra(&self) -> &[(String, Value)] {
        &self.extra
    }

    /// The value of one extra attribute.
    pub fn extra_get(&self, key: &str) -> Option<&Value> {
        self.extra.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

impl AggregateError {
    /// An aggregate of `errors`, with the message `"N errors"`
    /// (`"1 error"` for one).
    pub fn new(errors: Vec<Cause>) -> Self {
        let message = match errors.len() {
            1 => "1 error".to_owned(),
            n => format!("{n} errors"),
        };
        AggregateError::with_message(message, errors)
    }

    /// An aggregate of `errors` with its own message.
    pub fn with_message(message: impl Into<String>, errors: Vec<Cause>) -> Self {
        AggregateError {
            head: SourceError::new(message),
            errors,
        }
    }

    /// Sets `subject`.
    #[must_use]
    pub fn with_subject(mut self, subject: impl Into<String>) -> Self {
        self.head.subject = Some(subject.into());
        self
    }

    /// Sets `code`.
    #[must_use]
    pub fn with_code(mut self, code: impl Into<i64>) -> Self {
        self.head.code = Some(code.into());
        self
    }

    /// Sets `cause` (an aggregate extends a source error, so it may have one).
    #[must_use]
    pub fn with_cause(mut self, cause: impl Into<Cause>) -> Self {
        self.head.cause = Some(Box::new(cause.into()));
        self
    }

    /// Adds an extra attribute; see [`SourceError::insert_extra`].
    #[must_use]
    pub fn with_extra(mut self, key: impl Into<String>, value: Value) -> Self {
        let _ = self.head.insert_extra(key, value);
        self
    }

    /// The fields it shares with a source error.
    pub fn head(&self) -> &SourceError {
        &self.head
    }

    /// Mutable access to the fields it shares with a source error.
    pub fn head_mut(&mut self) -> &mut SourceError {
        &mut self.head
    }

    /// `message`.
    pub fn message(&self) -> &str {
        &self.head.message
    }

    /// `errors`, in order.
    pub fn errors(&self) -> &[Cause] {
        &self.errors
    }
}

impl Cause {
    /// The cause's message.
    pub fn message(&self) -> &str {
        &self.head().message
    }

    /// The cause's subject, if any.
    pub fn subject(&self) -> Option<&str> {
        self.head().subject()
    }

    /// The cause's own code, if any.
    pub fn code(&self) -> Option<i64> {
        self.head().code
    }

    /// The cause below this one, if any.
    pub fn cause(&self) -> Option<&Cause> {
        self.head().cause()
    }

    /// An aggregate's `errors`; empty for a source error.
    pub fn errors(&self) -> &[Cause] {
        match self {
            Cause::Source(_) => &[],
            Cause::Aggregate(a) => &a.errors,
        }
    }

    /// Extra attributes, in input order.
    pub fn extra(&self) -> &[(String, Value)] {
        self.head().extra()
    }

    /// The fields every cause has.
    pub fn head(&self) -> &SourceError {
        match self {
            Cause::Source(s) => s,
            Cause::Aggregate(a) => &a.head,
        }
    }

    fn head_mut(&mut self) -> &mut SourceError {
        match self {
            Cause::Source(s) => s,
            Cause::Aggregate(a) => &mut a.head,
        }
    }

    /// Sets the subject of this cause when it has none (used to label a
    /// third-party source).
    #[must_use]
    pub fn with_default_subject(mut self, subject: &str) -> Self {
        let head = self.head_mut();
        if head.subject.is_none() {
            head.subject = Some(subject.to_owned());
        }
        self
    }

    /// Sets the code of this cause when it has none.
    #[must_use]
    pub fn with_default_code(mut self, code: Option<i64>) -> Self {
        let head = self.head_mut();
        if head.code.is_none() {
            head.code = code;
        }
        self
    }

    /// How many causes this tree holds, itself included (iterative).
    pub(crate) fn count(&self) -> usize {
        let mut n = 0;
        let mut stack = vec![self];
        while let Some(c) = stack.pop() {
            n += 1;
            stack.extend(c.cause());
            stack.extend(c.errors());
        }
        n
    }

    /// Moves this node's children onto `stack`, leaving it shallow.
    fn take_children(&mut self, stack: &mut Vec<Cause>) {
        if let Some(c) = self.head_mut().cause.take() {
            stack.push(*c);
        }
        if let Cause::Aggregate(a) = self {
            stack.append(&mut a.errors);
        }
    }
}

impl From<SourceError> for Cause {
    fn from(s: SourceError) -> Cause {
        Cause::Source(s)
    }
}

impl From<AggregateError> for Cause {
    fn from(a: AggregateError) -> Cause {
        Cause::Aggregate(a)
    }
}

/// Unknown top-level keys of an [`Error`] as a source error's extra
/// attributes. They are unique already (the reader refuses duplicates), so
/// no per-key search is needed; a key named like a source field (`message`,
/// `subject`, `code`, `cause`, `errors`) has no place in a source and is
/// left out.
fn source_extras(extra: impl Iterator<Item = (String, Value)>) -> Vec<(String, Value)> {
    extra
        .filter(|(k, _)| !SOURCE_KEYS.contains(&k.as_str()))
        .collect()
}

impl Error {
    /// This error as a source, cloning all but `data` (a source has none).
    pub(crate) fn to_source(&self) -> SourceError {
        let e = &self.inner;
        SourceError {
            message: e.message.clone(),
            subject: Some(e.subject.clone()),
            code: Some(e.code),
            cause: e.cause.clone(),
            extra: source_extras(e.extra.iter().cloned()),
        }
    }
}

impl From<Error> for Cause {
    /// A uni error used as a source keeps its subject, code, message and
    /// chain, but not its `data`; unknown top-level keys become extra
    /// attributes, except those named like a source field.
    fn from(e: Error) -> Cause {
        let mut e = e.inner;
        Cause::Source(SourceError {
            message: core::mem::take(&mut e.message),
            subject: Some(core::mem::take(&mut e.subject)),
            code: Some(e.code),
            cause: e.cause.take(),
            extra: source_extras(core::mem::take(&mut e.extra).into_iter()),
        })
    }
}

// ---------------------------------------------------------------------------
// Iterative drop: a chain of any depth drops without recursion.
// ---------------------------------------------------------------------------

fn drop_iteratively(first: Option<Box<Cause>>, mut errors: Vec<Cause>) {
    if first.is_none() && errors.is_empty() {
        return;
    }
    let mut stack = core::mem::take(&mut errors);
    stack.extend(first.map(|b| *b));
    while let Some(mut c) = stack.pop() {
        c.take_children(&mut stack);
        // `c` is now shallow; its own Drop finds nothing to walk.
    }
}

impl Drop for ErrorInner {
    fn drop(&mut self) {
        drop_iteratively(self.cause.take(), Vec::new());
    }
}

impl Drop for SourceError {
    fn drop(&mut self) {
        drop_iteratively(self.cause.take(), Vec::new());
    }
}

impl Drop for AggregateError {
    fn drop(&mut self) {
        drop_iteratively(None, core::mem::take(&mut self.errors));
    }
}

// ---------------------------------------------------------------------------
// Display and std::error::Error
// ---------------------------------------------------------------------------

/// Writes `subject code: message` with the parts that exist.
fn write_line(
    f: &mut fmt::Formatter<'_>,
    subject: Option<&str>,
    code: Option<i64>,
    message: &str,
) -> fmt::Result {
    match (subject, code) {
        (Some(s), Some(c)) => write!(f, "{s} {c}: ")?,
        (Some(s), None) => write!(f, "{s}: ")?,
        (None, Some(c)) => write!(f, "{c}: ")?,
        (None, None) => {}
    }
    f.write_str(message)
}

/// Writes a node and the tree below it, one cause per line, iteratively.
///
/// The node's own line comes first (`subject code: message`). Below it, each
/// member of an aggregate is written as `[i] <line>`, indented two more
/// spaces than its aggregate, and each `cause` link as `caused by: <line>` at
/// the indentation of the node it belongs to. Members come before the
/// aggregate's own cause.
pub(crate) fn write_tree(
    f: &mut fmt::Formatter<'_>,
    head: (Option<&str>, Option<i64>, &str),
    members: &[Cause],
    cause: Option<&Cause>,
) -> fmt::Result {
    enum Label {
        CausedBy,
        Member(usize),
    }
    type Stack<'a> = Vec<(&'a Cause, usize, Label)>;
    fn push_children<'a>(
        stack: &mut Stack<'a>,
        members: &'a [Cause],
        cause: Option<&'a Cause>,
        indent: usize,
    ) {
        stack.extend(cause.map(|c| (c, indent, Label::CausedBy)));
        for (i, m) in members.iter().enumerate().rev() {
            stack.push((m, indent + 2, Label::Member(i)));
        }
    }
    write_line(f, head.0, head.1, head.2)?;
    let mut stack: Stack<'_> = Vec::new();
    push_children(&mut stack, members, cause, 0);
    while let Some((c, indent, label)) = stack.pop() {
        write!(f, "\n{:indent$}", "")?;
        match label {
            Label::CausedBy => f.write_str("caused by: ")?,
            Label::Member(i) => write!(f, "[{i}] ")?,
        }
        write_line(f, c.subject(), c.code(), c.message())?;
        push_children(&mut stack, c.errors(), c.cause(), indent);
    }
    Ok(())
}

impl fmt::Display for Error {
    /// `{}` prints errMsg. `{:#}` prints the whole chain, one cause per line:
    ///
    /// ```text
    /// uni-login 1504009: every provider failed
    /// caused by: every provider failed
    ///   [0] uni-login::weixin 1416601: weixin login failed
    ///   caused by: weixin-sdk -2: user cancelled
    ///   [1] csj -404012: no fill
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            let head = (
                Some(&*self.inner.subject),
                Some(self.inner.code),
                &*self.inner.message,
            );
            write_tree(f, head, &[], self.cause())
        } else {
            f.write_str(&self.inner.message)
        }
    }
}

impl fmt::Display for SourceError {
    /// `{}` prints the message; `{:#}` the chain from this source down.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            write_tree(
                f,
                (self.subject(), self.code, &self.message),
                &[],
                self.cause(),
            )
        } else {
            f.write_str(&self.message)
        }
    }
}

impl fmt::Display for AggregateError {
    /// `{}` prints the message; `{:#}` the members and chain below it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            let head = &self.head;
            let line = (head.subject(), head.code, &*head.message);
            write_tree(f, line, &self.errors, head.cause())
        } else {
            f.write_str(self.message())
        }
    }
}

impl fmt::Display for Cause {
    /// `{}` prints the message; `{:#}` the tree from this cause down.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cause::Source(s) => fmt::Display::fmt(s, f),
            Cause::Aggregate(a) => fmt::Display::fmt(a, f),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause().map(|c| c as _)
    }
}

impl std::error::Error for Cause {
    /// The `cause` link. An aggregate's members are reached through
    /// [`Cause::errors`], not `source()`.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause().map(|c| c as _)
    }
}

impl std::error::Error for SourceError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause().map(|c| c as _)
    }
}

impl std::error::Error for AggregateError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.head.cause().map(|c| c as _)
    }
}

// ---------------------------------------------------------------------------
// Serialize: fixed key order, depth-limited.
// ---------------------------------------------------------------------------

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = 3
            + usize::from(self.inner.data.is_some())
            + usize::from(self.inner.cause.is_some())
            + self.inner.extra.len();
        let mut map = serializer.serialize_map(Some(len))?;
        map.serialize_entry("errSubject", &self.inner.subject)?;
        map.serialize_entry("errCode", &self.inner.code)?;
        map.serialize_entry("errMsg", &self.inner.message)?;
        if let Some(data) = &self.inner.data {
            map.serialize_entry("data", data)?;
        }
        if let Some(cause) = self.cause() {
            map.serialize_entry("cause", &CauseAt::new(cause, 2))?;
        }
        for (k, v) in &self.inner.extra {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl Serialize for Cause {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        CauseAt::new(self, 1).serialize(serializer)
    }
}

impl Serialize for SourceError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let at = CauseAt {
            head: self,
            members: None,
            level: 1,
        };
        at.serialize(serializer)
    }
}

impl Serialize for AggregateError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let at = CauseAt {
            head: &self.head,
            members: Some(&self.errors),
            level: 1,
        };
        at.serialize(serializer)
    }
}

// ---------------------------------------------------------------------------
// Deserialize: lossless, strict types, clear messages with the JSON path.
// ---------------------------------------------------------------------------

/// Where a value sits in the input, as `cause.errors[3].code`. Borrowed
/// links, formatted only when an error is reported.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'static str),
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Depth is bounded by the reader's recursion limit.
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

impl Path<'_> {
    /// ` at `path`` for a message, or nothing at the root.
    fn at(&self) -> impl fmt::Display + '_ {
        struct At<'b>(&'b Path<'b>);
        impl fmt::Display for At<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.0 {
                    Path::Root => Ok(()),
                    path => write!(f, " at `{path}`"),
                }
            }
        }
        At(self)
    }
}

/// Reads `null` as `None`, anything else with the inner seed.
struct Nullable<S>(S);

impl<'de, S: de::DeserializeSeed<'de>> de::DeserializeSeed<'de> for Nullable<S> {
    type Value = Option<S::Value>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        struct V<S>(S);
        impl<'de, S: de::DeserializeSeed<'de>> Visitor<'de> for V<S> {
            type Value = Option<S::Value>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value or null")
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                self.0.deserialize(d).map(Some)
            }
        }
        d.deserialize_option(V(self.0))
    }
}

/// A string field.
struct Text<'a>(Path<'a>);

impl<'de> de::DeserializeSeed<'de> for Text<'_> {
    type Value = String;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_string(self)
    }
}

impl Visitor<'_> for Text<'_> {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a string{}", self.0.at())
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
}

/// An integer code: any `i64`, nothing else.
struct Code<'a>(Path<'a>);

impl<'de> de::DeserializeSeed<'de> for Code<'_> {
    type Value = i64;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<i64, D::Error> {
        d.deserialize_i64(self)
    }
}

impl Visitor<'_> for Code<'_> {
    type Value = i64;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an integer code in the i64 range{}", self.0.at())
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<i64, E> {
        Ok(n)
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<i64, E> {
        i64::try_from(n).map_err(|_| {
            E::custom(format_args!(
                "code {n} is out of range: expected an integer in the i64 range{}",
                self.0.at()
            ))
        })
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<i64, E> {
        Err(E::custom(format_args!(
            "code {n} is not an integer: expected an integer in the i64 range{}",
            self.0.at()
        )))
    }
}

/// Reads one field into `slot`, refusing a second occurrence of the key.
fn read_once<'de, A, S>(
    map: &mut A,
    slot: &mut Option<Option<S::Value>>,
    seed: S,
    key: &'static str,
    path: &Path<'_>,
) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    S: de::DeserializeSeed<'de>,
{
    if slot.is_some() {
        return Err(de::Error::custom(format_args!(
            "duplicate field `{key}`{}",
            path.at()
        )));
    }
    *slot = Some(map.next_value_seed(Nullable(seed))?);
    Ok(())
}

/// A required field's value: present and not `null`.
fn required<T, E: de::Error>(
    slot: Option<Option<T>>,
    key: &'static str,
    path: &Path<'_>,
) -> Result<T, E> {
    slot.flatten()
        .ok_or_else(|| E::custom(format_args!("missing field `{key}`{}", path.at())))
}

/// Refuses an unknown key given twice, in O(n log n) for n unknown keys.
fn check_unique_keys<E: de::Error>(extra: &[(String, Value)], path: &Path<'_>) -> Result<(), E> {
    if extra.len() < 2 {
        return Ok(());
    }
    let mut keys: Vec<&str> = extra.iter().map(|(k, _)| k.as_str()).collect();
    keys.sort_unstable();
    match keys.windows(2).find(|w| w[0] == w[1]) {
        Some(w) => Err(E::custom(format_args!(
            "duplicate field `{}`{}",
            w[0],
            path.at()
        ))),
        None => Ok(()),
    }
}

impl<'de> Deserialize<'de> for Error {
    /// Reads a uni error. A wrong type, a missing or duplicate field, or a
    /// code outside `i64` is an error that names the field's JSON path
    /// (`cause.errors[1].code`); unknown keys are kept. A key given twice
    /// inside `data` or an unknown key's value is an error too.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(ErrorVisitor)
    }
}

struct ErrorVisitor;

impl<'de> Visitor<'de> for ErrorVisitor {
    type Value = Error;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a uni error object {errSubject, errCode, errMsg, data?, cause?}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Error, A::Error> {
        let root = Path::Root;
        let (mut subject, mut code, mut message) = (None, None, None);
        let (mut data, mut cause, mut extra) = (None, None, Vec::new());
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match &*key {
                "errSubject" => {
                    let path = Path::Key(&root, "errSubject");
                    read_once(&mut map, &mut subject, Text(path), "errSubject", &root)?;
                }
                "errCode" => {
                    let path = Path::Key(&root, "errCode");
                    read_once(&mut map, &mut code, Code(path), "errCode", &root)?;
                }
                "errMsg" => {
                    let path = Path::Key(&root, "errMsg");
                    read_once(&mut map, &mut message, Text(path), "errMsg", &root)?;
                }
                "data" => read_once(&mut map, &mut data, StrictValue, "data", &root)?,
                "cause" => {
                    let path = Path::Key(&root, "cause");
                    read_once(&mut map, &mut cause, CauseSeed(path), "cause", &root)?;
                }
                _ => extra.push((key.into_owned(), map.next_value_seed(StrictValue)?)),
            }
        }
        check_unique_keys(&extra, &root)?;
        Ok(Error {
            inner: Box::new(ErrorInner {
                subject: required(subject, "errSubject", &root)?,
                code: required(code, "errCode", &root)?,
                message: required(message, "errMsg", &root)?,
                data: data.flatten(),
                cause: cause.flatten().map(Box::new),
                extra,
                status: OffWire(None),
            }),
        })
    }
}

impl<'de> Deserialize<'de> for Cause {
    /// Reads a source error, or an aggregate when the object has `errors`.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        de::DeserializeSeed::deserialize(CauseSeed(Path::Root), d)
    }
}

/// A cause at a JSON path.
struct CauseSeed<'a>(Path<'a>);

impl<'de> de::DeserializeSeed<'de> for CauseSeed<'_> {
    type Value = Cause;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Cause, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for CauseSeed<'_> {
    type Value = Cause;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a source error object {{message, subject?, code?, cause?, errors?}}{}",
            self.0.at()
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Cause, A::Error> {
        let here = &self.0;
        let (mut message, mut subject, mut code) = (None, None, None);
        let (mut cause, mut errors, mut extra) = (None, None, Vec::new());
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match &*key {
                "message" => {
                    let seed = Text(Path::Key(here, "message"));
                    read_once(&mut map, &mut message, seed, "message", here)?;
                }
                "subject" => {
                    let seed = Text(Path::Key(here, "subject"));
                    read_once(&mut map, &mut subject, seed, "subject", here)?;
                }
                "code" => {
                    let seed = Code(Path::Key(here, "code"));
                    read_once(&mut map, &mut code, seed, "code", here)?;
                }
                "cause" => {
                    let seed = CauseSeed(Path::Key(here, "cause"));
                    read_once(&mut map, &mut cause, seed, "cause", here)?;
                }
                "errors" => {
                    let seed = Members(Path::Key(here, "errors"));
                    read_once(&mut map, &mut errors, seed, "errors", here)?;
                }
                _ => extra.push((key.into_owned(), map.next_value_seed(StrictValue)?)),
            }
        }
        check_unique_keys(&extra, here)?;
        let head = SourceError {
            message: required(message, "message", here)?,
            subject: subject.flatten(),
            code: code.flatten(),
            cause: cause.flatten().map(Box::new),
            extra,
        };
        Ok(match errors.flatten() {
            Some(errors) => Cause::Aggregate(AggregateError { head, errors }),
            None => Cause::Source(head),
        })
    }
}

/// An aggregate's `errors` array at a JSON path.
struct Members<'a>(Path<'a>);

impl<'de> de::DeserializeSeed<'de> for Members<'_> {
    type Value = Vec<Cause>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<Cause>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Members<'_> {
    type Value = Vec<Cause>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an array of source errors{}", self.0.at())
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Cause>, A::Error> {
        // Trust no size hint from the input: grow as elements arrive.
        let mut members = Vec::new();
        while let Some(c) = seq.next_element_seed(CauseSeed(Path::Index(&self.0, members.len())))? {
            members.push(c);
        }
        Ok(members)
    }
}

impl<'de> Deserialize<'de> for SourceError {
    /// Reads a source error; an object with `errors` is refused (read a
    /// [`Cause`] to accept both).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Cause::deserialize(d)? {
            Cause::Source(s) => Ok(s),
            Cause::Aggregate(_) => Err(de::Error::custom(
                "found an aggregate error (it has `errors`): expected a source error",
            )),
        }
    }
}

impl<'de> Deserialize<'de> for AggregateError {
    /// Reads an aggregate error; an object without `errors` is refused.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Cause::deserialize(d)? {
            Cause::Aggregate(a) => Ok(a),
            Cause::Source(_) => Err(de::Error::custom(
                "missing field `errors`: expected an aggregate error",
            )),
        }
    }
}
