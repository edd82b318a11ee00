//! Erasure by value: what a derived `UniError::into_error` runs, so that
//! `?` from a typed error into [`Error`] moves the sources it owns instead
//! of cloning them.
//!
//! A derived error's own cause, by value, is `StreamSource::__take` (the
//! derive generates it): per source field it asks the one dispatch for the
//! field's kind from a borrow that ends at once, then hands the field over,
//! `(&&&&Wrap(&f)).__kind().into_cause(f)` (see `kinds`): a derived error
//! becomes a cause through [`into_cause`] here, its own sources taken in
//! turn; an owned [`Error`] through the linear `From<Error> for Cause`;
//! another uni error through its `into_error`; a plain or boxed `dyn Error`
//! as its `source()` chain, as the borrowing path does.

use super::walk::StreamSource;
use crate::value::json::display_text;
use crate::{AggregateError, Cause, Error, SourceError, UniError};

/// The owned error of a derived `this`: errSubject, errno, errMsg, status
/// override and data read by reference, then its cause taken by value
/// (with the errMsg, which an aggregate cause repeats).
pub fn into_error<T: StreamSource + UniError>(this: T) -> Error {
    let mut error = Error::new(this.err_subject(), this.__err_code(), display_text(&this))
        .with_status_override(this.status_override());
    if let Some(data) = this.data() {
        error = error.with_data(data);
    }
    // A transparent wrapper's forwarded unknown keys, read before the
    // sources move.
    error = error.with_checked_extra(this.__extra());
    match this.__take(error.message()) {
        Some(cause) => error.with_cause(cause),
        None => error,
    }
}

/// A derived `this` as a cause, by value: what [`into_error`] and then
/// `From<Error> for Cause` give, without the `Error` in between (the one
/// conversion, `SourceError::of_uni`).
pub fn into_cause<T: StreamSource + UniError>(this: T) -> Cause {
    let mut source = SourceError::of_uni(
        display_text(&this),
        this.err_subject().to_owned(),
        this.__err_code(),
        this.data(),
        this.__extra().to_vec(),
    );
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

#[cfg(test)]
mod tests {
    use super::*;

    use std::error::Error as StdError;

    /// What a generated `__take` does with a source it owns.
    macro_rules! cause_of {
        ($value:expr) => {{
            #[allow(unused_imports)]
            use super::super::kinds::dispatch::*;
            let value = $value;
            (&&&&super::super::kinds::Wrap(&value))
                .__kind()
                .into_cause(value)
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
