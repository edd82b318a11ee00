//! The [`UniError`] trait: the typed side of a uni error.

use crate::{Cause, Errno, Error};

/// A typed error that is also a uni-app `UniError`: it has an errSubject, a
/// valid [`Errno`], an errMsg (its `Display`), optional `data` and an optional
/// `cause`.
///
/// You normally get this trait from `#[derive(UniError)]` (the derive and the
/// trait share the name, as `serde::Serialize` does). It is object safe:
/// `&dyn UniError` and `Box<dyn UniError>` work.
///
/// ```
/// use std::fmt;
/// use uni_error::{Errno, UniError};
///
/// #[derive(Debug)]
/// struct Offline;
/// impl fmt::Display for Offline {
///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
///         f.write_str("network is offline")
///     }
/// }
/// impl std::error::Error for Offline {}
/// impl UniError for Offline {
///     fn err_subject(&self) -> &str { "uni-request" }
///     fn errno(&self) -> Errno { Errno::CGI_FAILED_FOR_NETWORK_ISSUES }
/// }
///
/// let dynamic: &dyn UniError = &Offline;
/// assert_eq!(dynamic.errno().get(), 108);
/// let wire = dynamic.to_error();
/// assert_eq!(
///     serde_json::to_string(&wire)?,
///     r#"{"errSubject":"uni-request","errCode":108,"errMsg":"network is offline"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a uni error",
    label = "`{Self}` does not implement `UniError`",
    note = "add `#[derive(uni_error::UniError)]` with `#[subject(\"...\")]` and `#[errno(...)]` to the type"
)]
pub trait UniError: std::error::Error {
    /// The errSubject: the module that reports the error, levels joined by
    /// `::` (`"uni-login::weixin"`).
    fn err_subject(&self) -> &str;

    /// The errCode, always a valid 7-digit errno.
    fn errno(&self) -> Errno;

    /// The partial result returned with the error (`data`), if any.
    fn data(&self) -> Option<serde_json::Value> {
        None
    }

    /// The source error(s) that caused this one (`cause`), if any, as an
    /// owned [`Cause`] that keeps every layer's subject and code.
    ///
    /// Named `err_cause` because `cause` would clash with the deprecated
    /// `std::error::Error::cause` of the supertrait.
    fn err_cause(&self) -> Option<Cause> {
        None
    }

    /// Erases this error into the owned, dynamic [`uni_error::Error`](Error).
    fn to_error(&self) -> Error {
        let mut error = Error::new(self.err_subject(), self.errno(), self.to_string());
        if let Some(data) = self.data() {
            error = error.with_data(data);
        }
        if let Some(cause) = self.err_cause() {
            error = error.with_cause(cause);
        }
        error
    }
}

impl<T: UniError + ?Sized> UniError for &T {
    fn err_subject(&self) -> &str {
        (**self).err_subject()
    }
    fn errno(&self) -> Errno {
        (**self).errno()
    }
    fn data(&self) -> Option<serde_json::Value> {
        (**self).data()
    }
    fn err_cause(&self) -> Option<Cause> {
        (**self).err_cause()
    }
    fn to_error(&self) -> Error {
        (**self).to_error()
    }
}

impl<T: UniError> UniError for Box<T> {
    fn err_subject(&self) -> &str {
        (**self).err_subject()
    }
    fn errno(&self) -> Errno {
        (**self).errno()
    }
    fn data(&self) -> Option<serde_json::Value> {
        (**self).data()
    }
    fn err_cause(&self) -> Option<Cause> {
        (**self).err_cause()
    }
    fn to_error(&self) -> Error {
        (**self).to_error()
    }
}

impl<E: UniError> From<E> for Error {
    /// Erases any typed uni error, so `?` converts into [`Error`].
    fn from(e: E) -> Error {
        e.to_error()
    }
}
