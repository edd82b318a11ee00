//! `impl From<Source>` for each `#[from]` field, for types with messages.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::{call_site_ident, located, Cx};

/// One impl per `#[from]` field, located at the field (a conflicting impl
/// is reported there).
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
        let ty = field.ty;
        let body = quote_spanned! {located(field.original.span())=>
            fn from(#source: #ty) -> Self {
                #path { #member: #source }
            }
        };
        out.extend(cx.impl_block(&quote!(#core::convert::From<#ty>), &cx.bounds.plain, &body));
    }
    out
}
