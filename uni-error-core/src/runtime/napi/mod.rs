//! Errors that a Node addon (napi-rs 3) throws as real `Error` objects
//! shaped like uni-app's `UniError`, and back (feature `napi`).
//!
//! The JavaScript value is exactly the one the [`wasm`](crate::wasm)
//! bridge builds — the same code builds both — so one JavaScript test
//! suite runs over both bridges: `name` "UniError", own enumerable
//! `errSubject`, `errCode`, `errMsg`, `data`, `cause` (each an `Error`,
//! aggregates with `errors`), unknown keys kept, and `JSON.stringify(err)`
//! byte for byte `serde_json::to_string(&err)` within the JavaScript
//! exceptions the `wasm` module lists (integer-like keys first, doubles,
//! integers beyond 2^53). There is no `code` property: Node's `err.code`
//! convention is napi-rs's status string, which the bridge does not use.
//!
//! ```
//! use uni_error::napi::NapiUniError;
//! use uni_error::UniError;
//!
//! #[derive(Debug, UniError)]
//! #[subject("uni-login")]
//! #[errno(category = 15, sub = 4)]
//! pub enum LoginError {
//!     #[errno(code = 3)]
//!     #[msg("NFC is not available: {reason}")]
//!     NfcUnavailable { reason: String },
//! }
//!
//! fn read_token() -> Result<String, LoginError> {
//!     Err(LoginError::NfcUnavailable { reason: "off".into() })
//! }
//!
//! // #[napi]
//! pub fn login() -> Result<String, NapiUniError> {
//!     let token = read_token()?; // any `E: UniError` converts
//!     Ok(token)
//! }
//!
//! // On the host this runs as plain Rust: the error waits inside
//! // `NapiUniError` until napi-rs hands it to JavaScript.
//! assert_eq!(login().unwrap_err().error().code(), 1_504_003);
//! ```
//!
//! # Where napi-rs needs help, and what the addon writes
//!
//! napi-rs throws a `#[napi]` function's `Err` through `JsError::from(err)`,
//! a conversion that is given no `Env`, and rejects an `async fn`'s `Err`
//! with an `Error` made from a status and a message only. A uni error's
//! shape needs the JavaScript engine, so:
//!
//! - **Synchronous functions** return `Result<T, NapiUniError>` and use `?`.
//!   The conversion finds the engine of its thread through [`install`],
//!   which the addon calls once per thread, in its `module_exports` hook
//!   (which napi-rs runs for every Node thread that loads the addon):
//!
//!   ```ignore
//!   #[napi(module_exports)]
//!   pub fn init(_exports: Object, env: Env) -> napi::Result<()> {
//!       uni_error::napi::install(&env);
//!       Ok(())
//!   }
//!   ```
//!
//!   Without it the function still throws, but napi-rs's plain `Error`
//!   whose message is errMsg and says that no environment was installed:
//!   nothing of the uni error's shape is faked. The same holds for a
//!   conversion off the JavaScript thread (`?` inside an `async fn` body
//!   into `napi::Result`): use [`Settled`] there.
//! - **`async fn`s** return `napi::Result<Settled<T>>`: [`Settled`] holds the
//!   outcome until napi-rs settles the promise on the JavaScript thread,
//!   where a failure becomes the rejection, shaped as above (no `install`
//!   needed):
//!
//!   ```ignore
//!   #[napi]
//!   pub async fn login_later(reason: String) -> napi::Result<Settled<String>> {
//!       Ok(read_token_async(reason).await.into()) // Result<T, impl Into<Error>>
//!   }
//!   ```
//! - A [`NapiUniError`] is also a value (`ToNapiValue`): a function that
//!   returns it, or a callback given it, hands JavaScript the `Error`
//!   without throwing it.
//!
//! # Back from JavaScript
//!
//! [`Error::from_napi`] reads a `UniError`-shaped JavaScript value exactly
//! as [`Error::from_js`](crate::Error::from_js) does in the `wasm` bridge (the
//! same reader): every field checked, the same [`FromNapiError`] messages.

use core::fmt;
use std::cell::Cell;
use std::ptr;

use napi::bindgen_prelude::{FromNapiValue, ToNapiValue, Unknown};
use napi::{sys, Env, JsValue};

use crate::runtime::js::{self, js_text, Host};
use crate::{Error, UniError};

mod host;

use host::Napi;

thread_local! {
    /// The environment [`install`] recorded for this thread.
    static ENV: Cell<sys::napi_env> = const { Cell::new(ptr::null_mut()) };
}

/// Lets `?` in this thread's `#[napi]` functions throw shaped errors: the
/// conversion of a [`NapiUniError`] into napi-rs's `JsError` (or
/// `napi::Error`) builds the JavaScript `Error` in this environment.
///
/// Call it from the addon's `#[napi(module_exports)]` hook, which napi-rs
/// runs once on every Node thread (the main thread, each worker) that
/// loads the addon. Node-API gives each such thread its own environment,
/// which napi-rs relies on too.
pub fn install(env: &Env) {
    ENV.with(|cell| cell.set(env.raw()));
}

