//! `impl serde::Serialize`: the uni shape, streamed by the runtime's
//! `serialize` with the variant's data.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use crate::model::Message;

use super::{cause, match_with_rest, Cx};
use crate::span::respan;

/// The impl.
pub fn expand(cx: &Cx) -> TokenStream {
    let (private, core) = (&cx.private, &cx.core);
    let (serializer, s_ty) = (&cx.locals.serializer, &cx.locals.s_ty);
    let body = body(cx, "serialize");
    let serialize = quote! {
        fn serialize<#s_ty>(&self, #serializer: #s_ty) -> #core::result::Result<#s_ty::Ok, #s_ty::Error>
        where
            #s_ty: #private::serde::Serializer,
        {
            #body
        }
    };
    cx.impl_block(
        &quote!(#private::serde::Serialize),
        &cx.bounds.serialize,
        &serialize,
    )
}

/// `UniError::write_json`: the same dispatch on the variant's data as
/// `serialize`, into the runtime's direct writer.
pub fn write_json_fn(cx: &Cx) -> TokenStream {
    let (core, private) = (&cx.core, &cx.private);
    let out = &cx.locals.serializer;
    let body = body(cx, "write_json");
    // `#[inline]`: compiled where it is called, as the generic `serialize`
    // is, rather than in every deriving crate whether it is used or not.
    quote! {
        #[inline]
        fn write_json(
            &self,
            #out: &mut #private::std::vec::Vec<#core::primitive::u8>,
        ) -> #core::result::Result<(), #private::serde_json::Error> {
            #body
        }
    }
}

/// The match on the variant that hands its data to the runtime's `method`
/// (`serialize`, or `write_json`, whose last argument has the same name).
fn body(cx: &Cx, method: &str) -> TokenStream {
    let (krate, private, option) = (&cx.krate, &cx.private, &cx.option);
    let (this, serializer) = (&cx.locals.this, &cx.locals.serializer);
    let method = proc_macro2::Ident::new(method, proc_macro2::Span::call_site());
    let no_data = quote!(#private::#method(#this, #option::<&()>::None, #serializer));
    let mut arms = Vec::new();
    let mut rest = false;
    let mut any_data = false;
    for v in &cx.model.variants {
        if let Message::Transparent(field) = v.message {
            // Through data(), whose impl has the bounds the dispatch needs.
            let pat = cx.pattern(v, [field]);
            arms.push(quote! {
                #pat => #private::#method(
                    #this,
                    #krate::UniError::data(#this).as_ref(),
                    #serializer,
                ),
            });
            continue;
        }
        let Some(data) = &v.data else {
            rest = true;
            continue;
        };
        let pat = cx.pattern(v, [data.field]);
        let binding = &data.field.binding;
        // At the field, so "`X` does not implement Serialize" points there.
        let span = data.field.ty_span;
        let value = if data.optional {
            quote_spanned!(span=> #binding.as_ref())
        } else {
            let option = respan(option, span);
            quote_spanned!(span=> #option::Some(#binding))
        };
        // The data's kind (`Serialize` or not); data() checks it.
        let kind = cause::data_kind(cx, span, data.value_ty);
        // It names the field's type, which a user may allow as deprecated
        // on the field.
        arms.push(quote_spanned! {span=>
            #[allow(deprecated)]
            #pat => #kind.#method(#this, #value, #serializer),
        });
        any_data = true;
    }
    let dispatch = any_data.then(|| cause::dispatch(cx));
    let body = match_with_rest(this, &arms, rest, &no_data);
    quote! {
        #dispatch
        #body
    }
}
