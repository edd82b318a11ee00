//! Rust → JavaScript: `JSON.parse` of the crate's JSON, then each error node
//! turned into an `Error` instance with the same own properties in the same
//! order.

use wasm_bindgen::prelude::*;

use super::{
    object_keys, object_own_names, reflect_define, reflect_delete, reflect_get, reflect_get_index,
    reflect_set, reflect_set_index, AGGREGATE_NAME, SOURCE_NAME, TOP_NAME,
};
use crate::Error;

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

/// The JavaScript value of `error`; `Err` is what JavaScript threw.
pub(super) fn build(error: &Error) -> Result<JsValue, JsValue> {
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
