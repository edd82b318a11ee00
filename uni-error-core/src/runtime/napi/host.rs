//! The JavaScript operations of [`crate::runtime::js`] through Node-API.
//!
//! Every call checks its status; a pending exception (a throwing getter, a
//! revoked Proxy, a cycle in `JSON.stringify`) is taken off the engine and
//! returned as `Err`, so nothing is left pending for napi-rs to trip on.

use core::ffi::CStr;
use core::ptr;

use napi::sys;

use crate::runtime::js::{Host, Kind, LoneSurrogate};

/// Node-API in one environment: valid on its own JavaScript thread, inside
/// a call into the addon (values live in the caller's handle scope).
#[derive(Clone, Copy)]
pub(super) struct Napi {
    env: sys::napi_env,
}

type Value = sys::napi_value;

impl Napi {
    /// # Safety
    ///
    /// `env` is the environment of the current thread, inside a call from
    /// JavaScript (a `#[napi]` function, a conversion napi-rs makes for it).
    pub(super) unsafe fn new(env: sys::napi_env) -> Self {
        Napi { env }
    }

    /// The environment.
    pub(super) fn env(&self) -> sys::napi_env {
        self.env
    }

    /// `new TypeError(message)`.
    pub(super) fn type_error(&self, message: &str) -> Result<Value, Value> {
        let message = self.string(message)?;
        let mut out = ptr::null_mut();
        // SAFETY: a string of this env; no code.
        let status =
            unsafe { sys::napi_create_type_error(self.env, ptr::null_mut(), message, &mut out) };
        self.check(status, "napi_create_type_error")?;
        Ok(out)
    }

    /// `Ok` for `napi_ok`; else what JavaScript threw, or an `Error` that
    /// names the failed call when nothing was thrown.
    fn check(&self, status: sys::napi_status, call: &str) -> Result<(), Value> {
        if status == sys::Status::napi_ok {
            return Ok(());
        }
        let mut pending = false;
        // SAFETY: `self.env` is valid on this thread (see `new`).
        unsafe { sys::napi_is_exception_pending(self.env, &mut pending) };
        if pending {
            let mut thrown = ptr::null_mut();
            // SAFETY: as above; an exception is pending.
            unsafe { sys::napi_get_and_clear_last_exception(self.env, &mut thrown) };
            return Err(thrown);
        }
        // An Error that names the call, made without `check` (which would
        // recurse if Node-API keeps failing); null if even that fails.
        let message = format!("the Node-API call {call} failed with status {status}");
        let mut text = ptr::null_mut();
        let mut error = ptr::null_mut();
        // SAFETY: as above; `message` is valid UTF-8 of the given length.
        unsafe {
            sys::napi_create_string_utf8(
                self.env,
                message.as_ptr().cast(),
                message.len() as isize,
                &mut text,
            );
            if !text.is_null() {
                sys::napi_create_error(self.env, ptr::null_mut(), text, &mut error);
            }
        }
        Err(error)
    }

    fn global_member(&self, namespace: &CStr, member: &CStr) -> Result<(Value, Value), Value> {
        let mut global = ptr::null_mut();
        let mut object = ptr::null_mut();
        let mut function = ptr::null_mut();
        // SAFETY: `self.env` is valid on this thread; the out pointers are
        // live locals; names are NUL-terminated.
        unsafe {
            self.check(
                sys::napi_get_global(self.env, &mut global),
                "napi_get_global",
            )?;
            self.check(
                sys::napi_get_named_property(self.env, global, namespace.as_ptr(), &mut object),
                "napi_get_named_property",
            )?;
            if member.is_empty() {
                return Ok((global, object));
            }
            self.check(
                sys::napi_get_named_property(self.env, object, member.as_ptr(), &mut function),
                "napi_get_named_property",
            )?;
        }
        Ok((object, function))
    }

    /// `namespace.member(...args)`, or the global function `namespace` when
    /// `member` is empty.
    fn call(&self, namespace: &CStr, member: &CStr, args: &[Value]) -> Result<Value, Value> {
        let (this, function) = self.global_member(namespace, member)?;
        let mut out = ptr::null_mut();
        // SAFETY: as in `global_member`; `args` outlives the call.
        let status = unsafe {
            sys::napi_call_function(
                self.env,
                this,
                function,
                args.len(),
                args.as_ptr(),
                &mut out,
            )
        };
        self.check(status, "napi_call_function")?;
        Ok(out)
    }

