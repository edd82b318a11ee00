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
//!   clashes across types and rendered as Markdown, JSON, TypeScript and UTS
//!   declarations, with a snapshot that keeps published codes from changing.
//! - [`well_known`]: WeChat's published errno table, built in
//!   ([`Errno::well_known`], [`Errno::category_name`], [`Errno::sub_name`]).
//! - [`status`]: the google.rpc [`Code`](status::Code) and HTTP status of
//!   an error, and the per-error [`StatusOverride`](status::StatusOverride)
//!   that `#[status(..)]` declares.
//! - [`Json`]: a JSON value kept as its exact text (`data`, unknown keys).
//! - Interop with the other error models, each for any [`AnyUniError`]
//!   (a typed [`UniError`] or the owned [`Error`]), each behind a feature:
//!   - [`wechat`] (feature `wechat`): WeChat's
//!     `{"errMsg":"<api>:fail <reason>","errno":N}` and back;
//!   - [`google`] (feature `google`): `google.rpc.Status` with an
//!     `ErrorInfo` detail, and the `ChatAppLogEntry` log record;
//!   - [`taobao`] (feature `taobao`): Taobao Open Platform `error_response`
//!     (v2) and `error_rsp` (v1);
//!   - [`monitor`] (feature `monitor`): `errorMsgMd5` / `errorStackMd5`
//!     fingerprints and the WeChat JS error detail record.
//! - [`wasm`] (feature `wasm`): errors that reach JavaScript as real `Error`
//!   objects shaped like uni-app's `UniError` ([`wasm::JsUniError`]), and
//!   [`Error::from_js`] to read one back.
//! - Servers that answer uni-app clients, each behind its feature:
//!   - [`axum`] (feature `axum`): handlers return uni errors as JSON
//!     responses with their HTTP status ([`axum::ErrorResponse`]), public
//!     body by default;
//!   - [`tonic`] (feature `tonic`): `tonic::Status` with binary
//!     `google.rpc` details, and back;
//!   - [`tracing`] (feature `tracing`): errors as structured fields on
//!     events and spans.
//!
//! # Features
//!
//! | feature | default | what it enables |
//! |---|---|---|
//! | `derive` | yes | `#[derive(UniError)]` |
//! | `declarations` | | the [`catalog`]'s TypeScript/UTS declarations, snapshot and write/check workflow (for tests and `build.rs`) |
//! | `wechat` | | the [`wechat`] module |
//! | `google` | | the [`google`] module |
//! | `taobao` | | the [`taobao`] module |
//! | `monitor` | | the [`monitor`] module (adds the `md-5` dependency) |
//! | `wasm` | | the [`wasm`] module (adds `wasm-bindgen` and `js-sys`) |
//! | `axum` | | the [`axum`] module (adds `axum-core`, `http`, `bytes`) |
//! | `tonic` | | the [`tonic`] module (adds `tonic`, `bytes`; enables `google`; needs Rust 1.88, tonic's own minimum) |
//! | `tracing` | | the [`tracing`] module (adds `tracing`) |
//! | `full` | | all of the above |
//!
//! The core (errno, wire types, the trait, [`Public`], [`catalog`],
//! [`well_known`], [`status`]) is always there. No feature turns on a
//! feature of a shared dependency that would change it for the rest of your
//! build: in particular serde_json's `preserve_order` and `float_roundtrip`
//! stay off (only the additive `raw_value` is used), and [`Json`] keeps key
//! order and number spelling itself.
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

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]
// The docs link to the items of every feature; with a feature off, such a
// link has no target. docs.rs and CI (`-D warnings`) build them with all
// features, where every link must resolve.
#![cfg_attr(not(feature = "full"), allow(rustdoc::broken_intra_doc_links))]

// Everything but the derive lives in `uniapp-error-core`, which cargo can
// compile beside `syn` and the derive instead of after them (see that
// crate's docs). A glob, so that each feature-gated module is re-exported
// exactly when the core has it (the features below only forward).
#[doc(inline)]
pub use uni_error_core::*;

/// Plumbing for the derive's generated code. Not public API.
#[doc(hidden)]
pub mod __private {
    pub use uni_error_core::__private::*;
}

#[cfg(feature = "derive")]
#[cfg_attr(docsrs, doc(cfg(feature = "derive")))]
#[doc = include_str!("derive.md")]
pub use uniapp_error_derive::UniError;

/// The README's examples, run as doctests.
// They use every integration, so they run when all are on (as in
// `cargo test --workspace`, where the tests crate enables `full`).
#[cfg(all(doctest, feature = "full"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
