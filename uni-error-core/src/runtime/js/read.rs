//! JavaScript → Rust: walk the value, check each known field, and build the
//! `Error` from what was read. No JSON text of the whole error is written
//! and no serde_json value reader runs: `data` and unknown keys' values are
//! JSON.stringify's text, checked by [`text::check`] and kept as it is.

use core::fmt;

use super::{js_text, text, Host, Kind, AGGREGATE_NAME, SOURCE_NAME, TOP_NAME};
use crate::value::json::Json;
use crate::value::wire::shape::{
    CAUSE, CODE, DATA, ERRORS, ERROR_KEYS, ERR_CODE, ERR_MSG, ERR_SUBJECT, MESSAGE, SOURCE_KEYS,
    SUBJECT,
};
use crate::value::wire::MAX_JSON_DEPTH;
use crate::{Cause, Error};

/// Why a JavaScript value is not a uni error: the message each bridge's
/// own error type carries.
pub(crate) struct ReadError(pub(crate) String);

/// The uni error a `UniError`-shaped JavaScript value holds, every known
/// field checked.
pub(crate) fn read<H: Host>(host: &H, value: &H::Value) -> Result<Error, ReadError> {
    let mut reader = Reader {
        host,
        path: String::new(),
        ancestors: Vec::new(),
        duplicate: None,
    };
    let error = reader.error(value)?;
    match reader.duplicate {
        Some(message) => Err(ReadError(message)),
        None => Ok(error),
    }
}

struct Reader<'h, H: Host> {
    host: &'h H,
    /// The path of the value being read, as `cause.errors[1]`.
    path: String,
    /// The error nodes above the one being read, to refuse a cycle.
    ancestors: Vec<(H::Value, String)>,
    /// The first key read twice: reported once the walk is done, as the
    /// JSON reader this one replaced found it only after every other
    /// problem (it parsed the text the walk wrote).
    duplicate: Option<String>,
}

fn absent(kind: Kind) -> bool {
    matches!(kind, Kind::Undefined | Kind::Null)
}

/// A field read off a node: absent (`None`) or its value.
type Field<T> = Result<Option<T>, ReadError>;

