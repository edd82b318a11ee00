//! Runtime benchmarks: each of ours against a baseline that produces
//! identical output (asserted before measuring).
//!
//! `cargo bench -p uni-error-tests --bench runtime`; figures in BENCHMARKS.md.

use std::fmt;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use uni_error::UniError;

mod big_enum;

// ---------------------------------------------------------------------------
// Leaf: derived vs a hand-written Serialize.
// ---------------------------------------------------------------------------

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("NFC is not available: {reason}")]
    NfcUnavailable { reason: String },
    #[errno(code = 4)]
    #[msg("step {step} failed for {user}")]
    Step { step: u32, user: String },
}

struct HandLeaf {
    reason: String,
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
struct Reset;
impl fmt::Display for Reset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection reset by peer")
    }
}
impl std::error::Error for Reset {}

#[derive(Debug)]
struct Tls(Reset);
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
struct WeixinError {
    #[source]
    io: std::io::Error,
}

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4, code = 9)]
#[msg("login failed for {user}")]
struct ChainError {
    user: String,
    #[source]
    sdk: WeixinError,
}

fn chain_error() -> ChainError {
    ChainError {
        user: "alice".into(),
        sdk: WeixinError {
            io: std::io::Error::other(Tls(Reset)),
        },
    }
}

/// The same JSON, streamed by hand.
struct HandChain<'a>(&'a ChainError);

struct HandSource<'a> {
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
enum ThisError {
    #[error("step {step} failed for {user}")]
    Step { step: u32, user: String },
}

// ---------------------------------------------------------------------------
// Deserialize ~1 KiB with a three-level cause: ours vs plain derive.
// ---------------------------------------------------------------------------

#[derive(Deserialize, PartialEq, Debug)]
#[allow(non_snake_case, dead_code)]
struct PlainError {
    errSubject: String,
    errCode: i64,
    errMsg: String,
    data: Option<serde_json::Value>,
    cause: Option<PlainCause>,
}

#[derive(Deserialize, PartialEq, Debug)]
#[allow(dead_code)]
struct PlainCause {
    message: String,
    subject: Option<String>,
    code: Option<i64>,
    cause: Option<Box<PlainCause>>,
}

fn kib_json() -> String {
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

fn benches(c: &mut Criterion) {
    let mut buf = Vec::with_capacity(4096);

    // Leaf serialize.
    let ours = LoginError::NfcUnavailable {
        reason: "switched off in settings".into(),
    };
    let hand = HandLeaf {
        reason: "switched off in settings".into(),
    };
    assert_eq!(
        serde_json::to_string(&ours).unwrap(),
        serde_json::to_string(&hand).unwrap()
    );
    let mut g = c.benchmark_group("serialize_leaf");
    g.bench_function("derived", |b| {
        b.iter(|| {
            buf.clear();
            serde_json::to_writer(&mut buf, black_box(&ours)).unwrap();
        })
    });
    g.bench_function("hand_written", |b| {
        b.iter(|| {
            buf.clear();
            serde_json::to_writer(&mut buf, black_box(&hand)).unwrap();
        })
    });
    g.finish();

    // Three-level chain serialize.
    let chain = chain_error();
    assert_eq!(
        serde_json::to_string(&chain).unwrap(),
        serde_json::to_string(&HandChain(&chain)).unwrap()
    );
    let mut g = c.benchmark_group("serialize_chain3");
    g.bench_function("derived", |b| {
        b.iter(|| {
            buf.clear();
            serde_json::to_writer(&mut buf, black_box(&chain)).unwrap();
        })
    });
    g.bench_function("hand_written", |b| {
        b.iter(|| {
            buf.clear();
            serde_json::to_writer(&mut buf, &HandChain(black_box(&chain))).unwrap();
        })
    });
    g.finish();

    // Display with two interpolated fields.
    let ours = LoginError::Step {
        step: 7,
        user: "alice".into(),
    };
    let theirs = ThisError::Step {
        step: 7,
        user: "alice".into(),
    };
    assert_eq!(ours.to_string(), theirs.to_string());
    let mut text = String::with_capacity(256);
    let mut g = c.benchmark_group("display_two_fields");
    g.bench_function("derived", |b| {
        b.iter(|| {
            use fmt::Write as _;
            text.clear();
            write!(text, "{}", black_box(&ours)).unwrap();
        })
    });
    g.bench_function("thiserror", |b| {
        b.iter(|| {
            use fmt::Write as _;
            text.clear();
            write!(text, "{}", black_box(&theirs)).unwrap();
        })
    });
    g.finish();

    // errno() on a 200-variant enum.
    let all = big_enum::Big::ALL;
    for v in all {
        assert_eq!(v.errno().get(), v.hand_errno());
    }
    let mut g = c.benchmark_group("errno_200_variants");
    g.bench_function("derived", |b| {
        b.iter(|| black_box(&all).iter().map(|v| v.errno().get()).sum::<u32>())
    });
    g.bench_function("hand_match", |b| {
        b.iter(|| black_box(&all).iter().map(|v| v.hand_errno()).sum::<u32>())
    });
    g.finish();

    // Deserialize ~1 KiB with a three-level cause.
    let json = kib_json();
    assert!((900..1200).contains(&json.len()), "{}", json.len());
    let ours: uni_error::Error = serde_json::from_str(&json).unwrap();
    let plain: PlainError = serde_json::from_str(&json).unwrap();
    assert_eq!(ours.chain().count(), 3);
    assert_eq!(plain.errMsg, ours.message());
    let mut g = c.benchmark_group("deserialize_1kib_chain3");
    g.bench_function("uni_error_Error", |b| {
        b.iter(|| serde_json::from_str::<uni_error::Error>(black_box(&json)).unwrap())
    });
    g.bench_function("plain_derive", |b| {
        b.iter(|| serde_json::from_str::<PlainError>(black_box(&json)).unwrap())
    });
    g.finish();

    // Erasing a derived error into uni_error::Error.
    let leaf = LoginError::NfcUnavailable {
        reason: "off".into(),
    };
    let mut g = c.benchmark_group("erase");
    g.bench_function("leaf_to_error", |b| b.iter(|| black_box(&leaf).to_error()));
    g.bench_function("chain3_to_error", |b| {
        b.iter(|| black_box(&chain).to_error())
    });
    g.bench_function("hand_built_leaf", |b| {
        b.iter(|| {
            let l = black_box(&leaf);
            uni_error::Error::new(l.err_subject(), l.errno(), l.to_string())
        })
    });
    g.finish();
}

criterion_group!(runtime, benches);
criterion_main!(runtime);
