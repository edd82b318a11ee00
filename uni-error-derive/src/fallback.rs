//! Stub impls emitted beside the `compile_error!`s when the input is
//! invalid, so that rustc reports our errors and not a cascade of "`X` does
//! not implement `UniError`/`Serialize`/`Display`" at every use (thiserror's
//! `fallback.rs`).

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

/// The stubs for `node`, with the crate at `krate`. Display and Error are
/// stubbed only if some `#[msg]` shows the user expects us to write them
/// (and no thiserror `#[error]` shows that thiserror does).
pub fn expand(node: &DeriveInput, krate: &TokenStream) -> TokenStream {
    // A union or an empty enum can never be a uni error: stubs would only
    // add "does not implement Error" to the one error that matters.
    match &node.data {
        syn::Data::Union(_) => return TokenStream::new(),
        syn::Data::Enum(data) if data.variants.is_empty() => return TokenStream::new(),
        _ => {}
    }
    let ident = &crate::span::call_site_ident(&node.ident);
    let (impl_generics, ty_generics, _) = node.generics.split_for_impl();
    let where_clause = &node.generics.where_clause;
    let has_msg = mentions(node, "msg") && !mentions(node, "error");
    let display = has_msg.then(|| {
        quote! {
            #[automatically_derived]
            #[allow(unused_qualifications)]
            impl #impl_generics #krate::__private::core::fmt::Display for #ident #ty_generics #where_clause {
                fn fmt(&self, _: &mut #krate::__private::core::fmt::Formatter<'_>) -> #krate::__private::core::fmt::Result {
                    #krate::__private::core::unreachable!()
                }
            }
            #[automatically_derived]
            #[allow(unused_qualifications)]
            impl #impl_generics #krate::__private::std::error::Error for #ident #ty_generics #where_clause {}
        }
    });
    quote! {
        #display
        #[automatically_derived]
        #[allow(unused_qualifications)]
        impl #impl_generics #krate::UniError for #ident #ty_generics #where_clause {
            fn err_subject(&self) -> &#krate::__private::core::primitive::str {
                #krate::__private::core::unreachable!()
            }
            fn errno(&self) -> #krate::Errno {
                #krate::__private::core::unreachable!()
            }
        }
        #[automatically_derived]
        #[allow(unused_qualifications)]
        impl #impl_generics #krate::catalog::Catalog for #ident #ty_generics #where_clause {
            const CATALOG: &'static [#krate::catalog::CatalogEntry] = &[];
        }
        #[automatically_derived]
        #[allow(unused_qualifications)]
        impl #impl_generics #krate::__private::serde::Serialize for #ident #ty_generics #where_clause {
            fn serialize<__S>(&self, _: __S) -> #krate::__private::core::result::Result<__S::Ok, __S::Error>
            where
                __S: #krate::__private::serde::Serializer,
            {
                #krate::__private::core::unreachable!()
            }
        }
    }
}

/// True if any `#[name]` appears on the type or a variant.
fn mentions(node: &DeriveInput, name: &str) -> bool {
    let is_msg = |attrs: &[syn::Attribute]| attrs.iter().any(|a| a.path().is_ident(name));
    is_msg(&node.attrs)
        || match &node.data {
            syn::Data::Enum(data) => data.variants.iter().any(|v| is_msg(&v.attrs)),
            _ => false,
        }
}
