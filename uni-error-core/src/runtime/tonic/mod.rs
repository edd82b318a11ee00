//! Uni errors as gRPC statuses: [`to_status`] gives a [`tonic::Status`]
//! whose binary details are the `google.rpc.Status` of the
//! [`google`] mapping, and [`from_status`] reads one back.
//!
//! ```
//! use uni_error::{tonic::{from_status, to_status}, Error};
//!
//! let err = Error::new("uni-login", 1_504_003, "NFC is not available: off");
//! let status = to_status(&err);
//! assert_eq!(status.code(), tonic::Code::Unknown);
//! assert_eq!(status.message(), "NFC is not available: off");
//!
//! // On the other side of the call, from the Status alone:
//! assert_eq!(from_status(&status)?, err);
//! # Ok::<(), uni_error::tonic::DetailsError>(())
//! ```
//!
//! # What the Status carries
//!
//! Exactly what [`google::Status::from_uni`](crate::google::Status::from_uni)
//! gives, in gRPC's binary form, so a Go, Java or Python peer reads it with
//! its stock `google.rpc` types (`status.FromError(err).Details()` in Go):
//!
//! | `tonic::Status` | from the uni error |
//! |---|---|
//! | code | [`status::grpc_code`](crate::status::grpc_code): `#[status(grpc = ..)]`, else the errno's default |
//! | message | errMsg |
//! | details | a serialized `google.rpc.Status` with the same code and message and a `google.protobuf.Any` detail, a `google.rpc.ErrorInfo` as [`google::Status::from_uni`](crate::google::Status::from_uni) writes it (AIP-193: `reason` the variant's name in UPPER_SNAKE_CASE, `domain` errSubject, `metadata` the message's fields, `errCode` and the chain as `cause`); with [`to_status_for`]/[`to_status_in`] a `google.rpc.LocalizedMessage` too |
//!
//! A client asks for its language with `grpc-accept-language` (or
//! `accept-language`) metadata: [`to_status_for`] answers with the message
//! in the best match of the error's `#[locales]` as a `LocalizedMessage`
//! detail, while `message` stays the default language (AIP-193: it is for
//! developers).
//!
//! The chain in `metadata["cause"]` names third-party SDKs and their codes,
//! as in the JSON form; `data` is not carried. Send [`to_public_status`] to
//! an untrusted client.
//!
//! # Long errors are cut, not lost
//!
//! The message and the details travel as headers (`grpc-message`,
//! `grpc-status-details-bin`), which HTTP/2 peers cap (hyper at 16 KiB,
//! grpc-java and gRPC C-core at 8 KiB): over the cap, the client would get
//! a protocol error instead of the uni error. So [`to_status`] keeps the
//! two within [`MAX_TRAILER_LEN`] (7 KiB): past it, the longest texts
//! (errMsg, the chain, the message's fields) are cut on a character
//! boundary and end with a line `[N bytes were cut to fit a gRPC trailer]`.
//! A 1 MiB errMsg reaches the client as a uni error whose errMsg is its
//! first few KiB and that line.
//!
//! # Reading one back
//!
//! [`from_status`] gives errSubject, errCode and errMsg back as they were,
//! and the google.rpc code as the [`Error::status_override`] when it is not
//! the errno's default: for an error without `data` or a cause,
//! `from_status(&to_status(&e))` equals `e` and maps to the same code and
//! HTTP status. A cause chain comes back as the text it travelled as,
//! through [`error_info`]; `data` does not travel. A Status from any
//! other server reads as [`google::Status::to_uni`](crate::google::Status::to_uni)
//! reads its JSON form: without an `ErrorInfo`, errSubject is
//! [`STATUS_SUBJECT`](crate::google::STATUS_SUBJECT) and errCode the general
//! errno of the code (`-1` if none).
//!
//! # MSRV
//!
//! tonic 0.14's current releases need Rust 1.88, above this crate's 1.85:
//! the `tonic` feature needs what tonic needs. The protobuf messages are encoded and decoded
//! here (three messages, proto3 rules, unknown fields skipped), so the
//! feature adds neither prost nor a protoc step to a build.

use core::fmt;

use bytes::Bytes;

