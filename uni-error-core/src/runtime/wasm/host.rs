//! The JavaScript operations of [`crate::runtime::js`] through wasm-bindgen.

use std::cell::OnceCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::runtime::js::{Host, Kind, LoneSurrogate};

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

/// wasm-bindgen's JavaScript. The two property descriptors (shown and
/// hidden) are made on first use and reused: `Reflect.defineProperty`
/// copies a descriptor, so only its `value` is set before each call.
#[derive(Default)]
pub(super) struct Wasm {
    descriptors: OnceCell<(JsValue, JsValue)>,
}

const VALUE: &str = "value";

impl Wasm {
    fn descriptors(&self) -> Result<&(JsValue, JsValue), JsValue> {
        if self.descriptors.get().is_none() {
            let shown =
                js_sys::JSON::parse(r#"{"writable":true,"enumerable":true,"configurable":true}"#)?;
            let hidden =
                js_sys::JSON::parse(r#"{"writable":true,"enumerable":false,"configurable":true}"#)?;
            let _ = self.descriptors.set((shown, hidden));
        }
        Ok(self.descriptors.get().expect("set just above"))
    }
}

fn strings(values: Vec<JsValue>) -> Vec<String> {
    values.iter().filter_map(JsValue::as_string).collect()
}

impl Host for Wasm {
    type Value = JsValue;

    fn kind(&self, value: &JsValue) -> Kind {
        if value.is_undefined() {
            Kind::Undefined
        } else if value.is_null() {
            Kind::Null
        } else if let Some(b) = value.as_bool() {
            Kind::Boolean(b)
        } else if let Some(n) = value.as_f64() {
            Kind::Number(n)
        } else if value.is_string() {
            Kind::String
        } else if value.is_bigint() {
            Kind::BigInt
        } else if value.is_symbol() {
            Kind::Symbol
        } else if value.is_function() {
            Kind::Function
        } else {
            Kind::Object
        }
    }

    fn string_of(&self, value: &JsValue) -> Option<Result<String, LoneSurrogate>> {
        let text = value.as_string()?;
        // wasm-bindgen replaces a lone surrogate with U+FFFD; tell it apart
        // from a real U+FFFD (only checked when one is seen).
        if text.contains('\u{fffd}')
            && !value
                .dyn_ref::<js_sys::JsString>()
                .is_some_and(js_sys::JsString::is_valid_utf16)
        {
            return Some(Err(LoneSurrogate));
        }
        Some(Ok(text))
    }

    fn number(&self, value: &JsValue) -> Option<f64> {
        value.as_f64()
    }

    fn string_lossy(&self, value: &JsValue) -> Option<String> {
        value.as_string()
    }

    fn same(&self, a: &JsValue, b: &JsValue) -> bool {
        a == b
    }

    fn string(&self, text: &str) -> Result<JsValue, JsValue> {
        Ok(JsValue::from_str(text))
    }

    fn text(&self, value: &JsValue) -> Result<String, JsValue> {
        js_string(value)
    }

    fn get(&self, target: &JsValue, key: &str) -> Result<JsValue, JsValue> {
        reflect_get(target, &JsValue::from_str(key))
    }

    fn get_index(&self, target: &JsValue, index: u32) -> Result<JsValue, JsValue> {
        reflect_get_index(target, index)
    }

    fn set_index(&self, target: &JsValue, index: u32, value: &JsValue) -> Result<(), JsValue> {
        reflect_set_index(target, index, value).map(drop)
    }

    fn define(
        &self,
        target: &JsValue,
        key: &str,
        value: &JsValue,
        enumerable: bool,
    ) -> Result<(), JsValue> {
        let (shown, hidden) = self.descriptors()?;
        let desc = if enumerable { shown } else { hidden };
        reflect_set(desc, &JsValue::from_str(VALUE), value)?;
        if reflect_define(target, &JsValue::from_str(key), desc)? {
            Ok(())
        } else {
            Err(JsValue::from_str("a property could not be defined"))
        }
    }

    fn delete(&self, target: &JsValue, key: &str) -> Result<(), JsValue> {
        reflect_delete(target, &JsValue::from_str(key)).map(drop)
    }

    fn keys(&self, target: &JsValue) -> Result<Vec<String>, JsValue> {
        object_keys(target).map(strings)
    }

    fn own_names(&self, target: &JsValue) -> Result<Vec<String>, JsValue> {
        object_own_names(target).map(strings)
    }

    fn is_array(&self, value: &JsValue) -> Result<bool, JsValue> {
        array_is_array(value)
    }

    fn parse(&self, text: &str) -> Result<JsValue, JsValue> {
        js_sys::JSON::parse(text)
    }

    fn stringify(&self, value: &JsValue) -> Result<Option<String>, JsValue> {
        js_sys::JSON::stringify(value).map(|text| JsValue::from(text).as_string())
    }

    fn new_error(&self, message: &str) -> Result<JsValue, JsValue> {
        Ok(js_sys::Error::new(message).into())
    }
}
