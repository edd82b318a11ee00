//! Parity with thiserror, measured by the behaviours its own suite checks.
//!
//! Origin: the behaviours exercised by thiserror 2.0.19's `tests/test_*.rs`
//! (<https://github.com/dtolnay/thiserror>, MIT OR Apache-2.0, the same
//! licenses as this crate). No code is taken from that suite: each test
//! here is written from scratch, in this crate's spelling (`#[msg]` for
//! `#[error]`, a `#[subject]` and an errno on every type), and checks the
//! exact `Display` and the exact uni JSON (`errMsg`) where thiserror checks
//! `Display` alone. One module per thiserror file; `#[error(fmt = path)]`
//! and `#[backtrace]` have no equivalent by design and are not covered.

#[path = "parity/display.rs"]
mod display;
#[path = "parity/expr.rs"]
mod expr;
#[path = "parity/generics.rs"]
mod generics;
#[path = "parity/inherit.rs"]
mod inherit;
#[path = "parity/lints.rs"]
mod lints;
#[path = "parity/path.rs"]
mod path;
#[path = "parity/source.rs"]
mod source;
#[path = "parity/transparent.rs"]
mod transparent;

/// Asserts `e`'s `Display` and its uni JSON, both exactly.
#[track_caller]
fn check<E: std::fmt::Display + serde::Serialize + ?Sized>(e: &E, display: &str, json: &str) {
    assert_eq!(e.to_string(), display);
    assert_eq!(serde_json::to_string(e).unwrap(), json);
}
