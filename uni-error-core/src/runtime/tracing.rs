//! Uni errors as structured [`tracing`] fields: [`event`] emits
//! one, [`record`] puts them on a span, and [`Traced`] carries them through
//! `#[instrument(err)]`.
//!
//! # The fields
//!
//! | field | value |
//! |---|---|
//! | `err.subject` | errSubject |
//! | `err.code` | errCode (an integer) |
//! | `err.msg` | errMsg |
//! | `err.cause` | the cause chain, one `caused by:` / `[i]` line per cause (the error's `{:#}` without its first line); absent without a cause |
//! | `exception.type` | `"<errSubject> <errCode>"`, what identifies the kind of error (OpenTelemetry's exception convention) |
//! | `exception.message` | errMsg (the same) |
//!
//! The chain names third-party SDKs and their codes: fine for your logs,
//! which is where it belongs, and the reason the HTTP and gRPC integrations
//! leave it out of what a client sees.
//!
//! ```
//! use uni_error::{Error, SourceError};
//!
//! let err = Error::new("uni-ad", 1_416_601, "no ad could be shown")
//!     .with_cause(SourceError::new("no fill").with_subject("csj").with_code(-404012));
//!
//! // An event named `exception` at ERROR, with the six fields.
//! uni_error::tracing::event(tracing::Level::ERROR, &err);
//!
//! // On a span that declared the fields.
//! let span = tracing::info_span!(
//!     "show_ad",
//!     err.subject = tracing::field::Empty,
//!     err.code = tracing::field::Empty,
//!     err.msg = tracing::field::Empty,
//! );
//! uni_error::tracing::record(&span, &err);
//! ```

use core::fmt;
use std::borrow::Cow;

use ::tracing::{Level, Span};

use crate::{AnyUniError, Error, UniError};

/// The names of the fields [`event`] and [`record`] write, in that order;
/// declare them `Empty` on a span for [`record`] to fill them.
///
/// ```
/// assert_eq!(uni_error::tracing::FIELDS[1], "err.code");
/// ```
pub const FIELDS: [&str; 6] = [
    "err.subject",
    "err.code",
    "err.msg",
    "err.cause",
    "exception.type",
    "exception.message",
];

/// One error's field values, computed once.
struct Fields<'a> {
    wire: Cow<'a, Error>,
    cause: Option<String>,
    exception_type: String,
}

impl<'a> Fields<'a> {
    fn of(error: &'a (impl AnyUniError + ?Sized)) -> Self {
        let wire = error.to_wire();
        let cause = wire.cause().map(|_| chain_text(&wire));
        let exception_type = format!("{} {}", wire.err_subject(), wire.code());
        Fields {
            wire,
            cause,
            exception_type,
        }
    }
}

/// The `{:#}` lines below the first, the error itself.
fn chain_text(error: &Error) -> String {
    let text = format!("{error:#}");
    match text.split_once('\n') {
        Some((_, below)) => below.to_owned(),
        None => String::new(),
    }
}

macro_rules! exception_event {
    ($level:expr, $f:ident) => {
        ::tracing::event!(
            // The path users know; the default would be this crate's
            // own module path, `uni_error_core::tracing`.
            target: "uni_error::tracing",
            $level,
            err.subject = $f.wire.err_subject(),
            err.code = $f.wire.code(),
            err.msg = $f.wire.message(),
            err.cause = $f.cause.as_deref(),
            "exception.type" = $f.exception_type.as_str(),
            "exception.message" = $f.wire.message(),
            "exception"
        )
    };
}

/// Emits one event at `level` with the error's [fields](self#the-fields),
/// its message `exception` (the name OpenTelemetry gives such events, and
/// the event name `tracing-opentelemetry` uses). The event's target is
/// `uni_error::tracing`, so `RUST_LOG=uni_error::tracing=error` filters it.
///
/// ```
/// use uni_error::UniError;
///
/// #[derive(Debug, UniError)]
/// #[subject("uni-login")]
/// #[errno(1504003)]
/// #[msg("NFC is not available")]
/// struct NfcOff;
///
/// uni_error::tracing::event(tracing::Level::WARN, &NfcOff);
/// ```
pub fn event(level: Level, error: &(impl AnyUniError + ?Sized)) {
    // `event!` wants its level as a constant: one call site per level.
    if level == Level::ERROR {
        if ::tracing::enabled!(target: "uni_error::tracing", Level::ERROR) {
            let f = Fields::of(error);
            exception_event!(Level::ERROR, f);
        }
    } else if level == Level::WARN {
        if ::tracing::enabled!(target: "uni_error::tracing", Level::WARN) {
            let f = Fields::of(error);
            exception_event!(Level::WARN, f);
        }
    } else if level == Level::INFO {
        if ::tracing::enabled!(target: "uni_error::tracing", Level::INFO) {
            let f = Fields::of(error);
            exception_event!(Level::INFO, f);
        }
    } else if level == Level::DEBUG {
        if ::tracing::enabled!(target: "uni_error::tracing", Level::DEBUG) {
            let f = Fields::of(error);
            exception_event!(Level::DEBUG, f);
        }
    } else if ::tracing::enabled!(target: "uni_error::tracing", Level::TRACE) {
        let f = Fields::of(error);
        exception_event!(Level::TRACE, f);
    }
}

