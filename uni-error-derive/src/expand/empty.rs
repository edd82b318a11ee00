//! Every impl of an enum with no variants (`enum Void {}`, "cannot fail" in
//! generic code): no value exists, so each method is `match *self {}`; the
//! catalog is empty. `Display` and `Error` are generated too: there is no
//! `#[error]` for thiserror to compose with.

use proc_macro2::TokenStream;
use quote::quote;

use super::Cx;

/// `UniError`, `StreamSource`, `Display`, `Error`, `Serialize`, `Catalog`.
pub fn expand(cx: &Cx) -> TokenStream {
    let (krate, private, core) = (&cx.krate, &cx.private, &cx.core);
    let (this, formatter) = (&cx.locals.this, &cx.locals.formatter);
    let (v, v_ty) = (&cx.locals.v, &cx.locals.v_ty);
    let (serializer, s_ty) = (&cx.locals.serializer, &cx.locals.s_ty);
    let never = quote!(match *#this {});
    let plain = &cx.bounds.plain;
    let mut out = cx.impl_block(
        &quote!(#krate::UniError),
        plain,
        &quote! {
            fn err_subject(&self) -> &#core::primitive::str {
                #never
            }
            fn errno(&self) -> #krate::Errno {
                #never
            }
        },
    );
    out.extend(cx.impl_block(
        &quote!(#private::StreamSource),
        plain,
        &quote! {
            fn __cause<#v_ty: #private::Visit>(&self, #v: #v_ty) -> <#v_ty as #private::Visit>::Out {
                #never
            }
        },
    ));
    out.extend(cx.impl_block(
        &quote!(#core::fmt::Display),
        plain,
        &quote! {
            fn fmt(&self, #formatter: &mut #core::fmt::Formatter<'_>) -> #core::fmt::Result {
                #never
            }
        },
    ));
    out.extend(cx.impl_block(
        &quote!(#private::std::error::Error),
        &cx.bounds.error,
        &TokenStream::new(),
    ));
    out.extend(cx.impl_block(
        &quote!(#private::serde::Serialize),
        plain,
        &quote! {
            fn serialize<#s_ty>(&self, #serializer: #s_ty) -> #core::result::Result<#s_ty::Ok, #s_ty::Error>
            where
                #s_ty: #private::serde::Serializer,
            {
                #never
            }
        },
    ));
    out.extend(cx.impl_block(
        &quote!(#krate::catalog::Catalog),
        plain,
        &quote!(const CATALOG: &'static [#krate::catalog::CatalogEntry] = &[];),
    ));
    out
}