/// The environment of this thread, when [`install`] recorded one.
fn installed() -> Option<Napi> {
    let env = ENV.with(Cell::get);
    // SAFETY: `install` recorded this thread's own environment, and the
    // conversions that call this run inside a call from JavaScript.
    (!env.is_null()).then(|| unsafe { Napi::new(env) })
}

/// An error on its way to JavaScript: what a synchronous `#[napi]` function
/// returns in `Err`.
///
/// `?` converts any [`UniError`] and any [`uni_error::Error`](crate::Error)
/// into it. napi-rs throws it (through `From<NapiUniError> for JsError`,
/// see [`install`]); as a return value or argument of a JavaScript callback
/// it is the `Error` itself (`ToNapiValue`).
///
/// ```
/// use uni_error::napi::NapiUniError;
/// use uni_error::Error;
///
/// fn open(path: &str) -> Result<(), NapiUniError> {
///     Err(Error::new("uni-fs", 1_300_002, format!("no such file: {path}")))?
/// }
///
/// let err = open("a.txt").unwrap_err();
/// assert_eq!(err.error().message(), "no such file: a.txt");
/// assert_eq!(err.to_string(), "no such file: a.txt");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct NapiUniError {
    error: Error,
}

impl NapiUniError {
    /// Wraps an owned error.
    pub fn new(error: Error) -> Self {
        NapiUniError { error }
    }

    /// The error that will be sent.
    pub fn error(&self) -> &Error {
        &self.error
    }

    /// The error, back out of the wrapper.
    pub fn into_error(self) -> Error {
        self.error
    }

    /// napi-rs's error for this one: one that holds the shaped JavaScript
    /// `Error` when the thread has an environment ([`install`]), else a
    /// plain one that says `install` was not called.
    fn into_napi_error(self) -> napi::Error {
        if let Some(host) = installed() {
            if let Ok(value) = build(&host, &self.error) {
                // SAFETY: `value` was just made in the installed env.
                return thrown_error(host.env(), value);
            }
        }
        napi::Error::new(
            napi::Status::GenericFailure,
            format!(
                "{} (no Node-API environment on this thread, so napi-rs threw its own Error \
                 instead of the UniError: call uni_error::napi::install in the addon's \
                 module_exports hook, and return Settled<T> from async functions)",
                self.error.message()
            ),
        )
    }
}

impl fmt::Display for NapiUniError {
    /// The error's `Display` (errMsg; `{:#}` adds the chain).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)
    }
}

impl std::error::Error for NapiUniError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.error)
    }
}

impl<E: UniError> From<E> for NapiUniError {
    /// Erases a typed uni error, as `uni_error::Error::from` does.
    fn from(e: E) -> Self {
        NapiUniError::new(Error::from(e))
    }
}

impl From<Error> for NapiUniError {
    fn from(error: Error) -> Self {
        NapiUniError::new(error)
    }
}

impl From<NapiUniError> for napi::JsError {
    /// What napi-rs throws for a `#[napi]` function's `Err`: the shaped
    /// `Error` (see [`install`]).
    fn from(e: NapiUniError) -> Self {
        napi::JsError::from(e.into_napi_error())
    }
}

impl From<NapiUniError> for napi::Error {
    /// For `?` in a function that returns `napi::Result`: holds the shaped
    /// `Error` when converted on a thread with an environment
    /// ([`install`]).
    fn from(e: NapiUniError) -> Self {
        e.into_napi_error()
    }
}

impl ToNapiValue for NapiUniError {
    /// The JavaScript `Error` of [`Error::to_napi`].
    unsafe fn to_napi_value(env: sys::napi_env, val: Self) -> napi::Result<sys::napi_value> {
        // SAFETY: napi-rs calls this with the current thread's env.
        let host = unsafe { Napi::new(env) };
        build(&host, &val.error).map_err(|thrown| thrown_error(env, thrown))
    }
}

/// The outcome of an `async fn`, settled on the JavaScript thread: `Ok`
/// resolves the promise with the value, `Err` rejects it with the shaped
/// `Error`.
///
/// ```
/// use uni_error::napi::Settled;
/// use uni_error::Error;
///
/// async fn fetch() -> Result<u32, Error> {
///     Err(Error::new("uni-request", 1_600_002, "offline"))
/// }
///
/// // #[napi]
/// // pub async fn fetch_count() -> napi::Result<Settled<u32>> {
/// //     Ok(fetch().await.into())
/// // }
/// let settled: Settled<u32> = pollster::block_on(fetch()).into();
/// assert_eq!(settled.into_result().unwrap_err().message(), "offline");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Settled<T>(Result<T, Error>);

impl<T> Settled<T> {
    /// The outcome.
    pub fn into_result(self) -> Result<T, Error> {
        self.0
    }
}

impl<T, E: Into<Error>> From<Result<T, E>> for Settled<T> {
    fn from(result: Result<T, E>) -> Self {
        Settled(result.map_err(Into::into))
    }
}