impl<H: Host> Reader<'_, H> {
    fn fail(&self, message: impl fmt::Display) -> ReadError {
        ReadError(message.to_string())
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

    fn get(&self, target: &H::Value, key: &str) -> Result<H::Value, ReadError> {
        self.host.get(target, key).map_err(|thrown| {
            self.fail(format_args!(
                "reading {} threw {}",
                self.field(key),
                js_text(self.host, &thrown)
            ))
        })
    }

    /// A required field's value (absent: the error), or an optional one's.
    fn present(&self, target: &H::Value, key: &str, required: bool) -> Field<H::Value> {
        let value = self.get(target, key)?;
        if !absent(self.host.kind(&value)) {
            return Ok(Some(value));
        }
        if required {
            return Err(self.fail(format_args!("missing field `{key}`{}", self.at())));
        }
        Ok(None)
    }

    /// A string field.
    fn string(&self, target: &H::Value, key: &str, required: bool) -> Field<String> {
        let Some(value) = self.present(target, key, required)? else {
            return Ok(None);
        };
        match self.host.string_of(&value) {
            Some(Ok(text)) => Ok(Some(text)),
            Some(Err(_)) => Err(self.fail(format_args!(
                "{} has a lone surrogate, which is not Unicode text",
                self.field(key)
            ))),
            None => Err(self.fail(format_args!(
                "{} is {}, expected a string",
                self.field(key),
                describe(self.host, &value)
            ))),
        }
    }

    /// A required string field.
    fn required_string(&self, target: &H::Value, key: &str) -> Result<String, ReadError> {
        self.string(target, key, true)?
            .ok_or_else(|| self.fail(format_args!("missing field `{key}`{}", self.at())))
    }

    /// An integer field: a number that is an integer in the `i64` range.
    fn code(&self, target: &H::Value, key: &str, required: bool) -> Field<i64> {
        let Some(value) = self.present(target, key, required)? else {
            return Ok(None);
        };
        // The i64 range as doubles: -2^63 is one, 2^63 the first above it.
        // NaN and the infinities are outside it; -0 reads as 0.
        const MIN: f64 = -9_223_372_036_854_775_808.0;
        match self.host.kind(&value) {
            Kind::Number(n) if n.fract() == 0.0 && (MIN..-MIN).contains(&n) => Ok(Some(n as i64)),
            _ => Err(self.fail(format_args!(
                "{} is {}, expected an integer in the i64 range",
                self.field(key),
                describe(self.host, &value)
            ))),
        }
    }

    /// Any value as JSON text, through `JSON.stringify`; absent when it is
    /// `null` or `undefined` or has no JSON (a function, a symbol).
    fn json(&self, value: &H::Value, key: &str) -> Field<Json> {
        if absent(self.host.kind(value)) {
            return Ok(None);
        }
        let text = self.host.stringify(value).map_err(|thrown| {
            self.fail(format_args!(
                "{} cannot be written as JSON: {}",
                self.field(key),
                js_text(self.host, &thrown)
            ))
        })?;
        let Some(text) = text else {
            return Ok(None); // no JSON: left out, as JSON.stringify does
        };
        let invalid = |e: &dyn fmt::Display| {
            self.fail(format_args!(
                "{} is not valid JSON text: {e}",
                self.field(key)
            ))
        };
        // JSON.stringify writes a lone surrogate as an escape, which is not
        // Unicode text, and nests as deep as the value does.
        text::check(&text).map_err(|e| invalid(&e))?;
        Json::from_js_text(text).map(Some).map_err(|e| invalid(&e))
    }

    /// The object's own enumerable keys other than `known`, each with its
    /// JSON value. A `name` that is one of `markers` is the class name
    /// uni-app's own classes assign (`this.name = 'UniError'`), not data,
    /// and is left out.
    fn unknown_keys(
        &mut self,
        target: &H::Value,
        known: &[&str],
        markers: &[&str],
    ) -> Result<Vec<(String, Json)>, ReadError> {
        let keys = self.host.keys(target).map_err(|thrown| {
            self.fail(format_args!(
                "listing the keys{} threw {}",
                self.at(),
                js_text(self.host, &thrown)
            ))
        })?;
        let mut extra = Vec::new();
        for key in keys {
            if known.contains(&key.as_str()) {
                continue;
            }
            let value = self.get(target, &key)?;
            if key == "name"
                && matches!(self.host.string_of(&value), Some(Ok(n)) if markers.contains(&n.as_str()))
            {
                continue;
            }
            if let Some(json) = self.json(&value, &key)? {
                extra.push((key, json));
            }
        }
        if self.duplicate.is_none() {
            self.duplicate = self.duplicate_in(&extra);
        }
        Ok(extra)
    }

    /// The message for a key given twice, if one is. `Object.keys` lists
    /// each key once, but wasm-bindgen reads a key's lone surrogate as
    /// U+FFFD, so `"\ud800"` and `"\ufffd"` both read as the property
    /// `"\ufffd"` (a lone key alone names no property and is left out, as
    /// napi leaves it out).
    fn duplicate_in(&self, extra: &[(String, Json)]) -> Option<String> {
        if extra.len() < 2 {
            return None;
        }
        let mut keys: Vec<&str> = extra.iter().map(|(k, _)| k.as_str()).collect();
        keys.sort_unstable();
        let twice = keys.windows(2).find(|w| w[0] == w[1])?[0];
        Some(format!(
            "the error cannot be read as JSON: duplicate field `{twice}`{}",
            self.at()
        ))
    }

    /// Checks that `value` is an object that is not an ancestor, and that
    /// it sits no deeper than the JSON limit.
    fn enter(&mut self, value: &H::Value, level: usize, what: &str) -> Result<(), ReadError> {
        if self.host.kind(value) != Kind::Object {
            let found = describe(self.host, value);
            return Err(if self.path.is_empty() {
                self.fail(format_args!("expected {what}, found {found}"))
            } else {
                self.fail(format_args!("`{}` is {found}, expected {what}", self.path))
            });
        }
        if let Some((_, path)) = self
            .ancestors
            .iter()
            .find(|(a, _)| self.host.same(a, value))
        {
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

    fn error(&mut self, value: &H::Value) -> Result<Error, ReadError> {
        self.enter(
            value,
            1,
            "a UniError object {errSubject, errCode, errMsg, data?, cause?}",
        )?;
        let subject = self.required_string(value, ERR_SUBJECT)?;
        let code = self
            .code(value, ERR_CODE, true)?
            .ok_or_else(|| self.fail(format_args!("missing field `{ERR_CODE}`")))?;
        let message = self.required_string(value, ERR_MSG)?;
        let data = self.get(value, DATA)?;
        // A `data` JSON.stringify writes as `null` (NaN, an invalid Date's
        // toJSON) is absent, as a JSON `null` is to every reader of the
        // crate; an unknown key keeps its `null`.
        let data = self.json(&data, DATA)?.filter(|data| !data.is_null());
        let cause = self.cause(value, 1)?;
        let extra = self.unknown_keys(value, ERROR_KEYS, &[TOP_NAME])?;
        Ok(Error::from_parts(
            subject, code, message, data, cause, extra,
        ))
    }

    /// The `cause` of the node at `level`, if any.
    fn cause(&mut self, parent: &H::Value, level: usize) -> Field<Cause> {
        let cause = self.get(parent, CAUSE)?;
        if absent(self.host.kind(&cause)) {
            return Ok(None);
        }
        let len = self.path.len();
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(CAUSE);
        let cause = self.source(&cause, level + 1)?;
        self.path.truncate(len);
        Ok(Some(cause))
    }

    /// A source or aggregate error at JSON `level`.
    fn source(&mut self, value: &H::Value, level: usize) -> Result<Cause, ReadError> {
        self.enter(
            value,
            level,
            "a source error object {message, subject?, code?, cause?, errors?}",
        )?;
        let message = self.required_string(value, MESSAGE)?;
        let subject = self.string(value, SUBJECT, false)?;
        let code = self.code(value, CODE, false)?;
        let cause = self.cause(value, level)?;
        let errors = self.errors(value, level)?;
        let extra = self.unknown_keys(value, SOURCE_KEYS, &[SOURCE_NAME, AGGREGATE_NAME])?;
        self.ancestors.pop();
        Ok(Cause::from_parts(
            message, subject, code, cause, errors, extra,
        ))
    }

    /// An aggregate's `errors`, if any.
    fn errors(&mut self, parent: &H::Value, level: usize) -> Field<Vec<Cause>> {
        let errors = self.get(parent, ERRORS)?;
        if absent(self.host.kind(&errors)) {
            return Ok(None);
        }
        let is_array = self.host.is_array(&errors).map_err(|thrown| {
            self.fail(format_args!(
                "reading {} threw {}",
                self.field(ERRORS),
                js_text(self.host, &thrown)
            ))
        })?;
        if !is_array {
            return Err(self.fail(format_args!(
                "{} is {}, expected an array of source errors",
                self.field(ERRORS),
                describe(self.host, &errors)
            )));
        }
        if level + 1 > MAX_JSON_DEPTH {
            return Err(self.fail(format_args!(
                "the cause chain nests deeper than {MAX_JSON_DEPTH} JSON levels"
            )));
        }
        let length = match self.host.kind(&self.get(&errors, "length")?) {
            Kind::Number(n) => n as u32,
            _ => 0,
        };
        // Grown as members arrive: `length` is what the value says, not
        // what it holds.
        let mut members = Vec::new();
        let len = self.path.len();
        for i in 0..length {
            self.path.truncate(len);
            if !self.path.is_empty() {
                self.path.push('.');
            }
            self.path.push_str(&format!("errors[{i}]"));
            let member = self.host.get_index(&errors, i).map_err(|thrown| {
                self.fail(format_args!(
                    "reading `{}` threw {}",
                    self.path,
                    js_text(self.host, &thrown)
                ))
            })?;
            members.push(self.source(&member, level + 2)?);
        }
        self.path.truncate(len);
        Ok(Some(members))
    }
}

/// What a JavaScript value is, for an error message.
fn describe<H: Host>(host: &H, value: &H::Value) -> String {
    match host.kind(value) {
        Kind::Undefined => "undefined".to_owned(),
        Kind::Null => "null".to_owned(),
        Kind::Boolean(b) => format!("the boolean {b}"),
        // JavaScript's own spelling of the number (`1.5`, `NaN`, `1e+21`).
        Kind::Number(_) => format!("the number {}", js_text(host, value)),
        Kind::String => "a string".to_owned(),
        Kind::BigInt => "a bigint".to_owned(),
        Kind::Symbol => "a symbol".to_owned(),
        Kind::Function => "a function".to_owned(),
        Kind::Object if host.is_array(value).unwrap_or(false) => "an array".to_owned(),
        Kind::Object => "an object".to_owned(),
    }
}