use crate::interop::google::{self, Detail, ErrorInfo, ERROR_INFO_TYPE};
use crate::value::status::{code_of, Code, StatusOverride};
use crate::{AnyUniError, Error};

mod fit;
mod locale;
mod proto;

pub use self::locale::{localized_message, requested_language, to_status_for, to_status_in};

use self::proto::*;

/// The [`tonic::Status`] of any uni error: google.rpc code, errMsg, and the
/// binary `google.rpc.Status` details with an `ErrorInfo`. See the
/// [module docs](self#what-the-status-carries).
///
/// ```
/// use uni_error::{tonic::to_status, UniError};
///
/// #[derive(Debug, UniError)]
/// #[subject("uni-pay")]
/// #[errno(700004)]
/// #[status(grpc = "NOT_FOUND")]
/// #[msg("no such order")]
/// struct NoOrder;
///
/// let status = to_status(&NoOrder);
/// assert_eq!(status.code(), tonic::Code::NotFound);
/// assert_eq!(
///     status.details(),
///     b"\x08\x05\x12\x0dno such order\x1a\x52\
///       \x0a\x28type.googleapis.com/google.rpc.ErrorInfo\
///       \x12\x26\x0a\x08NO_ORDER\x12\x07uni-pay\
///       \x1a\x11\x0a\x07errCode\x12\x06700004"
/// );
/// ```
pub fn to_status(error: &(impl AnyUniError + ?Sized)) -> ::tonic::Status {
    status_of(google::Status::from_uni(error))
}

/// [`to_status`] without the cause chain: what an untrusted client may see
/// (errSubject, errCode, errMsg and the code), like [`Public`](crate::Public)
/// for JSON.
///
/// ```
/// use uni_error::{tonic::{error_info, to_public_status, to_status}, Error, SourceError};
///
/// let err = Error::new("uni-pay", 700001, "payment failed").with_cause(SourceError::new("db-7 down"));
/// let info = error_info(&to_status(&err))?.unwrap();
/// assert_eq!(info.metadata_get("cause"), Some("caused by: db-7 down"));
/// let info = error_info(&to_public_status(&err))?.unwrap();
/// assert_eq!(info.metadata_get("cause"), None);
/// # Ok::<(), uni_error::tonic::DetailsError>(())
/// ```
pub fn to_public_status(error: &(impl AnyUniError + ?Sized)) -> ::tonic::Status {
    let mut status = google::Status::from_uni(error);
    if let Some(info) = status.error_info_mut() {
        // The chain names third parties; errCode and the message's fields
        // are in the public errMsg and errCode already.
        info.metadata.retain(|(key, _)| key != "cause");
    }
    status_of(status)
}

/// The most bytes [`to_status`] puts in the two headers it writes:
/// `grpc-message` (errMsg, percent-encoded as tonic writes it: three bytes
/// for a byte of non-ASCII text) and `grpc-status-details-bin` (the details,
/// base64). 7 KiB.
///
/// Statuses travel as HTTP/2 headers (trailers), and peers cap a header
/// block: hyper (under tonic) refuses more than 16 KiB by default, grpc-java
/// and gRPC C-core (Python, C++) 8 KiB. Past the cap the client sees
/// `RESOURCE_EXHAUSTED "h2 protocol error"` or `INTERNAL` instead of the
/// error. 7 KiB leaves room for the other headers under 8 KiB.
///
/// A status over the budget is cut to fit, longest text first, among errMsg
/// (in both headers), the `LocalizedMessage` and the `ErrorInfo` metadata
/// values (the message's fields, the chain under `cause`; never `errCode`),
/// each on a character boundary and ending with a line
/// `[N bytes were cut to fit a gRPC trailer]`. [`from_status`] then reads
/// the error back with the cut errMsg. Names are never cut (errSubject, the
/// metadata keys): a status whose names alone are over the budget is sent
/// as it is.
///
/// ```
/// use uni_error::tonic::{error_info, from_status, to_status};
/// use uni_error::{Error, SourceError};
///
/// // A 1 MiB errMsg and a 100 KB chain.
/// let long = Error::new("uni-x", 4, "x".repeat(1 << 20))
///     .with_cause(SourceError::new("y".repeat(100_000)));
/// let status = to_status(&long);
/// let back = from_status(&status)?;
/// let (kept, note) = back.message().split_once('\n').unwrap();
/// assert!(kept.len() > 1000 && kept.bytes().all(|b| b == b'x'));
/// assert_eq!(note, format!("[{} bytes were cut to fit a gRPC trailer]", (1 << 20) - kept.len()));
/// let info = error_info(&status)?.unwrap();
/// assert!(info.metadata_get("cause").unwrap().ends_with(" bytes were cut to fit a gRPC trailer]"));
/// # Ok::<(), uni_error::tonic::DetailsError>(())
/// ```
pub const MAX_TRAILER_LEN: usize = 7 * 1024;

