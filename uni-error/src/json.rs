//! [`Json`], the crate's own storage for `data` and unknown keys, and the
//! reader of the foreign models' JSON objects.
//!
//! A `Json` keeps the exact text it was read as, so key order and number
//! spelling survive a round trip without turning on serde_json's
//! `preserve_order` or `float_roundtrip` (cargo unifies features, so those
//! would change `serde_json` for every crate in the user's build). It is
//! checked once when it is read: a key given twice in any object, at any
//! depth, is an error naming the key (`serde_json::Value` would keep the last
//! one and drop the first without a word).
//!
//! The foreign types (an error response, a log line) are read as an ordered
//! list of `(key, Json)` entries ([`Fields`]); each known key is taken out
//! with a type check whose message names the object, the key, what was
//! expected and what was found, and the keys left over are kept in input
//! order.

use core::cell::RefCell;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::str::FromStr;

use serde::de::{
    self, DeserializeSeed, Error as DeError, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use serde_json::Value;

/// A JSON value kept as its exact text: the `data` of an error and the
/// values of keys this crate does not know.
///
/// Reading one refuses a key given twice in any object, at any depth, and
/// JSON nested deeper than serde_json reads (128 levels). Writing one with
/// serde_json (or [`serde_json::to_value`]) copies the text as it is: key
/// order, number spelling (`1.0`, `1e3`, 20-digit integers) and escapes are
/// exactly what was read or built.
///
/// ```
/// use uni_error::Json;
///
/// let data: Json = r#"{"b":1.50,"a":[true,null]}"#.parse()?;
/// assert_eq!(data.get(), r#"{"b":1.50,"a":[true,null]}"#);
/// assert_eq!(data, serde_json::json!({"a": [true, null], "b": 1.5}));
///
/// // From anything serializable, or from a `serde_json::Value`.
/// let built = Json::from_serialize(&("slot", 7))?;
/// assert_eq!(built.get(), r#"["slot",7]"#);
/// assert_eq!(Json::from(serde_json::json!("887654")).get(), r#""887654""#);
///
/// let err = r#"{"a":1,"a":2}"#.parse::<Json>().unwrap_err();
/// assert!(err.to_string().starts_with("duplicate field `a`"));
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// Formats other than JSON see serde_json's raw-value marker when they
/// serialize a `Json`; convert with [`Json::parse`] first for those.
#[derive(Clone)]
pub struct Json(Box<RawValue>);

impl Json {
    /// Serializes `value` to compact JSON text.
    ///
    /// # Errors
    ///
    /// When `value` cannot be JSON (a map with non-string keys, a failing
    /// `Serialize` impl).
    pub fn from_serialize<T: Serialize + ?Sized>(value: &T) -> Result<Json, serde_json::Error> {
        // serde_json writes no object with a key twice (a map may: check).
        let raw = serde_json::value::to_raw_value(value)?;
        check_strict(raw.get())?;
        Ok(Json(raw))
    }

    /// Takes a raw value, checking it for duplicate keys and depth.
    ///
    /// # Errors
    ///
    /// When an object in it has a key twice or it nests deeper than 128.
    pub fn from_raw(raw: Box<RawValue>) -> Result<Json, serde_json::Error> {
        check_strict(raw.get())?;
        Ok(Json(raw))
    }

    /// The JSON text.
    pub fn get(&self) -> &str {
        self.0.get()
    }

    /// The raw value, as serde_json writes it verbatim.
    pub fn as_raw(&self) -> &RawValue {
        &self.0
    }

    /// The raw value.
    pub fn into_raw(self) -> Box<RawValue> {
        self.0
    }

    /// Deserializes the text into `T` (a `serde_json::Value`, a struct of
    /// yours). This parses every time: keep the result.
    ///
    /// ```
    /// let data: uni_error::Json = r#"{"retry":3}"#.parse()?;
    /// let v: serde_json::Value = data.parse()?;
    /// assert_eq!(v["retry"], 3);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When the JSON does not fit `T`.
    pub fn parse<T: de::DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.get())
    }

    /// `true` for the JSON `null`.
    pub fn is_null(&self) -> bool {
        self.get() == "null"
    }

    /// A JSON string.
    pub(crate) fn string(s: &str) -> Json {
        Json::from(Value::String(s.to_owned()))
    }
}

