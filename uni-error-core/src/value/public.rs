//! [`Public`]: the part of an error an untrusted client may see.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::value::json::DisplayStr;
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

fn write_public<S: Serializer, C: Serialize>(
    serializer: S,
    subject: &str,
    code: C,
    message: &(impl core::fmt::Display + ?Sized),
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(3))?;
    map.serialize_entry("errSubject", subject)?;
    map.serialize_entry("errCode", &code)?;
    map.serialize_entry("errMsg", &DisplayStr(message))?;
    map.end()
}

impl<T: UniError + ?Sized> Serialize for Public<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_public(
            serializer,
            self.0.err_subject(),
            self.0.__err_code(),
            self.0,
        )
    }
}

impl Serialize for Public<'_, Error> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_public(
            serializer,
            self.0.err_subject(),
            self.0.code(),
            self.0.message(),
        )
    }
}