fn status_of(mut status: google::Status) -> ::tonic::Status {
    let details = fit::encode_to_fit(&mut status);
    ::tonic::Status::with_details(
        ::tonic::Code::from_i32(status.code().value()),
        status.message(),
        Bytes::from(details),
    )
}

/// The uni error a [`tonic::Status`] stands for; see the
/// [module docs](self#reading-one-back). Fails only when the details are
/// not a well-formed `google.rpc.Status`.
///
/// ```
/// use uni_error::tonic::from_status;
///
/// // A plain status from a server that knows nothing of uni errors.
/// let err = from_status(&tonic::Status::deadline_exceeded("too slow"))?;
/// assert_eq!((err.err_subject(), err.code(), err.message()), ("google.rpc", 5, "too slow"));
///
/// let bad = tonic::Status::with_details(tonic::Code::Internal, "m", bytes::Bytes::from_static(b"\x1a\x05"));
/// assert_eq!(
///     from_status(&bad).unwrap_err().to_string(),
///     "malformed google.rpc.Status details: field 3 is cut short (5 bytes announced, 0 left)"
/// );
/// # Ok::<(), uni_error::tonic::DetailsError>(())
/// ```
pub fn from_status(status: &::tonic::Status) -> Result<Error, DetailsError> {
    let code = Code::try_from(status.code() as i32).unwrap_or(Code::Unknown);
    let mut read = google::Status::new(code, status.message());
    if let Some(info) = error_info(status)? {
        read = read.with_detail(Detail::ErrorInfo(info));
    }
    let error = read.to_uni();
    if code_of(None, || error.errno()) == code {
        Ok(error)
    } else {
        Ok(error.with_status_override(Some(StatusOverride {
            grpc: Some(code),
            http: None,
        })))
    }
}

/// The first `google.rpc.ErrorInfo` in a [`tonic::Status`]'s details, with
/// its metadata (the cause chain as text under `"cause"`), or `None` when
/// the details have none. Fails when the details are not a well-formed
/// `google.rpc.Status`.
///
/// ```
/// use uni_error::{tonic::{error_info, to_status}, Error, SourceError};
///
/// let err = Error::new("uni-ad", 1_416_601, "no ad could be shown")
///     .with_cause(SourceError::new("no fill").with_subject("csj").with_code(-404012));
/// let info = error_info(&to_status(&err))?.expect("an ErrorInfo");
/// assert_eq!((info.reason.as_str(), info.domain.as_str()), ("1416601", "uni-ad"));
/// assert_eq!(info.metadata_get("cause"), Some("caused by: csj -404012: no fill"));
/// # Ok::<(), uni_error::tonic::DetailsError>(())
/// ```
pub fn error_info(status: &::tonic::Status) -> Result<Option<ErrorInfo>, DetailsError> {
    Ok(details(status)?.into_iter().find_map(|d| match d {
        Detail::ErrorInfo(info) => Some(info),
        _ => None,
    }))
}

/// The details of a [`tonic::Status`] this crate reads, in order: each
/// `google.rpc.ErrorInfo` and `google.rpc.LocalizedMessage`; details of
/// other types are passed over. Fails when the details are not a
/// well-formed `google.rpc.Status`.
pub fn details(status: &::tonic::Status) -> Result<Vec<Detail>, DetailsError> {
    let mut found = Vec::new();
    let mut r = Reader::new(status.details());
    while let Some((field, value)) = r.field()? {
        // google.rpc.Status: 1 code, 2 message, 3 repeated Any details.
        if let (3, Value::Bytes(any)) = (field, value) {
            found.extend(decode_any(any)?);
        } else {
            let known = [
                (1, WireType::Varint),
                (2, WireType::Len),
                (3, WireType::Len),
            ];
            check_scalar(field, &value, &known)?;
        }
    }
    Ok(found)
}

