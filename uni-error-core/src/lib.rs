//! The runtime core of [uni-error]: the errno, the `UniError` trait, the
//! wire types, the catalog and every interop module, without the derive.
//!
//! **Use the `uniapp-error` crate (imported as `uni_error`), not this one.**
//! It re-exports everything here together with `#[derive(UniError)]`; all
//! documentation and examples are written against it, and the paths the
//! derive generates (`::uni_error::…`) go through it.
//!
//! Why a crate of its own: the derive is a proc-macro crate, which cargo
//! builds after `syn`; a runtime that re-exports the derive could only start
//! compiling after it. Kept apart, this core compiles beside `syn` and the
//! derive, and `uniapp-error` (a few re-exports) is all that waits for both.
//! serde made the same split with `serde_core`.
//!
//! [uni-error]: https://docs.rs/uniapp-error

#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]
// The docs link to the items of every feature; with a feature off, such a
// link has no target. docs.rs and CI (`-D warnings`) build them with all
// features, where every link must resolve.
#![cfg_attr(not(feature = "full"), allow(rustdoc::broken_intra_doc_links))]

#[doc(hidden)]
pub mod __private;
// uniffi's per-crate scaffolding (`UniFfiTag`, the contract version): what
// `uniffi::UniFfiError`'s derive needs at the crate root. The namespace is
// the Rust name users know, so bindings import `uni_error`.
#[cfg(feature = "uniffi")]
::uniffi::setup_scaffolding!("uni_error");
// What a `#[source]` that is no error is reported against, by this path.
#[doc(hidden)]
pub use self::__private::{IsSource, NotASource};
// What a `#[data]` field that is not `Serialize` is reported against.
#[doc(hidden)]
pub use self::__private::{IsData, NotSerialize};
// What thiserror's `#[error]` without thiserror's derive is reported against.
#[doc(hidden)]
pub use self::__private::ThiserrorDisplay;
// What a `#[errno(PATH)]` constant of another type is reported against.
#[doc(hidden)]
pub use self::__private::ErrnoConstType;
// What a `#[msg(transparent)]` field without an errno of its own is reported
// against (re-exported here so that rustc names it without a module path).
#[doc(hidden)]
pub use self::__private::Transparent;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
pub mod catalog;
mod errno;
mod error_trait;
#[cfg(any(
    feature = "wechat",
    feature = "google",
    feature = "taobao",
    feature = "monitor"
))]
mod fields;
#[cfg(feature = "google")]
#[cfg_attr(docsrs, doc(cfg(feature = "google")))]
pub mod google;
#[cfg(feature = "napi")]
#[cfg_attr(docsrs, doc(cfg(feature = "napi")))]
pub mod napi;
// The JavaScript side shared by the `wasm` and `napi` bridges.
#[cfg(any(feature = "wasm", feature = "napi"))]
mod js;
mod json;
#[cfg(feature = "monitor")]
#[cfg_attr(docsrs, doc(cfg(feature = "monitor")))]
pub mod monitor;
mod public;
pub mod status;
pub mod subject;
#[cfg(feature = "taobao")]
#[cfg_attr(docsrs, doc(cfg(feature = "taobao")))]
pub mod taobao;
#[cfg(feature = "tonic")]
#[cfg_attr(docsrs, doc(cfg(feature = "tonic")))]
pub mod tonic;
#[cfg(feature = "tracing")]
#[cfg_attr(docsrs, doc(cfg(feature = "tracing")))]
pub mod tracing;
#[cfg(feature = "uniffi")]
#[cfg_attr(docsrs, doc(cfg(feature = "uniffi")))]
pub mod uniffi;
#[cfg(feature = "wasm")]
#[cfg_attr(docsrs, doc(cfg(feature = "wasm")))]
pub mod wasm;
#[cfg(feature = "wechat")]
#[cfg_attr(docsrs, doc(cfg(feature = "wechat")))]
pub mod wechat;
pub mod well_known;
mod wire;

pub use errno::{Errno, ErrnoError, Platform};
pub use error_trait::{AnyUniError, UniError};
pub use json::Json;
pub use public::Public;
pub use wire::{AggregateError, Cause, Chain, Error, ReservedKeyError, SourceError};
