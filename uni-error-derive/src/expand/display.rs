//! `impl Display` (from each `#[msg]`) and `impl std::error::Error` (its
//! `source()`), for types with messages.

use proc_macro2::{TokenStream, TokenTree};
use quote::{quote, quote_spanned};

use crate::model::Message;

use super::{cause, text, Cx};
use crate::span::respan;

/// Both impls.
pub fn expand(cx: &Cx) -> TokenStream {
    let (private, core) = (&cx.private, &cx.core);
    let (this, formatter) = (&cx.locals.this, &cx.locals.formatter);
    // The arms as one list of token trees (see `text::trees`).
    let mut arms: Vec<TokenTree> = Vec::new();
    // The translations' arms, in `LocalizedDisplay::__fmt_locale`: apart
    // from `fmt`, so that neither function grows with the languages'
    // product (borrow checking is superlinear in a function's size).
    let mut locale_arms: Vec<TokenTree> = Vec::new();
    let write_path = quote!(#core::write);
    let mut probes = false;
    for v in &cx.model.variants {
        match &v.message {
            Message::Transparent(field) => {
                let pat = cx.pattern(v, [*field]);
                let binding = &field.binding;
                let span = field.ty_span;
                let core = respan(core, span);
                arms.extend(quote_spanned! {span=>
                    #pat => #core::fmt::Display::fmt(#binding, #formatter),
                });
            }
            Message::Format(expanded) => {
                let translations: Vec<_> = v
                    .translations
                    .iter()
                    .map(|t| (&t.expanded, t.pieces.as_deref()))
                    .collect();
                if !translations.is_empty() {
                    probes |= text::trees::display_arm(
                        &mut locale_arms,
                        cx.model.is_enum,
                        v.ident,
                        v.fields,
                        expanded,
                        &translations,
                        formatter,
                        &write_path,
                        private,
                    );
                }
                probes |= text::trees::display_arm(
                    &mut arms,
                    cx.model.is_enum,
                    v.ident,
                    v.fields,
                    expanded,
                    &[],
                    formatter,
                    &write_path,
                    private,
                );
            }
            // Validation requires a message on every variant or none, but
            // for a deprecated variant kept for its code: an empty errMsg.
            Message::None if v.union_only => {
                let pat = cx.pattern(v, []);
                arms.extend(quote!(#pat => #core::result::Result::Ok(()),));
            }
            Message::None => {}
        }
    }
    let arms: TokenStream = arms.into_iter().collect();
    let alternate = cause::alternate(cx);
    // The traits of `{field}`'s autoref probe, when a string has one.
    let probe = probes.then(|| {
        quote! {
            #[allow(unused_imports)]
            use #private::{DisplayAsIs as _, DisplayPath as _};
        }
    });
    // With #[locales]: the language the request in effect picks, read
    // once (0, the default, without one); a translation writes through
    // `__fmt_locale`, any other variant as by default.
    let localized = !locale_arms.is_empty();
    let locale = localized.then(|| {
        let tags = &cx.model.locales;
        let index = text::trees::locale_index();
        quote! {
            let #index = #private::requested_index(&[#(#tags),*]);
            if #index != 0 {
                if let #core::option::Option::Some(__uni_written) =
                    #private::LocalizedDisplay::__fmt_locale(self, #index, #formatter)
                {
                    return __uni_written;
                }
            }
        }
    });
    let display = quote! {
        fn fmt(&self, #formatter: &mut #core::fmt::Formatter<'_>) -> #core::fmt::Result {
            #probe
            #alternate
            #locale
            match #this { #arms }
        }
    };
    let mut out = cx.impl_block(&quote!(#core::fmt::Display), &cx.bounds.display, &display);
    if localized {
        let locale_arms: TokenStream = locale_arms.into_iter().collect();
        let index = text::trees::locale_index();
        let fmt_locale = quote! {
            fn __fmt_locale(
                &self,
                #index: #core::primitive::usize,
                #formatter: &mut #core::fmt::Formatter<'_>,
            ) -> #core::option::Option<#core::fmt::Result> {
                #probe
                #[allow(unreachable_patterns)]
                match #this { #locale_arms _ => #core::option::Option::None }
            }
        };
        out.extend(cx.impl_block(
            &quote!(#private::LocalizedDisplay),
            &cx.bounds.display,
            &fmt_locale,
        ));
    }
    let source_fn = cause::source_fn(cx);
    out.extend(cx.impl_block(
        &quote!(#private::std::error::Error),
        &cx.bounds.error,
        &quote!(#source_fn),
    ));
    out
}
