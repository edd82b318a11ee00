//! The owned wire types against exact JSON strings from the spec.

use serde_json::json;
use uni_error::{AggregateError, Cause, Errno, Error, Json, Public, SourceError, UniError};

fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap()
}

fn parse(s: &str) -> Result<Error, serde_json::Error> {
    serde_json::from_str(s)
}

/// Parses, serializes, and checks the bytes came back unchanged.
fn assert_round_trip(s: &str) -> Error {
    let e = parse(s).unwrap_or_else(|err| panic!("{err}: {s}"));
    assert_eq!(to_json(&e), s);
    e
}

#[test]
fn plain_error() {
    let e = Error::new("uni-apidName", 60000, "Custom uni error");
    assert_eq!(
        to_json(&e),
        r#"{"errSubject":"uni-apidName","errCode":60000,"errMsg":"Custom uni error"}"#
    );
    assert_eq!(e.errno(), Some(Errno::new(0, 60, 0).unwrap()));
    assert_round_trip(&to_json(&e));
}

#[test]
fn with_data_from_the_spec_example() {
    let e = Error::new("uni-apidName", 60000, "Custom uni error")
        .with_data(json!({"dataName": "custom data value"}));
    assert_eq!(
        to_json(&e),
        r#"{"errSubject":"uni-apidName","errCode":60000,"errMsg":"Custom uni error","data":{"dataName":"custom data value"}}"#
    );
}

#[test]
fn source_cause_with_subject_code_and_nested_cause() {
    let e = Error::new("uni-ad", 1_416_601, "ad failed to load").with_cause(
        SourceError::new("no ad to show")
            .with_subject("csj")
            .with_code(-404012)
            .with_cause(SourceError::new("connection reset").with_code(104)),
    );
    let s = r#"{"errSubject":"uni-ad","errCode":1416601,"errMsg":"ad failed to load","cause":{"message":"no ad to show","subject":"csj","code":-404012,"cause":{"message":"connection reset","code":104}}}"#;
    assert_eq!(to_json(&e), s);
    assert_eq!(parse(s).unwrap(), e);
}

#[test]
fn aggregate_of_two_causes_one_itself_an_aggregate() {
    let inner = AggregateError::with_message(
        "both mirrors failed",
        vec![
            SourceError::new("mirror a: 503").into(),
            SourceError::new("mirror b: 502").into(),
        ],
    );
    let e = Error::new("uni-push", 600_001, "push failed").with_cause(
        AggregateError::new(vec![
            SourceError::new("First 3rd SDK error message").into(),
            inner.with_subject("cdn").into(),
        ])
        .with_code(7),
    );
    let s = concat!(
        r#"{"errSubject":"uni-push","errCode":600001,"errMsg":"push failed","cause":{"message":"2 errors","code":7,"errors":["#,
        r#"{"message":"First 3rd SDK error message"},"#,
        r#"{"message":"both mirrors failed","subject":"cdn","errors":[{"message":"mirror a: 503"},{"message":"mirror b: 502"}]}"#,
        r#"]}}"#
    );
    assert_eq!(to_json(&e), s);
    let back = parse(s).unwrap();
    assert_eq!(back, e);
    let Some(Cause::Aggregate(top)) = back.cause() else {
        panic!("an object with errors is an aggregate")
    };
    assert!(matches!(top.errors()[0], Cause::Source(_)));
    assert!(matches!(top.errors()[1], Cause::Aggregate(_)));
    assert_eq!(top.errors()[1].errors().len(), 2);
}

#[test]
fn empty_errors_array_is_still_an_aggregate() {
    let s =
        r#"{"errSubject":"a","errCode":1,"errMsg":"m","cause":{"message":"0 errors","errors":[]}}"#;
    let e = assert_round_trip(s);
    assert!(matches!(e.cause(), Some(Cause::Aggregate(_))));
}

