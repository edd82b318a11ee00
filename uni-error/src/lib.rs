//! Define your plugin's errors once, as a Rust enum, and ship them as
//! spec-exact uni-app `UniError` objects with WeChat-style errnos that the
//! compiler checks.
//!
//! ```json
//! {"errSubject":"uni-login","errCode":1504003,"errMsg":"NFC is not available: off"}
//! ```
//!
//! # The pieces
//!
//! - [`Errno`]: a validated 7-digit code (`1504003` = category 15 device /
//!   sub 04 NFC / code 003), with the general WeChat errnos as constants.
//! - [`UniError`]: the trait of typed uni errors (errSubject, errno, data,
//!   cause), and `#[derive(UniError)]` that implements it, `Display`,
//!   `std::error::Error` and `serde::Serialize` for your enum.
//! - [`Error`], [`SourceError`], [`AggregateError`], [`Cause`]: the owned wire
//!   types, read from or written to JSON without losing a field.
//! - [`Public`]: the part of an error an untrusted client may see.
//! - [`catalog`]: every derived type's errnos as a `const` table, checked for
//!   clashes across types and rendered as Markdown or JSON.
//! - [`well_known`]: WeChat's published errno table, built in
//!   ([`Errno::well_known`], [`Errno::category_name`], [`Errno::sub_name`]).
//! - Interop with the other error models, each for any [`AnyUniError`]
//!   (a typed [`UniError`] or the owned [`Error`]):
//!   - [`wechat`]: WeChat's `{"errMsg":"<api>:fail <reason>","errno":N}`
//!     and back;
//!   - [`google`]: `google.rpc.Status` with an `ErrorInfo` detail, the
//!     google.rpc [`Code`](status::Code) and HTTP status of an errno, and the
//!     `ChatAppLogEntry` log record;
//!   - [`taobao`]: Taobao Open Platform `error_response` (v2) and
//!     `error_rsp` (v1);
//!   - [`monitor`]: `errorMsgMd5` / `errorStackMd5` fingerprints and the
//!     WeChat JS error detail record.
//! - Servers that answer uni-app clients, each behind its feature:
//!   - [`axum`]: handlers return uni errors as JSON responses with their
//!     HTTP status ([`axum::ErrorResponse`]), public body by default;
//!   - [`tonic`]: `tonic::Status` with binary `google.rpc` details, and
//!     back;
//!   - [`tracing`]: errors as structured fields on events and spans.
//!
//! # Typed errors
//!
//! ```
//! use uni_error::UniError;
//!
//! #[derive(Debug, UniError)]
//! #[subject("uni-login")]
//! #[errno(category = 15, sub = 4)]
//! enum LoginError {
//!     #[errno(code = 3)]
//!     #[msg("NFC is not available: {reason}")]
//!     NfcUnavailable { reason: String },
//!     #[errno(code = 10)]
//!     #[msg("storage: {0}")]
//!     Io(#[from] std::io::Error),
//! }
//!
//! let e = LoginError::from(std::io::Error::other("disk full"));
//! assert_eq!(e.errno().get(), 1_504_010);
//! assert_eq!(
//!     serde_json::to_string(&e)?,
//!     r#"{"errSubject":"uni-login","errCode":1504010,"errMsg":"storage: disk full","cause":{"message":"disk full"}}"#
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! The [derive's documentation](derive@UniError) has every attribute.
//!
//! # Owned errors
//!
//! ```
//! use uni_error::{AggregateError, Error, SourceError};
//!
//! let err = Error::new("uni-ad", 1_416_601, "no ad could be shown").with_cause(
//!     AggregateError::new(vec![
//!         SourceError::new("no fill").with_subject("csj").with_code(-404012).into(),
//!         SourceError::new("timeout").with_subject("gdt").into(),
//!     ]),
//! );
//! assert_eq!(
//!     serde_json::to_string(&err)?,
//!     concat!(
//!         r#"{"errSubject":"uni-ad","errCode":1416601,"errMsg":"no ad could be shown","cause":"#,
//!         r#"{"message":"2 errors","errors":[{"message":"no fill","subject":"csj","code":-404012},"#,
//!         r#"{"message":"timeout","subject":"gdt"}]}}"#
//!     )
//! );
//! assert_eq!(
//!     format!("{err:#}"),
//!     "uni-ad 1416601: no ad could be shown\n\
//!      caused by: 2 errors\n  \
//!        [0] csj -404012: no fill\n  \
//!        [1] gdt: timeout"
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[doc(hidden)]
pub mod __private;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
pub mod catalog;
mod errno;
mod error_trait;
#[cfg(feature = "google")]
#[cfg_attr(docsrs, doc(cfg(feature = "google")))]
pub mod google;
mod json;
#[cfg(feature = "monitor")]
#[cfg_attr(docsrs, doc(cfg(feature = "monitor")))]
pub mod monitor;
mod public;
pub mod status;
#[cfg(feature = "taobao")]
#[cfg_attr(docsrs, doc(cfg(feature = "taobao")))]
pub mod taobao;
#[cfg(feature = "tonic")]
#[cfg_attr(docsrs, doc(cfg(feature = "tonic")))]
pub mod tonic;
#[cfg(feature = "tracing")]
#[cfg_attr(docsrs, doc(cfg(feature = "tracing")))]
pub mod tracing;
#[cfg(feature = "wechat")]
#[cfg_attr(docsrs, doc(cfg(feature = "wechat")))]
pub mod wechat;
pub mod well_known;
mod wire;

pub use errno::{Errno, ErrnoError, Platform};
pub use error_trait::{AnyUniError, UniError};
pub use public::Public;
pub use well_known::{well_known_errnos, CategoryName, WellKnown};
pub use wire::{AggregateError, Cause, Chain, Error, ReservedKeyError, SourceError};

#[cfg(feature = "derive")]
#[cfg_attr(docsrs, doc(cfg(feature = "derive")))]
#[doc = include_str!("derive.md")]
pub use uniapp_error_derive::UniError;

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
