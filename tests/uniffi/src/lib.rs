//! A plugin's Rust library as uniffi exports it to Kotlin, Swift and
//! Python: functions that fail with the shared cases (tests/shared/cases.rs)
//! through `uni_error::uniffi::UniFfiError`, a type of another crate
//! (uniffi's library mode writes its `uni_error` module beside this one's).
//!
//! Built and bound by `scripts/test-uniffi.sh`.

// UniFfiError is 128 bytes, as uni_error::uniffi documents: what a plugin
// that lints with -D warnings writes.
#![allow(clippy::result_large_err)]

#[allow(dead_code)] // the baseline build keeps only LoginError
#[path = "../../shared/cases.rs"]
mod cases;

uniffi::setup_scaffolding!();

/// Without the bridge: a flat error whose message is the JSON, as a plugin
/// has to do without the `uniffi` feature.
#[cfg(not(feature = "bridge"))]
#[derive(Debug, uniffi::Error)]
#[uniffi(flat_error)]
pub enum PlainError {
    /// The uni error's JSON.
    Json(String),
}

#[cfg(not(feature = "bridge"))]
impl std::fmt::Display for PlainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let PlainError::Json(json) = self;
        f.write_str(json)
    }
}

/// Fails the way a plugin would: `?` on a derived error.
#[cfg(not(feature = "bridge"))]
#[uniffi::export]
pub fn login(reason: String) -> Result<String, PlainError> {
    let e = cases::LoginError::NfcUnavailable { reason };
    Err(PlainError::Json(
        serde_json::to_string(&e).unwrap_or_default(),
    ))
}

/// Fails the way a plugin would: `?` on a derived error.
#[cfg(feature = "bridge")]
#[uniffi::export]
pub fn login(reason: String) -> Result<String, uni_error::uniffi::UniFfiError> {
    Err(cases::LoginError::NfcUnavailable { reason })?
}

#[cfg(feature = "suite")]
mod suite {
    use uni_error::uniffi::UniFfiError;
    use uni_error::Error;

    use crate::cases::{case, LoginError, PluginError};

    /// Fails with case `name`.
    #[uniffi::export]
    pub fn fail(name: String) -> Result<(), UniFfiError> {
        Err(case(&name))?
    }

    /// `serde_json::to_string` of case `name`.
    #[uniffi::export]
    pub fn rust_json(name: String) -> String {
        serde_json::to_string(&case(&name)).unwrap_or_else(|e| format!("serialization failed: {e}"))
    }

    /// `?` on a derived error whose cause is another derived error.
    #[uniffi::export]
    pub fn sign_in() -> Result<String, UniFfiError> {
        fn inner() -> Result<String, PluginError> {
            Err(PluginError::SignIn(LoginError::Timeout(5)))
        }
        Ok(inner()?)
    }

    /// `?` on the owned `uni_error::Error`.
    #[uniffi::export]
    pub fn open_owned() -> Result<String, UniFfiError> {
        fn inner() -> Result<String, Error> {
            Err(Error::new("uni-fs", 1_300_002, "no such file"))
        }
        Ok(inner()?)
    }

    /// An async export fails the same way.
    #[uniffi::export]
    pub async fn fail_later(name: String) -> Result<String, UniFfiError> {
        match name.as_str() {
            "none" => Ok("fine".to_owned()),
            name => Err(case(name).into()),
        }
    }
}
