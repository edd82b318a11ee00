//! Generated code is clean under strict lints (thiserror's `test_lints.rs`):
//! `cargo clippy --all-targets` checks this file with pedantic denied.

#![deny(warnings, unused_qualifications, missing_docs, clippy::pedantic)]

use uni_error::UniError;

/// A rich error: every kind of attribute and field.
#[derive(Debug, UniError)]
#[subject("uni-lint")]
#[errno(category = 3, sub = 3)]
pub enum Lint<E: std::error::Error + 'static, D: serde::Serialize> {
    /// From.
    #[errno(code = 1)]
    #[msg("io {0}")]
    Io(#[from] std::io::Error),
    /// Extra arguments and data.
    #[errno(code = 2)]
    #[msg("b {x:?} {} {n}", .x + 1, n = .x * 2)]
    Data {
        /// Data.
        #[data]
        x: u32,
    },
    /// Optional source and optional data.
    #[errno(code = 3, platform = "shared")]
    #[msg("c")]
    Maybe(#[source] Option<E>, #[data] Option<D>),
    /// Aggregate.
    #[errno(code = 604, platform = "cross")]
    #[subject("uni-lint::list")]
    #[msg("d")]
    List(#[source] Box<[E]>),
    /// Boxed dyn source.
    #[errno(code = 5)]
    #[msg("e")]
    Boxed {
        /// The source by name.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

/// Transparent wrappers, status overrides and source codes.
#[derive(Debug, UniError)]
#[subject("uni-lint")]
#[errno(category = 3, sub = 4)]
#[status(grpc = "UNAVAILABLE")]
pub enum Wrapping<E: UniError + 'static> {
    /// Forwards everything.
    #[msg(transparent)]
    Inner(#[from] E),
    /// A plain error with its own errno.
    #[errno(code = 1)]
    #[subject("uni-lint::io")]
    #[status(http = 507)]
    #[msg(transparent)]
    Io(std::io::Error),
    /// A coded third-party source.
    #[errno(code = 2)]
    #[msg("sdk")]
    Sdk(#[source(subject = "sdk", code = io_code)] Vec<std::io::Error>),
}

/// An SDK code.
fn io_code(e: &std::io::Error) -> Option<i64> {
    e.raw_os_error().map(i64::from)
}

/// A unit struct.
#[derive(Debug, UniError)]
#[subject("uni-lint")]
#[errno(1)]
#[msg("unit")]
pub struct Unit;

#[test]
fn lints() {
    let e: Lint<std::io::Error, ()> = Lint::Data { x: 1 };
    assert_eq!(e.to_string(), "b 1 2 2");
    assert_eq!(Unit.errno().get(), 1);
    let w: Wrapping<Unit> = Wrapping::from(Unit);
    assert_eq!(w.errno().get(), 1);
}
