//! The `UniError` methods of `#[locales]` and of google.rpc's
//! `ErrorInfo`: `locales()`, and (derive feature `google`) `__reason()`,
//! `__domain()` and `__fields()`, the message's fields under lowerCamel
//! keys.

use proc_macro2::TokenStream;
use quote::quote;

use super::Cx;

/// The methods, inside `impl UniError`.
pub fn uni_fns(cx: &Cx) -> TokenStream {
    let core = &cx.core;
    let locales = (!cx.model.locales.is_empty()).then(|| {
        let tags = &cx.model.locales;
        quote! {
            fn locales(&self) -> &'static [&'static #core::primitive::str] {
                &[#(#tags),*]
            }
        }
    });
    let google = google_fns(cx);
    quote!(#locales #google)
}

/// `__reason`, `__domain` and `__fields`: generated only where the
/// `google` feature is on, so that other builds compile nothing more.
#[cfg(feature = "google")]
fn google_fns(cx: &Cx) -> TokenStream {
    use crate::model::Message;
    use crate::span::respan;
    use quote::quote_spanned;
    let (core, private, option) = (&cx.core, &cx.private, &cx.option);
    let this = &cx.locals.this;
    let str_ty = quote!(&'static #core::primitive::str);
    let reasons = cx.model.variants.iter().map(|v| {
        let pat = cx.pattern(v, []);
        let reason = &v.reason;
        quote!(#pat => #reason,)
    });
    let reason = quote! {
        fn __reason(&self) -> #option<#str_ty> {
            #option::Some(match #this { #(#reasons)* })
        }
    };
    let domain = cx.model.domain.map(|d| {
        quote! {
            fn __domain(&self) -> #option<#str_ty> {
                #option::Some(#d)
            }
        }
    });
    // A generic field's Display/Debug is proven only by the Display impl's
    // bounds: the metadata of generic types is left out.
    if !cx.model.generics.params.is_empty() {
        return quote!(#reason #domain);
    }
    let visit = quote::format_ident!("__uni_visit");
    let mut arms = Vec::new();
    for v in &cx.model.variants {
        let Message::Format(expanded) = &v.message else {
            continue;
        };
        let mut calls = Vec::new();
        let mut fields = Vec::new();
        let mut done: Vec<usize> = Vec::new();
        for (i, tr) in expanded.bounds.iter() {
            if done.contains(i) {
                continue;
            }
            done.push(*i);
            let field = &v.fields[*i];
            fields.push(field);
            let key = metadata_key(&field.member);
            let binding = &field.binding;
            let span = binding.span();
            let private = respan(private, span);
            let wrapper = if *tr == crate::fmt::FmtTrait::Debug {
                quote_spanned!(span=> #private::MetaDebugOf)
            } else {
                quote_spanned!(span=> #private::MetaOf)
            };
            calls.push(quote_spanned! {span=>
                (&#wrapper(#binding)).__meta(#key, #visit);
            });
        }
        if calls.is_empty() {
            continue;
        }
        let pat = cx.pattern(v, fields);
        arms.push(quote!(#[allow(deprecated)] #pat => { #(#calls)* }));
    }
    let fields_fn = (!arms.is_empty()).then(|| {
        quote! {
            fn __fields(&self, #visit: &mut dyn #core::ops::FnMut(#str_ty, &dyn #core::fmt::Display)) {
                #[allow(unused_imports)]
                use #private::{MetaDisplay as _, MetaNone as _};
                #[allow(unreachable_patterns)]
                match #this { #(#arms)* _ => {} }
            }
        }
    });
    quote!(#reason #domain #fields_fn)
}

/// Without the `google` feature: nothing.
#[cfg(not(feature = "google"))]
fn google_fns(_: &Cx) -> TokenStream {
    TokenStream::new()
}

/// A field's `ErrorInfo.metadata` key: `order_id` → `orderId`, `0` →
/// `arg0`.
#[cfg(feature = "google")]
fn metadata_key(member: &syn::Member) -> String {
    use syn::ext::IdentExt;
    match member {
        syn::Member::Named(ident) => lower_camel(&ident.unraw().to_string()),
        syn::Member::Unnamed(index) => format!("arg{}", index.index),
    }
}

/// `order_id` → `orderId`.
#[cfg(any(feature = "google", test))]
pub fn lower_camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.trim_start_matches('_').chars() {
        if c == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::lower_camel;

    #[test]
    fn keys_in_lower_camel_case() {
        assert_eq!(lower_camel("order_id"), "orderId");
        assert_eq!(lower_camel("reason"), "reason");
        assert_eq!(lower_camel("_x_y"), "xY");
        assert_eq!(lower_camel("a__b"), "aB");
    }
}
