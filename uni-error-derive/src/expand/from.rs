//! `impl From<Source>` for each `#[from]` field (`From<E>` for an
//! `Option<E>` field, wrapping in `Some`), for types with messages.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::Cx;
use crate::span::{call_site_ident, located};

/// One impl per `#[from]` field, located at the field (a conflicting impl
/// is reported there). It names the field's type, so it allows
/// `deprecated` as thiserror's does: a `#[deprecated]` type the user allowed
/// on the field (or the variant, or the type) is not their use here.
pub fn expand(cx: &Cx) -> TokenStream {
    let core = &cx.core;
    let source = &cx.locals.source;
    let mut out = TokenStream::new();
    for v in &cx.model.variants {
        let Some(field) = v.from else {
            continue;
        };
        let path = if cx.model.is_enum {
            let variant = call_site_ident(v.ident);
            quote!(Self::#variant)
        } else {
            quote!(Self)
        };
        let member = &field.member;
        // `#[from] Option<E>` converts from `E`, wrapped in `Some`.
        let (ty, value) = match crate::ast::generic_arg(field.ty, "Option") {
            Some(inner) => (inner, quote!(#core::option::Option::Some(#source))),
            None => (field.ty, quote!(#source)),
        };
        let body = quote_spanned! {located(field.original.span())=>
            fn from(#source: #ty) -> Self {
                #path { #member: #value }
            }
        };
        let from = cx.impl_block(&quote!(#core::convert::From<#ty>), &cx.bounds.plain, &body);
        out.extend(quote!(#[allow(deprecated)] #from));
    }
    out
}
