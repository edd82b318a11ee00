//! Bytes -> [`uni_error::Json`], the reader of `data` and unknown keys:
//! never panics; accepts exactly the valid JSON with no key twice in any
//! object (checked against an independent oracle that collects every
//! object's keys and sorts them); keeps the text as it was; the two ways in
//! (`str::parse` and `Deserialize`) agree; what is accepted writes back
//! byte for byte and reads again to an equal value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use uni_error::Json;

/// The oracle: `Some(has a duplicate key)` when serde_json reads the text at
/// all (its 128-level limit included), else `None`.
fn oracle(text: &str) -> Option<bool> {
    struct Dup(bool);
    impl<'de> Deserialize<'de> for Dup {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Dup, D::Error> {
            d.deserialize_any(V)
        }
    }
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Dup;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E>(self, _: bool) -> Result<Dup, E> {
            Ok(Dup(false))
        }
        fn visit_i64<E>(self, _: i64) -> Result<Dup, E> {
            Ok(Dup(false))
        }
        fn visit_u64<E>(self, _: u64) -> Result<Dup, E> {
            Ok(Dup(false))
        }
        fn visit_f64<E>(self, _: f64) -> Result<Dup, E> {
            Ok(Dup(false))
        }
        fn visit_str<E>(self, _: &str) -> Result<Dup, E> {
            Ok(Dup(false))
        }
        fn visit_unit<E>(self) -> Result<Dup, E> {
            Ok(Dup(false))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Dup, A::Error> {
            let mut dup = false;
            while let Some(Dup(d)) = seq.next_element()? {
                dup |= d;
            }
            Ok(Dup(dup))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Dup, A::Error> {
            let mut keys = Vec::new();
            let mut dup = false;
            while let Some(key) = map.next_key::<String>()? {
                let Dup(d) = map.next_value()?;
                dup |= d;
                keys.push(key);
            }
            keys.sort_unstable();
            Ok(Dup(dup || keys.windows(2).any(|w| w[0] == w[1])))
        }
    }
    serde_json::from_str::<Dup>(text).ok().map(|d| d.0)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        assert!(serde_json::from_slice::<Json>(data).is_err());
        return;
    };
    let parsed = text.parse::<Json>();
    let read = serde_json::from_str::<Json>(text);
    match oracle(text) {
        Some(false) => {
            let json = parsed.expect("valid JSON without a duplicate key is accepted");
            // Kept as it was (`parse` trims the outer whitespace).
            assert_eq!(json.get(), text.trim());
            assert_eq!(read.expect("both ways in agree").get(), json.get());
            // Written back byte for byte, inside an array too, and read again.
            let written = serde_json::to_string(&json).unwrap();
            assert_eq!(written, json.get());
            let wrapped = serde_json::to_string(&[&json]).unwrap();
            assert_eq!(wrapped, format!("[{}]", json.get()));
            let [again]: [Json; 1] = serde_json::from_str(&wrapped).unwrap();
            assert_eq!(again, json);
            // The same value as serde_json reads (nothing lost).
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            assert!(json == value, "{text}");
            assert_eq!(Json::from_raw(json.clone().into_raw()).unwrap(), json);
        }
        Some(true) => {
            let err = parsed.expect_err("a duplicate key is refused");
            assert!(err.to_string().starts_with("duplicate field `"), "{err}");
            let err = read.expect_err("a duplicate key is refused");
            assert!(err.to_string().starts_with("duplicate field `"), "{err}");
        }
        None => {
            assert!(parsed.is_err(), "{text}");
            assert!(read.is_err(), "{text}");
        }
    }
});
