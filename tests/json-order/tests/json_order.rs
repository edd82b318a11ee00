//! Depending on `uniapp-error` (all features) must not change how the
//! user's own `serde_json` behaves: cargo unifies features, so a
//! `preserve_order` or `arbitrary_precision` turned on by us would reorder
//! the user's objects and change their numbers.

use serde_json::{json, Value};

#[test]
fn user_objects_keep_serde_json_default_sorted_keys() {
    // Without `preserve_order`, serde_json's Map is a BTreeMap: keys sorted.
    assert_eq!(json!({"b": 1, "a": 2}).to_string(), r#"{"a":2,"b":1}"#);
    let parsed: Value = serde_json::from_str(r#"{"z":0,"y":1,"x":2}"#).unwrap();
    assert_eq!(parsed.to_string(), r#"{"x":2,"y":1,"z":0}"#);
}

#[test]
fn user_numbers_are_plain_numbers() {
    // With `arbitrary_precision` a Number would keep its text ("1.50").
    let parsed: Value = serde_json::from_str("1.50").unwrap();
    assert_eq!(parsed.to_string(), "1.5");
}

#[test]
fn our_data_keeps_its_order_all_the_same() {
    let text = r#"{"errSubject":"s","errCode":1,"errMsg":"m","data":{"b":1,"a":1.50}}"#;
    let err: uni_error::Error = serde_json::from_str(text).unwrap();
    assert_eq!(serde_json::to_string(&err).unwrap(), text);
}
