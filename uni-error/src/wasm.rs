//! Errors that reach JavaScript as real `Error` objects shaped like uni-app's
//! `UniError`, and back (feature `wasm`).
//!
//! A `#[wasm_bindgen]` function returns `Result<T, JsUniError>` and uses `?`
//! on any derived error or [`uni_error::Error`](crate::Error):
//!
//! ```
//! use uni_error::wasm::JsUniError;
//! use uni_error::UniError;
//! use wasm_bindgen::prelude::*;
//!
//! #[derive(Debug, UniError)]
//! #[subject("uni-login")]
//! #[errno(category = 15, sub = 4)]
//! pub enum LoginError {
//!     #[errno(code = 3)]
//!     #[msg("NFC is not available: {reason}")]
//!     NfcUnavailable { reason: String },
//!     #[errno(code = 10)]
//!     #[msg("storage: {0}")]
//!     Io(#[from] std::io::Error),
//! }
//!
//! fn read_token() -> Result<String, LoginError> {
//!     Err(LoginError::NfcUnavailable { reason: "off".into() })
//! }
//!
//! #[wasm_bindgen]
//! pub fn login() -> Result<String, JsUniError> {
//!     let token = read_token()?; // any `E: UniError` converts
//!     Ok(token)
//! }
//!
//! // On the host this runs as plain Rust: the error waits inside
//! // `JsUniError` until wasm-bindgen hands it to JavaScript.
//! let err = login().unwrap_err();
//! assert_eq!(err.error().code(), 1_504_003);
//! ```
//!
//! and the JavaScript that calls it catches a real `Error`:
//!
//! ```js
//! try {
//!   login();
//! } catch (err) {
//!   err instanceof Error;   // true
//!   err.name;               // "UniError"
//!   err.message;            // "NFC is not available: off" (= errMsg)
//!   err.errCode;            // 1504003
//!   JSON.stringify(err);    // the crate's JSON, as serde_json::to_string writes it:
//!   // {"errSubject":"uni-login","errCode":1504003,"errMsg":"NFC is not available: off"}
//! }
//! ```
//!
//! # The JavaScript value
//!
//! It is the JSON this crate writes for the error, parsed by JavaScript
//! (`JSON.parse`), with each error node turned into an `Error` instance:
//!
//! | node | JS value | `name` | `message` | own enumerable properties, in order |
//! |---|---|---|---|---|
//! | the error | `Error` | `"UniError"` | errMsg | `errSubject`, `errCode`, `errMsg`, `data`?, `cause`?, unknown keys |
//! | a source | `Error` | `"SourceError"` | message | `message`, `subject`?, `code`?, `cause`?, unknown keys (`slotId`) |
//! | an aggregate | `Error` | `"UniAggregateError"` | message | as a source, plus `errors`: an `Array` of source `Error`s |
//!
//! - `name` (and the top level's `message`) are own properties that are not
//!   enumerable, as on any `Error`, so `JSON.stringify` leaves them out; a
//!   source's `message` is enumerable because the spec's JSON has it.
//! - `data` and unknown keys' values are plain JavaScript values: objects,
//!   arrays, numbers, strings (never `Map`s).
//! - An absent optional field is an absent property, exactly as in the JSON:
//!   `err.data` and `err.cause` are then `undefined`. uni-app x declares them
//!   `any | null` and `Error | null`; write `err.data ?? null` where a `null`
//!   is wanted.
//! - A chain deeper than the JSON limit is cut as in the JSON (see
//!   [`Error`](crate::Error)'s serialization), so the JS value never nests
//!   deeper than 127 levels.
//!
//! `JSON.stringify(err)` in JavaScript is then byte for byte
//! `serde_json::to_string(&err)` in Rust, except where JavaScript itself
//! cannot hold the value:
//!
//! - **integer-like keys** (`"7"`, `"10"`) come first in every object, in
//!   ascending numeric order, whatever order the error had (a JS rule for
//!   every object);
//! - **numbers** are JS doubles written by JavaScript: `1.0` is written `1`,
//!   `-0.0` is `0`, `1e+20` is `100000000000000000000`;
//! - **integers beyond 2^53** (in `data`, an unknown key or a code) round to
//!   the nearest double: `9007199254740993` arrives as `9007199254740992`.
//!
//! The value is built when the `JsUniError` is converted into a `JsValue`
//! (wasm-bindgen does it when a `#[wasm_bindgen]` function returns `Err`).
//! That needs a JavaScript host: on other targets wasm-bindgen's imports
//! panic, so host code keeps the [`JsUniError`] or its [`Error`] and leaves
//! the conversion to the wasm build.
//!
//! # Back from JavaScript
//!
//! [`Error::from_js`] reads a `UniError`-shaped JavaScript value (what this
//! module wrote, a uni-app `UniError`, or a plain object from a callback)
//! into a [`uni_error::Error`](crate::Error), so it can be the cause of the
//! plugin's own error. Anything that is not one gives a [`FromJsError`],
//! never a trap.
//!
//! # Mini programs
//!
//! The value is built only from `JSON`, `Reflect`, `Object`, `Array` and
//! `Error`, which every JavaScript engine has, and needs no generated JS
//! snippet, so it works with each of wasm-bindgen's `--target`s. WeChat mini
//! programs load wasm through `WXWebAssembly` instead of `WebAssembly`; the
//! README's "JavaScript" section says what a plugin needs there.

