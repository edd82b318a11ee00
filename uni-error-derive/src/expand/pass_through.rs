//! `Catalog::PASS_THROUGH`: the `#[msg(transparent)]` variants that have no
//! errno of their own, each with a closure that finds its field type's
//! catalog (if the type has one) by autoref at the call site, so that a
//! field without a catalog (`Box<dyn UniError>`) still compiles.

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt;

use crate::model::Errno;

use super::Cx;

/// The item, or nothing when no variant passes through.
pub fn expand(cx: &Cx) -> Option<TokenStream> {
    let (krate, private, option) = (&cx.krate, &cx.private, &cx.option);
    let type_name = cx.model.ident.unraw().to_string();
    let rows: Vec<TokenStream> = cx
        .model
        .variants
        .iter()
        .filter_map(|v| {
            let Errno::Forwarded(field) = v.errno else {
                return None;
            };
            let variant = if cx.model.is_enum {
                let name = v.ident.unraw().to_string();
                quote!(#option::Some(#name))
            } else {
                quote!(#option::None)
            };
            let ty = field.ty;
            Some(quote! {
                #private::pass_through(#type_name, #variant, || {
                    #[allow(unused_imports)]
                    use #private::{HasCatalogKind as _, NoCatalogKind as _};
                    (&#private::CatalogProbe::<#ty>::new()).__tables()
                }),
            })
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    // The probes name the field types, which a user may allow as deprecated
    // on the field.
    Some(quote! {
        #[allow(deprecated)]
        const PASS_THROUGH: &'static [#krate::catalog::PassThrough] = &[#(#rows)*];
    })
}
