// Per-code platforms in both spellings, on the type and on variants, and a
// deprecated variant without #[msg] (its code kept, errMsg empty), under
// the strictest lints.
#![deny(warnings, unused_qualifications, clippy::pedantic)]

use uni_error::catalog::{Catalog, Platforms};
use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-location")]
#[errno(category = 15, sub = 5)]
#[uni(platforms(android, ios))]
enum LocationError {
    #[errno(code = 600)]
    #[msg("location fail: timeout")]
    Timeout,

    #[deprecated(note = "since 4.25")]
    #[errno(code = 21)]
    #[platforms(android, ios, harmony, web, mp)]
    OldTimeout,
}

macro_rules! in_a_macro {
    ($($body:tt)*) => { $($body)* };
}

in_a_macro! {
    #[derive(Debug, UniError)]
    #[subject("uni-exit")]
    #[errno(1_001)]
    #[platforms(harmony)]
    #[msg("system not support")]
    struct ExitError;
}

fn main() {
    let [timeout, old] = LocationError::CATALOG else {
        unreachable!()
    };
    assert_eq!(timeout.platforms(), Some(Platforms::ANDROID | Platforms::IOS));
    assert_eq!(old.platforms(), Some(Platforms::ALL));
    assert!(old.union_only() && !timeout.union_only());
    #[allow(deprecated)]
    let old_error = LocationError::OldTimeout;
    assert_eq!(old_error.to_string(), "");
    assert_eq!(old_error.errno().get(), 1_505_021);
    assert_eq!(ExitError::CATALOG[0].platforms(), Some(Platforms::HARMONY));
    assert_eq!(ExitError.to_string(), "system not support");
}
