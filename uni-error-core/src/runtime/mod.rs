//! The runtime layer: the places a uni error travels to (JavaScript through
//! wasm-bindgen, axum responses, tonic statuses, tracing events), each
//! behind its feature.
//!
//! It imports the value and interop layers: see ARCHITECTURE.md at the
//! repository root.

#[cfg(feature = "axum")]
mod accept_language;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(feature = "tonic")]
pub mod tonic;
#[cfg(feature = "tracing")]
pub mod tracing;
#[cfg(feature = "wasm")]
pub mod wasm;
