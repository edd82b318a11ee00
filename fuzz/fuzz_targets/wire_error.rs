//! JSON -> `uni_error::Error`: never panics; what is accepted is written
//! back, read again, and written again byte for byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use uni_error::Error;

fuzz_target!(|data: &[u8]| {
    let Ok(e) = serde_json::from_slice::<Error>(data) else {
        return;
    };
    let first = serde_json::to_string(&e).expect("a parsed error serializes");
    let again: Error = serde_json::from_str(&first).expect("what we write reads back");
    assert_eq!(again, e);
    assert_eq!(serde_json::to_string(&again).unwrap(), first);
    let _ = format!("{e:#}");
});
