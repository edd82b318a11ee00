//! The `#[derive(UniError)]` macro of the [uni-error] crate. Use it through
//! `uni_error::UniError`, whose documentation has the attribute table and
//! examples; this crate is an implementation detail.
//!
//! The pipeline, one way only: `ast` (views of the syn tree) → `attr`
//! (helper attributes, with `lit` for literals and `fmt` for the message
//! language) → `model` (validated once by `valid`, with the errno and
//! errSubject rules of `rules`, the runtime's own file, applied by
//! `errno`, into per-variant facts) → `expand` (code, one
//! file per generated impl, reading only the model). `ctxt` collects every
//! error; on errors `fallback` emits stub impls instead; `generics` infers
//! where-bounds. The low modules every stage may use: `lit`, `set`,
//! `similar` (did-you-mean hints) and `span` (every span helper; the span
//! policy is at the top of `expand`).
//!
//! [uni-error]: https://docs.rs/uni-error

#![forbid(unsafe_code)]
#![warn(missing_docs, clippy::missing_docs_in_private_items)]

mod ast;
mod attr;
mod ctxt;
mod errno;
mod expand;
mod fallback;
mod fmt;
mod generics;
mod lit;
mod locale;
mod model;
mod reason;
mod rules;
mod set;
mod similar;
mod span;
mod valid;

#[cfg(test)]
mod agree;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// Derives `uni_error::UniError`, `Display` and `std::error::Error` (from
/// `#[msg]`), `From` (for `#[from]` fields), `serde::Serialize` and
/// `uni_error::catalog::Catalog`.
///
/// Use it as `uni_error::UniError`; the runnable examples are in the
/// documentation of that re-export.
///
/// | attribute | where | meaning |
/// |---|---|---|
/// | `#[subject("uni-login")]` | type, variant | errSubject; a variant's overrides the type's |
/// | `#[errno(category = 15, sub = 4, code = 3)]` | variant, struct | the errno from its parts (0..=99, 0..=99, 0..=999) |
/// | `#[errno(code = 3)]` | variant | completed from the enum's `#[errno(category = .., sub = ..)]` |
/// | `#[errno(1504003)]` | variant, struct | the whole number, split into its parts |
/// | `#[errno(path::TO_CONST)]` | variant, struct | a `const` `Errno` or integer, checked (type, range, 0, platform, uniqueness per errSubject) by a const assertion in the generated code |
/// | `#[errno(.., platform = "cross")]` | variant, struct | asserts the code's range: cross 6xx, android 7xx, ios 8xx, web 9xx, shared 000-599 |
/// | `#[msg("text {field} {0:?}", args..)]` | variant, struct | errMsg and `Display`; `field`, `.field`, `.0` in args are fields; other names are captured as in `format!` |
/// | `#[msg("text {0}")]` | enum | the default message of variants without their own |
/// | `#[msg(transparent)]` | one-field variant, struct | `Display`, `source()`, data, cause are the field's; subject, errno, status too unless the variant gives its own |
/// | `#[status(grpc = "NOT_FOUND", http = 404)]` | type, variant | the google.rpc code / HTTP status override; the enum's is the variants' default |
/// | `#[source]` | field | the cause (`source()`, JSON `cause`); a field named `source` is one too |
/// | `#[source(subject = "csj")]` | field | labels a third-party cause that has no subject |
/// | `#[source(code = path::to_fn)]` | field | `fn(&E) -> Option<i64>` reading a code off a third-party cause (on a `Box<E>`, `fn(&Box<E>)` too) |
/// | `#[from]` | field | `#[source]` plus `From`; the only field of its variant |
/// | `#[data]` | field | JSON `data` (`T: Serialize`); `Option<T>` omits it when `None` |
/// | `#[uni(crate = "path")]` | type | path of a renamed `uni_error` dependency |
/// | `#[uni(errno(..), source(..), ..)]` | as the bare one | every other attribute, namespaced: `subject`, `errno`, `msg`, `status`, `source`, `from`, `data` |
/// | thiserror's `#[error("..")]` | type, variant | thiserror writes `Display`; the template goes to the catalog; `#[error(transparent)]` forwards as `#[msg(transparent)]` |
///
/// ```ignore
/// use uni_error::UniError;
///
/// #[derive(Debug, UniError)]
/// #[subject("uni-login")]
/// #[errno(category = 15, sub = 4)]
/// enum LoginError {
///     #[errno(code = 3)]
///     #[msg("NFC is not available: {reason}")]
///     NfcUnavailable { reason: String },
/// }
/// ```
///
/// Every misuse (an errno out of range or used twice, a malformed subject, a
/// `{name}` that is no field, two sources, ...) is a compile error at the
/// offending token, all of them reported together; the macro never panics.
#[proc_macro_derive(
    UniError,
    attributes(
        subject, errno, msg, source, from, data, uni, status, platforms, locales, locale
    )
)]
pub fn derive_uni_error(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    derive(&input).into()
}

/// The whole derive: parse, validate into a model, then generate code or,
/// on errors, every error plus stub impls.
fn derive(node: &DeriveInput) -> proc_macro2::TokenStream {
    let cx = ctxt::Ctxt::new();
    // `#[uni(errno(..))]` and the other namespaced spellings, as bare ones.
    let desugared = attr::desugar(&cx, node);
    let node = desugared.as_ref().unwrap_or(node);
    let input = ast::Input::from_syn(&cx, node);
    let model = input.as_ref().and_then(|input| model::build(&cx, input));
    match (cx.check(), model) {
        (Ok(()), Some(model)) => expand::expand(&model),
        (Ok(()), None) => proc_macro2::TokenStream::new(),
        (Err(err), _) => {
            let krate = ast::crate_path(input.as_ref());
            let mut out = err.into_compile_error();
            out.extend(fallback::expand(node, &krate));
            out
        }
    }
}