    fn strings(&self, array: Value) -> Result<Vec<String>, Value> {
        let mut len = 0;
        // SAFETY: `array` is a value of this env.
        let status = unsafe { sys::napi_get_array_length(self.env, array, &mut len) };
        self.check(status, "napi_get_array_length")?;
        let mut out = Vec::with_capacity(len as usize);
        for i in 0..len {
            let key = self.get_index(&array, i)?;
            if let Some(Ok(key)) = self.string_of(&key) {
                out.push(key);
            }
        }
        Ok(out)
    }

    fn bool_result(&self, value: Value) -> bool {
        matches!(self.kind(&value), Kind::Boolean(true))
    }
}

impl Host for Napi {
    type Value = Value;

    fn kind(&self, value: &Value) -> Kind {
        let mut t = 0;
        // SAFETY: `value` is a value of this env.
        if unsafe { sys::napi_typeof(self.env, *value, &mut t) } != sys::Status::napi_ok {
            return Kind::Object;
        }
        match t {
            sys::ValueType::napi_undefined => Kind::Undefined,
            sys::ValueType::napi_null => Kind::Null,
            sys::ValueType::napi_boolean => {
                let mut b = false;
                // SAFETY: a boolean of this env.
                unsafe { sys::napi_get_value_bool(self.env, *value, &mut b) };
                Kind::Boolean(b)
            }
            sys::ValueType::napi_number => {
                let mut n = 0.0;
                // SAFETY: a number of this env.
                unsafe { sys::napi_get_value_double(self.env, *value, &mut n) };
                Kind::Number(n)
            }
            sys::ValueType::napi_string => Kind::String,
            sys::ValueType::napi_symbol => Kind::Symbol,
            sys::ValueType::napi_function => Kind::Function,
            // `napi_bigint`, which napi-sys names only with its `napi6`
            // feature: the value is fixed by Node-API.
            9 => Kind::BigInt,
            _ => Kind::Object,
        }
    }

    fn string_of(&self, value: &Value) -> Option<Result<String, LoneSurrogate>> {
        if self.kind(value) != Kind::String {
            return None;
        }
        let mut len = 0;
        // SAFETY: a string of this env; a null buffer asks for the length.
        unsafe { sys::napi_get_value_string_utf16(self.env, *value, ptr::null_mut(), 0, &mut len) };
        let mut units = vec![0u16; len + 1];
        let mut written = 0;
        // SAFETY: `units` holds `len + 1` units (the last for the NUL).
        unsafe {
            sys::napi_get_value_string_utf16(
                self.env,
                *value,
                units.as_mut_ptr(),
                units.len(),
                &mut written,
            )
        };
        units.truncate(written);
        Some(String::from_utf16(&units).map_err(|_| LoneSurrogate))
    }

    fn number(&self, value: &Value) -> Option<f64> {
        match self.kind(value) {
            Kind::Number(n) => Some(n),
            _ => None,
        }
    }

    fn string_lossy(&self, value: &Value) -> Option<String> {
        self.string_of(value).map(|text| {
            text.unwrap_or_else(|_| {
                // Rare: read it again through UTF-8, which replaces the
                // lone surrogate with U+FFFD.
                let mut len = 0;
                // SAFETY: a string of this env; a null buffer asks for the length.
                unsafe {
                    sys::napi_get_value_string_utf8(self.env, *value, ptr::null_mut(), 0, &mut len)
                };
                let mut bytes = vec![0u8; len + 1];
                let mut written = 0;
                // SAFETY: `bytes` holds `len + 1` bytes (the last for the NUL).
                unsafe {
                    sys::napi_get_value_string_utf8(
                        self.env,
                        *value,
                        bytes.as_mut_ptr().cast(),
                        bytes.len(),
                        &mut written,
                    )
                };
                bytes.truncate(written);
                String::from_utf8_lossy(&bytes).into_owned()
            })
        })
    }

    fn same(&self, a: &Value, b: &Value) -> bool {
        let mut equal = false;
        // SAFETY: two values of this env.
        unsafe { sys::napi_strict_equals(self.env, *a, *b, &mut equal) };
        equal
    }

