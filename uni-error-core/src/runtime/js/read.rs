//! JavaScript → Rust: walk the value, check each known field, and write the
//! crate's JSON; serde_json then reads it like any other input.

use core::fmt;

use super::{js_text, Host, Kind, AGGREGATE_NAME, SOURCE_NAME, TOP_NAME};
use crate::value::wire::shape::{
    CAUSE, CODE, DATA, ERRORS, ERROR_KEYS, ERR_CODE, ERR_MSG, ERR_SUBJECT, MESSAGE, SOURCE_KEYS,
    SUBJECT,
};
use crate::value::wire::MAX_JSON_DEPTH;

/// Why a JavaScript value is not a uni error: the message each bridge's
/// own error type carries.
pub(crate) struct ReadError(pub(crate) String);

/// The JSON text of a `UniError`-shaped JavaScript value, every known field
/// checked.
pub(crate) fn to_json<H: Host>(host: &H, value: &H::Value) -> Result<String, ReadError> {
    let mut reader = Reader {
        host,
        out: String::new(),
        path: String::new(),
        ancestors: Vec::new(),
    };
    reader.error(value)?;
    Ok(reader.out)
}

struct Reader<'h, H: Host> {
    host: &'h H,
    /// The JSON being written.
    out: String,
    /// The path of the value being read, as `cause.errors[1]`.
    path: String,
    /// The error nodes above the one being read, to refuse a cycle.
    ancestors: Vec<(H::Value, String)>,
}

fn absent(kind: Kind) -> bool {
    matches!(kind, Kind::Undefined | Kind::Null)
}

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

    /// A required or optional string field, written as JSON.
    fn string(&mut self, target: &H::Value, key: &str, required: bool) -> Result<(), ReadError> {
        let value = self.get(target, key)?;
        if absent(self.host.kind(&value)) {
            return if required {
                Err(self.fail(format_args!("missing field `{key}`{}", self.at())))
            } else {
                Ok(())
            };
        }
        let text = match self.host.string_of(&value) {
            Some(Ok(text)) => text,
            Some(Err(_)) => {
                return Err(self.fail(format_args!(
                    "{} has a lone surrogate, which is not Unicode text",
                    self.field(key)
                )))
            }
            None => {
                return Err(self.fail(format_args!(
                    "{} is {}, expected a string",
                    self.field(key),
                    describe(self.host, &value)
                )))
            }
        };
        self.key(key);
        self.out.push_str(&json_string(&text));
        Ok(())
    }

    /// A required or optional integer field, written as JSON.
    fn code(&mut self, target: &H::Value, key: &str, required: bool) -> Result<(), ReadError> {
        let value = self.get(target, key)?;
        let kind = self.host.kind(&value);
        if absent(kind) {
            return if required {
                Err(self.fail(format_args!("missing field `{key}`{}", self.at())))
            } else {
                Ok(())
            };
        }
        // The i64 range as doubles: -2^63 is one, 2^63 the first above it.
        const MIN: f64 = -9_223_372_036_854_775_808.0;
        let code = match kind {
            Kind::Number(n) if n.fract() == 0.0 && (MIN..-MIN).contains(&n) => n as i64,
            _ => {
                return Err(self.fail(format_args!(
                    "{} is {}, expected an integer in the i64 range",
                    self.field(key),
                    describe(self.host, &value)
                )))
            }
        };
        self.key(key);
        self.out.push_str(&code.to_string());
        Ok(())
    }

    /// Any value, through `JSON.stringify`; absent when it has no JSON.
    fn json(&mut self, value: &H::Value, key: &str) -> Result<(), ReadError> {
        if absent(self.host.kind(value)) {
            return Ok(());
        }
        let text = self.host.stringify(value).map_err(|thrown| {
            self.fail(format_args!(
                "{} cannot be written as JSON: {}",
                self.field(key),
                js_text(self.host, &thrown)
            ))
        })?;
        let Some(text) = text else {
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
        target: &H::Value,
        known: &[&str],
        markers: &[&str],
    ) -> Result<(), ReadError> {
        let keys = self.host.keys(target).map_err(|thrown| {
            self.fail(format_args!(
                "listing the keys{} threw {}",
                self.at(),
                js_text(self.host, &thrown)
            ))
        })?;
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

    fn error(&mut self, value: &H::Value) -> Result<(), ReadError> {
        self.enter(
            value,
            1,
            "a UniError object {errSubject, errCode, errMsg, data?, cause?}",
        )?;
        self.out.push('{');
        self.string(value, ERR_SUBJECT, true)?;
        self.code(value, ERR_CODE, true)?;
        self.string(value, ERR_MSG, true)?;
        let data = self.get(value, DATA)?;
        self.json(&data, DATA)?;
        self.cause(value, 1)?;
        self.unknown_keys(value, ERROR_KEYS, &[TOP_NAME])?;
        self.out.push('}');
        Ok(())
    }

    /// The `cause` of the node at `level`, if any.
    fn cause(&mut self, parent: &H::Value, level: usize) -> Result<(), ReadError> {
        let cause = self.get(parent, CAUSE)?;
        if absent(self.host.kind(&cause)) {
            return Ok(());
        }
        self.key(CAUSE);
        let len = self.path.len();
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(CAUSE);
        self.source(&cause, level + 1)?;
        self.path.truncate(len);
        Ok(())
    }

    /// A source or aggregate error at JSON `level`.
    fn source(&mut self, value: &H::Value, level: usize) -> Result<(), ReadError> {
        self.enter(
            value,
            level,
            "a source error object {message, subject?, code?, cause?, errors?}",
        )?;
        self.out.push('{');
        self.string(value, MESSAGE, true)?;
        self.string(value, SUBJECT, false)?;
        self.code(value, CODE, false)?;
        self.cause(value, level)?;
        self.errors(value, level)?;
        self.unknown_keys(value, SOURCE_KEYS, &[SOURCE_NAME, AGGREGATE_NAME])?;
        self.out.push('}');
        self.ancestors.pop();
        Ok(())
    }

    /// An aggregate's `errors`, if any.
    fn errors(&mut self, parent: &H::Value, level: usize) -> Result<(), ReadError> {
        let errors = self.get(parent, ERRORS)?;
        if absent(self.host.kind(&errors)) {
            return Ok(());
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
        self.key(ERRORS);
        self.out.push('[');
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
