//! The functions the shared JS suites (`tests/wasm/js/shape.mjs`,
//! `bridge.mjs`) call, under tests/wasm's names (`js_name`: napi-rs would
//! camelCase them), and the napi-only ones (`async`, `napi::Result`).

use napi::bindgen_prelude::Unknown;
use napi::Env;
use napi_derive::napi;
use uni_error::napi::{NapiUniError, Settled};
use uni_error::Error;

use crate::cases::{case, LoginError, PluginError};

/// Throws case `name` as a `NapiUniError`.
#[napi]
pub fn fail(name: String) -> Result<(), NapiUniError> {
    Err(case(&name))?
}

/// `serde_json::to_string` of case `name`: what JSON.stringify must equal.
#[napi(js_name = "rust_json")]
pub fn rust_json(name: String) -> String {
    serde_json::to_string(&case(&name)).unwrap_or_else(|e| format!("serialization failed: {e}"))
}

/// Case `name` returned rather than thrown (`NapiUniError` as a value).
#[napi(js_name = "to_js")]
pub fn to_js(name: String) -> NapiUniError {
    NapiUniError::new(case(&name))
}

/// `?` on a derived error whose cause is another derived error.
#[napi(js_name = "sign_in")]
pub fn sign_in() -> Result<String, NapiUniError> {
    fn inner() -> Result<String, PluginError> {
        Err(PluginError::SignIn(LoginError::Timeout(5)))
    }
    Ok(inner()?)
}

/// `?` on the owned `uni_error::Error`.
#[napi(js_name = "open_owned")]
pub fn open_owned() -> Result<String, NapiUniError> {
    fn inner() -> Result<String, Error> {
        Err(Error::new("uni-fs", 1_300_002, "no such file"))
    }
    Ok(inner()?)
}

/// Reads a JavaScript value with `Error::from_napi` and returns the Rust
/// side's JSON of it; a value that is not a UniError throws the
/// `FromNapiError` as a `TypeError`.
#[napi(js_name = "read_json")]
pub fn read_json(env: Env, value: Unknown) -> Result<String, uni_error::napi::FromNapiError> {
    let error = Error::from_napi(&env, &value)?;
    Ok(serde_json::to_string(&error).unwrap_or_else(|e| format!("serialization failed: {e}")))
}

/// JavaScript → Rust → JavaScript: a `uni_error::Error` argument
/// (`FromNapiValue`, a bad value is a `TypeError`) returned as a value.
#[napi(js_name = "round_trip")]
pub fn round_trip(error: Error) -> NapiUniError {
    NapiUniError::new(error)
}

/// A uni-app `fail` callback's error, wrapped as the cause of the plugin's
/// own error and thrown.
#[napi(js_name = "fail_with_callback_error")]
pub fn fail_with_callback_error(cause: Error) -> Result<(), NapiUniError> {
    Err(PluginError::Callback(cause))?
}

/// An `async fn` whose failure rejects the promise with the shaped Error.
#[napi]
pub async fn fail_later(name: String) -> napi::Result<Settled<String>> {
    let outcome: Result<String, Error> = match name.as_str() {
        "none" => Ok("fine".to_owned()),
        name => Err(case(name)),
    };
    Ok(outcome.into())
}

/// `?` in a function that returns `napi::Result` (napi-rs's own error type).
#[napi]
pub fn fail_napi_result(name: String) -> napi::Result<()> {
    Err(NapiUniError::new(case(&name)))?
}
