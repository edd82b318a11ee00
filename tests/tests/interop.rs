//! The foreign error models of SPEC §2–§5, against exact JSON, both ways.

use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::json;
use uni_error::google::{ChatAppLogEntry, Detail, Status};
use uni_error::monitor::{self, JsErrDetail};
use uni_error::status;
use uni_error::status::{Code, StatusOverride};
use uni_error::taobao::{TopError, TopVersion};
use uni_error::wechat::WeChatError;
use uni_error::{AggregateError, Cause, Errno, Error, SourceError, UniError};

fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap()
}

/// Parses, serializes, and checks the bytes came back unchanged.
fn round_trip<T: serde::Serialize + DeserializeOwned>(s: &str) -> T {
    let v: T = serde_json::from_str(s).unwrap_or_else(|e| panic!("{e}: {s}"));
    assert_eq!(to_json(&v), s);
    v
}

/// The message of a parse that must fail.
fn parse_error<T: DeserializeOwned + fmt::Debug>(s: &str) -> String {
    serde_json::from_str::<T>(s).unwrap_err().to_string()
}

/// A typed error with a cause and a status override, as the derive would
/// generate it.
#[derive(Debug)]
struct NoSuchOrder {
    id: u32,
}

impl fmt::Display for NoSuchOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "order {} does not exist", self.id)
    }
}

impl std::error::Error for NoSuchOrder {}

impl UniError for NoSuchOrder {
    fn err_subject(&self) -> &str {
        "uni-pay::order"
    }
    fn errno(&self) -> Errno {
        Errno::new(7, 0, 4).unwrap()
    }
    fn err_cause(&self) -> Option<Cause> {
        Some(
            SourceError::new("row not found")
                .with_subject("db")
                .with_code(1032)
                .into(),
        )
    }
    fn status_override(&self) -> Option<StatusOverride> {
        Some(StatusOverride {
            grpc: Some(Code::NotFound),
            http: None,
        })
    }
}

#[derive(Debug)]
struct Offline;

impl fmt::Display for Offline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("network is offline")
    }
}

impl std::error::Error for Offline {}

impl UniError for Offline {
    fn err_subject(&self) -> &str {
        "uni-request"
    }
    fn errno(&self) -> Errno {
        Errno::CGI_FAILED_FOR_NETWORK_ISSUES
    }
}

// ---------------------------------------------------------------------------
// WeChat (SPEC §2)
// ---------------------------------------------------------------------------

const WECHAT_SPEC: &str =
    r#"{"errMsg":"openBluetoothAdapter:fail:not available","errCode":10001,"errno":1500102}"#;

#[test]
fn wechat_spec_example_is_byte_exact() {
    // As the spec prints it (with spaces), then compact.
    let spaced: WeChatError = serde_json::from_str(
        r#"{"errMsg": "openBluetoothAdapter:fail:not available", "errCode": 10001, "errno": 1500102}"#,
    )
    .unwrap();
    assert_eq!(to_json(&spaced), WECHAT_SPEC);
    let e: WeChatError = round_trip(WECHAT_SPEC);
    assert_eq!(e, spaced);
    assert_eq!(e.api(), "openBluetoothAdapter");
    assert_eq!(e.reason(), Some("not available"));
    assert_eq!(e.errno(), Some(Errno::from_u32(1_500_102).unwrap()));
    assert_eq!(e.err_code(), Some(10001));
    assert_eq!(e.code(), Some(1_500_102), "errno wins over errCode");
}

#[test]
fn wechat_err_msg_forms() {
    for (msg, api, reason) in [
        ("request:fail timeout", "request", Some("timeout")),
        (
            "getLocation:fail:auth denied",
            "getLocation",
            Some("auth denied"),
        ),
        ("login:fail", "login", None),
        (
            "cloud.callFunction:fail polling exceed max timeout retry",
            "cloud.callFunction",
            Some("polling exceed max timeout retry"),
        ),
        (
            "showToast:fail parameter error: title",
            "showToast",
            Some("parameter error: title"),
        ),
        ("a:fail ", "a", Some("")),
    ] {
        let e = WeChatError::parse_err_msg(msg).unwrap();
        assert_eq!((e.api(), e.reason()), (api, reason), "{msg}");
        assert_eq!(e.err_msg(), msg);
    }
}

