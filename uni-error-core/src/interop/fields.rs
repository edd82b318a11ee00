//! Reading the foreign models' JSON objects (WeChat, google.rpc, Taobao,
//! the monitoring record): an object is read as an ordered list of
//! `(key, Json)` entries ([`Fields`]); each known key is taken out with a
//! type check whose message names the object, the key, what was expected and
//! what was found, and the keys left over are kept in input order.

// Each reader uses part of this; with only some of them enabled the rest
// is unused, which is fine.
#![cfg_attr(
    not(all(
        feature = "wechat",
        feature = "google",
        feature = "taobao",
        feature = "monitor"
    )),
    allow(dead_code)
)]

use core::fmt;

use serde::de::{Error as DeError, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;
use serde::Deserializer;
use serde_json::Value;

use crate::value::json::KeySet;
use crate::Json;

/// "a string", "an object", …: how a found value is named in messages.
pub(crate) fn kind(v: &Json) -> String {
    match v.parse::<Value>() {
        Ok(Value::Null) | Err(_) => "null".to_owned(),
        Ok(Value::Bool(b)) => format!("the boolean {b}"),
        Ok(Value::Number(_)) => format!("the number {}", v.get()),
        Ok(Value::String(s)) if s.chars().count() > 40 => {
            let cut: String = s.chars().take(40).collect();
            format!("the string {cut:?}...")
        }
        Ok(Value::String(s)) => format!("the string {s:?}"),
        Ok(Value::Array(_)) => "an array".to_owned(),
        Ok(Value::Object(_)) => "an object".to_owned(),
    }
}

/// The keys of one JSON object, in input order, taken out one by one.
pub(crate) struct Fields {
    entries: Vec<(String, Json)>,
    /// What the object is, for messages: "a WeChat error object {errMsg, ...}".
    what: &'static str,
}

impl Fields {
    /// Reads one value and requires an object; a key given twice, at any
    /// depth, is an error.
    pub(crate) fn read<'de, D: Deserializer<'de>>(
        d: D,
        what: &'static str,
    ) -> Result<Fields, D::Error> {
        // A value of the wrong kind is reported after the read, so the
        // message is the same whatever the reader (no position appended).
        match d.deserialize_any(EntriesVisitor { what })? {
            Ok(entries) => Ok(Fields { entries, what }),
            Err(found) => Err(D::Error::custom(format_args!(
                "expected {what}, found {found}"
            ))),
        }
    }

    /// Requires an already read value to be an object.
    pub(crate) fn of<E: DeError>(v: &Json, what: &'static str) -> Result<Fields, E> {
        let mut d = serde_json::Deserializer::from_str(v.get());
        Fields::read(&mut d, what).map_err(|e| E::custom(strip_position(&e)))
    }

    /// An error about this object.
    pub(crate) fn error<E: DeError>(&self, msg: impl fmt::Display) -> E {
        E::custom(format_args!("{msg} in {}", self.what))
    }

    fn wrong_type<E: DeError>(&self, key: &str, expected: &str, found: &Json) -> E {
        self.error(format_args!(
            "`{key}` must be {expected}, found {}",
            kind(found)
        ))
    }

    /// Takes `key` out; `null` reads as absent.
    pub(crate) fn value(&mut self, key: &str) -> Option<Json> {
        let at = self.entries.iter().position(|(k, _)| k == key)?;
        Some(self.entries.remove(at).1).filter(|v| !v.is_null())
    }

    /// Takes a required `key` out.
    pub(crate) fn required<E: DeError>(&mut self, key: &str) -> Result<Json, E> {
        self.value(key)
            .ok_or_else(|| self.error(format_args!("missing field `{key}`")))
    }

    /// Takes a string out.
    pub(crate) fn string<E: DeError>(&mut self, key: &str) -> Result<Option<String>, E> {
        match self.value(key) {
            None => Ok(None),
            Some(v) => self.as_string(key, &v).map(Some),
        }
    }

    /// A value as a string, or a type error about `key`.
    pub(crate) fn as_string<E: DeError>(&self, key: &str, v: &Json) -> Result<String, E> {
        match v.get().starts_with('"') {
            true => v.parse::<String>().map_err(E::custom),
            false => Err(self.wrong_type(key, "a string", v)),
        }
    }

    /// Takes an integer out, any `i64`.
    pub(crate) fn int<E: DeError>(&mut self, key: &str) -> Result<Option<i64>, E> {
        match self.value(key) {
            None => Ok(None),
            Some(v) => match v.parse::<i64>() {
                Ok(n) => Ok(Some(n)),
                Err(_) => Err(self.wrong_type(key, "an integer (i64)", &v)),
            },
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
            Some(v) if v.get().starts_with('{') => Fields::of(&v, what).map(Some),
            Some(other) => Err(self.wrong_type(key, what, &other)),
        }
    }

    /// Takes an array out, its items as they were.
    pub(crate) fn array<E: DeError>(&mut self, key: &str) -> Result<Option<Vec<Json>>, E> {
        match self.value(key) {
            None => Ok(None),
            Some(v) if v.get().starts_with('[') => {
                v.parse::<Vec<Json>>().map(Some).map_err(E::custom)
            }
            Some(other) => Err(self.wrong_type(key, "an array", &other)),
        }
    }

    /// The keys nobody took, in input order.
    pub(crate) fn rest(self) -> Vec<(String, Json)> {
        self.entries
    }
}

/// serde_json's message without its " at line L column C" (the position of
/// an inner parse means nothing to the caller).
fn strip_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(at) if e.line() > 0 => s[..at].to_owned(),
        _ => s,
    }
}

