//! Reading `data` and unknown values: the reader's one-pass check (issue 26,
//! point 3) and the full check it falls back to give the same verdicts and
//! the same words. The messages below were recorded from the reader before
//! the one-pass check existed.

use std::collections::HashSet;
use std::fmt;

use proptest::prelude::*;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use uni_error::{Error, Json};

fn parse(s: &str) -> Result<Error, String> {
    serde_json::from_str::<Error>(s).map_err(|e| e.to_string())
}

/// `{"a":1,...}` nested `depth` objects deep under `a`, the innermost with
/// `b` twice.
fn deep_duplicate(depth: usize) -> String {
    format!(
        "{}{{\"b\":1,\"b\":2}}{}",
        "{\"a\":".repeat(depth),
        "}".repeat(depth)
    )
}

#[test]
fn what_the_quick_pass_leaves_reads_as_before() {
    let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\":{i}")).collect();
    let head = r#"{"errSubject":"s","errCode":1,"errMsg":"m","#;
    let cases = [
        // An escaped key equal to an unescaped one.
        format!(r#"{head}"data":{{"a":1,"\u0061":2}}}}"#),
        format!(r#"{head}"cause":{{"message":"c","y":{{"\u0062":1,"b":2}}}}}}"#),
        // A lone surrogate, a number out of f64 range.
        format!(r#"{head}"data":"\ud800"}}"#),
        format!(r#"{head}"data":[1e400]}}"#),
        format!(r#"{head}"x":{}}}"#, "9".repeat(400)),
        // More keys than the quick pass holds, the duplicate last.
        format!(r#"{head}"data":{{{},"k3":0}}}}"#, many.join(",")),
        // Deeper than the quick pass follows.
        format!(r#"{head}"x":{}}}"#, deep_duplicate(70)),
    ];
    let got: Vec<String> = cases
        .iter()
        .map(|c| parse(c).map_or_else(|e| e, |e| format!("parsed as {e:?}")))
        .collect();
    assert_eq!(
        got,
        [
            "duplicate field `a` at line 1 column 69",
            "duplicate field `b` at line 1 column 89",
            // (The position of a refusal other than a duplicate is inside
            // the value, as it was.)
            "unexpected end of hex escape at line 1 column 8",
            "number out of range at line 1 column 6",
            "number out of range at line 1 column 400",
            "duplicate field `k3` at line 1 column 399",
            "duplicate field `b` at line 1 column 481",
        ]
    );
    // Accepted through the full check, kept as written.
    let kept = format!(
        r#"{head}"data":{{"\u00e9":"\n","e":1e3,"d":{}}},"k":{{{}}}}}"#,
        "[".repeat(70) + &"]".repeat(70),
        many.join(",")
    );
    let e = parse(&kept).unwrap();
    assert_eq!(serde_json::to_string(&e).unwrap(), kept);
    assert_eq!(
        e.data().map(Json::get),
        Some(
            format!(
                r#"{{"\u00e9":"\n","e":1e3,"d":{}}}"#,
                "[".repeat(70) + &"]".repeat(70)
            )
            .as_str()
        )
    );
}

#[test]
fn json_text_reads_as_before() {
    let deep_dup = deep_duplicate(70);
    let cases = [
        (
            r#"{"a":1,"\u0061":2}"#,
            "duplicate field `a` at line 1 column 15",
        ),
        (
            r#"["\udc00"]"#,
            "lone leading surrogate in hex escape at line 1 column 8",
        ),
        (
            deep_dup.as_str(),
            "duplicate field `b` at line 1 column 360",
        ),
        (
            r#"{"a":{"b":1,"b":2}}"#,
            "duplicate field `b` at line 1 column 15",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(
            text.parse::<Json>().unwrap_err().to_string(),
            expected,
            "{text}"
        );
    }
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert_eq!(
        deep.parse::<Json>().unwrap_err().to_string(),
        "recursion limit exceeded at line 1 column 128"
    );
}

/// The test's own strict reader: any JSON value serde_json reads, with no
/// key twice in one object; `Err(Some(key))` names the first duplicate.
fn oracle(text: &str) -> Result<(), Option<String>> {
    struct Strict;
    impl<'de> de::DeserializeSeed<'de> for Strict {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(Strict)
        }
    }
    impl<'de> Visitor<'de> for Strict {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E>(self, _: bool) -> Result<(), E> {
            Ok(())
        }
        fn visit_i64<E>(self, _: i64) -> Result<(), E> {
            Ok(())
        }
        fn visit_u64<E>(self, _: u64) -> Result<(), E> {
            Ok(())
        }
        fn visit_f64<E>(self, _: f64) -> Result<(), E> {
            Ok(())
        }
        fn visit_str<E>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
        fn visit_unit<E>(self) -> Result<(), E> {
            Ok(())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while seq.next_element_seed(Strict)?.is_some() {}
            Ok(())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let mut seen = HashSet::new();
            while let Some(key) = map.next_key::<String>()? {
                if !seen.insert(key.clone()) {
                    return Err(de::Error::custom(format_args!("DUP{key}")));
                }
                map.next_value_seed(Strict)?;
            }
            Ok(())
        }
    }
    let mut d = serde_json::Deserializer::from_str(text);
    let checked = de::DeserializeSeed::deserialize(Strict, &mut d).and_then(|()| d.end());
    checked.map_err(|e| {
        let e = e.to_string();
        e.strip_prefix("DUP")
            .and_then(|rest| rest.rsplit_once(" at line "))
            .map(|(key, _)| key.to_owned())
    })
}

/// JSON and near-JSON: values built from few key names (so duplicates are
/// common), escaped keys, escapes, numbers the full check refuses, and
/// runs of loose pieces (broken syntax).
fn jsonish() -> impl Strategy<Value = String> {
    const LEAVES: &[&str] = &[
        "1",
        "-0.5",
        "1e400",
        "2E1",
        "true",
        "null",
        "\"a\"",
        "\"\\n\"",
        "\"\\\"\"",
        "\"\\ud800\"",
        "\"\\u00e9\"",
        "\"é\"",
    ];
    const KEYS: &[&str] = &["\"a\"", "\"b\"", "\"\\u0061\"", "\"a \"", "\"\\n\""];
    const PIECES: &[&str] = &[
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        " ",
        "\"a\"",
        "\"\\u0061\"",
        "1",
        "01",
        "\"a\":",
        "\n",
    ];
    let leaf = prop::sample::select(LEAVES).prop_map(str::to_owned);
    let value = leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(|v| format!("[{}]", v.join(","))),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..6).prop_map(|kv| {
                let kv: Vec<String> = kv.into_iter().map(|(k, v)| format!("{k}:{v}")).collect();
                format!("{{{}}}", kv.join(","))
            }),
        ]
    });
    let loose = prop::collection::vec(prop::sample::select(PIECES), 1..16).prop_map(|p| p.concat());
    prop_oneof![
        4 => value.clone(),
        1 => (value, loose).prop_map(|(v, l)| {
            // Loose pieces spliced into a value.
            let at = l.len() % (v.len() + 1);
            let at = (0..=at).rev().find(|&i| v.is_char_boundary(i)).unwrap_or(0);
            format!("{}{l}{}", &v[..at], &v[at..])
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    /// `Json` text, and the same text as a uni error's `data`, an unknown
    /// key's value and a cause's unknown value, are accepted exactly when
    /// the test's own strict reader accepts them, and a duplicate is named.
    #[test]
    fn every_reader_of_json_values_agrees_with_a_strict_reader(text in jsonish()) {
        let expected = oracle(&text);
        let got = text.parse::<Json>();
        prop_assert_eq!(got.is_ok(), expected.is_ok(), "{:?}: {:?}", text, got);
        // Syntax is checked first: a duplicate is named in one value.
        let one_value = serde_json::from_str::<de::IgnoredAny>(&text).is_ok();
        if let (Err(e), Err(Some(key)), true) = (&got, &expected, one_value) {
            let named = format!("duplicate field `{key}`");
            prop_assert!(e.to_string().starts_with(&named), "{}", e);
        }
        if let Ok(json) = got {
            prop_assert_eq!(json.get(), text.trim());
        }
        // Embedded only when it is one value (else it could add keys).
        if !one_value {
            return Ok(());
        }
        let head = r#"{"errSubject":"s","errCode":1,"errMsg":"m","#;
        for doc in [
            format!(r#"{head}"data":{text}}}"#),
            format!(r#"{head}"x":{text}}}"#),
            format!(r#"{head}"cause":{{"message":"c","y":{text}}}}}"#),
        ] {
            let read = parse(&doc);
            prop_assert_eq!(read.is_ok(), expected.is_ok(), "{}: {:?}", doc, read);
            // (A `null` data is no data; everything else is written back.)
            if let (Ok(e), false) = (read, text.trim() == "null") {
                prop_assert_eq!(serde_json::to_string(&e).unwrap(), doc.replace(&text, text.trim()));
            }
        }
    }
}
