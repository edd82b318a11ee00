//! The JavaScript side of a uni error, written once for every engine a
//! plugin's Rust code runs in: wasm-bindgen's (feature `wasm`) and
//! Node-API's (feature `napi`).
//!
//! [`build`] turns the crate's JSON into an `Error` instance per node and
//! [`read`] walks a JavaScript value back into a `uni_error::Error`. Both speak
//! to JavaScript only through [`Host`], so the two bridges agree on every
//! property, its order and enumerability, and every error message, by
//! construction; one JS test suite runs over both.

mod build;
mod read;
mod text;

pub(crate) use build::build;
pub(crate) use read::read;

/// The `name` of each kind of node, as uni-app x names its classes.
pub(crate) const TOP_NAME: &str = "UniError";
pub(crate) const SOURCE_NAME: &str = "SourceError";
pub(crate) const AGGREGATE_NAME: &str = "UniAggregateError";

/// What a JavaScript value is (`typeof`, with `null` apart).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Kind {
    Undefined,
    Null,
    Boolean(bool),
    Number(f64),
    String,
    BigInt,
    Symbol,
    Function,
    /// An object (an array, an `Error`, a Proxy, ...) or anything else.
    Object,
}

/// A string read out of JavaScript that is not Unicode text.
pub(crate) struct LoneSurrogate;

/// The JavaScript operations the bridges need, each as JavaScript itself
/// does it (`Reflect.get`, `Object.keys`, ...). Every one that can run user
/// code (a getter, a Proxy trap) returns what it threw as `Err`, so an
/// exception is a value in Rust, never an unwind.
pub(crate) trait Host {
    /// A JavaScript value.
    type Value: Clone;

    /// `typeof value`.
    fn kind(&self, value: &Self::Value) -> Kind;
    /// The text of a string value (`None` for any other kind), or
    /// `Err(LoneSurrogate)` when it is not Unicode text.
    fn string_of(&self, value: &Self::Value) -> Option<Result<String, LoneSurrogate>>;
    /// The number, if `value` is one (cheaper than [`Host::kind`] where
    /// only a number is expected).
    fn number(&self, value: &Self::Value) -> Option<f64>;
    /// The text of a string value, a lone surrogate replaced by U+FFFD
    /// (cheaper than [`Host::string_of`] where the text is trusted).
    fn string_lossy(&self, value: &Self::Value) -> Option<String>;
    /// `a === b`.
    fn same(&self, a: &Self::Value, b: &Self::Value) -> bool;
    /// A JavaScript string.
    fn string(&self, text: &str) -> Result<Self::Value, Self::Value>;
    /// `String(value)`.
    fn text(&self, value: &Self::Value) -> Result<String, Self::Value>;

    /// `Reflect.get(target, key)`.
    fn get(&self, target: &Self::Value, key: &str) -> Result<Self::Value, Self::Value>;
    /// `Reflect.get(target, index)`.
    fn get_index(&self, target: &Self::Value, index: u32) -> Result<Self::Value, Self::Value>;
    /// `Reflect.set(target, index, value)`.
    fn set_index(
        &self,
        target: &Self::Value,
        index: u32,
        value: &Self::Value,
    ) -> Result<(), Self::Value>;
    /// `Reflect.defineProperty(target, key, {value, writable: true,
    /// enumerable, configurable: true})`, failing when it returns false.
    fn define(
        &self,
        target: &Self::Value,
        key: &str,
        value: &Self::Value,
        enumerable: bool,
    ) -> Result<(), Self::Value>;
    /// `Reflect.deleteProperty(target, key)`.
    fn delete(&self, target: &Self::Value, key: &str) -> Result<(), Self::Value>;
    /// `Object.keys(target)`.
    fn keys(&self, target: &Self::Value) -> Result<Vec<String>, Self::Value>;
    /// `Object.getOwnPropertyNames(target)`.
    fn own_names(&self, target: &Self::Value) -> Result<Vec<String>, Self::Value>;
    /// `Array.isArray(value)`.
    fn is_array(&self, value: &Self::Value) -> Result<bool, Self::Value>;

    /// `JSON.parse(text)`.
    fn parse(&self, text: &str) -> Result<Self::Value, Self::Value>;
    /// `JSON.stringify(value)`: `None` when JavaScript gives `undefined`.
    fn stringify(&self, value: &Self::Value) -> Result<Option<String>, Self::Value>;
    /// `new Error(message)`.
    fn new_error(&self, message: &str) -> Result<Self::Value, Self::Value>;
}

/// A JavaScript value as JavaScript writes it: `String(value)`
/// (`"TypeError: ..."` for a thrown error, `"1e+21"` for a number).
pub(crate) fn js_text<H: Host>(host: &H, thrown: &H::Value) -> String {
    host.text(thrown)
        .unwrap_or_else(|_| "an exception that cannot be shown".to_owned())
}