#[test]
fn unknown_keys_survive_byte_exact() {
    // slotId (the spec's ad example), nested objects with unsorted keys, and
    // unknown keys at the top level and in an aggregate.
    let s = concat!(
        r#"{"errSubject":"uni-ad","errCode":1416601,"errMsg":"load failed","#,
        r#""data":{"z":1,"a":[true,null,{"y":2,"b":3}]},"#,
        r#""cause":{"message":"all failed","errors":["#,
        r#"{"message":"no fill","subject":"csj","code":-404012,"slotId":"887654","zeta":{"k2":1,"k1":2},"alpha":null},"#,
        r#"{"message":"timeout","subject":"gdt","slotId":12345}"#,
        r#"],"requestId":"r-1"},"#,
        r#""traceId":"t-9","aaa":1.5}"#
    );
    let e = assert_round_trip(s);
    let Some(Cause::Aggregate(a)) = e.cause() else {
        panic!()
    };
    assert_eq!(
        a.errors()[0].head().extra_get("slotId").map(Json::get),
        Some(r#""887654""#)
    );
    assert_eq!(
        a.head().extra_get("requestId").map(Json::get),
        Some(r#""r-1""#)
    );
    assert_eq!(e.extra()[0].0, "traceId");
}

#[test]
fn output_key_order_is_fixed_whatever_the_input_order() {
    let input = r#"{"cause":{"x":1,"errors":[],"cause":{"message":"c"},"code":2,"subject":"s","message":"m"},"data":[1],"errMsg":"msg","errCode":5,"errSubject":"subj"}"#;
    let e = parse(input).unwrap();
    assert_eq!(
        to_json(&e),
        r#"{"errSubject":"subj","errCode":5,"errMsg":"msg","data":[1],"cause":{"message":"m","subject":"s","code":2,"cause":{"message":"c"},"errors":[],"x":1}}"#
    );
}

#[test]
fn null_reads_as_absent() {
    let e = parse(
        r#"{"errSubject":"a","errCode":1,"errMsg":"m","data":null,"cause":{"message":"c","subject":null,"code":null,"cause":null,"errors":null}}"#,
    )
    .unwrap();
    assert_eq!(
        to_json(&e),
        r#"{"errSubject":"a","errCode":1,"errMsg":"m","cause":{"message":"c"}}"#
    );
}

#[test]
fn legacy_and_negative_codes_survive() {
    for code in [-404012i64, -1, 10_001, 10_000_000, i64::MAX, i64::MIN] {
        let s = format!(r#"{{"errSubject":"a","errCode":{code},"errMsg":"m"}}"#);
        let e = assert_round_trip(&s);
        assert_eq!(e.code(), code);
        assert_eq!(e.errno().is_some(), (0..=9_999_999).contains(&code));
    }
}

#[test]
fn errno_serializes_as_a_number_and_rejects_out_of_range() {
    assert_eq!(to_json(&Errno::new(15, 4, 3).unwrap()), "1504003");
    assert_eq!(to_json(&Errno::TIMEOUT), "5");
    assert_eq!(
        serde_json::from_str::<Errno>("1500102").unwrap().get(),
        1_500_102
    );
    for (bad, needle) in [
        ("10000000", "errno 10000000 is out of range"),
        ("-5", "errno -5 is negative"),
        ("18446744073709551615", "18446744073709551615"),
        ("\"5\"", "expected an errno"),
        ("5.0", "expected an errno"),
    ] {
        let err = serde_json::from_str::<Errno>(bad).unwrap_err().to_string();
        assert!(err.contains(needle), "{bad}: {err}");
    }
}

#[test]
fn display_prints_errmsg_and_alternate_prints_the_chain() {
    let e = Error::new("uni-login", 1_504_009, "every provider failed").with_cause(
        AggregateError::with_message(
            "every provider failed",
            vec![
                SourceError::new("weixin login failed")
                    .with_subject("uni-login::weixin")
                    .with_code(1_416_601)
                    .with_cause(
                        SourceError::new("user cancelled")
                            .with_subject("weixin-sdk")
                            .with_code(-2),
                    )
                    .into(),
                SourceError::new("no fill")
                    .with_subject("csj")
                    .with_code(-404012)
                    .into(),
            ],
        ),
    );
    assert_eq!(e.to_string(), "every provider failed");
    assert_eq!(
        format!("{e:#}"),
        "uni-login 1504009: every provider failed\n\
         caused by: every provider failed\n\
         \x20 [0] uni-login::weixin 1416601: weixin login failed\n\
         \x20 caused by: weixin-sdk -2: user cancelled\n\
         \x20 [1] csj -404012: no fill"
    );
    let cause = e.cause().unwrap();
    assert_eq!(cause.to_string(), "every provider failed");
    assert!(format!("{cause:#}").starts_with("every provider failed\n  [0] uni-login::weixin"));
}

#[test]
fn source_walks_the_cause_chain() {
    let e = Error::new("a", 1, "top")
        .with_cause(SourceError::new("middle").with_cause(SourceError::new("bottom").with_code(3)));
    let mut messages = vec![];
    let mut next: Option<&dyn std::error::Error> = Some(&e);
    while let Some(err) = next {
        messages.push(err.to_string());
        next = err.source();
    }
    assert_eq!(messages, ["top", "middle", "bottom"]);
}

#[derive(Debug)]
struct Offline;

impl std::fmt::Display for Offline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
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
    fn data(&self) -> Option<Json> {
        Some(json!({"retry": true}).into())
    }
}

fn fails() -> Result<(), Offline> {
    Err(Offline)
}

fn erased() -> Result<(), Error> {
    fails()?;
    Ok(())
}

#[test]
fn trait_is_object_safe_and_question_mark_erases() {
    let boxed: Box<dyn UniError> = Box::new(Offline);
    assert_eq!(boxed.err_subject(), "uni-request");
    let e = erased().unwrap_err();
    assert_eq!(
        to_json(&e),
        r#"{"errSubject":"uni-request","errCode":108,"errMsg":"network is offline","data":{"retry":true}}"#
    );
    assert_eq!(
        to_json(&Public(&*boxed)),
        r#"{"errSubject":"uni-request","errCode":108,"errMsg":"network is offline"}"#
    );
    assert_eq!(
        to_json(&Public(&e)),
        r#"{"errSubject":"uni-request","errCode":108,"errMsg":"network is offline"}"#
    );
}

#[test]
fn malformed_input_is_a_clear_error_naming_the_path() {
    let cases = [
        (r#"{"errSubject":"a","errCode":"5","errMsg":"m"}"#,
         "invalid type: string \"5\", expected an integer code in the i64 range at `errCode` at line 1 column 31"),
        (r#"{"errSubject":"a","errCode":5.5,"errMsg":"m"}"#,
         "code 5.5 is not an integer: expected an integer in the i64 range at `errCode` at line 1 column 31"),
        (r#"{"errSubject":"a","errCode":9223372036854775808,"errMsg":"m"}"#,
         "code 9223372036854775808 is out of range: expected an integer in the i64 range at `errCode` at line 1 column 47"),
        (r#"{"errSubject":"a","errCode":99999999999999999999999,"errMsg":"m"}"#,
         "code 100000000000000000000000 is not an integer: expected an integer in the i64 range at `errCode` at line 1 column 51"),
        (r#"{"errSubject":"a","errCode":1e400,"errMsg":"m"}"#,
         "number out of range at line 1 column 33"),
        (r#"{"errSubject":1,"errCode":5,"errMsg":"m"}"#,
         "invalid type: integer `1`, expected a string at `errSubject` at line 1 column 15"),
        (r#"{"errCode":5,"errMsg":"m"}"#, "missing field `errSubject` at line 1 column 26"),
        (r#"{"errSubject":"a","errMsg":"m"}"#, "missing field `errCode` at line 1 column 31"),
        (r#"{"errSubject":"a","errCode":null,"errMsg":"m"}"#, "missing field `errCode` at line 1 column 46"),
        (r#"{"errSubject":"a","errCode":1,"errMsg":"m","errCode":2}"#, "duplicate field `errCode` at line 1 column 52"),
        (r#"{"errSubject":"a","errCode":1,"errMsg":"m","x":1,"x":2}"#, "duplicate field `x` at line 1 column 55"),
        // Nested objects too: serde_json::Value alone would keep the last.
        // `data` and unknown values are kept as text and checked once read,
        // so the position is the end of the value that holds the duplicate.
        (r#"{"errSubject":"s","errCode":1,"errMsg":"m","data":{"a":1,"a":2}}"#,
         "duplicate field `a` at line 1 column 64"),
        (r#"{"errSubject":"s","errCode":1,"errMsg":"m","x":{"k":[{"b":1,"b":2}]}}"#,
         "duplicate field `b` at line 1 column 69"),
        (r#"{"errSubject":"s","errCode":1,"errMsg":"m","cause":{"message":"c","y":{"b":1,"b":2}}}"#,
         "duplicate field `b` at line 1 column 84"),
        (r#"{"errSubject":"a","errCode":1,"errMsg":"m","cause":"boom"}"#,
         "invalid type: string \"boom\", expected a source error object {message, subject?, code?, cause?, errors?} at `cause` at line 1 column 57"),
        (r#"{"errSubject":"a","errCode":1,"errMsg":"m","cause":{"code":1}}"#,
         "missing field `message` at `cause` at line 1 column 61"),
        (r#"{"errSubject":"a","errCode":1,"errMsg":"m","cause":{"message":"c","errors":{}}}"#,
         "invalid type: map, expected an array of source errors at `cause.errors` at line 1 column 75"),
        (r#"{"errSubject":"a","errCode":1,"errMsg":"m","cause":{"message":"c","errors":[{"message":"a"},{"message":"b"},{"message":"c"},{"message":"d","code":"x"}]}}"#,
         "invalid type: string \"x\", expected an integer code in the i64 range at `cause.errors[3].code` at line 1 column 149"),
        (r#"{"errSubject":"a","errCode":1,"errMsg":"m","cause":{"message":"c","cause":{"message":"d","cause":{"subject":"s"}}}}"#,
         "missing field `message` at `cause.cause.cause` at line 1 column 112"),
        (r#"{"errSubject":"a","errCode":1,"errMsg":"m","cause":{"message":"c","slotId":1,"slotId":2}}"#,
         "duplicate field `slotId` at `cause` at line 1 column 88"),
        ("[1,2]", "invalid type: sequence, expected a uni error object {errSubject, errCode, errMsg, data?, cause?} at line 1 column 0"),
        (r#"{"errSubject":"a","errCode":1,"errMsg":"m""#, "EOF while parsing an object at line 1 column 42"),
        ("", "EOF while parsing a value at line 1 column 0"),
    ];
    let mut wrong = Vec::new();
    for (input, expected) in cases {
        let got = parse(input)
            .map(|e| format!("parsed as {e:?}"))
            .unwrap_or_else(|e| e.to_string());
        if got != expected {
            wrong.push(format!(
                "input: {input}\n  got:      {got}\n  expected: {expected}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn source_and_aggregate_readers_refuse_the_other_shape() {
    let err = serde_json::from_str::<SourceError>(r#"{"message":"m","errors":[]}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "found an aggregate error (it has `errors`): expected a source error"
    );
    let err = serde_json::from_str::<AggregateError>(r#"{"message":"m"}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "missing field `errors`: expected an aggregate error"
    );
}

/// `{"message":"m","cause":` nested `n` times below a uni error.
fn nested_input(n: usize) -> String {
    let mut s = String::from(r#"{"errSubject":"a","errCode":1,"errMsg":"m""#);
    for _ in 0..n {
        s.push_str(r#","cause":{"message":"m""#);
    }
    s.push_str(&"}".repeat(n + 1));
    s
}

#[test]
fn nesting_up_to_the_recursion_limit_reads_and_past_it_fails_cleanly() {
    // 1 level for the error itself + 126 causes = 127, serde_json's limit.
    let e = assert_round_trip(&nested_input(126));
    assert_eq!(e.chain().count(), 126);
    let err = parse(&nested_input(127)).unwrap_err().to_string();
    assert!(err.contains("recursion limit exceeded"), "{err}");
    let err = parse(&nested_input(100_000)).unwrap_err().to_string();
    assert!(err.contains("recursion limit exceeded"), "{err}");
}

/// A programmatic chain `depth` causes deep.
fn deep_chain(depth: usize) -> Error {
    let mut cause = SourceError::new("bottom");
    for i in 0..depth - 1 {
        cause = SourceError::new(format!("layer {i}")).with_cause(cause);
    }
    Error::new("deep", 1, "top").with_cause(cause)
}

#[test]
fn ten_thousand_deep_chain_serializes_displays_and_drops() {
    // Runs on the default test thread (2 MiB stack).
    let e = deep_chain(10_000);
    let s = to_json(&e);
    // Everything written can be read back: the chain is cut, and the last
    // source error counts what was left out.
    let back = parse(&s).unwrap();
    assert_eq!(back.chain().count(), 126);
    let last = back.chain().last().unwrap();
    assert_eq!(
        last.message(),
        "9875 more causes omitted: the chain nests deeper than 127 JSON levels"
    );
    let text = format!("{e:#}");
    assert_eq!(text.lines().count(), 10_001);
    assert!(text.ends_with("\ncaused by: bottom"));
    assert_eq!(e.chain().count(), 10_000);
    drop(e);
}

#[test]
fn deep_aggregates_are_cut_too() {
    // Aggregates of one member nest two JSON levels per cause.
    let mut cause: Cause = SourceError::new("leaf").into();
    for _ in 0..200 {
        cause = AggregateError::new(vec![cause]).into();
    }
    let e = Error::new("a", 1, "m").with_cause(cause);
    let back = parse(&to_json(&e)).unwrap();
    assert_eq!(back.chain().count(), 63);
    assert!(back
        .chain()
        .last()
        .unwrap()
        .message()
        .ends_with("omitted: the chain nests deeper than 127 JSON levels"));
}

#[test]
fn owned_error_is_one_pointer_wide() {
    // `Result<T, uni_error::Error>` must not trip clippy's result_large_err.
    assert_eq!(std::mem::size_of::<Error>(), std::mem::size_of::<usize>());
}

#[test]
fn debug_shows_the_fields_without_the_box() {
    let e = Error::new("a", 1, "m").with_cause(SourceError::new("c"));
    assert_eq!(
        format!("{e:?}"),
        r#"Error { subject: "a", code: 1, message: "m", cause: Source(SourceError { message: "c", subject: None, code: None, cause: None, extra: [] }) }"#
    );
}

#[test]
fn lone_surrogates_are_a_clear_error_and_pairs_decode() {
    // A Rust String cannot hold a lone surrogate, so nothing we write has
    // one; on input it is refused with the reader's position, never a panic.
    for (input, expected) in [
        (
            r#"{"errSubject":"a","errCode":1,"errMsg":"\ud800"}"#,
            "unexpected end of hex escape at line 1 column 47",
        ),
        (
            r#"{"errSubject":"a","errCode":1,"errMsg":"\udc00x"}"#,
            "lone leading surrogate in hex escape at line 1 column 46",
        ),
    ] {
        assert_eq!(parse(input).unwrap_err().to_string(), expected);
    }
    let e = parse(r#"{"errSubject":"a","errCode":1,"errMsg":"\ud83d\ude00 \u00e9"}"#).unwrap();
    assert_eq!(e.message(), "\u{1F600} \u{e9}");
    // Escapes are written back as the characters they stand for.
    assert_round_trip(r#"{"errSubject":"a","errCode":1,"errMsg":"😀 é"}"#);
}

#[test]
fn an_error_becomes_a_source_keeping_all_its_unknown_keys() {
    // 100 000 unknown top-level keys, every one kept, in order. This checks
    // what comes out, not how long it takes: speed is for benchmarks.
    let mut s =
        String::from(r#"{"errSubject":"a","errCode":7,"errMsg":"m","data":[1],"message":"x""#);
    for i in 0..100_000 {
        s.push_str(&format!(r#","k{i}":{i}"#));
    }
    s.push('}');
    let e = parse(&s).unwrap();
    let cause = Cause::from(e);
    assert_eq!(
        (cause.subject(), cause.code(), cause.message()),
        (Some("a"), Some(7), "m")
    );
    // `message` is a source field, so the unknown key of that name has no
    // place in a source; `data` is kept as the source's first unknown key.
    assert_eq!(cause.extra().len(), 100_001);
    assert_eq!(
        (cause.extra()[0].0.as_str(), cause.extra()[0].1.get()),
        ("data", "[1]")
    );
    for (i, (k, v)) in cause.extra()[1..].iter().enumerate() {
        assert_eq!(
            (k.as_str(), v.get()),
            (format!("k{i}").as_str(), i.to_string().as_str())
        );
    }
}

#[test]
fn data_and_unknown_keys_keep_their_exact_text() {
    // Key order, number spelling (1.50, 1e3, an integer beyond u64) and
    // escapes survive, without serde_json's preserve_order/float_roundtrip.
    let s = concat!(
        r#"{"errSubject":"s","errCode":1,"errMsg":"m","#,
        r#""data":{"z":1.50,"a":[1e3,123456789012345678901234567890],"e":"\u00e9"},"#,
        r#""cause":{"message":"c","slotId":{"y":0.1000,"b":-0}},"#,
        r#""zz":{"k2":1,"k1":2}}"#
    );
    let e: Error = serde_json::from_str(s).unwrap();
    assert_eq!(serde_json::to_string(&e).unwrap(), s);
    assert_eq!(
        e.data().map(Json::get),
        Some(r#"{"z":1.50,"a":[1e3,123456789012345678901234567890],"e":"\u00e9"}"#)
    );
    assert_eq!(e.extra()[0].1.get(), r#"{"k2":1,"k1":2}"#);
    // Comparing with a serde_json::Value goes by meaning, not text.
    assert_eq!(
        e.extra()[0].1,
        json!({"k1": 2, "k2": 1}),
        "PartialEq<Value> compares the parsed value"
    );
}

#[test]
fn json_values_refuse_duplicates_at_any_depth() {
    for (text, key) in [
        (r#"{"a":1,"a":2}"#, "a"),
        (r#"[{"x":{"b":1,"c":2,"b":3}}]"#, "b"),
    ] {
        let err = text.parse::<Json>().unwrap_err().to_string();
        assert!(
            err.starts_with(&format!("duplicate field `{key}`")),
            "{err}"
        );
    }
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert!(
        deep.parse::<Json>().is_err(),
        "deeper than serde_json reads"
    );
}

/// A chain `depth` deep with an aggregate every 100 levels.
fn deep_tree(depth: usize) -> Error {
    let mut cause = Cause::from(SourceError::new("bottom").with_code(-1));
    for i in 0..depth {
        cause = if i % 100 == 0 {
            AggregateError::with_message(
                format!("agg {i}"),
                vec![cause, SourceError::new("x").into()],
            )
            .into()
        } else {
            SourceError::new(format!("level {i}"))
                .with_cause(cause)
                .into()
        };
    }
    Error::new("s", 1, "top").with_cause(cause)
}

#[test]
fn clone_compare_and_debug_are_iterative_at_any_depth() {
    // On a 2 MiB stack, as a test thread in a debug build has.
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(|| {
            let a = deep_tree(100_000);
            let b = a.clone();
            assert_eq!(a, b);
            let c = deep_tree(100_000)
                .with_cause(SourceError::new("level 99998").with_cause(SourceError::new("other")));
            assert_ne!(a, c);
            let text = format!("{a:?}");
            assert!(
                text.ends_with(r#"extra: [] }) }"#),
                "{}",
                &text[text.len() - 80..]
            );
            assert_eq!(text.matches("SourceError {").count(), 100_000 + 1 + 1000);
        })
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn debug_writes_what_a_derive_would() {
    let cause: Cause = AggregateError::with_message(
        "2 errors",
        vec![
            SourceError::new("a")
                .with_subject("csj")
                .with_code(-1)
                .into(),
            SourceError::new("b")
                .with_cause(SourceError::new("c"))
                .with_extra("slotId", json!(7))
                .unwrap()
                .into(),
        ],
    )
    .into();
    assert_eq!(
        format!("{cause:?}"),
        concat!(
            r#"Aggregate(AggregateError { head: SourceError { message: "2 errors", subject: None, code: None, cause: None, extra: [] }, errors: ["#,
            r#"Source(SourceError { message: "a", subject: Some("csj"), code: Some(-1), cause: None, extra: [] }), "#,
            r#"Source(SourceError { message: "b", subject: None, code: None, cause: Some(Source(SourceError { message: "c", subject: None, code: None, cause: None, extra: [] })), extra: [("slotId", Json(7))] })] })"#
        )
    );
    let Cause::Aggregate(a) = &cause else {
        unreachable!()
    };
    assert!(format!("{a:?}").starts_with("AggregateError { head: SourceError {"));
}

#[test]
fn checked_and_permissive_constructors() {
    // The checked path refuses what the derive refuses, in the same words.
    let cases = [
        ("", "errSubject is empty: expected e.g. \"uni-login\" or \"uni-login::weixin\""),
        ("uni login:: ", "errSubject \"uni login:: \" contains whitespace: join words with `-` (\"uni-login\") and levels with `::`"),
        ("::b", "errSubject \"::b\" starts with `::`: the first level is missing"),
        ("a::", "errSubject \"a::\" ends with `::`: the last level is missing"),
        ("a::::b", "errSubject \"a::::b\" has an empty level: `::::` where one `::` was meant"),
        ("uni.login", "errSubject \"uni.login\" has '.' in level \"uni.login\": a level is made of A-Z, a-z, 0-9, `-` and `_`, and levels are joined by `::`"),
    ];
    for (subject, message) in cases {
        let err = Error::try_new(subject, 1, "m").unwrap_err();
        assert_eq!(err.to_string(), message, "{subject:?}");
        assert_eq!(err.subject(), subject);
        assert_eq!(uni_error::subject::check(subject), Err(err));
    }
    for ok in [
        "uni-login",
        "uni-login::weixin",
        "uni-SocketTask-onMessage",
        "my_plugin-api::a::b",
    ] {
        assert_eq!(Error::try_new(ok, 1, "m").unwrap(), Error::new(ok, 1, "m"));
    }
    // The permissive path keeps foreign data as it came.
    assert_eq!(Error::new("", 1, "m").err_subject(), "");
    assert_eq!(
        Error::new("a", 1, "m")
            .with_subject("uni login:: ")
            .err_subject(),
        "uni login:: "
    );
}

#[test]
fn builders_refuse_reserved_keys_instead_of_dropping_them() {
    for key in ["errSubject", "errCode", "errMsg", "data", "cause"] {
        let err = Error::new("s", 1, "m")
            .with_extra(key, json!(1))
            .unwrap_err();
        assert_eq!(err.key(), key);
    }
    for key in ["message", "subject", "code", "cause", "errors"] {
        assert!(
            SourceError::new("m").with_extra(key, json!(1)).is_err(),
            "{key}"
        );
        let agg = AggregateError::new(vec![])
            .with_extra(key, json!(1))
            .unwrap_err();
        assert_eq!(
            agg.to_string(),
            format!("`{key}` is a source error field, not an extra attribute: expected a key other than message, subject, code, cause, errors")
        );
    }
    // An error's own unknown keys may use source names (`message`), and
    // replacing keeps the position.
    let mut e = Error::new("s", 1, "m")
        .with_extra("message", json!("x"))
        .and_then(|e| e.with_extra("b", json!(1)))
        .unwrap();
    assert_eq!(
        e.insert_extra("message", json!("y"))
            .unwrap()
            .unwrap()
            .get(),
        r#""x""#
    );
    assert_eq!(
        serde_json::to_string(&e).unwrap(),
        r#"{"errSubject":"s","errCode":1,"errMsg":"m","message":"y","b":1}"#
    );
}

#[test]
fn json_from_raw_checks_what_a_raw_value_does_not() {
    use serde_json::value::RawValue;
    let raw = |text: &str| RawValue::from_string(text.to_owned()).unwrap();
    // A RawValue is valid JSON, but keeps a key given twice: from_raw
    // refuses it, at any depth, naming the key.
    for (text, key) in [
        (r#"{"a":1,"a":2}"#, "a"),
        (r#"[{"x":{"b":1,"c":2,"b":3}}]"#, "b"),
    ] {
        let err = Json::from_raw(raw(text)).unwrap_err().to_string();
        assert!(
            err.starts_with(&format!("duplicate field `{key}`")),
            "{err}"
        );
    }
    // A RawValue holds any depth; from_raw keeps what serde_json reads
    // into a value (127 nested arrays) and refuses one level more.
    let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert_eq!(
        Json::from_raw(raw(&nested(127))).unwrap().get(),
        nested(127)
    );
    assert!(serde_json::from_str::<serde_json::Value>(&nested(128)).is_err());
    assert_eq!(
        Json::from_raw(raw(&nested(128))).unwrap_err().to_string(),
        "recursion limit exceeded at line 1 column 128"
    );
    assert!(Json::from_raw(raw(&nested(10_000))).is_err());
    // Accepted text is kept as it is: spacing, key order, number spelling.
    let text = r#"{ "b" : 1.50, "a" : [1e3, null] }"#;
    let json = Json::from_raw(raw(text)).unwrap();
    assert_eq!(json.get(), text);
    assert_eq!(json.as_raw().get(), text);
    assert_eq!(serde_json::to_string(json.as_raw()).unwrap(), text);
    let back: Box<RawValue> = json.clone().into_raw();
    assert_eq!(back.get(), text);
    // is_null: the JSON null only.
    assert!(!json.is_null());
    assert!("null".parse::<Json>().unwrap().is_null());
    assert!(Json::from(serde_json::Value::Null).is_null());
    assert!(!"\"null\"".parse::<Json>().unwrap().is_null());
    assert!(!"0".parse::<Json>().unwrap().is_null());
}

#[test]
fn set_cause_replaces_and_returns_the_old_cause() {
    let mut e = Error::new("uni-a", 1, "m");
    assert_eq!(e.set_cause(Some(SourceError::new("first").into())), None);
    let old = e.set_cause(Some(SourceError::new("second").with_code(2).into()));
    assert_eq!(
        old.map(|c| c.message().to_owned()),
        Some("first".to_owned())
    );
    assert_eq!(
        to_json(&e),
        r#"{"errSubject":"uni-a","errCode":1,"errMsg":"m","cause":{"message":"second","code":2}}"#
    );
    let old = e.set_cause(None).unwrap();
    assert_eq!((old.message(), old.code()), ("second", Some(2)));
    assert_eq!(
        to_json(&e),
        r#"{"errSubject":"uni-a","errCode":1,"errMsg":"m"}"#
    );
}

#[test]
fn an_aggregates_head_is_edited_in_place() {
    let mut a = AggregateError::with_message("all failed", vec![SourceError::new("x").into()]);
    a.head_mut().insert_extra("slotId", json!(7)).unwrap();
    assert!(a.head_mut().insert_extra("errors", json!([])).is_err());
    assert_eq!(a.head().extra_get("slotId").map(Json::get), Some("7"));
    assert_eq!(
        to_json(&a),
        r#"{"message":"all failed","errors":[{"message":"x"}],"slotId":7}"#
    );
}
