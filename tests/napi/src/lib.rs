//! What the node tests in `js/` call: the functions of tests/wasm (same
//! names, same cases from tests/shared/cases.rs), failing through
//! `uni_error::napi` instead, so that the wasm suite's JavaScript
//! assertions run unchanged over a real `.node` addon.
//!
//! Built by `scripts/test-napi.sh`; without the `suite` feature only
//! `login` is built, with (`bridge`) or without the bridge: the size
//! figures of BENCHMARKS.md.

#[allow(dead_code)] // the baseline build keeps only LoginError
#[path = "../../shared/cases.rs"]
mod cases;

/// The same failure without the bridge: napi-rs's own `Error`, with the
/// JSON as its message, as an addon has to do without the `napi` feature.
#[cfg(not(feature = "bridge"))]
#[napi_derive::napi]
pub fn login(reason: String) -> napi::Result<()> {
    let e = cases::LoginError::NfcUnavailable { reason };
    Err(napi::Error::from_reason(
        serde_json::to_string(&e).unwrap_or_default(),
    ))
}

/// Lets `?` throw shaped errors on every thread that loads the addon.
#[cfg(feature = "bridge")]
#[napi_derive::napi(module_exports)]
pub fn init(_exports: napi::bindgen_prelude::Object, env: napi::Env) -> napi::Result<()> {
    uni_error::napi::install(&env);
    Ok(())
}

/// Fails the way a plugin would: `?` on a derived error.
#[cfg(feature = "bridge")]
#[napi_derive::napi]
pub fn login(reason: String) -> Result<(), uni_error::napi::NapiUniError> {
    Err(cases::LoginError::NfcUnavailable { reason })?
}

#[cfg(feature = "suite")]
mod suite;