impl<T: ToNapiValue> ToNapiValue for Settled<T> {
    /// The value, or an `Err` that holds the shaped `Error` (napi-rs
    /// rejects the promise, or throws, with the value it holds).
    unsafe fn to_napi_value(env: sys::napi_env, val: Self) -> napi::Result<sys::napi_value> {
        match val.0 {
            // SAFETY: napi-rs's contract, passed on.
            Ok(value) => unsafe { T::to_napi_value(env, value) },
            Err(error) => {
                // SAFETY: napi-rs calls this with the current thread's env.
                let host = unsafe { Napi::new(env) };
                let value = build(&host, &error).unwrap_or_else(|thrown| thrown);
                // SAFETY: `value` belongs to `env`.
                Err(napi::Error::from(unsafe {
                    Unknown::from_raw_unchecked(env, value)
                }))
            }
        }
    }
}

/// The shaped `Error` of `error`; if JavaScript threw while building it
/// (it cannot with the crate's own JSON), a plain `Error` that says so.
fn build(host: &Napi, error: &Error) -> Result<sys::napi_value, sys::napi_value> {
    js::build(host, error).or_else(|thrown| {
        host.new_error(&format!(
            "{} (uni_error could not build the UniError object: {})",
            error.message(),
            js_text(host, &thrown)
        ))
    })
}

/// napi-rs's error holding what JavaScript threw.
fn thrown_error(env: sys::napi_env, thrown: sys::napi_value) -> napi::Error {
    // SAFETY: `thrown` belongs to `env`, the current thread's.
    napi::Error::from(unsafe { Unknown::from_raw_unchecked(env, thrown) })
}

impl Error {
    /// This error as a JavaScript `Error` shaped like uni-app's `UniError`,
    /// the value the `wasm` bridge's `Error::to_js` builds. The [module
    /// documentation](crate::napi) has the whole shape.
    ///
    /// # Errors
    ///
    /// What JavaScript threw, which it does not with the crate's own JSON.
    pub fn to_napi<'env>(&self, env: &'env Env) -> napi::Result<Unknown<'env>> {
        // SAFETY: `env` is napi-rs's, for the current thread.
        let host = unsafe { Napi::new(env.raw()) };
        let value = build(&host, self).map_err(|thrown| thrown_error(env.raw(), thrown))?;
        // SAFETY: `value` belongs to `env`.
        Ok(unsafe { Unknown::from_raw_unchecked(env.raw(), value) })
    }

    /// Reads a JavaScript `UniError`-shaped value, as the `wasm` bridge's
    /// `Error::from_js` does (the same reader, the same rules and
    /// messages): an `Error` or a plain object with `errSubject`, `errCode`
    /// (an integer number), `errMsg`, optional `data` and `cause`, and any
    /// other own enumerable keys; a cause with `message`, optional
    /// `subject`, `code`, `cause` and `errors`. A key with a lone surrogate
    /// is left out (Node-API's keys are read as UTF-16; one that is not
    /// Unicode text has no Rust name).
    ///
    /// # Errors
    ///
    /// A [`FromNapiError`] that names the field (`cause.errors[1].code`)
    /// when the value is not one; never a panic.
    pub fn from_napi(env: &Env, value: &Unknown<'_>) -> Result<Error, FromNapiError> {
        // SAFETY: `env` is napi-rs's, for the current thread.
        let host = unsafe { Napi::new(env.raw()) };
        js::read(&host, &value.raw()).map_err(|e| FromNapiError::new(e.0))
    }
}

impl FromNapiValue for Error {
    /// A `uni_error::Error` argument of a `#[napi]` function, read by
    /// [`Error::from_napi`]; a value that is not one is a `TypeError`.
    unsafe fn from_napi_value(env: sys::napi_env, napi_val: sys::napi_value) -> napi::Result<Self> {
        let env = Env::from_raw(env);
        // SAFETY: napi-rs's contract, passed on.
        let value = unsafe { Unknown::from_raw_unchecked(env.raw(), napi_val) };
        Error::from_napi(&env, &value).map_err(|e| e.into_type_error(env.raw()))
    }
}

/// Why [`Error::from_napi`] could not read a JavaScript value: the same
/// messages as the `wasm` bridge's `FromJsError`.
///
/// napi-rs throws it (as the `Err` of a `#[napi]` function, on a thread
/// with an [`install`]ed environment) as a JavaScript `TypeError`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FromNapiError {
    message: String,
}

impl FromNapiError {
    fn new(message: String) -> Self {
        FromNapiError { message }
    }

    /// napi-rs's error holding a `TypeError` with the message.
    fn into_type_error(self, env: sys::napi_env) -> napi::Error {
        // SAFETY: `env` is the current thread's.
        let host = unsafe { Napi::new(env) };
        match host.type_error(&self.message) {
            Ok(value) => thrown_error(env, value),
            Err(_) => napi::Error::new(napi::Status::InvalidArg, self.message),
        }
    }
}

impl fmt::Display for FromNapiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FromNapiError {}

impl From<FromNapiError> for napi::JsError {
    /// A JavaScript `TypeError` with the message (see [`install`]).
    fn from(e: FromNapiError) -> Self {
        match installed() {
            Some(host) => napi::JsError::from(e.into_type_error(host.env())),
            None => napi::JsError::from(napi::Error::new(napi::Status::InvalidArg, e.message)),
        }
    }
}
