//! Construction and accessors of the source side: SourceError,
//! AggregateError, Cause, and an Error used as a source.

use core::fmt;

use super::*;

/// Why [`SourceError::insert_extra`] refused a key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReservedKeyError {
    key: String,
    /// The keys of the object the attribute was for.
    reserved: &'static [&'static str],
}

impl ReservedKeyError {
    /// The key that was refused.
    pub fn key(&self) -> &str {
        &self.key
    }
}

impl fmt::Display for ReservedKeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.reserved == ERROR_KEYS {
            "a uni error field"
        } else {
            "a source error field"
        };
        write!(
            f,
            "`{}` is {what}, not an extra attribute: expected a key other than {}",
            self.key,
            self.reserved.join(", ")
        )
    }
}

impl std::error::Error for ReservedKeyError {}

use super::shape::{DATA, ERROR_KEYS, SOURCE_KEYS};

/// Adds or replaces `(key, value)` in `extra` unless `key` is reserved,
/// keeping the position of a replaced key; returns the old value.
pub(super) fn insert_extra(
    extra: &mut Vec<(String, Json)>,
    reserved: &'static [&'static str],
    key: String,
    value: Json,
) -> Result<Option<Json>, ReservedKeyError> {
    if reserved.contains(&key.as_str()) {
        return Err(ReservedKeyError { key, reserved });
    }
    if let Some((_, v)) = extra.iter_mut().find(|(k, _)| *k == key) {
        return Ok(Some(core::mem::replace(v, value)));
    }
    extra.push((key, value));
    Ok(None)
}

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
            messages.push(crate::value::json::display_text(e));
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
    #[inline]
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
    #[inline]
    pub fn with_cause(mut self, cause: impl Into<Cause>) -> Self {
        self.cause = Some(Box::new(cause.into()));
        self
    }

    /// Adds (or replaces) an extra attribute (`slotId`); see
    /// [`insert_extra`](Self::insert_extra).
    ///
    /// ```
    /// use serde_json::json;
    /// let s = uni_error::SourceError::new("no fill").with_extra("slotId", json!("887654"))?;
    /// assert_eq!(s.extra_get("slotId").unwrap().get(), r#""887654""#);
    /// # Ok::<(), uni_error::ReservedKeyError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A reserved key (message, subject, code, cause, errors) is refused,
    /// not dropped: those have their own setters.
    pub fn with_extra(
        mut self,
        key: impl Into<String>,
        value: impl Into<Json>,
    ) -> Result<Self, ReservedKeyError> {
        self.insert_extra(key, value)?;
        Ok(self)
    }

    /// Adds or replaces an extra attribute, keeping the position of a
    /// replaced key; returns the old value. Reserved keys are refused.
    ///
    /// ```
    /// let mut s = uni_error::SourceError::new("m");
    /// use serde_json::json;
    /// assert_eq!(s.insert_extra("slotId", json!(1)), Ok(None));
    /// assert_eq!(s.insert_extra("slotId", json!(2)).unwrap().unwrap().get(), "1");
    /// assert!(s.insert_extra("code", json!(3)).is_err());
    /// ```
    pub fn insert_extra(
        &mut self,
        key: impl Into<String>,
        value: impl Into<Json>,
    ) -> Result<Option<Json>, ReservedKeyError> {
        insert_extra(&mut self.extra, SOURCE_KEYS, key.into(), value.into())
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
    pub fn extra(&self) -> &[(String, Json)] {
        &self.extra
    }

    /// The value of one extra attribute.
    pub fn extra_get(&self, key: &str) -> Option<&Json> {
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
    ///
    /// # Errors
    ///
    /// A reserved key (message, subject, code, cause, errors) is refused.
    pub fn with_extra(
        mut self,
        key: impl Into<String>,
        value: impl Into<Json>,
    ) -> Result<Self, ReservedKeyError> {
        self.head.insert_extra(key, value)?;
        Ok(self)
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
    pub fn extra(&self) -> &[(String, Json)] {
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
    pub(crate) fn with_default_subject(mut self, subject: &str) -> Self {
        let head = self.head_mut();
        if head.subject.is_none() {
            head.subject = Some(subject.to_owned());
        }
        self
    }

    /// Sets the code of this cause when it has none.
    #[must_use]
    pub(crate) fn with_default_code(mut self, code: Option<i64>) -> Self {
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
    pub(super) fn take_children(&mut self, stack: &mut Vec<Cause>) {
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
impl SourceError {
    /// The one conversion of a uni error into a source node: typed or owned,
    /// by reference or by value, every path builds the node here. Its code
    /// is the errCode as written (`UniError::__err_code`, `Error::code`),
    /// never the typed errno; its `data`, if any, is kept as the first
    /// unknown key, `data`, then the error's own unknown keys, except those
    /// named like a source field. The caller adds the cause.
    // Always inlined: callers build the node in place (measured: a call
    // cost a third of `From<Error> for Cause`).
    #[inline(always)]
    pub(crate) fn of_uni(
        message: String,
        subject: String,
        code: i64,
        data: Option<Json>,
        mut extra: Vec<(String, Json)>,
    ) -> SourceError {
        // Most errors have neither: skip the walk and the shift.
        if !extra.is_empty() {
            extra.retain(|(k, _)| !SOURCE_KEYS.contains(&k.as_str()));
        }
        if let Some(data) = data {
            extra.insert(0, (DATA.to_owned(), data));
        }
        SourceError {
            message,
            subject: Some(subject),
            code: Some(code),
            cause: None,
            extra,
        }
    }
}

impl Error {
    /// This error as a source node, by reference ([`SourceError::of_uni`]).
    pub(crate) fn to_source(&self) -> SourceError {
        let e = &self.inner;
        let mut source = SourceError::of_uni(
            e.message.clone(),
            e.subject.clone(),
            e.code,
            e.data.clone(),
            e.extra.clone(),
        );
        source.cause = e.cause.clone();
        source
    }
}

impl From<Error> for Cause {
    /// A uni error used as a source keeps its subject, code, message and
    /// chain; its `data` becomes the source's unknown key `data`, and its
    /// unknown top-level keys become unknown keys of the source, except
    /// those named like a source field.
    ///
    /// ```
    /// use uni_error::{Cause, Error};
    ///
    /// let err = Error::new("uni-pay", 700001, "payment failed")
    ///     .with_data(serde_json::json!({"orderId": "o-1"}));
    /// assert_eq!(
    ///     serde_json::to_string(&Cause::from(err))?,
    ///     r#"{"message":"payment failed","subject":"uni-pay","code":700001,"data":{"orderId":"o-1"}}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    fn from(e: Error) -> Cause {
        let mut e = e.inner;
        let mut source = SourceError::of_uni(
            core::mem::take(&mut e.message),
            core::mem::take(&mut e.subject),
            e.code,
            e.data.take(),
            core::mem::take(&mut e.extra),
        );
        source.cause = e.cause.take();
        Cause::Source(source)
    }
}
