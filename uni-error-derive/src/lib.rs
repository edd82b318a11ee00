//! The `#[derive(UniError)]` macro of the [uni-error] crate. Use it through
//! `uni_error::UniError`, whose documentation has the attribute table and
//! examples; this crate is an implementation detail.
//!
//! The pipeline, one file per stage: `ast` (views of the syn tree) →
//! `attr` (helper attributes) → `valid` (semantic checks, with the rules in
//! `errno`, `subject` and `fmt`) → `prop` (derived facts) → `expand` (code),
//! with `ctxt` collecting every error and `fallback` emitting stub impls
//! when there are errors, `generics` inferring where-bounds.
//!
//! [uni-error]: https://docs.rs/uni-error

mod ast;
mod attr;
mod ctxt;
mod errno;
mod expand;
mod fallback;
mod fmt;
mod generics;
mod prop;
mod subject;
mod valid;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// Derives `uni_error::UniError`, `Display` and `std::error::Error` (from
/// `#[msg]`), `From` (for `#[from]` fields) and `serde::Serialize`. See the
/// documentation of `uni_error::UniError` (the derive) for the attributes.
#[proc_macro_derive(UniError, attributes(subject, errno, msg, source, from, data, uni))]
pub fn derive_uni_error(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}
