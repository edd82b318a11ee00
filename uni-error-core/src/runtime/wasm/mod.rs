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
//!   [`Error`]'s serialization), so the JS value never nests
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
use wasm_bindgen::JsCast;

use crate::runtime::js::{self, js_text};
use crate::{Error, UniError};

mod host;

use host::Wasm;

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

    /// A typed error on its way to JavaScript in the language `tag` (what
    /// `uni.getLocale()` gives the calling page, passed in by the JS
    /// side): errMsg and each cause's message in the best match of the
    /// error's `#[locales(..)]`, as [`UniError::to_error_in`] writes them.
    ///
    /// ```
    /// use uni_error::wasm::JsUniError;
    /// use uni_error::UniError;
    ///
    /// #[derive(Debug, UniError)]
    /// #[subject("uni-fs")]
    /// #[errno(1_300_002)]
    /// #[locales("en", "zh-Hans", "zh-Hant")]
    /// #[msg("no such file: {0}")]
    /// #[locale(zh_Hans = "文件不存在：{0}", zh_Hant = "檔案不存在：{0}")]
    /// struct NoSuchFile(String);
    ///
    /// // #[wasm_bindgen] pub fn open(path: String, locale: String) -> Result<(), JsUniError>
    /// fn open(path: &str, locale: &str) -> Result<(), JsUniError> {
    ///     Err(JsUniError::localized(&NoSuchFile(path.into()), locale))
    /// }
    ///
    /// assert_eq!(open("a.txt", "zh-Hant").unwrap_err().error().message(), "檔案不存在：a.txt");
    /// assert_eq!(open("a.txt", "en-US").unwrap_err().error().message(), "no such file: a.txt");
    /// ```
    pub fn localized<E: UniError + ?Sized>(error: &E, tag: &str) -> Self {
        JsUniError::new(error.to_error_in(tag))
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
        match js::build(&Wasm::default(), self) {
            Ok(value) => value.unchecked_into(),
            // Unreachable with the crate's own JSON, which JavaScript always
            // parses; still no panic: a plain Error that says what happened.
            Err(thrown) => js_sys::Error::new(&format!(
                "{} (uni_error could not build the UniError object: {})",
                self.message(),
                js_text(&Wasm::default(), &thrown)
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
    /// Text must be Unicode: a lone surrogate in a known string field, or
    /// in any string of `data` or of an unknown key's value, is an error.
    /// A key with a lone surrogate is left out: wasm-bindgen hands Rust
    /// the key with U+FFFD in its place, which names another property
    /// (absent, or, if the object has that key too, read twice and refused
    /// as a duplicate).
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
        js::read(&Wasm::default(), value).map_err(|e| FromJsError::new(e.0))
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