    fn string(&self, text: &str) -> Result<Value, Value> {
        let mut out = ptr::null_mut();
        // SAFETY: `text` is valid UTF-8 of the given length.
        let status = unsafe {
            sys::napi_create_string_utf8(
                self.env,
                text.as_ptr().cast(),
                text.len() as isize,
                &mut out,
            )
        };
        self.check(status, "napi_create_string_utf8")?;
        Ok(out)
    }

    fn text(&self, value: &Value) -> Result<String, Value> {
        let text = self.call(c"String", c"", &[*value])?;
        Ok(match self.string_of(&text) {
            Some(Ok(text)) => text,
            _ => String::new(),
        })
    }

    fn get(&self, target: &Value, key: &str) -> Result<Value, Value> {
        let key = self.string(key)?;
        let mut out = ptr::null_mut();
        // SAFETY: values of this env.
        let status = unsafe { sys::napi_get_property(self.env, *target, key, &mut out) };
        self.check(status, "napi_get_property")?;
        Ok(out)
    }

    fn get_index(&self, target: &Value, index: u32) -> Result<Value, Value> {
        let mut out = ptr::null_mut();
        // SAFETY: values of this env.
        let status = unsafe { sys::napi_get_element(self.env, *target, index, &mut out) };
        self.check(status, "napi_get_element")?;
        Ok(out)
    }

    fn set_index(&self, target: &Value, index: u32, value: &Value) -> Result<(), Value> {
        // SAFETY: values of this env.
        let status = unsafe { sys::napi_set_element(self.env, *target, index, *value) };
        self.check(status, "napi_set_element")
    }

    fn define(
        &self,
        target: &Value,
        key: &str,
        value: &Value,
        enumerable: bool,
    ) -> Result<(), Value> {
        use sys::PropertyAttributes as A;
        let attributes = A::writable | A::configurable | if enumerable { A::enumerable } else { 0 };
        let descriptor = sys::napi_property_descriptor {
            utf8name: ptr::null(),
            name: self.string(key)?,
            method: None,
            getter: None,
            setter: None,
            value: *value,
            attributes,
            data: ptr::null_mut(),
        };
        // SAFETY: one descriptor of values of this env.
        let status = unsafe { sys::napi_define_properties(self.env, *target, 1, &descriptor) };
        self.check(status, "napi_define_properties")
    }

    fn delete(&self, target: &Value, key: &str) -> Result<(), Value> {
        let key = self.string(key)?;
        let mut deleted = false;
        // SAFETY: values of this env.
        let status = unsafe { sys::napi_delete_property(self.env, *target, key, &mut deleted) };
        self.check(status, "napi_delete_property")
    }

    fn keys(&self, target: &Value) -> Result<Vec<String>, Value> {
        let keys = self.call(c"Object", c"keys", &[*target])?;
        self.strings(keys)
    }

    fn own_names(&self, target: &Value) -> Result<Vec<String>, Value> {
        let names = self.call(c"Object", c"getOwnPropertyNames", &[*target])?;
        self.strings(names)
    }

    fn is_array(&self, value: &Value) -> Result<bool, Value> {
        let result = self.call(c"Array", c"isArray", &[*value])?;
        Ok(self.bool_result(result))
    }

    fn parse(&self, text: &str) -> Result<Value, Value> {
        let text = self.string(text)?;
        self.call(c"JSON", c"parse", &[text])
    }

    fn stringify(&self, value: &Value) -> Result<Option<String>, Value> {
        let text = self.call(c"JSON", c"stringify", &[*value])?;
        Ok(match self.string_of(&text) {
            Some(Ok(text)) => Some(text),
            // JSON.stringify escapes lone surrogates: its output is always
            // Unicode text.
            Some(Err(_)) => Some(String::new()),
            None => None,
        })
    }

    fn new_error(&self, message: &str) -> Result<Value, Value> {
        let message = self.string(message)?;
        let mut out = ptr::null_mut();
        // SAFETY: a string of this env; no code.
        let status =
            unsafe { sys::napi_create_error(self.env, ptr::null_mut(), message, &mut out) };
        self.check(status, "napi_create_error")?;
        Ok(out)
    }
}
