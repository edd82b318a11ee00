//! `impl Display` (from each `#[msg]`) and `impl std::error::Error` (its
//! `source()`), for types with messages.

use proc_macro2::{TokenStream, TokenTree};
use quote::{quote, quote_spanned};

use crate::locale::Part;
use crate::model::Message;

use super::{cause, text, Cx};
use crate::span::respan;

/// Both impls.
pub fn expand(cx: &Cx) -> TokenStream {
    let (private, core) = (&cx.private, &cx.core);
    let (this, formatter) = (&cx.locals.this, &cx.locals.formatter);
    // The arms as one list of token trees (see `text::trees`).
    let mut arms: Vec<TokenTree> = Vec::new();
    let write_path = quote!(#core::write);
    let mut probes = false;
    // With #[locales]: the messages of the variants whose messages are all
    // plain, every language, as one table the runtime reads (language
    // first, then the variant's slot in it).
    let locales = cx.model.locales.len();
    let mut table: Vec<Vec<&str>> = vec![Vec::new(); if locales > 1 { locales } else { 0 }];
    // Messages written piece by piece (`text::trees::direct_body`): not
    // with #[locales] (its own table), nor beside a transparent variant,
    // whose field is handed the caller's flags.
    let direct_ok = locales <= 1
        && !cx
            .model
            .variants
            .iter()
            .any(|v| matches!(v.message, Message::Transparent(_)));
    let mut any_direct = false;
    for v in &cx.model.variants {
        if let (Message::Format(_), Some(t), true) = (&v.message, &v.text, locales > 1) {
            let slot = table[0].len();
            for (language, text) in table.iter_mut().zip(&t.texts) {
                language.push(text);
            }
            probes |= text::trees::text_arm(
                &mut arms,
                cx.model.is_enum,
                v.ident,
                v.fields,
                &t.args,
                slot,
                formatter,
                private,
            );
            continue;
        }
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
                let direct = if direct_ok && !expanded.plain && expanded.args.is_empty() {
                    crate::locale::parts(v.template, v.fields)
                        .filter(|parts| !parts.iter().any(|p| matches!(p, Part::Field(_, true))))
                } else {
                    None
                };
                any_direct |= direct.is_some();
                let translations: Vec<_> = v
                    .translations
                    .iter()
                    .map(|t| (&t.expanded, t.pieces.as_deref()))
                    .collect();
                probes |= text::trees::display_arm(
                    &mut arms,
                    cx.model.is_enum,
                    v.ident,
                    v.fields,
                    expanded,
                    &translations,
                    direct.as_deref(),
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
    // once (0, the default, without one).
    let locale = (locales > 1).then(|| {
        let tags = &cx.model.locales;
        let index = text::trees::locale_index();
        let texts = (!table[0].is_empty()).then(|| {
            let name = text::trees::text_table();
            let rows = text::text_table(&table);
            quote! {
                static #name: [&[&#core::primitive::str]; #locales] = #rows;
            }
        });
        quote! {
            #texts
            let #index = #private::requested_index(&[#(#tags),*]);
        }
    });
    // A caller's flags (`{:>20}`) go to no field: where arms write to the
    // formatter at hand, a flagged one is swapped for a plain one first.
    let restyle = any_direct.then(|| {
        quote! {
            if !#private::plain_flags(#formatter) {
                return #private::restyle(#this, #formatter);
            }
        }
    });
    let display = quote! {
        fn fmt(&self, #formatter: &mut #core::fmt::Formatter<'_>) -> #core::fmt::Result {
            #probe
            #alternate
            #restyle
            #locale
            match #this { #arms }
        }
    };
    let mut out = cx.impl_block(&quote!(#core::fmt::Display), &cx.bounds.display, &display);
    let source_fn = cause::source_fn(cx);
    out.extend(cx.impl_block(
        &quote!(#private::std::error::Error),
        &cx.bounds.error,
        &quote!(#source_fn),
    ));
    out
}
