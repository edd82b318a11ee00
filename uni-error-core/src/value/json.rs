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
//! The foreign models' readers (`fields.rs`) build on it.

use core::cell::{Cell, RefCell};
use core::fmt;
use core::hash::{Hash, Hasher};
use core::str::FromStr;

use serde::de::{self, DeserializeSeed, Error as DeError, MapAccess, SeqAccess, Visitor};
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use serde_json::Value;

use super::quick::quick_check;

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

    /// JSON text a JavaScript engine wrote (`JSON.stringify`), which the
    /// bridge checked for what JSON.stringify lets through and this crate
    /// does not (lone surrogate escapes, nesting past the limit:
    /// `runtime/js/text.rs`). JSON.stringify writes no key twice, so the
    /// duplicate check is left out; serde_json still checks the syntax,
    /// with its skipping reader, which is a fraction of the size of its
    /// value reader in a wasm module.
    #[cfg(any(feature = "wasm", feature = "napi"))]
    pub(crate) fn from_js_text(text: String) -> Result<Json, serde_json::Error> {
        RawValue::from_string(text).map(Json)
    }

    /// A JSON string.
    #[cfg_attr(
        not(any(
            feature = "taobao",
            feature = "wechat",
            feature = "google",
            feature = "monitor"
        )),
        allow(dead_code)
    )]
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

    /// Parses JSON text, keeping it as it is (without the whitespace
    /// around it: JSON's own, space, tab, line feed and carriage return,
    /// not Rust's wider `str::trim`, so `"\u{c}0"` is refused as serde_json
    /// refuses it).
    fn from_str(text: &str) -> Result<Json, serde_json::Error> {
        let text = text.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r'));
        Json::from_raw(RawValue::from_string(text.to_owned())?)
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
        if quick_check(raw.get()) {
            return Ok(Json(raw));
        }
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
    if quick_check(text) {
        return Ok(());
    }
    check_with(text, &RefCell::new(None))
}

pub(super) fn check_with(
    text: &str,
    duplicate: &RefCell<Option<String>>,
) -> Result<(), serde_json::Error> {
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
pub(crate) struct KeySet {
    few: Vec<String>,
    many: Option<std::collections::HashSet<String>>,
}

impl KeySet {
    /// Adds `key`; `false` when it was there already.
    pub(crate) fn insert(&mut self, key: &str) -> bool {
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

/// Serializes any `Display` as a string without building one. (`pub` in a
/// private module: the derive's streamed nodes name it in the writer's
/// interface, `wire::shape`.)
pub struct DisplayStr<'a, T: ?Sized>(pub &'a T);

impl<T: fmt::Display + ?Sized> fmt::Display for DisplayStr<'_, T> {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T: fmt::Display + ?Sized> Serialize for DisplayStr<'_, T> {
    /// `collect_str`, except that a `Display` returning `fmt::Error` on its
    /// own (the writer did not fail) is a serializer error,
    /// [`DISPLAY_FAILED`]: serde_json's `collect_str` panics on it ("there
    /// should be an error"), and a user's `Display` may do it.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let failed = Cell::new(false);
        let ok = if INTO_VEC.get() {
            // The writer cannot fail: any error is the `Display`'s own.
            serializer.collect_str(&Swallowed {
                value: self.0,
                failed: &failed,
            })?
        } else {
            serializer.collect_str(&Guarded {
                value: self.0,
                failed: &failed,
            })?
        };
        if failed.get() {
            return Err(S::Error::custom(DISPLAY_FAILED));
        }
        Ok(ok)
    }
}

/// What `value`'s `Display` writes, as a `String`; where the `Display`
/// returns `fmt::Error`, the text it wrote before it failed (`to_string`
/// panics there). The owned form (`to_error`, `err_cause`) cannot fail, so
/// this is what it keeps of such a message.
pub(crate) fn display_text<T: fmt::Display + ?Sized>(value: &T) -> String {
    let mut text = String::new();
    // A `String` never refuses a write: an error is the `Display`'s own.
    let _ = fmt::write(&mut text, format_args!("{value}"));
    text
}

/// The serializer error of a message (errMsg or a cause's) whose `Display`
/// returned `fmt::Error`.
pub(crate) const DISPLAY_FAILED: &str = "a message's Display impl returned an error";

std::thread_local! {
    /// Set while the direct writer (`wire::shape::write_error_json`) has
    /// serde_json write the cause and `data` into its `Vec`, whose writes
    /// never fail: a message's `Display` is then called as it is
    /// ([`Swallowed`]) rather than through a second formatter that tells
    /// the writer's failures from its own ([`Guarded`], about 100
    /// instructions a message).
    static INTO_VEC: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` (which serializes into a `Vec<u8>` only) with [`INTO_VEC`]
/// set, and restores it after, on a panic too.
pub(crate) fn into_vec<R>(f: impl FnOnce() -> R) -> R {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            INTO_VEC.set(self.0);
        }
    }
    let _restore = Restore(INTO_VEC.replace(true));
    f()
}

/// Shows `value` for a writer that cannot fail: an error is the
/// `Display`'s own, noted in `failed` (what it wrote so far stays).
struct Swallowed<'a, T: ?Sized> {
    value: &'a T,
    failed: &'a Cell<bool>,
}

impl<T: fmt::Display + ?Sized> fmt::Display for Swallowed<'_, T> {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.value.fmt(f).is_err() {
            self.failed.set(true);
        }
        Ok(())
    }
}

/// Shows `value`, turning a failure of its own into success plus a note in
/// `failed` (what it wrote so far stays); a failure of the writer under it
/// goes through, so the serializer reports its own I/O error.
struct Guarded<'a, T: ?Sized> {
    value: &'a T,
    failed: &'a Cell<bool>,
}

impl<T: fmt::Display + ?Sized> fmt::Display for Guarded<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut w = Watched {
            f,
            writer_failed: false,
        };
        match fmt::write(&mut w, format_args!("{}", self.value)) {
            Err(e) if w.writer_failed => Err(e),
            Err(_) => {
                self.failed.set(true);
                Ok(())
            }
            Ok(()) => Ok(()),
        }
    }
}

/// Forwards to a formatter, noting whether a write to it failed.
struct Watched<'a, 'f> {
    f: &'a mut fmt::Formatter<'f>,
    writer_failed: bool,
}

impl fmt::Write for Watched<'_, '_> {
    #[inline]
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let r = self.f.write_str(s);
        self.writer_failed |= r.is_err();
        r
    }
}