use core::fmt;

use wasm_bindgen::prelude::*;

use crate::wire::MAX_JSON_DEPTH;
use crate::{Error, UniError};

// Every JavaScript operation goes through `catch`, so an exception (a
// throwing getter, a revoked Proxy, a cycle in `JSON.stringify`) is a value
// here, never an unwind through the wasm stack. They are declared here
// rather than taken from js-sys, whose signatures change under
// `--cfg js_sys_unstable_apis`.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    fn reflect_get_index(target: &JsValue, index: u32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = Reflect, js_name = set, catch)]
    fn reflect_set(target: &JsValue, key: &JsValue, value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = Reflect, js_name = set, catch)]
    fn reflect_set_index(target: &JsValue, index: u32, value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = Reflect, js_name = defineProperty, catch)]
    fn reflect_define(target: &JsValue, key: &JsValue, desc: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = Reflect, js_name = deleteProperty, catch)]
    fn reflect_delete(target: &JsValue, key: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn object_keys(target: &JsValue) -> Result<Vec<JsValue>, JsValue>;
    #[wasm_bindgen(js_namespace = Object, js_name = getOwnPropertyNames, catch)]
    fn object_own_names(target: &JsValue) -> Result<Vec<JsValue>, JsValue>;
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn array_is_array(value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_name = String, catch)]
    fn js_string(value: &JsValue) -> Result<String, JsValue>;
}

/// An error on its way to JavaScript: what a `#[wasm_bindgen]` function
/// returns in `Err`.
///
/// `?` converts any [`UniError`] and any [`uni_error::Error`](crate::Error)
/// into it; wasm-bindgen turns it into a `JsValue` (through
/// `From<JsUniError> for JsValue`), which JavaScript receives as a thrown
/// `Error` shaped like uni-app's `UniError`. See the [module
/// documentation](self) for the exact JavaScript value.
///
/// ```
/// use uni_error::wasm::JsUniError;
/// use uni_error::Error;
///
/// fn open(path: &str) -> Result<(), JsUniError> {
///     Err(Error::new("uni-fs", 1_300_002, format!("no such file: {path}")))?
/// }
///
/// let err = open("a.txt").unwrap_err();
/// assert_eq!(err.error().message(), "no such file: a.txt");
/// assert_eq!(err.to_string(), "no such file: a.txt");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct JsUniError {
    error: Error,
}

impl JsUniError {
    /// Wraps an owned error.
    pub fn new(error: Error) -> Self {
        JsUniError { error }
    }

    /// The error that will be sent.
    pub fn error(&self) -> &Error {
        &self.error
    }

    /// The error, back out of the wrapper.
    pub fn into_error(self) -> Error {
        self.error
    }
}

