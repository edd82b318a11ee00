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

// No unsafe code. With `napi` on, the Node-API calls of its host
// (runtime/napi/host.rs, FFI by nature) need it, so there the lint is
// `deny`, allowed on that one module; otherwise `forbid`, which nothing
// can allow back.
#![cfg_attr(not(feature = "napi"), forbid(unsafe_code))]
#![cfg_attr(feature = "napi", deny(unsafe_code))]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]
// The docs link to the items of every feature; with a feature off, such a
// link has no target. docs.rs and CI (`-D warnings`) build them with all
// features, where every link must resolve.
#![cfg_attr(not(feature = "full"), allow(rustdoc::broken_intra_doc_links))]

// The layers, lowest first (ARCHITECTURE.md at the repository root): a
// module imports only from the layers before it.
//
// The value layer: the errno, the errSubject, `Json`, the wire types, the
// `UniError` trait.
mod errno;
// The errSubject and errno rules and their messages, shared with the derive
// (its `src/rules.rs` is a symlink to this file).
mod rules;
pub mod subject;
mod value;
// The catalog and its renderers (TypeScript, UTS, the snapshot).
pub mod catalog;
// Interop with other error models.
mod interop;
// Runtimes and servers.
mod runtime;
// The generated code's entry points. Not public API.
#[doc(hidden)]
pub mod __private;
// uniffi's per-crate scaffolding (`UniFfiTag`, the contract version): what
// `uniffi::UniFfiError`'s derive needs at the crate root. The namespace is
// the Rust name users know, so bindings import `uni_error`.
#[cfg(feature = "uniffi")]
::uniffi::setup_scaffolding!("uni_error");
// The one exception to "the root re-exports only public API": the traits
// and kinds rustc names when a derive input is wrong. Re-exported here, rustc
// prints their bare names (`the trait `IsSource<NotASource>` is not
// implemented`); reachable only through the hidden `__private`, it prints
// `uni_error::__private::IsSource<uni_error::__private::NotASource>`
// (checked with the tests/ui .stderr files).
//
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
// What a `#[source(code = f)]` of the wrong signature on a `Box<E>` source
// is reported against.
#[doc(hidden)]
pub use self::__private::BoxCode;
// What a `#[msg(transparent)]` field without an errno of its own is reported
// against (re-exported here so that rustc names it without a module path).
#[doc(hidden)]
pub use self::__private::Transparent;

pub use self::errno::{Errno, ErrnoError, Platform};
pub use self::value::error_trait::{AnyUniError, UniError};
pub use self::value::json::Json;
pub use self::value::public::Public;
pub use self::value::wire::{AggregateError, Cause, Chain, Error, ReservedKeyError, SourceError};
pub use self::value::{locale, status, well_known};

#[cfg(feature = "google")]
#[cfg_attr(docsrs, doc(cfg(feature = "google")))]
pub use self::interop::google;
#[cfg(feature = "monitor")]
#[cfg_attr(docsrs, doc(cfg(feature = "monitor")))]
pub use self::interop::monitor;
#[cfg(feature = "taobao")]
#[cfg_attr(docsrs, doc(cfg(feature = "taobao")))]
pub use self::interop::taobao;
#[cfg(feature = "wechat")]
#[cfg_attr(docsrs, doc(cfg(feature = "wechat")))]
pub use self::interop::wechat;

#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub use self::runtime::axum;
#[cfg(feature = "napi")]
#[cfg_attr(docsrs, doc(cfg(feature = "napi")))]
pub use self::runtime::napi;
#[cfg(feature = "tonic")]
#[cfg_attr(docsrs, doc(cfg(feature = "tonic")))]
pub use self::runtime::tonic;
#[cfg(feature = "tracing")]
#[cfg_attr(docsrs, doc(cfg(feature = "tracing")))]
pub use self::runtime::tracing;
#[cfg(feature = "uniffi")]
#[cfg_attr(docsrs, doc(cfg(feature = "uniffi")))]
pub use self::runtime::uniffi;
#[cfg(feature = "wasm")]
#[cfg_attr(docsrs, doc(cfg(feature = "wasm")))]
pub use self::runtime::wasm;
