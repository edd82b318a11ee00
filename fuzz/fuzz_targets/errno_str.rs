//! `Errno` from arbitrary strings: never panics; what is accepted formats
//! back to the same number.
#![no_main]

use libfuzzer_sys::fuzz_target;
use uni_error::Errno;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    match s.parse::<Errno>() {
        Ok(e) => {
            assert!(s.bytes().all(|b| b.is_ascii_digit()));
            assert_eq!(e.to_string().parse::<Errno>(), Ok(e));
            assert_eq!(
                u64::from(e.get()),
                s.trim_start_matches('0').parse::<u64>().unwrap_or(0)
            );
        }
        Err(err) => assert!(!err.to_string().is_empty()),
    }
});