/// Records the error's [fields](self#the-fields) on a span. A span has the
/// fields it declared when it was created, so declare those you want as
/// [`Empty`](::tracing::field::Empty) (the names are in [`FIELDS`]); others
/// are not recorded. Nothing is computed for a disabled span.
///
/// ```
/// use tracing::field::Empty;
/// use uni_error::Error;
///
/// let span = tracing::info_span!("pay", err.subject = Empty, err.code = Empty, err.msg = Empty, err.cause = Empty);
/// let result: Result<(), Error> = Err(Error::new("uni-pay", 700001, "payment failed"));
/// if let Err(e) = &result {
///     uni_error::tracing::record(&span, e);
/// }
/// ```
pub fn record(span: &Span, error: &(impl AnyUniError + ?Sized)) {
    if span.is_disabled() {
        return;
    }
    let f = Fields::of(error);
    span.record(FIELDS[0], f.wire.err_subject());
    span.record(FIELDS[1], f.wire.code());
    span.record(FIELDS[2], f.wire.message());
    span.record(FIELDS[3], f.cause.as_deref());
    span.record(FIELDS[4], f.exception_type.as_str());
    span.record(FIELDS[5], f.wire.message());
}

/// An error whose `Display` (and `Debug`) is its [fields](self#the-fields)
/// in logfmt, for `#[tracing::instrument(err)]`: that attribute records a
/// failed call's error as one `error` field with `Display` (or `Debug` with
/// `err(Debug)`), so a function that returns `Result<T, Traced<E>>` logs
/// `error=err.subject="uni-login" err.code=1504003 err.msg="…"` instead of
/// the bare errMsg. The opt-in is the return type; `?` wraps any `E`, and
/// `?` unwraps it again into [`Error`] (or call [`Traced::into_inner`]).
///
/// ```
/// use uni_error::tracing::Traced;
/// use uni_error::{Error, SourceError, UniError};
///
/// #[derive(Debug, UniError)]
/// #[subject("uni-login")]
/// #[errno(1504003)]
/// #[msg("NFC is not available: {0}")]
/// struct NfcOff(&'static str);
///
/// #[tracing::instrument(err)]
/// fn read_card() -> Result<u32, Traced<NfcOff>> {
///     Err(NfcOff("off"))?
/// }
///
/// let e = read_card().unwrap_err();
/// assert_eq!(
///     e.to_string(),
///     r#"err.subject="uni-login" err.code=1504003 err.msg="NFC is not available: off" exception.type="uni-login 1504003""#
/// );
/// let chained = Traced(Error::new("uni-pay", 700001, "payment failed").with_cause(SourceError::new("db-7 down")));
/// assert_eq!(
///     format!("{chained:?}"),
///     r#"err.subject="uni-pay" err.code=700001 err.msg="payment failed" err.cause="caused by: db-7 down" exception.type="uni-pay 700001""#
/// );
/// ```
#[derive(Clone, PartialEq)]
pub struct Traced<E>(pub E);

impl<E> Traced<E> {
    /// The error.
    ///
    /// ```
    /// use uni_error::{tracing::Traced, Error};
    /// assert_eq!(Traced(Error::new("uni-x", 4, "m")).into_inner().code(), 4);
    /// ```
    pub fn into_inner(self) -> E {
        self.0
    }
}

impl<E> From<E> for Traced<E> {
    fn from(error: E) -> Self {
        Traced(error)
    }
}

impl<E> core::ops::Deref for Traced<E> {
    type Target = E;
    fn deref(&self) -> &E {
        &self.0
    }
}

impl<E: UniError> From<Traced<E>> for Error {
    /// Erases the inner typed error, so `?` leaves the wrapper behind.
    fn from(t: Traced<E>) -> Error {
        t.0.to_error()
    }
}

impl<E: AnyUniError> Traced<E> {
    fn write(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Fields {
            wire,
            cause,
            exception_type,
        } = Fields::of(&self.0);
        write!(
            f,
            "err.subject={:?} err.code={} err.msg={:?}",
            wire.err_subject(),
            wire.code(),
            wire.message()
        )?;
        if let Some(cause) = cause {
            write!(f, " err.cause={cause:?}")?;
        }
        write!(f, " exception.type={exception_type:?}")
    }
}

impl<E: AnyUniError> fmt::Display for Traced<E> {
    /// The fields in logfmt, strings quoted and escaped as Rust's `{:?}`
    /// does; `exception.message` is left out, being `err.msg`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f)
    }
}

impl<E: AnyUniError> fmt::Debug for Traced<E> {
    /// The same as `Display`, so `#[instrument(err(Debug))]` logs the
    /// fields too.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f)
    }
}

impl<E: AnyUniError + std::error::Error> std::error::Error for Traced<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}
