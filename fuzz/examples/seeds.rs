//! Writes the seed inputs of the `json`, `axum_body` and `tonic_status`
//! targets into `seeds/<target>/`: real values, the conformance cases
//! (`tests/conformance/cases.json`) and what our own encoders write, in the
//! framing each target reads. `seed.sh` runs it.
//!
//! ```sh
//! cargo run --manifest-path fuzz/Cargo.toml --example seeds
//! ```

use std::fs;
use std::path::Path;

use uni_error::tonic::{to_public_status, to_status, to_status_in};
use uni_error::{Error, SourceError, UniError};

#[derive(Debug, UniError)]
#[subject("uni-pay")]
#[errno(category = 7, sub = 0, code = 4)]
#[status(grpc = "NOT_FOUND")]
#[locales("en", "zh-Hans")]
#[msg("no such order: {order_id}")]
#[locale(zh_Hans = "订单不存在：{order_id}")]
struct NoOrder {
    order_id: u64,
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    fs::create_dir_all(dir).unwrap();
    fs::write(dir.join(format!("seed-{name}")), bytes).unwrap();
}

/// A one-byte length, then the bytes (`tonic_status`'s framing).
fn piece(out: &mut Vec<u8>, bytes: &[u8]) {
    let n = bytes.len().min(255);
    out.push(n as u8);
    out.extend_from_slice(&bytes[..n]);
}

/// `tonic_status`, even mode: code, message, details.
fn read_seed(status: &tonic::Status) -> Vec<u8> {
    let mut out = vec![0];
    out.extend_from_slice(&(status.code() as i32).to_le_bytes());
    piece(&mut out, status.message().as_bytes());
    out.extend_from_slice(status.details());
    out
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = root.join("seeds");
    // Raw values: the `deep` case nests past serde_json's `Value` limit.
    #[derive(serde::Deserialize)]
    struct Case {
        case: String,
        expected: Box<serde_json::value::RawValue>,
    }
    let cases: Vec<Case> = serde_json::from_str(
        &fs::read_to_string(root.join("../tests/conformance/cases.json")).unwrap(),
    )
    .unwrap();
    let (json, axum, tonic) = (
        seeds.join("json"),
        seeds.join("axum_body"),
        seeds.join("tonic_status"),
    );

    for case in &cases {
        let name = case.case.as_str();
        let text = case.expected.get();
        let err: Error = serde_json::from_str(text).unwrap();

        write(&json, name, text.as_bytes());
        if let Some(data) = err.data() {
            write(&json, &format!("{name}-data"), data.get().as_bytes());
        }

        let ct = b"application/json";
        let mut body = vec![ct.len() as u8];
        body.extend_from_slice(ct);
        body.extend_from_slice(text.as_bytes());
        write(&axum, name, &body);

        write(
            &tonic,
            &format!("read-{name}"),
            &read_seed(&to_status(&err)),
        );
    }
    // JSON the conformance cases do not have: exact number spellings,
    // escapes, a duplicate key deep down, whitespace kept inside.
    write(
        &json,
        "numbers",
        br#"[1.0,1e3,-0,12345678901234567890,2.5E-7]"#,
    );
    write(
        &json,
        "escapes",
        br#"{"a\u0000":"\ud83d\ude00\n","b":"\"\\\/"}"#,
    );
    write(&json, "duplicate", br#"{"a":{"b":[{"c":1,"c":2}]}}"#);
    write(&json, "spaces", b" { \"a\" : [ 1 , 2 ] } ");

    // Other Content-Types: a +json type with parameters, a non-JSON type,
    // no header at all, and a body that is JSON but not a uni error.
    let nfc =
        br#"{"errSubject":"uni-login","errCode":1504003,"errMsg":"NFC is not available: off"}"#;
    for (name, ct) in [
        (
            "problem-json",
            &b"application/problem+json; charset=utf-8"[..],
        ),
        ("text-plain", &b"text/plain"[..]),
    ] {
        let mut body = vec![ct.len() as u8];
        body.extend_from_slice(ct);
        body.extend_from_slice(nfc);
        write(&axum, name, &body);
    }
    let mut none = vec![255];
    none.extend_from_slice(nfc);
    write(&axum, "no-header", &none);
    let mut not_uni = vec![16];
    not_uni.extend_from_slice(b"application/json{\"errSubject\":\"uni-x\"}");
    write(&axum, "missing-field", &not_uni);

    // Statuses our encoder writes from a derived error (a named reason,
    // metadata, a LocalizedMessage), without the chain, and a plain status
    // from a server that knows nothing of uni errors.
    let typed = NoOrder { order_id: 7 };
    write(&tonic, "read-derived", &read_seed(&to_status(&typed)));
    write(
        &tonic,
        "read-localized",
        &read_seed(&to_status_in(&typed, "zh-CN")),
    );
    let chained =
        Error::new("uni-pay", 700001, "payment failed").with_cause(SourceError::new("db-7 down"));
    write(
        &tonic,
        "read-public",
        &read_seed(&to_public_status(&chained)),
    );
    write(
        &tonic,
        "read-plain",
        &read_seed(&tonic::Status::deadline_exceeded("too slow")),
    );

    // The writing mode: errSubject, errCode, errMsg, repeats, cause text.
    for (name, subject, code, message, times, cause) in [
        (
            "write-short",
            "uni-ad",
            1_416_601_i64,
            "no ad could be shown",
            0_u8,
            "no fill",
        ),
        (
            "write-cut",
            "uni-x",
            4,
            "failed",
            63,
            "连接被拒绝 connection refused, retrying the upstream db-7 ",
        ),
    ] {
        let mut out = vec![1];
        piece(&mut out, subject.as_bytes());
        out.extend_from_slice(&code.to_le_bytes());
        piece(&mut out, message.as_bytes());
        out.push(times);
        out.extend_from_slice(cause.as_bytes());
        write(&tonic, name, &out);
    }
}
