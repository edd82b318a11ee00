//! The direct writer (`UniError::write_json`, `to_json`, and the owned
//! `Error`'s) against exact JSON text, and beside serde_json's bytes.

use std::fmt;

use uni_error::{Error, UniError};

#[derive(Debug, serde::Serialize)]
struct Profile {
    name: &'static str,
    age: u8,
}

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("登录失败: {0}")]
    Failed(String),
    #[errno(code = 5)]
    #[msg("partial")]
    Partial(#[data] Profile),
    #[errno(code = 6)]
    #[msg("network")]
    Network(#[source] std::io::Error),
    #[msg(transparent)]
    Forwarded(Error),
    #[errno(code = 7)]
    #[subject("uni-login::weixin")]
    #[msg("weixin")]
    Weixin,
}

/// Both writers, and their bytes are one.
fn both(e: &(impl UniError + serde::Serialize)) -> String {
    let direct = e.to_json().unwrap();
    assert_eq!(direct, serde_json::to_string(e).unwrap());
    direct
}

#[test]
fn a_leaf_with_chinese_and_control_characters() {
    let e = LoginError::Failed("\"码\"\n\t\u{1}\u{1f}\u{7f}\\".into());
    // 0x7f is not escaped (as serde_json); the other controls are.
    assert_eq!(
        both(&e),
        "{\"errSubject\":\"uni-login\",\"errCode\":1504003,\"errMsg\":\"登录失败: \\\"码\\\"\\n\\t\\u0001\\u001f\u{7f}\\\\\"}"
    );
}

#[test]
fn data_cause_and_a_variant_subject() {
    assert_eq!(
        both(&LoginError::Partial(Profile {
            name: "Ann",
            age: 3
        })),
        r#"{"errSubject":"uni-login","errCode":1504005,"errMsg":"partial","data":{"name":"Ann","age":3}}"#
    );
    assert_eq!(
        both(&LoginError::Network(std::io::Error::other("offline"))),
        r#"{"errSubject":"uni-login","errCode":1504006,"errMsg":"network","cause":{"message":"offline"}}"#
    );
    assert_eq!(
        both(&LoginError::Weixin),
        r#"{"errSubject":"uni-login::weixin","errCode":1504007,"errMsg":"weixin"}"#
    );
}

#[test]
fn a_transparent_variant_and_unknown_keys() {
    let read: Error = serde_json::from_str(
        r#"{"errSubject":"uni-pay","errCode":-7,"errMsg":"x","cause":{"message":"m","k":1},"trace":"a\"b"}"#,
    )
    .unwrap();
    let expected = r#"{"errSubject":"uni-pay","errCode":-7,"errMsg":"x","cause":{"message":"m","k":1},"trace":"a\"b"}"#;
    assert_eq!(read.to_json().unwrap(), expected);
    // A transparent variant is its field on the wire: head, data, cause
    // and the field's unknown keys, on both streamed writers and through
    // erasure (`to_error`, `into_error`) alike.
    let wrapped = LoginError::Forwarded(read.clone());
    assert_eq!(both(&wrapped), expected);
    assert_eq!(
        serde_json::to_string(&wrapped.to_error()).unwrap(),
        expected
    );
    assert_eq!(wrapped.to_error(), read);
    assert_eq!(wrapped.into_error(), read);
}

#[derive(Debug, UniError)]
#[subject("uni-app")]
#[errno(category = 15, sub = 4)]
enum Layered {
    /// Transparent over a transparent over `Error`.
    #[msg(transparent)]
    Again(LoginError),
    /// The same as a cause: the forwarded keys follow the node's own.
    #[errno(code = 8)]
    #[msg("outer")]
    Below(#[source] LoginError),
}

/// Unknown keys forwarded through two transparent layers, and as a cause,
/// where a key the node has as its own (`message`, `code`) is left out as
/// `SourceError::of_uni` leaves it out: the same bytes on every path.
#[test]
fn forwarded_unknown_keys_through_layers_and_as_a_cause() {
    let read: Error = serde_json::from_str(
        r#"{"errSubject":"uni-pay","errCode":-7,"errMsg":"x","data":[1],"message":"m","trace":"t","code":3}"#,
    )
    .unwrap();
    let again = Layered::Again(LoginError::Forwarded(read.clone()));
    let top = r#"{"errSubject":"uni-pay","errCode":-7,"errMsg":"x","data":[1],"message":"m","trace":"t","code":3}"#;
    assert_eq!(both(&again), top);
    assert_eq!(serde_json::to_string(&again.to_error()).unwrap(), top);

    let below = Layered::Below(LoginError::Forwarded(read));
    let caused = r#"{"errSubject":"uni-app","errCode":1504008,"errMsg":"outer","cause":{"message":"x","subject":"uni-pay","code":-7,"data":[1],"trace":"t"}}"#;
    assert_eq!(both(&below), caused);
    assert_eq!(serde_json::to_string(&below.to_error()).unwrap(), caused);
    assert_eq!(serde_json::to_string(&below.into_error()).unwrap(), caused);
}

#[test]
fn through_dyn_and_appended_to_a_reused_buffer() {
    let e: Box<dyn UniError> = Box::new(LoginError::Weixin);
    let mut out = b"prefix ".to_vec();
    e.write_json(&mut out).unwrap();
    assert_eq!(
        out,
        br#"prefix {"errSubject":"uni-login::weixin","errCode":1504007,"errMsg":"weixin"}"#
    );
}

/// A hand-written uni error: the default `write_json`, through `to_error`.
#[derive(Debug)]
struct Offline;
impl fmt::Display for Offline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("offline\u{0}")
    }
}
impl std::error::Error for Offline {}
impl UniError for Offline {
    fn err_subject(&self) -> &str {
        "uni-request"
    }
    fn errno(&self) -> uni_error::Errno {
        uni_error::Errno::CGI_FAILED_FOR_NETWORK_ISSUES
    }
}