/// Reads an object as ordered `(key, Json)` entries, refusing a key twice.
struct EntriesVisitor {
    what: &'static str,
}

/// What an object reads as: its entries, or what was found instead.
type Entries = Result<Vec<(String, Json)>, String>;

impl EntriesVisitor {
    fn found<E>(&self, found: impl fmt::Display) -> Result<Entries, E> {
        Ok(Err(found.to_string()))
    }
}

impl<'de> Visitor<'de> for EntriesVisitor {
    type Value = Entries;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.what)
    }
    fn visit_bool<E: DeError>(self, v: bool) -> Result<Self::Value, E> {
        self.found(format_args!("the boolean {v}"))
    }
    fn visit_i64<E: DeError>(self, v: i64) -> Result<Self::Value, E> {
        self.found(format_args!("the number {v}"))
    }
    fn visit_u64<E: DeError>(self, v: u64) -> Result<Self::Value, E> {
        self.found(format_args!("the number {v}"))
    }
    fn visit_f64<E: DeError>(self, v: f64) -> Result<Self::Value, E> {
        self.found(format_args!("the number {}", Value::from(v)))
    }
    fn visit_str<E: DeError>(self, v: &str) -> Result<Self::Value, E> {
        self.found(kind(&Json::string(v)))
    }
    fn visit_unit<E: DeError>(self) -> Result<Self::Value, E> {
        self.found("null")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        self.found("an array")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries: Vec<(String, Json)> = Vec::new();
        let mut keys = KeySet::default();
        while let Some(key) = map.next_key::<String>()? {
            if !keys.insert(&key) {
                return Err(A::Error::custom(format_args!("duplicate field `{key}`")));
            }
            let value = map.next_value::<Json>()?;
            entries.push((key, value));
        }
        Ok(Ok(entries))
    }
}

/// Writes `(key, value)` pairs kept from the input after the known keys.
pub(crate) fn write_extra<M: SerializeMap>(
    map: &mut M,
    extra: &[(String, Json)],
) -> Result<(), M::Error> {
    for (k, v) in extra {
        map.serialize_entry(k, v)?;
    }
    Ok(())
}
