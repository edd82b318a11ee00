//! Property tests: arbitrary uni errors survive serialize -> deserialize ->
//! serialize byte for byte; Errno parsing and formatting agree over the
//! whole domain; Display never panics.
//!
//! The case count is bounded for CI; raise it locally with
//! `PROPTEST_CASES=100000 cargo test -p uni-error-tests --test prop_wire`.

use proptest::prelude::*;
use serde_json::Value;
use uni_error::{AggregateError, Cause, Errno, Error, SourceError};

/// Arbitrary JSON values, a few levels deep, with every scalar kind.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((any::<String>(), inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn subject() -> impl Strategy<Value = String> {
    "[a-zA-Z][a-zA-Z0-9_-]{0,12}(::[a-zA-Z0-9_-]{1,8}){0,3}"
}

/// Extra attribute keys: anything but the reserved source-error fields.
fn extras() -> impl Strategy<Value = Vec<(String, Value)>> {
    prop::collection::vec((any::<String>(), json_value()), 0..3).prop_map(|kv| {
        let mut seen = std::collections::HashSet::new();
        kv.into_iter()
            .filter(|(k, _)| {
                !["message", "subject", "code", "cause", "errors"].contains(&k.as_str())
            })
            .filter(|(k, _)| seen.insert(k.clone()))
            .collect()
    })
}

fn leaf_source() -> impl Strategy<Value = SourceError> {
    (
        any::<String>(),
        prop::option::of(subject()),
        prop::option::of(any::<i64>()),
        extras(),
    )
        .prop_map(|(message, subject, code, extra)| {
            let mut s = SourceError::new(message);
            if let Some(subject) = subject {
                s = s.with_subject(subject);
            }
            if let Some(code) = code {
                s = s.with_code(code);
            }
            for (k, v) in extra {
                s.insert_extra(k, v).unwrap();
            }
            s
        })
}

/// Cause trees up to 20 levels deep, mixing sources and aggregates.
fn cause() -> impl Strategy<Value = Cause> {
    leaf_source()
        .prop_map(Cause::from)
        .prop_recursive(20, 64, 3, |inner| {
            prop_oneof![
                (leaf_source(), inner.clone()).prop_map(|(s, below)| s.with_cause(below).into()),
                (
                    any::<String>(),
                    prop::collection::vec(inner.clone(), 0..3),
                    prop::option::of(inner)
                )
                    .prop_map(|(message, errors, below)| {
                        let mut a = AggregateError::with_message(message, errors);
                        if let Some(below) = below {
                            a = a.with_cause(below);
                        }
                        a.into()
                    }),
            ]
        })
}

fn error() -> impl Strategy<Value = Error> {
    (
        subject(),
        any::<i64>(),
        any::<String>(),
        prop::option::of(json_value()),
        prop::option::of(cause()),
    )
        .prop_map(|(subject, code, message, data, cause)| {
            let mut e = Error::new(subject, code, message);
            if let Some(data) = data.filter(|d| !d.is_null()) {
                e = e.with_data(data);
            }
            if let Some(cause) = cause {
                e = e.with_cause(cause);
            }
            e
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256)
    ))]

    #[test]
    fn errors_round_trip_byte_exact(e in error()) {
        let first = serde_json::to_string(&e).unwrap();
        let back: Error = serde_json::from_str(&first).unwrap();
        prop_assert_eq!(&back, &e);
        let second = serde_json::to_string(&back).unwrap();
        prop_assert_eq!(first, second);
    }

    #[test]
    fn pretty_output_reads_back_too(e in error()) {
        let pretty = serde_json::to_string_pretty(&e).unwrap();
        let back: Error = serde_json::from_str(&pretty).unwrap();
        prop_assert_eq!(back, e);
    }

    #[test]
    fn display_never_panics(e in error()) {
        let plain = e.to_string();
        prop_assert_eq!(plain.as_str(), e.message());
        let chain = format!("{e:#}");
        // One line per cause, plus the error's own lines (messages may
        // contain line breaks of their own).
        let own_lines: usize = std::iter::once(e.message())
            .chain(e.chain().map(|c| c.message()))
            .map(|m| m.matches('\n').count() + 1)
            .sum();
        prop_assert_eq!(chain.matches('\n').count() + 1, own_lines);
    }

    #[test]
    fn errno_parts_and_text_agree(n in 0u32..=9_999_999) {
        let e = Errno::from_u32(n).unwrap();
        prop_assert_eq!(Errno::new(e.category(), e.sub(), e.code()), Ok(e));
        prop_assert_eq!(e.to_string().parse::<Errno>(), Ok(e));
        prop_assert_eq!(format!("{n:07}").parse::<Errno>(), Ok(e));
        prop_assert_eq!(serde_json::from_str::<Errno>(&n.to_string()).unwrap(), e);
    }

    #[test]
    fn errno_rejects_everything_outside(n in 10_000_000u64..) {
        prop_assert!(n.to_string().parse::<Errno>().is_err());
        prop_assert!(serde_json::from_str::<Errno>(&n.to_string()).is_err());
        if let Ok(n) = u32::try_from(n) {
            prop_assert!(Errno::from_u32(n).is_err());
        }
    }

    #[test]
    fn errno_from_arbitrary_strings_never_panics(s in any::<String>()) {
        if let Ok(e) = s.parse::<Errno>() {
            prop_assert!(s.bytes().all(|b| b.is_ascii_digit()));
            prop_assert_eq!(e.get(), s.parse::<u32>().unwrap());
        }
    }

    #[test]
    fn arbitrary_json_never_panics_the_reader(v in json_value()) {
        let s = serde_json::to_string(&v).unwrap();
        if let Ok(e) = serde_json::from_str::<Error>(&s) {
            // What is accepted is written back as the same JSON value
            // (modulo nulls read as absent).
            let written: Value = serde_json::to_value(&e).unwrap();
            prop_assert!(written.is_object());
        }
    }
}