impl fmt::Display for JsUniError {
    /// The error's `Display` (errMsg; `{:#}` adds the chain).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)
    }
}

impl<E: UniError> From<E> for JsUniError {
    /// Erases a typed uni error, as `uni_error::Error::from` does.
    fn from(e: E) -> Self {
        JsUniError::new(Error::from(e))
    }
}

impl From<Error> for JsUniError {
    fn from(error: Error) -> Self {
        JsUniError::new(error)
    }
}

impl From<JsUniError> for JsValue {
    /// The JavaScript `Error` of [`Error::to_js`].
    fn from(e: JsUniError) -> JsValue {
        e.error.to_js().into()
    }
}

impl Error {
    /// This error as a JavaScript `Error` shaped like uni-app's `UniError`:
    /// `name` `"UniError"`, `message` errMsg, own enumerable `errSubject`,
    /// `errCode`, `errMsg`, `data`, `cause` (an `Error` in turn) and unknown
    /// keys. The [module documentation](crate::wasm) has the whole shape.
    ///
    /// Needs a JavaScript host (a wasm32 build run through wasm-bindgen).
    pub fn to_js(&self) -> js_sys::Error {
        match to_js_value(self) {
            Ok(value) => value.unchecked_into(),
            // Unreachable with the crate's own JSON, which JavaScript always
            // parses; still no panic: a plain Error that says what happened.
            Err(thrown) => js_sys::Error::new(&format!(
                "{} (uni_error could not build the UniError object: {})",
                self.message(),
                describe_thrown(&thrown)
            )),
        }
    }

    /// Reads a JavaScript `UniError`-shaped value: an `Error` or a plain
    /// object with `errSubject` (string), `errCode` (an integer number),
    /// `errMsg` (string), optional `data` and `cause`, and any other own
    /// enumerable keys.
    ///
    /// A cause is an object (an `Error` or not) with a string `message`
    /// (an `Error`'s own or inherited `message` counts, though it is not
    /// enumerable), optional `subject` and `code`, its own `cause`, and for
    /// an aggregate an `errors` array (a native `AggregateError` reads as
    /// one). Known fields are read with `Reflect.get`, so inherited
    /// properties and getters count; unknown keys are the object's own
    /// enumerable keys. `data` and unknown values go through
    /// `JSON.stringify` (their `toJSON`, if any, applies); `null` and
    /// `undefined` count as absent, and a value `JSON.stringify` leaves out
    /// (a function, a symbol) is left out. An own `name` of `"UniError"` on
    /// the error, or `"SourceError"` / `"UniAggregateError"` on a cause, is
    /// the class name uni-app's own classes assign, not an unknown key.
    ///
    /// Everything the [module](crate::wasm) writes reads back equal, within
    /// the JavaScript exceptions listed there.
    ///
    /// # Errors
    ///
    /// A [`FromJsError`] that names the field (`cause.errors[1].code`) when
    /// the value is not an object, a field is missing or has the wrong type
    /// (a code that is not an integer in the `i64` range, a string with a
    /// lone surrogate), a cause refers back to one of its ancestors (a
    /// cycle), the chain nests deeper than 127 JSON levels, a value cannot
    /// be written as JSON (a `BigInt`, a cycle inside `data`), or reading a
    /// property throws. Needs a JavaScript host (a wasm32 build run through
    /// wasm-bindgen).
    pub fn from_js(value: &JsValue) -> Result<Error, FromJsError> {
        let mut reader = Reader {
            out: String::new(),
            path: String::new(),
            ancestors: Vec::new(),
        };
        reader.error(value)?;
        serde_json::from_str(&reader.out).map_err(|e| FromJsError::new(e.to_string()))
    }
}

/// Why [`Error::from_js`] could not read a JavaScript value.
///
/// Its `Display` names the field by its path and says what was found:
///
/// ```text
/// missing field `errCode`
/// `cause.errors[1].code` is the number 1.5, expected an integer in the i64 range
/// `cause.cause` is `cause` again: a cycle cannot be an error chain
/// ```
///
/// Converted into a `JsValue` (`?` in a `#[wasm_bindgen]` function returning
/// `Result<T, JsValue>`) it is a JavaScript `TypeError` with that message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FromJsError {
    message: String,
}