/// Why a [`tonic::Status`]'s details are not a `google.rpc.Status`.
///
/// ```
/// let bad = tonic::Status::with_details(tonic::Code::Internal, "m", bytes::Bytes::from_static(b"\xff"));
/// let err = uni_error::tonic::from_status(&bad).unwrap_err();
/// assert_eq!(err.to_string(), "malformed google.rpc.Status details: a varint is cut short");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DetailsError {
    what: String,
}

impl fmt::Display for DetailsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "malformed google.rpc.Status details: {}", self.what)
    }
}

impl std::error::Error for DetailsError {}

pub(super) fn malformed(what: impl Into<String>) -> DetailsError {
    DetailsError { what: what.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status_with(details: &'static [u8]) -> ::tonic::Status {
        ::tonic::Status::with_details(::tonic::Code::Unknown, "m", Bytes::from_static(details))
    }

    #[test]
    fn varints_round_trip_and_refuse_overlong() {
        for n in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            let mut out = Vec::new();
            put_varint(&mut out, n);
            assert_eq!(Reader::new(&out).varint(), Ok(n));
        }
        let eleven = [0x80; 11];
        assert_eq!(
            Reader::new(&eleven).varint().unwrap_err().to_string(),
            "malformed google.rpc.Status details: a varint is longer than ten bytes"
        );
    }

    #[test]
    fn unknown_fields_are_skipped() {
        // Status { 4: varint 1, 5: fixed64, 6: fixed32, 3: Any { 9: "x", type, value } }
        let mut any = Vec::new();
        put_bytes(&mut any, 9, b"x");
        encode_any(&ErrorInfo::new("7", "uni-x"), &mut any);
        let mut bytes = vec![0x20, 0x01, 0x29, 0, 0, 0, 0, 0, 0, 0, 0, 0x35, 0, 0, 0, 0];
        put_bytes(&mut bytes, 3, &any);
        let status = ::tonic::Status::with_details(::tonic::Code::Unknown, "m", bytes.into());
        let info = error_info(&status).unwrap().unwrap();
        assert_eq!((info.reason.as_str(), info.domain.as_str()), ("7", "uni-x"));
    }

    #[test]
    fn malformed_details_are_errors_not_panics() {
        let cases: [(&'static [u8], &str); 6] = [
            (b"\x0a\x01", "field 1 is cut short (1 bytes announced, 0 left)"),
            (b"\x08", "a varint is cut short"),
            (b"\x0b", "field 1 has wire type 3, which proto3 does not use"),
            (b"\x00", "field number 0 is out of range"),
            (b"\x10\x01", "field 2 has the wrong wire type"),
            (
                b"\x1a\x33\x0a\x28type.googleapis.com/google.rpc.ErrorInfo\x12\x07\x0a\x05\xff\xfe\xfd\xfc\xfb",
                "ErrorInfo.reason is not UTF-8",
            ),
        ];
        for (bytes, why) in cases {
            assert_eq!(
                from_status(&status_with(bytes)).unwrap_err().to_string(),
                format!("malformed google.rpc.Status details: {why}"),
                "{bytes:x?}"
            );
        }
    }

    #[test]
    fn other_details_are_passed_over() {
        // An Any of another type, then an ErrorInfo.
        let mut bytes = Vec::new();
        let mut retry = Vec::new();
        put_str(&mut retry, 1, "type.googleapis.com/google.rpc.RetryInfo");
        put_bytes(&mut retry, 2, b"\x0a\x02\x08\x02");
        put_bytes(&mut bytes, 3, &retry);
        let mut any = Vec::new();
        encode_any(&ErrorInfo::new("1007", "uni-pay"), &mut any);
        put_bytes(&mut bytes, 3, &any);
        let status = ::tonic::Status::with_details(::tonic::Code::NotFound, "gone", bytes.into());
        let err = from_status(&status).unwrap();
        assert_eq!((err.err_subject(), err.code()), ("uni-pay", 1007));
        assert_eq!(
            err.status_override(),
            Some(StatusOverride {
                grpc: Some(Code::NotFound),
                http: None
            })
        );
    }
}
