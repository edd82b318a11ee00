//! [`Public`]: the part of an error an untrusted client may see.

use serde::ser::Error as _;
use serde::{Serialize, Serializer};

use crate::value::json::DisplayStr;
use crate::value::wire::shape::{write_error, write_error_json, Head, WireError};
use crate::{Error, UniError};

/// Serializes only errSubject, errCode and errMsg of an error, never its
/// `data` or `cause`.
///
/// Serialize the error itself for logs, monitoring and trusted peers: its
/// causes name third-party SDKs, internal modules and their codes. Wrap it in
/// `Public` for a response to an untrusted client (a browser, a mini program
/// user), where internal detail is both noise and a leak.
///
/// ```
/// use uni_error::{Error, Public, SourceError};
///
/// let err = Error::new("uni-pay", 700001, "payment failed")
///     .with_data(serde_json::json!({"orderId": "internal-123"}))
///     .with_cause(SourceError::new("db timeout on shard 7"));
/// assert_eq!(
///     serde_json::to_string(&Public(&err))?,
///     r#"{"errSubject":"uni-pay","errCode":700001,"errMsg":"payment failed"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// It works for the owned [`Error`] and for any typed [`UniError`]
/// (including `dyn UniError`).
#[derive(Clone, Copy, Debug)]
pub struct Public<'a, T: ?Sized>(pub &'a T);

/// The head alone: no `data`, no `cause`, no unknown keys.
struct Head3<'a, M> {
    subject: &'a str,
    code: i64,
    message: M,
}

impl<M: Serialize + core::fmt::Display> WireError for Head3<'_, M> {
    type Message<'m>
        = &'m M
    where
        Self: 'm;
    type Data<'m>
        = ()
    where
        Self: 'm;
    #[inline]
    fn head(&self) -> Head<'_, &M, ()> {
        Head {
            subject: self.subject,
            code: self.code,
            message: &self.message,
            data: None,
            has_cause: false,
            extra: &[],
            prefix: None,
        }
    }
    #[inline]
    fn serialize_cause<S: Serializer>(&self, _: S, _: usize) -> Result<S::Ok, S::Error> {
        Err(S::Error::custom("Public writes no cause"))
    }
}

impl<T: UniError + ?Sized> Serialize for Public<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let head = Head3 {
            subject: self.0.err_subject(),
            code: self.0.__err_code(),
            message: DisplayStr(self.0),
        };
        write_error(&head, serializer)
    }
}

impl Serialize for Public<'_, Error> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let head = Head3 {
            subject: self.0.err_subject(),
            code: self.0.code(),
            message: self.0.message(),
        };
        write_error(&head, serializer)
    }
}

impl<T: UniError + ?Sized> Public<'_, T> {
    /// Writes the public part as uni JSON text at the end of `out`: the same
    /// bytes as `serde_json::to_writer(out, &self)`, through the direct
    /// writer of [`UniError::write_json`] (errMsg escaped as its `Display`
    /// writes it, no allocation when `out` has room). On an error (a
    /// `Display` that fails) `out` is left as it was.
    ///
    /// ```
    /// use uni_error::{Public, UniError};
    ///
    /// #[derive(Debug, UniError)]
    /// #[subject("uni-pay")]
    /// #[errno(category = 7, sub = 0, code = 1)]
    /// #[msg("payment failed: {0}")]
    /// struct PayFailed(#[source] std::io::Error);
    ///
    /// let err = PayFailed(std::io::Error::other("db timeout on shard 7"));
    /// let mut out = Vec::new();
    /// Public(&err).write_json(&mut out)?;
    /// assert_eq!(out, serde_json::to_vec(&Public(&err))?);
    /// assert_eq!(
    ///     String::from_utf8(out).unwrap(),
    ///     r#"{"errSubject":"uni-pay","errCode":700001,"errMsg":"payment failed: db timeout on shard 7"}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        let head = Head3 {
            subject: self.0.err_subject(),
            code: self.0.__err_code(),
            message: DisplayStr(self.0),
        };
        write_error_json(&head, out)
    }
}

impl Public<'_, Error> {
    /// Writes the public part of an owned [`Error`] as uni JSON text at the
    /// end of `out`: the same bytes as `serde_json::to_writer(out, &self)`.
    /// It cannot fail (two strings and an integer); the `Result` matches
    /// [`UniError::write_json`].
    ///
    /// ```
    /// use uni_error::{Error, Public};
    ///
    /// let err = Error::new("uni-pay", 700001, "payment failed")
    ///     .with_data(serde_json::json!({"orderId": "internal-123"}));
    /// let mut out = Vec::new();
    /// Public(&err).write_json(&mut out)?;
    /// assert_eq!(
    ///     String::from_utf8(out).unwrap(),
    ///     r#"{"errSubject":"uni-pay","errCode":700001,"errMsg":"payment failed"}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        let head = Head3 {
            subject: self.0.err_subject(),
            code: self.0.code(),
            message: self.0.message(),
        };
        write_error_json(&head, out)
    }
}
