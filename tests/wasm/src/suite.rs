//! The functions `js/bridge.test.mjs` and `js/web-glue.test.mjs` call.

use uni_error::wasm::JsUniError;
use uni_error::Error;
use wasm_bindgen::prelude::*;

use crate::cases::{case, LoginError, PluginError};

/// Throws case `name` as a `JsUniError`.
#[wasm_bindgen]
pub fn fail(name: &str) -> Result<(), JsUniError> {
    Err(case(name))?
}

/// `serde_json::to_string` of case `name`: what JSON.stringify must equal.
#[wasm_bindgen]
pub fn rust_json(name: &str) -> String {
    serde_json::to_string(&case(name)).unwrap_or_else(|e| format!("serialization failed: {e}"))
}

/// Case `name` returned rather than thrown (`Error::to_js`).
#[wasm_bindgen]
pub fn to_js(name: &str) -> js_sys::Error {
    case(name).to_js()
}

/// `?` on a derived error whose cause is another derived error.
#[wasm_bindgen]
pub fn sign_in() -> Result<String, JsUniError> {
    fn inner() -> Result<String, PluginError> {
        Err(PluginError::SignIn(LoginError::Timeout(5)))
    }
    Ok(inner()?)
}

/// `?` on the owned `uni_error::Error`.
#[wasm_bindgen]
pub fn open_owned() -> Result<String, JsUniError> {
    fn inner() -> Result<String, Error> {
        Err(Error::new("uni-fs", 1_300_002, "no such file"))
    }
    Ok(inner()?)
}

/// Reads a JavaScript value with `Error::from_js` and returns the Rust
/// side's JSON of it; a value that is not a UniError throws the
/// `FromJsError` as a `TypeError`.
#[wasm_bindgen]
pub fn read_json(value: JsValue) -> Result<String, JsValue> {
    let error = Error::from_js(&value)?;
    Ok(serde_json::to_string(&error).unwrap_or_else(|e| format!("serialization failed: {e}")))
}

/// JavaScript → Rust → JavaScript.
#[wasm_bindgen]
pub fn round_trip(value: JsValue) -> Result<js_sys::Error, JsValue> {
    Ok(Error::from_js(&value)?.to_js())
}

/// A uni-app `fail` callback's error, wrapped as the cause of the plugin's
/// own error and thrown.
#[wasm_bindgen]
pub fn fail_with_callback_error(value: JsValue) -> Result<(), JsValue> {
    let cause = Error::from_js(&value)?;
    Err(JsUniError::from(PluginError::Callback(cause)).into())
}
