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
            // Random keys are rarely an error; when they are, what was
            // read is written back as the same JSON value.
            prop_assert_eq!(serde_json::to_value(&e).unwrap(), as_read(&s));
        }
    }

    #[test]
    fn edited_errors_are_refused_or_written_back_as_read(
        e in error(),
        edit in edit(),
        pretty in any::<bool>(),
    ) {
        // A valid error's JSON with one edit: the reader must accept
        // exactly the edits that leave a valid error, and write back
        // exactly what it read (a `null` read as absent).
        let mut v = serde_json::to_value(&e).unwrap();
        let valid = edit.apply(&mut v);
        let text = if pretty {
            serde_json::to_string_pretty(&v).unwrap()
        } else {
            serde_json::to_string(&v).unwrap()
        };
        match serde_json::from_str::<Error>(&text) {
            Ok(back) => {
                prop_assert!(valid, "accepted an invalid edit {:?}: {}", edit, text);
                prop_assert_eq!(serde_json::to_value(&back).unwrap(), as_read(&text));
            }
            Err(err) => prop_assert!(!valid, "refused a valid edit {:?}: {}: {}", edit, text, err),
        }
    }
}

/// One change to a valid error's JSON object.
#[derive(Clone, Debug)]
enum Edit {
    Nothing,
    /// `null` for an optional key (`data`, `cause`): read as absent.
    NullOptional(&'static str),
    /// An unknown key, kept on the way back.
    Unknown(String, Value),
    /// A required key removed, or given as `null`.
    DropRequired(&'static str, bool),
    /// A key of the wrong type.
    WrongType(&'static str, Value),
}

fn edit() -> impl Strategy<Value = Edit> {
    let required = prop_oneof![Just("errSubject"), Just("errCode"), Just("errMsg")];
    prop_oneof![
        Just(Edit::Nothing),
        prop_oneof![Just("data"), Just("cause")].prop_map(Edit::NullOptional),
        (any::<String>(), json_value()).prop_map(|(k, v)| Edit::Unknown(k, v)),
        (required, any::<bool>()).prop_map(|(k, null)| Edit::DropRequired(k, null)),
        prop_oneof![
            (Just("errSubject"), any::<i64>().prop_map(Value::from)),
            (Just("errMsg"), any::<bool>().prop_map(Value::from)),
            (Just("errCode"), any::<String>().prop_map(Value::from)),
            (Just("errCode"), Just(Value::from(1.5))),
            (Just("errCode"), Just(Value::from(u64::MAX))),
            (Just("cause"), any::<String>().prop_map(Value::from)),
            (
                Just("cause"),
                Just(serde_json::json!({"subject": "no message"}))
            ),
        ]
        .prop_map(|(k, v)| Edit::WrongType(k, v)),
    ]
}

impl Edit {
    /// Applies the edit; `true` when the result is still a valid error.
    fn apply(&self, v: &mut Value) -> bool {
        let obj = v.as_object_mut().unwrap();
        match self {
            Edit::Nothing => true,
            Edit::NullOptional(k) => {
                obj.insert((*k).to_owned(), Value::Null);
                true
            }
            Edit::Unknown(k, value) => {
                let known = ["errSubject", "errCode", "errMsg", "data", "cause"];
                if known.contains(&k.as_str()) {
                    return true; // not an unknown key: leave the error as it is
                }
                obj.insert(k.clone(), value.clone());
                true
            }
            Edit::DropRequired(k, null) => {
                if *null {
                    obj.insert((*k).to_owned(), Value::Null);
                } else {
                    obj.remove(*k);
                }
                false
            }
            Edit::WrongType(k, value) => {
                obj.insert((*k).to_owned(), value.clone());
                false
            }
        }
    }
}

/// `text` as a `Value`, the way the reader keeps it (serde_json reads a
/// float's text the same way in both, so the comparison is of what was
/// kept, not of float parsing).
fn as_read(text: &str) -> Value {
    without_nulls(serde_json::from_str(text).unwrap())
}

/// The error object as the reader keeps it: `null` for `data` or `cause`
/// is absent, and so is `null` for a source's `subject`, `code`, `cause`
/// or `errors`, at any depth.
fn without_nulls(mut v: Value) -> Value {
    fn source(v: &mut Value) {
        let Some(obj) = v.as_object_mut() else {
            return;
        };
        obj.retain(|k, v| {
            !(v.is_null() && ["subject", "code", "cause", "errors"].contains(&k.as_str()))
        });
        if let Some(cause) = obj.get_mut("cause") {
            source(cause);
        }
        if let Some(Value::Array(errors)) = obj.get_mut("errors") {
            errors.iter_mut().for_each(source);
        }
    }
    if let Some(obj) = v.as_object_mut() {
        obj.retain(|k, v| !(v.is_null() && (k == "data" || k == "cause")));
        if let Some(cause) = obj.get_mut("cause") {
            source(cause);
        }
    }
    v
}
