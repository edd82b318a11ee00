#![deny(warnings, unused_qualifications, missing_docs, clippy::pedantic)]
//! Generated code is clean under strict lints.

use uni_error::UniError;

/// An error.
#[derive(Debug, UniError)]
#[subject("uni-lint")]
#[errno(category = 3, sub = 3)]
pub enum Lint<E: std::error::Error + 'static> {
    /// A.
    #[errno(code = 1)]
    #[msg("a {0}")]
    A(#[from] std::io::Error),
    /// B.
    #[errno(code = 2)]
    #[msg("b {x:?} {}", .x + 1)]
    B {
        /// x.
        #[data]
        x: u32,
    },
    /// C.
    #[errno(code = 3)]
    #[msg("c")]
    C(#[source] Option<E>),
    /// D.
    #[errno(code = 4)]
    #[msg("d")]
    D(#[source] Box<[E]>),
}

fn main() {}
