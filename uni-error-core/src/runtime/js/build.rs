//! Rust → JavaScript: `JSON.parse` of the crate's JSON, then each error node
//! turned into an `Error` instance with the same own properties in the same
//! order.

use super::{Host, AGGREGATE_NAME, SOURCE_NAME, TOP_NAME};
use crate::value::wire::shape::{CAUSE, ERRORS, ERR_MSG, MESSAGE};
use crate::Error;

#[derive(Clone, Copy, PartialEq)]
enum Node {
    /// The uni error: message from `errMsg`; `cause` is a node.
    Top,
    /// A source or aggregate: message from `message`; `cause` and the
    /// members of `errors` are nodes.
    Source,
}

/// The JavaScript value of `error`; `Err` is what JavaScript threw.
pub(crate) fn build<H: Host>(host: &H, error: &Error) -> Result<H::Value, H::Value> {
    let text = match serde_json::to_string(error) {
        Ok(text) => text,
        Err(e) => return Err(host.string(&format!("serialization failed: {e}"))?),
    };
    let plain = host.parse(&text)?;
    upgrade(host, &plain, Node::Top)
}

/// The `Error` instance for one parsed node; recursion depth is bounded by
/// the crate's serializer (127 JSON levels).
fn upgrade<H: Host>(host: &H, plain: &H::Value, node: Node) -> Result<H::Value, H::Value> {
    let message_key = match node {
        Node::Top => ERR_MSG,
        Node::Source => MESSAGE,
    };
    let message = host.get(plain, message_key)?;
    let message = host.string_lossy(&message).unwrap_or_default();
    let error = host.new_error(&message)?;
    // What the engine put on a fresh Error (`message`, V8's `stack`, JSC's
    // `line`/`column`): a JSON key of the same name replaces it, deleted
    // first so that the key takes its JSON position.
    let fresh = host.own_names(&error)?;
    let mut has_name = false;
    let mut has_errors = false;
    for key in host.keys(plain)? {
        let mut value = host.get(plain, &key)?;
        match (node, key.as_str()) {
            (_, CAUSE) => value = upgrade(host, &value, Node::Source)?,
            (Node::Source, ERRORS) => {
                has_errors = true;
                let len = host.number(&host.get(&value, "length")?).unwrap_or(0.0) as u32;
                for i in 0..len {
                    let member = upgrade(host, &host.get_index(&value, i)?, Node::Source)?;
                    host.set_index(&value, i, &member)?;
                }
            }
            _ => {}
        }
        has_name |= key == "name";
        if fresh.contains(&key) {
            host.delete(&error, &key)?;
        }
        host.define(&error, &key, &value, true)?;
    }
    if !has_name {
        let name = match (node, has_errors) {
            (Node::Top, _) => TOP_NAME,
            (Node::Source, false) => SOURCE_NAME,
            (Node::Source, true) => AGGREGATE_NAME,
        };
        host.define(&error, "name", &host.string(name)?, false)?;
    }
    Ok(error)
}
