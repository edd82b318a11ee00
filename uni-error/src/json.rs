//! Reading the foreign models' JSON objects: each known key is taken out with
//! a type check whose message names the object, the key, what was expected
//! and what was found; the keys left over are kept in input order so that a
//! round trip loses nothing.
//!
//! The foreign types are small and read rarely (an error response, a log
//! line), so they go through a `serde_json::Value` rather than a hand-written
//! visitor per type. The value is read by [`strict_value`], which refuses a
//! key given twice in any object (`serde_json::Value` would keep the last
//! one and drop the first without a word).

use core::fmt;

use serde::de::{DeserializeSeed, Error as DeError, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;
use serde::Deserializer;
use serde_json::map::Entry;
use serde_json::{Map, Number, Value};

/// Reads any JSON value like `serde_json::Value` does, except that an object
/// with a key given twice, at any depth, is an error naming the key.
pub(crate) fn strict_value<'de, D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
    d.deserialize_any(StrictValue)
}

/// The seed and visitor of [`strict_value`].
#[derive(Clone, Copy)]
pub(crate) struct StrictValue;

impl<'de> DeserializeSeed<'de> for StrictValue {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        strict_value(d)
    }
}

impl<'de> Visitor<'de> for StrictValue {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // JSON has no NaN or infinity, so this is always a number.
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        strict_value(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element_seed(StrictValue)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            match out.entry(key) {
                Entry::Occupied(taken) => {
                    return Err(A::Error::custom(format_args!(
                        "duplicate field `{}`",
                        taken.key()
                    )));
                }
                Entry::Vacant(slot) => {
                    slot.insert(map.next_value_seed(StrictValue)?);
                }
            }
        }
        Ok(Value::Object(out))
    }
}

/// "a string", "an object", …: how a found value is named in messages.
pub(crate) fn kind(v: &Value) -> String {
    match v {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() > 40 => {
            let cut: String = s.chars().take(40).collect();
            format!("the string {cut:?}...")
        }
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// The keys of one JSON object, taken out one by one.
pub(crate) struct Fields {
    map: Map<String, Value>,
    /// What the object is, for messages: "a WeChat error object {errMsg, ...}".
    what: &'static str,
}

impl Fields {
    /// Reads one value and requires an object.
    pub(crate) fn read<'de, D: Deserializer<'de>>(
        d: D,
        what: &'static str,
    ) -> Result<Fields, D::Error> {
        Fields::of(strict_value(d)?, what)
    }

    /// Requires `v` to be an object.
    pub(crate) fn of<E: DeError>(v: Value, what: &'static str) -> Result<Fields, E> {
        match v {
            Value::Object(map) => Ok(Fields { map, what }),
            other => Err(E::custom(format_args!(
                "expected {what}, found {}",
                kind(&other)
            ))),
        }
    }

    /// An error about this object.
    pub(crate) fn error<E: DeError>(&self, msg: impl core::fmt::Display) -> E {
        E::custom(format_args!("{msg} in {}", self.what))
    }

    fn wrong_type<E: DeError>(&self, key: &str, expected: &str, found: &Value) -> E {
        self.error(format_args!(
            "`{key}` must be {expected}, found {}",
            kind(found)
        ))
    }

    /// Takes `key` out; `null` reads as absent.
    pub(crate) fn value(&mut self, key: &str) -> Option<Value> {
        self.map.remove(key).filter(|v| !v.is_null())
    }

    /// Takes a required `key` out.
    pub(crate) fn required<E: DeError>(&mut self, key: &str) -> Result<Value, E> {
        self.value(key)
            .ok_or_else(|| self.error(format_args!("missing field `{key}`")))
    }

    /// Takes a string out.
    pub(crate) fn string<E: DeError>(&mut self, key: &str) -> Result<Option<String>, E> {
        match self.value(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(self.wrong_type(key, "a string", &other)),
        }
    }

    /// Takes an integer out, any `i64`.
    pub(crate) fn int<E: DeError>(&mut self, key: &str) -> Result<Option<i64>, E> {
        match self.value(key) {
            None => Ok(None),
            Some(Value::Number(n)) if n.as_i64().is_some() => Ok(n.as_i64()),
            Some(other) => Err(self.wrong_type(key, "an integer (i64)", &other)),
        }
    }

    /// Takes an object out, as [`Fields`] described by `what`.
    pub(crate) fn object<E: DeError>(
        &mut self,
        key: &str,
        what: &'static str,
    ) -> Result<Option<Fields>, E> {
        match self.value(key) {
            None => Ok(None),
            Some(Value::Object(map)) => Ok(Some(Fields { map, what })),
            Some(other) => Err(self.wrong_type(key, what, &other)),
        }
    }

    /// The keys nobody took, in input order.
    pub(crate) fn rest(self) -> Vec<(String, Value)> {
        self.map.into_iter().collect()
    }
}

/// Writes `(key, value)` pairs kept from the input after the known keys.
pub(crate) fn write_extra<M: SerializeMap>(
    map: &mut M,
    extra: &[(String, Value)],
) -> Result<(), M::Error> {
    for (k, v) in extra {
        map.serialize_entry(k, v)?;
    }
    Ok(())
}
