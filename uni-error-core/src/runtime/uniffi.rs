//! Errors that Kotlin, Swift and Python catch as exceptions, through
//! [uniffi] (feature `uniffi`): what a uni-app x App plugin's Rust library
//! returns to its UTS code.
//!
//! A `#[uniffi::export]` function returns `Result<T, UniFfiError>` and uses
//! `?` on any derived error or [`uni_error::Error`](crate::Error):
//!
//! ```
//! use uni_error::uniffi::UniFfiError;
//! use uni_error::UniError;
//!
//! #[derive(Debug, UniError)]
//! #[subject("uni-login")]
//! #[errno(category = 15, sub = 4)]
//! pub enum LoginError {
//!     #[errno(code = 3)]
//!     #[msg("NFC is not available: {reason}")]
//!     NfcUnavailable { reason: String },
//! }
//!
//! // #[uniffi::export]
//! pub fn login(reason: String) -> Result<String, UniFfiError> {
//!     Err(LoginError::NfcUnavailable { reason })?
//! }
//!
//! let UniFfiError::Uni { err_subject, err_code, err_msg, .. } = login("off".into()).unwrap_err();
//! assert_eq!((err_subject.as_str(), err_code), ("uni-login", 1_504_003));
//! assert_eq!(err_msg, "NFC is not available: off");
//! ```
//!
//! # What the other languages get
//!
//! uniffi exports an error as an enum whose variants carry fields; this one
//! has one variant, `Uni`, so the generated bindings read:
//!
//! | | Kotlin | Swift | Python |
//! |---|---|---|---|
//! | type | `UniFfiException.Uni : UniFfiException : Exception` | `UniFfiError.uni(...)`, an `Error` | `UniFfiError.Uni(Exception)` |
//! | fields | `errSubject`, `errCode: Long`, `errMsg`, `dataJson: String?`, `causeJson: String?`, `json` | the same names | `err_subject`, `err_code`, `err_msg`, `data_json`, `cause_json`, `json` |
//!
//! - `errCode` is an `i64` (`Long`, `Int64`), as
//!   [`Error::code`](crate::Error::code) is: legacy and negative SDK codes fit.
//! - `dataJson` and `causeJson` are the JSON text of `data` and `cause`
//!   (`null` when absent), exactly as the crate writes them inside the
//!   error's JSON; the cause is a chain (a `SourceError` with `message`,
//!   `subject`, `code`, `cause`, or an aggregate with `errors`). uniffi has
//!   no recursive or dynamically typed records, so richer types would fake
//!   a shape the data may not have. They are not named `data`/`cause`:
//!   Kotlin's `Throwable` already has a `cause` (a `Throwable`), which a
//!   generated `val cause: String?` cannot override.
//! - `json` is the whole error as `serde_json::to_string` writes it,
//!   unknown keys included: nothing read from the wire is lost.
//! - The enum is 128 bytes, which clippy's `result_large_err` flags at its
//!   default threshold (128): uniffi passes errors by value and has no boxed
//!   fields, and a boxed or `Arc` error could not take `?` from every
//!   `UniError`. A plugin that lints with `-D warnings` allows it on its
//!   exported functions (`#[allow(clippy::result_large_err)]`, or
//!   `large-error-threshold = 256` in `clippy.toml`).
//! - The exception's `message` is uniffi's own (`errSubject=…, errCode=…`
//!   in Kotlin); read `errMsg` for the uni error's message.
//!
//! # Across crates
//!
//! The type lives in this crate, whose uniffi namespace is `uni_error`. A
//! plugin crate that exports functions returning it is built as one
//! library, and uniffi's library mode (`uniffi-bindgen generate --library`)
//! writes the `uni_error` module beside the plugin's own; the plugin's
//! bindings import it. The plugin must use the same uniffi minor version
//! (0.32) as this crate.
//!
//! [uniffi]: https://mozilla.github.io/uniffi-rs/

use core::fmt;

use crate::value::wire::node::CauseRef;
use crate::value::wire::shape::NodeAt;
use crate::{Error, UniError};

