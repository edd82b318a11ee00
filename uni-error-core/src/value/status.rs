//! The google.rpc [`Code`] of an error and its HTTP status, and the
//! per-error [`StatusOverride`] that `#[status(grpc = "..", http = ..)]`
//! declares. Part of the core: the `google`, `axum` and `tonic`
//! integrations all read a status from here.
//!
//! ```
//! use uni_error::status::{self, Code};
//! use uni_error::Error;
//!
//! let err = Error::new("uni-request", 5, "request timed out");
//! assert_eq!(status::grpc_code(&err), Code::DeadlineExceeded);
//! assert_eq!(status::http_status(&err), 504);
//! ```

pub(crate) use super::code::code_of;
pub use super::code::{Code, CodeError, StatusOverride};
use crate::AnyUniError;

/// The google.rpc code of an error: its [`StatusOverride`], else
/// [`Code::from_errno`] of errCode, else (errCode is not an errno) `UNKNOWN`.
///
/// ```
/// use uni_error::{status::{self, Code}, Error};
/// assert_eq!(status::grpc_code(&Error::new("uni-request", 108, "offline")), Code::Unavailable);
/// assert_eq!(status::grpc_code(&Error::new("csj", -404012, "no fill")), Code::Unknown);
/// ```
pub fn grpc_code(error: &(impl AnyUniError + ?Sized)) -> Code {
    code_of(error.wire_status_override(), || error.to_wire().errno())
}

/// The HTTP status of an error: its [`StatusOverride`]'s `http`, else
/// [`Code::http_status`] of [`grpc_code`].
///
/// ```
/// use uni_error::{status, Error};
/// assert_eq!(status::http_status(&Error::new("uni-getLocation", 103, "auth deny")), 403);
/// ```
pub fn http_status(error: &(impl AnyUniError + ?Sized)) -> u16 {
    let over = error.wire_status_override().and_then(|o| o.http);
    over.unwrap_or_else(|| grpc_code(error).http_status())
}
