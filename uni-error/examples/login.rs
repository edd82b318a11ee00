//! A plugin's errors, defined once: prints each as uni-app JSON, then the
//! owned form's cause chain.
//!
//! Run with `cargo run --example login`.

use uni_error::UniError;

/// What the (imaginary) weixin SDK reports.
#[derive(Debug, UniError)]
#[subject("weixin-sdk")]
#[errno(category = 14, sub = 16, code = 701, platform = "android")]
#[msg("user cancelled the authorization")]
pub struct WeixinSdkError;

/// The errors of a `uni-login` plugin.
#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
pub enum LoginError {
    /// The device has NFC, but it is off or unusable.
    #[errno(code = 3)]
    #[msg("NFC is not available: {reason}")]
    NfcUnavailable { reason: String },

    /// WeChat's own "time out".
    #[errno(category = 0, sub = 0, code = 5)]
    #[msg("login timed out after {0} ms")]
    Timeout(u64),

    /// The weixin SDK failed; whatever profile it returned is in `data`.
    #[errno(category = 14, sub = 16, code = 601, platform = "cross")]
    #[subject("uni-login::weixin")]
    #[msg("weixin login failed")]
    Weixin {
        #[source]
        sdk: WeixinSdkError,
        #[data]
        partial: Option<Vec<String>>,
    },

    /// Every provider was tried.
    #[errno(code = 9)]
    #[msg("every provider failed")]
    AllFailed {
        #[source]
        errors: Vec<WeixinSdkError>,
    },

    /// Local storage failed.
    #[errno(code = 10)]
    #[msg("storage: {0}")]
    Io(#[from] std::io::Error),
}

fn main() -> std::io::Result<()> {
    run(&mut std::io::stdout().lock())
}

/// What `main` prints, written to `out` (tests/tests/readme.rs compares it
/// with the README).
pub fn run(out: &mut impl std::io::Write) -> std::io::Result<()> {
    let errors = [
        LoginError::NfcUnavailable {
            reason: "switched off".into(),
        },
        LoginError::Timeout(30_000),
        LoginError::Weixin {
            sdk: WeixinSdkError,
            partial: Some(vec!["nickname".into()]),
        },
        LoginError::AllFailed {
            errors: vec![WeixinSdkError, WeixinSdkError],
        },
        LoginError::from(std::io::Error::other("disk full")),
    ];
    for e in &errors {
        writeln!(out, "{}", serde_json::to_string(e)?)?;
    }
    // Erased into the owned form, the chain renders one cause per line.
    let owned: uni_error::Error = errors[2].to_error();
    writeln!(out, "\n{owned:#}")
}
