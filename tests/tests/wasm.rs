//! The `wasm` feature on the host: the contract's conversions compile and
//! keep the error. What JavaScript sees is tested in node
//! (`scripts/test-wasm.sh`, `tests/wasm/js/`): building a JS value needs a
//! JavaScript engine.

use uni_error::wasm::JsUniError;
use uni_error::{Error, SourceError, UniError};
use wasm_bindgen::prelude::*;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("NFC is not available: {reason}")]
    NfcUnavailable { reason: String },
    #[errno(code = 10)]
    #[msg("storage: {0}")]
    Io(#[from] std::io::Error),
}

/// The contract: `From<E: UniError> + From<Error> + Into<JsValue>`.
fn contract<E: UniError>()
where
    JsUniError: From<E> + From<Error> + Into<JsValue>,
{
}

#[test]
fn the_contract_holds_for_derived_and_boxed_errors() {
    contract::<LoginError>();
    contract::<Box<LoginError>>();
    contract::<&LoginError>();
}

// A `#[wasm_bindgen]` export compiles with `JsUniError` in `Err` and `?` on
// both kinds of error; on the host it runs as plain Rust.
#[wasm_bindgen]
pub fn nfc_login() -> Result<String, JsUniError> {
    fn read() -> Result<String, LoginError> {
        Err(LoginError::NfcUnavailable {
            reason: "off".into(),
        })
    }
    Ok(read()?)
}

#[wasm_bindgen]
pub fn owned_login() -> Result<String, JsUniError> {
    fn read() -> Result<String, Error> {
        Err(Error::new("uni-login", 1_504_003, "off").with_cause(SourceError::new("sdk")))
    }
    Ok(read()?)
}

#[test]
fn question_mark_on_a_derived_error_erases_it_whole() {
    let err = nfc_login().unwrap_err();
    assert_eq!(
        serde_json::to_string(err.error()).unwrap(),
        r#"{"errSubject":"uni-login","errCode":1504003,"errMsg":"NFC is not available: off"}"#
    );
    let io = LoginError::from(std::io::Error::other("disk full"));
    let expected = Error::from(LoginError::from(std::io::Error::other("disk full")));
    assert_eq!(JsUniError::from(io).into_error(), expected);
}

#[test]
fn question_mark_on_the_owned_error_moves_it_unchanged() {
    let err = owned_login().unwrap_err();
    let expected = Error::new("uni-login", 1_504_003, "off").with_cause(SourceError::new("sdk"));
    assert_eq!(err, JsUniError::new(expected.clone()));
    assert_eq!(err.into_error(), expected);
}

#[test]
fn display_is_the_errors() {
    let err = owned_login().unwrap_err();
    assert_eq!(err.to_string(), "off");
    assert_eq!(format!("{err:#}"), "uni-login 1504003: off\ncaused by: sdk");
    assert!(format!("{err:?}").starts_with("JsUniError { error: Error { subject: \"uni-login\""));
}
