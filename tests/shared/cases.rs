//! The error cases every bridge's tests throw, by name: the README's
//! `LoginError` and friends, chains, aggregates, unknown keys, text
//! JavaScript finds hard. Included with `#[path]` by tests/wasm and
//! tests/napi (one table, so both JS suites compare the same errors).

use core::fmt;

use uni_error::{AggregateError, Error, SourceError, UniError};

/// The README's first example, unchanged.
#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
pub enum LoginError {
    /// The device has NFC, but it is off.
    #[errno(code = 3)]
    #[msg("NFC is not available: {reason}")]
    NfcUnavailable { reason: String },

    #[errno(category = 0, sub = 0, code = 5)]
    #[msg("login timed out after {0} ms")]
    Timeout(u64),

    #[errno(category = 14, sub = 16, code = 601, platform = "cross")]
    #[subject("uni-login::weixin")]
    #[msg("weixin login failed")]
    Weixin {
        #[source(subject = "weixin-sdk")]
        sdk: std::io::Error,
        #[data]
        partial: Option<Vec<String>>,
    },

    #[errno(code = 10)]
    #[msg("storage: {0}")]
    Io(#[from] std::io::Error),
}

/// A third-party error with a source of its own.
#[derive(Debug)]
struct SdkError {
    source: std::io::Error,
}

impl fmt::Display for SdkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("sdk handshake failed")
    }
}

impl std::error::Error for SdkError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// A plugin built on `uni-login`: its causes are uni errors.
#[derive(Debug, UniError)]
#[subject("uni-plugin")]
#[errno(category = 14, sub = 16)]
pub enum PluginError {
    #[errno(code = 602)]
    #[msg("sign-in failed")]
    SignIn(#[source] LoginError),

    /// A uni-app API's `fail` callback, read back from JavaScript.
    #[errno(code = 603)]
    #[msg("uni.login failed")]
    Callback(#[source] Error),
}

/// One ad provider's failure.
#[derive(Debug, UniError)]
#[subject("uni-ad::provider")]
#[errno(category = 14, sub = 16, code = 604)]
#[msg("{provider}: {reason}")]
pub struct ProviderError {
    provider: String,
    reason: String,
}

/// Every provider failed: an aggregate cause.
#[derive(Debug, UniError)]
#[subject("uni-ad")]
#[errno(category = 14, sub = 16)]
pub enum AdError {
    #[errno(code = 601)]
    #[msg("no ad could be shown")]
    AllFailed {
        #[source]
        errors: Vec<ProviderError>,
    },
}

/// An error read from JSON text: what the crate writes is then fixed by the
/// text, whatever type holds `data`.
fn parsed(json: &str) -> Error {
    serde_json::from_str(json)
        .unwrap_or_else(|e| Error::new("test", 4, format!("bad test JSON: {e}")))
}

/// Every error the tests compare, by name.
pub fn case(name: &str) -> Error {
    let io = std::io::Error::other;
    match name {
        "nfc" => LoginError::NfcUnavailable {
            reason: "off".into(),
        }
        .into(),
        "timeout" => LoginError::Timeout(30_000).into(),
        "weixin" => LoginError::Weixin {
            sdk: io("user cancelled"),
            partial: Some(vec!["nickname".into()]),
        }
        .into(),
        "io" => LoginError::from(io("disk full")).into(),
        // uni-plugin → uni-login → the SDK's io error → its source.
        "chain3" => PluginError::SignIn(LoginError::from(std::io::Error::other(SdkError {
            source: io("socket closed"),
        })))
        .into(),
        "unicode" => Error::new(
            "uni-登录::微信",
            1_504_003,
            "登录失败 🚫 \"引号\" \\ / \n\r\t\u{1}\u{1f}\u{7f}\u{2028}\u{2029} é",
        )
        .with_cause(SourceError::new("原因 💥 \u{0}").with_subject("sdk-微信")),
        "aggregate" => AdError::AllFailed {
            errors: vec![
                ProviderError {
                    provider: "csj".into(),
                    reason: "no fill".into(),
                },
                ProviderError {
                    provider: "gdt".into(),
                    reason: "timeout".into(),
                },
            ],
        }
        .into(),
        // An owned aggregate with extra attributes, a nested aggregate and a
        // cause of its own.
        "aggregate-owned" => Error::new("uni-ad", 1_416_601, "no ad could be shown").with_cause(
            AggregateError::with_message(
                "all providers failed",
                vec![
                    SourceError::new("no fill")
                        .with_subject("csj")
                        .with_code(-404_012)
                        .with_extra("slotId", serde_json::json!("887654"))
                        .unwrap()
                        .into(),
                    AggregateError::new(vec![SourceError::new("inner").into()])
                        .with_subject("mixed")
                        .into(),
                    SourceError::new("timeout")
                        .with_subject("gdt")
                        .with_extra("slotId", serde_json::json!(12))
                        .unwrap()
                        .with_cause(SourceError::new("socket closed"))
                        .into(),
                ],
            )
            .with_subject("uni-ad::waterfall")
            .with_code(3)
            .with_cause(SourceError::new("config missing")),
        ),
        "data" => parsed(
            r#"{"errSubject":"uni-pay","errCode":1500101,"errMsg":"partial","data":{"nested":{"empty":{},"emptyList":[],"list":[1,2.5,-3,true,null,"s"]},"text":"x"}}"#,
        ),
        "extra" => parsed(
            r#"{"errSubject":"uni-push","errCode":1400601,"errMsg":"m","cause":{"message":"c","slotId":"s1","weight":0.5},"traceId":"abc","retry":true}"#,
        ),
        // Unknown keys named like a JS Error's own properties.
        "own-names" => parsed(
            r#"{"errSubject":"s","errCode":1,"errMsg":"m","cause":{"message":"c","name":"AbortError","stack":"at x","__proto__":{"p":1}},"message":"top message","name":"TopName","stack":"st","__proto__":[1]}"#,
        ),
        "deep" => {
            let mut c = SourceError::new("level 299");
            for i in (0..299).rev() {
                c = SourceError::new(format!("level {i}")).with_cause(c);
            }
            Error::new("uni-deep", 4, "deep").with_cause(c)
        }
        // JavaScript's own exceptions: integer-like keys first, ...
        "int-keys" => parsed(
            r#"{"errSubject":"s","errCode":1,"errMsg":"m","data":{"10":2,"9":3,"a":4},"z":0,"7":1}"#,
        ),
        // ... doubles written by JavaScript, ...
        "floats" => parsed(
            r#"{"errSubject":"s","errCode":1,"errMsg":"m","data":[1.0,-0.0,1e21,1e20,0.1,1.5e-7,123456.789]}"#,
        ),
        // ... and integers beyond 2^53.
        "big-ints" => parsed(
            r#"{"errSubject":"s","errCode":9007199254740993,"errMsg":"m","data":[9007199254740993,-9007199254740993,18446744073709551615],"cause":{"message":"c","code":-9007199254740993}}"#,
        ),
        _ => Error::new("test", 4, format!("no test case named {name:?}")),
    }
}
