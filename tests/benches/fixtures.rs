//! The benchmarked types and their hand-written baselines, shared by the
//! criterion bench (`runtime.rs`) and the instruction-count example
//! (`tests/examples/instructions.rs`).

#![allow(dead_code)]

use std::fmt;

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use uni_error::UniError;

// ---------------------------------------------------------------------------
// Leaf: derived vs a hand-written Serialize.
// ---------------------------------------------------------------------------

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
pub(crate) enum LoginError {
    #[errno(code = 3)]
    #[msg("NFC is not available: {reason}")]
    NfcUnavailable { reason: String },
    #[errno(code = 4)]
    #[msg("step {step} failed for {user}")]
    Step { step: u32, user: String },
}

pub(crate) struct HandLeaf {
    pub(crate) reason: String,
}

impl Serialize for HandLeaf {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("errSubject", "uni-login")?;
        m.serialize_entry("errCode", &1_504_003u32)?;
        m.serialize_entry(
            "errMsg",
            &format_args!("NFC is not available: {}", self.reason),
        )?;
        m.end()
    }
}

// ---------------------------------------------------------------------------
// Three-level chain: derived -> derived -> io::Error with its own source.
// ---------------------------------------------------------------------------

#[derive(Debug)]
pub(crate) struct Reset;
impl fmt::Display for Reset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection reset by peer")
    }
}
impl std::error::Error for Reset {}

#[derive(Debug)]
pub(crate) struct Tls(Reset);
impl fmt::Display for Tls {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("tls handshake failed")
    }
}
impl std::error::Error for Tls {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

#[derive(Debug, UniError)]
#[subject("uni-login::weixin")]
#[errno(category = 14, sub = 16, code = 601)]
#[msg("weixin sdk failed")]
pub(crate) struct WeixinError {
    #[source]
    io: std::io::Error,
}

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4, code = 9)]
#[msg("login failed for {user}")]
pub(crate) struct ChainError {
    user: String,
    #[source]
    sdk: WeixinError,
}

pub(crate) fn chain_error() -> ChainError {
    ChainError {
        user: "alice".into(),
        sdk: WeixinError {
            io: std::io::Error::other(Tls(Reset)),
        },
    }
}

/// The same JSON, streamed by hand.
pub(crate) struct HandChain<'a>(pub(crate) &'a ChainError);

pub(crate) struct HandSource<'a> {
    message: &'a dyn fmt::Display,
    subject: Option<&'a str>,
    code: Option<u32>,
    cause: Option<&'a (dyn std::error::Error + 'static)>,
}

impl Serialize for HandSource<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("message", &format_args!("{}", self.message))?;
        if let Some(subject) = self.subject {
            m.serialize_entry("subject", subject)?;
        }
        if let Some(code) = self.code {
            m.serialize_entry("code", &code)?;
        }
        if let Some(cause) = self.cause {
            let below = HandSource {
                message: &cause,
                subject: None,
                code: None,
                cause: cause.source(),
            };
            m.serialize_entry("cause", &below)?;
        }
        m.end()
    }
}

impl Serialize for HandChain<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("errSubject", "uni-login")?;
        m.serialize_entry("errCode", &1_504_009u32)?;
        m.serialize_entry("errMsg", &format_args!("login failed for {}", e.user))?;
        let sdk = HandSource {
            message: &"weixin sdk failed",
            subject: Some("uni-login::weixin"),
            code: Some(1_416_601),
            cause: Some(&e.sdk.io),
        };
        m.serialize_entry("cause", &sdk)?;
        m.end()
    }
}

// ---------------------------------------------------------------------------
// Display with two fields: ours vs thiserror.
// ---------------------------------------------------------------------------

#[derive(Debug, thiserror::Error)]
pub(crate) enum ThisError {
    #[error("step {step} failed for {user}")]
    Step { step: u32, user: String },
}

// ---------------------------------------------------------------------------
// Deserialize ~1 KiB with a three-level cause: ours vs plain derive.
// ---------------------------------------------------------------------------

#[derive(Deserialize, PartialEq, Debug)]
#[allow(non_snake_case, dead_code)]
pub(crate) struct PlainError {
    errSubject: String,
    errCode: i64,
    pub(crate) errMsg: String,
    data: Option<serde_json::Value>,
    cause: Option<PlainCause>,
}

#[derive(Deserialize, PartialEq, Debug)]
#[allow(dead_code)]
pub(crate) struct PlainCause {
    message: String,
    subject: Option<String>,
    code: Option<i64>,
    cause: Option<Box<PlainCause>>,
}

pub(crate) fn kib_json() -> String {
    let filler = "x".repeat(180);
    format!(
        concat!(
            r#"{{"errSubject":"uni-login::weixin","errCode":1416601,"errMsg":"weixin login failed: {f}","#,
            r#""data":{{"user":"alice","attempt":3,"providers":["weixin","apple"]}},"#,
            r#""cause":{{"message":"sdk error: {f}","subject":"weixin-sdk","code":-2,"#,
            r#""cause":{{"message":"tls handshake failed: {f}","code":104,"#,
            r#""cause":{{"message":"connection reset by peer: {f}"}}}}}}}}"#
        ),
        f = filler
    )
}

// ---------------------------------------------------------------------------
// Erasure by value: a 3-level chain built with `?`, each layer a derived
// error whose `#[source]` is the previous layer's `uni_error::Error`.
// ---------------------------------------------------------------------------

#[derive(Debug, UniError)]
#[subject("uni-login::layer")]
#[errno(category = 15, sub = 4, code = 21)]
#[msg("layer {depth} failed")]
pub(crate) struct Layer {
    pub(crate) depth: u32,
    #[source]
    pub(crate) source: uni_error::Error,
}

/// Erases `levels` layers above an owned leaf by value, as `?` does.
pub(crate) fn erase_layers(levels: u32) -> uni_error::Error {
    let mut e = uni_error::Error::new("uni-login", 1_504_003, "NFC is not available");
    for depth in 0..levels {
        e = uni_error::Error::from(Layer { depth, source: e });
    }
    e
}
