//! Every interop reader on arbitrary JSON: never panics; what is accepted
//! is written back, and what we write reads back to an equal value.
//! The first byte picks the reader, the rest is the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;
use serde::Serialize;
use uni_error::{google, monitor, status, taobao, wechat};

fn check<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(data: &[u8]) {
    let Ok(v) = serde_json::from_slice::<T>(data) else {
        return;
    };
    let written = serde_json::to_string(&v).expect("a parsed value serializes");
    let again: T = serde_json::from_str(&written).expect("what we write reads back");
    assert_eq!(again, v, "{written}");
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    match which % 6 {
        0 => check::<wechat::WeChatError>(rest),
        1 => check::<google::Status>(rest),
        2 => check::<google::ChatAppLogEntry>(rest),
        3 => check::<taobao::TopError>(rest),
        4 => check::<monitor::JsErrDetail>(rest),
        _ => {
            if let Ok(s) = std::str::from_utf8(rest) {
                if let Ok(w) = wechat::WeChatError::parse_err_msg(s) {
                    assert_eq!(w.err_msg(), s);
                }
                let _ = s.parse::<status::Code>();
            }
        }
    }
});