/// A uni error as uniffi exports it: the `Err` of a `#[uniffi::export]`
/// function, caught as an exception in Kotlin, Swift and Python. See the
/// [module documentation](self) for the generated shapes.
///
/// ```
/// use uni_error::uniffi::UniFfiError;
/// use uni_error::{Error, SourceError};
///
/// let err = Error::new("uni-fs", 1_300_002, "no such file")
///     .with_cause(SourceError::new("ENOENT").with_code(-2));
/// let UniFfiError::Uni { cause_json, data_json, json, .. } = UniFfiError::from(err);
/// assert_eq!(cause_json.as_deref(), Some(r#"{"message":"ENOENT","code":-2}"#));
/// assert_eq!(data_json, None);
/// assert_eq!(
///     json,
///     r#"{"errSubject":"uni-fs","errCode":1300002,"errMsg":"no such file","cause":{"message":"ENOENT","code":-2}}"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, ::uniffi::Error)]
pub enum UniFfiError {
    /// The uni error's fields.
    Uni {
        /// `errSubject`: the module (`uni-login`, `uni-login::weixin`).
        err_subject: String,
        /// `errCode`: the errno, or any integer read off the wire.
        err_code: i64,
        /// `errMsg`: the message.
        err_msg: String,
        /// `data` as JSON text, or `None` when the error has none.
        data_json: Option<String>,
        /// `cause` as JSON text (a source error or an aggregate, with its
        /// own chain), or `None`.
        cause_json: Option<String>,
        /// The whole error as JSON text, unknown keys included.
        json: String,
    },
}

impl UniFfiError {
    /// The error back as a [`uni_error::Error`](crate::Error), read from
    /// `json` (everything the other fields hold is in it).
    ///
    /// # Errors
    ///
    /// `serde_json`'s error when `json` was changed into something that is
    /// not a uni error.
    pub fn to_error(&self) -> Result<Error, serde_json::Error> {
        let UniFfiError::Uni { json, .. } = self;
        serde_json::from_str(json)
    }
}

impl From<Error> for UniFfiError {
    fn from(error: Error) -> Self {
        // `Error`'s JSON is written by this crate and always serializes; the
        // fallback keeps the fields if a `data` value's own Serialize fails.
        let json = serde_json::to_string(&error).unwrap_or_else(|e| {
            serde_json::to_string(&Error::new(
                error.err_subject(),
                error.code(),
                format!("{} (its JSON could not be written: {e})", error.message()),
            ))
            .unwrap_or_default()
        });
        // `data` and `cause` exactly as they are written inside `json`: the
        // cause as the object at JSON level 2, with the same depth cut.
        // (Written again rather than parsed out of `json`: no JSON reader
        // is linked into a plugin that only writes errors.)
        let data_json = error.data().and_then(|d| serde_json::to_string(d).ok());
        let cause_json = error
            .cause()
            .and_then(|c| serde_json::to_string(&NodeAt(&CauseRef::new(c), 2)).ok());
        UniFfiError::Uni {
            err_subject: error.err_subject().to_owned(),
            err_code: error.code(),
            err_msg: error.message().to_owned(),
            data_json,
            cause_json,
            json,
        }
    }
}

impl<E: UniError> From<E> for UniFfiError {
    /// Erases a typed uni error, as `uni_error::Error::from` does.
    fn from(e: E) -> Self {
        UniFfiError::from(Error::from(e))
    }
}

impl fmt::Display for UniFfiError {
    /// errMsg.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let UniFfiError::Uni { err_msg, .. } = self;
        f.write_str(err_msg)
    }
}

impl std::error::Error for UniFfiError {}

#[cfg(test)]
mod tests {
    use super::UniFfiError;

    /// The size the module documentation gives (and clippy's
    /// `result_large_err` sees): three `String`s, two `Option<String>`s and
    /// an `i64`, the enum's tag in a niche.
    #[test]
    fn size_is_what_the_docs_say() {
        assert_eq!(core::mem::size_of::<UniFfiError>(), 128);
    }
}
