//! `impl serde::Serialize`: the uni shape, streamed by the runtime's
//! `serialize` with the variant's data.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use crate::model::Message;

use super::{cause, match_with_rest, Cx};
use crate::span::respan;

/// The impl.
pub fn expand(cx: &Cx) -> TokenStream {
    let (krate, private, core, option) = (&cx.krate, &cx.private, &cx.core, &cx.option);
    let (this, serializer, s_ty) = (&cx.locals.this, &cx.locals.serializer, &cx.locals.s_ty);
    let no_data = quote!(#private::serialize(#this, #option::<&()>::None, #serializer));
    let mut arms = Vec::new();
    let mut rest = false;
    let mut any_data = false;
    for v in &cx.model.variants {
        if let Message::Transparent(field) = v.message {
            // Through data(), whose impl has the bounds the dispatch needs.
            let pat = cx.pattern(v, [field]);
            arms.push(quote! {
                #pat => #private::serialize(
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
            #pat => #kind.serialize(#this, #value, #serializer),
        });
        any_data = true;
    }
    let dispatch = any_data.then(|| cause::dispatch(cx));
    let body = match_with_rest(this, &arms, rest, &no_data);
    let serialize = quote! {
        fn serialize<#s_ty>(&self, #serializer: #s_ty) -> #core::result::Result<#s_ty::Ok, #s_ty::Error>
        where
            #s_ty: #private::serde::Serializer,
        {
            #dispatch
            #body
        }
    };
    cx.impl_block(
        &quote!(#private::serde::Serialize),
        &cx.bounds.serialize,
        &serialize,
    )
}