#[test]
fn a_hand_written_impl() {
    assert_eq!(
        Offline.to_json().unwrap(),
        r#"{"errSubject":"uni-request","errCode":108,"errMsg":"offline\u0000"}"#
    );
}

/// A `Display` that fails.
#[derive(Debug)]
struct Broken;
impl fmt::Display for Broken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("half")?;
        Err(fmt::Error)
    }
}

#[derive(Debug, UniError)]
#[subject("uni-x")]
#[errno(category = 15, sub = 4, code = 9)]
#[msg("outer {0}")]
struct Outer(Broken);

/// errMsg whose `Display` fails: an error, and the buffer as it was.
/// (serde_json's own `collect_str` panics on such a `Display`, so the
/// serde path is not compared here.)
#[test]
fn a_failing_display_leaves_the_buffer_as_it_was() {
    let mut out = b"kept".to_vec();
    assert!(Outer(Broken).write_json(&mut out).is_err());
    assert_eq!(out, b"kept");
    assert!(Outer(Broken).to_json().is_err());
}

#[test]
fn public_writes_the_head_only_as_serde_does() {
    use uni_error::Public;
    let typed = LoginError::Network(std::io::Error::other("shard 7\u{1}"));
    let failed = LoginError::Failed("\"码\"\n\u{2028}".into());
    let owned = Error::new("uni-pay", 700001, "付款失败\t")
        .with_data(serde_json::json!({"orderId": "internal-123"}))
        .with_cause(uni_error::SourceError::new("db timeout"));
    let mut out = b"[".to_vec();
    Public(&typed).write_json(&mut out).unwrap();
    out.push(b',');
    Public(&failed).write_json(&mut out).unwrap();
    out.push(b',');
    Public(&owned).write_json(&mut out).unwrap();
    out.push(b']');
    let expected = concat!(
        r#"[{"errSubject":"uni-login","errCode":1504006,"errMsg":"network"},"#,
        r#"{"errSubject":"uni-login","errCode":1504003,"errMsg":"登录失败: \"码\"\n"#,
        "\u{2028}",
        r#""},"#,
        r#"{"errSubject":"uni-pay","errCode":700001,"errMsg":"付款失败\t"}]"#
    );
    assert_eq!(String::from_utf8(out).unwrap(), expected);
    let serde = format!(
        "[{},{},{}]",
        serde_json::to_string(&Public(&typed)).unwrap(),
        serde_json::to_string(&Public(&failed)).unwrap(),
        serde_json::to_string(&Public(&owned)).unwrap()
    );
    assert_eq!(serde, expected);
}
