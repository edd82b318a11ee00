//! Erasure by value: what a derived `UniError::into_error` runs, so that
//! `?` from a typed error into [`Error`] moves the sources it owns instead
//! of cloning them.
//!
//! A derived error's own cause, by value, is `StreamSource::__take` (the
//! derive generates it). The generated code asks, per source field, for the
//! conversion that fits its type, by autoref on a zero-sized marker built
//! from a borrow of the field (`(&&&&&by_value(&f)).__into_cause()`), then
//! calls it with the field: a derived error ([`DerivedIntoKind`], on
//! `&&&&ByValue`) becomes a cause directly, its own sources taken in turn;
//! an owned [`Error`] ([`OwnedErrorKind`], on `&&&ByValue`) through the
//! linear `From<Error> for Cause`; another uni error ([`UniIntoKind`], on
//! `&&ByValue`) through its `into_error`; a boxed `dyn Error`
//! ([`BoxedIntoKind`], on `&&ByValue`) and a plain error ([`StdIntoKind`],
//! on `&ByValue`) as their `source()` chain, as the borrowing path does.
//! [`FallbackIntoKind`] (on `ByValue`) takes any other type so that a field
//! that is no error is reported once, by the streamed walk, and not again
//! here; it never runs, since that program does not compile.

use core::fmt;
use core::marker::PhantomData;
use core::ops::Deref;
use std::error::Error as StdError;

use super::kinds::DynStdError;
use super::walk::StreamSource;
use crate::{AggregateError, Cause, Error, SourceError, UniError};

/// The owned error of a derived `this`: errSubject, errno, errMsg, status
/// override and data read by reference, then its cause taken by value
/// (with the errMsg, which an aggregate cause repeats).
pub fn into_error<T: StreamSource>(this: T) -> Error {
    let mut error = Error::new(this.err_subject(), this.__err_code(), this.to_string())
        .with_status_override(this.status_override());
    if let Some(data) = this.data() {
        error = error.with_data(data);
    }
    match this.__take(error.message()) {
        Some(cause) => error.with_cause(cause),
        None => error,
    }
}

/// A derived `this` as a cause, by value: what [`into_error`] and then
/// `From<Error> for Cause` give, without the `Error` in between.
pub fn into_cause<T: StreamSource>(this: T) -> Cause {
    let message = this.to_string();
    let mut source = SourceError::new(message)
        .with_subject(this.err_subject())
        .with_code(this.__err_code());
    if let Some(cause) = this.__take(source.message()) {
        source = source.with_cause(cause);
    }
    Cause::Source(source)
}

/// An aggregate cause of `errors` whose message is the error's errMsg.
pub fn aggregate_of(message: &str, errors: impl IntoIterator<Item = Cause>) -> Cause {
    Cause::Aggregate(AggregateError::with_message(
        message,
        errors.into_iter().collect(),
    ))
}

/// The type of a source field, without the field: the receiver of the
/// `__into_cause` dispatch.
pub struct ByValue<T: ?Sized>(PhantomData<fn(&T)>);

/// The marker for the field behind `_`; the borrow ends at once.
pub fn by_value<T: ?Sized>(_: &T) -> ByValue<T> {
    ByValue(PhantomData)
}

pub trait DerivedIntoKind<T> {
    fn __into_cause(&self) -> fn(T) -> Cause;
}

impl<T: StreamSource> DerivedIntoKind<T> for &&&&ByValue<T> {
    fn __into_cause(&self) -> fn(T) -> Cause {
        into_cause
    }
}

pub trait OwnedErrorKind {
    fn __into_cause(&self) -> fn(Error) -> Cause;
}

impl OwnedErrorKind for &&&ByValue<Error> {
    fn __into_cause(&self) -> fn(Error) -> Cause {
        Cause::from
    }
}

pub trait UniIntoKind<T> {
    fn __into_cause(&self) -> fn(T) -> Cause;
}

impl<T: UniError> UniIntoKind<T> for &&ByValue<T> {
    fn __into_cause(&self) -> fn(T) -> Cause {
        |e| Cause::from(e.into_error())
    }
}

pub trait BoxedIntoKind<T> {
    fn __into_cause(&self) -> fn(T) -> Cause;
}

impl<T> BoxedIntoKind<T> for &&ByValue<T>
where
    T: Deref,
    T::Target: DynStdError,
{
    fn __into_cause(&self) -> fn(T) -> Cause {
        |e| Cause::Source(SourceError::from_std(T::deref(&e).__as_std()))
    }
}

pub trait StdIntoKind<T> {
    fn __into_cause(&self) -> fn(T) -> Cause;
}

impl<T: StdError> StdIntoKind<T> for &ByValue<T> {
    fn __into_cause(&self) -> fn(T) -> Cause {
        |e| Cause::Source(SourceError::from_std(&e))
    }
}

pub trait FallbackIntoKind<T> {
    fn __into_cause(&self) -> fn(T) -> Cause;
}

impl<T> FallbackIntoKind<T> for ByValue<T> {
    fn __into_cause(&self) -> fn(T) -> Cause {
        |_| Cause::Source(SourceError::new(String::new()))
    }
}

impl<T: ?Sized> fmt::Debug for ByValue<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ByValue")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The name of the kind a generated `into_error` picks for `value`.
    macro_rules! cause_of {
        ($value:expr) => {{
            #[allow(unused_imports)]
            use super::{
                BoxedIntoKind as _, DerivedIntoKind as _, FallbackIntoKind as _,
                OwnedErrorKind as _, StdIntoKind as _, UniIntoKind as _,
            };
            let value = $value;
            (&&&&&by_value(&value)).__into_cause()(value)
        }};
    }

    #[test]
    fn an_owned_error_moves_into_the_cause() {
        let below = Error::new("below", 7, "b").with_cause(SourceError::new("deep"));
        let c = cause_of!(Error::new("owned", -7, "m").with_cause(below));
        assert_eq!(
            (c.message(), c.subject(), c.code()),
            ("m", Some("owned"), Some(-7))
        );
        assert_eq!(c.cause().map(Cause::message), Some("b"));
        assert_eq!(
            c.cause().and_then(Cause::cause).map(Cause::message),
            Some("deep")
        );
    }

    #[test]
    fn plain_and_boxed_errors_keep_their_chain() {
        let c = cause_of!(std::io::Error::other("io"));
        assert_eq!((c.message(), c.subject()), ("io", None));
        let boxed: Box<dyn StdError + Send + Sync> = "boxed".into();
        assert_eq!(cause_of!(boxed).message(), "boxed");
        let boxed: Box<dyn StdError> = "plain box".into();
        assert_eq!(cause_of!(boxed).message(), "plain box");
    }
}
