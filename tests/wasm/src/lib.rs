//! What the node tests in `js/` call: functions that fail with the README's
//! `LoginError` and friends through `uni_error::wasm::JsUniError`, and the
//! Rust side's `serde_json::to_string` of the same errors to compare with.
//!
//! Built by `scripts/test-wasm.sh`; features pick what a size build keeps.

use wasm_bindgen::prelude::*;

/// The error types and the table of cases, shared with tests/napi.
#[allow(dead_code)] // a size build (`--no-default-features`) keeps only LoginError
#[path = "../../shared/cases.rs"]
mod cases;

pub use cases::LoginError;

/// A plugin error in three languages (issue 24).
#[cfg(feature = "bridge")]
#[derive(Debug, uni_error::UniError)]
#[subject("uni-nfc")]
#[errno(category = 15, sub = 4)]
#[locales("en", "zh-Hans", "zh-Hant")]
pub enum NfcError {
    #[errno(code = 1)]
    #[msg("NFC is off: {reason}")]
    #[locale(zh_Hans = "NFC 已关闭：{reason}", zh_Hant = "NFC 已關閉：{reason}")]
    Off { reason: String },
}

/// Fails in the language the page passes (`uni.getLocale()`).
#[cfg(feature = "bridge")]
#[wasm_bindgen]
pub fn nfc_off_in(reason: String, locale: String) -> Result<(), uni_error::wasm::JsUniError> {
    Err(uni_error::wasm::JsUniError::localized(
        &NfcError::Off { reason },
        &locale,
    ))
}

/// Fails the way a plugin would: `?` on a derived error.
#[cfg(feature = "bridge")]
#[wasm_bindgen]
pub fn login(reason: String) -> Result<(), uni_error::wasm::JsUniError> {
    Err(LoginError::NfcUnavailable { reason })?
}

/// The same failure without the bridge: the error's JSON thrown as a string,
/// as a plugin has to do without the `wasm` feature.
#[cfg(not(feature = "bridge"))]
#[wasm_bindgen]
pub fn login(reason: String) -> Result<(), String> {
    let e = LoginError::NfcUnavailable { reason };
    Err(serde_json::to_string(&e).unwrap_or_default())
}

/// A uni-app callback's error, read back and thrown again as the cause of
/// the plugin's own error.
#[cfg(feature = "from-js")]
#[wasm_bindgen]
pub fn login_failed(callback_error: JsValue) -> Result<(), JsValue> {
    let cause = uni_error::Error::from_js(&callback_error)?;
    let io = std::io::Error::other(cause);
    Err(uni_error::wasm::JsUniError::from(LoginError::Io(io)).into())
}

/// A JavaScript error read back (`Error::from_js`) and thrown again as it
/// is: what the reader alone adds to a module that has the bridge.
#[cfg(feature = "from-js-alone")]
#[wasm_bindgen]
pub fn rethrow(error: JsValue) -> Result<(), JsValue> {
    let error = uni_error::Error::from_js(&error)?;
    Err(uni_error::wasm::JsUniError::from(error).into())
}

/// One more error type and its failing function, for the size figures.
#[cfg(all(feature = "bridge", feature = "extra-types"))]
macro_rules! extra_type {
    ($name:ident, $fail:ident, $subject:literal, $category:literal) => {
        #[derive(Debug, uni_error::UniError)]
        #[subject($subject)]
        #[errno(category = $category, sub = 1)]
        pub enum $name {
            #[errno(code = 1)]
            #[msg("not found: {0}")]
            NotFound(String),
            #[errno(code = 2)]
            #[msg("denied for {user} after {tries} tries")]
            Denied { user: String, tries: u32 },
            #[errno(code = 3)]
            #[msg("i/o: {0}")]
            Io(#[from] std::io::Error),
        }

        #[wasm_bindgen]
        pub fn $fail(what: String, tries: u32) -> Result<(), uni_error::wasm::JsUniError> {
            Err(match tries {
                0 => $name::NotFound(what),
                u32::MAX => $name::Io(std::io::Error::other(what)),
                tries => $name::Denied { user: what, tries },
            })?
        }
    };
}

#[cfg(all(feature = "bridge", feature = "extra-types"))]
mod extra {
    use super::*;
    extra_type!(PayError, pay, "uni-pay", 7);
    extra_type!(FileError, open_file, "uni-file", 13);
    extra_type!(NetError, request, "uni-request", 6);
    extra_type!(BleError, connect_ble, "uni-ble", 15);
}

#[cfg(feature = "suite")]
mod suite;
