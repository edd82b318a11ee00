//! The runtime layer: the places a uni error travels to (JavaScript through
//! wasm-bindgen or Node-API, Kotlin/Swift/Python through uniffi, axum
//! responses, tonic statuses, tracing events), each behind its feature.
//!
//! It imports the value and interop layers: see ARCHITECTURE.md at the
//! repository root.

#[cfg(feature = "axum")]
mod accept_language;
#[cfg(feature = "axum")]
pub mod axum;
// The JavaScript side shared by the `wasm` and `napi` bridges.
#[cfg(any(feature = "wasm", feature = "napi"))]
mod js;
// The Node-API calls (host.rs) are FFI: the one module where the crate's
// `deny(unsafe_code)` is allowed (see lib.rs).
#[cfg(feature = "napi")]
#[allow(unsafe_code)]
pub mod napi;
#[cfg(feature = "tonic")]
pub mod tonic;
#[cfg(feature = "tracing")]
pub mod tracing;
#[cfg(feature = "uniffi")]
pub mod uniffi;
#[cfg(feature = "wasm")]
pub mod wasm;