impl From<Value> for Json {
    /// A `serde_json::Value` as compact text, keys in the `Value`'s own
    /// order.
    fn from(value: Value) -> Json {
        // A Value always serializes and never has a key twice.
        match serde_json::value::to_raw_value(&value) {
            Ok(raw) => Json(raw),
            Err(_) => Json::null(),
        }
    }
}

impl Json {
    fn null() -> Json {
        Json(RawValue::NULL.to_owned())
    }
}

impl FromStr for Json {
    type Err = serde_json::Error;

    /// Parses JSON text, keeping it as it is.
    fn from_str(text: &str) -> Result<Json, serde_json::Error> {
        Json::from_raw(RawValue::from_string(text.trim().to_owned())?)
    }
}

impl PartialEq for Json {
    /// Equal when the texts are: `{"a":1}` and `{"a": 1}` differ, as they do
    /// on the wire.
    fn eq(&self, other: &Json) -> bool {
        self.get() == other.get()
    }
}

impl Eq for Json {}

impl Hash for Json {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.get().hash(state);
    }
}

impl PartialEq<Value> for Json {
    /// Equal when the text parses to the same value (so key order and
    /// number spelling do not matter here).
    fn eq(&self, other: &Value) -> bool {
        self.parse::<Value>().is_ok_and(|v| v == *other)
    }
}

impl fmt::Debug for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Json({})", self.get())
    }
}

impl fmt::Display for Json {
    /// The JSON text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get())
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Json {
    /// Reads any JSON value, refusing a key given twice at any depth.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        let raw = Box::<RawValue>::deserialize(d)?;
        let duplicate = RefCell::new(None);
        match check_with(raw.get(), &duplicate) {
            Ok(()) => Ok(Json(raw)),
            Err(e) => Err(match duplicate.into_inner() {
                // Said in the reader's own words, so its position follows.
                Some(key) => D::Error::custom(format_args!("duplicate field `{key}`")),
                None => D::Error::custom(e),
            }),
        }
    }
}

/// Refuses a key given twice in any object of `text`, and nesting deeper
/// than serde_json's limit.
fn check_strict(text: &str) -> Result<(), serde_json::Error> {
    check_with(text, &RefCell::new(None))
}

fn check_with(text: &str, duplicate: &RefCell<Option<String>>) -> Result<(), serde_json::Error> {
    let mut d = serde_json::Deserializer::from_str(text);
    Unique(duplicate).deserialize(&mut d)?;
    d.end()
}

/// Walks a value, failing on the first key given twice in one object (and
/// noting it in the cell).
#[derive(Clone, Copy)]
struct Unique<'a>(&'a RefCell<Option<String>>);

impl<'de> DeserializeSeed<'de> for Unique<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Unique<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
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
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut keys = KeySet::default();
        while let Some(key) = map.next_key::<String>()? {
            if !keys.insert(&key) {
                let msg = format!("duplicate field `{key}`");
                *self.0.borrow_mut() = Some(key);
                return Err(A::Error::custom(msg));
            }
            map.next_value_seed(self)?;
        }
        Ok(())
    }
}

/// The keys of one object seen so far: a linear scan while there are few
/// (most objects), a hash set once there are many (hostile input).
#[derive(Default)]
struct KeySet {
    few: Vec<String>,
    many: Option<std::collections::HashSet<String>>,
}

impl KeySet {
    /// Adds `key`; `false` when it was there already.
    fn insert(&mut self, key: &str) -> bool {
        if let Some(many) = &mut self.many {
            return many.insert(key.to_owned());
        }
        if self.few.iter().any(|k| k == key) {
            return false;
        }
        self.few.push(key.to_owned());
        if self.few.len() > 16 {
            self.many = Some(self.few.drain(..).collect());
        }
        true
    }
}

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