#[test]
fn wechat_order_and_unknown_keys() {
    let e: WeChatError = serde_json::from_str(
        r#"{"errno":5,"zeta":{"b":1,"a":2},"errMsg":"request:fail timeout","errCode":-1,"alpha":null}"#,
    )
    .unwrap();
    assert_eq!(
        to_json(&e),
        r#"{"errMsg":"request:fail timeout","errCode":-1,"errno":5,"zeta":{"b":1,"a":2},"alpha":null}"#
    );
    round_trip::<WeChatError>(r#"{"errMsg":"login:fail","errno":1,"traceId":"t-1"}"#);
    round_trip::<WeChatError>(r#"{"errMsg":"login:fail"}"#);
}

#[test]
fn wechat_from_uni() {
    let cases: [(Error, &str); 6] = [
        (
            Error::new("uni-getLocation", 103, "auth deny"),
            r#"{"errMsg":"getLocation:fail auth deny","errno":103}"#,
        ),
        (
            Error::new("uni-login::weixin", 1_416_601, "weixin login failed"),
            r#"{"errMsg":"login:fail weixin login failed","errno":1416601}"#,
        ),
        (
            Error::new("uni-login", 1_504_003, ""),
            r#"{"errMsg":"login:fail","errno":1504003}"#,
        ),
        (
            // Already in WeChat form: kept as it is.
            Error::new("uni-request", 5, "request:fail timeout"),
            r#"{"errMsg":"request:fail timeout","errno":5}"#,
        ),
        (
            // Not an errno: a legacy errCode.
            Error::new("my-plugin", -404012, "no fill"),
            r#"{"errMsg":"my-plugin:fail no fill","errCode":-404012}"#,
        ),
        (
            Error::new("uni-", 4, "x y"),
            r#"{"errMsg":"uni:fail x y","errno":4}"#,
        ),
    ];
    for (uni, wx) in cases {
        let got = WeChatError::from_uni(&uni);
        assert_eq!(to_json(&got), wx);
        // Whatever from_uni writes reads back.
        assert_eq!(serde_json::from_str::<WeChatError>(wx).unwrap(), got);
    }
    // A typed error, also behind `dyn`.
    let typed: &dyn UniError = &Offline;
    assert_eq!(
        to_json(&WeChatError::from_uni(typed)),
        r#"{"errMsg":"request:fail network is offline","errno":108}"#
    );
}

#[test]
fn wechat_to_uni_and_back_is_lossless() {
    for wx in [
        WECHAT_SPEC,
        r#"{"errMsg":"chooseImage:fail cancel"}"#,
        r#"{"errMsg":"openBluetoothAdapter:fail not available","errCode":10001}"#,
        r#"{"errMsg":"login:fail","errno":1,"traceId":"t-1"}"#,
    ] {
        let e: WeChatError = serde_json::from_str(wx).unwrap();
        let uni = e.to_uni();
        // The uni error itself survives the uni wire format.
        let uni: Error = serde_json::from_str(&to_json(&uni)).unwrap();
        assert_eq!(to_json(&WeChatError::from_uni(&uni)), wx);
    }
    let uni = serde_json::from_str::<WeChatError>(r#"{"errMsg":"chooseImage:fail cancel"}"#)
        .unwrap()
        .to_uni();
    assert_eq!(
        to_json(&uni),
        r#"{"errSubject":"uni-chooseImage","errCode":-1,"errMsg":"chooseImage:fail cancel"}"#
    );
    assert_eq!(uni.errno(), None, "-1 is never mistaken for an errno");
    let legacy = serde_json::from_str::<WeChatError>(
        r#"{"errMsg":"openBluetoothAdapter:fail not available","errCode":10001}"#,
    )
    .unwrap()
    .to_uni();
    assert_eq!(
        to_json(&legacy),
        r#"{"errSubject":"uni-openBluetoothAdapter","errCode":-1,"errMsg":"openBluetoothAdapter:fail not available","cause":{"message":"openBluetoothAdapter:fail not available","subject":"weixin","code":10001}}"#
    );
}

#[test]
fn every_reader_refuses_a_key_given_twice() {
    // serde_json::Value keeps the last of two equal keys and drops the
    // first without a word; the readers refuse them at any depth.
    assert_eq!(
        parse_error::<WeChatError>(r#"{"errMsg":"a:fail","errno":5,"errMsg":"b:fail"}"#),
        "duplicate field `errMsg` at line 1 column 37"
    );
    assert_eq!(
        parse_error::<Status>(concat!(
            r#"{"code":1,"details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","#,
            r#""reason":"1","domain":"d","metadata":{"k":"1","k":"2"}}]}"#
        )),
        "duplicate field `k` at line 1 column 130"
    );
    assert_eq!(
        parse_error::<TopError>(r#"{"error_response":{"code":15,"msg":"m","code":16}}"#),
        "duplicate field `code` at line 1 column 50"
    );
    assert_eq!(
        parse_error::<JsErrDetail>(r#"{"errorMsg":"a","errorMsg":"b"}"#),
        "duplicate field `errorMsg` at line 1 column 26"
    );
    assert_eq!(
        parse_error::<ChatAppLogEntry>(r#"{"error":{"code":1,"code":2},"severity":"ERROR"}"#),
        "duplicate field `code` at line 1 column 28"
    );
}

#[test]
fn wechat_bad_input_names_what_was_expected() {
    let expected = "expected `<api>:fail`, `<api>:fail <reason>` or `<api>:fail:<reason>`";
    for (input, needle) in [
        (
            r#"{"errMsg":"login:ok"}"#,
            r#"errMsg "login:ok" is not a WeChat failure"#,
        ),
        (r#"{"errMsg":"login:failed"}"#, r#"errMsg "login:failed""#),
        (r#"{"errMsg":"just text"}"#, r#"errMsg "just text""#),
        (r#"{"errMsg":":fail x"}"#, r#"errMsg ":fail x""#),
    ] {
        let msg = parse_error::<WeChatError>(input);
        assert!(msg.contains(needle) && msg.contains(expected), "{msg}");
    }
    for (input, want) in [
        (
            "[1]",
            "expected a WeChat error object {errMsg, errCode?, errno?}, found an array",
        ),
        (
            r#""request:fail""#,
            r#"expected a WeChat error object {errMsg, errCode?, errno?}, found the string "request:fail""#,
        ),
        (
            r#"{"errno":5}"#,
            "missing field `errMsg` in a WeChat error object {errMsg, errCode?, errno?}",
        ),
        (
            r#"{"errMsg":5}"#,
            "`errMsg` must be a string, found the number 5 in a WeChat error object {errMsg, errCode?, errno?}",
        ),
        (
            r#"{"errMsg":"a:fail","errno":10000000}"#,
            "`errno`: errno 10000000 is out of range: expected at most 7 digits (0..=9999999) in a WeChat error object {errMsg, errCode?, errno?}",
        ),
        (
            r#"{"errMsg":"a:fail","errno":"5"}"#,
            r#"`errno` must be an integer in 0..=9999999, found the string "5" in a WeChat error object {errMsg, errCode?, errno?}"#,
        ),
        (
            r#"{"errMsg":"a:fail","errCode":1.5}"#,
            "`errCode` must be an integer (i64), found the number 1.5 in a WeChat error object {errMsg, errCode?, errno?}",
        ),
    ] {
        assert_eq!(parse_error::<WeChatError>(input), want, "{input}");
    }
    assert_eq!(WeChatError::new("", "x").unwrap_err().to_string(), "errMsg \":fail x\" is not a WeChat failure: expected `<api>:fail`, `<api>:fail <reason>` or `<api>:fail:<reason>`");
    assert_eq!(WeChatError::new("a b", "x").unwrap_err().to_string(), "errMsg \"a b:fail x\" is not a WeChat failure: expected `<api>:fail`, `<api>:fail <reason>` or `<api>:fail:<reason>`");
}

// ---------------------------------------------------------------------------
// google.rpc.Status and ChatAppLogEntry (SPEC §4)
// ---------------------------------------------------------------------------

#[test]
fn code_names_values_and_http() {
    let table = [
        (0, "OK", 200),
        (1, "CANCELLED", 499),
        (2, "UNKNOWN", 500),
        (3, "INVALID_ARGUMENT", 400),
        (4, "DEADLINE_EXCEEDED", 504),
        (5, "NOT_FOUND", 404),
        (6, "ALREADY_EXISTS", 409),
        (7, "PERMISSION_DENIED", 403),
        (8, "RESOURCE_EXHAUSTED", 429),
        (9, "FAILED_PRECONDITION", 400),
        (10, "ABORTED", 409),
        (11, "OUT_OF_RANGE", 400),
        (12, "UNIMPLEMENTED", 501),
        (13, "INTERNAL", 500),
        (14, "UNAVAILABLE", 503),
        (15, "DATA_LOSS", 500),
        (16, "UNAUTHENTICATED", 401),
    ];
    assert_eq!(Code::ALL.len(), table.len());
    for (n, name, http) in table {
        let code = Code::try_from(n).unwrap();
        assert_eq!(code.value(), n);
        assert_eq!(code.as_str(), name);
        assert_eq!(code.to_string(), name);
        assert_eq!(name.parse::<Code>(), Ok(code));
        assert_eq!(code.http_status(), http, "{name}");
        assert_eq!(to_json(&code), n.to_string());
    }
    assert_eq!(
        Code::try_from(-1).unwrap_err().to_string(),
        "google.rpc.Code -1 is out of range: expected 0..=16"
    );
    assert_eq!(
        Code::try_from(17).unwrap_err().to_string(),
        "google.rpc.Code 17 is out of range: expected 0..=16"
    );
    assert_eq!(
        "not_found".parse::<Code>().unwrap_err().to_string(),
        "\"not_found\" is not a google.rpc.Code name: expected one of OK, CANCELLED, UNKNOWN, \
         INVALID_ARGUMENT, DEADLINE_EXCEEDED, NOT_FOUND, ALREADY_EXISTS, PERMISSION_DENIED, \
         RESOURCE_EXHAUSTED, FAILED_PRECONDITION, ABORTED, OUT_OF_RANGE, UNIMPLEMENTED, INTERNAL, \
         UNAVAILABLE, DATA_LOSS, UNAUTHENTICATED"
    );
}

#[test]
fn default_errno_to_code_mapping() {
    let expect = |n: u32, code: Code| {
        let errno = Errno::from_u32(n).unwrap();
        assert_eq!(Code::from_errno(errno), code, "errno {n}");
        assert_eq!(status::grpc_code(&Error::new("s", errno, "m")), code);
    };
    expect(0, Code::Ok);
    expect(1, Code::Cancelled);
    expect(3, Code::Unknown);
    expect(4, Code::Internal);
    expect(5, Code::DeadlineExceeded);
    expect(100, Code::Unimplemented);
    expect(101, Code::InvalidArgument);
    for n in 102..=104 {
        expect(n, Code::PermissionDenied);
    }
    expect(106, Code::Unknown);
    expect(108, Code::Unavailable);
    expect(109, Code::Unavailable);
    expect(110, Code::Unknown);
    expect(111, Code::ResourceExhausted);
    expect(112, Code::Unknown);
    expect(1_500_102, Code::Unknown);
    assert_eq!(
        status::grpc_code(&Error::new("csj", -404012, "m")),
        Code::Unknown
    );
    assert_eq!(status::http_status(&Error::new("s", 108, "m")), 503);
    // The inverse lands on an errno that maps back to the same code.
    for code in Code::ALL {
        if let Some(errno) = code.to_errno() {
            assert_eq!(Code::from_errno(errno), code);
        }
    }
}

#[test]
fn status_override_wins_for_typed_errors() {
    assert_eq!(status::grpc_code(&NoSuchOrder { id: 7 }), Code::NotFound);
    assert_eq!(status::http_status(&NoSuchOrder { id: 7 }), 404);
    let dynamic: &dyn UniError = &NoSuchOrder { id: 7 };
    assert_eq!(status::grpc_code(dynamic), Code::NotFound);
    let boxed: Box<NoSuchOrder> = Box::new(NoSuchOrder { id: 7 });
    assert_eq!(status::grpc_code(&boxed), Code::NotFound);
    // Erased into the owned Error (here by `?`), the override stays with it,
    // off the wire: the JSON is the typed error's, and reading it back gives
    // an equal Error that has no override, so the default code applies.
    let erase = || -> Result<(), Error> { Err(NoSuchOrder { id: 7 })? };
    let erased = erase().unwrap_err();
    assert_eq!(status::grpc_code(&erased), Code::NotFound);
    assert_eq!(status::http_status(&erased), 404);
    assert_eq!(
        to_json(&Status::from_uni(&erased)),
        to_json(&Status::from_uni(&NoSuchOrder { id: 7 }))
    );
    let json = serde_json::to_string(&erased).unwrap();
    let without = NoSuchOrder { id: 7 }.to_error().with_status_override(None);
    assert_eq!(json, serde_json::to_string(&without).unwrap());
    assert!(!json.contains("tatus") && !json.contains("404"), "{json}");
    let read: Error = serde_json::from_str(&json).unwrap();
    assert_eq!(read, erased);
    assert_eq!(read.status_override(), None);
    assert_eq!(status::grpc_code(&read), Code::Unknown);
    assert!(format!("{erased:?}")
        .ends_with("status_override: StatusOverride { grpc: Some(NotFound), http: None } }"));
    assert!(!format!("{read:?}").contains("status_override"));
    let reset = erased.with_status_override(None);
    assert_eq!(status::grpc_code(&reset), Code::Unknown);

    #[derive(Debug)]
    struct Gone;
    impl fmt::Display for Gone {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("gone")
        }
    }
    impl std::error::Error for Gone {}
    impl UniError for Gone {
        fn err_subject(&self) -> &str {
            "uni-file"
        }
        fn errno(&self) -> Errno {
            Errno::TIMEOUT
        }
        fn status_override(&self) -> Option<StatusOverride> {
            Some(StatusOverride {
                grpc: None,
                http: Some(410),
            })
        }
    }
    assert_eq!(status::grpc_code(&Gone), Code::DeadlineExceeded);
    assert_eq!(status::http_status(&Gone), 410);
}

#[test]
fn status_from_uni_exact() {
    let status = Status::from_uni(&NoSuchOrder { id: 7 });
    assert_eq!(
        to_json(&status),
        concat!(
            r#"{"code":5,"message":"order 7 does not exist","details":[{"#,
            r#""@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"700004","domain":"uni-pay::order","#,
            r#""metadata":{"cause":"caused by: db 1032: row not found"}}]}"#
        )
    );
    // An aggregate chain: the whole {:#} text below the first line.
    let err = Error::new("uni-ad", 1_416_601, "no ad").with_cause(AggregateError::new(vec![
        SourceError::new("no fill").with_subject("csj").into(),
        SourceError::new("timeout").with_subject("gdt").into(),
    ]));
    let info = Status::from_uni(&err).error_info().unwrap().clone();
    assert_eq!(
        info.metadata_get("cause"),
        Some("caused by: 2 errors\n  [0] csj: no fill\n  [1] gdt: timeout")
    );
    // A non-errno code is still the reason, in decimal.
    let status = Status::from_uni(&Error::new("csj", -404012, "no fill"));
    assert_eq!(
        to_json(&status),
        r#"{"code":2,"message":"no fill","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"-404012","domain":"csj"}]}"#
    );
    assert_eq!(status.to_uni(), Error::new("csj", -404012, "no fill"));
}

#[test]
fn status_parse_keeps_unknown_details_and_keys() {
    let s = concat!(
        r#"{"code":14,"message":"backend down","details":["#,
        r#"{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"2s"},"#,
        r#"{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"108","domain":"uni-request","metadata":{"z":"1","a":"2"},"x":true}"#,
        r#"],"traceId":"t-1"}"#
    );
    let status: Status = round_trip(s);
    assert_eq!(status.code(), Code::Unavailable);
    assert!(matches!(status.details()[0], Detail::Other { .. }));
    assert_eq!(status.error_info().unwrap().metadata_get("a"), Some("2"));
    assert_eq!(status.extra()[0].0, "traceId");
    let uni = status.to_uni();
    assert_eq!(
        to_json(&uni),
        r#"{"errSubject":"uni-request","errCode":108,"errMsg":"backend down"}"#
    );
    // proto3 defaults: everything may be absent.
    let empty: Status = serde_json::from_str("{}").unwrap();
    assert_eq!(to_json(&empty), r#"{"code":0,"message":"","details":[]}"#);
    assert_eq!(
        to_json(&empty.to_uni()),
        r#"{"errSubject":"google.rpc","errCode":0,"errMsg":""}"#
    );
    let not_found: Status = serde_json::from_str(r#"{"code":5,"message":"m"}"#).unwrap();
    assert_eq!(not_found.to_uni().code(), -1);
}

#[test]
fn status_parse_keeps_unknown_keys_of_a_localized_message() {
    let s = concat!(
        r#"{"code":5,"message":"no such order","details":["#,
        r#"{"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":"zh-Hans","message":"订单不存在","x":[1],"y":null}"#,
        r#"]}"#
    );
    let status: Status = round_trip(s);
    let m = status.localized_message().unwrap();
    assert_eq!(
        (m.locale.as_str(), m.message.as_str()),
        ("zh-Hans", "订单不存在")
    );
    let extra: Vec<_> = m
        .extra()
        .iter()
        .map(|(k, v)| (k.as_str(), v.get()))
        .collect();
    assert_eq!(extra, [("x", "[1]"), ("y", "null")]);
}

#[test]
fn status_bad_input() {
    let what = "a google.rpc.Status {code, message, details}";
    for (input, want) in [
        (
            r#"{"code":17}"#,
            format!("`code`: google.rpc.Code 17 is out of range: expected 0..=16 in {what}"),
        ),
        (
            r#"{"code":-3}"#,
            format!("`code`: google.rpc.Code -3 is out of range: expected 0..=16 in {what}"),
        ),
        (
            r#"{"code":"NOT_FOUND"}"#,
            format!(r#"`code` must be an integer (i64), found the string "NOT_FOUND" in {what}"#),
        ),
        ("42", format!("expected {what}, found the number 42")),
        (
            r#"{"details":{}}"#,
            format!("`details` must be an array, found an object in {what}"),
        ),
        (
            r#"{"details":[{"reason":"x"}]}"#,
            r#"missing field `@type` in a google.rpc.Status detail {"@type", ...} at `details[0]`"#.to_owned(),
        ),
        (
            r#"{"details":[{"@type":"a"},{"@type":"b"},{"reason":"x"}]}"#,
            r#"missing field `@type` in a google.rpc.Status detail {"@type", ...} at `details[2]`"#.to_owned(),
        ),
        (
            r#"{"details":[3]}"#,
            r#"expected a google.rpc.Status detail {"@type", ...}, found the number 3 at `details[0]`"#.to_owned(),
        ),
        (
            r#"{"details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","metadata":{"k":1}}]}"#,
            r#"`metadata.k` must be a string, found the number 1 in a google.rpc.Status detail {"@type", ...} at `details[0]`"#
                .to_owned(),
        ),
    ] {
        assert_eq!(parse_error::<Status>(input), want, "{input}");
    }
}

#[test]
fn chat_app_log_entry() {
    let entry = ChatAppLogEntry::from_uni("AKfycbx", &Offline, "onMessage");
    let s = concat!(
        r#"{"deployment":"AKfycbx","error":{"code":14,"message":"network is offline","details":[{"#,
        r#""@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"108","domain":"uni-request"}]},"#,
        r#""deploymentFunction":"onMessage"}"#
    );
    assert_eq!(to_json(&entry), s);
    let back: ChatAppLogEntry = round_trip(s);
    assert_eq!(back, entry);
    round_trip::<ChatAppLogEntry>(
        r#"{"deployment":"d","error":{"code":3,"message":"bad","details":[]},"deploymentFunction":"f","severity":"ERROR"}"#,
    );
    let what = "a ChatAppLogEntry {deployment, error, deploymentFunction}";
    assert_eq!(
        parse_error::<ChatAppLogEntry>(r#"{"deployment":"d"}"#),
        format!("missing field `error` in {what}")
    );
    assert_eq!(
        parse_error::<ChatAppLogEntry>(r#"{"error":"boom"}"#),
        format!(
            r#"`error` must be a google.rpc.Status {{code, message, details}}, found the string "boom" in {what}"#
        )
    );
    assert_eq!(
        parse_error::<ChatAppLogEntry>(r#"{"error":{"code":99}}"#),
        "`code`: google.rpc.Code 99 is out of range: expected 0..=16 in a google.rpc.Status {code, message, details}"
    );
}

// ---------------------------------------------------------------------------
// Taobao TOP (SPEC §5)
// ---------------------------------------------------------------------------

#[test]
fn taobao_seed_examples_round_trip() {
    let v2 = concat!(
        r#"{"error_response":{"args":{"arg":[{"key":"app_key","value":"15739"},{"key":"method","value":"taobao.item.get"},{"key":"v","value":"2.0"}]},"#,
        r#""code":530,"msg":"Remote service error","sub_code":"missing-parameter","sub_msg":"iid和num_iid至少要传入一个"}}"#
    );
    let e: TopError = round_trip(v2);
    assert_eq!(e.version(), TopVersion::V2);
    assert!(!e.is_platform_level());
    assert_eq!(
        e.args().unwrap().parse::<serde_json::Value>().unwrap()["arg"][1]["value"],
        json!("taobao.item.get")
    );
    let v1 = r#"{"error_rsp":{"code":40,"msg":"Missing required arguments:missing parameter iid/num_iid"}}"#;
    let e: TopError = round_trip(v1);
    assert_eq!(e.version(), TopVersion::V1);
    assert!(e.is_platform_level());
    // request_id and unknown keys, inside and beside the body.
    round_trip::<TopError>(
        r#"{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isv.invalid-parameter","sub_msg":"bad","request_id":"r-1","x":[1]},"y":2}"#,
    );
}

#[test]
fn taobao_from_uni_and_back() {
    let top = TopError::from_uni(&NoSuchOrder { id: 7 });
    assert_eq!(
        to_json(&top),
        r#"{"error_response":{"code":530,"msg":"Remote service error","sub_code":"uni-pay::order.700004","sub_msg":"order 7 does not exist"}}"#
    );
    let back: TopError = serde_json::from_str(&to_json(&top)).unwrap();
    assert_eq!(
        back.to_uni(),
        Error::new("uni-pay::order", 700_004, "order 7 does not exist")
    );
    let negative = TopError::from_uni(&Error::new("csj", -404012, "no fill"));
    assert_eq!(negative.sub_code(), Some("csj.-404012"));
    assert_eq!(negative.to_uni(), Error::new("csj", -404012, "no fill"));
    // A gateway error keeps its TOP fields in the cause.
    let v1: TopError =
        serde_json::from_str(r#"{"error_rsp":{"code":27,"msg":"Invalid session"}}"#).unwrap();
    assert_eq!(
        to_json(&v1.to_uni()),
        r#"{"errSubject":"taobao-top","errCode":-1,"errMsg":"Invalid session","cause":{"message":"Invalid session","subject":"taobao-top","code":27}}"#
    );
}

#[test]
fn taobao_bad_input() {
    let what = r#"a Taobao TOP error {"error_response": {code, msg, sub_code?, sub_msg?}} or {"error_rsp": {code, msg}}"#;
    let body = "a TOP error body {code, msg, sub_code?, sub_msg?}";
    for (input, want) in [
        ("null", format!("expected {what}, found null")),
        (
            r#"{"rsp":{}}"#,
            format!("missing `error_response` (v2) or `error_rsp` (v1) in {what}"),
        ),
        (
            r#"{"error_response":{"code":1,"msg":"a"},"error_rsp":{"code":1,"msg":"a"}}"#,
            format!("found both `error_response` and `error_rsp`: expected one in {what}"),
        ),
        (
            r#"{"error_response":"x"}"#,
            format!(r#"`error_response` must be {body}, found the string "x" in {what}"#),
        ),
        (
            r#"{"error_response":{"msg":"a"}}"#,
            format!("missing field `code` in {body}"),
        ),
        (
            r#"{"error_response":{"code":"530","msg":"a"}}"#,
            format!(r#"`code` must be an integer (i64), found the string "530" in {body}"#),
        ),
        (
            r#"{"error_response":{"code":530}}"#,
            format!("missing field `msg` in {body}"),
        ),
        (
            r#"{"error_response":{"code":530,"msg":"a","sub_code":7}}"#,
            format!("`sub_code` must be a string, found the number 7 in {body}"),
        ),
    ] {
        assert_eq!(parse_error::<TopError>(input), want, "{input}");
    }
}

// ---------------------------------------------------------------------------
// Monitoring (SPEC §3)
// ---------------------------------------------------------------------------

#[test]
fn fingerprints_match_md5sum() {
    // Each expected value is `printf '%s' "<text>" | md5sum`.
    let err = Error::new("uni-ad", 1_416_601, "no ad could be shown").with_cause(
        SourceError::new("no fill")
            .with_subject("csj")
            .with_code(-404012),
    );
    assert_eq!(
        monitor::error_stack(&err),
        "uni-ad 1416601: no ad could be shown\ncaused by: csj -404012: no fill"
    );
    assert_eq!(
        monitor::error_msg_md5(&err),
        "01e28ab768df080b21cce6d6644b3f6f"
    );
    assert_eq!(
        monitor::error_stack_md5(&err),
        "365b219c4cf789a62c947d5d2f0b4a90"
    );
    // Non-ASCII text is hashed as UTF-8.
    assert_eq!(
        monitor::md5_hex("接口超时"),
        "953bdd72f7525aaf3c7f93620bf5ca93"
    );
    // A typed error and its erased form have the same fingerprints.
    let typed = NoSuchOrder { id: 7 };
    let erased: Error = NoSuchOrder { id: 7 }.into();
    assert_eq!(
        monitor::error_stack(&typed),
        "uni-pay::order 700004: order 7 does not exist\ncaused by: db 1032: row not found"
    );
    assert_eq!(
        monitor::error_stack_md5(&typed),
        monitor::error_stack_md5(&erased)
    );
    assert_eq!(
        monitor::error_msg_md5(&typed),
        monitor::error_msg_md5(&erased)
    );
}

const SEED_ROW: &str = concat!(
    r#"{"Count":"1","sdkVersion":"2.14.1","ClientVersion":"7.0.21","errorStackMd5":"e371cd9cae821969c855f9f461327dac","#,
    r#""TimeStamp":"2021-01-25 16:36:39","appVersion":"2.6.16","errorMsgMd5":"53b4825ec4a41d966f88c298c718de80","#,
    r#""errorMsg":"errCode: -404012 polling exceed max timeout retry | errMsg: cloud.callFunction:fail polling exceed max timeout retry; at cloud.callFunction api; ","#,
    r#""errorStack":"Error: errCode: -404012 polling exceed max timeout retry\n at new t (https://usr/app-service.js:2:320930)","#,
    r#""Ds":"2021-01-25","OsName":"1","openId":"o-0YS0ZNM_bzkm13NKNUSwbrEkYU","pluginversion":"0","appId":"wxcff7381e631cf54e","#,
    r#""DeviceModel":"Redmi Note 5Aarm64-v8a","source":"","route":"","Uin":"","nickname":""}"#
);

#[test]
fn js_err_detail_reads_the_seed_row_byte_exact() {
    let row: JsErrDetail = round_trip(SEED_ROW);
    assert_eq!(row.client_version, "7.0.21");
    assert_eq!(row.device_model, "Redmi Note 5Aarm64-v8a");
    assert_eq!(row.os_name, "1");
    // Unknown keys kept, after the known ones.
    let mut with_extra = SEED_ROW.trim_end_matches('}').to_owned();
    with_extra.push_str(r#","newField":{"b":1,"a":2}}"#);
    let row: JsErrDetail = round_trip(&with_extra);
    assert_eq!(row.extra[0].0, "newField");
}

#[test]
fn js_err_detail_from_uni_with_context() {
    let row = JsErrDetail {
        app_id: "wxcff7381e631cf54e".into(),
        route: "pages/pay/index".into(),
        time_stamp: "2021-01-25 16:36:39".into(),
        ..JsErrDetail::from_uni(&NoSuchOrder { id: 7 })
    };
    let stack = "uni-pay::order 700004: order 7 does not exist\ncaused by: db 1032: row not found";
    assert_eq!(row.error_stack, stack);
    assert_eq!(row.error_stack_md5, monitor::md5_hex(stack));
    assert_eq!(
        row.error_msg_md5,
        monitor::md5_hex("order 7 does not exist")
    );
    let json = to_json(&row);
    assert_eq!(
        json,
        format!(
            concat!(
                r#"{{"Count":"1","sdkVersion":"","ClientVersion":"","errorStackMd5":"{}","TimeStamp":"2021-01-25 16:36:39","#,
                r#""appVersion":"","errorMsgMd5":"{}","errorMsg":"order 7 does not exist","#,
                r#""errorStack":"uni-pay::order 700004: order 7 does not exist\ncaused by: db 1032: row not found","#,
                r#""Ds":"","OsName":"","openId":"","pluginversion":"","appId":"wxcff7381e631cf54e","DeviceModel":"","#,
                r#""source":"","route":"pages/pay/index","Uin":"","nickname":""}}"#
            ),
            row.error_stack_md5, row.error_msg_md5
        )
    );
    assert_eq!(serde_json::from_str::<JsErrDetail>(&json).unwrap(), row);
}

#[test]
fn js_err_detail_bad_input() {
    let what = "a JS error detail record {errorMsg, errorStack, errorMsgMd5, ...}";
    assert_eq!(
        parse_error::<JsErrDetail>(r#"{"Count":1}"#),
        format!("`Count` must be a string, found the number 1 in {what}")
    );
    assert_eq!(
        parse_error::<JsErrDetail>("true"),
        format!("expected {what}, found the boolean true")
    );
}