impl FromJsError {
    fn new(message: String) -> Self {
        FromJsError { message }
    }
}

impl fmt::Display for FromJsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FromJsError {}

impl From<FromJsError> for JsValue {
    /// A JavaScript `TypeError` with the message.
    fn from(e: FromJsError) -> JsValue {
        js_sys::TypeError::new(&e.message).into()
    }
}

// ---------------------------------------------------------------------------
// Rust → JavaScript: JSON.parse the crate's JSON, then turn each error node
// into an Error instance with the same own properties in the same order.
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Node {
    /// The uni error: message from `errMsg`; `cause` is a node.
    Top,
    /// A source or aggregate: message from `message`; `cause` and the
    /// members of `errors` are nodes.
    Source,
}

/// Property descriptors reused for every property: `value` is set before
/// each `Reflect.defineProperty`, which copies the descriptor.
struct Descriptors {
    shown: JsValue,
    hidden: JsValue,
}

const VALUE: &str = "value";

/// The `name` of each kind of node, as uni-app x names its classes.
const TOP_NAME: &str = "UniError";
const SOURCE_NAME: &str = "SourceError";
const AGGREGATE_NAME: &str = "UniAggregateError";

fn to_js_value(error: &Error) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(error)
        .map_err(|e| JsValue::from_str(&format!("serialization failed: {e}")))?;
    let plain = js_sys::JSON::parse(&text)?;
    let descriptors = Descriptors {
        shown: js_sys::JSON::parse(r#"{"writable":true,"enumerable":true,"configurable":true}"#)?,
        hidden: js_sys::JSON::parse(r#"{"writable":true,"enumerable":false,"configurable":true}"#)?,
    };
    upgrade(&plain, Node::Top, &descriptors)
}

/// The `Error` instance for one parsed node; recursion depth is bounded by
/// the crate's serializer (127 JSON levels).
fn upgrade(plain: &JsValue, node: Node, d: &Descriptors) -> Result<JsValue, JsValue> {
    let message_key = match node {
        Node::Top => "errMsg",
        Node::Source => "message",
    };
    let message = reflect_get(plain, &JsValue::from_str(message_key))?
        .as_string()
        .unwrap_or_default();
    let error: JsValue = js_sys::Error::new(&message).into();
    // What the engine put on a fresh Error (`message`, V8's `stack`, JSC's
    // `line`/`column`): a JSON key of the same name replaces it, deleted
    // first so that the key takes its JSON position.
    let fresh: Vec<String> = object_own_names(&error)?
        .iter()
        .filter_map(JsValue::as_string)
        .collect();
    let keys = object_keys(plain)?;
    let mut has_name = false;
    let mut has_errors = false;
    for key in &keys {
        let name = key.as_string().unwrap_or_default();
        let mut value = reflect_get(plain, key)?;
        match (node, name.as_str()) {
            (_, "cause") => value = upgrade(&value, Node::Source, d)?,
            (Node::Source, "errors") => {
                has_errors = true;
                let len = reflect_get(&value, &JsValue::from_str("length"))?
                    .as_f64()
                    .unwrap_or(0.0) as u32;
                for i in 0..len {
                    let member = upgrade(&reflect_get_index(&value, i)?, Node::Source, d)?;
                    reflect_set_index(&value, i, &member)?;
                }
            }
            _ => {}
        }
        has_name |= name == "name";
        if fresh.contains(&name) {
            reflect_delete(&error, key)?;
        }
        define(&error, key, &value, &d.shown)?;
    }
    if !has_name {
        let name = match (node, has_errors) {
            (Node::Top, _) => TOP_NAME,
            (Node::Source, false) => SOURCE_NAME,
            (Node::Source, true) => AGGREGATE_NAME,
        };
        define(
            &error,
            &JsValue::from_str("name"),
            &JsValue::from_str(name),
            &d.hidden,
        )?;
    }
    Ok(error)
}

fn define(target: &JsValue, key: &JsValue, value: &JsValue, desc: &JsValue) -> Result<(), JsValue> {
    reflect_set(desc, &JsValue::from_str(VALUE), value)?;
    if reflect_define(target, key, desc)? {
        Ok(())
    } else {
        Err(JsValue::from_str("a property could not be defined"))
    }
}

/// A thrown JavaScript value as text: `String(thrown)` ("TypeError: ...").
fn describe_thrown(thrown: &JsValue) -> String {
    js_string(thrown).unwrap_or_else(|_| "an exception that cannot be shown".to_owned())
}

// ---------------------------------------------------------------------------
// JavaScript → Rust: walk the value, check each known field, and write the
// crate's JSON; serde_json then reads it like any other input.
// ---------------------------------------------------------------------------

/// The keys of a uni error that are not unknown keys.
const ERROR_KEYS: [&str; 5] = ["errSubject", "errCode", "errMsg", "data", "cause"];
/// The keys of a source that are not unknown keys.
const SOURCE_KEYS: [&str; 5] = ["message", "subject", "code", "cause", "errors"];

struct Reader {
    /// The JSON being written.
    out: String,
    /// The path of the value being read, as `cause.errors[1]`.
    path: String,
    /// The error nodes above the one being read, to refuse a cycle.
    ancestors: Vec<(JsValue, String)>,
}

impl Reader {
    fn fail(&self, message: impl fmt::Display) -> FromJsError {
        FromJsError::new(message.to_string())
    }

    /// `` `path.key` `` or `` `key` `` at the root.
    fn field(&self, key: &str) -> String {
        if self.path.is_empty() {
            format!("`{key}`")
        } else {
            format!("`{}.{key}`", self.path)
        }
    }

    /// ` at `path`` for a message, or nothing at the root.
    fn at(&self) -> String {
        if self.path.is_empty() {
            String::new()
        } else {
            format!(" at `{}`", self.path)
        }
    }

    fn get(&self, target: &JsValue, key: &str) -> Result<JsValue, FromJsError> {
        reflect_get(target, &JsValue::from_str(key)).map_err(|thrown| {
            self.fail(format_args!(
                "reading {} threw {}",
                self.field(key),
                describe_thrown(&thrown)
            ))
        })
    }

    /// A required or optional string field, written as JSON.
    fn string(&mut self, target: &JsValue, key: &str, required: bool) -> Result<(), FromJsError> {
        let value = self.get(target, key)?;
        if value.is_undefined() || value.is_null() {
            return if required {
                Err(self.fail(format_args!("missing field `{key}`{}", self.at())))
            } else {
                Ok(())
            };
        }
        let Some(text) = value.as_string() else {
            return Err(self.fail(format_args!(
                "{} is {}, expected a string",
                self.field(key),
                describe(&value)
            )));
        };
        // wasm-bindgen replaces a lone surrogate with U+FFFD; refuse it
        // instead, as the JSON reader does (only checked when one is seen).
        if text.contains('\u{fffd}')
            && !value
                .dyn_ref::<js_sys::JsString>()
                .is_some_and(js_sys::JsString::is_valid_utf16)
        {
            return Err(self.fail(format_args!(
                "{} has a lone surrogate, which is not Unicode text",
                self.field(key)
            )));
        }
        self.key(key);
        self.out.push_str(&json_string(&text));
        Ok(())
    }

    /// A required or optional integer field, written as JSON.
    fn code(&mut self, target: &JsValue, key: &str, required: bool) -> Result<(), FromJsError> {
        let value = self.get(target, key)?;
        if value.is_undefined() || value.is_null() {
            return if required {
                Err(self.fail(format_args!("missing field `{key}`{}", self.at())))
            } else {
                Ok(())
            };
        }
        // The i64 range as doubles: -2^63 is one, 2^63 the first above it.
        const MIN: f64 = -9_223_372_036_854_775_808.0;
        let code = match value.as_f64() {
            Some(n) if n.fract() == 0.0 && (MIN..-MIN).contains(&n) => n as i64,
            _ => {
                return Err(self.fail(format_args!(
                    "{} is {}, expected an integer in the i64 range",
                    self.field(key),
                    describe(&value)
                )))
            }
        };
        self.key(key);
        self.out.push_str(&code.to_string());
        Ok(())
    }

    /// Any value, through `JSON.stringify`; absent when it has no JSON.
    fn json(&mut self, value: &JsValue, key: &str) -> Result<(), FromJsError> {
        if value.is_undefined() || value.is_null() {
            return Ok(());
        }
        let text = js_sys::JSON::stringify(value).map_err(|thrown| {
            self.fail(format_args!(
                "{} cannot be written as JSON: {}",
                self.field(key),
                describe_thrown(&thrown)
            ))
        })?;
        let Some(text) = JsValue::from(text).as_string() else {
            return Ok(()); // a function or a symbol: no JSON, like JSON.stringify
        };
        // JSON.stringify writes a lone surrogate as an escape, which is not
        // Unicode text: refuse it here, naming the field.
        // (A full parse: serde's `IgnoredAny` skips strings unchecked.)
        if let Err(e) = serde_json::from_str::<serde_json::Value>(&text) {
            return Err(self.fail(format_args!(
                "{} is not valid JSON text: {e}",
                self.field(key)
            )));
        }
        self.key(key);
        self.out.push_str(&text);
        Ok(())
    }

    /// The object's own enumerable keys other than `known`, each written
    /// with its JSON value. A `name` that is one of `markers` is the class
    /// name uni-app's own classes assign (`this.name = 'UniError'`), not
    /// data, and is left out.
    fn unknown_keys(
        &mut self,
        target: &JsValue,
        known: &[&str],
        markers: &[&str],
    ) -> Result<(), FromJsError> {
        let keys = object_keys(target).map_err(|thrown| {
            self.fail(format_args!(
                "listing the keys{} threw {}",
                self.at(),
                describe_thrown(&thrown)
            ))
        })?;
        for key in keys {
            let Some(key) = key.as_string() else { continue };
            if known.contains(&key.as_str()) {
                continue;
            }
            let value = self.get(target, &key)?;
            if key == "name"
                && value
                    .as_string()
                    .is_some_and(|n| markers.contains(&n.as_str()))
            {
                continue;
            }
            self.json(&value, &key)?;
        }
        Ok(())
    }

    /// `,"key":` (or `"key":` first in an object).
    fn key(&mut self, key: &str) {
        if !self.out.ends_with('{') {
            self.out.push(',');
        }
        self.out.push_str(&json_string(key));
        self.out.push(':');
    }

    /// Checks that `value` is an object that is not an ancestor, and that
    /// it sits no deeper than the JSON limit.
    fn enter(&mut self, value: &JsValue, level: usize, what: &str) -> Result<(), FromJsError> {
        if !value.is_object() {
            let at = if self.path.is_empty() {
                String::new()
            } else {
                format!("`{}` is {}, ", self.path, describe(value))
            };
            return Err(if at.is_empty() {
                self.fail(format_args!("expected {what}, found {}", describe(value)))
            } else {
                self.fail(format_args!("{at}expected {what}"))
            });
        }
        if let Some((_, path)) = self.ancestors.iter().find(|(a, _)| a == value) {
            let again = if path.is_empty() {
                "the error itself".to_owned()
            } else {
                format!("`{path}`")
            };
            return Err(self.fail(format_args!(
                "`{}` is {again} again: a cycle cannot be an error chain",
                self.path
            )));
        }
        if level > MAX_JSON_DEPTH {
            return Err(self.fail(format_args!(
                "the cause chain nests deeper than {MAX_JSON_DEPTH} JSON levels"
            )));
        }
        self.ancestors.push((value.clone(), self.path.clone()));
        Ok(())
    }

    fn error(&mut self, value: &JsValue) -> Result<(), FromJsError> {
        self.enter(
            value,
            1,
            "a UniError object {errSubject, errCode, errMsg, data?, cause?}",
        )?;
        self.out.push('{');
        self.string(value, "errSubject", true)?;
        self.code(value, "errCode", true)?;
        self.string(value, "errMsg", true)?;
        let data = self.get(value, "data")?;
        self.json(&data, "data")?;
        self.cause(value, 1)?;
        self.unknown_keys(value, &ERROR_KEYS, &[TOP_NAME])?;
        self.out.push('}');
        Ok(())
    }

    /// The `cause` of the node at `level`, if any.
    fn cause(&mut self, parent: &JsValue, level: usize) -> Result<(), FromJsError> {
        let cause = self.get(parent, "cause")?;
        if cause.is_undefined() || cause.is_null() {
            return Ok(());
        }
        self.key("cause");
        let len = self.path.len();
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str("cause");
        self.source(&cause, level + 1)?;
        self.path.truncate(len);
        Ok(())
    }

    /// A source or aggregate error at JSON `level`.
    fn source(&mut self, value: &JsValue, level: usize) -> Result<(), FromJsError> {
        self.enter(
            value,
            level,
            "a source error object {message, subject?, code?, cause?, errors?}",
        )?;
        self.out.push('{');
        self.string(value, "message", true)?;
        self.string(value, "subject", false)?;
        self.code(value, "code", false)?;
        self.cause(value, level)?;
        self.errors(value, level)?;
        self.unknown_keys(value, &SOURCE_KEYS, &[SOURCE_NAME, AGGREGATE_NAME])?;
        self.out.push('}');
        self.ancestors.pop();
        Ok(())
    }

    /// An aggregate's `errors`, if any.
    fn errors(&mut self, parent: &JsValue, level: usize) -> Result<(), FromJsError> {
        let errors = self.get(parent, "errors")?;
        if errors.is_undefined() || errors.is_null() {
            return Ok(());
        }
        let is_array = array_is_array(&errors).map_err(|thrown| {
            self.fail(format_args!(
                "reading {} threw {}",
                self.field("errors"),
                describe_thrown(&thrown)
            ))
        })?;
        if !is_array {
            return Err(self.fail(format_args!(
                "{} is {}, expected an array of source errors",
                self.field("errors"),
                describe(&errors)
            )));
        }
        if level + 1 > MAX_JSON_DEPTH {
            return Err(self.fail(format_args!(
                "the cause chain nests deeper than {MAX_JSON_DEPTH} JSON levels"
            )));
        }
        let length = self.get(&errors, "length")?.as_f64().unwrap_or(0.0) as u32;
        self.key("errors");
        self.out.push('[');
        let len = self.path.len();
        for i in 0..length {
            self.path.truncate(len);
            if !self.path.is_empty() {
                self.path.push('.');
            }
            self.path.push_str(&format!("errors[{i}]"));
            let member = reflect_get_index(&errors, i).map_err(|thrown| {
                self.fail(format_args!(
                    "reading `{}` threw {}",
                    self.path,
                    describe_thrown(&thrown)
                ))
            })?;
            if i > 0 {
                self.out.push(',');
            }
            self.source(&member, level + 2)?;
        }
        self.path.truncate(len);
        self.out.push(']');
        Ok(())
    }
}

/// A string as JSON text.
fn json_string(s: &str) -> String {
    // Writing a `str` into a `String` cannot fail.
    serde_json::to_string(s).unwrap_or_default()
}

/// What a JavaScript value is, for an error message.
fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined".to_owned()
    } else if value.is_null() {
        "null".to_owned()
    } else if let Some(b) = value.as_bool() {
        format!("the boolean {b}")
    } else if let Some(n) = value.as_f64() {
        format!("the number {n}")
    } else if value.is_string() {
        "a string".to_owned()
    } else if value.is_bigint() {
        "a bigint".to_owned()
    } else if value.is_symbol() {
        "a symbol".to_owned()
    } else if value.is_function() {
        "a function".to_owned()
    } else if array_is_array(value).unwrap_or(false) {
        "an array".to_owned()
    } else {
        "an object".to_owned()
    }
}
