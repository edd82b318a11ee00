//! `impl Catalog`: a `const` table of every variant, as written.

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt;

use crate::model::Errno;

use super::text::{self, CatalogRow};
use super::Cx;

/// The impl. One local `const fn __entry` builds each entry from literals
/// (about a third of the tokens of spelling out every path per entry); the
/// rows come from [`CatalogRow`], the one place a column is added.
pub fn expand(cx: &Cx) -> TokenStream {
    let krate = &cx.krate;
    let model = cx.model;
    let type_name = model.ident.unraw().to_string();
    let variant_name = if model.is_enum {
        quote!(#krate::__private::core::option::Option::Some(__variant))
    } else {
        quote!(#krate::__private::core::option::Option::None)
    };
    let rows = rows(cx);
    let wrappers = wrappers(cx);
    let params = text::catalog_params();
    let pass_through = super::pass_through::expand(cx);
    let body = quote! {
        const CATALOG: &'static [#krate::catalog::CatalogEntry] = {
            #[allow(unused_variables)]
            const fn __entry(#params) -> #krate::catalog::CatalogEntry {
                #krate::__private::catalog_entry(
                    #type_name,
                    #variant_name,
                    __subject,
                    __errno,
                    __msg,
                    __doc,
                )
            }
            #wrappers
            &#rows
        };
        #pass_through
    };
    cx.impl_block(&quote!(#krate::catalog::Catalog), &cx.bounds.plain, &body)
}

/// `[__entry(..), ..]`, a row per variant. A transparent variant without
/// its own errno has none known at compile time (it is the inner error's):
/// it is left out of the table.
fn rows(cx: &Cx) -> TokenStream {
    let variants = &cx.model.variants;
    let names: Vec<String> = variants
        .iter()
        .map(|v| v.ident.unraw().to_string())
        .collect();
    let const_names: Vec<Option<String>> = variants
        .iter()
        .enumerate()
        .map(|(i, v)| {
            matches!(v.errno, Errno::Const(_)).then(|| super::errno_const::name(i).to_string())
        })
        .collect();
    let rows =
        variants
            .iter()
            .zip(&names)
            .zip(&const_names)
            .filter_map(|((v, name), const_name)| {
                let errno = match v.errno {
                    Errno::Given(errno) => errno,
                    Errno::Const(_) => 0,
                    Errno::Forwarded(_) => return None,
                };
                Some(CatalogRow {
                    variant: name,
                    subject: v.catalog_subject,
                    errno,
                    errno_const: const_name.as_deref(),
                    msg: v.template,
                    doc: v.doc,
                    deprecated: v.deprecated,
                    platforms: v.platforms,
                    union_only: v.union_only,
                    locales: &cx.model.locales,
                    translations: v.translations.iter().map(|t| t.template).collect(),
                })
            });
    text::catalog_rows(rows)
}

/// The wrappers some rows call: `__deprecated` only in a table with a
/// deprecated row, `__facts` only in one with platforms or a message-less
/// row.
fn wrappers(cx: &Cx) -> TokenStream {
    let krate = &cx.krate;
    let variants = &cx.model.variants;
    let deprecated_fn = variants.iter().any(|v| v.deprecated.is_some()).then(|| {
        quote! {
            const fn __deprecated(
                __entry: #krate::catalog::CatalogEntry,
                __note: &'static str,
            ) -> #krate::catalog::CatalogEntry {
                #krate::__private::catalog_deprecated(__entry, __note)
            }
        }
    });
    let any_facts = variants
        .iter()
        .any(|v| v.platforms.is_some() || v.union_only);
    let facts_fn = any_facts.then(|| {
        quote! {
            const fn __facts(
                __entry: #krate::catalog::CatalogEntry,
                __platforms: u8,
                __union_only: bool,
            ) -> #krate::catalog::CatalogEntry {
                #krate::__private::catalog_facts(__entry, __platforms, __union_only)
            }
        }
    });
    quote!(#deprecated_fn #facts_fn)
}
