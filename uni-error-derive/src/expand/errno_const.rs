//! `#[errno(path::TO_CONST)]`: one `const` per such variant, holding its
//! errno as a `u32` after asserting, when the crate compiles, what the
//! derive checks of a literal when it runs: an `Errno` or integer type, a
//! non-zero value of at most 7 digits, the `platform` range, and no other
//! variant with the same (errSubject, errno). A failed assertion is a
//! compile error naming the path. The consts and the impls that read them
//! are wrapped in one `const _: () = { .. };` (see [`super::expand`]).

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;

use crate::model::Errno;

use super::Cx;
use crate::span::{located, respan};

/// The name of the const holding the errno of the variant at `index`.
pub fn name(index: usize) -> Ident {
    Ident::new(&format!("__UNI_ERRNO_{index}"), Span::call_site())
}

/// The consts of every const-errno variant.
pub fn expand(cx: &Cx) -> TokenStream {
    let mut out = TokenStream::new();
    for (index, v) in cx.model.variants.iter().enumerate() {
        let Errno::Const(attr) = v.errno else {
            continue;
        };
        let Some(path) = &attr.path else {
            continue;
        };
        let shown = path.to_token_stream().to_string().replace(' ', "");
        // `Self::X`: the type's name, since the const is outside its impls
        // (a type with type or const parameters is refused in `valid`).
        let path = &self_to_type(path, &cx.ident);
        let span = located(path.span());
        let private = &cx.private;
        let n = Ident::new("__n", Span::call_site());
        let fail = Fail {
            shown,
            span,
            core: respan(&cx.core, span),
        };
        let checks = checks(cx, index, attr.platform.as_ref(), &n, &fail);
        let const_name = name(index);
        let value = quote_spanned!(span=> #private::ErrnoConst(#path).value());
        // The type check: one error at the path for a constant that is no
        // errno, and it leaves this const body unchecked (see
        // `ErrnoConstType`).
        let check =
            quote_spanned!(span=> let _ = || <_ as #private::ErrnoConstType>::__check(&#path););
        out.extend(quote! {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            const #const_name: u32 = {
                #[allow(unused_imports)]
                use #private::ErrnoConstFallback as _;
                #check
                let #n: i64 = #value;
                #(#checks)*
                #n as u32
            };
        });
    }
    out
}

/// A failed assertion about the const `shown`: a panic in the const, a
/// compile error at the user's path.
struct Fail {
    /// The path as written.
    shown: String,
    /// The path's location.
    span: Span,
    /// `core`, at the path.
    core: TokenStream,
}

impl Fail {
    /// `core::panic!("errno `path` <problem>")`.
    fn with(&self, problem: &str) -> TokenStream {
        let msg = Literal::string(
            &format!("errno `{}` {problem}", self.shown)
                .replace('{', "{{")
                .replace('}', "}}"),
        );
        let (core, span) = (&self.core, self.span);
        quote_spanned!(span=> #core::panic!(#msg))
    }
}

/// The assertions on the value `n` of the const errno of the variant at
/// `index`: not 0, not negative, at most 7 digits, in its `platform`'s
/// range, and unique per (errSubject, errno) against every literal errno
/// under the same subject and the const errnos before it.
fn checks(
    cx: &Cx,
    index: usize,
    platform: Option<&syn::LitStr>,
    n: &Ident,
    fail: &Fail,
) -> Vec<TokenStream> {
    let variants = &cx.model.variants;
    let v = &variants[index];
    let invalid = |why: &str| fail.with(&format!("is not a valid errno: {why}"));
    let zero = invalid("0 means success in the uni-app and WeChat specs");
    let negative = invalid("it is negative");
    let large = invalid("it has more than 7 digits (over 9999999)");
    let mut checks = vec![
        quote!(if #n == 0 { #zero }),
        quote!(if #n < 0 { #negative }),
        quote!(if #n > 9_999_999 { #large }),
    ];
    if let Some(platform) = platform {
        let name = platform.value();
        if let Some((lo, hi)) = crate::rules::platform_named(&name) {
            let (lo, hi) = (i64::from(lo), i64::from(hi));
            let outside = fail.with(&format!(
                "of `{}` is outside the {name} range: platform = \"{name}\" expects its code (the last 3 digits) in {lo:03}..={hi:03}",
                v.ident
            ));
            checks.push(quote!(if #n % 1000 < #lo || #n % 1000 > #hi { #outside }));
        }
    }
    for (other_index, other) in variants.iter().enumerate() {
        if other_index == index || other.catalog_subject != v.catalog_subject {
            continue;
        }
        let value = match other.errno {
            Errno::Given(m) => i64::from(m).into_token_stream(),
            Errno::Const(_) if other_index < index => {
                let other_name = name(other_index);
                quote!((#other_name as i64))
            }
            _ => continue,
        };
        let clash = fail.with(&format!(
            "of `{}` equals the errno of variant `{}` under errSubject \"{}\": each (errSubject, errno) pair names one error, so give it its own errno or its own #[subject]",
            v.ident, other.ident, v.catalog_subject
        ));
        checks.push(quote!(if #n == #value { #clash }));
    }
    checks
}

/// `path` with a leading `Self` written as `ident` (at the span of `Self`).
fn self_to_type(path: &syn::Path, ident: &Ident) -> syn::Path {
    let mut path = path.clone();
    if let Some(first) = path.segments.first_mut() {
        if first.ident == "Self" {
            let mut named = ident.clone();
            named.set_span(first.ident.span());
            first.ident = named;
        }
    }
    path
}
